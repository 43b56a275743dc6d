/**
 * One unit's checked workbook as plain, serialisable data (it crosses worker threads and goes
 * into `merge --json`), its figures' fingerprint, and the "Nguồn" sheet of a consolidated
 * workbook read back as the previous period's unit list.
 */
import { type TableName } from '../contract';
import { TABLES, type FilesFlow } from '../tables';
import type { Finding, Summary } from '../findings';
import type { SheetGrid, WorkbookModel } from '../model';
import type { CheckReport, DataRow, PeriodInfo, TableData } from '../report';
import { foldText } from '../text';
import { looseName } from '../labels';

export interface PlainRow {
  sheetRow: number;
  label: string;
  values: Record<string, number | null>;
  text: Record<string, string | null>;
  cells: Record<string, string>;
}

export interface PlainTable {
  name: TableName;
  sheet: string;
  rows: PlainRow[];
  sums: Record<string, number | null>;
  total?: PlainRow;
  columns: string[];
}

export interface UnitReport {
  /** The path as given (or found in a folder). */
  file: string;
  /** Hash of the file's bytes, computed by the adapter. */
  fileHash: string;
  /** Hash of the figures read (all tables), so a re-typed or re-saved copy is still recognised. */
  figuresHash: string;
  /** The reporting unit as written, else the file name. */
  unit: string;
  unitStated: boolean;
  /** Where the unit is written, for messages that point at the unit's own file. */
  unitAt?: { sheet: string; cell: string };
  period: PeriodInfo | null;
  /** What was recognised, in one line: "mẫu chuẩn" or the tables found by their headers. */
  layout: string;
  summary: Summary;
  issues: Finding[];
  tables: Partial<Record<TableName, PlainTable>>;
  /** The file is a consolidated workbook (`isConsolidation`), not one unit's: merge leaves it out. */
  consolidation?: boolean;
}

/** The previous consolidated workbook's line for one unit (its "Nguồn" sheet). */
export interface PreviousUnit {
  unit: string;
  fileHash: string | null;
  figuresHash: string | null;
  /** Received in the period: trực tuyến + trực tiếp, bưu chính. */
  received: number | null;
  /** Pending at the end of the period ("Đang giải quyết"): the next period's T5. */
  pending: number | null;
}

// DataRow.cells is a getter on the checker's Row class: structured clone would drop it.
const plainRow = (r: DataRow): PlainRow => ({ sheetRow: r.sheetRow, label: r.label, values: { ...r.values }, text: { ...r.text }, cells: { ...r.cells } });

function plainTable(t: TableData): PlainTable {
  const out: PlainTable = { name: t.name, sheet: t.sheet, rows: t.rows.map(plainRow), sums: { ...t.sums }, columns: [...t.columns] };
  if (t.total) out.total = plainRow(t.total);
  return out;
}

/** A unit's name compared loosely: case, diacritics and punctuation aside. */
export const unitKey = (name: string) => foldText(name).replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Whether a workbook is a consolidation written by `cchc merge` (or compiled the same way): it has a
 * "Nguồn" sheet listing units (its "Đơn vị" column) and a "Truy vết" sheet. Left in the units'
 * folder, it would otherwise be summed as one more unit and double every figure.
 */
export function isConsolidation(model: WorkbookModel): boolean {
  const named = (n: string) => model.sheets.some((s) => foldText(s.name) === foldText(n));
  return named(TRACE_SHEET) && readPreviousUnits(model) !== null;
}

/** `model`, when given, is the workbook the report was made from: it tells a consolidation (isConsolidation). */
export function toUnitReport(report: CheckReport, file: string, fileHash: string, model?: WorkbookModel): UnitReport {
  const tables: Partial<Record<TableName, PlainTable>> = {};
  for (const [name, t] of Object.entries(report.data.tables) as [TableName, TableData][]) tables[name] = plainTable(t);
  const unitInfo = report.recognized?.info.find((i) => i.name === 'DonViBaoCao');
  const base = file.split(/[\\/]/).pop() ?? file;
  const out: UnitReport = {
    file,
    fileHash,
    figuresHash: figuresHash(tables),
    unit: report.data.unit?.trim() || base,
    unitStated: !!report.data.unit?.trim(),
    period: report.period ?? null,
    layout: layoutLine(report),
    summary: { ...report.summary },
    issues: report.issues,
    tables,
  };
  if (unitInfo) out.unitAt = { sheet: unitInfo.sheet, cell: unitInfo.cell };
  if (model && isConsolidation(model)) out.consolidation = true;
  return out;
}

function layoutLine(report: CheckReport): string {
  const rec = report.recognized?.tables ?? [];
  if (!rec.length) return 'không nhận ra bảng nào';
  if (rec.every((t) => t.how === 'name')) return `mẫu chuẩn (${rec.length} bảng có tên)`;
  return rec.map((t) => `${TABLES.find((s) => s.name === t.table)?.metrics.title ?? t.table}: ${t.sheet}!${t.range}${t.how === 'headers' ? ' (theo tiêu đề cột)' : ''}`).join('; ');
}

/**
 * FNV-1a over the figures in a fixed order. Not cryptographic: it only has to tell two units'
 * tables apart, and the core may not use Node's crypto.
 */
export function figuresHash(tables: Partial<Record<TableName, PlainTable>>): string {
  const parts: string[] = [];
  for (const spec of TABLES) {
    const t = tables[spec.name];
    if (!t) continue;
    const rows = t.rows.map((r) => `${looseName(r.label)}=${Object.keys(r.values).sort().map((k) => `${k}:${r.values[k] ?? ''}`).join(',')}`).sort();
    parts.push(`${spec.name}[${rows.join(';')}]`);
  }
  const s = parts.join('|');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Whether a unit's result table holds any figure other than 0: blank templates all look alike. */
export function hasFigures(u: UnitReport): boolean {
  return Object.values(u.tables).some((t) => t.rows.some((r) => Object.values(r.values).some((v) => v != null && v !== 0)));
}

/** Received in the period and pending at its end, from the unit's table whose files carry over (its module's `consolidation.flow`). */
export function unitFlow(u: UnitReport): FilesFlow {
  for (const t of TABLES) {
    const s = u.tables[t.name]?.sums;
    if (t.consolidation.by === 'sum' && t.consolidation.flow && s) return t.consolidation.flow(s);
  }
  return { received: null, carried: null, pending: null };
}

/** The sheet of one line per source file (src/xlsx/merge-workbook.ts). */
export const SOURCE_SHEET = 'Nguồn';
/** The sheet of each consolidated figure and the cells it came from (src/xlsx/merge-workbook.ts). */
export const TRACE_SHEET = 'Truy vết';
/** The fingerprints' headers: last, and saying who reads them, since a hex string tells an officer nothing. */
const FILE_FINGERPRINT = 'Mã nhận dạng tệp (cho bộ phận CNTT)';
const FIGURES_FINGERPRINT = 'Mã nhận dạng số liệu (cho bộ phận CNTT)';
/** Headers of the "Nguồn" sheet, in order; read back by `readPreviousUnits`. */
export const SOURCE_HEADERS = [
  'STT',
  'Tệp',
  'Đơn vị',
  'Kỳ báo cáo',
  'Từ ngày',
  'Đến ngày',
  'Bố cục nhận ra',
  'Số lỗi',
  'Số cảnh báo',
  'Hồ sơ tiếp nhận trong kỳ',
  'Hồ sơ từ kỳ trước',
  'Hồ sơ còn đang giải quyết',
  'Tình trạng',
  FILE_FINGERPRINT,
  FIGURES_FINGERPRINT,
] as const;

const cellString = (sheet: SheetGrid, r: number, c: number): string => {
  const v = sheet.rows[r]?.[c]?.v;
  return v == null ? '' : String(v).trim();
};
const cellNumber = (sheet: SheetGrid, r: number, c: number): number | null => {
  const v = sheet.rows[r]?.[c]?.v;
  if (typeof v === 'number') return v;
  return null;
};

/**
 * The units of a consolidated workbook written by `cchc merge`, from its "Nguồn" sheet; null when
 * the workbook has none (a Sở workbook compiled by hand): unit comparisons then cannot run.
 * Units that were listed as absent are not units of that period.
 */
export function readPreviousUnits(model: WorkbookModel): PreviousUnit[] | null {
  const sheet = model.sheets.find((s) => foldText(s.name) === foldText(SOURCE_SHEET));
  if (!sheet) return null;
  const head = sheet.rows[0] ?? [];
  // Any of the names a header had: consolidations written before the fingerprints moved last name them "Dấu vân tay …".
  const col = (...names: string[]) => head.findIndex((c) => c && names.some((h) => foldText(String(c.v ?? '')) === foldText(h)));
  const cUnit = col('Đơn vị');
  if (cUnit < 0) return null;
  const [cFile, cFig, cRec, cPend, cStatus] = [col(FILE_FINGERPRINT, 'Dấu vân tay tệp'), col(FIGURES_FINGERPRINT, 'Dấu vân tay số liệu'), col('Hồ sơ tiếp nhận trong kỳ'), col('Hồ sơ còn đang giải quyết'), col('Tình trạng')];
  const out: PreviousUnit[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const unit = cellString(sheet, r, cUnit);
    if (!unit) continue;
    if (cStatus >= 0 && foldText(cellString(sheet, r, cStatus)).startsWith('khong co tep')) continue;
    out.push({
      unit,
      fileHash: cFile >= 0 ? cellString(sheet, r, cFile) || null : null,
      figuresHash: cFig >= 0 ? cellString(sheet, r, cFig) || null : null,
      received: cRec >= 0 ? cellNumber(sheet, r, cRec) : null,
      pending: cPend >= 0 ? cellNumber(sheet, r, cPend) : null,
    });
  }
  return out;
}
