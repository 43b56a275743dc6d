/**
 * Which sheets the check reads, chosen aloud. Officers keep more than this period in one workbook:
 * last quarter's sheet hidden beside this quarter's, one sheet per quarter filled through the year,
 * a sheet with the quarters side by side as columns, an appendix listing indicators. The check
 * reads one period: hidden sheets holding a report table are left out, and of several sheets that
 * each carry a period (in their name or their title line) the one of the workbook's period is read.
 * Every sheet left out, and every sheet with figures in no shape the contract knows, is named.
 */
import { cellText } from './cells';
import { LISTS_SHEET, type PeriodKind, type TableSpec } from './contract';
import { SOURCE_SHEET, TRACE_SHEET } from './merge/units';
import type { Draft } from './findings';
import { locateCandidates, type LocatedTable } from './locate';
import { findSheet, toA1, type SheetGrid, type WorkbookModel } from './model';
import { parsePeriodKind, reportingWindow } from './periods';
import { periodTitle } from './format';
import { baseName, periodWords } from './periodWords';
import { locateAnswerRegions, notSatisfactionForms } from './surveys/read';
import { foldText } from './text';
import { readInfo, statedPeriod, statedYear } from './checks/info';

export interface SheetPeriod {
  kind: PeriodKind;
  year: number;
}

export interface SheetChoice {
  /** The workbook as the check reads it: the sheets left out removed, with their tables and names. */
  model: WorkbookModel;
  /** Findings that name the sheets left out (sheet_skipped). */
  findings: Draft[];
  /** The contract tables found on each sheet read (see locateCandidates). */
  candidates: Map<SheetGrid, Map<TableSpec, LocatedTable>>;
}

const TITLE_ROWS = 8;
const SCAN_COLS = 20;

const label = (p: SheetPeriod) => periodTitle(p.kind, p.year);
const same = (a: SheetPeriod, b: SheetPeriod) => a.kind === b.kind && a.year === b.year;

/** The period a sheet says it holds: its name ("Quý III-2023", "Q3"), else a title line in its top rows. */
export function sheetPeriod(sheet: SheetGrid, yearHint: number | null): SheetPeriod | null {
  const named = periodWords(sheet.name, 'name') ?? periodWords(sheet.name, 'value');
  if (named && (named.year ?? yearHint)) return { kind: named.kind, year: (named.year ?? yearHint)! };
  for (let r = 0; r < Math.min(sheet.rows.length, TITLE_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(cells.length, SCAN_COLS); c++) {
      const t = cells[c] && typeof cells[c]!.v === 'string' ? String(cells[c]!.v) : '';
      if (t.length < 8) continue;
      const p = periodWords(t, 'title');
      if (p && p.year !== null) return { kind: p.kind, year: p.year };
    }
  }
  return null;
}

function fileNamePeriod(model: WorkbookModel): SheetPeriod | null {
  if (!model.fileName) return null;
  const p = periodWords(baseName(model.fileName), 'name');
  return p && p.year !== null ? { kind: p.kind, year: p.year } : null;
}

/** The year "Năm báo cáo" (or "Kỳ báo cáo") states on the sheets given (defined names, labels). */
function labelledYear(model: WorkbookModel, sheets: readonly SheetGrid[]): number | null {
  const names = new Set(sheets.map((s) => s.name));
  const info = readInfo({ ...model, sheets: [...sheets], tables: [], names: model.names.filter((n) => names.has(n.sheet)) }, () => {});
  return statedYear(info);
}

/** The period "Kỳ báo cáo" and "Năm báo cáo" state on the sheets given (defined names, labels). */
function labelledPeriod(model: WorkbookModel, sheets: readonly SheetGrid[]): SheetPeriod | null {
  const names = new Set(sheets.map((s) => s.name));
  const info = readInfo({ ...model, sheets: [...sheets], tables: [], names: model.names.filter((n) => names.has(n.sheet)) }, () => {});
  return statedPeriod(info);
}

const end = (p: SheetPeriod) => reportingWindow(p.kind, p.year, 'calendar').to;

/**
 * Chooses the sheets to read. Of several period sheets, the one whose period the workbook states
 * elsewhere: "Kỳ báo cáo" and "Năm báo cáo" on a sheet that is not a period sheet (a "Thông tin"
 * sheet), else the file name, else the latest, since a workbook filled quarter after quarter is
 * sent for its last quarter.
 */
export function chooseSheets(model: WorkbookModel): SheetChoice {
  const findings: Draft[] = [];
  const candidates = locateCandidates(model);
  const tablesOn = (s: SheetGrid) => [...(candidates.get(s)?.keys() ?? [])].map((spec) => spec.title);
  const visible = model.sheets.filter((s) => !s.hidden);
  if (!visible.length) return { model, findings, candidates };
  const anchor = visible[0]!.name;
  const skipped = new Set<string>();

  for (const s of model.sheets) {
    if (!s.hidden || !candidates.has(s)) continue;
    skipped.add(s.name);
    const p = sheetPeriod(s, fileNamePeriod(model)?.year ?? null);
    findings.push({ code: 'sheet_skipped', sheet: anchor, cell: 'A1', skipped: s.name, why: 'hidden', tables: tablesOn(s), ...(p ? { period: label(p) } : {}) });
  }

  // Sheets named "Quý I", "Quý II" take their year from the file name, else from "Năm báo cáo"
  // (read only when such a sheet holds a table: it costs a second reading of the labels).
  const kindOnly = visible.some((s) => candidates.has(s) && !periodWords(s.name, 'name') && periodWords(s.name, 'value'));
  const yearHint = fileNamePeriod(model)?.year ?? (kindOnly ? labelledYear(model, visible) : null);
  const periodSheets = visible
    .filter((s) => candidates.has(s))
    .map((s) => ({ sheet: s, period: sheetPeriod(s, yearHint), specs: [...candidates.get(s)!.keys()] }))
    .filter((x): x is { sheet: SheetGrid; period: SheetPeriod; specs: TableSpec[] } => x.period !== null);
  // Only sheets holding the same table compete: "Biểu 06" titled Quý I and a staffing sheet titled
  // "năm 2023" are two tables of one report, not two periods.
  const rivals = periodSheets.filter((x) => periodSheets.some((y) => !same(x.period, y.period) && y.specs.some((s) => x.specs.includes(s))));
  if (rivals.length >= 2) {
    const periodNames = new Set(periodSheets.map((x) => x.sheet.name));
    const stated = labelledPeriod(
      model,
      visible.filter((s) => !periodNames.has(s.name)),
    );
    const target = [stated, fileNamePeriod(model)].find((p): p is SheetPeriod => !!p && rivals.some((x) => same(x.period, p)));
    const chosen = target ?? [...rivals].sort((a, b) => end(b.period).localeCompare(end(a.period)))[0]!.period;
    const read = rivals.filter((x) => same(x.period, chosen));
    for (const x of rivals) {
      // Left out only when every table it holds is read from a sheet of the chosen period.
      if (same(x.period, chosen) || !x.specs.every((spec) => read.some((r) => r.specs.includes(spec)))) continue;
      skipped.add(x.sheet.name);
      findings.push({
        code: 'sheet_skipped',
        sheet: x.sheet.name,
        cell: 'A1',
        skipped: x.sheet.name,
        why: target ? 'other_period' : 'earlier_period',
        tables: tablesOn(x.sheet),
        period: label(x.period),
        chosen: read.find((r) => r.specs.some((spec) => x.specs.includes(spec)))!.sheet.name,
        chosenPeriod: label(chosen),
      });
    }
  }

  if (!skipped.size) return { model, findings, candidates };
  return {
    candidates: new Map([...candidates].filter(([s]) => !skipped.has(s.name))),
    model: {
      ...model,
      sheets: model.sheets.filter((s) => !skipped.has(s.name)),
      tables: model.tables.filter((t) => !skipped.has(t.sheet)),
      names: model.names.filter((n) => !skipped.has(n.sheet)),
    },
    findings,
  };
}

/** "Quý I", "Quý II", "6 tháng", "Năm 2023" as column headers: a period per column. */
function periodColumns(sheet: SheetGrid): { row: number; col: number; kinds: string[] } | null {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const cells = sheet.rows[r] ?? [];
    const kinds: string[] = [];
    let first = -1;
    for (let c = 0; c < Math.min(cells.length, 60); c++) {
      const t = cellText(cells[c]).trim();
      if (!t || t.length > 40) continue;
      const p = parsePeriodKind(t) ?? periodWords(t, 'value')?.kind ?? null;
      if (p && !kinds.includes(t)) {
        kinds.push(t);
        if (first < 0) first = c;
      }
    }
    if (kinds.length >= 2) return { row: r, col: first, kinds };
  }
  return null;
}

/** A list of indicators: a column of "Chỉ tiêu" / "Tiêu chí" / "Nội dung" beside a "Đơn vị tính" column. */
function indicatorList(sheet: SheetGrid): { row: number; col: number } | null {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const cells = sheet.rows[r] ?? [];
    const folded = cells.map((c) => foldHeader(cellText(c)));
    const unit = folded.findIndex((t) => /^(don vi tinh|dvt)$/.test(t));
    const item = folded.findIndex((t) => /^(ten )?(chi tieu|tieu chi|noi dung|nhiem vu)( danh gia)?$/.test(t));
    if (unit >= 0 && item >= 0) return { row: r, col: item };
  }
  return null;
}

function foldHeader(s: string): string {
  return foldText(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

const MIN_FIGURES = 6;
/** The project's own sheets that hold figures but no report table: the template's lists, a consolidation's sources and trace. */
const OWN_SHEETS = new Set([LISTS_SHEET, SOURCE_SHEET, TRACE_SHEET]);

/**
 * Visible sheets with figures where no contract table and no survey answers were found: named, with
 * the shape recognised when it is one the check knows it does not read (periods as columns, a list
 * of indicators), so that nothing is left unchecked silently.
 */
export function unreadSheets(model: WorkbookModel, candidates: Map<SheetGrid, unknown>): Draft[] {
  const surveys = new Set(locateAnswerRegions(model).map((r) => r.sheet.name));
  const out: Draft[] = [];
  for (const f of notSatisfactionForms(model)) {
    surveys.delete(f.sheet);
    if (!candidates.has(findSheet(model, f.sheet)!)) out.push({ code: 'sheet_not_read', severity: 'info', sheet: f.sheet, cell: 'A1', shape: 'not_satisfaction_form', stated: f.text, figures: 0 });
  }
  for (const s of model.sheets) {
    if (s.hidden || OWN_SHEETS.has(s.name) || candidates.has(s) || surveys.has(s.name) || out.some((d) => d.sheet === s.name)) continue;
    let figures = 0;
    for (const row of s.rows) for (const c of row ?? []) if (c && typeof c.v === 'number') figures++;
    if (figures < MIN_FIGURES) continue;
    const cols = periodColumns(s);
    if (cols) {
      out.push({ code: 'sheet_not_read', sheet: s.name, cell: toA1({ row: cols.row, col: cols.col }), shape: 'period_columns', periods: cols.kinds, figures });
      continue;
    }
    const list = indicatorList(s);
    out.push({ code: 'sheet_not_read', sheet: s.name, cell: list ? toA1(list) : 'A1', shape: list ? 'indicator_list' : 'unknown', figures });
  }
  return out;
}
