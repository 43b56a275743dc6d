import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtures, PLANTED } from '../../scripts/fixtures/build-html-fixtures';
import { readWorkbook } from '../../src/xlsx/read';
import { getCell, parseA1 } from '../../src/core/model';
import { normalizeCell } from '../../src/core/cells';

const FIX = join(__dirname, '..', 'fixtures', 'html');

describe('test/fixtures/html', () => {
  it('are exactly what scripts/fixtures/build-html-fixtures.ts writes', async () => {
    const files = await buildFixtures();
    expect(Object.keys(files).sort()).toEqual(readdirSync(FIX).filter((f) => f !== 'README.md').sort());
    for (const [name, data] of Object.entries(files)) {
      expect([name, Buffer.from(readFileSync(join(FIX, name))).equals(Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data))]).toEqual([name, true]);
    }
  });

  it('the hand-edited export carries its two slips where the README says', async () => {
    const m = await readWorkbook(readFileSync(join(FIX, 'mot-cua-kon-tum-q3-2022-sua-tay-sai-ty-le-va-tong.xls')), 'x.xls');
    const s = m.sheets[0]!;
    const at = (a: string) => getCell(s, parseA1(a))?.v;
    // Dược phẩm (row 7): tổng số written 100, but kỳ trước 9 + trong kỳ 93 = 102, đã xử lý 90 + đang xử lý 12 = 102.
    expect(['B7', 'C7', 'D7', 'E7', 'H7', 'I7', 'J7', 'L7', 'M7'].map(at)).toEqual(['Dược phẩm', PLANTED.tongSo.written, '9', '93', '55', '35', '0', '12', '0']);
    expect(PLANTED.tongSo.expected).toBe('102');
    // An toàn thực phẩm (row 9): rate written 95%, but (30 + 16) / 47 = 97,87%.
    expect(['B9', 'H9', 'I9', 'J9', 'K9'].map(at)).toEqual(['An toàn thực phẩm', '30', '16', '1', '95%']);
    expect(normalizeCell(getCell(s, parseA1('K9')))).toMatchObject({ t: 'num', value: 95, percent: true });
    // The totals row is the system's, from the true figures: 329 received.
    expect(['A12', 'C12', 'K12'].map(at)).toEqual(['Tổng cộng', '329', '99.65%']);
  });
});
