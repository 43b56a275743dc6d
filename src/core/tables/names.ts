/**
 * The names of the contract's tables (the Excel table names of the standard workbook) and the key
 * prefixes of their indicators. Each has one module in this folder; tables/index.ts checks that
 * every name has its module.
 */
export type TableName = 'KetQuaGiaiQuyet' | 'DanhMucTTHC' | 'PhanAnhKienNghi' | 'BienChe' | 'XepLoai' | 'ChiTieuKhac' | 'KhaoSatHaiLong';

/** Key prefixes of the indicators in CheckReport.metrics, one per table. */
export type MetricPrefix = 'tthc' | 'danhMuc' | 'phanAnh' | 'bienChe' | 'xepLoai' | 'chiTieu' | 'haiLong';
