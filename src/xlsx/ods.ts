/**
 * OpenDocument spreadsheets (.ods, LibreOffice Calc, pushed in the public sector) → WorkbookModel.
 *
 * An .ods is a zip holding content.xml (and styles.xml): the zip is opened with fflate and each part
 * inflated with the running byte count of src/zip/inflate.ts, content.xml parsed by saxes while it
 * inflates (the same libraries and the same counted, streaming pass as the .xlsx reader), so no
 * zip or XML parsing is written here. What is written here is the format's meaning: repeated rows
 * and cells, spans as merged areas, typed values (office:value-type), formulas turned from
 * OpenFormula ("of:=SUM([.B6:.B11])") into Excel's A1 text, number and date styles into format
 * codes, hidden sheets (a table style with table:display="false"), named ranges that point at one
 * cell, database ranges as tables (what LibreOffice makes of an Excel table), and the cells' fonts
 * for TCVN3 / VNI text.
 *
 * Limits are counted while reading: elements, depth and inflated bytes as for .xlsx; a repeated
 * cell with a value is as many cells as it repeats, counted before it is placed; an empty cell or
 * row repeated to the sheet's end (LibreOffice writes `number-columns-repeated="16384"` after every
 * row) is skipped without allocating; rows count against LIMITS.maxRows up to the last row that
 * holds a value.
 */
import type { Cell, NameRef, SheetGrid, TableRef, WorkbookModel } from '../core/model';
import { colToLetters } from '../core/model';
import { isUnreadableWorkbookError, refuse } from './errors';
import { Budget, LIMITS } from './package';
import { openZip, ZipOpenError, type ZipArchive } from '../zip/archive';
import { inflateCounted, inflateEach } from '../zip/inflate';
import { newSaxesParser } from '../zip/saxes';
import { isoDateSerial } from './serial';
import { ConversionTally, fontCoding, type FontCoding } from './legacy-cells';

/** Excel's grid, which officers' .ods files (saved to be read by Excel users) never exceed. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

const broken = (detail?: unknown) => refuse('ods_corrupt', {}, detail === undefined ? undefined : String(detail));

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

interface Style {
  parent?: string;
  dataStyle?: string;
  font?: string;
  /** A table style: the sheet is hidden. */
  hidden?: boolean;
}

interface DataStyle {
  kind: 'number' | 'percentage' | 'currency' | 'date' | 'time' | 'boolean' | 'text';
  decimals: number;
  grouping: boolean;
}

/** Styles from styles.xml and content.xml, by name, with the fonts' families. */
class Styles {
  readonly styles = new Map<string, Style>();
  readonly data = new Map<string, DataStyle>();
  readonly fontFaces = new Map<string, string>();
  defaultCellFont: string | undefined;
  private cache = new Map<string, { z: string | undefined; isDate: boolean; font: FontCoding }>();

  /** Listens to one part's styles (office:font-face-decls, office:styles, office:automatic-styles). */
  listener(): { open(local: string, a: Record<string, string>): void; close(local: string): void } {
    let style: Style | null = null;
    let data: DataStyle | null = null;
    let inDefault = false;
    return {
      open: (local, a) => {
        switch (local) {
          case 'font-face':
            if (a['style:name']) this.fontFaces.set(a['style:name'], (a['svg:font-family'] ?? a['style:name']).replace(/^['"]|['"]$/g, ''));
            break;
          case 'style':
            style = { ...(a['style:parent-style-name'] ? { parent: a['style:parent-style-name'] } : {}), ...(a['style:data-style-name'] ? { dataStyle: a['style:data-style-name'] } : {}) };
            if (a['style:name']) this.styles.set(a['style:name'], style);
            break;
          case 'default-style':
            inDefault = a['style:family'] === 'table-cell';
            break;
          case 'text-properties': {
            const font = a['style:font-name'] ? (this.fontFaces.get(a['style:font-name']) ?? a['style:font-name']) : a['fo:font-family'];
            if (font && style) style.font = font;
            else if (font && inDefault) this.defaultCellFont = font;
            break;
          }
          case 'table-properties':
            if (style && a['table:display'] === 'false') style.hidden = true;
            break;
          case 'number-style':
          case 'percentage-style':
          case 'currency-style':
          case 'date-style':
          case 'time-style':
          case 'boolean-style':
          case 'text-style':
            data = { kind: local.replace('-style', '') as DataStyle['kind'], decimals: 0, grouping: false };
            if (a['style:name']) this.data.set(a['style:name'], data);
            break;
          case 'number':
            if (data) {
              data.decimals = Number.parseInt(a['number:decimal-places'] ?? '0', 10) || 0;
              data.grouping = a['number:grouping'] === 'true';
            }
            break;
          default:
            break;
        }
      },
      close: (local) => {
        if (local === 'style') style = null;
        else if (local === 'default-style') inDefault = false;
        else if (local.endsWith('-style') && local !== 'default-style') data = null;
      },
    };
  }

  /** A cell style's format code (as Excel would write it), whether it shows a date, its font's encoding. */
  resolve(name: string | undefined): { z: string | undefined; isDate: boolean; font: FontCoding } {
    const key = name ?? '';
    let hit = this.cache.get(key);
    if (hit) return hit;
    let dataStyle: string | undefined;
    let font: string | undefined;
    // Up the parent chain, a bounded number of steps (a loop of parents is a broken file, not a hang).
    let s = name ? this.styles.get(name) : undefined;
    for (let k = 0; s && k < 20; k++) {
      dataStyle ??= s.dataStyle;
      font ??= s.font;
      s = s.parent ? this.styles.get(s.parent) : undefined;
    }
    font ??= this.defaultCellFont;
    const d = dataStyle ? this.data.get(dataStyle) : undefined;
    let z: string | undefined;
    if (d) {
      const frac = d.decimals ? `.${'0'.repeat(Math.min(d.decimals, 30))}` : '';
      if (d.kind === 'number' || d.kind === 'currency') z = d.grouping || d.kind === 'currency' ? `#,##0${frac}` : d.decimals ? `0${frac}` : undefined;
      else if (d.kind === 'percentage') z = `0${frac}%`;
      else if (d.kind === 'date') z = 'dd/mm/yyyy';
      else if (d.kind === 'time') z = 'hh:mm:ss';
      else if (d.kind === 'text') z = '@';
    }
    hit = { z, isDate: d?.kind === 'date' || d?.kind === 'time', font: fontCoding(font) };
    this.cache.set(key, hit);
    return hit;
  }
}

/** "[$'Biên chế'.$A$5]" style address → sheet (if any) and A1 cell. */
function odfAddress(part: string): { sheet?: string; cell: string } | null {
  const m = /^\$?(?:'((?:[^']|'')*)'|([^.']*))?\.(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(part.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] || undefined;
  return sheet === undefined ? { cell: m[3]!.toUpperCase() } : { sheet, cell: m[3]!.toUpperCase() };
}

const quoteSheet = (s: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) && !/^[A-Za-z]{1,3}\d+$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);

/**
 * OpenFormula as LibreOffice writes it ("of:=IF(N([.F6])=0;\"\";ROUND(([.G6]+[.H6])/[.F6]*100;2))")
 * → Excel's text ("IF(N(F6)=0,\"\",ROUND((G6+H6)/F6*100,2))"): references in brackets, ";" between
 * arguments. String literals are copied as they are. Null for what is not a plain reference.
 */
export function odfFormulaToA1(formula: string): string | null {
  let s = formula.replace(/^[a-z]+:/, '');
  if (s.startsWith('=')) s = s.slice(1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      let j = end;
      while (j !== -1 && s[j + 1] === '"') j = s.indexOf('"', j + 2);
      if (j === -1) return null;
      out += s.slice(i, j + 1);
      i = j;
    } else if (ch === '[') {
      const j = s.indexOf(']', i);
      if (j === -1) return null;
      const parts = s.slice(i + 1, j).split(':');
      const a = parts.map(odfAddress);
      if (a.some((x) => !x) || a.length > 2) return null;
      const first = a[0]!;
      const second = a[1];
      const sheet = first.sheet ? `${quoteSheet(first.sheet)}!` : '';
      out += second ? `${sheet}${first.cell}:${second.sheet && second.sheet !== first.sheet ? `${quoteSheet(second.sheet)}!` : ''}${second.cell}` : `${sheet}${first.cell}`;
      i = j;
    } else out += ch === ';' ? ',' : ch;
  }
  return out;
}

/** "PT12H30M00S" → fraction of a day. */
function durationFraction(text: string): number | null {
  const m = /^-?PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text.trim());
  if (!m) return null;
  return (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) / 86400;
}

interface CellState {
  repeat: number;
  across: number;
  down: number;
  style: string | undefined;
  type: string | undefined;
  value: string | undefined;
  stringValue: string | undefined;
  error: boolean;
  formula: string | undefined;
  /**
   * Text runs with the font of the span each was written in (undefined: the cell's own font),
   * paragraphs joined by line breaks.
   */
  runs: { text: string; own: FontCoding | undefined }[];
  paragraphs: number;
}

export async function readOds(bytes: Uint8Array, fileName?: string): Promise<WorkbookModel> {
  let zip: ZipArchive;
  try {
    zip = openZip(bytes, LIMITS.maxParts);
  } catch (e) {
    if (e instanceof ZipOpenError && e.kind === 'too_many_entries') throw refuse('ods_too_many_parts', { parts: e.entries, limit: LIMITS.maxParts });
    throw broken(e instanceof ZipOpenError ? e.detail : e);
  }
  const content = zip.entry('content.xml');
  if (!content) throw broken('no content.xml');
  const budget = new Budget();
  const corrupt = (e: Error) => broken(e);
  const styles = new Styles();
  const stylesPart = zip.entry('styles.xml');
  if (stylesPart) {
    const xml = await inflateCounted(stylesPart, (n) => budget.addBytes(n), corrupt, LIMITS.maxUncompressedBytes - budget.bytes);
    const parser = xmlPass(budget, styles.listener(), null);
    parser.write(xml);
    parser.end();
  }
  const reader = new ContentReader(styles, budget);
  const pass = xmlPass(budget, styles.listener(), reader);
  await inflateEach(content, (n) => budget.addBytes(n), corrupt, (chunk) => pass.write(chunk));
  pass.end();
  return reader.model(fileName);
}

/** One XML part through saxes, every element counted against the budget, heard by the listeners. */
function xmlPass(
  budget: Budget,
  styleListener: { open(local: string, a: Record<string, string>): void; close(local: string): void },
  content: ContentReader | null,
): { write(bytes: Uint8Array): void; end(): void } {
  const parser = newSaxesParser();
  const decoder = new TextDecoder();
  let depth = 0;
  /** Inside office:automatic-styles, office:styles or office:font-face-decls: style elements. */
  let inStyles = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const local = localName(tag.name);
    budget.addElement(depth, false);
    if (local === 'automatic-styles' || local === 'styles' || local === 'master-styles' || local === 'font-face-decls') inStyles++;
    if (inStyles) styleListener.open(local, tag.attributes);
    else content?.open(local, tag.attributes);
  });
  parser.on('closetag', (tag) => {
    depth--;
    const local = localName(tag.name);
    if (inStyles) styleListener.close(local);
    else content?.close(local);
    if (local === 'automatic-styles' || local === 'styles' || local === 'master-styles' || local === 'font-face-decls') inStyles--;
  });
  parser.on('text', (t) => content?.text(t));
  parser.on('error', (e) => {
    throw broken(e);
  });
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (isUnreadableWorkbookError(e)) throw e;
      throw broken(e);
    }
  };
  return {
    write: (bytes) => guard(() => void parser.write(decoder.decode(bytes, { stream: true }))),
    end: () => guard(() => void parser.write(decoder.decode()).close()),
  };
}

class ContentReader {
  private sheets: SheetGrid[] = [];
  private names: NameRef[] = [];
  private tables: TableRef[] = [];
  private tally = new ConversionTally();
  // The sheet being read.
  private sheet: SheetGrid | null = null;
  private merges: string[] = [];
  private row = 0;
  private col = 0;
  private lastRow = 0;
  private rowRepeat = 1;
  /** Cells of the current row with a value, placed when the row ends (it may repeat). */
  private line: [number, Cell][] = [];
  private cell: CellState | null = null;
  /** Default cell style per column range of the current sheet (table:table-column). */
  private columnStyles: [number, number, string | undefined][] = [];
  private columnAt = 0;
  private spanFonts: (FontCoding | undefined)[] = [];
  private skip = 0;
  private inText = 0;

  constructor(
    private readonly styles: Styles,
    private readonly budget: Budget,
  ) {}

  open(local: string, a: Record<string, string>): void {
    if (this.skip) {
      this.skip++;
      return;
    }
    switch (local) {
      case 'table': {
        if (this.sheets.length >= LIMITS.maxSheets) {
          throw refuse('ods_too_many_sheets', { limit: LIMITS.maxSheets });
        }
        const grid: SheetGrid = { name: a['table:name'] ?? `Sheet${this.sheets.length + 1}`, rows: [] };
        const st = a['table:style-name'] ? this.styles.styles.get(a['table:style-name']) : undefined;
        if (st?.hidden) grid.hidden = 'hidden';
        this.sheet = grid;
        this.merges = [];
        this.row = 0;
        this.lastRow = 0;
        this.columnStyles = [];
        this.columnAt = 0;
        return;
      }
      case 'table-column': {
        const n = Math.min(Math.max(Number.parseInt(a['table:number-columns-repeated'] ?? '1', 10) || 1, 1), MAX_COLS);
        this.columnStyles.push([this.columnAt, this.columnAt + n - 1, a['table:default-cell-style-name']]);
        this.columnAt += n;
        return;
      }
      case 'table-row':
        this.rowRepeat = Math.min(Math.max(Number.parseInt(a['table:number-rows-repeated'] ?? '1', 10) || 1, 1), MAX_ROWS);
        this.col = 0;
        this.line = [];
        return;
      case 'table-cell':
      case 'covered-table-cell': {
        const repeat = Math.min(Math.max(Number.parseInt(a['table:number-columns-repeated'] ?? '1', 10) || 1, 1), MAX_COLS);
        if (local === 'covered-table-cell') {
          this.col += repeat;
          this.skip = 1;
          return;
        }
        this.cell = {
          repeat,
          across: Math.max(Number.parseInt(a['table:number-columns-spanned'] ?? '1', 10) || 1, 1),
          down: Math.max(Number.parseInt(a['table:number-rows-spanned'] ?? '1', 10) || 1, 1),
          style: a['table:style-name'],
          type: a['office:value-type'],
          value: a['office:value'] ?? a['office:date-value'] ?? a['office:time-value'] ?? a['office:boolean-value'],
          stringValue: a['office:string-value'],
          error: a['calcext:value-type'] === 'error',
          formula: a['table:formula'],
          runs: [],
          paragraphs: 0,
        };
        return;
      }
      case 'annotation':
      case 'frame':
      case 'shapes':
        // Comments and drawings hold text of their own, not the cell's.
        this.skip = 1;
        return;
      case 'p':
      case 'h':
        if (this.cell) {
          if (this.cell.paragraphs++) this.addText('\n');
          this.inText++;
        }
        return;
      case 'span':
        // A span without a font of its own keeps the font around it.
        {
          const own = a['text:style-name'] ? this.spanFont(a['text:style-name']) : undefined;
          this.spanFonts.push(own !== undefined ? own : this.spanFonts[this.spanFonts.length - 1]);
        }
        return;
      case 's':
        if (this.cell && this.inText) this.addText(' '.repeat(Math.min(Math.max(Number.parseInt(a['text:c'] ?? '1', 10) || 1, 1), 1000)));
        return;
      case 'tab':
        if (this.cell && this.inText) this.addText('\t');
        return;
      case 'line-break':
        if (this.cell && this.inText) this.addText('\n');
        return;
      case 'named-range': {
        const name = a['table:name'];
        const range = a['table:cell-range-address'];
        if (!name || !range || name.startsWith('_')) return;
        const parts = range.split(':').map(odfAddress);
        const first = parts[0];
        if (!first?.sheet || parts.length > 2 || (parts[1] && parts[1].cell.replace(/\$/g, '') !== first.cell.replace(/\$/g, ''))) return;
        this.names.push({ name, sheet: first.sheet, cell: first.cell.replace(/\$/g, '') });
        return;
      }
      case 'database-range': {
        const name = a['table:name'];
        const range = a['table:target-range-address'];
        if (!name || !range || name.startsWith('__Anonymous_Sheet_DB__')) return;
        const parts = range.split(':').map(odfAddress);
        if (parts.length !== 2 || !parts[0]?.sheet || !parts[1]) return;
        this.tables.push({
          name,
          sheet: parts[0].sheet,
          ref: `${parts[0].cell.replace(/\$/g, '')}:${parts[1].cell.replace(/\$/g, '')}`,
          headerRow: a['table:contains-header'] !== 'false',
          // ODF has no totals row: the checker tells a "Tổng cộng" row by its label.
          totalsRow: false,
        });
        return;
      }
      default:
        return;
    }
  }

  private spanFont(styleName: string): FontCoding | undefined {
    const s = this.styles.styles.get(styleName);
    return s?.font ? fontCoding(s.font) : undefined;
  }

  private addText(t: string): void {
    const runs = this.cell!.runs;
    const own = this.spanFonts.length ? this.spanFonts[this.spanFonts.length - 1] : undefined;
    const last = runs[runs.length - 1];
    if (last && last.own === own) last.text += t;
    else runs.push({ text: t, own });
  }

  text(t: string): void {
    if (!this.skip && this.cell && this.inText) this.addText(t);
  }

  close(local: string): void {
    if (this.skip) {
      this.skip--;
      return;
    }
    switch (local) {
      case 'p':
      case 'h':
        if (this.cell) this.inText--;
        return;
      case 'span':
        this.spanFonts.pop();
        return;
      case 'table-cell':
        if (this.cell) this.finishCell(this.cell);
        this.cell = null;
        return;
      case 'table-row':
        this.finishRow();
        return;
      case 'table':
        if (this.sheet) {
          const rows = this.sheet.rows;
          for (let r = 0; r < rows.length; r++) rows[r] ??= [];
          if (this.merges.length) this.sheet.merges = this.merges;
          this.sheets.push(this.sheet);
        }
        this.sheet = null;
        return;
      default:
        return;
    }
  }

  private styleAt(style: string | undefined, col: number): string | undefined {
    if (style) return style;
    for (const [a, b, s] of this.columnStyles) if (col >= a && col <= b) return s;
    return undefined;
  }

  private finishCell(c: CellState): void {
    const col = this.col;
    this.col += c.repeat;
    if (col >= MAX_COLS) return;
    const fmt = this.styles.resolve(this.styleAt(c.style, col));
    let out: Cell | null = null;
    const text = () => {
      if (!c.runs.length) return '';
      const runs = c.runs.map((r) => ({ text: r.text, coding: r.own === undefined ? fmt.font : r.own }));
      return this.tally.byRuns(this.sheet?.name ?? '', runs);
    };
    if (c.error) {
      const t = text();
      out = { v: null, e: t.startsWith('#') ? t : '#VALUE!' };
    } else
      switch (c.type) {
        case 'float':
        case 'percentage':
        case 'currency': {
          const n = Number(c.value);
          out = { v: c.value !== undefined && Number.isFinite(n) ? n : null };
          break;
        }
        case 'date': {
          const s = c.value !== undefined ? isoDateSerial(c.value) : null;
          out = { v: s ?? (c.value ?? null) };
          break;
        }
        case 'time': {
          const s = c.value !== undefined ? durationFraction(c.value) : null;
          out = { v: s ?? (c.value ?? null) };
          break;
        }
        case 'boolean':
          out = { v: c.value === 'true' || c.value === '1' };
          break;
        case 'string': {
          const t = c.stringValue !== undefined ? this.tally.byFont(this.sheet?.name ?? '', c.stringValue, fmt.font) : text();
          // An empty text (a formula's "") is no value, as the .xlsx reader reads it.
          out = { v: t === '' ? null : t };
          break;
        }
        default: {
          const t = text();
          if (t !== '') out = { v: t };
        }
      }
    if (c.formula) {
      out ??= { v: null };
      const f = odfFormulaToA1(c.formula);
      if (f) out.f = f;
    }
    if (out && out.v === null && !out.f && !out.e) out = null;
    if (out && fmt.z && !out.e) out.z = fmt.z;
    if (out && c.type === 'percentage' && !out.z) out.z = '0%';
    if (c.across > 1 || c.down > 1) {
      const across = Math.min(c.across, MAX_COLS - col);
      const down = Math.min(c.down, MAX_ROWS - this.row);
      this.budget.addCells(1);
      this.merges.push(`${colToLetters(col)}${this.row + 1}:${colToLetters(col + across - 1)}${this.row + down}`);
    }
    if (!out) return;
    // A value repeated across columns is that many cells: counted before any is placed.
    const n = Math.min(c.repeat, MAX_COLS - col);
    this.budget.addCells(n * this.rowRepeat);
    for (let k = 0; k < n; k++) this.line.push([col + k, k ? { ...out } : out]);
  }

  private finishRow(): void {
    const sheet = this.sheet;
    const start = this.row;
    const repeat = Math.min(this.rowRepeat, MAX_ROWS - start);
    this.row += this.rowRepeat;
    this.rowRepeat = 1;
    if (!sheet || !this.line.length || repeat <= 0) return;
    // Rows count up to the last one holding a value; the empty rows LibreOffice writes to the
    // sheet's end are not rows of the grid.
    const end = start + repeat;
    if (end > this.lastRow) {
      this.budget.addRows(end - this.lastRow);
      this.lastRow = end;
    }
    for (let r = 0; r < repeat; r++) {
      const cells: (Cell | undefined)[] = [];
      for (const [c, cell] of this.line) cells[c] = r ? { ...cell } : cell;
      sheet.rows[start + r] = cells;
    }
    this.line = [];
  }

  model(fileName?: string): WorkbookModel {
    if (!this.sheets.length) throw broken('no table');
    const model: WorkbookModel = { format: 'ods', sheets: this.sheets, tables: this.tables.filter((t) => this.sheets.some((s) => s.name === t.sheet)), names: this.names };
    const conversions = this.tally.result();
    if (conversions) model.conversions = conversions;
    if (fileName !== undefined) model.fileName = fileName;
    return model;
  }
}
