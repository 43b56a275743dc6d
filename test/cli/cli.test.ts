import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLANTED_MISTAKES, SAMPLE_FILES } from '../../src/xlsx/samples';
import { readWorkbook } from '../../src/xlsx/read';
import JSZip from 'jszip';
import { roundTo } from '../../src/core/numbers';
import { expectedIndices, generateForms, SHAPES } from '../helpers/surveys';
import { workbookWithAnswers } from '../helpers/surveys-xlsx';
import { CLI as cli, cliRunner } from '../helpers/cli';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));

const run = cliRunner(60000);

describe('cchc check', () => {
  it('exits 0 on the clean sample, with the header line and no error', () => {
    const r = run('check', SAMPLE_FILES.clean);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sở Y tế tỉnh Kon Tum — Quý III năm 2022, số liệu từ 15/6/2022 đến 14/9/2022');
    expect(r.out).not.toMatch(/^Lỗi /m);
    expect(r.out).toContain('Tỷ lệ giải quyết trước hạn và đúng hạn:');
  });

  it('prints exactly the planted mistakes as errors of the mistakes sample (JSON)', () => {
    const r = run('check', SAMPLE_FILES.mistakes, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['contract', 'file', 'period', 'summary', 'issues', 'metrics']));
    expect(json.contract).toBe('cchc-workbook/1');
    expect(json.file).toBe(SAMPLE_FILES.mistakes);
    expect(json.period).toMatchObject({ kind: 'Quý I', year: 2023 });
    expect(Object.keys(json.period).sort()).toEqual(['from', 'kind', 'regime', 'to', 'year']);
    const errors = json.issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { code: string; sheet: string; cell: string }) => `${i.code} ${i.sheet}!${i.cell}`);
    expect(errors.sort()).toEqual(PLANTED_MISTAKES.map((m) => `${m.code} ${m.sheet}!${m.cell}`).sort());
    expect(json.summary.errors).toBe(PLANTED_MISTAKES.length);
    const staffTotal = json.issues.find((i: { cell: string; sheet: string }) => i.sheet === 'Biên chế' && i.cell === 'E9');
    expect(staffTotal).toMatchObject({ code: 'sum_mismatch', expected: 4870, actual: 4876 });
  });

  it('prints findings grouped by sheet in Vietnamese text', () => {
    const r = run('check', SAMPLE_FILES.mistakes);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\[Biên chế\]$/m);
    expect(r.out).toMatch(/^Lỗi\s+Biên chế!E9\s+.*4\.876.*4\.870/m);
    expect(r.out).toContain(`Kết quả: ${PLANTED_MISTAKES.length} lỗi`);
  });

  it('exits 2 with a Vietnamese message and no stack trace on unusable input, never touching the file', () => {
    const text = join(dir, 'ghi-chu.xlsx');
    writeFileSync(text, 'không phải bảng tính');
    const before = statSync(text).mtimeMs;
    for (const args of [['check', text], ['check', join(dir, 'khong-co.xlsx')], ['check'], ['check', SAMPLE_FILES.clean, '--khong-biet'], ['lam-gi-do']]) {
      const r = run(...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(text, 'utf8')).toBe('không phải bảng tính');
    expect(statSync(text).mtimeMs).toBe(before);
  });

  it('does not modify the checked workbook', () => {
    const path = join(dir, 'mau.xlsx');
    writeFileSync(path, readFileSync(join(root, SAMPLE_FILES.mistakes)));
    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    run('check', path, '--previous', SAMPLE_FILES.clean);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});

describe('what the officer sees first', () => {
  it('prints the first finding of the error sample within 15 lines, each error and warning with its fix', () => {
    const r = run('check', SAMPLE_FILES.mistakes);
    const lines = r.out.split('\n');
    const first = lines.findIndex((l) => /^(Lỗi|Cảnh báo) /.test(l));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(15);
    const serious = lines.filter((l) => /^(Lỗi|Cảnh báo) /.test(l));
    expect(serious.length).toBeGreaterThan(10);
    for (const l of serious) expect(l).toContain('Cách sửa:');
    // What was read follows the result.
    expect(r.out.indexOf('Đã nhận ra:')).toBeGreaterThan(r.out.indexOf('Kết quả:'));
  });
});

describe('a previous workbook of another unit', () => {
  // The clean sample is Sở Y tế tỉnh Kon Tum, quý III/2022; the mistakes sample Sở Y tế tỉnh Sơn La, quý I/2023.
  const said = 'Tệp "' + SAMPLE_FILES.mistakes + '" (Sở Y tế tỉnh Sơn La, quý I năm 2023) và tệp "' + SAMPLE_FILES.clean + '" (Sở Y tế tỉnh Kon Tum, quý III năm 2022) là của hai đơn vị khác nhau';

  it('is refused by check, naming both files, exit 2', () => {
    const r = run('check', SAMPLE_FILES.clean, '--previous', SAMPLE_FILES.mistakes);
    expect(r.code).toBe(2);
    expect(r.err).toContain(said);
    expect(r.out).toBe('');
  });

  it('is refused by report before anything is written, exit 2', () => {
    const out = join(dir, 'khong-ghi.docx');
    const r = run('report', SAMPLE_FILES.clean, '--template', 'assets/templates/bao-cao-cchc.docx', '--out', out, '--previous', SAMPLE_FILES.mistakes);
    expect(r.code).toBe(2);
    expect(r.err).toContain(said);
    expect(existsSync(out)).toBe(false);
  });
});

describe('cchc writes whole files or nothing', () => {
  it('a write cut short by the system (file size limit, as on a full disk) exits 2 and leaves the old output whole', () => {
    const dest = join(dir, 'bao-cao-cu.docx');
    writeFileSync(dest, 'bản báo cáo cũ');
    // ulimit -f 4: writing past 4 KB fails with EFBIG, the way a full disk fails a write midway.
    const r = spawnSync('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${cli}" report "${SAMPLE_FILES.clean}" --template assets/templates/bao-cao-cchc.docx --out "${dest}" --overwrite`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Không ghi được');
    expect(r.stderr).toContain('Tệp cũ (nếu có) vẫn giữ nguyên');
    expect(readFileSync(dest, 'utf8')).toBe('bản báo cáo cũ');
    const template = join(dir, 'trang-cu.xlsx');
    writeFileSync(template, 'sổ cũ');
    const t = spawnSync('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${cli}" template --out "${template}" --overwrite`], { cwd: root, encoding: 'utf8', timeout: 60000 });
    expect(t.status).toBe(2);
    expect(readFileSync(template, 'utf8')).toBe('sổ cũ');
  });
});

describe('cchc template and --help', () => {
  it('writes a blank workbook that reads back and checks', async () => {
    const out = join(dir, 'trang.xlsx');
    const r = run('template', '--out', out);
    expect(r.code).toBe(0);
    const model = await readWorkbook(readFileSync(out));
    expect(model.tables.map((t) => t.name)).toEqual(['KetQuaGiaiQuyet', 'DanhMucTTHC', 'PhanAnhKienNghi', 'BienChe', 'XepLoai', 'ChiTieuKhac', 'KhaoSatHaiLong']);
    expect(run('template').code).toBe(2);
  });

  it('writes over its own blank workbook, but not over a workbook with figures or any other file unless --overwrite', () => {
    const out = join(dir, 'trang-lai.xlsx');
    expect(run('template', '--out', out).code).toBe(0);
    expect(run('template', '--out', out).code).toBe(0);
    // The clean sample is the blank workbook with the officers' figures typed in.
    const filled = join(dir, 'da-dien.xlsx');
    writeFileSync(filled, readFileSync(SAMPLE_FILES.clean));
    const r = run('template', '--out', filled);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${filled}" đã có`);
    expect(r.err).toContain('--overwrite');
    expect(readFileSync(filled).equals(readFileSync(SAMPLE_FILES.clean))).toBe(true);
    expect(run('template', '--out', filled, '--overwrite').code).toBe(0);
    expect(readFileSync(filled).equals(readFileSync(SAMPLE_FILES.clean))).toBe(false);
    expect(existsSync(join(dir, 'da-dien (bản trước).xlsx'))).toBe(false);
  });

  it('a blank workbook, its own or one of empty sheets, is reported as having no figures (no_data, exit 1), never as passing', async () => {
    const blank = join(dir, 'trang-chua-dien.xlsx');
    expect(run('template', '--out', blank).code).toBe(0);
    const r = run('check', blank, '--json');
    expect(r.code).toBe(1);
    // The template's seven tables (listed in the test above), each recognised and empty.
    const noData = JSON.parse(r.out).issues.filter((i: { code: string }) => i.code === 'no_data');
    expect(noData).toEqual([expect.objectContaining({ severity: 'error', sheet: 'TTHC', cell: 'A1', message: 'Sổ chưa có số liệu: 7 bảng nhận ra được đều trống, không có số nào để kiểm tra hay viết báo cáo. Cách sửa: nhập số liệu của kỳ báo cáo vào các bảng (số 0 cũng ghi rõ là 0) rồi kiểm tra lại.' })]);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2');
    const empty = join(dir, 'trang-rong.xlsx');
    writeFileSync(empty, Buffer.from(await wb.xlsx.writeBuffer()));
    const e = run('check', empty);
    expect(e.code).toBe(1);
    expect(e.out).toMatch(/^Lỗi +Sheet1 +Sổ chưa có số liệu: không có bảng nào của báo cáo, cũng không có số nào để kiểm tra hay viết báo cáo\. Cách sửa: nhập số liệu .* rồi kiểm tra lại\.$/m);
    expect(e.out).toContain('Kết quả: chưa kiểm tra được — không nhận ra bảng số liệu nào trong tệp (1 lỗi, ');
  });

  it('prints Vietnamese help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cách dùng:');
    expect(r.out).toContain('cchc check TỆP.xlsx [--json] [--previous TỆP_KỲ_TRƯỚC.xlsx [--force]]');
  });
});

describe('cchc check on hostile input (issue 8), end to end', () => {
  it('a count of 1e308: --json exits 1 with JSON its schema accepts; the text has no Infinity or noise', async () => {
    const { buildWorkbook } = await import('../../src/xlsx/template');
    const { CLEAN_SAMPLE } = await import('../../src/xlsx/samples');
    const { checkJson } = await import('../../src/core/schemas');
    const o = structuredClone(CLEAN_SAMPLE);
    const rows = o.tables!.KetQuaGiaiQuyet!.rows!;
    rows[0] = { ...rows[0], trucTuyen: 1e308, trucTiepBuuChinh: 1.7976931348623157e308 };
    const path = join(dir, 'tran-so.xlsx');
    writeFileSync(path, await buildWorkbook(o));
    const json = run('check', path, '--json');
    expect([json.code, json.err]).toEqual([1, '']);
    const parsed = JSON.parse(json.out);
    expect(checkJson.safeParse(parsed).success).toBe(true);
    expect(parsed.issues.filter((i: { code: string }) => i.code === 'value_out_of_bounds').map((i: { cell: string }) => i.cell).sort()).toEqual(['C12', 'C6', 'D12', 'D6']);
    const text = run('check', path);
    expect(text.code).toBe(1);
    expect(text.out).toContain('giá trị vượt quá giới hạn');
    // The first line names the file, whose random temporary folder may spell "3e8".
    expect(text.out.split('\n').slice(1).join('\n')).not.toMatch(/Infinity|NaN|\de[+-]?\d|\d,\d{5,}/);
  });

  it('escape sequences in a cell (Excel writes ESC as _x001B_) never reach the terminal', async () => {
    const { buildWorkbook } = await import('../../src/xlsx/template');
    const { CLEAN_SAMPLE } = await import('../../src/xlsx/samples');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await buildWorkbook({ ...CLEAN_SAMPLE, unit: 'Sở Y tế ESC' }));
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', sst.replace('Sở Y tế ESC', 'Sở Y tế_x001B_[2J_x001B_[31m'));
    const path = join(dir, 'esc.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
    const r = run('check', path);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('\u001b');
    expect(r.out).toContain('Sở Y tế␛[2J␛[31m');
  });

  it('a huge file and a device are refused from their size, exit 2, naming the limit', () => {
    const path = join(dir, 'khong-lo.xlsx');
    writeFileSync(path, '');
    execFileSync('truncate', ['-s', '3G', path]);
    const huge = run('check', path);
    expect([huge.code, huge.out]).toEqual([2, '']);
    expect(huge.err).toMatch(/giới hạn kích thước tệp 25 MB/);
    const dev = run('check', '/dev/zero');
    expect(dev.code).toBe(2);
    expect(dev.err).toMatch(/Không phải một tệp thông thường/);
    execFileSync('truncate', ['-s', '0', path]);
  });

  it('English from libraries and parseArgs never reaches the user', () => {
    const notZip = join(dir, 'gia.xlsx');
    writeFileSync(notZip, 'PK\u0003\u0004 không phải zip');
    const r = run('check', notZip);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bị hỏng/);
    expect(r.err).not.toMatch(/central directory|Error/);
    const bad = run('check', '--nope', notZip);
    expect([bad.code, bad.err]).toEqual([2, 'Tham số không hợp lệ: không có tuỳ chọn --nope.\nXem: cchc --help\n']);
  });
});

describe('cchc report with survey answer sheets (i13)', () => {
  // A real .xlsx (ExcelJS) with QĐ 56 outpatient forms, through the built command line.
  const shape = SHAPES['qd56-ngoai-tru'];
  const forms = generateForms(shape, 300, 77, { notUsed: 0.05, blank: 0.03 }, ['2023-06-15', '2023-09-14']);
  const want = expectedIndices(shape, forms);
  const summary = { doiTuong: 'Người bệnh ngoại trú', soPhieu: want.respondents, haiLongChung: roundTo(want.haiLongChung!, 2), soVoiMongDoi: roundTo(want.soVoiMongDoi!, 2), quayLai: roundTo(want.quayLai!, 2), toanDien: roundTo(want.toanDien!, 2) };
  const template = join(root, 'assets', 'templates', 'bao-cao-cchc.docx');
  let xlsx: string;
  beforeAll(async () => {
    xlsx = join(dir, 'khao-sat.xlsx');
    writeFileSync(xlsx, await workbookWithAnswers({ unit: 'Bệnh viện thử', periodKind: 'Quý III', year: 2023, tables: { KhaoSatHaiLong: { rows: [summary] } } }, 'DuLieuNgoaiTru', shape, forms));
  });
  const media = async (file: string) => Object.keys((await JSZip.loadAsync(readFileSync(file))).files).filter((n) => n.startsWith('word/media/')).sort();

  it('puts the chart in the survey section, its bars the section rates of the forms; --no-chart leaves it out', async () => {
    const out = join(dir, 'bao-cao-bieu-do.docx');
    const r = run('report', xlsx, '--template', template, '--out', out);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('Đã chèn biểu đồ tỷ lệ hài lòng theo nhóm tiêu chí vào phần «Khảo sát sự hài lòng».');
    expect(await media(out)).toEqual(['word/media/cchc-hailong.png', 'word/media/cchc-hailong.svg']);
    const svg = await (await JSZip.loadAsync(readFileSync(out))).file('word/media/cchc-hailong.svg')!.async('string');
    const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="10" fill="#0f6cbd"\/>/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(5);
    bars.forEach((w, i) => expect(Math.abs(w - (want.sections['ABCDE'[i]!]! / 100) * 451)).toBeLessThanOrEqual(0.01));

    const plain = join(dir, 'bao-cao-khong-bieu-do.docx');
    const p = run('report', xlsx, '--template', template, '--out', plain, '--no-chart');
    expect([p.code, p.err]).toEqual([0, '']);
    expect(p.out).not.toContain('biểu đồ');
    expect(await media(plain)).toEqual([]);
    expect(run('--help').out).toContain('--no-chart');
  });
});
