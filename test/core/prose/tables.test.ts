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
