/**
 * The largest magnitude a figure of the contract can have. Counts are dossiers, staff and survey
 * answers of one provincial department (thousands; a few million files a year would be a very
 * large province); rates are percentages. A billion leaves every real figure far inside, and
 * keeps any sum of figures over the largest workbook a reader accepts (`LIMITS.maxCells` in
 * src/xlsx/package.ts, 1 500 000 cells, so at most 1,5 × 10^15) below 2^53 ≈ 9 × 10^15, where
 * whole numbers stop being exact: totals cannot overflow to Infinity nor carry float noise.
 * Ten billion, the bound while the readers stopped at 500 000 cells, would let such a sum reach
 * 1,5 × 10^16. test/core/bounds.test.ts fails if the two limits drift apart again.
 */
export const MAX_FIGURE = 1e9;

/** True for a value no count or rate can be: non-finite, or beyond MAX_FIGURE either way. */
export function beyondBounds(value: number): boolean {
  return !Number.isFinite(value) || Math.abs(value) > MAX_FIGURE;
}
