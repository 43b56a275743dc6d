import { roundNoise } from './calculators';
import type { RateReading } from './cells';
import { roundTo } from './numbers';

/** Is the stated reading of a rate the true ratio, rounded to the decimals it was typed with? */
export function rateMatches(stated: RateReading, expected: number): boolean {
  const at = (s: number, d: number) => (d > 6 ? Math.abs(s - expected) < 1e-6 : Math.abs(roundTo(expected, d) - s) < 1e-9 * Math.max(1, Math.abs(s)));
  if (at(stated.percent, stated.decimals)) return true;
  return stated.maybeFraction && at(roundNoise(stated.percent * 100), Math.max(0, stated.decimals - 2));
}
