import { parsePeriodKind, formatDate, reportingWindow } from './periods';
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
  const phrase = p.kind ? periodPhrase(p.kind, p.year) : '';
  const text = `${phrase ? `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}, số liệu` : 'Số liệu'} từ ${formatDate(p.from)} đến ${formatDate(p.to)}`;
  const kind = parsePeriodKind(p.kind);
  if (!kind || p.source !== 'workbook') return { text };
  const nd09 = reportingWindow(kind, p.year);
  if (nd09.from === p.from && nd09.to === p.to) return { text };
  return { text, note: `khác kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (từ ${formatDate(nd09.from)} đến ${formatDate(nd09.to)})` };
}

/** "quý III năm 2022", "6 tháng đầu năm 2022", "9 tháng năm 2022", "năm 2022". */
export function periodPhrase(kind: string, year: number): string {
  const k = kind.trim();
  if (/^quý/i.test(k)) return `quý ${k.replace(/^quý\s*/i, '')} năm ${year}`;
  if (/năm$/i.test(k)) return `${lowerInitial(k)} ${year}`;
  return `${lowerInitial(k)} năm ${year}`;
}

const lowerInitial = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
