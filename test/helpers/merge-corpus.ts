/**
 * A province's units for `cchc merge`, two consecutive quarters (Kon Tum, Quý III and Quý IV
 * 2022, figures after the seed report 003): the Sở's own one-stop desk, the provincial hospital,
 * district health centres, one of them in the official Biểu 06 layout. Quý IV has the slips the
 * merge must catch: a unit sent twice, a unit missing, a file that is last quarter's figures
 * under a new quarter, a file of the wrong quarter, a new unit, a T5 slip and a jump in volume.
 * Every figure is seed data here, so tests compute the expected totals on their own.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { PeriodKind } from '../../src/core/contract';
import { buildWorkbook, type CellInput } from '../../src/xlsx/template';
import { BIEU06_HEADER, BIEU06_HEADER_MERGES, sheet } from '../../scripts/build-layout-fixtures';

export type Rec = Record<string, CellInput>;

/** One lĩnh vực: received online, direct, carried; solved early, on time, late; pending late. Pending in time balances T4. */
export function flow(linhVuc: string, tt: number, tb: number, tk: number, th: number, dh: number, qh: number, dq = 0): Rec {
  const tongSo = tt + tb + tk;
  const da = th + dh + qh;
  const dang = tongSo - da;
  return { linhVuc, tongSo, trucTuyen: tt, trucTiepBuuChinh: tb, tuKyTruoc: tk, daGiaiQuyet: da, truocHan: th, dungHan: dh, quaHan: qh, dangGiaiQuyet: dang, dangTrongHan: dang - dq, dangQuaHan: dq };
}

export interface SeedUnit {
  file: string;
  unit: string;
  kind: PeriodKind;
  /** Lĩnh vực as the consolidated table names it, for each KQ row (the unit may word it otherwise). */
  fields: string[];
  kq: Rec[];
  other?: Partial<Record<'DanhMucTTHC' | 'PhanAnhKienNghi' | 'BienChe' | 'XepLoai' | 'ChiTieuKhac' | 'KhaoSatHaiLong', Rec[]>>;
  bieu06?: boolean;
}

const SO_OTHER: SeedUnit['other'] = {
  DanhMucTTHC: [
    { linhVuc: 'Khám bệnh, chữa bệnh', soTTHC: 52, capTinh: 50, capHuyen: 0, capXa: 2, motCua: 52, dvcTrucTuyen: 30, quyTrinhNoiBo: 52 },
    { linhVuc: 'Dược phẩm', soTTHC: 45, capTinh: 45, capHuyen: 0, capXa: 0, motCua: 45, dvcTrucTuyen: 28, quyTrinhNoiBo: 45 },
  ],
  PhanAnhKienNghi: [
    { loai: 'Phản ánh, kiến nghị', tiepNhan: 1, daGiaiQuyet: 0, dangGiaiQuyet: 1 },
    { loai: 'Tố cáo', tiepNhan: 2, daGiaiQuyet: 2, dangGiaiQuyet: 0 },
  ],
  BienChe: [{ donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 30, coMat: 28 }],
  XepLoai: [{ doiTuong: 'Công chức', tongSo: 50, htxs: 8, htt: 40, ht: 2, kht: 0, khongDanhGia: 0 }],
  ChiTieuKhac: [{ chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 6, keHoach: 14 }],
  KhaoSatHaiLong: [{ doiTuong: 'Người dân, tổ chức (TTHC)', soPhieu: 120, haiLongChung: 98.33, soVoiMongDoi: 95, quayLai: null, toanDien: 96.67 }],
};
const BV_OTHER: SeedUnit['other'] = {
  // The hospital's own list of procedures: a catalogue is the province's, never summed.
  DanhMucTTHC: [{ linhVuc: 'Khám bệnh, chữa bệnh', soTTHC: 52, capTinh: 50, capHuyen: 0, capXa: 2, motCua: 52, dvcTrucTuyen: 30, quyTrinhNoiBo: 52 }],
  PhanAnhKienNghi: [{ loai: 'Phản ánh, kiến nghị', tiepNhan: 3, daGiaiQuyet: 2, dangGiaiQuyet: 1 }],
  BienChe: [{ donVi: 'Bệnh viện Đa khoa tỉnh Kon Tum', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: 500, coMat: 480 }],
  XepLoai: [{ doiTuong: 'Viên chức', tongSo: 412, htxs: 50, htt: 300, ht: 50, kht: 2, khongDanhGia: 10 }],
  ChiTieuKhac: [{ chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 4, keHoach: 6 }],
  KhaoSatHaiLong: [
    { doiTuong: 'Người bệnh nội trú', soPhieu: 1000, haiLongChung: 92, soVoiMongDoi: 88, quayLai: 95, toanDien: 85 },
    { doiTuong: 'Người bệnh ngoại trú', soPhieu: 1500, haiLongChung: 90, soVoiMongDoi: 86, quayLai: 93, toanDien: 82 },
  ],
};
const DH_OTHER: SeedUnit['other'] = {
  BienChe: [{ donVi: 'Trung tâm Y tế huyện Đăk Hà', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 200, coMat: 190 }],
  XepLoai: [{ doiTuong: 'Viên chức', tongSo: 145, htxs: 20, htt: 100, ht: 20, kht: 0, khongDanhGia: 5 }],
  KhaoSatHaiLong: [{ doiTuong: 'Người bệnh ngoại trú', soPhieu: 500, haiLongChung: 86, soVoiMongDoi: 80, quayLai: 90, toanDien: 78 }],
};
const NH_OTHER: SeedUnit['other'] = { BienChe: [{ donVi: 'Trung tâm Y tế huyện Ngọc Hồi', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 150, coMat: 150 }] };

const SO = 'Sở Y tế tỉnh Kon Tum';
const BV = 'Bệnh viện Đa khoa tỉnh Kon Tum';
const DH = 'Trung tâm Y tế huyện Đăk Hà';
const NH = 'Trung tâm Y tế huyện Ngọc Hồi';
const ST = 'Trung tâm Y tế huyện Sa Thầy';
const KB = 'Khám bệnh, chữa bệnh';
const ATTP = 'An toàn thực phẩm';

const NH_KQ = [flow(KB, 8, 12, 1, 12, 6, 0), flow('Y tế dự phòng', 5, 9, 2, 8, 6, 0)];

export const Q3: SeedUnit[] = [
  { file: '1-so-y-te.xlsx', unit: SO, kind: 'Quý III', fields: ['Dược phẩm', 'Mỹ phẩm', 'Trang thiết bị y tế'], kq: [flow('Dược phẩm', 35, 58, 9, 55, 35, 0), flow('Mỹ phẩm', 4, 6, 1, 6, 4, 0), flow('Trang thiết bị y tế', 12, 18, 3, 20, 9, 0)], other: SO_OTHER },
  { file: '2-benh-vien-tinh.xlsx', unit: BV, kind: 'Quý III', fields: [KB], kq: [flow(KB, 40, 62, 12, 60, 38, 0)], other: BV_OTHER },
  { file: '3-ttyt-dak-ha.xlsx', unit: DH, kind: 'Quý III', fields: [KB, ATTP], kq: [flow(KB, 10, 20, 2, 20, 8, 1), flow(ATTP, 18, 30, 5, 30, 16, 1)], other: DH_OTHER },
  { file: '4-ttyt-ngoc-hoi.xlsx', unit: NH, kind: 'Quý III', fields: [KB, 'Y tế dự phòng'], kq: NH_KQ, other: NH_OTHER },
  // The official Biểu 06, lĩnh vực numbered and prefixed: "1. Lĩnh vực Khám bệnh, chữa bệnh".
  { file: '5-ttyt-sa-thay-bieu06.xlsx', unit: ST, kind: 'Quý III', fields: [KB, ATTP], kq: [flow(`1. Lĩnh vực ${KB}`, 6, 9, 1, 9, 5, 0), flow(`2. Lĩnh vực ${ATTP}`, 3, 4, 0, 4, 2, 0)], bieu06: true },
];

export const Q4: SeedUnit[] = [
  { file: '1-so-y-te.xlsx', unit: SO, kind: 'Quý IV', fields: ['Dược phẩm', 'Mỹ phẩm', 'Trang thiết bị y tế'], kq: [flow('Dược phẩm', 30, 50, 12, 60, 30, 1), flow('Mỹ phẩm', 5, 5, 1, 8, 2, 0), flow('Trang thiết bị y tế', 10, 15, 4, 20, 8, 0)], other: SO_OTHER },
  // Received 310 against 102 last quarter: a jump of 204 %.
  { file: '2-benh-vien-tinh.xlsx', unit: BV, kind: 'Quý IV', fields: [KB], kq: [flow(KB, 150, 160, 16, 250, 60, 1)], other: BV_OTHER },
  // T5 per unit: 3 + 5 carried, but 3 + 6 were pending at the end of Quý III.
  { file: '3-ttyt-dak-ha.xlsx', unit: DH, kind: 'Quý IV', fields: [KB, ATTP], kq: [flow(KB, 12, 18, 3, 20, 10, 0), flow(ATTP, 15, 25, 5, 30, 12, 0)], other: DH_OTHER },
  // Last quarter's figures with only the quarter changed.
  { file: '4-ttyt-ngoc-hoi.xlsx', unit: NH, kind: 'Quý IV', fields: [KB, 'Y tế dự phòng'], kq: NH_KQ, other: NH_OTHER },
  { file: '6-cdc-tinh.xlsx', unit: 'Trung tâm Kiểm soát bệnh tật tỉnh Kon Tum', kind: 'Quý IV', fields: ['Y tế dự phòng'], kq: [flow('Y tế dự phòng', 20, 30, 0, 35, 10, 0)] },
  { file: '7-ttyt-kon-ray.xlsx', unit: 'Trung tâm Y tế huyện Kon Rẫy', kind: 'Quý III', fields: [KB], kq: [flow(KB, 4, 4, 0, 5, 3, 0)] },
];
/** Sa Thầy sent nothing for Quý IV; Đăk Hà's file was sent twice (copied under another name). */
export const Q4_DUPLICATE = { of: '3-ttyt-dak-ha.xlsx', as: '9-ban-sao-dak-ha.xlsx' };
/** Units summed in Quý IV: the duplicate, the stale and the wrong-quarter files are left out. */
export const Q4_INCLUDED = ['1-so-y-te.xlsx', '2-benh-vien-tinh.xlsx', '3-ttyt-dak-ha.xlsx', '6-cdc-tinh.xlsx'];

/**
 * Each consolidated lĩnh vực's counts, computed here from the seed rows (not by the code under
 * test): the rows summed under the name the consolidation gives them.
 */
export function expectedCounts(units: readonly SeedUnit[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const u of units) {
    u.kq.forEach((r, i) => {
      const acc = out.get(u.fields[i]!) ?? {};
      for (const [k, v] of Object.entries(r)) if (typeof v === 'number') acc[k] = (acc[k] ?? 0) + v;
      out.set(u.fields[i]!, acc);
    });
  }
  return out;
}

const KEYS = ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'];

async function bieu06Workbook(u: SeedUnit): Promise<Uint8Array> {
  const fig = (r: Rec) => KEYS.map((k) => r[k] as number);
  const total = KEYS.map((k) => u.kq.reduce((s, r) => s + (r[k] as number), 0));
  const wb = new ExcelJS.Workbook();
  const roman = { 'Quý III': 'QUÝ III', 'Quý IV': 'QUÝ IV' } as Record<string, string>;
  sheet(wb, 'Biểu 06', [
    { at: 1, rows: [[`BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH ${roman[u.kind] ?? u.kind} NĂM 2022`], [`Đơn vị báo cáo: ${u.unit}`]] },
    { at: 7, rows: [...BIEU06_HEADER, ['Tổng cộng', null, ...total], ...u.kq.map((r, i) => [i + 1, r.linhVuc as string, ...fig(r)])], merges: BIEU06_HEADER_MERGES },
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function unitWorkbook(u: SeedUnit): Promise<Uint8Array> {
  if (u.bieu06) return bieu06Workbook(u);
  const tables: Record<string, { rows: Rec[] }> = { KetQuaGiaiQuyet: { rows: u.kq } };
  for (const [k, rows] of Object.entries(u.other ?? {})) tables[k] = { rows };
  return buildWorkbook({ unit: u.unit, periodKind: u.kind, year: 2022, tables, validations: false });
}

/** Writes both quarters under `dir`/q3 and `dir`/q4. */
export async function writeCorpus(dir: string): Promise<{ q3: string; q4: string }> {
  const q3 = join(dir, 'q3');
  const q4 = join(dir, 'q4');
  mkdirSync(q3, { recursive: true });
  mkdirSync(q4, { recursive: true });
  for (const u of Q3) writeFileSync(join(q3, u.file), await unitWorkbook(u));
  for (const u of Q4) writeFileSync(join(q4, u.file), await unitWorkbook(u));
  copyFileSync(join(q4, Q4_DUPLICATE.of), join(q4, Q4_DUPLICATE.as));
  return { q3, q4 };
}
