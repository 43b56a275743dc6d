/**
 * The percentages a one-stop portal prints beside its counts ("Trước hạn" over "Tổng | %"): each
 * is the count's share of some base the sheet does not name. It is checked against every base the
 * table allows (the totals the count is a part of, then the column's total) and reported only
 * when none gives it. Every expected percentage below is worked out by hand from the row.
 */
import { checkWorkbook } from '../../src/core/check';
import type { Cell, SheetGrid } from '../../src/core/model';
import type { CheckReport } from '../../src/core/report';

type V = string | number | Cell | null;
const HEAD: V[][] = [
  ['Mức độ', 'Tổng', 'Đã xử lý', 'Chưa xử lý', 'Trước hạn', null, 'Đúng hạn', null, 'Trễ hạn', null],
  [null, null, null, null, 'Tổng', '%', 'Tổng', '%', 'Tổng', '%'],
];
const MERGES = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1', 'G1:H1', 'I1:J1'];

function check(rows: V[][]): CheckReport {
  const sheet: SheetGrid = {
    name: 'Kết quả',
    rows: [...HEAD, ...rows].map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { v }))),
    merges: MERGES,
  };
  return checkWorkbook({ sheets: [sheet], tables: [], names: [] });
}

const errors = (r: CheckReport) => r.issues.filter((f) => f.severity === 'error');
const at = (r: CheckReport) => errors(r).map((f) => `${f.code}@${f.cell}`);

// Mức 3: 100 received = 90 resolved + 10 in progress; 90 = 50 early + 30 on time + 10 late.
// Of the 90 resolved: 50/90 = 55,56 %, 30/90 = 33,33 %, 10/90 = 11,11 %.
const MUC_3 = ['Mức 3', 100, 90, 10, 50, '55,6%', 30, '33,3%', 10, '11,1%'];

test('percentages of the files resolved, at one decimal: no finding', () => {
  const r = check([MUC_3]);
  expect(at(r)).toEqual([]);
  expect(r.recognized!.tables[0]!.shares!.map((s) => `${s.header} ← ${s.cell}`)).toEqual(['Tỷ lệ trước hạn ← F2', 'Tỷ lệ đúng hạn ← H2', 'Tỷ lệ quá hạn ← J2']);
});

test('percentages of the files received (50/100, 30/100, 10/100) are another plausible reading: no finding', () => {
  expect(at(check([['Mức 3', 100, 90, 10, 50, '50%', 30, '30%', 10, '10%']]))).toEqual([]);
});

test("each level's share of its column (50/200 and 150/200 = 25 % and 75 %): no finding", () => {
  // Mức 4: 300 = 270 + 30; 270 = 150 + 90 + 30. Columns: 200 early, 120 on time, 40 late.
  const rows = [
    ['Mức 3', 100, 90, 10, 50, '25%', 30, '25%', 10, '25%'],
    ['Mức 4', 300, 270, 30, 150, '75%', 90, '75%', 30, '75%'],
  ];
  expect(at(check(rows))).toEqual([]);
});

test('a fraction with a percent format (0,5556 shown as 55,56 %) reads as 55,56 %', () => {
  expect(at(check([['Mức 3', 100, 90, 10, 50, { v: 0.5556, z: '0.00%' }, 30, '33,3%', 10, '11,1%']]))).toEqual([]);
});

test('nothing resolved: 0 % (or "-") beside 0 is right', () => {
  expect(at(check([MUC_3, ['Mức 4', 5, 0, 5, 0, '0%', 0, '-', 0, null]]))).toEqual([]);
});

test('a percentage no base gives: one error at the percentage, naming every base tried', () => {
  // 60 % beside 50: 50/90 = 55,56 %; 50/100 = 50,00 %; the column holds only this row, 50/50 = 100 %.
  const r = check([['Mức 3', 100, 90, 10, 50, '60%', 30, '33,3%', 10, '11,1%']]);
  expect(at(r)).toEqual(['rate_mismatch@F3']);
  expect(errors(r)[0]!.message).toBe(
    'Tỷ lệ trước hạn (dòng "Mức 3") ở ô F3 ghi 60%, nhưng Trước hạn 50 (ô E3) trên đã giải quyết 90 (ô C3) = 55,56%; trên tổng số hồ sơ nhận giải quyết 100 (ô B3) = 50,00%; ' +
      'trên tổng các dòng của cột "Trước hạn" 50 = 100,00%: không cách tính nào cho 60%. Cách sửa: ghi 55,56% nếu tỷ lệ tính trên đã giải quyết, hoặc sửa số ở ô E3 nếu tỷ lệ đúng.',
  );
  expect(errors(r)[0]).toMatchObject({ expected: 55.56, actual: 60, related: ['E3', 'C3'] });
});

test('a percentage beside nothing resolved that is not 0: "không phát sinh"', () => {
  // Mức 4: 5 received, none resolved (0 + 0 + 0); 10 % printed beside 0 early is no share of anything.
  const r = check([MUC_3, ['Mức 4', 5, 0, 5, 0, '10%', 0, '0%', 0, '0%']]);
  expect(at(r)).toEqual(['rate_mismatch@F4']);
});

test('a slip in the counts is said once, at the count: the percentages of its parts\' sum are no second finding', () => {
  // Đã xử lý 92 where 50 + 30 + 10 = 90 (T2); 102 received = 92 + 10 holds. The percentages
  // 55,6 / 33,3 / 11,1 are of 90, the resolved files' parts, not of the 92 written.
  const r = check([['Mức 3', 102, 92, 10, 50, '55,6%', 30, '33,3%', 10, '11,1%']]);
  expect(at(r)).toEqual(['sum_mismatch@C3']);
  expect(errors(r)[0]!.message).toContain('ghi 92, nhưng Trước hạn 50 (ô E3) + Đúng hạn 30 (ô G3) + Quá hạn 10 (ô I3) = 90');
});

test('a wrong percentage beside a slip in the counts is still found: 40 % is no share of 92, 90, 102 or 50', () => {
  // 50/92 = 54,35 %; 50/90 = 55,56 %; 50/102 = 49,02 %; the column is this row alone, 50/50 = 100 %.
  const r = check([['Mức 3', 102, 92, 10, 50, '40%', 30, '33,3%', 10, '11,1%']]);
  expect(at(r).sort()).toEqual(['rate_mismatch@F3', 'sum_mismatch@C3']);
  expect(errors(r).find((f) => f.cell === 'F3')!.message).toContain(
    'trên đã giải quyết 92 (ô C3) = 54,35%; trên trước hạn + đúng hạn + quá hạn 90 = 55,56%; trên tổng số hồ sơ nhận giải quyết 102 (ô B3) = 49,02%',
  );
});

test('without "trong hạn / quá hạn" of the files in progress, no finding about them beyond saying they are absent', () => {
  const r = check([MUC_3]);
  expect(r.issues.filter((f) => f.column === 'dangTrongHan' || f.column === 'dangQuaHan' || f.rule === 'T3')).toEqual([]);
  expect(r.issues.filter((f) => f.code === 'missing_column').map((f) => f.severity === 'error')).not.toContain(true);
  // Said for what it is: (11) = (12) + (13) cannot be checked, not "the column's figures".
  const inTime = r.issues.find((f) => f.code === 'missing_column' && f.message.includes('"Trong hạn"'))!;
  expect(inTime.message).toContain('chưa kiểm tra được Đang giải quyết = trong hạn + quá hạn (đang giải quyết)');
});
