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
  /**
   * Other wordings of the header in officers' own sheets (official forms, local variants, the
   * one-stop systems' exports, diacritic-free spellings fold to the same key). "A > B" means a leaf
   * header B under a (merged) group header containing A: "đã giải quyết > Quá hạn".
   */
  aliases?: readonly string[];
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
  /**
   * Columns of local variants that the template does not carry: recognised in officers' sheets,
   * checked where an identity uses them, otherwise kept and ignored.
   */
  extraColumns?: ColumnSpec[];
  /** What a header row must show to be taken for this table: the label and at least `minFigures` figure columns. */
  recognise: { minFigures: number; anyOf?: readonly string[] };
  /**
   * The table's indicators in CheckReport.metrics: their key prefix ("tthc.tyLeDungHan"), the
   * group title the panes and the CLI show, and labels for the indicators that are not a column.
   */
  metrics: { prefix: string; title: string; labels?: Readonly<Record<string, string>> };
}

export const SHEET_INFO = 'Thông tin';
export const SHEET_TTHC = 'TTHC';
export const SHEET_STAFF = 'Biên chế';
export const SHEET_SURVEY = 'Hài lòng';
/** The template's hidden sheet of drop-down lists: the validations of the standard sheets point at it. */
export const LISTS_SHEET = 'Danh mục';

export const TABLES: readonly TableSpec[] = [
  {
    name: 'KetQuaGiaiQuyet',
    sheet: SHEET_TTHC,
    title: 'Tình hình, kết quả giải quyết TTHC (Biểu số 06/VPCP/KSTT)',
    required: true,
    labelKey: 'linhVuc',
    columns: [
      { key: 'linhVuc', header: 'Lĩnh vực, công việc giải quyết', kind: 'text', formCol: 2, required: true, width: 34, aliases: ['Lĩnh vực, công việc giải quyết theo cấp', 'Lĩnh vực', 'Tên lĩnh vực', 'Lĩnh vực giải quyết', 'Lĩnh vực, công việc', 'Tên đơn vị', 'Đơn vị', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị', 'Tên thủ tục hành chính', 'Tên TTHC'] },
      { key: 'tongSo', header: 'Tổng số hồ sơ nhận giải quyết', kind: 'count', formCol: 3, required: true, width: 14, aliases: ['nhận giải quyết > Tổng số', 'tiếp nhận > Tổng số', 'nhận giải quyết > Tổng', 'tiếp nhận > Tổng', 'Tổng số hồ sơ tiếp nhận', 'Tổng số hồ sơ', 'Tổng hồ sơ tiếp nhận', 'Tổng số tiếp nhận', 'Tổng tiếp nhận', 'Tổng số nhận giải quyết', 'Nhận giải quyết', 'Tổng'] },
      { key: 'trucTuyen', header: 'Trực tuyến', kind: 'count', formCol: 4, required: true, width: 11, aliases: ['trực tuyến > Tổng', 'trực tuyến > Tổng số', 'Số mới tiếp nhận trực tuyến', 'Mới tiếp nhận trực tuyến', 'Tiếp nhận trực tuyến', 'Nhận trực tuyến', 'Qua mạng', 'Trực tuyến (qua mạng)', 'Nộp trực tuyến', 'Qua dịch vụ công trực tuyến'] },
      { key: 'trucTiepBuuChinh', header: 'Trực tiếp, dịch vụ bưu chính', kind: 'count', formCol: 5, required: true, width: 14, aliases: ['Số mới tiếp nhận (trực tiếp hoặc dịch vụ bưu chính)', 'Mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính', 'Số mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính', 'Trực tiếp hoặc dịch vụ bưu chính', 'Trực tiếp hoặc qua dịch vụ bưu chính công ích', 'Trực tiếp, dịch vụ bưu chính công ích', 'Trực tiếp, bưu chính', 'Trực tiếp và bưu chính', 'Trực tiếp hoặc bưu chính', 'Trực tiếp, BCCI', 'Trực tiếp hoặc qua BCCI'] },
      { key: 'tuKyTruoc', header: 'Từ kỳ trước', kind: 'count', formCol: 6, required: true, width: 11, aliases: ['Số kỳ trước chuyển qua', 'Kỳ trước chuyển qua', 'Kỳ trước chuyển sang', 'Kỳ trước', 'Tồn kỳ trước', 'Từ kỳ trước chuyển sang', 'Tồn đầu kỳ'] },
      { key: 'daGiaiQuyet', header: 'Đã giải quyết', kind: 'count', formCol: 7, required: true, width: 11, aliases: ['đã giải quyết > Tổng số', 'đã giải quyết > Tổng', 'Số hồ sơ đã giải quyết', 'Đã xử lý', 'đã xử lý > Tổng số', 'đã xử lý > Tổng', 'Đã giải quyết xong', 'Tổng số đã giải quyết'] },
      { key: 'truocHan', header: 'Trước hạn', kind: 'count', formCol: 8, required: true, width: 10, aliases: ['Trả trước hạn', 'Giải quyết trước hạn', 'Trả kết quả trước hạn', 'Đã giải quyết trước hạn'] },
      { key: 'dungHan', header: 'Đúng hạn', kind: 'count', formCol: 9, required: true, width: 10, aliases: ['Trả đúng hạn', 'Trả đúng thời hạn', 'Đúng thời hạn', 'Giải quyết đúng hạn', 'Trả kết quả đúng hạn', 'Đã giải quyết đúng hạn'] },
      { key: 'quaHan', header: 'Quá hạn', kind: 'count', formCol: 10, required: true, width: 10, aliases: ['đã giải quyết > Quá hạn', 'đã xử lý > Quá hạn', 'Trả quá hạn', 'Giải quyết quá hạn', 'Trả kết quả quá hạn', 'Đã giải quyết quá hạn'] },
      { key: 'dangGiaiQuyet', header: 'Đang giải quyết', kind: 'count', formCol: 11, required: true, width: 12, aliases: ['đang giải quyết > Tổng số', 'đang giải quyết > Tổng', 'Số hồ sơ đang giải quyết', 'Đang xử lý', 'đang xử lý > Tổng số', 'đang xử lý > Tổng', 'Tổng số đang giải quyết'] },
      { key: 'dangTrongHan', header: 'Trong hạn', kind: 'count', formCol: 12, required: true, width: 10, aliases: ['đang giải quyết > Trong hạn', 'đang xử lý > Trong hạn', 'Chưa đến hạn', 'Chưa quá hạn', 'Trong thời hạn', 'Đang giải quyết trong hạn', 'Đang giải quyết chưa đến hạn'] },
      { key: 'dangQuaHan', header: 'Quá hạn (đang giải quyết)', kind: 'count', formCol: 13, required: true, width: 14, aliases: ['đang giải quyết > Quá hạn', 'đang xử lý > Quá hạn', 'Đang giải quyết quá hạn', 'Đã quá hạn'] },
      { key: 'tyLeDungHan', header: 'Tỷ lệ trước hạn và đúng hạn (%)', kind: 'derivedRate', width: 14, aliases: ['Tỷ lệ trước hạn, đúng hạn', 'Tỷ lệ giải quyết trước hạn và đúng hạn', 'Tỷ lệ giải quyết trước hạn, đúng hạn', 'Tỷ lệ đúng hạn', 'Tỷ lệ giải quyết đúng hạn', 'Tỷ lệ trước hạn và đúng hạn', 'Tỷ lệ đúng hạn và trước hạn'] },
    ],
    totals: ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'],
    // Local Biểu 06 variants (15 and 21 columns) and the one-stop systems' exports (docs/workbook-files.md).
    extraColumns: [
      { key: 'moiTiepNhan', header: 'Mới tiếp nhận trong kỳ', kind: 'count', optional: true, aliases: ['Trong kỳ', 'Tiếp nhận trong kỳ', 'Mới tiếp nhận', 'Số mới tiếp nhận', 'Nhận mới trong kỳ'] },
      { key: 'trucTiep', header: 'Trực tiếp', kind: 'count', optional: true, aliases: ['Nộp trực tiếp', 'Tiếp nhận trực tiếp', 'Mới tiếp nhận trực tiếp'] },
      { key: 'quaBCCI', header: 'Qua dịch vụ bưu chính công ích', kind: 'count', optional: true, aliases: ['Qua BCCI', 'BCCI', 'Bưu chính công ích', 'Qua bưu chính', 'Dịch vụ bưu chính', 'Qua dịch vụ bưu chính', 'Số mới tiếp nhận qua BCCI', 'Mới tiếp nhận qua BCCI', 'Tiếp nhận qua BCCI', 'Nộp qua BCCI'] },
      { key: 'toanTrinh', header: 'Trực tuyến toàn trình', kind: 'count', optional: true, aliases: ['trực tuyến > Toàn trình', 'Toàn trình', 'Dịch vụ công trực tuyến toàn trình'] },
      { key: 'motPhan', header: 'Trực tuyến một phần', kind: 'count', optional: true, aliases: ['trực tuyến > Một phần', 'Một phần', 'Dịch vụ công trực tuyến một phần'] },
      { key: 'traLaiRut', header: 'Hồ sơ trả lại hoặc rút', kind: 'count', optional: true, aliases: ['Trả lại/ Rút HS', 'Trả lại, rút hồ sơ', 'Trả lại hoặc rút', 'Trả lại, rút', 'Hồ sơ trả lại, rút', 'Trả lại', 'Hồ sơ trả lại'] },
      // Withdrawn files in a column of their own, beside or without "Trả lại": T4 counts them too.
      { key: 'rut', header: 'Hồ sơ rút', kind: 'count', optional: true, aliases: ['Số hồ sơ rút', 'Rút hồ sơ', 'Rút', 'Đã rút', 'Hồ sơ xin rút', 'Xin rút', 'Công dân rút hồ sơ', 'Rút hồ sơ theo yêu cầu'] },
      { key: 'choBoSung', header: 'Chờ bổ sung', kind: 'count', optional: true, aliases: ['Bổ sung', 'Chờ bổ sung, hoàn thiện', 'Yêu cầu bổ sung', 'Hồ sơ chờ bổ sung', 'Bổ sung hồ sơ'] },
      { key: 'soHoa', header: 'Số hóa hồ sơ', kind: 'count', optional: true, aliases: ['Số hóa', 'Số hồ sơ được số hóa', 'Hồ sơ được số hóa', 'Đã số hóa', 'Số hóa kết quả'] },
    ],
    recognise: { minFigures: 3 },
    metrics: { prefix: 'tthc', title: 'Giải quyết TTHC', labels: { tyLeDungHan: 'Tỷ lệ giải quyết trước hạn và đúng hạn', tyLeQuaHan: 'Tỷ lệ giải quyết quá hạn', tyLeTrucTuyen: 'Tỷ lệ hồ sơ trực tuyến', tyLeDaGiaiQuyet: 'Tỷ lệ đã giải quyết / tổng số nhận', tyLeDangGiaiQuyet: 'Tỷ lệ đang giải quyết / tổng số nhận', truocHan: 'Giải quyết trước hạn', dungHan: 'Giải quyết đúng hạn', quaHan: 'Giải quyết quá hạn', dangTrongHan: 'Đang giải quyết trong hạn', dangQuaHan: 'Đang giải quyết quá hạn' } },
  },
  {
    name: 'DanhMucTTHC',
    sheet: SHEET_TTHC,
    title: 'Danh mục TTHC theo lĩnh vực và cấp thực hiện',
    required: false,
    labelKey: 'linhVuc',
    columns: [
      { key: 'linhVuc', header: 'Lĩnh vực', kind: 'text', required: true, width: 34, aliases: ['Tên lĩnh vực', 'Lĩnh vực TTHC', 'Lĩnh vực thủ tục hành chính'] },
      { key: 'soTTHC', header: 'Tổng số TTHC', kind: 'count', required: true, width: 12, aliases: ['Tổng số', 'Số TTHC', 'Tổng số thủ tục hành chính', 'Số lượng TTHC', 'Số thủ tục', 'Tổng số thủ tục', 'Tổng'] },
      { key: 'capTinh', header: 'Cấp tỉnh', kind: 'count', required: true, width: 10, aliases: ['TTHC cấp tỉnh', 'Thẩm quyền cấp tỉnh', 'Cấp tỉnh giải quyết'] },
      { key: 'capHuyen', header: 'Cấp huyện', kind: 'count', optional: true, width: 10, aliases: ['TTHC cấp huyện', 'Thẩm quyền cấp huyện', 'Cấp huyện giải quyết'] },
      { key: 'capXa', header: 'Cấp xã', kind: 'count', required: true, width: 10, aliases: ['TTHC cấp xã', 'Thẩm quyền cấp xã', 'Cấp xã giải quyết'] },
      { key: 'motCua', header: 'Thực hiện một cửa', kind: 'count', width: 12, optional: true, aliases: ['Một cửa', 'Một cửa, một cửa liên thông', 'Thực hiện một cửa, một cửa liên thông', 'Thực hiện tại Bộ phận một cửa', 'Một cửa liên thông'] },
      { key: 'dvcTrucTuyen', header: 'Dịch vụ công trực tuyến', kind: 'count', width: 14, optional: true, aliases: ['DVC trực tuyến', 'DVCTT', 'Dịch vụ công trực tuyến toàn trình', 'Cung cấp dịch vụ công trực tuyến'] },
      { key: 'quyTrinhNoiBo', header: 'Có quy trình nội bộ', kind: 'count', width: 12, optional: true, aliases: ['Quy trình nội bộ', 'Đã có quy trình nội bộ', 'Quy trình nội bộ được phê duyệt'] },
    ],
    totals: ['soTTHC', 'capTinh', 'capHuyen', 'capXa', 'motCua', 'dvcTrucTuyen', 'quyTrinhNoiBo'],
    recognise: { minFigures: 2, anyOf: ['capTinh', 'capXa', 'capHuyen'] },
    metrics: { prefix: 'danhMuc', title: 'Danh mục TTHC' },
  },
  {
    name: 'PhanAnhKienNghi',
    sheet: SHEET_TTHC,
    title: 'Tiếp nhận, xử lý phản ánh, kiến nghị, khiếu nại, tố cáo',
    required: false,
    labelKey: 'loai',
    columns: [
      { key: 'loai', header: 'Loại', kind: 'enum', required: true, width: 28, aliases: ['Loại đơn', 'Nội dung', 'Loại phản ánh, kiến nghị', 'Hình thức'] },
      { key: 'tiepNhan', header: 'Tiếp nhận', kind: 'count', required: true, width: 11, aliases: ['Số tiếp nhận', 'Tổng số tiếp nhận', 'Số đơn tiếp nhận', 'Đã tiếp nhận', 'Số lượng tiếp nhận'] },
      { key: 'daGiaiQuyet', header: 'Đã giải quyết', kind: 'count', required: true, width: 12, aliases: ['Đã xử lý', 'Đã trả lời', 'Đã giải quyết, trả lời', 'Đã xử lý, trả lời'] },
      { key: 'dangGiaiQuyet', header: 'Đang giải quyết', kind: 'count', required: true, width: 12, aliases: ['Đang xử lý', 'Đang trả lời', 'Đang giải quyết, xử lý'] },
    ],
    totals: ['tiepNhan', 'daGiaiQuyet', 'dangGiaiQuyet'],
    recognise: { minFigures: 2, anyOf: ['tiepNhan'] },
    metrics: { prefix: 'phanAnh', title: 'Phản ánh, kiến nghị', labels: { tyLeDaGiaiQuyet: 'Tỷ lệ đã giải quyết' } },
  },
  {
    name: 'BienChe',
    sheet: SHEET_STAFF,
    title: 'Biên chế, số lượng người làm việc',
    required: true,
    labelKey: 'donVi',
    columns: [
      { key: 'donVi', header: 'Đơn vị', kind: 'text', required: true, width: 34, aliases: ['Tên đơn vị', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị', 'Đơn vị, tuyến', 'Nội dung'] },
      { key: 'loai', header: 'Loại', kind: 'enum', required: true, optional: true, width: 12, aliases: ['Loại hình', 'Loại biên chế', 'Đối tượng', 'Loại cán bộ'] },
      { key: 'tuyen', header: 'Tuyến', kind: 'enum', required: true, optional: true, width: 9, aliases: ['Cấp', 'Tuyến, cấp'] },
      { key: 'duocGiao', header: 'Được giao', kind: 'count', required: true, width: 11, aliases: ['Biên chế được giao', 'Số được giao', 'Số lượng được giao', 'Chỉ tiêu được giao', 'Số lượng người làm việc được giao', 'Giao', 'Biên chế giao', 'Kế hoạch giao', 'Biên chế công chức được giao', 'Tổng số biên chế được giao', 'Biên chế được cấp có thẩm quyền giao', 'Biên chế được cấp có thẩm quyền giao hoặc phê duyệt', 'Số lượng người làm việc được cấp có thẩm quyền giao', 'Số người làm việc được giao'] },
      { key: 'coMat', header: 'Có mặt', kind: 'count', required: true, width: 10, aliases: ['Hiện có', 'Số có mặt', 'Thực có', 'Số hiện có', 'Có mặt đến thời điểm báo cáo', 'Số lượng hiện có', 'Hiện có mặt', 'Thực hiện', 'Tổng số có mặt', 'Biên chế có mặt', 'Số người làm việc có mặt', 'Số lượng người làm việc có mặt', 'Tổng số đối tượng có mặt', 'Tổng số đối tượng hưởng lương có mặt', 'Thực tế có mặt', 'Có mặt thực tế'] },
      { key: 'thieu', header: 'Thiếu', kind: 'derivedCount', width: 9, optional: true, aliases: ['Số thiếu', 'Còn thiếu', 'Thiếu so với giao'] },
      { key: 'du', header: 'Dư', kind: 'derivedCount', width: 9, optional: true, aliases: ['Số dư', 'Vượt', 'Thừa', 'Dư so với giao'] },
    ],
    totals: ['duocGiao', 'coMat', 'thieu', 'du'],
    recognise: { minFigures: 2, anyOf: ['duocGiao'] },
    metrics: { prefix: 'bienChe', title: 'Biên chế', labels: { tyLeSuDung: 'Tỷ lệ có mặt / được giao', thieu: 'Thiếu so với được giao', du: 'Dư so với được giao' } },
  },
  {
    name: 'XepLoai',
    sheet: SHEET_STAFF,
    title: 'Kết quả đánh giá, xếp loại chất lượng',
    required: false,
    labelKey: 'doiTuong',
    columns: [
      { key: 'doiTuong', header: 'Đối tượng', kind: 'enum', required: true, width: 22, aliases: ['Đối tượng đánh giá', 'Đối tượng xếp loại', 'Loại', 'Nội dung'] },
      { key: 'tongSo', header: 'Tổng số', kind: 'count', required: true, width: 10, aliases: ['Tổng số người', 'Tổng cộng', 'Số lượng', 'Tổng số công chức, viên chức', 'Tổng'] },
      { key: 'htxs', header: 'Hoàn thành xuất sắc nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['HTXSNV', 'Hoàn thành xuất sắc', 'Xuất sắc'] },
      { key: 'htt', header: 'Hoàn thành tốt nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['HTTNV', 'Hoàn thành tốt', 'Tốt'] },
      { key: 'ht', header: 'Hoàn thành nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['HTNV', 'Hoàn thành'] },
      { key: 'kht', header: 'Không hoàn thành nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['KHTNV', 'Không hoàn thành'] },
      { key: 'khongDanhGia', header: 'Không đánh giá', kind: 'count', width: 11, optional: true, aliases: ['Chưa đánh giá', 'Không xếp loại', 'Không đánh giá, xếp loại', 'Chưa xếp loại'] },
    ],
    totals: [],
    recognise: { minFigures: 3, anyOf: ['htxs', 'htt'] },
    metrics: { prefix: 'xepLoai', title: 'Đánh giá, xếp loại' },
  },
  {
    name: 'ChiTieuKhac',
    sheet: SHEET_STAFF,
    title: 'Các chỉ tiêu khác (tỷ lệ thực hiện)',
    required: false,
    labelKey: 'chiTieu',
    columns: [
      { key: 'chiTieu', header: 'Chỉ tiêu', kind: 'text', required: true, width: 40, aliases: ['Nội dung', 'Nhiệm vụ', 'Tiêu chí', 'Chỉ tiêu, nhiệm vụ', 'Nội dung chỉ tiêu'] },
      { key: 'thucHien', header: 'Thực hiện', kind: 'count', required: true, width: 11, aliases: ['Kết quả thực hiện', 'Đã thực hiện', 'Số đã thực hiện', 'Hoàn thành', 'Đã hoàn thành', 'Kết quả'] },
      { key: 'keHoach', header: 'Kế hoạch / phải thực hiện', kind: 'count', required: true, width: 14, aliases: ['Kế hoạch', 'Phải thực hiện', 'Số phải thực hiện', 'Chỉ tiêu kế hoạch', 'Kế hoạch, phải thực hiện', 'Theo kế hoạch'] },
      { key: 'tyLe', header: 'Tỷ lệ (%)', kind: 'derivedRate', width: 10, optional: true, aliases: ['Tỷ lệ', 'Tỷ lệ hoàn thành', 'Tỷ lệ thực hiện', 'Tỷ lệ đạt'] },
    ],
    totals: [],
    recognise: { minFigures: 2, anyOf: ['keHoach'] },
    metrics: { prefix: 'chiTieu', title: 'Chỉ tiêu khác' },
  },
  {
    name: 'KhaoSatHaiLong',
    sheet: SHEET_SURVEY,
    title: 'Kết quả khảo sát sự hài lòng',
    required: false,
    labelKey: 'doiTuong',
    columns: [
      { key: 'doiTuong', header: 'Đối tượng khảo sát', kind: 'enum', required: true, width: 30, aliases: ['Đối tượng', 'Đối tượng được khảo sát', 'Nhóm đối tượng'] },
      { key: 'soPhieu', header: 'Số phiếu', kind: 'count', required: true, width: 10, aliases: ['Số phiếu khảo sát', 'Số người được khảo sát', 'Số phiếu thu về', 'Số phiếu hợp lệ', 'Cỡ mẫu', 'Số người trả lời'] },
      { key: 'haiLongChung', header: 'Tỷ lệ hài lòng chung (%)', kind: 'rate', width: 14, optional: true, aliases: ['Tỷ lệ hài lòng chung', 'Hài lòng chung', 'Tỷ lệ hài lòng'] },
      { key: 'soVoiMongDoi', header: 'Tỷ lệ hài lòng so với mong đợi (%)', kind: 'rate', width: 16, optional: true, aliases: ['So với mong đợi', 'Tỷ lệ so với mong đợi', 'Đáp ứng so với mong đợi', 'Mức độ đáp ứng so với mong đợi', 'Tỷ lệ đáp ứng so với mong đợi'] },
      { key: 'quayLai', header: 'Tỷ lệ quay lại (%)', kind: 'rate', width: 12, optional: true, aliases: ['Tỷ lệ quay lại', 'Quay lại', 'Sẵn sàng quay lại', 'Quay lại hoặc giới thiệu', 'Tỷ lệ quay lại hoặc giới thiệu'] },
      { key: 'toanDien', header: 'Chỉ số hài lòng toàn diện (%)', kind: 'rate', width: 14, optional: true, aliases: ['Chỉ số hài lòng toàn diện', 'Hài lòng toàn diện', 'Tỷ lệ hài lòng toàn diện'] },
    ],
    totals: [],
    recognise: { minFigures: 2, anyOf: ['haiLongChung', 'toanDien', 'soVoiMongDoi', 'quayLai'] },
    metrics: { prefix: 'haiLong', title: 'Sự hài lòng' },
  },
];

/** Every column recognised in a table: the contract's, then local variants'. */
export function allColumns(spec: TableSpec): readonly ColumnSpec[] {
  return spec.extraColumns ? [...spec.columns, ...spec.extraColumns] : spec.columns;
}

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
  /** Other labels officers write before the value ("Đơn vị báo cáo: Sở Y tế tỉnh …"). */
  aliases?: readonly string[];
}

export const INFO_NAMES: readonly NameSpec[] = [
  { name: 'PhienBanMau', label: 'Phiên bản mẫu', required: true },
  { name: 'DonViBaoCao', label: 'Đơn vị báo cáo', required: true, aliases: ['Tên đơn vị báo cáo', 'Đơn vị', 'Tên đơn vị', 'Cơ quan báo cáo', 'Cơ quan, đơn vị báo cáo', 'Đơn vị thực hiện'] },
  { name: 'DonViNhan', label: 'Đơn vị nhận báo cáo', required: false, aliases: ['Đơn vị nhận', 'Cơ quan nhận báo cáo', 'Nơi nhận báo cáo'] },
  { name: 'KyBaoCao', label: 'Kỳ báo cáo', required: true, aliases: ['Kỳ số liệu', 'Kỳ'] },
  { name: 'NamBaoCao', label: 'Năm báo cáo', required: true, aliases: ['Năm'] },
  { name: 'TuNgay', label: 'Từ ngày', required: true, aliases: ['Số liệu từ ngày', 'Lấy số liệu từ ngày'] },
  { name: 'DenNgay', label: 'Đến ngày', required: true, aliases: ['Số liệu đến ngày', 'Lấy số liệu đến ngày'] },
  // An extension of the contract: T4 holds only where returned and withdrawn files are counted in
  // (7) or (11), which units do differently (docs/rules.md). "Không" switches it off; absent = on.
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
