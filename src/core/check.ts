/**
 * The check of a workbook, in steps: report information and period; locate every table (by name,
 * else by the meaning of its headers); read each table's rows; normalise them (the one step that
 * completes values); then the checks, which only read: row identities and derived figures,
 * totals and subtotals, table checks, surveys, across periods; then metrics.
 */
import { formatNumber } from './numbers';
import { CONTRACT_VERSION, SHEET_INFO, type TableName, type TableSpec } from './contract';
import { IDENTITIES, TABLES, allColumns, type TableModule } from './tables';
import { cellText } from './cells';
import { formatDate, serialToIso } from './format';
import { checkCarryOver, checkCaps, checkDuplicates, checkLevels, checkOptions, checkTuyen } from './checks/tables';
import { readInfo, resolvePeriod, t4FromWorkbook } from './checks/info';
import { computeMetrics, toTableData } from './checks/metrics';
import { checkRows, checkShares, normaliseRows } from './checks/rows';
import { checkSurveys } from './checks/surveys';
import { checkTotalFormulas, checkTotals } from './checks/totals';
import { checkPrevious } from './checks/previous';
import { reportConversions } from './checks/source';
import type { Push, TableInput } from './checks/context';
import { extractTable, headerOf, numberStyleOf, shareHeader } from './extract';
import { sortFindings, summarize, type Draft } from './findings';
import { pickTables, type LocatedTable } from './locate';
import { chooseSheets, unreadSheets } from './sheets';
import { withMessage } from './messages';
import { findSheet, rangeToA1, toA1, type Cell, type WorkbookModel } from './model';
import { type WindowKind } from './periods';
import { ruleSetFor } from './regimes';
import { readReportDate } from './reportDate';
import type { CheckReport, ExtractedData, InfoRecognition, TableData, TableRecognition } from './report';
import type { RuleSet } from './regimes';

export { rateMatches } from './checks/context';

export interface CheckOptions {
  /** The previous period's workbook, for T5 (carried over = previous pending). */
  previous?: WorkbookModel;
  /** T4 (3) = (7) + (11) holds only where returned files are counted in (7) or (11); overrides the workbook's KiemTraT4. */
  t4?: boolean;
  /** Which window the period kind implies: NĐ 09 (default) or calendar periods. */
  windowKind?: WindowKind;
  /** G2 answers that count as "would return" (default from the rule set: {4, 5}). */
  returnSet?: number[];
}

/** Checks a workbook against the contract and the rules of its period. Never throws on bad data. */
export function checkWorkbook(workbook: WorkbookModel, options: CheckOptions = {}): CheckReport {
  const drafts: Draft[] = [];
  const push: Push = (d) => drafts.push(d);
  // One period is read: hidden sheets and the other periods' sheets are left out, and named.
  const choice = chooseSheets(workbook);
  const model = choice.model;
  choice.findings.forEach(push);

  reportConversions(model, push);
  const info = readInfo(model, push);
  const t4 = options.t4 ?? t4FromWorkbook(info);
  const windowKind = options.windowKind ?? 'nd09';
  const period = resolvePeriod(model, info, windowKind, push);
  const rules = ruleSetFor(period?.to ?? todayIso());
  // The rules in force when the period began: a period straddling a change keeps what was lawful then.
  const rulesAtStart = period && period.from <= period.to ? ruleSetFor(period.from) : undefined;

  const data: ExtractedData = { unit: info.unit, recipient: info.recipient, tables: {} };
  const reportDate = readReportDate(model); // i10: the report's own date, for the date line
  if (reportDate) data.reportDate = reportDate;
  const found = pickTables(choice.candidates);
  const tables: Partial<Record<TableName, TableInput>> = {};
  const recognized: TableRecognition[] = [];
  // "1,380" is 1,38 in a Vietnamese workbook and 1380 in one typed throughout in English style.
  const { style } = numberStyleOf([...found.values()]);
  for (const spec of TABLES) {
    const lt = found.get(spec);
    if (!lt) {
      const sheet = findSheet(model, spec.sheet) ? spec.sheet : (model.sheets[0]?.name ?? spec.sheet);
      push({
        code: 'missing_table',
        severity: spec.required ? 'warning' : 'info',
        sheet,
        cell: 'A1',
        tableName: spec.name,
        title: spec.title,
        table: spec.name,
        columnsHint: spec.columns.filter((c) => !c.optional).slice(0, 4).map((c) => c.header),
      });
      continue;
    }
    if (lt.byHeaders) {
      push({ code: 'table_found_by_headers', sheet: lt.sheet.name, cell: toA1({ row: lt.headerTop, col: firstCol(lt) }), tableName: spec.name, table: spec.name });
    }
    reportAbsentColumns(lt, push);
    const ex = extractTable(lt, push, { style });
    normaliseRows(spec, ex);
    const input = { lt, ex };
    tables[spec.name] = input;
    checkRows(spec, lt, ex, t4, push);
    checkShares(spec, lt, ex, push);
    checkTotals(spec, lt, ex, push);
    checkTotalFormulas(lt, ex, push);
    data.tables[spec.name] = toTableData(spec, lt, ex);
    recognized.push(recognition(lt, ex.rows.length, ex.groups.length));
  }

  // Each table's checks over its rows, as its module lists them (src/core/tables/<table>.ts).
  for (const spec of TABLES) {
    const input = tables[spec.name];
    if (input) runTableChecks(spec, input, rules, rulesAtStart, push);
  }
  // The summary table and the raw answer sheets (which may exist without it): checks/surveys.ts.
  const answered = TABLES.find((t) => t.checks.some((c) => c.kind === 'answers'));
  const surveys = checkSurveys(model, (answered && tables[answered.name]) ?? null, { period, method: rules.satisfaction.method, ...(options.returnSet ? { returnSet: options.returnSet } : {}) }, push);
  // Figures on a sheet no table or answer sheet was read from are named, not silently left out.
  const unread = unreadSheets(model, choice.candidates);
  unread.forEach(push);
  // A blank workbook has nothing wrong in it and nothing in it either: it never passes. Figures on
  // a sheet not read are not "no data": sheet_not_read names them.
  // An answer sheet with no form read (0 phiếu) tells nothing either.
  const surveyFigures = Object.values(surveys.metrics).some((v) => v != null && v !== 0);
  // Said only where it is certainly true: tables found whose cells hold nothing (not even a value
  // that is no number, which has its own finding), or a workbook with nothing at all outside its
  // report information. A workbook of another shape, with text or figures but no table the
  // contract knows, is not "without data": missing_table says what was looked for.
  const tablesFound = Object.keys(data.tables).length;
  const typedSomething = drafts.some((d) => d.table !== undefined && CELL_VALUE_CODES.has(d.code));
  const empty = tablesFound > 0 ? !Object.values(data.tables).some(hasFigures) && !typedSomething : !holdsContent(model);
  if (empty && !surveyFigures && !unread.some((d) => d.code === 'sheet_not_read')) {
    const first = Object.values(data.tables)[0]?.sheet ?? model.sheets.find((s) => !s.hidden)?.name ?? workbook.sheets[0]?.name ?? '';
    push({ code: 'no_data', sheet: first, cell: 'A1', tablesFound });
  }
  if (options.previous) {
    checkPrevious(model, info, period, options.previous, windowKind, push);
    for (const spec of TABLES) {
      const input = tables[spec.name];
      if (input && spec.checks.some((c) => c.kind === 'carryOver')) checkCarryOver(input, options.previous, push);
    }
  }

  const issues = sortFindings(drafts.map(withMessage), workbook.sheets.map((s) => s.name));
  const report: CheckReport = {
    contract: CONTRACT_VERSION,
    summary: summarize(issues),
    issues,
    // Figures computed from the answer sheets complete (and override) the summary table's.
    metrics: { ...computeMetrics(data), ...surveys.metrics },
    data,
    recognized: { tables: recognized, info: infoRecognition(info) },
  };
  if (workbook.fileName) report.file = workbook.fileName;
  if (period) report.period = { ...period, regime: rules.id };
  return report;
}

/** The checks a table's module lists, in its order; carry-over runs with the previous workbook only. */
function runTableChecks(spec: TableModule, input: TableInput, rules: RuleSet, rulesAtStart: RuleSet | undefined, push: Push): void {
  for (const c of spec.checks) {
    switch (c.kind) {
      case 'duplicates':
        checkDuplicates(input, c.key ?? ((r) => r.label), push, c.conflicts);
        break;
      case 'options':
        checkOptions(input, c.column, c.options, push);
        break;
      case 'tuyen':
        checkTuyen(input, rules, push, rulesAtStart);
        break;
      case 'levels':
        checkLevels(input, rules, push, rulesAtStart);
        break;
      case 'caps':
        checkCaps(input, rules, push);
        break;
      case 'carryOver':
      case 'answers':
        break;
    }
  }
}

/**
 * A table holds a figure: a number in a data row (a 0 typed is one), or a total other than 0 (a
 * blank template's totals row sums nothing to 0).
 */
function hasFigures(t: TableData): boolean {
  return t.rows.some((r) => Object.values(r.values).some((v) => v != null)) || Object.values(t.total?.values ?? {}).some((v) => v != null && v !== 0);
}

/** Findings about what a cell of a table holds: the officer typed something there. */
const CELL_VALUE_CODES: ReadonlySet<string> = new Set(['not_a_number', 'text_number', 'error_value', 'negative_count', 'fractional_count', 'value_out_of_bounds', 'rate_out_of_range']);

/** Whether a visible sheet other than the report information holds anything at all. */
function holdsContent(model: WorkbookModel): boolean {
  return model.sheets.some((sh) => !sh.hidden && sh.name !== SHEET_INFO && sh.rows.some((row) => row?.some((c) => c?.v != null && String(c.v).trim() !== '')));
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Leftmost column found, where table-level findings point. */
function firstCol(lt: LocatedTable): number {
  const cols = Object.values(lt.col);
  return cols.length ? Math.min(...cols) : 0;
}

/** An absent column is not wrong: it says which checks could not run, or that its figure was completed from its parts. */
function reportAbsentColumns(lt: LocatedTable, push: Push): void {
  const spec = lt.spec;
  for (const c of spec.columns) {
    if (c.optional || lt.col[c.key] !== undefined) continue;
    const has = (k: string) => lt.col[k] !== undefined;
    const derivable = IDENTITIES.some(
      (id) =>
        id.table === spec.name &&
        ((id.derive && id.total === c.key && id.parts.every((p) => has(p) || id.optionalParts?.includes(p))) ||
          (id.solve && id.parts.includes(c.key) && has(id.total) && id.parts.every((p) => p === c.key || has(p)))),
    );
    // A missing part of a total that is completed from its parts (T3's "trong hạn") still leaves
    // that total unchecked where the sheet states it.
    const ids = IDENTITIES.filter((id) => id.table === spec.name && (id.total === c.key ? !id.derive : id.parts.includes(c.key) && !id.optionalParts?.includes(c.key))).map(
      (id) => `${headerOf(spec, id.total)} = ${id.parts.filter((p) => !id.optionalParts?.includes(p)).map((p) => headerOf(spec, p).toLocaleLowerCase('vi')).join(' + ')}`,
    );
    const unchecked = derivable
      ? 'đã lấy bằng tổng các cột thành phần'
      : c.kind === 'derivedRate' || c.kind === 'derivedCount'
        ? 'cột tính toán, trợ lý tự tính'
        : ids.length
          ? `chưa kiểm tra được ${ids.join('; ')}`
          : 'số liệu của cột này không được kiểm tra';
    push({
      code: 'missing_column',
      severity: derivable || c.kind === 'derivedRate' || c.kind === 'derivedCount' ? 'info' : 'warning',
      sheet: lt.sheet.name,
      cell: toA1({ row: lt.headerRow, col: firstCol(lt) }),
      tableName: spec.name,
      title: spec.title,
      table: spec.name,
      header: c.header,
      unchecked,
    });
  }
}

function recognition(lt: LocatedTable, dataRows: number, groupRows: number): TableRecognition {
  const spec: TableSpec = lt.spec;
  const cols = [...Object.values(lt.col), ...Object.values(lt.shares)];
  const c1 = cols.length ? Math.max(...cols) : 0;
  const columns = allColumns(spec)
    .filter((c) => lt.col[c.key] !== undefined)
    .map((c) => {
      const at = lt.at[c.key] ?? { row: lt.headerRow, col: lt.col[c.key]! };
      return { key: c.key, header: c.header, cell: toA1(at), text: cellText(lt.sheet.rows[at.row]?.[at.col]) };
    });
  const out: TableRecognition = {
    table: spec.name,
    title: spec.title,
    sheet: lt.sheet.name,
    range: rangeToA1({ start: { row: lt.headerTop, col: firstCol(lt) }, end: { row: Math.max(lt.lastRow, lt.headerRow), col: c1 } }),
    how: lt.byHeaders ? 'headers' : 'name',
    headerRows: lt.headerTop === lt.headerRow ? String(lt.headerRow + 1) : `${lt.headerTop + 1}:${lt.headerRow + 1}`,
    columns,
    absent: spec.columns.filter((c) => lt.col[c.key] === undefined).map((c) => c.header),
    dataRows,
    groupRows,
  };
  const shares = columns
    .filter((c) => lt.shareAt[c.key] !== undefined)
    .map((c) => {
      const at = lt.shareAt[c.key]!;
      return { key: c.key, header: shareHeader(spec, c.key), cell: toA1(at), text: cellText(lt.sheet.rows[at.row]?.[at.col]) };
    });
  if (shares.length) out.shares = shares;
  if (lt.numberRow !== undefined) out.numberRow = lt.numberRow + 1;
  if (lt.totalRow !== undefined) out.totalRow = lt.totalRow + 1;
  return out;
}

function infoRecognition(info: ReturnType<typeof readInfo>): InfoRecognition[] {
  return Object.values(info.values).map((v) => ({ name: v.name, label: v.label, sheet: v.sheet, cell: v.cell, source: v.source, value: shownValue(v), ...(v.from ? { from: v.from } : {}) }));
}

/** A date stored as an Excel serial is shown as the date the officer sees in the cell, not "44727". */
function shownValue(v: { name: string; value: Cell | undefined }): string {
  const raw = v.value?.v;
  if ((v.name === 'TuNgay' || v.name === 'DenNgay') && typeof raw === 'number') {
    const iso = serialToIso(raw);
    if (iso) return formatDate(iso);
  }
  // A number that is no date or too large to print plainly (a date cell of 1e308 reads as NaN):
  // words or "1 × 10³⁰⁸", never "NaN" or "1e+308".
  if (typeof raw === 'number' && !Number.isFinite(raw)) return 'số không đọc được';
  if (typeof raw === 'number' && Math.abs(raw) >= 1e15) return formatNumber(raw);
  return cellText(v.value);
}
