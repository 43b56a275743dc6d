/**
 * The CLI on hostile files (inputs from test/helpers/hostile/writers.ts), through dist/cli.js:
 * a named pipe where a workbook or a .docx is expected is refused, never waited on; a device or a
 * pipe as --out is refused, never replaced; a consolidated workbook left among the units' files
 * is left out of the merge, said so, exit 1; a date and a year of 1e308 are told in words.
 */
import { existsSync, lstatSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaveConsolidationIn, makeFifo, workbookWithDateAndYear, writeUnitsFolder } from '../helpers/hostile/writers';
import { cliRunner } from '../helpers/cli';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-files-'));
const TEMPLATE = join(root, 'assets', 'templates', 'bao-cao-cchc.docx');
let units = '';
let unitFiles: string[] = [];

// A hang fails the test at the timeout (status null) instead of blocking the suite.
const run = cliRunner(30000);

beforeAll(async () => {
  units = join(dir, 'don-vi');
  unitFiles = await writeUnitsFolder(units);
}, 120000);

const NOT_REGULAR = /Không phải một tệp thông thường \(thiết bị, ống dẫn hay ổ cắm\)/;

describe('a named pipe as an input is refused before it is opened (exit 2, Vietnamese)', () => {
  it('check x.xlsx', () => {
    const r = run('check', makeFifo(join(dir, 'ong-check.xlsx')));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(NOT_REGULAR)]);
  });
  it('merge of a folder holding one', () => {
    const folder = join(dir, 'co-ong');
    return writeUnitsFolder(folder).then(() => {
      makeFifo(join(folder, '0-ong.xlsx'));
      // In a folder it is one more file left out: never opened, named in the output, exit 1
      // (merge names every file it leaves out and sums the others).
      const r = run('merge', folder, '--out', join(dir, 'tong-hop-ong.xlsx'));
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/0-ong\.xlsx: Không đưa vào tổng hợp.*Không phải một tệp thông thường \(thiết bị, ống dẫn hay ổ cắm\)/);
      expect(existsSync(join(dir, 'tong-hop-ong.xlsx'))).toBe(true);
    });
  }, 60000);
  it('doc x.docx', () => {
    const r = run('doc', makeFifo(join(dir, 'ong-doc.docx')));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(NOT_REGULAR)]);
  });
  it('report --template x.docx', () => {
    const r = run('report', unitFiles[0]!, '--template', makeFifo(join(dir, 'ong-mau.docx')), '--out', join(dir, 'bao-cao.docx'));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/Không mở được mẫu báo cáo .*Không phải một tệp thông thường/)]);
  });
});

describe('a device or a pipe as --out is refused, never replaced (exit 2)', () => {
  const REFUSED = /đây không phải một tệp thông thường .* nên không thay nó bằng tệp kết quả/;
  it('merge --out a pipe: the pipe is still a pipe', () => {
    const out = makeFifo(join(dir, 'ra-merge.xlsx'));
    const r = run('merge', units, '--out', out);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(REFUSED)]);
    expect(lstatSync(out).isFIFO()).toBe(true);
  }, 60000);
  it('report --out /dev/null: still the null device', () => {
    const r = run('report', unitFiles[0]!, '--template', TEMPLATE, '--out', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(REFUSED);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  }, 60000);
  it('template --out a pipe', () => {
    const out = makeFifo(join(dir, 'ra-mau.xlsx'));
    const r = run('template', '--out', out);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(REFUSED)]);
    expect(lstatSync(out).isFIFO()).toBe(true);
  });
});

it('a consolidated workbook left in the units folder is left out, said so, exit 1; the figures are not doubled', () => {
  const first = join(dir, 'tong-hop-1.xlsx');
  const a = run('merge', units, '--out', first, '--json');
  expect(a.code).toBe(0);
  leaveConsolidationIn(units, first);
  const second = join(dir, 'tong-hop-2.xlsx');
  const b = run('merge', units, '--out', second, '--json');
  expect(b.code).toBe(1);
  const ja = JSON.parse(a.out);
  const jb = JSON.parse(b.out);
  const left = jb.units.find((u: { file: string }) => u.file.endsWith('3-tong-hop-ky-truoc.xlsx'));
  expect(left.included).toBe(false);
  expect(left.status).toMatch(/Không đưa vào tổng hợp: là sổ tổng hợp/);
  expect(jb.findings.map((f: { code: string }) => f.code)).toEqual(['merge_consolidated_input']);
  expect(jb.consolidated.metrics['tthc.tongSo']).toBe(ja.consolidated.metrics['tthc.tongSo']);
  const text = run('merge', units, '--out', second);
  expect(text.out).toMatch(/Bỏ qua .*3-tong-hop-ky-truoc\.xlsx: Không đưa vào tổng hợp: là sổ tổng hợp/);
  expect(text.out).toMatch(/là một sổ tổng hợp \(có sheet "Nguồn" và "Truy vết"\)/);
}, 120000);

it('a date cell and a year of 1e308 are told in words, never NaN or 1e+308', async () => {
  const file = join(dir, 'ngay-1e308.xlsx');
  writeFileSync(file, await workbookWithDateAndYear(1e308));
  const r = run('check', file);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/"Từ ngày" ghi một số quá lớn hoặc quá nhỏ để là ngày/);
  expect(r.out).toMatch(/Năm báo cáo "1 × 10³⁰⁸" không hợp lệ/);
  expect(r.out).not.toMatch(/NaN|e\+308|Infinity/);
}, 60000);
