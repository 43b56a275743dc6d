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

export interface ColumnSpec<K extends string = string> {
  key: K;
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
   * header B under a (merged) group header containing A: "đã giải quyết > Quá hạn". "^B" names
   * the column only where it is the table's first figure column: a bare "Tổng" first is the total
   * received, after "Trước hạn | Đúng hạn | Trễ hạn" it totals those (src/core/headers.ts).
   */
  aliases?: readonly string[];
}

export type { MetricPrefix, TableName } from './tables/names';
import type { MetricPrefix, TableName } from './tables/names';

/**
 * A table as the readers see it: where it lives, its columns and how a header row is taken for
 * it. The rest of what a table is (identities, indicators, narrative, consolidation…) is in its
 * module, src/core/tables/<table>.ts, which extends this.
 */
export interface TableSpec {
  readonly name: TableName;
  readonly sheet: string;
  readonly title: string;
  /** A missing required table is an error; a missing optional one only an info. */
  readonly required: boolean;
  /** Column holding the row label, used to name rows in messages and to spot typed total rows. */
  readonly labelKey: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns summed in the totals row. */
  readonly totals: readonly string[];
  /**
   * Columns of local variants that the template does not carry: recognised in officers' sheets,
   * checked where an identity uses them, otherwise kept and ignored.
   */
  readonly extraColumns?: readonly ColumnSpec[];
  /** What a header row must show to be taken for this table: the label and at least `minFigures` figure columns. */
  readonly recognise: { readonly minFigures: number; readonly anyOf?: readonly string[] };
  /**
   * The table's indicators in CheckReport.metrics: their key prefix ("tthc.tyLeDungHan"), the
   * group title the panes and the CLI show, and labels for the indicators that are not a column.
   */
  readonly metrics: { readonly prefix: MetricPrefix; readonly title: string; readonly labels?: Readonly<Record<string, string>> };
}

export const SHEET_INFO = 'Thông tin';
export const SHEET_TTHC = 'TTHC';
export const SHEET_STAFF = 'Biên chế';
export const SHEET_SURVEY = 'Hài lòng';
/** The template's hidden sheet of drop-down lists: the validations of the standard sheets point at it. */
export const LISTS_SHEET = 'Danh mục';

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
