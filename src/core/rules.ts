import type { TableName } from './contract';
import { percentOf, staffGap, tyLeDungHan } from './calculators';

/**
 * The identities of domain.md 3.1–3.3 that live inside one row, as data. A broken identity is
 * reported on the cell of the stated total (`total`), naming the parts.
 */
export interface Identity {
  id: string;
  table: TableName;
  total: string;
  parts: string[];
  /** Optional switch name in CheckOptions (T4 depends on how returned files are counted). */
  option?: 't4';
}

export const IDENTITIES: readonly Identity[] = [
  { id: 'T1', table: 'KetQuaGiaiQuyet', total: 'tongSo', parts: ['trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc'] },
  { id: 'T2', table: 'KetQuaGiaiQuyet', total: 'daGiaiQuyet', parts: ['truocHan', 'dungHan', 'quaHan'] },
  { id: 'T3', table: 'KetQuaGiaiQuyet', total: 'dangGiaiQuyet', parts: ['dangTrongHan', 'dangQuaHan'] },
  { id: 'T4', table: 'KetQuaGiaiQuyet', total: 'tongSo', parts: ['daGiaiQuyet', 'dangGiaiQuyet'], option: 't4' },
  { id: 'DM1', table: 'DanhMucTTHC', total: 'soTTHC', parts: ['capTinh', 'capHuyen', 'capXa'] },
  { id: 'PA1', table: 'PhanAnhKienNghi', total: 'tiepNhan', parts: ['daGiaiQuyet', 'dangGiaiQuyet'] },
  { id: 'XL1', table: 'XepLoai', total: 'tongSo', parts: ['htxs', 'htt', 'ht', 'kht', 'khongDanhGia'] },
];

type Values = Record<string, number | null>;

/** Derived counts, recomputed whether the cell holds the template's formula or a typed value. */
export interface DerivedCount {
  table: TableName;
  key: string;
  formula: string;
  compute: (v: Values) => number | null;
}

export const DERIVED_COUNTS: readonly DerivedCount[] = [
  { table: 'BienChe', key: 'thieu', formula: 'max(0, Được giao − Có mặt)', compute: (v) => staffGap(v.duocGiao, v.coMat).thieu },
  { table: 'BienChe', key: 'du', formula: 'max(0, Có mặt − Được giao)', compute: (v) => staffGap(v.duocGiao, v.coMat).du },
];

/** Derived rates: numerator and denominator from the same row. */
export interface DerivedRate {
  table: TableName;
  key: string;
  numerator: (v: Values) => number | null;
  denominator: (v: Values) => number | null;
}

export const DERIVED_RATES: readonly DerivedRate[] = [
  {
    table: 'KetQuaGiaiQuyet',
    key: 'tyLeDungHan',
    numerator: (v) => (v.truocHan == null || v.dungHan == null ? null : v.truocHan + v.dungHan),
    denominator: (v) => v.daGiaiQuyet ?? null,
  },
  { table: 'ChiTieuKhac', key: 'tyLe', numerator: (v) => v.thucHien ?? null, denominator: (v) => v.keHoach ?? null },
];

export function derivedRateValue(r: DerivedRate, v: Values): number | null {
  if (r.key === 'tyLeDungHan') return tyLeDungHan(v);
  return percentOf(r.numerator(v), r.denominator(v));
}
