/**
 * `cchc doc`'s reader of a report's text (src/docx/text.ts) against reports built to exhaust it
 * (test/helpers/hostile/readers.ts): one huge paragraph, millions of elements, deep nesting. Each
 * is refused while it is read, before its text reaches the prose checker. Time and memory through
 * the CLI: docs/reliability.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCX_LIMITS } from '../../src/docx/package';
import { readDocxParagraphs, UnreadableDocumentError } from '../../src/docx/text';
import { cliRunner } from '../helpers/cli';
import { deepDocx, manyParagraphsDocx, oneParagraphDocx } from '../helpers/hostile/readers';
import { docxWith } from './hostile';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

async function refusal(bytes: Uint8Array): Promise<UnreadableDocumentError> {
  const e = await readDocxParagraphs(bytes).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UnreadableDocumentError);
  return e as UnreadableDocumentError;
}

async function withDocxLimit<T>(key: keyof typeof DOCX_LIMITS, value: number, f: () => Promise<T>): Promise<T> {
  const before = DOCX_LIMITS[key];
  DOCX_LIMITS[key] = value;
  try {
    return await f();
  } finally {
    DOCX_LIMITS[key] = before;
  }
}

describe('the report text reader counts while it reads', () => {
  test('one paragraph of 50 MB: refused at the text limit, in Vietnamese', async () => {
    const e = await refusal(await oneParagraphDocx(50 * 1024 * 1024));
    expect(e.code).toBe('doc_text_too_long');
    expect(e.message).toBe(
      'Tài liệu có quá nhiều chữ để kiểm tra (hơn 1.000.000 ký tự, giới hạn 1.000.000 ký tự, khoảng 300 trang): một báo cáo thường dưới 100 trang; hãy bỏ các phụ lục dài (hoặc chép phần báo cáo sang tệp mới) rồi kiểm tra lại.',
    );
  });

  test('the text counted is the body\'s and the footnotes\' together: 7 characters read at a limit of 7, refused at 6', async () => {
    const notes = `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>fg</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const doc = await docxWith(`<?xml version="1.0"?><w:document ${W}><w:body>${para('abc')}${para('de')}</w:body></w:document>`, { 'word/footnotes.xml': notes });
    const read = await withDocxLimit('maxTextChars', 7, () => readDocxParagraphs(doc));
    expect(read.map((p) => p.text)).toEqual(['abc', 'de', 'fg']);
    await withDocxLimit('maxTextChars', 6, async () => expect((await refusal(doc)).code).toBe('doc_text_too_long'));
  });

  test('400 000 paragraphs of one figure (1 200 000 elements, 400 000 characters): refused at the element limit', async () => {
    const e = await refusal(await manyParagraphsDocx(400_000));
    expect(e.code).toBe('doc_too_many_elements');
    expect(e.message).toContain('hơn 1.000.000, giới hạn số phần tử XML 1.000.000');
  });

  test('elements are counted one by one: 8 elements read at a limit of 8, refused at 7', async () => {
    // w:document, w:body, then w:p, w:r, w:t twice.
    const doc = await docxWith(`<?xml version="1.0"?><w:document ${W}><w:body>${para('a')}${para('b')}</w:body></w:document>`);
    expect((await withDocxLimit('maxXmlElements', 8, () => readDocxParagraphs(doc))).map((p) => p.text)).toEqual(['a', 'b']);
    await withDocxLimit('maxXmlElements', 7, async () => expect((await refusal(doc)).code).toBe('doc_too_many_elements'));
  });

  test('tables nested 5 000 deep: refused at the depth limit; 84 deep (257 levels) refused, 83 (254) read', async () => {
    expect(DOCX_LIMITS.maxXmlDepth).toBe(256);
    const e = await refusal(await deepDocx(5000));
    expect(e.code).toBe('doc_too_deep');
    expect(e.message).toContain('hơn 256 tầng, giới hạn độ sâu XML 256');
    // w:document, w:body, 84 × (w:tbl, w:tr, w:tc), w:p, w:r, w:t: 2 + 252 + 3 = 257 levels: refused.
    expect((await refusal(await deepDocx(84))).code).toBe('doc_too_deep');
    // 83 tables: 254 levels, read; the paragraph sits in the outermost table's first cell.
    const read = await readDocxParagraphs(await deepDocx(83));
    expect(read.filter((p) => p.text === 'sâu')).toEqual([{ text: 'sâu', kind: 'cell', cell: { table: 0, row: 0, col: 0 } }]);
  });

  test('cchc doc on the 50 MB paragraph: exit 2, the Vietnamese message, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-doc-limits-'));
    try {
      const file = join(dir, 'mot-doan-50mb.docx');
      writeFileSync(file, await oneParagraphDocx(50 * 1024 * 1024));
      const r = cliRunner()('doc', file);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Không đọc được tệp ${file}: Tài liệu có quá nhiều chữ để kiểm tra (hơn 1.000.000 ký tự`);
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
