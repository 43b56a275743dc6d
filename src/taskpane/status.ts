import { HostError } from '../host/actions';
// Small modules only: this file is in the pane's first chunk.
import { SEVERITY_LABEL, type Summary } from '../core/findings';
import { formatCount, formatDate, localIsoDate } from '../core/format';
import { libraryErrorMeaning } from '../xlsx/errors';
/** What the pane is doing, shared by the pane and its lazily loaded status bar. */
export type Busy = 'check' | 'clear' | 'insert' | 'download' | null;

export interface StatusProps {
  busy: Busy;
  error: string | null;
  notice: string | null;
}

const BUSY_TEXT: Record<Exclude<Busy, null>, string> = {
  check: 'Đang đọc và kiểm tra sổ tính…',
  clear: 'Đang xóa đánh dấu…',
  insert: 'Đang chèn mẫu chuẩn…',
  download: 'Đang tạo tệp báo cáo…',
};

export function busyText(busy: Exclude<Busy, null>): string {
  return BUSY_TEXT[busy];
}

/**
 * "10:32 ngày 22/11/2026" in the officer's local time, the date in the product's one format
 * (NĐ 30/2020, core/format formatDate); the ISO text itself if it is not a date. Every moment the
 * panes show goes through here, so a sentence reads "lúc 10:32 ngày 22/11/2026" once.
 */
export function formatAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${formatDate(localIsoDate(d))}`;
}

/** "3 lỗi, 2 cảnh báo, 1 gợi ý" with the panes' and the CLI's severity names; "" when none. */
export function countsSentence(summary: Summary): string {
  const parts: string[] = [];
  if (summary.errors) parts.push(`${formatCount(summary.errors)} ${SEVERITY_LABEL.error.toLowerCase()}`);
  if (summary.warnings) parts.push(`${formatCount(summary.warnings)} ${SEVERITY_LABEL.warning.toLowerCase()}`);
  if (summary.infos) parts.push(`${formatCount(summary.infos)} ${SEVERITY_LABEL.info.toLowerCase()}`);
  return parts.join(', ');
}

/** What the live region says after a check. */
export function checkedSentence(summary: Summary): string {
  const c = countsSentence(summary);
  return c ? `Kiểm tra xong: ${c}.` : 'Kiểm tra xong: không phát hiện lỗi hay cảnh báo nào.';
}

/**
 * What a pane shows for a failure: host errors and unreadable workbooks carry a Vietnamese
 * sentence already; anything else is a bug of ours, said plainly with what to try.
 */
export function messageOf(e: unknown): string {
  if (e instanceof HostError) return e.message;
  // The files' own refusals (a workbook or a report template we cannot use, a consolidation too
  // large to be read back) say why and what to do.
  if (e instanceof Error && (e.name === 'UnreadableWorkbookError' || e.name === 'UnreadableTemplateError' || e.name === 'MergedWorkbookTooLargeError')) return e.message;
  // Library errors are English (the zip and XML parsers): their meaning is shown instead.
  const detail = libraryErrorMeaning(e);
  return `Đã xảy ra lỗi không mong đợi: ${detail}. Hãy thử lại; nếu lỗi lặp lại, hãy đóng và mở lại bổ trợ.`;
}

/** The state setters an action of a pane clears and sets: what `runAction` needs of the component. */
export interface ActionState<K> {
  setBusy: (busy: K | null) => void;
  setError: (error: string | null) => void;
  setNotice: (notice: string | null) => void;
  /** Says the failure in the pane's live region as well, where it has one. */
  announce?: (text: string) => void;
  /** Clears what else the pane shows of the last action, before this one starts. */
  before?: () => void;
  /** Resets what else the action showed while it ran (a progress line), however it ended. */
  after?: () => void;
}

/**
 * One action of a pane: busy while it runs, the last error and notice cleared first, a failure
 * shown (and announced) in Vietnamese by `messageOf`, never thrown on. Every pane runs its
 * buttons through this, so they behave alike.
 */
export async function runAction<K>(kind: K, work: () => Promise<void>, state: ActionState<K>): Promise<void> {
  state.setBusy(kind);
  state.setError(null);
  state.setNotice(null);
  state.before?.();
  try {
    await work();
  } catch (e) {
    const m = messageOf(e);
    state.setError(m);
    state.announce?.(m);
  } finally {
    state.setBusy(null);
    state.after?.();
  }
}
