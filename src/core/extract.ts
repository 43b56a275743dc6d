import { type ColumnSpec, type TableSpec } from './contract';
import { allColumns } from './tables';
import { cellText, isNotApplicable, normalizeCell, type Norm } from './cells';
import type { Draft } from './findings';
import type { LocatedTable } from './locate';
import { colToLetters, type Cell } from './model';
import type { NumberStyle } from './numbers';
import type { DataRow } from './report';
import { countFinding } from './counts';
import { beyondBounds, MAX_FIGURE } from './bounds';
import { foldText } from './text';

/**
 * Turns a located table into rows of figures, reporting each unusable cell once. A cell with a
 * value finding is marked invalid so that no identity or total built on it reports again: one
 * cause, one finding.
 */
/** Shared by rows without a bad cell; replaced by a row's own set on its first bad cell. */
const NO_INVALID: ReadonlySet<string> = new Set<string>();

export class Row implements DataRow {
  values: Record<string, number | null> = {};
  text: Record<string, string | null> = {};
  norm: Record<string, Norm> = {};
  /** Columns whose cell has a value finding (shared empty set until the first one). */
  invalid: ReadonlySet<string> = NO_INVALID;
  /** Derived cells as the sheet states them (typed or cached), for totals that sum what is shown. */
  stated?: Record<string, number | null>;
  /** The percentage printed beside a count (LocatedTable.shares), as read, by the count's key. */
  shares?: Record<string, Norm>;
  private addresses?: Record<string, string>;

  constructor(
    readonly sheetRow: number,
    readonly label: string,
    /** Column letters by contract key, shared by the rows of one table. */
    private readonly letters: Readonly<Record<string, string>>,
    /** Column letters of the percentages beside counts, by the count's key. */
    private readonly shareLetters: Readonly<Record<string, string>> = {},
  ) {}

  /** Whether the table has the column: what most checks ask of `cell`, without building the address. */
  has(key: string): boolean {
    return this.letters[key] !== undefined;
  }

  /** A1 address of a column's cell in this row; undefined when the table lacks the column. */
  cell(key: string): string | undefined {
    const l = this.letters[key];
    return l === undefined ? undefined : l + this.sheetRow;
  }

  /** A1 address of the percentage beside a count in this row; undefined when none is printed. */
  shareCell(key: string): string | undefined {
    const l = this.shareLetters[key];
    return l === undefined ? undefined : l + this.sheetRow;
  }

  // Addresses are built only when asked for: a large sheet has a hundred thousand cells and
  // findings name a handful of them.
  get cells(): Record<string, string> {
    if (!this.addresses) {
      const a: Record<string, string> = {};
      for (const k in this.letters) a[k] = this.letters[k]! + this.sheetRow;
      this.addresses = a;
    }
    return this.addresses;
  }
}

export interface Extracted {
  /** Data rows (leaves): what totals and metrics sum. */
  rows: Row[];
  total?: Row;
  /** Group rows with figures ("I. Cấp tỉnh") and the data rows they sum. */
  groups: { row: Row; children: Row[] }[];
}

const NOT_APPLICABLE = new Set(['x', 'n/a']);

export interface ExtractOptions {
  /** How the workbook writes numbers typed as text (see numberStyleOf below). */
  style?: NumberStyle;
}

export function extractTable(lt: LocatedTable, push: (d: Draft) => void, options: ExtractOptions = {}): Extracted {
  const style = options.style ?? 'vi';
  const spec = lt.spec;
  const letters: Record<string, string> = {};
  for (const [k, c] of Object.entries(lt.col)) letters[k] = colLetters(c);
  const shareLetters: Record<string, string> = {};
  for (const [k, c] of Object.entries(lt.shares)) shareLetters[k] = colLetters(c);
  const labelCol = lt.col[spec.labelKey];
  const labelAt = (r: number, fallback: string) => (labelCol === undefined ? fallback : cellText(lt.sheet.rows[r]?.[labelCol]) || firstLabel(lt, r) || fallback);
  // The table's columns, listed once rather than once per row.
  const columns = allColumns(spec);
  // Each column's sheet index (undefined where the table lacks it) and the counts whose
  // percentage is printed beside them, looked up once per table rather than once per row.
  const at = columns.map((c) => lt.col[c.key]);
  const shareKeys = Object.keys(lt.shares);
  const read = (r: number, label: string, kind: 'data' | 'group' | 'total') => readRow(lt, columns, at, shareKeys, letters, shareLetters, r, label, kind, push, style);
  const rows: Row[] = [];
  for (const r of lt.dataRows) rows.push(read(r, labelAt(r, ''), 'data'));
  // The rows by sheet row, for the groups' children only: most large tables have no group.
  const byRow = lt.groups.length ? new Map(lt.dataRows.map((r, i) => [r, rows[i]!])) : null;
  const groups = lt.groups.map((g) => ({ row: read(g.row, labelAt(g.row, ''), 'group'), children: g.children.map((c) => byRow!.get(c)!).filter(Boolean) }));
  const out: Extracted = { rows, groups };
  if (lt.totalRow !== undefined) out.total = read(lt.totalRow, labelAt(lt.totalRow, 'Tổng cộng'), 'total');
  return out;
}

/** "Tổng cộng" or "I. Cấp tỉnh" typed in the STT cell left of the label. */
function firstLabel(lt: LocatedTable, r: number): string {
  const lc = lt.col[lt.spec.labelKey] ?? 0;
  const cells = lt.sheet.rows[r] ?? [];
  for (let c = lc - 1; c >= Math.max(0, lc - 2); c--) {
    const s = cellText(cells[c]);
    if (s) return s;
  }
  return '';
}

function readRow(
  lt: LocatedTable,
  columns: readonly ColumnSpec[],
  at: readonly (number | undefined)[],
  shareKeys: readonly string[],
  letters: Record<string, string>,
  shareLetters: Record<string, string>,
  r: number,
  label: string,
  kind: 'data' | 'group' | 'total',
  push: (d: Draft) => void,
  style: NumberStyle,
): Row {
  const row = new Row(r + 1, label, letters, shareLetters);
  const cells = lt.sheet.rows[r] ?? [];
  const isTotal = kind !== 'data';
  for (const key of shareKeys) readShare(lt, row, key, cells[lt.shares[key]!], push, style);
  for (let i = 0; i < columns.length; i++) {
    const c = at[i];
    if (c === undefined) continue;
    const col = columns[i]!;
    const cell = cells[c];
    // Fast path for what large sheets are made of: whole numbers typed as numbers.
    if (col.kind === 'count' && !isTotal && cell && typeof cell.v === 'number' && !cell.e && Number.isInteger(cell.v) && cell.v >= 0 && cell.v <= MAX_FIGURE) {
      row.values[col.key] = cell.v;
      continue;
    }
    if (col.kind === 'text' || col.kind === 'enum') {
      // Labels are read as text as they are: no number parsing for "Lĩnh vực 1".
      const t = cell && !cell.e ? cellText(cell) : '';
      row.text[col.key] = t === '' ? null : t;
      if (t === '' && col.required && !isTotal) bad(lt, row, col, { code: 'missing_value' }, push);
      continue;
    }
    if (cell?.uncomputed) {
      // Unknown is not blank: a formula nobody calculated takes part in no check.
      markInvalid(row, col.key);
      row.values[col.key] = null;
      row.norm[col.key] = { t: 'blank', formula: true };
      push({ ...common(lt, row, col), code: 'formula_not_computed', formula: cell.f ?? '' });
      continue;
    }
    const n = normalizeCell(cell, style);
    row.norm[col.key] = n;
    row.values[col.key] = null;
    switch (n.t) {
      case 'blank':
        // Officers leave zeros blank: in a data row that has figures, a blank count is 0, in
        // every count column alike. A blank in a total or group row states nothing.
        if (!isTotal && col.kind === 'count') row.values[col.key] = 0;
        break;
      case 'error':
        bad(lt, row, col, { code: 'error_value', errorText: n.error, actual: n.error }, push);
        break;
      case 'text':
        // "Không phát sinh hồ sơ" (often merged across the row's figures): nothing happened, so a
        // count is 0 and a rate is none; said by no finding, since it is the right way to write it.
        if (isNotApplicable(n.text)) {
          if (!isTotal && col.kind === 'count') row.values[col.key] = 0;
          break;
        }
        if (isRateLike(col) && NOT_APPLICABLE.has(foldText(n.text))) break;
        bad(lt, row, col, { code: 'not_a_number', actual: n.text }, push);
        break;
      case 'num':
        // Issue 8: a value beyond what any figure can be never enters a sum (see bounds.ts).
        if (beyondBounds(n.value)) {
          bad(lt, row, col, { code: 'value_out_of_bounds', actual: n.value, limit: MAX_FIGURE }, push);
          break;
        }
        if (col.kind === 'count' || col.kind === 'derivedCount') {
          const code = countFinding(n.value);
          if (code) {
            bad(lt, row, col, { code, actual: n.value }, push);
            break;
          }
        }
        row.values[col.key] = n.value;
        if (n.text !== undefined && col.kind === 'count' && !/^\d+$/.test(n.text) && /\d/.test(n.text)) {
          push({ ...common(lt, row, col), code: 'text_number', text: n.text, actual: n.value });
        }
        break;
    }
  }
  return row;
}


/**
 * A percentage beside a count: read as a rate cell is (blank, "không phát sinh", "x" and "n/a"
 * say nothing; other text and formula errors are said once), kept apart from the row's values so
 * no sum, total or indicator takes it for a figure.
 */
function readShare(lt: LocatedTable, row: Row, key: string, cell: Cell | undefined, push: (d: Draft) => void, style: NumberStyle): void {
  if (cell?.uncomputed) return;
  const n = normalizeCell(cell, style);
  const at = { sheet: lt.sheet.name, cell: row.shareCell(key)!, table: lt.spec.name, column: key, header: shareHeader(lt.spec, key), ...(row.label ? { rowLabel: row.label } : {}) };
  if (n.t === 'error') push({ ...at, code: 'error_value', errorText: n.error, actual: n.error });
  else if (n.t === 'text' && !isNotApplicable(n.text) && !NOT_APPLICABLE.has(foldText(n.text))) push({ ...at, code: 'not_a_number', actual: n.text });
  else if (n.t === 'num' && beyondBounds(n.value)) push({ ...at, code: 'value_out_of_bounds', actual: n.value, limit: MAX_FIGURE });
  else if (n.t === 'num') (row.shares ??= {})[key] = n;
}

export function markInvalid(row: Row, key: string): void {
  if (row.invalid === NO_INVALID) row.invalid = new Set();
  (row.invalid as Set<string>).add(key);
}

function common(lt: LocatedTable, row: Row, col: ColumnSpec) {
  return {
    sheet: lt.sheet.name,
    cell: row.cell(col.key)!,
    table: lt.spec.name,
    column: col.key,
    header: col.header,
    ...(row.label ? { rowLabel: row.label } : {}),
  };
}

type CellFinding =
  | { code: 'missing_value' }
  | { code: 'error_value'; errorText: string; actual: string }
  | { code: 'not_a_number'; actual: string }
  | { code: 'value_out_of_bounds'; actual: number; limit: number }
  | { code: 'negative_count'; actual: number }
  | { code: 'fractional_count'; actual: number };

function bad(lt: LocatedTable, row: Row, col: ColumnSpec, f: CellFinding, push: (d: Draft) => void): void {
  markInvalid(row, col.key);
  push({ ...common(lt, row, col), ...f } as Draft);
}

const letters: string[] = [];
function colLetters(c: number): string {
  return (letters[c] ??= colToLetters(c));
}

function isRateLike(col: ColumnSpec): boolean {
  return col.kind === 'rate' || col.kind === 'derivedRate';
}

export function headerOf(spec: TableSpec, key: string): string {
  return allColumns(spec).find((c) => c.key === key)?.header ?? key;
}

/** What the officer calls the percentage beside a count: "Tỷ lệ trước hạn". */
export function shareHeader(spec: TableSpec, key: string): string {
  const h = headerOf(spec, key);
  return `Tỷ lệ ${h.charAt(0).toLocaleLowerCase('vi')}${h.slice(1)}`;
}

/**
 * Typed-text numbers that only one style can mean: "1.234,5", "1.234.567", "92,03" (vi); "1,234.5",
 * "1,234,567" (en). "92.03" says nothing: officers who write "2.771" also type rates with a dot.
 */
const VI_ONLY = /^\d{1,3}(\.\d{3})+,\d+%?$|^\d{1,3}(\.\d{3}){2,}$|^\d+,\d{1,2}%?$/;
const EN_ONLY = /^\d{1,3}(,\d{3})+\.\d+%?$|^\d{1,3}(,\d{3}){2,}$/;
/** "1,380": a decimal in Vietnamese style, a thousand in English style; a count cannot be 1,38. */
const COMMA_THOUSAND = /^\d{1,3},\d{3}$/;

export interface StyleReading {
  style: NumberStyle;
  /** The first cell that showed the English style, for the finding that says so. */
  evidence?: { sheet: string; cell: string; text: string };
}

/**
 * How the workbook writes numbers typed as text, from the figure cells of its tables: English
 * style when some cell can only be English ("1,234.5", "1,043,000") or a count reads "1,380", and no
 * cell anywhere is Vietnamese only ("92,03", "1.234,5"). A workbook with both keeps the Vietnamese
 * reading: its "1,380" is then a slip the officer must see.
 */
export function numberStyleOf(tables: readonly LocatedTable[]): StyleReading {
  let evidence: StyleReading['evidence'];
  for (const lt of tables) {
    const rows = [...lt.dataRows, ...lt.groups.map((g) => g.row), ...(lt.totalRow !== undefined ? [lt.totalRow] : [])];
    const figures = allColumns(lt.spec).filter((col) => lt.col[col.key] !== undefined && col.kind !== 'text' && col.kind !== 'enum');
    const figureAt = figures.map((col) => lt.col[col.key]!);
    // Row by row (each row's cells looked up once), keeping the evidence a column-by-column scan
    // would name first: the leftmost listed column's earliest row.
    let first: { at: number; r: number; c: number; text: string } | undefined;
    for (const r of rows) {
      const line = lt.sheet.rows[r];
      if (!line) continue;
      for (let at = 0; at < figures.length; at++) {
        const c = figureAt[at]!;
        const v = line[c]?.v;
        if (typeof v !== 'string') continue;
        const col = figures[at]!;
        const t = v.replace(/[\s\u00a0]/g, '');
        if (VI_ONLY.test(t)) return { style: 'vi' };
        if (!evidence && (!first || at < first.at) && (EN_ONLY.test(t) || (col.kind === 'count' && COMMA_THOUSAND.test(t)))) first = { at, r, c, text: v };
      }
    }
    if (!evidence && first) evidence = { sheet: lt.sheet.name, cell: `${colLetters(first.c)}${first.r + 1}`, text: first.text.trim() };
  }
  return evidence ? { style: 'en', evidence } : { style: 'vi' };
}
