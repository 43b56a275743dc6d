/**
 * Cell highlights that can be taken back exactly, whichever runtime made them.
 *
 * The record of what was coloured, and each cell's own fill, lives in the workbook's settings
 * (Excel's workbook.settings, ExcelApi 1.4), read and written inside the same Excel.run batches as
 * the cells. Office.context.document.settings would not do: the task pane and the ribbon command
 * each hold their own in-memory copy of it, and saveAsync writes the whole copy, so one runtime's
 * save erased the other's record and its colour was later "restored" as the cell's own fill
 * (learn.microsoft.com/javascript/api/office/office.settings).
 *
 * Order of the writing (actions.ts, rehighlight): a record listing every mark the change touches,
 * the new anchors, the previous highlights taken back and the new cells coloured, the old anchors
 * removed, the record as it then is. Office runs a batch in order and stops at the first failure,
 * and the writing may take several batches (batches.ts: Excel on the web's payload limit), so at
 * any point of failure every cell showing our colour is in the record that is in the workbook.
 *
 * "No fill" is told by tintAndShade, which Excel reports as null only for a cell without fill;
 * colour (#FFFFFF) and pattern (null) say the same for no fill and a white fill (office-js issues
 * #6218, #4900). A cell whose fill is no longer our colour was changed by the user since, and
 * keeps the user's change.
 *
 * A mark is found again by what does not change when the officer edits the workbook: its sheet
 * by Worksheet.id, which stays through renames, and its cell by a hidden name scoped to that sheet
 * (Worksheet.names, ExcelApi 1.4), which Excel moves with the cell when rows or columns are
 * inserted or deleted above it, as it moves any reference
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert). A recorded A1 address alone pointed, after a rename or an
 * inserted row, at a sheet that no longer existed or at another cell. A mark whose name is gone
 * (its row deleted, or the name removed by hand) is told to the officer by its last known
 * address, never silently dropped.
 *
 * A conditional formatting rule with a fill, when it is met, shows its fill over the cell's own,
 * so over our highlight too. The rules over each cell to colour are read with its fill
 * (Range.conditionalFormats, ExcelApi 1.6; queueRulesRead) and the cells under a rule that can
 * fill are named to the officer; the rules themselves are the officer's and are never changed.
 *
 * Settings belong to one add-in: another deployment of it (another manifest id, office-js issue
 * #840) does not see this record. Each anchor therefore carries its mark in its comment (the
 * colour put there and the cell's own fill), so that an instance that finds no record in its
 * settings rebuilds it from the names, which every instance reads (scanMarks).
 */
import type { Finding, Severity } from '../core/findings';
import type { Cost } from './batches';

export const HIGHLIGHT_KEY = 'cchc.highlights';

export const HIGHLIGHT_FILLS: Record<Severity, string> = { error: '#FDE7E9', warning: '#FFF4CE', info: '#DEECF9' };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Structure findings name where a table or name was looked for, not a cell that is wrong. */
const NOT_ON_A_CELL = new Set<Finding['code']>(['missing_table', 'missing_name']);

/** A cell's own fill: null for no fill. */
export type OwnFill = null | {
  color: string;
  /** Theme colours carry a tint (-1…1); 0 for a plain colour. */
  tint: number;
  /** Excel.FillPattern; absent when Excel did not say (it reports null for solid fills too). */
  pattern?: string;
  patternColor?: string;
};

export interface Mark {
  /** The sheet's name and the cell's address: as recorded, then as found again (resolveMarks). */
  sheet: string;
  cell: string;
  /** Worksheet.id; absent in records written before marks were anchored. */
  sheetId?: string;
  /** The hidden sheet-scoped name on the cell; absent in records written before. */
  anchor?: string;
  /** The colour we put there. */
  fill: string;
  own: OwnFill;
  /**
   * Only in a record written while highlights change (actions.ts, rehighlight and clear), for the
   * time the change takes: "going", a mark being taken back, whose anchor is removed after its
   * cell got its own fill back; "coming", a new mark, whose anchor is made before its cell is
   * coloured. Either one without its anchor therefore has no colour of ours to take back: it is
   * passed over, not named as lost, when a change was interrupted.
   */
  pending?: 'going' | 'coming';
}

/** The second version, keyed by sheet name: { v: 2, sheets: { [sheet]: [cell, fill, own][] } }, own = null | [color, tint, pattern?, patternColor?]. */
interface StoredRecord {
  v: 2;
  sheets: Record<string, [string, string, (string | number)[] | null][]>;
}

/** Now: { v: 3, sheets: { [Worksheet.id]: { name, marks: [cell, fill, own, anchor, pending?][] } } }, pending "g" (going) or "c" (coming). */
interface StoredRecordV3 {
  v: 3;
  sheets: Record<string, { name: string; marks: ([string, string, (string | number)[] | null, string] | [string, string, (string | number)[] | null, string, 'g' | 'c'])[] }>;
}

function ownOf(own: unknown): OwnFill | undefined {
  if (!Array.isArray(own)) return null;
  const [color, tint, pattern, patternColor] = own as unknown[];
  if (typeof color !== 'string') return undefined;
  const o: NonNullable<OwnFill> = { color, tint: typeof tint === 'number' ? tint : 0 };
  if (typeof pattern === 'string') o.pattern = pattern;
  if (typeof patternColor === 'string') o.patternColor = patternColor;
  return o;
}

function marksOfV3(raw: StoredRecordV3): Mark[] {
  const marks: Mark[] = [];
  for (const [sheetId, entry] of Object.entries(raw.sheets ?? {})) {
    if (!entry || typeof entry.name !== 'string' || !Array.isArray(entry.marks)) continue;
    for (const row of entry.marks) {
      if (!Array.isArray(row)) continue;
      const [cell, fill, own, anchor, pending] = row as unknown[];
      const o = ownOf(own);
      if (typeof cell !== 'string' || typeof fill !== 'string' || o === undefined) continue;
      const m: Mark = { sheet: entry.name, cell, fill, own: o };
      if (!sheetId.startsWith('name:')) m.sheetId = sheetId;
      if (typeof anchor === 'string' && anchor) m.anchor = anchor;
      if (pending === 'g') m.pending = 'going';
      if (pending === 'c') m.pending = 'coming';
      marks.push(m);
    }
  }
  return marks;
}

export interface RecordRead {
  item: Excel.Setting;
}

/** Queues the read of the record; parse it with marksOf after the sync. */
export function queueRecordRead(ctx: Excel.RequestContext): RecordRead {
  return { item: ctx.workbook.settings.getItemOrNullObject(HIGHLIGHT_KEY).load('value') };
}

export function recordExists(r: RecordRead): boolean {
  return !r.item.isNullObject;
}

export function marksOf(r: RecordRead): Mark[] {
  if (r.item.isNullObject) return [];
  let raw = r.item.value as StoredRecord | string | null;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as StoredRecord;
    } catch {
      return [];
    }
  }
  if (raw && typeof raw === 'object' && (raw as { v?: unknown }).v === 1) return marksOfV1(raw as unknown as V1Record);
  if (raw && typeof raw === 'object' && (raw as { v?: unknown }).v === 3) return marksOfV3(raw as unknown as StoredRecordV3);
  if (!raw || typeof raw !== 'object' || raw.v !== 2 || typeof raw.sheets !== 'object') return [];
  const marks: Mark[] = [];
  for (const [sheet, rows] of Object.entries(raw.sheets)) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (!Array.isArray(row)) continue;
      const [cell, fill, own] = row;
      if (typeof cell !== 'string' || typeof fill !== 'string') continue;
      let o: OwnFill = null;
      if (Array.isArray(own)) {
        const [color, tint, pattern, patternColor] = own;
        if (typeof color !== 'string') continue;
        o = { color, tint: typeof tint === 'number' ? tint : 0 };
        if (typeof pattern === 'string') o.pattern = pattern;
        if (typeof patternColor === 'string') o.patternColor = patternColor;
      }
      marks.push({ sheet, cell, fill, own: o });
    }
  }
  return marks;
}

/**
 * The first version's record, { v: 1, sheets: { [sheet]: [cell, fill, ownColor, ownPattern, ownPatternColor?][] } }
 * with pattern "None" for no fill, kept in the same key: highlights made by it are still taken back.
 */
interface V1Record {
  v: 1;
  sheets: Record<string, unknown[][]>;
}

function marksOfV1(raw: V1Record): Mark[] {
  const marks: Mark[] = [];
  for (const [sheet, rows] of Object.entries(raw.sheets ?? {})) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      const [cell, fill, color, pattern, patternColor] = Array.isArray(row) ? row : [];
      if (typeof cell !== 'string' || typeof fill !== 'string' || typeof color !== 'string' || typeof pattern !== 'string') continue;
      const own: OwnFill = pattern === 'None' ? null : { color, tint: 0, pattern, ...(typeof patternColor === 'string' ? { patternColor } : {}) };
      marks.push({ sheet, cell, fill, own });
    }
  }
  return marks;
}

/** What the record's replacement weighs in a request (batches.ts): the settings, the call, and the record's JSON. */
export function recordCost(marks: readonly Mark[]): Cost {
  return { units: 3, value: marks.length ? JSON.stringify(storedRecord(marks)).length : 0 };
}

/** The marks as they are written in a record: with `pending` set, or (undefined) without it. */
export function withPending(marks: readonly Mark[], pending?: Mark['pending']): Mark[] {
  return marks.map(({ pending: _, ...m }) => (pending ? { ...m, pending } : m));
}

/** Queues the record's replacement (or removal when there are no marks and one exists). */
export function queueRecordWrite(ctx: Excel.RequestContext, marks: readonly Mark[], exists: boolean): void {
  if (!marks.length) {
    if (exists) ctx.workbook.settings.getItem(HIGHLIGHT_KEY).delete();
    return;
  }
  ctx.workbook.settings.add(HIGHLIGHT_KEY, storedRecord(marks));
}

function storedRecord(marks: readonly Mark[]): StoredRecordV3 {
  const rec: StoredRecordV3 = { v: 3, sheets: {} };
  for (const m of marks) {
    const own = m.own ? [m.own.color, m.own.tint, ...(m.own.pattern ? [m.own.pattern] : []), ...(m.own.pattern && m.own.patternColor ? [m.own.patternColor] : [])] : null;
    // A mark from an older record (no id) is kept under its name until it is taken back.
    const entry = (rec.sheets[m.sheetId ?? `name:${m.sheet}`] ??= { name: m.sheet, marks: [] });
    entry.marks.push(m.pending ? [m.cell, m.fill, own, m.anchor ?? '', m.pending === 'going' ? 'g' : 'c'] : [m.cell, m.fill, own, m.anchor ?? '']);
  }
  return rec;
}

/** One target per cell, with the colour of its most severe finding, on sheets that exist. */
export function highlightTargets(findings: readonly Finding[], existingSheets: ReadonlySet<string>): { sheet: string; cell: string; fill: string }[] {
  const best = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    if (NOT_ON_A_CELL.has(f.code) || !existingSheets.has(f.sheet) || !/^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)) continue;
    const k = `${f.sheet}!${f.cell}`;
    const cur = best.get(k);
    if (!cur || RANK[f.severity] < RANK[cur.severity]) best.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  return [...best.values()].map((t) => ({ sheet: t.sheet, cell: t.cell, fill: HIGHLIGHT_FILLS[t.severity] }));
}

const FILL_OPTIONS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } };

export type FillResult = OfficeExtension.ClientResult<Excel.CellProperties[][]>;

/** A cell's fill as Excel reported it, null for no fill. */
export function fillOf(r: FillResult): OwnFill {
  const f = (r.value[0]?.[0]?.format?.fill ?? {}) as Excel.CellPropertiesFill;
  const pattern = typeof f.pattern === 'string' ? f.pattern : undefined;
  // tintAndShade is null only for no fill; where a host leaves it out, an explicit "None" still says so.
  if (f.tintAndShade === null || (f.tintAndShade === undefined && (pattern === undefined || pattern === 'None')) || pattern === 'None') return null;
  const own: NonNullable<OwnFill> = { color: String(f.color ?? '#FFFFFF').toUpperCase(), tint: typeof f.tintAndShade === 'number' ? f.tintAndShade : 0 };
  if (pattern) own.pattern = pattern;
  if (pattern && pattern !== 'Solid' && f.patternColor) own.patternColor = String(f.patternColor).toUpperCase();
  return own;
}

/** Whether a fill is the highlight we put there (a solid plain colour, untinted). */
export function isOurs(now: OwnFill, fill: string): boolean {
  return !!now && now.color === fill.toUpperCase() && now.tint === 0 && (now.pattern === undefined || now.pattern === 'Solid');
}

export function queueFillRead(ctx: Excel.RequestContext, sheet: string, cell: string): FillResult {
  return queueFillReadOn(ctx.workbook.worksheets.getItem(sheet).getRange(cell));
}

export function queueFillReadOn(range: Excel.Range): FillResult {
  return range.getCellProperties(FILL_OPTIONS);
}

/*
 * What each queued piece of work weighs (batches.ts): `units` counts the objects it creates
 * (worksheet, range, names collection, name…) and the calls it makes; `value` the JSON it sends;
 * `response` about what it reads back.
 */
/** A cell's fill read: worksheet, range, getCellProperties with its options; the cell's properties back. */
export const FILL_READ: Cost = { units: 3, value: JSON.stringify(FILL_OPTIONS).length, response: 160 };
/** A cell's range itself: the worksheet and the range. */
export const RANGE: Cost = { units: 2 };
/** The rules over a cell, read on a range counted apart: the collection and its load; a few types back. */
export const RULES_READ: Cost = { units: 2, value: 20, response: 120 };
/** A mark's anchor looked up: worksheet, names, the name, its range, the load; an address back. */
export const RESOLVE: Cost = { units: 5, value: 60, response: 120 };
/** A cell's fill set back or coloured: worksheet, range, setCellProperties with the fill. */
export const FILL_WRITE: Cost = { units: 3, value: 120 };
/** A mark's anchor removed: worksheet, names, the name, delete. */
export const DROP_ANCHOR: Cost = { units: 4, value: 40 };

/** What a mark's anchor weighs: worksheet, names, add with its reference and comment, the name, visible. */
export function anchorCost(m: Mark): Cost {
  return { units: 5, value: 80 + (m.anchor?.length ?? 0) + JSON.stringify(anchorComment(m)).length };
}

/** Rules that can give a cell a fill over its own: all but data bars and icon sets, which draw beside it. */
const FILLING_RULES = (type: string) => type !== 'DataBar' && type !== 'IconSet';

export type RulesRead = Excel.ConditionalFormatCollection;

/**
 * Queues the read of the conditional formatting rules over a cell (Range.conditionalFormats,
 * ExcelApi 1.6). Nothing of the rules is changed: they are the officer's.
 */
export function queueRulesRead(range: Excel.Range): RulesRead {
  return range.conditionalFormats.load('items/type');
}

/** Whether a rule over the cell may show its own fill instead of the highlight. */
export function underRule(r: RulesRead): boolean {
  return r.items.some((f) => FILLING_RULES(f.type));
}

export interface Resolving {
  mark: Mark;
  range?: Excel.Range;
}

/** Whether a mark is looked up through its anchor (queueResolveOne queues something for it). */
export function isAnchored(mark: Mark, sheets: readonly { id: string; name: string }[]): boolean {
  return !!mark.sheetId && !!mark.anchor && sheets.some((s) => s.id === mark.sheetId);
}

/** Queues the look-up of one mark's cell through its hidden name (when it is anchored); read with resolveMarks after the sync. */
export function queueResolveOne(ctx: Excel.RequestContext, mark: Mark, sheets: readonly { id: string; name: string }[]): Resolving {
  if (!isAnchored(mark, sheets)) return { mark };
  return { mark, range: ctx.workbook.worksheets.getItem(mark.sheetId!).names.getItemOrNullObject(mark.anchor!).getRangeOrNullObject().load('address') };
}

/** Queues the look-up of each anchored mark's cell through its hidden name; read with resolveMarks after the sync. */
export function queueResolve(ctx: Excel.RequestContext, marks: readonly Mark[], sheets: readonly { id: string; name: string }[]): Resolving[] {
  return marks.map((mark) => queueResolveOne(ctx, mark, sheets));
}

/**
 * Each mark where it is now: sheet by id (renames followed), cell by its anchor (inserted rows
 * followed). Marks of a deleted sheet are gone with their cells. `lost`: anchored marks whose
 * name Excel no longer has or points at nothing (#REF!, the row deleted), by their last address.
 */
export function resolveMarks(rs: readonly Resolving[], sheets: readonly { id: string; name: string }[]): { marks: Mark[]; lost: Mark[] } {
  const marks: Mark[] = [];
  const lost: Mark[] = [];
  for (const { mark, range } of rs) {
    if (!mark.sheetId) {
      marks.push(mark); // an older record: by name and address, as it was written
      continue;
    }
    const sheet = sheets.find((s) => s.id === mark.sheetId);
    if (!sheet) continue;
    if (!mark.anchor) {
      marks.push({ ...mark, sheet: sheet.name });
      continue;
    }
    if (!range || range.isNullObject) {
      // A mark being taken back or made when a change was interrupted: its cell shows no colour of ours (Mark.pending).
      if (!mark.pending) lost.push({ ...mark, sheet: sheet.name });
      continue;
    }
    const ref = range.address.slice(range.address.lastIndexOf('!') + 1).replace(/\$/g, '');
    marks.push({ ...mark, sheet: sheet.name, cell: ref.split(':')[0]! });
  }
  return { marks, lost };
}

/** Removes a mark's hidden name (when it leaves the record). */
export function queueDropAnchor(ctx: Excel.RequestContext, m: Mark): void {
  if (m.anchor && m.sheetId) ctx.workbook.worksheets.getItem(m.sheetId).names.getItem(m.anchor).delete();
}

let anchorCount = 0;
/** A fresh name for a mark's anchor: unique in the sheet across checks and runtimes (time + counter). */
export function newAnchor(): string {
  return `CCHC_DD_${Date.now().toString(36).toUpperCase()}_${(anchorCount++).toString(36).toUpperCase()}`;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function queueRestore(ctx: Excel.RequestContext, m: Mark): void {
  const range = ctx.workbook.worksheets.getItem(m.sheet).getRange(m.cell);
  if (!m.own) {
    range.format.fill.clear();
    return;
  }
  const fill: Excel.CellPropertiesFill = { color: m.own.color, tintAndShade: m.own.tint, pattern: (m.own.pattern ?? 'Solid') as Excel.FillPattern };
  if (m.own.patternColor) fill.patternColor = m.own.patternColor;
  range.setCellProperties([[{ format: { fill } }]]);
}

export function queueHighlight(ctx: Excel.RequestContext, t: { sheet: string; cell: string; fill: string }): void {
  ctx.workbook.worksheets.getItem(t.sheet).getRange(t.cell).setCellProperties([[{ format: { fill: { color: t.fill, pattern: 'Solid', tintAndShade: 0 } } }]]);
}

const anchorComment = (m: Mark) => ({ cchc: 1, fill: m.fill, own: ownArray(m.own) });

const ownArray = (own: OwnFill) => (own ? [own.color, own.tint, ...(own.pattern ? [own.pattern] : []), ...(own.pattern && own.patternColor ? [own.patternColor] : [])] : null);

/** The hidden name that lets the mark be found again wherever its cell moves; its comment is the mark itself. */
export function queueAnchor(ctx: Excel.RequestContext, m: Mark): void {
  if (!m.anchor) return;
  const p = /^([A-Z]{1,3})(\d+)$/.exec(m.cell)!;
  const comment = JSON.stringify(anchorComment(m));
  const name = ctx.workbook.worksheets.getItem(m.sheet).names.add(m.anchor, `=${quoteSheet(m.sheet)}!$${p[1]}$${p[2]}`, comment);
  name.visible = false;
}

export type Scan = { sheet: { id: string; name: string }; names: Excel.NamedItemCollection }[];

/** Queues the read of every sheet's names, for a workbook whose settings hold no record. */
export function queueScan(ctx: Excel.RequestContext, sheets: readonly { id: string; name: string }[]): Scan {
  return sheets.map((sheet) => ({ sheet, names: ctx.workbook.worksheets.getItem(sheet.id).names.load('items/name,items/comment,items/formula') }));
}

/** The marks the anchors describe (another instance's highlights), where their cells are now; `lost`: anchors at #REF!. */
export function scanMarks(scan: Scan): { marks: Mark[]; lost: Mark[] } {
  const marks: Mark[] = [];
  const lost: Mark[] = [];
  for (const { sheet, names } of scan) {
    for (const n of names.items) {
      if (!n.name.toUpperCase().startsWith('CCHC_DD_')) continue;
      let c: { cchc?: unknown; fill?: unknown; own?: unknown };
      try {
        c = JSON.parse(n.comment) as typeof c;
      } catch {
        continue;
      }
      const own = ownOf(c.own);
      if (c.cchc !== 1 || typeof c.fill !== 'string' || own === undefined) continue;
      const at = /!\$?([A-Z]{1,3})\$?(\d+)$/.exec(n.formula);
      const m: Mark = { sheet: sheet.name, sheetId: sheet.id, anchor: n.name, cell: at ? `${at[1]}${at[2]}` : '?', fill: c.fill, own };
      (at ? marks : lost).push(m);
    }
  }
  return { marks, lost };
}
