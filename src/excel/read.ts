/**
 * Reads the open workbook into the host-neutral WorkbookModel with as few round trips as Office
 * allows: one for the structure (sheets, tables, names), one for every needed grid at once.
 * Excel on the web refuses responses above 5 MB; only then does the reader fall back to row
 * blocks sized from the used range's address, as Microsoft's guidance for large ranges says.
 */
import type { Cell, NameRef, SheetGrid, TableRef, WorkbookModel } from '../core/model';
import { parseRange, rangeToA1 } from '../core/model';
import { parseNameRef } from '../core/name-ref';
import { RAW_SURVEYS, SHEET_INFO, SHEET_STAFF, SHEET_SURVEY, SHEET_TTHC } from '../core/contract';

/** A workbook with more sheets than this is read in its first MAX_SHEETS (contract sheets first). */
export const MAX_SHEETS = 40;

/** The contract's sheets, read first. */
export const CONTRACT_SHEETS: readonly string[] = [SHEET_INFO, SHEET_TTHC, SHEET_STAFF, SHEET_SURVEY, ...RAW_SURVEYS.map((r) => r.sheet)];

const GRID_PROPS = ['values', 'formulas', 'numberFormat', 'valueTypes'];

/**
 * A response carries four grids per cell; 48 bytes a cell is a pessimistic average for short
 * numbers and labels, so a block of BLOCK_CELLS cells stays well under the 5 MB limit.
 */
const BYTES_PER_CELL = 48;
const RESPONSE_BUDGET = 4 * 1024 * 1024;
export const BLOCK_CELLS = Math.floor(RESPONSE_BUDGET / BYTES_PER_CELL);

export const LIMIT_CODES = ['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'PayloadTooLarge'];

export function isLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && LIMIT_CODES.includes(code);
}

/** Called while a read sync is being prepared, to queue more work into the same round trip. */
export type Piggyback = (existingSheets: ReadonlySet<string>) => void;

/** Extra reads to queue into the reader's round trips: with the structure, with the grids. */
export interface ReadHooks {
  structure?: () => void;
  grids?: Piggyback;
}

/**
 * Errors after which the grids are read again in blocks: the web's payload limits, and what
 * desktop Excel says instead for a range above five million cells: a general error that names no
 * limit (https://github.com/OfficeDev/office-js/issues/6781 and https://github.com/OfficeDev/office-js-docs-pr/pull/5821 note that it may also return null).
 */
const RETRY_IN_BLOCKS = ['GeneralException', 'RangeExceedsLimit', 'OperationCellsExceedLimit'];

function isOversizeSuspect(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return isLimitError(e) || (typeof code === 'string' && RETRY_IN_BLOCKS.includes(code));
}

/** A grid the host returned as null (desktop Excel above its read limit, https://github.com/OfficeDev/office-js/issues/4783). */
function gridsMissing(r: Partial<GridRange>): boolean {
  return !Array.isArray(r.values) || !Array.isArray(r.formulas) || !Array.isArray(r.numberFormat) || !Array.isArray(r.valueTypes);
}

/** Thrown when the used range came back without its grids: read again in blocks. */
class GridsMissing extends Error {}

/** "'Biên chế'!B4:H20" -> { sheet: "Biên chế", ref: "B4:H20" } */
export function splitAddress(address: string): { sheet: string; ref: string } {
  const i = address.lastIndexOf('!');
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(i + 1) };
}

interface GridRange {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

/** Writes Office's parallel grids into model cells, with the xlsx reader's conventions. */
function putGrid(rows: (Cell | undefined)[][], r: GridRange): void {
  const { start } = parseRange(splitAddress(r.address).ref);
  r.values.forEach((vrow, i) => {
    vrow.forEach((value, j) => {
      const type = r.valueTypes[i]?.[j];
      const formula = r.formulas[i]?.[j];
      const fmt = r.numberFormat[i]?.[j];
      const hasFormula = typeof formula === 'string' && formula.startsWith('=');
      if (type === 'Empty' && !hasFormula) return;
      const cell: Cell = { v: null };
      if (type === 'Error') cell.e = String(value);
      else if (type !== 'Empty') cell.v = value as Cell['v'];
      if (hasFormula) cell.f = (formula as string).slice(1);
      if (typeof fmt === 'string' && fmt !== 'General') cell.z = fmt;
      (rows[start.row + i] ??= [])[start.col + j] = cell;
    });
  });
}

interface Structure {
  sheetNames: string[];
  tables: { name: string; sheet: string; headerRow: boolean; totalsRow: boolean; proxy: Excel.Table }[];
  names: NameRef[];
  needed: string[];
}

async function readStructure(ctx: Excel.RequestContext, hook?: () => void): Promise<Structure> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  const tables = ctx.workbook.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/name');
  const names = ctx.workbook.names.load('items/name,items/type,items/formula');
  hook?.();
  await ctx.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const exists = new Set(sheetNames);
  const tableList = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, headerRow: t.showHeaders, totalsRow: t.showTotals, proxy: t }));
  const nameList: NameRef[] = [];
  for (const n of names.items) {
    if (n.type !== 'Range') continue;
    // The file readers' parser: a name over several cells is its first cell there too.
    const at = parseNameRef(n.formula);
    if (at && exists.has(at.sheet)) nameList.push({ name: n.name, ...at });
  }
  // Officers' own workbooks keep their tables on sheets of any name ("Biểu 06", "Sheet1"): every
  // sheet is read, the contract's and those holding tables or names first, up to MAX_SHEETS.
  const first = new Set<string>([...CONTRACT_SHEETS, ...tableList.map((t) => t.sheet), ...nameList.map((n) => n.sheet)]);
  const ordered = [...sheetNames.filter((s) => first.has(s)), ...sheetNames.filter((s) => !first.has(s))].slice(0, MAX_SHEETS);
  const wanted = new Set(ordered);
  return { sheetNames, tables: tableList, names: nameList, needed: sheetNames.filter((s) => wanted.has(s)) };
}

/**
 * Reads the whole model. `hooks.grids` queues extra reads into the grid sync (the adapter uses it
 * for the current fills of previously highlighted cells) and is called again on the fallback path;
 * `hooks.structure` into the first one. A bare function is taken as `hooks.grids`.
 */
export async function readWorkbook(ctx: Excel.RequestContext, hooks?: Piggyback | ReadHooks): Promise<WorkbookModel> {
  const h: ReadHooks = typeof hooks === 'function' ? { grids: hooks } : (hooks ?? {});
  const piggyback = h.grids;
  const st = await readStructure(ctx, h.structure);
  const existing = new Set(st.sheetNames);
  const grids = new Map<string, (Cell | undefined)[][]>(st.needed.map((s) => [s, []]));

  const used = st.needed.map((s) => ({ sheet: s, range: ctx.workbook.worksheets.getItem(s).getUsedRangeOrNullObject(true).load(['address', ...GRID_PROPS]) }));
  // Which sheets Excel hides (which one is checked depends on it: src/core/sheets.ts), read in the
  // grids' round trip on proxies of their own, so that no other load of the collection is replaced.
  const visibility = st.needed.map((s) => ({ sheet: s, ws: ctx.workbook.worksheets.getItem(s).load('visibility') }));
  let tableRanges = st.tables.map((t) => t.proxy.getRange().load('address'));
  piggyback?.(existing);
  try {
    await ctx.sync();
    if (used.some((u) => !u.range.isNullObject && gridsMissing(u.range))) throw new GridsMissing();
    for (const u of used) if (!u.range.isNullObject) putGrid(grids.get(u.sheet)!, u.range);
  } catch (e) {
    if (!(e instanceof GridsMissing) && !isOversizeSuspect(e)) throw e;
    for (const g of grids.values()) g.length = 0;
    tableRanges = await readInBlocks(ctx, st, grids, piggyback);
  }

  const tables: TableRef[] = st.tables.map((t, i) => ({
    name: t.name,
    sheet: t.sheet,
    ref: splitAddress(tableRanges[i]!.address).ref,
    headerRow: t.headerRow,
    totalsRow: t.totalsRow,
  }));
  const sheets: SheetGrid[] = st.sheetNames.map((name) => {
    const rows = grids.get(name) ?? [];
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const h = hiddenState(visibility.find((v) => v.sheet === name)?.ws);
    return h ? { name, rows, hidden: h } : { name, rows };
  });
  return { sheets, tables, names: st.names };
}

/** "Hidden" / "VeryHidden" as the model writes them; nothing when visible or not read (the block-by-block fallback). */
function hiddenState(ws: Excel.Worksheet | undefined): 'hidden' | 'veryHidden' | undefined {
  let v: string;
  try {
    v = ws ? String(ws.visibility) : '';
  } catch {
    return undefined;
  }
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : undefined;
}

interface Block {
  sheet: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const cellsOf = (b: Block) => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

function splitRows(b: Block, maxCells: number): Block[] {
  const cols = b.c1 - b.c0 + 1;
  const step = Math.max(1, Math.floor(maxCells / cols));
  const out: Block[] = [];
  for (let r = b.r0; r <= b.r1; r += step) out.push({ ...b, r0: r, r1: Math.min(b.r1, r + step - 1) });
  return out;
}

/** First-fit decreasing: few syncs, none above the budget (a block alone may reach it). */
function pack(blocks: Block[], budget: number): Block[][] {
  const bins: { cells: number; blocks: Block[] }[] = [];
  for (const b of [...blocks].sort((x, y) => cellsOf(y) - cellsOf(x))) {
    const n = cellsOf(b);
    const bin = bins.find((x) => x.cells + n <= budget);
    if (bin) {
      bin.cells += n;
      bin.blocks.push(b);
    } else bins.push({ cells: n, blocks: [b] });
  }
  return bins.map((x) => x.blocks);
}

/** The fallback: sizes first (one sync), then blocks packed under the budget, halving on refusal. */
async function readInBlocks(ctx: Excel.RequestContext, st: Structure, grids: Map<string, (Cell | undefined)[][]>, piggyback?: Piggyback): Promise<Excel.Range[]> {
  const sizes = st.needed.map((s) => ({ sheet: s, range: ctx.workbook.worksheets.getItem(s).getUsedRangeOrNullObject(true).load('address') }));
  const tableRanges = st.tables.map((t) => t.proxy.getRange().load('address'));
  piggyback?.(new Set(st.sheetNames));
  await ctx.sync();

  const pending: Block[] = [];
  for (const s of sizes) {
    if (s.range.isNullObject) continue;
    const p = parseRange(splitAddress(s.range.address).ref);
    pending.push(...splitRows({ sheet: s.sheet, r0: p.start.row, c0: p.start.col, r1: p.end.row, c1: p.end.col }, BLOCK_CELLS));
  }
  let budget = BLOCK_CELLS;
  let batches = pack(pending, budget);
  while (batches.length) {
    const batch = batches.shift()!;
    const loads = batch.map((b) => ({
      b,
      range: ctx.workbook.worksheets.getItem(b.sheet).getRange(rangeToA1({ start: { row: b.r0, col: b.c0 }, end: { row: b.r1, col: b.c1 } })).load(['address', ...GRID_PROPS]),
    }));
    let refused: unknown;
    try {
      await ctx.sync();
      if (loads.some((l) => gridsMissing(l.range))) refused = new GridsMissing();
    } catch (e) {
      refused = e;
    }
    if (refused) {
      const single = batch.length === 1 && batch[0]!.r0 === batch[0]!.r1;
      if (single) throw refused instanceof GridsMissing ? Object.assign(new Error('Excel returned no values for a single row.'), { code: 'ResponsePayloadSizeLimitExceeded' }) : refused;
      if (!(refused instanceof GridsMissing) && !isOversizeSuspect(refused)) throw refused;
      // Text-heavy cells can outgrow the estimate, and desktop Excel's limit is not the web's:
      // retry the same cells in halves.
      budget = Math.max(1, Math.floor(budget / 2));
      batches = [...pack(batch.flatMap((b) => splitRows(b, budget)), budget), ...batches];
      continue;
    }
    for (const l of loads) putGrid(grids.get(l.b.sheet)!, l.range);
  }
  return tableRanges;
}
