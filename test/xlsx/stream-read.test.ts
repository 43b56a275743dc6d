/**
 * The streaming reader (src/xlsx/stream-read.ts, what readWorkbook uses) against the ExcelJS path
 * (readWorkbookWithExcelJs), cell by cell, on every .xlsx of the repository and on LibreOffice
 * re-saves; SpreadsheetML cases written by hand with their expected values stated here; and files
 * above the 500 000 cells the ExcelJS reader was limited to.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { LIMITS, readWorkbook } from '../../src/xlsx/read';
import { readWorkbookWithExcelJs } from '../support/read-exceljs';
import { colToLetters, findSheet, getCell, parseA1, type WorkbookModel } from '../../src/core/model';
import { findTool, missingTool } from '../helpers/tools';

const root = join(__dirname, '..', '..');

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return xlsxFiles(p);
    // The held-out corpus keeps two damaged files as found: their refusal is tested elsewhere.
    return /\.xlsx$/i.test(n) && !/-hong\.xlsx$/.test(n) ? [p] : [];
  });
}

/** JSON with keys in a fixed order, so that { v, e } and { e, v } compare equal. */
const canonical = (x: unknown): string => (x === undefined ? 'undefined' : JSON.stringify(x, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v)));

/** Every difference between two models, as "Sheet!A1: … ≠ …" lines (empty when equal). */
function differences(expected: WorkbookModel, actual: WorkbookModel): string[] {
  const out: string[] = [];
  const names = (m: WorkbookModel) => m.sheets.map((s) => s.name);
  if (JSON.stringify(names(expected)) !== JSON.stringify(names(actual))) out.push(`sheets: ${names(expected).join('|')} ≠ ${names(actual).join('|')}`);
  for (const e of expected.sheets) {
    const a = findSheet(actual, e.name);
    if (!a) continue;
    if (a.rows.length !== e.rows.length) out.push(`${e.name}: ${e.rows.length} rows ≠ ${a.rows.length}`);
    for (let r = 0; r < Math.max(e.rows.length, a.rows.length); r++) {
      const width = Math.max(e.rows[r]?.length ?? 0, a.rows[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const [x, y] = [canonical(e.rows[r]?.[c]), canonical(a.rows[r]?.[c])];
        if (x !== y) out.push(`${e.name}!${colToLetters(c)}${r + 1}: ${x} ≠ ${y}`);
      }
    }
  }
  if (JSON.stringify(expected.tables) !== JSON.stringify(actual.tables)) out.push(`tables: ${JSON.stringify(expected.tables)} ≠ ${JSON.stringify(actual.tables)}`);
  if (JSON.stringify(expected.names) !== JSON.stringify(actual.names)) out.push(`names: ${JSON.stringify(expected.names)} ≠ ${JSON.stringify(actual.names)}`);
  return out;
}

/**
 * The merged ranges of each sheet, read here with a DOM (not the reader's sax pass): workbook.xml
 * names the sheets, its relationships the parts, each part's <mergeCell ref>.
 */
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function mergesByDom(bytes: Uint8Array): Promise<Record<string, string[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const dom = async (p: string) => new DOMParser().parseFromString(await zip.file(p)!.async('string'), 'text/xml');
  const rels = new Map<string, string>();
  for (const rel of Array.from((await dom('xl/_rels/workbook.xml.rels')).getElementsByTagNameNS('*', 'Relationship'))) {
    const t = rel.getAttribute('Target')!;
    rels.set(rel.getAttribute('Id')!, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const out: Record<string, string[]> = {};
  for (const sheet of Array.from((await dom('xl/workbook.xml')).getElementsByTagNameNS(MAIN_NS, 'sheet'))) {
    const part = rels.get(sheet.getAttributeNS(REL_NS, 'id')!)!;
    if (!zip.file(part)) continue;
    const refs = Array.from((await dom(part)).getElementsByTagNameNS(MAIN_NS, 'mergeCell')).map((m) => m.getAttribute('ref')!);
    if (refs.length) out[sheet.getAttribute('name')!] = refs;
  }
  return out;
}

const mergesOf = (m: WorkbookModel) => Object.fromEntries(m.sheets.filter((s) => s.merges).map((s) => [s.name, s.merges!]));
const withoutMerges = (m: WorkbookModel): WorkbookModel => ({ ...m, sheets: m.sheets.map(({ merges: _merges, ...s }) => s) });

async function expectSameModel(bytes: Uint8Array): Promise<void> {
  const [reference, streamed] = await Promise.all([readWorkbookWithExcelJs(bytes), readWorkbook(bytes)]);
  expect(differences(reference, streamed)).toEqual([]);
  // Deep equality too: nothing outside the cells, tables and names (merges aside) may differ.
  expect(withoutMerges(streamed)).toEqual(reference);
  expect(mergesOf(streamed)).toEqual(await mergesByDom(bytes));
}

const files = [...xlsxFiles(join(root, 'test', 'fixtures')), ...xlsxFiles(join(root, 'assets'))].map((p) => relative(root, p));

describe('every .xlsx of the repository reads to the same model as through ExcelJS', () => {
  it('finds the fixtures, the layout corpus, the template and the samples', () => {
    expect(files).toEqual(expect.arrayContaining(['assets/templates/mau-chuan-cchc.xlsx', 'assets/samples/mau-sach.xlsx', 'test/fixtures/layouts/bieu06-chinh-thuc-libreoffice-co-loi.xlsx', 'test/fixtures/xlsx/reads-openxml-sdk-x-prefixed.xlsx']));
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it.each(files)('%s', async (file) => {
    await expectSameModel(readFileSync(join(root, file)));
  });

  it('the official Biểu 06 now carries its merged header as the host gives it', async () => {
    const m = await readWorkbook(readFileSync(join(root, 'test/fixtures/layouts/bieu06-chinh-thuc-co-loi.xlsx')));
    expect(m.sheets.some((s) => (s.merges ?? []).length > 0)).toBe(true);
  });
});

const soffice = findTool(['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']);
if (!soffice) missingTool('LibreOffice (soffice)', 'comparing the readers on files re-saved by LibreOffice');
(soffice ? describe : describe.skip)('files re-saved by LibreOffice read to the same model both ways', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-stream-lo-'));
  const sources = ['assets/samples/mau-sach.xlsx', 'assets/samples/mau-co-loi.xlsx', 'test/fixtures/layouts/bieu06-bien-the-tinh-co-loi.xlsx'];
  beforeAll(() => {
    sources.forEach((s, i) => writeFileSync(join(dir, `nguon-${i}.xlsx`), readFileSync(join(root, s))));
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), ...sources.map((_, i) => join(dir, `nguon-${i}.xlsx`))], { stdio: 'ignore', timeout: 180000 });
  }, 200000);
  it.each(sources.map((s, i) => [s, i] as const))('%s', async (_s, i) => {
    await expectSameModel(readFileSync(join(dir, 'out', `nguon-${i}.xlsx`)));
  });
});

const MAIN = MAIN_NS;
const REL = REL_NS;

/** A minimal package around hand-written parts: the cases below are SpreadsheetML as other producers write it. */
async function handWritten(sheetData: string, opts: { sharedStrings?: string; styles?: string; workbookPr?: string; extraSheetXml?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${opts.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${opts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.workbookPr ?? ''}<sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="TenDonVi">'Số liệu'!$A$1</definedName><definedName name="Vung">'Số liệu'!$A$1:$B$2</definedName></definedNames></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${opts.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${opts.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${opts.extraSheetXml ?? ''}</worksheet>`);
  if (opts.sharedStrings) zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${opts.sharedStrings}</sst>`);
  if (opts.styles) zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${opts.styles}</styleSheet>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0\\ &quot;người&quot;"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  // 0: General; 1: built-in 14 (a date); 2: custom date; 3: custom number with an escaped space; 4: 0.00%
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs>';

describe('SpreadsheetML as other producers write it', () => {
  let bytes: Uint8Array;
  let m: WorkbookModel;
  const at = (a1: string) => getCell(m.sheets[0], parseA1(a1));
  beforeAll(async () => {
    bytes = await handWritten(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>' +
        '<c r="E1" t="inlineStr"><is><t>Sở Y tế</t></is></c><c r="F1" t="inlineStr"><is><r><t>Bệnh viện </t></r><r><rPr><b/></rPr><t>tỉnh_x000D_</t></r></is></c><c r="G1" t="inlineStr"><is><t></t></is></c><c r="H1" s="1"/></row>' +
        '<row r="2"><c r="A2"><v>2771</v></c><c r="B2" s="4"><v>0.9203</v></c><c r="C2" s="1"><v>44910</v></c><c r="D2" s="2"><v>44910.5</v></c><c r="E2" s="3"><v>1043</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#DIV/0!</v></c></row>' +
        '<row r="3"><c r="A3"><f>SUM(A2,5)</f><v>2776</v></c><c r="B3"><f t="shared" ref="B3:B5" si="0">A3*2</f><v>5552</v></c><c r="C3" t="str"><f>"Quý "&amp;"I"</f><v>Quý I</v></c><c r="D3" t="b"><f>A3&gt;0</f><v>0</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3"><f>A3*0</f><v>0</v></c><c r="G3"><f>A2+1</f></c></row>' +
        '<row r="4"><c r="B4"><f t="shared" si="0"/><v>11104</v></c></row>' +
        '<row><c r="B5"><f t="shared" si="0"/><v>22208</v></c><c><v>7</v></c><c r="E5"><v>-1.5E-3</v></c></row>',
      {
        sharedStrings: '<si><t>Kon Tum</t></si><si><r><t>Quý </t></r><r><rPr><i/></rPr><t>III</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t xml:space="preserve"> dòng_x000A_mới </t></si>',
        styles: STYLES,
        extraSheetXml: '<mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells>',
      },
    );
    m = await readWorkbook(bytes);
  });

  it('gives the same model as the ExcelJS path', async () => {
    await expectSameModel(bytes);
  });

  it('reads each cell type to the value Excel shows', () => {
    expect(m.sheets.map((s) => s.name)).toEqual(['Số liệu']);
    expect([at('A1'), at('B1'), at('C1'), at('D1')]).toEqual([{ v: 'Kon Tum' }, { v: 'Quý III' }, { v: '東京' }, { v: ' dòng\nmới ' }]);
    // A plain inline string keeps Excel's escape as written (as ExcelJS does); rich-text runs decode it.
    expect([at('E1'), at('F1'), at('G1'), at('H1')]).toEqual([{ v: 'Sở Y tế' }, { v: 'Bệnh viện tỉnh\r' }, undefined, undefined]);
    expect([at('A2'), at('B2'), at('F2'), at('G2')]).toEqual([{ v: 2771 }, { v: 0.9203, z: '0.00%' }, { v: true }, { v: null, e: '#DIV/0!' }]);
    // 44910 is 15/12/2022; dates stay serials in the 1900 system.
    expect([at('C2'), at('D2'), at('E2')]).toEqual([{ v: 44910, z: 'mm-dd-yy' }, { v: 44910.5, z: 'dd/mm/yyyy' }, { v: 1043, z: '#,##0 "người"' }]);
  });

  it('reads formulas with their cached results, and slides shared formulas from their master', () => {
    expect([at('A3'), at('C3'), at('D3'), at('E3'), at('F3')]).toEqual([{ v: 2776, f: 'SUM(A2,5)' }, { v: 'Quý I', f: '"Quý "&"I"' }, { v: false, f: 'A3>0' }, { v: null, f: '1/0', e: '#DIV/0!' }, { v: 0, f: 'A3*0' }]);
    expect([at('B3'), at('B4'), at('B5')]).toEqual([{ v: 5552, f: 'A3*2' }, { v: 11104, f: 'A4*2' }, { v: 22208, f: 'A5*2' }]);
    // No cached result: computed by formulas.ts, as for the ExcelJS path.
    expect(at('G3')).toEqual({ v: 2772, f: 'A2+1', computed: true });
  });

  it('numbers a row and a cell written without `r` from the ones before', () => {
    expect([at('C5'), at('E5')]).toEqual([{ v: 7 }, { v: -0.0015 }]);
  });

  it('keeps workbook-scope names (an area as its first cell, src/core/name-ref.ts), the merges, and no phonetic text', () => {
    expect(m.names).toEqual([{ name: 'TenDonVi', sheet: 'Số liệu', cell: 'A1' }, { name: 'Vung', sheet: 'Số liệu', cell: 'A1', range: 'A1:B2' }]);
    expect(m.sheets[0]!.merges).toEqual(['E1:F1']);
  });

  it('moves dates of a 1904 workbook to the 1900 system, only in date formats', async () => {
    const b = await handWritten('<row r="1"><c r="A1" s="2"><v>43448</v></c><c r="B1"><v>43448</v></c></row>', { styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' });
    const w = await readWorkbook(b);
    // 43448 days after 1/1/1904 is 15/12/2022, serial 44910 in the 1900 system.
    expect(w.sheets[0]!.rows[0]).toEqual([{ v: 44910, z: 'dd/mm/yyyy' }, { v: 43448 }]);
    expect(differences(await readWorkbookWithExcelJs(b), w)).toEqual([]);
  });

  it('reads an ISO date cell (t="d") as its serial, where ExcelJS reads the year', async () => {
    const w = await readWorkbook(await handWritten('<row r="1"><c r="A1" t="d"><v>2022-12-15T12:00:00</v></c></row>'));
    expect(w.sheets[0]!.rows[0]).toEqual([{ v: 44910.5 }]);
  });

  it('keeps a text result in a date-formatted cell, where ExcelJS makes it an invalid date', async () => {
    const w = await readWorkbook(await handWritten('<row r="1"><c r="A1" s="2" t="str"><f>IF(1,"chưa có","")</f><v>chưa có</v></c></row>', { styles: STYLES }));
    expect(w.sheets[0]!.rows[0]).toEqual([{ v: 'chưa có', f: 'IF(1,"chưa có","")', z: 'dd/mm/yyyy' }]);
  });
});

describe('files above the 500 000 cells the ExcelJS reader was limited to', () => {
  it('a sheet of 600 000 numbers reads whole, every cell in place', async () => {
    const zip = new JSZip();
    const base = await JSZip.loadAsync(await handWritten(''));
    for (const [name, f] of Object.entries(base.files)) if (!f.dir) zip.file(name, await f.async('uint8array'));
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) {
      let s = `<row r="${r}">`;
      for (let c = 0; c < 30; c++) s += `<c r="${colToLetters(c)}${r}"><v>${r * 100 + c}</v></c>`;
      rows.push(`${s}</row>`);
    }
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    const w = await readWorkbook(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const grid = w.sheets[0]!.rows;
    expect(grid.length).toBe(20_000);
    expect(grid.reduce((n, line) => n + line.filter(Boolean).length, 0)).toBe(600_000);
    expect([grid[0]![0], grid[19_999]![29], grid[12_344]![7]]).toEqual([{ v: 100 }, { v: 2_000_029 }, { v: 1_234_507 }]);
    expect(LIMITS.maxCells).toBeGreaterThan(600_000);
  });
});
