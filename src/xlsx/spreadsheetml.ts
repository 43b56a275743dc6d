/**
 * Excel 2003 XML spreadsheets ("XML Spreadsheet 2003", urn:schemas-microsoft-com:office:spreadsheet)
 * → WorkbookModel. Reporting systems written for .NET export this with an ".xls" name; Excel opens
 * it as a workbook of several sheets.
 *
 * The XML is streamed through saxes (src/zip/saxes.ts, the parser of every other reader here), with
 * namespaces resolved: the format's attributes count in its own namespace, whatever their prefix.
 * Elements are counted against LIMITS while they are read (elements and nesting depth, as the .xlsx
 * and .ods readers count them; cells, merged areas included, against the page limit this reader has
 * always had; rows of the grid it builds; worksheets), so a hostile file is refused before it costs
 * memory.
 * Formulas, written in R1C1 style, are turned into A1 by @borgar/fx. What is written here is the
 * format's cell placement: a Row or Cell with ss:Index jumps to that position, ss:MergeAcross /
 * ss:MergeDown make a merged area whose later cells are skipped, and typed Data gives the value
 * (Number and DateTime are locale-free, so they become numbers; String stays text). A worksheet's
 * x:Visible option marks it hidden or very hidden, as the other readers mark theirs. Text in a
 * TCVN3 or VNI font (the ss:FontName of the cell's style, or of its row's, its column's or the
 * Default style; a rich-text run's html:Face) is converted to Unicode and counted, as the other
 * readers do it (legacy-cells.ts).
 *
 * Until it streamed, this reader built a whole xmldom DOM; that reader is the oracle of
 * test/xlsx/spreadsheetml.test.ts, which shows the models are the same. One difference is meant:
 * xmldom guessed its way through XML that is not well-formed (an unescaped "&", a missing end tag,
 * which silently lost rows), where saxes refuses it, as Excel does.
 */
import { parseA1Ref, translateFormulaToA1 } from '@borgar/fx/xlsx';
import type { Cell, NameRef, SheetGrid, WorkbookModel } from '../core/model';
import { colToLetters } from '../core/model';
import { isUnreadableWorkbookError, refuse, type UnreadableWorkbookError } from './errors';
import { Budget, LIMITS } from './package';
import { isoDateSerial } from './serial';
import { newSaxesParserNS, type SaxesTagNS } from '../zip/saxes';
import { ConversionTally, fontCoding, type FontCoding } from './legacy-cells';

const SS = 'urn:schemas-microsoft-com:office:spreadsheet';
/** Excel's own namespace, where a worksheet's options (its visibility among them) are written. */
const X = 'urn:schemas-microsoft-com:office:excel';
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const CHUNK = 1 << 20;

function broken(detail?: string): UnreadableWorkbookError {
  return refuse('xml2003_corrupt', {}, detail);
}

/** Named number formats of the format, as Excel's format codes. */
const NAMED_FORMATS: Record<string, string> = {
  Percent: '0.00%',
  Fixed: '0.00',
  Standard: '#,##0.00',
  'General Number': 'General',
  'Short Date': 'dd/mm/yyyy',
  'General Date': 'dd/mm/yyyy hh:mm',
};

/** An attribute of the format's namespace (`ss:Index`); an unprefixed one is in no namespace. */
const ssAttr = (tag: SaxesTagNS, name: string): string | null => {
  for (const key in tag.attributes) {
    const a = tag.attributes[key]!;
    if (a.local === name && a.uri === SS) return a.value;
  }
  return null;
};
const intAttr = (tag: SaxesTagNS, name: string): number | null => {
  const v = ssAttr(tag, name);
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
};

function valueOf(type: string, text: string): Pick<Cell, 'v' | 'e'> | null {
  switch (type) {
    case 'Number': {
      const n = Number(text);
      return Number.isFinite(n) && text.trim() !== '' ? { v: n } : { v: text };
    }
    case 'DateTime': {
      const s = isoDateSerial(text);
      return s === null ? { v: text } : { v: s };
    }
    case 'Boolean':
      return { v: text.trim() === '1' || /^true$/i.test(text.trim()) };
    case 'Error':
      return { v: null, e: text.trim() };
    default:
      return text === '' ? null : { v: text.normalize('NFC') };
  }
}

/**
 * What an element is to the reader, from its local name and its parent's role (the DOM reader took
 * the same elements, by local name in any namespace, as children of these parents only).
 */
type Role = 'root' | 'styles' | 'style' | 'worksheet' | 'table' | 'row' | 'cell' | 'data' | 'names' | 'options' | 'visible' | null;

/**
 * A worksheet's visibility as Excel writes it in its options:
 * `<x:WorksheetOptions><x:Visible>SheetHidden</x:Visible>` (or SheetVeryHidden), both in Excel's
 * namespace; no Visible element, or SheetVisible, is a visible sheet. Microsoft's XML Spreadsheet
 * Reference describes the element:
 * https://learn.microsoft.com/previous-versions/office/developer/office-xp/aa140066(v=office.10)
 */
const VISIBILITY: Record<string, SheetGrid['hidden']> = { SheetHidden: 'hidden', SheetVeryHidden: 'veryHidden' };

interface Sheet {
  name: string;
  rows: (Cell | undefined)[][];
  merges: string[];
  covered: Map<number, Set<number>>;
  /** Whether the worksheet's first Table was met: only that one is read. */
  tableSeen: boolean;
  /** A row index outside the grid ends the table's rows. */
  rowsDone: boolean;
  r: number;
  /** Rows counted against LIMITS.maxRows: the length the grid has reached. */
  rowsCounted: number;
  hidden?: SheetGrid['hidden'];
  /** The current row's ss:StyleID, for its cells that name none. */
  rowStyle: string | null;
  /** Column styles (ss:StyleID of Column elements), as ranges of 0-based columns, sorted and apart. */
  columns: { from: number; to: number; style: string }[];
  /** The column the next Column element describes, when it has no ss:Index. */
  nextColumn: number;
}

/** A piece of a rich-text Data: its text and the font face its html:Font gives (undefined: the cell's font). */
interface Run {
  text: string;
  face: string | undefined;
}

/** A text cell whose font is looked up at the end, when every style is known. */
interface TextCell {
  cell: Cell;
  sheet: string;
  /** The style that gives its font: the cell's, else its row's, else its column's (null: the Default style). */
  style: string | null;
  /** Its rich-text runs, when a run names a font face of its own. */
  runs: Run[] | null;
}

interface CellState {
  r: number;
  c: number;
  formula: string | null;
  style: string | null;
  /** The first Data child: its type and its text (all the text inside it, as textContent). */
  data: { type: string; text: string; runs: Run[] | null } | null;
  /** The font style the cell would have without a StyleID: its row's or its column's. */
  inherited: string | null;
}

export function readSpreadsheetMl(bytes: Uint8Array, fileName?: string): WorkbookModel {
  const budget = new Budget();
  const formats = new Map<string, string>();
  /** Each style's font name (ss:FontName) and parent style (ss:Parent), for TCVN3 / VNI text. */
  const fonts = new Map<string, string>();
  const parents = new Map<string, string>();
  const textCells: TextCell[] = [];
  /** Cells with a style: their format is looked up at the end, as the DOM reader knew every style first. */
  const styled: [Cell, string][] = [];
  const sheets: SheetGrid[] = [];
  const names: NameRef[] = [];
  let cells = 0;
  let worksheets = 0;

  const roles: Role[] = [];
  let style: { id: string | null; formatSeen: boolean; fontSeen: boolean } | null = null;
  let sheet: Sheet | null = null;
  let rowDone = false;
  let c = -1;
  let cell: CellState | null = null;
  /** Depth of the Data element whose text is being gathered (0: none). */
  let dataDepth = 0;
  /** The text of the worksheet option x:Visible being read (null: none). */
  let visibleText: string | null = null;
  /** Inside a Data element: the font face of each element open below it (rich-text html:Font runs). */
  const faces: (string | undefined)[] = [];

  const open = (tag: SaxesTagNS, parent: Role | undefined, depth: number): Role => {
    const local = tag.local;
    switch (parent) {
      case undefined:
        if (local !== 'Workbook') throw broken('no Workbook element');
        return 'root';
      case 'root':
        if (local === 'Styles') return 'styles';
        if (local === 'Names') return 'names';
        if (local === 'Worksheet') {
          // Past the limit, sheets are only counted (to say how many): none is built.
          if (++worksheets > LIMITS.maxSheets) return null;
          sheet = { name: ssAttr(tag, 'Name') ?? `Sheet${sheets.length + 1}`, rows: [], merges: [], covered: new Map(), tableSeen: false, rowsDone: false, r: -1, rowsCounted: 0, rowStyle: null, columns: [], nextColumn: 0 };
          return 'worksheet';
        }
        return null;
      case 'styles':
        if (local !== 'Style') return null;
        style = { id: ssAttr(tag, 'ID'), formatSeen: false, fontSeen: false };
        {
          const parent = ssAttr(tag, 'Parent');
          if (style.id && parent) parents.set(style.id, parent);
        }
        return 'style';
      case 'style':
        if (local === 'NumberFormat' && style && !style.formatSeen) {
          style.formatSeen = true;
          const code = ssAttr(tag, 'Format');
          if (style.id && code) formats.set(style.id, NAMED_FORMATS[code] ?? code);
        } else if (local === 'Font' && style && !style.fontSeen) {
          style.fontSeen = true;
          const name = ssAttr(tag, 'FontName');
          if (style.id && name) fonts.set(style.id, name);
        }
        return null;
      case 'worksheet':
        if (local === 'WorksheetOptions' && tag.uri === X) return 'options';
        if (local !== 'Table' || !sheet || sheet.tableSeen) return null;
        sheet.tableSeen = true;
        return 'table';
      case 'options':
        if (local !== 'Visible' || tag.uri !== X) return null;
        visibleText = '';
        return 'visible';
      case 'table': {
        if (local === 'Column' && sheet) {
          // A styled column is one range however many columns it spans. Columns are written left to
          // right; one that goes back is not kept, so the ranges stay sorted and apart (a cell's
          // column is found by halving) and there are never more of them than the grid's columns.
          const from = (intAttr(tag, 'Index') ?? sheet.nextColumn + 1) - 1;
          if (from < sheet.nextColumn || from >= MAX_COLS) return null;
          const to = Math.min(from + Math.max(intAttr(tag, 'Span') ?? 0, 0), MAX_COLS - 1);
          sheet.nextColumn = to + 1;
          const id = ssAttr(tag, 'StyleID');
          if (id) sheet.columns.push({ from, to, style: id });
          return null;
        }
        if (local !== 'Row' || !sheet || sheet.rowsDone) return null;
        sheet.r = (intAttr(tag, 'Index') ?? sheet.r + 2) - 1;
        if (sheet.r < 0 || sheet.r >= MAX_ROWS) {
          sheet.rowsDone = true;
          return null;
        }
        c = -1;
        rowDone = false;
        sheet.rowStyle = ssAttr(tag, 'StyleID');
        return 'row';
      }
      case 'row': {
        if (local !== 'Cell' || !sheet || rowDone) return null;
        const r = sheet.r;
        const index = intAttr(tag, 'Index');
        c = index !== null ? index - 1 : c + 1;
        while (sheet.covered.get(r)?.has(c)) c++;
        if (c < 0 || c >= MAX_COLS) {
          rowDone = true;
          return null;
        }
        const across = Math.min(Math.max(intAttr(tag, 'MergeAcross') ?? 0, 0), MAX_COLS - 1 - c);
        const down = Math.min(Math.max(intAttr(tag, 'MergeDown') ?? 0, 0), MAX_ROWS - 1 - r);
        cells += (across + 1) * (down + 1);
        if (cells > LIMITS.maxPageCells) {
          throw refuse('page_too_many_cells', { limit: LIMITS.maxPageCells });
        }
        const styleId = ssAttr(tag, 'StyleID');
        cell = { r, c, formula: ssAttr(tag, 'Formula'), style: styleId, data: null, inherited: styleId ? null : (sheet.rowStyle ?? columnStyle(sheet, c)) };
        if (across || down) {
          sheet.merges.push(`${colToLetters(c)}${r + 1}:${colToLetters(c + across)}${r + 1 + down}`);
          for (let dr = 1; dr <= down; dr++) {
            let set = sheet.covered.get(r + dr);
            if (!set) sheet.covered.set(r + dr, (set = new Set()));
            for (let dc = 0; dc <= across; dc++) set.add(c + dc);
          }
        }
        c += across;
        return 'cell';
      }
      case 'cell':
        if (local !== 'Data' || !cell || cell.data) return null;
        cell.data = { type: ssAttr(tag, 'Type') ?? 'String', text: '', runs: null };
        dataDepth = depth;
        return 'data';
      case 'names': {
        if (local !== 'NamedRange') return null;
        const name = ssAttr(tag, 'Name');
        const refersTo = ssAttr(tag, 'RefersTo');
        if (name && refersTo && !name.startsWith('_')) {
          const ref = namedCell(refersTo);
          if (ref) names.push({ name, ...ref });
        }
        return null;
      }
      default:
        return null;
    }
  };

  const close = (role: Role): void => {
    switch (role) {
      case 'data':
        dataDepth = 0;
        return;
      case 'visible':
        if (sheet && visibleText !== null) {
          const hidden = VISIBILITY[visibleText.trim()];
          if (hidden) sheet.hidden = hidden;
          else delete sheet.hidden;
        }
        visibleText = null;
        return;
      case 'cell':
        if (cell && sheet) placeCell(sheet, cell);
        cell = null;
        return;
      case 'style':
        style = null;
        return;
      case 'worksheet':
        if (sheet) {
          const rows = sheet.rows;
          for (let i = 0; i < rows.length; i++) rows[i] ??= [];
          const grid: SheetGrid = { name: sheet.name, rows };
          if (sheet.merges.length) grid.merges = sheet.merges;
          if (sheet.hidden) grid.hidden = sheet.hidden;
          sheets.push(grid);
        }
        sheet = null;
        return;
      default:
        return;
    }
  };

  const placeCell = (target: Sheet, at: CellState): void => {
    const value = at.data ? valueOf(at.data.type, at.data.text) : null;
    let out: Cell | null = value ? { ...value } : null;
    if (at.formula) {
      out ??= { v: null };
      try {
        out.f = translateFormulaToA1(at.formula, `${colToLetters(at.c)}${at.r + 1}`).replace(/^=/, '');
      } catch {
        out.f = at.formula.replace(/^=/, '');
      }
    }
    if (!out) return;
    if (at.style) styled.push([out, at.style]);
    if (typeof out.v === 'string') textCells.push({ cell: out, sheet: target.name, style: at.style ?? at.inherited, runs: at.data?.runs ?? null });
    // The grid grows to this row: its rows count against the limit before they are made.
    if (at.r + 1 > target.rowsCounted) {
      budget.addRows(at.r + 1 - target.rowsCounted);
      target.rowsCounted = at.r + 1;
    }
    (target.rows[at.r] ??= [])[at.c] = out;
  };

  const parser = newSaxesParserNS();
  parser.on('opentag', (tag) => {
    const depth = roles.length + 1;
    budget.addElement(depth, false);
    if (dataDepth && depth > dataDepth) faces.push(tag.local === 'Font' ? (faceOf(tag) ?? faces[faces.length - 1]) : faces[faces.length - 1]);
    roles.push(open(tag, depth === 1 ? undefined : roles[roles.length - 1], depth));
  });
  parser.on('closetag', () => {
    if (dataDepth && roles.length > dataDepth) faces.pop();
    close(roles.pop() ?? null);
  });
  const text = (t: string) => {
    const data = dataDepth ? cell?.data : null;
    if (data) {
      // Runs are kept once a run names its own face; the text before it is the cell font's.
      const face = faces[faces.length - 1];
      if (face !== undefined && !data.runs) data.runs = [{ text: data.text, face: undefined }];
      if (data.runs) {
        const last = data.runs[data.runs.length - 1]!;
        if (last.face === face) last.text += t;
        else data.runs.push({ text: t, face });
      }
      data.text += t;
    } else if (visibleText !== null) visibleText += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', (e) => {
    throw broken(String(e));
  });

  const decoder = new TextDecoder();
  let started = false;
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      let chunk = decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true });
      if (!started) {
        // Blank lines before the XML declaration (a page template's first line) were read before;
        // XML allows nothing there, so they are dropped rather than refused. The decoder drops a BOM.
        chunk = chunk.trimStart();
        started = chunk !== '';
      }
      parser.write(chunk);
    }
    parser.write(decoder.decode()).close();
  } catch (e) {
    if (isUnreadableWorkbookError(e)) throw e;
    throw broken(String(e));
  }
  if (worksheets > LIMITS.maxSheets) throw refuse('too_many_sheets', { sheets: worksheets, limit: LIMITS.maxSheets });
  if (!sheets.length) throw broken('no Worksheet');

  for (const [out, id] of styled) {
    const z = formats.get(id);
    if (z && !/^general$/i.test(z)) out.z = z;
  }
  const conversions = convertLegacyText(textCells, fonts, parents);
  const model: WorkbookModel = { format: 'spreadsheetml2003', sheets, tables: [], names };
  if (conversions) model.conversions = conversions;
  if (fileName !== undefined) model.fileName = fileName;
  return model;
}

/** A rich-text run's font face: html:Face on an html Font element (the attribute's local name, any namespace). */
function faceOf(tag: SaxesTagNS): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key]!;
    if (a.local === 'Face' && a.value) return a.value;
  }
  return undefined;
}

/** The style of column `c` from the table's styled Column ranges (sorted and apart). */
function columnStyle(sheet: Sheet, c: number): string | null {
  const cols = sheet.columns;
  let lo = 0;
  let hi = cols.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = cols[mid]!;
    if (c < k.from) hi = mid - 1;
    else if (c > k.to) lo = mid + 1;
    else return k.style;
  }
  return null;
}

/**
 * TCVN3 / VNI text converted by its font (src/xlsx/legacy-cells.ts), as the other readers convert
 * it: a style's font is its own ss:FontName, else its parent's (ss:Parent), else the Default
 * style's (Excel's "Normal", which a cell without a style has); a rich-text run's html:Face
 * overrides the cell's font for its text. The conversions are counted per sheet.
 */
function convertLegacyText(cells: TextCell[], fonts: Map<string, string>, parents: Map<string, string>): ReturnType<ConversionTally['result']> {
  const codings = new Map<string, FontCoding>();
  const codingOf = (id: string): FontCoding => {
    let hit = codings.get(id);
    if (hit !== undefined) return hit;
    let name: string | undefined;
    // Up the parent chain a bounded number of steps: a loop of parents is a broken file, not a hang.
    let at: string | undefined = id;
    for (let k = 0; at !== undefined && name === undefined && k < 20; k++) {
      name = fonts.get(at);
      at = parents.get(at);
    }
    hit = fontCoding(name ?? fonts.get('Default'));
    codings.set(id, hit);
    return hit;
  };
  // Most workbooks have no old font at all: nothing to look at then.
  const anyOld = [...fonts.values()].some((f) => fontCoding(f)) || cells.some((t) => t.runs?.some((r) => r.face !== undefined && fontCoding(r.face)));
  if (!anyOld) return undefined;
  const tally = new ConversionTally();
  for (const t of cells) {
    const coding = codingOf(t.style ?? 'Default');
    const v = t.cell.v as string;
    if (t.runs) {
      const runs = t.runs.map((r) => ({ text: r.text, coding: r.face !== undefined ? fontCoding(r.face) : coding }));
      if (runs.some((r) => r.coding)) t.cell.v = tally.byRuns(t.sheet, runs).normalize('NFC');
    } else if (coding) {
      const out = tally.byFont(t.sheet, v, coding);
      if (out !== v) t.cell.v = out.normalize('NFC');
    }
  }
  return tally.result();
}

/** A workbook-scope name pointing at one cell of a sheet, as the .xlsx reader keeps them. */
function namedCell(refersTo: string): Omit<NameRef, 'name'> | null {
  let a1: string;
  try {
    a1 = translateFormulaToA1(refersTo, 'A1').replace(/^=/, '');
  } catch {
    return null;
  }
  const ref = parseA1Ref(a1);
  const r = ref && 'range' in ref ? ref.range : null;
  if (ref && r && ref.sheetName && r.top !== null && r.left !== null && (r.bottom ?? r.top) === r.top && (r.right ?? r.left) === r.left) {
    return { sheet: ref.sheetName, cell: `${colToLetters(r.left)}${r.top + 1}` };
  }
  return null;
}
