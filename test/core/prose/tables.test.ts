/** Tables of the report read as statements: rows against their parts, rates, the total row. Expected values by hand. */
import { checkDocument } from '../../../src/core/prose';
import { fixtureParagraphs, parseFixture } from '../../../scripts/corpus/fixture';

const report = (...rows: string[]) => fixtureParagraphs(parseFixture(['BÁO CÁO', 'Kết quả cải cách hành chính quý I năm 2023', ...rows].join('\n')));
const serious = (rows: string[]) =>
  checkDocument(report(...rows)).issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.expected, i.actual]);

const HEADER = '| Lĩnh vực | Tiếp nhận | Đã giải quyết | Trước hạn | Đúng hạn | Quá hạn | Tỷ lệ đúng hạn';

describe('a TTHC table in the report', () => {
  it('is silent when every row adds up', () => {
    // 30 = 10 + 18 + 2, (10 + 18)/30 = 93,33%; 20 = 5 + 15 + 0, 100%; total 50 = 15 + 33 + 2, 96,00%.
    expect(serious([HEADER, '| Dược phẩm | 32 | 30 | 10 | 18 | 2 | 93,33%', '| Mỹ phẩm | 21 | 20 | 5 | 15 | 0 | 100%', '| Tổng cộng | 53 | 50 | 15 | 33 | 2 | 96,00%'])).toEqual([]);
  });

  it('flags a row whose parts do not make its resolved count', () => {
    // 10 + 18 + 2 = 30, the row says 31.
    const got = serious([HEADER, '| Dược phẩm | 32 | 31 | 10 | 18 | 2 | 90,32%', '| Mỹ phẩm | 21 | 20 | 5 | 15 | 0 | 100%']);
    expect(got).toContainEqual(['parts_sum_mismatch', '30', '31']);
  });

  it('flags a total row that is not the sum of the rows', () => {
    // Received: 32 + 21 = 53, the total row says 55.
    const got = serious([HEADER, '| Dược phẩm | 32 | 30 | 10 | 18 | 2 | 93,33%', '| Mỹ phẩm | 21 | 20 | 5 | 15 | 0 | 100%', '| Tổng cộng | 55 | 50 | 15 | 33 | 2 | 96,00%']);
    expect(got).toEqual([['table_total_mismatch', '53', '55']]);
  });

  it('flags a rate cell that none of the bases of its row gives', () => {
    // (10 + 18)/30 = 93,33% over the resolved; 28/32 = 87,50% over the received; the row says 90%.
    const got = serious([HEADER, '| Dược phẩm | 32 | 30 | 10 | 18 | 2 | 90%', '| Mỹ phẩm | 21 | 20 | 5 | 15 | 0 | 100%']);
    expect(got.map((x) => x[0])).toEqual(['percent_mismatch']);
  });
});

describe('a table of index scores', () => {
  const SCORES = '| STT | Đơn vị | Chỉ số 1 | Chỉ số 2 | Chỉ số 3 | Tổng điểm | Xếp loại';

  it('adds each row\'s numbered scores to its total, in English decimals when the table is typed so', () => {
    // 1.5 + 2 + 0.75 = 4.25 and 2 + 1.25 + .5 = 3.75: both rows add up.
    expect(serious([SCORES, '| 1 | Sở Y tế | 1.5 | 2 | 0.75 | 4.25 | Tốt', '| 2 | Sở Tư pháp | 2 | 1.25 | .5 | 3.75 | Khá'])).toEqual([]);
    // 2 + 1.25 + 0.5 = 3.75, the row says 4.75.
    expect(serious([SCORES, '| 1 | Sở Y tế | 1.5 | 2 | 0.75 | 4.25 | Tốt', '| 2 | Sở Tư pháp | 2 | 1.25 | .5 | 4.75 | Khá'])).toEqual([['parts_sum_mismatch', '3,75', '4,75']]);
  });

  it('reads Vietnamese decimals too, and allows a total rounded from its parts', () => {
    // 1,25 + 2,125 + 0,5 = 3,875, printed 3,88; 9 + 8 + 7 = 24 against 25.
    expect(serious([SCORES, '| 1 | Sở Y tế | 1,25 | 2,125 | 0,5 | 3,88 | Tốt', '| 2 | Sở Tư pháp | 9 | 8 | 7 | 25 | Khá'])).toEqual([['parts_sum_mismatch', '24', '25']]);
  });

  it('takes no company row for a total row and never adds up the row numbers', () => {
    // "Công ty …" folds like "Cộng": it is a unit, not a sum of the rows above.
    const rows = ['| STT | Đơn vị | Tiếp nhận | Đã giải quyết', '| 1 | Sở Y tế | 10 | 9', '| 2 | Sở Tư pháp | 12 | 11', '| 3 | Công ty điện lực | 7 | 7'];
    expect(serious(rows)).toEqual([]);
  });

  it('adds nothing when the columns are not a numbered run ending in a total', () => {
    expect(serious(['| Đơn vị | Quý I | Quý II | Tổng', '| Sở Y tế | 5 | 6 | 20'])).toEqual([]);
  });
});
