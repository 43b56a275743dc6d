/**
 * The .docx zip limits through the command line: a zip bomb given to `cchc doc` as a report or to
 * `cchc report` as a template, and a package of thousands of entries, are refused with exit 2 and
 * the catalogue's Vietnamese sentence (src/core/catalogue/refusals.ts), no stack trace, nothing
 * written. The bomb's directory declares 1 KB for its document.xml: the limit fires on what
 * inflates, whatever the zip says.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRunner, ROOT } from '../helpers/cli';
import { writeRawZip } from '../helpers/hostile';
import { deflatedEntry, MINIMAL_CT, zipOf } from './hostile';

const run = cliRunner(120000);
const dir = mkdtempSync(join(tmpdir(), 'cchc-docx-zip-'));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const bomb = join(dir, 'bom-giai-nen.docx');
const crowded = join(dir, 'qua-nhieu-phan.docx');

beforeAll(async () => {
  // 200 MB of one paragraph, deflated to a few hundred KB, declared as 1 024 bytes.
  const doc = await deflatedEntry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`, 'Tiếp nhận 1.234 hồ sơ. ', 200 * 2 ** 20, '</w:t></w:r></w:p></w:body></w:document>');
  const ct = await deflatedEntry('[Content_Types].xml', MINIMAL_CT, ' ', 0, '');
  const bytes = zipOf([ct, { ...doc, size: 1024 }]);
  expect(bytes.length).toBeLessThan(2 * 2 ** 20);
  writeFileSync(bomb, bytes);
  // word/document.xml and 5 999 empty parts: 6 000 entries, 1 000 past the limit of 5 000.
  const empty = Buffer.from([3, 0]); // an empty DEFLATE stream
  writeFileSync(crowded, writeRawZip(Array.from({ length: 6000 }, (_, i) => ({ name: i ? `word/media/p${i}.xml` : 'word/document.xml', deflated: empty, declaredSize: 0, crc: 0 }))));
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noTrace = (err: string) => expect(err).not.toMatch(/at .*\.(js|ts):\d+|Error:/);

describe('a zip bomb .docx', () => {
  test('cchc doc refuses it with exit 2, naming the part and the limit', () => {
    const r = run('doc', bomb);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Không đọc được tệp ${bomb}: Nội dung tài liệu quá lớn khi giải nén (hơn 60 MB ở phần word/document.xml, giới hạn dung lượng giải nén 60 MB)`);
    noTrace(r.err);
    expect(r.out).toBe('');
  });

  test('cchc report refuses it as a template with exit 2 and writes nothing', () => {
    const out = join(dir, 'bao-cao.docx');
    const r = run('report', join(ROOT, 'assets/samples/mau-sach.xlsx'), '--template', bomb, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Không đọc được mẫu báo cáo "${bomb}": Nội dung mẫu báo cáo quá lớn khi giải nén (hơn 60 MB ở phần word/document.xml, giới hạn dung lượng giải nén 60 MB)`);
    noTrace(r.err);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a .docx of more entries than the limit', () => {
  test('cchc doc refuses it with exit 2, counting its entries', () => {
    const r = run('doc', crowded);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Không đọc được tệp ${crowded}: Tài liệu có quá nhiều phần (6.000, giới hạn số phần trong gói 5.000)`);
    noTrace(r.err);
  });

  test('cchc report refuses it as a template with exit 2', () => {
    const out = join(dir, 'bao-cao-2.docx');
    const r = run('report', join(ROOT, 'assets/samples/mau-sach.xlsx'), '--template', crowded, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Không đọc được mẫu báo cáo "${crowded}": Mẫu báo cáo có quá nhiều phần (6.000, giới hạn số phần trong gói 5.000)`);
    noTrace(r.err);
    expect(existsSync(out)).toBe(false);
  });
});
