/**
 * The example of each message in the officers' guide (docs/huong-dan/thong-bao.md): what each
 * message is built from, as a check would give it (mostly a Sở Y tế of Kon Tum reporting Quý I
 * 2023; the findings only later periods can have are of those periods), figures formatted as the
 * checks format them.
 * scripts/guide-messages.ts hands these to the real message functions of the catalogue
 * (`withMessage`, the document checker's `message`, `refusalMessage`), so the guide shows each
 * message exactly as the panes and the command line word it; nothing here is the message's text.
 * Each family is keyed by its codes and typed by what its messages take: a code added to the
 * catalogue without an example here does not compile.
 */
import type { DocCode } from '../src/core/prose/types';
import type { DocArgs } from '../src/core/catalogue/document';
import type { RefusalArgs, RefusalCode } from '../src/core/catalogue/refusals';
import type { Draft, Finding, FindingCode } from '../src/core/findings';
import { MAX_FIGURE } from '../src/core/bounds';
import { DOCX_LIMITS } from '../src/docx/package';
import { LIMITS } from '../src/xlsx/package';

/** A workbook finding of code C as its check drafts it, without its code (the key says it) nor its severity (the default). */
type WorkbookExample<C extends FindingCode> = Omit<Draft<Extract<Finding, { code: C }>>, 'code' | 'severity'>;

const TTHC = { sheet: 'TTHC', table: 'KetQuaGiaiQuyet' } as const;
const BIEN_CHE = { sheet: 'Biên chế', table: 'BienChe' } as const;
const PHIEU = { sheet: 'Phiếu nội trú' } as const;
const VERSION = 'Phiếu v2 (QĐ 56/QĐ-BYT): người bệnh nội trú';
const NGUON = { sheet: 'Nguồn' } as const;

export const WORKBOOK_EXAMPLES: { [C in FindingCode]: WorkbookExample<C> } = {
  missing_table: { sheet: 'Thông tin', cell: 'A1', tableName: 'BienChe', columnsHint: ['Đơn vị', 'Được giao', 'Có mặt', 'Thiếu', 'Dư'] },
  missing_column: { ...BIEN_CHE, cell: 'A3', tableName: 'BienChe', header: 'Có mặt', unchecked: 'chưa kiểm tra được Thiếu = được giao − có mặt' },
  missing_name: { sheet: 'Thông tin', cell: 'A1', name: 'DonViBaoCao', label: 'Đơn vị báo cáo' },
  missing_period: { sheet: 'Thông tin', cell: 'A1' },
  sheet_skipped: { sheet: 'TTHC (Quý IV)', cell: 'A1', skipped: 'TTHC (Quý IV)', why: 'other_period', tables: ['Tình hình, kết quả giải quyết TTHC (Biểu số 06/VPCP/KSTT)'], period: 'Quý IV năm 2022', chosen: 'TTHC', chosenPeriod: 'Quý I năm 2023' },
  no_data: { ...TTHC, cell: 'A1', tablesFound: 3 },
  sheet_not_read: { sheet: 'Theo dõi', cell: 'B2', shape: 'period_columns', periods: ['Quý I', 'Quý II', 'Quý III', 'Quý IV'], figures: 48 },
  unknown_contract: { sheet: 'Thông tin', cell: 'B2', actual: 'cchc-workbook/0', expected: 'cchc-workbook/1' },
  table_found_by_headers: { ...BIEN_CHE, cell: 'A3', tableName: 'BienChe' },
  text_converted: { sheet: 'Biên chế', cell: 'A1', encoding: 'tcvn3', cells: 37 },
  formula_not_computed: { ...BIEN_CHE, cell: 'F6', header: 'Thiếu', rowLabel: 'Cơ quan Sở Y tế', formula: 'MAX(0,D6-E6)' },
  total_formula_range: { ...TTHC, cell: 'B12', header: 'Tổng số hồ sơ nhận giải quyết', formula: 'SUM(B7:B10)', missingRows: [11], extraRows: [] },
  not_a_number: { ...TTHC, cell: 'C10', header: 'Trực tuyến', rowLabel: 'Y tế dự phòng', actual: 'không rõ' },
  negative_count: { sheet: 'TTHC', table: 'DanhMucTTHC', cell: 'G19', header: 'Dịch vụ công trực tuyến', rowLabel: 'An toàn thực phẩm', actual: -3 },
  fractional_count: { ...BIEN_CHE, cell: 'E6', header: 'Có mặt', rowLabel: 'Cơ quan Sở Y tế', actual: 60.5 },
  error_value: { ...BIEN_CHE, cell: 'F7', header: 'Thiếu', rowLabel: 'Đơn vị sự nghiệp', errorText: '#REF!' },
  missing_value: { ...TTHC, cell: 'A11', header: 'Lĩnh vực, công việc giải quyết' },
  text_number: { ...BIEN_CHE, cell: 'D7', header: 'Được giao', rowLabel: 'Đơn vị sự nghiệp', text: '2.244', actual: 2244 },
  rate_out_of_range: { sheet: 'Hài lòng', table: 'KhaoSatHaiLong', cell: 'C5', header: 'Tỷ lệ hài lòng chung (%)', rowLabel: 'Người bệnh ngoại trú', actual: 120 },
  value_out_of_bounds: { ...BIEN_CHE, cell: 'D8', header: 'Được giao', rowLabel: 'Trung tâm y tế', actual: 31_740_000_000, limit: MAX_FIGURE },
  invalid_option: { ...BIEN_CHE, cell: 'B8', header: 'Loại', rowLabel: 'Trung tâm y tế', actual: 'Hợp đồng', options: ['Công chức', 'Viên chức'] },
  duplicate_row: { ...TTHC, cell: 'A9', header: 'Lĩnh vực, công việc giải quyết', rowLabel: 'Dược phẩm', firstCell: 'A7' },
  conflicting_values: { sheet: 'Biên chế', table: 'ChiTieuKhac', cell: 'B19', header: 'Thực hiện', rowLabel: 'Nhiệm vụ CCHC hoàn thành', expected: 12, actual: 10, firstCell: 'B17' },
  part_exceeds_total: { ...TTHC, cell: 'N8', header: 'Số hóa hồ sơ', rowLabel: 'Mỹ phẩm', boundHeader: 'Tổng số hồ sơ nhận giải quyết', actual: 35, expected: 30 },
  level_not_in_regime: { sheet: 'TTHC', table: 'DanhMucTTHC', cell: 'D19', header: 'Cấp huyện', rowLabel: 'An toàn thực phẩm', actual: 3, basis: 'Luật Tổ chức chính quyền địa phương 2025 (hai cấp, từ 01/7/2025)' },
  sum_mismatch: {
    ...TTHC,
    cell: 'B8',
    rule: 'T1',
    rowLabel: 'Mỹ phẩm',
    totalLabel: 'Tổng số hồ sơ nhận giải quyết',
    partLabels: ['Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước'],
    parts: [
      { label: 'Trực tuyến', cell: 'C8', value: 10 },
      { label: 'Trực tiếp, dịch vụ bưu chính', cell: 'D8', value: 15 },
      { label: 'Từ kỳ trước', cell: 'E8', value: 3 },
    ],
    actual: 30,
    expected: 28,
  },
  derived_mismatch: {
    ...BIEN_CHE,
    cell: 'F6',
    column: 'thieu',
    header: 'Thiếu',
    rowLabel: 'Cơ quan Sở Y tế',
    formula: 'MAX(0, Được giao − Có mặt)',
    parts: [
      { label: 'Được giao', cell: 'D6', value: 64 },
      { label: 'Có mặt', cell: 'E6', value: 61 },
    ],
    actual: 4,
    expected: 3,
  },
  rate_mismatch: {
    ...TTHC,
    cell: 'M9',
    column: 'tyLeDungHan',
    header: 'Tỷ lệ trước hạn và đúng hạn (%)',
    rowLabel: 'An toàn thực phẩm',
    numerator: 39,
    denominator: 40,
    decimals: 2,
    numeratorParts: [
      { label: 'Trước hạn', cell: 'G9', value: 30 },
      { label: 'Đúng hạn', cell: 'H9', value: 9 },
    ],
    denominatorPart: { label: 'Đã giải quyết', cell: 'F9', value: 40 },
    actual: 95,
    expected: 97.5,
  },
  carry_over_mismatch: { ...TTHC, cell: 'E7', rowLabel: 'Dược phẩm', actual: 15, expected: 20 },
  carry_over_skipped: { ...TTHC, cell: 'A5', reason: 'không tìm thấy bảng kết quả giải quyết TTHC trong tệp kỳ trước' },
  previous_mismatch: { sheet: 'Thông tin', cell: 'B3', what: 'period', previous: 'Quý III năm 2022', current: 'Quý IV năm 2022' },
  cap_exceeded: { sheet: 'Biên chế', table: 'XepLoai', cell: 'C13', subject: 'Công chức', actual: 12, capPercent: 20, limit: 8, base: 40, basis: 'Nghị định 335/2025/NĐ-CP (đánh giá, xếp loại công chức)' },
  tuyen_not_in_regime: { ...BIEN_CHE, cell: 'C8', rowLabel: 'Trung tâm y tế', actual: 'Huyện', options: ['Tỉnh', 'Xã'] },
  satisfaction_inconsistent: { sheet: 'Hài lòng', table: 'KhaoSatHaiLong', cell: 'F6', rowLabel: 'Người bệnh nội trú', actual: 95, expected: 92.03 },
  survey_summary_mismatch: { sheet: 'Hài lòng', table: 'KhaoSatHaiLong', cell: 'B6', header: 'Số phiếu', rowLabel: 'Người bệnh nội trú', actual: 250, expected: 248, respondents: 248 },
  survey_sheet_read: { ...PHIEU, cell: 'A1', version: VERSION, forms: 248, source: 'columns' },
  survey_items_missing: { ...PHIEU, cell: 'A1', version: VERSION, items: ['C4', 'C5', 'D3'] },
  survey_items_unknown: { ...PHIEU, cell: 'F1', version: VERSION, items: ['A9', 'B8'] },
  survey_answer_out_of_scale: { ...PHIEU, cell: 'D14', item: 'A1', formId: 'NT-013', actual: 9, allowed: '1–5; 0 = không sử dụng' },
  survey_answer_blank: { ...PHIEU, cell: 'H20', formId: 'NT-019', items: ['B3', 'B4', 'C1'] },
  survey_form_empty: { ...PHIEU, cell: 'A31', formId: 'NT-030' },
  survey_duplicate_form: { ...PHIEU, cell: 'A42', formId: 'NT-021', firstCell: 'A22' },
  survey_form_outside_window: { ...PHIEU, cell: 'B51', formId: 'NT-050', actual: '2023-04-02', from: '2022-12-15', to: '2023-03-14' },
  survey_findings_capped: { ...PHIEU, cell: 'A1', of: 'survey_answer_out_of_scale', shown: 200, more: 48 },
  survey_summary_row_missing: { sheet: 'Hài lòng', table: 'KhaoSatHaiLong', cell: 'A3', subject: 'Người bệnh ngoại trú', forms: 120 },
  invalid_period_kind: { sheet: 'Thông tin', cell: 'B5', actual: 'Quý V', options: ['Quý I', 'Quý II', 'Quý III', 'Quý IV', '6 tháng', '9 tháng', 'Năm'] },
  invalid_year: { sheet: 'Thông tin', cell: 'B6', actual: 'năm nay' },
  invalid_date: { sheet: 'Thông tin', cell: 'B7', label: 'Từ ngày', actual: 'đầu quý' },
  window_reversed: { sheet: 'Thông tin', cell: 'B8', from: '2022-12-15', to: '2022-03-14' },
  window_differs: { sheet: 'Thông tin', cell: 'B7', label: 'Từ ngày', actual: '05/01/2023', from: '2022-12-15', to: '2023-03-14' },
  merge_period_differs: { ...NGUON, cell: 'C4', unit: 'Trung tâm Y tế huyện Đăk Hà', file: 'ttyt-dak-ha.xlsx', period: 'Quý IV năm 2022', expectedPeriod: 'Quý I năm 2023' },
  merge_duplicate_unit: { ...NGUON, cell: 'C5', unit: 'Bệnh viện Đa khoa tỉnh', file: 'bvdk-tinh (1).xlsx', otherFile: 'bvdk-tinh.xlsx', otherUnit: 'Bệnh viện Đa khoa tỉnh', by: 'name' },
  merge_stale_file: { ...NGUON, cell: 'C3', unit: 'Trung tâm Y tế huyện Sa Thầy', file: 'ttyt-sa-thay.xlsx', by: 'file' },
  merge_consolidated_input: { ...NGUON, cell: 'C6', unit: 'Sở Y tế tỉnh Kon Tum', file: 'tong-hop-quy-4.xlsx' },
  merge_unit_missing: { ...NGUON, cell: 'C7', unit: 'Trung tâm Y tế huyện Kon Plông' },
  merge_unit_new: { ...NGUON, cell: 'C8', unit: 'Trung tâm Kiểm soát bệnh tật tỉnh', file: 'cdc.xlsx' },
  merge_carry_over: { ...NGUON, cell: 'C2', unit: 'Bệnh viện Đa khoa tỉnh', file: 'bvdk-tinh.xlsx', actual: 10, expected: 25 },
  merge_large_change: { ...NGUON, cell: 'C3', unit: 'Trung tâm Y tế huyện Sa Thầy', file: 'ttyt-sa-thay.xlsx', header: 'Tổng số hồ sơ nhận giải quyết', actual: 110, expected: 50, changePercent: 120, limitPercent: 50 },
  merge_file_unreadable: { ...NGUON, cell: 'B9', file: 'ttyt-ia-hdrai.xlsx', reason: 'Tệp rỗng (0 byte): hãy chọn đúng tệp Excel (.xlsx) đã lưu.' },
  merge_previous_unusable: { ...NGUON, cell: 'A1', file: 'tong-hop-quy-4.xlsx' },
};

/** The figures and words a document check hands to its message, formatted as the checker formats them. */
export const DOCUMENT_EXAMPLES: Record<DocCode, DocArgs> = {
  percent_mismatch: { stated: '80%', expected: '75%', fraction: '45/60 = 75,00%', cause: '' },
  percent_impossible: { stated: '88,46%', expected: '85,19%', fraction: '23/27 = 85,19%', denominator: '27', cause: '' },
  hedge_contradicted: { hedge: 'trên', stated: '94%', actual: '1.120/1.200 = 93,33%' },
  parts_exceed_total: { marker: 'trong đó', sum: '163', parts: '157 + 3 + 3', total: '162' },
  parts_sum_mismatch: { marker: 'cụ thể', sum: '168', parts: '157 + 9 + 2', total: '169' },
  shares_sum_mismatch: { parts: 'trước hạn 45,2% + đúng hạn 50,1% + quá hạn 5,7%', sum: '101,0%' },
  comparison_not_past: { compared: 'cùng kỳ năm 2023', report: 'quý I năm 2023' },
  change_mismatch: { from: '40,14', to: '40,87', actual: 'tăng 0,73' },
  window_backwards: { from: '15/12/2022', to: '14/3/2022', cause: 'năm của ngày cuối có lẽ gõ nhầm (kỳ quý I năm 2023 là từ 15/12/2022 đến 14/3/2023)' },
  window_not_period: { from: '15/12/2022', to: '14/02/2023', period: 'quý I năm 2023', expected: '15/12/2022 – 14/3/2023', cause: '' },
  date_after_report: { date: '13/9/2023', report: '14/3/2023' },
  cited_date_mismatch: { symbol: '152/KH-SYT', date: '15/3/2023', first: '05/3/2023', where: 'đoạn 2' },
  repeated_mismatch: { what: 'tổng số tthc', value: '169', first: '162', where: 'đoạn 3' },
  workbook_mismatch: { what: 'số hồ sơ tiếp nhận trực tuyến', stated: '85', actual: '86' },
  workbook_other_report: { workbook: 'Sở Y tế tỉnh Kon Tum, quý II năm 2023', document: 'tỉnh/thành phố Kon Tum, quý I năm 2023', what: 'kỳ báo cáo' },
  table_total_mismatch: { column: 'Tiếp nhận', total: '55', rows: 2, sum: '53' },
  stale_figure: { what: 'tổng số hồ sơ tiếp nhận', stated: '297', actual: '310' },
  english_decimal: { value: '92,03%' },
};

const MB = 1024 * 1024;

/** What each refusal's message is built from: the readers' own limits, a file or path as an officer would have them. */
export const REFUSAL_EXAMPLES: { [C in RefusalCode]: RefusalArgs<C> } = {
  empty: {},
  too_large: { bytes: 41 * MB, limit: LIMITS.maxFileBytes },
  export_too_large: { bytes: 38 * MB, limit: LIMITS.maxFileBytes },
  encrypted: {},
  legacy_xls: {},
  not_zip: {},
  corrupt_zip: {},
  not_xlsx: { what: 'docx' },
  part_not_xml: { part: 'xl/worksheets/sheet2.xml' },
  too_many_parts: { parts: 12_480, limit: LIMITS.maxParts },
  too_many_sheets: { sheets: 1_200, limit: LIMITS.maxSheets },
  xml_too_large: { limit: LIMITS.maxUncompressedBytes },
  too_many_cells: { limit: LIMITS.maxCells },
  too_many_rows: { limit: LIMITS.maxRows },
  too_many_elements: { limit: LIMITS.maxElements },
  xml_too_deep: { limit: LIMITS.maxXmlDepth },
  xls_corrupt: {},
  xls_excel95: {},
  xls_older: {},
  ole_not_excel: { what: 'doc' },
  ods_corrupt: {},
  ods_too_many_parts: { parts: 12_480, limit: LIMITS.maxParts },
  ods_too_many_sheets: { limit: LIMITS.maxSheets },
  page_too_many_cells: { limit: LIMITS.maxPageCells },
  html_too_deep: { limit: LIMITS.maxXmlDepth },
  html_too_many_nodes: { limit: LIMITS.maxPageNodes },
  html_no_table: {},
  xml2003_corrupt: {},
  csv_empty: {},
  csv_too_many_cells: { limit: LIMITS.maxCells },
  csv_too_many_rows: { limit: LIMITS.maxRows },
  doc_too_many_elements: { limit: DOCX_LIMITS.maxXmlElements },
  doc_too_deep: { limit: DOCX_LIMITS.maxXmlDepth },
  doc_text_too_long: { limit: DOCX_LIMITS.maxTextChars },
  not_regular_file: { path: '/dev/null' },
  file_not_found: { path: 'D:\\BaoCao\\so-lieu-quy-1.xlsx' },
  path_is_folder: { path: 'D:\\BaoCao' },
  no_permission: { path: '\\\\MAYCHU\\cchc\\so-lieu-quy-1.xlsx' },
  name_too_long: { path: 'D:\\BaoCao\\…\\so-lieu-quy-1.xlsx' },
  path_not_folder: { path: 'D:\\BaoCao\\so-lieu.xlsx\\quy-1.xlsx' },
  path_loop: { path: 'D:\\BaoCao\\ky-nay' },
  io_failed: { path: 'E:\\so-lieu-quy-1.xlsx', code: 'EIO' },
  merge_input_missing: { path: 'D:\\BaoCao\\don-vi' },
  merge_output_too_large: { units: 180, cells: 1_720_000, limit: LIMITS.maxCells, fit: 150 },
  merge_folder_empty: { path: 'D:\\BaoCao\\don-vi' },
  docx_too_many_parts: { parts: 12_000, limit: DOCX_LIMITS.maxParts, role: 'document' },
  docx_unpacked_too_large: { part: 'word/document.xml', limit: DOCX_LIMITS.maxUnpackedBytes, role: 'template' },
};
