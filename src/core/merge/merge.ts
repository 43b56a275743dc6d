/**
 * `cchc merge` without the files: the checks across units, which units are summed, the
 * consolidated tables and the "Nguồn" lines. Units of another period, the second copy of a unit
 * and files identical to the previous period's are left out of the sums (each with an error
 * finding): adding them would give exactly the totals that are not the sum of their parts. Files
 * that could not be read are named on their own lines, with an error each.
 */
import { sortFindings, summarize, type Draft, type Finding, type Summary } from '../findings';
import { withMessage } from '../messages';
import type { PeriodInfo } from '../report';
import { formatDate, periodTitle } from '../format';
import { consolidate, type Consolidated } from './consolidate';
import { SOURCE_SHEET, hasFigures, unitFlow, unitKey, type PreviousUnit, type UnitReport } from './units';

export interface MergeOptions {
  /** Units of the previous consolidated workbook (its "Nguồn" sheet); null when it has none. */
  previous?: PreviousUnit[] | null;
  /** File name of the previous workbook, for messages. */
  previousFile?: string;
  /** A unit's received files changing by more than this share (0.5 = 50 %) is a warning. */
  maxChange?: number;
  /**
   * Files given (or found in a folder) that could not be read, with why: each gets its own line on
   * "Nguồn" and an error, so a unit is never silently missing from the totals.
   */
  unreadable?: readonly { file: string; reason: string }[];
}

export interface SourceLine {
  /** 1-based row of the line on the "Nguồn" sheet (header on row 1). */
  row: number;
  file: string;
  unit: string;
  period: string;
  from: string;
  to: string;
  layout: string;
  errors: number | null;
  warnings: number | null;
  fileHash: string;
  figuresHash: string;
  received: number | null;
  carried: number | null;
  pending: number | null;
  included: boolean;
  status: string;
}

export interface MergeResult {
  period: PeriodInfo | null;
  /** The consolidating unit: the Sở's own workbook's unit when one is among the files. */
  unit: string | null;
  sources: SourceLine[];
  consolidated: Consolidated;
  findings: Finding[];
  summary: Summary;
}

const periodText = (p: PeriodInfo | null) => (p ? `${periodTitle(p.kind, p.year)} (${formatDate(p.from)}–${formatDate(p.to)})` : 'không rõ kỳ');
const periodKey = (p: PeriodInfo) => `${p.kind}|${p.year}|${p.from}|${p.to}`;

export function mergeUnits(units: readonly UnitReport[], options: MergeOptions = {}): MergeResult {
  const drafts: Draft[] = [];
  const rowOf = (i: number) => i + 2;
  const at = (i: number) => ({ sheet: SOURCE_SHEET, cell: `C${rowOf(i)}` });
  const excluded = new Map<number, string>();

  // A consolidated workbook among the inputs (last period's output left in the units' folder)
  // holds every unit's figures already: summing it would double them.
  units.forEach((u, i) => {
    if (!u.consolidation) return;
    drafts.push({ code: 'merge_consolidated_input', ...at(i), file: u.file, unit: u.unit });
    excluded.set(i, 'là sổ tổng hợp (có sheet "Nguồn" và "Truy vết"), không phải sổ của một đơn vị');
  });

  // The period most units report is the consolidation's; the others are left out.
  const counts = new Map<string, { n: number; p: PeriodInfo }>();
  for (const [i, u] of units.entries()) if (u.period && !excluded.has(i)) counts.set(periodKey(u.period), { n: (counts.get(periodKey(u.period))?.n ?? 0) + 1, p: u.period });
  let period: PeriodInfo | null = null;
  let best = 0;
  for (const { n, p } of counts.values()) if (n > best) [best, period] = [n, p];
  units.forEach((u, i) => {
    if (excluded.has(i)) return;
    if (period && u.period && periodKey(u.period) !== periodKey(period)) {
      drafts.push({ code: 'merge_period_differs', ...at(i), file: u.file, unit: u.unit, period: periodText(u.period), expectedPeriod: periodText(period) });
      excluded.set(i, 'khác kỳ báo cáo');
    }
  });

  // The same unit twice: by name, or by identical figures under another name.
  const byName = new Map<string, number>();
  const byFigures = new Map<string, number>();
  units.forEach((u, i) => {
    if (excluded.has(i)) return;
    const k = unitKey(u.unit);
    const first = byName.get(k);
    if (first !== undefined) {
      drafts.push({ code: 'merge_duplicate_unit', ...at(i), file: u.file, unit: u.unit, otherFile: units[first]!.file, otherUnit: units[first]!.unit, by: 'name' });
      excluded.set(i, `trùng đơn vị với tệp ${units[first]!.file}`);
      return;
    }
    byName.set(k, i);
    if (!hasFigures(u)) return;
    const same = byFigures.get(u.figuresHash);
    if (same !== undefined) {
      drafts.push({ code: 'merge_duplicate_unit', ...at(i), file: u.file, unit: u.unit, otherFile: units[same]!.file, otherUnit: units[same]!.unit, by: 'figures' });
      excluded.set(i, `số liệu trùng hệt tệp ${units[same]!.file}`);
      return;
    }
    byFigures.set(u.figuresHash, i);
  });

  // Against the previous consolidated workbook.
  const prev = options.previous;
  const missing: PreviousUnit[] = [];
  if (prev === null && options.previousFile) {
    drafts.push({ code: 'merge_previous_unusable', sheet: SOURCE_SHEET, cell: 'A1', file: options.previousFile });
  }
  if (prev) {
    const prevByKey = new Map(prev.map((p) => [unitKey(p.unit), p]));
    const prevFiles = new Set(prev.map((p) => p.fileHash).filter(Boolean));
    const limit = options.maxChange ?? 0.5;
    units.forEach((u, i) => {
      if (excluded.has(i)) return;
      const p = prevByKey.get(unitKey(u.unit));
      if (prevFiles.has(u.fileHash) || (p && p.figuresHash === u.figuresHash && hasFigures(u))) {
        drafts.push({ code: 'merge_stale_file', ...at(i), file: u.file, unit: u.unit, by: prevFiles.has(u.fileHash) ? 'file' : 'figures' });
        excluded.set(i, 'giống tệp kỳ trước');
        return;
      }
      if (!p) {
        drafts.push({ code: 'merge_unit_new', ...at(i), file: u.file, unit: u.unit });
        return;
      }
      const flow = unitFlow(u);
      if (p.pending != null && flow.carried != null && p.pending !== flow.carried) {
        drafts.push({ code: 'merge_carry_over', ...at(i), file: u.file, unit: u.unit, rule: 'T5', expected: p.pending, actual: flow.carried });
      }
      if (p.received != null && p.received > 0 && flow.received != null) {
        const change = Math.abs(flow.received - p.received) / p.received;
        if (change > limit) {
          drafts.push({ code: 'merge_large_change', ...at(i), file: u.file, unit: u.unit, header: 'Hồ sơ tiếp nhận trong kỳ', expected: p.received, actual: flow.received, changePercent: Math.round(change * 1000) / 10, limitPercent: Math.round(limit * 1000) / 10 });
        }
      }
    });
    const present = new Set(units.map((u) => unitKey(u.unit)));
    for (const p of prev) {
      if (present.has(unitKey(p.unit))) continue;
      drafts.push({ code: 'merge_unit_missing', sheet: SOURCE_SHEET, cell: `C${rowOf(units.length + missing.length)}`, unit: p.unit });
      missing.push(p);
    }
  }

  const included = units.filter((_, i) => !excluded.has(i));
  const consolidated = consolidate(included);
  const sources: SourceLine[] = units.map((u, i) => {
    const flow = unitFlow(u);
    const reason = excluded.get(i);
    return {
      row: rowOf(i),
      file: u.file,
      unit: u.unit,
      period: u.period ? periodTitle(u.period.kind, u.period.year) : 'không rõ',
      from: u.period?.from ?? '',
      to: u.period?.to ?? '',
      layout: u.layout,
      errors: u.summary.errors,
      warnings: u.summary.warnings,
      fileHash: u.fileHash,
      figuresHash: u.figuresHash,
      ...flow,
      included: !reason,
      status: reason ? `Không đưa vào tổng hợp: ${reason}` : u.summary.errors ? 'Có lỗi (đã đưa vào tổng hợp)' : 'Đạt',
    };
  });
  missing.forEach((p, j) =>
    sources.push({ row: rowOf(units.length + j), file: '', unit: p.unit, period: '', from: '', to: '', layout: '', errors: null, warnings: null, fileHash: '', figuresHash: '', received: null, carried: null, pending: null, included: false, status: 'Không có tệp kỳ này (có ở kỳ trước)' }),
  );
  (options.unreadable ?? []).forEach((u, j) => {
    const row = rowOf(units.length + missing.length + j);
    drafts.push({ code: 'merge_file_unreadable', sheet: SOURCE_SHEET, cell: `B${row}`, file: u.file, reason: u.reason });
    sources.push({ row, file: u.file, unit: '', period: '', from: '', to: '', layout: '', errors: null, warnings: null, fileHash: '', figuresHash: '', received: null, carried: null, pending: null, included: false, status: `Không đưa vào tổng hợp: không đọc được tệp. ${u.reason}` });
  });
  const dept = included.find((u) => /^so y te\b/.test(unitKey(u.unit)));
  const findings = sortFindings(drafts.map(withMessage), [SOURCE_SHEET]);
  return { period, unit: dept?.unit ?? null, sources, consolidated, findings, summary: summarize(findings) };
}
