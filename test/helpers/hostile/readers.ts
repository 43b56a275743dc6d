/**
 * Hostile inputs for the readers of pages and report text: HTML ".xls" exports nested deep or made
 * of millions of small elements, or with elements misplaced inside a table (each a small real
 * table followed by the hostile part, so that a reader without limits would read it as a
 * workbook); reports (.docx) of one huge paragraph, of millions of elements, or nested deep.
 * Used by the tests and by `npx tsx test/helpers/hostile/measure-readers.ts` (docs/reliability.md).
 */

import { deflatedEntry, docxWith, MINIMAL_CT, zipOf } from '../../docx/hostile';

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

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body><w:p><w:r><w:t>Báo cáo kết quả CCHC quý III năm 2022.</w:t></w:r></w:p>`;
const DOC_TAIL = '</w:body></w:document>';

/**
 * A .docx whose body is a title paragraph, then one paragraph of `bytes` bytes of text repeating
 * `unit` in a single run (deflated as it is made: the XML is never held whole).
 */
export async function oneParagraphDocx(bytes: number, unit = 'Tiếp nhận 1.234 hồ sơ, đã giải quyết 1.200 hồ sơ (97,2%). '): Promise<Uint8Array> {
  // Streamed in blocks of about 1 MB; a smaller paragraph is written at its own size.
  if (bytes < 4 * 1024 * 1024) {
    const times = Math.ceil(bytes / new TextEncoder().encode(unit).length);
    return docxWith(`${DOC_HEAD}<w:p><w:r><w:t xml:space="preserve">${unit.repeat(times)}</w:t></w:r></w:p>${DOC_TAIL}`);
  }
  const ct = await deflatedEntry('[Content_Types].xml', MINIMAL_CT, ' ', 0, '');
  const doc = await deflatedEntry('word/document.xml', `${DOC_HEAD}<w:p><w:r><w:t xml:space="preserve">`, unit, bytes, `</w:t></w:r></w:p>${DOC_TAIL}`);
  return zipOf([ct, doc]);
}

/** A .docx of exactly `n` paragraphs after the title, each one run of `text` (three elements apiece). */
export async function manyParagraphsDocx(n: number, text = '1'): Promise<Uint8Array> {
  return docxWith(DOC_HEAD + `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`.repeat(n) + DOC_TAIL);
}

/** A .docx whose body holds `depth` text boxes' worth of nested tables: `<w:tbl><w:tr><w:tc>` repeated. */
export async function deepDocx(depth: number): Promise<Uint8Array> {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '<w:p/></w:tc></w:tr></w:tbl>';
  return docxWith(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${open.repeat(depth)}<w:p><w:r><w:t>sâu</w:t></w:r></w:p>${close.repeat(depth)}${DOC_TAIL}`);
}
