import type { RateReading } from '../cells';
import { roundNoise } from '../calculators';
import type { Extracted, Row } from '../extract';
import type { Draft } from '../findings';
import type { LocatedTable } from '../locate';
import { roundTo } from '../numbers';

/** What every table check receives: the table as located and as read, and where findings go. */
export interface TableInput {
  lt: LocatedTable;
  ex: Extracted;
}

export type Push = (d: Draft) => void;

export function baseAt(lt: LocatedTable, row: Row, key: string) {
  return {
    sheet: lt.sheet.name,
    cell: row.cell(key)!,
    table: lt.spec.name,
    column: key,
    ...(row.label ? { rowLabel: row.label } : {}),
  };
}

/** A cell with a value finding takes part in nothing else: one cause, one finding. */
export function usable(row: Row, key: string): boolean {
  return !row.invalid.has(key);
}

export function relatedCells(row: Row, keys: string[]): string[] {
  return keys.map((k) => row.cell(k)).filter((c): c is string => c !== undefined);
}

/** Is the stated reading of a rate the true ratio, rounded to the decimals it was typed with? */
export function rateMatches(stated: RateReading, expected: number): boolean {
  const at = (s: number, d: number) => (d > 6 ? Math.abs(s - expected) < 1e-6 : Math.abs(roundTo(expected, d) - s) < 1e-9 * Math.max(1, Math.abs(s)));
  if (at(stated.percent, stated.decimals)) return true;
  return stated.maybeFraction && at(roundNoise(stated.percent * 100), Math.max(0, stated.decimals - 2));
}

