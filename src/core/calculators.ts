/**
 * The rates and gaps of docs/rules.md, shared by the checks, the task pane, the narrative and the
 * command line. A rate whose denominator is zero is "không phát sinh" (null), never 0%.
 */

/** Percentage (0–100 scale), unrounded; null when nothing happened (denominator 0 or unknown). */
export function percentOf(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  if (denominator === 0) return null;
  return (numerator / denominator) * 100;
}

export const KHONG_PHAT_SINH = 'không phát sinh';

export function sum(values: readonly (number | null | undefined)[]): number | null {
  let s = 0;
  let any = false;
  for (const v of values) {
    if (v == null || !Number.isFinite(v)) continue;
    s += v;
    any = true;
  }
  return any ? roundNoise(s) : null;
}

/** Sums of decimals pick up binary noise (0.1 + 0.2); counts never need more than 9 places. */
export function roundNoise(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export interface TthcFigures {
  tongSo?: number | null;
  trucTuyen?: number | null;
  trucTiepBuuChinh?: number | null;
  tuKyTruoc?: number | null;
  daGiaiQuyet?: number | null;
  truocHan?: number | null;
  dungHan?: number | null;
  quaHan?: number | null;
  dangGiaiQuyet?: number | null;
  dangTrongHan?: number | null;
  dangQuaHan?: number | null;
}

/** Tỷ lệ giải quyết trước hạn và đúng hạn = ((8)+(9)) / (7). */
export function tyLeDungHan(f: TthcFigures): number | null {
  const num = f.truocHan == null && f.dungHan == null ? null : (f.truocHan ?? 0) + (f.dungHan ?? 0);
  return percentOf(num, f.daGiaiQuyet);
}

/** Tỷ lệ quá hạn = (10) / (7). */
export function tyLeQuaHan(f: TthcFigures): number | null {
  return percentOf(f.quaHan, f.daGiaiQuyet);
}

/** Tỷ lệ hồ sơ trực tuyến = (4) / ((4)+(5)). */
export function tyLeTrucTuyen(f: TthcFigures): number | null {
  if (f.trucTuyen == null || f.trucTiepBuuChinh == null) return null;
  return percentOf(f.trucTuyen, f.trucTuyen + f.trucTiepBuuChinh);
}

/** Share of a status in the total received: (7)/(3), (11)/(3). */
export function shareOfReceived(part: number | null | undefined, f: TthcFigures): number | null {
  return percentOf(part, f.tongSo);
}

export interface StaffGap {
  thieu: number | null;
  du: number | null;
}

/** thiếu = max(0, được giao − có mặt); dư = max(0, có mặt − được giao). */
export function staffGap(duocGiao: number | null | undefined, coMat: number | null | undefined): StaffGap {
  if (duocGiao == null || coMat == null) return { thieu: null, du: null };
  return { thieu: Math.max(0, duocGiao - coMat), du: Math.max(0, coMat - duocGiao) };
}

/** Tỷ lệ sử dụng biên chế = có mặt / được giao. */
export function tyLeSuDungBienChe(duocGiao: number | null | undefined, coMat: number | null | undefined): number | null {
  return percentOf(coMat, duocGiao);
}

export interface RatingFigures {
  tongSo?: number | null;
  htxs?: number | null;
  htt?: number | null;
  ht?: number | null;
  kht?: number | null;
  khongDanhGia?: number | null;
}

/** Number rated = the four levels. */
export function soDuocDanhGia(r: RatingFigures): number | null {
  if (r.htxs == null && r.htt == null && r.ht == null && r.kht == null) return null;
  return (r.htxs ?? 0) + (r.htt ?? 0) + (r.ht ?? 0) + (r.kht ?? 0);
}

/** Share of a level among those rated. */
export function ratingShare(level: number | null | undefined, r: RatingFigures): number | null {
  return percentOf(level, soDuocDanhGia(r));
}

/**
 * Largest HTXSNV count a cap allows: `capPercent` of `base` (the number rated HTTNV). Rounding of
 * caps is stated nowhere, so the limit is rounded down and a breach is only a warning.
 */
export function capLimit(base: number, capPercent: number): number {
  return Math.floor(roundNoise((base * capPercent) / 100));
}

/** Satisfaction rate of one-stop ratings = (rất hài lòng + hài lòng) / ratings. */
export function tyLeHaiLongMotCua(ratHaiLong: number, haiLong: number, tongDanhGia: number): number | null {
  return percentOf(ratHaiLong + haiLong, tongDanhGia);
}
