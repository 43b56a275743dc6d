/**
 * Consolidation of the units' tables into the Sở's: every count summed over the rows that name
 * the same thing (lĩnh vực, kind of feedback, đơn vị + loại + tuyến, đối tượng, chỉ tiêu), rates
 * never averaged: the writer recomputes each derived rate from the summed counts of its row. Only
 * the survey rates have no counts behind them in the tables, so they are weighted by the number
 * of respondents, and the trace says so. The TTHC catalogue is province-wide (every unit lists the
 * same procedures): it is not summed but taken from the Sở's own workbook, else the first unit's.
 * Every figure keeps its sources (file, sheet, cell, value) for the "Truy vết" sheet.
 */
import type { TableName, TableSpec } from '../contract';
import { TABLES, derivedRateValue } from '../tables';
import { roundNoise } from '../calculators';
import { roundTo } from '../numbers';
import { computeMetrics } from '../checks/metrics';
import type { DataRow, ExtractedData, TableData } from '../report';
import { foldText } from '../text';
import type { UnitReport } from './units';

export interface TraceSource {
  file: string;
  unit: string;
  sheet: string;
  cell: string;
  value: number | null;
}

export type TraceMethod = 'sum' | 'weighted' | 'taken' | 'ratio';

export interface TraceEntry {
  table: TableName;
  /** Row label in the consolidated table ("Tổng cộng" for the totals row). */
  row: string;
  column: string;
  header: string;
  value: number | null;
  method: TraceMethod;
  note?: string;
  sources: TraceSource[];
}

export type ConsolidatedRow = Record<string, string | number | null>;

export interface Consolidated {
  tables: Partial<Record<TableName, ConsolidatedRow[]>>;
  trace: TraceEntry[];
  /** How tables were consolidated where it is not a plain sum (catalogue taken, survey weighted). */
  notes: string[];
  /** The consolidated workbook's indicators, as `check` computes them. */
  metrics: Record<string, number | null>;
}

/** The Sở's own workbook: its catalogue is the province's. */
const isDepartment = (u: UnitReport) => /^so y te\b/.test(foldText(u.unit));

const headerOf = (spec: TableSpec, key: string) => spec.columns.find((c) => c.key === key)?.header ?? key;

interface Acc {
  row: ConsolidatedRow;
  sources: Map<string, TraceSource[]>;
  /** For weighted rates: Σ rate × respondents and Σ respondents of the rows that have both. */
  weighted: Map<string, { num: number; den: number; skipped: string[] }>;
}

export function consolidate(units: readonly UnitReport[]): Consolidated {
  const tables: Partial<Record<TableName, ConsolidatedRow[]>> = {};
  const trace: TraceEntry[] = [];
  const notes: string[] = [];

  for (const spec of TABLES) {
    const holders = units.filter((u) => u.tables[spec.name]?.rows.length);
    if (!holders.length) continue;
    const how = spec.consolidation;
    if (how.by === 'taken') {
      const from = holders.find(isDepartment) ?? holders[0]!;
      const t = from.tables[spec.name]!;
      const countKeys = spec.columns.filter((c) => c.kind === 'count' && t.columns.includes(c.key)).map((c) => c.key);
      tables[spec.name] = t.rows.map((r) => {
        const row: ConsolidatedRow = { [spec.labelKey]: r.label };
        for (const k of countKeys) {
          row[k] = r.values[k] ?? null;
          trace.push({ table: spec.name, row: r.label, column: k, header: headerOf(spec, k), value: r.values[k] ?? null, method: 'taken', sources: [{ file: from.file, unit: from.unit, sheet: t.sheet, cell: r.cells[k] ?? '', value: r.values[k] ?? null }] });
        }
        return row;
      });
      notes.push(
        `${spec.metrics.title} là danh mục chung của tỉnh nên không cộng giữa các đơn vị: đã lấy của ${isDepartment(from) ? 'Sở Y tế' : 'đơn vị đầu tiên có bảng này'} ("${from.unit}", tệp ${from.file}).`,
      );
      continue;
    }

    const countKeys = spec.columns.filter((c) => c.kind === 'count').map((c) => c.key);
    const rateKeys = spec.columns.filter((c) => c.kind === 'rate').map((c) => c.key);
    const textKeys = spec.columns.filter((c) => c.kind === 'text' || c.kind === 'enum').map((c) => c.key);
    const present = new Set(holders.flatMap((u) => u.tables[spec.name]!.columns));
    const byKey = new Map<string, Acc>();
    for (const u of holders) {
      const t = u.tables[spec.name]!;
      for (const r of t.rows) {
        const k = how.rowKey(r);
        let acc = byKey.get(k);
        if (!acc) {
          const row: ConsolidatedRow = {};
          for (const tk of textKeys) row[tk] = tk === spec.labelKey ? r.label : (r.text[tk] ?? null);
          acc = { row, sources: new Map(), weighted: new Map() };
          byKey.set(k, acc);
        }
        for (const ck of countKeys) {
          if (!present.has(ck)) continue;
          const v = r.values[ck];
          if (v == null) continue;
          acc.row[ck] = roundNoise(((acc.row[ck] as number | null | undefined) ?? 0) + v);
          const list = acc.sources.get(ck) ?? [];
          list.push({ file: u.file, unit: u.unit, sheet: t.sheet, cell: r.cells[ck] ?? '', value: v });
          acc.sources.set(ck, list);
        }
        for (const rk of rateKeys) {
          const v = r.values[rk];
          if (v == null) continue;
          const w = acc.weighted.get(rk) ?? { num: 0, den: 0, skipped: [] };
          const n = how.weight ? r.values[how.weight] : undefined;
          if (n == null || n <= 0) w.skipped.push(u.unit);
          else {
            w.num += v * n;
            w.den += n;
            const list = acc.sources.get(rk) ?? [];
            list.push({ file: u.file, unit: u.unit, sheet: t.sheet, cell: r.cells[rk] ?? '', value: v });
            acc.sources.set(rk, list);
          }
          acc.weighted.set(rk, w);
        }
      }
    }
    const rows: ConsolidatedRow[] = [];
    for (const acc of byKey.values()) {
      const label = String(acc.row[spec.labelKey] ?? '');
      for (const ck of countKeys) {
        if (!present.has(ck)) continue;
        if (acc.row[ck] === undefined) acc.row[ck] = null;
        trace.push({ table: spec.name, row: label, column: ck, header: headerOf(spec, ck), value: acc.row[ck] as number | null, method: 'sum', sources: acc.sources.get(ck) ?? [] });
      }
      for (const [rk, w] of acc.weighted) {
        const value = w.den > 0 ? roundTo(w.num / w.den, 2) : null;
        acc.row[rk] = value;
        const note = `bình quân gia quyền theo số phiếu (bảng không có số phiếu hài lòng để tính lại)${w.skipped.length ? `; không tính ${w.skipped.join(', ')} vì thiếu số phiếu` : ''}`;
        trace.push({ table: spec.name, row: label, column: rk, header: headerOf(spec, rk), value, method: 'weighted', note, sources: acc.sources.get(rk) ?? [] });
      }
      rows.push(acc.row);
    }
    for (const d of spec.derivedRates) {
      for (const row of rows) {
        const value = derivedRateValue(d, row as Record<string, number | null>);
        trace.push({ table: spec.name, row: String(row[spec.labelKey] ?? ''), column: d.key, header: headerOf(spec, d.key), value: value == null ? null : roundTo(value, 2), method: 'ratio', note: 'tính lại từ các số đã cộng của dòng (công thức trong sổ), không lấy bình quân tỷ lệ của các đơn vị', sources: [] });
      }
    }
    if (spec.totals.length) {
      for (const k of spec.totals) {
        if (!present.has(k) || !countKeys.includes(k)) continue;
        const value = rows.reduce<number | null>((a, r) => (typeof r[k] === 'number' ? roundNoise((a ?? 0) + (r[k] as number)) : a), null);
        const sources: TraceSource[] = holders.map((u) => {
          const t = u.tables[spec.name]!;
          const cells = t.rows.map((r) => r.cells[k]).filter((x): x is string => !!x);
          const cell = t.total?.cells[k] ?? (cells.length > 1 ? `${cells[0]}:${cells[cells.length - 1]}` : (cells[0] ?? ''));
          return { file: u.file, unit: u.unit, sheet: t.sheet, cell, value: t.sums[k] ?? null };
        });
        trace.push({ table: spec.name, row: 'Tổng cộng', column: k, header: headerOf(spec, k), value, method: 'sum', sources });
      }
    }
    if (how.note) notes.push(how.note);
    tables[spec.name] = rows;
  }
  return { tables, trace, notes, metrics: computeMetrics(asExtracted(tables)) };
}

/** The consolidated rows as the checker's data, so the indicators are computed by the same code as `check`. */
function asExtracted(tables: Partial<Record<TableName, ConsolidatedRow[]>>): ExtractedData {
  const data: ExtractedData = { unit: null, recipient: null, tables: {} };
  for (const spec of TABLES) {
    const rows = tables[spec.name];
    if (!rows) continue;
    const dataRows: DataRow[] = rows.map((r, i) => {
      const values: Record<string, number | null> = {};
      const text: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(r)) {
        if (typeof v === 'number' || v === null) values[k] = v;
        else text[k] = v;
      }
      for (const d of spec.derivedRates) values[d.key] = derivedRateValue(d, values);
      return { sheetRow: i + 1, label: String(r[spec.labelKey] ?? ''), values, text, cells: {} };
    });
    const sums: Record<string, number | null> = {};
    for (const c of spec.columns) {
      if (c.kind !== 'count') continue;
      const vs = dataRows.map((r) => r.values[c.key]).filter((v): v is number => typeof v === 'number');
      sums[c.key] = vs.length ? roundNoise(vs.reduce((a, b) => a + b, 0)) : null;
    }
    const t: TableData = { name: spec.name, sheet: spec.sheet, rows: dataRows, sums, columns: Object.keys(sums) };
    data.tables[spec.name] = t;
  }
  return data;
}
