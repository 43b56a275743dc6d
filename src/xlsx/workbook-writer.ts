/**
 * The project's one .xlsx writer: the consolidated workbook of `cchc merge` and of the Excel pane,
 * and the findings list of the standalone page (list-workbook.ts lays its one sheet out here).
 * `draftWorkbook` (template.ts) lays the standard workbook out on a `WorkbookDraft`, which takes
 * the few calls of ExcelJS's worksheet API the layouts make (getCell, getColumn, mergeCells,
 * addTable, views, autoFilter…) and keeps plain values; `writeDraft` then writes the package part
 * by part, with sheets of plain values ("Nguồn", "Truy vết") streamed after the draft's, and zips
 * it with fflate.
 *
 * Why by hand and not ExcelJS: loading ExcelJS and its model of every cell was a third of a merge
 * of 200 units on the project machine (docs/merge.md), and its package was then unzipped and
 * zipped again twice (the totals-row formulas, the added sheets); and the standalone page ships as
 * one script (`npm run build:standalone`), of which ExcelJS, needed there only for the findings
 * list, was about 250 of 650 KB gzipped. This module loads nothing of ExcelJS but its types; the
 * Office theme, which only the tables' style needs, comes with the draft (`WorkbookDraft.theme`,
 * set by template.ts). The template and the samples still go through ExcelJS (template.ts);
 * test/xlsx/workbook-writer.test.ts and test/standalone/findings-export.test.ts read this writer's
 * output back with ExcelJS and LibreOffice and compare it with ExcelJS's on the same inputs.
 *
 * What is written follows ECMA-376 Part 1 (SpreadsheetML): element order as its schema sequences
 * them (CT_Worksheet, CT_Table, CT_Stylesheet), every text through escapeXml (src/core/xml-text.ts:
 * markup escaped, characters XML cannot carry dropped), all cell text in the shared-string part.
 */
import type ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { concatBytes } from '../core/bytes';
import { colToLetters } from '../core/model';
import { escapeXml } from '../core/xml-text';
import { writeZip } from '../zip/write';
type Font = Partial<ExcelJS.Font>;
type Alignment = Partial<ExcelJS.Alignment>;

/**
 * What the standard workbook's layout (template.ts) uses of a workbook, a worksheet and a cell:
 * a subset of ExcelJS's API, so that the same layout runs on an ExcelJS workbook and on a draft.
 */
export interface LayoutCell {
  value: ExcelJS.CellValue;
  font: Font | undefined;
  numFmt: string | undefined;
  dataValidation: ExcelJS.DataValidation | undefined;
  // ExcelJS types it as a string; it is the row number in both.
  readonly row: number | string;
}
export interface LayoutSheet {
  getCell(r: number | string, c?: number): LayoutCell;
  mergeCells(...args: (string | number)[]): void;
  getColumn(c: number): { width?: number };
  views: Partial<ExcelJS.WorksheetView>[];
  pageSetup: Partial<ExcelJS.PageSetup> | undefined;
  addTable(t: ExcelJS.TableProperties): unknown;
  getTable(name: string): unknown;
}
export interface LayoutBook {
  creator: string;
  created: Date;
  modified: Date;
  addWorksheet(name: string, options?: { state?: 'visible' | 'hidden' }): LayoutSheet;
  readonly definedNames: { add(ref: string, name: string): void };
}

/** A cell of the draft: what the layout sets, as ExcelJS's Cell holds it. */
export class DraftCell implements LayoutCell {
  value: ExcelJS.CellValue = null;
  font: Font | undefined = undefined;
  numFmt: string | undefined = undefined;
  alignment: Alignment | undefined = undefined;
  dataValidation: ExcelJS.DataValidation | undefined = undefined;
  constructor(
    readonly row: number,
    readonly col: number,
  ) {}
}

interface DraftTable {
  name: string;
  /** 1-based header row and first column. */
  headerRow: number;
  col0: number;
  rows: number;
  totalsRow: boolean;
  style: { theme?: string; showRowStripes?: boolean };
  columns: { name: string; totalsRowLabel?: string; totalsRowFunction?: string; totalsRowFormula?: string; filterButton?: boolean }[];
}

/** "B12" → [12, 2]. */
function parseAddress(a: string): [number, number] {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`bad cell address ${a}`);
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), c];
}

export class SheetDraft implements LayoutSheet {
  readonly cells = new Map<number, Map<number, DraftCell>>();
  readonly merges: [number, number, number, number][] = [];
  /** Width in characters and the style of a column's empty cells, by 1-based column. */
  readonly columns = new Map<number, { width?: number; alignment?: Alignment }>();
  readonly tables: DraftTable[] = [];
  views: Partial<ExcelJS.WorksheetView>[] = [];
  pageSetup: Partial<ExcelJS.PageSetup> | undefined = undefined;
  /** A range such as "A1:E4", as ExcelJS's worksheet.autoFilter takes it: filter buttons on its first row. */
  autoFilter: string | undefined = undefined;
  constructor(
    readonly name: string,
    readonly state: 'visible' | 'hidden',
  ) {}

  getCell(r: number | string, c?: number): DraftCell {
    const [row, col] = typeof r === 'string' ? parseAddress(r) : [r, c!];
    let line = this.cells.get(row);
    if (!line) this.cells.set(row, (line = new Map()));
    let cell = line.get(col);
    if (!cell) line.set(col, (cell = new DraftCell(row, col)));
    return cell;
  }

  /** mergeCells('A1:C1') or (top, left, bottom, right); the merged cells take the first one's style, as in ExcelJS. */
  mergeCells(...args: (string | number)[]): void {
    let box: [number, number, number, number];
    if (typeof args[0] === 'string') {
      const [a, b] = args[0].split(':') as [string, string];
      const [r1, c1] = parseAddress(a);
      const [r2, c2] = parseAddress(b);
      box = [r1, c1, r2, c2];
    } else box = args as [number, number, number, number];
    const master = this.getCell(box[0], box[1]);
    for (let r = box[0]; r <= box[2]; r++) {
      for (let c = box[1]; c <= box[3]; c++) {
        if (r === box[0] && c === box[1]) continue;
        const cell = this.getCell(r, c);
        cell.font = master.font;
        cell.numFmt = master.numFmt;
        cell.alignment = master.alignment;
      }
    }
    this.merges.push(box);
  }

  getColumn(c: number): { width?: number; alignment?: Alignment } {
    let column = this.columns.get(c);
    if (!column) this.columns.set(c, (column = {}));
    return column;
  }

  /** As ExcelJS's addTable: the header names and the totals label go into the cells. */
  addTable(t: ExcelJS.TableProperties): void {
    const [headerRow, col0] = parseAddress(t.ref);
    const rows = t.rows.length;
    const columns = t.columns.map((c) => ({ ...c }) as DraftTable['columns'][number]);
    columns.forEach((c, j) => (this.getCell(headerRow, col0 + j).value = c.name));
    if (t.totalsRow) columns.forEach((c, j) => c.totalsRowLabel !== undefined && (this.getCell(headerRow + rows + 1, col0 + j).value = c.totalsRowLabel));
    this.tables.push({ name: t.name, headerRow, col0, rows, totalsRow: !!t.totalsRow, style: t.style ?? {}, columns });
  }

  /** The table's column models, which the layout marks "custom" with their formula (template.ts). */
  getTable(name: string): { table: { columns: DraftTable['columns'] } } {
    const t = this.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name}`);
    return { table: { columns: t.columns } };
  }
}

export class WorkbookDraft implements LayoutBook {
  /** The theme part's XML, for a workbook whose tables take their style's colours from it; none: no theme part, fonts without theme colours. */
  theme: string | undefined = undefined;
  creator = '';
  created = new Date(0);
  modified = new Date(0);
  readonly sheets: SheetDraft[] = [];
  readonly names: { name: string; ref: string }[] = [];
  readonly definedNames = { add: (ref: string, name: string) => void this.names.push({ name, ref }) };
  addWorksheet(name: string, options?: { state?: 'visible' | 'hidden' }): SheetDraft {
    const s = new SheetDraft(name, options?.state === 'hidden' ? 'hidden' : 'visible');
    this.sheets.push(s);
    return s;
  }
}

/** A sheet of plain values (no styles), one array a row; null and '' leave the cell out. */
export interface PlainSheet {
  name: string;
  rows: Iterable<readonly (string | number | null)[]>;
  widths?: number[];
}

/** What the package holds, counted as it was written, against the readers' limits (src/xlsx/package.ts). */
export interface WrittenTally {
  /** <c> elements of all worksheets. */
  cells: number;
  /** The last row number of each worksheet, summed. */
  rows: number;
  /** Elements of every XML part. */
  elements: number;
  /** Bytes of all parts before compression. */
  uncompressedBytes: number;
  parts: number;
  sheets: number;
}

/** UTF-8 bytes written in pieces: no string of a whole part, nothing for the zip writer to re-encode. */
class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private static readonly encoder = new TextEncoder();
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 16) this.flush();
  }
  private flush(): void {
    if (this.pending.length) this.chunks.push(ByteSink.encoder.encode(this.pending.join('')));
    this.pending = [];
    this.pendingLength = 0;
  }
  bytes(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0]!;
    return concatBytes(this.chunks);
  }
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30) the layout uses; others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };
/** Excel's serial of 1970-01-01, for dates in validation formulas (ExcelJS writes them so). */
const EXCEL_EPOCH_1970 = 25569;

/** Fonts, number formats, alignments and their combinations (cellXfs), each numbered once. */
class Styles {
  private readonly fonts = new Map<string, number>();
  private readonly fontXml: string[] = [];
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['0/0/', 0]]);
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** themed: fonts in the theme's text colour and minor font (there is a theme part to refer to). */
  constructor(private readonly themed: boolean) {
    this.font({});
  }

  /** The cellXfs index of a font, number format and alignment (0: none of them). */
  index(font: Font | undefined, numFmt: string | undefined, alignment?: Alignment): number {
    if (!font && !numFmt && !alignment) return 0;
    const fontId = font ? this.font(font) : 0;
    const fmtId = numFmt ? this.format(numFmt) : 0;
    const align = alignment
      ? `<alignment${alignment.horizontal ? ` horizontal="${alignment.horizontal}"` : ''}${alignment.vertical ? ` vertical="${alignment.vertical}"` : ''}${alignment.wrapText ? ' wrapText="1"' : ''}/>`
      : '';
    const key = `${fontId}/${fmtId}/${align}`;
    let i = this.xfs.get(key);
    if (i === undefined) {
      i = this.xfXml.length;
      this.xfs.set(key, i);
      const attrs = `numFmtId="${fmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${fmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}`;
      this.xfXml.push(align ? `<xf ${attrs} applyAlignment="1">${align}</xf>` : `<xf ${attrs}/>`);
    }
    return i;
  }

  private font(f: Font): number {
    const key = JSON.stringify([f.bold, f.italic, f.size, f.color?.argb]);
    let i = this.fonts.get(key);
    if (i === undefined) {
      i = this.fontXml.length;
      this.fonts.set(key, i);
      const color = f.color?.argb ? `<color rgb="${escapeXml(f.color.argb)}"/>` : this.themed ? '<color theme="1"/>' : '';
      this.fontXml.push(`<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? 11}"/>${color}<name val="Calibri"/><family val="2"/>${this.themed ? '<scheme val="minor"/>' : ''}</font>`);
    }
    return i;
  }

  private format(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let i = this.formats.get(code);
    if (i === undefined) this.formats.set(code, (i = 164 + this.formats.size));
    return i;
  }

  xml(): string {
    const numFmts = this.formats.size ? `<numFmts count="${this.formats.size}">${[...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>` : '';
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}<fonts count="${this.fontXml.length}">${this.fontXml.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

/** The shared-string table: each text once, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly sink = new ByteSink();
  uses = 0;
  get unique(): number {
    return this.index.size;
  }
  of(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
      this.sink.write(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
    }
    return i;
  }
  part(): Uint8Array[] {
    return [strToU8(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.index.size}">`), this.sink.bytes(), strToU8('</sst>')];
  }
}

/** Elements of a part this module wrote: every start tag is `<` and a letter (no comments, no CDATA; text is escaped). */
function elementsOf(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

const letters: string[] = [];
const letter = (c: number) => (letters[c] ??= colToLetters(c - 1));

/** A formula's or validation's operand as SpreadsheetML text: dates as Excel serials. */
function operand(v: unknown): string {
  if (v instanceof Date) return String(EXCEL_EPOCH_1970 + v.getTime() / 86_400_000);
  return String(v);
}

function validationXml(dv: ExcelJS.DataValidation, sqref: string): string {
  const a = dv as ExcelJS.DataValidation & { operator?: string; errorStyle?: string; errorTitle?: string; error?: string; showInputMessage?: boolean; promptTitle?: string; prompt?: string };
  const attrs = [
    `type="${a.type}"`,
    a.errorStyle ? `errorStyle="${a.errorStyle}"` : '',
    a.operator ? `operator="${a.operator}"` : '',
    a.allowBlank ? 'allowBlank="1"' : '',
    a.showInputMessage ? 'showInputMessage="1"' : '',
    a.showErrorMessage ? 'showErrorMessage="1"' : '',
    a.errorTitle ? `errorTitle="${escapeXml(a.errorTitle)}"` : '',
    a.error ? `error="${escapeXml(a.error)}"` : '',
    a.promptTitle ? `promptTitle="${escapeXml(a.promptTitle)}"` : '',
    a.prompt ? `prompt="${escapeXml(a.prompt)}"` : '',
    `sqref="${sqref}"`,
  ].filter(Boolean);
  const f = (dv.formulae ?? []).map((x, i) => `<formula${i + 1}>${escapeXml(operand(x))}</formula${i + 1}>`).join('');
  return `<dataValidation ${attrs.join(' ')}>${f}</dataValidation>`;
}

/** Cells with one validation as ranges: each column's consecutive rows as one. */
function sqrefOf(cells: DraftCell[]): string {
  const byCol = new Map<number, number[]>();
  for (const c of cells) (byCol.get(c.col) ?? byCol.set(c.col, []).get(c.col)!).push(c.row);
  const out: string[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (const r of [...rows.slice(1), Infinity]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push(start === prev ? `${letter(col)}${start}` : `${letter(col)}${start}:${letter(col)}${prev}`);
      start = prev = r;
    }
  }
  return out.join(' ');
}

interface PartOut {
  name: string;
  data: Uint8Array;
}

/**
 * One worksheet of the draft. Cells with neither value nor style are left out (as ExcelJS does);
 * a formula is written with its cached result when it has one (`t="str"` for a text result).
 */
function draftSheetXml(s: SheetDraft, styles: Styles, sst: SharedStrings, tableRels: string[], tally: WrittenTally): Uint8Array {
  const out = new ByteSink();
  const rowsUsed = [...s.cells.keys()].sort((a, b) => a - b);
  let maxCol = 1;
  for (const line of s.cells.values()) for (const c of line.keys()) maxCol = Math.max(maxCol, c);
  const lastRow = rowsUsed.length ? rowsUsed[rowsUsed.length - 1]! : 1;
  const fit = s.pageSetup?.fitToPage;
  out.write(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  if (fit) out.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.write(`<dimension ref="A1:${letter(maxCol)}${lastRow}"/>`);
  const v = s.views[0];
  if (v?.state === 'frozen') {
    const y = (v as { ySplit?: number }).ySplit ?? 0;
    const tl = escapeXml((v as { topLeftCell?: string }).topLeftCell ?? `A${y + 1}`);
    const active = escapeXml(v.activeCell ?? tl);
    out.write(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${y}" topLeftCell="${tl}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${active}" sqref="${active}"/></sheetView></sheetViews>`);
  }
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = [...s.columns]
    .filter(([, col]) => col.width !== undefined || col.alignment)
    .sort((a, b) => a[0] - b[0])
    .map(([c, col]) => {
      const st = styles.index(undefined, undefined, col.alignment);
      return `<col min="${c}" max="${c}"${col.width !== undefined ? ` width="${col.width}"` : ''}${st ? ` style="${st}"` : ''}${col.width !== undefined ? ' customWidth="1"' : ''}/>`;
    });
  if (cols.length) out.write(`<cols>${cols.join('')}</cols>`);
  out.write('<sheetData>');
  const validations = new Map<string, { dv: ExcelJS.DataValidation; cells: DraftCell[] }>();
  for (const r of rowsUsed) {
    const line = s.cells.get(r)!;
    let cells = '';
    for (const c of [...line.keys()].sort((a, b) => a - b)) {
      const cell = line.get(c)!;
      if (cell.dataValidation) {
        const key = JSON.stringify(cell.dataValidation);
        (validations.get(key) ?? validations.set(key, { dv: cell.dataValidation, cells: [] }).get(key)!).cells.push(cell);
      }
      const st = styles.index(cell.font, cell.numFmt, cell.alignment);
      const sAttr = st ? ` s="${st}"` : '';
      const ref = `${letter(c)}${r}`;
      const val = cell.value;
      if (val === null || val === undefined || val === '') {
        if (st) cells += `<c r="${ref}"${sAttr}/>`;
        else continue;
      } else if (typeof val === 'number') {
        cells += Number.isFinite(val) ? `<c r="${ref}"${sAttr}><v>${val}</v></c>` : `<c r="${ref}"${sAttr}/>`;
      } else if (typeof val === 'string') {
        cells += `<c r="${ref}"${sAttr} t="s"><v>${sst.of(val)}</v></c>`;
      } else if (typeof val === 'boolean') {
        cells += `<c r="${ref}"${sAttr} t="b"><v>${val ? 1 : 0}</v></c>`;
      } else if (typeof val === 'object' && 'formula' in val && typeof val.formula === 'string') {
        const f = `<f>${escapeXml(val.formula.replace(/^=/, ''))}</f>`;
        const res = (val as ExcelJS.CellFormulaValue).result;
        if (typeof res === 'number' && Number.isFinite(res)) cells += `<c r="${ref}"${sAttr}>${f}<v>${res}</v></c>`;
        else if (typeof res === 'string') cells += `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeXml(res)}</v></c>`;
        else cells += `<c r="${ref}"${sAttr}>${f}</c>`;
      } else throw new Error(`workbook-writer: unsupported value in ${s.name}!${ref}`);
      tally.cells++;
    }
    if (cells) out.write(`<row r="${r}">${cells}</row>`);
  }
  out.write('</sheetData>');
  if (s.autoFilter) out.write(`<autoFilter ref="${escapeXml(s.autoFilter)}"/>`);
  if (s.merges.length) out.write(`<mergeCells count="${s.merges.length}">${s.merges.map(([r1, c1, r2, c2]) => `<mergeCell ref="${letter(c1)}${r1}:${letter(c2)}${r2}"/>`).join('')}</mergeCells>`);
  if (validations.size) out.write(`<dataValidations count="${validations.size}">${[...validations.values()].map((g) => validationXml(g.dv, sqrefOf(g.cells))).join('')}</dataValidations>`);
  const m = s.pageSetup?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  out.write(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  if (s.pageSetup) {
    const p = s.pageSetup;
    const attrs = [p.paperSize !== undefined ? `paperSize="${p.paperSize}"` : '', p.orientation ? `orientation="${p.orientation}"` : '', p.fitToWidth !== undefined ? `fitToWidth="${p.fitToWidth}"` : '', p.fitToHeight !== undefined ? `fitToHeight="${p.fitToHeight}"` : ''].filter(Boolean);
    out.write(`<pageSetup ${attrs.join(' ')}/>`);
  }
  if (tableRels.length) out.write(`<tableParts count="${tableRels.length}">${tableRels.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  out.write('</worksheet>');
  tally.rows += lastRow;
  const bytes = out.bytes();
  // A standard sheet is small (the tables' consolidated rows): its elements are counted in its text.
  tally.elements += elementsOf(new TextDecoder().decode(bytes));
  return bytes;
}

function tableXml(t: DraftTable, id: number): string {
  const first = letter(t.col0);
  const last = letter(t.col0 + t.columns.length - 1);
  const lastDataRow = t.headerRow + t.rows;
  const end = lastDataRow + (t.totalsRow ? 1 : 0);
  const hidden = t.columns.map((c, j) => (c.filterButton === false ? `<filterColumn colId="${j}" hiddenButton="1"/>` : '')).join('');
  const columns = t.columns
    .map((c, j) => {
      const label = c.totalsRowLabel !== undefined ? ` totalsRowLabel="${escapeXml(c.totalsRowLabel)}"` : '';
      const fn = c.totalsRowFunction && c.totalsRowLabel === undefined ? ` totalsRowFunction="${c.totalsRowFunction}"` : '';
      const head = `<tableColumn id="${j + 1}" name="${escapeXml(c.name)}"${label}${fn}`;
      return c.totalsRowFunction === 'custom' && c.totalsRowFormula ? `${head}><totalsRowFormula>${escapeXml(c.totalsRowFormula)}</totalsRowFormula></tableColumn>` : `${head}/>`;
    })
    .join('');
  const style = t.style.theme ? `<tableStyleInfo name="${escapeXml(t.style.theme)}" showFirstColumn="0" showLastColumn="0" showRowStripes="${t.style.showRowStripes ? 1 : 0}" showColumnStripes="0"/>` : '';
  return (
    `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${first}${t.headerRow}:${last}${end}"${t.totalsRow ? ' totalsRowCount="1"' : ''} headerRowCount="1">` +
    `<autoFilter ref="${first}${t.headerRow}:${last}${lastDataRow}">${hidden}</autoFilter><tableColumns count="${t.columns.length}">${columns}</tableColumns>${style}</table>`
  );
}

/** A plain sheet, streamed row by row: numbers as numbers, text through the shared strings. */
function plainSheetXml(sheet: PlainSheet, sst: SharedStrings, tally: WrittenTally): Uint8Array {
  const out = new ByteSink();
  out.write(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}">`);
  if (sheet.widths?.length) out.write(`<cols>${sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.write('<sheetData>');
  // worksheet and sheetData, cols and each col, then each row and cell with its <v>.
  let elements = 2 + (sheet.widths?.length ? 1 + sheet.widths.length : 0);
  let r = 0;
  let lastRow = 0;
  for (const row of sheet.rows) {
    r++;
    let cells = '';
    let n = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) continue;
        cells += `<c r="${letter(j + 1)}${r}"><v>${v}</v></c>`;
      } else cells += `<c r="${letter(j + 1)}${r}" t="s"><v>${sst.of(v)}</v></c>`;
      n++;
    }
    if (!n) continue;
    out.write(`<row r="${r}">${cells}</row>`);
    tally.cells += n;
    elements += 1 + 2 * n;
    lastRow = r;
  }
  out.write('</sheetData></worksheet>');
  tally.rows += lastRow;
  tally.elements += elements;
  return out.bytes();
}

/** What zips the parts: src/zip/write.ts's writeZip (fflate, anywhere) or, in Node, src/zip/write-node.ts's writeZipNative. */
export type ZipParts = (parts: PartOut[], options: { level: 1 | 6; mtime: Date }) => Uint8Array;

/** The package's bytes and what it holds; `level` is deflate's (1: fastest); `zip`, what zips it (default writeZip). */
export function writeDraft(draft: WorkbookDraft, extra: readonly PlainSheet[] = [], options: { level?: 1 | 6; mtime?: Date; zip?: ZipParts } = {}): { bytes: Uint8Array; tally: WrittenTally } {
  const tally: WrittenTally = { cells: 0, rows: 0, elements: 0, uncompressedBytes: 0, parts: 0, sheets: 0 };
  const styles = new Styles(draft.theme !== undefined);
  const sst = new SharedStrings();
  const parts: PartOut[] = [];
  const add = (name: string, data: Uint8Array | string) => parts.push({ name, data: typeof data === 'string' ? strToU8(data) : data });
  const sheetEntries: { name: string; state: string }[] = [];
  const overrides: string[] = [];
  let tableId = 0;
  let n = 0;
  for (const s of draft.sheets) {
    n++;
    const rels: string[] = [];
    const ids: string[] = [];
    for (const t of s.tables) {
      const id = ++tableId;
      add(`xl/tables/table${id}.xml`, tableXml(t, id));
      overrides.push(`<Override PartName="/xl/tables/table${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
      ids.push(`rId${ids.length + 1}`);
      rels.push(`<Relationship Id="rId${ids.length}" Type="${REL_NS}/table" Target="../tables/table${id}.xml"/>`);
    }
    add(`xl/worksheets/sheet${n}.xml`, draftSheetXml(s, styles, sst, ids, tally));
    if (rels.length) add(`xl/worksheets/_rels/sheet${n}.xml.rels`, `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`);
    sheetEntries.push({ name: s.name, state: s.state });
  }
  for (const s of extra) {
    n++;
    add(`xl/worksheets/sheet${n}.xml`, plainSheetXml(s, sst, tally));
    sheetEntries.push({ name: s.name, state: 'visible' });
  }
  const sheetsXml = sheetEntries.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state === 'hidden' ? ' state="hidden"' : ''} r:id="rId${i + 4}"/>`).join('');
  // An AutoFilter's range is also the sheet's hidden name _xlnm._FilterDatabase, as Excel writes it: the sheet name quoted, its quotes doubled.
  const filters = draft.sheets.flatMap((s, i) =>
    s.autoFilter
      ? [`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`'${s.name.replace(/'/g, "''")}'!${s.autoFilter.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`)}</definedName>`]
      : [],
  );
  const names = [...draft.names.map((d) => `<definedName name="${escapeXml(d.name)}">${escapeXml(d.ref)}</definedName>`), ...filters];
  const namesXml = names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
  add('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheetsXml}</sheets>${namesXml}<calcPr calcId="171027"/></workbook>`);
  add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>${draft.theme !== undefined ? `<Relationship Id="rId2" Type="${REL_NS}/theme" Target="theme/theme1.xml"/>` : ''}<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      sheetEntries.map((_, i) => `<Relationship Id="rId${i + 4}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  );
  add('xl/sharedStrings.xml', concatBytes(sst.part()));
  tally.elements += 1 + 2 * sst.unique;
  add('xl/styles.xml', styles.xml());
  if (draft.theme !== undefined) add('xl/theme/theme1.xml', draft.theme);
  const iso = (d: Date) => (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString().replace(/\.\d{3}Z$/, 'Z');
  add(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(draft.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso(draft.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso(draft.modified)}</dcterms:modified></cp:coreProperties>`,
  );
  add('docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`);
  add(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  const sheetTypes = sheetEntries.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheetTypes +
      (draft.theme !== undefined ? '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' : '') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      overrides.join('') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
  );
  // The small parts' elements, counted in their text; sheets and shared strings were counted as written.
  const decoder = new TextDecoder();
  for (const p of parts) {
    tally.uncompressedBytes += p.data.length;
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(p.name) || p.name === 'xl/sharedStrings.xml') continue;
    tally.elements += elementsOf(decoder.decode(p.data));
  }
  tally.parts = parts.length;
  tally.sheets = sheetEntries.length;
  const bytes = (options.zip ?? writeZip)(parts, { level: options.level ?? 1, mtime: options.mtime ?? new Date() });
  return { bytes, tally };
}
