/**
 * Cell highlights that can be taken back exactly. Before a cell is coloured, its own fill (colour
 * AND pattern: Excel reports "no fill" as white with pattern None) is saved in one document
 * setting; clearing restores it and removes the setting, so the file keeps no trace. A cell whose
 * fill is no longer our colour was changed by the user since, and keeps the user's change.
 */
import type { Finding, Severity } from '../core/findings';

export const HIGHLIGHT_KEY = 'cchc.highlights';

export const HIGHLIGHT_FILLS: Record<Severity, string> = { error: '#FDE7E9', warning: '#FFF4CE', info: '#DEECF9' };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Structure findings name where a table or name was looked for, not a cell that is wrong. */
const NOT_ON_A_CELL = new Set<Finding['code']>(['missing_table', 'missing_name']);

export interface OwnFill {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface Mark {
  sheet: string;
  cell: string;
  /** The colour we put there. */
  fill: string;
  own: OwnFill;
}

/** Stored compactly: { v: 1, sheets: { [sheet]: [cell, fill, ownColor, ownPattern, ownPatternColor?][] } }. */
interface StoredRecord {
  v: 1;
  sheets: Record<string, (string | undefined)[][]>;
}

function settings(): Office.Settings {
  return Office.context.document.settings;
}

export function loadMarks(): Mark[] {
  const raw = settings().get(HIGHLIGHT_KEY) as StoredRecord | null;
  if (!raw || raw.v !== 1 || typeof raw.sheets !== 'object') return [];
  const marks: Mark[] = [];
  for (const [sheet, rows] of Object.entries(raw.sheets)) {
    for (const [cell, fill, color, pattern, patternColor] of rows) {
      if (!cell || !fill || !color || !pattern) continue;
      marks.push({ sheet, cell, fill, own: patternColor ? { color, pattern, patternColor } : { color, pattern } });
    }
  }
  return marks;
}

function saveSettings(): Promise<void> {
  return new Promise((resolve) => {
    // A failed save leaves the record in memory for this session, which is all clearing needs now;
    // the check itself must not fail for it.
    settings().saveAsync(() => resolve());
  });
}

export async function storeMarks(marks: Mark[]): Promise<void> {
  const had = settings().get(HIGHLIGHT_KEY) !== null;
  if (!marks.length) {
    if (!had) return;
    settings().remove(HIGHLIGHT_KEY);
  } else {
    const rec: StoredRecord = { v: 1, sheets: {} };
    for (const m of marks) {
      const row = [m.cell, m.fill, m.own.color, m.own.pattern];
      if (m.own.patternColor) row.push(m.own.patternColor);
      (rec.sheets[m.sheet] ??= []).push(row);
    }
    settings().set(HIGHLIGHT_KEY, rec);
  }
  await saveSettings();
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

const FILL_OPTIONS = { format: { fill: { color: true, pattern: true, patternColor: true } } };

type FillResult = OfficeExtension.ClientResult<Excel.CellProperties[][]>;

function fillOf(r: FillResult): OwnFill {
  const f = r.value[0]?.[0]?.format?.fill ?? {};
  const own: OwnFill = { color: String(f.color ?? '#FFFFFF').toUpperCase(), pattern: String(f.pattern ?? 'None') };
  if (own.pattern !== 'None' && own.pattern !== 'Solid' && f.patternColor) own.patternColor = String(f.patternColor).toUpperCase();
  return own;
}

export interface PendingRead {
  mark: Mark;
  current: FillResult;
}

/** Queues reads of the fills now on previously marked cells (skipping sheets that are gone). */
export function queueCurrentFills(ctx: Excel.RequestContext, marks: readonly Mark[], existingSheets: ReadonlySet<string>): PendingRead[] {
  return marks
    .filter((m) => existingSheets.has(m.sheet))
    .map((mark) => ({ mark, current: ctx.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell).getCellProperties(FILL_OPTIONS) }));
}

/** After the reads synced: queues the restoring writes; returns how many cells the user had changed. */
export function queueRestore(ctx: Excel.RequestContext, reads: readonly PendingRead[]): { restored: number; keptUserChange: number } {
  let restored = 0;
  let keptUserChange = 0;
  for (const { mark, current } of reads) {
    const now = fillOf(current);
    if (now.pattern !== 'Solid' || now.color !== mark.fill.toUpperCase()) {
      keptUserChange++;
      continue;
    }
    const range = ctx.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell);
    if (mark.own.pattern === 'None') range.format.fill.clear();
    else range.setCellProperties([[{ format: { fill: { ...mark.own, pattern: mark.own.pattern as Excel.FillPattern } } }]]);
    restored++;
  }
  return { restored, keptUserChange };
}

/**
 * Queues, per target cell, a read of its own fill and then the highlight. Office runs a batch in
 * order, so the read sees the fill as it is before the highlight (and after any restore queued
 * earlier in the same batch): reading and writing cost a single round trip.
 */
export function queueHighlights(ctx: Excel.RequestContext, targets: readonly { sheet: string; cell: string; fill: string }[]): () => Mark[] {
  const pending = targets.map((t) => {
    const range = ctx.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
    const own = range.getCellProperties(FILL_OPTIONS);
    range.setCellProperties([[{ format: { fill: { color: t.fill, pattern: 'Solid' } } }]]);
    return { t, own };
  });
  return () => pending.map(({ t, own }) => ({ sheet: t.sheet, cell: t.cell, fill: t.fill, own: fillOf(own) }));
}
