/**
 * Two shapes of real files that are not slips: a report engine's template whose figure cells still
 * hold their placeholders, and a report tool's parameter rows (field names above their values).
 * Expected outcomes written by hand.
 */
import { checkWorkbook } from '../../src/core/check';
import type { Cell, WorkbookModel } from '../../src/core/model';

const cell = (v: string | number | null): Cell | undefined => (v === null ? undefined : { v });
const sheet = (name: string, rows: (string | number | null)[][]) => ({ name, rows: rows.map((r) => r.map(cell)) });
const model = (...sheets: ReturnType<typeof sheet>[]): WorkbookModel => ({ sheets, tables: [], names: [] });

describe('an unfilled template of a report engine', () => {
  const header = ['STT', 'Lĩnh vực', 'Tổng số', 'Trực tuyến', 'Trực tiếp và bưu chính', 'Từ kỳ trước', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết', 'Trong hạn', 'Quá hạn'];
  const placeholders = (n: number) => Array.from({ length: 11 }, (_, k) => `\${name:[data];pos:[${n + k}]}`);

  it('is a workbook without data, not eleven figures that are not numbers', () => {
    const codes = checkWorkbook(model(sheet('Sheet1', [header, ['${stt}', '${linhVuc}', ...placeholders(3)], ['Tổng số', null, ...['{{tong1}}', '{{tong2}}', '«TongSo3»', '<<tong4>>', '[[tong5]]', '#{tong6}', '{%tong7%}', '{{t8}}', '{{t9}}', '{{t10}}', '{{t11}}']]]))).issues.map((i) => i.code);
    expect(codes).not.toContain('not_a_number');
    expect(codes).toContain('no_data');
  });

  it('still calls a word typed in a figure cell not a number', () => {
    const codes = checkWorkbook(model(sheet('Sheet1', [header, ['1', 'Dược', 2, 'nhiều', 1, 0, 2, 1, 1, 0, 0, 0, 0]]))).issues.map((i) => i.code);
    expect(codes).toContain('not_a_number');
  });
});

describe('a row of field names above their values', () => {
  it('reads the year under "NAM", not the next field name', () => {
    const r = checkWorkbook(model(sheet('Worksheet', [['B21. Theo dõi chỉ tiêu'], ['ma_tinh', 'NAM', 'TU_THANG', 'DEN_THANG'], [10, 2024, 8, 8]])));
    expect(r.issues.map((i) => i.code)).not.toContain('invalid_year');
  });

  it('still refuses a year that is not one beside its label', () => {
    const r = checkWorkbook(model(sheet('Thông tin', [['Năm báo cáo', 'hai nghìn'], ['Kỳ báo cáo', 'Quý I']])));
    expect(r.issues.map((i) => i.code)).toContain('invalid_year');
  });
});
