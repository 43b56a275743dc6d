/**
 * The two filled samples as data, so the asset script, the playground and the tests build the same
 * workbooks. "mau-sach" follows the Kon Tum Q3/2022 report (seed 003) and must check clean;
 * "mau-co-loi" is a Sơn La Q1/2023 workbook with the slips seen in the seeds planted one by one.
 */
import type { FindingCode } from '../core/findings';
import { SHEET_INFO } from '../core/contract';
import { TABLES } from '../core/tables';
import { infoCell, tableCell, type BuildOptions } from './template';

/** Each table's rows in one sample, from its module (src/core/tables/<table>.ts, `samples`). */
const tablesOf = (which: 'clean' | 'mistakes'): BuildOptions['tables'] => Object.fromEntries(TABLES.map((t) => [t.name, t.samples[which]]));

/** Sở Y tế tỉnh Kon Tum, Quý III/2022: 297 hồ sơ received in the quarter, 162 TTHC, 50/54 công chức. */
export const CLEAN_SAMPLE: BuildOptions = {
  unit: 'Sở Y tế tỉnh Kon Tum',
  recipient: 'Sở Nội vụ tỉnh Kon Tum',
  periodKind: 'Quý III',
  year: 2022,
  tables: tablesOf('clean'),
};

/** Sở Y tế tỉnh Sơn La, Quý I/2023, with the planted mistakes of PLANTED_MISTAKES. */
export const MISTAKES_SAMPLE: BuildOptions = {
  unit: 'Sở Y tế tỉnh Sơn La',
  recipient: 'Sở Nội vụ tỉnh Sơn La',
  periodKind: 'Quý I',
  year: 2023,
  // As in the Sơn La report: "từ 15/12/2022 đến 14/03/2022".
  window: { from: '2022-12-15', to: '2022-03-14' },
  tables: tablesOf('mistakes'),
};

export interface PlantedMistake {
  code: FindingCode;
  sheet: string;
  cell: string;
  note: string;
}

/** Each planted mistake and the single error finding it must produce: the period's, then each table's. */
export const PLANTED_MISTAKES: PlantedMistake[] = [
  { code: 'window_reversed', sheet: SHEET_INFO, cell: infoCell('DenNgay'), note: 'Kỳ số liệu ghi từ 15/12/2022 đến 14/03/2022: ngày kết thúc trước ngày bắt đầu.' },
  ...TABLES.flatMap((t) => t.samples.planted.map((p) => ({ code: p.code, sheet: t.sheet, cell: tableCell(MISTAKES_SAMPLE, t.name, p.row, p.column), note: p.note }))),
];

export const SAMPLE_FILES = {
  template: 'assets/templates/mau-chuan-cchc.xlsx',
  clean: 'assets/samples/mau-sach.xlsx',
  mistakes: 'assets/samples/mau-co-loi.xlsx',
  mistakesNote: 'assets/samples/mau-co-loi.md',
} as const;

/** The blank template: no unit or period yet, a few empty rows per table. */
export const BLANK_TEMPLATE: BuildOptions = { blankRows: 5 };
