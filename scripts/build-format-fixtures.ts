/**
 * `npm run fixtures:formats`: writes the other-format saves of test/fixtures/layouts/, the files
 * officers really send besides .xlsx, each made by the program that makes them in offices
 * (LibreOffice, with a profile of its own), never by this project's readers or writers:
 *
 * - `<name>.xls` (Excel 97-2003, BIFF8) and `<name>.ods` of each layout workbook, from the committed
 *   .xlsx (scripts/build-layout-fixtures.ts);
 * - CSV saves of the one-sheet layouts, as Vietnamese and English offices write them: UTF-8 with ","
 *   and English numbers; UTF-16 with tabs ("Unicode Text"); UTF-8 with ";" and Vietnamese numbers
 *   ("88,46%", "2.771"); the same in Windows-1258 (recoded by iconv, as Vietnamese Windows writes);
 * - an old-encoding workbook (`ma-cu-tcvn3-vni.xlsx`, .xls, .ods): unit and lĩnh vực names typed in
 *   TCVN3 (".VnTime") and VNI ("VNI-Times") fonts, the text being the Windows-1252 reading of
 *   the bytes, as Excel holds it;
 * - a workbook with last quarter's sheet hidden (`trang-an.xlsx`, .xls, .ods);
 * - Excel 2003 XML saves (`<name>.xml`, "XML Spreadsheet 2003", what .NET reporting systems export)
 *   of the layout workbooks, of the two above and of semantics/trang-an-quy-truoc-bo-qua.xlsx
 *   (a hidden sheet holding a report table, which the check must name), written here from the
 *   committed .xlsx (see excel2003Xml for why not by LibreOffice). `npm run fixtures:formats -- xml`
 *   writes only these, leaving LibreOffice's saves as they are.
 *
 * test/xlsx/formats.test.ts lists what each must read to; the figures are those of the layout
 * fixtures (worked out by hand in test/layouts/layouts.test.ts) or of the construction below.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const OUT = resolve(__dirname, '../test/fixtures/layouts');

/** The layout workbooks saved in the other formats. */
export const LAYOUTS = ['bieu06-chinh-thuc-co-loi', 'bieu06-bien-the-tinh-co-loi', 'trang-tinh-don-gian-co-loi'] as const;

/** A byte string: the characters Excel shows for bytes typed in an 8-bit font (Windows-1252). */
const cp1252 = (...bytes: (number | string)[]) => bytes.map((b) => (typeof b === 'string' ? b : new TextDecoder('windows-1252').decode(new Uint8Array([b])))).join('');

/**
 * Names typed in old fonts, with the Unicode they stand for. TCVN3 bytes from TCVN 5712:1993
 * (ở EB, ế D5, ỉ D8, à B5, ồ E5, ơ AC, á B8, ệ D6, ữ F7, ư AD, ợ EE, ẩ C8), VNI bytes as VNI-Times
 * types them (ơ F4 then the hỏi mark FB: "Sôû"; ế = e + E1; Đ D1; ị F2).
 */
export const OLD_TEXT = {
  tcvn3: [
    [cp1252('S', 0xeb, ' Y t', 0xd5, ' t', 0xd8, 'nh H', 0xb5, ' Giang'), 'Sở Y tế tỉnh Hà Giang'],
    [cp1252('H', 0xe5, ' s', 0xac), 'Hồ sơ'],
    [cp1252('Kh', 0xb8, 'm b', 0xd6, 'nh, ch', 0xf7, 'a b', 0xd6, 'nh'), 'Khám bệnh, chữa bệnh'],
    [cp1252('D', 0xad, 0xee, 'c ph', 0xc8, 'm'), 'Dược phẩm'],
  ],
  vni: [
    [cp1252('S', 0xf4, 0xfb, ' Y te', 0xe1), 'Sở Y tế'],
    [cp1252(0xd1, 0xf4, 'n v', 0xf2), 'Đơn vị'],
  ],
} as const;

async function oldEncodingWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ma cu');
  const put = (ref: string, v: string | number, font?: string) => {
    const c = ws.getCell(ref);
    c.value = v;
    if (font) c.font = { name: font, size: 12 };
  };
  // TCVN3: four cells in .VnTime, one title in .VnTimeH (capitals).
  OLD_TEXT.tcvn3.forEach(([text], i) => put(`A${i + 1}`, text, '.VnTime'));
  put('A5', cp1252('b', 0xb8, 'o c', 0xb8, 'o'), '.VnTimeH');
  // VNI: two cells.
  OLD_TEXT.vni.forEach(([text], i) => put(`B${i + 1}`, text, 'VNI-Times'));
  // A Unicode cell and a number in a TCVN3 font: nothing to convert.
  put('C1', 'Sở Y tế', 'Times New Roman');
  put('C2', 42, '.VnTime');
  put('C3', 'TTHC', '.VnTime');
  return wb;
}

async function hiddenSheetWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const q2 = wb.addWorksheet('Quy II');
  q2.state = 'hidden';
  q2.getCell('A1').value = 'Quý II năm 2023';
  q2.getCell('B2').value = 11;
  const q3 = wb.addWorksheet('Quy III');
  q3.getCell('A1').value = 'Quý III năm 2023';
  q3.getCell('B2').value = 13;
  // Merged, as a title over a table is.
  q3.mergeCells('A1:D1');
  const note = wb.addWorksheet('Ghi chu');
  note.state = 'veryHidden';
  note.getCell('A1').value = 'x';
  // The visible sheet is the active one: an application shows (unhides) the sheet it opens on.
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}

const escText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
const escAttr = (t: string) => escText(t).replace(/"/g, '&quot;').replace(/\t/g, '&#9;');

/**
 * An ExcelJS workbook as Excel 2003 writes it in "XML Spreadsheet 2003" (Microsoft's XML
 * Spreadsheet Reference, https://learn.microsoft.com/previous-versions/office/developer/office-xp/aa140066(v=office.10)):
 * a Default ("Normal") style and one style per font and number format the cells use, cells placed
 * by ss:Index where they skip, merged areas as ss:MergeAcross / ss:MergeDown on their first cell
 * (the cells they cover are not written), hidden sheets as <Visible> in the worksheet's options.
 *
 * Written here rather than by LibreOffice: its "MS Excel 2003 XML" export (an XSLT,
 * share/xslt/export/spreadsheetml in LibreOffice 7.4) fails on every one of these files
 * ("potential infinite template recursion": it copies a column element once per repeated column,
 * and the columns repeated to the sheet's edge pass libxslt's depth of 3 000), and it writes no
 * sheet visibility at all. The fixtures hold numbers, text and merged areas only; any other value
 * stops the script rather than being written wrong.
 */
export function excel2003Xml(wb: ExcelJS.Workbook): string {
  const styles = new Map<string, { id: string; font?: string; size?: number; format?: string }>();
  const styleOf = (cell: ExcelJS.Cell): string | null => {
    const font = cell.font?.name && cell.font.name !== 'Calibri' ? cell.font.name : undefined;
    // Excel names its own "0.00%" format "Percent".
    const format = cell.numFmt ? (cell.numFmt === '0.00%' ? 'Percent' : cell.numFmt) : undefined;
    if (!font && !format) return null;
    const key = `${font ?? ''}\u0000${format ?? ''}`;
    let st = styles.get(key);
    if (!st) styles.set(key, (st = { id: `s${62 + styles.size}`, ...(font ? { font, size: cell.font?.size ?? 11 } : {}), ...(format ? { format } : {}) }));
    return st.id;
  };
  const sheets: string[] = [];
  for (const ws of wb.worksheets) {
    const master = new Map<string, { across: number; down: number }>();
    for (const m of ws.model.merges ?? []) {
      const [a, b] = m.split(':').map((ref) => ws.getCell(ref!));
      master.set(a!.address, { across: Number(b!.col) - Number(a!.col), down: Number(b!.row) - Number(a!.row) });
    }
    const rows: string[] = [];
    let lastRow = 0;
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      let next = 1;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const merge = master.get(cell.address);
        if (cell.type === ExcelJS.ValueType.Merge || (cell.type === ExcelJS.ValueType.Null && !merge)) return;
        let data = '';
        if (cell.type === ExcelJS.ValueType.Number) data = `<Data ss:Type="Number">${cell.value as number}</Data>`;
        else if (cell.type === ExcelJS.ValueType.String) data = `<Data ss:Type="String">${escText(cell.value as string)}</Data>`;
        else if (cell.type !== ExcelJS.ValueType.Null) throw new Error(`${ws.name}!${cell.address}: no Excel 2003 XML writing for cell type ${cell.type}`);
        const style = styleOf(cell);
        const attrs = [c !== next ? ` ss:Index="${c}"` : '', merge?.across ? ` ss:MergeAcross="${merge.across}"` : '', merge?.down ? ` ss:MergeDown="${merge.down}"` : '', style ? ` ss:StyleID="${style}"` : ''].join('');
        cells.push(data ? `<Cell${attrs}>${data}</Cell>` : `<Cell${attrs}/>`);
        next = c + (merge?.across ?? 0) + 1;
        width = Math.max(width, next - 1);
      });
      if (!cells.length) return;
      rows.push(`   <Row${r !== lastRow + 1 ? ` ss:Index="${r}"` : ''}>\n    ${cells.join('\n    ')}\n   </Row>`);
      lastRow = r;
    });
    const visible = ws.state === 'hidden' ? 'SheetHidden' : ws.state === 'veryHidden' ? 'SheetVeryHidden' : null;
    sheets.push(
      [
        ` <Worksheet ss:Name="${escAttr(ws.name)}">`,
        `  <Table ss:ExpandedColumnCount="${width}" ss:ExpandedRowCount="${lastRow}" x:FullColumns="1" x:FullRows="1" ss:DefaultRowHeight="15">`,
        ...rows,
        '  </Table>',
        '  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">',
        ...(visible ? [`   <Visible>${visible}</Visible>`] : []),
        '   <ProtectObjects>False</ProtectObjects>',
        '   <ProtectScenarios>False</ProtectScenarios>',
        '  </WorksheetOptions>',
        ' </Worksheet>',
      ].join('\n'),
    );
  }
  const styleXml = [...styles.values()].map((st) => `  <Style ss:ID="${st.id}">${st.font ? `<Font ss:FontName="${escAttr(st.font)}" ss:Size="${st.size}"/>` : ''}${st.format ? `<NumberFormat ss:Format="${escAttr(st.format)}"/>` : ''}</Style>`);
  return [
    '<?xml version="1.0"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"',
    ' xmlns:o="urn:schemas-microsoft-com:office:office"',
    ' xmlns:x="urn:schemas-microsoft-com:office:excel"',
    ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"',
    ' xmlns:html="http://www.w3.org/TR/REC-html40">',
    ' <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">',
    `  <Author>${escText(wb.creator || 'Cán bộ Sở Y tế')}</Author>`,
    '  <Version>11.9999</Version>',
    ' </DocumentProperties>',
    ' <Styles>',
    '  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/><Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Color="#000000"/></Style>',
    ...styleXml,
    ' </Styles>',
    ...sheets,
    '</Workbook>',
    '',
  ].join('\n');
}

/** The committed .xlsx `src` (under test/fixtures/layouts) saved as Excel 2003 XML under `outName`. */
async function writeXml(src: string, outName: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(OUT, src));
  writeFileSync(join(OUT, outName), excel2003Xml(wb));
  console.log(`đã ghi test/fixtures/layouts/${outName} (Excel 2003 XML)`);
}

/** Every Excel 2003 XML save. */
async function writeXmlSaves(): Promise<void> {
  for (const name of [...LAYOUTS, 'ma-cu-tcvn3-vni', 'trang-an']) await writeXml(`${name}.xlsx`, `${name}.xml`);
  await writeXml('semantics/trang-an-quy-truoc-bo-qua.xlsx', 'trang-an-quy-truoc-bo-qua.xml');
}

async function writeXlsx(name: string, wb: ExcelJS.Workbook): Promise<string> {
  wb.creator = 'Cán bộ Sở Y tế';
  wb.created = new Date(Date.UTC(2023, 2, 20));
  wb.modified = wb.created;
  const path = join(OUT, name);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  console.log(`đã ghi test/fixtures/layouts/${name}`);
  return path;
}

/** LibreOffice converts `src` with `filter` (its own profile; LANG for the number convention of CSV). */
function convert(src: string, filter: string, ext: string, outName: string, lang = 'en_US.UTF-8'): string {
  const tmp = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', filter, '--outdir', join(tmp, 'out'), src], {
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, LANG: lang, LC_ALL: lang },
    });
    const produced = join(tmp, 'out', `${basename(src).replace(/\.xlsx$/, '')}.${ext}`);
    if (!existsSync(produced)) throw new Error(`LibreOffice did not write ${produced}`);
    const dest = join(OUT, outName);
    copyFileSync(produced, dest);
    console.log(`đã ghi test/fixtures/layouts/${outName} (LibreOffice)`);
    return dest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** CSV filter options of LibreOffice: separator, text quote, character set (76 UTF-8, 65535 UTF-16), … save as shown. */
const csv = (sep: number, charset: number) => `csv:Text - txt - csv (StarCalc):${sep},34,${charset},1,,0,false,true,true`;

async function main() {
  if (process.argv[2] === 'xml') {
    await writeXmlSaves();
    return;
  }
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('Cần LibreOffice (soffice) để tạo các tệp .xls, .ods và CSV.');
    process.exit(1);
  }
  for (const name of LAYOUTS) {
    const src = join(OUT, `${name}.xlsx`);
    convert(src, 'xls:MS Excel 97', 'xls', `${name}.xls`);
    convert(src, 'ods', 'ods', `${name}.ods`);
  }
  // CSV keeps one sheet: the one-sheet layouts, in the encodings and conventions officers meet.
  convert(join(OUT, 'trang-tinh-don-gian-co-loi.xlsx'), csv(44, 76), 'csv', 'trang-tinh-don-gian-co-loi.utf8-phay.csv');
  const semi = convert(join(OUT, 'trang-tinh-don-gian-co-loi.xlsx'), csv(59, 76), 'csv', 'trang-tinh-don-gian-co-loi.utf8-cham-phay.csv', 'vi_VN.UTF-8');
  const win = join(OUT, 'trang-tinh-don-gian-co-loi.windows-1258.csv');
  writeFileSync(win, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP1258', semi]));
  console.log('đã ghi test/fixtures/layouts/trang-tinh-don-gian-co-loi.windows-1258.csv (iconv)');
  convert(join(OUT, 'bieu06-chinh-thuc-co-loi.xlsx'), csv(9, 65535), 'csv', 'bieu06-chinh-thuc-co-loi.utf16-tab.csv', 'vi_VN.UTF-8');
  convert(join(OUT, 'bieu06-bien-the-tinh-co-loi.xlsx'), csv(44, 76), 'csv', 'bieu06-bien-the-tinh-co-loi.utf8-phay.csv');

  for (const [name, wb] of [
    ['ma-cu-tcvn3-vni', await oldEncodingWorkbook()],
    ['trang-an', await hiddenSheetWorkbook()],
  ] as const) {
    const src = await writeXlsx(`${name}.xlsx`, wb);
    convert(src, 'xls:MS Excel 97', 'xls', `${name}.xls`);
    convert(src, 'ods', 'ods', `${name}.ods`);
  }
  await writeXmlSaves();
  // The byte counts the test relies on: a Windows-1258 file is not valid UTF-8.
  const bytes = readFileSync(win);
  if (new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes('\ufffd') === false) throw new Error('the Windows-1258 save came out as UTF-8');
}

if (require.main === module) void main();
