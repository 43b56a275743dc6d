/** `cchc doc` end to end through the built CLI: exit codes, the JSON contract, --workbook, bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusEntries, entryFixture } from '../../scripts/corpus/eval';
import { fixtureToDocx } from '../../scripts/corpus/docx';
import { parseFixture } from '../../scripts/corpus/fixture';
import { SAMPLE_FILES } from '../../src/xlsx/samples';
import { readDocxParagraphs } from '../../src/docx/text';
import JSZip from 'jszip';
import { cliRunner } from '../helpers/cli';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cchc-doc-'));

const run = cliRunner(60000);

const planted = join(dir, 'kon-tum-cai-loi.docx');
const clean = join(dir, 'van-mau.docx');

beforeAll(async () => {
  const entry = corpusEntries().find((e) => e.document === 'kon-tum-q3-2022-cai-loi')!;
  writeFileSync(planted, await fixtureToDocx(entryFixture(entry)));
  writeFileSync(clean, await fixtureToDocx(parseFixture(readFileSync(join(root, 'test/fixtures/doc/kon-tum-q3-2022-van-mau.txt'), 'utf8'))));
}, 120000);

describe('cchc doc', () => {
  it('exits 0 on the product narrative, saying how many figures it read and checked', () => {
    const r = run('doc', clean);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Kỳ báo cáo (theo tiêu đề): quý III năm 2022');
    expect(r.out).toContain('Kết quả: không phát hiện lỗi hay cảnh báo nào.');
    expect(r.out).toMatch(/Đã đọc \d+ số liệu, kiểm tra được \d+/);
  });

  it('prints the contract JSON with 1-based paragraphs and offsets into their text, exit 1', async () => {
    const r = run('doc', planted, '--workbook', SAMPLE_FILES.clean, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['file', 'period', 'summary', 'issues']);
    expect(json.period).toEqual({ kind: 'Quý III', year: 2022, from: '2022-06-15', to: '2022-09-14' });
    expect(Object.keys(json.summary)).toEqual(['errors', 'warnings', 'infos', 'figuresRead', 'figuresChecked']);
    for (const i of json.issues) {
      expect(Object.keys(i)).toEqual(['code', 'severity', 'paragraph', 'start', 'end', 'excerpt', 'message', 'expected', 'actual', 'reading']);
      expect(i.reading).toMatch(/^đọc là: /);
    }
    const wb = json.issues.find((i: { code: string; actual: string }) => i.code === 'workbook_mismatch' && i.actual === '156');
    expect(wb).toMatchObject({ expected: '157', message: 'Văn bản ghi số TTHC cấp tỉnh là 156, sổ số liệu ghi 157.' });
    const paragraphs = await readDocxParagraphs(readFileSync(planted));
    expect(paragraphs[wb.paragraph - 1]!.text.slice(wb.start, wb.end)).toBe('156 TTHC');
    const pct = json.issues.find((i: { code: string }) => i.code === 'percent_impossible');
    expect(pct.reading).toBe('đọc là: 23 hồ sơ đúng hạn / 27 (đến hạn) = 85,19%; văn bản ghi 88,46%');
    expect(pct.excerpt).toContain('88,46%');
  });

  it('finds the workbook figures only with --workbook', () => {
    const json = JSON.parse(run('doc', planted, '--json').out);
    expect(json.issues.some((i: { code: string }) => i.code === 'workbook_mismatch')).toBe(false);
  });

  it('names a workbook of another unit and period first, and compares no figure with it', async () => {
    // The report written from the clean sample (Kon Tum, quý III/2022) against the mistakes sample (Sơn La, quý I/2023).
    const { sampleTexts, templateBytes } = await import('../word/fixtures');
    const { fillDocx } = await import('../../src/docx/fill');
    const { buildNarrative } = await import('../../src/core/narrative');
    const { report, record } = await sampleTexts('mau-sach.xlsx');
    const old = join(dir, 'bao-cao-ky-truoc.docx');
    writeFileSync(old, await fillDocx(templateBytes(), buildNarrative(report, { allowErrors: true }), record));
    const r = run('doc', old, '--workbook', SAMPLE_FILES.mistakes, '--previous', SAMPLE_FILES.clean, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(['workbook_other_report']);
    expect(json.issues[0].message).toContain('Sơn La, quý I năm 2023');
    expect(json.issues[0].message).toContain('Kon Tum, quý III năm 2022');
  });

  it.each([
    ['a file that is not a .docx', ['doc', join(root, 'README.md')], /Không đọc được tệp .*README\.md: không phải tệp Word/],
    ['a missing file', ['doc', join(dir, 'khong-co.docx')], /Không tìm thấy tệp/],
    ['no file', ['doc'], /Lệnh doc cần đúng một tệp \.docx/],
    ['--previous without --workbook', ['doc', clean, '--previous', SAMPLE_FILES.clean], /--previous chỉ dùng cùng --workbook/],
  ])('exits 2 on %s with a Vietnamese message', (_why, args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
});

/**
 * The report this product writes for the clean sample, with four figures changed by hand the way
 * an officer would (a count, a rate, a staffing figure, a survey index), must be flagged at those
 * four places and nowhere else by `cchc doc --workbook` with the sample it came from.
 */
describe('cchc doc on its own report with four figures changed', () => {
  // Each edit: the text as written from the workbook, what it becomes, and why the workbook disagrees.
  const EDITS = [
    // Received: the sample has 297 files received (and 114 + 183 = 297 by channel).
    { find: 'tiếp nhận 297 hồ sơ', replace: 'tiếp nhận 279 hồ sơ', figure: '279' },
    // Resolved over all files to handle: 288/329 = 87,54…% → 87,5%, not 89,5%.
    { find: '288/329 hồ sơ (87,5%)', replace: '288/329 hồ sơ (89,5%)', figure: '89,5%' },
    // Contract staff: quota 100, present 93, so 7 short, not 6.
    { find: 'còn thiếu 07 người', replace: 'còn thiếu 06 người', figure: '06' },
    // Inpatients' comprehensive satisfaction index: 85,20% in the sample's survey table.
    { find: 'Chỉ số hài lòng toàn diện: 85,20%', replace: 'Chỉ số hài lòng toàn diện: 86,20%', figure: '86,20%' },
  ];
  const edited = join(dir, 'bao-cao-sua-tay.docx');

  beforeAll(async () => {
    const made = join(dir, 'bao-cao.docx');
    const r = run('report', SAMPLE_FILES.clean, '--template', join(root, 'assets/templates/bao-cao-cchc.docx'), '--out', made);
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(made));
    let xml = await zip.file('word/document.xml')!.async('string');
    for (const e of EDITS) {
      // Each figure is written in one run of text, once.
      expect(xml.split(e.find).length - 1).toBe(1);
      xml = xml.replace(e.find, () => e.replace);
    }
    zip.file('word/document.xml', xml);
    writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));
  }, 120000);

  it('is silent on the report as written', () => {
    const r = run('doc', join(dir, 'bao-cao.docx'), '--workbook', SAMPLE_FILES.clean, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).issues.filter((i: { severity: string }) => i.severity !== 'info')).toEqual([]);
  });

  it('flags each changed figure, and nothing else', async () => {
    const r = run('doc', edited, '--workbook', SAMPLE_FILES.clean, '--json');
    expect(r.code).toBe(1);
    const issues: { severity: string; paragraph: number; start: number; end: number; code: string }[] = JSON.parse(r.out).issues.filter((i: { severity: string }) => i.severity !== 'info');
    const paragraphs = await readDocxParagraphs(readFileSync(edited));
    const at = issues.map((i) => paragraphs[i.paragraph - 1]!.text.slice(i.start, i.end));
    for (const e of EDITS) expect(at.some((t) => t.startsWith(e.figure))).toBe(true);
    // Every finding is on one of the changed figures.
    for (const t of at) expect(EDITS.some((e) => t.startsWith(e.figure))).toBe(true);
  });
});
