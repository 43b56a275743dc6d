import fs from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { isWholeSheet, messageFor, placeOf } from '../../src/core/messages';
import { reportText } from '../../src/cli/format';
import { INFO_NAMES } from '../../src/core/contract';
import { TABLES } from '../../src/core/tables';
import type { Draft } from '../../src/core/findings';
import { readWorkbook } from '../../src/xlsx/read';
import { buildModel, infoFor } from '../helpers/model';

/**
 * Messages an officer can act on alone: every identity names its parts with their values and
 * cells, no formula and no internal name. Figures from domain.md: the Sơn La công chức 64 assigned,
 * 61 present; a Biểu 06 row with 30 early + 9 on time of 40 resolved.
 */
const SON_LA_Q1 = infoFor('Quý I', 2023, '2022-12-15', '2023-03-14', 'Sở Y tế tỉnh Sơn La');

test('a typed thiếu: "Được giao 64 (ô D4) − Có mặt 61 (ô E4) = 3", with the fix', () => {
  const r = checkWorkbook(buildModel({ info: SON_LA_Q1, tables: [{ name: 'BienChe', rows: [['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 64, 61, 4, 0]] }] }));
  const x = r.issues.find((i) => i.code === 'derived_mismatch')!;
  expect(x.message).toBe('"Thiếu" (dòng "Cơ quan Sở Y tế") ở ô F4 ghi 4, nhưng Được giao 64 (ô D4) − Có mặt 61 (ô E4) = 3. Cách sửa: ghi 3 (hoặc để công thức của mẫu tự tính).');
});

test('a typed thiếu where nobody is missing: says why it is 0', () => {
  const r = checkWorkbook(buildModel({ info: SON_LA_Q1, tables: [{ name: 'BienChe', rows: [['Cơ quan Sở Y tế', 'Công chức', 'Tỉnh', 60, 61, 2, 1]] }] }));
  const x = r.issues.find((i) => i.code === 'derived_mismatch' && i.column === 'thieu')!;
  expect(x.message).toContain('Được giao 60 (ô D4) không lớn hơn Có mặt 61 (ô E4) nên không thiếu: phải là 0');
});

test('the on-time rate: "Trước hạn 30 + Đúng hạn 9 = 39 trên 40 hồ sơ đã giải quyết = 97,50%"', () => {
  // 30 + 9 + 1 = 40 resolved, typed 97,9% where 39/40 = 97,5%.
  const row = ['Khám bệnh, chữa bệnh', 45, 15, 30, 0, 40, 30, 9, 1, 5, 5, 0, 97.9];
  const r = checkWorkbook(buildModel({ info: SON_LA_Q1, tables: [{ name: 'KetQuaGiaiQuyet', rows: [row] }] }));
  const x = r.issues.find((i) => i.code === 'rate_mismatch')!;
  expect(x.message).toContain('Trước hạn 30 (ô G4) + Đúng hạn 9 (ô H4) = 39 trên 40 hồ sơ đã giải quyết (ô F4) = 97,50%');
});

test('without the optional parts (an older producer), messages still read and name no formula', () => {
  const base = { severity: 'error', sheet: 'Biên chế', cell: 'F4' } as const;
  expect(messageFor({ ...base, code: 'derived_mismatch', header: 'Thiếu', formula: 'max(0, Được giao − Có mặt)', expected: 3, actual: 4, column: 'thieu' } as Draft)).toBe(
    '"Thiếu" ở ô F4 ghi 4, nhưng theo số được giao và số có mặt của dòng thì phải là 3. Cách sửa: ghi 3 (hoặc để công thức của mẫu tự tính).',
  );
  expect(messageFor({ ...base, code: 'sum_mismatch', rule: 'T1', totalLabel: 'Tổng số', partLabels: ['Trực tuyến', 'Từ kỳ trước'], expected: 5, actual: 6 } as Draft)).toContain('trực tuyến + từ kỳ trước = 5');
});

test('no message of the planted-mistakes sample holds a formula or an internal name', async () => {
  const file = path.join(__dirname, '..', '..', 'assets', 'samples', 'mau-co-loi.xlsx');
  const r = checkWorkbook(await readWorkbook(new Uint8Array(fs.readFileSync(file)), 'mau-co-loi.xlsx'));
  expect(r.issues.length).toBeGreaterThan(5);
  const internal = [...TABLES.map((t) => t.name), ...INFO_NAMES.map((n) => n.name), 'max(', 'min('];
  for (const i of r.issues) for (const word of internal) expect({ m: i.message, has: i.message.includes(word) }).toEqual({ m: i.message, has: false });
  // Every identity message names each part's cell.
  for (const i of r.issues.filter((x) => x.code === 'sum_mismatch' || x.code === 'derived_mismatch' || x.code === 'rate_mismatch')) expect(i.message).toMatch(/ô [A-Z]+\d+/);
});

test('a finding about a whole sheet is listed by its sheet, never as a bare "ô A1"', () => {
  // Only the TTHC results table: the staffing table (required) and the others are not found.
  const model = buildModel({
    info: infoFor('Quý III', 2022, '2022-06-15', '2022-09-14'),
    tables: [{ name: 'KetQuaGiaiQuyet', rows: [['Dược phẩm', 10, 4, 6, 0, 10, 5, 5, 0, 0, 0, 0]] }],
  });
  const report = checkWorkbook(model);
  const missing = report.issues.filter((f) => f.code === 'missing_table');
  expect(missing.length).toBeGreaterThan(0);
  for (const f of missing) {
    expect(isWholeSheet(f)).toBe(true);
    expect(placeOf(f)).toBe(f.sheet);
  }
  const text = reportText(report, model, 'x.xlsx');
  for (const f of missing) expect(text).not.toContain(`${f.sheet}!${f.cell} `);
  // A finding at a figure keeps its cell.
  expect(placeOf({ code: 'sum_mismatch', sheet: 'TTHC', cell: 'F7' })).toBe('TTHC!F7');
});
