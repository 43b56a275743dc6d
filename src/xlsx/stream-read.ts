/**
 * .xlsx package → WorkbookModel in the one saxes pass that package.ts already runs over every
 * part to count it against LIMITS, without ExcelJS. ExcelJS keeps a full object per cell (style,
 * address, value wrappers): about 1,7 GB of heap for 1 000 000 cells. Here a cell costs only its
 * `Cell` in the model, so a hospital's 20 000 survey forms (≈ 850 000 cells) and the consolidated
 * workbook of 800 units (≈ 1 260 000 cells) are read within the limits of docs/reliability.md.
 *
 * Why SpreadsheetML is interpreted by hand here: saxes (a library) parses the XML; what is written
 * below is the format's meaning, which no streaming library in both Node and the browser gives
 * (ExcelJS's WorkbookReader needs Node streams and still builds its cell objects): which part is
 * which sheet (workbook.xml and its relationships), shared strings and rich text, the cell types
 * (s, n, b, str, inlineStr, e, d), formulas (shared ones slid from their master with ExcelJS's own
 * routine), number formats (styles.xml: cellXfs → numFmtId → custom or built-in code), dates,
 * merges, tables, defined names, hidden sheets, and the cell's font where it is a TCVN3 or VNI
 * one (cellXfs → fontId → font name), whose text is converted to Unicode (legacy-cells.ts).
 *
 * The result is the same model as the former ExcelJS path, now a test oracle in
 * test/support/read-exceljs.ts (test/xlsx/stream-read.test.ts compares the two cell by cell on every .xlsx in the repository), including ExcelJS's choices
 * that the checks rely on: a number in a date format goes through a JavaScript Date rounded to
 * the millisecond; style 0 and numFmtId 0 give no format; `_xHHHH_` escapes are decoded in
 * shared strings and rich-text runs but not in a plain inline string; a `date1904` workbook's
 * dates are moved to the 1900 system. Where ExcelJS is wrong, this reader is right instead, and
 * only there does it differ: a "str" result is not entity-decoded a second time; a text result in
 * a date-formatted cell stays text (ExcelJS makes it an invalid Date); `t="d"` ISO dates become
 * serials (ExcelJS reads "2023-01-01" as 2023); worksheet parts not named sheetN.xml are read.
 */
import { slideFormula } from 'exceljs/lib/utils/shared-formula';
import type { Cell, NameRef, SheetGrid, TableRef, WorkbookModel } from '../core/model';
import { colToLetters } from '../core/model';
import { streamPackage, type PartListener } from './package';
import { parseNameRef } from '../core/name-ref';
import { isoDateSerial } from './serial';
import { BUILTIN_FORMATS, dateSerial, isDateFormat } from './number-formats';
import { ConversionTally, fontCoding, type FontCoding } from './legacy-cells';

/**
 * Excel's escape for characters XML cannot hold ("_x000D_"), decoded as ExcelJS does (upper-case
 * hex). Text without "_x" is handed back untouched: a global replace costs even where nothing
 * matches, and it ran on each of a large workbook's thousands of shared strings.
 */
const unescapeX = (s: string) => (s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));

/** The attribute `local` whatever its prefix (r:id, x:r…), for the relationship ids. */
function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(fromDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromDir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

const RELS = /^(.*?)_rels\/([^/]*)\.rels$/;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const TABLE = /^xl\/tables\/[^/]+\.xml$/;

/**
 * Cell text as strings of its own. The XML parser hands out text as slices of the decoded chunk it
 * came from, and a slice keeps its whole chunk alive: without copying, a sheet of text cells keeps
 * its entire XML in memory as UTF-16 (measured: 267 MB retained for the 800-unit consolidated
 * workbook). Repeated texts (unit names, lĩnh vực, sheet names in a trace) are also shared, up to
 * a bounded number of distinct ones so that a sheet of distinct texts does not grow the pool.
 */
class StringPool {
  private pool = new Map<string, string>();
  take(s: string): string {
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    const copy = owned(s);
    if (s.length <= 200 && this.pool.size < 100_000) this.pool.set(copy, copy);
    return copy;
  }
}

/**
 * A copy of `s` that owns its characters. Slicing a concatenation flattens it into a new string;
 * shorter strings are copied by V8 whenever they are sliced. Formulas are copied so, not pooled:
 * each row's differs from the next by its row number, so pooling them only fills the pool.
 */
function owned(s: string): string {
  return s.length < 13 ? s : `${s}\u0000`.slice(0, -1);
}

/**
 * Text gathered from the elements a listener is inside: concatenated as it comes (most elements
 * hold one piece, which is then handed back as it is, with no array to allocate and join per cell).
 */
class TextBuffer {
  private text: string | null = null;
  start(): void {
    this.text = '';
  }
  add(t: string): void {
    if (this.text !== null) this.text += t;
  }
  take(): string {
    const s = this.text ?? '';
    this.text = null;
    return s;
  }
}

/**
 * The column of a cell reference ("AB12" → 27), or -1 where the reference is not 1 to 3 letters
 * followed by digits only (then the cell is the one after the previous, as without `r`). A char
 * test rather than a regular expression: it runs once per cell.
 */
function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case for letters
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
  }
  if (i === 0 || i > 3) return -1;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j);
    if (d < 0x30 || d > 0x39) return -1;
  }
  return col - 1;
}

/**
 * A cell built in one literal with the fields it has, in the order v, e, f, z: a field added
 * after the literal goes to a separate property store, one more allocation for each of a large
 * sheet's cells (most numbers there carry a format, "#,##0"), which the young-generation
 * collector then copies with the model.
 */
function cellOf(v: Cell['v'], e: string | undefined, f: string | undefined, z: string | undefined): Cell {
  if (e === undefined) {
    if (f === undefined) return z === undefined ? { v } : { v, z };
    return z === undefined ? { v, f } : { v, f, z };
  }
  if (f === undefined) return z === undefined ? { v, e } : { v, e, z };
  return z === undefined ? { v, e, f } : { v, e, f, z };
}

interface RawSheet {
  rows: (Cell | undefined)[][];
  merges: string[];
  /** r:id of each <tablePart>. */
  tableIds: string[];
}

interface CellState {
  col: number;
  type: string;
  style: number;
  formula: string | undefined;
  shareType: string | undefined;
  shareId: string | undefined;
  shareRef: string | undefined;
  value: string | undefined;
  runs: string[] | undefined;
}

export class StreamWorkbookReader {
  private date1904 = false;
  private sheetList: { name: string; rId: string; hidden?: 'hidden' | 'veryHidden' }[] = [];
  private definedNames: { name: string; local: boolean; text: string }[] = [];
  /** Relationship id → target part, per source part. */
  private rels = new Map<string, Map<string, string>>();
  private sharedStrings: (string | null)[] = [];
  private numFmts = new Map<number, string>();
  /** numFmtId of each cellXfs entry. */
  private xfFormats: (number | undefined)[] = [];
  /** fontId of each cellXfs entry, and each font's old encoding (TCVN3 / VNI fonts), by index. */
  private xfFonts: number[] = [];
  private fonts: FontCoding[] = [];
  /** Cells converted from TCVN3 / VNI, keyed by sheet part until the parts have their names. */
  private tally = new ConversionTally();
  private sheets = new Map<string, RawSheet>();
  private tables = new Map<string, { name: string; ref: string; headerRow: boolean; totalsRow: boolean }>();
  private strings = new StringPool();

  async read(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<WorkbookModel> {
    await streamPackage(data, (part) => this.listener(part));
    return this.model(fileName);
  }

  private listener(part: string): PartListener | undefined {
    if (part === 'xl/workbook.xml') return this.workbookListener();
    const rels = RELS.exec(part);
    if (rels) return this.relsListener(`${rels[1]}${rels[2]}`);
    if (part === 'xl/sharedStrings.xml') return this.sharedStringsListener();
    if (part === 'xl/styles.xml') return this.stylesListener();
    if (TABLE.test(part)) return this.tableListener(part);
    if (SHEET.test(part)) return this.sheetListener(part);
    return undefined;
  }

  private workbookListener(): PartListener {
    const text = new TextBuffer();
    let name: { name: string; local: boolean } | null = null;
    return {
      open: (local, a) => {
        if (local === 'workbookPr') this.date1904 = a.date1904 === '1';
        else if (local === 'sheet') this.sheetList.push({ name: a.name ?? '', rId: prefixedAttr(a, 'id') ?? '', ...(a.state === 'hidden' || a.state === 'veryHidden' ? { hidden: a.state } : {}) });
        else if (local === 'definedName') {
          name = { name: a.name ?? '', local: 'localSheetId' in a };
          text.start();
        }
      },
      text: (t) => text.add(t),
      close: (local) => {
        if (local === 'definedName' && name) {
          this.definedNames.push({ ...name, text: text.take() });
          name = null;
        }
      },
    };
  }

  private relsListener(source: string): PartListener {
    const dir = source.slice(0, source.lastIndexOf('/') + 1);
    const map = new Map<string, string>();
    this.rels.set(source, map);
    return {
      open: (local, a) => {
        if (local !== 'Relationship' || a.TargetMode === 'External' || !a.Id || !a.Target) return;
        map.set(a.Id, resolveTarget(dir, a.Target));
      },
      text: () => undefined,
      close: () => undefined,
    };
  }

  private sharedStringsListener(): PartListener {
    const text = new TextBuffer();
    let plain: string | undefined;
    let runs: string[] | undefined;
    let inRun = false;
    let phonetic = 0;
    return {
      open: (local) => {
        if (local === 'si') {
          plain = runs = undefined;
        } else if (local === 'r') {
          inRun = true;
        } else if (local === 'rPh') {
          phonetic++;
        } else if (local === 't' && !phonetic) text.start();
      },
      text: (t) => text.add(t),
      close: (local) => {
        if (local === 't' && !phonetic) {
          const s = unescapeX(text.take());
          if (inRun) (runs ??= []).push(s);
          else plain = s;
        } else if (local === 'r') inRun = false;
        else if (local === 'rPh') phonetic--;
        // An <si> with neither text nor runs is kept by ExcelJS as an empty object: a cell with no value.
        else if (local === 'si') this.sharedStrings.push(runs ? this.strings.take(runs.join('')) : plain === undefined ? null : this.strings.take(plain));
      },
    };
  }

  private stylesListener(): PartListener {
    let inCellXfs = false;
    let inFonts = false;
    return {
      open: (local, a) => {
        if (local === 'numFmt' && a.numFmtId !== undefined) {
          // ExcelJS drops the backslash of escaped characters ("\-" → "-").
          this.numFmts.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
        } else if (local === 'cellXfs') inCellXfs = true;
        else if (local === 'xf' && inCellXfs) {
          this.xfFormats.push(a.numFmtId === undefined ? undefined : parseInt(a.numFmtId, 10));
          this.xfFonts.push(parseInt(a.fontId ?? '0', 10) || 0);
        } else if (local === 'fonts') inFonts = true;
        else if (local === 'font' && inFonts) this.fonts.push(null);
        // A font's name (".VnTime", "VNI-Times") says whether its text is TCVN3 or VNI.
        else if (local === 'name' && inFonts && this.fonts.length) this.fonts[this.fonts.length - 1] = fontCoding(a.val);
      },
      text: () => undefined,
      close: (local) => {
        if (local === 'cellXfs') inCellXfs = false;
        else if (local === 'fonts') inFonts = false;
      },
    };
  }

  /** The old encoding of a style's font, or null (most files: no font of that kind at all). */
  private fontOf(style: number): FontCoding {
    return this.fonts.length ? (this.fonts[this.xfFonts[style] ?? 0] ?? null) : null;
  }

  private tableListener(part: string): PartListener {
    let seen = false;
    return {
      open: (local, a) => {
        if (seen || local !== 'table') return;
        seen = true;
        const name = a.displayName || a.name;
        if (!name) return;
        // Table flags as Excel defines them: headerRowCount defaults to 1, totalsRowCount to 0.
        this.tables.set(part, { name, ref: a.ref ?? '', headerRow: (a.headerRowCount ?? '1') !== '0', totalsRow: Number(a.totalsRowCount ?? '0') > 0 });
      },
      text: () => undefined,
      close: () => undefined,
    };
  }

  /** Format code ("General" left out) and whether it shows a date, per style index: looked up once, not per cell. */
  private styleCache: ({ z: string | undefined; isDate: boolean } | undefined)[] = [];

  private formatOf(style: number): { z: string | undefined; isDate: boolean } {
    let hit = this.styleCache[style];
    if (!hit) {
      // Style 0 and numFmtId 0 mean "General" to ExcelJS, whatever cellXfs[0] says.
      const id = style ? this.xfFormats[style] : undefined;
      const z = id ? (this.numFmts.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
      hit = { z: z && !/^general$/i.test(z) ? z : undefined, isDate: isDateFormat(z) };
      this.styleCache[style] = hit;
    }
    return hit;
  }

  private sheetListener(part: string): PartListener {
    const sheet: RawSheet = { rows: [], merges: [], tableIds: [] };
    this.sheets.set(part, sheet);
    const text = new TextBuffer();
    /** Master cell (address and formula) of each shared formula, by its si. */
    const masters = new Map<string, { address: string; formula: string }>();
    let rowNo = 0;
    let line: (Cell | undefined)[] | null = null;
    let col = -1;
    let cell: CellState | null = null;
    const state: CellState = { col: 0, type: 'n', style: 0, formula: undefined, shareType: undefined, shareId: undefined, shareRef: undefined, value: undefined, runs: undefined };
    let inRun = false;
    let phonetic = 0;
    let inSheetData = false;

    const finish = (c: CellState) => {
      const { z, isDate } = this.formatOf(c.style);
      let v: Cell['v'] = null;
      let e: string | undefined;
      let f: string | undefined;
      if (c.formula || c.shareType) {
        let formula = c.formula;
        if (c.shareType === 'shared' && c.shareId !== undefined) {
          const address = `${colToLetters(c.col)}${rowNo}`;
          if (c.shareRef && formula) masters.set(c.shareId, { address, formula });
          else if (!formula) {
            const m = masters.get(c.shareId);
            formula = m ? slideFormula(m.formula, m.address, address) : undefined;
          }
        }
        const raw = c.value;
        if (raw) {
          if (c.type === 'str') v = this.strings.take(raw);
          else if (c.type === 'b') v = parseInt(raw, 10) !== 0;
          else if (c.type === 'e') e = raw;
          else {
            const n = parseFloat(raw);
            v = isDate ? dateSerial(n, this.date1904) : n;
          }
        }
        if (formula) f = formula.charCodeAt(0) === 0x3d ? formula.slice(1) : formula;
      } else if (c.runs) {
        v = this.strings.take(c.runs.join(''));
      } else if (c.value !== undefined) {
        const raw = c.value;
        switch (c.type) {
          case 's': {
            const s = this.sharedStrings[parseInt(raw, 10)];
            if (s === undefined) return;
            v = s;
            break;
          }
          case 'str':
          case 'inlineStr':
            v = this.strings.take(raw);
            break;
          case 'b':
            v = parseInt(raw, 10) !== 0;
            break;
          case 'e':
            e = raw;
            break;
          case 'd':
            v = isoDateSerial(raw) ?? this.strings.take(raw);
            break;
          default: {
            const n = parseFloat(raw);
            v = isDate ? dateSerial(n, this.date1904) : n;
          }
        }
      } else return;
      if (typeof v === 'string') {
        const font = this.fontOf(c.style);
        if (font) v = this.tally.byFont(part, v, font);
      }
      (line ??= [])[c.col] = cellOf(v, e, f, z);
    };

    return {
      open: (local, a) => {
        if (!inSheetData) {
          if (local === 'sheetData') inSheetData = true;
          else if (local === 'mergeCell' && a.ref) sheet.merges.push(a.ref);
          else if (local === 'tablePart') {
            const id = prefixedAttr(a, 'id');
            if (id) sheet.tableIds.push(id);
          }
          return;
        }
        if (cell) {
          switch (local) {
            case 'f':
              cell.shareType = a.t;
              cell.shareId = a.si;
              cell.shareRef = a.ref;
              text.start();
              return;
            case 'v':
              text.start();
              return;
            case 'r':
              inRun = true;
              return;
            case 'rPh':
              phonetic++;
              return;
            case 't':
              if (!phonetic) text.start();
              return;
            default:
              return;
          }
        }
        if (local === 'row') {
          const r = Number(a.r);
          // A row without `r` is the one after the previous; so is a cell without `r` (the standard allows both).
          rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
          line = sheet.rows[rowNo - 1] ?? null;
          col = -1;
        } else if (local === 'c') {
          const at = a.r ? refColumn(a.r) : -1;
          col = at >= 0 ? at : col + 1;
          // One state object for the sheet, reset per cell: a cell's state lives only until its </c>.
          cell = state;
          cell.col = col;
          cell.type = a.t ?? 'n';
          cell.style = a.s ? parseInt(a.s, 10) : 0;
          cell.formula = cell.shareType = cell.shareId = cell.shareRef = cell.value = undefined;
          cell.runs = undefined;
        }
      },
      text: (t) => text.add(t),
      close: (local) => {
        if (!inSheetData) return;
        if (local === 'sheetData') {
          inSheetData = false;
          return;
        }
        if (cell) {
          switch (local) {
            case 'f': {
              const f = text.take();
              if (f) cell.formula = owned(f);
              return;
            }
            case 'v': {
              const v = text.take();
              if (v) cell.value = (cell.value ?? '') + v;
              return;
            }
            case 't': {
              if (phonetic) return;
              const t = text.take();
              // Runs' text is unescaped (as in shared strings); a plain inline string's is not (ExcelJS).
              if (inRun) (cell.runs ??= []).push(unescapeX(t));
              else if (t) cell.value = (cell.value ?? '') + t;
              return;
            }
            case 'r':
              inRun = false;
              return;
            case 'rPh':
              phonetic--;
              return;
            case 'c':
              finish(cell);
              cell = null;
              return;
            default:
              return;
          }
        }
        if (local === 'row') {
          if (line && line.length) sheet.rows[rowNo - 1] = line;
          line = null;
        }
      },
    };
  }

  private model(fileName?: string): WorkbookModel {
    const sheets: SheetGrid[] = [];
    const tables: TableRef[] = [];
    const bookRels = this.rels.get('xl/workbook.xml') ?? new Map<string, string>();
    const EMPTY_LINE: (Cell | undefined)[] = Object.freeze([]) as unknown as (Cell | undefined)[];
    for (const { name, rId, hidden } of this.sheetList) {
      const part = bookRels.get(rId);
      const raw = part ? this.sheets.get(part) : undefined;
      // Chart sheets and sheets whose part is missing are not worksheets.
      if (!part || !raw) continue;
      const rows = raw.rows;
      // Sparse arrays read as holes; one shared, frozen empty line fills them (see read.ts).
      for (let r = 0; r < rows.length; r++) rows[r] ??= EMPTY_LINE;
      const grid: SheetGrid = { name, rows };
      if (raw.merges.length) grid.merges = raw.merges;
      if (hidden) grid.hidden = hidden;
      sheets.push(grid);
      const sheetRels = this.rels.get(part);
      for (const id of raw.tableIds) {
        const t = sheetRels?.get(id);
        const table = t ? this.tables.get(t) : undefined;
        if (table) tables.push({ name: table.name, sheet: name, ref: table.ref, headerRow: table.headerRow, totalsRow: table.totalsRow });
      }
    }
    const names: NameRef[] = [];
    for (const n of this.definedNames) {
      if (!n.name || n.name.startsWith('_xlnm.') || n.local) continue;
      const ref = parseNameRef(n.text);
      if (ref) names.push({ name: n.name, ...ref });
    }
    const model: WorkbookModel = { format: 'xlsx', sheets, tables, names };
    // Conversions were counted by sheet part: named now that the parts have their sheets.
    const partName = new Map(this.sheetList.map(({ name, rId }) => [bookRels.get(rId), name]));
    const conversions = this.tally.result()?.map((c) => ({ ...c, sheet: partName.get(c.sheet) ?? c.sheet }));
    if (conversions) model.conversions = conversions;
    if (fileName !== undefined) model.fileName = fileName;
    return model;
  }
}
