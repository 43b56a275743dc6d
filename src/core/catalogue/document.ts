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

const where = (a: DocArgs) => (a.marker === 'ghi chú' ? 'trong chú thích' : a.marker === 'bảng' ? 'trong dòng của bảng' : a.marker === 'ngoặc' ? 'trong ngoặc' : `sau "${a.marker}"`);

export const DOCUMENT_FINDINGS = {
  percent_mismatch: {
    severity: 'error',
    severityNote: 'error; info when the figure is the true value cut instead of rounded',
    doc: 'no reading of the percentage rounds to it; cause: another count of the sentence as denominator ("sai mẫu số")',
    message: (a) => withCause(`Tỷ lệ ghi ${a.stated} không khớp với số liệu nêu kèm theo bất kỳ cách đọc nào: ${a.fraction}.`, a),
  },
  percent_impossible: {
    severity: 'error',
    doc: 'a single reading, and no whole count over its denominator gives the printed percentage (GRIM)',
    message: (a) => `Tỷ lệ ghi ${a.stated} không thể có với bất kỳ số nguyên nào trên ${a.denominator}; theo ${a.fraction} phải là ${a.expected}.`,
  },
  hedge_contradicted: {
    severity: 'error',
    doc: '"trên 94%" but every reading gives less',
    message: (a) => `Văn bản ghi "${a.hedge} ${a.stated}" nhưng ${a.actual}.`,
  },
  parts_exceed_total: {
    severity: 'error',
    doc: 'the parts add up to more than the total',
    message: (a) => `Các số liệt kê ${where(a)} cộng lại ${a.sum} (${a.parts}), lớn hơn tổng đã ghi ${a.total}.`,
  },
  parts_sum_mismatch: {
    severity: 'error',
    doc: 'the parts add up to less than the total, where they name a whole split of it or "gồm" lists them ("trong đó" may name some parts only)',
    message: (a) => `Các số liệt kê ${where(a)} cộng lại ${a.sum} (${a.parts}), không bằng tổng đã ghi ${a.total}.`,
  },
  window_backwards: {
    severity: 'error',
    doc: 'the window ends before it starts; cause: a year typo when shifting one year gives the period\'s window',
    message: (a) => withCause(`Khoảng thời gian "từ ${a.from} đến ${a.to}" có ngày kết thúc trước ngày bắt đầu.`, a),
  },
  window_not_period: {
    severity: 'warning',
    doc: 'a window with one end on the period\'s (or the same days of another year) that is neither the NĐ 09/2019 nor the calendar window of the title\'s period',
    message: (a) => withCause(`Khoảng thời gian từ ${a.from} đến ${a.to} không khớp kỳ báo cáo ${a.period} (theo Nghị định 09/2019/NĐ-CP: ${a.expected}).`, a),
  },
  date_after_report: {
    severity: 'error',
    doc: 'a cited document dated after the report\'s own date',
    message: (a) => `Văn bản được dẫn mang ngày ${a.date}, sau ngày của báo cáo (${a.report}). Có thể gõ nhầm hoặc chép từ báo cáo kỳ khác.`,
  },
  cited_date_mismatch: {
    severity: 'warning',
    doc: 'one cited document (number and symbol) given two dates of the same year',
    message: (a) => `Văn bản ${a.symbol} được dẫn với hai ngày ban hành: ${a.date} ở đây và ${a.first} ở ${a.where}. Hãy đối chiếu với văn bản gốc và sửa ngày sai.`,
  },
  repeated_mismatch: {
    severity: 'warning',
    doc: 'the same quantity (same words, thing counted, subject and level, compatible dates) stated twice with two values',
    message: (a) => `"${a.what}" được nêu hai lần với hai giá trị: ${a.value} ở đây và ${a.first} ở ${a.where}.`,
  },
  workbook_mismatch: {
    severity: 'error',
    doc: 'a figure stating a workbook quantity differs from the workbook',
    message: (a) => `Văn bản ghi ${a.what} là ${a.stated}, sổ số liệu ghi ${a.actual}.`,
  },
  workbook_other_report: {
    severity: 'error',
    doc: 'the workbook given with `--workbook` is of another province or period than the report: nothing is compared',
    message: (a) => `Sổ số liệu là của ${a.workbook}, văn bản là của ${a.document}: khác ${a.what}, nên số liệu không được đối chiếu. Hãy chọn đúng sổ số liệu của báo cáo này.`,
  },
  table_total_mismatch: {
    severity: 'error',
    doc: 'a total row of a table in the report is not the sum of the rows above it',
    message: (a) => `Dòng tổng của cột "${a.column}" ghi ${a.total}, nhưng ${a.rows} dòng trên cộng lại ${a.sum}.`,
  },
  stale_figure: {
    severity: 'warning',
    doc: 'such a figure equals the previous period\'s value (`--previous`) and not this one\'s',
    message: (a) => `Văn bản ghi ${a.what} là ${a.stated}, đúng bằng số của kỳ trước; sổ số liệu kỳ này ghi ${a.actual}. Có lẽ số chưa được cập nhật.`,
  },
  english_decimal: {
    severity: 'info',
    doc: 'a percentage typed with a decimal point',
    message: (a) => `Số thập phân viết kiểu tiếng Anh (dấu chấm); đã đọc là ${a.value}. Văn bản tiếng Việt dùng dấu phẩy.`,
  },
} satisfies Record<string, CatalogueEntry<DocArgs>>;
