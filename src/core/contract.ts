/**
 * The workbook contract `cchc-workbook/1` as data: sheets, tables, columns and defined names.
 * Readers, checks, the template writer and the task pane all take names and headers from here,
 * so a header is spelled in exactly one place.
 */

export const CONTRACT_VERSION = 'cchc-workbook/1';

/**
 * count: whole number >= 0 typed by the officer; derived: computed from other columns (formula in
 * the template, may be typed); rate: a percentage; text: a label; enum: one of a list.
 */
export type ColumnKind = 'text' | 'enum' | 'count' | 'derivedCount' | 'rate' | 'derivedRate';

export interface ColumnSpec {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Biểu 06 form column number, where there is one. */
  formCol?: number;
  /** Required in every data row (blank is an error). */
  required?: boolean;
  /** Column may be absent from the table (historic-only columns, optional extras). */
  optional?: boolean;
  /** Width in characters for the template. */
  width?: number;
}

export type TableName =
  | 'KetQuaGiaiQuyet'
  | 'DanhMucTTHC'
  | 'PhanAnhKienNghi'
  | 'BienChe'
  | 'XepLoai'
  | 'ChiTieuKhac'
  | 'KhaoSatHaiLong';

export interface TableSpec {
  name: TableName;
  sheet: string;
  title: string;
  /** A missing required table is an error; a missing optional one only an info. */
  required: boolean;
  /** Column holding the row label, used to name rows in messages and to spot typed total rows. */
  labelKey: string;
  columns: ColumnSpec[];
  /** Columns summed in the totals row. */
  totals: string[];
}

export const SHEET_INFO = 'Thông tin';
export const SHEET_TTHC = 'TTHC';
export const SHEET_STAFF = 'Biên chế';
export const SHEET_SURVEY = 'Hài lòng';

export const TABLES: readonly TableSpec[] = [
  {
    name: 'KetQuaGiaiQuyet',
    sheet: SHEET_TTHC,
    title: 'Tình hình, kết quả giải quyết TTHC (Biểu số 06/VPCP/KSTT)',
    required: true,
    labelKey: 'linhVuc',
    columns: [
      { key: 'linhVuc', header: 'Lĩnh vực, công việc giải quyết', kind: 'text', formCol: 2, required: true, width: 34 },
      { key: 'tongSo', header: 'Tổng số hồ sơ nhận giải quyết', kind: 'count', formCol: 3, required: true, width: 14 },
      { key: 'trucTuyen', header: 'Trực tuyến', kind: 'count', formCol: 4, required: true, width: 11 },
      { key: 'trucTiepBuuChinh', header: 'Trực tiếp, dịch vụ bưu chính', kind: 'count', formCol: 5, required: true, width: 14 },
      { key: 'tuKyTruoc', header: 'Từ kỳ trước', kind: 'count', formCol: 6, required: true, width: 11 },
      { key: 'daGiaiQuyet', header: 'Đã giải quyết', kind: 'count', formCol: 7, required: true, width: 11 },
      { key: 'truocHan', header: 'Trước hạn', kind: 'count', formCol: 8, required: true, width: 10 },
      { key: 'dungHan', header: 'Đúng hạn', kind: 'count', formCol: 9, required: true, width: 10 },
      { key: 'quaHan', header: 'Quá hạn', kind: 'count', formCol: 10, required: true, width: 10 },
      { key: 'dangGiaiQuyet', header: 'Đang giải quyết', kind: 'count', formCol: 11, required: true, width: 12 },
      { key: 'dangTrongHan', header: 'Trong hạn', kind: 'count', formCol: 12, required: true, width: 10 },
      { key: 'dangQuaHan', header: 'Quá hạn (đang giải quyết)', kind: 'count', formCol: 13, required: true, width: 14 },
      { key: 'tyLeDungHan', header: 'Tỷ lệ trước hạn và đúng hạn (%)', kind: 'derivedRate', width: 14 },
    ],
    totals: ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'],
  },
  {
    name: 'DanhMucTTHC',
    sheet: SHEET_TTHC,
    title: 'Danh mục TTHC theo lĩnh vực và cấp thực hiện',
    required: false,
    labelKey: 'linhVuc',
    columns: [
      { key: 'linhVuc', header: 'Lĩnh vực', kind: 'text', required: true, width: 34 },
      { key: 'soTTHC', header: 'Tổng số TTHC', kind: 'count', required: true, width: 12 },
      { key: 'capTinh', header: 'Cấp tỉnh', kind: 'count', required: true, width: 10 },
      { key: 'capHuyen', header: 'Cấp huyện', kind: 'count', optional: true, width: 10 },
      { key: 'capXa', header: 'Cấp xã', kind: 'count', required: true, width: 10 },
      { key: 'motCua', header: 'Thực hiện một cửa', kind: 'count', width: 12 },
      { key: 'dvcTrucTuyen', header: 'Dịch vụ công trực tuyến', kind: 'count', width: 14 },
      { key: 'quyTrinhNoiBo', header: 'Có quy trình nội bộ', kind: 'count', width: 12 },
    ],
    totals: ['soTTHC', 'capTinh', 'capHuyen', 'capXa', 'motCua', 'dvcTrucTuyen', 'quyTrinhNoiBo'],
  },
  {
    name: 'PhanAnhKienNghi',
    sheet: SHEET_TTHC,
    title: 'Tiếp nhận, xử lý phản ánh, kiến nghị, khiếu nại, tố cáo',
    required: false,
    labelKey: 'loai',
    columns: [
      { key: 'loai', header: 'Loại', kind: 'enum', required: true, width: 28 },
      { key: 'tiepNhan', header: 'Tiếp nhận', kind: 'count', required: true, width: 11 },
      { key: 'daGiaiQuyet', header: 'Đã giải quyết', kind: 'count', required: true, width: 12 },
      { key: 'dangGiaiQuyet', header: 'Đang giải quyết', kind: 'count', required: true, width: 12 },
    ],
    totals: ['tiepNhan', 'daGiaiQuyet', 'dangGiaiQuyet'],
  },
  {
    name: 'BienChe',
    sheet: SHEET_STAFF,
    title: 'Biên chế, số lượng người làm việc',
    required: true,
    labelKey: 'donVi',
    columns: [
      { key: 'donVi', header: 'Đơn vị', kind: 'text', required: true, width: 34 },
      { key: 'loai', header: 'Loại', kind: 'enum', required: true, width: 12 },
      { key: 'tuyen', header: 'Tuyến', kind: 'enum', required: true, width: 9 },
      { key: 'duocGiao', header: 'Được giao', kind: 'count', required: true, width: 11 },
      { key: 'coMat', header: 'Có mặt', kind: 'count', required: true, width: 10 },
      { key: 'thieu', header: 'Thiếu', kind: 'derivedCount', width: 9 },
      { key: 'du', header: 'Dư', kind: 'derivedCount', width: 9 },
    ],
    totals: ['duocGiao', 'coMat', 'thieu', 'du'],
  },
  {
    name: 'XepLoai',
    sheet: SHEET_STAFF,
    title: 'Kết quả đánh giá, xếp loại chất lượng',
    required: false,
    labelKey: 'doiTuong',
    columns: [
      { key: 'doiTuong', header: 'Đối tượng', kind: 'enum', required: true, width: 22 },
      { key: 'tongSo', header: 'Tổng số', kind: 'count', required: true, width: 10 },
      { key: 'htxs', header: 'Hoàn thành xuất sắc nhiệm vụ', kind: 'count', required: true, width: 14 },
      { key: 'htt', header: 'Hoàn thành tốt nhiệm vụ', kind: 'count', required: true, width: 14 },
      { key: 'ht', header: 'Hoàn thành nhiệm vụ', kind: 'count', required: true, width: 14 },
      { key: 'kht', header: 'Không hoàn thành nhiệm vụ', kind: 'count', required: true, width: 14 },
      { key: 'khongDanhGia', header: 'Không đánh giá', kind: 'count', width: 11 },
    ],
    totals: [],
  },
  {
    name: 'ChiTieuKhac',
    sheet: SHEET_STAFF,
    title: 'Các chỉ tiêu khác (tỷ lệ thực hiện)',
    required: false,
    labelKey: 'chiTieu',
    columns: [
      { key: 'chiTieu', header: 'Chỉ tiêu', kind: 'text', required: true, width: 40 },
      { key: 'thucHien', header: 'Thực hiện', kind: 'count', required: true, width: 11 },
      { key: 'keHoach', header: 'Kế hoạch / phải thực hiện', kind: 'count', required: true, width: 14 },
      { key: 'tyLe', header: 'Tỷ lệ (%)', kind: 'derivedRate', width: 10 },
    ],
    totals: [],
  },
  {
    name: 'KhaoSatHaiLong',
    sheet: SHEET_SURVEY,
    title: 'Kết quả khảo sát sự hài lòng',
    required: false,
    labelKey: 'doiTuong',
    columns: [
      { key: 'doiTuong', header: 'Đối tượng khảo sát', kind: 'enum', required: true, width: 30 },
      { key: 'soPhieu', header: 'Số phiếu', kind: 'count', required: true, width: 10 },
      { key: 'haiLongChung', header: 'Tỷ lệ hài lòng chung (%)', kind: 'rate', width: 14 },
      { key: 'soVoiMongDoi', header: 'Tỷ lệ hài lòng so với mong đợi (%)', kind: 'rate', width: 16 },
      { key: 'quayLai', header: 'Tỷ lệ quay lại (%)', kind: 'rate', width: 12 },
      { key: 'toanDien', header: 'Chỉ số hài lòng toàn diện (%)', kind: 'rate', width: 14 },
    ],
    totals: [],
  },
];

export function tableSpec(name: TableName): TableSpec {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
}

export type InfoName = 'PhienBanMau' | 'DonViBaoCao' | 'DonViNhan' | 'KyBaoCao' | 'NamBaoCao' | 'TuNgay' | 'DenNgay' | 'KiemTraT4';

export interface NameSpec {
  name: InfoName;
  label: string;
  required: boolean;
}

export const INFO_NAMES: readonly NameSpec[] = [
  { name: 'PhienBanMau', label: 'Phiên bản mẫu', required: true },
  { name: 'DonViBaoCao', label: 'Đơn vị báo cáo', required: true },
  { name: 'DonViNhan', label: 'Đơn vị nhận báo cáo', required: false },
  { name: 'KyBaoCao', label: 'Kỳ báo cáo', required: true },
  { name: 'NamBaoCao', label: 'Năm báo cáo', required: true },
  { name: 'TuNgay', label: 'Từ ngày', required: true },
  { name: 'DenNgay', label: 'Đến ngày', required: true },
  // An extension of the contract: T4 holds only where returned and withdrawn files are counted in
  // (7) or (11), which units do differently (domain.md 3.1). "Không" switches it off; absent = on.
  { name: 'KiemTraT4', label: 'Kiểm tra (3) = (7) + (11)', required: false },
];

export const PERIOD_KINDS = [
  'Quý I',
  'Quý II',
  'Quý III',
  'Quý IV',
  '6 tháng đầu năm',
  '6 tháng cuối năm',
  '9 tháng',
  'Năm',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const STAFF_KINDS = ['Công chức', 'Viên chức', 'Hợp đồng'] as const;
export const RATING_SUBJECTS = ['Công chức', 'Viên chức', 'Cơ quan, đơn vị'] as const;
export const FEEDBACK_KINDS = ['Phản ánh, kiến nghị', 'Khiếu nại', 'Tố cáo'] as const;
export const SURVEY_SUBJECTS = [
  'Người bệnh nội trú',
  'Người bệnh ngoại trú',
  'Nhân viên y tế',
  'Người mẹ sinh con',
  'Người dân, tổ chức (TTHC)',
] as const;

/** Optional raw survey sheets: one row per respondent. */
export const RAW_SURVEYS = [
  { table: 'PhieuNoiTru', sheet: 'Phiếu nội trú', subject: 'Người bệnh nội trú' },
  { table: 'PhieuNgoaiTru', sheet: 'Phiếu ngoại trú', subject: 'Người bệnh ngoại trú' },
] as const;
