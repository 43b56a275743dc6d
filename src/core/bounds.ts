/**
 * The largest magnitude a figure of the contract can have. Counts are dossiers, staff and survey
 * answers of one provincial department (thousands); rates are percentages. Ten billion leaves
 * every real figure far inside, and keeps any sum over the largest workbook the reader accepts
 * (500 000 cells) below 2^53, where whole numbers stop being exact: totals cannot overflow to
 * Infinity nor carry float noise.
 */
export const MAX_FIGURE = 1e10;

/** True for a value no count or rate can be: non-finite, or beyond MAX_FIGURE either way. */
export function beyondBounds(value: number): boolean {
  return !Number.isFinite(value) || Math.abs(value) > MAX_FIGURE;
}
