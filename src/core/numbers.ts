/**
 * Reading numbers the way officers type them, and printing them the way reports write them.
 *
 * Vietnamese convention: "." groups thousands, "," marks decimals ("2.771", "92,03"). Sheets also
 * arrive with English-style "1,043.5", spaces or non-breaking spaces as separators, a trailing "%",
 * and stray "đ"/"người" units. Ambiguous forms are resolved the Vietnamese way: "2.771" is two
 * thousand seven hundred seventy-one, never 2,771.
 */

export interface ParsedNumber {
  value: number;
  /** Digits typed after the decimal mark ("92,03" → 2); for numbers stored as numbers, the shortest repr's. */
  decimals: number;
  /** A "%" was typed (the value is then in percent: "92,03%" → 92.03). */
  percent: boolean;
}

const NBSP = /[\u00a0\u202f\u2007\s]/g;

/**
 * How a workbook writes its numbers typed as text. "vi" (the default) reads "1,380" as 1,38 and
 * "2.771" as 2771; "en" is for a workbook written throughout in English style (a CSV export, a
 * sheet typed on an English Windows), where "1,380" is 1380 and "2.771" is 2,771. Only those two
 * ambiguous forms change: "1.234,5" and "1,234.5" say their own style.
 */
export type NumberStyle = 'vi' | 'en';

/** Parses typed text; null when it is not a number at all. */
export function parseVietnameseNumber(raw: string, style: NumberStyle = 'vi'): ParsedNumber | null {
  let s = raw.normalize('NFC').replace(NBSP, '');
  if (s === '') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let intPart: string;
  let fracPart = '';
  if (dots > 0 && commas > 0) {
    // Both marks: whichever comes last is the decimal mark.
    const decimalMark = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimalMark === ',' ? '.' : ',';
    const [i, f, extra] = s.split(decimalMark);
    if (extra !== undefined || !validGrouping(i!, group)) return null;
    intPart = i!.split(group).join('');
    fracPart = f!;
  } else if (commas > 0) {
    // Comma alone is the Vietnamese decimal mark; several commas are English grouping ("1,043,000"),
    // and so is one comma before three digits in a workbook written in English style.
    if (commas === 1 && !(style === 'en' && validGrouping(s, ','))) {
      [intPart, fracPart] = s.split(',') as [string, string];
    } else {
      if (!validGrouping(s, ',')) return null;
      intPart = s.split(',').join('');
    }
  } else if (dots > 0) {
    // Dot alone groups thousands when every group after the first has three digits ("2.771",
    // "1.234.567"); otherwise it is a decimal point ("92.03", "0.5").
    if (validGrouping(s, '.') && (dots > 1 || (!/^0\./.test(s) && style === 'vi'))) {
      intPart = s.split('.').join('');
    } else if (dots === 1) {
      [intPart, fracPart] = s.split('.') as [string, string];
    } else return null;
  } else intPart = s;

  if (intPart === '' && fracPart === '') return null;
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  const value = sign * Number(`${intPart || '0'}.${fracPart || '0'}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: fracPart.length, percent };
}

function validGrouping(s: string, group: string): boolean {
  const parts = s.split(group);
  if (parts.length === 1) return /^\d+$/.test(s);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * Decimals shown by the shortest representation of a stored number (0.9203 → 4), read at the 15
 * significant digits Excel keeps: 84.39999999999999 (binary noise of 84.4) has 1, not 14.
 */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const r = Number(n.toPrecision(15));
  const s = String(Number.isFinite(r) ? r : n);
  const e = /e-(\d+)$/.exec(s);
  if (e) {
    const mant = s.slice(0, s.indexOf('e'));
    const d = mant.includes('.') ? mant.length - mant.indexOf('.') - 1 : 0;
    return d + Number(e[1]);
  }
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** Decimals a number format displays: "0.00%" → 2, "#,##0" → 0; null for General/none. */
export function decimalsOfFormat(fmt: string | undefined): number | null {
  if (!fmt || /^general$/i.test(fmt)) return null;
  const first = fmt.split(';')[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const m = /[0#?]\.([0#?]+)/.exec(first);
  if (m) return m[1]!.length;
  return /[0#?]/.test(first) ? 0 : null;
}

const percentFormats = new Map<string, boolean>();

export function formatIsPercent(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let hit = percentFormats.get(fmt);
  if (hit === undefined) {
    hit = fmt.split(';')[0]!.replace(/"[^"]*"|\\./g, '').includes('%');
    percentFormats.set(fmt, hit);
  }
  return hit;
}

/** Round half away from zero at `decimals`, robust to binary noise (1.005 → 1.01). */
/** `value` cut (not rounded) to `decimals` places, as a writer who drops the digits after them prints it. */
export function truncTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.trunc(value * f + 1e-9) / f;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const x = Math.abs(value) * f;
  // Past 2^53 a double has no fractional digits left to round (and x may have overflowed).
  if (!Number.isFinite(x) || x >= 2 ** 53) return value;
  const r = Math.round(x + x * Number.EPSILON * 4);
  return (Math.sign(value) * r) / f;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * "2.771", "1.043,5"; `decimals` fixes the count of decimals, otherwise as many as needed (max 2).
 * Never prints what a report cannot carry: a non-finite value reads "không xác định", a value
 * beyond 10^15 (where whole numbers stop being exact and toFixed turns to exponents) reads
 * "1,23 × 10¹⁸", and decimals stop at the 15 significant digits a double holds.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return 'không xác định';
  if (Math.abs(value) >= 1e15) {
    const [m, e] = value.toExponential(2).split('e') as [string, string];
    const exp = [...String(Number(e))].map((ch) => (ch === '-' ? '⁻' : SUPERSCRIPT[Number(ch)])).join('');
    return `${formatNumber(Number(m))} × 10${exp}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1);
  const d = Math.max(0, Math.min(decimals ?? Math.min(decimalsOf(roundTo(value, 2)), 2), 15 - intDigits, 12));
  const rounded = roundTo(value, d);
  const neg = rounded < 0;
  const [i, f] = Math.abs(rounded).toFixed(d).split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${f ? `,${f}` : ''}`;
}

/** Counts in report style: a leading zero under 10 when `pad` ("02 đơn"), thousands grouped. */
export function formatCount(value: number, pad = false): string {
  if (pad && Number.isInteger(value) && value >= 0 && value < 10) return `0${value}`;
  return formatNumber(value, Number.isInteger(value) ? 0 : undefined);
}

/** A percentage already in percent (92.0345 → "92,03%"). */
export function formatPercent(percent: number, decimals = 2): string {
  return `${formatNumber(percent, decimals)}%`;
}
