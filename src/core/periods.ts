import { PERIOD_KINDS, type PeriodKind } from './contract';
import { foldText } from './text';
import { isoDate } from './format';

/**
 * Reporting windows. Nghị định 09/2019/NĐ-CP, Điều 12 counts data from the 15th of the month
 * before a period to the 14th of its last month; some regimes use calendar periods instead, which
 * is a per-workbook choice.
 */

export type WindowKind = 'nd09' | 'calendar';

export interface Window {
  from: string; // ISO date
  to: string;
}


/** First and last month (1–12) of each period kind in the calendar. */
const MONTHS: Record<PeriodKind, [number, number]> = {
  'Quý I': [1, 3],
  'Quý II': [4, 6],
  'Quý III': [7, 9],
  'Quý IV': [10, 12],
  '6 tháng đầu năm': [1, 6],
  '6 tháng cuối năm': [7, 12],
  '9 tháng': [1, 9],
  Năm: [1, 12],
};

export function reportingWindow(kind: PeriodKind, year: number, windowKind: WindowKind = 'nd09'): Window {
  const [m1, m2] = MONTHS[kind];
  if (windowKind === 'calendar') {
    const lastDay = new Date(Date.UTC(year, m2, 0)).getUTCDate();
    return { from: isoDate(year, m1, 1), to: isoDate(year, m2, lastDay) };
  }
  // 15th of the month before the first month (December of the previous year for January).
  const fromYear = m1 === 1 ? year - 1 : year;
  const fromMonth = m1 === 1 ? 12 : m1 - 1;
  return { from: isoDate(fromYear, fromMonth, 15), to: isoDate(year, m2, 14) };
}

/** Accepts what officers type: "Quý 1", "quý i", "Q3", "6 tháng", "9 tháng đầu năm", "cả năm". */
export function parsePeriodKind(raw: string | null | undefined): PeriodKind | null {
  if (!raw) return null;
  const s = foldText(raw).replace(/\s+/g, ' ').trim();
  for (const k of PERIOD_KINDS) if (foldText(k) === s) return k;
  const q = /^(?:quy|q)\s*(i{1,3}|iv|[1-4])$/.exec(s);
  if (q) {
    const n = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }[q[1]!]!;
    return PERIOD_KINDS[n - 1]!;
  }
  if (/^6 thang( dau( nam)?)?$/.test(s)) return '6 tháng đầu năm';
  if (/^6 thang cuoi( nam)?$/.test(s)) return '6 tháng cuối năm';
  if (/^9 thang( dau nam)?$/.test(s)) return '9 tháng';
  if (/^(ca )?nam$/.test(s)) return 'Năm';
  return null;
}

/** Parses "15/12/2022", "15-12-2022", "2022-12-15", "15/12/22"; day first, as Vietnamese dates are. */
export function parseDateText(raw: string): string | null {
  const s = raw.trim().replace(/^ngày\s+/i, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return validIso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = +m[3]!;
    if (y < 100) y += 2000;
    return validIso(y, +m[2]!, +m[1]!);
  }
  m = /^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i.exec(s);
  if (m) return validIso(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function validIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return isoDate(y, m, d);
}

// Moved to format.ts, the one module of what the officer sees; re-exported for code written before the move.
export { formatDate, isoToSerial, serialToIso } from './format';
