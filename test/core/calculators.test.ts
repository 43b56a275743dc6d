import { capLimit, percentOf, staffGap, surveyIndicators, tyLeDungHan, tyLeTrucTuyen, type SurveyResponse } from '../../src/core/calculators';
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

describe('survey indicators', () => {
  const r = (items: Record<string, number | null>): SurveyResponse => items;
  const responses = [
    r({ A1: 5, A2: 4, B1: 5, C1: 4, D1: 5, E1: 5, G1: 90, G2: 5 }),
    r({ A1: 3, A2: 4, B1: 5, C1: 4, D1: 5, E1: 4, G1: 80, G2: 4 }),
    r({ A1: 5, A2: 0, B1: 2, C1: 4, D1: 5, E1: 5, G1: 70, G2: 2 }),
    r({ A1: 4, A2: 4, B1: 4, C1: 4, D1: 4, E1: null, G1: 100, G2: 6 }),
  ];
  const ind = surveyIndicators(responses);
  test('overall satisfaction counts 4–5 among valid 1–5 answers', () => {
    // valid answers: 6 + 6 + 5 (A2=0 excluded) + 5 (E1 blank) = 22; satisfied: 6 + 5 + 4 + 5 = 20
    expect(ind.haiLongChung).toBeCloseTo((20 / 22) * 100, 10);
  });
  test('comprehensive index counts respondents satisfied on every valid item', () => {
    expect(ind.toanDien).toBeCloseTo((2 / 4) * 100, 10);
    expect(ind.toanDien!).toBeLessThanOrEqual(ind.haiLongChung!);
  });
  test('expectation is the mean of G1; return rate counts G2 in {4,5} among 1–5', () => {
    expect(ind.soVoiMongDoi).toBe(85);
    expect(ind.quayLai).toBeCloseTo((2 / 3) * 100, 10);
    expect(surveyIndicators(responses, [5]).quayLai).toBeCloseTo((1 / 3) * 100, 10);
  });
  test('per section', () => {
    expect(ind.theoKhiaCanh.B).toBeCloseTo((3 / 4) * 100, 10);
    expect(ind.theoKhiaCanh.C).toBe(100);
  });
});
