import type { FindingCode } from './findings';

/**
 * Whether a figure read into a count column is a count: a whole number, zero or more. Written as
 * plain tests rather than through the zod schema of the same rule (`countValue`, src/core/schemas.ts)
 * because this runs for every figure of every count column, and the command line would otherwise
 * load zod at start for it alone. The answers are zod's, case by case (test/core/schemas.test.ts
 * compares the two on arbitrary numbers): integers beyond the safe range are refused as zod's
 * `int()` refuses them, below it as negative, above it as not whole; NaN and infinities are not whole.
 */
export function countFinding(value: number): Extract<FindingCode, 'negative_count' | 'fractional_count'> | null {
  if (Number.isSafeInteger(value)) return value >= 0 ? null : 'negative_count';
  if (Number.isInteger(value) && value < 0) return 'negative_count';
  return 'fractional_count';
}
