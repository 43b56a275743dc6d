/**
 * The same workbook read from its .xlsx and from LibreOffice's .xls (Excel 97-2003), .ods and CSV
 * saves of it, and from its Excel 2003 XML save (test/fixtures/layouts/, all written by
 * scripts/build-format-fixtures.ts) must give the same figures and the same findings. Expected errors and metrics are the layouts' own, worked out by
 * hand from the seeds (test/layouts/layouts.test.ts says how); old-encoding and hidden-sheet
 * expectations come from the fixtures' construction. Then hostile .xls and .ods files, built here,
 * must be refused while they are read, in Vietnamese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CFB from 'cfb';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import type { WorkbookModel } from '../../src/core/model';
import { readWorkbook, UnreadableWorkbookError, LIMITS } from '../../src/xlsx/read';
import { decodeCsv, detectSeparator } from '../../src/xlsx/csv';
import { bof, concat, mulblank, number, ods, rec, u16, u32, xls } from '../helpers/hostile-sheets';

const dir = join(__dirname, '../fixtures/layouts');
const read = (f: string) => readWorkbook(readFileSync(join(dir, f)), f);
const at = (f: Finding) => `${f.code}@${f.cell}`;

interface Case {
  base: string;
  saves: string[];
  /** Errors as "code@cell" (the sheet's name differs in a CSV: named after its file). */
  errors: string[];
  metrics: Record<string, number>;
}

const CASES: Case[] = [
  {
    base: 'bieu06-chinh-thuc-co-loi',
    saves: ['xls', 'ods', 'xml', 'utf16-tab.csv'],
    // window reversed (A3); totals "Chưa đến hạn" 52 ≠ 50 (L11); Dược phẩm 80 ≠ 77 (G14);
    // Mỹ phẩm 30 ≠ 28 (C15); group II 38 ≠ 37 (G17).
    errors: ['window_reversed@A3', 'sum_mismatch@L11', 'sum_mismatch@G14', 'sum_mismatch@C15', 'sum_mismatch@G17'],
    // 120 + 95 + 30 + 46 + 18 + 25 = 334; 100 + 80 + 25 + 40 + 15 + 22 = 282.
    metrics: { 'tthc.tongSo': 334, 'tthc.daGiaiQuyet': 282, 'tthc.dangTrongHan': 50, 'tthc.tuKyTruoc': 32 },
  },
  {
    base: 'bieu06-bien-the-tinh-co-loi',
    saves: ['xls', 'ods', 'xml', 'utf8-phay.csv'],
    // Dược phẩm toàn trình 21 + một phần 15 = 36 ≠ 35 (E8); 60 digitised of 33 received (S10).
    errors: ['sum_mismatch@E8', 'part_exceeds_total@S10'],
    // (5) = trực tiếp + BCCI: 55 + 7 + 52 + 6 + 28 + 2 + 16 + 2 = 168.
    metrics: { 'tthc.trucTiepBuuChinh': 168, 'tthc.tongSo': 302, 'tthc.traLaiRut': 4 },
  },
  {
    base: 'trang-tinh-don-gian-co-loi',
    saves: ['xls', 'ods', 'xml', 'utf8-phay.csv', 'utf8-cham-phay.csv', 'windows-1258.csv'],
    // 169 ≠ 168 (C16); "4.876" ≠ 4.870 (D23); 88,46% ≠ 85,19% (E27); 12 and 10 (C30); 95% > 92,03% (F34).
    errors: ['sum_mismatch@C16', 'sum_mismatch@D23', 'rate_mismatch@E27', 'conflicting_values@C30', 'satisfaction_inconsistent@F34'],
    // 55 + 46 + 8 + 19 + 14 + 13 + 13 = 168; 61 + 2.128 + 2.681 = 4.870.
    metrics: { 'danhMuc.soTTHC': 168, 'bienChe.duocGiao': 5482, 'bienChe.coMat': 4870, 'haiLong.nguoi-benh-noi-tru.soPhieu': 2771 },
  },
];

/** Every value of every sheet as text, as the checks normalise it ("4.876" and 4876 alike are read once). */
const values = (m: WorkbookModel, sheet: number) => m.sheets[sheet]!.rows.map((r) => Array.from(r, (c) => (c?.v === undefined || c.v === null ? null : typeof c.v === 'number' ? Math.round(c.v * 1e6) / 1e6 : c.v)));

describe.each(CASES)('$base and its saves', ({ base, saves, errors, metrics }) => {
  const files = [`${base}.xlsx`, ...saves.map((s) => `${base}.${s}`)];
  it.each(files)('%s: the planted errors at their cells, and the metrics worked out by hand', async (file) => {
    const model = await read(file);
    const format = file.endsWith('.csv') ? 'csv' : file.endsWith('.xml') ? 'spreadsheetml2003' : file.split('.').pop();
    expect(model.format).toBe(format);
    const report = checkWorkbook(model);
    expect(report.issues.filter((f) => f.severity === 'error').map(at).sort()).toEqual([...errors].sort());
    for (const [k, v] of Object.entries(metrics)) expect([k, report.metrics[k]]).toEqual([k, v]);
  });

  it.each(saves.filter((s) => !s.endsWith('.csv')))('.%s holds the same cells, merged areas and sheet names as the .xlsx', async (ext) => {
    const a = await read(`${base}.xlsx`);
    const b = await read(`${base}.${ext}`);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    for (let i = 0; i < a.sheets.length; i++) {
      expect(values(b, i)).toEqual(values(a, i));
      expect([...(b.sheets[i]!.merges ?? [])].sort()).toEqual([...(a.sheets[i]!.merges ?? [])].sort());
    }
  });
});

describe('CSV: encoding and separator detected', () => {
  it.each([
    ['trang-tinh-don-gian-co-loi.utf8-phay.csv', 'utf-8', ','],
    ['trang-tinh-don-gian-co-loi.utf8-cham-phay.csv', 'utf-8', ';'],
    ['trang-tinh-don-gian-co-loi.windows-1258.csv', 'windows-1258', ';'],
    ['bieu06-chinh-thuc-co-loi.utf16-tab.csv', 'utf-16le', '\t'],
  ])('%s: %s, "%s"', (file, encoding, sep) => {
    const { text, encoding: found } = decodeCsv(readFileSync(join(dir, file)));
    expect(found).toBe(encoding);
    expect(detectSeparator(text)).toBe(sep);
    // The Vietnamese text comes back whole whatever the encoding (Windows-1258 writes tone marks apart).
    expect(text).toContain(file.startsWith('bieu06') ? 'Đơn vị báo cáo: Sở Y tế tỉnh Sơn La' : 'Khảo sát sự hài lòng');
  });
});

describe('TCVN3 and VNI text, by the cell font, in .xlsx, .xls, .ods and Excel 2003 XML', () => {
  it.each(['xlsx', 'xls', 'ods', 'xml'])('ma-cu-tcvn3-vni.%s', async (ext) => {
    const model = await read(`ma-cu-tcvn3-vni.${ext}`);
    const col = (c: number) => model.sheets[0]!.rows.map((r) => r[c]?.v ?? null);
    // Construction (scripts/build-format-fixtures.ts): A1:A4 in .VnTime, A5 in .VnTimeH, B1:B2 in VNI-Times.
    expect(col(0)).toEqual(['Sở Y tế tỉnh Hà Giang', 'Hồ sơ', 'Khám bệnh, chữa bệnh', 'Dược phẩm', 'BÁO CÁO']);
    expect(col(1).slice(0, 2)).toEqual(['Sở Y tế', 'Đơn vị']);
    // A Unicode cell, a number and plain ASCII in a TCVN3 font are left as they are.
    expect(col(2)).toEqual(['Sở Y tế', 42, 'TTHC', null, null]);
    expect(model.conversions).toEqual([
      { sheet: 'Ma cu', encoding: 'tcvn3', cells: 5 },
      { sheet: 'Ma cu', encoding: 'vni', cells: 2 },
    ]);
    const said = checkWorkbook(model).issues.filter((f) => f.code === 'text_converted').map((f) => f.message);
    expect(said.join('\n')).toContain('Đã chuyển mã TCVN3 sang Unicode ở 5 ô của trang tính "Ma cu"');
    expect(said.join('\n')).toContain('Đã chuyển mã VNI sang Unicode ở 2 ô');
  });
});

describe('hidden sheets and merged areas', () => {
  it.each([
    ['xlsx', 'veryHidden'],
    // LibreOffice has no "very hidden": its saves say hidden.
    ['xls', 'hidden'],
    ['ods', 'hidden'],
    // Excel 2003 XML has it (SheetVeryHidden).
    ['xml', 'veryHidden'],
  ])('trang-an.%s', async (ext, veryHidden) => {
    const model = await read(`trang-an.${ext}`);
    expect(model.sheets.map((s) => [s.name, s.hidden ?? 'visible'])).toEqual([
      ['Quy II', 'hidden'],
      ['Quy III', 'visible'],
      ['Ghi chu', veryHidden],
    ]);
    expect(model.sheets[1]!.merges).toEqual(['A1:D1']);
    expect(model.sheets[1]!.rows[1]![1]).toEqual({ v: 13 });
  });
});

describe('a hidden sheet holding a report table is left out and named, in .xlsx and Excel 2003 XML', () => {
  // scripts/build-semantics-fixtures.ts: the hidden "Quý II" (every figure of Kon Tum's three lĩnh
  // vực times 2, with a slip) in front of the visible "Quý III" (times 3). The three rows' (3), (4)
  // and (5) sum to 297, 90 and 185 (test/layouts/semantics.test.ts adds them up).
  it.each([
    ['semantics/trang-an-quy-truoc-bo-qua.xlsx', 'xlsx'],
    ['trang-an-quy-truoc-bo-qua.xml', 'spreadsheetml2003'],
  ])('%s', async (file, format) => {
    const model = await read(file);
    expect(model.format).toBe(format);
    const report = checkWorkbook(model);
    // The slip on the hidden sheet is not read: no error.
    expect(report.issues.filter((f) => f.severity === 'error').map(at)).toEqual([]);
    const skipped = report.issues.filter((f) => f.code === 'sheet_skipped');
    expect(skipped.map((f) => [f.sheet, f.cell, f.code === 'sheet_skipped' && f.skipped, f.code === 'sheet_skipped' && f.why])).toEqual([['Quý III', 'A1', 'Quý II', 'hidden']]);
    expect(skipped[0]!.message).toContain('Trang tính ẩn "Quý II"');
    expect([report.metrics['tthc.tongSo'], report.metrics['tthc.trucTuyen'], report.metrics['tthc.trucTiepBuuChinh']]).toEqual([297 * 3, 90 * 3, 185 * 3]);
  });
});

// Hostile files: limits counted while reading.

async function refusal(bytes: Uint8Array, name: string): Promise<UnreadableWorkbookError> {
  const err = await readWorkbook(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}

describe('hostile .xls and .ods files are refused while they are read', () => {
  it('a hand-built BIFF8 file is read (the builder below makes real .xls)', async () => {
    const model = await readWorkbook(xls([[number(0, 0, 7), number(2, 1, 8.5)]]), 'nho.xls');
    expect(model.sheets[0]!.rows.map((r) => Array.from(r, (c) => c?.v ?? null))).toEqual([[7], [], [null, 8.5]]);
  });

  it(`.xls: blank cells formatted to the sheet's edge count as cells (256 × 6 000 > ${LIMITS.maxCells})`, async () => {
    const rows = Math.ceil(LIMITS.maxCells / 256) + 100;
    const e = await refusal(xls([Array.from({ length: rows }, (_, r) => mulblank(r))]), 'dinh-dang-het-trang.xls');
    expect(e.reason).toBe('too_many_cells');
    expect(e.message).toMatch(/quá nhiều ô/);
  });

  it(".xls: a cell on the last row of many sheets counts the rows it spans", async () => {
    const sheets = Math.ceil(LIMITS.maxRows / 65536) + 1;
    const e = await refusal(xls(Array.from({ length: sheets }, () => [number(65535, 0, 1)])), 'dong-cuoi.xls');
    expect(e.reason).toBe('too_many_rows');
    expect(e.message).toMatch(/quá nhiều dòng/);
  });

  it('.xls: a record running past the stream, and a shared-string table claiming four billion strings, end as a broken file or as what is there', async () => {
    const broken = xls([[number(0, 0, 1)]]);
    // The first record's length rewritten to run past the stream's end.
    const c = CFB.parse(broken);
    const lying = Uint8Array.from(CFB.find(c, 'Workbook')!.content as ArrayLike<number>);
    new DataView(lying.buffer).setUint16(2, 60000, true);
    const c2 = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c2, 'Workbook', lying);
    const e = await refusal(new Uint8Array(CFB.write(c2, { type: 'array' }) as number[]), 'hong.xls');
    expect(e.message).toMatch(/Excel 97-2003 \(\.xls\) bị hỏng/);

    const sst = rec(0x00fc, [...u32(0xffffffff), ...u32(0xffffffff), ...u16(2), 0, 0x41, 0x42]);
    const parts = xls([[number(0, 0, 1)]]);
    const c3 = CFB.parse(parts);
    const s3 = Uint8Array.from(CFB.find(c3, 'Workbook')!.content as ArrayLike<number>);
    // The SST goes right after the globals' BOF, before the sheet (offsets move by its length).
    const bofLen = bof(5).length;
    const withSst = concat([s3.subarray(0, bofLen), sst, s3.subarray(bofLen)]);
    const dv = new DataView(withSst.buffer);
    // BOUNDSHEET's offset (first field of the record after the SST) moves by the SST's length.
    const bsAt = bofLen + sst.length + 4;
    dv.setUint32(bsAt, dv.getUint32(bsAt, true) + sst.length, true);
    const c4 = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c4, 'Workbook', withSst);
    const model = await readWorkbook(new Uint8Array(CFB.write(c4, { type: 'array' }) as number[]), 'sst.xls');
    expect(model.sheets[0]!.rows[0]![0]).toEqual({ v: 1 });
  });

  it('.ods: a value repeated across 16 384 columns and a million rows is counted before it is placed', async () => {
    const e = await refusal(
      await ods('<table:table table:name="T"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>'),
      'lap-lai.ods',
    );
    expect(e.reason).toBe('too_many_cells');
    expect(e.message).toMatch(/quá nhiều ô/);
  });

  it('.ods: empty rows repeated to the sheet end (as LibreOffice writes them) cost nothing', async () => {
    const model = await readWorkbook(
      await ods('<table:table table:name="T"><table:table-row><table:table-cell office:value-type="float" office:value="5"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>'),
      'cuoi-trang.ods',
    );
    expect(model.sheets[0]!.rows).toEqual([[{ v: 5 }]]);
  });

  it('.ods: elements nested deeper than any spreadsheet needs', async () => {
    const deep = `${'<text:span>'.repeat(LIMITS.maxXmlDepth + 10)}x${'</text:span>'.repeat(LIMITS.maxXmlDepth + 10)}`;
    const e = await refusal(await ods(`<table:table table:name="T"><table:table-row><table:table-cell><text:p>${deep}</text:p></table:table-cell></table:table-row></table:table>`), 'long-nhau.ods');
    expect(e.message).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
  });

  it('.ods: a value on the last row of many sheets counts the rows it spans', async () => {
    const sheet = '<table:table table:name="T"><table:table-row table:number-rows-repeated="1048575"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>';
    const e = await refusal(await ods(sheet.repeat(3)), 'dong-cuoi.ods');
    expect(e.reason).toBe('too_many_rows');
  });
});
