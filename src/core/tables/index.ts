/**
 * The tables of the workbook contract, each one module (docs/architecture.md, "Adding a table").
 * Every step that works table by table (locate, check, metrics, narrative, consolidation, the
 * template, the samples, the facts of `cchc doc`) iterates over TABLES, in this order.
 */
import type { ColumnSpec, TableName, TableSpec } from '../contract';
import { percentOf } from '../calculators';
import { BienChe } from './bienChe';
import { ChiTieuKhac } from './chiTieuKhac';
import { DanhMucTTHC } from './danhMucTTHC';
import { KetQuaGiaiQuyet } from './ketQuaGiaiQuyet';
import { KhaoSatHaiLong } from './khaoSatHaiLong';
import { PhanAnhKienNghi } from './phanAnhKienNghi';
import { XepLoai } from './xepLoai';
import type { Bound, DerivedCount, DerivedRate, Identity, TableModule, Values } from './types';

export type * from './types';
export { defineTable, valueOf } from './types';

/** One module per table name: a name without a module, or a module under another name, does not compile. */
const BY_NAME = { KetQuaGiaiQuyet, DanhMucTTHC, PhanAnhKienNghi, BienChe, XepLoai, ChiTieuKhac, KhaoSatHaiLong } as const satisfies { readonly [N in TableName]: TableModule & { name: N } };

export const TABLES: readonly TableModule[] = [KetQuaGiaiQuyet, DanhMucTTHC, PhanAnhKienNghi, BienChe, XepLoai, ChiTieuKhac, KhaoSatHaiLong];

/** The module of a table; undefined for a name that is none (raw answer sheets, a typo in a file). */
export function tableModule(name: string): TableModule | undefined {
  return Object.prototype.hasOwnProperty.call(BY_NAME, name) ? (BY_NAME as Record<string, TableModule>)[name] : undefined;
}

export function tableSpec(name: TableName): TableModule {
  return BY_NAME[name];
}

/** Every column recognised in a table: the contract's, then local variants'. */
export function allColumns(spec: TableSpec): readonly ColumnSpec[] {
  return spec.extraColumns ? [...spec.columns, ...spec.extraColumns] : spec.columns;
}

/** In the order they are applied: the identities that complete a local layout's missing totals come first in each table. */
export const IDENTITIES: readonly Identity[] = TABLES.flatMap((t) => t.identities);
export const BOUNDS: readonly Bound[] = TABLES.flatMap((t) => t.bounds);
export const DERIVED_COUNTS: readonly DerivedCount[] = TABLES.flatMap((t) => t.derivedCounts);
export const DERIVED_RATES: readonly DerivedRate[] = TABLES.flatMap((t) => t.derivedRates);

export function derivedRateValue(r: DerivedRate, v: Values): number | null {
  return r.value ? r.value(v) : percentOf(r.numerator(v), r.denominator(v));
}
