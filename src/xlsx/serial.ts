import { utcMsToSerial } from '../core/format';

/**
 * An ISO 8601 date, with or without its time ("2022-12-15", "2022-12-15T08:30:00.000"), as an
 * Excel serial of the 1900 system, rounded to 1e-8 as every reader here stores serials; null when
 * the text is not such a date. Excel 2003 XML writes dates this way, and so does `t="d"` in .xlsx.
 */
export function isoDateSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const days = utcMsToSerial(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const frac = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86_400;
  return Math.round((days + frac) * 1e8) / 1e8;
}
