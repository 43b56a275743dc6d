import type { TableName } from './contract';
import { percentOf, staffGap, tyLeDungHan } from './calculators';

/**
 * The identities of docs/rules.md that live inside one row, as data. A broken identity is
 * reported on the cell of the stated total (`total`), naming the parts.
 */
export interface Identity {
  id: string;
  table: TableName;
  total: string;
  /** Parts; a part that may be absent from the table (and is then left out) is listed in `optionalParts`. */
  parts: string[];
  optionalParts?: string[];
  /** Optional switch name in CheckOptions (T4 depends on how returned files are counted). */
  option?: 't4';
  /**
   * Where the table lacks the total's column but has every part (the one-stop systems' exports
   * print "Đã xử lý: Trước hạn / Đúng hạn / Quá hạn" with no total), the total is taken as the sum
   * of its parts, for the metrics and the identities that use it; nothing is checked on it.
   */
  derive?: boolean;
  /**
   * Where the table has the total but lacks one part (the exports print "Trong kỳ" and "Qua mạng"
   * but no "(5) trực tiếp, bưu chính"), that part is the total less the others; nothing is
   * checked on it.
   */
  solve?: boolean;
}

/**
 * In the order they are applied: the identities that complete a local layout's missing totals
 * come before those that use them.
 */
export const IDENTITIES: readonly Identity[] = [
  { id: 'T1d', table: 'KetQuaGiaiQuyet', total: 'trucTiepBuuChinh', parts: ['trucTiep', 'quaBCCI'], derive: true },
  { id: 'T1e', table: 'KetQuaGiaiQuyet', total: 'trucTuyen', parts: ['toanTrinh', 'motPhan'], derive: true },
  { id: 'T1c', table: 'KetQuaGiaiQuyet', total: 'moiTiepNhan', parts: ['trucTuyen', 'trucTiepBuuChinh'], solve: true },
  { id: 'T1', table: 'KetQuaGiaiQuyet', total: 'tongSo', parts: ['trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc'] },
  { id: 'T1b', table: 'KetQuaGiaiQuyet', total: 'tongSo', parts: ['moiTiepNhan', 'tuKyTruoc'] },
  { id: 'T2', table: 'KetQuaGiaiQuyet', total: 'daGiaiQuyet', parts: ['truocHan', 'dungHan', 'quaHan'], derive: true },
  { id: 'T3', table: 'KetQuaGiaiQuyet', total: 'dangGiaiQuyet', parts: ['dangTrongHan', 'dangQuaHan'], derive: true },
  // Returned and withdrawn files, and files waiting for documents, are counted beside (7) and (11)
  // where a local form has columns for them: (3) = (7) + (11) + trả lại + rút + chờ bổ sung.
  { id: 'T4', table: 'KetQuaGiaiQuyet', total: 'tongSo', parts: ['daGiaiQuyet', 'dangGiaiQuyet', 'traLaiRut', 'rut', 'choBoSung'], optionalParts: ['traLaiRut', 'rut', 'choBoSung'], option: 't4' },
  { id: 'DM1', table: 'DanhMucTTHC', total: 'soTTHC', parts: ['capTinh', 'capHuyen', 'capXa'], optionalParts: ['capHuyen'] },
  { id: 'PA1', table: 'PhanAnhKienNghi', total: 'tiepNhan', parts: ['daGiaiQuyet', 'dangGiaiQuyet'] },
  { id: 'XL1', table: 'XepLoai', total: 'tongSo', parts: ['htxs', 'htt', 'ht', 'kht', 'khongDanhGia'], optionalParts: ['khongDanhGia'] },
];

/** A part that can never exceed its bound in the same row (số hóa ≤ tiếp nhận). */
export interface Bound {
  id: string;
  table: TableName;
  part: string;
  bound: string;
}

export const BOUNDS: readonly Bound[] = [{ id: 'SH1', table: 'KetQuaGiaiQuyet', part: 'soHoa', bound: 'tongSo' }];

type Values = Record<string, number | null>;

/** A1 address of a column's cell in the same row, for the template's formulas. */
type Ref = (key: string) => string;

/**
 * Derived counts, recomputed whether the cell holds the template's formula or a typed value. The
 * template's Excel formula is written from the same definition, so the two cannot drift apart.
 */
export interface DerivedCount {
  table: TableName;
  key: string;
  formula: string;
  /** The columns it is computed from. */
  parts: string[];
  compute: (v: Values) => number | null;
  excel: (a: Ref) => string;
}

export const DERIVED_COUNTS: readonly DerivedCount[] = [
  {
    table: 'BienChe',
    key: 'thieu',
    formula: 'max(0, Được giao − Có mặt)',
    parts: ['duocGiao', 'coMat'],
    compute: (v) => staffGap(v.duocGiao, v.coMat).thieu,
    excel: (a) => `IF(COUNT(${a('duocGiao')},${a('coMat')})=0,"",MAX(0,${a('duocGiao')}-${a('coMat')}))`,
  },
  {
    table: 'BienChe',
    key: 'du',
    formula: 'max(0, Có mặt − Được giao)',
    parts: ['duocGiao', 'coMat'],
    compute: (v) => staffGap(v.duocGiao, v.coMat).du,
    excel: (a) => `IF(COUNT(${a('duocGiao')},${a('coMat')})=0,"",MAX(0,${a('coMat')}-${a('duocGiao')}))`,
  },
];

/** Derived rates: numerator and denominator from the same row. */
export interface DerivedRate {
  table: TableName;
  key: string;
  numerator: (v: Values) => number | null;
  denominator: (v: Values) => number | null;
  parts: string[];
  /** The template's formula: percent at two decimals, empty when nothing happened. */
  excel: (a: Ref) => string;
}

export const DERIVED_RATES: readonly DerivedRate[] = [
  {
    table: 'KetQuaGiaiQuyet',
    key: 'tyLeDungHan',
    numerator: (v) => (v.truocHan == null || v.dungHan == null ? null : v.truocHan + v.dungHan),
    denominator: (v) => v.daGiaiQuyet ?? null,
    parts: ['truocHan', 'dungHan', 'daGiaiQuyet'],
    excel: (a) => `IF(N(${a('daGiaiQuyet')})=0,"",ROUND((${a('truocHan')}+${a('dungHan')})/${a('daGiaiQuyet')}*100,2))`,
  },
  {
    table: 'ChiTieuKhac',
    key: 'tyLe',
    numerator: (v) => v.thucHien ?? null,
    denominator: (v) => v.keHoach ?? null,
    parts: ['thucHien', 'keHoach'],
    excel: (a) => `IF(N(${a('keHoach')})=0,"",ROUND(${a('thucHien')}/${a('keHoach')}*100,2))`,
  },
];

export function derivedRateValue(r: DerivedRate, v: Values): number | null {
  if (r.key === 'tyLeDungHan') return tyLeDungHan(v);
  return percentOf(r.numerator(v), r.denominator(v));
}
