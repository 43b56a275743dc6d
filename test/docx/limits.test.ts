import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildNarrative } from '../../src/core/narrative';
import { fillDocxDetailed } from '../../src/docx/fill';
import { DOCX_LIMITS } from '../../src/docx/package';
import { findControls } from '../../src/docx/sdt';
import { runReport } from '../../src/cli/report';
import { konTumQ3 } from '../narrative/fixtures';
import { body, deflatedEntry, docxWith, entityExpansion, MINIMAL_CT, nestedControls as nested, zipOf } from './hostile';

const n = buildNarrative(konTumQ3());
const record = { fileName: 'a.xlsx', unit: 'x', period: 'y', fingerprint: n.fingerprint, filledAt: '2022-09-14T08:30:00.000Z' };
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function refusal(docx: Uint8Array): Promise<{ reason: string; message: string }> {
  try {
    await fillDocxDetailed(docx, n, record);
  } catch (e) {
    return { reason: (e as { reason: string }).reason, message: (e as Error).message };
  }
  throw new Error('not refused');
}

// How long each refusal takes, and the scan's growth with depth, are measured by `npm run bench`
// (bench/refusals.ts) as ratios to a normal fill: tests assert no times.

describe('template limits, measured on what is read', () => {
  test('a 400 KB .docx whose document.xml inflates to 400 MB is refused by the unpacked-size limit', async () => {
    const doc = await deflatedEntry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`, 'a', 400 * 2 ** 20, '</w:t></w:r></w:p></w:body></w:document>');
    const ct = await deflatedEntry('[Content_Types].xml', MINIMAL_CT, ' ', 0, '');
    const docx = zipOf([ct, doc]);
    expect(docx.length).toBeLessThan(600 * 1024);
    expect(doc.size).toBeGreaterThan(400 * 2 ** 20);
    const r = await refusal(docx);
    expect(r.reason).toBe('unpacked_too_large');
    expect(r.message).toContain('giới hạn dung lượng giải nén');
    expect(r.message).toContain('word/document.xml');
  }, 60_000);

  test('the sizes the zip directory declares are not trusted: a part declared 1 KB that inflates to 100 MB is refused', async () => {
    const doc = await deflatedEntry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`, 'b', 100 * 2 ** 20, '</w:t></w:r></w:p></w:body></w:document>');
    const ct = await deflatedEntry('[Content_Types].xml', MINIMAL_CT, ' ', 0, '');
    const r = await refusal(zipOf([ct, { ...doc, size: 1024 }]));
    expect(r.reason).toBe('unpacked_too_large');
  }, 60_000);

  test('a 31 KB template nested 1 000 deep is refused at once by the depth limit', async () => {
    const xml = nested(1000);
    expect(xml.length).toBeGreaterThan(60_000);
    const docx = await docxWith(xml);
    expect(docx.length).toBeLessThan(40 * 1024);
    const r = await refusal(docx);
    expect(r.reason).toBe('too_deep');
    expect(r.message).toContain('giới hạn độ sâu XML');
  });

  test('nesting just under the depth limit fills normally', async () => {
    const depth = Math.floor((DOCX_LIMITS.maxXmlDepth - 8) / 2);
    const r = await fillDocxDetailed(await docxWith(nested(depth)), n, record);
    expect(r.filled).toEqual(['cchc:tthc']);
  });

  test('more XML elements than the limit are refused, naming the limit', async () => {
    const r = await refusal(await docxWith(body('<w:p/>'.repeat(DOCX_LIMITS.maxXmlElements + 1))));
    expect(r.reason).toBe('too_many_elements');
    expect(r.message).toContain('giới hạn số phần tử XML');
  });

  test('the control scan finds every one of 40 000 nested controls', () => {
    // The old scan walked the stack of open elements at every end tag: 40 000 deep took minutes.
    // Its growth with depth (40 000 against 4 × 10 000) is measured by bench/refusals.ts.
    const spans = findControls(nested(40_000));
    expect(spans).toHaveLength(40_001);
    expect(spans.find((s) => s.tag === 'cchc:tthc')!.kind).toBe('block');
  });

  test('a file over the size limit is refused before it is read; non-zip, Excel and empty files get their own message', async () => {
    const big = new Uint8Array(DOCX_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    expect((await refusal(big)).message).toContain('giới hạn kích thước tệp');
    expect((await refusal(new Uint8Array(0))).reason).toBe('not_docx');
    expect((await refusal(new TextEncoder().encode('không phải docx'))).reason).toBe('not_zip');
    expect((await refusal(new Uint8Array([0x50, 0x4b, 5, 6, 0, 0, 0]))).reason).toBe('corrupt_zip');
  });

  test('cchc report: a template over the size limit on disk exits 2 without reading it (sparse file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-lim-'));
    try {
      const tpl = path.join(dir, 'mau.docx');
      fs.writeFileSync(tpl, 'PK');
      fs.truncateSync(tpl, DOCX_LIMITS.maxFileBytes * 4);
      const xlsx = path.join(__dirname, '..', '..', 'assets', 'samples', 'mau-sach.xlsx');
      const err: string[] = [];
      const code = await runReport({ file: xlsx, template: tpl, out: path.join(dir, 'a.docx'), io: { out: () => {}, err: (s) => err.push(s) } });
      expect(code).toBe(2);
      expect(err.join('')).toContain('giới hạn kích thước tệp');
      expect(fs.existsSync(path.join(dir, 'a.docx'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('entity expansion (a DOCTYPE of nested entities) is refused, never expanded', async () => {
    const r = await refusal(await docxWith(entityExpansion()));
    expect(r.reason).toBe('bad_xml');
  });

  test('malformed XML in the document is refused in Vietnamese', async () => {
    const r = await refusal(await docxWith(body('<w:p>')));
    expect(r.reason).toBe('bad_xml');
    expect(r.message).toContain('word/document.xml không phải XML hợp lệ');
  });
});
