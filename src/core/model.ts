/**
 * The host-neutral picture of a workbook that every adapter produces (xlsx file, Office.js,
 * the playground's fake host) and that the checks read. Keeping one shape is what makes the same
 * workbook give the same findings in every host.
 */

/** What a host gives for a cell: the value Excel shows (the cached result for a formula). */
export type Scalar = number | string | boolean | null;

export interface Cell {
  /** Value as stored; dates are Excel serial numbers (1900 date system), never Date objects. */
  v: Scalar;
  /** Formula text without the leading "=", when the cell holds one. */
  f?: string;
  /** Excel error value such as "#DIV/0!" or "#N/A"; `v` is then null. */
  e?: string;
  /** Number format code ("0.00%", "dd/mm/yyyy"); absent for "General". */
  z?: string;
  /**
   * A formula the file stored without a cached result and the reader could not compute
   * (src/xlsx/formulas.ts): `v` is then null although the cell is not blank. Checks should say
   * "công thức chưa được tính" rather than read the cell as empty.
   */
  uncomputed?: true;
  /** `v` was computed by the reader (src/xlsx/formulas.ts) because the file stored no cached result. */
  computed?: true;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based: rows[0][0] is A1. Ragged; missing entries are empty cells. */
  rows: (Cell | undefined)[][];
  /**
   * Merged ranges ("C5:F5"), where the host gives them (the HTML-page and Excel 2003 XML readers
   * do); a merge's value is in its first cell. Absent means unknown, not "no merges".
   */
  merges?: string[];
  /**
   * The sheet is hidden in the file ("hidden": the officer can unhide it; "veryHidden": only code
   * can). Officers keep last period's sheet hidden beside this period's, so which sheet is
   * checked must take it into account. Absent means visible.
   */
  hidden?: 'hidden' | 'veryHidden';
}

/** An Excel table (ListObject). `ref` covers header, data and totals rows, e.g. "B4:N20". */
export interface TableRef {
  name: string;
  sheet: string;
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
}

/** A workbook-scope defined name pointing at cells of one sheet (read by parseNameRef, src/core/name-ref.ts). */
export interface NameRef {
  name: string;
  sheet: string;
  /** A1 address of the cell, without "$"; for a name over several cells, its first (top-left) cell. */
  cell: string;
  /** The whole area ("C3:D3"), only when the name covers more than one cell. */
  range?: string;
}

/** The file format a reader read the workbook from (what its bytes were, not its extension). */
export type SourceFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'html' | 'spreadsheetml2003' | 'host';

/** Text a reader converted from an old Vietnamese 8-bit encoding to Unicode, per sheet. */
export interface TextConversion {
  sheet: string;
  encoding: 'tcvn3' | 'vni';
  /** Number of cells converted. */
  cells: number;
}

export interface WorkbookModel {
  fileName?: string;
  /** What the reader read; absent for models built in code. */
  format?: SourceFormat;
  /** Cells whose text was converted from TCVN3 (ABC) or VNI to Unicode by the reader. */
  conversions?: TextConversion[];
  sheets: SheetGrid[];
  tables: TableRef[];
  names: NameRef[];
}

/** Zero-based coordinates. */
export interface CellPos {
  row: number;
  col: number;
}

export function colToLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(pos: CellPos): string {
  return `${colToLetters(pos.col)}${pos.row + 1}`;
}

export function parseA1(a1: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${a1}`);
  return { col: lettersToCol(m[1]!), row: Number(m[2]) - 1 };
}

export interface RangePos {
  start: CellPos;
  end: CellPos;
}

export function parseRange(ref: string): RangePos {
  const bare = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const [a, b] = bare.split(':');
  const start = parseA1(a!);
  const end = b ? parseA1(b) : start;
  return { start, end };
}

export function rangeToA1(r: RangePos): string {
  return `${toA1(r.start)}:${toA1(r.end)}`;
}

export function getCell(sheet: SheetGrid | undefined, pos: CellPos): Cell | undefined {
  return sheet?.rows[pos.row]?.[pos.col];
}

export function findSheet(model: WorkbookModel, name: string): SheetGrid | undefined {
  return model.sheets.find((s) => s.name === name);
}
