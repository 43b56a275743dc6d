/**
 * The ribbon's "Kiểm tra số liệu" button (ExecuteFunction "kiemTraSoLieu", Excel only: the
 * manifest gives Word no such button): runs the same check as the pane, without opening it.
 *
 * How the result reaches the user: the highlights themselves (red/yellow cells), and a small
 * dialog (dialog.html) with a one-line summary, also for a clean workbook, a failure, or a host
 * that cannot colour, where otherwise nothing at all would be seen. The summary is also stored in
 * workbook.settings, which the pane shows when it is opened. Office calls the function in a
 * runtime of its own; event.completed() is called once the dialog is closed (or could not be
 * opened), so the runtime that owns the dialog stays until then, and always, also on failure, or
 * Office keeps the button busy.
 */
import type { Summary } from '../core/findings';
import { createExcelActions, storeLastCheck } from '../excel/actions';
import { HostError, type ExcelActions } from '../host/actions';

export const LAST_CHECK_KEY = 'cchc.lastCheck';

/** The page the dialog shows; the message travels in its fragment, never to a server. */
export const DIALOG_PAGE = 'dialog.html';

/** Longest wait for the user to close the dialog before the command completes anyway. */
const DIALOG_WAIT_MS = 4 * 60 * 1000;

/**
 * Longest wait for the check itself. A batch Excel never answers (a workbook left in cell-edit
 * mode on some hosts, a lost connection on the web) would otherwise keep the ribbon button busy
 * with no word to the officer; past this the command says so and completes. A check of the
 * largest workbook the readers accept takes seconds.
 */
export const CHECK_WAIT_MS = 2 * 60 * 1000;

export const CHECK_TIMEOUT_MESSAGE = 'Excel chưa trả lời sau 2 phút nên chưa kiểm tra xong. Hãy bấm ra ngoài ô đang sửa (nếu có), rồi mở Trợ lý báo cáo và kiểm tra lại.';

/** The check, or a HostError saying it took too long: whichever comes first. */
function withinWait<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError(CHECK_TIMEOUT_MESSAGE)), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export interface LastCheck {
  at: string;
  ok: boolean;
  summary?: Summary;
  message: string;
  /** What could not be coloured, if anything (not stored: the pane's own check says it again). */
  notice?: string;
}

export function summaryMessage(s: Summary): string {
  if (s.errors > 0) {
    const parts = [`${s.errors} lỗi`];
    if (s.warnings) parts.push(`${s.warnings} cảnh báo`);
    return `Đã kiểm tra: ${parts.join(', ')}. Mở Trợ lý báo cáo để xem chi tiết.`;
  }
  if (s.warnings > 0) return `Sẵn sàng nộp: không có lỗi (${s.warnings} cảnh báo nên xem lại trong Trợ lý báo cáo).`;
  return 'Sẵn sàng nộp: không có lỗi.';
}

/** Opens the result dialog; resolves when the user has closed it, or at once if it cannot open. */
export function showResult(rec: LastCheck): Promise<void> {
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (!ui?.displayDialogAsync || !Office.context.requirements.isSetSupported('DialogApi', '1.1')) return Promise.resolve();
  // Taken now: the callbacks may run after the runtime's globals are gone.
  const { AsyncResultStatus, EventType } = Office;
  const text = [rec.message, rec.notice].filter(Boolean).join('\n');
  const base = typeof location !== 'undefined' ? location.href : 'https://localhost/';
  // "ok" (green) only for a check that ran and found no error; errors and failures are "loi".
  const kind = rec.ok && rec.summary && rec.summary.errors === 0 ? 'ok' : 'loi';
  const url = `${new URL(DIALOG_PAGE, base).href}#${encodeURIComponent(`${kind}\n${text}`)}`;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, DIALOG_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (r) => {
        if (r.status !== AsyncResultStatus.Succeeded) return done();
        const dialog = r.value;
        // 12006: the user closed it; any other event also ends the dialog's life.
        dialog.addEventHandler(EventType.DialogEventReceived, done);
        dialog.addEventHandler(EventType.DialogMessageReceived, () => {
          dialog.close();
          done();
        });
      });
    } catch {
      done();
    }
  });
}

async function saveLastCheck(rec: LastCheck): Promise<void> {
  const stored = { at: rec.at, ok: rec.ok, message: rec.message, ...(rec.summary ? { summary: rec.summary } : {}) };
  try {
    await storeLastCheck(stored);
  } catch {
    // A read-only workbook cannot keep it; the dialog has said it already.
  }
}

/**
 * Runs the check; resolves with the result once it is saved and shown. `event.completed()` comes
 * when the dialog closes (or at once when there is none).
 */
export async function kiemTraSoLieu(event: { completed: () => void }, actions?: ExcelActions, waitMs = CHECK_WAIT_MS): Promise<LastCheck> {
  let rec: LastCheck;
  let shown: Promise<void> = Promise.resolve();
  try {
    if (Office.context.host !== Office.HostType.Excel) {
      rec = { at: new Date().toISOString(), ok: false, message: 'Lệnh "Kiểm tra số liệu" chỉ dùng trong Excel, với sổ số liệu CCHC.' };
    } else {
      const report = await withinWait((actions ?? createExcelActions()).check(), waitMs);
      rec = { at: new Date().toISOString(), ok: true, summary: report.summary, message: summaryMessage(report.summary) };
      if (report.highlightNotice) rec.notice = report.highlightNotice;
      await saveLastCheck(rec);
    }
  } catch (e) {
    const message = e instanceof HostError ? e.message : 'Không kiểm tra được sổ do một lỗi không lường trước. Hãy mở Trợ lý báo cáo và thử lại.';
    rec = { at: new Date().toISOString(), ok: false, message };
    await saveLastCheck(rec);
  }
  try {
    shown = showResult(rec);
  } catch {
    // Nothing more can be shown from a ribbon command.
  }
  void shown.finally(() => event.completed());
  return rec;
}

/** Registers the ribbon function once Office is ready (commands.html loads this module). */
export function registerCommands(): Promise<void> {
  return Office.onReady().then(() => {
    Office.actions.associate('kiemTraSoLieu', (event: Office.AddinCommands.Event) => kiemTraSoLieu(event));
  });
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void registerCommands();
