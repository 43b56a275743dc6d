/**
 * The consolidated standard workbook of `cchc merge`: the contract's tables filled with the
 * consolidated rows (derived rates left to their formulas, so every rate is recomputed from the
 * summed counts), plus "Nguồn" (one line per source file) and "Truy vết" (each consolidated
 * figure and the cells it came from).
 */
import { PERIOD_KINDS, type PeriodKind, type TableName } from '../core/contract';
import { TABLES } from '../core/tables';
import { formatDate } from '../core/format';
import type { MergeResult } from '../core/merge/merge';
import { SOURCE_HEADERS, SOURCE_SHEET, TRACE_SHEET } from '../core/merge/units';
import { newXmlDrops, spreadsheetText, xmlAllowedText, xmlDropsNote, type XmlDrops } from '../core/xml-text';
import { draftWorkbook, type BuildOptions, type CellInput } from './template';
import { writeDraft, type PlainSheet, type WrittenTally, type ZipParts } from './workbook-writer';
import { refusalMessage } from '../core/catalogue/refusals';
import { isUnreadableWorkbookError } from './errors';
import { LIMITS, streamPackage } from './package';

/**
 * A consolidation the readers could not read back: written, `cchc check` and the next
 * `merge --previous` would refuse it. `fit` is about how many units like these one consolidation holds.
 */
export class MergedWorkbookTooLargeError extends Error {
  override readonly name = 'MergedWorkbookTooLargeError';
  readonly code = 'merge_output_too_large';
  constructor(
    message: string,
    readonly fit: number,
  ) {
    super(message);
  }
}

/** One line per source cell; "Nguồn" is the STT of the file's line on the "Nguồn" sheet. */
export const TRACE_HEADERS = ['Bảng', 'Dòng', 'Cột', 'Số tổng hợp', 'Cách tính', 'Nguồn', 'Đơn vị', 'Sheet', 'Ô', 'Số của đơn vị', 'Ghi chú'] as const;

const METHOD: Record<string, string> = { sum: 'Cộng', weighted: 'Bình quân gia quyền theo số phiếu', taken: 'Lấy nguyên', ratio: 'Tính lại từ số đã cộng' };

/**
 * Every text of the workbook (unit, file, sheet names, row labels: all come from the units' files)
 * made writable as XML before the writer sees it, so that the drops are counted and told, and a
 * literal `_x0041_` is protected (src/core/xml-text.ts).
 */
function allowed<T extends CellInput | string | number | null>(v: T, drops: XmlDrops): T {
  return (typeof v === 'string' ? spreadsheetText(v, drops) : v) as T;
}

/** For what buildWorkbook writes: it protects `_xHHHH_` itself (twice would show "_x005F_"), so only the drops are counted here. */
function allowedForTemplate<T extends CellInput | string | number | null>(v: T, drops: XmlDrops): T {
  return (typeof v === 'string' ? xmlAllowedText(v, drops) : v) as T;
}

export function mergedWorkbookOptions(result: MergeResult, unit?: string, drops: XmlDrops = newXmlDrops()): BuildOptions & { extraSheets: PlainSheet[] } {
  const tables: BuildOptions['tables'] = {};
  for (const [name, rows] of Object.entries(result.consolidated.tables) as [TableName, Record<string, CellInput>[]][]) {
    tables[name] = { rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, allowedForTemplate(v, drops)]))) };
  }
  const sources: (string | number | null)[][] = [
    [...SOURCE_HEADERS],
    // Dates as the officer writes them (14/3/2022), in the order of SOURCE_HEADERS.
    ...result.sources.map((s, i) => [i + 1, s.file, s.unit, s.period, s.from && formatDate(s.from), s.to && formatDate(s.to), s.layout, s.errors, s.warnings, s.received, s.carried, s.pending, s.status, s.fileHash, s.figuresHash]),
  ];
  const stt = new Map(result.sources.map((s, i) => [s.file, i + 1]));
  const titles = new Map(TABLES.map((s) => [s.name as string, s.metrics.title]));
  // "Truy vết" is one line per source cell (126 000 at 800 units): its lines are made as the writer
  // takes them, not held in an array of arrays first (building that array was a third of writing
  // the workbook at 800 units, most of it the garbage collector moving it to the old space).
  function* traceRows(): Generator<(string | number | null)[]> {
    yield [...TRACE_HEADERS];
    for (const t of result.consolidated.trace) {
      const title = titles.get(t.table) ?? t.table;
      const method = METHOD[t.method] ?? t.method;
      if (!t.sources.length) yield [title, t.row, t.header, t.value, method, null, null, null, null, null, t.note ?? null];
      // The note once per figure: it is the same for every source.
      for (let j = 0; j < t.sources.length; j++) {
        const s = t.sources[j]!;
        yield [title, t.row, t.header, t.value, method, stt.get(s.file) ?? null, s.unit, s.sheet, s.cell, s.value, j === 0 ? (t.note ?? null) : null];
      }
    }
  }
  // The trace repeats a few hundred texts over tens of thousands of lines: each is cleaned once.
  const cleaned = new Map<string, string>();
  const once = (v: string | number | null) => (typeof v === 'string' ? (cleaned.get(v) ?? cleaned.set(v, allowed(v, drops)).get(v)!) : v);
  const clean = (rows: (string | number | null)[][]) => rows.map((r) => r.map(once));
  const cleanSources = clean(sources);
  // Every text of the trace cleaned now, in the order of its lines, so that the drops are counted
  // (and their examples taken) as when the lines were built here, before "Nguồn" says what was dropped.
  for (const r of traceRows()) for (const v of r) once(v);
  // Taken again by each reader of the sheet (the writer, a test): each pass a new walk of the trace.
  const cleanTrace: Iterable<(string | number | null)[]> = {
    *[Symbol.iterator]() {
      for (const r of traceRows()) {
        for (let k = 0; k < r.length; k++) r[k] = once(r[k]!);
        yield r;
      }
    },
  };
  const unitName = allowedForTemplate(unit ?? result.unit ?? 'Tổng hợp các đơn vị', drops);
  // The consolidation's notes quote unit and file names too: cleaned before the drops are told.
  const consolidationNotes = result.consolidated.notes.map((n) => allowed(n, drops));
  // Said in the workbook itself, where the changed names are: the pane writes the same workbook.
  const dropped = xmlDropsNote(drops);
  const notes = [...consolidationNotes, ...(dropped ? [allowed(dropped, drops)] : [])].map((n) => [null, n]);
  const options: BuildOptions & { extraSheets: PlainSheet[] } = {
    unit: unitName,
    tables,
    extraSheets: [
      { name: SOURCE_SHEET, rows: notes.length ? [...cleanSources, [], ...notes] : cleanSources, widths: [5, 30, 34, 16, 11, 11, 40, 8, 10, 12, 12, 12, 34, 20, 20] },
      { name: TRACE_SHEET, rows: cleanTrace, widths: [20, 30, 26, 12, 22, 30, 30, 12, 8, 12, 40] },
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
  return (await buildMergedWorkbookDetailed(result, unit)).bytes;
}

/**
 * The workbook, and the sentence saying which characters XML could not hold were dropped (null:
 * none). Written with the project's own writer (workbook-writer.ts): the standard sheets laid out
 * by template.ts on a draft, "Nguồn" and "Truy vết" streamed as plain values after them; `zip`
 * zips the parts (the command line passes src/zip/write-node.ts's, the pane keeps fflate's).
 */
export async function buildMergedWorkbookDetailed(result: MergeResult, unit?: string, zip?: ZipParts): Promise<{ bytes: Uint8Array; droppedNote: string | null }> {
  const drops = newXmlDrops();
  const { extraSheets, ...options } = mergedWorkbookOptions(result, unit, drops);
  const { bytes, tally } = writeDraft(draftWorkbook(options), extraSheets, { level: 1, mtime: new Date(), ...(zip ? { zip } : {}) });
  await assertReadable(bytes, tally, result.sources.filter((s) => s.included).length);
  return { bytes, droppedNote: xmlDropsNote(drops) };
}

/** Share of a limit under which the writer's own count stands for the reader's pass (see assertReadable). */
const CLEARLY_UNDER = 0.9;

/**
 * Refuses a consolidation the readers would refuse, before anyone writes it. The writer counts
 * what it writes (cells, rows, elements, bytes, parts, sheets; its XML nests 5 deep at most):
 * when every count is clearly under the reader's `LIMITS` (src/xlsx/package.ts), the package is
 * read back by nothing (that pass over the trace cost a sixth of a merge of 200 units). Near or
 * past a limit, the workbook goes through the reader's own counting pass, so "what check reads"
 * is decided there by the same code and the same limits, not by the writer's count.
 * test/xlsx/workbook-writer.test.ts holds the writer's counts to the reader's.
 */
async function assertReadable(bytes: Uint8Array, tally: WrittenTally, units: number): Promise<void> {
  const under = (n: number, limit: number) => n <= limit * CLEARLY_UNDER;
  const clear =
    under(bytes.length, LIMITS.maxFileBytes) &&
    under(tally.uncompressedBytes, LIMITS.maxUncompressedBytes) &&
    under(tally.cells, LIMITS.maxCells) &&
    under(tally.elements, LIMITS.maxElements) &&
    under(tally.rows, LIMITS.maxRows) &&
    under(tally.parts, LIMITS.maxParts) &&
    under(tally.sheets, LIMITS.maxSheets);
  if (clear) return;
  try {
    await streamPackage(bytes, () => undefined);
  } catch (e) {
    if (!isUnreadableWorkbookError(e)) throw e;
    const cells = tally.cells;
    const overCells = cells > LIMITS.maxCells;
    // Cells grow with the units; fewer than all of them, whatever the estimate.
    const fit = Math.max(0, Math.min(units - 1, Math.floor((units * LIMITS.maxCells) / Math.max(cells, 1))));
    const args = { units, cells, limit: LIMITS.maxCells, fit, ...(overCells ? {} : { reason: e.message }) };
    throw new MergedWorkbookTooLargeError(refusalMessage('merge_output_too_large', args), fit);
  }
}
