/** `cchc doc` end to end through the built CLI: exit codes, the JSON contract, --workbook, bad input. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusEntries, entryFixture } from '../../scripts/corpus/eval';
import { fixtureToDocx } from '../../scripts/corpus/docx';
import { parseFixture } from '../../scripts/corpus/fixture';
import { SAMPLE_FILES } from '../../src/xlsx/samples';
import { readDocxParagraphs } from '../../src/docx/text';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cchc-doc-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const planted = join(dir, 'kon-tum-cai-loi.docx');
const clean = join(dir, 'van-mau.docx');

beforeAll(async () => {
  execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'ignore' });
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
    expect(pct.reading).toBe('đọc là: 23/27 = 85,19%; văn bản ghi 88,46%');
    expect(pct.excerpt).toContain('88,46%');
  });

  it('finds the workbook figures only with --workbook', () => {
    const json = JSON.parse(run('doc', planted, '--json').out);
    expect(json.issues.some((i: { code: string }) => i.code === 'workbook_mismatch')).toBe(false);
  });

  it('with --previous, calls the figures of a report left from the previous workbook stale', async () => {
    // The report written from the clean sample, checked against another workbook with the clean one as the previous period.
    const { sampleTexts, templateBytes } = await import('../word/fixtures');
    const { fillDocx } = await import('../../src/docx/fill');
    const { buildNarrative } = await import('../../src/core/narrative');
    const { report, record } = await sampleTexts('mau-sach.xlsx');
    const old = join(dir, 'bao-cao-ky-truoc.docx');
    writeFileSync(old, await fillDocx(templateBytes(), buildNarrative(report, { allowErrors: true }), record));
    const r = run('doc', old, '--workbook', SAMPLE_FILES.mistakes, '--previous', SAMPLE_FILES.clean, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(new Set(json.issues.map((i: { code: string }) => i.code))).toEqual(new Set(['stale_figure']));
    // "tiếp nhận" is the new files of the period (docs/style.md): 114 + 183 = 297 then, 118 + 178 = 296 now.
    expect(json.issues.find((i: { reading: string }) => i.reading.startsWith('đọc là: số hồ sơ tiếp nhận trong kỳ'))).toMatchObject({ actual: '297', expected: '296', reading: 'đọc là: số hồ sơ tiếp nhận trong kỳ = 297; sổ số liệu: 296; kỳ trước: 297' });
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
