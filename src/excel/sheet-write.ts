/**
 * Where the consolidated figures go in a sheet the officer already has ("Tổng hợp › Ghi vào sổ
 * đang mở › Thay thế"), worked out without Office so that it can be tested on its own.
 *
 * The sheet itself is never renamed or deleted: renaming a sheet rewrites every formula that
 * points at it (learn.microsoft.com/office/dev/add-ins/excel/performance), deleting it leaves
 * those formulas at #REF!, and Worksheet.delete clears the undo stack
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). Instead each
 * standard table of the consolidated sheet is written into the officer's table of the same name:
 * whole rows are inserted inside the table when there are more units (Excel then moves the
 * tables and cells below, and every formula pointing at them,
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert), surplus rows are
 * left blank (a blank row is skipped
 * by the check, and deleting rows would turn formulas pointing at them into #REF!), and the
 * totals row is written last, its formulas moved to the rows they now sum.
 */
import type { Cell, SheetGrid, TableRef } from '../core/model';
import { colToLetters, parseRange } from '../core/model';
import { mapFormulaRefs } from '../core/formula-refs';

/** Where a table of the open workbook is, as Office reports it (0-based row and column). */
export interface TableBox {
  rowIndex: number;
  rowCount: number;
  columnIndex: number;
  columnCount: number;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface TableWrite {
  /** Whole rows to insert first: the 1-based A1 rows "from:to" (inside the table, before its last row). */
  insertRows?: string;
  /** The A1 range to write and its grid for Range.formulas. */
  address: string;
  formulas: (string | number | boolean)[][];
}

/** A cell as Range.formulas takes it: "=…" for a formula, the value otherwise, "" for blank. */
export function formulaOf(c: Cell | undefined, moveRow: (row: number) => number = (r) => r): string | number | boolean {
  if (!c) return '';
  if (c.f !== undefined) return `=${mapFormulaRefs(c.f, (ref) => (ref.sheet === undefined ? { ...ref, row: moveRow(ref.row) } : ref))}`;
  if (c.e) return c.e;
  return c.v === null ? '' : c.v;
}

const a1Box = (r0: number, c0: number, r1: number, c1: number) => `${colToLetters(c0)}${r0 + 1}:${colToLetters(c1)}${r1 + 1}`;

/** Why the consolidated table cannot go into the officer's table, or null when it can. */
export function cannotWriteInto(src: TableRef, dest: TableBox | undefined): string | null {
  if (!dest) return `không có bảng «${src.name}»`;
  const p = parseRange(src.ref);
  if (!src.headerRow || !dest.showHeaders) return `bảng «${src.name}» không có dòng tiêu đề`;
  if (dest.columnIndex !== p.start.col || dest.columnCount !== p.end.col - p.start.col + 1) return `bảng «${src.name}» có cột khác mẫu chuẩn`;
  if (dest.showTotals !== src.totalsRow) return `bảng «${src.name}» ${src.totalsRow ? 'không có' : 'có'} dòng tổng`;
  return null;
}

/**
 * The writes that put consolidated table `src` (of sheet `grid`) into the officer's table at
 * `dest`. Call for the tables of one sheet from the lowest up: rows inserted into a lower table
 * do not move the ones above, so each table's addresses hold when its turn comes.
 */
export function tableWrite(src: TableRef, grid: SheetGrid, dest: TableBox): TableWrite {
  const p = parseRange(src.ref);
  const totals = src.totalsRow ? 1 : 0;
  const nSrc = p.end.row - p.start.row - totals; // data rows
  const nDest = dest.rowCount - 1 - totals;
  const rows = Math.max(nSrc, nDest);
  const add = nSrc - nDest;
  const last = dest.rowIndex + dest.rowCount - 1; // the totals row, or the last data row
  const out: TableWrite = { address: '', formulas: [] };
  // Inserted at the table's last row, the rows are inside the table, which grows.
  if (add > 0) out.insertRows = `${last + 1}:${last + add}`;
  const srcTotals = p.end.row;
  const destFirst = dest.rowIndex + 1;
  const destTotals = destFirst + rows;
  // Source rows to the rows they land on: header and data row by row, the totals row to the new totals row.
  const moveRow = (r: number) => (totals && r >= srcTotals ? r - srcTotals + destTotals : r - p.start.row + dest.rowIndex);
  const row = (r: number) => {
    const line: (string | number | boolean)[] = [];
    for (let c = p.start.col; c <= p.end.col; c++) line.push(formulaOf(grid.rows[r]?.[c], moveRow));
    return line;
  };
  for (let i = 0; i < rows; i++) out.formulas.push(i < nSrc ? row(p.start.row + 1 + i) : new Array<string>(p.end.col - p.start.col + 1).fill(''));
  if (totals) out.formulas.push(row(srcTotals));
  out.address = a1Box(destFirst, p.start.col, destFirst + out.formulas.length - 1, p.end.col);
  return out;
}

/** A sheet without tables ("Thông tin", "Nguồn"): its cells at the same addresses, blanking what the old sheet had beyond them. */
export function cellsWrite(grid: SheetGrid, used: { rowIndex: number; rowCount: number; columnIndex: number; columnCount: number } | null): TableWrite {
  const rows = Math.max(grid.rows.length, used ? used.rowIndex + used.rowCount : 0);
  const cols = Math.max(...grid.rows.map((r) => r?.length ?? 0), used ? used.columnIndex + used.columnCount : 0, 1);
  const formulas: (string | number | boolean)[][] = [];
  for (let r = 0; r < Math.max(rows, 1); r++) {
    const line: (string | number | boolean)[] = [];
    for (let c = 0; c < cols; c++) line.push(formulaOf(grid.rows[r]?.[c]));
    formulas.push(line);
  }
  return { address: a1Box(0, 0, formulas.length - 1, cols - 1), formulas };
}
