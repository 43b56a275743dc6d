/**
 * What a workbook means, beyond its layout (test/fixtures/layouts/semantics/, written by
 * scripts/build-semantics-fixtures.ts): the period however it is written and wherever (labels,
 * title, sheet name, file name), which sheet is read when there are several, officers' words in
 * headers and cells, nested subtotals, survey uploads and the 01/7/2025 boundary. Each file goes
 * through the real .xlsx reader. Expected figures are the fixture script's, added up by hand
 * here; reporting windows are those of NĐ 09/2019 (the 15th before the period to the 14th of its
 * last month).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import type { CheckReport } from '../../src/core/report';
import { readWorkbook } from '../../src/xlsx/read';

const dir = join(__dirname, '../fixtures/layouts/semantics');

interface Expect {
  /** Exactly these errors, "code@Sheet!A1", each followed by text its message must contain. */
  errors: [string, ...string[]][];
  /** Findings of any severity that must be there, "code@Sheet!A1", with text of their message. */
  findings?: [string, ...string[]][];
  /** Codes that must not appear at all. */
  absent?: string[];
  period?: { kind: string; year: number; from: string; to: string };
  /** Where "Kỳ báo cáo" was read: source, and the name read for `sheet` and `file`. */
  periodFrom?: { source: string; from?: string };
  metrics?: Record<string, number>;
  /** Table → columns recognised (contract keys). */
  columns?: Record<string, string[]>;
}

// Kon Tum's three lĩnh vực (the script's BASE), summed by hand: (3) 120 + 97 + 80 = 297,
// (4) 40 + 30 + 20 = 90, (5) 70 + 60 + 55 = 185. A sheet written with every figure times k sums to k times these.
const tthc = (k: number) => ({ 'tthc.tongSo': 297 * k, 'tthc.trucTuyen': 90 * k, 'tthc.trucTiepBuuChinh': 185 * k });
const CLEAN_PERIOD_CODES = ['invalid_period_kind', 'missing_period', 'missing_value', 'invalid_year'];

const cases: [string, Expect][] = [
  // Annual and 6/9-month labels typed after "Kỳ báo cáo:".
  ['ky-nam-2022-khong-loi.xlsx', { errors: [], absent: CLEAN_PERIOD_CODES, period: { kind: 'Năm', year: 2022, from: '2021-12-15', to: '2022-12-14' }, metrics: tthc(1) }],
  ['ky-nam-thuong-2022-khong-loi.xlsx', { errors: [], absent: CLEAN_PERIOD_CODES, period: { kind: 'Năm', year: 2022, from: '2021-12-15', to: '2022-12-14' } }],
  ['ky-ca-nam-2022-khong-loi.xlsx', { errors: [], absent: CLEAN_PERIOD_CODES, period: { kind: 'Năm', year: 2022, from: '2021-12-15', to: '2022-12-14' } }],
  ['ky-06-thang-dau-nam-2023-khong-loi.xlsx', { errors: [], absent: CLEAN_PERIOD_CODES, period: { kind: '6 tháng đầu năm', year: 2023, from: '2022-12-15', to: '2023-06-14' } }],
  ['ky-9-thang-2024-khong-loi.xlsx', { errors: [], absent: CLEAN_PERIOD_CODES, period: { kind: '9 tháng', year: 2024, from: '2023-12-15', to: '2024-09-14' } }],
  [
    'ky-tieu-de-6-thang-cuoi-nam-2023.xlsx',
    { errors: [], absent: CLEAN_PERIOD_CODES, period: { kind: '6 tháng cuối năm', year: 2023, from: '2023-06-15', to: '2023-12-14' }, periodFrom: { source: 'title' } },
  ],
  // Nothing inside the sheet says the period: its name does, then the file's.
  [
    'ky-theo-ten-trang-tinh.xlsx',
    { errors: [], absent: ['missing_period'], period: { kind: 'Quý II', year: 2024, from: '2024-03-15', to: '2024-06-14' }, periodFrom: { source: 'sheet', from: 'Quý II-2024' } },
  ],
  [
    'ky-theo-ten-tep_BC_TTHC_Quy_III_2023.xlsx',
    {
      errors: [],
      absent: ['missing_period'],
      period: { kind: 'Quý III', year: 2023, from: '2023-06-15', to: '2023-09-14' },
      periodFrom: { source: 'file', from: 'ky-theo-ten-tep_BC_TTHC_Quy_III_2023.xlsx' },
    },
  ],
  [
    // The hidden "Quý II" (k = 2, with a slip) comes first; the visible "Quý III" (k = 3) is read.
    'trang-an-quy-truoc-bo-qua.xlsx',
    {
      errors: [],
      findings: [['sheet_skipped@Quý III!A1', 'Trang tính ẩn "Quý II"', 'Quý II năm 2023', 'Bỏ ẩn']],
      period: { kind: 'Quý III', year: 2023, from: '2023-06-15', to: '2023-09-14' },
      metrics: tthc(3),
    },
  ],
  [
    // A hidden sheet in front says "Quý II năm 2023"; the visible one "Quý III năm 2023", which is read.
    'nhan-ky-tren-trang-an-khong-doc.xlsx',
    { errors: [], period: { kind: 'Quý III', year: 2023, from: '2023-06-15', to: '2023-09-14' }, metrics: tthc(1) },
  ],
  [
    // "Thông tin" says Quý II 2023: sheet "Quý II-2023" (k = 2) is read; Q1 and Q3 carry slips.
    'nhieu-quy-chon-theo-ky-bao-cao.xlsx',
    {
      errors: [],
      findings: [
        ['sheet_skipped@Quý I-2023!A1', '"Quý I-2023"', 'Quý I năm 2023', 'đã kiểm tra trang "Quý II-2023"'],
        ['sheet_skipped@Quý III-2023!A1', '"Quý III-2023"', 'Quý III năm 2023', 'đã kiểm tra trang "Quý II-2023"'],
      ],
      period: { kind: 'Quý II', year: 2023, from: '2023-03-15', to: '2023-06-14' },
      metrics: tthc(2),
    },
  ],
  [
    // Sheets "Quý I" (slip) and "Quý II" (k = 2) without a year: "Năm báo cáo" 2023 gives it.
    'nhieu-quy-ten-khong-nam-chon-theo-ky-bao-cao.xlsx',
    {
      errors: [],
      findings: [['sheet_skipped@Quý I!A1', '"Quý I"', 'Quý I năm 2023', 'đã kiểm tra trang "Quý II"']],
      period: { kind: 'Quý II', year: 2023, from: '2023-03-15', to: '2023-06-14' },
      metrics: tthc(2),
    },
  ],
  [
    // Nothing states the period: the latest quarter "Q2-2023" (k = 2) is read, Q1 (with a slip) named.
    'nhieu-quy-khong-ghi-ky-chon-moi-nhat.xlsx',
    {
      errors: [],
      findings: [['sheet_skipped@Q1-2023!A1', '"Q1-2023"', 'Quý I năm 2023', 'kỳ mới nhất']],
      period: { kind: 'Quý II', year: 2023, from: '2023-03-15', to: '2023-06-14' },
      periodFrom: { source: 'sheet', from: 'Q2-2023' },
      metrics: tthc(2),
    },
  ],
  [
    // Biểu 06 titled Quý I 2023 and a staffing sheet titled "năm 2023": different tables, both read.
    // 64 + 2.244 = 2.308 assigned, 61 + 2.128 = 2.189 present.
    'hai-bang-hai-tieu-de-doc-ca-hai.xlsx',
    {
      errors: [],
      absent: ['sheet_skipped'],
      period: { kind: 'Quý I', year: 2023, from: '2022-12-15', to: '2023-03-14' },
      metrics: { ...tthc(1), 'bienChe.duocGiao': 2308, 'bienChe.coMat': 2189 },
    },
  ],
  [
    // Quarters as columns: 3 STT + 3 × 4 figures = 15 numbers not checked, said at the first quarter header.
    'quy-theo-cot-chua-doc.xlsx',
    { errors: [], findings: [['sheet_not_read@Tổng hợp!C4', 'Quý I, Quý II, Quý III, Quý IV', '15 số liệu']] },
  ],
  [
    // Appendix of indicators: 4 STT + 4 results = 8 numbers, named at its "Chỉ tiêu" header.
    'danh-sach-chi-tieu-chua-doc.xlsx',
    { errors: [], findings: [['sheet_not_read@Phụ lục!B3', 'danh sách chỉ tiêu', '8 số liệu']], metrics: tthc(1) },
  ],
  [
    // "Tổng", "Trực tiếp, BCCI", "Kỳ trước", "Số HS đã GQ", "Số HS đang GQ", "Đã quá hạn"; staffing
    // headers dated "năm 2023" and "đến ngày 30/6/2023". One slip: 61 + 2.128 + 2.681 = 4.870, 4.876 written.
    'tieu-de-viet-tat-va-bien-che-co-ngay-mot-loi.xlsx',
    {
      errors: [['sum_mismatch@Số liệu!D15', 'ghi 4.876', '= 4.870']],
      metrics: { ...tthc(1), 'bienChe.duocGiao': 64 + 2244 + 3174, 'bienChe.coMat': 61 + 2128 + 2681 },
      columns: {
        KetQuaGiaiQuyet: ['linhVuc', 'tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'],
        BienChe: ['donVi', 'duocGiao', 'coMat'],
      },
    },
  ],
  [
    // "Không phát sinh hồ sơ" merged over Mỹ phẩm's figures, "30 (*)" and "60 hồ sơ" for Dược phẩm.
    'o-khong-phat-sinh-ghi-chu-don-vi-khong-loi.xlsx',
    { errors: [], absent: ['not_a_number', 'missing_value'], metrics: tthc(1) },
  ],
  [
    // English style throughout: 1,380 + 1,045 = 2,425 received; 400 + 300 online; 900 + 700 direct.
    'so-kieu-anh-1380-khong-loi.xlsx',
    { errors: [], absent: ['fractional_count', 'not_a_number'], metrics: { 'tthc.tongSo': 2425, 'tthc.trucTuyen': 700, 'tthc.trucTiepBuuChinh': 1600 } },
  ],
  [
    // Khám bệnh: 123 = 100 đã + 20 đang + 3 rút. Received 123 + 97 + 80 = 300.
    'so-ho-so-rut-cot-rieng-khong-loi.xlsx',
    { errors: [], metrics: { 'tthc.tongSo': 300 } },
  ],
  [
    // The same figures without the "Số hồ sơ rút" column: 123 against 100 + 20 = 120 (T4).
    'so-ho-so-rut-khong-co-cot-loi-t4.xlsx',
    { errors: [['sum_mismatch@Biểu 06!C5', 'ghi 123', '= 120']] },
  ],
  [
    // Total > A, B; B > I, II; units inside. The one slip: "II. Tuyến huyện" có mặt 86 for 48 + 37 = 85.
    'bien-che-nhom-long-nhau-mot-loi.xlsx',
    {
      errors: [['sum_mismatch@Biên chế!D13', 'Tuyến huyện', 'là 86', '= 85']],
      // Units only: 40 + 20 + 100 + 50 + 50 + 40 = 300 assigned; 37 + 18 + 93 + 47 + 48 + 37 = 280 present.
      metrics: { 'bienChe.duocGiao': 300, 'bienChe.coMat': 280 },
    },
  ],
  [
    // "1" over "1.1" and "1.2": its có mặt 58 against 38 + 19 = 57. The total counts units only:
    // 40 + 20 + 190 = 250 assigned, 38 + 19 + 179 = 236 present, as written.
    'bien-che-so-muc-con-mot-loi.xlsx',
    {
      errors: [['sum_mismatch@Biên chế!D6', 'Cơ quan Sở Y tế', 'là 58', '= 57']],
      metrics: { 'bienChe.duocGiao': 250, 'bienChe.coMat': 236 },
    },
  ],
  [
    // Five forms, "P002" twice (rows 3 and 5); "khác" with its text in E7.1 and G2.1 on form P003.
    'khao-sat-ma-so-co-dau-cach-trung-phieu.xlsx',
    {
      errors: [['survey_duplicate_form@Dữ liệu nội trú!A5', 'P002', 'A3']],
      findings: [['survey_sheet_read@Dữ liệu nội trú!A1', '5 phiếu', 'QĐ 56/QĐ-BYT', 'nội trú']],
      absent: ['survey_answer_out_of_scale', 'survey_items_unknown'],
    },
  ],
  [
    // A staff survey in Quý I/2025, under QĐ 56 for patients: the staff form stays QĐ 3869 Mẫu 3.
    'khao-sat-nhan-vien-2025-van-mau-3869.xlsx',
    { errors: [], findings: [['survey_sheet_read@Khảo sát NVYT!A2', '4 phiếu', 'Mẫu 3 (QĐ 3869/QĐ-BYT)']] },
  ],
  [
    'mau-5-khong-phai-khao-sat-hai-long.xlsx',
    { errors: [], findings: [['sheet_not_read@Mẫu 5!A1', 'không phải phiếu khảo sát sự hài lòng']], absent: ['survey_sheet_read'] },
  ],
  [
    // Quý III/2025 runs 15/6–14/9/2025, across the end of cấp huyện on 01/7/2025.
    'danh-muc-quy-iii-2025-cap-huyen-khong-canh-bao.xlsx',
    { errors: [], absent: ['level_not_in_regime'], period: { kind: 'Quý III', year: 2025, from: '2025-06-15', to: '2025-09-14' } },
  ],
  [
    'danh-muc-quy-iv-2025-cap-huyen-canh-bao.xlsx',
    { errors: [], findings: [['level_not_in_regime@Danh mục!E5', 'ghi 3', '01/7/2025']], period: { kind: 'Quý IV', year: 2025, from: '2025-09-15', to: '2025-12-14' } },
  ],
];

const at = (f: Finding) => `${f.code}@${f.sheet}!${f.cell}`;

describe.each(cases)('%s', (file, expected) => {
  let report: CheckReport;
  beforeAll(async () => {
    report = checkWorkbook(await readWorkbook(readFileSync(join(dir, file)), file));
  });

  test('exactly the planted errors, each with its figures', () => {
    const errors = report.issues.filter((f) => f.severity === 'error');
    expect(errors.map(at).sort()).toEqual(expected.errors.map((e) => e[0]).sort());
    for (const [key, ...texts] of expected.errors) for (const t of texts) expect(errors.find((x) => at(x) === key)!.message).toContain(t);
  });

  test('the findings that say what was read and what was not', () => {
    for (const [key, ...texts] of expected.findings ?? []) {
      const f = report.issues.find((x) => at(x) === key);
      expect([key, f?.message]).toEqual([key, expect.any(String)]);
      for (const t of texts) expect(f!.message).toContain(t);
    }
    for (const code of expected.absent ?? []) expect(report.issues.filter((f) => f.code === code).map(at)).toEqual([]);
  });

  test('the period, and where it was read', () => {
    if (expected.period) expect(report.period).toMatchObject(expected.period);
    if (expected.periodFrom) {
      const k = report.recognized!.info.find((i) => i.name === 'KyBaoCao')!;
      expect({ source: k.source, ...(k.from ? { from: k.from } : {}) }).toEqual(expected.periodFrom);
    }
  });

  test('figures and columns read', () => {
    for (const [k, v] of Object.entries(expected.metrics ?? {})) expect([k, report.metrics[k]]).toEqual([k, v]);
    for (const [table, cols] of Object.entries(expected.columns ?? {})) {
      const t = report.recognized!.tables.find((x) => x.table === table);
      expect([table, t?.columns.map((c) => c.key).sort()]).toEqual([table, [...cols].sort()]);
    }
  });
});
