/**
 * Vietnamese messages of the prose findings, one per code, built from the finding's fields (as
 * src/core/messages.ts does for the workbook's), so the CLI and the Word pane say the same thing.
 */
import { formatNumber, formatPercent } from '../numbers';
import { formatDate } from '../format';
import type { DocCode } from './types';

export const fmtNum = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : undefined);
export const fmtPct = (p: number, decimals: number) => formatPercent(p, decimals);
/** Dates as the rest of the product writes them (NĐ 30/2020: "14/3/2022", "05/02/2023"). */
export const fmtDate = (iso: string) => formatDate(iso);

type Args = Record<string, string | number>;

const withCause = (text: string, a: Args) => (a.cause ? `${text} Nguyên nhân có thể: ${a.cause}.` : text);

const where = (a: Args) => (a.marker === 'ghi chú' ? 'trong chú thích' : a.marker === 'bảng' ? 'trong dòng của bảng' : a.marker === 'ngoặc' ? 'trong ngoặc' : `sau "${a.marker}"`);

const MESSAGES: Record<DocCode, (a: Args) => string> = {
  percent_mismatch: (a) => withCause(`Tỷ lệ ghi ${a.stated} không khớp với số liệu nêu kèm theo bất kỳ cách đọc nào: ${a.fraction}.`, a),
  percent_impossible: (a) => `Tỷ lệ ghi ${a.stated} không thể có với bất kỳ số nguyên nào trên ${a.denominator}; theo ${a.fraction} phải là ${a.expected}.`,
  hedge_contradicted: (a) => `Văn bản ghi "${a.hedge} ${a.stated}" nhưng ${a.actual}.`,
  parts_exceed_total: (a) => `Các số liệt kê ${where(a)} cộng lại ${a.sum} (${a.parts}), lớn hơn tổng đã ghi ${a.total}.`,
  parts_sum_mismatch: (a) => `Các số liệt kê ${where(a)} cộng lại ${a.sum} (${a.parts}), không bằng tổng đã ghi ${a.total}.`,
  window_backwards: (a) => withCause(`Khoảng thời gian "từ ${a.from} đến ${a.to}" có ngày kết thúc trước ngày bắt đầu.`, a),
  window_not_period: (a) => withCause(`Khoảng thời gian từ ${a.from} đến ${a.to} không khớp kỳ báo cáo ${a.period} (theo Nghị định 09/2019/NĐ-CP: ${a.expected}).`, a),
  date_after_report: (a) => `Văn bản được dẫn mang ngày ${a.date}, sau ngày của báo cáo (${a.report}). Có thể gõ nhầm hoặc chép từ báo cáo kỳ khác.`,
  repeated_mismatch: (a) => `"${a.what}" được nêu hai lần với hai giá trị: ${a.value} ở đây và ${a.first} ở ${a.where}.`,
  workbook_mismatch: (a) => `Văn bản ghi ${a.what} là ${a.stated}, sổ số liệu ghi ${a.actual}.`,
  workbook_other_report: (a) => `Sổ số liệu là của ${a.workbook}, văn bản là của ${a.document}: khác ${a.what}, nên số liệu không được đối chiếu. Hãy chọn đúng sổ số liệu của báo cáo này.`,
  table_total_mismatch: (a) => `Dòng tổng của cột "${a.column}" ghi ${a.total}, nhưng ${a.rows} dòng trên cộng lại ${a.sum}.`,
  stale_figure: (a) => `Văn bản ghi ${a.what} là ${a.stated}, đúng bằng số của kỳ trước; sổ số liệu kỳ này ghi ${a.actual}. Có lẽ số chưa được cập nhật.`,
  english_decimal: (a) => `Số thập phân viết kiểu tiếng Anh (dấu chấm); đã đọc là ${a.value}. Văn bản tiếng Việt dùng dấu phẩy.`,
};

export function message(code: DocCode, args: Args): string {
  return MESSAGES[code](args);
}
