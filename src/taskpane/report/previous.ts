/**
 * The previous period's workbook picked in a pane (the Excel pane's and the standalone page's
 * "So sánh với sổ kỳ trước…", the Word pane's "Sổ kỳ trước"), judged by the rules `cchc report
 * --previous` follows (src/core/pairing.ts), with the same Vietnamese message: another unit's or
 * a later period's workbook is refused; one that is neither the period right before nor the same
 * period a year before is used only once the officer confirms ("Vẫn so sánh", the pane's
 * --force), and the paragraphs then say "(không phải kỳ liền trước)" (narrative/compare.ts).
 */
import { checkPrevious, identityOf } from '../../core/pairing';
import type { CheckReport } from '../../core/report';

export type PreviousChoice =
  | { kind: 'ok' }
  /** Not usable at all: shown, and the previous workbook is not kept. */
  | { kind: 'refused'; message: string }
  /** Usable only after "Vẫn so sánh": `message` asks, `note` is what stays shown once confirmed. */
  | { kind: 'confirm'; message: string; note: string };

/** The label of the workbook being reported on when the host gives no file name (Excel's open workbook). */
const CURRENT = 'sổ đang kiểm tra';

export function judgePrevious(current: CheckReport, previous: CheckReport, names: { current?: string; previous: string }): PreviousChoice {
  const problem = checkPrevious(identityOf(current), identityOf(previous), { current: names.current ?? current.file ?? CURRENT, previous: names.previous });
  if (!problem) return { kind: 'ok' };
  if (problem.hard) return { kind: 'refused', message: `${problem.message} Hãy chọn sổ của kỳ trước.` };
  return {
    kind: 'confirm',
    message: `${problem.message} Chọn đúng sổ kỳ trước, hoặc bấm «Vẫn so sánh» nếu vẫn muốn so sánh (đoạn văn sẽ ghi rõ điều đó).`,
    note: `Lưu ý (đã chọn vẫn so sánh): ${problem.message}`,
  };
}
