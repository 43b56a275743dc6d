import { TABLES } from './tables';
import type { Draft, Finding, FindingPart } from './findings';
import { formatNumber, formatPercent } from './numbers';
import { formatDate } from './format';

/**
 * Vietnamese messages, one per finding code, naming the figures involved so the officer can fix
 * the cell without opening a manual: "Tổng có mặt ghi 4.876 nhưng tổng các dòng là 4.870".
 */

const n = (v: number | string | undefined): string => (typeof v === 'number' ? formatNumber(v) : String(v ?? ''));
const where = (d: { rowLabel?: string }) => (d.rowLabel ? ` (dòng "${d.rowLabel}")` : '');
/** "Tỷ lệ (%)" reads as itself; other headers are named as a rate. */
const rateName = (header: string) => (/^tỷ lệ/i.test(header) ? header.replace(/\s*\(%\)$/, '') : `Tỷ lệ "${header}"`);
/** Officers know a table by its title, not by the contract's internal name. */
const titleOf = (name: string) => TABLES.find((t) => t.name === name)?.title ?? name;
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
/** "Được giao 64 (ô D7)": a figure with its cell, as every identity message names its parts. */
const fig = (p: FindingPart) => `${p.label} ${formatNumber(p.value)} (ô ${p.cell})`;
const sumOf = (parts: readonly FindingPart[]) => parts.map(fig).join(' + ');

function sumMismatch(d: Extract<Draft, { code: 'sum_mismatch' }>): string {
  if (d.rule === 'T6g') {
    const parts = d.parts?.length ? `cộng các dòng trong nhóm: ${d.parts.map(fig).join(' + ')} = ${n(d.expected)}` : `tổng các dòng trong nhóm là ${n(d.expected)}`;
    return `Dòng nhóm "${d.rowLabel ?? ''}" ghi "${d.totalLabel}" là ${n(d.actual)} (ô ${d.cell}), nhưng ${parts}.`;
  }
  if (d.rule === 'T6' || d.rule?.startsWith('total')) {
    const parts = d.parts?.length ? `cộng các dòng: ${d.parts.map(fig).join(' + ')} = ${n(d.expected)}` : `tổng các dòng${d.related?.length ? ` (ô ${d.related.join(', ')})` : ''} là ${n(d.expected)}`;
    return `Dòng tổng cộng "${d.totalLabel}" ở ô ${d.cell} ghi ${n(d.actual)}, nhưng ${parts}. Cách sửa: tìm dòng nhập sai, hoặc ghi ${n(d.expected)} vào ô ${d.cell}.`;
  }
  const parts = d.parts?.length ? sumOf(d.parts) : d.partLabels.map(lower).join(' + ');
  return `${d.totalLabel}${where(d)} ở ô ${d.cell} ghi ${n(d.actual)}, nhưng ${parts} = ${n(d.expected)}. Cách sửa: nếu các ô thành phần đúng, ghi ${n(d.expected)} vào ô ${d.cell}.`;
}

function derivedMismatch(d: Extract<Draft, { code: 'derived_mismatch' }>): string {
  const [giao, coMat] = d.parts ?? [];
  const head = `"${d.header}"${where(d)} ở ô ${d.cell} ghi ${n(d.actual)}`;
  if (!giao || !coMat || giao.label === coMat.label) return `${head}, nhưng theo số được giao và số có mặt của dòng thì phải là ${n(d.expected)}.`;
  const [a, b] = d.column === 'du' ? [coMat, giao] : [giao, coMat];
  const fix = ` Cách sửa: ghi ${n(d.expected)} (hoặc để công thức của mẫu tự tính).`;
  if (a.value - b.value <= 0) {
    const word = d.column === 'du' ? 'không vượt' : 'không thiếu';
    return `${head}, nhưng ${fig(a)} không lớn hơn ${fig(b)} nên ${word}: phải là 0.${fix}`;
  }
  return `${head}, nhưng ${fig(a)} − ${fig(b)} = ${n(d.expected)}.${fix}`;
}

function rateMismatch(d: Extract<Draft, { code: 'rate_mismatch' }>): string {
  const head = `${rateName(d.header)}${where(d)} ở ô ${d.cell} ghi ${n(d.actual)}%`;
  const num = d.numeratorParts?.length ? (d.numeratorParts.length > 1 ? `${sumOf(d.numeratorParts)} = ${formatNumber(d.numerator)}` : fig(d.numeratorParts[0]!)) : formatNumber(d.numerator);
  const dp = d.denominatorPart;
  const den = !dp ? formatNumber(d.denominator) : d.column === 'tyLeDungHan' ? `${formatNumber(dp.value)} hồ sơ ${lower(dp.label)} (ô ${dp.cell})` : fig(dp);
  if (d.expected === 'không phát sinh') {
    const what = d.denominatorPart ? `${d.denominatorPart.label} (ô ${d.denominatorPart.cell})` : 'mẫu số';
    return `${head}, nhưng ${what} bằng 0: không phát sinh. Cách sửa: xóa tỷ lệ hoặc ghi "không phát sinh".`;
  }
  const pct = formatPercent(Number(d.expected), d.decimals);
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

export function messageFor(d: Draft): string {
  switch (d.code) {
    case 'missing_table':
      return d.severity === 'info'
        ? `Sổ không có bảng "${titleOf(d.tableName)}": các kiểm tra của bảng này được bỏ qua.`
        : `Không tìm thấy bảng "${titleOf(d.tableName)}": các kiểm tra của bảng này chưa thực hiện được. Nếu sổ có bảng này, hãy để dòng tiêu đề cột (ví dụ "${d.columnsHint?.join('", "') ?? ''}") ngay trên số liệu, hoặc dùng mẫu chuẩn.`;
    case 'missing_column':
      return `Bảng "${titleOf(d.tableName)}" không có cột "${d.header}": ${d.unchecked ?? 'các kiểm tra dùng cột này chưa thực hiện được'}.`;
    case 'missing_name':
      return d.severity === 'info'
        ? `Đã lấy "${d.label}" theo nhãn trên sheet "${d.sheet}" (ô ${d.cell}), vì sổ không có ô được đặt tên như mẫu chuẩn.`
        : `Không đọc được "${d.label}": hãy ghi "${d.label}: …" trên sheet "Thông tin".`;
    case 'unknown_contract':
      return `Phiên bản mẫu là "${n(d.actual)}", không phải "${n(d.expected)}": kết quả kiểm tra có thể không đầy đủ.`;
    case 'missing_period':
      return 'Không đọc được kỳ báo cáo (Quý, 6 tháng, Năm…) và năm: đã áp dụng quy định hiện hành và khung thời gian mặc định. Hãy ghi "Kỳ báo cáo: Quý … năm …" trên sheet hoặc trong tiêu đề.';
    case 'sheet_skipped': {
      const what = d.tables.length ? ` (có bảng ${d.tables.map((t) => `"${t}"`).join(', ')})` : '';
      const of = d.period ? ` của ${d.period}` : '';
      if (d.why === 'hidden') return `Trang tính ẩn "${d.skipped}"${of}${what} không được kiểm tra. Nếu đó là số liệu của kỳ này, hãy bỏ ẩn trang tính (chuột phải vào tên trang › Bỏ ẩn) rồi kiểm tra lại.`;
      const read = `đã kiểm tra trang "${d.chosen ?? ''}" (${d.chosenPeriod ?? ''})`;
      return d.why === 'other_period'
        ? `Trang tính "${d.skipped}"${of}${what} không được kiểm tra: sổ ghi kỳ báo cáo là ${d.chosenPeriod ?? ''}, ${read}. Muốn kiểm tra kỳ khác, hãy để trang đó trong một tệp riêng.`
        : `Trang tính "${d.skipped}"${of}${what} không được kiểm tra: sổ có nhiều kỳ mà không ghi kỳ báo cáo, ${read}, là kỳ mới nhất. Hãy ghi "Kỳ báo cáo: …" nếu cần kiểm tra kỳ khác.`;
    }
    case 'sheet_not_read':
      return d.shape === 'period_columns'
        ? `Trang tính "${d.sheet}" có số liệu xếp theo kỳ ở các cột (${d.periods?.join(', ') ?? ''}): trợ lý chưa đọc bảng dạng này nên ${n(d.figures)} số liệu ở đây chưa được kiểm tra. Hãy để mỗi kỳ một bảng theo mẫu (một trang tính hoặc một tệp).`
        : d.shape === 'not_satisfaction_form'
          ? `Trang tính "${d.sheet}" ghi "${d.stated ?? ''}": Mẫu 5 của Quyết định 3869/QĐ-BYT không phải phiếu khảo sát sự hài lòng nên không được tính vào các chỉ số hài lòng.`
          : d.shape === 'indicator_list'
          ? `Trang tính "${d.sheet}" là danh sách chỉ tiêu (cột "Đơn vị tính"): không thuộc bảng nào của mẫu nên ${n(d.figures)} số liệu ở đây chưa được kiểm tra.`
          : `Trang tính "${d.sheet}" có ${n(d.figures)} số liệu nhưng không nhận ra bảng nào của mẫu: các số liệu này chưa được kiểm tra.`;
    case 'formula_not_computed':
      return `Ô "${d.header}"${where(d)} có công thức =${d.formula} nhưng chưa có kết quả tính (tệp do phần mềm khác lưu): hãy mở và lưu lại bằng Excel rồi kiểm tra lại.`;
    case 'total_formula_range':
      return `Công thức tổng "${d.header}" (=${d.formula})${d.missingRows.length ? ` bỏ sót dòng ${d.missingRows.join(', ')}` : ''}${d.missingRows.length && d.extraRows.length ? ' và' : ''}${d.extraRows.length ? ` cộng cả dòng ${d.extraRows.join(', ')} (dòng tổng nhóm hoặc ngoài bảng)` : ''}.`;
    case 'conflicting_values':
      return `Chỉ tiêu "${d.rowLabel ?? ''}" ghi hai lần với hai giá trị khác nhau: "${d.header}" là ${n(d.expected)} ở ô ${d.firstCell} nhưng ${n(d.actual)} ở ô này.`;
    case 'part_exceeds_total':
      return `"${d.header}"${where(d)} ghi ${n(d.actual)}, lớn hơn "${d.boundHeader}" là ${n(d.expected)}.`;
    case 'level_not_in_regime':
      return `"${d.header}"${where(d)} ghi ${n(d.actual)} nhưng từ ngày 01/7/2025 không còn cấp huyện (${d.basis ?? 'quy định hiện hành'}).`;
    case 'carry_over_skipped':
      return `Chưa đối chiếu được "Từ kỳ trước" với kỳ trước (T5): ${d.reason}.`;
    case 'previous_mismatch':
      return d.what === 'unit'
        ? `Tệp kỳ trước là của "${d.previous}", không phải "${d.current}": kiểm tra lại tệp đã chọn.`
        : `Tệp kỳ trước là ${d.previous}, không phải kỳ liền trước ${d.current}: kiểm tra lại tệp đã chọn.`;
    case 'table_found_by_headers':
      return `Bảng "${titleOf(d.tableName)}" không phải bảng Excel có tên; đã nhận ra theo ý nghĩa của tiêu đề cột (xem "Đã nhận ra").`;
    case 'not_a_number':
      return `Ô "${d.header}"${where(d)} ghi "${n(d.actual)}", không phải là số. Cách sửa: ghi số (ghi 0 nếu không phát sinh; ghi chú để ở cột khác).`;
    case 'negative_count':
      return `Ô "${d.header}"${where(d)} ghi ${n(d.actual)}: số lượng không thể âm. Cách sửa: ghi số lượng đúng (từ 0 trở lên).`;
    case 'fractional_count':
      return `Ô "${d.header}"${where(d)} ghi ${n(d.actual)}: số lượng phải là số nguyên. Cách sửa: ghi số nguyên đúng.`;
    case 'error_value':
      return `Ô "${d.header}"${where(d)} có lỗi công thức ${d.errorText}.`;
    case 'missing_value':
      return `Chưa nhập "${d.header}"${where(d)}.`;
    case 'text_number':
      return `Ô "${d.header}"${where(d)} nhập số dạng chữ "${d.text}"; đã hiểu là ${n(d.actual)}.`;
    case 'rate_out_of_range':
      return `${rateName(d.header)}${where(d)} ghi ${n(d.actual)}%, ngoài khoảng 0–100%.`;
    case 'value_out_of_bounds':
      return `Ô "${d.header}"${where(d)} ghi ${n(d.actual)}: giá trị vượt quá giới hạn của một số lượng hay tỷ lệ (tối đa ${formatNumber(d.limit)}); hãy kiểm tra lại số đã nhập.`;
    case 'invalid_option':
      return `Ô "${d.header}"${where(d)} ghi "${n(d.actual)}", không thuộc danh sách: ${d.options.join('; ')}.`;
    case 'duplicate_row':
      return `Dòng "${d.rowLabel ?? ''}" xuất hiện hai lần (lần đầu ở ô ${d.firstCell}).`;
    case 'sum_mismatch':
      return sumMismatch(d);
    case 'derived_mismatch':
      return derivedMismatch(d);
    case 'rate_mismatch':
      return rateMismatch(d);
    case 'carry_over_mismatch':
      return `"Từ kỳ trước"${where(d)} ghi ${n(d.actual)} nhưng kỳ trước còn ${n(d.expected)} hồ sơ đang giải quyết.`;
    case 'cap_exceeded':
      return `${d.subject} xếp loại hoàn thành xuất sắc nhiệm vụ là ${n(d.actual)}, vượt giới hạn ${formatNumber(d.limit)} (${d.capPercent}% của ${formatNumber(d.base)} hoàn thành tốt nhiệm vụ) theo ${d.basis ?? 'quy định hiện hành'}.`;
    case 'tuyen_not_in_regime':
      return `Tuyến "${n(d.actual)}"${where(d)} không còn áp dụng cho kỳ báo cáo này; tuyến hợp lệ: ${d.options.join(', ')}.`;
    case 'satisfaction_inconsistent':
      return `Chỉ số hài lòng toàn diện${where(d)} ghi ${n(d.actual)}% lớn hơn tỷ lệ hài lòng chung ${n(d.expected)}%: không thể xảy ra khi tính từ cùng các phiếu. Cách sửa: tính lại hai chỉ số từ cùng các phiếu khảo sát.`;
    case 'survey_summary_mismatch':
      return `"${d.header}"${where(d)} ghi ${n(d.actual)} nhưng tính từ ${formatNumber(d.respondents)} phiếu là ${n(d.expected)}.`;
    case 'survey_sheet_read':
      return `Sheet "${d.sheet}": đọc ${formatNumber(d.forms)} phiếu theo ${d.version}${SURVEY_SOURCE[d.source]}${d.stated ? ` ("${d.stated}")` : ''}.`;
    case 'survey_items_missing':
      return `Sheet "${d.sheet}" thiếu cột các câu ${itemList(d.items)} của ${d.version}: các chỉ số chỉ tính trên những câu có trên sheet.`;
    case 'survey_items_unknown':
      return `Các cột ${itemList(d.items)} không có trong ${d.version}; vẫn được tính như câu hỏi thang điểm 1–5 của khía cạnh tương ứng.`;
    case 'survey_answer_out_of_scale':
      return `Câu ${d.item}${d.formId ? ` của phiếu số ${d.formId}` : ''} ghi "${n(d.actual)}", không thuộc các giá trị hợp lệ (${d.allowed}); câu trả lời này không được tính.`;
    case 'survey_answer_blank':
      return `${phieu(d.formId)} bỏ trống ${d.items.length} câu: ${itemList(d.items)}.`;
    case 'survey_form_empty':
      return `${phieu(d.formId)} không có câu trả lời nào: không được tính vào số phiếu.`;
    case 'survey_duplicate_form':
      return `Mã phiếu "${d.formId}" trùng với phiếu ở ô ${d.firstCell}.`;
    case 'survey_form_outside_window':
      return `${phieu(d.formId)} điền ngày ${formatDate(String(d.actual))}, ngoài thời gian lấy số liệu từ ${formatDate(d.from)} đến ${formatDate(d.to)}.`;
    case 'survey_summary_row_missing':
      return `Có ${formatNumber(d.forms)} phiếu khảo sát ${lower(d.subject)} nhưng bảng KhaoSatHaiLong không có dòng "${d.subject}"; các chỉ số được tính từ phiếu.`;
    case 'survey_findings_capped':
      return `Sheet "${d.sheet}" còn ${formatNumber(d.more)} ô "${CAPPED_KIND[d.of] ?? d.of}" nữa; chỉ ${formatNumber(d.shown)} ô đầu tiên được đánh dấu. Hãy kiểm tra cách mã hoá câu trả lời của cả cột.`;
    case 'invalid_period_kind':
      return `Kỳ báo cáo "${n(d.actual)}" không hợp lệ; chọn một trong: ${d.options.join(', ')}.`;
    case 'invalid_year':
      if (typeof d.actual === 'number') {
        // 1999 is shown as a year, not "1.999"; 1e308 as "1 × 10³⁰⁸", never "1e+308".
        const y = Number.isInteger(d.actual) && Math.abs(d.actual) < 10000 ? String(d.actual) : n(d.actual);
        return `Năm báo cáo "${y}" không hợp lệ: hãy ghi năm bằng bốn chữ số, từ 2000 đến 2100.`;
      }
      return `Năm báo cáo "${n(d.actual)}" không hợp lệ.`;
    case 'invalid_date':
      // A number beyond every date (a date cell of 1e308): the reader may not even keep its value.
      if (d.outOfRange) {
        const shown = typeof d.actual === 'number' && Number.isFinite(d.actual) ? ` (${n(d.actual)})` : '';
        return `"${d.label}" ghi một số${shown} quá lớn hoặc quá nhỏ để là ngày (Excel chỉ ghi được ngày từ 01/01/1900 đến 31/12/9999): hãy ghi lại ngày, ví dụ 01/01/2023.`;
      }
      return `"${d.label}" ghi "${n(d.actual)}", không đọc được là ngày. Cách sửa: ghi ngày dạng ngày/tháng/năm, ví dụ 14/3/2023.`;
    case 'window_reversed':
      return `Thời gian lấy số liệu kết thúc trước khi bắt đầu: từ ${formatDate(d.from)} đến ${formatDate(d.to)}. Cách sửa: xem lại năm của ngày bắt đầu và ngày kết thúc.`;
    case 'merge_period_differs':
      return `Tệp ${d.file ?? ''} của "${d.unit}" là số liệu ${d.period}, khác kỳ của các đơn vị khác (${d.expectedPeriod}): không đưa vào tổng hợp.`;
    case 'merge_duplicate_unit':
      return d.by === 'name'
        ? `"${d.unit}" có hai tệp (${d.otherFile} và ${d.file ?? ''}): chỉ cộng tệp ${d.otherFile}, kiểm tra lại tệp nào đúng.`
        : `Tệp ${d.file ?? ''} ("${d.unit}") có số liệu trùng hệt tệp ${d.otherFile} ("${d.otherUnit}"): có thể gửi nhầm tệp của đơn vị khác; không đưa vào tổng hợp.`;
    case 'merge_stale_file':
      return d.by === 'file'
        ? `Tệp ${d.file ?? ''} của "${d.unit}" giống hệt tệp đã dùng ở kỳ trước: có thể gửi lại tệp cũ; không đưa vào tổng hợp.`
        : `Số liệu của "${d.unit}" (tệp ${d.file ?? ''}) trùng hệt số liệu kỳ trước của đơn vị: có thể là tệp kỳ trước; không đưa vào tổng hợp.`;
    case 'merge_consolidated_input':
      return `Tệp ${d.file ?? ''} là một sổ tổng hợp (có sheet "Nguồn" và "Truy vết"), không phải sổ của một đơn vị: cộng nó sẽ tính hai lần số của các đơn vị đã tổng hợp; không đưa vào tổng hợp. Hãy để sổ tổng hợp ngoài thư mục của các đơn vị.`;
    case 'merge_unit_missing':
      return `Kỳ trước có "${d.unit}" nhưng kỳ này không có tệp của đơn vị: số tổng hợp thiếu phần của đơn vị này.`;
    case 'merge_unit_new':
      return `"${d.unit}" (tệp ${d.file ?? ''}) không có trong tổng hợp kỳ trước: đơn vị mới, hoặc tên đơn vị ghi khác kỳ trước.`;
    case 'merge_carry_over':
      return `"${d.unit}" ghi ${n(d.actual)} hồ sơ từ kỳ trước nhưng kỳ trước đơn vị còn ${n(d.expected)} hồ sơ đang giải quyết (T5).`;
    case 'merge_large_change':
      return `"${d.unit}": ${lower(d.header)} ${n(d.actual)}, kỳ trước ${n(d.expected)} (thay đổi ${formatNumber(d.changePercent, 1)}%, quá ngưỡng ${formatNumber(d.limitPercent)}%): kiểm tra lại số liệu của đơn vị.`;
    case 'merge_file_unreadable':
      return `Không đọc được tệp ${d.file}: ${d.reason} Tệp này không được đưa vào tổng hợp; hãy sửa hoặc xin lại tệp rồi chạy lại.`;
    case 'text_converted':
      return `Đã chuyển mã ${d.encoding === 'tcvn3' ? 'TCVN3' : 'VNI'} sang Unicode ở ${n(d.cells)} ô của trang tính "${d.sheet}" (chữ gõ bằng phông ${d.encoding === 'tcvn3' ? 'TCVN3 (ABC) .VnTime, .VnArial…' : 'VNI-Times…'}): hãy xem lại các tên đơn vị, lĩnh vực đã đọc; nên chuyển hẳn sổ sang Unicode (Unikey: Công cụ chuyển mã).`;
    case 'merge_previous_unusable':
      return `Sổ tổng hợp kỳ trước ${d.file} không có sheet "Nguồn" (không do lệnh merge ghi): chưa so được danh sách đơn vị và số liệu từng đơn vị với kỳ trước.`;
    case 'window_differs':
      return `${d.label} ghi ${n(d.actual)}, khác với kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (từ ${formatDate(d.from)} đến ${formatDate(d.to)}).`;
  }
}

export function withMessage(d: Draft): Finding {
  return { ...d, message: messageFor(d) } as Finding;
}

export { SEVERITY_LABEL } from './findings';
