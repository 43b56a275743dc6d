import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { buildModel, date, f, infoFor, type In, type ModelInput, type TableInput } from '../helpers/model';

/**
 * Fixtures named by their expected outcome (as Script Lab names its samples), one table-driven
 * test. Figures come from the seeds: Kon Tum Q3/2022, Bắc Ninh Q1/2022, and the slips domain.md
 * quotes from Sơn La and Sóc Trăng.
 */

const KON_TUM_Q3 = infoFor('Quý III', 2022, '2022-06-15', '2022-09-14');
const SON_LA_Q1 = infoFor('Quý I', 2023, '2022-12-15', '2023-03-14', 'Sở Y tế tỉnh Sơn La');

// Biểu 06 rows: linhVuc, (3) tongSo, (4) trucTuyen, (5) trucTiep, (6) tuKyTruoc, (7) daGQ, (8) truocHan, (9) dungHan, (10) quaHan, (11) dangGQ, (12) trongHan, (13) quaHan, tỷ lệ
const tthcRows: In[][] = [
  ['Khám bệnh, chữa bệnh', 120, 40, 70, 10, 100, 60, 38, 2, 20, 19, 1, f('ROUND((G5+H5)/F5*100,2)', 98)],
  ['Dược phẩm', 97, 30, 60, 7, 90, 50, 40, 0, 7, 7, 0, f('ROUND((G6+H6)/F6*100,2)', 100)],
  ['An toàn thực phẩm', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, f('ROUND((G7+H7)/F7*100,2)', 98.57)],
];
const tthcTotal = ['Tổng cộng', 297, 90, 185, 22, 260, 140, 117, 3, 37, 36, 1, f('ROUND((G8+H8)/F8*100,2)', 98.85)];

const kq = (rows: In[][] = tthcRows, total: unknown[] | null = tthcTotal, extra: Partial<TableInput> = {}): TableInput => ({
  name: 'KetQuaGiaiQuyet',
  rows: rows as TableInput['rows'],
  ...(total ? { total: total as TableInput['total'] } : {}),
  ...extra,
});

// Kon Tum công chức: Cơ quan Sở 30, Chi cục DS-KHHGĐ 12, Chi cục ATVSTP 12 = 54 assigned, 50 present.
const staffRows = [
  ['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 30, 28, f('MAX(0,D5-E5)', 2), f('MAX(0,E5-D5)', 0)],
  ['Chi cục Dân số - Kế hoạch hóa gia đình', 'Công chức', 'Tỉnh', 12, 11, f('MAX(0,D6-E6)', 1), f('MAX(0,E6-D6)', 0)],
  ['Chi cục An toàn vệ sinh thực phẩm', 'Công chức', 'Tỉnh', 12, 11, f('MAX(0,D7-E7)', 1), f('MAX(0,E7-D7)', 0)],
];
const staffTotal = ['Tổng cộng', null, null, 54, 50, 4, 0];

// Sơn La: assigned 5.482 = 64 + 2.244 + 3.174, employed stated 4.876 but 61 + 2.128 + 2.681 = 4.870.
const sonLaRows = [
  ['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 64, 61, 3, 0],
  ['Đơn vị sự nghiệp tuyến tỉnh', 'Viên chức', 'Tỉnh', 2244, 2128, 116, 0],
  ['Trung tâm y tế huyện', 'Viên chức', 'Huyện', 3174, 2681, 493, 0],
];

interface Case {
  name: string;
  input: ModelInput;
  previous?: ModelInput;
  /** Expected errors as "code@cell" (order-free); every other error fails the test. */
  errors: string[];
  /** Warnings that must be present (others allowed). */
  warnings?: string[];
  /** Extra assertions on the findings. */
  more?: (all: Finding[]) => void;
}

const cases: Case[] = [
  {
    name: 'clean Kon Tum Q3/2022 workbook → no error',
    input: { info: KON_TUM_Q3, tables: [kq(), { name: 'BienChe', rows: staffRows, total: staffTotal }] },
    errors: [],
    more: (all) => expect(all.filter((x) => x.severity !== 'info')).toEqual([]),
  },
  {
    name: 'Sơn La employed total 4.876 ≠ 4.870 → sum_mismatch on the stated total',
    input: { info: SON_LA_Q1, tables: [{ name: 'BienChe', rows: sonLaRows, total: ['Tổng cộng', null, null, 5482, 4876, 612, 0] }] },
    errors: ['sum_mismatch@E7'],
    more: (all) => {
      const x = all.find((e) => e.code === 'sum_mismatch')!;
      expect(x).toMatchObject({ sheet: 'Biên chế', expected: 4870, actual: 4876, rule: 'T6', related: ['E4', 'E5', 'E6'] });
      // Every part with its value and cell: the officer finds the wrong cell without a calculator.
      expect(x.message).toBe(
        'Dòng tổng cộng "Có mặt" ở ô E7 ghi 4.876, nhưng cộng các dòng: Cơ quan Sở Y tế 61 (ô E4) + Đơn vị sự nghiệp tuyến tỉnh 2.128 (ô E5) + Trung tâm y tế huyện 2.681 (ô E6) = 4.870. Cách sửa: tìm dòng nhập sai, hoặc ghi 4.870 vào ô E7.',
      );
    },
  },
  {
    name: 'Sóc Trăng 23/27 typed 88,46% → rate_mismatch on the rate cell, true 85,19%',
    input: { info: SON_LA_Q1, tables: [{ name: 'ChiTieuKhac', rows: [['Chuyển đổi vị trí công tác', 23, 27, '88,46'], ['Tinh giản biên chế', 11, 18, 61]] }] },
    errors: ['rate_mismatch@D4'],
    more: (all) => {
      const x = all.find((e) => e.code === 'rate_mismatch')!;
      expect(x).toMatchObject({ expected: 85.19, actual: 88.46, related: ['B4', 'C4'] });
      expect(x.message).toContain('Thực hiện 23 (ô B4) trên Kế hoạch / phải thực hiện 27 (ô C4) = 85,19%');
      expect(x.message).not.toMatch(/\d\/\d/); // no bare "23/27" the officer must decode
    },
  },
  {
    name: 'Sơn La catalogue 169 TTHC while the rows sum to 168 → T6 on the total',
    input: {
      info: SON_LA_Q1,
      tables: [
        {
          name: 'DanhMucTTHC',
          rows: [
            ['Khám bệnh, chữa bệnh', 60, 58, 1, 1, 60, 40, 60],
            ['Dược phẩm', 58, 58, 0, 0, 58, 30, 58],
            ['An toàn thực phẩm', 50, 46, 2, 2, 50, 20, 50],
          ],
          total: ['Tổng cộng', 169, 162, 3, 3, 168, 90, 168],
        },
      ],
    },
    errors: ['sum_mismatch@B7'],
  },
  {
    name: 'window 15/12/2022 – 14/03/2022 runs backwards → window_reversed on DenNgay',
    input: { info: { ...SON_LA_Q1, DenNgay: date('2022-03-14') } },
    // No table at all: nothing to report either (no_data).
    errors: ['window_reversed@B8', 'no_data@A1'],
  },
  {
    name: 'Biểu 06 row identities T1–T4 each reported on the stated total',
    input: {
      info: KON_TUM_Q3,
      tables: [
        kq(
          [
            ['T1 sai', 120, 41, 70, 10, 100, 60, 38, 2, 20, 19, 1, null], // 41+70+10 = 121
            ['T2 sai', 97, 30, 60, 7, 90, 50, 38, 0, 7, 7, 0, null], // 50+38+0 = 88
            ['T3 sai', 80, 20, 55, 5, 70, 30, 39, 1, 10, 9, 0, null], // 9+0 = 9
            ['T4 sai', 50, 20, 25, 5, 40, 20, 19, 1, 9, 9, 0, null], // 40+9 = 49
          ],
          null,
        ),
      ],
    },
    errors: ['sum_mismatch@B4', 'sum_mismatch@F5', 'sum_mismatch@J6', 'sum_mismatch@B7'],
    more: (all) => {
      const t1 = all.find((e) => e.cell === 'B4')!;
      expect(t1).toMatchObject({ rule: 'T1', expected: 121, actual: 120, related: ['C4', 'D4', 'E4'] });
      expect(t1.message).toBe('Tổng số hồ sơ nhận giải quyết (dòng "T1 sai") ở ô B4 ghi 120, nhưng Trực tuyến 41 (ô C4) + Trực tiếp, dịch vụ bưu chính 70 (ô D4) + Từ kỳ trước 10 (ô E4) = 121. Cách sửa: nếu các ô thành phần đúng, ghi 121 vào ô B4.');
    },
  },
  {
    name: 'T4 switched off for units that count returned files elsewhere',
    input: { info: KON_TUM_Q3, tables: [kq([['Một lĩnh vực', 50, 20, 25, 5, 40, 20, 19, 1, 9, 9, 0, null]], null)] },
    errors: [],
  },
  {
    name: 'the workbook switches T4 off with KiemTraT4 = "Không"; T1–T3 still apply',
    input: {
      info: { ...KON_TUM_Q3, KiemTraT4: 'Không' },
      tables: [kq([['Một lĩnh vực', 50, 20, 25, 5, 40, 20, 19, 1, 9, 9, 0, null], ['T2 sai', 97, 30, 60, 7, 90, 50, 38, 0, 7, 7, 0, null]], null)],
    },
    errors: ['sum_mismatch@F5'],
  },
  {
    name: 'KiemTraT4 = "Có" keeps T4 on',
    input: { info: { ...KON_TUM_Q3, KiemTraT4: 'Có' }, tables: [kq([['Một lĩnh vực', 50, 20, 25, 5, 40, 20, 19, 1, 9, 9, 0, null]], null)] },
    errors: ['sum_mismatch@B4'],
  },
  {
    name: 'numbers typed as Vietnamese text are read, with a hint, and no error',
    input: {
      info: KON_TUM_Q3,
      tables: [{ name: 'BienChe', rows: [['Các đơn vị sự nghiệp', 'Viên chức', 'Tỉnh', '1.877', ' 1 784 ', '93', 0]], total: ['Tổng cộng', null, null, '1.877', '1.784', 93, 0] }],
    },
    errors: [],
    more: (all) => expect(all.filter((x) => x.code === 'text_number').map((x) => x.cell)).toEqual(['D4', 'E4', 'D5', 'E5']),
  },
  {
    name: 'bad cells give one finding each and no cascade into identities or totals',
    input: {
      info: KON_TUM_Q3,
      tables: [
        {
          name: 'BienChe',
          rows: [
            ['A', 'Công chức', 'Tỉnh', 'không rõ', 28, null, null],
            ['B', 'Công chức', 'Tỉnh', 12, -3, null, null],
            ['C', 'Công chức', 'Tỉnh', 12, 11.5, null, null],
            ['D', 'Công chức', 'Tỉnh', { v: null, e: '#DIV/0!' }, 11, null, null],
            ['E', 'Công chức', 'Tỉnh', null, 5, null, null],
          ],
          total: ['Tổng cộng', null, null, 99, 99, null, null],
        },
      ],
    },
    // "Được giao" left blank in a row with figures reads as 0: officers leave zeros blank.
    errors: ['not_a_number@D4', 'negative_count@E5', 'fractional_count@E6', 'error_value@D7'],
  },
  {
    name: 'a typed thiếu that is not max(0, giao − có mặt) → derived_mismatch',
    input: { info: KON_TUM_Q3, tables: [{ name: 'BienChe', rows: [['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 30, 28, 3, 0]] }] },
    errors: ['derived_mismatch@F4'],
  },
  {
    name: 'a rate with a zero denominator must be empty ("không phát sinh"), typed 100 is wrong',
    input: {
      info: KON_TUM_Q3,
      tables: [
        kq(
          [
            ['Không phát sinh, để trống', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null],
            ['Không phát sinh, ghi chữ', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'không phát sinh'],
            ['Ghi 100', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100],
          ],
          null,
        ),
      ],
    },
    errors: ['rate_mismatch@M6'],
  },
  {
    name: 'rates match at the decimals typed: 98,6 / 98,57 / 0,9857 formatted % / cached formula',
    input: {
      info: KON_TUM_Q3,
      tables: [
        kq(
          [
            ['một chữ số', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, '98,6'],
            ['hai chữ số', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, 98.57],
            ['phân số định dạng %', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, { v: 0.9857, z: '0.00%' }],
            ['công thức', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, f('(G7+H7)/F7', 69 / 70)],
            ['sai', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, '98,58'],
          ],
          null,
        ),
      ],
    },
    errors: ['rate_mismatch@M8'],
  },
  {
    name: 'a table without an Excel table object, under a merged title and with blank lines, headers without diacritics → same checks',
    input: {
      info: SON_LA_Q1,
      tables: [
        {
          name: 'BienChe',
          asTable: false,
          at: 'C8',
          title: 'BIỂU TỔNG HỢP BIÊN CHẾ',
          headers: ['Don vi', 'Loai', 'Tuyen', 'Duoc giao', 'Co mat', 'Thieu', 'Du'],
          rows: [sonLaRows[0]!, [], sonLaRows[1]!, sonLaRows[2]!],
          total: ['Tổng cộng', null, null, 5482, 4876, 612, 0],
        },
      ],
    },
    errors: ['sum_mismatch@G13'],
    more: (all) => expect(all.some((x) => x.code === 'table_found_by_headers' && x.cell === 'C8')).toBe(true),
  },
  {
    name: 'tuyến Huyện in a Q4/2026 report → warning naming the two-level government',
    input: { info: infoFor('Quý IV', 2026, '2026-09-15', '2026-12-14'), tables: [{ name: 'BienChe', rows: [['Trung tâm y tế', 'Viên chức', 'Huyện', 100, 100, 0, 0]] }] },
    errors: [],
    warnings: ['tuyen_not_in_regime@C4'],
  },
  {
    name: 'HTXSNV above 20% of HTTNV → cap warning with the limit (NĐ 335/2025 for công chức in 2026)',
    input: {
      info: infoFor('Năm', 2026, '2025-12-15', '2026-12-14'),
      tables: [
        {
          name: 'XepLoai',
          rows: [
            ['Công chức', 54, 12, 40, 2, 0, 0], // limit floor(40 × 20%) = 8
            ['Viên chức', 1784, 300, 1200, 250, 4, 30], // limit 240, or 300 when the unit is HTXSNV (25%)
            ['Cơ quan, đơn vị', 1, 1, 0, 0, 0, 0],
          ],
        },
      ],
    },
    errors: [],
    warnings: ['cap_exceeded@C4'],
    more: (all) => {
      const x = all.find((e) => e.code === 'cap_exceeded')!;
      expect(x).toMatchObject({ expected: 8, actual: 12 });
      expect(x.message).toContain('335/2025');
      expect(all.some((e) => e.code === 'cap_exceeded' && e.cell === 'C5')).toBe(false);
    },
  },
  {
    name: 'rating levels + not rated ≠ headcount → sum_mismatch on Tổng số',
    input: { info: KON_TUM_Q3, tables: [{ name: 'XepLoai', rows: [['Công chức', 54, 8, 40, 3, 0, 2]] }] },
    errors: ['sum_mismatch@B4'],
  },
  {
    name: 'toàn diện above hài lòng chung → satisfaction_inconsistent',
    input: { info: KON_TUM_Q3, tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh nội trú', '2.771', '92,03', 90.5, 95.2, 95]] }] },
    errors: ['satisfaction_inconsistent@F4'],
  },
  {
    name: 'summary computed from the raw respondent sheet; a differing typed value is flagged',
    input: {
      info: KON_TUM_Q3,
      tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh nội trú', 4, 90.91, 85, 66.67, 60]] }],
    },
    errors: ['survey_summary_mismatch@F4'],
  },
  {
    name: 'feedback received ≠ resolved + pending → sum_mismatch on Tiếp nhận (Kon Tum: 02 tố cáo, 01 kiến nghị)',
    input: { info: KON_TUM_Q3, tables: [{ name: 'PhanAnhKienNghi', rows: [['Tố cáo', 2, 2, 0], ['Phản ánh, kiến nghị', 1, 1, 1]] }] },
    errors: ['sum_mismatch@B5'],
  },
  {
    name: 'carried over ≠ previous period pending → T5 warning',
    input: { info: KON_TUM_Q3, tables: [kq()] },
    previous: { info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'), tables: [kq([['Khám bệnh, chữa bệnh', 50, 20, 20, 10, 38, 20, 18, 0, 12, 12, 0, null]], null)] },
    errors: [],
    warnings: ['carry_over_mismatch@E4'],
  },
  {
    name: 'T5 matches lĩnh vực by loose names ("1. Lĩnh vực Khám bệnh, chữa bệnh") and says nothing else',
    input: { info: KON_TUM_Q3, tables: [kq()] },
    previous: { info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'), tables: [kq([['1. Lĩnh vực Khám bệnh, chữa bệnh', 50, 20, 20, 10, 38, 20, 18, 0, 12, 12, 0, null]], null)] },
    errors: [],
    warnings: ['carry_over_mismatch@E4'],
    more: (all) => expect(all.filter((x) => x.code === 'previous_mismatch' || x.code === 'carry_over_skipped')).toEqual([]),
  },
  {
    name: 'T5 falls back to the totals rows when no lĩnh vực name matches',
    input: { info: KON_TUM_Q3, tables: [kq()] },
    // Previous pending 30 in total; this period carries over 22.
    previous: { info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'), tables: [kq([['Lĩnh vực A', 50, 20, 20, 10, 20, 10, 10, 0, 30, 30, 0, null]], ['Tổng cộng', 50, 20, 20, 10, 20, 10, 10, 0, 30, 30, 0, null])] },
    errors: [],
    warnings: ['carry_over_mismatch@E7'],
  },
  {
    name: 'a previous workbook of another unit and another quarter → both named in warnings',
    input: { info: KON_TUM_Q3, tables: [kq()] },
    previous: { info: infoFor('Quý I', 2022, '2021-12-15', '2022-03-14', 'Sở Y tế tỉnh Sơn La'), tables: [kq()] },
    errors: [],
    warnings: ['previous_mismatch@B3', 'previous_mismatch@B5'],
    more: (all) => {
      const msgs = all.filter((x) => x.code === 'previous_mismatch').map((x) => x.message);
      expect(msgs.some((m) => m.includes('Sở Y tế tỉnh Sơn La') && m.includes('Sở Y tế tỉnh Kon Tum'))).toBe(true);
      expect(msgs.some((m) => m.includes('Quý I năm 2022') && m.includes('14/6/2022'))).toBe(true);
    },
  },
  {
    name: 'a previous workbook without the TTHC table → T5 could not run, and why',
    input: { info: KON_TUM_Q3, tables: [kq()] },
    previous: { info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'), tables: [] },
    errors: [],
    more: (all) => expect(all.find((x) => x.code === 'carry_over_skipped')?.message).toContain('không tìm thấy bảng kết quả giải quyết TTHC trong tệp kỳ trước'),
  },
  {
    name: 'a required column missing from the table → missing_column on the header row, the rest still checked',
    input: {
      info: SON_LA_Q1,
      tables: [{ name: 'BienChe', headers: ['Đơn vị', 'Loại', 'Tuyến', 'Được giao', 'Thiếu', 'Dư'], rows: [['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', '64', 3, 0]] }],
    },
    // Absent is not wrong: a warning that says what could not be checked.
    errors: [],
    warnings: ['missing_column@A3'],
    more: (all) => expect(all.find((x) => x.code === 'missing_column')?.message).toBe('Bảng "Biên chế, số lượng người làm việc" không có cột "Có mặt": số liệu của cột này không được kiểm tra. Cách sửa: thêm cột này theo mẫu chuẩn, hoặc sửa tiêu đề cột đang có cho giống tiêu đề của mẫu.'),
  },
  {
    name: 'a calendar-period window (01/7 – 30/9) is accepted without a warning',
    input: { info: infoFor('Quý III', 2022, '2022-07-01', '2022-09-30'), tables: [kq()] },
    errors: [],
    more: (all) => expect(all.filter((x) => x.code === 'window_differs')).toEqual([]),
  },
  {
    name: 'a window that is neither NĐ 09 nor calendar → warning on the differing date',
    input: { info: infoFor('Quý III', 2022, '2022-06-15', '2022-09-30'), tables: [kq()] },
    errors: [],
    warnings: ['window_differs@B8'],
    more: (all) => expect(all.find((x) => x.code === 'window_differs')?.message).toContain('Đến ngày ghi 30/9/2022, khác với kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (từ 15/6/2022 đến 14/9/2022)'),
  },
  {
    name: 'a group row ("I. Cấp tỉnh") is the subtotal of its own rows only (T6g); the totals row sums the data rows',
    input: {
      info: KON_TUM_Q3,
      tables: [
        kq(
          [
            // Group I: 120 + 97 = 217 (216 written in "Tổng số"); totals row 297 = 120 + 97 + 80 holds.
            ['I. Cấp tỉnh', 216, 70, 130, 17, 190, 110, 78, 2, 27, 26, 1, null],
            tthcRows[0]!,
            tthcRows[1]!,
            ['II. Lĩnh vực khác', 80, 20, 55, 5, 70, 30, 39, 1, 10, 10, 0, null],
            tthcRows[2]!,
          ],
          tthcTotal,
        ),
      ],
    },
    errors: ['sum_mismatch@B4'],
    more: (all) => expect(all.find((x) => x.code === 'sum_mismatch')?.message).toBe('Dòng nhóm "I. Cấp tỉnh" ghi "Tổng số hồ sơ nhận giải quyết" là 216 (ô B4), nhưng cộng các dòng trong nhóm: Khám bệnh, chữa bệnh 120 (ô B5) + Dược phẩm 97 (ô B6) = 217. Cách sửa: tìm dòng nhập sai trong nhóm, hoặc ghi 217 vào ô B4.'),
  },
  {
    name: 'cấp huyện still counted in a catalogue of Q4/2025 → warning naming the two-level government',
    input: {
      info: infoFor('Quý IV', 2025, '2025-09-15', '2025-12-14'),
      tables: [{ name: 'DanhMucTTHC', rows: [['An toàn thực phẩm', 20, 17, 3, 0, 20, 12, 20], ['Dược phẩm', 46, 46, 0, 0, 46, 28, 46]] }],
    },
    errors: [],
    warnings: ['level_not_in_regime@D4'],
    more: (all) => expect(all.filter((x) => x.code === 'level_not_in_regime')).toHaveLength(1),
  },
  {
    // Quý III/2025 runs 15/6–14/9/2025: its first half-month is still under three-level government.
    name: 'cấp huyện counted in a catalogue of Q3/2025, a period straddling 01/7/2025 → no warning',
    input: {
      info: infoFor('Quý III', 2025, '2025-06-15', '2025-09-14'),
      tables: [{ name: 'DanhMucTTHC', rows: [['An toàn thực phẩm', 20, 17, 3, 0, 20, 12, 20]] }],
    },
    errors: [],
    more: (all) => expect(all.filter((x) => x.code === 'level_not_in_regime')).toEqual([]),
  },
  {
    name: 'tuyến Huyện in the staffing of năm 2025 (15/12/2024–14/12/2025) → no warning',
    input: { info: infoFor('Năm', 2025, '2024-12-15', '2025-12-14'), tables: [{ name: 'BienChe', rows: [['Trung tâm y tế', 'Viên chức', 'Huyện', 100, 100, 0, 0]] }] },
    errors: [],
    more: (all) => expect(all.filter((x) => x.code === 'tuyen_not_in_regime')).toEqual([]),
  },
  {
    name: 'the same indicator twice with two values (12/30 and 10/30) → error on the second',
    input: {
      info: KON_TUM_Q3,
      tables: [{ name: 'ChiTieuKhac', rows: [['Nhiệm vụ CCHC hoàn thành', 12, 30, 40], ['Tinh giản biên chế', 11, 18, null], ['Nhiệm vụ CCHC hoàn thành', 10, 30, null]] }],
    },
    errors: ['conflicting_values@B6'],
    more: (all) => expect(all.find((x) => x.code === 'conflicting_values')?.message).toContain('là 12 ở ô B4 nhưng 10'),
  },
  {
    name: 'a totals formula that misses a row of its table → warning, and T6 on its cached value',
    input: {
      info: KON_TUM_Q3,
      tables: [kq(tthcRows, ['Tổng cộng', f('SUM(B4:B5)', 217), 90, 185, 22, 260, 140, 117, 3, 37, 36, 1, null], { at: 'A3' })],
    },
    errors: ['sum_mismatch@B7'],
    warnings: ['total_formula_range@B7'],
    more: (all) => expect(all.find((x) => x.code === 'total_formula_range')?.message).toContain('bỏ sót dòng 6'),
  },
  {
    name: 'a formula the file carries no result for is neither blank nor zero: warning, left out of every check',
    input: {
      info: KON_TUM_Q3,
      tables: [kq([['Khám bệnh, chữa bệnh', { f: 'C4+D4+E4', v: null, uncomputed: true }, 40, 70, 10, 100, 60, 38, 2, 20, 19, 1, null]], null)],
    },
    errors: [],
    warnings: ['formula_not_computed@B4'],
  },
  {
    name: 'missing defined names recovered from labels; missing year is an error',
    input: { info: { ...KON_TUM_Q3, NamBaoCao: null }, infoWithoutNames: true, tables: [kq()] },
    errors: ['missing_value@B6'],
  },
];

// The raw survey fixture: 4 respondents whose computed figures are 90,91 / 85 / 66,67 / 50.
function withRawSurvey(input: ModelInput) {
  const model = buildModel(input);
  const items = ['A1', 'A2', 'B1', 'C1', 'D1', 'E1', 'G1', 'G2'];
  const answers = [
    [5, 4, 5, 4, 5, 5, 90, 5],
    [3, 4, 5, 4, 5, 4, 80, 4],
    [5, 0, 2, 4, 5, 5, 70, 2],
    [4, 4, 4, 4, 4, null, 100, 6],
  ];
  model.sheets.push({ name: 'Phiếu nội trú', rows: [items.map((v) => ({ v })), ...answers.map((r) => r.map((v) => ({ v })))] });
  model.tables.push({ name: 'PhieuNoiTru', sheet: 'Phiếu nội trú', ref: 'A1:H5', headerRow: true, totalsRow: false });
  return model;
}

const codeAt = (x: Finding) => `${x.code}@${x.cell}`;

test.each(cases)('$name', ({ name, input, previous, errors, warnings, more }) => {
  const model = name.startsWith('summary computed') ? withRawSurvey(input) : buildModel(input);
  const options = name.startsWith('T4 switched off') ? { t4: false } : {};
  const report = checkWorkbook(model, previous ? { ...options, previous: buildModel(previous) } : options);
  const errs = report.issues.filter((x) => x.severity === 'error');
  // Fixtures hold only the tables they are about; the required ones they leave out are reported
  // missing (asserted in the empty-workbook test below) and are left out of the comparison here.
  expect(errs.filter((x) => x.code !== 'missing_table').map(codeAt).sort()).toEqual([...errors].sort());
  for (const w of warnings ?? []) expect(report.issues.filter((x) => x.severity === 'warning').map(codeAt)).toContain(w);
  expect(report.summary.errors).toBe(errs.length);
  for (const x of report.issues) expect(x.message.length).toBeGreaterThan(10);
  more?.(report.issues);
});

test('the period, its rule set and the metrics are reported', () => {
  const report = checkWorkbook(buildModel({ info: KON_TUM_Q3, tables: [kq(), { name: 'BienChe', rows: staffRows, total: staffTotal }] }));
  expect(report.period).toEqual({ kind: 'Quý III', year: 2022, from: '2022-06-15', to: '2022-09-14', regime: 'nd90-3cap', source: 'workbook' });
  expect(report.metrics['tthc.tongSo']).toBe(297);
  expect(report.metrics['tthc.tyLeDungHan']).toBeCloseTo((257 / 260) * 100, 10);
  expect(report.metrics['tthc.tyLeTrucTuyen']).toBeCloseTo((90 / 275) * 100, 10);
  expect(report.metrics['bienChe.duocGiao']).toBe(54);
  expect(report.metrics['bienChe.coMat']).toBe(50);
  expect(report.metrics['bienChe.thieu']).toBe(4);
  expect(report.data.unit).toBe('Sở Y tế tỉnh Kon Tum');
  expect(report.data.tables.BienChe?.rows.map((r) => r.values.thieu)).toEqual([2, 1, 1]);
});

test('an empty workbook is checked without throwing and says what is missing', () => {
  const report = checkWorkbook({ sheets: [], tables: [], names: [] });
  // Absent is not wrong: the required tables and the unit are warned about; the one error is that
  // there is no figure at all, so an empty workbook never passes.
  expect(report.issues.filter((x) => x.severity === 'error').map((x) => x.code)).toEqual(['no_data']);
  expect(report.issues.filter((x) => x.code === 'missing_table' && x.severity === 'warning').map((x) => x.table)).toEqual(['KetQuaGiaiQuyet', 'BienChe']);
  expect(report.issues.some((x) => x.code === 'missing_name' && x.severity === 'warning')).toBe(true);
  expect(report.issues.some((x) => x.code === 'missing_period' && x.severity === 'warning')).toBe(true);
  expect(report.period).toBeUndefined();
});
