/**
 * `cchc merge` end to end through dist/cli.js (worker threads only run from the bundle), on the
 * Kon Tum corpus of test/helpers/merge-corpus.ts. The merged workbook is then checked with
 * `cchc check`: no error, metrics = sums of the units' counts, rates = ratios of those sums.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook } from '../../src/xlsx/read';
import { findTool, missingTool } from '../helpers/tools';
import { Q3, Q4_INCLUDED, Q4, writeCorpus } from '../helpers/merge-corpus';
import { cliRunner } from '../helpers/cli';
import { buildWorkbook } from '../../src/xlsx/template';
import { MISTAKES_SAMPLE } from '../../src/xlsx/samples';
import { defaultThreads } from '../../src/cli/merge';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cchc-merge-'));
let q3 = '';
let q4 = '';

const run = cliRunner(120000);

beforeAll(async () => {
  ({ q3, q4 } = await writeCorpus(dir));
}, 180000);

const sum = (units: typeof Q3, key: string) => units.reduce((a, u) => a + u.kq.reduce((b, r) => b + (r[key] as number), 0), 0);

describe('cchc merge', () => {
  const outQ3 = () => join(dir, 'tong-hop-q3.xlsx');

  it('merges a clean quarter (exit 0) and `cchc check` finds no error in the result, its metrics the sums of the units', () => {
    const r = run('merge', q3, '--out', outQ3(), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(json.units.map((u: { unit: string; included: boolean }) => [u.unit, u.included])).toEqual(Q3.map((u) => [u.unit, true]));
    expect(json.units.find((u: { file: string }) => u.file.endsWith('bieu06.xlsx')).layout).toMatch(/theo tiêu đề cột/);

    const c = run('check', outQ3(), '--json');
    expect(c.code).toBe(0);
    const checked = JSON.parse(c.out);
    expect(checked.summary.errors).toBe(0);
    for (const k of ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet']) expect([k, checked.metrics[`tthc.${k}`]]).toEqual([k, sum(Q3, k)]);
    expect(checked.metrics['tthc.tyLeDungHan']).toBeCloseTo(((sum(Q3, 'truocHan') + sum(Q3, 'dungHan')) / sum(Q3, 'daGiaiQuyet')) * 100, 6);
    expect(checked.metrics['tthc.tyLeTrucTuyen']).toBeCloseTo((sum(Q3, 'trucTuyen') / (sum(Q3, 'trucTuyen') + sum(Q3, 'trucTiepBuuChinh'))) * 100, 1);
    expect(checked.metrics['bienChe.duocGiao']).toBe(30 + 500 + 200 + 150);
    expect(checked.metrics['bienChe.coMat']).toBe(28 + 480 + 190 + 150);
    expect(checked.metrics['chiTieu.chuyen-doi-vi-tri-cong-tac.tyLe']).toBe(50);
    // The merge's own indicators are the checker's.
    // (check --json writes numbers to 15 significant digits.)
    for (const k of ['tthc.tyLeDungHan', 'tthc.tongSo', 'bienChe.tyLeSuDung']) expect(json.consolidated.metrics[k]).toBeCloseTo(checked.metrics[k], 9);
  }, 180000);

  it('writes Nguồn and Truy vết sheets that lead each total back to the units\' cells', async () => {
    const model = await readWorkbook(readFileSync(outQ3()), 'tong-hop-q3.xlsx');
    const src = model.sheets.find((s) => s.name === 'Nguồn')!;
    const head = src.rows[0]!.map((c) => c?.v);
    expect(head.slice(-2)).toEqual(['Mã nhận dạng tệp (cho bộ phận CNTT)', 'Mã nhận dạng số liệu (cho bộ phận CNTT)']);
    const units = src.rows.slice(1, 1 + Q3.length);
    expect(units.map((r) => r[2]?.v)).toEqual(Q3.map((u) => u.unit));
    // Quý III/2022 under NĐ 09/2019: from 15 June to 14 September, written as the officer writes dates.
    const [from, to] = [head.indexOf('Từ ngày'), head.indexOf('Đến ngày')];
    for (const r of units) expect([r[from]?.v, r[to]?.v]).toEqual(['15/6/2022', '14/9/2022']);
    // Hex fingerprints only in the two columns for IT, never in a column an officer reads.
    for (const r of units) {
      const hexAt = r.map((c, j) => (typeof c?.v === 'string' && /^[0-9a-f]{16}$/.test(c.v) ? j : -1)).filter((j) => j >= 0);
      expect(hexAt).toEqual([head.length - 2, head.length - 1]);
    }
    const trace = model.sheets.find((s) => s.name === 'Truy vết')!;
    const lines = trace.rows.filter((r) => r[0]?.v === 'Giải quyết TTHC' && r[1]?.v === 'Khám bệnh, chữa bệnh' && r[2]?.v === 'Tổng số hồ sơ nhận giải quyết');
    expect(lines.map((r) => [r[6]?.v, r[9]?.v])).toEqual([
      ['Bệnh viện Đa khoa tỉnh Kon Tum', 114],
      ['Trung tâm Y tế huyện Đăk Hà', 32],
      ['Trung tâm Y tế huyện Ngọc Hồi', 21],
      ['Trung tâm Y tế huyện Sa Thầy', 16],
    ]);
    expect(lines[0]![3]?.v).toBe(114 + 32 + 21 + 16);
  });

  // The consolidated workbook is written by the project's own writer (src/xlsx/workbook-writer.ts),
  // every text in one shared-string table: another producer must read every string back where it was.
  const soffice = findTool(['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']);
  if (!soffice) missingTool('LibreOffice (soffice)', 'the merged workbook re-saved by LibreOffice');
  (soffice ? it : it.skip)('writes sheets LibreOffice reads back string for string', async () => {
    const lo = join(dir, 'lo');
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', lo, outQ3()], { stdio: 'ignore', timeout: 120000 });
    const ours = await readWorkbook(readFileSync(outQ3()), 'tong-hop-q3.xlsx');
    const theirs = await readWorkbook(readFileSync(join(lo, 'tong-hop-q3.xlsx')), 'tong-hop-q3.xlsx');
    const grid = (m: typeof ours, name: string) => m.sheets.find((s) => s.name === name)!.rows.map((r) => r.map((c) => c?.v ?? null));
    for (const name of ['Nguồn', 'Truy vết', 'Thông tin']) {
      const g = grid(ours, name);
      expect(g.length).toBeGreaterThan(3);
      expect(grid(theirs, name)).toEqual(g);
    }
  }, 180000);

  it('refuses this quarter\'s own consolidation as the previous one, and writes nothing (exit 2)', () => {
    const out = join(dir, 'tong-hop-q3-lan-2.xlsx');
    const r = run('merge', q3, '--out', out, '--previous', outQ3());
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Sổ tổng hợp kỳ trước "${outQ3()}" là của quý III năm 2022, chính kỳ đang tổng hợp (quý III năm 2022)`);
    expect(() => statSync(out)).toThrow();
  });

  it('flags the next quarter\'s slips against the previous consolidation (exit 1) and sums only the right files', () => {
    const out = join(dir, 'tong-hop-q4.xlsx');
    const r = run('merge', q4, '--out', out, '--previous', outQ3(), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.findings.map((f: { code: string }) => f.code).sort()).toEqual(
      ['merge_carry_over', 'merge_duplicate_unit', 'merge_large_change', 'merge_period_differs', 'merge_stale_file', 'merge_unit_missing', 'merge_unit_new'].sort(),
    );
    expect(json.units.filter((u: { included: boolean }) => u.included).map((u: { file: string }) => u.file.split('/').pop()).sort()).toEqual([...Q4_INCLUDED].sort());
    const included = Q4.filter((u) => Q4_INCLUDED.includes(u.file));
    const c = JSON.parse(run('check', out, '--json').out);
    expect(c.metrics['tthc.tongSo']).toBe(sum(included, 'tongSo'));
    expect(c.summary.errors).toBe(0);
  }, 180000);

  it('gives the same consolidation on one thread as with a worker thread (--threads 1, --threads 2)', () => {
    const one = run('merge', q4, '--out', join(dir, 'mot-luong.xlsx'), '--previous', outQ3(), '--json', '--threads', '1');
    const all = run('merge', q4, '--out', join(dir, 'moi-luong.xlsx'), '--previous', outQ3(), '--json', '--threads', '2');
    expect(one.code).toBe(1);
    const strip = (out: string) => ({ ...JSON.parse(out), out: null });
    expect(strip(one.out)).toEqual(strip(all.out));
  }, 180000);

  it('prints the per-unit status and the cross-unit findings in Vietnamese text', () => {
    const r = run('merge', q4, '--out', join(dir, 'tong-hop-q4-text.xlsx'), '--previous', outQ3(), '--max-change', '250');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Bỏ qua\s+Trung tâm Y tế huyện Sa Thầy: Không có tệp kỳ này/m);
    expect(r.out).toMatch(/^Lỗi\s+.*Kon Rẫy.*khác kỳ/m);
    // 204 % is under a 250 % threshold.
    expect(r.out).not.toContain('quá ngưỡng');
    expect(r.err).toBe('');
  }, 180000);

  it('counts a unit\'s own errors in its result line and its JSON, as its exit status does', async () => {
    const d = join(dir, 'thu-muc-don-vi-co-loi');
    execFileSync('mkdir', ['-p', d]);
    for (const u of Q3.slice(0, 2)) writeFileSync(join(d, u.file), readFileSync(join(q3, u.file)));
    // A third unit of the same quarter with the error sample's slips in its tables (its own window).
    const { window: _reversed, ...slips } = MISTAKES_SAMPLE;
    writeFileSync(join(d, '9-ttyt-co-loi.xlsx'), await buildWorkbook({ ...slips, unit: 'Trung tâm Y tế huyện Tu Mơ Rông', periodKind: 'Quý III', year: 2022 }));
    const own = JSON.parse(run('check', join(d, '9-ttyt-co-loi.xlsx'), '--json').out).summary.errors as number;
    expect(own).toBeGreaterThan(0);
    const r = run('merge', d, '--out', join(dir, 'tong-hop-co-loi.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Kết quả: ${own} lỗi trong 1 tệp đơn vị`);
    expect(r.out).toMatch(/^Có lỗi\s+Trung tâm Y tế huyện Tu Mơ Rông/m);
    const json = JSON.parse(run('merge', d, '--out', join(dir, 'tong-hop-co-loi-2.xlsx'), '--json').out);
    expect(json.unitErrors).toEqual({ errors: own, units: 1 });
  }, 180000);

  it('without the Sở\'s workbook nor --unit, says the report would lack the province and suggests the name the units agree on', () => {
    const d = join(dir, 'thu-muc-khong-co-so');
    execFileSync('mkdir', ['-p', d]);
    const units = Q3.filter((u) => !/^Sở Y tế/.test(u.unit)).slice(0, 2);
    for (const u of units) writeFileSync(join(d, u.file), readFileSync(join(q3, u.file)));
    const r = run('merge', d, '--out', join(dir, 'tong-hop-khong-so.xlsx'));
    expect(r.out).toContain('Chưa có tên Sở');
    // "Bệnh viện Đa khoa tỉnh Kon Tum" names the province; the districts' centres name none.
    expect(r.out).toContain('--unit "Sở Y tế tỉnh Kon Tum"');
    const named = run('merge', d, '--out', join(dir, 'tong-hop-khong-so-2.xlsx'), '--unit', 'Sở Y tế tỉnh Kon Tum');
    expect(named.out).not.toContain('Chưa có tên Sở');
  }, 180000);

  it('names every file of a folder it leaves out (output, "Nguồn") and exits 1; Excel\'s "~$" lock files are passed over', async () => {
    const d = join(dir, 'thu-muc-co-tep-khac');
    execFileSync('mkdir', ['-p', d]);
    for (const u of Q3.slice(0, 2)) writeFileSync(join(d, u.file), readFileSync(join(q3, u.file)));
    writeFileSync(join(d, '~$1-so-y-te.xlsx'), 'khóa của Excel');
    writeFileSync(join(d, 'ghi-chu.txt'), 'ghi chú');
    // An .xls with nothing of a compound file behind its signature: unreadable.
    writeFileSync(join(d, 'zz-hong.xls'), readFileSync(join(root, 'test/fixtures/html/hong-excel-97-2003.xls')));
    const out = join(dir, 'tong-hop-2.xlsx');
    const r = run('merge', d, '--out', out, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const units = json.units as { file: string; unit: string; included: boolean; status: string }[];
    expect(units.filter((u) => u.included).map((u) => u.unit)).toEqual(Q3.slice(0, 2).map((u) => u.unit));
    const left = units.filter((u) => !u.included).map((u) => u.file.split('/').pop());
    expect(left.sort()).toEqual(['ghi-chu.txt', 'zz-hong.xls']);
    expect(json.findings.filter((f: { code: string }) => f.code === 'merge_file_unreadable').map((f: { message: string }) => f.message).join('\n')).toMatch(/zz-hong\.xls.*97-2003 \(\.xls\) bị hỏng/);
    // The consolidation sums the two units only: received files of the first two Q3 units.
    const model = await readWorkbook(readFileSync(out), 'tong-hop-2.xlsx');
    const nguon = model.sheets.find((x) => x.name === 'Nguồn')!.rows.map((row) => row.map((c) => c?.v ?? null));
    const files = nguon.map((row) => String(row[1] ?? '').split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['ghi-chu.txt', 'zz-hong.xls']));
    const text = run('merge', d, '--out', join(dir, 'tong-hop-3.xlsx'));
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/Bỏ qua {2}\(không rõ đơn vị\) — .*zz-hong\.xls: Không đưa vào tổng hợp: không đọc được tệp/);
    expect(text.out).toContain('ghi-chu.txt');
  }, 180000);

  (soffice ? it : it.skip)('sums a unit sent as .ods or .xls as it sums its .xlsx (same consolidated figures)', () => {
    const d = join(dir, 'thu-muc-nhieu-dinh-dang');
    const conv = join(dir, 'chuyen');
    execFileSync('mkdir', ['-p', d, conv]);
    for (const u of Q3) writeFileSync(join(d, u.file), readFileSync(join(q3, u.file)));
    // The hospital's workbook as .ods (its Excel tables become database ranges, read as tables);
    // Sa Thầy's official Biểu 06 as .xls (BIFF8 has no tables: an .xls is read by its headers, as
    // officers' own layouts are). The .xlsx copies are replaced by LibreOffice's saves.
    const second = Q3[1]!;
    const third = Q3.find((u) => u.bieu06)!;
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'ods', '--outdir', conv, join(q3, second.file)], { stdio: 'ignore', timeout: 120000 });
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', conv, join(q3, third.file)], { stdio: 'ignore', timeout: 120000 });
    for (const [u, ext] of [[second, 'ods'], [third, 'xls']] as const) {
      const base = u.file.replace(/\.xlsx$/, '');
      execFileSync('rm', [join(d, u.file)]);
      writeFileSync(join(d, `${base}.${ext}`), readFileSync(join(conv, `${base}.${ext}`)));
    }
    const all = run('merge', q3, '--out', join(dir, 'tong-hop-xlsx.xlsx'), '--json');
    const mixed = run('merge', d, '--out', join(dir, 'tong-hop-tron.xlsx'), '--json');
    expect(mixed.code).toBe(all.code);
    const a = JSON.parse(all.out);
    const m = JSON.parse(mixed.out);
    expect(m.units.every((u: { included: boolean }) => u.included)).toBe(true);
    expect(m.consolidated.metrics).toEqual(a.consolidated.metrics);
    expect(m.consolidated.metrics['tthc.tongSo']).toBe(sum(Q3, 'tongSo'));
  }, 180000);

  it('writes over its own consolidation of the same cells; keeps a different one as "(bản trước)"; refuses any other file unless --overwrite', () => {
    const out = join(dir, 'tong-hop-lai.xlsx');
    expect(run('merge', q3, '--out', out).code).toBe(0);
    expect(run('merge', q3, '--out', out).code).toBe(0);
    expect(existsSync(join(dir, 'tong-hop-lai (bản trước).xlsx'))).toBe(false);
    const q3Bytes = readFileSync(out);
    const again = run('merge', q4, '--out', out);
    expect(again.err).not.toContain('đã có');
    const kept = join(dir, 'tong-hop-lai (bản trước).xlsx');
    expect(readFileSync(kept).equals(q3Bytes)).toBe(true);
    expect(again.out).toContain(`đã giữ bản đó thành "${kept}"`);
    const mine = join(dir, 'so-cua-toi.xlsx');
    writeFileSync(mine, readFileSync(join(q3, Q3[0]!.file)));
    const refused = run('merge', q3, '--out', mine);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`"${mine}" đã có`);
    expect(refused.err).toContain('--overwrite');
    expect(readFileSync(mine).equals(readFileSync(join(q3, Q3[0]!.file)))).toBe(true);
    expect(run('merge', q3, '--out', mine, '--overwrite').code).toBe(0);
    expect(existsSync(join(dir, 'so-cua-toi (bản trước).xlsx'))).toBe(false);
  }, 240000);

  it('exits 2 with a Vietnamese message on unusable input, never writing over an input', () => {
    const bad = join(dir, 'hong');
    execFileSync('mkdir', ['-p', bad]);
    writeFileSync(join(bad, 'khong-phai-bang-tinh.xlsx'), 'không phải bảng tính');
    const unit = join(q3, Q3[0]!.file);
    const before = statSync(unit).mtimeMs;
    const cases = [
      ['merge', join(dir, 'khong-co'), '--out', join(dir, 'x.xlsx')],
      ['merge', q3],
      ['merge', bad, '--out', join(dir, 'y.xlsx')],
      ['merge', q3, '--out', unit],
      ['merge', q3, '--out', join(dir, 'z.xlsx'), '--max-change', 'nhiều'],
      ['merge', q3, '--out', join(dir, 'z.xlsx'), '--threads', '0'],
    ];
    for (const args of cases) {
      const r = run(...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
      expect(r.err).not.toMatch(/\bat \w|Error:/);
    }
    expect(statSync(unit).mtimeMs).toBe(before);
    expect(() => statSync(join(dir, 'y.xlsx'))).toThrow();
  }, 180000);
});

describe('merge threads by default', () => {
  it('checks on the main thread alone on one or two cores, on one thread per core beyond', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultThreads(cores))).toEqual([1, 1, 3, 4, 16]);
  });
});
