/**
 * What a checked workbook is (its unit, province and period) and whether two files may be used
 * together: one place for every pairing the commands and panes make.
 *
 * - previous period (`check --previous`, `report --previous`): the same unit, and the period right
 *   before (its window ends the day before this one starts) or the same period a year before
 *   ("cùng kỳ");
 * - previous consolidation (`merge --previous`): an earlier period than the units' files;
 * - the workbook of a report (`doc --workbook`): the same province and period (prose/workbook.ts).
 *
 * A pairing that breaks its rule is refused with both files' unit and period named, or, where the
 * officer insists (`--force`), used and said so.
 */
import type { CheckReport, PeriodInfo } from './report';
import { periodPhrase } from './format';
import { foldText } from './text';
import { addDays } from './dates';

export interface FileIdentity {
  /** The unit as the workbook writes it ("Sở Y tế tỉnh Kon Tum"), if it does. */
  unit: string | null;
  /** The province or city named in the unit, folded ("kon tum"). */
  province: string | null;
  period: PeriodInfo | null;
}

/** The province in "Sở Y tế tỉnh Kon Tum", "UBND thành phố Hà Nội", folded. */
export function provinceIn(text: string): string | null {
  const f = foldText(text);
  const m = /(?:^|\s)(?:tinh|thanh pho|tp\.?)\s+([a-z][a-z -]{1,40}?)\s*(?:$|[,.;:(]|\s(?:bao cao|ve viec|nam|quy))/.exec(f);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : null;
}

export function identityOf(report: CheckReport): FileIdentity {
  const unit = report.data.unit?.trim() || null;
  return { unit, province: unit ? provinceIn(unit) : null, period: report.period?.kind ? report.period : null };
}

/** "Sở Y tế tỉnh Kon Tum, quý III năm 2022", or what is unknown of it. */
export function describe(id: FileIdentity): string {
  const period = id.period ? periodPhrase(id.period.kind, id.period.year) : 'không rõ kỳ báo cáo';
  return `${id.unit ?? 'không rõ đơn vị'}, ${period}`;
}


/** Two identities name the same unit: the same province when both name one, else the same words. */
export function sameUnit(a: FileIdentity, b: FileIdentity): boolean | null {
  if (a.province && b.province) return a.province === b.province;
  if (a.unit && b.unit) return foldText(a.unit) === foldText(b.unit);
  return null;
}

/** How `prev` stands to `cur`: the period right before, the same period a year before, or neither. */
export function previousKind(cur: PeriodInfo, prev: PeriodInfo): 'immediate' | 'sameLastYear' | 'earlier' | 'notEarlier' {
  if (prev.kind === cur.kind && prev.year === cur.year - 1) return 'sameLastYear';
  // The year first: a window typed backwards (window_reversed) must not make a later year look earlier.
  if (prev.year > cur.year || prev.to >= cur.to) return 'notEarlier';
  return addDays(prev.to, 1) === cur.from ? 'immediate' : 'earlier';
}

export type PairingCode = 'previous_other_unit' | 'previous_not_earlier' | 'previous_not_adjacent' | 'consolidation_not_earlier';

export interface PairingProblem {
  code: PairingCode;
  /** Refused even with --force: a "previous" period that is not earlier cannot be compared at all. */
  hard: boolean;
  message: string;
}

/**
 * The previous period's workbook against this one. `names` are the file names as the officer
 * typed them, for the message.
 */
export function checkPrevious(cur: FileIdentity, prev: FileIdentity, names: { current: string; previous: string }): PairingProblem | null {
  const both = `Tệp "${names.previous}" (${describe(prev)}) và tệp "${names.current}" (${describe(cur)})`;
  const kind = cur.period && prev.period ? previousKind(cur.period, prev.period) : null;
  // First, as no --force may pass it: another unit's workbook of a later period is still a later period.
  const otherUnit = sameUnit(cur, prev) === false;
  if (kind === 'notEarlier') {
    const why = `sổ kỳ trước không thuộc một kỳ trước ${periodPhrase(cur.period!.kind, cur.period!.year)}.`;
    return { code: 'previous_not_earlier', hard: true, message: otherUnit ? `${both} là của hai đơn vị khác nhau, và ${why}` : `${both}: ${why}` };
  }
  if (otherUnit) {
    return { code: 'previous_other_unit', hard: false, message: `${both} là của hai đơn vị khác nhau: sổ kỳ trước phải là của cùng đơn vị.` };
  }
  if (!cur.period || !prev.period) return null;
  if (kind === 'earlier') {
    return { code: 'previous_not_adjacent', hard: false, message: `${both}: ${periodPhrase(prev.period.kind, prev.period.year)} không phải kỳ liền trước, cũng không phải cùng kỳ năm trước.` };
  }
  return null;
}

/** The previous consolidation against this period's units. */
export function checkPreviousConsolidation(cur: PeriodInfo | null, prev: FileIdentity, name: string): PairingProblem | null {
  if (!cur || !prev.period || prev.period.to < cur.to) return null;
  const same = prev.period.kind === cur.kind && prev.period.year === cur.year;
  return {
    code: 'consolidation_not_earlier',
    hard: true,
    message: `Sổ tổng hợp kỳ trước "${name}" là của ${periodPhrase(prev.period.kind, prev.period.year)}, ${same ? 'chính kỳ đang tổng hợp' : 'không phải một kỳ trước kỳ đang tổng hợp'} (${periodPhrase(cur.kind, cur.year)}): hãy chọn sổ tổng hợp của kỳ trước.`,
  };
}
