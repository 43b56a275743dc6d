import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook, UnreadableWorkbookError, LIMITS } from '../../src/xlsx/read';
import { sniffFormat } from '../../src/xlsx/sniff';
import { buildWorkbook } from '../../src/xlsx/template';
import { CLEAN_SAMPLE } from '../../src/xlsx/samples';
import { normalizeCell, cellText } from '../../src/core/cells';
import { getCell, parseA1, type SheetGrid, type WorkbookModel } from '../../src/core/model';
import { cellsPastThePageLimit, spansPastTheLimit } from '../helpers/hostile-cases';

const FIX = join(__dirname, '..', 'fixtures', 'html');
const fixture = (name: string) => readFileSync(join(FIX, name));
const html = (s: string) => new TextEncoder().encode(s);
const at = (sheet: SheetGrid, a1: string) => getCell(sheet, parseA1(a1))?.v;

async function refusal(data: Uint8Array, name?: string): Promise<UnreadableWorkbookError> {
  const err = await readWorkbook(data, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}

describe('a one-stop system export (HTML table saved as .xls)', () => {
  let model: WorkbookModel;
  let sheet: SheetGrid;
  beforeAll(async () => {
    model = await readWorkbook(fixture('mot-cua-kon-tum-q3-2022-dung.xls'), 'mot-cua-kon-tum-q3-2022-dung.xls');
    sheet = model.sheets[0]!;
  });

  it('opens as one sheet named after the file, as Excel names it', () => {
    expect(model.sheets.map((s) => s.name)).toEqual(['mot-cua-kon-tum-q3-2022-dung']);
    expect(model.fileName).toBe('mot-cua-kon-tum-q3-2022-dung.xls');
    expect(model.tables).toEqual([]);
  });

  it('puts the title lines one per row in column A, above the table', () => {
    expect([at(sheet, 'A1'), at(sheet, 'A2'), at(sheet, 'A3')]).toEqual([
      'THỐNG KÊ TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH',
      'Đơn vị: Sở Y tế tỉnh Kon Tum',
      'Từ ngày 15/06/2022 đến ngày 14/09/2022',
    ]);
  });

  it('places the two header rows as Excel does: group text in the first cell of its span, spans recorded as merges', () => {
    // Row 4: STT, Lĩnh vực (2 rows each), Tiếp nhận over C:G, Đã xử lý over H:K, Đang xử lý over L:M, Bổ sung, Trả lại.
    expect(['A4', 'B4', 'C4', 'D4', 'H4', 'L4', 'N4'].map((a) => at(sheet, a))).toEqual(['STT', 'Lĩnh vực', 'Tiếp nhận', undefined, 'Đã xử lý', 'Đang xử lý', 'Bổ sung']);
    expect(cellText(getCell(sheet, parseA1('O4')))).toBe('Trả lại/ Rút HS');
    // Row 5 starts under the row-spanning STT and Lĩnh vực, so its first cell lands in C.
    expect(at(sheet, 'A5')).toBeUndefined();
    expect(at(sheet, 'B5')).toBeUndefined();
    expect(['C5', 'D5', 'E5', 'F5', 'G5', 'H5', 'I5', 'J5', 'K5', 'L5', 'M5'].map((a) => at(sheet, a))).toEqual([
      'Tổng số', 'Kỳ trước', 'Trong kỳ', 'Qua mạng', 'Qua BCCI', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ trước hạn, đúng hạn', 'Trong hạn', 'Quá hạn',
    ]);
    expect(at(sheet, 'N5')).toBeUndefined();
    expect(sheet.merges).toEqual(['A4:A5', 'B4:B5', 'C4:G4', 'H4:K4', 'L4:M4', 'N4:N5', 'O4:O5', 'A12:B12']);
  });

  it('keeps the figures as the text the system printed, for the core to read', () => {
    // An toàn thực phẩm (row 9): 18 online + 30 in person + 5 carried = 53; (30 + 16) / 47 = 97,87%.
    expect(['B9', 'C9', 'D9', 'E9', 'K9'].map((a) => at(sheet, a))).toEqual(['An toàn thực phẩm', '53', '5', '48', '97.87%']);
    const rate = normalizeCell(getCell(sheet, parseA1('K9')));
    expect(rate).toMatchObject({ t: 'num', value: 97.87, percent: true });
    // The totals row, first cell spanning A:B; 297 received in the quarter and 10 by BCCI, as seed 003 says.
    expect(['A12', 'B12', 'C12', 'E12', 'G12'].map((a) => at(sheet, a))).toEqual(['Tổng cộng', undefined, '329', '297', '10']);
    expect(normalizeCell(getCell(sheet, parseA1('K12')))).toMatchObject({ t: 'num', value: 99.65, percent: true });
  });

  it('lays the second table directly under the first, then the note', () => {
    expect(['A13', 'B13', 'D13'].map((a) => at(sheet, a))).toEqual(['Chỉ tiêu', 'Số phát sinh', 'Tỷ lệ']);
    expect(['A15', 'B15', 'C15', 'D15'].map((a) => at(sheet, a))).toEqual(['Hồ sơ tiếp nhận qua dịch vụ BCCI', '10', '297', '3.37%']);
    expect(at(sheet, 'A17')).toBe('Ngày xuất báo cáo: 15/09/2022');
    expect(sheet.rows.length).toBe(17);
  });
});

describe('HTML placement rules', () => {
  it('skips slots taken by a rowspan from above in the middle of a row, and clamps spans to the table', async () => {
    const m = await readWorkbook(
      html(`<table>
        <tr><td>a</td><td rowspan="2">b</td><td>c</td><td rowspan="9">d</td></tr>
        <tr><td>e</td><td>f</td></tr>
        <tr><td colspan="2">g</td><td>h</td></tr>
      </table>`),
    );
    const s = m.sheets[0]!;
    expect(s.rows.map((r) => Array.from(r, (c) => c?.v ?? null))).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', null, 'f'],
      ['g', null, 'h'],
    ]);
    // "d" spans to the table's last row (row 3), not nine rows.
    expect(s.merges).toEqual(['B1:B2', 'D1:D3', 'A3:B3']);
  });

  it('walks through a layout table that holds the data table, instead of flattening it into one cell', async () => {
    const m = await readWorkbook(
      html(`<table width="100%"><tr><td><b>THỐNG KÊ</b></td></tr><tr><td>
        <table border="1"><tr><th colspan="2">Tiếp nhận</th></tr><tr><td>Tổng số</td><td>Qua mạng</td></tr><tr><td>1.500</td><td>124</td></tr></table>
      </td></tr><tr><td>Ghi chú: số liệu tự động</td></tr></table>`),
    );
    const s = m.sheets[0]!;
    expect(s.rows.map((r) => Array.from(r, (c) => c?.v ?? null))).toEqual([['THỐNG KÊ'], ['Tiếp nhận'], ['Tổng số', 'Qua mạng'], ['1.500', '124'], ['Ghi chú: số liệu tự động']]);
    expect(s.merges).toEqual(['A2:B2']);
  });

  it('reads numbers as text, "1.500" being one thousand five hundred for the core, and keeps Excel x:num values', async () => {
    const m = await readWorkbook(html('<table><tr><td>1.500</td><td>99.94%</td><td x:num="1500">1,500</td><td>&nbsp;</td><td>2.771</td></tr></table>'));
    const row = m.sheets[0]!.rows[0]!;
    expect(Array.from(row, (c) => c?.v)).toEqual(['1.500', '99.94%', 1500, undefined, '2.771']);
    expect(normalizeCell(row[0])).toMatchObject({ t: 'num', value: 1500 });
    expect(normalizeCell(row[1])).toMatchObject({ t: 'num', value: 99.94, percent: true, decimals: 2 });
    expect(normalizeCell(row[4])).toMatchObject({ t: 'num', value: 2771 });
  });

  it('decodes UTF-16 pages with a byte-order mark and pages that declare their charset', async () => {
    const text = '<table><tr><td>Trả lại/ Rút HS</td></tr></table>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect((await readWorkbook(utf16)).sheets[0]!.rows[0]![0]!.v).toBe('Trả lại/ Rút HS');
    // A declared single-byte charset: é is the byte 0xE9 in windows-1252, invalid alone in UTF-8.
    const latin = Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252"><table><tr><td>caf'), 0xe9, ...new TextEncoder().encode('</td></tr></table>')]);
    expect((await readWorkbook(latin)).sheets[0]!.rows[0]![0]!.v).toBe('café');
    // Undeclared and not UTF-8: Windows-1258, where "ố" is ô (0xF4) and a combining acute (0xEC).
    const cp1258 = Uint8Array.from([...new TextEncoder().encode('<table><tr><td>S'), 0xf4, 0xec, ...new TextEncoder().encode('</td></tr></table>')]);
    expect((await readWorkbook(cp1258)).sheets[0]!.rows[0]![0]!.v).toBe('Số');
  });

  it('is recognised by content, not by name: an .xlsx named .xls and a page named .xlsx both read', async () => {
    const xlsx = await buildWorkbook(CLEAN_SAMPLE);
    expect(sniffFormat(xlsx)).toBe('zip');
    const asXls = await readWorkbook(xlsx, 'so-lieu.xls');
    expect(asXls.sheets.length).toBeGreaterThan(1);
    const page = await readWorkbook(html('\uFEFF \r\n <!DOCTYPE html><table><tr><td>x</td></tr></table>'), 'so-lieu.xlsx');
    expect(page.sheets[0]!.name).toBe('so-lieu');
    expect(sniffFormat(html('Báo cáo CCHC quý I'))).toBe('unknown');
  });

  it('refuses a page without any figure', async () => {
    const e = await refusal(html('<html><body><script>1</script></body></html>'));
    expect(e.reason).toBe('parse_failed');
    expect(e.message).toMatch(/không có bảng số liệu/);
  });

  // The time of both refusals, against reading a real export, is measured by bench/refusals.ts.
  it('refuses spans that would make more cells than the limit', async () => {
    const e = await refusal(html(spansPastTheLimit()));
    expect(e.reason).toBe('too_many_cells');
  });

  it('refuses a page with more cells than the limit before parsing it', async () => {
    const e = await refusal(html(cellsPastThePageLimit()));
    expect(e.reason).toBe('too_many_cells');
  });

  it('refuses a page larger than the file limit before parsing it', async () => {
    const big = new Uint8Array(LIMITS.maxFileBytes + 1).fill(0x20);
    big.set(new TextEncoder().encode('<table><tr><td>'));
    const e = await refusal(big);
    expect(e.reason).toBe('too_large');
    expect(e.message).toMatch(/quá lớn/);
  });
});

describe('OLE2 and OpenDocument files', () => {
  it('an OLE2 signature without a compound file behind it is refused as a broken .xls', async () => {
    const e = await refusal(fixture('hong-excel-97-2003.xls'), 'hong-excel-97-2003.xls');
    expect(e.reason).toBe('parse_failed');
    expect(e.message).toContain('Tệp Excel 97-2003 (.xls) bị hỏng');
  });

  it('a LibreOffice .ods is read: sheet "TTHC", A1 "Lĩnh vực"', async () => {
    expect(sniffFormat(fixture('libreoffice-toi-thieu.ods'))).toBe('ods');
    const model = await readWorkbook(fixture('libreoffice-toi-thieu.ods'), 'libreoffice-toi-thieu.ods');
    expect(model.format).toBe('ods');
    expect(model.sheets.map((s) => s.name)).toEqual(['TTHC']);
    expect(model.sheets[0]!.rows[0]![0]).toEqual({ v: 'Lĩnh vực' });
  });

  it('an encrypted workbook keeps its own advice (remove the password), not the .xls one', async () => {
    const utf16 = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
    const e = await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0), ...utf16('EncryptedPackage'), ...new Array(600).fill(0)]));
    expect(e.reason).toBe('encrypted');
  });
});

describe('an Excel 2003 XML spreadsheet saved as .xls', () => {
  let model: WorkbookModel;
  beforeAll(async () => {
    model = await readWorkbook(fixture('mot-cua-kon-tum-q3-2022-xml-2003-dung.xls'), 'x.xls');
  });

  it('is read with its sheet name, typed numbers, spans as merges and its defined names', () => {
    expect(sniffFormat(fixture('mot-cua-kon-tum-q3-2022-xml-2003-dung.xls'))).toBe('spreadsheetml2003');
    const s = model.sheets[0]!;
    expect(s.name).toBe('Thống kê');
    expect(s.merges).toEqual(['A4:A5', 'B4:B5', 'C4:G4', 'H4:K4', 'L4:M4', 'N4:N5', 'O4:O5', 'A12:B12']);
    // Row 5 starts at column C (ss:Index="3"), under the row-spanning STT and Lĩnh vực.
    expect(['A5', 'C5', 'K5', 'M5'].map((a) => at(s, a))).toEqual([undefined, 'Tổng số', 'Tỷ lệ trước hạn, đúng hạn', 'Quá hạn']);
    // An toàn thực phẩm: 53 received, (30 + 16) / 47 = 0,9787 stored as a fraction with a % format.
    expect(['B9', 'C9', 'K9'].map((a) => at(s, a))).toEqual(['An toàn thực phẩm', 53, 0.9787]);
    expect(getCell(s, parseA1('K9'))?.z).toBe('0.00%');
    expect(model.names).toEqual([{ name: 'DonViBaoCao', sheet: 'Thống kê', cell: 'A2' }]);
  });

  it('turns R1C1 formulas into A1, keeps cached results and computes a missing one', () => {
    const s = model.sheets[0]!;
    expect(getCell(s, parseA1('D12'))).toEqual({ v: 32, f: 'SUM(D6:D11)' });
    // 114 + 102 + 11 + 53 + 16 + 33 = 329, computed because the file gave no result.
    expect(getCell(s, parseA1('C12'))).toEqual({ v: 329, f: 'SUM(C6:C11)', computed: true });
  });

  it('refuses a broken one with advice', async () => {
    const e = await refusal(html('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row>'));
    expect(e.reason).toBe('parse_failed');
    expect(e.message).toMatch(/XML 2003/);
  });
});
