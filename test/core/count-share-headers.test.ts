/**
 * The one-stop portals' layout: a group header over a count and its percentage ("Trước hạn" over
 * "Tổng | %"), and a bare "Tổng" that is the total received only as the first figure column.
 * Sheets are written here cell by cell; what each column must mean is read off the header text.
 */
import { headerChains, isCountWord, isShareWord, mapChains } from '../../src/core/headers';
import { KetQuaGiaiQuyet } from '../../src/core/tables/ketQuaGiaiQuyet';
import type { SheetGrid } from '../../src/core/model';

const grid = (rows: (string | number | null)[][], merges?: string[]): SheetGrid => ({
  name: 'Sheet1',
  rows: rows.map((r) => r.map((v) => (v === null ? undefined : { v }))),
  ...(merges ? { merges } : {}),
});

/** Mức độ | Tổng | Đã xử lý | Chưa xử lý | Trước hạn (Tổng, %) | Đúng hạn (Tổng, %) | Trễ hạn (Tổng, %). */
const TOP = ['Mức độ', 'Tổng', 'Đã xử lý', 'Chưa xử lý', 'Trước hạn', null, 'Đúng hạn', null, 'Trễ hạn', null];
const SUB = (count: string, pct: string) => [null, null, null, null, count, pct, count, pct, count, pct];
const MERGES = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1', 'G1:H1', 'I1:J1'];

describe.each([
  ['merged, as the portal page gives it', MERGES],
  ['without merges (a CSV or a copy that lost them)', undefined],
])('"Tổng | %%" under each state, %s', (_, merges) => {
  const sheet = grid([TOP, SUB('Tổng', '%'), ['Mức 3', 100, 90, 10, 50, '55,6%', 30, '33,3%', 10, '11,1%']], merges);
  const chains = headerChains(sheet, 0, 1, 0, 9);

  test('each count column reads as its group, each percentage as the share of the count beside it', () => {
    expect(chains.map((c) => c.texts)).toEqual([['muc do'], ['tong'], ['da xu ly'], ['chua xu ly'], ['truoc han'], ['truoc han'], ['dung han'], ['dung han'], ['qua han'], ['qua han']]);
    expect(chains.map((c) => c.share)).toEqual([undefined, undefined, undefined, undefined, undefined, 4, undefined, 6, undefined, 8]);
  });

  test('mapped to Biểu 06: the label, (3), (7), (8), (9), (10), (11), and three percentages', () => {
    const m = mapChains(KetQuaGiaiQuyet, chains, 0);
    expect(m.col).toEqual({ linhVuc: 0, tongSo: 1, daGiaiQuyet: 2, dangGiaiQuyet: 3, truocHan: 4, dungHan: 6, quaHan: 8 });
    expect(m.shares).toEqual({ truocHan: 5, dungHan: 7, quaHan: 9 });
    // The count is read where its group is written (row 1), the percentage at its own "%" (row 2).
    expect(m.at.truocHan).toEqual({ row: 0, col: 4 });
    expect(m.shareAt.quaHan).toEqual({ row: 1, col: 9 });
  });
});

test.each([
  ['Số lượng', 'Tỷ lệ'],
  ['SL', 'TL'],
  ['Số hồ sơ', 'Tỷ lệ (%)'],
  ['Tổng số', 'Tỉ lệ %'],
])('"%s | %s" is a count and its percentage', (count, pct) => {
  expect([isCountWord(count), isShareWord(pct)]).toEqual([true, true]);
  const chains = headerChains(grid([TOP, SUB(count, pct)], MERGES), 0, 1, 0, 9);
  expect(mapChains(KetQuaGiaiQuyet, chains, 0).shares).toEqual({ truocHan: 5, dungHan: 7, quaHan: 9 });
});

test('"Tiếp nhận" over "Tổng | %": the count still reads as its sub-header says ("tiếp nhận > Tổng", the files received)', () => {
  const sheet = grid(
    [
      ['Lĩnh vực', 'Tiếp nhận', null, 'Đã giải quyết', null],
      [null, 'Tổng', '%', 'Tổng', '%'],
    ],
    ['A1:A2', 'B1:C1', 'D1:E1'],
  );
  const m = mapChains(KetQuaGiaiQuyet, headerChains(sheet, 0, 1, 0, 4), 0);
  expect([m.col, m.shares]).toEqual([
    { linhVuc: 0, tongSo: 1, daGiaiQuyet: 3 },
    { tongSo: 2, daGiaiQuyet: 4 },
  ]);
});

test('a group over "Tổng số | Trước hạn | Đúng hạn | Quá hạn" is no count and percentage: read as Biểu 06 reads it', () => {
  const sheet = grid([
    ['Lĩnh vực', 'Đã giải quyết', null, null, null],
    [null, 'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn'],
  ]);
  const chains = headerChains(sheet, 0, 1, 0, 4);
  expect(chains.every((c) => c.share === undefined)).toBe(true);
  expect(mapChains(KetQuaGiaiQuyet, chains, 0).col).toEqual({ linhVuc: 0, daGiaiQuyet: 1, truocHan: 2, dungHan: 3, quaHan: 4 });
});

test('two count words under one group say nothing about which the percentage is of: no share', () => {
  const sheet = grid([
    ['Lĩnh vực', 'Trước hạn', null, null],
    [null, 'Tổng', 'Số lượng', '%'],
  ]);
  expect(headerChains(sheet, 0, 1, 0, 3).map((c) => c.share)).toEqual([undefined, undefined, undefined, undefined]);
});

describe('a bare "Tổng" is the total received only as the first figure column', () => {
  test('first: (3)', () => {
    const sheet = grid([['Lĩnh vực', 'Tổng', 'Đã xử lý', 'Chưa xử lý']]);
    expect(mapChains(KetQuaGiaiQuyet, headerChains(sheet, 0, 0, 0, 3), 0).col).toEqual({ linhVuc: 0, tongSo: 1, daGiaiQuyet: 2, dangGiaiQuyet: 3 });
  });

  test('after "Trước hạn | Đúng hạn | Trễ hạn" it totals those: left unread, not taken for (3)', () => {
    const sheet = grid([['Lĩnh vực', 'Trước hạn', 'Đúng hạn', 'Trễ hạn', 'Tổng']]);
    expect(mapChains(KetQuaGiaiQuyet, headerChains(sheet, 0, 0, 0, 4), 0).col).toEqual({ linhVuc: 0, truocHan: 1, dungHan: 2, quaHan: 3 });
  });

  test('"Tổng hồ sơ" and "Tổng số" read the same way', () => {
    for (const h of ['Tổng hồ sơ', 'Tổng số']) {
      expect(mapChains(KetQuaGiaiQuyet, headerChains(grid([['Đơn vị', h, 'Đã giải quyết']]), 0, 0, 0, 2), 0).col).toEqual({ linhVuc: 0, tongSo: 1, daGiaiQuyet: 2 });
      expect(mapChains(KetQuaGiaiQuyet, headerChains(grid([['Đơn vị', 'Đã giải quyết', h]]), 0, 0, 0, 2), 0).col).toEqual({ linhVuc: 0, daGiaiQuyet: 1 });
    }
  });
});
