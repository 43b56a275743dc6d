import { type TableSpec } from './contract';
import { TABLES } from './tables';
import { cellText, normalizeCell } from './cells';
import { acceptable, anchorsOf, aliasKey, figureCount, figureKeys, headerChains, isColumnNumberRow, isTextCell, mapChains, startsOtherTable } from './headers';
import { findSheet, parseRange, type SheetGrid, type WorkbookModel } from './model';
import { foldText } from './text';

/**
 * Finding a contract table in a workbook. First by its Excel table name (wherever it sits); if the
 * workbook has no such table (the official forms, another tool's plain ranges, LibreOffice
 * dropping the table part), by the meaning of its headers wherever they sit: one or several
 * header rows (merged groups), a row of column numbers under them, the totals row first or last,
 * group rows with their subtotals, blank lines, notes under the table.
 */
export interface LocatedTable {
  spec: TableSpec;
  sheet: SheetGrid;
  /** The leaf header row (0-based); table-level findings point at it. */
  headerRow: number;
  /** First header row (several for merged group headers). */
  headerTop: number;
  /** Absolute column index by contract key, for the columns present. */
  col: Record<string, number>;
  /** The header cell each column was read from. */
  at: Record<string, { row: number; col: number }>;
  /** The percentage printed beside a count ("Tổng | %" under one group), by the count's key; and its header cell. */
  shares: Record<string, number>;
  shareAt: Record<string, { row: number; col: number }>;
  /** Headers of the contract's columns that are absent (optional ones excluded). */
  missing: string[];
  /** Sheet rows (0-based) of data rows (leaves: group and total rows excluded). */
  dataRows: number[];
  /** Group rows ("I. Cấp tỉnh") that carry figures, with the data rows they sum. */
  groups: { row: number; children: number[] }[];
  totalRow?: number;
  /** The row of form column numbers "(1) … (13)", never read as data. */
  numberRow?: number;
  /** The table was found by its headers rather than by name. */
  byHeaders: boolean;
  /** Last sheet row (0-based) the table covers. */
  lastRow: number;
}

const MAX_SCAN_ROWS = 2000;
const MAX_BLANK_RUN = 3;

// Every row's label is asked, and labels repeat across tables and checks: the answer is remembered.
const totalCache = new Map<string, boolean>();
const TOTAL_CACHE_MAX = 20000;

export function isTotalLabel(label: string): boolean {
  const hit = totalCache.get(label);
  if (hit !== undefined) return hit;
  // "Công chức" must not read as "Cộng": only the whole word, or "Tổng cộng/Tổng số …".
  const f = foldText(label).replace(/[:.]$/, '');
  const total = f === 'cong' || f === 'tong' || f === 'total' || f === 'tong so' || /^tong (cong|so)\b(?! (tthc|ho so|phieu))/.test(f) || /^(cong|tong)\s*\(/.test(f) || f === 'toan tinh' || f === 'tong cong toan tinh';
  if (totalCache.size >= TOTAL_CACHE_MAX) totalCache.clear();
  totalCache.set(label, total);
  return total;
}

const GROUP_LABEL = /^([IVXLC]{1,9}|[A-Z])[.)]\s*\S/;
const GROUP_PREFIX = /^([IVXLC]{1,9}|[A-Z])[.)]?$/;
const NOTE_LINE = /^(ghi chu|chu thich|luu y|nguoi lap|thu truong|noi nhan|nguon so lieu|nguon|ky ten|xac nhan|\*)|ngay \d{1,2} thang \d{1,2}/;

/** The label of a row and, where the form has one, the STT cell left of it ("I", "1"). */
function labelOf(t: LocatedTable, r: number): { label: string; prefix: string } {
  const cells = t.sheet.rows[r] ?? [];
  const lc = t.col[t.spec.labelKey];
  if (lc === undefined) return { label: '', prefix: '' };
  let label = cells[lc] && !cells[lc]!.e ? cellText(cells[lc]) : '';
  let prefix = '';
  for (let c = lc - 1; c >= Math.max(0, lc - 2); c--) {
    const s = cells[c] && !cells[c]!.e ? cellText(cells[c]) : '';
    if (s) {
      prefix = s;
      break;
    }
  }
  // "Tổng cộng" written across STT and label (merged), its text in the STT cell.
  if (!label && prefix && !/^\d+[.)]?$/.test(prefix) && !GROUP_PREFIX.test(prefix)) {
    label = prefix;
    prefix = '';
  }
  return { label, prefix };
}

/**
 * The table's columns and figure columns as sheet indices, listed once per table rather than once
 * per row: a large sheet's every row asks whether it is blank and whether it holds figures.
 */
interface RowColumns {
  all: number[];
  figures: number[];
}

function rowColumns(t: LocatedTable): RowColumns {
  const figures: number[] = [];
  for (const c of figureKeys(t.spec)) {
    const i = t.col[c.key];
    if (i !== undefined) figures.push(i);
  }
  return { all: Object.values(t.col), figures };
}

export function rowBlank(t: LocatedTable, row: number, cols: readonly number[] = Object.values(t.col)): boolean {
  const cells = t.sheet.rows[row];
  if (!cells) return true;
  for (const c of cols) {
    const cell = cells[c];
    if (!cell) continue;
    if (cell.e) return false;
    const v = cell.v;
    if (v != null && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}

// The two tests below read a number, an error or an empty cell as normalizeCell would, without
// building its result; only text goes through normalizeCell, which tells "1.234", "-" or a
// report engine's placeholder from words.

function rowBlankOfFigures(t: LocatedTable, r: number, figures: readonly number[]): boolean {
  const cells = t.sheet.rows[r];
  if (!cells) return true;
  for (const i of figures) {
    const cell = cells[i];
    if (!cell) continue;
    if (cell.e) return false;
    const v = cell.v;
    if (v == null) continue;
    if (typeof v !== 'string') return false;
    if (normalizeCell(cell).t !== 'blank') return false;
  }
  return true;
}

function hasFigures(t: LocatedTable, r: number, figures: readonly number[]): boolean {
  const cells = t.sheet.rows[r];
  if (!cells) return false;
  for (const i of figures) {
    const cell = cells[i];
    if (!cell) continue;
    if (cell.e || typeof cell.v === 'number') return true;
    if (typeof cell.v !== 'string') continue;
    // Text alone in the figure columns is a header or a note, not figures ("Tỷ lệ hài lòng chung").
    const n = normalizeCell(cell);
    if (n.t === 'num' || n.t === 'error') return true;
  }
  return false;
}

/**
 * Sorts candidate rows into data rows, group rows and the totals row. `open` tables (found by
 * their headers) end at a run of blank lines, at notes under the table and at the next table.
 */
function classify(t: LocatedTable, from: number, to: number, open: boolean, taken?: { has(r: number): boolean }): void {
  let blankRun = 0;
  let seenData = false;
  // Open groups, outermost first: a group row of a numbering already open ("II." after "I.")
  // closes that level and those inside it; another numbering opens a level inside ("I." under
  // "A."), as staffing tables nest units in groups in the total.
  const stack: OpenGroup[] = [];
  const groupRows: OpenGroup[] = [];
  const numbers = new Map<number, string>();
  const cols = rowColumns(t);
  for (let r = from; r <= to; r++) {
    if (taken?.has(r)) break;
    if (r === from && isColumnNumberRow(t.sheet, r, Math.min(...Object.values(t.col)), Math.max(...Object.values(t.col)))) {
      t.numberRow = r;
      continue;
    }
    const blank = rowBlank(t, r, cols.all);
    const { label, prefix } = labelOf(t, r);
    if (blank && !label) {
      if (open && ++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    const figures = hasFigures(t, r, cols.figures);
    if (open && !figures && r > from && startsOtherTable(t.sheet, r, t.spec)) break;
    if (open) {
      const first = firstText(t.sheet, r);
      if (!figures && first && NOTE_LINE.test(foldText(first))) break;
    }
    if (isTotalLabel(label) || (!label && isTotalLabel(prefix))) {
      t.lastRow = r;
      if (t.totalRow === undefined) t.totalRow = r;
      // A totals row after the data closes an open table; one placed first opens it.
      if (open && seenData) break;
      continue;
    }
    const mark = GROUP_LABEL.exec(label)?.[1] ?? (label !== '' ? GROUP_PREFIX.exec(prefix)?.[1] : undefined);
    if (mark !== undefined) {
      t.lastRow = r;
      const scheme = schemeOf(mark, stack);
      const at = stack.findIndex((g) => g.scheme === scheme);
      if (at >= 0) stack.length = at;
      const g: OpenGroup = { row: r, scheme, mark, figures, leaves: [], outer: [...stack] };
      stack.push(g);
      groupRows.push(g);
      continue;
    }
    // A lĩnh vực with no figure at all adds nothing; a sub-heading ("1. Lĩnh vực dược") reads the
    // same. A row whose figure cells hold only text is still read, so that its cells are reported.
    if (!figures && rowBlankOfFigures(t, r, cols.figures)) continue;
    t.lastRow = r;
    t.dataRows.push(r);
    for (const g of stack) g.leaves.push(r);
    const no = rowNumber(label, prefix);
    if (no) numbers.set(r, no);
    seenData = true;
  }
  // A group row with figures and nothing under it is a data row of its own ("III. Cấp xã" with
  // its figures), and so one of the rows of the groups around it; one with figures and rows under
  // it is their subtotal; one without figures is a heading. Inner groups first.
  for (const g of [...groupRows].reverse()) {
    if (!g.figures || g.leaves.length > 0) continue;
    t.dataRows.push(g.row);
    for (const o of g.outer) o.leaves.push(g.row);
  }
  for (const g of groupRows) if (g.figures && g.leaves.length > 0) t.groups.push({ row: g.row, children: g.leaves.sort((a, b) => a - b) });
  numberedSubtotals(t, numbers);
  t.dataRows.sort((a, b) => a - b);
}

interface OpenGroup {
  row: number;
  scheme: 'letter' | 'roman';
  mark: string;
  figures: boolean;
  /** The data rows under the group, at any depth. */
  leaves: number[];
  /** The groups around it, outermost first. */
  outer: OpenGroup[];
}

/** "A"… letters or "I"… roman numerals; "C" after "B" (and "V" after "U"…) is a letter. */
function schemeOf(mark: string, stack: readonly OpenGroup[]): 'letter' | 'roman' {
  if (!/^[IVXLC]+$/.test(mark)) return 'letter';
  if (mark.length === 1 && stack.some((g) => g.scheme === 'letter' && g.mark.length === 1 && g.mark.charCodeAt(0) + 1 === mark.charCodeAt(0))) return 'letter';
  return 'roman';
}

/** "1", "1.2" from the STT cell or the start of the label ("1.2. Bệnh viện…"). */
function rowNumber(label: string, prefix: string): string | null {
  const m = /^(\d{1,3}(?:\.\d{1,3})*)\.?\)?$/.exec(prefix.trim()) ?? /^(\d{1,3}(?:\.\d{1,3})+)\.?\)?\s/.exec(label) ?? /^(\d{1,3})[.)]\s/.exec(label);
  return m ? m[1]! : null;
}

/**
 * A row numbered "1" followed by rows "1.1", "1.2" is their subtotal (a unit and its sections, a
 * tuyến and its hospitals): it leaves the data rows, and the groups around it keep its rows.
 */
function numberedSubtotals(t: LocatedTable, numbers: Map<number, string>): void {
  const rows = [...t.dataRows].sort((a, b) => a - b);
  const parents = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const no = numbers.get(rows[i]!);
    if (!no) continue;
    const children: number[] = [];
    // Every row numbered under it; those that turn out to be subtotals themselves are taken out below.
    for (let j = i + 1; j < rows.length && numbers.get(rows[j]!)?.startsWith(`${no}.`); j++) children.push(rows[j]!);
    if (children.length === 0) continue;
    parents.add(rows[i]!);
    t.groups.push({ row: rows[i]!, children });
  }
  if (!parents.size) return;
  // A subtotal row is no data row: the totals row and the groups around it add its rows instead.
  t.dataRows = t.dataRows.filter((r) => !parents.has(r));
  for (const g of t.groups) g.children = g.children.filter((r) => !parents.has(r));
}

function firstText(sheet: SheetGrid, r: number): string {
  const cells = sheet.rows[r] ?? [];
  for (const c of cells) {
    const s = cellText(c);
    if (s) return s;
  }
  return '';
}

function missingOf(spec: TableSpec, col: Record<string, number>): string[] {
  return spec.columns.filter((c) => !c.optional && col[c.key] === undefined).map((c) => c.header);
}

export function locateByName(model: WorkbookModel, spec: TableSpec): LocatedTable | null {
  const t = model.tables.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
  if (!t) return null;
  const sheet = findSheet(model, t.sheet);
  if (!sheet) return null;
  const r = parseRange(t.ref);
  const headerRow = t.headerRow ? r.start.row : r.start.row - 1;
  let mapping = mapChains(spec, headerChains(sheet, headerRow, headerRow, r.start.col, r.end.col), r.start.col);
  let headerTop = headerRow;
  // An officer's own table whose header row says only "Tổng số / Quá hạn": read the group headers above it.
  if (missingOf(spec, mapping.col).length) {
    for (let top = headerRow - 1; top >= Math.max(0, headerRow - 3); top--) {
      const m = mapChains(spec, headerChains(sheet, top, headerRow, r.start.col, r.end.col), r.start.col);
      if (figureCount(spec, m.col) > figureCount(spec, mapping.col)) {
        mapping = m;
        headerTop = top;
      }
    }
  }
  const last = t.totalsRow ? r.end.row - 1 : r.end.row;
  const located: LocatedTable = { spec, sheet, headerRow, headerTop, col: mapping.col, at: mapping.at, shares: mapping.shares, shareAt: mapping.shareAt, missing: missingOf(spec, mapping.col), dataRows: [], groups: [], byHeaders: false, lastRow: r.end.row };
  classify(located, headerRow + 1, last, false);
  if (t.totalsRow) located.totalRow = r.end.row;
  located.lastRow = r.end.row;
  return located;
}

/** Row ranges claimed by other tables, so a header scan does not wander into them. */
class Claimed {
  private readonly spans: [number, number][] = [];
  add(a: number, b: number): void {
    this.spans.push([a, b]);
  }
  has(r: number): boolean {
    for (const [a, b] of this.spans) if (r >= a && r <= b) return true;
    return false;
  }
}

function claimedRows(model: WorkbookModel, found: readonly LocatedTable[]): Map<string, Claimed> {
  const m = new Map<string, Claimed>();
  const claim = (sheet: string, a: number, b: number) => {
    const set = m.get(sheet) ?? new Claimed();
    set.add(a, b);
    m.set(sheet, set);
  };
  for (const t of model.tables) {
    const r = parseRange(t.ref);
    claim(t.sheet, r.start.row, r.end.row);
  }
  for (const t of found) claim(t.sheet.name, t.headerTop, t.lastRow);
  return m;
}

/** Where a header row may be: at least one cell reads as the table's label header. */
function anchorRow(spec: TableSpec, sheet: SheetGrid, r: number): boolean {
  const cells = sheet.rows[r];
  if (!cells || cells.length === 0) return false;
  const anchors = anchorsOf(spec);
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c]?.v;
    if (typeof v === 'string' && anchors.has(aliasKey(v)) && isTextCell(sheet, r, c)) return true;
  }
  return false;
}

function rowSpan(sheet: SheetGrid, a: number, b: number): [number, number] {
  let c0 = Infinity;
  let c1 = -1;
  for (let r = a; r <= b; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (cells[c] && cells[c]!.v != null && String(cells[c]!.v).trim() !== '') {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
  }
  return [c0 === Infinity ? 0 : c0, c1];
}

export function locateByHeaders(model: WorkbookModel, spec: TableSpec, found: readonly LocatedTable[] = []): LocatedTable | null {
  const claimed = claimedRows(model, found);
  const sheets = [...model.sheets].sort((a, b) => Number(b.name === spec.sheet) - Number(a.name === spec.sheet));
  for (const sheet of sheets) {
    const taken = claimed.get(sheet.name);
    const limit = Math.min(sheet.rows.length, MAX_SCAN_ROWS);
    for (let top = 0; top < limit; top++) {
      if (taken?.has(top) || !anchorRow(spec, sheet, top)) continue;
      // The label header sits in the top row; the leaves may be up to three rows lower.
      let best: { leaf: number; m: ReturnType<typeof mapChains>; score: number } | null = null;
      for (let leaf = top; leaf <= Math.min(top + 3, sheet.rows.length - 1); leaf++) {
        if (leaf > top && taken?.has(leaf)) break;
        const [c0, c1] = rowSpan(sheet, top, leaf);
        if (c1 < c0) continue;
        const m = mapChains(spec, headerChains(sheet, top, leaf, c0, c1), c0);
        if (!acceptable(spec, m.col)) continue;
        // A deeper header row that reads the same columns and also the percentages beside them
        // ("Tổng | %" under each state) is the header, not a first row of figures.
        const score = figureCount(spec, m.col) * 100 + Object.keys(m.shares).length;
        if (!best || score > best.score) best = { leaf, m, score };
      }
      if (!best) continue;
      const located: LocatedTable = {
        spec,
        sheet,
        headerRow: best.leaf,
        headerTop: top,
        col: best.m.col,
        at: best.m.at,
        shares: best.m.shares,
        shareAt: best.m.shareAt,
        missing: missingOf(spec, best.m.col),
        dataRows: [],
        groups: [],
        byHeaders: true,
        lastRow: best.leaf,
      };
      classify(located, best.leaf + 1, sheet.rows.length - 1, true, taken);
      return located;
    }
  }
  return null;
}

/** The contract tables of one model, by name first, then by headers in contract order. */
function locateIn(model: WorkbookModel): Map<TableSpec, LocatedTable> {
  const out = new Map<TableSpec, LocatedTable>();
  for (const spec of TABLES) {
    const t = locateByName(model, spec);
    if (t) out.set(spec, t);
  }
  for (const spec of TABLES) {
    if (out.has(spec)) continue;
    const t = locateByHeaders(model, spec, [...out.values()]);
    if (t) out.set(spec, t);
  }
  return out;
}

/**
 * Every contract table on every sheet, sheet by sheet: a workbook may hold the same table on
 * several sheets (last quarter's sheet hidden beside this quarter's, one sheet per quarter, a
 * copy), and which one is checked is chosen afterwards, aloud (sheets.ts).
 */
export function locateCandidates(model: WorkbookModel): Map<SheetGrid, Map<TableSpec, LocatedTable>> {
  const out = new Map<SheetGrid, Map<TableSpec, LocatedTable>>();
  for (const sheet of model.sheets) {
    const found = locateIn({ ...model, sheets: [sheet], tables: model.tables.filter((t) => t.sheet === sheet.name) });
    if (found.size) out.set(sheet, found);
  }
  return out;
}

/**
 * The default choice among candidates, for workbooks read without a period to match (the previous
 * period's workbook, the consolidation): a visible sheet before a hidden one, then the contract's
 * own sheet, then the first in the workbook's order.
 */
export function preferredCandidate(spec: TableSpec, candidates: readonly LocatedTable[]): LocatedTable | undefined {
  const rank = (t: LocatedTable) => (t.sheet.hidden ? 2 : 0) + (t.sheet.name === spec.sheet ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

/** Every contract table the workbook holds, one per table (see `preferredCandidate`). */
export function locateAll(model: WorkbookModel): Map<TableSpec, LocatedTable> {
  return pickTables(locateCandidates(model));
}

/** One table per contract table among the candidates of every sheet (see `preferredCandidate`). */
export function pickTables(bySheet: Map<SheetGrid, Map<TableSpec, LocatedTable>>): Map<TableSpec, LocatedTable> {
  const out = new Map<TableSpec, LocatedTable>();
  for (const spec of TABLES) {
    const cands = [...bySheet.values()].map((m) => m.get(spec)).filter((t): t is LocatedTable => !!t);
    const t = preferredCandidate(spec, cands);
    if (t) out.set(spec, t);
  }
  return out;
}

export function locateTable(model: WorkbookModel, spec: TableSpec): LocatedTable | null {
  return locateByName(model, spec) ?? locateByHeaders(model, spec);
}
