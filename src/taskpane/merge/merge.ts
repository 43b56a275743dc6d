/**
 * "Tổng hợp từ các đơn vị" without the React: the units' files read and checked in the pane (as
 * `cchc merge` does on worker threads: readWorkbook → checkWorkbook → toUnitReport), merged by the
 * core, and the plan of which sheets to write into the open workbook and which of them clash.
 * Files are read one after the other, so the webview holds one workbook model at a time.
 */
import { checkWorkbook } from '../../core/check';
import { LISTS_SHEET, SHEET_INFO, SHEET_STAFF, SHEET_SURVEY, SHEET_TTHC } from '../../core/contract';
import type { Finding } from '../../core/findings';
import { mergeUnits, type MergeResult, type SourceLine } from '../../core/merge/merge';
import { SOURCE_SHEET, TRACE_SHEET, readPreviousUnits, toUnitReport, type PreviousUnit, type UnitReport } from '../../core/merge/units';
import { isUnreadableWorkbookError } from '../../xlsx/errors';
import type { PickedFile } from '../../xlsx/picked';
import { messageOf } from '../status';
import type { SheetsWritten } from '../../host/actions';


/**
 * The sheets of the consolidated workbook (buildMergedWorkbook), in its order. Named here rather
 * than imported so the pane's merge chunk does not carry ExcelJS before it writes;
 * test/taskpane/merge.test.ts checks the list against a built workbook.
 */
export const MERGED_SHEETS: readonly string[] = [SHEET_INFO, SHEET_TTHC, SHEET_STAFF, SHEET_SURVEY, LISTS_SHEET, SOURCE_SHEET, TRACE_SHEET];

export type UnitOutcome = { ok: true; file: string; unit: UnitReport } | { ok: false; file: string; message: string };

/** What a file's bytes are recognised by across periods: the CLI's SHA-256 prefix, so both compare with the same "Nguồn" sheet. */
export async function fileHash(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes.slice().buffer));
    return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  // Without WebCrypto (an insecure page) a stale file is still told apart by its figures (figuresHash).
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `fnv-${h.toString(16).padStart(8, '0')}`;
}

/** A browser File, or a stand-in in tests (type only: the reader's chunk loads on first use). */
export type { PickedFile };

/** Reads and checks one unit's file. Never throws: an unreadable file is an outcome with its Vietnamese reason. */
export async function readUnitFile(file: PickedFile): Promise<UnitOutcome> {
  try {
    // The reader (fflate, saxes) is loaded on first use, as the Word pane does for its workbook.
    const { readPickedWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/picked');
    const { model, bytes } = await readPickedWorkbook(file);
    const hash = await fileHash(bytes);
    return { ok: true, file: file.name, unit: toUnitReport(checkWorkbook(model), file.name, hash, model) };
  } catch (e) {
    return { ok: false, file: file.name, message: isUnreadableWorkbookError(e) ? e.message : messageOf(e) };
  }
}

/** Files in the order `cchc merge` takes a folder's: by name, Vietnamese collation. */
export function sortFiles<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function readUnitFiles(files: readonly PickedFile[], progress?: (done: number, total: number) => void): Promise<UnitOutcome[]> {
  const out: UnitOutcome[] = [];
  for (const f of sortFiles(files)) {
    out.push(await readUnitFile(f));
    progress?.(out.length, files.length);
  }
  return out;
}

export interface PreviousBook {
  file: string;
  units: PreviousUnit[] | null;
}

/** The previous consolidated workbook: its "Nguồn" sheet is the previous period's unit list. */
export async function readPreviousFile(file: PickedFile): Promise<PreviousBook> {
  const { readPickedWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/picked');
  return { file: file.name, units: readPreviousUnits((await readPickedWorkbook(file)).model) };
}

export interface UnitLine {
  source: SourceLine;
  /** The unit's own check; absent for a unit of the previous period that sent nothing now. */
  unit?: UnitReport;
  state: 'dat' | 'co-loi' | 'bo-qua' | 'thieu';
}

export interface MergeView {
  result: MergeResult;
  lines: UnitLine[];
  unreadable: { file: string; message: string }[];
  /** Files that are summed. */
  included: number;
}

export function mergeOutcomes(outcomes: readonly UnitOutcome[], previous?: PreviousBook | null): MergeView {
  const units = outcomes.filter((o): o is Extract<UnitOutcome, { ok: true }> => o.ok).map((o) => o.unit);
  const unreadable = outcomes.filter((o): o is Extract<UnitOutcome, { ok: false }> => !o.ok).map((o) => ({ file: o.file, reason: o.message }));
  // Unreadable files go to mergeUnits too, so the written "Nguồn" names them as `cchc merge` does.
  const result = mergeUnits(units, { ...(previous ? { previous: previous.units, previousFile: previous.file } : {}), ...(unreadable.length ? { unreadable } : {}) });
  // mergeUnits gives one line per unit in the order given, then the previous period's missing
  // units, then the unreadable files (listed apart by the pane): matched by position, since two
  // picked files may share a name (from two folders).
  const lines = result.sources.slice(0, result.sources.length - unreadable.length).map((source, i): UnitLine => {
    const unit = i < units.length ? units[i] : undefined;
    const state = !source.file ? 'thieu' : !source.included ? 'bo-qua' : (source.errors ?? 0) > 0 ? 'co-loi' : 'dat';
    return unit ? { source, unit, state } : { source, state };
  });
  return {
    result,
    lines,
    unreadable: outcomes.filter((o): o is Extract<UnitOutcome, { ok: false }> => !o.ok).map((o) => ({ file: o.file, message: o.message })),
    included: result.sources.filter((s) => s.file && s.included).length,
  };
}

export const STATE_LABEL: Record<UnitLine['state'], string> = { dat: 'Đạt', 'co-loi': 'Có lỗi', 'bo-qua': 'Không cộng', thieu: 'Thiếu' };

export interface WritePlan {
  /** Sheets of the consolidated workbook to insert. */
  insert: string[];
  /** Sheets of the open workbook that inserting would replace, spelled as the workbook spells them. */
  clashes: string[];
}

/**
 * Which sheets to write and which existing ones they would replace (Excel compares sheet names
 * ignoring case). The hidden lists sheet is kept when the workbook has one, as "Chèn mẫu chuẩn"
 * keeps it: the drop-down lists of the new sheets point at a sheet of that name, and replacing
 * it would break the lists of the sheets already there.
 */
export function planWrite(existing: readonly string[]): WritePlan {
  const have = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const insert = MERGED_SHEETS.filter((n) => !(n === LISTS_SHEET && have.has(n.toLowerCase())));
  const clashes = insert.map((n) => have.get(n.toLowerCase())).filter((n): n is string => n !== undefined);
  return { insert, clashes };
}

/** "sổ tổng hợp Quý III năm 2022.xlsx"-like name for the download, without characters file systems refuse. */
export function mergedFileName(result: MergeResult): string {
  const p = result.period;
  const base = p ? `tong-hop-${p.kind}-${p.year}` : 'tong-hop-cac-don-vi';
  return `${base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase()}.xlsx`;
}

/** What the live region says once the files are read. */
export function mergedSentence(view: MergeView): string {
  const files = view.lines.filter((l) => l.source.file).length;
  const errors = view.lines.filter((l) => l.state === 'co-loi').length;
  const skipped = view.lines.filter((l) => l.state === 'bo-qua').length;
  const parts = [`Đã đọc ${files + view.unreadable.length} tệp: ${view.included} đơn vị được cộng`];
  if (errors) parts.push(`${errors} đơn vị có lỗi`);
  if (skipped) parts.push(`${skipped} tệp không cộng`);
  if (view.unreadable.length) parts.push(`${view.unreadable.length} tệp không đọc được`);
  const cross = view.result.summary;
  const crossText = cross.errors || cross.warnings ? ` Đối chiếu giữa các đơn vị: ${cross.errors} lỗi, ${cross.warnings} cảnh báo.` : ' Đối chiếu giữa các đơn vị: không có vấn đề.';
  return `${parts.join(', ')}.${crossText}`;
}

/** Findings of a unit worth listing: its own check's. */
export function unitFindings(line: UnitLine): readonly Finding[] {
  return line.unit?.issues ?? [];
}

const quoted = (names: readonly string[]) => names.map((n) => `«${n}»`).join(', ');

/** What "Ghi vào sổ đang mở" tells the officer it did: each sheet by name, and where the figures of a sheet left as it was went. */
export function writtenText(done: SheetsWritten): string {
  const parts: string[] = [];
  const inserted = done.inserted.filter((n) => n !== LISTS_SHEET);
  if (done.inPlace.length) parts.push(`Đã ghi số tổng hợp vào các bảng của ${quoted(done.inPlace)} (trang tính giữ nguyên tên; công thức trỏ tới chúng đọc số mới).`);
  if (inserted.length) parts.push(`Đã ghi ${inserted.length} trang tính mới vào sổ đang mở: ${quoted(inserted)}.`);
  for (const a of done.aside) parts.push(`Trang tính «${a.sheet}» được giữ nguyên (${a.why}); số tổng hợp của nó ở trang tính mới «${a.to}».`);
  parts.push('Trang tính «Nguồn» và «Truy vết» cho biết mỗi số lấy từ ô nào của đơn vị nào.');
  return parts.join(' ');
}
