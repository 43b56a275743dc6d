import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/findings.md is written from the catalogue by `npm run docs:findings`: the committed file
// must be what the script writes now, so a code added, removed or reworded in the catalogue
// without running it fails here.
test('docs/findings.md is what `npm run docs:findings` writes from the catalogue', async () => {
  const { renderFindingsDoc, FINDINGS_DOC } = await import('../../scripts/findings-doc');
  expect(readFileSync(FINDINGS_DOC, 'utf8')).toBe(renderFindingsDoc());
});

// The generated reference has one row per code of each family, and no other row.
test('docs/findings.md has one row per catalogue code', async () => {
  const { WORKBOOK_FINDINGS } = await import('../../src/core/catalogue/workbook');
  const { DOCUMENT_FINDINGS } = await import('../../src/core/catalogue/document');
  const { REFUSALS } = await import('../../src/core/catalogue/refusals');
  const doc = readFileSync(join(__dirname, '../../docs/findings.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
  const codes = [...Object.keys(WORKBOOK_FINDINGS), ...Object.keys(DOCUMENT_FINDINGS), ...Object.keys(REFUSALS)];
  // Some workbook codes (sum_mismatch, not_a_number…) and a refusal of every format are expected.
  expect(codes).toEqual(expect.arrayContaining(['sum_mismatch', 'not_a_number', 'percent_mismatch', 'too_large', 'file_not_found']));
  expect(documented).toEqual(codes);
});

// The officers' page of what each message means (docs/huong-dan/thong-bao.md) is written from the
// same catalogue by the same command: the committed page must be what it writes now.
describe('docs/huong-dan/thong-bao.md, the officers\' page of messages', () => {
  const page = () => readFileSync(join(__dirname, '../../docs/huong-dan/thong-bao.md'), 'utf8');

  test('is what `npm run docs:findings` writes from the catalogue', async () => {
    const { renderGuideMessages, GUIDE_MESSAGES } = await import('../../scripts/guide-messages');
    expect(readFileSync(GUIDE_MESSAGES, 'utf8')).toBe(renderGuideMessages());
  });

  test('explains every code of the catalogue once, under the group an officer meets it in', async () => {
    const { WORKBOOK_FINDINGS } = await import('../../src/core/catalogue/workbook');
    const { DOCUMENT_FINDINGS } = await import('../../src/core/catalogue/document');
    const { REFUSALS } = await import('../../src/core/catalogue/refusals');
    const text = page();
    const anchors = [...text.matchAll(/<a id="([a-z0-9_]+)"><\/a>\*\*/g)].map((m) => m[1]);
    const codes = [...Object.keys(WORKBOOK_FINDINGS), ...Object.keys(DOCUMENT_FINDINGS), ...Object.keys(REFUSALS)];
    expect([...anchors].sort()).toEqual([...codes].sort());
    // Each group's heading comes before its messages: a workbook finding, a consolidation's, a document's, a refusal.
    const at = (s: string) => text.indexOf(s);
    const order = ['## <a id="so-so-lieu"></a>1. Kiểm tra sổ số liệu', '<a id="sum_mismatch">', '## <a id="tong-hop"></a>2. Tổng hợp từ các đơn vị', '<a id="merge_stale_file">', '## <a id="van-ban"></a>3. Kiểm tra số liệu trong văn bản', '<a id="percent_mismatch">', '## <a id="tep"></a>4. Tệp không mở được', '<a id="file_not_found">'];
    const found = order.map(at);
    expect(found.filter((i) => i < 0)).toEqual([]);
    expect(found).toEqual([...found].sort((x, y) => x - y));
  });

  test('shows the officer no code and no English: codes only as anchors', async () => {
    const { CATALOGUE } = await import('../../src/core/catalogue');
    const visible = page()
      .replace(/<a id="[a-z0-9_-]+"><\/a>/g, '')
      .replace(/<\/?div[^>]*>/g, '');
    for (const family of Object.values(CATALOGUE)) {
      for (const [code, entry] of Object.entries(family)) {
        expect([code, visible.includes(code)]).toEqual([code, false]);
        expect([code, visible.includes(entry.doc)]).toEqual([code, false]);
      }
    }
    expect(visible).not.toMatch(/\b(the|and|of|is|when|not)\b/i);
  });

  test('is the last part of the guide\'s one HTML page (the page a browser prints), its links kept inside the page', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { guideHtml } = require('../../webpack.config.js') as { guideHtml: () => string };
    const html = guideHtml();
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const part = html.indexOf('<section class="phan" id="thong-bao"><h2>Ý nghĩa các thông báo</h2>');
    expect(part).toBeGreaterThan(html.indexOf('9. Câu hỏi thường gặp</h2>'));
    // The guide's links to the page and to its groups land inside the one page; each message keeps its anchor.
    expect(html).not.toContain('thong-bao.md');
    expect(html).toContain('<a href="#thong-bao">Ý nghĩa các thông báo</a>');
    expect(html).toContain('<a href="#tep">Tệp không mở được</a>');
    expect(html).toContain('<h3><a id="tep"></a>4. Tệp không mở được</h3>');
    expect(html.slice(part)).toContain('<a id="sum_mismatch"></a><strong>Lỗi</strong>');
  });

  test('quotes a refusal exactly as the reader words it', async () => {
    // An empty file, refused by the real reader: its message is on the page as the example.
    const { readWorkbook } = await import('../../src/xlsx/read');
    const refused = await readWorkbook(new Uint8Array(0)).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refused).toBe('Tệp rỗng (0 byte): hãy chọn đúng tệp Excel (.xlsx) đã lưu.');
    expect(page()).toContain(`> *Ví dụ:* ${refused!}`);
  });
});

// Every rule set the checker can choose is documented, and nothing that does not exist.
test('docs/rules.md lists exactly the rule sets of regimes.ts', async () => {
  const { RULE_SETS } = await import('../../src/core/regimes');
  const doc = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual(RULE_SETS.map((r) => r.id).sort());
});

// Every survey form version is documented, and nothing that does not exist.
test('docs/surveys.md lists exactly the form versions of surveys/forms.ts', async () => {
  const { FORM_VERSIONS } = await import('../../src/core/surveys/forms');
  const doc = readFileSync(join(__dirname, '../../docs/surveys.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| (qd[a-z0-9-]+) \|/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual(FORM_VERSIONS.map((v) => v.id).sort());
});
