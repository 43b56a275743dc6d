import ExcelJS from 'exceljs';
import type { Finding } from '../../src/core/findings';
import { findingsCsv, findingsFileName, findingsXlsx } from '../../src/standalone/findings-export';

const finding = (over: Partial<Finding>): Finding =>
  ({ code: 'sum_mismatch', severity: 'error', sheet: 'TTHC', cell: 'F7', message: 'Đã giải quyết ghi 80 nhưng tổng là 77.', ...over }) as Finding;

test('CSV for Excel: BOM, CRLF, the five columns, quoting only where needed', () => {
  const csv = findingsCsv([
    finding({}),
    finding({ severity: 'warning', code: 'cap_exceeded', sheet: 'Biên chế', cell: 'C9', message: 'Vượt mức "tối đa", theo NĐ 90/2020, cần xem lại' }),
  ]);
  expect(csv).toBe(
    '\uFEFFTrang tính,Ô,Mức độ,Mã,Nội dung\r\n' +
      'TTHC,F7,Lỗi,sum_mismatch,Đã giải quyết ghi 80 nhưng tổng là 77.\r\n' +
      'Biên chế,C9,Cảnh báo,cap_exceeded,"Vượt mức ""tối đa"", theo NĐ 90/2020, cần xem lại"\r\n',
  );
});

test('text that Excel would compute is kept as text; line breaks stay inside their field', () => {
  const csv = findingsCsv([finding({ sheet: '=SUM(A1)', message: '+1 dòng\nthứ hai', severity: 'info', code: 'text_number' })]);
  expect(csv.split('\r\n')[1]).toBe(`'=SUM(A1),F7,Gợi ý,text_number,"'+1 dòng\nthứ hai"`);
});

test('the .xlsx list has the same rows, as text, under a frozen header', async () => {
  const bytes = await findingsXlsx([finding({}), finding({ sheet: 'Hài lòng', cell: 'F6', code: 'satisfaction_inconsistent', message: '=95% > 92,03%' })]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Phát hiện')!;
  expect(ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
    ['Trang tính', 'Ô', 'Mức độ', 'Mã', 'Nội dung'],
    ['TTHC', 'F7', 'Lỗi', 'sum_mismatch', 'Đã giải quyết ghi 80 nhưng tổng là 77.'],
    ['Hài lòng', 'F6', 'Lỗi', 'satisfaction_inconsistent', '=95% > 92,03%'],
  ]);
  expect(ws.getCell('E3').type).toBe(ExcelJS.ValueType.String);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('file names follow the workbook', () => {
  expect(findingsFileName('mau-co-loi.xlsx', 'csv')).toBe('Phát hiện - mau-co-loi.csv');
  expect(findingsFileName(undefined, 'xlsx')).toBe('Phát hiện.xlsx');
});

test('a formula after any separator a locale may split on is neutralised: ";" (Vietnamese Windows), "," and tab', () => {
  const csv = findingsCsv([finding({ sheet: 'A;=2+5;', cell: 'B2', message: 'x,+1\t@SUM(A1) ; -3 và 5-2=3' })]);
  const line = csv.split('\r\n')[1]!;
  // Every = + - @ that would open a field on a ";", "," or tab machine has an apostrophe before it;
  // "5-2=3" inside a field is not at a field's start and stays.
  expect(line).toBe(`"A;'=2+5;",B2,Lỗi,sum_mismatch,"x,'+1\t'@SUM(A1) ; '-3 và 5-2=3"`);
  // Split the way a ";" locale would (outside quotes): no field starts with a formula sign.
  const fields = line.match(/("([^"]|"")*"|[^;,\t]*)/g)!.filter((f) => f !== '');
  for (const f of fields) expect(f.replace(/^"/, '')).not.toMatch(/^\s*[=+\-@]/);
});

test('the .xlsx list drops what XML forbids and says so on a last line', async () => {
  const bytes = await findingsXlsx([finding({ sheet: 'TTHC\uFFFF', message: 'a\uD800b _x0041_' })]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Phát hiện')!;
  expect(ws.getCell('A2').value).toBe('TTHC');
  // Written as _x005F_x0041_, which a spreadsheet decodes back to the text as typed.
  expect(ws.getCell('E2').value).toBe('ab _x0041_');
  expect(String(ws.getCell('E3').value)).toMatch(/^Đã bỏ ký tự không được phép .* khỏi 2 đoạn chữ/);
});
