/**
 * The A1 cell references inside an Excel formula, found and rewritten one by one. Used where a
 * formula must be moved as Excel moves it: the consolidated tables written into an officer's own
 * sheets at other rows (src/excel/actions.ts), and the fake Excel host keeping formulas pointing
 * at their cells when sheets are renamed or deleted and rows inserted (src/fake-office/excel.ts).
 *
 * Written by hand, on purpose small: only references are recognised (optionally sheet-qualified,
 * `$` anchors, a range's two ends), string literals and structured references ("Bang[Cột]") are
 * skipped; the rest of the formula is kept byte for byte. A full formula parser would bring a
 * dependency for what one regular expression per token does here.
 */

export interface FormulaRef {
  /** The sheet as written (quotes removed, '' unescaped), undefined for a reference to the formula's own sheet. */
  sheet?: string;
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export type RefMapper = (ref: FormulaRef) => FormulaRef | null;

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\p{L}][\p{L}\p{N}_.]*))!`;
const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d{1,7})`;
// A reference stands alone: not part of a name or a function ("LOG10(", "Bang1").
const REF = new RegExp(String.raw`(?<![\p{L}\p{N}_.$])(?:${SHEET})?${CELL}(?::${CELL})?(?![\p{L}\p{N}_(!])`, 'gu');

function lettersToCol(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const cellText = (r: FormulaRef) => `${r.colAbs ? '$' : ''}${colLetters(r.col)}${r.rowAbs ? '$' : ''}${r.row + 1}`;

/**
 * Rewrites every cell reference of `formula` (with or without its leading "="): `map` returns the
 * new reference, or null when the cell is gone (Excel then writes #REF!). A range's ends are
 * mapped one by one; its sheet is that of its first end.
 */
export function mapFormulaRefs(formula: string, map: RefMapper): string {
  let out = '';
  let i = 0;
  // Literal strings and bracketed structured references are copied as they are.
  const skip = /"(?:[^"]|"")*"|\[(?:[^\]]|\]\])*\]/g;
  for (;;) {
    skip.lastIndex = i;
    const m = skip.exec(formula);
    const end = m ? m.index : formula.length;
    out += rewritePart(formula.slice(i, end), map);
    if (!m) return out;
    out += m[0];
    i = m.index + m[0].length;
  }
}

function rewritePart(text: string, map: RefMapper): string {
  return text.replace(REF, (whole, quoted: string | undefined, bare: string | undefined, ca1: string, c1: string, ra1: string, r1: string, ca2?: string, c2?: string, ra2?: string, r2?: string) => {
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    const a = map({ sheet, col: lettersToCol(c1), row: Number(r1) - 1, colAbs: !!ca1, rowAbs: !!ra1 });
    const b = c2 !== undefined ? map({ sheet, col: lettersToCol(c2), row: Number(r2) - 1, colAbs: !!ca2, rowAbs: !!ra2 }) : undefined;
    if (!a || b === null) return '#REF!';
    const prefix = a.sheet !== undefined ? `${quoteSheetName(a.sheet)}!` : '';
    return `${prefix}${cellText(a)}${b ? `:${cellText(b)}` : ''}`;
  });
}
