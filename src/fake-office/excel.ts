/**
 * An in-memory Excel host that behaves like Office.js where it matters for correctness:
 * proxies queue work, properties exist only after load + sync, writes land at sync, each sync is
 * a counted round trip, and Excel on the web's payload limits are enforced. The adapter in
 * src/excel runs on it unmodified (see installFakeOffice), so tests and the playground exercise
 * the same code the real add-in runs.
 *
 * Where the real host is less kind than an obvious fake, this one follows the real host, each
 * behaviour with its source: fills read back as Excel reports them (getCellProperties below),
 * one settings copy per runtime (host.ts, FakeRuntime) beside workbook.settings, protected sheets
 * and read-only documents refusing writes (assertWritable), desktop Excel returning null for
 * oversized reads (RangeProxy.fetch), names broken by insertWorksheetsFromBase64 (insertModel).
 */
import { ClientObjectBase, ClientResult, ERROR_CODES, FakeHost, FakeOfficeError, RequestContextBase, installGlobals, notLoaded, runner, type FakeRuntime } from './host';
import type { Cell, NameRef, Scalar, TableRef, WorkbookModel } from '../core/model';
import { colToLetters, parseA1, parseRange, toA1 } from '../core/model';
import { mapFormulaRefs, type FormulaRef } from '../core/formula-refs';

export interface FillState {
  /** "#RRGGBB", upper case: the base colour (a theme colour's own, before its tint). */
  color: string;
  /** Excel.FillPattern name; "Solid" for an ordinary fill. */
  pattern: string;
  patternColor?: string;
  /** Lightens (>0) or darkens (<0) the colour, as theme colours "Lighter 80%"… do; 0 or absent = none. */
  tintAndShade?: number;
}

export interface CellFormat {
  /** Absent = no fill (Excel's pattern "None"). */
  fill?: FillState;
  fontColor?: string;
  bold?: boolean;
}

/** What `setCellFormat` accepts: `fill: null` removes the fill. */
export interface CellFormatChange {
  fill?: string | null;
  pattern?: string;
  /** A theme colour's tint (e.g. 0.8 for "Lighter 80%"). */
  tint?: number;
  fontColor?: string;
  bold?: boolean;
}

export interface SnapshotCell {
  v: Scalar;
  f?: string;
  e?: string;
  z?: string;
  /** Effective fill colour, null when the cell has no fill. */
  fill: string | null;
  fontColor?: string;
  bold?: boolean;
}

export interface SnapshotSheet {
  name: string;
  /** rows[r][c] from A1 to the last cell holding a value or a format. */
  rows: (SnapshotCell | undefined)[][];
  tables: TableRef[];
}

export interface FakeSnapshot {
  sheets: SnapshotSheet[];
  activeSheet: string;
  selection: { sheet: string; cell: string } | null;
  /** Increases at every change, so a UI can tell snapshots apart cheaply. */
  version: number;
}

export interface SyncRecord {
  /** Cells whose values/formulas/formats/properties were returned. */
  cellsRead: number;
  cellsWritten: number;
  /** Approximate JSON size of the response and of the values the request sends. */
  bytesRead: number;
  bytesWritten: number;
  /** The request's size as Excel on the web counts it against its limit (Ctx.checkRequest). */
  requestBytes: number;
  operations: number;
  failed?: string;
}

export interface FakeExcelOptions {
  /** Highest version supported per requirement set; default ExcelApi 1.17 and DialogApi 1.2. */
  apiSets?: Record<string, string>;
  /** Excel on the web's limits; `false` models desktop Excel (no payload limit). */
  limits?: WebLimits | false;
  /**
   * Desktop Excel (Office.context.platform "PC"): no payload limit, and a read of more than five
   * million cells does not fail with a limit error: `values` and the other grids come back null
   * (office-js issues #4783, #6781; docs PR office-js-docs-pr#5821), or, with "error", the sync
   * fails with a GeneralException that says nothing of a limit.
   */
  desktop?: { oversized: 'null' | 'error'; /** The limit, 5 000 000 by default (smaller keeps tests fast). */ maxReadCells?: number };
  /** Sheets protected by the user: every format or value write on them fails with AccessDenied. */
  protectedSheets?: string[];
  /** A read-only document (Office.context.document.mode "readOnly"): every write fails with AccessDenied. */
  readOnly?: boolean;
  /** insertWorksheetsFromBase64 leaves the inserted names pointing at #REF! (https://github.com/OfficeDev/office-js/issues/3583). */
  insertBreaksNames?: boolean;
  /** Turns a base64 .xlsx into a model, for insertWorksheetsFromBase64; absent = unsupported. */
  decodeWorkbook?: (base64: string) => WorkbookModel;
  /**
   * Excel's automatic calculation: after every batch that wrote, each formula is computed again
   * from the cells it reads, so a formula on another sheet shows the new figures. The fake does
   * not compute by itself; tests pass the file reader's evaluator (src/xlsx/formula-eval.ts,
   * `evaluateMissing`), which is given the workbook with every formula's result cleared. Absent:
   * formulas keep the results they came with.
   */
  recalculate?: (model: WorkbookModel, pending: [number, number, number][]) => unknown;
  /** Pre-existing formats, by sheet name then A1 cell. */
  formats?: Record<string, Record<string, CellFormatChange>>;
  /** The officer's conditional formatting rules, by sheet name, highest priority first (FakeConditionalFormat). */
  conditionalFormats?: Record<string, { type?: FakeConditionalFormat['type']; range: string; fill?: string }[]>;
  /** Document settings already saved in the file. */
  settings?: Record<string, unknown>;
}

export interface WebLimits {
  /** Largest request and response, in bytes. */
  maxBytes: number;
  maxCellsPerRange: number;
  /** What one queued call of the API weighs in the request, beside the values it sends (Ctx.checkRequest); WEB_LIMITS' when absent. */
  bytesPerOperation?: number;
}

/**
 * Excel on the web: "a payload size limit for requests and responses of 5MB", and five million
 * cells per range read ("Resource limits and performance optimization for Office Add-ins",
 * learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *
 * The request's size is "a combination of" the number of API calls, the number of objects and
 * the length of the values set (learn.microsoft.com/office/dev/add-ins/excel/performance,
 * "Payload size limit best practices"). That page measures it for us: 10 000 single-cell writes
 * (one range object and one `values = [["1"]]` each) in one sync are over the limit, and 5 000 of
 * them are not, so one such object-and-call weighs between 5 MiB / 10 000 ≈ 524 bytes and
 * 5 MiB / 5 000 − 9 ≈ 1 039 bytes. The fake charges 1 024 bytes per queued call (the object it is
 * made on included) plus the JSON of its values: near the top of that interval, so it refuses
 * what the host may refuse while still taking the page's 5 000 writes.
 */
export const WEB_LIMITS: Required<WebLimits> = { maxBytes: 5 * 1024 * 1024, maxCellsPerRange: 5_000_000, bytesPerOperation: 1024 };

/** Shaped like OfficeExtension.Error (RichApi.Error): a `code`, a message, debugInfo. */
export { FakeOfficeError };

type FakeName = NameRef & { hidden?: boolean; comment?: string };

interface FakeSheet {
  name: string;
  /** Worksheet.id: set when the sheet is created, kept through renames. */
  id: string;
  /** Names scoped to the sheet (Worksheet.names). */
  names: FakeName[];
  cells: Map<number, Cell>;
  formats: Map<number, CellFormat>;
  usedValues?: Box | null;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** The sheet's conditional formatting rules, highest priority first. */
  conditionalFormats: FakeConditionalFormat[];
}

/**
 * A conditional formatting rule as the officer made it (Home › Conditional Formatting): its
 * Excel.ConditionalFormatType and the cells it applies to, and the fill it gives a cell when it is
 * met. Conditions are not evaluated: a rule with a fill is taken as met everywhere it applies,
 * the case where it covers a highlight. A met rule's fill is what the cell shows, over the cell's
 * own ("Apply conditional formatting to Excel ranges": a cellValue rule with
 * `format.fill.color = "lightgreen"` gives its cells green backgrounds,
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting); data bars
 * and icon sets draw beside the fill and give none.
 */
export interface FakeConditionalFormat {
  type: 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue';
  ranges: Box[];
  fill?: string;
}

/** The five-million-cell limit on reads applies on every platform (docs: Excel add-ins resource limits). */
export const MAX_READ_CELLS = 5_000_000;

const KEY_COLS = 16384;
const key = (r: number, c: number) => r * KEY_COLS + c;
const unkey = (k: number) => ({ row: Math.floor(k / KEY_COLS), col: k % KEY_COLS });

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boxAddress(sheet: string, b: Box): string {
  const a = toA1({ row: b.r0, col: b.c0 });
  const z = toA1({ row: b.r1, col: b.c1 });
  return `${quoteSheet(sheet)}!${a === z ? a : `${a}:${z}`}`;
}

function normColor(c: string): string {
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00' };
  const s = named[c.toLowerCase()] ?? c;
  return s.startsWith('#') ? s.toUpperCase() : `#${s.toUpperCase()}`;
}

/** Rough JSON size of a value as it would travel in a response. */
function jsonSize(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'string') return v.length + 2;
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'boolean') return 5;
  if (Array.isArray(v)) {
    let n = 2;
    for (const x of v) n += jsonSize(x) + 1;
    return n;
  }
  return JSON.stringify(v).length;
}


// ---------------------------------------------------------------------------------------------
// Request context and proxies

class Ctx extends RequestContextBase<FakeExcel> {
  stat: SyncRecord = { cellsRead: 0, cellsWritten: 0, bytesRead: 0, bytesWritten: 0, requestBytes: 0, operations: 0 };
  readonly workbook: WorkbookProxy;

  constructor(fake: FakeExcel) {
    super(fake);
    this.workbook = new WorkbookProxy(this);
  }

  read(cells: number, bytes: number): void {
    this.stat.cellsRead += cells;
    this.stat.bytesRead += bytes;
    const lim = this.fake.limits;
    if (lim && this.stat.bytesRead > lim.maxBytes) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
  }

  /** Counts what an operation wrote (the request's size is checked before, checkRequest). */
  write(cells: number, bytes: number): void {
    this.stat.cellsWritten += cells;
    this.stat.bytesWritten += bytes;
  }

  protected override beginSync(operations: number): void {
    this.stat = { cellsRead: 0, cellsWritten: 0, bytesRead: 0, bytesWritten: 0, requestBytes: 0, operations };
  }

  /**
   * The request as Excel on the web weighs it (WEB_LIMITS): every queued call at
   * bytesPerOperation, plus the values it sends. Over the limit, the host refuses the request as
   * a whole: no operation of it runs, and the sync fails with RequestPayloadSizeLimitExceeded
   * (the code the performance page names).
   */
  protected override checkRequest(values: readonly (number | null)[]): void {
    const lim = this.fake.limits;
    const perOperation = (lim ? lim.bytesPerOperation : undefined) ?? WEB_LIMITS.bytesPerOperation;
    let bytes = 0;
    for (const v of values) if (v !== null) bytes += perOperation + v;
    this.stat.requestBytes = bytes;
    if (lim && bytes > lim.maxBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
  }

  protected override endSync(failure: unknown): void {
    this.fake.compactNames();
    // Operations before a failure stay done, so Excel recalculates after a failed batch too.
    if (this.fake.valuesChanged) this.fake.recalculate();
    this.fake.valuesChanged = false;
    const record = { ...this.stat };
    if (failure) record.failed = (failure as { code?: string }).code ?? String(failure);
    this.fake.syncLog.push(record);
  }
}


abstract class ClientObject extends ClientObjectBase<Ctx> {
  /** Also follows navigation properties ("worksheet/name") and counts what the response carries. */
  override fetch(props: string[]): void {
    const target = this.resolveForRead();
    const values = new Map<string, unknown>();
    const nested: [ClientObject, string[]][] = [];
    for (const p of props) {
      const slash = p.indexOf('/');
      if (slash > 0) {
        const nav = this.navigation(p.slice(0, slash));
        if (!nav) throw new FakeOfficeError('InvalidArgument', `Cannot load '${p}'.`);
        nested.push([nav, [p.slice(slash + 1)]]);
        continue;
      }
      values.set(p, target === null ? null : this.readProp(p, target));
    }
    // Grids count themselves while they are built (see FakeExcel.grid).
    this.context.read(0, jsonSize([...values.values()].filter((v) => !Array.isArray(v))));
    this.context.commits.push(() => {
      for (const [k, v] of values) this.loaded.set(k, v);
    });
    for (const [nav, ps] of nested) nav.fetch(ps);
  }

  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(private readonly ctx: Ctx) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
  }

  insertWorksheetsFromBase64(base64: string, options?: { sheetNamesToInsert?: string[]; positionType?: string }): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    const fake = this.ctx.fake;
    this.ctx.enqueue(() => {
      if (!fake.supports('ExcelApi', '1.13') || !fake.options.decodeWorkbook) {
        throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.');
      }
      fake.assertWritable();
      this.ctx.write(0, base64.length);
      const names = fake.insertModel(fake.options.decodeWorkbook(base64), options?.sheetNamesToInsert);
      this.ctx.commits.push(() => result.set(names));
    }, base64.length);
    return result;
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private itemsList: WorksheetProxy[] | undefined;

  get items(): WorksheetProxy[] {
    if (!this.itemsList) notLoaded('items');
    return this.itemsList;
  }

  override fetch(props: string[]): void {
    const sheets = this.context.fake.sheets;
    const items = sheets.map((s) => new WorksheetProxy(this.context, () => s, false));
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    for (const it of items) it.fetch(itemProps.length ? itemProps : ['name']);
    this.context.commits.push(() => (this.itemsList = items));
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.fake.sheet(name), false, name);
  }

  /** WorksheetCollection.add(name) (ExcelApi 1.1): a new empty sheet at the end; the name follows renameSheet's rules. */
  add(name: string): WorksheetProxy {
    this.context.enqueue(() => this.context.fake.addSheet(name), jsonSize(name));
    return this.getItem(name);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context, () => this.context.fake.sheet(name), true, name);
    return ws;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.fake.sheet(this.context.fake.activeSheet), false);
  }

  protected resolve(): unknown {
    return this.context.fake.sheets;
  }
  protected readProp(): unknown {
    return undefined;
  }
}

class WorksheetProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly find: () => FakeSheet | undefined,
    private readonly orNull: boolean,
    private readonly lookupName?: string,
  ) {
    super(ctx);
    if (orNull) this.markNullState(() => !find());
  }

  get id(): string {
    return this.get('id');
  }
  private namesProxy: NamedItemCollectionProxy | undefined;
  get names(): NamedItemCollectionProxy {
    return (this.namesProxy ??= new NamedItemCollectionProxy(this.context, () => this.resolve().names, () => this.resolve()));
  }
  get name(): string {
    return this.get('name');
  }
  /** Worksheet.name (ExcelApi 1.1) is writable: renaming follows Excel's rules (FakeExcel.renameSheet). */
  set name(to: string) {
    this.context.enqueue(() => this.context.fake.renameSheet(this.resolve(), to), jsonSize(to));
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.context.enqueue(() => {
      const s = this.resolve();
      this.context.fake.assertWritable();
      s.visibility = v as FakeSheet['visibility'];
    });
  }
  /** Worksheet.delete() (ExcelApi 1.1); see FakeExcel.deleteSheet for what Excel refuses. */
  delete(): void {
    this.context.enqueue(() => this.context.fake.deleteSheet(this.resolve()));
  }

  protected resolve(): FakeSheet {
    const s = this.find();
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, this.lookupName ? `Worksheet '${this.lookupName}'` : 'Worksheet');
    return s;
  }
  protected override resolveForRead(): unknown {
    return this.orNull ? (this.find() ?? null) : this.resolve();
  }
  protected readProp(prop: string, t: unknown): unknown {
    const s = t as FakeSheet;
    if (prop === 'name') return s.name;
    if (prop === 'id') return s.id;
    if (prop === 'visibility') return s.visibility ?? 'Visible';
    if (prop === 'position') return this.context.fake.sheets.indexOf(s);
    throw new FakeOfficeError('InvalidArgument', `Unknown worksheet property ${prop}`);
  }
  protected override defaultProps(): string[] {
    return ['name'];
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  /** Worksheet.protection (ExcelApi 1.2): `protected` tells whether the user protected the sheet. */
  private protectionProxy: WorksheetProtectionProxy | undefined;
  get protection(): WorksheetProtectionProxy {
    return (this.protectionProxy ??= new WorksheetProtectionProxy(this.context, () => this.resolve()));
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.fake.activeSheet = this.resolve().name;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.resolve();
      if (!address) return { sheet: s, box: { r0: 0, c0: 0, r1: 1048575, c1: 16383 } };
      const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
      const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
      if (rows) return { sheet: s, box: { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383 } };
      let pos;
      try {
        pos = parseRange(bare);
      } catch {
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return { sheet: s, box: { r0: pos.start.row, c0: pos.start.col, r1: pos.end.row, c1: pos.end.col } };
    }, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.resolve();
      const box = this.context.fake.usedBox(s, !!valuesOnly);
      return box ? { sheet: s, box } : null;
    }, true);
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.resolve();
      return { sheet: s, box: this.context.fake.usedBox(s, !!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }, false);
  }
}

class WorksheetProtectionProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protected resolve(): unknown {
    return this.sheet();
  }
  protected readProp(prop: string, t: unknown): unknown {
    if (prop === 'protected') return !!(t as FakeSheet).protected;
    throw new FakeOfficeError('InvalidArgument', `Unknown protection property ${prop}`);
  }
}

/**
 * Workbook.settings (ExcelApi 1.4): settings kept in the workbook and read inside a batch, so
 * every runtime of the add-in sees the document's current state. The fake keeps them in the same
 * store as Office.context.document.settings saves into (the worst case: a runtime saving a stale
 * Office.Settings copy overwrites them).
 */
class SettingCollectionProxy extends ClientObject {
  add(key: string, value: unknown): SettingProxy {
    const json = JSON.stringify(value);
    this.context.enqueue(() => {
      this.context.fake.assertWritable();
      this.context.write(0, json.length);
      this.context.fake.savedSettings[key] = JSON.parse(json);
    }, jsonSize(key) + json.length);
    return new SettingProxy(this.context, key, false);
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, key, false);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, key, true);
  }
  protected resolve(): unknown {
    return this.context.fake.savedSettings;
  }
  protected readProp(): unknown {
    return undefined;
  }
}

class SettingProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    if (orNull) this.markNullState(() => !(key in ctx.fake.savedSettings));
  }
  get value(): unknown {
    return this.get('value');
  }
  protected resolve(): unknown {
    const all = this.context.fake.savedSettings;
    if (!(this.key in all)) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, 'Setting');
    return all[this.key];
  }
  protected override resolveForRead(): unknown {
    return this.orNull && !(this.key in this.context.fake.savedSettings) ? null : this.resolve();
  }
  protected override defaultProps(): string[] {
    return ['key', 'value'];
  }
  protected readProp(prop: string, v: unknown): unknown {
    if (prop === 'key') return this.key;
    if (prop === 'value') return structuredClone(v);
    throw new FakeOfficeError('InvalidArgument', `Unknown setting property ${prop}`);
  }
  delete(): void {
    this.context.enqueue(() => {
      this.context.fake.assertWritable();
      this.resolve();
      delete this.context.fake.savedSettings[this.key];
    });
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

const RANGE_GRIDS = ['values', 'formulas', 'numberFormat', 'valueTypes', 'text'];

class RangeProxy extends ClientObject {
  private formatProxy: RangeFormatProxy | undefined;
  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this.context, () => this.resolve()));
  }
  constructor(
    ctx: Ctx,
    private readonly find: () => RangeTarget | null,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    if (orNull) this.markNullState(() => find() === null);
  }

  get address(): string {
    return this.get('address');
  }
  private cfProxy: ConditionalFormatCollectionProxy | undefined;
  /** Range.conditionalFormats (ExcelApi 1.6): the rules that overlap the range. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this.cfProxy ??= new ConditionalFormatCollectionProxy(this.context, () => this.resolve()));
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** Range.formulas = grid: "=…" strings become formulas, anything else a constant (Excel.Range, `formulas`). */
  set formulas(grid: unknown[][]) {
    this.writeGrid(grid, true);
  }
  set values(grid: unknown[][]) {
    this.writeGrid(grid, false);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }

  protected resolve(): RangeTarget {
    const t = this.find();
    if (!t) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, 'Range');
    return t;
  }
  protected override resolveForRead(): unknown {
    return this.orNull ? this.find() : this.resolve();
  }
  protected override defaultProps(): string[] {
    return ['address', 'values', 'formulas', 'numberFormat', 'valueTypes', 'rowCount', 'columnCount'];
  }

  override fetch(props: string[]): void {
    const t = this.resolveForRead() as RangeTarget | null;
    if (t) {
      const cells = (t.box.r1 - t.box.r0 + 1) * (t.box.c1 - t.box.c0 + 1);
      const grids = props.filter((p) => RANGE_GRIDS.includes(p));
      const fake = this.context.fake;
      const lim = fake.limits;
      if (grids.length && lim && cells > lim.maxCellsPerRange) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The range has ${cells} cells, above the ${lim.maxCellsPerRange} allowed per read.`);
      }
      const desktop = fake.options.desktop;
      if (grids.length && desktop && cells > (desktop.maxReadCells ?? MAX_READ_CELLS)) {
        // Desktop Excel: no limit error. Either an error that names no limit, or null grids.
        if (desktop.oversized === 'error') throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
        super.fetch(props.filter((p) => !RANGE_GRIDS.includes(p)));
        this.context.commits.push(() => {
          for (const g of grids) this.loaded.set(g, null);
        });
        return;
      }
      this.context.stat.cellsRead += grids.length ? cells : 0;
    }
    super.fetch(props);
  }

  protected readProp(prop: string, target: unknown): unknown {
    const { sheet, box } = target as RangeTarget;
    const fake = this.context.fake;
    switch (prop) {
      case 'address':
        return boxAddress(sheet.name, box);
      case 'rowCount':
        return box.r1 - box.r0 + 1;
      case 'columnCount':
        return box.c1 - box.c0 + 1;
      case 'rowIndex':
        return box.r0;
      case 'columnIndex':
        return box.c0;
      case 'values':
        return fake.grid(sheet, box, (c) => (c ? (c.e ?? (c.v === null ? '' : c.v)) : ''), this.context);
      case 'text':
        return fake.grid(sheet, box, (c) => (c ? (c.e ?? (c.v === null ? '' : String(c.v))) : ''), this.context);
      case 'formulas':
        return fake.grid(sheet, box, (c) => (c ? (c.f !== undefined ? `=${c.f}` : (c.e ?? (c.v === null ? '' : c.v))) : ''), this.context);
      case 'numberFormat':
        return fake.grid(sheet, box, (c) => c?.z ?? 'General', this.context);
      case 'valueTypes':
        return fake.grid(sheet, box, (c) => {
          if (!c) return 'Empty';
          if (c.e) return 'Error';
          if (c.v === null || (c.v === '' && c.f === undefined)) return 'Empty';
          return typeof c.v === 'number' ? 'Double' : typeof c.v === 'boolean' ? 'Boolean' : 'String';
        }, this.context);
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown range property ${prop}`);
    }
  }

  private writeGrid(grid: unknown[][], formulas: boolean): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.resolve();
      const fake = this.context.fake;
      fake.assertWritable(sheet);
      const rows = box.r1 - box.r0 + 1;
      const cols = box.c1 - box.c0 + 1;
      if (grid.length !== rows || grid.some((r) => r.length !== cols)) {
        throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      this.context.write(rows * cols, jsonSize(grid));
      delete sheet.usedValues;
      fake.valuesChanged = true;
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(box.r0 + i, box.c0 + j);
          if (v === '' || v === null || v === undefined) sheet.cells.delete(k);
          else if (formulas && typeof v === 'string' && v.startsWith('=') && v.length > 1) sheet.cells.set(k, { v: null, f: v.slice(1) });
          else sheet.cells.set(k, { v: v as Scalar });
        }),
      );
    }, jsonSize(grid));
  }

  /**
   * Range.insert(Excel.InsertShiftDirection.down) on whole rows ("7:11"): the rows below move
   * down, and formulas, names and tables follow the cells they refer to ("Formulas with cell
   * references automatically adjust after insertion",
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert). Only whole rows
   * are modelled; other shapes are refused rather than faked.
   */
  insert(shift: string): RangeProxy {
    this.context.enqueue(() => {
      const { sheet, box } = this.resolve();
      if (shift !== 'Down' || box.c0 !== 0 || box.c1 !== 16383) throw new FakeOfficeError('InvalidArgument', 'The fake host inserts whole rows only.');
      this.context.fake.insertRows(sheet, box.r0, box.r1 - box.r0 + 1);
    });
    return this;
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.resolve();
      const fake = this.context.fake;
      if (fake.activeSheet !== sheet.name) {
        throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      }
      fake.selection = { sheet: sheet.name, cell: toA1({ row: box.r0, col: box.c0 }) };
    });
  }

  getCellProperties(spec: { address?: boolean; format?: { fill?: Record<string, boolean>; font?: Record<string, boolean> } }): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this.context.enqueue(() => {
      const { sheet, box } = this.resolve();
      const out: unknown[][] = [];
      for (let r = box.r0; r <= box.r1; r++) {
        const row: unknown[] = [];
        for (let c = box.c0; c <= box.c1; c++) {
          const f = sheet.formats.get(key(r, c)) ?? {};
          const p: Record<string, unknown> = {};
          if (spec.address) p.address = boxAddress(sheet.name, { r0: r, c0: c, r1: r, c1: c });
          const format: Record<string, unknown> = {};
          if (spec.format?.fill) {
            const fill: Record<string, unknown> = {};
            // As real Excel reports it: a cell without fill reads as colour #FFFFFF, the same as a
            // white fill, with pattern null; only tintAndShade tells them apart, null for no fill
            // and a number for any fill (office-js issues #6218, #4900). A theme colour reads as
            // its base colour plus its tint (Excel.CellPropertiesFill, tintAndShade).
            if (spec.format.fill.color) fill.color = f.fill?.color ?? '#FFFFFF';
            if (spec.format.fill.pattern) fill.pattern = f.fill ? f.fill.pattern : null;
            if (spec.format.fill.patternColor) fill.patternColor = f.fill?.patternColor ?? '#000000';
            if (spec.format.fill.tintAndShade) fill.tintAndShade = f.fill ? (f.fill.tintAndShade ?? 0) : null;
            format.fill = fill;
          }
          if (spec.format?.font) {
            const font: Record<string, unknown> = {};
            if (spec.format.font.color) font.color = f.fontColor ?? '#000000';
            if (spec.format.font.bold) font.bold = f.bold ?? false;
            format.font = font;
          }
          if (spec.format) p.format = format;
          row.push(p);
        }
        out.push(row);
      }
      this.context.read((box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1), jsonSize(out));
      this.context.commits.push(() => result.set(out));
    });
    return result;
  }

  setCellProperties(data: { format?: { fill?: { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number }; font?: { color?: string; bold?: boolean } } }[][]): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.resolve();
      this.context.fake.assertWritable(sheet);
      const rows = box.r1 - box.r0 + 1;
      const cols = box.c1 - box.c0 + 1;
      if (data.length !== rows || data.some((r) => r.length !== cols)) {
        throw new FakeOfficeError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
      }
      this.context.write(rows * cols, jsonSize(data));
      data.forEach((row, i) =>
        row.forEach((p, j) => {
          const fmt = p?.format;
          if (!fmt) return;
          const k = key(box.r0 + i, box.c0 + j);
          const cur: CellFormat = { ...(sheet.formats.get(k) ?? {}) };
          if (fmt.fill) {
            const pattern = fmt.fill.pattern ?? (fmt.fill.color ? (cur.fill?.pattern ?? 'Solid') : cur.fill?.pattern);
            if (pattern === 'None') delete cur.fill;
            else if (pattern) {
              const tint = fmt.fill.tintAndShade ?? (fmt.fill.color ? 0 : (cur.fill?.tintAndShade ?? 0));
              cur.fill = { color: normColor(fmt.fill.color ?? cur.fill?.color ?? '#FFFFFF'), pattern };
              if (tint) cur.fill.tintAndShade = tint;
              const pc = fmt.fill.patternColor ?? cur.fill?.patternColor;
              // Black is Excel's automatic pattern colour, which getCellProperties reports when none was set.
              if (pc && normColor(pc) !== '#000000') cur.fill.patternColor = normColor(pc);
            }
          }
          if (fmt.font?.color !== undefined) cur.fontColor = normColor(fmt.font.color);
          if (fmt.font?.bold !== undefined) cur.bold = fmt.font.bold;
          sheet.formats.set(k, cur);
        }),
      );
    }, jsonSize(data));
  }
}

/**
 * Range.conditionalFormats: "a collection of all the conditional formats that are overlap the
 * range" (Excel.ConditionalFormatCollection, ExcelApi 1.6,
 * learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection), highest priority
 * first. Items load their `type`; getCount counts them. Nothing here removes a rule.
 */
class ConditionalFormatCollectionProxy extends ClientObject {
  private itemsList: ConditionalFormatProxy[] | undefined;
  constructor(
    ctx: Ctx,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.itemsList) notLoaded('items');
    return this.itemsList;
  }
  private overlapping(): FakeConditionalFormat[] {
    if (!this.context.fake.supports('ExcelApi', '1.6')) throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.');
    const { sheet, box } = this.target();
    return sheet.conditionalFormats.filter((r) => r.ranges.some((b) => b.r0 <= box.r1 && box.r0 <= b.r1 && b.c0 <= box.c1 && box.c0 <= b.c1));
  }
  override fetch(props: string[]): void {
    const items = this.overlapping().map((r) => new ConditionalFormatProxy(this.context, r));
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    for (const it of items) it.fetch(itemProps.length ? itemProps : ['type']);
    this.context.commits.push(() => (this.itemsList = items));
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue(() => {
      const n = this.overlapping().length;
      this.context.read(0, String(n).length);
      this.context.commits.push(() => result.set(n));
    });
    return result;
  }
  protected resolve(): unknown {
    return this.target();
  }
  protected readProp(): unknown {
    return undefined;
  }
}

class ConditionalFormatProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly rule: FakeConditionalFormat,
  ) {
    super(ctx);
  }
  get type(): string {
    return this.get('type');
  }
  protected resolve(): unknown {
    return this.rule;
  }
  protected readProp(prop: string, t: unknown): unknown {
    if (prop === 'type') return (t as FakeConditionalFormat).type;
    throw new FakeOfficeError('InvalidArgument', `Unknown conditional format property ${prop}`);
  }
}

class RangeFormatProxy {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  constructor(ctx: Ctx, target: () => RangeTarget) {
    this.fill = new RangeFillProxy(ctx, target);
    this.font = new RangeFontProxy(ctx, target);
  }
}

function eachCell(t: RangeTarget, fn: (k: number) => void): number {
  for (let r = t.box.r0; r <= t.box.r1; r++) for (let c = t.box.c0; c <= t.box.c1; c++) fn(key(r, c));
  return (t.box.r1 - t.box.r0 + 1) * (t.box.c1 - t.box.c0 + 1);
}

/** The uniform value over a range, or null when cells differ (as Office reports mixed formats). */
function uniform<T>(t: RangeTarget, read: (k: number) => T): T | null {
  let first: T | undefined;
  let mixed = false;
  eachCell(t, (k) => {
    const v = read(k);
    if (first === undefined) first = v;
    else if (v !== first) mixed = true;
  });
  return mixed ? null : (first as T);
}

class RangeFillProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.context.enqueue(() => {
      const t = this.target();
      this.context.fake.assertWritable(t.sheet);
      const n = eachCell(t, (k) => t.sheet.formats.set(k, { ...(t.sheet.formats.get(k) ?? {}), fill: { color: normColor(v), pattern: 'Solid' } }));
      this.context.write(n, 20);
    }, jsonSize(v));
  }
  get pattern(): string {
    return this.get('pattern');
  }
  clear(): void {
    this.context.enqueue(() => {
      const t = this.target();
      this.context.fake.assertWritable(t.sheet);
      const n = eachCell(t, (k) => {
        const f = t.sheet.formats.get(k);
        if (f) {
          const rest = { ...f };
          delete rest.fill;
          t.sheet.formats.set(k, rest);
        }
      });
      this.context.write(n, 10);
    });
  }
  protected resolve(): unknown {
    return this.target();
  }
  protected readProp(prop: string, target: unknown): unknown {
    const t = target as RangeTarget;
    if (prop === 'color') return uniform(t, (k) => t.sheet.formats.get(k)?.fill?.color ?? '#FFFFFF');
    if (prop === 'pattern') return uniform(t, (k) => t.sheet.formats.get(k)?.fill?.pattern ?? null);
    if (prop === 'tintAndShade') return uniform(t, (k) => { const f = t.sheet.formats.get(k)?.fill; return f ? (f.tintAndShade ?? 0) : null; });
    throw new FakeOfficeError('InvalidArgument', `Unknown fill property ${prop}`);
  }
}

class RangeFontProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.context.enqueue(() => {
      const t = this.target();
      this.context.fake.assertWritable(t.sheet);
      this.context.write(eachCell(t, (k) => t.sheet.formats.set(k, { ...(t.sheet.formats.get(k) ?? {}), fontColor: normColor(v) })), 20);
    }, jsonSize(v));
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.context.enqueue(() => {
      const t = this.target();
      this.context.fake.assertWritable(t.sheet);
      this.context.write(eachCell(t, (k) => t.sheet.formats.set(k, { ...(t.sheet.formats.get(k) ?? {}), bold: v })), 10);
    });
  }
  protected resolve(): unknown {
    return this.target();
  }
  protected readProp(prop: string, target: unknown): unknown {
    const t = target as RangeTarget;
    if (prop === 'color') return uniform(t, (k) => t.sheet.formats.get(k)?.fontColor ?? '#000000');
    if (prop === 'bold') return uniform(t, (k) => t.sheet.formats.get(k)?.bold ?? false);
    throw new FakeOfficeError('InvalidArgument', `Unknown font property ${prop}`);
  }
}

class TableCollectionProxy extends ClientObject {
  private itemsList: TableProxy[] | undefined;
  get items(): TableProxy[] {
    if (!this.itemsList) notLoaded('items');
    return this.itemsList;
  }
  override fetch(props: string[]): void {
    const items = this.context.fake.tables.map((t) => new TableProxy(this.context, () => t, false));
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    for (const it of items) it.fetch(itemProps.length ? itemProps : ['name']);
    this.context.commits.push(() => (this.itemsList = items));
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.fake.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()), false);
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.fake.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()), true);
  }
  protected resolve(): unknown {
    return this.context.fake.tables;
  }
  protected readProp(): unknown {
    return undefined;
  }
}

class TableProxy extends ClientObject {
  readonly worksheet: WorksheetProxy;
  constructor(
    ctx: Ctx,
    private readonly find: () => TableRef | undefined,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.worksheet = new WorksheetProxy(ctx, () => {
      const t = this.resolve();
      return ctx.fake.sheet(t.sheet);
    }, false);
    if (orNull) this.markNullState(() => !find());
  }
  get name(): string {
    return this.get('name');
  }
  /** Table.name (ExcelApi 1.1) is writable; a name another table has is refused (FakeExcel.renameTable). */
  set name(to: string) {
    this.context.enqueue(() => this.context.fake.renameTable(this.resolve(), to), jsonSize(to));
  }
  get showHeaders(): boolean {
    return this.get('showHeaders');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  protected resolve(): TableRef {
    const t = this.find();
    if (!t) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, 'Table');
    return t;
  }
  protected override resolveForRead(): unknown {
    return this.orNull ? (this.find() ?? null) : this.resolve();
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'worksheet' ? this.worksheet : undefined;
  }
  protected override defaultProps(): string[] {
    return ['name', 'showHeaders', 'showTotals'];
  }
  protected readProp(prop: string, target: unknown): unknown {
    const t = target as TableRef;
    if (prop === 'name') return t.name;
    if (prop === 'showHeaders') return t.headerRow;
    if (prop === 'showTotals') return t.totalsRow;
    if (prop === 'id') return `{${t.name}}`;
    throw new FakeOfficeError('InvalidArgument', `Unknown table property ${prop}`);
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      const p = parseRange(t.ref);
      return { sheet: this.context.fake.sheet(t.sheet)!, box: { r0: p.start.row, c0: p.start.col, r1: p.end.row, c1: p.end.col } };
    }, false);
  }
}

/**
 * Workbook.names, or Worksheet.names (ExcelApi 1.4): a worksheet's names are scoped to it, so the
 * same name may exist on several sheets, and they stay with the sheet through renames
 * (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member).
 */
class NamedItemCollectionProxy extends ClientObject {
  private itemsList: NamedItemProxy[] | undefined;
  constructor(
    ctx: Ctx,
    private readonly list: () => FakeName[] = () => ctx.fake.names,
    private readonly scope?: () => FakeSheet,
  ) {
    super(ctx);
  }
  get items(): NamedItemProxy[] {
    if (!this.itemsList) notLoaded('items');
    return this.itemsList;
  }
  override fetch(props: string[]): void {
    this.context.fake.compactNames();
    const items = this.list().map((n) => new NamedItemProxy(this.context, () => n, false, this.list));
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    for (const it of items) it.fetch(itemProps.length ? itemProps : ['name']);
    this.context.commits.push(() => (this.itemsList = items));
  }
  private finder(name: string) {
    const lower = name.toLowerCase();
    return () => this.context.fake.nameIndex(this.list()).get(lower);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.finder(name), true, this.list);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.finder(name), false, this.list);
  }
  /** NamedItemCollection.add(name, reference, comment?) with a reference like "='Thông tin'!$B$4". */
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    this.context.enqueue(() => {
      const fake = this.context.fake;
      fake.assertWritable();
      const index = fake.nameIndex(this.list());
      if (index.has(name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', 'The resource already exists.');
      const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(reference);
      const sheet = m && (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!);
      if (!m || !sheet || !fake.sheet(sheet)) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      if (this.scope) this.scope();
      const added: FakeName = { name, sheet: fake.sheet(sheet)!.name, cell: `${m[3]}${m[4]}`, ...(comment ? { comment } : {}) };
      this.list().push(added);
      index.set(name.toLowerCase(), added);
    }, jsonSize(name) + jsonSize(reference) + (comment ? jsonSize(comment) : 0));
    return new NamedItemProxy(this.context, this.finder(name), false, this.list);
  }
  protected resolve(): unknown {
    return this.list();
  }
  protected readProp(): unknown {
    return undefined;
  }
}

class NamedItemProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly find: () => FakeName | undefined,
    private readonly orNull: boolean,
    private readonly list: () => FakeName[] = () => ctx.fake.names,
  ) {
    super(ctx);
    if (orNull) this.markNullState(() => !find());
  }
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get formula(): string {
    return this.get('formula');
  }
  get value(): unknown {
    return this.get('value');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  get comment(): string {
    return this.get('comment');
  }
  /** NamedItem.visible is writable: a hidden name is not listed in Excel's Name Manager. */
  set visible(v: boolean) {
    this.context.enqueue(() => {
      this.context.fake.assertWritable();
      this.resolve().hidden = !v;
    });
  }
  protected resolve(): FakeName {
    const n = this.find();
    if (!n) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, 'NamedItem');
    return n;
  }
  protected override resolveForRead(): unknown {
    return this.orNull ? (this.find() ?? null) : this.resolve();
  }
  protected readProp(prop: string, target: unknown): unknown {
    const n = target as FakeName;
    const broken = this.context.fake.brokenNames.has(n.name.toLowerCase());
    // A name over several cells reads "='Thông tin'!$C$3:$D$3", as Excel writes an area.
    const cells = (n.range ?? n.cell).split(':').map((a) => parseA1(a)).map((p) => `$${colToLetters(p.col)}$${p.row + 1}`).join(':');
    const abs = `${broken ? '#REF!' : `${quoteSheet(n.sheet)}!`}${cells}`;
    if (prop === 'name') return n.name;
    if (prop === 'type') return 'Range';
    if (prop === 'formula') return `=${abs}`;
    if (prop === 'value') return abs;
    if (prop === 'visible') return !n.hidden;
    if (prop === 'comment') return n.comment ?? '';
    throw new FakeOfficeError('InvalidArgument', `Unknown name property ${prop}`);
  }
  delete(): void {
    this.context.enqueue(() => {
      const fake = this.context.fake;
      fake.assertWritable();
      const n = this.resolve();
      fake.removeName(this.list(), n);
      fake.brokenNames.delete(n.name.toLowerCase());
    });
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const n = this.find();
      if (n && this.context.fake.brokenNames.has(n.name.toLowerCase())) return null;
      const s = n && this.context.fake.sheet(n.sheet);
      if (!n || !s) return null;
      const p = parseRange(n.range ?? n.cell);
      return { sheet: s, box: { r0: p.start.row, c0: p.start.col, r1: p.end.row, c1: p.end.col } };
    }, true);
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const n = this.resolve();
      const p = parseRange(n.range ?? n.cell);
      return { sheet: this.context.fake.sheet(n.sheet)!, box: { r0: p.start.row, c0: p.start.col, r1: p.end.row, c1: p.end.col } };
    }, false);
  }
}

// ---------------------------------------------------------------------------------------------
// The fake host


function toFormat(ch: CellFormatChange, cur: CellFormat = {}): CellFormat {
  const out: CellFormat = { ...cur };
  if (ch.fill === null) delete out.fill;
  else if (ch.fill !== undefined) {
    out.fill = { color: normColor(ch.fill), pattern: ch.pattern ?? 'Solid' };
    if (ch.tint) out.fill.tintAndShade = ch.tint;
  }
  if (ch.fontColor !== undefined) out.fontColor = normColor(ch.fontColor);
  if (ch.bold !== undefined) out.bold = ch.bold;
  return out;
}

export class FakeExcel extends FakeHost<FakeSnapshot> {
  readonly sheets: FakeSheet[] = [];
  readonly tables: TableRef[] = [];
  readonly names: FakeName[] = [];
  activeSheet: string;
  selection: { sheet: string; cell: string } | null = null;
  readonly syncLog: SyncRecord[] = [];
  /** Functions registered with Office.actions.associate. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  /** Dialogs opened with Office.context.ui.displayDialogAsync, newest last. */
  readonly dialogs: FakeDialog[] = [];
  readonly limits: WebLimits | false;
  /** Names whose reference Excel lost (their formula reads "=#REF!…"). */
  readonly brokenNames = new Set<string>();

  private readonly nameIndexes = new WeakMap<FakeName[], { at: number; byName: Map<string, FakeName> }>();
  /**
   * A list of names by lower-case name, so that looking up thousands of anchors is not quadratic.
   * Rebuilt at each sync (tests change the lists between syncs) and kept up to date by the
   * operations that add or remove names during one.
   */
  private readonly removedNames = new Map<FakeName[], Set<FakeName>>();
  /** NamedItem.delete: gone from look-ups at once, from the list when the sync ends (compactNames), so thousands of removals are not quadratic. */
  removeName(list: FakeName[], n: FakeName): void {
    this.nameIndex(list).delete(n.name.toLowerCase());
    let gone = this.removedNames.get(list);
    if (!gone) this.removedNames.set(list, (gone = new Set()));
    gone.add(n);
  }

  /** Takes the removed names out of their lists (at the end of each sync, and before a list is read). */
  compactNames(): void {
    for (const [list, gone] of this.removedNames) {
      let w = 0;
      for (const n of list) if (!gone.has(n)) list[w++] = n;
      list.length = w;
    }
    this.removedNames.clear();
  }

  nameIndex(list: FakeName[]): Map<string, FakeName> {
    let e = this.nameIndexes.get(list);
    if (!e || e.at !== this.roundTrips) {
      e = { at: this.roundTrips, byName: new Map(list.map((n) => [n.name.toLowerCase(), n])) };
      this.nameIndexes.set(list, e);
    }
    return e.byName;
  }

  constructor(
    model: WorkbookModel,
    readonly options: FakeExcelOptions = {},
  ) {
    super(options.apiSets ?? { ExcelApi: '1.17', DialogApi: '1.2' }, options.settings);
    this.limits = options.desktop ? false : options.limits === undefined ? WEB_LIMITS : options.limits;
    if (options.readOnly) this.documentMode = 'readOnly';
    this.insertModel(model);
    this.activeSheet = this.sheets[0]?.name ?? 'Sheet1';
    if (!this.sheets.length) this.sheets.push(this.newSheet('Sheet1'));
    for (const [sheet, cells] of Object.entries(options.formats ?? {})) {
      for (const [cell, ch] of Object.entries(cells)) this.applyFormat(sheet, cell, ch);
    }
    for (const [sheet, rules] of Object.entries(options.conditionalFormats ?? {})) {
      // Listed highest priority first; each rule added goes to the top.
      for (const r of [...rules].reverse()) this.addConditionalFormat(sheet, r.range, r.type ?? 'CellValue', r.fill);
    }
    for (const name of options.protectedSheets ?? []) {
      const sh = this.sheet(name);
      if (!sh) throw new Error(`no sheet ${name}`);
      sh.protected = true;
    }
  }

  /**
   * Writes refused as the real host refuses them: on a sheet the user protected, and anywhere in
   * a read-only document, with Excel.ErrorCodes.accessDenied ("AccessDenied": the operation is
   * not allowed; learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
   * and Office.DocumentMode). Unprotected cells of a protected sheet are not modelled: every cell
   * counts as locked, Excel's default.
   */
  assertWritable(sheet?: FakeSheet): void {
    if (this.documentMode === 'readOnly') throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation. The workbook is read-only.');
    if (sheet?.protected) throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation. The sheet is protected.');
  }

  /** Protects or unprotects a sheet, as the user does from the Review tab. */
  setProtected(sheet: string, on: boolean): void {
    const sh = this.sheet(sheet);
    if (!sh) throw new Error(`no sheet ${sheet}`);
    sh.protected = on;
    this.emit();
  }

  /** Adds the sheets, tables and names of a model; returns the names of the sheets added. */
  insertModel(model: WorkbookModel, only?: string[]): string[] {
    this.compactNames();
    this.nameIndexes.delete(this.names);
    const added: string[] = [];
    for (const g of model.sheets) {
      if (only && !only.includes(g.name)) continue;
      let name = g.name;
      for (let i = 2; this.sheet(name); i++) name = `${g.name} (${i})`;
      const sheet = this.newSheet(name);
      g.rows.forEach((row, r) => row?.forEach((cell, c) => cell && sheet.cells.set(key(r, c), { ...cell })));
      this.sheets.push(sheet);
      added.push(name);
    }
    const renamed = (s: string) => (only && !only.includes(s) ? undefined : added.find((a) => a === s || a.startsWith(`${s} (`)));
    for (const t of model.tables) {
      const s = renamed(t.sheet);
      if (s && !this.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase())) this.tables.push({ ...t, sheet: s });
    }
    for (const n of model.names) {
      const s = renamed(n.sheet);
      if (s && !this.names.some((x) => x.name.toLowerCase() === n.name.toLowerCase())) {
        this.names.push({ ...n, sheet: s });
        // https://github.com/OfficeDev/office-js/issues/3583: names inserted with the sheets may come without their reference.
        if (only && this.options.insertBreaksNames) this.brokenNames.add(n.name.toLowerCase());
      }
    }
    return added;
  }

  /**
   * Worksheet.name = to (learn.microsoft.com/javascript/api/excel/excel.worksheet, `name`), with
   * the rules Excel's own "Rename" applies to a sheet name: 1 to 31 characters, none of
   * \ / ? * [ ] :, not starting or ending with an apostrophe, unique ignoring case. A taken name fails as Office.js fails any duplicate,
   * ItemAlreadyExists ("A resource with the same name or identifier already exists",
   * https://github.com/OfficeDev/office-scripts-docs/issues/560). Tables and names on the sheet follow it.
   */
  renameSheet(s: FakeSheet, to: string): void {
    this.assertWritable();
    if (!to || to.length > 31 || /[\\/?*[\]:]/.test(to) || to.startsWith("'") || to.endsWith("'")) {
      throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    }
    const other = this.sheet(to);
    if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
    const from = s.name;
    s.name = to;
    // "Renaming a worksheet still updates any references in formulas to that worksheet"
    // (learn.microsoft.com/office/dev/add-ins/excel/performance): every formula naming the sheet
    // now names it by its new name.
    this.rewriteFormulas((ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === from.toLowerCase() ? { ...ref, sheet: to } : ref));
    for (const t of this.tables) if (t.sheet === from) t.sheet = to;
    for (const n of this.names) if (n.sheet === from) n.sheet = to;
    for (const n of s.names) n.sheet = to;
    if (this.activeSheet === from) this.activeSheet = to;
    if (this.selection?.sheet === from) this.selection = { ...this.selection, sheet: to };
  }

  /**
   * Worksheet.delete(). Refused (InvalidOperation) for a "VeryHidden" sheet, as the method's
   * reference says (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)),
   * and for the last visible sheet: a workbook keeps at least one visible sheet (Excel refuses it
   * from its own UI too). Its tables go with it; names that pointed at it now read "=#REF!…", as
   * Excel leaves them.
   */
  deleteSheet(s: FakeSheet): void {
    this.assertWritable();
    if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'The operation is not allowed for a very hidden worksheet.');
    const visible = this.sheets.filter((x) => (x.visibility ?? 'Visible') === 'Visible');
    if (visible.length === 1 && visible[0] === s) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(this.sheets.indexOf(s), 1);
    // Formulas that read the deleted sheet lose their reference and show #REF!, as Excel leaves
    // them ("How to correct a #REF! error",
    // support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d56-87de-30c1a5cfbd29).
    this.rewriteFormulas((ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === s.name.toLowerCase() ? null : ref));
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i]!.sheet === s.name) this.tables.splice(i, 1);
    for (const n of this.names) if (n.sheet === s.name) this.brokenNames.add(n.name.toLowerCase());
    if (this.activeSheet === s.name) this.activeSheet = this.sheets.find((x) => (x.visibility ?? 'Visible') === 'Visible')!.name;
    if (this.selection?.sheet === s.name) this.selection = null;
  }

  /** Set when values, formulas, sheets or rows changed (not formats): the sync then recalculates. */
  valuesChanged = false;

  /** Every formula of the workbook with its references passed through `map`; a lost reference makes the cell #REF!. */
  private rewriteFormulas(map: (ref: FormulaRef, on: FakeSheet) => FormulaRef | null): void {
    for (const sh of this.sheets) {
      for (const c of sh.cells.values()) {
        if (c.f === undefined) continue;
        const f = mapFormulaRefs(c.f, (ref) => map(ref, sh));
        if (f === c.f) continue;
        c.f = f;
        if (f.includes('#REF!')) {
          c.v = null;
          c.e = '#REF!';
        }
      }
    }
    this.valuesChanged = true;
  }

  /** WorksheetCollection.add: a new sheet at the end, named by Excel's rules (renameSheet). */
  addSheet(name: string): FakeSheet {
    this.assertWritable();
    const s = this.newSheet('');
    this.sheets.push(s);
    try {
      this.renameSheet(s, name);
    } catch (e) {
      this.sheets.pop();
      throw e;
    }
    return s;
  }

  /**
   * n whole rows inserted at row r (0-based) of a sheet, as Excel's Insert › Sheet Rows does:
   * cells and formats below move down, references to them in every formula and name follow, a
   * table the rows fall inside (below its header, up to its last row) grows, tables below move.
   */
  insertRows(s: FakeSheet, r: number, n: number): void {
    this.assertWritable(s);
    const move = <T>(m: Map<number, T>) => {
      const moved = [...m].filter(([k]) => unkey(k).row >= r).sort(([a], [b]) => b - a);
      for (const [k] of moved) m.delete(k);
      for (const [k, v] of moved) {
        const { row, col } = unkey(k);
        m.set(key(row + n, col), v);
      }
    };
    move(s.cells);
    move(s.formats);
    delete s.usedValues;
    // A rule's "Applies to" follows its cells as any reference does.
    for (const rule of s.conditionalFormats) {
      for (const b of rule.ranges) {
        if (b.r0 >= r) b.r0 += n;
        if (b.r1 >= r) b.r1 += n;
      }
    }
    const here = s.name.toLowerCase();
    this.rewriteFormulas((ref, on) => {
      const target = ref.sheet === undefined ? on.name.toLowerCase() : ref.sheet.toLowerCase();
      return target === here && ref.row >= r ? { ...ref, row: ref.row + n } : ref;
    });
    for (const t of this.tables) {
      if (t.sheet !== s.name) continue;
      const p = parseRange(t.ref);
      if (p.start.row >= r) p.start.row += n;
      if (p.end.row >= r) p.end.row += n;
      t.ref = `${toA1(p.start)}:${toA1(p.end)}`;
    }
    for (const nm of [...this.names, ...s.names]) {
      if (nm.sheet !== s.name) continue;
      const p = parseA1(nm.cell);
      if (p.row >= r) nm.cell = toA1({ row: p.row + n, col: p.col });
      if (nm.range) {
        const a = parseRange(nm.range);
        if (a.start.row >= r) a.start.row += n;
        if (a.end.row >= r) a.end.row += n;
        nm.range = `${toA1(a.start)}:${toA1(a.end)}`;
      }
    }
  }

  /** Excel's automatic calculation, with the evaluator the test gave (FakeExcelOptions.recalculate). */
  recalculate(): void {
    const calc = this.options.recalculate;
    if (!calc) return;
    const model: WorkbookModel = { sheets: [], tables: this.tables.map((t) => ({ ...t })), names: this.names.map((n) => ({ ...n })) };
    const pending: [number, number, number][] = [];
    const live: [number, Cell, Cell][] = [];
    this.sheets.forEach((sh, si) => {
      const rows: (Cell | undefined)[][] = [];
      for (const [k, c] of sh.cells) {
        const { row, col } = unkey(k);
        const copy: Cell = { v: c.v };
        if (c.e) copy.e = c.e;
        if (c.f !== undefined && !c.f.includes('#REF!')) {
          copy.f = c.f;
          copy.v = null;
          delete copy.e;
          pending.push([si, row, col]);
          live.push([si, c, copy]);
        }
        (rows[row] ??= [])[col] = copy;
      }
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      model.sheets.push({ name: sh.name, rows });
    });
    if (!pending.length) return;
    calc(model, pending);
    for (const [, c, copy] of live) {
      if (copy.uncomputed) continue;
      c.v = copy.v;
      if (copy.e) c.e = copy.e;
      else delete c.e;
    }
  }

  /** Table.name = to: table names are unique in a workbook, ignoring case (ItemAlreadyExists otherwise). */
  renameTable(t: TableRef, to: string): void {
    this.assertWritable();
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(to)) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    if (this.tables.some((x) => x !== t && x.name.toLowerCase() === to.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
    t.name = to;
  }

  /**
   * A sheet by name (ignoring case, as Excel compares them) or by its id: WorksheetCollection.getItem
   * takes either ("Gets a worksheet object using its name or ID",
   * learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitem-member(1)).
   */
  sheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n) ?? this.sheets.find((s) => s.id === name);
  }

  private sheetCount = 0;
  /** Worksheet.id is a GUID in braces that does not change when the sheet is renamed (Excel.Worksheet, `id`). */
  private newSheet(name: string): FakeSheet {
    const n = (++this.sheetCount).toString(16).padStart(12, '0');
    return { name, id: `{00000000-0000-4000-8000-${n}}`, cells: new Map(), formats: new Map(), names: [], conditionalFormats: [] };
  }

  usedBox(s: FakeSheet, valuesOnly: boolean): Box | null {
    if (valuesOnly && s.usedValues !== undefined) return s.usedValues && { ...s.usedValues };
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const add = (k: number) => {
      const row = Math.floor(k / KEY_COLS);
      const col = k - row * KEY_COLS;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    };
    for (const [k, c] of s.cells) if (c.v !== null || c.f !== undefined || c.e || (!valuesOnly && c.z)) add(k);
    if (!valuesOnly) for (const [k, f] of s.formats) if (f.fill || f.fontColor || f.bold) add(k);
    const box = r1 < 0 ? null : { r0, c0, r1, c1 };
    // Values change only through setCellValue/insertModel, which drop this cache.
    if (valuesOnly) s.usedValues = box;
    return box && { ...box };
  }

  grid(s: FakeSheet, b: Box, map: (c: Cell | undefined) => unknown, ctx: Ctx): unknown[][] {
    const out: unknown[][] = [];
    let bytes = 2;
    for (let r = b.r0; r <= b.r1; r++) {
      const row: unknown[] = [];
      for (let c = b.c0; c <= b.c1; c++) {
        const v = map(s.cells.get(key(r, c)));
        bytes += jsonSize(v) + 1;
        row.push(v);
      }
      out.push(row);
    }
    ctx.read(0, bytes);
    return out;
  }

  private applyFormat(sheetName: string, cell: string, ch: CellFormatChange): void {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const p = parseA1(cell);
    s.formats.set(key(p.row, p.col), toFormat(ch, s.formats.get(key(p.row, p.col))));
  }

  // --- for tests and the playground ------------------------------------------------------------

  /** Simulates the user changing a cell's format by hand. */
  setCellFormat(sheet: string, cell: string, change: CellFormatChange): void {
    this.applyFormat(sheet, cell, change);
    this.emit();
  }

  /**
   * Simulates the officer adding a conditional formatting rule (Home › Conditional Formatting),
   * over `range` ("E6:E10", or several areas "E6:E10,G6"), at the top of the sheet's rules.
   */
  addConditionalFormat(sheet: string, range: string, type: FakeConditionalFormat['type'] = 'CellValue', fill?: string): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const ranges = range.split(',').map((a) => {
      const p = parseRange(a.trim());
      return { r0: p.start.row, c0: p.start.col, r1: p.end.row, c1: p.end.col };
    });
    s.conditionalFormats.unshift({ type, ranges, ...(fill ? { fill: normColor(fill) } : {}) });
    this.emit();
  }

  /** The sheet's conditional formatting rules, as the officer sees them in the Rules Manager. */
  conditionalFormatsOf(sheet: string): FakeConditionalFormat[] {
    return structuredClone(this.sheet(sheet)?.conditionalFormats ?? []);
  }

  /**
   * The fill the officer sees on a cell: the fill of the first rule over it that gives one
   * (FakeConditionalFormat), else the cell's own fill; null for none.
   */
  shownFill(sheet: string, cell: string): string | null {
    const s = this.sheet(sheet);
    const p = parseA1(cell);
    const rule = s?.conditionalFormats.find((r) => r.fill && r.type !== 'DataBar' && r.type !== 'IconSet' && r.ranges.some((b) => p.row >= b.r0 && p.row <= b.r1 && p.col >= b.c0 && p.col <= b.c1));
    return rule?.fill ?? this.fillOf(sheet, cell);
  }

  /** Simulates the user typing into a cell (null clears it). */
  setCellValue(sheet: string, cell: string, value: Cell | null): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const p = parseA1(cell);
    delete s.usedValues;
    if (value === null) s.cells.delete(key(p.row, p.col));
    else s.cells.set(key(p.row, p.col), { ...value });
    this.emit();
  }

  getCellFormat(sheet: string, cell: string): CellFormat {
    const s = this.sheet(sheet);
    const p = parseA1(cell);
    return structuredClone(s?.formats.get(key(p.row, p.col)) ?? {});
  }

  /** Effective fill colour, null for no fill. */
  fillOf(sheet: string, cell: string): string | null {
    return this.getCellFormat(sheet, cell).fill?.color ?? null;
  }

  snapshot(): FakeSnapshot {
    const sheets = this.sheets.map((s): SnapshotSheet => {
      const rows: (SnapshotCell | undefined)[][] = [];
      const put = (k: number) => {
        const { row, col } = unkey(k);
        const c = s.cells.get(k);
        const f = s.formats.get(k);
        const cell: SnapshotCell = { v: c?.v ?? null, fill: f?.fill && f.fill.pattern !== 'None' ? f.fill.color : null };
        if (c?.f !== undefined) cell.f = c.f;
        if (c?.e) cell.e = c.e;
        if (c?.z) cell.z = c.z;
        if (f?.fontColor) cell.fontColor = f.fontColor;
        if (f?.bold) cell.bold = true;
        (rows[row] ??= [])[col] = cell;
      };
      const keys = new Set<number>([...s.cells.keys(), ...[...s.formats].filter(([, f]) => f.fill || f.fontColor || f.bold).map(([k]) => k)]);
      for (const k of keys) put(k);
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
      return { name: s.name, rows, tables: this.tables.filter((t) => t.sheet === s.name).map((t) => ({ ...t })) };
    });
    return { sheets, activeSheet: this.activeSheet, selection: this.selection ? { ...this.selection } : null, version: this.version };
  }

  /** Makes the next context.sync() fail with this Office error. */
  failNextSync(code = 'GeneralException', message = 'An internal error has occurred.'): void {
    this.pendingFailures.push(new FakeOfficeError(code, message));
  }

  /** Rows of a sheet as a model grid (for tests comparing with a WorkbookModel). */
  sheetGrid(name: string): (Cell | undefined)[][] {
    const s = this.sheet(name);
    const rows: (Cell | undefined)[][] = [];
    for (const [k, c] of s?.cells ?? []) {
      const { row, col } = unkey(k);
      (rows[row] ??= [])[col] = { ...c };
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return rows;
  }

  resetCounters(): void {
    this.roundTrips = 0;
    this.syncLog.length = 0;
    this.settingsSaves = 0;
  }

  // --- the globals ------------------------------------------------------------------------------

  readonly excel = {
    run: runner(() => new Ctx(this)),
    ErrorCodes: ERROR_CODES,
  };

  private paneOffice: ReturnType<FakeExcel['officeFor']> | undefined;
  /** The `Office` global as the task pane's runtime sees it. */
  get office(): ReturnType<FakeExcel['officeFor']> {
    return (this.paneOffice ??= this.officeFor(this.pane));
  }

  /**
   * Starts another runtime of the add-in (the ribbon command's function file): same workbook,
   * its own copy of Office.context.document.settings taken now. Install it with installFakeOffice.
   */
  runtime(name: string): ReturnType<FakeExcel['officeFor']> {
    return this.officeFor(this.startRuntime(name));
  }

  private officeFor(rt: FakeRuntime) {
    const base = this.officeBase('Excel', rt, this.options.desktop ? 'PC' : 'OfficeOnline');
    return {
      ...base,
      context: {
        ...base.context,
        ui: {
          displayDialogAsync: (url: string, options: unknown, cb?: (r: { status: string; value?: FakeDialog; error?: { code: number; message: string } }) => void): void => {
            setTimeout(() => {
              if (!this.supports('DialogApi', '1.1')) {
                cb?.({ status: 'failed', error: { code: 5000, message: 'The API is not supported in this host.' } });
                return;
              }
              const dialog = new FakeDialog(url, options);
              this.dialogs.push(dialog);
              this.emit();
              cb?.({ status: 'succeeded', value: dialog });
            }, 0);
          },
        },
      },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      actions: {
        associate: (name: string, fn: (event: unknown) => unknown): void => {
          this.actions.set(name, fn);
        },
      },
    };
  }
}

/** A dialog opened by the add-in; `userCloses()` is the user clicking its X (error 12006). */
export class FakeDialog {
  closed = false;
  private readonly handlers = new Map<string, ((arg: unknown) => void)[]>();
  constructor(
    readonly url: string,
    readonly options: unknown,
  ) {}
  addEventHandler(type: string, handler: (arg: unknown) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close(): void {
    this.closed = true;
  }
  userCloses(): void {
    this.closed = true;
    for (const h of this.handlers.get('dialogEventReceived') ?? []) h({ error: 12006 });
  }
}

/** Makes the fake the host seen by code using the global `Office` / `Excel`; returns an undo. */
export function installFakeOffice(fake: FakeExcel, office: FakeExcel['office'] = fake.office): () => void {
  return installGlobals({ Office: office, Excel: fake.excel, OfficeExtension: { Error: FakeOfficeError } });
}
