/** Text and JSON output of `cchc check`. */
import type { CheckReport } from '../core/report';
import type { Finding, Severity } from '../core/findings';
import type { WorkbookModel } from '../core/model';
import { findSheet, getCell, parseA1 } from '../core/model';
import { formatCount } from '../core/format';
import { terminalSafe } from './safe-text';
import { SEVERITY_LABEL as CORE_SEVERITY_LABEL, placeOf } from '../core/messages';
import { periodText } from '../core/periodText';
import { recognitionItems } from '../core/recognition';
import { isMainMetric, metricLines } from '../core/metric-labels';

/** The panes' names (core/messages.ts), so "Gợi ý" is "Gợi ý" everywhere. */
export const SEVERITY_LABEL: Record<Severity, string> = CORE_SEVERITY_LABEL;

function namedText(model: WorkbookModel, name: string): string | null {
  const ref = model.names.find((n) => n.name === name);
  if (!ref) return null;
  const v = getCell(findSheet(model, ref.sheet), parseA1(ref.cell))?.v;
  return v == null || v === '' ? null : String(v).trim();
}

export function reportText(report: CheckReport, model: WorkbookModel, file: string): string {
  const out: string[] = [];
  const unit = report.data.unit ?? namedText(model, 'DonViBaoCao') ?? '(chưa ghi đơn vị)';
  const period = periodText(report);
  out.push(`Tệp: ${file}`);
  out.push(`${unit} — ${period.text}`);
  if (period.note) out.push(`  (${period.note})`);
  out.push('');
  const bySheet = new Map<string, Finding[]>();
  for (const f of report.issues) {
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  for (const [sheet, list] of bySheet) {
    out.push(`[${sheet}]`);
    for (const f of list) out.push(`${SEVERITY_LABEL[f.severity].padEnd(9)} ${placeOf(f).padEnd(16)} ${f.message}`);
    out.push('');
  }
  const s = report.summary;
  const nothingRead = !report.recognized?.tables.length && report.issues.some((f) => f.code === 'missing_table');
  out.push(
    nothingRead
      ? `Kết quả: chưa kiểm tra được — không nhận ra bảng số liệu nào trong tệp (${formatCount(s.errors)} lỗi, ${formatCount(s.warnings)} cảnh báo, ${formatCount(s.infos)} gợi ý).`
      : s.errors + s.warnings + s.infos === 0
      ? 'Kết quả: không phát hiện lỗi hay cảnh báo nào.'
      : `Kết quả: ${formatCount(s.errors)} lỗi, ${formatCount(s.warnings)} cảnh báo, ${formatCount(s.infos)} gợi ý.`,
  );
  // The figures a report quotes first; every indicator is in --json.
  const metrics = metricLines(report.metrics, report).filter((m) => isMainMetric(m.key));
  if (metrics.length) {
    out.push('');
    out.push('Chỉ số chính (đầy đủ trong --json):');
    for (const m of metrics) out.push(`  ${m.label}: ${m.text}`);
  }
  // What was read comes after what was found and the result: findings first, on the first screen;
  // the reading is there to check when a finding or a missing table surprises.
  const seen = recognitionItems(report);
  if (seen.tables.length || seen.info.length) {
    out.push('');
    out.push('Đã nhận ra:');
    for (const i of seen.info) out.push(`  ${i}`);
    for (const t of seen.tables) {
      out.push(`  ${t.title}: ${t.lines[0]}`);
      for (const l of t.lines.slice(1)) out.push(`    ${l}`);
    }
  }

  // Each line carries workbook text (unit, sheet names, cell values in messages): see safe-text.ts.
  return out.map(terminalSafe).join('\n') + '\n';
}
