import { serialToUtcMs, utcMsToSerial } from '../core/format';

/**
 * Number formats as the readers share them: Excel's built-in codes by id (.xlsx numFmtId and the
 * .xls XF's ifmt use the same ids), whether a code shows a date, and a serial stored the way every
 * reader here stores dates.
 */

/** ExcelJS's built-in number formats (lib/xlsx/defaultnumformats.js, the ids that have a code). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A format code that shows a date or time (ExcelJS's test: y, m, d, h, s, b outside quotes and brackets). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * A serial in a date format, as the ExcelJS path stores it: through a Date rounded to the
 * millisecond (what ExcelJS builds), back to a serial rounded to 1e-8 (what read.ts does).
 */
export function dateSerial(serial: number, date1904: boolean): number {
  const ms = serialToUtcMs(serial, date1904 ? 1462 : 0);
  // Beyond ±8,64e15 ms a JavaScript Date is invalid, and so was the value ExcelJS gave.
  if (!(Math.abs(ms) <= 8.64e15)) return NaN;
  return utcMsToSerial(ms);
}
