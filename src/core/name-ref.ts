import { lettersToCol, toA1 } from './model';

/**
 * What a workbook-scope defined name points at, from its reference as a file stores it
 * ("'Thông tin'!$C$3", .xlsx `definedName` text and the .xls formula decoded to text) or as
 * Office.js gives it (`NamedItem.formula`, "='Thông tin'!$C$3"). One parser for the file readers
 * and the Excel adapter, so that the period and unit read from names, and "Đã nhận ra", are the
 * same in the CLI, the standalone page and Excel.
 *
 * A name over several cells ("C3:D3") stands for its first, top-left cell. Officers name the
 * cell they type into; when that cell is merged, selecting it and naming it in the Name Box names
 * the whole merged area, and Excel keeps a merged cell's value in its top-left cell, so that is
 * the cell they mean. `range` keeps the whole area, so that nothing takes such a name for one
 * cell where the area matters (the formula evaluator, src/xlsx/formula-eval.ts, leaves it alone).
 *
 * Null for what is not one area of cells on one sheet: several areas ("A1,B2"), whole columns or
 * rows ("A:A"), formulas, constants, "#REF!", a reference into another workbook ("[1]Sheet1!A1").
 * Written by hand: a defined name's reference is one token of Excel's grammar, which one regular
 * expression reads; the formula parser the readers use elsewhere would be much more for this.
 */
export function parseNameRef(text: string): { sheet: string; cell: string; range?: string } | null {
  const m = /^=?(?:'((?:[^'[\]]|'')+)'|([^'!:,;()[\]\s="]+))!\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})(?::\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6}))?$/.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const a = { col: lettersToCol(m[3]!), row: Number(m[4]) - 1 };
  const b = m[5] ? { col: lettersToCol(m[5]), row: Number(m[6]) - 1 } : a;
  // Excel's grid: XFD1048576 is its last cell.
  if (Math.max(a.col, b.col) > 16_383 || Math.max(a.row, b.row) > 1_048_575) return null;
  const first = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
  const last = { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) };
  const cell = toA1(first);
  return first.row === last.row && first.col === last.col ? { sheet, cell } : { sheet, cell, range: `${cell}:${toA1(last)}` };
}
