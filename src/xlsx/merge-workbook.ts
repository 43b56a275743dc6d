/**
 * The consolidated standard workbook of `cchc merge`: the contract's tables filled with the
 * consolidated rows (derived rates left to their formulas, so every rate is recomputed from the
 * summed counts), plus "Nguồn" (one line per source file) and "Truy vết" (each consolidated
 * figure and the cells it came from).
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { writeZip } from '../zip/write';
import { PERIOD_KINDS, type PeriodKind, type TableName } from '../core/contract';
import { TABLES } from '../core/tables';
import { colToLetters } from '../core/model';
import { formatDate } from '../core/format';
import type { MergeResult } from '../core/merge/merge';
import { SOURCE_HEADERS, SOURCE_SHEET, TRACE_SHEET } from '../core/merge/units';
import { escapeXml, newXmlDrops, spreadsheetText, xmlAllowedText, xmlDropsNote, type XmlDrops } from '../core/xml-text';
import { buildWorkbook, type BuildOptions, type CellInput } from './template';
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

type PlainSheet = { name: string; rows: (string | number | null)[][]; widths?: number[] };

const METHOD: Record<string, string> = { sum: 'Cộng', weighted: 'Bình quân gia quyền theo số phiếu', taken: 'Lấy nguyên', ratio: 'Tính lại từ số đã cộng' };

/**
 * Every text of the workbook (unit, file, sheet names, row labels: all come from the units' files)
 * made writable as XML before ExcelJS or addPlainSheets sees it: ExcelJS escapes markup but writes
 * U+FFFF or a lone surrogate as it is, which makes the part ill-formed, and neither protects a
 * literal `_x0041_` (src/core/xml-text.ts).
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
  const trace: (string | number | null)[][] = [[...TRACE_HEADERS]];
  for (const t of result.consolidated.trace) {
    const title = TABLES.find((s) => s.name === t.table)?.metrics.title ?? t.table;
    const head = [title, t.row, t.header, t.value, METHOD[t.method] ?? t.method];
    if (!t.sources.length) trace.push([...head, null, null, null, null, null, t.note ?? null]);
    // The note once per figure: it is the same for every source.
    t.sources.forEach((s, j) => trace.push([...head, stt.get(s.file) ?? null, s.unit, s.sheet, s.cell, s.value, j === 0 ? (t.note ?? null) : null]));
  }
  const clean = (rows: (string | number | null)[][]) => rows.map((r) => r.map((v) => allowed(v, drops)));
  const cleanSources = clean(sources);
  const cleanTrace = clean(trace);
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

/** The workbook, and the sentence saying which characters XML could not hold were dropped (null: none). */
export async function buildMergedWorkbookDetailed(result: MergeResult, unit?: string): Promise<{ bytes: Uint8Array; droppedNote: string | null }> {
  const drops = newXmlDrops();
  const { extraSheets, ...options } = mergedWorkbookOptions(result, unit, drops);
  const bytes = await addPlainSheets(await buildWorkbook(options), extraSheets);
  await assertReadable(bytes, result.sources.filter((s) => s.included).length);
  return { bytes, droppedNote: xmlDropsNote(drops) };
}

/**
 * Refuses a consolidation the readers would refuse, before anyone writes it: the workbook goes
 * through the reader's own counting pass (src/xlsx/package.ts), so "what check reads" is decided
 * by the same code and the same `LIMITS`, not by an estimate of them. The trace grows with the
 * units' rows (800 units: 1 264 000 cells, a pass of about a second), so the limit is met near
 * a thousand units.
 */
async function assertReadable(bytes: Uint8Array, units: number): Promise<void> {
  try {
    await streamPackage(bytes, () => undefined);
  } catch (e) {
    if (!isUnreadableWorkbookError(e)) throw e;
    const cells = await cellsWritten(bytes);
    const overCells = cells > LIMITS.maxCells;
    // Cells grow with the units; fewer than all of them, whatever the estimate.
    const fit = Math.max(0, Math.min(units - 1, Math.floor((units * LIMITS.maxCells) / Math.max(cells, 1))));
    const args = { units, cells, limit: LIMITS.maxCells, fit, ...(overCells ? {} : { reason: e.message }) };
    throw new MergedWorkbookTooLargeError(refusalMessage('merge_output_too_large', args), fit);
  }
}

/**
 * Cells of the workbook just written: its own worksheets' `<c` tags, counted in text rather than
 * parsed, as this code (and ExcelJS before it) wrote them; the reader's pass stops at the limit,
 * and the estimate of how many units fit needs the whole count.
 */
async function cellsWritten(bytes: Uint8Array): Promise<number> {
  // This program's own package, just written: read whole, without the readers' limits.
  const sheets = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  let cells = 0;
  for (const data of Object.values(sheets)) {
    const xml = strFromU8(data);
    const tag = /<c[\s>/]/g;
    while (tag.exec(xml)) cells++;
  }
  return cells;
}

/**
 * `text` put just before the last `marker` of `xml`. Not `String.replace`: its replacement string
 * would interpret `$&` and `$$` in the inserted text.
 */
function insertBefore(xml: string, marker: string, text: string): string {
  const at = xml.lastIndexOf(marker);
  if (at < 0) throw new Error(`ExcelJS part without ${marker}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/**
 * Adds sheets of plain values to a package written by ExcelJS. Written by hand (no styles) because
 * ExcelJS keeps a model and a style per cell: for the trace of 200 units (about 30 000 lines) that
 * took 10 s and 600 MB of the merge. It is the serial tail of every merge, after the parallel
 * checks, so its cost is the merge's: text goes to the shared-string table, not inline, because
 * the trace repeats the same few hundred strings (table titles, headers, unit and sheet names)
 * on every line; that halved the trace part (21 MB to 10,9 MB for 200 units), and with it the zip
 * compression (level 1: the trace compresses well at any level), which is the rest of the cost.
 * The sheet is encoded to UTF-8 as it is written (ByteSink), never held as one long string.
 * ExcelJS's own shared-string part is extended (its root's counts rewritten), never re-parsed.
 * The package parts themselves are read and written with fflate (src/zip/write.ts).
 */
/** UTF-8 bytes written in pieces: no string of the whole part, and nothing for the zip writer to re-encode. */
class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly encoder = new TextEncoder();
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 16) this.flush();
  }
  private flush(): void {
    if (this.pending.length) this.chunks.push(this.encoder.encode(this.pending.join('')));
    this.pending = [];
    this.pendingLength = 0;
  }
  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

async function addPlainSheets(xlsx: Uint8Array, sheets: readonly PlainSheet[]): Promise<Uint8Array> {
  // ExcelJS's package, just written by this program: read whole, without the readers' limits.
  const files = new Map<string, Uint8Array>(Object.entries(unzipSync(xlsx)));
  const part = (p: string) => {
    const f = files.get(p);
    if (!f) throw new Error(`ExcelJS package without ${p}`);
    return strFromU8(f);
  };
  let workbook = part('xl/workbook.xml');
  let rels = part('xl/_rels/workbook.xml.rels');
  let types = part('[Content_Types].xml');
  const SST = 'xl/sharedStrings.xml';
  let sst = files.has(SST) ? part(SST) : null;
  // ExcelJS numbers its strings in order of its <si>; ours continue after them.
  const base = sst ? Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? NaN) : 0;
  if (!Number.isInteger(base)) throw new Error('ExcelJS shared strings without uniqueCount');
  const index = new Map<string, number>();
  const added: string[] = [];
  let uses = 0;
  const stringIndex = (text: string): number => {
    uses++;
    let i = index.get(text);
    if (i === undefined) {
      i = base + added.length;
      index.set(text, i);
      added.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
    }
    return i;
  };
  let sheetId = Math.max(0, ...[...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  let file = [...files.keys()].filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length;
  // Column letters once per column, not once per cell.
  const letters: string[] = [];
  const letter = (j: number) => (letters[j] ??= colToLetters(j));
  sheets.forEach((sheet, k) => {
    const rId = `rIdMerge${k + 1}`;
    const target = `worksheets/sheet${++file}.xml`;
    workbook = insertBefore(workbook, '</sheets>', `<sheet sheetId="${++sheetId}" name="${escapeXml(sheet.name)}" state="visible" r:id="${rId}"/>`);
    rels = insertBefore(rels, '</Relationships>', `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>`);
    types = insertBefore(types, '</Types>', `<Override PartName="/xl/${target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    const out = new ByteSink();
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
    if (sheet.widths?.length) out.write(`<cols>${sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
    out.write('<sheetData>');
    sheet.rows.forEach((row, i) => {
      let cells = '';
      const r = i + 1;
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        if (typeof v === 'number') {
          if (Number.isFinite(v)) cells += `<c r="${letter(j)}${r}"><v>${v}</v></c>`;
        } else cells += `<c r="${letter(j)}${r}" t="s"><v>${stringIndex(v)}</v></c>`;
      });
      if (cells) out.write(`<row r="${r}">${cells}</row>`);
    });
    out.write('</sheetData></worksheet>');
    files.set(`xl/${target}`, out.bytes());
  });
  if (added.length) {
    if (sst) {
      const count = Number(/\bcount="(\d+)"/.exec(sst)?.[1] ?? 0);
      // Only numbers go through replace; the strings themselves are inserted by slicing.
      sst = insertBefore(
        sst.replace(/\bcount="\d+"/, () => `count="${count + uses}"`).replace(/uniqueCount="\d+"/, () => `uniqueCount="${base + added.length}"`),
        '</sst>',
        added.join(''),
      );
    } else {
      sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${uses}" uniqueCount="${added.length}">${added.join('')}</sst>`;
      rels = insertBefore(rels, '</Relationships>', '<Relationship Id="rIdMergeSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>');
      types = insertBefore(types, '</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    }
    files.set(SST, strToU8(sst));
  }
  files.set('xl/workbook.xml', strToU8(workbook));
  files.set('xl/_rels/workbook.xml.rels', strToU8(rels));
  files.set('[Content_Types].xml', strToU8(types));
  return writeZip(
    [...files].map(([name, data]) => ({ name, data })),
    { level: 1, mtime: new Date() },
  );
}
