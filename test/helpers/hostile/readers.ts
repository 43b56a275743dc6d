/**
 * Hostile inputs for the readers of pages and report text: HTML ".xls" exports nested deep or made
 * of millions of small elements, or with elements misplaced inside a table (each a small real
 * table followed by the hostile part, so that a reader without limits would read it as a
 * workbook).
 * Used by the tests and by `npx tsx test/helpers/hostile/measure-readers.ts` (docs/reliability.md).
 */

const HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo cáo</title></head><body>';
const TABLE = '<table><tr><th>Lĩnh vực</th><th>Tổng số</th></tr><tr><td>Dược phẩm</td><td>12</td></tr></table>';
const TAIL = '</body></html>';
const enc = (s: string) => new TextEncoder().encode(s);

/** About `bytes` bytes: the table, then `<div>`s each opened inside the previous one, then closed. */
export function nestedDivsPage(bytes: number): Uint8Array {
  const n = Math.max(1, Math.floor((bytes - HEAD.length - TABLE.length - TAIL.length) / 11));
  return enc(HEAD + TABLE + '<div>'.repeat(n) + 'x' + '</div>'.repeat(n) + TAIL);
}

/** About `bytes` bytes: the table, then one paragraph of `<span>1</span>` side by side (no cell tags). */
export function smallElementsPage(bytes: number): Uint8Array {
  const n = Math.max(1, Math.floor((bytes - HEAD.length - TABLE.length - TAIL.length - 7) / 14));
  return enc(HEAD + TABLE + '<p>' + '<span>1</span>'.repeat(n) + '</p>' + TAIL);
}

/**
 * About `bytes` bytes: a table whose first `<tr>` is preceded by `<i></i>` elements. The HTML
 * standard moves each out of the table, just before it ("foster parenting"), one insertion at a
 * time.
 */
export function fosterParentedPage(bytes: number): Uint8Array {
  const n = Math.max(1, Math.floor((bytes - HEAD.length - TABLE.length - TAIL.length) / 7));
  return enc(HEAD + TABLE.replace('<table>', `<table>${'<i></i>'.repeat(n)}`) + TAIL);
}

