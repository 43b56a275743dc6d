/**
 * The consolidated standard workbook of `cchc merge`: the contract's tables filled with the
 * consolidated rows (derived rates left to their formulas, so every rate is recomputed from the
 * summed counts), plus "Nguồn" (one line per source file) and "Truy vết" (each consolidated
 * figure and the cells it came from).
 */
import { PERIOD_KINDS, TABLES, type PeriodKind, type TableName } from '../core/contract';
import type { MergeResult } from '../core/merge/merge';
import { SOURCE_HEADERS, SOURCE_SHEET } from '../core/merge/units';
import { buildWorkbook, type BuildOptions, type CellInput } from './template';

export const TRACE_SHEET = 'Truy vết';
export const TRACE_HEADERS = ['Bảng', 'Dòng', 'Cột', 'Số tổng hợp', 'Cách tính', 'Tệp nguồn', 'Đơn vị', 'Sheet', 'Ô', 'Số của đơn vị', 'Ghi chú'] as const;

const METHOD: Record<string, string> = { sum: 'Cộng', weighted: 'Bình quân gia quyền theo số phiếu', taken: 'Lấy nguyên', ratio: 'Tính lại từ số đã cộng' };

export function mergedWorkbookOptions(result: MergeResult, unit?: string): BuildOptions {
  const tables: BuildOptions['tables'] = {};
  for (const [name, rows] of Object.entries(result.consolidated.tables) as [TableName, Record<string, CellInput>[]][]) tables[name] = { rows };
  const sources: (string | number | null)[][] = [
    [...SOURCE_HEADERS],
    ...result.sources.map((s, i) => [i + 1, s.file, s.unit, s.period, s.from, s.to, s.layout, s.errors, s.warnings, s.fileHash, s.figuresHash, s.received, s.carried, s.pending, s.status]),
  ];
  const trace: (string | number | null)[][] = [[...TRACE_HEADERS]];
  for (const t of result.consolidated.trace) {
    const title = TABLES.find((s) => s.name === t.table)?.metrics.title ?? t.table;
    const head = [title, t.row, t.header, t.value, METHOD[t.method] ?? t.method];
    if (!t.sources.length) trace.push([...head, null, null, null, null, null, t.note ?? null]);
    for (const s of t.sources) trace.push([...head, s.file, s.unit, s.sheet, s.cell, s.value, t.note ?? null]);
  }
  const notes = result.consolidated.notes.map((n) => [null, n]);
  const options: BuildOptions = {
    unit: unit ?? result.unit ?? 'Tổng hợp các đơn vị',
    tables,
    extraSheets: [
      { name: SOURCE_SHEET, rows: notes.length ? [...sources, [], ...notes] : sources, widths: [5, 30, 34, 16, 11, 11, 40, 8, 10, 18, 18, 12, 12, 12, 34] },
      { name: TRACE_SHEET, rows: trace, widths: [20, 30, 26, 12, 22, 30, 30, 12, 8, 12, 40] },
    ],
  };
  const p = result.period;
  if (p && (PERIOD_KINDS as readonly string[]).includes(p.kind)) {
    options.periodKind = p.kind as PeriodKind;
    options.year = p.year;
    if (p.source === 'workbook') options.window = { from: p.from, to: p.to };
  }
  return options;
}

export async function buildMergedWorkbook(result: MergeResult, unit?: string): Promise<Uint8Array> {
  return buildWorkbook(mergedWorkbookOptions(result, unit));
}
