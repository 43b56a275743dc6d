/**
 * What the checks hand to the narrative, the panes and `--json`: each table's rows and sums, and
 * the indicators computed from them (percent, null = "không phát sinh").
 */
import { STAFF_KINDS, allColumns, tableSpec, type TableName, type TableSpec } from '../contract';
import {
  percentOf,
  ratingShare,
  roundNoise,
  shareOfReceived,
  soDuocDanhGia,
  tyLeDungHan,
  tyLeQuaHan,
  tyLeSuDungBienChe,
  tyLeTrucTuyen,
} from '../calculators';
import type { Extracted, Row } from '../extract';
import type { LocatedTable } from '../locate';
import type { DataRow, ExtractedData, TableData } from '../report';
import { slug } from '../text';
import { matchOption } from './context';
import { isDerived } from './rows';
import { RATE_KEYS } from './surveys';

export function toTableData(spec: TableSpec, lt: LocatedTable, ex: Extracted): TableData {
  // The checker's rows are DataRows already (addresses computed on demand): no copies.
  const plain = (r: Row): DataRow => r;
  const sums: Record<string, number | null> = {};
  const columns = new Set(Object.keys(lt.col));
  for (const c of allColumns(spec)) {
    if (c.kind === 'text' || c.kind === 'enum') continue;
    // A total the layout lacks but its parts give (the one-stop exports' "Đã xử lý") counts too.
    if (lt.col[c.key] === undefined && !(ex.rows.length && ex.rows.every((r) => isDerived(r, c.key)))) continue;
    columns.add(c.key);
    if (c.kind === 'rate' || c.kind === 'derivedRate') continue;
    let s = 0;
    let any = false;
    for (const r of ex.rows) {
      const v = r.values[c.key];
      if (v != null && !r.invalid.has(c.key)) {
        s += v;
        any = true;
      }
    }
    sums[c.key] = any ? roundNoise(s) : null;
  }
  const out: TableData = { name: spec.name, sheet: lt.sheet.name, rows: ex.rows.map(plain), sums, columns: [...columns] };
  if (ex.total) out.total = plain(ex.total);
  return out;
}

/** Metric key prefix of a table, from the contract ("tthc", "bienChe"…). */
const pre = (name: TableName) => tableSpec(name).metrics.prefix;

export function computeMetrics(data: ExtractedData): Record<string, number | null> {
  const m: Record<string, number | null> = {};
  const kq = data.tables.KetQuaGiaiQuyet;
  if (kq && kq.rows.length) {
    const s = kq.sums;
    for (const [k, v] of Object.entries(s)) m[`${pre('KetQuaGiaiQuyet')}.${k}`] = v;
    m[`${pre('KetQuaGiaiQuyet')}.tyLeDungHan`] = tyLeDungHan(s);
    m[`${pre('KetQuaGiaiQuyet')}.tyLeQuaHan`] = tyLeQuaHan(s);
    m[`${pre('KetQuaGiaiQuyet')}.tyLeTrucTuyen`] = tyLeTrucTuyen(s);
    m[`${pre('KetQuaGiaiQuyet')}.tyLeDaGiaiQuyet`] = shareOfReceived(s.daGiaiQuyet, s);
    m[`${pre('KetQuaGiaiQuyet')}.tyLeDangGiaiQuyet`] = shareOfReceived(s.dangGiaiQuyet, s);
  }
  const dm = data.tables.DanhMucTTHC;
  if (dm && dm.rows.length) for (const [k, v] of Object.entries(dm.sums)) m[`${pre('DanhMucTTHC')}.${k}`] = v;
  const pa = data.tables.PhanAnhKienNghi;
  if (pa && pa.rows.length) {
    for (const [k, v] of Object.entries(pa.sums)) m[`${pre('PhanAnhKienNghi')}.${k}`] = v;
    m[`${pre('PhanAnhKienNghi')}.tyLeDaGiaiQuyet`] = percentOf(pa.sums.daGiaiQuyet, pa.sums.tiepNhan);
  }
  const bc = data.tables.BienChe;
  if (bc && bc.rows.length) {
    for (const [k, v] of Object.entries(bc.sums)) m[`${pre('BienChe')}.${k}`] = v;
    m[`${pre('BienChe')}.tyLeSuDung`] = tyLeSuDungBienChe(bc.sums.duocGiao, bc.sums.coMat);
    for (const kind of STAFF_KINDS) {
      const rows = bc.rows.filter((r) => matchOption(r.text.loai ?? '', STAFF_KINDS) === kind);
      if (!rows.length) continue;
      const giao = roundNoise(rows.reduce((a, r) => a + (r.values.duocGiao ?? 0), 0));
      const coMat = roundNoise(rows.reduce((a, r) => a + (r.values.coMat ?? 0), 0));
      m[`${pre('BienChe')}.${slug(kind)}.duocGiao`] = giao;
      m[`${pre('BienChe')}.${slug(kind)}.coMat`] = coMat;
    }
  }
  const xl = data.tables.XepLoai;
  if (xl) {
    for (const r of xl.rows) {
      const k = `${pre('XepLoai')}.${slug(r.text.doiTuong ?? r.label)}`;
      m[`${k}.soDuocDanhGia`] = soDuocDanhGia(r.values);
      m[`${k}.tyLeHtxs`] = ratingShare(r.values.htxs, r.values);
      m[`${k}.tyLeHtt`] = ratingShare(r.values.htt, r.values);
      m[`${k}.tyLeHt`] = ratingShare(r.values.ht, r.values);
      m[`${k}.tyLeKht`] = ratingShare(r.values.kht, r.values);
    }
  }
  const ct = data.tables.ChiTieuKhac;
  if (ct) for (const r of ct.rows) m[`${pre('ChiTieuKhac')}.${slug(r.label)}.tyLe`] = r.values.tyLe ?? null;
  const ks = data.tables.KhaoSatHaiLong;
  if (ks) {
    for (const r of ks.rows) {
      const k = `${pre('KhaoSatHaiLong')}.${slug(r.text.doiTuong ?? r.label)}`;
      m[`${k}.soPhieu`] = r.values.soPhieu ?? null;
      for (const key of RATE_KEYS) m[`${k}.${key}`] = r.values[key] ?? null;
    }
  }
  return m;
}
