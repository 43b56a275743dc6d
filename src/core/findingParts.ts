import type { TableSpec } from './contract';
import { headerOf, type Row } from './extract';
import type { FindingPart } from './findings';

/**
 * The figures an identity or a rate is made of, with their cells, for the messages ("Được giao 64
 * (ô D7) − Có mặt 61 (ô E7) = 3"). Kept apart from check.ts so the checks only name the keys.
 */
export function partsOf(spec: TableSpec, row: Row, keys: readonly string[]): FindingPart[] {
  const out: FindingPart[] = [];
  for (const k of keys) {
    const cell = row.cell(k);
    const value = row.values[k];
    if (cell !== undefined && value != null) out.push({ label: headerOf(spec, k), cell, value });
  }
  return out;
}

/** Parts of a totals row: each data row by its label, when few enough to read in one sentence. */
export function rowPartsOf(rows: readonly Row[], key: string, max = 6): FindingPart[] | undefined {
  if (rows.length > max) return undefined;
  const out: FindingPart[] = [];
  for (const r of rows) {
    const cell = r.cell(key);
    const value = r.stated?.[key] ?? r.values[key] ?? 0;
    if (cell !== undefined) out.push({ label: r.label, cell, value });
  }
  return out;
}

/** Numerator parts and denominator of the derived rates (each table module's `derivedRates`). */
export function rateParts(spec: TableSpec, row: Row, key: string): { numeratorParts?: FindingPart[]; denominatorPart?: FindingPart } {
  const [num, den] = key === 'tyLeDungHan' ? [['truocHan', 'dungHan'], 'daGiaiQuyet'] : [['thucHien'], 'keHoach'];
  const d = partsOf(spec, row, [den])[0];
  return { numeratorParts: partsOf(spec, row, num), ...(d ? { denominatorPart: d } : {}) };
}
