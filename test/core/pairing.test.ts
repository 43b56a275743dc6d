/** Which files may be used together: the previous period, the previous consolidation. Periods by hand (NĐ 09/2019 windows). */
import { checkPrevious, checkPreviousConsolidation, previousKind, type FileIdentity } from '../../src/core/pairing';
import type { PeriodInfo } from '../../src/core/report';

const p = (kind: string, year: number, from: string, to: string): PeriodInfo => ({ kind, year, from, to, regime: 'x', source: 'nd09' });
// Quý II/2022: 15/3–14/6; quý III/2022: 15/6–14/9; quý I/2022: 15/12/2021–14/3/2022; quý III/2021: 15/6–14/9/2021.
const Q2_22 = p('Quý II', 2022, '2022-03-15', '2022-06-14');
const Q3_22 = p('Quý III', 2022, '2022-06-15', '2022-09-14');
const Q1_22 = p('Quý I', 2022, '2021-12-15', '2022-03-14');
const Q3_21 = p('Quý III', 2021, '2021-06-15', '2021-09-14');
const Q1_23 = p('Quý I', 2023, '2022-12-15', '2023-03-14');
const id = (unit: string, period: PeriodInfo | null, province: string | null): FileIdentity => ({ unit, province, period });
const kontum = (period: PeriodInfo) => id('Sở Y tế tỉnh Kon Tum', period, 'kon tum');
const names = { current: 'ky-nay.xlsx', previous: 'ky-truoc.xlsx' };

describe('the previous period', () => {
  it.each([
    ['the quarter right before (its window ends the day before)', Q2_22, 'immediate'],
    ['the same quarter a year before', Q3_21, 'sameLastYear'],
    ['an earlier quarter, not adjacent', Q1_22, 'earlier'],
    ['a later quarter', Q1_23, 'notEarlier'],
    ['the same quarter', Q3_22, 'notEarlier'],
  ])('%s', (_why, prev, kind) => {
    expect(previousKind(Q3_22, prev)).toBe(kind);
  });

  it('accepts the unit\'s previous quarter and the same quarter of last year', () => {
    expect(checkPrevious(kontum(Q3_22), kontum(Q2_22), names)).toBeNull();
    expect(checkPrevious(kontum(Q3_22), kontum(Q3_21), names)).toBeNull();
  });

  it('refuses another unit, naming both files with their unit and period', () => {
    const r = checkPrevious(kontum(Q3_22), id('Sở Y tế tỉnh Sơn La', Q2_22, 'son la'), names)!;
    expect(r).toMatchObject({ code: 'previous_other_unit', hard: false });
    expect(r.message).toBe('Tệp "ky-truoc.xlsx" (Sở Y tế tỉnh Sơn La, quý II năm 2022) và tệp "ky-nay.xlsx" (Sở Y tế tỉnh Kon Tum, quý III năm 2022) là của hai đơn vị khác nhau: sổ kỳ trước phải là của cùng đơn vị.');
  });

  it('refuses a later period even when insisted on, and names a non-adjacent one', () => {
    expect(checkPrevious(kontum(Q3_22), kontum(Q1_23), names)).toMatchObject({ code: 'previous_not_earlier', hard: true });
    expect(checkPrevious(kontum(Q3_22), kontum(Q1_22), names)).toMatchObject({ code: 'previous_not_adjacent', hard: false });
  });

  it('refuses another unit\'s later period even when insisted on: the unit is not the only thing wrong', () => {
    const r = checkPrevious(kontum(Q3_22), id('Sở Y tế tỉnh Sơn La', Q1_23, 'son la'), names)!;
    expect(r).toMatchObject({ code: 'previous_not_earlier', hard: true });
    expect(r.message).toBe('Tệp "ky-truoc.xlsx" (Sở Y tế tỉnh Sơn La, quý I năm 2023) và tệp "ky-nay.xlsx" (Sở Y tế tỉnh Kon Tum, quý III năm 2022) là của hai đơn vị khác nhau, và sổ kỳ trước không thuộc một kỳ trước quý III năm 2022.');
  });
});

describe('the previous consolidation', () => {
  it('must be of an earlier period than the units being consolidated', () => {
    expect(checkPreviousConsolidation(Q3_22, kontum(Q2_22), 'tong-hop-q2.xlsx')).toBeNull();
    expect(checkPreviousConsolidation(Q3_22, kontum(Q3_22), 'tong-hop-q3.xlsx')?.message).toBe(
      'Sổ tổng hợp kỳ trước "tong-hop-q3.xlsx" là của quý III năm 2022, chính kỳ đang tổng hợp (quý III năm 2022): hãy chọn sổ tổng hợp của kỳ trước.',
    );
  });
});
