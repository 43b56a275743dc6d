import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { readWorkbook } from '../../src/xlsx/read';
import { findingsCsv, findingsFileName, findingsXlsx } from '../../src/standalone/findings-export';
import { findTool, missingTool } from '../helpers/tools';

const ROOT = resolve(__dirname, '../..');
const HEADER = ['Trang tính', 'Ô', 'Mức độ', 'Nội dung', 'Mã lỗi (cho bộ phận CNTT)'];

const finding = (over: Partial<Finding>): Finding =>
  ({ code: 'sum_mismatch', severity: 'error', sheet: 'TTHC', cell: 'F7', message: 'Đã giải quyết ghi 80 nhưng tổng là 77.', ...over }) as Finding;

/**
 * RFC 4180 read back with ";" as the separator, written here rather than taken from the code under
 * test: quoted fields, "" for a quote, line breaks inside quotes, CRLF between records.
 */
function parseSemicolonCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('CSV for Excel on Vietnamese Windows: BOM, ";" between fields, every field quoted, CRLF, Vietnamese columns with the code last', () => {
  const csv = findingsCsv([
    finding({}),
    finding({ severity: 'warning', code: 'cap_exceeded', sheet: 'Biên chế', cell: 'C9', message: 'Vượt mức "tối đa"; theo NĐ 90/2020, cần xem lại' }),
  ]);
  expect(csv).toBe(
    '\uFEFF"Trang tính";"Ô";"Mức độ";"Nội dung";"Mã lỗi (cho bộ phận CNTT)"\r\n' +
      '"TTHC";"F7";"Lỗi";"Đã giải quyết ghi 80 nhưng tổng là 77.";"sum_mismatch"\r\n' +
      '"Biên chế";"C9";"Cảnh báo";"Vượt mức ""tối đa""; theo NĐ 90/2020, cần xem lại";"cap_exceeded"\r\n',
  );
  // No "sep=;" line: with it Excel ignores the byte-order mark.
  expect(csv).not.toMatch(/sep=/);
  // The ";" inside the message stays in its cell when split on ";".
  expect(parseSemicolonCsv(csv.slice(1))[2]).toEqual(['Biên chế', 'C9', 'Cảnh báo', 'Vượt mức "tối đa"; theo NĐ 90/2020, cần xem lại', 'cap_exceeded']);
});

test('text that Excel would compute is kept as text; line breaks stay inside their field; a leading tab or CR is neutralised too', () => {
  const csv = findingsCsv([
    finding({ sheet: '=SUM(A1)', message: '+1 dòng\nthứ hai', severity: 'info', code: 'text_number' }),
    finding({ sheet: '\tTTHC', message: '\r=1+1' }),
  ]);
  const rows = parseSemicolonCsv(csv.slice(1));
  expect(rows[1]).toEqual(["'=SUM(A1)", 'F7', 'Gợi ý', "'+1 dòng\nthứ hai", 'text_number']);
  expect(rows[2]!.slice(0, 4)).toEqual(["'\tTTHC", 'F7', 'Lỗi', "'\r'=1+1"]);
});

test('a formula after any separator a locale may split on is neutralised: ";" (Vietnamese Windows), "," and tab', () => {
  const csv = findingsCsv([finding({ sheet: 'A;=2+5;', cell: 'B2', message: 'x,+1\t@SUM(A1) ; -3 và 5-2=3' })]);
  const line = csv.split('\r\n')[1]!;
  // Every = + - @ that would open a field on a ";", "," or tab machine has an apostrophe before it;
  // "5-2=3" inside a field is not at a field's start and stays.
  expect(line).toBe(`"A;'=2+5;";"B2";"Lỗi";"x,'+1\t'@SUM(A1) ; '-3 và 5-2=3";"sum_mismatch"`);
  // Even split naively, ignoring the quotes: no piece starts with a formula sign.
  for (const piece of line.split(/[;,\t]/)) expect(piece.replace(/^"/, '')).not.toMatch(/^\s*[=+\-@]/);
});

test('the error sample: one CSV line per finding, its 14 planted errors with their figures, read back in five columns', async () => {
  const report = checkWorkbook(await readWorkbook(readFileSync(join(ROOT, 'assets/samples/mau-co-loi.xlsx')), 'mau-co-loi.xlsx'));
  const rows = parseSemicolonCsv(findingsCsv(report.issues).replace(/^\uFEFF/, ''));
  expect(rows[0]).toEqual(HEADER);
  expect(rows).toHaveLength(report.issues.length + 1);
  for (const r of rows) expect(r).toHaveLength(5);
  const errors = rows.filter((r) => r[2] === 'Lỗi');
  // The 14 planted mistakes of assets/samples/mau-co-loi.md, at their cells.
  expect(errors.map((r) => `${r[0]}!${r[1]}`).sort()).toEqual(
    ['Thông tin!B9', 'TTHC!F7', 'TTHC!B8', 'TTHC!M9', 'TTHC!C10', 'TTHC!K12', 'TTHC!B23', 'TTHC!G19', 'TTHC!B27', 'Biên chế!F6', 'Biên chế!E9', 'Biên chế!B14', 'Biên chế!D18', 'Hài lòng!F6'].sort(),
  );
  const at = (cell: string) => errors.find((r) => `${r[0]}!${r[1]}` === cell)!;
  // Dược phẩm: 50 + 25 + 2 = 77 against the 80 written; Biên chế E9: 61 + 2.128 + 2.681 = 4.870 against 4.876.
  expect(at('TTHC!F7')[3]).toMatch(/ghi 80, nhưng .*= 77\./);
  expect(at('TTHC!F7')[4]).toBe('sum_mismatch');
  expect(at('Biên chế!E9')[3]).toMatch(/ghi 4\.876, nhưng .*= 4\.870\./);
  // 23 / 27 = 85,19%: the message's "," and "%" stay in its one cell.
  expect(at('Biên chế!D18')[3]).toMatch(/ghi 88,46%, .*= 85,19%/);
  // The officer's columns hold no code.
  for (const r of rows.slice(1)) for (const cell of r.slice(0, 4)) expect(cell).not.toMatch(/^[a-z]+(_[a-z]+)+$/);
});

const soffice = findTool(['/usr/bin/soffice', '/usr/local/bin/soffice']);
if (!soffice) missingTool('LibreOffice (soffice)', 'the findings CSV read back by a spreadsheet');
else
  test('LibreOffice, told the separator of Vietnamese regional settings, opens the CSV in five columns with the messages whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-csv-'));
    try {
      const messages = ['Tổng 12; đã giải quyết 10, còn 2', '=1+1 không phải công thức', 'Trước hạn 50 + đúng hạn 25 = 75'];
      const file = join(dir, 'phat-hien.csv');
      writeFileSync(file, findingsCsv(messages.map((message, i) => finding({ cell: `B${i + 6}`, message }))));
      // Filter options: separator 59 (";"), text delimiter 34 ('"'), character set 76 (UTF-8), from line 1.
      execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:59,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, file], { timeout: 120000, stdio: 'pipe' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'phat-hien.xlsx'));
      const ws = wb.worksheets[0]!;
      const rows = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((v) => String(v)));
      expect(rows[0]).toEqual(HEADER);
      expect(rows.slice(1).map((r) => r.slice(1, 4))).toEqual([
        ['B6', 'Lỗi', 'Tổng 12; đã giải quyết 10, còn 2'],
        ['B7', 'Lỗi', "'=1+1 không phải công thức"],
        ['B8', 'Lỗi', 'Trước hạn 50 + đúng hạn 25 = 75'],
      ]);
      // Nothing became a formula.
      ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150000);

test('the .xlsx list has the same rows, as text, under a frozen header', async () => {
  const bytes = await findingsXlsx([finding({}), finding({ sheet: 'Hài lòng', cell: 'F6', code: 'satisfaction_inconsistent', message: '=95% > 92,03%' })]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Phát hiện')!;
  expect(ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
    HEADER,
    ['TTHC', 'F7', 'Lỗi', 'Đã giải quyết ghi 80 nhưng tổng là 77.', 'sum_mismatch'],
    ['Hài lòng', 'F6', 'Lỗi', '=95% > 92,03%', 'satisfaction_inconsistent'],
  ]);
  expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.String);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('file names follow the workbook', () => {
  expect(findingsFileName('mau-co-loi.xlsx', 'csv')).toBe('Phát hiện - mau-co-loi.csv');
  expect(findingsFileName(undefined, 'xlsx')).toBe('Phát hiện.xlsx');
});

test('the .xlsx list drops what XML forbids and says so on a last line', async () => {
  const bytes = await findingsXlsx([finding({ sheet: 'TTHC\uFFFF', message: 'a\uD800b _x0041_' })]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Phát hiện')!;
  expect(ws.getCell('A2').value).toBe('TTHC');
  // Written as _x005F_x0041_, which a spreadsheet decodes back to the text as typed.
  expect(ws.getCell('D2').value).toBe('ab _x0041_');
  expect(String(ws.getCell('D3').value)).toMatch(/^Đã bỏ ký tự không được phép .* khỏi 2 đoạn chữ/);
});

describe('the .xlsx list, written without ExcelJS, is the file ExcelJS wrote', () => {
  const findings = [
    finding({}),
    finding({ severity: 'warning', code: 'cap_exceeded', sheet: "Biên chế 'cũ'", cell: 'C9', message: 'Vượt mức "tối đa" <90> & cần xem lại\ndòng thứ hai' }),
    finding({ severity: 'info', code: 'text_number', sheet: 'TTHC', cell: 'B8', message: '  hai khoảng trắng đầu' }),
  ];
  /** What the page wrote with ExcelJS before, as it wrote it: the reference the new file is read against. */
  async function withExcelJs(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phát hiện', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [16, 8, 10, 100, 26].map((width, i) => ({ header: HEADER[i], width }));
    ws.getRow(1).font = { bold: true };
    ws.addRow(['TTHC', 'F7', 'Lỗi', 'Đã giải quyết ghi 80 nhưng tổng là 77.', 'sum_mismatch']);
    ws.addRow(["Biên chế 'cũ'", 'C9', 'Cảnh báo', 'Vượt mức "tối đa" <90> & cần xem lại\ndòng thứ hai', 'cap_exceeded']);
    ws.addRow(['TTHC', 'B8', 'Gợi ý', '  hai khoảng trắng đầu', 'text_number']);
    ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
    ws.autoFilter = { from: 'A1', to: 'E4' };
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return back;
  }

  test('values, types, widths, bold header, wrapped messages, frozen header and AutoFilter read back by ExcelJS', async () => {
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.load((await findingsXlsx(findings)) as unknown as ArrayBuffer);
    const theirs = await withExcelJs();
    expect(ours.worksheets.map((w) => w.name)).toEqual(['Phát hiện']);
    const a = ours.getWorksheet('Phát hiện')!;
    const b = theirs.getWorksheet('Phát hiện')!;
    expect(a.getSheetValues()).toEqual(b.getSheetValues());
    expect(a.rowCount).toBe(4);
    for (let r = 1; r <= 4; r++)
      for (let c = 1; c <= 5; c++) {
        const [x, y] = [a.getCell(r, c), b.getCell(r, c)];
        expect(x.type).toBe(ExcelJS.ValueType.String);
        expect([r, c, !!x.font?.bold, x.alignment?.wrapText ?? false, x.alignment?.vertical]).toEqual([r, c, !!y.font?.bold, y.alignment?.wrapText ?? false, y.alignment?.vertical]);
      }
    // The header bold, only column D wrapped: stated here too, not only as "the same as before".
    expect([1, 2, 3, 4, 5].map((c) => !!a.getCell(1, c).font?.bold)).toEqual([true, true, true, true, true]);
    expect([1, 2, 3, 4, 5].map((c) => !!a.getCell(2, c).font?.bold)).toEqual([false, false, false, false, false]);
    expect([1, 2, 3, 4, 5].map((c) => a.getCell(3, c).alignment?.wrapText ?? false)).toEqual([false, false, false, true, false]);
    expect(a.columns.map((c) => c.width)).toEqual([16, 8, 10, 100, 26]);
    expect(a.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(a.autoFilter).toBe('A1:E4');
  });

  const soffice = findTool(['/usr/bin/soffice', '/usr/local/bin/soffice']);
  if (!soffice) missingTool('LibreOffice (soffice)', 'the findings .xlsx opened by a spreadsheet');
  else
    test('LibreOffice opens it and gives back the same rows', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cchc-xlsx-list-'));
      return findingsXlsx(findings).then((bytes) => {
        try {
          writeFileSync(join(dir, 'phat-hien.xlsx'), bytes);
          // Filter options: separator 59 (";"), text delimiter 34 ('"'), character set 76 (UTF-8).
          execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, join(dir, 'phat-hien.xlsx')], { timeout: 120000, stdio: 'pipe' });
          const rows = parseSemicolonCsv(readFileSync(join(dir, 'phat-hien.csv'), 'utf8').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n'));
          expect(rows.slice(0, 4)).toEqual([
            HEADER,
            ['TTHC', 'F7', 'Lỗi', 'Đã giải quyết ghi 80 nhưng tổng là 77.', 'sum_mismatch'],
            ["Biên chế 'cũ'", 'C9', 'Cảnh báo', 'Vượt mức "tối đa" <90> & cần xem lại\r\ndòng thứ hai', 'cap_exceeded'],
            ['TTHC', 'B8', 'Gợi ý', '  hai khoảng trắng đầu', 'text_number'],
          ]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }, 150000);

  test("the project's own reader reads it whole", async () => {
    const model = await readWorkbook(await findingsXlsx(findings), 'phat-hien.xlsx');
    expect(model.sheets.map((s) => s.name)).toEqual(['Phát hiện']);
    const text = model.sheets[0]!.rows.map((r) => r.map((c) => c?.v));
    expect(text[0]).toEqual(HEADER);
    expect(text[2]).toEqual(["Biên chế 'cũ'", 'C9', 'Cảnh báo', 'Vượt mức "tối đa" <90> & cần xem lại\ndòng thứ hai', 'cap_exceeded']);
    expect(text[3]![3]).toBe('  hai khoảng trắng đầu');
  });
});
