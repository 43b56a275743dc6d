import type { Draft, Finding } from './findings';
import { WORKBOOK_FINDINGS, type Worded } from './catalogue/workbook';

/**
 * A finding's severity and Vietnamese message, from its code's entry in the catalogue
 * (src/core/catalogue/workbook.ts): a draft that names no severity takes the code's default.
 */

/** The draft with its severity decided: its own, else the catalogue's default for its code. */
export function withSeverity(d: Draft): Omit<Finding, 'message'> {
  return { ...d, severity: d.severity ?? WORKBOOK_FINDINGS[d.code].severity } as Omit<Finding, 'message'>;
}

export function messageFor(d: Draft): string {
  const w = withSeverity(d);
  // The entry of w's own code: TypeScript cannot pair a union's member with its entry by itself.
  return (WORKBOOK_FINDINGS[w.code].message as (x: Worded<typeof w.code>) => string)(w as Worded<typeof w.code>);
}

export function withMessage(d: Draft): Finding {
  const w = withSeverity(d);
  return { ...w, message: messageFor(w as Draft) } as Finding;
}

export { SEVERITY_LABEL } from './findings';

/** A finding about a whole sheet (a table or name not found, a sheet left out): its cell is nominal. */
export function isWholeSheet(f: Pick<Finding, 'code'>): boolean {
  return 'wholeSheet' in WORKBOOK_FINDINGS[f.code];
}

/** Where a finding is, as lists show it: "TTHC!F7", or the sheet alone for a finding about a whole sheet. */
export function placeOf(f: Pick<Finding, 'code' | 'sheet' | 'cell'>): string {
  return isWholeSheet(f) ? f.sheet : `${f.sheet}!${f.cell}`;
}
