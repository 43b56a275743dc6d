/**
 * Every code of the catalogue (src/core/catalogue/) is produced by a real input here: a small
 * workbook built with test/helpers/model.ts, a few sentences of a report, a file's bytes or a path.
 * Each family's cases are keyed by code and typed against the family's codes, so a code added to
 * the catalogue without a case here does not compile, and the test below fails on a case without
 * a code. Where the case says where the finding points, that place is read off the input as built
 * (tables start at A3, data rows at row 4; "Thông tin" holds its values in column B, from row 2 in
 * the order of INFO_NAMES), not taken from the checker's output.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DOCUMENT_FINDINGS } from '../../src/core/catalogue/document';
import { REFUSALS, type RefusalCode, type WorkbookRefusalCode } from '../../src/core/catalogue/refusals';
import type { CatalogueEntry } from '../../src/core/catalogue/entry';
import { WORKBOOK_FINDINGS } from '../../src/core/catalogue/workbook';
import { checkWorkbook, type CheckOptions } from '../../src/core/check';
import { checkSurveys } from '../../src/core/checks/surveys';
import { tableSpec } from '../../src/core/tables';
import type { Draft, Finding, FindingCode } from '../../src/core/findings';
import { mergeUnits, type MergeOptions } from '../../src/core/merge/merge';
import { toUnitReport, type UnitReport } from '../../src/core/merge/units';
import { withMessage } from '../../src/core/messages';
import { colToLetters, type WorkbookModel } from '../../src/core/model';
import { checkDocument } from '../../src/core/prose';
import type { DocCode, DocParagraph } from '../../src/core/prose/types';
import type { CheckReport } from '../../src/core/report';
import { FORM_VERSIONS } from '../../src/core/surveys/forms';
import { ioRefusal, readBoundedSync } from '../../src/cli/input';
import { isUnreadableWorkbookError } from '../../src/xlsx/errors';
import { LIMITS, streamPackage } from '../../src/xlsx/package';
import { DOCX_LIMITS } from '../../src/docx/package';
import { readDocxParagraphs, UnreadableDocumentError } from '../../src/docx/text';
import { deepDocx, oneParagraphDocx } from '../helpers/hostile/readers';
import { readWorkbook } from '../../src/xlsx/read';
import { buildModel, date, f, infoFor, type In, type ModelInput, type TableInput } from '../helpers/model';
import { eof, number, ods, rec, u16, xls } from '../helpers/hostile-sheets';
import { cliRunner } from '../helpers/cli';
import { generateForms, SHAPES, uploadHeader, uploadSheet, type GeneratedForm } from '../helpers/surveys';

// ------------------------------------------------------------------ workbook findings

const KON_TUM_Q3 = infoFor('Quý III', 2022, '2022-06-15', '2022-09-14');
const Q1_2023 = infoFor('Quý I', 2023, '2022-12-15', '2023-03-14');

// A Biểu 06 row that holds: 120 = 40 + 70 + 10 received, 100 = 60 + 38 + 2 resolved, 20 = 19 + 1 pending, 120 = 100 + 20.
const kqRow = (label: string, tuKyTruoc = 10, dangGiaiQuyet = 20): In[] => [label, 100 + dangGiaiQuyet, 40, 70 - (tuKyTruoc - 10) + (dangGiaiQuyet - 20), tuKyTruoc, 100, 60, 38, 2, dangGiaiQuyet, dangGiaiQuyet - 1, 1, null];
const kq = (rows: In[][], extra: Partial<TableInput> = {}): TableInput => ({ name: 'KetQuaGiaiQuyet', rows, ...extra });
// Staff: 30 assigned, 28 present, thiếu 2, dư 0.
const staff = (over: Partial<Record<number, In>> = {}): In[] => Object.assign(['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 30, 28, 2, 0], over);
const bc = (rows: In[][], extra: Partial<TableInput> = {}): TableInput => ({ name: 'BienChe', rows, ...extra });

const run = (input: ModelInput | WorkbookModel, options: CheckOptions = {}): Finding[] => checkWorkbook('sheets' in input ? input : buildModel(input), options).issues;
const withSheet = (input: ModelInput, sheet: WorkbookModel['sheets'][number]) => {
  const model = buildModel(input);
  model.sheets.push(sheet);
  return model;
};

// Merge: units made from small workbooks, as `cchc merge` makes them from files.
// Each unit its own lĩnh vực, so that no two units have the same figures unless a case says so.
const unit = (name: string, info = KON_TUM_Q3, rows: In[][] = [kqRow(`Lĩnh vực ${name}`)], hash = `h-${name}`): UnitReport =>
  toUnitReport(checkWorkbook(buildModel({ info: { ...info, DonViBaoCao: name }, tables: [kq(rows)] })), `${name}.xlsx`, hash);
const merged = (units: UnitReport[], options: MergeOptions = {}) => mergeUnits(units, options).findings;
// A unit's line in the previous consolidated workbook that agrees with kqRow: 110 received (40 + 70)
// and 10 pending, the 10 the unit now carries over.
const prevOf = (u: UnitReport, over: Partial<{ fileHash: string | null; figuresHash: string | null; received: number; pending: number }> = {}) => ({
  unit: u.unit,
  fileHash: 'h-old',
  figuresHash: 'f-old',
  received: 110,
  pending: 10,
  ...over,
});

interface WorkbookCase {
  /** The findings of a real run. */
  run: () => Finding[];
  /** "cell" or "sheet!cell", where the finding must point. */
  at?: string;
}

const upload = (forms: GeneratedForm[], name = 'Phiếu nội trú', shape = SHAPES['qd56-noi-tru']) => uploadSheet(name, shape, forms);
const forms56 = (n: number, seed = 3) => generateForms(SHAPES['qd56-noi-tru'], n, seed);

const WORKBOOK_CASES = {
  missing_table: { run: () => run({ info: KON_TUM_Q3 }), at: 'Thông tin!A1' },
  // Được giao, Thiếu, Dư without Có mặt.
  missing_column: { run: () => run({ info: KON_TUM_Q3, tables: [bc([['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 30, 2, 0]], { headers: ['Đơn vị', 'Loại', 'Tuyến', 'Được giao', 'Thiếu', 'Dư'] })] }), at: 'Biên chế!A3' },
  // No unit anywhere: no name, no label (a "Đơn vị" header would be read as one), no title line.
  missing_name: {
    run: () => {
      const { DonViBaoCao: _unit, ...info } = KON_TUM_Q3;
      return run({ info, tables: [kq([kqRow('Dược phẩm')])] });
    },
    at: 'Thông tin!A1',
  },
  missing_period: { run: () => run({ info: { PhienBanMau: 'cchc-workbook/1', DonViBaoCao: 'Sở Y tế tỉnh Kon Tum' }, tables: [bc([staff()])] }), at: 'Thông tin!A1' },
  // The results table with its header only: recognised, and empty.
  no_data: { run: () => run({ info: KON_TUM_Q3, tables: [kq([])] }), at: `${tableSpec('KetQuaGiaiQuyet').sheet}!A1` },
  sheet_skipped: {
    run: () => {
      const model = buildModel({ info: KON_TUM_Q3, tables: [bc([staff()])] });
      model.sheets.find((s) => s.name === 'Biên chế')!.hidden = 'hidden';
      return run(model);
    },
    at: 'Thông tin!A1',
  },
  // A visible sheet of figures that is no table of the contract.
  sheet_not_read: { run: () => run(withSheet({ info: KON_TUM_Q3, tables: [bc([staff()])] }, { name: 'Nháp', rows: [[{ v: 12 }, { v: 34 }], [{ v: 56 }, { v: 78 }], [{ v: 90 }, { v: 11 }]] })), at: 'Nháp!A1' },
  unknown_contract: { run: () => run({ info: { ...KON_TUM_Q3, PhienBanMau: 'cchc-workbook/9' }, tables: [bc([staff()])] }), at: 'Thông tin!B2' },
  table_found_by_headers: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff()], { asTable: false })] }), at: 'Biên chế!A3' },
  text_converted: {
    run: () => {
      const model = buildModel({ info: KON_TUM_Q3, tables: [bc([staff()])] });
      model.conversions = [{ sheet: 'Biên chế', encoding: 'tcvn3', cells: 3 }];
      return run(model);
    },
    at: 'Biên chế!A1',
  },
  formula_not_computed: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 5: { f: 'MAX(0,D4-E4)', v: null, uncomputed: true } })])] }), at: 'Biên chế!F4' },
  // Total row 6 sums B4:B4 only, leaving out row 5.
  total_formula_range: { run: () => run({ info: KON_TUM_Q3, tables: [kq([kqRow('Dược phẩm'), kqRow('Y tế')], { total: ['Tổng cộng', f('SUM(B4:B4)', 120), 80, 140, 20, 200, 120, 76, 4, 40, 38, 2, null] })] }), at: 'TTHC!B6' },
  not_a_number: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 3: 'ba mươi' })])] }), at: 'Biên chế!D4' },
  negative_count: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 4: -28 })])] }), at: 'Biên chế!E4' },
  fractional_count: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 4: 27.5 })])] }), at: 'Biên chế!E4' },
  error_value: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 3: { v: null, e: '#REF!' } })])] }), at: 'Biên chế!D4' },
  // The unit's name left blank in a row with figures.
  missing_value: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff(), staff({ 0: null })])] }), at: 'Biên chế!A5' },
  text_number: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 3: '1.030', 4: 1028, 5: 2 })])] }), at: 'Biên chế!D4' },
  rate_out_of_range: { run: () => run({ info: KON_TUM_Q3, tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh nội trú', 100, 120, 90, 95, 85]] }] }), at: 'Hài lòng!C4' },
  value_out_of_bounds: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 3: 1e308 })])] }), at: 'Biên chế!D4' },
  invalid_option: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 1: 'Tình nguyện viên' })])] }), at: 'Biên chế!B4' },
  duplicate_row: { run: () => run({ info: KON_TUM_Q3, tables: [kq([kqRow('Dược phẩm'), kqRow('Dược phẩm')])] }), at: 'TTHC!A5' },
  // The same indicator with 12/30 and 10/30: the second row's Thực hiện differs.
  conflicting_values: { run: () => run({ info: KON_TUM_Q3, tables: [{ name: 'ChiTieuKhac', rows: [['Nhiệm vụ CCHC hoàn thành', 12, 30, 40], ['Nhiệm vụ CCHC hoàn thành', 10, 30, null]] }] }), at: 'Biên chế!B5' },
  // A local variant's "Số hóa hồ sơ" after the thirteen columns of the form (column N): 130 of 120 received (SH1).
  part_exceeds_total: {
    run: () => run({ info: KON_TUM_Q3, tables: [kq([[...kqRow('Dược phẩm'), 130]], { headers: [...tableSpec('KetQuaGiaiQuyet').columns.map((c) => c.header), 'Số hóa hồ sơ'] })] }),
    at: 'TTHC!N4',
  },
  level_not_in_regime: { run: () => run({ info: infoFor('Quý IV', 2025, '2025-09-15', '2025-12-14'), tables: [{ name: 'DanhMucTTHC', rows: [['An toàn thực phẩm', 20, 17, 3, 0, 20, 12, 20]] }] }), at: 'TTHC!D4' },
  // Có mặt 61 + 2.128 + 2.681 = 4.870, the total row (row 7) says 4.876.
  sum_mismatch: {
    run: () =>
      run({
        info: KON_TUM_Q3,
        tables: [bc([['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 64, 61, 3, 0], ['Đơn vị sự nghiệp', 'Viên chức', 'Tỉnh', 2244, 2128, 116, 0], ['Trung tâm y tế', 'Viên chức', 'Tỉnh', 3174, 2681, 493, 0]], { total: ['Tổng cộng', null, null, 5482, 4876, 612, 0] })],
      }),
    at: 'Biên chế!E7',
  },
  // Thiếu = max(0, 30 − 28) = 2, typed 3.
  derived_mismatch: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff({ 5: 3 })])] }), at: 'Biên chế!F4' },
  // 23/27 = 85,19 %, typed 88,46.
  rate_mismatch: { run: () => run({ info: KON_TUM_Q3, tables: [{ name: 'ChiTieuKhac', rows: [['Chuyển đổi vị trí công tác', 23, 27, '88,46']] }] }), at: 'Biên chế!D4' },
  // Previous period ended with 20 pending, this period carries 15 over.
  carry_over_mismatch: {
    run: () => run({ info: KON_TUM_Q3, tables: [kq([kqRow('Dược phẩm', 15)])] }, { previous: buildModel({ info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'), tables: [kq([kqRow('Dược phẩm', 10, 20)])] }) }),
    at: 'TTHC!E4',
  },
  carry_over_skipped: { run: () => run({ info: KON_TUM_Q3, tables: [kq([kqRow('Dược phẩm')])] }, { previous: buildModel({ info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'), tables: [bc([staff()])] }) }) },
  previous_mismatch: { run: () => run({ info: KON_TUM_Q3, tables: [bc([staff()])] }, { previous: buildModel({ info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14', 'Sở Y tế tỉnh Gia Lai'), tables: [bc([staff()])] }) }) },
  // 12 HTXSNV above floor(40 × 20 %) = 8 (NĐ 335/2025, năm 2026).
  cap_exceeded: { run: () => run({ info: infoFor('Năm', 2026, '2025-12-15', '2026-12-14'), tables: [{ name: 'XepLoai', rows: [['Công chức', 54, 12, 40, 2, 0, 0]] }] }), at: 'Biên chế!C4' },
  tuyen_not_in_regime: { run: () => run({ info: infoFor('Quý IV', 2026, '2026-09-15', '2026-12-14'), tables: [bc([['Trung tâm y tế', 'Viên chức', 'Huyện', 100, 100, 0, 0]])] }), at: 'Biên chế!C4' },
  // Toàn diện 95 above hài lòng chung 92,03.
  satisfaction_inconsistent: { run: () => run({ info: KON_TUM_Q3, tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh nội trú', 2771, 92.03, 90.5, 95.2, 95]] }] }), at: 'Hài lòng!F4' },
  // One form; the summary row says 3 forms.
  survey_summary_mismatch: { run: () => run(withSheet({ info: Q1_2023, tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh nội trú', 3, null, null, null, null]] }] }, upload(forms56(1)))), at: 'Hài lòng!B4' },
  survey_sheet_read: { run: () => run(withSheet({ info: Q1_2023 }, upload(forms56(3)))), at: 'Phiếu nội trú!A1' },
  // Only A1, A2 and B1 of the form's Likert items have a column.
  survey_items_missing: {
    run: () => run(withSheet({ info: Q1_2023 }, { name: 'Phiếu nội trú', rows: [['MA_SO_PHIEU', 'A1', 'A2', 'B1', 'E7', 'G1', 'G2'], ['1', 5, 4, 4, 1, 90, 5]].map((r) => r.map((v) => ({ v }))) })),
    at: 'Phiếu nội trú!A1',
  },
  // "A9" is no item of QĐ 56 nội trú (A has five), in column F.
  survey_items_unknown: {
    run: () => run(withSheet({ info: Q1_2023 }, { name: 'Phiếu nội trú', rows: [['MA_SO_PHIEU', 'A1', 'A2', 'B1', 'E7', 'A9', 'G1', 'G2'], ['1', 5, 4, 4, 1, 3, 90, 5]].map((r) => r.map((v) => ({ v }))) })),
    at: 'Phiếu nội trú!F1',
  },
  // The first form answers A1 with 9, row 2.
  survey_answer_out_of_scale: {
    run: () => {
      const forms = forms56(2);
      forms[0] = { ...forms[0]!, answers: { ...forms[0]!.answers, A1: 9 } };
      return run(withSheet({ info: Q1_2023 }, upload(forms)));
    },
    at: `Phiếu nội trú!${colToLetters(uploadHeader(SHAPES['qd56-noi-tru']).indexOf('A1'))}2`,
  },
  // A form version whose blank policy is "flagged", and a form that answers A1–A4 only.
  survey_answer_blank: {
    run: () => {
      const flagged = FORM_VERSIONS.map((v) => (v.id === 'qd56-noi-tru' ? { ...v, blanks: 'flagged' as const } : v));
      const drafts: Draft[] = [];
      const sheet = upload([{ id: '1', date: '2023-01-10', answers: { A1: 5, A2: 5, A3: 4, A4: 4 } }]);
      checkSurveys({ sheets: [sheet], tables: [], names: [] }, null, { period: null, method: 'QĐ 56/QĐ-BYT (2024)', versions: flagged }, (d) => drafts.push(d));
      return drafts.map(withMessage);
    },
    at: `Phiếu nội trú!${colToLetters(uploadHeader(SHAPES['qd56-noi-tru']).indexOf('A5'))}2`,
  },
  // The third form, row 4, has an id and a date and no answer.
  survey_form_empty: { run: () => run(withSheet({ info: Q1_2023 }, upload([...forms56(2), { id: 'P99', date: '2023-02-01', answers: {} }]))), at: 'Phiếu nội trú!A4' },
  // The third form repeats the first one's id.
  survey_duplicate_form: {
    run: () => {
      const forms = forms56(3);
      forms[2] = { ...forms[2]!, id: forms[0]!.id };
      return run(withSheet({ info: Q1_2023 }, upload(forms)));
    },
    at: 'Phiếu nội trú!A4',
  },
  // Dated 02/4/2023, after 14/3/2023, in row 2's date column (B).
  survey_form_outside_window: { run: () => run(withSheet({ info: Q1_2023 }, upload([{ ...forms56(1)[0]!, date: '2023-04-02' }]))), at: 'Phiếu nội trú!B2' },
  survey_summary_row_missing: { run: () => run(withSheet({ info: Q1_2023, tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh ngoại trú', 10, 90, 80, 70, 60]] }] }, upload(forms56(3)))) },
  // 210 forms answering C3 with 9: 200 marked, then one finding for the 10 more.
  survey_findings_capped: { run: () => run(withSheet({ info: Q1_2023 }, upload(forms56(210, 4).map((x) => ({ ...x, answers: { ...x.answers, C3: 9 } }))))), at: 'Phiếu nội trú!A1' },
  invalid_period_kind: { run: () => run({ info: { ...KON_TUM_Q3, KyBaoCao: 'Quý V' }, tables: [bc([staff()])] }), at: 'Thông tin!B5' },
  invalid_year: { run: () => run({ info: { ...KON_TUM_Q3, NamBaoCao: 'năm nay' }, tables: [bc([staff()])] }), at: 'Thông tin!B6' },
  invalid_date: { run: () => run({ info: { ...KON_TUM_Q3, TuNgay: 'đầu quý' }, tables: [bc([staff()])] }), at: 'Thông tin!B7' },
  // 15/6/2022 → 14/6/2022.
  window_reversed: { run: () => run({ info: { ...KON_TUM_Q3, DenNgay: date('2022-06-14') }, tables: [bc([staff()])] }), at: 'Thông tin!B8' },
  // Quý III/2022 from 01/7/2022 to 14/9/2022: the start is neither 15/6 (NĐ 09) nor 01/7 with 30/9.
  window_differs: { run: () => run({ info: { ...KON_TUM_Q3, TuNgay: date('2022-07-05') }, tables: [bc([staff()])] }), at: 'Thông tin!B7' },
  // Two units of Quý III/2022, one of Quý II: the third (row 4 of Nguồn) is left out.
  merge_period_differs: { run: () => merged([unit('A'), unit('B'), unit('C', infoFor('Quý II', 2022, '2022-03-15', '2022-06-14'))]), at: 'Nguồn!C4' },
  merge_duplicate_unit: { run: () => merged([unit('A'), unit('A', KON_TUM_Q3, [kqRow('Y tế')], 'h-A2')]), at: 'Nguồn!C3' },
  merge_stale_file: { run: () => merged([unit('A')], { previous: [prevOf(unit('A'), { fileHash: 'h-A' })] }), at: 'Nguồn!C2' },
  merge_consolidated_input: {
    run: () => {
      const model = buildModel({ info: KON_TUM_Q3, tables: [kq([kqRow('Dược phẩm')])] });
      const header = ['STT', 'Tệp', 'Đơn vị'].map((v) => ({ v }));
      model.sheets.push({ name: 'Nguồn', rows: [header, [{ v: 1 }, { v: 'a.xlsx' }, { v: 'Bệnh viện A' }]] }, { name: 'Truy vết', rows: [[{ v: 'Bảng' }]] });
      return merged([toUnitReport(checkWorkbook(model), 'tong-hop.xlsx', 'h-t', model), unit('B')]);
    },
    at: 'Nguồn!C2',
  },
  merge_unit_missing: { run: () => merged([unit('A')], { previous: [prevOf(unit('A'), { pending: 10 }), { unit: 'B', fileHash: null, figuresHash: null, received: 5, pending: 0 }] }), at: 'Nguồn!C3' },
  merge_unit_new: { run: () => merged([unit('A'), unit('B')], { previous: [prevOf(unit('A'))] }), at: 'Nguồn!C3' },
  // A carries 10 over; the previous period left it 25 pending.
  merge_carry_over: { run: () => merged([unit('A')], { previous: [prevOf(unit('A'), { pending: 25 })] }), at: 'Nguồn!C2' },
  // A received 110; 50 the period before: +120 %.
  merge_large_change: { run: () => merged([unit('A')], { previous: [prevOf(unit('A'), { received: 50 })] }), at: 'Nguồn!C2' },
  merge_file_unreadable: { run: () => merged([unit('A')], { unreadable: [{ file: 'hong.xlsx', reason: 'Tệp rỗng (0 byte).' }] }) },
  merge_previous_unusable: { run: () => merged([unit('A')], { previous: null, previousFile: 'tong-hop-quy-2.xlsx' }), at: 'Nguồn!A1' },
} satisfies Record<FindingCode, WorkbookCase>;

describe('every workbook finding code comes from a real workbook', () => {
  test('the cases are exactly the catalogue\'s codes', () => {
    expect(Object.keys(WORKBOOK_CASES).sort()).toEqual(Object.keys(WORKBOOK_FINDINGS).sort());
  });
  test.each(Object.entries(WORKBOOK_CASES) as [FindingCode, WorkbookCase][])('%s', (code, c) => {
    const found = c.run().filter((x) => x.code === code);
    expect(found.length).toBeGreaterThan(0);
    if (c.at) expect(found.map((x) => (c.at!.includes('!') ? `${x.sheet}!${x.cell}` : x.cell))).toContain(c.at);
    // The message is the catalogue's, in Vietnamese, and says something.
    for (const x of found) expect(x.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
  });
});

/**
 * Codes whose message words its "Cách sửa" with the finding's own figures and cells ("ghi 4.870
 * vào ô E7"); their catalogue `fix` sums those up for docs/findings.md.
 */
const FIX_WITH_FIGURES: ReadonlySet<FindingCode> = new Set(['sum_mismatch', 'derived_mismatch', 'rate_mismatch']);

describe('every error and warning tells the officer how to fix it', () => {
  const serious = (Object.entries(WORKBOOK_FINDINGS) as [FindingCode, CatalogueEntry<never>][]).filter(([, e]) => e.severity !== 'info');
  test.each(serious)('%s', (code, entry) => {
    expect(entry.fix).toEqual(expect.stringMatching(/^[a-zà-ỹđ"]/u));
    const found = WORKBOOK_CASES[code].run().filter((x) => x.code === code && x.severity !== 'info');
    expect(found.length).toBeGreaterThan(0);
    for (const x of found) {
      expect(x.message).toContain(FIX_WITH_FIGURES.has(code) ? ' Cách sửa: ' : ` Cách sửa: ${entry.fix!}`);
      // Said once, last: the message ends with its "Cách sửa".
      expect(x.message.split('Cách sửa: ')).toHaveLength(2);
      expect(x.message).toMatch(/\.$/);
    }
  });
});

// ------------------------------------------------------------------ document findings

const TITLE: DocParagraph[] = [
  { text: 'BÁO CÁO', kind: 'paragraph' },
  { text: 'Kết quả cải cách hành chính quý I năm 2023', kind: 'paragraph' },
];
const docOf = (...texts: string[]): DocParagraph[] => [...TITLE, ...texts.map((text) => ({ text, kind: 'paragraph' as const }))];
const wb = (metrics: Record<string, number>, period?: { kind: string; year: number }) => ({ metrics, data: { unit: null, recipient: null, tables: {} }, ...(period ? { period } : {}) }) as unknown as CheckReport;
const TTHC_TEXT = 'Sở Y tế tiếp nhận 297 hồ sơ (trong đó trực tuyến 85 hồ sơ, trực tiếp và qua dịch vụ bưu chính công ích 198 hồ sơ, từ kỳ trước chuyển sang 14 hồ sơ).';

const DOCUMENT_CASES = {
  // 45/60 = 75 %.
  percent_mismatch: () => checkDocument(docOf('Giải quyết trực tuyến 45/60 hồ sơ = 80% số hồ sơ.')),
  // No whole count over 27 gives 88,46 % (23/27 = 85,19 %, 24/27 = 88,89 %).
  percent_impossible: () => checkDocument(docOf('Tổng số hồ sơ đến hạn là 27 trường hợp; đã giải quyết đúng hạn 23 trường hợp, đạt tỷ lệ 88,46%.')),
  // 1.120/1.200 = 93,33 %, not above 94 %.
  hedge_contradicted: () => checkDocument(docOf('Có 1.120/1.200 văn bản ký số, đạt trên 94%.')),
  // 157 + 3 + 3 = 163 > 162.
  parts_exceed_total: () => checkDocument(docOf('Tổng số 162 TTHC, trong đó cấp tỉnh 157, cấp huyện 03, cấp xã 03.')),
  // 157 + 9 + 2 = 168 ≠ 169.
  parts_sum_mismatch: () => checkDocument(docOf('Tổng số TTHC là 169 TTHC, cụ thể: cấp tỉnh: 157 TTHC; cấp huyện: 09 TTHC; cấp xã: 02 TTHC.')),
  // 45,2 + 50,1 + 5,7 = 101 %: early, on time and late split the files resolved.
  shares_sum_mismatch: () => checkDocument(docOf('Trong số hồ sơ đã giải quyết, trước hạn chiếm 45,2%, đúng hạn chiếm 50,1%, quá hạn chiếm 5,7%.')),
  // The report is of quý I năm 2023: the same period of 2023 is not yet a period to compare with.
  comparison_not_past: () => checkDocument(docOf('So với cùng kỳ năm 2023, số hồ sơ tiếp nhận tăng 12%.')),
  // From 40,14 to 40,87 is a rise of 0,73, not 0,37.
  change_mismatch: () => checkDocument(docOf('Chỉ số tổng hợp của tỉnh tăng 0,37 điểm, từ 40,14 lên 40,87 điểm.')),
  window_backwards: () => checkDocument(docOf('Từ 15/12/2022 đến 14/03/2022 Sở tiếp nhận 12 hồ sơ.')),
  // Quý I/2023 is 15/12/2022 – 14/3/2023 (NĐ 09) or 01/01 – 31/3/2023.
  window_not_period: () => checkDocument(docOf('Từ ngày 15/12/2022 đến ngày 14/02/2023, Sở tiếp nhận 12 hồ sơ.')),
  date_after_report: () => checkDocument([{ text: 'Bắc Ninh, ngày 14 tháng 3 năm 2022', kind: 'paragraph' }, { text: 'Ngày 13/9/2022 Sở Y tế ban hành kế hoạch 3050/KH-SYT.', kind: 'paragraph' }]),
  repeated_mismatch: () => checkDocument(docOf('Tổng số TTHC tính đến ngày 14/3/2023 là 162 TTHC.', 'Tổng số TTHC của ngành Y tế là 169 TTHC.')),
  // The workbook says 86 online.
  workbook_mismatch: () => checkDocument(docOf(TTHC_TEXT), { workbook: wb({ 'tthc.tongSo': 297, 'tthc.trucTuyen': 86, 'tthc.trucTiepBuuChinh': 198, 'tthc.tuKyTruoc': 14 }) }),
  // The report is of Quý I/2023, the workbook of Quý II/2023.
  workbook_other_report: () => checkDocument(docOf(TTHC_TEXT), { workbook: wb({ 'tthc.tongSo': 297 }, { kind: 'Quý II', year: 2023 }) }),
  // 32 + 21 = 53 received; the total row says 55.
  table_total_mismatch: () =>
    checkDocument(
      docOf('Kết quả:').concat(
        [
          ['Lĩnh vực', 'Tiếp nhận', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn'],
          ['Dược phẩm', '32', '30', '10', '18', '2', '93,33%'],
          ['Mỹ phẩm', '21', '20', '5', '15', '0', '100%'],
          ['Tổng cộng', '55', '50', '15', '33', '2', '96,00%'],
        ].flatMap((cells, r) => cells.map((text, c) => ({ text, kind: 'cell' as const, cell: { table: 0, row: r, col: c } }))),
      ),
    ),
  // 297 is the previous period's figure; this period's workbook says 310.
  stale_figure: () => checkDocument(docOf(TTHC_TEXT), { workbook: wb({ 'tthc.tongSo': 310, 'tthc.trucTuyen': 85, 'tthc.trucTiepBuuChinh': 198, 'tthc.tuKyTruoc': 14 }), previous: wb({ 'tthc.tongSo': 297 }) }),
  english_decimal: () => checkDocument(docOf('Tỷ lệ hài lòng chung đạt 92.03%.')),
  cited_date_mismatch: () => checkDocument(docOf('Thực hiện Kế hoạch số 152/KH-SYT ngày 10/01/2023 của Sở Y tế.', 'Theo Kế hoạch số 152/KH-SYT ngày 12/01/2023, các đơn vị báo cáo hằng tháng.')),
} satisfies Record<DocCode, () => ReturnType<typeof checkDocument>>;

describe('every document finding code comes from real sentences', () => {
  test('the cases are exactly the catalogue\'s codes', () => {
    expect(Object.keys(DOCUMENT_CASES).sort()).toEqual(Object.keys(DOCUMENT_FINDINGS).sort());
  });
  test.each(Object.entries(DOCUMENT_CASES) as [DocCode, () => ReturnType<typeof checkDocument>][])('%s', (code, make) => {
    expect(make().issues.map((i) => i.code)).toContain(code);
  });
});

// ------------------------------------------------------------------ file refusals

const dir = mkdtempSync(join(tmpdir(), 'cchc-refusals-'));
const utf16 = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const text = (s: string) => new TextEncoder().encode(s);

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, body] of Object.entries(files)) z.file(name, body);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WB = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetXml = (body: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
const xlsx = (sheet: string, more: Record<string, string> = {}) => zipOf({ '[Content_Types].xml': CT, 'xl/workbook.xml': WB, 'xl/_rels/workbook.xml.rels': RELS, 'xl/worksheets/sheet1.xml': sheet, ...more });
/** Cells A1…A{n} of one column. */
const cells = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
const odsContent = (tables: string) =>
  `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
const odsTable = (name: string) => `<table:table table:name="${name}"><table:table-row><table:table-cell><text:p>1</text:p></table:table-cell></table:table-row></table:table>`;
/** An .ods package of `n` entries besides the ones a spreadsheet needs. */
async function odsWithEntries(n: number): Promise<Uint8Array> {
  const z = new JSZip();
  z.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  z.file('content.xml', odsContent(odsTable('S')));
  for (let i = 0; i < n; i++) z.file(`x/${i}.xml`, '<x/>');
  return z.generateAsync({ type: 'uint8array' });
}
/** An OLE2 compound file holding one stream of the given name (cfb writes the container). */
async function ole(stream: string, content: Uint8Array): Promise<Uint8Array> {
  const CFB = (await import('cfb')).default;
  const c = CFB.utils.cfb_new();
  CFB.utils.cfb_add(c, stream, content);
  return CFB.write(c, { type: 'buffer' }) as Uint8Array;
}
const html = (cells: number) => text(`<!DOCTYPE html><html><body><table>${Array.from({ length: cells }, (_, i) => `<tr><td>${i}</td></tr>`).join('')}</table></body></html>`);
/** The code a reader refuses `bytes` with (`read` the whole reader by default). */
async function refusalOf(bytes: Uint8Array | Promise<Uint8Array>, read: (b: Uint8Array) => Promise<unknown> = (b) => readWorkbook(b)): Promise<string> {
  try {
    await read(await bytes);
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return e.code;
    throw e;
  }
  return 'read';
}
/** Lowers one limit for one case: the refusal is the same code at any limit, and small inputs reach a small limit. */
async function withLimit<T>(key: keyof typeof LIMITS, value: number, f: () => Promise<T>): Promise<T> {
  const before = LIMITS[key];
  LIMITS[key] = value;
  try {
    return await f();
  } finally {
    LIMITS[key] = before;
  }
}
/** The code `cchc doc`'s reader refuses a .docx with, `limit` of DOCX_LIMITS lowered to `value` meanwhile. */
async function docRefusalOf(bytes: Promise<Uint8Array>, limit?: [keyof typeof DOCX_LIMITS, number]): Promise<string> {
  const before = limit ? DOCX_LIMITS[limit[0]] : 0;
  if (limit) DOCX_LIMITS[limit[0]] = limit[1];
  try {
    await readDocxParagraphs(await bytes);
  } catch (e) {
    if (e instanceof UnreadableDocumentError && e.code) return e.code;
    throw e;
  } finally {
    if (limit) DOCX_LIMITS[limit[0]] = before;
  }
  return 'read';
}
/** The code of the refusal of a path the command line cannot read. */
function ioCodeOf(path: string): string {
  try {
    readBoundedSync(path);
  } catch (e) {
    return isUnreadableWorkbookError(e) ? e.code : ioRefusal(e);
  }
  return 'read';
}

const cli = cliRunner();

const REFUSAL_CASES = {
  empty: () => refusalOf(new Uint8Array(0)),
  too_large: () => withLimit('maxFileBytes', 100, () => refusalOf(xlsx(sheetXml(cells(50))))),
  export_too_large: () => withLimit('maxFileBytes', 100, () => refusalOf(html(20))),
  encrypted: () => refusalOf(new Uint8Array([...OLE, ...new Array(600).fill(0), ...utf16('EncryptionInfo'), 0, 0, ...utf16('EncryptedPackage'), ...new Array(600).fill(0)])),
  // The .xlsx reader itself, given an Excel 97-2003 file.
  legacy_xls: () => refusalOf(ole('Workbook', xls([[number(0, 0, 1)]])), (b) => streamPackage(b, () => undefined)),
  // Bytes of no format the readers know (a binary file: control characters, so no CSV either).
  not_zip: () => refusalOf(new Uint8Array([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08])),
  corrupt_zip: () => refusalOf(xlsx(sheetXml(cells(200))).then((b) => b.slice(0, b.length - 60))),
  not_xlsx: () => refusalOf(zipOf({ '[Content_Types].xml': CT, 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' })),
  part_not_xml: () => refusalOf(xlsx(sheetXml(cells(3)), { 'xl/workbook.xml': '<workbook><sheets><sheet name="x"' })),
  too_many_parts: () => withLimit('maxParts', 5, () => refusalOf(xlsx(sheetXml(cells(1)), { 'xl/a.xml': '<a/>', 'xl/b.xml': '<b/>' }))),
  too_many_sheets: () => withLimit('maxSheets', 0, () => refusalOf(xlsx(sheetXml(cells(1))))),
  xml_too_large: () => withLimit('maxUncompressedBytes', 1000, () => refusalOf(xlsx(sheetXml(cells(200))))),
  too_many_cells: () => withLimit('maxCells', 10, () => refusalOf(xlsx(sheetXml(cells(20))))),
  too_many_rows: () => withLimit('maxRows', 10, () => refusalOf(xlsx(sheetXml(cells(20))))),
  too_many_elements: () => withLimit('maxElements', 10, () => refusalOf(xlsx(sheetXml(cells(20))))),
  xml_too_deep: () => refusalOf(xlsx(sheetXml(`${'<x>'.repeat(150)}${'</x>'.repeat(150)}`))),
  xls_corrupt: () => refusalOf(new Uint8Array([...OLE, ...utf16('Workbook'), ...new Array(1000).fill(0)])),
  xls_excel95: async () => refusalOf(ole('Book', new Uint8Array(rec(0x0809, [...u16(0x0500), ...u16(5), 0, 0, 0, 0])))),
  // A "Workbook" stream whose first BOF is BIFF5 (0x0500).
  xls_older: async () => refusalOf(ole('Workbook', new Uint8Array([...rec(0x0809, [...u16(0x0500), ...u16(5), ...u16(0), ...u16(1993), 0, 0, 0, 0, 0, 0, 0, 0]), ...eof()]))),
  ole_not_excel: () => refusalOf(ole('WordDocument', new Uint8Array(512))),
  ods_corrupt: () => refusalOf(ods('<office:document-content')),
  ods_too_many_parts: () => withLimit('maxParts', 5, () => refusalOf(odsWithEntries(10))),
  ods_too_many_sheets: () => withLimit('maxSheets', 1, () => refusalOf(ods(odsTable('A') + odsTable('B')))),
  page_too_many_cells: () => withLimit('maxPageCells', 5, () => refusalOf(html(10))),
  html_no_table: () => refusalOf(text('<!DOCTYPE html><html><head><title>Báo cáo</title></head><body></body></html>')),
  // html, body and 150 <div>s open at once: past the depth limit of 100.
  html_too_deep: () => refusalOf(text(`<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>${'<div>'.repeat(150)}x${'</div>'.repeat(150)}</body></html>`)),
  // 20 rows: 20 <tr>, 20 <td>, 20 texts, and more.
  html_too_many_nodes: () => withLimit('maxPageNodes', 50, () => refusalOf(html(20))),
  xml2003_corrupt: () => refusalOf(text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row>')),
  csv_empty: () => refusalOf(text(''), async (b) => (await import('../../src/xlsx/csv')).readCsv(b, 'so-lieu.csv')),
  csv_too_many_cells: () => withLimit('maxCells', 5, () => refusalOf(text('a;b;c\n1;2;3\n4;5;6\n'), async (b) => (await import('../../src/xlsx/csv')).readCsv(b, 'so-lieu.csv'))),
  csv_too_many_rows: () => withLimit('maxRows', 2, () => refusalOf(text('a\n1\n2\n3\n4\n'), async (b) => (await import('../../src/xlsx/csv')).readCsv(b, 'so-lieu.csv'))),
  // A title paragraph and a paragraph of 200 characters: 8 elements.
  doc_too_many_elements: () => docRefusalOf(oneParagraphDocx(200), ['maxXmlElements', 5]),
  // 100 tables nested in one another: 300 levels, past 256.
  doc_too_deep: () => docRefusalOf(deepDocx(100)),
  doc_text_too_long: () => docRefusalOf(oneParagraphDocx(200), ['maxTextChars', 100]),
  // Three entries ([Content_Types].xml, _rels/.rels, word/document.xml) at a limit of two.
  docx_too_many_parts: () => docRefusalOf(oneParagraphDocx(200), ['maxParts', 2]),
  // A paragraph of 200 bytes and more at an unpacked limit of 100 bytes.
  docx_unpacked_too_large: () => docRefusalOf(oneParagraphDocx(200), ['maxUnpackedBytes', 100]),
  // Three units' consolidation at a cell limit of 100: the template alone has more.
  merge_output_too_large: () =>
    withLimit('maxCells', 100, async () => {
      const { buildMergedWorkbook } = await import('../../src/xlsx/merge-workbook');
      return buildMergedWorkbook(mergeUnits([unit('A'), unit('B'), unit('C')])).then(
        () => 'written',
        (e: unknown) => (e as { code?: string }).code ?? String(e),
      );
    }),
  not_regular_file: async () => ioCodeOf('/dev/null'),
  file_not_found: async () => ioCodeOf(join(dir, 'khong-co.xlsx')),
  path_is_folder: async () => ioCodeOf(dir),
  // A file of mode 000. Root reads every file whatever its mode, so under root the file system's
  // own EACCES cannot be had, and the error it would give is handed over instead.
  no_permission: async () => (process.getuid?.() === 0 ? ioRefusal(Object.assign(new Error('EACCES'), { code: 'EACCES' })) : permissionCase()),
  name_too_long: async () => ioCodeOf(join(dir, `${'x'.repeat(300)}.xlsx`)),
  path_not_folder: async () => {
    writeFileSync(join(dir, 'tep'), 'x');
    return ioCodeOf(join(dir, 'tep', 'so-lieu.xlsx'));
  },
  path_loop: async () => {
    symlinkSync(join(dir, 'vong-b'), join(dir, 'vong-a'));
    symlinkSync(join(dir, 'vong-a'), join(dir, 'vong-b'));
    return ioCodeOf(join(dir, 'vong-a'));
  },
  // Any other failure of the file system (a disk error, EIO): no path makes one on demand.
  io_failed: async () => ioRefusal(Object.assign(new Error('EIO'), { code: 'EIO' })),
  // The command line's own words, expected as written in the catalogue's docs (exit 2).
  merge_input_missing: async () => {
    const r = cli('merge', join(dir, 'khong-co-thu-muc'), '--out', join(dir, 'tong-hop.xlsx'));
    return r.code === 2 && r.err.includes(`Không tìm thấy tệp hoặc thư mục: ${join(dir, 'khong-co-thu-muc')}`) ? 'merge_input_missing' : r.err;
  },
  merge_folder_empty: async () => {
    mkdirSync(join(dir, 'trong'));
    const r = cli('merge', join(dir, 'trong'), '--out', join(dir, 'tong-hop.xlsx'));
    return r.code === 2 && r.err.includes(`Thư mục ${join(dir, 'trong')} không có sổ số liệu nào`) ? 'merge_folder_empty' : r.err;
  },
} satisfies Record<RefusalCode, () => Promise<string>>;

function permissionCase(): string {
  const p = join(dir, 'khoa.xlsx');
  writeFileSync(p, 'x', { mode: 0o000 });
  return ioCodeOf(p);
}

describe('every refusal code comes from a real file or path', () => {
  test('the cases are exactly the catalogue\'s codes', () => {
    expect(Object.keys(REFUSAL_CASES).sort()).toEqual(Object.keys(REFUSALS).sort());
  });
  test.each(Object.entries(REFUSAL_CASES) as [RefusalCode, () => Promise<string>][])('%s', async (code, make) => {
    expect(await make()).toBe(code);
  });
  // A reader's refusal keeps the coarse reason callers told refusals apart by.
  test('a reader refusal carries its code and its reason', async () => {
    const e = await readWorkbook(new Uint8Array(0)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'empty' satisfies WorkbookRefusalCode, reason: 'empty', message: 'Tệp rỗng (0 byte): hãy chọn đúng tệp Excel (.xlsx) đã lưu.' });
  });
});
