import { beyondBounds, MAX_FIGURE } from '../../src/core/bounds';
import { LIMITS } from '../../src/xlsx/package';

describe('bounds of a figure against the largest workbook the readers accept', () => {
  test('a sum of every cell at the bound stays a safe integer', () => {
    const cells = Math.max(LIMITS.maxCells, LIMITS.maxPageCells);
    expect(BigInt(MAX_FIGURE) * BigInt(cells)).toBeLessThanOrEqual(BigInt(Number.MAX_SAFE_INTEGER));
    // Added one by one as the totals check adds, an odd figure just under the bound (whose low
    // bit a double loses first, past 2^53) still gives the exact sum.
    const figure = MAX_FIGURE - 1;
    let sum = 0;
    for (let i = 0; i < cells; i++) sum += figure;
    expect(BigInt(sum)).toBe(BigInt(figure) * BigInt(cells));
  });

  test('a billion is a figure, one more is not; nor are the non-finite', () => {
    expect(MAX_FIGURE).toBe(1_000_000_000);
    expect([beyondBounds(1_000_000_000), beyondBounds(-1_000_000_000), beyondBounds(92.03)]).toEqual([false, false, false]);
    expect([beyondBounds(1_000_000_001), beyondBounds(-1_000_000_001), beyondBounds(Infinity), beyondBounds(Number.NaN)]).toEqual([true, true, true, true]);
  });
});
