/**
 * Excel 97–2003 workbooks (.xls, BIFF8) → WorkbookModel: the most common file in Vietnamese
 * offices. The file is an OLE2 compound file; `cfb` (SheetJS's container reader, Apache-2.0) gives
 * its "Workbook" stream, and this module reads the BIFF8 records of that stream: what each record
 * means is the format's, written here as stream-read.ts does for SpreadsheetML (docs/workbook-files.md
 * says why not SheetJS's whole parser: no cell count while reading, no cell fonts, its size).
 *
 * Read: shared strings (SST with its CONTINUE records, rich-text runs and their fonts), numbers
 * (NUMBER, RK, MULRK), text (LABELSST, LABEL), booleans and errors, formulas with their cached
 * results (FORMULA, STRING; shared and array formulas resolved to their text, xls-formula.ts), the
 * number format of each cell (XF → FORMAT or built-in), the 1904 date system, merged areas, sheet
 * visibility, and workbook-scope names pointing at one cell. Fonts (FONT, the XF's font, the runs'
 * fonts) decide whether text is TCVN3 or VNI (legacy-cells.ts).
 *
 * Limits are counted while reading, never taken from the file: every cell record (blank ones too,
 * as the .xlsx reader counts every <c>) against LIMITS.maxCells, merged areas with them, the rows a
 * sheet spans against LIMITS.maxRows, sheets against LIMITS.maxSheets. A DIMENSIONS record claiming
 * a million rows allocates nothing: it is not read. Record layouts: [MS-XLS]
 * (https://learn.microsoft.com/openspecs/office_file_formats/ms-xls/), section 2.4.
 */
import * as CFB from 'cfb';
import type { Cell, NameRef, SheetGrid, WorkbookModel } from '../core/model';
import { colToLetters } from '../core/model';
import { refuse, type UnreadableWorkbookError } from './errors';
import { LIMITS } from './package';
import { BUILTIN_FORMATS, dateSerial, isDateFormat } from './number-formats';
import { ConversionTally, fontCoding, type FontCoding } from './legacy-cells';
import { decodeFormula, ERROR_CODES, type FormulaContext } from './xls-formula';

export function brokenXls(detail?: string): UnreadableWorkbookError {
  return refuse('xls_corrupt', {}, detail);
}

const encrypted = () => refuse('encrypted', {});

/** True when the UTF-16LE form of `text` occurs in `bytes` (a stream's name in an OLE2 directory). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pat = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let k = 0; k < pat.length; k++) if (bytes[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

function tooManyCells(): UnreadableWorkbookError {
  return refuse('too_many_cells', { limit: LIMITS.maxCells });
}

function tooManyRows(): UnreadableWorkbookError {
  return refuse('too_many_rows', { limit: LIMITS.maxRows });
}

/** Record types read here ([MS-XLS] 2.3). */
const R = {
  FORMULA: 0x0006,
  EOF: 0x000a,
  EXTERNSHEET: 0x0017,
  NAME: 0x0018,
  DATEMODE: 0x0022,
  EXTERNNAME: 0x0023,
  FILEPASS: 0x002f,
  FONT: 0x0031,
  CONTINUE: 0x003c,
  BOUNDSHEET: 0x0085,
  MULRK: 0x00bd,
  MULBLANK: 0x00be,
  RSTRING: 0x00d6,
  XF: 0x00e0,
  MERGEDCELLS: 0x00e5,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  SUPBOOK: 0x01ae,
  BLANK: 0x0201,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  STRING: 0x0207,
  ARRAY: 0x0221,
  RK: 0x027e,
  FORMAT: 0x041e,
  SHRFMLA: 0x04bc,
  BOF: 0x0809,
} as const;

/** One record: its type and its data, with the data of the CONTINUE records that follow it. */
interface Rec {
  type: number;
  /** Data of the record, then of each CONTINUE, as views on the stream. */
  parts: Uint8Array[];
  /** Offset of the record's header in the stream. */
  at: number;
}

/** Reads a record's data across its CONTINUE records, as BIFF8 splits them. */
class Cursor {
  private p = 0;
  private i = 0;
  constructor(private readonly parts: Uint8Array[]) {}
  get atPartStart(): boolean {
    return this.i === 0 && this.p > 0;
  }
  private cur(): Uint8Array {
    let part = this.parts[this.p];
    while (part && this.i >= part.length && this.p < this.parts.length - 1) {
      this.p++;
      this.i = 0;
      part = this.parts[this.p];
    }
    if (!part || this.i >= part.length) throw brokenXls('record ends early');
    return part;
  }
  u8(): number {
    const part = this.cur();
    return part[this.i++]!;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let k = 0; k < n; ) {
      const part = this.cur();
      const take = Math.min(n - k, part.length - this.i);
      this.i += take;
      k += take;
    }
  }
  /** True when the next byte starts a CONTINUE record (string data then restates its width). */
  private nextIsNewPart(): boolean {
    const part = this.parts[this.p];
    return !!part && this.i >= part.length && this.p < this.parts.length - 1;
  }
  /**
   * `cch` characters, 8-bit (the low byte of UTF-16) or 16-bit by `wide`; where the string crosses
   * into a CONTINUE record, that record's first byte restates the width ([MS-XLS] 2.5.293).
   */
  chars(cch: number, wide: boolean): string {
    let s = '';
    let w = wide;
    const codes: number[] = [];
    for (let k = 0; k < cch; k++) {
      if (this.nextIsNewPart()) {
        this.p++;
        this.i = 0;
        w = (this.u8() & 1) === 1;
      }
      codes.push(w ? this.u16() : this.u8());
      if (codes.length === 4096) {
        s += String.fromCharCode(...codes);
        codes.length = 0;
      }
    }
    return s + String.fromCharCode(...codes);
  }
  /** XLUnicodeString: cch (16 bits), flags, characters. */
  unicodeString(): string {
    const cch = this.u16();
    return this.chars(cch, (this.u8() & 1) === 1);
  }
  /** ShortXLUnicodeString: cch (8 bits), flags, characters. */
  shortString(): string {
    const cch = this.u8();
    return this.chars(cch, (this.u8() & 1) === 1);
  }
}

/** A shared-string entry: its text and, for rich text, the runs' fonts ([start, font index]). */
interface SharedString {
  text: string;
  runs?: [number, number][];
}

/** XLUnicodeRichExtendedString ([MS-XLS] 2.5.293): the SST's entries and LABEL's rich cousins. */
function richString(c: Cursor): SharedString {
  const cch = c.u16();
  const flags = c.u8();
  const runCount = flags & 0x08 ? c.u16() : 0;
  const extSize = flags & 0x04 ? c.u32() : 0;
  const text = c.chars(cch, (flags & 1) === 1);
  let runs: [number, number][] | undefined;
  if (runCount) {
    runs = [];
    for (let k = 0; k < runCount; k++) runs.push([c.u16(), c.u16()]);
  }
  if (extSize) c.skip(extSize);
  return runs ? { text, runs } : { text };
}

/** An RK number ([MS-XLS] 2.5.217): 30 bits of an integer or of a double's high half, maybe ×100. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 0x02) v = rk >> 2;
  else {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(4, rk & 0xfffffffc, true);
    v = dv.getFloat64(0, true);
  }
  return rk & 0x01 ? v / 100 : v;
}

interface SheetEntry {
  name: string;
  offset: number;
  hidden?: 'hidden' | 'veryHidden';
  kind: number;
}

interface PendingFormula {
  cell: Cell;
  row: number;
  col: number;
  /** The master cell of the shared or array formula it belongs to. */
  master: string;
}

export function readXls(bytes: Uint8Array, fileName?: string): WorkbookModel {
  let container: CFB.CFB$Container;
  try {
    container = CFB.parse(bytes as unknown as number[]);
  } catch (e) {
    // A container cfb cannot walk may still name its streams: an encrypted .xlsx keeps its advice.
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) throw encrypted();
    throw brokenXls(String(e));
  }
  const find = (name: string) => container.FileIndex.find((f) => f.type === 2 && f.name.toLowerCase() === name.toLowerCase());
  if (find('EncryptedPackage') || find('EncryptionInfo')) throw encrypted();
  const entry = find('Workbook');
  if (!entry) {
    if (find('Book')) {
      throw refuse('xls_excel95', {});
    }
    throw refuse('ole_not_excel', { what: find('WordDocument') ? 'doc' : find('PowerPoint Document') ? 'ppt' : 'other' });
  }
  const content = entry.content;
  const stream = content instanceof Uint8Array ? content : Uint8Array.from(content as number[]);
  return new XlsReader(stream, fileName).read();
}

class XlsReader {
  private readonly dv: DataView;
  private date1904 = false;
  private fonts: FontCoding[] = [];
  private formats = new Map<number, string>();
  /** Per XF: number format id and font index. */
  private xfs: { fmt: number; font: number }[] = [];
  private sst: SharedString[] = [];
  private sheetList: SheetEntry[] = [];
  private externSheets: { book: number; first: number; last: number }[] = [];
  /** SUPBOOK records in order: true for the workbook's own (internal references), else false. */
  private supbooks: boolean[] = [];
  /** EXTERNNAME records per SUPBOOK (add-in function names). */
  private externNames: string[][] = [];
  private names: { name: string; scope: number; rgce: Uint8Array }[] = [];
  private cells = 0;
  private rows = 0;
  private tally = new ConversionTally();
  private formatCache = new Map<number, { z: string | undefined; isDate: boolean; font: FontCoding }>();

  constructor(
    private readonly stream: Uint8Array,
    private readonly fileName?: string,
  ) {
    this.dv = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  }

  /** Records from `at` until EOF (or the stream's end), CONTINUE records joined to the one before. */
  private *records(at: number): Generator<Rec> {
    const s = this.stream;
    let pos = at;
    let pending: Rec | null = null;
    while (pos + 4 <= s.length) {
      const type = this.dv.getUint16(pos, true);
      const len = this.dv.getUint16(pos + 2, true);
      const start = pos + 4;
      if (start + len > s.length) throw brokenXls(`record ${type} runs past the stream`);
      const data = s.subarray(start, start + len);
      if (type === R.CONTINUE && pending) pending.parts.push(data);
      else {
        if (pending) yield pending;
        pending = { type, parts: [data], at: pos };
      }
      pos = start + len;
      if (type === R.EOF) break;
    }
    if (pending) yield pending;
  }

  read(): WorkbookModel {
    this.readGlobals();
    if (this.sheetList.length > LIMITS.maxSheets) {
      throw refuse('too_many_sheets', { sheets: this.sheetList.length, limit: LIMITS.maxSheets });
    }
    const sheets: SheetGrid[] = [];
    for (const entry of this.sheetList) {
      // Worksheets only (dt 0): chart sheets, Excel 4 macro sheets and VBA modules hold no grid.
      if (entry.kind !== 0) continue;
      const grid = this.readSheet(entry);
      if (grid) sheets.push(grid);
    }
    if (!sheets.length) throw brokenXls('no worksheet');
    const model: WorkbookModel = { format: 'xls', sheets, tables: [], names: this.definedNames() };
    const conversions = this.tally.result();
    if (conversions) model.conversions = conversions;
    if (this.fileName !== undefined) model.fileName = this.fileName;
    return model;
  }

  private readGlobals(): void {
    let first = true;
    for (const rec of this.records(0)) {
      const d = rec.parts[0]!;
      const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
      if (first) {
        first = false;
        // BOF of the workbook globals, BIFF8 (vers 0x0600); older versions are refused with advice.
        if (rec.type !== R.BOF || d.length < 4 || v.getUint16(0, true) !== 0x0600) {
          throw refuse('xls_older', {});
        }
        continue;
      }
      switch (rec.type) {
        case R.FILEPASS:
          throw encrypted();
        case R.DATEMODE:
          this.date1904 = d.length >= 2 && v.getUint16(0, true) === 1;
          break;
        case R.FONT: {
          // The font's name follows 14 bytes of size, weight, colour…; index 4 does not exist in BIFF8.
          const c = new Cursor(rec.parts);
          c.skip(14);
          this.fonts.push(fontCoding(c.shortString()));
          if (this.fonts.length === 4) this.fonts.push(null);
          break;
        }
        case R.FORMAT: {
          const c = new Cursor(rec.parts);
          const id = c.u16();
          // Backslash escapes dropped, as the .xlsx reader does ("\-" → "-").
          this.formats.set(id, c.unicodeString().replace(/[\\](.)/g, '$1'));
          break;
        }
        case R.XF:
          if (d.length >= 4) this.xfs.push({ font: v.getUint16(0, true), fmt: v.getUint16(2, true) });
          break;
        case R.BOUNDSHEET: {
          const c = new Cursor(rec.parts);
          const offset = c.u32();
          const state = c.u8() & 0x03;
          const kind = c.u8();
          const entry: SheetEntry = { name: c.shortString(), offset, kind };
          if (state === 1) entry.hidden = 'hidden';
          else if (state === 2) entry.hidden = 'veryHidden';
          this.sheetList.push(entry);
          break;
        }
        case R.SST:
          this.readSst(rec);
          break;
        case R.SUPBOOK:
          // The workbook's own SUPBOOK is 4 bytes: its sheet count and the marker 0x0401.
          this.supbooks.push(d.length === 4 && v.getUint16(2, true) === 0x0401);
          this.externNames.push([]);
          break;
        case R.EXTERNNAME: {
          const list = this.externNames[this.externNames.length - 1];
          if (!list) break;
          const c = new Cursor(rec.parts);
          c.skip(6);
          list.push(c.shortString());
          break;
        }
        case R.EXTERNSHEET: {
          const c = new Cursor(rec.parts);
          const n = c.u16();
          for (let k = 0; k < n; k++) this.externSheets.push({ book: c.u16(), first: (c.u16() << 16) >> 16, last: (c.u16() << 16) >> 16 });
          break;
        }
        case R.NAME:
          this.readName(rec);
          break;
        default:
          break;
      }
    }
  }

  private readSst(rec: Rec): void {
    const c = new Cursor(rec.parts);
    c.skip(4); // cstTotal: a count the file states, not used
    const unique = c.u32();
    // Never more entries than the record's bytes can hold (three bytes at least each): a declared
    // count of four billion allocates nothing.
    const room = rec.parts.reduce((a, p) => a + p.length, 0);
    const n = Math.min(unique, Math.floor(room / 3));
    for (let k = 0; k < n; k++) {
      try {
        this.sst.push(richString(c));
      } catch {
        break; // a table shorter than it says: the strings read are kept
      }
    }
  }

  private readName(rec: Rec): void {
    const c = new Cursor(rec.parts);
    const flags = c.u16();
    c.skip(1); // keyboard shortcut
    const cch = c.u8();
    const cce = c.u16();
    c.skip(2);
    const scope = c.u16();
    c.skip(4);
    const nameFlags = c.u8();
    const name = c.chars(cch, (nameFlags & 1) === 1);
    const rgce = new Uint8Array(cce);
    for (let k = 0; k < cce; k++) rgce[k] = c.u8();
    // Built-in names (print area, _FilterDatabase…) and hidden ones are not the workbook's own.
    this.names.push({ name: flags & 0x20 ? '' : name, scope, rgce });
  }

  private readonly context: FormulaContext = {
    sheetOf: (ixti) => {
      const x = this.externSheets[ixti];
      if (!x || !this.supbooks[x.book] || x.first !== x.last) return null;
      return this.sheetList[x.first]?.name ?? null;
    },
    nameOf: (index) => this.names[index - 1]?.name || null,
    externNameOf: (ixti, index) => {
      const x = this.externSheets[ixti];
      return (x && this.externNames[x.book]?.[index - 1]) ?? null;
    },
  };

  /** Workbook-scope names that point at one cell, as the .xlsx reader keeps them. */
  private definedNames(): NameRef[] {
    const out: NameRef[] = [];
    for (const n of this.names) {
      if (!n.name || n.scope !== 0 || n.name.startsWith('_')) continue;
      const text = decodeFormula(n.rgce, this.context, { row: 0, col: 0 });
      const m = text ? /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(text) : null;
      if (!m || (m[5] && (m[5] !== m[3] || m[6] !== m[4]))) continue;
      out.push({ name: n.name, sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, cell: `${m[3]}${m[4]}` });
    }
    return out;
  }

  private formatOf(xf: number): { z: string | undefined; isDate: boolean; font: FontCoding } {
    let hit = this.formatCache.get(xf);
    if (!hit) {
      const x = this.xfs[xf];
      const id = x?.fmt ?? 0;
      const z = id ? (this.formats.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
      hit = { z: z && !/^general$/i.test(z) ? z : undefined, isDate: isDateFormat(z), font: x ? (this.fonts[x.font] ?? null) : null };
      this.formatCache.set(xf, hit);
    }
    return hit;
  }

  private readSheet(entry: SheetEntry): SheetGrid | null {
    if (entry.offset + 8 > this.stream.length) throw brokenXls(`sheet ${entry.name} starts past the stream`);
    const rows: (Cell | undefined)[][] = [];
    const merges: string[] = [];
    const pending: PendingFormula[] = [];
    /** Shared and array formulas by their master cell: the tokens and the area they cover. */
    const shared = new Map<string, Uint8Array>();
    let lastRow = 0;
    let first = true;
    /** The formula cell whose text result the next STRING record holds. */
    let stringFor: { cell: Cell; xf: number } | null = null;
    const sheet = entry.name;

    const put = (row: number, col: number, xf: number, cell: Cell | null) => {
      if (++this.cells > LIMITS.maxCells) throw tooManyCells();
      if (row + 1 > lastRow) {
        this.rows += row + 1 - lastRow;
        lastRow = row + 1;
        if (this.rows > LIMITS.maxRows) throw tooManyRows();
      }
      if (!cell) return;
      const { z } = this.formatOf(xf);
      if (z) cell.z = z;
      (rows[row] ??= [])[col] = cell;
    };
    const num = (xf: number, value: number): Cell => {
      const { isDate } = this.formatOf(xf);
      return { v: isDate ? dateSerial(value, this.date1904) : value };
    };
    const text = (xf: number, s: string): Cell => ({ v: this.tally.byFont(sheet, s, this.formatOf(xf).font) });

    for (const rec of this.records(entry.offset)) {
      const d = rec.parts[0]!;
      const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
      if (first) {
        first = false;
        // A worksheet's BOF has dt 0x0010; anything else at the offset is not a worksheet.
        if (rec.type !== R.BOF || d.length < 4 || v.getUint16(2, true) !== 0x0010) return null;
        continue;
      }
      if (rec.type === R.BOF) throw brokenXls(`nested substream in ${sheet}`);
      // Cell records start with row, column and XF index.
      const row = d.length >= 6 ? v.getUint16(0, true) : 0;
      const col = d.length >= 6 ? v.getUint16(2, true) : 0;
      const xf = d.length >= 6 ? v.getUint16(4, true) : 0;
      if (rec.type !== R.STRING && rec.type !== R.SHRFMLA && rec.type !== R.ARRAY) stringFor = null;
      switch (rec.type) {
        case R.NUMBER:
          if (d.length < 14) throw brokenXls('short NUMBER');
          put(row, col, xf, num(xf, v.getFloat64(6, true)));
          break;
        case R.RK:
          if (d.length < 10) throw brokenXls('short RK');
          put(row, col, xf, num(xf, rkValue(v.getUint32(6, true))));
          break;
        case R.MULRK: {
          // row, first column, (XF, RK) per cell, last column.
          const count = Math.floor((d.length - 6) / 6);
          for (let k = 0; k < count; k++) {
            const x = v.getUint16(4 + 6 * k, true);
            put(row, col + k, x, num(x, rkValue(v.getUint32(6 + 6 * k, true))));
          }
          break;
        }
        case R.LABELSST: {
          if (d.length < 10) throw brokenXls('short LABELSST');
          const s = this.sst[v.getUint32(6, true)];
          if (!s) {
            put(row, col, xf, null);
            break;
          }
          if (s.runs?.length) {
            const runs: { text: string; coding: FontCoding }[] = [];
            const cellFont = this.formatOf(xf).font;
            let at = 0;
            let font = cellFont;
            for (const [start, ifnt] of s.runs) {
              if (start > at) runs.push({ text: s.text.slice(at, start), coding: font });
              at = Math.max(at, start);
              font = this.fonts[ifnt] ?? null;
            }
            runs.push({ text: s.text.slice(at), coding: font });
            put(row, col, xf, { v: this.tally.byRuns(sheet, runs) });
          } else put(row, col, xf, text(xf, s.text));
          break;
        }
        case R.LABEL:
        case R.RSTRING: {
          const c = new Cursor(rec.parts);
          c.skip(6);
          put(row, col, xf, text(xf, c.unicodeString()));
          break;
        }
        case R.BOOLERR: {
          if (d.length < 8) throw brokenXls('short BOOLERR');
          const b = d[6]!;
          put(row, col, xf, d[7] ? { v: null, e: ERROR_CODES[b] ?? '#N/A' } : { v: b !== 0 });
          break;
        }
        case R.BLANK:
          put(row, col, xf, null);
          break;
        case R.MULBLANK: {
          const count = Math.floor((d.length - 6) / 2);
          for (let k = 0; k < count; k++) put(row, col + k, v.getUint16(4 + 2 * k, true), null);
          break;
        }
        case R.FORMULA: {
          if (d.length < 22) throw brokenXls('short FORMULA');
          const cell: Cell = { v: null };
          const special = v.getUint16(12, true) === 0xffff;
          if (!special) cell.v = num(xf, v.getFloat64(6, true)).v;
          else if (d[6] === 1) cell.v = d[8] !== 0;
          else if (d[6] === 2) cell.e = ERROR_CODES[d[8]!] ?? '#N/A';
          // d[6] === 0: a text result, in the STRING record that follows; 3: an empty text (no value).
          const cce = v.getUint16(20, true);
          const rgce = d.subarray(22, 22 + cce);
          if (rgce[0] === 0x01 && rgce.length >= 5) {
            // PtgExp: part of a shared or array formula whose tokens come with its master cell.
            pending.push({ cell, row, col, master: `${v.getUint16(23, true)},${v.getUint16(25, true)}` });
          } else {
            const f = decodeFormula(rgce, this.context, { row, col });
            if (f) cell.f = f;
          }
          put(row, col, xf, cell);
          if (special && d[6] === 0) stringFor = { cell, xf };
          break;
        }
        case R.STRING: {
          if (!stringFor) break;
          const s = new Cursor(rec.parts).unicodeString();
          if (s) stringFor.cell.v = this.tally.byFont(sheet, s, this.formatOf(stringFor.xf).font);
          stringFor = null;
          break;
        }
        case R.SHRFMLA: {
          // RefU: first and last row (16 bits), first and last column (8 bits); then cUse, cce, tokens.
          if (d.length < 10) throw brokenXls('short SHRFMLA');
          const cce = v.getUint16(8, true);
          shared.set(`${v.getUint16(0, true)},${d[4]}`, d.subarray(10, 10 + cce));
          break;
        }
        case R.ARRAY: {
          // Ref8U (rows 16 bits, columns 8 bits), options, 4 reserved bytes, cce, tokens.
          if (d.length < 14) throw brokenXls('short ARRAY');
          const cce = v.getUint16(12, true);
          shared.set(`${v.getUint16(0, true)},${d[4]}`, d.subarray(14, 14 + cce));
          break;
        }
        case R.MERGEDCELLS: {
          const count = d.length >= 2 ? v.getUint16(0, true) : 0;
          for (let k = 0; k < count && 2 + 8 * k + 8 <= d.length; k++) {
            const o = 2 + 8 * k;
            const r1 = v.getUint16(o, true);
            const r2 = v.getUint16(o + 2, true);
            const c1 = v.getUint16(o + 4, true);
            const c2 = v.getUint16(o + 6, true);
            if (++this.cells > LIMITS.maxCells) throw tooManyCells();
            merges.push(`${colToLetters(c1)}${r1 + 1}:${colToLetters(c2)}${r2 + 1}`);
          }
          break;
        }
        default:
          break;
      }
    }
    for (const p of pending) {
      const tokens = shared.get(p.master);
      const f = tokens ? decodeFormula(tokens, this.context, { row: p.row, col: p.col }) : null;
      if (f) p.cell.f = f;
    }
    // Holes read as empty lines; one shared, frozen line fills them (as stream-read.ts does).
    const EMPTY: (Cell | undefined)[] = Object.freeze([]) as unknown as (Cell | undefined)[];
    for (let r = 0; r < rows.length; r++) rows[r] ??= EMPTY;
    const grid: SheetGrid = { name: entry.name, rows };
    if (merges.length) grid.merges = merges;
    if (entry.hidden) grid.hidden = entry.hidden;
    return grid;
  }
}
