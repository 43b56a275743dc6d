import { capLimit, percentOf, staffGap, tyLeDungHan, tyLeTrucTuyen } from '../../src/core/calculators';
import { formatPercent } from '../../src/core/numbers';

describe('calculators on seed figures', () => {
  test('Sóc Trăng: 23 of 27 rotations is 85,19%, not the 88,46% the report printed', () => {
    expect(formatPercent(percentOf(23, 27)!)).toBe('85,19%');
  });
  test('tinh giản biên chế 11/18 = 61%', () => {
    expect(formatPercent(percentOf(11, 18)!, 0)).toBe('61%');
  });
  test('a zero denominator is "không phát sinh" (null), never 0%', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(tyLeDungHan({ daGiaiQuyet: 0, truocHan: 0, dungHan: 0 })).toBeNull();
    expect(tyLeTrucTuyen({ trucTuyen: 0, trucTiepBuuChinh: 0 })).toBeNull();
  });
  test('on-time rate = (early + on time) / resolved', () => {
    expect(tyLeDungHan({ daGiaiQuyet: 227, truocHan: 200, dungHan: 25, quaHan: 2 })).toBeCloseTo((225 / 227) * 100, 10);
  });
  test('Sơn La staffing gaps: assigned 5.482, employed 4.870', () => {
    expect(staffGap(5482, 4870)).toEqual({ thieu: 612, du: 0 });
    expect(staffGap(61, 64)).toEqual({ thieu: 0, du: 3 });
  });
  test('cap limits are rounded down', () => {
    expect(capLimit(54, 20)).toBe(10);
    expect(capLimit(50, 20)).toBe(10);
    expect(capLimit(49, 25)).toBe(12);
  });
});
