import type { CatalogueEntry } from './entry';

/**
 * The findings of the report's text (`cchc doc`, the Word pane's "Kiểm tra số liệu trong văn
 * bản", src/core/prose/): one entry per code, its message built from the arguments the check
 * gives (the figures as the text prints them), so the CLI and the Word pane say the same thing.
 * The codes of the document family are this object's keys (`DocCode`, src/core/prose/types.ts).
 */

/** What a document check hands to its message: the figures and words, already formatted. */
export type DocArgs = Record<string, string | number>;

const withCause = (text: string, a: DocArgs) => (a.cause ? `${text} Nguyên nhân có thể: ${a.cause}.` : text);

const where = (a: DocArgs) => (a.marker === 'ghi chú' ? 'trong chú thích' : a.marker === 'nhóm chỉ số' ? 'cho các nhóm chỉ số' : a.marker === 'bảng' ? 'trong dòng của bảng' : a.marker === 'ngoặc' ? 'trong ngoặc' : `sau "${a.marker}"`);

export const DOCUMENT_FINDINGS = {
  percent_mismatch: {
    severity: 'error',
    severityNote: 'error; info when the figure is the true value cut instead of rounded',
    doc: 'no reading of the percentage rounds to it; cause: another count of the sentence as denominator ("sai mẫu số")',
    levelNote: 'Gợi ý khi tỷ lệ chỉ bị cắt bớt chữ số thay vì làm tròn',
    meaning: 'Tỷ lệ phần trăm viết trong văn bản không khớp với các số nêu kèm, dù đọc câu theo cách nào.',
    fix: 'tính lại tỷ lệ từ các số nêu kèm (hoặc sửa số bị gõ nhầm) và làm tròn đúng',
    message: (a) => withCause(`Tỷ lệ ghi ${a.stated} không khớp với số liệu nêu kèm theo bất kỳ cách đọc nào: ${a.fraction}.`, a),
  },
  percent_impossible: {
    severity: 'error',
    doc: 'a single reading, and no whole count over its denominator gives the printed percentage (GRIM)',
    meaning: 'Tỷ lệ viết trong văn bản không thể có được với mẫu số đã nêu, dù tử số là bao nhiêu.',
    fix: 'tính lại tỷ lệ, hoặc sửa mẫu số cho đúng',
    message: (a) => `Tỷ lệ ghi ${a.stated} không thể có với bất kỳ số nguyên nào trên ${a.denominator}; theo ${a.fraction} phải là ${a.expected}.`,
  },
  hedge_contradicted: {
    severity: 'error',
    doc: '"trên 94%" but every reading gives less',
    meaning: 'Văn bản viết "trên", "hơn", "gần"… một tỷ lệ, nhưng các số nêu kèm lại cho một tỷ lệ trái với cách viết đó.',
    fix: 'sửa tỷ lệ, hoặc sửa chữ "trên", "hơn"… cho đúng với số liệu',
    message: (a) => `Văn bản ghi "${a.hedge} ${a.stated}" nhưng ${a.actual}.`,
  },
  parts_exceed_total: {
    severity: 'error',
    doc: 'the parts add up to more than the total',
    meaning: 'Các số thành phần liệt kê trong câu cộng lại lớn hơn số tổng đã viết.',
    fix: 'xem lại số tổng và từng số thành phần, sửa số bị gõ nhầm',
    message: (a) => `Các số liệt kê ${where(a)} cộng lại ${a.sum} (${a.parts}), lớn hơn tổng đã ghi ${a.total}.`,
  },
  parts_sum_mismatch: {
    severity: 'error',
    doc: 'the parts add up to less than the total, where they name a whole split of it or "gồm" lists them ("trong đó" may name some parts only)',
    meaning: 'Các số liệt kê đủ các phần của một tổng nhưng cộng lại không bằng số tổng đã viết.',
    fix: 'xem lại số tổng và từng số thành phần, sửa số bị gõ nhầm',
    message: (a) => `Các số liệt kê ${where(a)} cộng lại ${a.sum} (${a.parts}), không bằng tổng đã ghi ${a.total}.`,
  },
  shares_sum_mismatch: {
    severity: 'error',
    doc: 'the shares of one whole split of the files resolved (early, on time, late; or on time and late over the files resolved named as base), stated in one sentence, do not add up to 100 % within their rounding',
    meaning: 'Các tỷ lệ trước hạn, đúng hạn, quá hạn của cùng số hồ sơ đã giải quyết phải cộng lại 100%, nhưng các tỷ lệ viết trong câu cộng lại khác 100%.',
    fix: 'tính lại từng tỷ lệ từ số hồ sơ, sửa tỷ lệ bị gõ nhầm',
    message: (a) => `Các tỷ lệ ${a.parts} của cùng số hồ sơ đã giải quyết cộng lại ${a.sum}, không phải 100%.`,
  },
  comparison_not_past: {
    severity: 'warning',
    doc: 'a comparison with a year that is not before the report\'s period ("so với cùng kỳ năm 2023" in the report of quý III năm 2022); a sentence about what is to come is left alone',
    meaning: 'Văn bản so sánh với một năm chưa qua (hoặc chính năm báo cáo) so với kỳ của báo cáo, thường do gõ nhầm năm hoặc chép từ báo cáo khác.',
    fix: 'sửa năm của kỳ so sánh (thường là năm trước năm báo cáo)',
    message: (a) => `Văn bản so sánh với ${a.compared}, nhưng đây là báo cáo ${a.report}: kỳ so sánh phải là kỳ đã qua.`,
  },
  change_mismatch: {
    severity: 'error',
    doc: 'a change written with the two values it is between ("tăng … từ A lên B", "B, tăng N so với … (A)") whose amount is not their difference (in points, or relative for a percentage) or whose verb goes the other way; for a rank, the amount only',
    meaning: 'Mức tăng, giảm viết trong văn bản không khớp với hai giá trị trước và sau được nêu kèm, hoặc viết "tăng" khi số liệu giảm (và ngược lại).',
    fix: 'tính lại mức thay đổi từ hai giá trị, hoặc sửa giá trị bị gõ nhầm',
    message: (a) => `Mức thay đổi viết trong văn bản không khớp với số liệu nêu kèm: từ ${a.from} đến ${a.to} là ${a.actual}.`,
  },
  window_backwards: {
    severity: 'error',
    doc: 'the window ends before it starts; cause: a year typo when shifting one year gives the period\'s window',
    meaning: 'Khoảng thời gian viết trong văn bản có ngày kết thúc trước ngày bắt đầu, thường do gõ nhầm năm.',
    fix: 'sửa năm hoặc ngày của khoảng thời gian',
    message: (a) => withCause(`Khoảng thời gian "từ ${a.from} đến ${a.to}" có ngày kết thúc trước ngày bắt đầu.`, a),
  },
  window_not_period: {
    severity: 'warning',
    doc: 'a window with one end on the period\'s (or the same days of another year) that is neither the NĐ 09/2019 nor the calendar window of the title\'s period',
    meaning: 'Khoảng thời gian viết trong văn bản không khớp với kỳ báo cáo ghi ở tiêu đề.',
    fix: 'sửa ngày theo kỳ báo cáo; nếu tỉnh quy định khung thời gian khác, giữ nguyên',
    message: (a) => withCause(`Khoảng thời gian từ ${a.from} đến ${a.to} không khớp kỳ báo cáo ${a.period} (theo Nghị định 09/2019/NĐ-CP: ${a.expected}).`, a),
  },
  date_after_report: {
    severity: 'error',
    doc: 'a cited document dated after the report\'s own date',
    meaning: 'Một văn bản được dẫn trong báo cáo mang ngày sau ngày của chính báo cáo.',
    fix: 'xem lại ngày của văn bản được dẫn (có thể gõ nhầm hoặc chép từ báo cáo kỳ khác)',
    message: (a) => `Văn bản được dẫn mang ngày ${a.date}, sau ngày của báo cáo (${a.report}). Có thể gõ nhầm hoặc chép từ báo cáo kỳ khác.`,
  },
  cited_date_mismatch: {
    severity: 'warning',
    doc: 'one cited document (number and symbol) given two dates of the same year',
    meaning: 'Cùng một văn bản (cùng số và ký hiệu) được dẫn hai lần với hai ngày ban hành khác nhau trong cùng một năm.',
    fix: 'đối chiếu với văn bản gốc và sửa ngày sai ở chỗ dẫn',
    message: (a) => `Văn bản ${a.symbol} được dẫn với hai ngày ban hành: ${a.date} ở đây và ${a.first} ở ${a.where}. Hãy đối chiếu với văn bản gốc và sửa ngày sai.`,
  },
  repeated_mismatch: {
    severity: 'warning',
    doc: 'the same quantity (same words, thing counted, subject and level, compatible dates), or a named index of one province and year, stated twice with two values',
    meaning: 'Cùng một số liệu được nêu hai lần trong văn bản với hai giá trị khác nhau.',
    fix: 'thống nhất một giá trị đúng ở cả hai chỗ',
    message: (a) => `"${a.what}" được nêu hai lần với hai giá trị: ${a.value} ở đây và ${a.first} ở ${a.where}.`,
  },
  workbook_mismatch: {
    severity: 'error',
    doc: 'a figure stating a workbook quantity differs from the workbook',
    meaning: 'Một số liệu viết trong văn bản khác số trong sổ số liệu đã chọn.',
    fix: 'sửa số trong văn bản theo sổ số liệu (hoặc sửa sổ nếu sổ ghi sai)',
    message: (a) => `Văn bản ghi ${a.what} là ${a.stated}, sổ số liệu ghi ${a.actual}.`,
  },
  workbook_other_report: {
    severity: 'error',
    doc: 'the workbook given with `--workbook` is of another province or period than the report: nothing is compared',
    meaning: 'Sổ số liệu đã chọn là của tỉnh hoặc kỳ báo cáo khác với văn bản, nên số liệu không được đối chiếu.',
    fix: 'chọn đúng sổ số liệu của báo cáo này',
    message: (a) => `Sổ số liệu là của ${a.workbook}, văn bản là của ${a.document}: khác ${a.what}, nên số liệu không được đối chiếu. Hãy chọn đúng sổ số liệu của báo cáo này.`,
  },
  table_total_mismatch: {
    severity: 'error',
    doc: 'a total row of a table in the report is not the sum of the rows above it',
    meaning: 'Dòng tổng của một bảng trong văn bản không bằng tổng các dòng phía trên nó.',
    fix: 'sửa dòng tổng, hoặc dòng bị gõ nhầm',
    message: (a) => `Dòng tổng của cột "${a.column}" ghi ${a.total}, nhưng ${a.rows} dòng trên cộng lại ${a.sum}.`,
  },
  stale_figure: {
    severity: 'warning',
    doc: 'such a figure equals the previous period\'s value (`--previous`) and not this one\'s',
    meaning: 'Một số viết trong văn bản bằng số của kỳ trước chứ không phải số của kỳ này trong sổ, có lẽ chưa được cập nhật.',
    fix: 'cập nhật số theo sổ số liệu kỳ này',
    message: (a) => `Văn bản ghi ${a.what} là ${a.stated}, đúng bằng số của kỳ trước; sổ số liệu kỳ này ghi ${a.actual}. Có lẽ số chưa được cập nhật.`,
  },
  english_decimal: {
    severity: 'info',
    doc: 'a percentage typed with a decimal point',
    meaning: 'Một số thập phân được viết bằng dấu chấm theo kiểu tiếng Anh; trợ lý vẫn đọc được.',
    fix: 'viết dấu phẩy thập phân, ví dụ 98,5%',
    message: (a) => `Số thập phân viết kiểu tiếng Anh (dấu chấm); đã đọc là ${a.value}. Văn bản tiếng Việt dùng dấu phẩy.`,
  },
} satisfies Record<string, CatalogueEntry<DocArgs>>;
