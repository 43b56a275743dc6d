import { TABLES } from '../tables';
import type { Finding, FindingCode, FindingPart } from '../findings';
import { formatNumber, formatPercent } from '../numbers';
import { formatDate } from '../format';
import type { CatalogueEntry } from './entry';

/**
 * The workbook findings (`cchc check`, the panes, `cchc merge`), one entry per code of the
 * `Finding` union (src/core/findings.ts): its default severity, where it points, one sentence for
 * docs/findings.md, the "Cách sửa" it gives where there is one, and its Vietnamese message, built
 * from the finding's fields so the officer can fix the cell without opening a manual ("Tổng có mặt
 * ghi 4.876 nhưng tổng các dòng là 4.870"). `satisfies` makes a code of the union without an entry
 * (or an entry without a code) a compile error.
 */

/** A finding of code C before its message is written, its severity decided. */
export type Worded<C extends FindingCode> = Omit<Extract<Finding, { code: C }>, 'message'>;

const n = (v: number | string | undefined): string => (typeof v === 'number' ? formatNumber(v) : String(v ?? ''));
const where = (d: { rowLabel?: string }) => (d.rowLabel ? ` (dòng "${d.rowLabel}")` : '');
/** "Tỷ lệ (%)" reads as itself; other headers are named as a rate. */
const rateName = (header: string) => (/^tỷ lệ/i.test(header) ? header.replace(/\s*\(%\)$/, '') : `Tỷ lệ "${header}"`);
/** Officers know a table by its title, not by the contract's internal name. */
const titleOf = (name: string) => TABLES.find((t) => t.name === name)?.title ?? name;
/** The table whose rows the survey answer sheets are checked against (its module lists the `answers` check). */
const surveyTitle = () => TABLES.find((t) => t.checks.some((c) => c.kind === 'answers'))?.title ?? 'khảo sát sự hài lòng';
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
/** "Được giao 64 (ô D7)": a figure with its cell, as every identity message names its parts. */
const fig = (p: FindingPart) => `${p.label} ${formatNumber(p.value)} (ô ${p.cell})`;
const sumOf = (parts: readonly FindingPart[]) => parts.map(fig).join(' + ');

function sumMismatch(d: Worded<'sum_mismatch'>): string {
  if (d.rule === 'T6g') {
    const parts = d.parts?.length ? `cộng các dòng trong nhóm: ${d.parts.map(fig).join(' + ')} = ${n(d.expected)}` : `tổng các dòng trong nhóm là ${n(d.expected)}`;
    return `Dòng nhóm "${d.rowLabel ?? ''}" ghi "${d.totalLabel}" là ${n(d.actual)} (ô ${d.cell}), nhưng ${parts}. Cách sửa: tìm dòng nhập sai trong nhóm, hoặc ghi ${n(d.expected)} vào ô ${d.cell}.`;
  }
  if (d.rule === 'T6' || d.rule?.startsWith('total')) {
    const parts = d.parts?.length ? `cộng các dòng: ${d.parts.map(fig).join(' + ')} = ${n(d.expected)}` : `tổng các dòng${d.related?.length ? ` (ô ${d.related.join(', ')})` : ''} là ${n(d.expected)}`;
    return `Dòng tổng cộng "${d.totalLabel}" ở ô ${d.cell} ghi ${n(d.actual)}, nhưng ${parts}. Cách sửa: tìm dòng nhập sai, hoặc ghi ${n(d.expected)} vào ô ${d.cell}.`;
  }
  const parts = d.parts?.length ? sumOf(d.parts) : d.partLabels.map(lower).join(' + ');
  return `${d.totalLabel}${where(d)} ở ô ${d.cell} ghi ${n(d.actual)}, nhưng ${parts} = ${n(d.expected)}. Cách sửa: nếu các ô thành phần đúng, ghi ${n(d.expected)} vào ô ${d.cell}.`;
}

function derivedMismatch(d: Worded<'derived_mismatch'>): string {
  const [giao, coMat] = d.parts ?? [];
  const head = `"${d.header}"${where(d)} ở ô ${d.cell} ghi ${n(d.actual)}`;
  const fix = ` Cách sửa: ghi ${n(d.expected)} (hoặc để công thức của mẫu tự tính).`;
  if (!giao || !coMat || giao.label === coMat.label) return `${head}, nhưng theo số được giao và số có mặt của dòng thì phải là ${n(d.expected)}.${fix}`;
  const [a, b] = d.column === 'du' ? [coMat, giao] : [giao, coMat];
  if (a.value - b.value <= 0) {
    const word = d.column === 'du' ? 'không vượt' : 'không thiếu';
    return `${head}, nhưng ${fig(a)} không lớn hơn ${fig(b)} nên ${word}: phải là 0.${fix}`;
  }
  return `${head}, nhưng ${fig(a)} − ${fig(b)} = ${n(d.expected)}.${fix}`;
}

function rateMismatch(d: Worded<'rate_mismatch'>): string {
  const head = `${rateName(d.header)}${where(d)} ở ô ${d.cell} ghi ${n(d.actual)}%`;
  const num = d.numeratorParts?.length ? (d.numeratorParts.length > 1 ? `${sumOf(d.numeratorParts)} = ${formatNumber(d.numerator)}` : fig(d.numeratorParts[0]!)) : formatNumber(d.numerator);
  const dp = d.denominatorPart;
  const den = !dp ? formatNumber(d.denominator) : d.column === 'tyLeDungHan' ? `${formatNumber(dp.value)} hồ sơ ${lower(dp.label)} (ô ${dp.cell})` : fig(dp);
  if (d.expected === 'không phát sinh') {
    const what = d.denominatorPart ? `${d.denominatorPart.label} (ô ${d.denominatorPart.cell})` : 'mẫu số';
    return `${head}, nhưng ${what} bằng 0: không phát sinh. Cách sửa: xóa tỷ lệ hoặc ghi "không phát sinh".`;
  }
  const pct = formatPercent(Number(d.expected), d.decimals);
  if (d.bases?.length) {
    // A share states no base: every base tried is named, so the officer sees that none gives it.
    const tried = d.bases.map((b) => `${lower(b.label)} ${formatNumber(b.value)}${b.cell ? ` (ô ${b.cell})` : ''} = ${formatPercent(b.percent, d.decimals)}`).join('; trên ');
    const count = d.numeratorParts?.[0];
    const recount = count ? `, hoặc sửa số ở ô ${count.cell} nếu tỷ lệ đúng` : '';
    return `${head}, nhưng ${num} trên ${tried}: không cách tính nào cho ${n(d.actual)}%. Cách sửa: ghi ${pct} nếu tỷ lệ tính trên ${lower(d.bases[0]!.label)}${recount}.`;
  }
  return `${head}, nhưng ${num} trên ${den} = ${pct}. Cách sửa: ghi ${pct} (hoặc để công thức của mẫu tự tính).`;
}

/** "Phiếu số 12" for a form with an id, "Phiếu" otherwise. */
const phieu = (id: string | undefined) => (id ? `Phiếu số ${id}` : 'Phiếu');
/** "A1, A2, B3" – at most ten, then "… (N câu)". */
const itemList = (items: readonly string[]) => (items.length > 10 ? `${items.slice(0, 10).join(', ')}… (${items.length} câu)` : items.join(', '));
const CAPPED_KIND: Record<string, string> = {
  survey_answer_out_of_scale: 'câu trả lời không hợp lệ',
  survey_answer_blank: 'phiếu bỏ trống câu hỏi',
  survey_form_empty: 'phiếu không có câu trả lời',
  survey_duplicate_form: 'mã phiếu trùng',
  survey_form_outside_window: 'phiếu ngoài thời gian lấy số liệu',
  invalid_date: 'ngày điền phiếu không đọc được',
};
const SURVEY_SOURCE = { stated: ' (ghi trên sheet)', columns: ' (nhận ra theo các cột câu hỏi)', regime: ' (theo quy định áp dụng cho kỳ báo cáo, vì sheet không ghi mẫu phiếu và các cột hợp với nhiều mẫu)' } as const;

/** "Cách sửa" texts that read the same in every message of their code. */
const FIX = {
  no_data: 'nhập số liệu của kỳ báo cáo vào các bảng (số 0 cũng ghi rõ là 0) rồi kiểm tra lại',
  not_a_number: 'ghi số (ghi 0 nếu không phát sinh; ghi chú để ở cột khác)',
  negative_count: 'ghi số lượng đúng (từ 0 trở lên)',
  fractional_count: 'ghi số nguyên đúng',
  satisfaction_inconsistent: 'tính lại hai chỉ số từ cùng các phiếu khảo sát',
  invalid_date: 'ghi ngày dạng ngày/tháng/năm, ví dụ 14/3/2023',
  window_reversed: 'xem lại năm của ngày bắt đầu và ngày kết thúc',
  missing_table: 'nếu sổ có bảng này, dùng mẫu chuẩn, hoặc để dòng tiêu đề cột ngay trên số liệu',
  missing_column: 'thêm cột này theo mẫu chuẩn, hoặc sửa tiêu đề cột đang có cho giống tiêu đề của mẫu',
  missing_name: 'ghi "Đơn vị báo cáo: …" trên sheet "Thông tin"',
  missing_period: 'ghi "Kỳ báo cáo: Quý … năm …" trên sheet hoặc trong tiêu đề',
  sheet_not_read: 'đưa số liệu cần kiểm tra vào bảng theo mẫu chuẩn, mỗi kỳ một trang tính hoặc một tệp; trang chỉ để tham khảo thì không cần sửa',
  unknown_contract: 'chép số liệu sang mẫu chuẩn hiện hành, hoặc sửa ô phiên bản nếu sổ đã theo đúng mẫu đó',
  formula_not_computed: 'mở và lưu lại tệp bằng Excel rồi kiểm tra lại',
  total_formula_range: 'sửa vùng của công thức tổng cho gồm đúng các dòng số liệu của bảng, không gồm dòng tổng nhóm',
  error_value: 'sửa công thức (thường do chia cho 0 hoặc tham chiếu đến ô đã xóa), hoặc ghi số đúng vào ô',
  missing_value: 'ghi nội dung còn thiếu vào ô; nếu đó là dòng thừa, xóa cả dòng',
  rate_out_of_range: 'ghi tỷ lệ phần trăm từ 0 đến 100, tính lại từ số phiếu khảo sát',
  value_out_of_bounds: 'ghi lại số đúng (số có thể bị gõ thừa chữ số hoặc dán nhầm)',
  invalid_option: 'chọn một giá trị trong danh sách, hoặc sửa chính tả cho đúng giá trị đó',
  duplicate_row: 'gộp số liệu hai dòng vào một dòng rồi xóa dòng thừa; nếu là hai dòng khác nhau, sửa tên cho khác nhau',
  conflicting_values: 'giữ một dòng với giá trị đúng và xóa dòng còn lại',
  part_exceeds_total: 'sửa ô ghi sai trong hai ô: số thành phần không thể lớn hơn số tổng',
  level_not_in_regime: 'ghi 0 ở cấp huyện và tính các TTHC đó vào cấp tỉnh hoặc cấp xã theo quyết định công bố danh mục hiện hành',
  carry_over_mismatch: 'ghi vào "Từ kỳ trước" số hồ sơ còn đang giải quyết cuối kỳ trước; nếu sổ kỳ trước ghi sai, sửa sổ đó',
  previous_mismatch: 'chọn đúng tệp của kỳ liền trước, của cùng đơn vị',
  cap_exceeded: 'đối chiếu lại với quyết định xếp loại; nếu số đúng, giải trình trong báo cáo',
  tuyen_not_in_regime: 'chọn tuyến hợp lệ theo cấp quản lý hiện nay của đơn vị',
  survey_summary_mismatch: 'ghi giá trị tính từ phiếu vào ô, hoặc bổ sung các phiếu còn thiếu vào sheet phiếu',
  survey_items_unknown: 'sửa tiêu đề cột theo mã câu hỏi của mẫu phiếu; nếu là câu hỏi riêng của địa phương, không cần sửa',
  survey_answer_out_of_scale: 'nhập lại câu trả lời theo phiếu giấy, bằng một giá trị hợp lệ của câu hỏi',
  survey_answer_blank: 'nhập các câu còn trống theo phiếu giấy; nếu người trả lời bỏ trống thật, giữ nguyên',
  survey_form_empty: 'nhập câu trả lời theo phiếu giấy, hoặc xóa dòng nếu phiếu không có câu trả lời nào',
  survey_duplicate_form: 'sửa mã phiếu nhập sai, hoặc xóa dòng nếu phiếu bị nhập hai lần',
  survey_form_outside_window: 'sửa ngày nếu nhập sai; nếu phiếu thuộc kỳ khác, chuyển phiếu sang sổ của kỳ đó',
  survey_findings_capped: 'kiểm tra cách mã hoá câu trả lời của cả cột',
  invalid_period_kind: 'ghi đúng một trong các kỳ trên',
  invalid_year: 'ghi năm bằng bốn chữ số, từ 2000 đến 2100',
  window_differs: 'ghi ngày theo khung thời gian trên (hoặc theo ngày đầu, ngày cuối của kỳ); nếu tỉnh quy định khung khác, giữ nguyên',
  merge_period_differs: 'xin lại tệp đúng kỳ của đơn vị (hoặc sửa kỳ báo cáo trong tệp nếu ghi nhầm) rồi chạy lại',
  merge_duplicate_unit: 'để trong thư mục một tệp đúng cho mỗi đơn vị (xin lại tệp nếu đơn vị gửi nhầm) rồi chạy lại',
  merge_stale_file: 'xin đơn vị tệp số liệu của kỳ này rồi chạy lại',
  merge_consolidated_input: 'để sổ tổng hợp ngoài thư mục của các đơn vị',
  merge_unit_missing: 'xin tệp của đơn vị rồi chạy lại; nếu đơn vị đã giải thể hoặc sáp nhập, ghi rõ trong báo cáo',
  merge_carry_over: 'đề nghị đơn vị sửa "Từ kỳ trước" cho bằng số hồ sơ còn đang giải quyết cuối kỳ trước, hoặc giải trình',
  merge_large_change: 'hỏi lại đơn vị để xác nhận số liệu; nếu số đúng, nêu lý do trong báo cáo',
  merge_file_unreadable: 'sửa hoặc xin lại tệp rồi chạy lại',
} as const;

export const WORKBOOK_FINDINGS = {
  missing_table: {
    wholeSheet: true,
    severity: 'warning',
    severityNote: 'warning for a required table (the TTHC results, the staffing), info for the others',
    at: 'A1 of the contract sheet if the workbook has it, else of the first sheet',
    doc: 'the table is neither an Excel table of that name nor recognised by the meaning of its headers; its checks did not run',
    levelNote: 'Gợi ý với các bảng không bắt buộc, tức là trừ bảng kết quả giải quyết TTHC và bảng biên chế',
    meaning: 'Trợ lý không tìm thấy trong sổ một bảng của báo cáo, theo tên bảng hay theo tiêu đề cột, nên chưa kiểm tra được số liệu của bảng đó.',
    fix: FIX.missing_table,
    message: (d) =>
      d.severity === 'info'
        ? `Sổ không có bảng "${titleOf(d.tableName)}": các kiểm tra của bảng này được bỏ qua.`
        : `Không tìm thấy bảng "${titleOf(d.tableName)}": các kiểm tra của bảng này chưa thực hiện được. Cách sửa: ${FIX.missing_table}${d.columnsHint?.length ? ` (ví dụ "${d.columnsHint.join('", "')}")` : ''}.`,
  },
  missing_column: {
    severity: 'warning',
    severityNote: 'warning; info for a derived column or a total completed from its parts',
    at: 'first header cell',
    doc: 'a column of the contract is absent: the message names the checks that could not run',
    levelNote: 'Gợi ý khi cột đó tự tính được từ các cột khác',
    meaning: 'Một bảng thiếu một cột của mẫu chuẩn (hoặc tiêu đề cột khác mẫu đến mức không nhận ra), nên các phép kiểm tra cần cột đó chưa làm được.',
    fix: FIX.missing_column,
    message: (d) =>
      `Bảng "${titleOf(d.tableName)}" không có cột "${d.header}": ${d.unchecked ?? 'các kiểm tra dùng cột này chưa thực hiện được'}.${d.severity === 'info' ? '' : ` Cách sửa: ${FIX.missing_column}.`}`,
  },
  missing_name: {
    wholeSheet: true,
    severity: 'warning',
    at: 'A1 of "Thông tin", else of the first sheet',
    doc: 'the reporting unit is found neither as a defined name, nor as a label and its value, nor as "Đơn vị báo cáo: …", nor in the header block',
    meaning: 'Trợ lý không đọc được tên đơn vị báo cáo ở đâu trong sổ (ô được đặt tên, nhãn "Đơn vị báo cáo", hay phần đầu trang).',
    fix: FIX.missing_name,
    message: (d) =>
      d.severity === 'info'
        ? `Đã lấy "${d.label}" theo nhãn trên sheet "${d.sheet}" (ô ${d.cell}), vì sổ không có ô được đặt tên như mẫu chuẩn.`
        : `Không đọc được "${d.label}". Cách sửa: ${FIX.missing_name}.`,
  },
  missing_period: {
    wholeSheet: true,
    severity: 'warning',
    at: 'A1 of "Thông tin", else of the first sheet',
    doc: 'no period kind and year anywhere (names, labels, the title line, the window, the sheet names, the file name): the rules in force today are applied',
    meaning: 'Trợ lý không đọc được kỳ báo cáo và năm ở đâu trong sổ, nên đã kiểm tra theo quy định đang áp dụng hiện nay.',
    fix: FIX.missing_period,
    message: () =>
      `Không đọc được kỳ báo cáo (Quý, 6 tháng, Năm…) và năm: đã áp dụng quy định hiện hành và khung thời gian mặc định. Cách sửa: ${FIX.missing_period}.`,
  },
  sheet_skipped: {
    wholeSheet: true,
    severity: 'info',
    at: 'A1 of the skipped sheet; of the first visible sheet for a hidden one',
    doc: 'a sheet holding report tables was not read: it is hidden, or it carries another period than the one read (the period the workbook states, else the latest); the message names the sheet, its period and the sheet read',
    meaning: 'Một trang tính có bảng báo cáo không được kiểm tra, vì đang bị ẩn hoặc chứa số liệu của một kỳ khác với kỳ đang kiểm tra.',
    message: (d) => {
      const what = d.tables.length ? ` (có bảng ${d.tables.map((t) => `"${t}"`).join(', ')})` : '';
      const of = d.period ? ` của ${d.period}` : '';
      if (d.why === 'hidden') return `Trang tính ẩn "${d.skipped}"${of}${what} không được kiểm tra. Nếu đó là số liệu của kỳ này, hãy bỏ ẩn trang tính (chuột phải vào tên trang › Bỏ ẩn) rồi kiểm tra lại.`;
      const read = `đã kiểm tra trang "${d.chosen ?? ''}" (${d.chosenPeriod ?? ''})`;
      return d.why === 'other_period'
        ? `Trang tính "${d.skipped}"${of}${what} không được kiểm tra: sổ ghi kỳ báo cáo là ${d.chosenPeriod ?? ''}, ${read}. Muốn kiểm tra kỳ khác, hãy để trang đó trong một tệp riêng.`
        : `Trang tính "${d.skipped}"${of}${what} không được kiểm tra: sổ có nhiều kỳ mà không ghi kỳ báo cáo, ${read}, là kỳ mới nhất. Hãy ghi "Kỳ báo cáo: …" nếu cần kiểm tra kỳ khác.`;
    },
  },
  no_data: {
    wholeSheet: true,
    severity: 'error',
    at: 'A1 of the first table\'s sheet, else of the first sheet',
    doc: 'the tables found hold nothing at all (a blank template, tables with their labels only), or the workbook has nothing written outside its report information, and no survey answer sheet was read: there is nothing to check or report, so it never passes; a workbook with content but no table of the contract is not called empty (missing_table says what was looked for)',
    meaning: 'Sổ chưa có số liệu nào để kiểm tra hay viết báo cáo: mẫu còn trống, hoặc các bảng mới có tiêu đề.',
    fix: FIX.no_data,
    message: (d) =>
      d.tablesFound > 0
        ? `Sổ chưa có số liệu: ${n(d.tablesFound)} bảng nhận ra được đều trống, không có số nào để kiểm tra hay viết báo cáo. Cách sửa: ${FIX.no_data}.`
        : `Sổ chưa có số liệu: không có bảng nào của báo cáo, cũng không có số nào để kiểm tra hay viết báo cáo. Cách sửa: ${FIX.no_data}.`,
  },
  sheet_not_read: {
    severity: 'warning',
    at: 'the first period header, the indicator column, else A1',
    doc: 'a visible sheet has figures but no contract table or survey answers: periods side by side as columns, a list of indicators with "Đơn vị tính", or a shape not recognised; its figures are not checked',
    meaning: 'Một trang tính có số liệu nhưng không theo dạng bảng nào của mẫu (ví dụ các kỳ xếp thành cột, hay danh sách chỉ tiêu), nên các số ở đó chưa được kiểm tra.',
    fix: FIX.sheet_not_read,
    message: (d) =>
      d.shape === 'period_columns'
        ? `Trang tính "${d.sheet}" có số liệu xếp theo kỳ ở các cột (${d.periods?.join(', ') ?? ''}): trợ lý chưa đọc bảng dạng này nên ${n(d.figures)} số liệu ở đây chưa được kiểm tra. Cách sửa: ${FIX.sheet_not_read}.`
        : d.shape === 'not_satisfaction_form'
          ? `Trang tính "${d.sheet}" ghi "${d.stated ?? ''}": Mẫu 5 của Quyết định 3869/QĐ-BYT không phải phiếu khảo sát sự hài lòng nên không được tính vào các chỉ số hài lòng.`
          : d.shape === 'indicator_list'
          ? `Trang tính "${d.sheet}" là danh sách chỉ tiêu (cột "Đơn vị tính"): không thuộc bảng nào của mẫu nên ${n(d.figures)} số liệu ở đây chưa được kiểm tra. Cách sửa: ${FIX.sheet_not_read}.`
          : `Trang tính "${d.sheet}" có ${n(d.figures)} số liệu nhưng không nhận ra bảng nào của mẫu: các số liệu này chưa được kiểm tra. Cách sửa: ${FIX.sheet_not_read}.`,
  },
  unknown_contract: {
    severity: 'warning',
    at: 'PhienBanMau',
    doc: 'the version is not `cchc-workbook/1`',
    meaning: 'Ô phiên bản mẫu của sổ ghi một phiên bản trợ lý không biết, nên kết quả kiểm tra có thể không đầy đủ.',
    fix: FIX.unknown_contract,
    message: (d) => `Phiên bản mẫu là "${n(d.actual)}", không phải "${n(d.expected)}": kết quả kiểm tra có thể không đầy đủ. Cách sửa: ${FIX.unknown_contract}.`,
  },
  table_found_by_headers: {
    severity: 'info',
    at: 'first header cell',
    doc: 'no Excel table by that name; found by the meaning of its headers (see "Đã nhận ra")',
    meaning: 'Bảng không phải bảng Excel có tên như mẫu chuẩn, nhưng trợ lý đã nhận ra nó theo tiêu đề cột và vẫn kiểm tra đầy đủ.',
    message: (d) =>
      `Bảng "${titleOf(d.tableName)}" không phải bảng Excel có tên; đã nhận ra theo ý nghĩa của tiêu đề cột (xem "Đã nhận ra").`,
  },
  text_converted: {
    wholeSheet: true,
    severity: 'info',
    at: 'the sheet, A1',
    doc: 'the reader converted text typed in TCVN3 (ABC, ".VnTime" fonts) or VNI to Unicode: how many cells of the sheet (src/core/legacy-text.ts)',
    meaning: 'Sổ có chữ gõ bằng phông cũ TCVN3 (ABC) hoặc VNI; trợ lý đã tự chuyển sang Unicode để đọc, nên cần xem lại các tên đã đọc.',
    message: (d) =>
      `Đã chuyển mã ${d.encoding === 'tcvn3' ? 'TCVN3' : 'VNI'} sang Unicode ở ${n(d.cells)} ô của trang tính "${d.sheet}" (chữ gõ bằng phông ${d.encoding === 'tcvn3' ? 'TCVN3 (ABC) .VnTime, .VnArial…' : 'VNI-Times…'}): hãy xem lại các tên đơn vị, lĩnh vực đã đọc; nên chuyển hẳn sổ sang Unicode (Unikey: Công cụ chuyển mã).`,
  },
  formula_not_computed: {
    severity: 'warning',
    at: 'the cell',
    doc: 'a formula the file carries no result for and the reader could not compute: left out of every check',
    meaning: 'Ô có công thức nhưng tệp không lưu kết quả tính (thường do tệp được lưu bằng phần mềm khác Excel), nên ô đó không được kiểm tra.',
    fix: FIX.formula_not_computed,
    message: (d) =>
      `Ô "${d.header}"${where(d)} có công thức =${d.formula} nhưng chưa có kết quả tính (tệp do phần mềm khác lưu). Cách sửa: ${FIX.formula_not_computed}.`,
  },
  total_formula_range: {
    severity: 'warning',
    at: 'the totals cell',
    doc: 'a SUM/SUBTOTAL over a range that misses data rows of the table, or also adds group subtotals',
    meaning: 'Công thức của dòng tổng cộng không cộng đúng các dòng số liệu của bảng: bỏ sót dòng, hoặc cộng cả dòng tổng của nhóm.',
    fix: FIX.total_formula_range,
    message: (d) =>
      `Công thức tổng "${d.header}" (=${d.formula})${d.missingRows.length ? ` bỏ sót dòng ${d.missingRows.join(', ')}` : ''}${d.missingRows.length && d.extraRows.length ? ' và' : ''}${d.extraRows.length ? ` cộng cả dòng ${d.extraRows.join(', ')} (dòng tổng nhóm hoặc ngoài bảng)` : ''}. Cách sửa: ${FIX.total_formula_range}.`,
  },
  not_a_number: {
    severity: 'error',
    at: 'the cell',
    doc: 'text that is no number in a figure cell',
    meaning: 'Ô cần ghi số lại có chữ, nên số đó không được cộng vào tổng nào.',
    fix: FIX.not_a_number,
    message: (d) =>
      `Ô "${d.header}"${where(d)} ghi "${n(d.actual)}", không phải là số. Cách sửa: ${FIX.not_a_number}.`,
  },
  negative_count: {
    severity: 'error',
    at: 'the cell',
    doc: 'a count below zero',
    meaning: 'Ô ghi số lượng (hồ sơ, người, thủ tục…) là số âm.',
    fix: FIX.negative_count,
    message: (d) => `Ô "${d.header}"${where(d)} ghi ${n(d.actual)}: số lượng không thể âm. Cách sửa: ${FIX.negative_count}.`,
  },
  fractional_count: {
    severity: 'error',
    at: 'the cell',
    doc: 'a count with decimals',
    meaning: 'Ô ghi số lượng (hồ sơ, người, thủ tục…) có phần thập phân.',
    fix: FIX.fractional_count,
    message: (d) => `Ô "${d.header}"${where(d)} ghi ${n(d.actual)}: số lượng phải là số nguyên. Cách sửa: ${FIX.fractional_count}.`,
  },
  error_value: {
    severity: 'error',
    at: 'the cell',
    doc: '#DIV/0!, #N/A, #VALUE!…',
    meaning: 'Công thức trong ô cho ra lỗi của Excel (như #DIV/0!, #REF!, #N/A) thay vì một số.',
    fix: FIX.error_value,
    message: (d) => `Ô "${d.header}"${where(d)} có lỗi công thức ${d.errorText}. Cách sửa: ${FIX.error_value}.`,
  },
  missing_value: {
    severity: 'error',
    at: 'the cell',
    doc: 'a label (lĩnh vực, đơn vị…) left blank in a row that has figures, or an information value left blank beside its label. A blank count in a row with figures reads as 0, in every column',
    meaning: 'Một ô phải có nội dung (tên lĩnh vực, tên đơn vị, hay thông tin chung của sổ) còn để trống.',
    fix: FIX.missing_value,
    message: (d) => `Chưa nhập "${d.header}"${where(d)}. Cách sửa: ${FIX.missing_value}.`,
  },
  text_number: {
    severity: 'info',
    at: 'the cell',
    doc: 'a number typed as text ("2.771"): read, and said',
    meaning: 'Ô ghi số dưới dạng chữ (số được gõ như văn bản); trợ lý vẫn đọc được và cho biết đã hiểu là số nào.',
    message: (d) => `Ô "${d.header}"${where(d)} nhập số dạng chữ "${d.text}"; đã hiểu là ${n(d.actual)}.`,
  },
  rate_out_of_range: {
    severity: 'error',
    at: 'the rate cell',
    doc: 'a satisfaction rate outside 0–100 %',
    meaning: 'Tỷ lệ hài lòng ghi nhỏ hơn 0% hoặc lớn hơn 100%.',
    fix: FIX.rate_out_of_range,
    message: (d) => `${rateName(d.header)}${where(d)} ghi ${n(d.actual)}%, ngoài khoảng 0–100%. Cách sửa: ${FIX.rate_out_of_range}.`,
  },
  value_out_of_bounds: {
    severity: 'error',
    at: 'the cell',
    doc: 'a number no count or rate can be (beyond ±10 000 000 000, e.g. 1e308): giá trị vượt quá giới hạn; left out of every sum',
    meaning: 'Ô ghi một số quá lớn, không thể là số lượng hay tỷ lệ (thường do gõ thừa chữ số hoặc dán nhầm), nên số đó không được cộng vào tổng nào.',
    fix: FIX.value_out_of_bounds,
    message: (d) =>
      `Ô "${d.header}"${where(d)} ghi ${n(d.actual)}: giá trị vượt quá giới hạn của một số lượng hay tỷ lệ (tối đa ${formatNumber(d.limit)}). Cách sửa: ${FIX.value_out_of_bounds}.`,
  },
  invalid_option: {
    severity: 'warning',
    at: 'the cell',
    doc: 'Loại, Đối tượng… not in the list',
    meaning: 'Ô phải ghi một giá trị trong danh sách (loại, đối tượng, tuyến…) nhưng ghi một giá trị không có trong danh sách.',
    fix: FIX.invalid_option,
    message: (d) => `Ô "${d.header}"${where(d)} ghi "${n(d.actual)}", không thuộc danh sách: ${d.options.join('; ')}. Cách sửa: ${FIX.invalid_option}.`,
  },
  duplicate_row: {
    severity: 'warning',
    at: 'the label cell',
    doc: 'the same lĩnh vực (or unit, kind, tuyến) twice',
    meaning: 'Cùng một lĩnh vực (hoặc đơn vị, đối tượng) có hai dòng trong một bảng.',
    fix: FIX.duplicate_row,
    message: (d) => `Dòng "${d.rowLabel ?? ''}" xuất hiện hai lần (lần đầu ở ô ${d.firstCell}). Cách sửa: ${FIX.duplicate_row}.`,
  },
  conflicting_values: {
    severity: 'error',
    at: 'the second row\'s differing cell',
    doc: 'the same indicator (Chỉ tiêu) given twice with two values (12/30 and 10/30)',
    meaning: 'Cùng một chỉ tiêu được ghi ở hai dòng với hai giá trị khác nhau.',
    fix: FIX.conflicting_values,
    message: (d) =>
      `Chỉ tiêu "${d.rowLabel ?? ''}" ghi hai lần với hai giá trị khác nhau: "${d.header}" là ${n(d.expected)} ở ô ${d.firstCell} nhưng ${n(d.actual)} ở ô này. Cách sửa: ${FIX.conflicting_values}.`,
  },
  part_exceeds_total: {
    severity: 'error',
    at: 'the part',
    doc: 'SH1: số hóa above tiếp nhận (local Biểu 06 variants)',
    meaning: 'Một số thành phần lớn hơn số tổng chứa nó, ví dụ số hồ sơ được số hóa lớn hơn số hồ sơ tiếp nhận.',
    fix: FIX.part_exceeds_total,
    message: (d) => `"${d.header}"${where(d)} ghi ${n(d.actual)}, lớn hơn "${d.boundHeader}" là ${n(d.expected)}. Cách sửa: ${FIX.part_exceeds_total}.`,
  },
  level_not_in_regime: {
    severity: 'warning',
    at: 'Cấp huyện',
    doc: 'a catalogue counting TTHC at cấp huyện in a period of the two-level government',
    meaning: 'Danh mục thủ tục hành chính còn ghi số ở cấp huyện cho kỳ báo cáo từ ngày 01/7/2025, khi không còn cấp huyện.',
    fix: FIX.level_not_in_regime,
    message: (d) =>
      `"${d.header}"${where(d)} ghi ${n(d.actual)} nhưng từ ngày 01/7/2025 không còn cấp huyện (${d.basis ?? 'quy định hiện hành'}). Cách sửa: ${FIX.level_not_in_regime}.`,
  },
  sum_mismatch: {
    severity: 'error',
    at: 'the stated total',
    doc: 'T1 (3)=(4)+(5)+(6), T2 (7)=(8)+(9)+(10), T3 (11)=(12)+(13), T4 (3)=(7)+(11) (off when "Kiểm tra (3) = (7) + (11)", the name `KiemTraT4` on "Thông tin", is "Không"), T1b (3) = new + carried over and T1c new = (4)+(5) where a local form has "Trong kỳ", T6 totals row = sum of the data rows (first or last), T6g group row ("I. Cấp tỉnh") = sum of its rows, DM1 TTHC = tỉnh+huyện+xã, PA1 received = resolved+pending, XL1 headcount = four levels + not rated',
    meaning: 'Số ở ô tổng khác tổng các ô thành phần của nó: trong cùng một dòng, hoặc dòng tổng cộng so với các dòng số liệu.',
    fix: 'nếu các ô thành phần đúng, ghi tổng của chúng vào ô tổng; ở dòng tổng cộng, tìm dòng nhập sai hoặc ghi tổng các dòng',
    message: (d) => sumMismatch(d),
  },
  derived_mismatch: {
    severity: 'error',
    at: 'the derived cell',
    doc: 'thiếu ≠ max(0, giao − có mặt), dư ≠ max(0, có mặt − giao), typed or formula',
    meaning: 'Số biên chế thiếu (hoặc dư) không bằng hiệu của số được giao và số có mặt trên cùng dòng.',
    fix: 'ghi số đúng (hoặc để công thức của mẫu tự tính)',
    message: (d) => derivedMismatch(d),
  },
  rate_mismatch: {
    severity: 'error',
    at: 'the rate cell',
    doc: 'a rate that is not its fraction rounded to the decimals it was typed with; non-zero where the denominator is 0; a percentage printed beside a count (a group header over "Tổng | %", "Số lượng | Tỷ lệ") that is the count\'s share of no base the table allows (the totals the count is a part of by the table\'s identities, as written and as the sum of their parts, and the column\'s total)',
    meaning: 'Tỷ lệ ghi trong ô khác tỷ lệ tính lại từ các số của chính dòng đó (hoặc, với tỷ lệ in cạnh một số, khác tỷ lệ của số đó trên mọi tổng mà bảng cho phép).',
    fix: 'ghi tỷ lệ đúng (hoặc để công thức của mẫu tự tính); khi mẫu số bằng 0, xóa tỷ lệ hoặc ghi "không phát sinh"; tỷ lệ in cạnh một số ("Tổng | %"): ghi tỷ lệ đúng, hoặc sửa số đó nếu tỷ lệ đúng',
    message: (d) => rateMismatch(d),
  },
  carry_over_mismatch: {
    severity: 'warning',
    at: 'Từ kỳ trước',
    doc: 'T5: carried over ≠ previous period\'s pending (needs `--previous`); lĩnh vực matched by loose names, else the totals rows',
    meaning: 'Số hồ sơ "Từ kỳ trước" khác số hồ sơ còn đang giải quyết cuối kỳ trước, theo sổ kỳ trước đã chọn.',
    fix: FIX.carry_over_mismatch,
    message: (d) => `"Từ kỳ trước"${where(d)} ghi ${n(d.actual)} nhưng kỳ trước còn ${n(d.expected)} hồ sơ đang giải quyết. Cách sửa: ${FIX.carry_over_mismatch}.`,
  },
  carry_over_skipped: {
    severity: 'info',
    at: 'the table\'s header',
    doc: 'T5 could not run, and why',
    meaning: 'Trợ lý chưa đối chiếu được số hồ sơ "Từ kỳ trước" với sổ kỳ trước đã chọn; thông báo nói lý do.',
    message: (d) => `Chưa đối chiếu được "Từ kỳ trước" với kỳ trước (T5): ${d.reason}.`,
  },
  previous_mismatch: {
    severity: 'warning',
    at: 'the unit or the period',
    doc: 'the `--previous` workbook is another unit\'s, or not of the period just before (the CLI refuses such a pairing before checking, exit 2, unless `--force`: src/core/pairing.ts)',
    meaning: 'Sổ kỳ trước đã chọn là của đơn vị khác, hoặc không phải của kỳ liền trước kỳ đang kiểm tra.',
    fix: FIX.previous_mismatch,
    message: (d) =>
      d.what === 'unit'
        ? `Tệp kỳ trước là của "${d.previous}", không phải "${d.current}". Cách sửa: ${FIX.previous_mismatch}.`
        : `Tệp kỳ trước là ${d.previous}, không phải kỳ liền trước ${d.current}. Cách sửa: ${FIX.previous_mismatch}.`,
  },
  cap_exceeded: {
    severity: 'warning',
    at: 'HTXSNV',
    doc: 'above the cap of the rule set in force (limit rounded down; rounding is stated nowhere)',
    meaning: 'Số người được xếp loại hoàn thành xuất sắc nhiệm vụ vượt tỷ lệ tối đa theo quy định đang áp dụng.',
    fix: FIX.cap_exceeded,
    message: (d) =>
      `${d.subject} xếp loại hoàn thành xuất sắc nhiệm vụ là ${n(d.actual)}, vượt giới hạn ${formatNumber(d.limit)} (${d.capPercent}% của ${formatNumber(d.base)} hoàn thành tốt nhiệm vụ) theo ${d.basis ?? 'quy định hiện hành'}. Cách sửa: ${FIX.cap_exceeded}.`,
  },
  tuyen_not_in_regime: {
    severity: 'warning',
    at: 'Tuyến',
    doc: '"Huyện" in a period of the two-level government',
    meaning: 'Ô tuyến ghi một tuyến (như tuyến huyện) không còn áp dụng cho kỳ báo cáo này.',
    fix: FIX.tuyen_not_in_regime,
    message: (d) => `Tuyến "${n(d.actual)}"${where(d)} không còn áp dụng cho kỳ báo cáo này; tuyến hợp lệ: ${d.options.join(', ')}. Cách sửa: ${FIX.tuyen_not_in_regime}.`,
  },
  satisfaction_inconsistent: {
    severity: 'error',
    at: 'toàn diện',
    doc: 'chỉ số toàn diện above tỷ lệ hài lòng chung',
    meaning: 'Chỉ số hài lòng toàn diện lớn hơn tỷ lệ hài lòng chung, điều không thể có khi cả hai được tính từ cùng các phiếu.',
    fix: FIX.satisfaction_inconsistent,
    message: (d) =>
      `Chỉ số hài lòng toàn diện${where(d)} ghi ${n(d.actual)}% lớn hơn tỷ lệ hài lòng chung ${n(d.expected)}%: không thể xảy ra khi tính từ cùng các phiếu. Cách sửa: ${FIX.satisfaction_inconsistent}.`,
  },
  survey_summary_mismatch: {
    severity: 'error',
    at: 'the summary cell',
    doc: 'Số phiếu ≠ the forms with an answer, or a rate that is not the index computed from the answer sheets rounded to the decimals it was typed with ("không phát sinh" when no form answers it)',
    meaning: 'Số phiếu hoặc tỷ lệ ghi trên bảng hài lòng khác với số tính lại từ các phiếu khảo sát có trong sổ.',
    fix: FIX.survey_summary_mismatch,
    message: (d) => `"${d.header}"${where(d)} ghi ${n(d.actual)} nhưng tính từ ${formatNumber(d.respondents)} phiếu là ${n(d.expected)}. Cách sửa: ${FIX.survey_summary_mismatch}.`,
  },
  survey_sheet_read: {
    severity: 'info',
    at: 'first header cell of the answer sheet',
    doc: 'what was read: the form version (and its legal basis), how it was recognised (stated on the sheet, by its columns, or the decision in force for the period), the number of forms',
    meaning: 'Trợ lý cho biết đã đọc trang phiếu khảo sát theo mẫu phiếu nào và được bao nhiêu phiếu.',
    message: (d) =>
      `Sheet "${d.sheet}": đọc ${formatNumber(d.forms)} phiếu theo ${d.version}${SURVEY_SOURCE[d.source]}${d.stated ? ` ("${d.stated}")` : ''}.`,
  },
  survey_items_missing: {
    severity: 'info',
    at: 'first header cell',
    doc: 'items of the form version with no column on the sheet; the indices use the items present',
    meaning: 'Trang phiếu khảo sát thiếu cột của một số câu hỏi trong mẫu phiếu; các chỉ số chỉ tính trên những câu có cột.',
    message: (d) =>
      `Sheet "${d.sheet}" thiếu cột các câu ${itemList(d.items)} của ${d.version}: các chỉ số chỉ tính trên những câu có trên sheet.`,
  },
  survey_items_unknown: {
    severity: 'warning',
    at: 'the first such header',
    doc: 'A–E columns not on the version\'s list; still read as 1–5 items of their section',
    meaning: 'Trang phiếu khảo sát có cột câu hỏi không thuộc mẫu phiếu; các cột đó vẫn được tính như câu hỏi thang điểm 1–5.',
    fix: FIX.survey_items_unknown,
    message: (d) =>
      `Các cột ${itemList(d.items)} không có trong ${d.version}; vẫn được tính như câu hỏi thang điểm 1–5 của khía cạnh tương ứng. Cách sửa: ${FIX.survey_items_unknown}.`,
  },
  survey_answer_out_of_scale: {
    severity: 'warning',
    severityNote: 'warning (error only for items and codes marked C in `src/core/surveys/forms.ts`)',
    at: 'the answer cell',
    doc: 'a Likert answer outside 1–5 and not the "không sử dụng" code, a cost answer outside its options, G1/F outside 0–100, G2/G outside its options and "khác"; text in an answer cell. The answer is left out of the indices',
    levelNote: 'Lỗi khi các giá trị hợp lệ của câu hỏi lấy từ chính văn bản ban hành mẫu phiếu',
    meaning: 'Một câu trả lời trên phiếu khảo sát không phải giá trị hợp lệ của câu hỏi (ví dụ 9 trên thang điểm 1–5), nên không được tính.',
    fix: FIX.survey_answer_out_of_scale,
    message: (d) =>
      `Câu ${d.item}${d.formId ? ` của phiếu số ${d.formId}` : ''} ghi "${n(d.actual)}", không thuộc các giá trị hợp lệ (${d.allowed}); câu trả lời này không được tính. Cách sửa: ${FIX.survey_answer_out_of_scale}.`,
  },
  survey_answer_blank: {
    severity: 'warning',
    at: 'the first blank answer',
    doc: 'a form with blank Likert answers, only for form versions whose blank policy is `flagged` (default `excluded`: a blank is no answer)',
    meaning: 'Một phiếu khảo sát bỏ trống một số câu hỏi.',
    fix: FIX.survey_answer_blank,
    message: (d) => `${phieu(d.formId)} bỏ trống ${d.items.length} câu: ${itemList(d.items)}. Cách sửa: ${FIX.survey_answer_blank}.`,
  },
  survey_form_empty: {
    severity: 'warning',
    at: 'the form\'s id (or first answer)',
    doc: 'a row with an id or date but no answer: not a respondent',
    meaning: 'Một dòng phiếu có mã phiếu hoặc ngày nhưng không có câu trả lời nào, nên không được tính là một phiếu.',
    fix: FIX.survey_form_empty,
    message: (d) => `${phieu(d.formId)} không có câu trả lời nào: không được tính vào số phiếu. Cách sửa: ${FIX.survey_form_empty}.`,
  },
  survey_duplicate_form: {
    severity: 'error',
    at: 'the later id cell',
    doc: 'the same MA_SO_PHIEU twice within one survey (across its sheets); both forms are still counted',
    meaning: 'Hai phiếu khảo sát có cùng mã phiếu.',
    fix: FIX.survey_duplicate_form,
    message: (d) => `Mã phiếu "${d.formId}" trùng với phiếu ở ô ${d.firstCell}. Cách sửa: ${FIX.survey_duplicate_form}.`,
  },
  survey_form_outside_window: {
    severity: 'warning',
    at: 'the form\'s date',
    doc: 'NGAY_DIEN_PHIEU before TuNgay or after DenNgay; the form is still counted (a date that is no date is `invalid_date`, warning)',
    meaning: 'Ngày điền phiếu nằm ngoài thời gian lấy số liệu của kỳ báo cáo.',
    fix: FIX.survey_form_outside_window,
    message: (d) =>
      `${phieu(d.formId)} điền ngày ${formatDate(String(d.actual))}, ngoài thời gian lấy số liệu từ ${formatDate(d.from)} đến ${formatDate(d.to)}. Cách sửa: ${FIX.survey_form_outside_window}.`,
  },
  survey_findings_capped: {
    severity: 'warning',
    at: 'first header cell of the answer sheet',
    doc: 'more than 200 findings of one kind on one answer sheet: the first 200 are at their cells, the rest counted here (a column coded off the scale would otherwise paint thousands of cells)',
    meaning: 'Một trang phiếu có rất nhiều ô cùng một vấn đề: chỉ các ô đầu tiên được tô màu, số ô còn lại được đếm trong thông báo này.',
    fix: FIX.survey_findings_capped,
    message: (d) =>
      `Sheet "${d.sheet}" còn ${formatNumber(d.more)} ô "${CAPPED_KIND[d.of] ?? d.of}" nữa; chỉ ${formatNumber(d.shown)} ô đầu tiên được đánh dấu. Cách sửa: ${FIX.survey_findings_capped}.`,
  },
  survey_summary_row_missing: {
    severity: 'info',
    at: 'the survey summary table\'s header (or the answer sheet)',
    doc: 'answer sheets of a survey whose summary row is absent; the metrics come from the forms',
    meaning: 'Sổ có phiếu khảo sát của một đối tượng nhưng bảng hài lòng không có dòng của đối tượng đó; các chỉ số được tính từ phiếu.',
    message: (d) =>
      `Có ${formatNumber(d.forms)} phiếu khảo sát ${lower(d.subject)} nhưng bảng "${surveyTitle()}" không có dòng "${d.subject}"; các chỉ số được tính từ phiếu.`,
  },
  invalid_period_kind: {
    severity: 'error',
    at: 'KyBaoCao',
    doc: 'not one of the eight period kinds',
    meaning: 'Ô kỳ báo cáo ghi một kỳ không thuộc các kỳ báo cáo hợp lệ.',
    fix: FIX.invalid_period_kind,
    message: (d) => `Kỳ báo cáo "${n(d.actual)}" không hợp lệ; các kỳ hợp lệ: ${d.options.join(', ')}. Cách sửa: ${FIX.invalid_period_kind}.`,
  },
  invalid_year: {
    severity: 'error',
    at: 'NamBaoCao',
    doc: 'not a year',
    meaning: 'Ô năm báo cáo không ghi một năm hợp lệ.',
    fix: FIX.invalid_year,
    message: (d) => {
      if (typeof d.actual === 'number') {
        // 1999 is shown as a year, not "1.999"; 1e308 as "1 × 10³⁰⁸", never "1e+308".
        const y = Number.isInteger(d.actual) && Math.abs(d.actual) < 10000 ? String(d.actual) : n(d.actual);
        return `Năm báo cáo "${y}" không hợp lệ. Cách sửa: ${FIX.invalid_year}.`;
      }
      return `Năm báo cáo "${n(d.actual)}" không hợp lệ. Cách sửa: ${FIX.invalid_year}.`;
    },
  },
  invalid_date: {
    severity: 'error',
    at: 'TuNgay / DenNgay',
    doc: 'not a date',
    meaning: 'Ô ngày bắt đầu hoặc ngày kết thúc lấy số liệu ghi một giá trị không đọc được là ngày.',
    fix: FIX.invalid_date,
    message: (d) => {
      // A number beyond every date (a date cell of 1e308): the reader may not even keep its value.
      if (d.outOfRange) {
        const shown = typeof d.actual === 'number' && Number.isFinite(d.actual) ? ` (${n(d.actual)})` : '';
        return `"${d.label}" ghi một số${shown} quá lớn hoặc quá nhỏ để là ngày (Excel chỉ ghi được ngày từ 01/01/1900 đến 31/12/9999). Cách sửa: ${FIX.invalid_date}.`;
      }
      return `"${d.label}" ghi "${n(d.actual)}", không đọc được là ngày. Cách sửa: ${FIX.invalid_date}.`;
    },
  },
  window_reversed: {
    severity: 'error',
    at: 'DenNgay',
    doc: 'the window ends before it starts',
    meaning: 'Ngày kết thúc lấy số liệu ở trước ngày bắt đầu.',
    fix: FIX.window_reversed,
    message: (d) =>
      `Thời gian lấy số liệu kết thúc trước khi bắt đầu: từ ${formatDate(d.from)} đến ${formatDate(d.to)}. Cách sửa: ${FIX.window_reversed}.`,
  },
  window_differs: {
    severity: 'warning',
    at: 'TuNgay / DenNgay',
    doc: 'neither the NĐ 09/2019 window nor the calendar period',
    meaning: 'Thời gian lấy số liệu ghi trong sổ khác cả khung thời gian của kỳ theo Nghị định 09/2019/NĐ-CP lẫn ngày đầu, ngày cuối của kỳ.',
    fix: FIX.window_differs,
    message: (d) =>
      `${d.label} ghi ${n(d.actual)}, khác với kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (từ ${formatDate(d.from)} đến ${formatDate(d.to)}). Cách sửa: ${FIX.window_differs}.`,
  },
  merge_period_differs: {
    severity: 'error',
    at: '`Nguồn`, the unit\'s line (column C)',
    doc: '`cchc merge`: a unit\'s period (kind, year, window) differs from that of most units; the file is left out of the sums',
    meaning: 'Khi tổng hợp, sổ của một đơn vị là của kỳ báo cáo khác với kỳ của đa số các đơn vị, nên không được cộng vào.',
    fix: FIX.merge_period_differs,
    message: (d) =>
      `Tệp ${d.file ?? ''} của "${d.unit}" là số liệu ${d.period}, khác kỳ của các đơn vị khác (${d.expectedPeriod}): không đưa vào tổng hợp. Cách sửa: ${FIX.merge_period_differs}.`,
  },
  merge_duplicate_unit: {
    severity: 'error',
    at: '`Nguồn`, the unit\'s line',
    doc: '`cchc merge`: the same unit twice (names equal once case, diacritics and punctuation are set aside), or two units with identical figures; only the first file is summed',
    meaning: 'Khi tổng hợp, một đơn vị có hai tệp, hoặc hai tệp của hai đơn vị có số liệu giống hệt nhau; chỉ một tệp được cộng.',
    fix: FIX.merge_duplicate_unit,
    message: (d) =>
      d.by === 'name'
        ? `"${d.unit}" có hai tệp (${d.otherFile} và ${d.file ?? ''}): chỉ cộng tệp ${d.otherFile}. Cách sửa: ${FIX.merge_duplicate_unit}.`
        : `Tệp ${d.file ?? ''} ("${d.unit}") có số liệu trùng hệt tệp ${d.otherFile} ("${d.otherUnit}"): có thể gửi nhầm tệp của đơn vị khác; không đưa vào tổng hợp. Cách sửa: ${FIX.merge_duplicate_unit}.`,
  },
  merge_stale_file: {
    severity: 'error',
    at: '`Nguồn`, the unit\'s line',
    doc: '`cchc merge --previous`: the file\'s bytes, or the unit\'s figures, are identical to those the previous consolidated workbook recorded for it; left out of the sums',
    meaning: 'Khi tổng hợp, tệp của một đơn vị giống hệt tệp (hoặc số liệu) đã dùng ở kỳ trước, nên không được cộng vào.',
    fix: FIX.merge_stale_file,
    message: (d) =>
      d.by === 'file'
        ? `Tệp ${d.file ?? ''} của "${d.unit}" giống hệt tệp đã dùng ở kỳ trước: có thể gửi lại tệp cũ; không đưa vào tổng hợp. Cách sửa: ${FIX.merge_stale_file}.`
        : `Số liệu của "${d.unit}" (tệp ${d.file ?? ''}) trùng hệt số liệu kỳ trước của đơn vị: có thể là tệp kỳ trước; không đưa vào tổng hợp. Cách sửa: ${FIX.merge_stale_file}.`,
  },
  merge_consolidated_input: {
    severity: 'error',
    at: '`Nguồn`, the file\'s line',
    doc: '`cchc merge`: the file is itself a consolidated workbook (a "Nguồn" sheet listing units and a "Truy vết" sheet), e.g. last period\'s output left in the units\' folder; left out of the sums, which it would double',
    meaning: 'Khi tổng hợp, trong các tệp đã chọn có một sổ tổng hợp (ví dụ sổ tổng hợp kỳ trước); cộng nó sẽ tính hai lần số của các đơn vị, nên nó bị bỏ ra.',
    fix: FIX.merge_consolidated_input,
    message: (d) =>
      `Tệp ${d.file ?? ''} là một sổ tổng hợp (có sheet "Nguồn" và "Truy vết"), không phải sổ của một đơn vị: cộng nó sẽ tính hai lần số của các đơn vị đã tổng hợp; không đưa vào tổng hợp. Cách sửa: ${FIX.merge_consolidated_input}.`,
  },
  merge_unit_missing: {
    severity: 'warning',
    at: '`Nguồn`, a line added for the unit',
    doc: '`cchc merge --previous`: a unit of the previous consolidated workbook has no file this period',
    meaning: 'Khi tổng hợp, một đơn vị có trong sổ tổng hợp kỳ trước nhưng kỳ này chưa có tệp.',
    fix: FIX.merge_unit_missing,
    message: (d) => `Kỳ trước có "${d.unit}" nhưng kỳ này không có tệp của đơn vị: số tổng hợp thiếu phần của đơn vị này. Cách sửa: ${FIX.merge_unit_missing}.`,
  },
  merge_unit_new: {
    severity: 'info',
    at: '`Nguồn`, the unit\'s line',
    doc: '`cchc merge --previous`: a unit absent from the previous consolidated workbook',
    meaning: 'Khi tổng hợp, một đơn vị không có trong sổ tổng hợp kỳ trước: đơn vị mới, hoặc tên đơn vị ghi khác kỳ trước.',
    message: (d) => `"${d.unit}" (tệp ${d.file ?? ''}) không có trong tổng hợp kỳ trước: đơn vị mới, hoặc tên đơn vị ghi khác kỳ trước.`,
  },
  merge_carry_over: {
    severity: 'warning',
    at: '`Nguồn`, the unit\'s line',
    doc: '`cchc merge --previous`: the unit\'s "Từ kỳ trước" differs from its pending files at the end of the previous period (T5 per unit)',
    meaning: 'Khi tổng hợp, số hồ sơ "Từ kỳ trước" của một đơn vị khác số hồ sơ còn đang giải quyết của đơn vị đó cuối kỳ trước.',
    fix: FIX.merge_carry_over,
    message: (d) =>
      `"${d.unit}" ghi ${n(d.actual)} hồ sơ từ kỳ trước nhưng kỳ trước đơn vị còn ${n(d.expected)} hồ sơ đang giải quyết (T5). Cách sửa: ${FIX.merge_carry_over}.`,
  },
  merge_large_change: {
    severity: 'warning',
    at: '`Nguồn`, the unit\'s line',
    doc: '`cchc merge --previous`: the files a unit received in the period changed by more than the threshold (`--max-change`, default 50 %) from the previous period',
    meaning: 'Khi tổng hợp, số hồ sơ một đơn vị tiếp nhận trong kỳ thay đổi nhiều so với kỳ trước (mặc định hơn 50%).',
    fix: FIX.merge_large_change,
    message: (d) =>
      `"${d.unit}": ${lower(d.header)} ${n(d.actual)}, kỳ trước ${n(d.expected)} (thay đổi ${formatNumber(d.changePercent, 1)}%, quá ngưỡng ${formatNumber(d.limitPercent)}%). Cách sửa: ${FIX.merge_large_change}.`,
  },
  merge_file_unreadable: {
    severity: 'error',
    at: '`Nguồn`, the file\'s line (column B)',
    doc: '`cchc merge`: a file given, or found in a folder, could not be read (or is no workbook): named with why, left out of the totals; the run exits 1',
    meaning: 'Khi tổng hợp, một tệp đã chọn không đọc được, nên không được cộng vào; thông báo nói lý do.',
    fix: FIX.merge_file_unreadable,
    message: (d) => `Không đọc được tệp ${d.file}: ${d.reason} Tệp này không được đưa vào tổng hợp. Cách sửa: ${FIX.merge_file_unreadable}.`,
  },
  merge_previous_unusable: {
    severity: 'info',
    at: '`Nguồn`, A1',
    doc: '`cchc merge --previous`: the previous workbook has no "Nguồn" sheet, so units cannot be compared with the previous period',
    meaning: 'Sổ tổng hợp kỳ trước đã chọn không có trang "Nguồn", nên chưa so được từng đơn vị với kỳ trước.',
    message: (d) =>
      `Sổ tổng hợp kỳ trước ${d.file} không có sheet "Nguồn" (không do lệnh merge ghi): chưa so được danh sách đơn vị và số liệu từng đơn vị với kỳ trước.`,
  },
} satisfies { readonly [C in FindingCode]: CatalogueEntry<Worded<C>> };
