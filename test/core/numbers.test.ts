import { decimalsOfFormat, formatCount, formatNumber, formatPercent, parseVietnameseNumber, roundTo } from '../../src/core/numbers';

describe('parseVietnameseNumber reads numbers the way officers type them', () => {
  test.each([
    ['2.771', 2771, 0, false],
    ['1.234.567', 1234567, 0, false],
    ['92,03', 92.03, 2, false],
    ['92,03%', 92.03, 2, true],
    [' 1 043 ', 1043, 0, false],
    ['1\u00a0043', 1043, 0, false],
    ['1.043,5', 1043.5, 1, false],
    ['1,043.5', 1043.5, 1, false],
    ['1,043,000', 1043000, 0, false],
    ['0.5', 0.5, 1, false],
    ['92.03', 92.03, 2, false],
    ['-3', -3, 0, false],
    ['(12)', -12, 0, false],
    ['100%', 100, 0, true],
    ['0,9203', 0.9203, 4, false],
  ])('%j → %d', (text, value, decimals, percent) => {
    expect(parseVietnameseNumber(text)).toEqual({ value, decimals, percent });
  });

  test.each(['', 'không rõ', '12a', '1.2.3,4,5', '--3', '.', ',', '%'])('%j is not a number', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});

describe('report formatting', () => {
  test('Vietnamese separators', () => {
    expect(formatNumber(2771)).toBe('2.771');
    expect(formatNumber(1877)).toBe('1.877');
    expect(formatNumber(1043.5)).toBe('1.043,5');
    expect(formatNumber(-4870)).toBe('-4.870');
    expect(formatPercent((23 / 27) * 100)).toBe('85,19%');
    expect(formatPercent((11 / 18) * 100, 0)).toBe('61%');
    expect(formatPercent((227 / 310) * 100, 1)).toBe('73,2%');
  });
  test('counts under 10 take a leading zero in report style', () => {
    expect(formatCount(2, true)).toBe('02');
    expect(formatCount(12, true)).toBe('12');
    expect(formatCount(2)).toBe('2');
  });
  test('rounding is half away from zero and robust to binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(85.185, 2)).toBe(85.19);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
  });
  test('decimals shown by a number format', () => {
    expect(decimalsOfFormat('0.00%')).toBe(2);
    expect(decimalsOfFormat('#,##0')).toBe(0);
    expect(decimalsOfFormat('General')).toBeNull();
    expect(decimalsOfFormat('#,##0.0;[Red]-#,##0.0')).toBe(1);
  });
});
