/**
 * The ribbon's "Kiểm tra số liệu" button (ExecuteFunction "kiemTraSoLieu"): runs the same check
 * as the pane, without opening it.
 *
 * How the result reaches the user: the highlights themselves (red/yellow cells) are the visible
 * answer, and a one-line summary is stored in the document settings under LAST_CHECK_KEY, which
 * the pane shows when it is opened. A dialog (displayDialogAsync) would be a second page load and
 * a modal window for one sentence, and opening the pane unasked takes screen space the officer
 * did not ask for; Excel has no toast for add-in commands. The function always calls
 * event.completed(), also on failure, or Office keeps the button busy.
 */
import type { Summary } from '../core/findings';
import { createExcelActions } from '../excel/actions';
import { HostError, type ExcelActions } from '../host/actions';

export const LAST_CHECK_KEY = 'cchc.lastCheck';

export interface LastCheck {
  at: string;
  ok: boolean;
  summary?: Summary;
  message: string;
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

function saveLastCheck(rec: LastCheck): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(LAST_CHECK_KEY, rec);
  return new Promise((resolve) => settings.saveAsync(() => resolve()));
}

export async function kiemTraSoLieu(event: { completed: () => void }, actions?: ExcelActions): Promise<LastCheck> {
  let rec: LastCheck;
  try {
    if (Office.context.host !== Office.HostType.Excel) {
      rec = { at: new Date().toISOString(), ok: false, message: 'Lệnh "Kiểm tra số liệu" chỉ dùng trong Excel, với sổ số liệu CCHC.' };
    } else {
      const report = await (actions ?? createExcelActions()).check();
      rec = { at: new Date().toISOString(), ok: true, summary: report.summary, message: summaryMessage(report.summary) };
      await saveLastCheck(rec);
    }
  } catch (e) {
    const message = e instanceof HostError ? e.message : 'Không kiểm tra được sổ do một lỗi không lường trước. Hãy mở Trợ lý báo cáo và thử lại.';
    rec = { at: new Date().toISOString(), ok: false, message };
    try {
      await saveLastCheck(rec);
    } catch {
      // Nothing more can be reported from a ribbon command.
    }
  } finally {
    event.completed();
  }
  return rec;
}

/** Registers the ribbon function once Office is ready (commands.html loads this module). */
export function registerCommands(): Promise<void> {
  return Office.onReady().then(() => {
    Office.actions.associate('kiemTraSoLieu', (event: Office.AddinCommands.Event) => kiemTraSoLieu(event));
  });
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void registerCommands();
