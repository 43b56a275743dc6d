/**
 * A one-sheet workbook of text: a bold header row kept in view (frozen), column widths, one column
 * wrapped, an AutoFilter over the header and the rows. The findings list of the standalone page
 * (src/standalone/findings-export.ts) is written with it.
 *
 * Written by hand, not with ExcelJS: the standalone page ships as one script
 * (`npm run build:standalone`), and ExcelJS, which only this download needed there, was about 250
 * KB of its 650 KB gzipped. A list of texts needs six small parts (ECMA-376 Part 1: the package's
 * content types and relationships, workbook, styles, shared strings, one worksheet); the zip is
 * fflate's (src/zip/write.ts). Every text goes through spreadsheetText and escapeXml
 * (src/core/xml-text.ts), the project's one way text reaches XML.
 */
import { strToU8 } from 'fflate';
import { writeZip } from '../zip/write';
import { colToLetters } from '../core/model';
import { escapeXml, spreadsheetText, type XmlDrops } from '../core/xml-text';

export interface ListSheet {
  /** The sheet's name as Excel shows it on its tab (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Rows after the list, outside its AutoFilter: a note about the list, told what was dropped from its texts. */
  after?: (drops: XmlDrops) => readonly (readonly string[])[];
  /** Column widths in characters, as Excel counts them. */
  widths: readonly number[];
  /** Index of the column whose cells wrap their text (top-aligned). */
  wrap?: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Cell formats (cellXfs), by index: plain, bold (the header), wrapped, bold and wrapped (the header's wrapped column). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook's bytes; characters XML cannot hold are dropped from the texts and counted in `drops`. */
export function listWorkbook(sheet: ListSheet, drops: XmlDrops, mtime: Date = new Date()): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let uses = 0;
  const stringIndex = (text: string): number => {
    uses++;
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      index.set(text, i);
      strings.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
    }
    return i;
  };
  // Every text made writable first, so that the rows after the list can say what was dropped.
  const texts = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map((v) => spreadsheetText(v, drops)));
  const sheetName = spreadsheetText(sheet.name, drops);
  const header = texts([sheet.header])[0]!;
  const body = texts(sheet.rows);
  const after = texts(sheet.after?.(drops) ?? []);
  const columns = [...body, ...after].reduce((n, r) => Math.max(n, r.length), Math.max(1, header.length, sheet.widths.length));
  const letters = Array.from({ length: columns }, (_, j) => colToLetters(j));
  const lines: string[] = [];
  const row = (values: readonly string[], header: boolean) => {
    const r = lines.length + 1;
    const cells = values
      .map((text, j) => {
        if (!text) return '';
        const style = (header ? 1 : 0) + (j === sheet.wrap ? 2 : 0);
        return `<c r="${letters[j]}${r}"${style ? ` s="${style}"` : ''} t="s"><v>${stringIndex(text)}</v></c>`;
      })
      .join('');
    lines.push(`<row r="${r}"${header ? ' s="1" customFormat="1"' : ''}>${cells}</row>`);
  };
  row(header, true);
  for (const r of body) row(r, false);
  const last = letters[columns - 1]!;
  const listRows = lines.length;
  for (const r of after) row(r, false);

  const cols = sheet.widths
    .map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}"${j === sheet.wrap ? ' style="2"' : ''} customWidth="1"/>`)
    .join('');
  const worksheet =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${last}${lines.length}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${lines.join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}${listRows}"/>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>';
  // The AutoFilter's range as Excel itself names it: the sheet name quoted, its quotes doubled.
  const filterRange = `'${sheetName.replace(/'/g, () => "''")}'!$A$1:$${last}$${listRows}`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(filterRange)}</definedName></definedNames>` +
    '</workbook>';
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
        '</Types>',
    ],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', workbook],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', STYLES],
    ['xl/sharedStrings.xml', `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${uses}" uniqueCount="${strings.length}">${strings.join('')}</sst>`],
    ['xl/worksheets/sheet1.xml', worksheet],
  ];
  return writeZip(
    parts.map(([n, xml]) => ({ name: n, data: strToU8(xml) })),
    { level: 6, mtime },
  );
}
