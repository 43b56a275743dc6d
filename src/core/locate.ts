import { TABLES, type TableSpec } from './contract';
import { cellText } from './cells';
import { findSheet, parseRange, type SheetGrid, type WorkbookModel } from './model';
import { foldText, headerKey } from './text';

/**
 * Finding a contract table in a workbook. First by its Excel table name (wherever it sits); if the
 * workbook has no such table (another tool wrote plain ranges, LibreOffice dropped the table
 * part), by a row that holds all its headers, below whatever title rows and above blank lines.
 */
export interface LocatedTable {
  spec: TableSpec;
  sheet: SheetGrid;
  headerRow: number;
  /** Absolute column index by contract key, for the columns present. */
  col: Record<string, number>;
  /** Headers of required columns that are missing. */
  missing: string[];
  /** Sheet rows (0-based) of data rows, blank rows included (the checks skip them). */
  dataRows: number[];
  totalRow?: number;
  /** The table was found by its headers rather than by name. */
  byHeaders: boolean;
}

const MAX_SCAN_ROWS = 2000;
const MAX_BLANK_RUN = 3;

export function isTotalLabel(label: string): boolean {
  // "Công chức" must not read as "Cộng": only the whole word, or "Tổng cộng/Tổng số …".
  const f = foldText(label).replace(/[:.]$/, '');
  return f === 'cong' || f === 'tong' || f === 'total' || /^tong (cong|so)\b/.test(f) || /^(cong|tong)\s*\(/.test(f);
}

function headerIndex(spec: TableSpec): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of spec.columns) m.set(headerKey(c.header), c.key);
  return m;
}

function mapColumns(spec: TableSpec, sheet: SheetGrid, row: number, c0: number, c1: number) {
  const idx = headerIndex(spec);
  const col: Record<string, number> = {};
  const cells = sheet.rows[row] ?? [];
  for (let c = c0; c <= c1; c++) {
    const key = idx.get(headerKey(cellText(cells[c])));
    if (key && col[key] === undefined) col[key] = c;
  }
  const missing = spec.columns.filter((c) => !c.optional && col[c.key] === undefined).map((c) => c.header);
  return { col, missing };
}

export function locateByName(model: WorkbookModel, spec: TableSpec): LocatedTable | null {
  const t = model.tables.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
  if (!t) return null;
  const sheet = findSheet(model, t.sheet);
  if (!sheet) return null;
  const r = parseRange(t.ref);
  const headerRow = t.headerRow ? r.start.row : r.start.row - 1;
  const { col, missing } = mapColumns(spec, sheet, headerRow, r.start.col, r.end.col);
  const last = t.totalsRow ? r.end.row - 1 : r.end.row;
  const dataRows: number[] = [];
  for (let row = headerRow + 1; row <= last; row++) dataRows.push(row);
  const located: LocatedTable = { spec, sheet, headerRow, col, missing, dataRows, byHeaders: false };
  if (t.totalsRow) located.totalRow = r.end.row;
  else adoptTypedTotal(located);
  return located;
}

/** Officers often type a "Tổng cộng" row as the last row instead of using the totals row. */
function adoptTypedTotal(t: LocatedTable): void {
  const labelCol = t.col[t.spec.labelKey];
  if (labelCol === undefined) return;
  for (let i = t.dataRows.length - 1; i >= 0; i--) {
    const row = t.dataRows[i]!;
    const label = cellText(t.sheet.rows[row]?.[labelCol]);
    if (label === '' && rowBlank(t, row)) continue;
    if (isTotalLabel(label)) {
      t.totalRow = row;
      t.dataRows = t.dataRows.slice(0, i);
    }
    return;
  }
}

export function rowBlank(t: LocatedTable, row: number): boolean {
  const cells = t.sheet.rows[row];
  if (!cells) return true;
  for (const c of Object.values(t.col)) {
    const v = cells[c]?.v;
    if (cells[c]?.e) return false;
    if (v != null && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}

/** Rows claimed by other tables (by name), so a header scan does not wander into them. */
function claimedRows(model: WorkbookModel): Map<string, Set<number>> {
  const m = new Map<string, Set<number>>();
  for (const t of model.tables) {
    const r = parseRange(t.ref);
    const set = m.get(t.sheet) ?? new Set<number>();
    for (let row = r.start.row; row <= r.end.row; row++) set.add(row);
    m.set(t.sheet, set);
  }
  return m;
}

function isHeaderOfAnyTable(sheet: SheetGrid, row: number, except: TableSpec): boolean {
  const keys = new Set((sheet.rows[row] ?? []).map((c) => headerKey(cellText(c))));
  return TABLES.some((s) => {
    if (s === except) return false;
    const req = s.columns.filter((c) => !c.optional).map((c) => headerKey(c.header));
    return req.every((k) => keys.has(k));
  });
}

export function locateByHeaders(model: WorkbookModel, spec: TableSpec): LocatedTable | null {
  const required = spec.columns.filter((c) => !c.optional).map((c) => headerKey(c.header));
  const claimed = claimedRows(model);
  const sheets = [...model.sheets].sort((a, b) => Number(b.name === spec.sheet) - Number(a.name === spec.sheet));
  for (const sheet of sheets) {
    const taken = claimed.get(sheet.name);
    const limit = Math.min(sheet.rows.length, MAX_SCAN_ROWS);
    for (let row = 0; row < limit; row++) {
      if (taken?.has(row)) continue;
      const cells = sheet.rows[row];
      if (!cells || cells.length === 0) continue;
      const keys = new Set<string>();
      for (const c of cells) {
        const k = headerKey(cellText(c));
        if (k) keys.add(k);
      }
      if (!required.every((k) => keys.has(k))) continue;
      const { col, missing } = mapColumns(spec, sheet, row, 0, cells.length - 1);
      const located: LocatedTable = { spec, sheet, headerRow: row, col, missing, dataRows: [], byHeaders: true };
      let blankRun = 0;
      for (let r = row + 1; r < sheet.rows.length; r++) {
        if (taken?.has(r) || isHeaderOfAnyTable(sheet, r, spec)) break;
        if (rowBlank(located, r)) {
          if (++blankRun >= MAX_BLANK_RUN) break;
          continue;
        }
        // A title line of the next block: text in the label column only, no figures.
        blankRun = 0;
        const labelCol = col[spec.labelKey];
        const label = labelCol === undefined ? '' : cellText(sheet.rows[r]?.[labelCol]);
        if (isTotalLabel(label)) {
          located.totalRow = r;
          break;
        }
        located.dataRows.push(r);
      }
      return located;
    }
  }
  return null;
}

export function locateTable(model: WorkbookModel, spec: TableSpec): LocatedTable | null {
  return locateByName(model, spec) ?? locateByHeaders(model, spec);
}
