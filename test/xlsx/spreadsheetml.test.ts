/**
 * The Excel 2003 XML reader (src/xlsx/spreadsheetml.ts) against the reader it replaced, a whole
 * xmldom DOM kept as the oracle in test/support/spreadsheetml-xmldom.ts: the committed fixture,
 * hand-written files for each rule of the format's cell placement, and generated ones, each read
 * by both and compared whole (models, or the refusal's code). Then what only the streaming reader
 * does: refuse deep nesting and floods of elements by the limits of src/xlsx/package.ts, and read
 * what the DOM reader never read (hidden worksheets, TCVN3 / VNI text by its font).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { readSpreadsheetMl } from '../../src/xlsx/spreadsheetml';
import { readWorkbook } from '../../src/xlsx/read';
import { LIMITS } from '../../src/xlsx/package';
import { isUnreadableWorkbookError, UnreadableWorkbookError } from '../../src/xlsx/errors';
import { readSpreadsheetMlWithDom } from '../support/spreadsheetml-xmldom';
import type { WorkbookModel } from '../../src/core/model';

const FIXTURE = join(__dirname, '..', 'fixtures', 'html', 'mot-cua-kon-tum-q3-2022-xml-2003-dung.xls');
const SS = 'urn:schemas-microsoft-com:office:spreadsheet';
const HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="${SS}" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="${SS}" xmlns:html="http://www.w3.org/TR/REC-html40">`;
const book = (body: string) => `${HEAD}${body}</Workbook>`;
const sheet = (rows: string, name = 'S') => `<Worksheet ss:Name="${name}"><Table>${rows}</Table></Worksheet>`;
const enc = (s: string) => new TextEncoder().encode(s);

type Outcome = { model: WorkbookModel } | { refused: string };
function outcome(read: (b: Uint8Array, n?: string) => WorkbookModel, bytes: Uint8Array): Outcome {
  try {
    return { model: read(bytes, 'x.xls') };
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return { refused: e.code };
    throw e;
  }
}
const sameAsBefore = (bytes: Uint8Array) => expect(outcome(readSpreadsheetMl, bytes)).toStrictEqual(outcome(readSpreadsheetMlWithDom, bytes));

/** Each rule of placement, values and names, one small workbook each. */
const CASES: [string, string][] = [
  ['rows and cells jump by ss:Index, backwards too', book(sheet('<Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">4</Data></Cell><Cell><Data ss:Type="Number">5</Data></Cell><Cell ss:Index="2"><Data ss:Type="Number">2</Data></Cell></Row><Row ss:Index="5"><Cell><Data ss:Type="String">r5</Data></Cell></Row><Row/><Row ss:Index="2"><Cell ss:Index="3"><Data ss:Type="String">r2</Data></Cell></Row>'))],
  ['merged areas skip the cells they cover', book(sheet('<Row><Cell ss:MergeDown="2"><Data ss:Type="String">a</Data></Cell><Cell ss:MergeAcross="2" ss:MergeDown="1"><Data ss:Type="String">b</Data></Cell><Cell><Data ss:Type="String">c</Data></Cell></Row><Row><Cell><Data ss:Type="String">d</Data></Cell><Cell><Data ss:Type="String">e</Data></Cell></Row><Row><Cell><Data ss:Type="String">f</Data></Cell><Cell ss:Index="1"><Data ss:Type="String">g</Data></Cell></Row>'))],
  ['merges clamped at the grid, negative ones ignored', book(sheet('<Row><Cell ss:Index="16383" ss:MergeAcross="9"><Data ss:Type="Number">1</Data></Cell></Row><Row><Cell ss:MergeAcross="-3" ss:MergeDown="-1"><Data ss:Type="Number">2</Data></Cell><Cell ss:MergeAcross="x"/></Row><Row ss:Index="1048575"><Cell ss:MergeDown="5"><Data ss:Type="Number">3</Data></Cell></Row>'))],
  ['a row or cell index outside the grid ends the sheet or the row', book(sheet('<Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:Index="16385"><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row><Row><Cell ss:Index="0"><Data ss:Type="Number">4</Data></Cell></Row><Row ss:Index="0"><Cell><Data ss:Type="Number">5</Data></Cell></Row><Row><Cell><Data ss:Type="Number">6</Data></Cell></Row>') + sheet('<Row ss:Index="1048577"><Cell><Data ss:Type="Number">7</Data></Cell></Row><Row ss:Index="3"><Cell><Data ss:Type="Number">8</Data></Cell></Row>', 'T'))],
  ['typed values', book(sheet(`<Row>${['<Data ss:Type="Number"> 12.5 </Data>', '<Data ss:Type="Number"></Data>', '<Data ss:Type="Number">abc</Data>', '<Data ss:Type="Number">1e3</Data>', '<Data ss:Type="DateTime">2022-09-14T00:00:00.000</Data>', '<Data ss:Type="DateTime">2022-09-14T18:00:00</Data>', '<Data ss:Type="DateTime">hôm qua</Data>', '<Data ss:Type="Boolean">1</Data>', '<Data ss:Type="Boolean"> TRUE </Data>', '<Data ss:Type="Boolean">0</Data>', '<Data ss:Type="Error">#DIV/0!</Data>', '<Data ss:Type="String"></Data>', '<Data ss:Type="String">Ho\u0300a Bi\u0300nh</Data>', '<Data>không kiểu</Data>', '<Data ss:Type="Bogus">lạ</Data>', '<Data ss:Type="String">  </Data>'].map((d) => `<Cell>${d}</Cell>`).join('')}</Row>`))],
  ['formulas, with and without a cached value, and one @borgar/fx cannot read', book(sheet('<Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell ss:Formula="=RC[-1]*2"><Data ss:Type="Number">4</Data></Cell><Cell ss:Formula="=SUM(R1C1:R1C2)"/><Cell ss:Formula="=((("><Data ss:Type="String">x</Data></Cell><Cell ss:Formula="R1C1"/><Cell ss:Formula=""><Data ss:Type="Number">9</Data></Cell></Row>'))],
  ['number formats by style, whenever the styles come', `${HEAD}<Styles><Style ss:ID="Default" ss:Name="Normal"><NumberFormat/></Style><Style ss:ID="pct"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="gen"><NumberFormat ss:Format="General"/></Style><Style ss:ID="gn"><NumberFormat ss:Format="General Number"/></Style><Style ss:ID="two"><NumberFormat ss:Format="0.0"/><NumberFormat ss:Format="0.000"/></Style><Style ss:ID="sd"><Font/><NumberFormat ss:Format="Short Date"/></Style></Styles>${sheet('<Row><Cell ss:StyleID="pct"><Data ss:Type="Number">0.5</Data></Cell><Cell ss:StyleID="gen"><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="gn"><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="two"><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="sd"><Data ss:Type="DateTime">2022-01-02T00:00:00.000</Data></Cell><Cell ss:StyleID="none"><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="late"><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="pct"/><Cell ss:StyleID="fixed" ss:Formula="=1"/></Row>')}<Styles><Style ss:ID="late"><NumberFormat ss:Format="#,##0"/></Style><Style ss:ID="pct"><NumberFormat ss:Format="Fixed"/></Style><Style ss:ID="fixed"><NumberFormat ss:Format="Standard"/></Style></Styles></Workbook>`],
  ['worksheets without a name, without a table, with two tables', book('<Worksheet><Table><Row><Cell><Data ss:Type="String">a</Data></Cell></Row></Table></Worksheet><Worksheet ss:Name="Trống"/><Worksheet ss:Name="Hai"><Table><Row><Cell><Data ss:Type="String">first</Data></Cell></Row></Table><Table><Row><Cell><Data ss:Type="String">second</Data></Cell></Row></Table><Row><Cell><Data ss:Type="String">stray</Data></Cell></Row></Worksheet><Worksheet><Table/></Worksheet>')],
  ['other namespaces, rich text, comments, CDATA and entities', book(`<o:DocumentProperties><o:Author>Sở</o:Author></o:DocumentProperties><x:ExcelWorkbook><x:WindowHeight>8000</x:WindowHeight></x:ExcelWorkbook>${sheet('<Column ss:Width="80"/><Row ss:Height="15"><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Đậm</B> và <Font html:Color="#FF0000">đỏ</Font><!-- ghi chú --><![CDATA[ <a&b> ]]></ss:Data></Cell><Cell><Comment ss:Author="A"><ss:Data>lời bình</ss:Data></Comment></Cell><Cell><Comment><Data>c</Data></Comment><Data ss:Type="String">sau</Data><Data ss:Type="String">thứ hai</Data></Cell><Cell><Data ss:Type="String">a &amp; b &lt;c&gt; &#x1EA0;&#10;dòng\r\nmới</Data><NamedCell ss:Name="Print_Area"/></Cell></Row>', 'Tab &amp; &quot;x&quot;')}<x:WorksheetOptions><x:Selected/></x:WorksheetOptions>`)],
  ['attributes count only in the spreadsheet namespace, under whatever prefix', `<?xml version="1.0"?><Workbook xmlns="${SS}" xmlns:s="${SS}" xmlns:ss="urn:other"><Worksheet s:Name="Khác"><Table><Row Index="3"><Cell s:Index="2"><Data s:Type="Number">1</Data></Cell><Cell ss:Index="9"><Data Type="Number">2</Data></Cell></Row><s:Row s:Index="4"><Cell><Data s:Type="Boolean">1</Data></Cell></s:Row></Table></Worksheet></Workbook>`],
  ['a root element without a namespace, with ss attributes', `<?xml version="1.0"?><Workbook xmlns:ss="${SS}"><Worksheet ss:Name="N"><Table><Row><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>`],
  ['attribute values are normalised as XML says', book(sheet('<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>', 'A&#10;B\tC\nD  E'))],
  ['names that point at one cell of a sheet', book(`<Names><NamedRange ss:Name="DonVi" ss:RefersTo="='Thống kê'!R2C1"/><NamedRange ss:Name="Vung" ss:RefersTo="=S!R1C1:R2C2"/><NamedRange ss:Name="_FilterDatabase" ss:RefersTo="=S!R1C1"/><NamedRange ss:Name="KhongTrang" ss:RefersTo="=R1C1"/><NamedRange ss:Name="Hong" ss:RefersTo="=(((("/><NamedRange ss:Name="Cot" ss:RefersTo="=S!C2"/><NamedRange ss:RefersTo="=S!R1C1"/><NamedRange ss:Name="Tuyet" ss:RefersTo="=S!R3C4"/></Names>${sheet('<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>')}<Names><NamedRange ss:Name="Sau" ss:RefersTo="=S!R9C9"/></Names>`).replace('</Table></Worksheet>', '</Table><Names><NamedRange ss:Name="Print_Titles" ss:RefersTo="=S!R1"/><NamedRange ss:Name="CuaTrang" ss:RefersTo="=S!R1C1"/></Names></Worksheet>')],
  ['a byte-order mark and blank lines before the declaration', `\uFEFF\r\n  ${book(sheet('<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>'))}`],
  ['no worksheet at all', book('<Styles/>')],
  ['a root that is not a workbook', `<?xml version="1.0"?><Worksheet xmlns="${SS}"/>`],
  ['a merge too large for the page limit', book(sheet('<Row><Cell ss:MergeAcross="16383" ss:MergeDown="1048575"/></Row>'))],
  ['the page limit reached by plain cells in a later sheet', book(sheet('<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>') + sheet(`<Row>${'<Cell/>'.repeat(LIMITS.maxPageCells)}</Row>`, 'T'))],
];

/** A workbook drawn from `seed`: indexes, merges, types, formulas and styles mixed at random. */
function generated(seed: number): string {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const styles = '<Styles><Style ss:ID="p"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="f"><NumberFormat ss:Format="#,##0"/></Style><Style ss:ID="g"><NumberFormat ss:Format="General"/></Style></Styles>';
  const sheets: string[] = [];
  for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
    const rows: string[] = [];
    for (let r = Math.floor(rnd() * 12); r > 0; r--) {
      const cells: string[] = [];
      for (let c = Math.floor(rnd() * 10); c > 0; c--) {
        const attrs = [
          rnd() < 0.15 ? ` ss:Index="${1 + Math.floor(rnd() * 12)}"` : '',
          rnd() < 0.15 ? ` ss:MergeAcross="${Math.floor(rnd() * 4)}"` : '',
          rnd() < 0.15 ? ` ss:MergeDown="${Math.floor(rnd() * 4)}"` : '',
          rnd() < 0.2 ? ` ss:StyleID="${pick(['p', 'f', 'g', 'x'])}"` : '',
          rnd() < 0.15 ? ` ss:Formula="${pick(['=R[-1]C+1', '=SUM(RC[-2]:RC[-1])', '=R1C1*2', '=(('])}"` : '',
        ].join('');
        const data = pick([
          '',
          `<Data ss:Type="Number">${Math.floor(rnd() * 1000) / 10}</Data>`,
          `<Data ss:Type="String">ô ${Math.floor(rnd() * 100)}</Data>`,
          '<Data ss:Type="String"></Data>',
          '<Data ss:Type="Boolean">1</Data>',
          '<Data ss:Type="Error">#N/A</Data>',
          '<Data ss:Type="DateTime">2022-06-15T00:00:00.000</Data>',
        ]);
        cells.push(data || rnd() < 0.5 ? `<Cell${attrs}>${data}</Cell>` : `<Cell${attrs}/>`);
      }
      rows.push(`<Row${rnd() < 0.15 ? ` ss:Index="${1 + Math.floor(rnd() * 20)}"` : ''}>${cells.join('')}</Row>`);
    }
    sheets.push(sheet(rows.join(''), `Trang ${k}`));
  }
  return book(styles + sheets.join(''));
}

describe('the streaming reader gives the models the DOM reader gave', () => {
  it('for the committed Excel 2003 XML fixture', () => {
    const bytes = readFileSync(FIXTURE);
    const model = readSpreadsheetMl(bytes, 'x.xls');
    // Guard that the comparison is about something: the fixture's own sheet and a figure of it.
    expect(model.sheets.map((s) => s.name)).toEqual(['Thống kê']);
    expect(model.sheets[0]!.rows[8]![2]).toEqual({ v: 53 });
    sameAsBefore(bytes);
  });

  it.each(CASES)('%s', (_, xml) => sameAsBefore(enc(xml)));

  it('for 300 generated workbooks', () => {
    for (let seed = 1; seed <= 300; seed++) sameAsBefore(enc(generated(seed)));
  });
});

async function refusal(xml: string): Promise<UnreadableWorkbookError> {
  const err = await readWorkbook(enc(xml), 'x.xls').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}

describe('hostile Excel 2003 XML files are refused by the limits while they are read', () => {
  it('elements nested 100 000 deep: refused at depth 101', async () => {
    const e = await refusal(book(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`));
    expect(e.code).toBe('xml_too_deep');
    expect(e.message).toMatch(/^Tệp có cấu trúc XML lồng nhau quá sâu \(hơn 100 tầng, giới hạn độ sâu XML 100\)/);
  });

  it('6 100 000 empty elements in a file under the size limit: refused past 6 000 000 elements', async () => {
    // 4 bytes each: 24,4 MB, under the 25 MB a file may have, so the element count is what refuses it.
    const xml = book('<a/>'.repeat(6_100_000));
    expect(xml.length).toBeLessThan(LIMITS.maxFileBytes);
    const e = await refusal(xml);
    expect(e.code).toBe('too_many_elements');
    expect(e.message).toMatch(/^Tệp có quá nhiều phần tử XML \(hơn 6\.000\.000, giới hạn số phần tử 6\.000\.000\)/);
  });

  it('three sheets with a figure in row 1 048 576: 3 145 728 rows, past the 2 200 000 of the limit', async () => {
    const last = sheet('<Row ss:Index="1048576"><Cell><Data ss:Type="Number">1</Data></Cell></Row>');
    const e = await refusal(book(last + last + last));
    expect(e.code).toBe('too_many_rows');
    expect(e.message).toMatch(/giới hạn số dòng 2\.200\.000/);
  });

  it('1 001 worksheets: refused with their number', async () => {
    const e = await refusal(book('<Worksheet/>'.repeat(1001)));
    expect(e.code).toBe('too_many_sheets');
    expect(e.message).toMatch(/^Tệp có quá nhiều trang tính \(1\.001, giới hạn số trang tính 1\.000\)/);
  });

  it.each([
    ['an unescaped "&"', book(sheet('<Row><Cell><Data ss:Type="String">Sở Y tế & Đào tạo</Data></Cell></Row>'))],
    // The DOM reader read this one as an empty sheet, losing its figures without a word.
    ['a missing end tag', book(sheet('<Row><Cell><Data ss:Type="Number">5</Data></Row><Row><Cell><Data ss:Type="Number">6</Data></Cell></Row>'))],
    ['a prefix bound to no namespace', book(sheet('<Row><Cell q:Index="2"><Data ss:Type="Number">5</Data></Cell></Row>'))],
  ])('XML that is not well-formed (%s) is refused as a broken XML 2003 file', async (_, xml) => {
    const e = await refusal(xml);
    expect(e.code).toBe('xml2003_corrupt');
    expect(e.message).toMatch(/^Tệp bảng tính XML 2003 bị hỏng/);
  });
});

describe('what only the streaming reader reads', () => {
  // Excel writes a worksheet's options in its own namespace, as the default namespace of the block.
  const X = 'urn:schemas-microsoft-com:office:excel';
  const withOptions = (name: string, options: string) =>
    `<Worksheet ss:Name="${name}"><Table><Row><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table><WorksheetOptions xmlns="${X}">${options}</WorksheetOptions></Worksheet>`;

  it('hidden and very hidden worksheets, by x:Visible in Excel\'s namespace only', () => {
    const model = readSpreadsheetMl(
      enc(
        book(
          withOptions('An', '<Selected/><Visible>SheetHidden</Visible>') +
            withOptions('Rat an', '<Visible> SheetVeryHidden </Visible>') +
            withOptions('Hien', '<Visible>SheetVisible</Visible>') +
            withOptions('Khong ghi', '<ProtectObjects>False</ProtectObjects>') +
            // The same words in another namespace are not Excel's option.
            `<Worksheet ss:Name="Khac"><Table/><WorksheetOptions xmlns="urn:other"><Visible>SheetHidden</Visible></WorksheetOptions><x:WorksheetOptions><Visible xmlns="urn:other">SheetHidden</Visible></x:WorksheetOptions></Worksheet>`,
        ),
      ),
    );
    expect(model.sheets.map((s) => [s.name, s.hidden ?? 'visible'])).toEqual([
      ['An', 'hidden'],
      ['Rat an', 'veryHidden'],
      ['Hien', 'visible'],
      ['Khong ghi', 'visible'],
      ['Khac', 'visible'],
    ]);
    // The hidden sheet keeps its cells: the checker decides what to do with it.
    expect(model.sheets[0]!.rows).toEqual([[{ v: 1 }]]);
  });
});

describe('TCVN3 and VNI text, by the font its style names', () => {
  // Text typed in an old font is held as the Windows-1252 reading of its bytes (src/core/legacy-text.ts):
  // TCVN3 "Së Y tÕ" (ở EB, ế D5) is "Sở Y tế", "Hå s¬" (ồ E5, ơ AC) "Hồ sơ", "b¸o c¸o" (á B8) "báo cáo";
  // VNI "Sôû Y teá" (ơ = o + F4, hỏi FB; ế = e + E1) is "Sở Y tế".
  const styles = (extra = '') =>
    '<Styles>' +
    '<Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName=".VnTime"/></Style>' +
    '<Style ss:ID="uni"><Font ss:FontName="Times New Roman" ss:Bold="1"/></Style>' +
    '<Style ss:ID="vni"><Font ss:FontName="VNI-Times"/><NumberFormat ss:Format="@"/></Style>' +
    '<Style ss:ID="hoa"><Font ss:FontName=".VnTimeH"/></Style>' +
    // No font of its own: its parent's.
    '<Style ss:ID="con" ss:Parent="vni"><Alignment ss:Horizontal="Center"/></Style>' +
    // No font and no parent: the Default style's.
    '<Style ss:ID="pct"><NumberFormat ss:Format="Percent"/></Style>' +
    extra +
    '</Styles>';
  const s = (text: string, style?: string) => `<Cell${style ? ` ss:StyleID="${style}"` : ''}><Data ss:Type="String">${text}</Data></Cell>`;

  it('a cell\'s own style, its parent, the Default style, its row\'s and its column\'s', () => {
    const model = readSpreadsheetMl(
      enc(
        book(
          styles() +
            '<Worksheet ss:Name="Cu"><Table><Column ss:Width="80"/><Column ss:Index="3" ss:Span="1" ss:StyleID="uni"/>' +
            // Row 1: Default (.VnTime), the Unicode style, VNI, a VNI child style, the column styles C:D (Unicode).
            `<Row>${s('Së Y tÕ')}${s('Sở Y tế', 'uni')}${s('Sôû Y teá', 'vni')}${s('Sôû Y teá', 'con')}</Row>` +
            `<Row>${s('Hå s¬', 'pct')}<Cell ss:Index="3"><Data ss:Type="String">Së Y tÕ</Data></Cell>${s('b¸o c¸o', 'hoa')}<Cell><Data ss:Type="Number">42</Data></Cell></Row>` +
            // A row styled VNI: its cells without a style take it, one with its own style keeps that.
            `<Row ss:StyleID="vni">${s('Sôû Y teá')}${s('Hå s¬', 'hoa')}${s('TTHC')}</Row>` +
            '</Table></Worksheet>',
        ),
      ),
    );
    const rows = model.sheets[0]!.rows.map((r) => Array.from(r, (c) => c?.v ?? null));
    expect(rows).toEqual([
      ['Sở Y tế', 'Sở Y tế', 'Sở Y tế', 'Sở Y tế'],
      // C2 has no style: its column's (Unicode) keeps the text as it is; .VnTimeH shows capitals.
      ['Hồ sơ', null, 'Së Y tÕ', 'BÁO CÁO', 42],
      ['Sở Y tế', 'HỒ SƠ', 'TTHC'],
    ]);
    // TCVN3: A1, A2, D2, B3 (four); VNI: C1, D1, A3 (three). "TTHC" in VNI is unchanged: not counted.
    expect(model.conversions).toEqual([
      { sheet: 'Cu', encoding: 'tcvn3', cells: 4 },
      { sheet: 'Cu', encoding: 'vni', cells: 3 },
    ]);
  });

  it('rich text: a run in its own face (html:Face) is converted by it, the rest by the cell\'s font, the cell counted once', () => {
    const html = 'http://www.w3.org/TR/REC-html40';
    const rich = (runs: string, style = 'uni') => `<Cell ss:StyleID="${style}"><ss:Data ss:Type="String" xmlns="${html}">${runs}</ss:Data></Cell>`;
    const model = readSpreadsheetMl(
      enc(
        book(
          styles() +
            '<Worksheet ss:Name="Giau"><Table><Row>' +
            rich('<Font html:Face=".VnTime" html:Size="12">Së Y tÕ</Font><Font html:Face="Arial"> (Hå s¬)</Font>') +
            rich('<B>Hå s¬ </B><Font html:Face="VNI-Times"><I>Sôû</I> Y teá</Font>', 'Default') +
            rich('<Font html:Color="#FF0000">Sở Y tế</Font>') +
            '</Row></Table></Worksheet>',
        ),
      ),
    );
    expect(model.sheets[0]!.rows[0]!.map((c) => c?.v)).toEqual([
      // The Arial run stays as it is.
      'Sở Y tế (Hå s¬)',
      // The bold run is in the cell's Default font (.VnTime), the other in VNI.
      'Hồ sơ Sở Y tế',
      'Sở Y tế',
    ]);
    // A cell with runs in both encodings is counted once, under the last run's encoding.
    expect(model.conversions).toEqual([
      { sheet: 'Giau', encoding: 'tcvn3', cells: 1 },
      { sheet: 'Giau', encoding: 'vni', cells: 1 },
    ]);
  });

  it('column styles: ss:Index and ss:Span give the columns; a Column that goes back is not kept', () => {
    const model = readSpreadsheetMl(
      enc(
        book(
          '<Styles><Style ss:ID="Default"><Font ss:FontName="Arial"/></Style><Style ss:ID="t"><Font ss:FontName=".VnTime"/></Style><Style ss:ID="v"><Font ss:FontName="VNI-Times"/></Style></Styles>' +
            // B:C in TCVN3; a Column back at A (ignored); the next one is D, in VNI; then one far past the grid's edge.
            '<Worksheet ss:Name="Cot"><Table><Column ss:Index="2" ss:Span="1" ss:StyleID="t"/><Column ss:Index="1" ss:StyleID="v"/><Column ss:StyleID="v"/><Column ss:Index="20000" ss:StyleID="t"/>' +
            `<Row>${s('Hå s¬')}${s('Hå s¬')}${s('Hå s¬')}${s('Sôû Y teá')}${s('Sôû Y teá')}</Row>` +
            '</Table></Worksheet>',
        ),
      ),
    );
    // A Arial (Default), B:C .VnTime, D VNI-Times, E no column style (Default, Arial).
    expect(model.sheets[0]!.rows[0]!.map((c) => c?.v)).toEqual(['Hå s¬', 'Hồ sơ', 'Hồ sơ', 'Sở Y tế', 'Sôû Y teá']);
    expect(model.conversions).toEqual([
      { sheet: 'Cot', encoding: 'tcvn3', cells: 2 },
      { sheet: 'Cot', encoding: 'vni', cells: 1 },
    ]);
  });

  it('styles written after the sheets still give the fonts; a workbook without old fonts converts nothing', () => {
    const late = readSpreadsheetMl(enc(book(`<Worksheet ss:Name="Sau"><Table><Row>${s('Së Y tÕ', 'x')}</Row></Table></Worksheet><Styles><Style ss:ID="x"><Font ss:FontName=".VnArial"/></Style></Styles>`)));
    expect(late.sheets[0]!.rows[0]![0]).toEqual({ v: 'Sở Y tế' });
    expect(late.conversions).toEqual([{ sheet: 'Sau', encoding: 'tcvn3', cells: 1 }]);
    const plain = readSpreadsheetMl(enc(book(`<Styles><Style ss:ID="Default"><Font ss:FontName="Arial"/></Style></Styles><Worksheet ss:Name="M"><Table><Row>${s('Müller')}${s('Së')}</Row></Table></Worksheet>`)));
    expect(plain.sheets[0]!.rows[0]!.map((c) => c?.v)).toEqual(['Müller', 'Së']);
    expect(plain.conversions).toBeUndefined();
  });

  it('the checker says how many cells were converted, as for the other formats', async () => {
    const model = await readWorkbook(enc(book(styles() + `<Worksheet ss:Name="Cu"><Table><Row>${s('Së Y tÕ')}${s('Hå s¬')}${s('Sôû Y teá', 'vni')}</Row></Table></Worksheet>`)), 'cu.xml');
    const said = checkWorkbook(model).issues.filter((f) => f.code === 'text_converted').map((f) => f.message).join('\n');
    expect(said).toContain('Đã chuyển mã TCVN3 sang Unicode ở 2 ô của trang tính "Cu"');
    expect(said).toContain('Đã chuyển mã VNI sang Unicode ở 1 ô');
  });
});
