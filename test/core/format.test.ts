import { PERIOD_KINDS } from '../../src/core/contract';
import { formatCount, formatDate, formatPercent, formatSize, isoDate, isoToSerial, localIsoDate, periodPhrase, periodTitle, serialToIso, serialToUtcMs, utcMsToSerial } from '../../src/core/format';

describe('format.ts: what the officer sees, one way', () => {
  test('every period kind inside a sentence and at the start of a line (written out by hand)', () => {
    const phrases: Record<(typeof PERIOD_KINDS)[number], [string, string]> = {
      'Quý I': ['quý I năm 2022', 'Quý I năm 2022'],
      'Quý II': ['quý II năm 2022', 'Quý II năm 2022'],
      'Quý III': ['quý III năm 2022', 'Quý III năm 2022'],
      'Quý IV': ['quý IV năm 2022', 'Quý IV năm 2022'],
      '6 tháng đầu năm': ['6 tháng đầu năm 2022', '6 tháng đầu năm 2022'],
      '6 tháng cuối năm': ['6 tháng cuối năm 2022', '6 tháng cuối năm 2022'],
      '9 tháng': ['9 tháng năm 2022', '9 tháng năm 2022'],
      Năm: ['năm 2022', 'Năm 2022'],
    };
    // The table covers the contract's list exactly: a kind added there must be written here.
    expect(Object.keys(phrases).sort()).toEqual([...PERIOD_KINDS].sort());
    for (const k of PERIOD_KINDS) {
      expect([periodPhrase(k, 2022), periodTitle(k, 2022)]).toEqual(phrases[k]);
      expect(periodPhrase(k, 2022)).not.toMatch(/năm năm/);
    }
  });

  test('dates: NĐ 30/2020, a day under 10 and the months 1 and 2 padded, the others not', () => {
    expect(formatDate('2022-03-14')).toBe('14/3/2022');
    expect(formatDate('2023-02-05')).toBe('05/02/2023');
    expect(formatDate('2022-01-15')).toBe('15/01/2022');
    expect(formatDate('2022-08-02')).toBe('02/8/2022');
    expect(formatDate('2022-12-01')).toBe('01/12/2022');
    expect(formatDate('2023-02-05', 'formal')).toBe('ngày 05 tháng 02 năm 2023');
    expect(formatDate('2022-03-14', 'formal')).toBe('ngày 14 tháng 3 năm 2022');
    expect([isoDate(2022, 3, 14), isoDate(999, 12, 1)]).toEqual(['2022-03-14', '0999-12-01']);
    // The machine's own calendar day, whatever its time zone.
    expect(localIsoDate(new Date(2026, 10, 2, 23, 59))).toBe('2026-11-02');
  });

  test('sizes in MB (2^20 bytes), one decimal at most, Vietnamese marks', () => {
    expect(formatSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatSize(512 * 1024)).toBe('0,5 MB');
    // 1 234,5 MB: thousands grouped with "."
    expect(formatSize(1234.5 * 1024 * 1024)).toBe('1.234,5 MB');
    // 1 040 000 bytes = 0,99 MB, rounded to one decimal: 1.
    expect(formatSize(1_040_000)).toBe('1 MB');
  });

  test('numbers and percentages come from the same module', () => {
    expect(formatCount(1_500_000)).toBe('1.500.000');
    expect(formatCount(3, true)).toBe('03');
    expect(formatPercent(92.0345)).toBe('92,03%');
  });

  test('Excel serials (1900 system) and ISO dates', () => {
    // 01/01/2023 is serial 44927 (Excel's own count); 15/12/2022 is 17 days earlier.
    expect(isoToSerial('2023-01-01')).toBe(44927);
    expect(serialToIso(44910)).toBe('2022-12-15');
    expect(serialToIso(44910.75)).toBe('2022-12-15');
    // Excel's invented 29/02/1900 (serial 60): 59 is 28/02, 61 is 01/03, 1 is 01/01/1900.
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect([serialToIso(0), serialToIso(Number.NaN), serialToIso(2958466)]).toEqual([null, null, null]);
    // Moments: 01/01/1970 is 25569; noon adds half a day.
    expect(utcMsToSerial(0)).toBe(25569);
    expect(utcMsToSerial(Date.UTC(2022, 11, 15, 12))).toBe(44910.5);
    expect(serialToUtcMs(44910.5)).toBe(Date.UTC(2022, 11, 15, 12));
    // The 1904 system starts 1462 days later: its day 0 is 01/01/1904.
    expect(serialToUtcMs(0, 1462)).toBe(Date.UTC(1904, 0, 1));
  });
});
