/**
 * What the officer sees, written one way everywhere: a period, a date, a file size, a number, a
 * percentage; and the one conversion between Excel's date serials and ISO dates. The narrative,
 * the CLI, the doc checker, both panes, the standalone page and the readers' refusals all print
 * through this module (docs/style.md, "Where the formats live").
 *
 * It imports only numbers.ts (itself without imports) so that the panes' first chunk can format
 * dates and counts without pulling in the contract.
 */
import { formatCount, formatNumber, formatPercent, roundTo } from './numbers';

export { formatCount, formatNumber, formatPercent };

// ---------------------------------------------------------------- periods

/**
 * A period inside a sentence: "quý III năm 2022", "6 tháng đầu năm 2022", "6 tháng cuối năm
 * 2022", "9 tháng năm 2022", "năm 2022". `kind` is one of PERIOD_KINDS (src/core/contract.ts);
 * a kind already ending in "năm" takes the year alone, never "năm năm".
 */
export function periodPhrase(kind: string, year: number): string {
  const k = kind.trim();
  if (/^quý/i.test(k)) return `quý ${k.replace(/^quý\s*/i, '')} năm ${year}`;
  if (/năm$/i.test(k)) return `${lowerInitial(k)} ${year}`;
  return `${lowerInitial(k)} năm ${year}`;
}

/** The same phrase opening a line, a label or a cell: "Quý III năm 2022", "Năm 2022". */
export function periodTitle(kind: string, year: number): string {
  const p = periodPhrase(kind, year);
  return p.charAt(0).toUpperCase() + p.slice(1);
}

const lowerInitial = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// ---------------------------------------------------------------- dates

/**
 * The one date format of the product, NĐ 30/2020/NĐ-CP: a day under 10 and the months 1 and 2
 * take a leading zero ("05/02/2023", "15/6/2022", "14/3/2023"), as the seeds write "02/8/2022"
 * and "10/02/2022". `formal` gives the date line's words, "ngày 05 tháng 02 năm 2023".
 */
export function formatDate(isoDate: string, style: 'short' | 'formal' = 'short'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return style === 'formal' ? `ngày ${dd} tháng ${mm} năm ${y}` : `${dd}/${mm}/${y}`;
}

/** "2022-03-14" from year, month (1–12) and day; no check that the day exists. */
export const isoDate = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The calendar date of a moment on the machine's clock (a report is dated where it is written). */
export function localIsoDate(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

// ---------------------------------------------------------------- sizes

/**
 * A size in megabytes (2^20 bytes), at most one decimal, Vietnamese style: "25 MB", "1,5 MB",
 * "1.234,5 MB". The refusals of files and templates and the pane's upload limit say it this way.
 */
export function formatSize(bytes: number): string {
  return `${formatNumber(roundTo(bytes / 2 ** 20, 1))} MB`;
}

// ---------------------------------------------------------------- Excel date serials

/** Days from Excel's day 0 (30/12/1899 in the 1900 system, as counted from March 1900) to 01/01/1970. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

/** Excel serial (1900 system) → ISO date; null for non-dates. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const whole = Math.floor(serial);
  // Excel counts 29/02/1900, which never existed; serials from 61 on are offset by it.
  const ms = (whole - UNIX_EPOCH_SERIAL) * DAY_MS;
  const d = new Date(whole < 61 ? ms + DAY_MS : ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO date → Excel serial (1900 system), a whole day. */
export function isoToSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS) + UNIX_EPOCH_SERIAL;
}

/**
 * A UTC moment (milliseconds since 1970) → Excel serial, rounded to 1e-8 as every reader stores
 * serials; the way ExcelJS and formula libraries hand dates back as JavaScript Dates.
 */
export function utcMsToSerial(ms: number): number {
  return Math.round((UNIX_EPOCH_SERIAL + ms / DAY_MS) * 1e8) / 1e8;
}

/** An Excel serial → milliseconds since 1970 UTC, rounded to the millisecond; `offsetDays` shifts first (1462 for the 1904 system). */
export function serialToUtcMs(serial: number, offsetDays = 0): number {
  return Math.round((serial - UNIX_EPOCH_SERIAL + offsetDays) * DAY_MS);
}
