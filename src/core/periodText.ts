import { parsePeriodKind, reportingWindow } from './periods';
import { formatDate, periodTitle } from './format';
import type { CheckReport } from './report';

/**
 * The period as every surface shows it (CLI header, both panes): the window the workbook states,
 * and, when it is not the NĐ 09/2019 window of its period, that window beside it, so the officer
 * sees both without a second look.
 */
export function periodText(report: Pick<CheckReport, 'period'>): { text: string; note?: string } {
  const p = report.period;
  if (!p) return { text: 'chưa xác định được kỳ báo cáo' };
  // A window that matches no period kind is shown as the window alone, never as " năm 2022".
  const text = `${p.kind ? `${periodTitle(p.kind, p.year)}, số liệu` : 'Số liệu'} từ ${formatDate(p.from)} đến ${formatDate(p.to)}`;
  const kind = parsePeriodKind(p.kind);
  if (!kind || p.source !== 'workbook') return { text };
  const nd09 = reportingWindow(kind, p.year);
  if (nd09.from === p.from && nd09.to === p.to) return { text };
  return { text, note: `khác kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (từ ${formatDate(nd09.from)} đến ${formatDate(nd09.to)})` };
}

// periodPhrase moved to format.ts; re-exported for code written before the move.
