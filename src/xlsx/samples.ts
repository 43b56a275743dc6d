/**
 * The two filled samples as data, so the asset script, the playground and the tests build the same
 * workbooks. "mau-sach" follows the Kon Tum Q3/2022 report (seed 003) and must check clean;
 * "mau-co-loi" is a Sơn La Q1/2023 workbook with the slips seen in the seeds planted one by one.
 */
import type { FindingCode } from '../core/findings';
import { SHEET_INFO, SHEET_STAFF, SHEET_SURVEY, SHEET_TTHC, type TableName } from '../core/contract';
import { infoCell, tableCell, type BuildOptions, type CellInput } from './template';

type Row = Record<string, CellInput>;

type N3 = [number, number, number];
const tthc = (linhVuc: string, [trucTuyen, trucTiepBuuChinh, tuKyTruoc]: N3, [truocHan, dungHan, quaHan]: N3, [dangTrongHan, dangQuaHan]: [number, number], over: Row = {}): Row => {
  const tongSo = trucTuyen + trucTiepBuuChinh + tuKyTruoc;
  const daGiaiQuyet = truocHan + dungHan + quaHan;
  const dangGiaiQuyet = dangTrongHan + dangQuaHan;
  return { linhVuc, tongSo, trucTuyen, trucTiepBuuChinh, tuKyTruoc, daGiaiQuyet, truocHan, dungHan, quaHan, dangGiaiQuyet, dangTrongHan, dangQuaHan, ...over };
};

const catalogue = (linhVuc: string, capTinh: number, capHuyen: number, capXa: number, dvcTrucTuyen: number, over: Row = {}): Row => {
  const soTTHC = capTinh + capHuyen + capXa;
  return { linhVuc, soTTHC, capTinh, capHuyen, capXa, motCua: soTTHC, dvcTrucTuyen, quyTrinhNoiBo: soTTHC, ...over };
};

const rating = (doiTuong: string, htxs: number, htt: number, ht: number, kht: number, khongDanhGia: number, over: Row = {}): Row => ({
  doiTuong,
  tongSo: htxs + htt + ht + kht + khongDanhGia,
  htxs,
  htt,
  ht,
  kht,
  khongDanhGia,
  ...over,
});

/** Sở Y tế tỉnh Kon Tum, Quý III/2022: 297 hồ sơ received in the quarter, 162 TTHC, 50/54 công chức. */
export const CLEAN_SAMPLE: BuildOptions = {
  unit: 'Sở Y tế tỉnh Kon Tum',
  recipient: 'Sở Nội vụ tỉnh Kon Tum',
  periodKind: 'Quý III',
  year: 2022,
  tables: {
    KetQuaGiaiQuyet: {
      rows: [
        tthc('Khám bệnh, chữa bệnh', [40, 62, 12], [60, 38, 0], [16, 0]),
        tthc('Dược phẩm', [35, 58, 9], [55, 35, 0], [12, 0]),
        tthc('Mỹ phẩm', [4, 6, 1], [6, 4, 0], [1, 0]),
        tthc('An toàn thực phẩm', [18, 30, 5], [30, 16, 1], [6, 0]),
        tthc('Y tế dự phòng', [5, 9, 2], [8, 6, 0], [2, 0]),
        tthc('Trang thiết bị y tế', [12, 18, 3], [20, 9, 0], [4, 0]),
      ],
    },
    DanhMucTTHC: {
      rows: [
        catalogue('Khám bệnh, chữa bệnh', 50, 0, 2, 30),
        catalogue('Dược phẩm', 45, 0, 0, 28),
        catalogue('Mỹ phẩm', 8, 0, 0, 6),
        catalogue('An toàn thực phẩm', 17, 3, 0, 12),
        catalogue('Y tế dự phòng', 12, 0, 0, 5),
        catalogue('Trang thiết bị y tế', 15, 0, 0, 10),
        catalogue('Tổ chức cán bộ, đào tạo và lĩnh vực khác', 10, 0, 0, 4),
      ],
    },
    PhanAnhKienNghi: {
      rows: [
        { loai: 'Phản ánh, kiến nghị', tiepNhan: 1, daGiaiQuyet: 0, dangGiaiQuyet: 1 },
        { loai: 'Khiếu nại', tiepNhan: 0, daGiaiQuyet: 0, dangGiaiQuyet: 0 },
        { loai: 'Tố cáo', tiepNhan: 2, daGiaiQuyet: 2, dangGiaiQuyet: 0 },
      ],
    },
    BienChe: {
      rows: [
        { donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 30, coMat: 28 },
        { donVi: 'Chi cục Dân số – Kế hoạch hóa gia đình', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 12, coMat: 11 },
        { donVi: 'Chi cục An toàn vệ sinh thực phẩm', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 12, coMat: 11 },
        { donVi: 'Đơn vị sự nghiệp tuyến tỉnh', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: 1020, coMat: 968 },
        { donVi: 'Trung tâm Y tế các huyện, thành phố', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 860, coMat: 816 },
        { donVi: 'Lao động hợp đồng theo Nghị định 68/2000/NĐ-CP', loai: 'Hợp đồng', tuyen: 'Tỉnh', duocGiao: 100, coMat: 93 },
      ],
    },
    XepLoai: {
      rows: [rating('Công chức', 8, 40, 2, 0, 0), rating('Viên chức', 250, 1300, 200, 4, 30)],
    },
    ChiTieuKhac: {
      rows: [
        { chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 6, keHoach: 14 },
        { chiTieu: 'Tinh giản biên chế', thucHien: 11, keHoach: 18 },
      ],
    },
    KhaoSatHaiLong: {
      rows: [
        { doiTuong: 'Người bệnh nội trú', soPhieu: 2771, haiLongChung: 92.03, soVoiMongDoi: 88.5, quayLai: 95.1, toanDien: 85.2 },
        { doiTuong: 'Người bệnh ngoại trú', soPhieu: 3120, haiLongChung: 90.12, soVoiMongDoi: 86.4, quayLai: 93, toanDien: 82.75 },
        { doiTuong: 'Nhân viên y tế', soPhieu: 1205, haiLongChung: 85.4, soVoiMongDoi: 80.2, quayLai: null, toanDien: 78.1 },
        { doiTuong: 'Người dân, tổ chức (TTHC)', soPhieu: 120, haiLongChung: 98.33, soVoiMongDoi: 95, quayLai: null, toanDien: 96.67 },
      ],
    },
  },
};

const mistakeTthcRows: Row[] = [
  tthc('Khám bệnh, chữa bệnh', [50, 60, 10], [70, 29, 1], [18, 2]),
  // T2 broken: 50 + 25 + 2 = 77 but 80 stated; T1 (95 = 30 + 55 + 10) and T4 (95 = 80 + 15) hold.
  tthc('Dược phẩm', [30, 55, 10], [50, 25, 2], [15, 0], { daGiaiQuyet: 80 }),
  // T1 broken by a part: 10 + 15 + 3 = 28 but 30 stated; T4 (30 = 25 + 5) holds.
  tthc('Mỹ phẩm', [10, 15, 3], [15, 10, 0], [5, 0], { tongSo: 30 }),
  // Rate typed: (30 + 9) / 40 = 97,5%, 95 written.
  tthc('An toàn thực phẩm', [20, 22, 4], [30, 9, 1], [6, 0], { tyLeDungHan: 95 }),
  tthc('Y tế dự phòng', [4, 12, 2], [10, 5, 0], [3, 0], { trucTuyen: 'không rõ' }),
  tthc('Trang thiết bị y tế', [8, 14, 3], [15, 7, 0], [3, 0]),
];
const sumOf = (rows: Row[], key: string) => rows.reduce((s, r) => s + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);

/** Sở Y tế tỉnh Sơn La, Quý I/2023, with the planted mistakes of PLANTED_MISTAKES. */
export const MISTAKES_SAMPLE: BuildOptions = {
  unit: 'Sở Y tế tỉnh Sơn La',
  recipient: 'Sở Nội vụ tỉnh Sơn La',
  periodKind: 'Quý I',
  year: 2023,
  // As in the Sơn La report: "từ 15/12/2022 đến 14/03/2022".
  window: { from: '2022-12-15', to: '2022-03-14' },
  tables: {
    KetQuaGiaiQuyet: { rows: mistakeTthcRows, totals: { dangTrongHan: sumOf(mistakeTthcRows, 'dangTrongHan') + 2 } },
    DanhMucTTHC: {
      rows: [
        catalogue('Khám bệnh, chữa bệnh', 52, 0, 3, 30),
        catalogue('Dược phẩm', 46, 0, 0, 28),
        catalogue('Mỹ phẩm', 8, 0, 0, 6),
        catalogue('An toàn thực phẩm', 19, 3, 0, -3),
        catalogue('Y tế dự phòng', 14, 0, 0, 5),
        catalogue('Trang thiết bị y tế', 13, 0, 0, 9),
        catalogue('Tổ chức cán bộ, đào tạo và lĩnh vực khác', 10, 0, 0, 3),
      ],
      totals: { soTTHC: 169 },
    },
    PhanAnhKienNghi: {
      rows: [
        { loai: 'Phản ánh, kiến nghị', tiepNhan: 5, daGiaiQuyet: 3, dangGiaiQuyet: 1 },
        { loai: 'Khiếu nại', tiepNhan: 2, daGiaiQuyet: 2, dangGiaiQuyet: 0 },
        { loai: 'Tố cáo', tiepNhan: 1, daGiaiQuyet: 1, dangGiaiQuyet: 0 },
      ],
    },
    BienChe: {
      rows: [
        { donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 64, coMat: 61, thieu: 4 },
        { donVi: 'Các đơn vị sự nghiệp tuyến tỉnh', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: 2244, coMat: 2128 },
        { donVi: 'Trung tâm Y tế các huyện, thành phố', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 3174, coMat: 2681 },
      ],
      totals: { coMat: 4876 },
    },
    XepLoai: {
      rows: [rating('Công chức', 9, 48, 3, 0, 1), rating('Viên chức', 600, 3500, 600, 9, 95, { tongSo: 4809 })],
    },
    ChiTieuKhac: {
      rows: [
        { chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 23, keHoach: 27, tyLe: 88.46 },
        { chiTieu: 'Tinh giản biên chế', thucHien: 15, keHoach: 20 },
      ],
    },
    KhaoSatHaiLong: {
      rows: [
        { doiTuong: 'Người bệnh nội trú', soPhieu: 2771, haiLongChung: 92.03, soVoiMongDoi: 88.1, quayLai: 94.6, toanDien: 95 },
        { doiTuong: 'Người bệnh ngoại trú', soPhieu: 3402, haiLongChung: 90.5, soVoiMongDoi: 87.2, quayLai: 94.1, toanDien: 80.3 },
      ],
    },
  },
};

export interface PlantedMistake {
  code: FindingCode;
  sheet: string;
  cell: string;
  note: string;
}

const at = (table: TableName, row: number | 'totals', key: string) => tableCell(MISTAKES_SAMPLE, table, row, key);

/** Each planted mistake and the single error finding it must produce. */
export const PLANTED_MISTAKES: PlantedMistake[] = [
  { code: 'window_reversed', sheet: SHEET_INFO, cell: infoCell('DenNgay'), note: 'Kỳ số liệu ghi từ 15/12/2022 đến 14/03/2022: ngày kết thúc trước ngày bắt đầu.' },
  { code: 'sum_mismatch', sheet: SHEET_TTHC, cell: at('KetQuaGiaiQuyet', 1, 'daGiaiQuyet'), note: 'Dược phẩm: đã giải quyết ghi 80 nhưng trước hạn + đúng hạn + quá hạn = 50 + 25 + 2 = 77 (T2).' },
  { code: 'sum_mismatch', sheet: SHEET_TTHC, cell: at('KetQuaGiaiQuyet', 2, 'tongSo'), note: 'Mỹ phẩm: tổng số hồ sơ ghi 30 nhưng trực tuyến + trực tiếp + từ kỳ trước = 10 + 15 + 3 = 28 (T1).' },
  { code: 'rate_mismatch', sheet: SHEET_TTHC, cell: at('KetQuaGiaiQuyet', 3, 'tyLeDungHan'), note: 'An toàn thực phẩm: tỷ lệ đúng hạn gõ tay 95 nhưng (30 + 9) / 40 = 97,50%.' },
  { code: 'not_a_number', sheet: SHEET_TTHC, cell: at('KetQuaGiaiQuyet', 4, 'trucTuyen'), note: 'Y tế dự phòng: ô "Trực tuyến" ghi chữ "không rõ" thay cho số.' },
  { code: 'sum_mismatch', sheet: SHEET_TTHC, cell: at('KetQuaGiaiQuyet', 'totals', 'dangTrongHan'), note: `Dòng tổng cộng: "Trong hạn" gõ tay ${sumOf(mistakeTthcRows, 'dangTrongHan') + 2} nhưng tổng các dòng là ${sumOf(mistakeTthcRows, 'dangTrongHan')} (T6).` },
  { code: 'sum_mismatch', sheet: SHEET_TTHC, cell: at('DanhMucTTHC', 'totals', 'soTTHC'), note: 'Danh mục: tổng số TTHC ghi 169 nhưng tổng theo lĩnh vực là 168.' },
  { code: 'negative_count', sheet: SHEET_TTHC, cell: at('DanhMucTTHC', 3, 'dvcTrucTuyen'), note: 'An toàn thực phẩm: số dịch vụ công trực tuyến là số âm (-3).' },
  { code: 'sum_mismatch', sheet: SHEET_TTHC, cell: at('PhanAnhKienNghi', 0, 'tiepNhan'), note: 'Phản ánh, kiến nghị: tiếp nhận 5 nhưng đã giải quyết + đang giải quyết = 3 + 1 = 4.' },
  { code: 'derived_mismatch', sheet: SHEET_STAFF, cell: at('BienChe', 0, 'thieu'), note: 'Cơ quan Sở Y tế: "Thiếu" gõ tay 4 nhưng 64 − 61 = 3.' },
  { code: 'sum_mismatch', sheet: SHEET_STAFF, cell: at('BienChe', 'totals', 'coMat'), note: 'Tổng có mặt ghi 4.876 nhưng tổng các dòng là 61 + 2.128 + 2.681 = 4.870.' },
  { code: 'sum_mismatch', sheet: SHEET_STAFF, cell: at('XepLoai', 1, 'tongSo'), note: 'Viên chức: tổng số ghi 4.809 nhưng các mức xếp loại và không đánh giá cộng lại 4.804.' },
  { code: 'rate_mismatch', sheet: SHEET_STAFF, cell: at('ChiTieuKhac', 0, 'tyLe'), note: 'Chuyển đổi vị trí công tác: 23/27 ghi 88,46% nhưng đúng là 85,19%.' },
  { code: 'satisfaction_inconsistent', sheet: SHEET_SURVEY, cell: at('KhaoSatHaiLong', 0, 'toanDien'), note: 'Người bệnh nội trú: chỉ số hài lòng toàn diện 95% lớn hơn tỷ lệ hài lòng chung 92,03%.' },
];

export const SAMPLE_FILES = {
  template: 'assets/templates/mau-chuan-cchc.xlsx',
  clean: 'assets/samples/mau-sach.xlsx',
  mistakes: 'assets/samples/mau-co-loi.xlsx',
  mistakesNote: 'assets/samples/mau-co-loi.md',
} as const;

/** The blank template: no unit or period yet, a few empty rows per table. */
export const BLANK_TEMPLATE: BuildOptions = { blankRows: 5 };
