/**
 * The corpus of officers' own layouts (test/fixtures/layouts/, written by
 * scripts/build-layout-fixtures.ts, not by the template writer; one saved by LibreOffice). Each
 * fixture is read through the real .xlsx reader and must give exactly the errors listed, with the
 * figures of its slip in the message; warnings listed must be there too. Expected figures are the
 * seeds' own, worked out by hand: they are not computed by the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { readWorkbook } from '../../src/xlsx/read';

const dir = join(__dirname, '../fixtures/layouts');
const html = (f: string) => `../html/${f}`;

interface Expect {
  /** "code@Sheet!A1", then text the message must contain (the figures of the slip). */
  errors: [string, ...string[]][];
  warnings?: string[];
  unit: string;
  period: { kind: string; year: number; from: string; to: string };
  /** Tables recognised: name → [range, header rows, columns recognised]. */
  tables: Record<string, [string, string, string[]]>;
  metrics?: Record<string, number>;
}

// Biểu 06 as TT 01/2020 prints it, with the Sơn La Q1/2023 figures and slips.
const OFFICIAL: Expect = {
  errors: [
    // "Từ ngày 15/12/2022 đến ngày 14/03/2022" in the period line (messages write dates per NĐ 30/2020).
    ['window_reversed@Biểu 06!A3', '15/12/2022', '14/3/2022'],
    // Totals row first: "Chưa đến hạn" 52 against 18 + 15 + 5 + 6 + 3 + 3 = 50.
    ['sum_mismatch@Biểu 06!L11', 'ghi 52', '= 50'],
    // Dược phẩm: 50 + 25 + 2 = 77, 80 written (T2).
    ['sum_mismatch@Biểu 06!G14', 'Dược phẩm', 'ghi 80', '= 77'],
    // Mỹ phẩm: 10 + 15 + 3 = 28, 30 written (T1).
    ['sum_mismatch@Biểu 06!C15', 'Mỹ phẩm', 'ghi 30', '= 28'],
    // Group II subtotal: Y tế dự phòng 15 + Trang thiết bị y tế 22 = 37, 38 written.
    ['sum_mismatch@Biểu 06!G17', 'Lĩnh vực khác', 'là 38', '= 37'],
  ],
  unit: 'Sở Y tế tỉnh Sơn La',
  // The window as the sheet states it, reversed (its own error says so), not the default one.
  period: { kind: 'Quý I', year: 2023, from: '2022-12-15', to: '2022-03-14' },
  tables: {
    KetQuaGiaiQuyet: ['B7:M19', '7:9', ['linhVuc', 'tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan']],
  },
  // Sums of the six lĩnh vực rows as stated (groups and the totals row left out):
  // tổng số 120 + 95 + 30 + 46 + 18 + 25 = 334; đã giải quyết 100 + 80 + 25 + 40 + 15 + 22 = 282.
  metrics: { 'tthc.tongSo': 334, 'tthc.daGiaiQuyet': 282, 'tthc.dangTrongHan': 50, 'tthc.tuKyTruoc': 32 },
};

const cases: [string, Expect][] = [
  ['bieu06-chinh-thuc-co-loi.xlsx', OFFICIAL],
  // The same file opened and saved by LibreOffice Calc: same findings.
  ['bieu06-chinh-thuc-libreoffice-co-loi.xlsx', OFFICIAL],
  [
    // A provincial variant: "Tiếp nhận" over kỳ trước / trực tuyến (tổng, toàn trình, một phần) /
    // trực tiếp / qua BCCI, returned and waiting files, số hóa; no (5) column, no rate column.
    'bieu06-bien-the-tinh-co-loi.xlsx',
    {
      errors: [
        // Dược phẩm: toàn trình 21 + một phần 15 = 36, trực tuyến written 35 (T1e).
        ['sum_mismatch@TTHC quý III!E8', 'Dược phẩm', 'ghi 35', '= 36'],
        // Trang thiết bị y tế: 60 digitised of 3 + 12 + 16 + 2 = 33 received.
        ['part_exceeds_total@TTHC quý III!S10', 'ghi 60', 'là 33'],
      ],
      unit: 'Sở Y tế tỉnh Kon Tum',
      period: { kind: 'Quý III', year: 2022, from: '2022-06-15', to: '2022-09-14' },
      tables: {
        KetQuaGiaiQuyet: ['B4:S11', '4:6', ['linhVuc', 'tongSo', 'trucTuyen', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan', 'trucTiep', 'quaBCCI', 'toanTrinh', 'motPhan', 'traLaiRut', 'choBoSung', 'soHoa']],
      },
      // (5) completed from trực tiếp + BCCI: 55 + 7 + 52 + 6 + 28 + 2 + 16 + 2 = 168.
      metrics: { 'tthc.trucTiepBuuChinh': 168, 'tthc.tongSo': 302, 'tthc.traLaiRut': 4 },
    },
  ],
  [
    // Plain sheet: labels in one cell, no names, no tables; the seeds' simple tables.
    'trang-tinh-don-gian-co-loi.xlsx',
    {
      errors: [
        // Sơn La: 169 TTHC stated, 55 + 46 + 8 + 19 + 14 + 13 + 13 = 168.
        ['sum_mismatch@Sheet1!C16', 'ghi 169', 'là 168'],
        // Employed "4.876" against 61 + 2.128 + 2.681 = 4.870.
        ['sum_mismatch@Sheet1!D23', 'ghi 4.876', '= 4.870'],
        // Sóc Trăng: 23/27 is 85,19%, 88,46% written (stored 0,8846 with a % format).
        ['rate_mismatch@Sheet1!E27', '88,46%', 'Thực hiện 23', '27', '= 85,19%'],
        // "Nhiệm vụ CCHC hoàn thành" twice: 12/30 and 10/30.
        ['conflicting_values@Sheet1!C30', 'Nhiệm vụ CCHC hoàn thành', 'là 12', '10'],
        // Toàn diện 95% above hài lòng chung 92,03%.
        ['satisfaction_inconsistent@Sheet1!F34', '95%', '92,03%'],
      ],
      unit: 'Sở Y tế tỉnh Sơn La',
      period: { kind: 'Quý I', year: 2023, from: '2022-12-15', to: '2023-03-14' },
      tables: {
        DanhMucTTHC: ['B8:E16', '8', ['linhVuc', 'soTTHC', 'capTinh', 'capXa']],
        BienChe: ['B19:D23', '19', ['donVi', 'duocGiao', 'coMat']],
        ChiTieuKhac: ['B26:E30', '26', ['chiTieu', 'thucHien', 'keHoach', 'tyLe']],
        KhaoSatHaiLong: ['A33:F35', '33', ['doiTuong', 'soPhieu', 'haiLongChung', 'soVoiMongDoi', 'quayLai', 'toanDien']],
      },
      metrics: { 'danhMuc.soTTHC': 168, 'bienChe.duocGiao': 5482, 'bienChe.coMat': 4870, 'haiLong.nguoi-benh-noi-tru.soPhieu': 2771 },
    },
  ],
  [
    // A one-stop system's export, an HTML table saved as .xls (test/fixtures/html/README.md):
    // "Tiếp nhận: Tổng số / Kỳ trước / Trong kỳ / Qua mạng / Qua BCCI", "Đã xử lý" without a
    // total, numbers as text, the period given only as its window. Edited by hand. Excel names
    // the sheet of an HTML file after the file, cut to 31 characters.
    html('mot-cua-kon-tum-q3-2022-sua-tay-sai-ty-le-va-tong.xls'),
    {
      errors: [
        // Dược phẩm: kỳ trước 9 + trong kỳ 93 = 102 (and đã + đang xử lý 90 + 12 = 102), 100 written: one finding.
        ['sum_mismatch@mot-cua-kon-tum-q3-2022-sua-tay!C7', 'Dược phẩm', 'ghi 100', '= 102'],
        // An toàn thực phẩm: (30 + 16) / 47 = 97,87%, 95% written.
        ['rate_mismatch@mot-cua-kon-tum-q3-2022-sua-tay!K9', '95%', '= 46 trên 47 = 97,87%'],
        // The system's total 329 is right, so the edited rows now sum to 327.
        ['sum_mismatch@mot-cua-kon-tum-q3-2022-sua-tay!C12', 'ghi 329', '= 327'],
      ],
      unit: 'Sở Y tế tỉnh Kon Tum',
      period: { kind: 'Quý III', year: 2022, from: '2022-06-15', to: '2022-09-14' },
      tables: {
        KetQuaGiaiQuyet: ['B4:O12', '4:5', ['linhVuc', 'tongSo', 'tuKyTruoc', 'moiTiepNhan', 'trucTuyen', 'quaBCCI', 'truocHan', 'dungHan', 'quaHan', 'tyLeDungHan', 'dangTrongHan', 'dangQuaHan', 'choBoSung', 'traLaiRut']],
      },
      // Seed 003: 297 received in the quarter, 114 online; (5) = 297 − 114 = 183; 10 through BCCI.
      metrics: { 'tthc.moiTiepNhan': 297, 'tthc.trucTuyen': 114, 'tthc.trucTiepBuuChinh': 183, 'tthc.quaBCCI': 10 },
    },
  ],
];

const at = (f: Finding) => `${f.code}@${f.sheet}!${f.cell}`;

describe.each(cases)('%s', (file, expected) => {
  let issues: Finding[] = [];
  let report: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    const model = await readWorkbook(readFileSync(join(dir, file)), file);
    report = checkWorkbook(model);
    issues = report.issues;
  });

  test('exactly the planted errors, each at its cell with its figures', () => {
    const errors = issues.filter((f) => f.severity === 'error');
    expect(errors.map(at).sort()).toEqual(expected.errors.map((e) => e[0]).sort());
    for (const [key, ...texts] of expected.errors) {
      const f = errors.find((x) => at(x) === key)!;
      for (const t of texts) expect(f.message).toContain(t);
    }
  });

  test('the warnings listed, and nothing absent reported as an error', () => {
    for (const w of expected.warnings ?? []) expect(issues.filter((f) => f.severity === 'warning').map(at)).toContain(w);
    for (const f of issues) if (['missing_table', 'missing_column', 'missing_name', 'missing_period'].includes(f.code)) expect(f.severity).not.toBe('error');
  });

  test('the unit and the period read from the sheet', () => {
    expect(report.data.unit).toBe(expected.unit);
    expect(report.period).toMatchObject(expected.period);
  });

  test('what was recognised: where, which header rows, which columns', () => {
    const got = Object.fromEntries(report.recognized!.tables.map((t) => [t.table, [t.range, t.headerRows, t.columns.map((c) => c.key).sort()]]));
    const want = Object.fromEntries(Object.entries(expected.tables).map(([k, [r, h, cols]]) => [k, [r, h, [...cols].sort()]]));
    expect(got).toEqual(want);
  });

  test('metrics sum the data rows only (no totals or group rows)', () => {
    for (const [k, v] of Object.entries(expected.metrics ?? {})) expect([k, report.metrics[k]]).toEqual([k, v]);
  });
});

test('the column-number row is never read as data: no negative count from "(5)"', async () => {
  const model = await readWorkbook(readFileSync(join(dir, 'bieu06-chinh-thuc-co-loi.xlsx')));
  const report = checkWorkbook(model);
  expect(report.issues.filter((f) => f.code === 'negative_count')).toEqual([]);
  expect(report.recognized!.tables[0]!.numberRow).toBe(10);
  expect(report.recognized!.tables[0]!.totalRow).toBe(11);
});
