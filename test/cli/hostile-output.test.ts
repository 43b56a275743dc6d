/**
 * What `cchc check` prints for hostile figures and hostile text (issue 8): numbers no count or
 * rate can be become findings, no output carries Infinity, NaN or float noise, `--json` is always
 * accepted by its own schema, and control characters never reach the terminal raw.
 */
import JSZip from 'jszip';
import { readWorkbook } from '../../src/xlsx/read';
import { buildWorkbook } from '../../src/xlsx/template';
import { CLEAN_SAMPLE } from '../../src/xlsx/samples';
import type { BuildOptions } from '../../src/xlsx/template';
import { checkWorkbook } from '../../src/core/check';
import { checkJson } from '../../src/core/schemas';
import { reportText } from '../../src/cli/format';
import { reportJson } from '../../src/cli/format-json';
import { jsonSafe, terminalSafe } from '../../src/cli/safe-text';
import { argumentMessage } from '../../src/cli/args';
import { libraryErrorMeaning } from '../../src/xlsx/errors';

const NOISE = /Infinity|NaN|\de[+-]?\d|\d,\d{5,}|\d{16,}/;

function withRows(over: (o: BuildOptions) => void): BuildOptions {
  const o = structuredClone(CLEAN_SAMPLE);
  over(o);
  return o;
}

async function run(options: BuildOptions) {
  const model = await readWorkbook(await buildWorkbook(options), 'so-lieu.xlsx');
  const report = checkWorkbook(model);
  return { model, report, json: reportJson(report, 'so-lieu.xlsx'), text: reportText(report, model, 'so-lieu.xlsx') };
}

describe('figures beyond what a count or rate can be', () => {
  let r: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    r = await run(
      withRows((o) => {
        const tthc = o.tables!.KetQuaGiaiQuyet!.rows!;
        tthc[0] = { ...tthc[0], trucTuyen: 1e308, trucTiepBuuChinh: 1.7976931348623157e308 };
        tthc[1] = { ...tthc[1], tongSo: -1e300 };
        const staff = o.tables!.BienChe!.rows!;
        staff[0] = { ...staff[0], duocGiao: 1e308 };
        const survey = o.tables!.KhaoSatHaiLong!.rows!;
        survey[0] = { ...survey[0], soPhieu: 1e308, haiLongChung: 1e200 };
      }),
    );
  });

  it('are findings "giá trị vượt quá giới hạn" at their cells, and nothing else breaks', () => {
    const out = r.report.issues.filter((f) => f.code === 'value_out_of_bounds');
    // Each planted cell, and each cell the template computes from one (totals row 12, "Thiếu" F6).
    const planted = ['Biên chế!D6', 'Hài lòng!B6', 'Hài lòng!C6', 'TTHC!B7', 'TTHC!C6', 'TTHC!D6'];
    const computed = ['Biên chế!D12', 'Biên chế!F6', 'Biên chế!F12', 'TTHC!B12', 'TTHC!C12', 'TTHC!D12'];
    expect(out.map((f) => `${f.sheet}!${f.cell}`).sort()).toEqual([...planted, ...computed].sort());
    for (const f of out) expect(f.message).toMatch(/giá trị vượt quá giới hạn/);
    expect(out.find((f) => f.cell === 'C6')!.message).toContain('1 × 10³⁰⁸');
  });

  it('no metric, total or message is non-finite or noisy', () => {
    for (const [k, v] of Object.entries(r.report.metrics)) expect([k, v === null || Number.isFinite(v)]).toEqual([k, true]);
    expect(r.text).not.toMatch(NOISE);
    for (const f of r.report.issues) expect([f.cell, f.message]).toEqual([f.cell, expect.not.stringMatching(NOISE)]);
  });

  it('--json is accepted by its schema and carries no Infinity', () => {
    expect(checkJson.safeParse(r.json).success).toBe(true);
    const s = JSON.stringify(r.json);
    expect(s).not.toMatch(/Infinity|NaN|null,"actual"/);
    expect(JSON.parse(s)).toEqual(r.json);
  });
});

describe('binary noise in stored rates', () => {
  it('a rate stored as 84.39999999999999 reads and prints as 84,4', async () => {
    const r = await run(
      withRows((o) => {
        const survey = o.tables!.KhaoSatHaiLong!.rows!;
        survey[2] = { ...survey[2], haiLongChung: 84.39999999999999, toanDien: 84.39999999999999 + 1 };
      }),
    );
    const f = r.report.issues.find((i) => i.code === 'satisfaction_inconsistent')!;
    expect(f.message).toBe('Chỉ số hài lòng toàn diện (dòng "Nhân viên y tế") ghi 85,4% lớn hơn tỷ lệ hài lòng chung 84,4%: không thể xảy ra khi tính từ cùng các phiếu. Cách sửa: tính lại hai chỉ số từ cùng các phiếu khảo sát.');
    expect(r.text).not.toMatch(NOISE);
    expect(JSON.stringify(r.json)).not.toMatch(/\d\.\d*(0{6}|9{6})\d/);
  });
});

describe('control characters in workbook text', () => {
  it('ESC written by Excel as _x001B_ reaches the model, never the terminal', async () => {
    const zip = await JSZip.loadAsync(await buildWorkbook(withRows((o) => (o.unit = 'Sở Y tế ESC'))));
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', sst.replace('Sở Y tế ESC', 'Sở Y tế_x001B_[2J_x001B_[H\u202Eabc'));
    const model = await readWorkbook(await zip.generateAsync({ type: 'uint8array' }), 'x.xlsx');
    const report = checkWorkbook(model);
    const text = reportText(report, model, 'x\u001b]0;title\u0007.xlsx');
    expect(report.data.unit ?? '').toContain('\u001b[2J');
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(text).toContain('Sở Y tế␛[2J␛[H<U+202E>abc');
    expect(text.split('\n')[0]).toBe('Tệp: x␛]0;title␇.xlsx');
  });

  it('a line break in a cell cannot forge an output line', () => {
    expect(terminalSafe('ghi "5\nKết quả: không phát hiện lỗi"')).toBe('ghi "5␊Kết quả: không phát hiện lỗi"');
    expect(terminalSafe('a\tb\rc\u009bd')).toBe('a b␍c<U+009B>d');
  });

  it('JSON keeps the data and escapes what JSON.stringify leaves raw', () => {
    const s = jsonSafe(JSON.stringify({ t: 'a\u001b\u009b\u202eb' }));
    expect(s).toBe('{"t":"a\\u001b\\u009b\\u202eb"}');
    expect(JSON.parse(s)).toEqual({ t: 'a\u001b\u009b\u202eb' });
  });
});

describe('argument errors are Vietnamese', () => {
  it.each([
    ["Unknown option '--foo'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--foo\"", 'ERR_PARSE_ARGS_UNKNOWN_OPTION', 'Tham số không hợp lệ: không có tuỳ chọn --foo.'],
    ["Option '--out <value>' argument missing", 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', 'Tham số không hợp lệ: tuỳ chọn --out cần một giá trị đi kèm.'],
    ["Unexpected argument 'b'. This command does not take positional arguments", 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', 'Tham số không hợp lệ: thừa "b".'],
  ])('%s', (message, code, expected) => {
    expect(argumentMessage(Object.assign(new TypeError(message), { code }))).toBe(expected);
  });
});

describe('library errors reach the user as their meaning, in Vietnamese', () => {
  const thrown = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

  it('JSZip on a file that is no zip', async () => {
    const e = await thrown(JSZip.loadAsync(new TextEncoder().encode('PK không phải zip')));
    expect(String(e)).toMatch(/central directory/);
    expect(libraryErrorMeaning(e)).toBe('tệp bị hỏng hoặc không phải tệp Office (không đọc được gói nén zip bên trong)');
  });

  it('JSZip on a truncated zip', async () => {
    const full = await buildWorkbook({});
    const e = await thrown(JSZip.loadAsync(full.slice(0, full.length - 30)));
    expect(libraryErrorMeaning(e)).toMatch(/tệp bị hỏng/);
  });

  it('file-system codes, and anything unknown, without English', () => {
    expect(libraryErrorMeaning(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe('ổ đĩa đã đầy');
    expect(libraryErrorMeaning(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('lỗi không xác định khi đọc tệp');
  });
});
