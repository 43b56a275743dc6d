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
 * - a workbook with last quarter's sheet hidden (`trang-an.xlsx`, .xls, .ods).
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
  // The byte counts the test relies on: a Windows-1258 file is not valid UTF-8.
  const bytes = readFileSync(win);
  if (new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes('\ufffd') === false) throw new Error('the Windows-1258 save came out as UTF-8');
}

if (require.main === module) void main();
