/**
 * Writes the standard workbook `cchc-workbook/1` with ExcelJS: the blank template, the filled
 * samples, and test workbooks (including a "foreign" layout that moves the tables and drops the
 * formulas, to prove the checker finds data by table and header, not by address). The same layout
 * also goes onto the project's own writer's draft (draftWorkbook, workbook-writer.ts), which the
 * consolidated workbook of `cchc merge` is written with: ExcelJS is loaded only by buildWorkbook.
 *
 * Every formula cell is written with its cached result (computed with src/core), so the file
 * reads correctly before Excel ever recalculates it. Formulas use A1 references: ExcelJS writes
 * structured references ([@col]) verbatim, which Excel may refuse.
 */
import type ExcelJS from 'exceljs';
import { CONTRACT_VERSION, LISTS_SHEET, PERIOD_KINDS, SHEET_INFO, SHEET_STAFF, SHEET_SURVEY, SHEET_TTHC, type ColumnSpec, type InfoName, type PeriodKind, type TableName } from '../core/contract';
import { TABLES, derivedRateValue, type SampleCell, type SampleFill, type TableModule } from '../core/tables';
import { colToLetters, type Scalar } from '../core/model';
import { reportingWindow } from '../core/periods';
import { isoToSerial, periodTitle } from '../core/format';
import { ruleSetFor } from '../core/regimes';
import { roundTo } from '../core/numbers';
import { escapeXml, spreadsheetText } from '../core/xml-text';
import { newSaxesParser } from '../zip/saxes';
import { WorkbookDraft, type LayoutBook, type LayoutCell, type LayoutSheet } from './workbook-writer';

/** A cell as a test or sample wants it: a value, typed text ("2.771"), or an explicit formula. */
export type CellInput = SampleCell;

/** A table's rows by column key (a value for a derived column types it instead of the formula), and totals cells. */
export type TableFill = SampleFill;

export interface BuildOptions {
  unit?: string;
  recipient?: string;
  periodKind?: PeriodKind;
  year?: number;
  /** Typed TuNgay/DenNgay (ISO dates) instead of the NĐ 09 formulas; may be reversed on purpose. */
  window?: { from: string; to: string };
  tables?: Partial<Record<TableName, TableFill>>;
  /** Empty rows in tables that get no rows (the blank template). */
  blankRows?: number;
  /**
   * standard: the shipped layout. foreign: tables start at column C, row 8 on their sheets, no
   * titles, styles or validations, and every formula replaced by its value.
   */
  layout?: 'standard' | 'foreign';
  /** Skip data validations (very large test workbooks write much faster without them). */
  validations?: boolean;
}

/** The layout makes only the calls of ExcelJS's API that the draft also takes (workbook-writer.ts). */
type Book = LayoutBook;
type Sheet = LayoutSheet;
type Cell = LayoutCell;

const COUNT_FMT = '#,##0';
const RATE_FMT = '0.00';
const DATE_FMT = 'dd/mm/yyyy';
const TOTAL_LABEL = 'Tổng cộng';

const SHEET_HEADINGS: Record<string, string> = {
  [SHEET_TTHC]: 'SỐ LIỆU KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  [SHEET_STAFF]: 'SỐ LIỆU BIÊN CHẾ, ĐÁNH GIÁ CÔNG CHỨC, VIÊN CHỨC',
  [SHEET_SURVEY]: 'SỐ LIỆU KHẢO SÁT SỰ HÀI LÒNG',
};

/** Cell addresses of the "Thông tin" values, by layout. */
export function infoCell(name: InfoName, layout: 'standard' | 'foreign' = 'standard'): string {
  const i = ['PhienBanMau', 'DonViBaoCao', 'DonViNhan', 'KyBaoCao', 'NamBaoCao', 'TuNgay', 'DenNgay', 'KiemTraT4'].indexOf(name);
  return layout === 'standard' ? `B${3 + i}` : `D${5 + i}`;
}

const isFormula = (x: CellInput | undefined): x is { formula: string; result?: Scalar } => !!x && typeof x === 'object';

/** Numeric content of a written cell as Excel's arithmetic sees it; `bad` for text that breaks it. */
function numericOf(v: ExcelJS.CellValue): { n: number | null; bad: boolean } {
  if (v == null || v === '') return { n: null, bad: false };
  if (typeof v === 'number') return { n: v, bad: false };
  if (typeof v === 'object' && 'formula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return typeof r === 'number' ? { n: r, bad: false } : { n: null, bad: r != null && r !== '' };
  }
  return { n: null, bad: true };
}

function addLists(wb: Book, tuyen: string[]) {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  // Column 1 is the period kinds; each table's enum columns name the column of their list.
  const cols: [number, string, readonly string[]][] = [[1, 'Kỳ báo cáo', PERIOD_KINDS], ...TABLES.flatMap((t) => t.lists.map((l): [number, string, readonly string[]] => [l.sheetColumn, l.title, l.items === 'tuyen' ? tuyen : l.items]))];
  for (const [c, head, items] of cols) {
    ws.getCell(1, c).value = head;
    items.forEach((it, r) => (ws.getCell(r + 2, c).value = it));
  }
  return (col: number, n: number) => `'${LISTS_SHEET}'!$${colToLetters(col - 1)}$2:$${colToLetters(col - 1)}$${n + 1}`;
}

function listValidation(formula: string, title: string): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning', errorTitle: title, error: `Hãy chọn một giá trị trong danh sách ${title.toLowerCase()}.` };
}

const COUNT_VALIDATION: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Số không hợp lệ',
  error: 'Hãy nhập số nguyên không âm (0, 1, 2…).',
};

const RATE_VALIDATION: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'between',
  allowBlank: true,
  formulae: [0, 100],
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: 'Tỷ lệ không hợp lệ',
  error: 'Tỷ lệ tính theo phần trăm, từ 0 đến 100 (ví dụ 92,03).',
};

export interface TablePosition {
  /** 1-based sheet row of the header row and column of the first column. */
  headerRow: number;
  col0: number;
  /** Data rows (without header and totals). */
  rows: number;
  /** Sheet row of the totals row, if the table has one. */
  totalsRow?: number;
}

/**
 * Where buildWorkbook puts each table: stacked on its sheet, a title row above each (standard) and
 * blank rows between. Exported so samples and tests can name the cells of planted mistakes.
 */
export function tablePositions(options: BuildOptions = {}): Record<TableName, TablePosition> {
  const std = (options.layout ?? 'standard') === 'standard';
  const next = new Map<string, number>();
  const out = {} as Record<TableName, TablePosition>;
  for (const spec of TABLES) {
    const start = next.get(spec.sheet) ?? (std ? 4 : 8);
    const headerRow = std ? start + 1 : start;
    const rows = options.tables?.[spec.name]?.rows.length || (options.blankRows ?? 5);
    const pos: TablePosition = { headerRow, col0: std ? 1 : 3, rows };
    let end = headerRow + rows;
    if (spec.totals.length) pos.totalsRow = ++end;
    out[spec.name] = pos;
    next.set(spec.sheet, end + (std ? 2 : 3));
  }
  return out;
}

/** A1 address of a column's cell in a data row (0-based `row`) or, with row = 'totals', the totals row. */
export function tableCell(options: BuildOptions, table: TableName, row: number | 'totals', key: string): string {
  const pos = tablePositions(options)[table];
  const spec = TABLES.find((t) => t.name === table)!;
  const j = spec.columns.findIndex((c) => c.key === key);
  if (j < 0) throw new Error(`no column ${key} in ${table}`);
  const r = row === 'totals' ? pos.totalsRow! : pos.headerRow + 1 + row;
  return `${colToLetters(pos.col0 - 1 + j)}${r}`;
}

export async function buildWorkbook(options: BuildOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const customTotals = layOut(wb, options);
  const out = await wb.xlsx.writeBuffer();
  return withTotalsRowFormulas(new Uint8Array(out as ArrayBuffer), customTotals);
}

/** The same workbook laid out on the project's own writer's draft (workbook-writer.ts, writeDraft): no ExcelJS. */
export function draftWorkbook(options: BuildOptions = {}): WorkbookDraft {
  const wb = new WorkbookDraft();
  // Office's default theme as ExcelJS ships it (a string module, nothing else of ExcelJS is loaded):
  // the tables' style (TableStyleLight9) draws its colours from the theme.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wb.theme = require('exceljs/lib/xlsx/xml/theme1.js') as string;
  layOut(wb, options);
  return wb;
}

/** Lays the workbook out on `wb`; returns each table's totals-row formulas by column (withTotalsRowFormulas). */
function layOut(wb: Book, options: BuildOptions): Map<string, Map<number, string>> {
  const layout = options.layout ?? 'standard';
  const std = layout === 'standard';
  const validate = std && options.validations !== false;
  wb.creator = 'Trợ lý báo cáo CCHC';
  // Fixed dates keep regenerated assets comparable.
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;

  const kind = options.periodKind;
  const year = options.year;
  const nd09 = kind && year ? reportingWindow(kind, year) : null;
  const periodEnd = options.window?.to ?? nd09?.to ?? '9999-12-31';
  const tuyen = ruleSetFor(periodEnd).tuyen.options;

  const info = wb.addWorksheet(SHEET_INFO);
  const sheets = new Map<string, Sheet>();
  for (const name of [SHEET_TTHC, SHEET_STAFF, SHEET_SURVEY]) sheets.set(name, wb.addWorksheet(name));
  const listRef = validate ? addLists(wb, tuyen) : null;

  // ---- Thông tin
  const infoValues: Record<InfoName, ExcelJS.CellValue> = {
    PhienBanMau: CONTRACT_VERSION,
    DonViBaoCao: options.unit ?? null,
    DonViNhan: options.recipient ?? null,
    KyBaoCao: kind ?? null,
    NamBaoCao: year ?? null,
    TuNgay: null,
    DenNgay: null,
    KiemTraT4: 'Có',
  };
  const ky = infoCell('KyBaoCao', layout);
  const nam = infoCell('NamBaoCao', layout);
  const kinds = `{${PERIOD_KINDS.map((k) => `"${k}"`).join(',')}}`;
  const windowFormula = (months: number[], day: number) =>
    `IF(OR(${ky}="",${nam}=""),"",DATE(${nam},CHOOSE(MATCH(${ky},${kinds},0),${months.join(',')}),${day}))`;
  if (options.window) {
    infoValues.TuNgay = isoToSerial(options.window.from);
    infoValues.DenNgay = isoToSerial(options.window.to);
  } else if (std) {
    // Month 0 of DATE is December of the year before, which is where the NĐ 09 windows of Quý I, 6/9 tháng and Năm start.
    infoValues.TuNgay = { formula: windowFormula([0, 3, 6, 9, 0, 6, 0, 0], 15), result: nd09 ? isoToSerial(nd09.from) : '' } as ExcelJS.CellFormulaValue;
    infoValues.DenNgay = { formula: windowFormula([3, 6, 9, 12, 6, 12, 9, 12], 14), result: nd09 ? isoToSerial(nd09.to) : '' } as ExcelJS.CellFormulaValue;
  } else if (nd09) {
    infoValues.TuNgay = isoToSerial(nd09.from);
    infoValues.DenNgay = isoToSerial(nd09.to);
  }
  const hints: Partial<Record<InfoName, string>> = {
    PhienBanMau: 'Không sửa: cho biết phiên bản mẫu',
    KyBaoCao: 'Chọn trong danh sách',
    TuNgay: 'Mặc định theo Nghị định 09/2019/NĐ-CP; có thể ghi đè',
    DenNgay: 'Mặc định theo Nghị định 09/2019/NĐ-CP; có thể ghi đè',
    KiemTraT4: 'Chọn «Không» nếu hồ sơ trả lại, rút không được tính vào cột (7) hay (11)',
  };
  if (std) {
    info.getCell('A1').value = 'THÔNG TIN CHUNG CỦA BÁO CÁO CẢI CÁCH HÀNH CHÍNH';
    info.getCell('A1').font = { bold: true, size: 13 };
    info.mergeCells('A1:C1');
    info.getColumn(1).width = 24;
    info.getColumn(2).width = 36;
    info.getColumn(3).width = 50;
  }
  const labelCol = std ? 'A' : 'C';
  const INFO_LABELS: Record<InfoName, string> = {
    PhienBanMau: 'Phiên bản mẫu',
    DonViBaoCao: 'Đơn vị báo cáo',
    DonViNhan: 'Đơn vị nhận báo cáo',
    KyBaoCao: 'Kỳ báo cáo',
    NamBaoCao: 'Năm báo cáo',
    TuNgay: 'Từ ngày',
    DenNgay: 'Đến ngày',
    KiemTraT4: 'Kiểm tra (3) = (7) + (11)',
  };
  for (const name of Object.keys(infoValues) as InfoName[]) {
    const addr = infoCell(name, layout);
    const cell = info.getCell(addr);
    info.getCell(`${labelCol}${cell.row}`).value = INFO_LABELS[name];
    const value = infoValues[name];
    cell.value = typeof value === 'string' ? spreadsheetText(value) : value;
    if (name === 'TuNgay' || name === 'DenNgay') cell.numFmt = DATE_FMT;
    if (std) {
      info.getCell(`A${cell.row}`).font = { bold: true };
      if (hints[name]) info.getCell(`C${cell.row}`).value = hints[name];
      info.getCell(`C${cell.row}`).font = { italic: true, color: { argb: 'FF666666' } };
    }
    wb.definedNames.add(`'${SHEET_INFO}'!$${addr.replace(/\d+/, '')}$${addr.replace(/\D+/, '')}`, name);
  }
  if (listRef) {
    info.getCell(ky).dataValidation = listValidation(listRef(1, PERIOD_KINDS.length), 'Kỳ báo cáo');
    info.getCell(nam).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [2000, 2100], showErrorMessage: true, errorTitle: 'Năm báo cáo', error: 'Hãy nhập năm có 4 chữ số, ví dụ 2023.' };
    info.getCell(infoCell('KiemTraT4', layout)).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'], showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Kiểm tra (3) = (7) + (11)', error: 'Hãy chọn Có hoặc Không.' };
    for (const n of ['TuNgay', 'DenNgay'] as const) {
      info.getCell(infoCell(n, layout)).dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Ngày không hợp lệ', error: 'Hãy nhập ngày dạng dd/mm/yyyy.' };
    }
  }

  // ---- Tables, stacked on their sheets
  const subtitle = [options.unit, kind && year ? periodTitle(kind, year) : null].filter(Boolean).join(' – ');
  for (const [name, ws] of sheets) {
    if (std) {
      ws.getCell('A1').value = SHEET_HEADINGS[name] ?? name;
      ws.getCell('A1').font = { bold: true, size: 13 };
      if (subtitle) ws.getCell('A2').value = subtitle;
      ws.getCell('A2').font = { italic: true };
      ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
    }
  }

  const positions = tablePositions(options);
  const customTotals = new Map<string, Map<number, string>>();
  for (const spec of TABLES) {
    const ws = sheets.get(spec.sheet)!;
    const pos = positions[spec.name];
    let row = pos.headerRow - (std ? 1 : 0);
    const col0 = pos.col0;
    const width = spec.columns.length;
    if (std) {
      const t = ws.getCell(row, col0);
      t.value = spec.title;
      t.font = { bold: true, size: 12 };
      ws.mergeCells(row, col0, row, col0 + width - 1);
      row++;
      if (!ws.views.length) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: row, topLeftCell: `A${row + 1}`, activeCell: `A${row + 1}` }];
    }
    const fill = options.tables?.[spec.name];
    const given = fill?.rows ?? [];
    const nRows = pos.rows;
    const totalsFormulas = writeTable(ws, spec, row, col0, given, nRows, fill?.totals, std);
    if (totalsFormulas.size) customTotals.set(spec.name, totalsFormulas);
    if (std) {
      spec.columns.forEach((c, j) => {
        const column = ws.getColumn(col0 + j);
        column.width = Math.max(column.width ?? 0, c.width ?? 12);
      });
      if (validate) addValidations(ws, spec, row + 1, nRows, col0, listRef!, tuyen.length);
    }
  }

  return customTotals;
}

/**
 * ExcelJS 4.4 writes a column's totalsRowFunction="custom" but never its <totalsRowFormula>
 * (its TableColumnXform renders the column as an empty element), and a custom total without
 * its formula is a table Excel may "repair" when the file opens: ISO/IEC 29500-1 §18.5.1.6, "If a
 * more custom calculation is desired, then this element should be used, and the
 * totalsRowFunction shall be set to 'custom'"
 * (https://learn.microsoft.com/previous-versions/office/developer/office-2010/cc802495(v=office.14)).
 * Each such column of ExcelJS's table parts gets its formula, the one its totals cell holds, as
 * Excel writes it. Positions come from saxes (src/zip/saxes.ts) and only the empty
 * `<tableColumn …/>` element is rewritten; the package's other parts are copied by JSZip as they
 * were compressed.
 */
async function withTotalsRowFormulas(bytes: Uint8Array, formulas: ReadonlyMap<string, ReadonlyMap<number, string>>): Promise<Uint8Array> {
  if (!formulas.size) return bytes;
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const done = new Set<string>();
  for (const f of Object.values(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(f.name)) continue;
    const xml = await f.async('string');
    const edits: { at: number; end: number; text: string }[] = [];
    let own: ReadonlyMap<number, string> | undefined;
    let column = -1;
    const parser = newSaxesParser();
    parser.on('opentag', (tag) => {
      const name = tag.name.slice(tag.name.indexOf(':') + 1);
      if (name === 'table') {
        own = formulas.get(tag.attributes.displayName ?? tag.attributes.name ?? '');
        if (own) done.add(tag.attributes.displayName ?? tag.attributes.name!);
      }
      if (name !== 'tableColumn') return;
      column++;
      const formula = own?.get(column);
      if (formula === undefined) return;
      if (!tag.isSelfClosing || tag.attributes.totalsRowFunction !== 'custom') throw new Error(`ExcelJS wrote table column ${column} of ${f.name} unexpectedly`);
      const end = parser.position;
      edits.push({ at: end - 2, end, text: `><totalsRowFormula>${escapeXml(formula)}</totalsRowFormula></tableColumn>` });
    });
    parser.write(xml).close();
    if (!edits.length) continue;
    let out = '';
    let from = 0;
    for (const e of edits) {
      out += xml.slice(from, e.at) + e.text;
      from = e.end;
    }
    zip.file(f.name, out + xml.slice(from));
  }
  const missing = [...formulas.keys()].filter((t) => !done.has(t));
  if (missing.length) throw new Error(`no table part for ${missing.join(', ')}`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function addValidations(ws: Sheet, spec: TableModule, firstRow: number, nRows: number, col0: number, listRef: (c: number, n: number) => string, nTuyen: number) {
  spec.columns.forEach((c, j) => {
    const l = spec.lists.find((x) => x.column === c.key);
    const list = l && { col: l.sheetColumn, list: l.items };
    const dv =
      list ? listValidation(listRef(list.col, list.list === 'tuyen' ? nTuyen : list.list.length), c.header) : c.kind === 'count' ? COUNT_VALIDATION : c.kind === 'rate' ? RATE_VALIDATION : null;
    if (!dv) return;
    for (let r = firstRow; r < firstRow + nRows; r++) ws.getCell(r, col0 + j).dataValidation = dv;
  });
}

/**
 * Formula and cached result of a derived column in one row (A1 refs to the same row), both from
 * the table module's definition of the column (src/core/tables/), as the checker recomputes it.
 */
function derived(spec: TableModule, c: ColumnSpec, addrOf: (key: string) => string, valueOf: (key: string) => ExcelJS.CellValue): { formula: string; result: Scalar } | null {
  const def = spec.derivedCounts.find((d) => d.key === c.key) ?? spec.derivedRates.find((d) => d.key === c.key);
  if (!def) return null;
  const nums = def.parts.map((k) => [k, numericOf(valueOf(k))] as const);
  const values = Object.fromEntries(nums.map(([k, v]) => [k, v.n]));
  if ('compute' in def) {
    const result = nums.some(([, v]) => v.bad) ? null : def.compute(values);
    return { formula: def.excel(addrOf), result: result ?? '' };
  }
  const p = derivedRateValue(def, values);
  return { formula: def.excel(addrOf), result: p == null ? '' : roundTo(p, 2) };
}

/**
 * Text goes through src/core/xml-text.ts: ExcelJS escapes markup but writes U+FFFF, lone
 * surrogates and controls as they are (an ill-formed shared-strings part) and a literal `_x0041_`
 * that readers decode as "A".
 */
function toCellValue(x: CellInput | undefined): ExcelJS.CellValue {
  if (x === undefined) return null;
  if (isFormula(x)) return { formula: x.formula.replace(/^=/, ''), result: x.result ?? undefined } as ExcelJS.CellFormulaValue;
  return typeof x === 'string' ? spreadsheetText(x) : x;
}

/**
 * Writes one table with its header at `headerRow`, first column `col0`. Returns the formulas of
 * its totals row by column index (0-based), for withTotalsRowFormulas.
 */
function writeTable(
  ws: Sheet,
  spec: TableModule,
  headerRow: number,
  col0: number,
  given: readonly Partial<Record<string, CellInput>>[],
  nRows: number,
  totals: Partial<Record<string, CellInput>> | undefined,
  std: boolean,
): Map<number, string> {
  const totalsFormulas = new Map<number, string>();
  const hasTotals = spec.totals.length > 0;
  const keys = spec.columns.map((c) => c.key);
  const colOf = (key: string) => col0 + keys.indexOf(key);
  const addr = (key: string, r: number) => `${colToLetters(colOf(key) - 1)}${r}`;
  const first = headerRow + 1;
  const last = headerRow + nRows;
  ws.addTable({
    name: spec.name,
    ref: `${colToLetters(col0 - 1)}${headerRow}`,
    headerRow: true,
    totalsRow: hasTotals,
    style: std ? { theme: 'TableStyleLight9', showRowStripes: true } : { theme: undefined, showRowStripes: false },
    columns: spec.columns.map((c, j) =>
      j === 0 ? { name: c.header, totalsRowLabel: TOTAL_LABEL, filterButton: false } : { name: c.header, totalsRowFunction: 'none', filterButton: false },
    ),
    rows: Array.from({ length: nRows }, () => keys.map(() => null)),
  });

  for (let i = 0; i < nRows; i++) {
    const r = first + i;
    const data = given[i] ?? {};
    for (const c of spec.columns) {
      if (c.kind === 'derivedCount' || c.kind === 'derivedRate') continue;
      const cell = ws.getCell(r, colOf(c.key));
      cell.value = toCellValue(data[c.key]);
      styleCell(cell, c, std);
    }
    for (const c of spec.columns) {
      if (c.kind !== 'derivedCount' && c.kind !== 'derivedRate') continue;
      const cell = ws.getCell(r, colOf(c.key));
      const blankRow = i >= given.length;
      if (data[c.key] !== undefined) cell.value = toCellValue(data[c.key]);
      else {
        const d = derived(spec, c, (k) => addr(k, r), (k) => ws.getCell(r, colOf(k)).value);
        if (d) cell.value = std || blankRow ? ({ formula: d.formula, result: d.result === '' ? undefined : d.result } as ExcelJS.CellFormulaValue) : d.result === '' ? null : d.result;
        if (!std && blankRow) cell.value = null;
      }
      styleCell(cell, c, std);
    }
  }
  if (!hasTotals) return totalsFormulas;

  const tr = last + 1;
  const table = ws.getTable(spec.name) as unknown as { table: { columns: { totalsRowFunction?: string; totalsRowFormula?: string; totalsRowResult?: unknown }[] } };
  for (const c of spec.columns.slice(1)) {
    const cell = ws.getCell(tr, colOf(c.key));
    const j = keys.indexOf(c.key);
    const colModel = table.table.columns[j]!;
    if (totals?.[c.key] !== undefined) cell.value = toCellValue(totals[c.key]);
    else if (spec.totals.includes(c.key)) {
      let s = 0;
      for (let r = first; r <= last; r++) s += numericOf(ws.getCell(r, colOf(c.key)).value).n ?? 0;
      const formula = `SUBTOTAL(109,${addr(c.key, first)}:${addr(c.key, last)})`;
      cell.value = std ? ({ formula, result: s } as ExcelJS.CellFormulaValue) : s;
    } else if (c.kind === 'derivedRate') {
      const d = derived(spec, c, (k) => addr(k, tr), (k) => ws.getCell(tr, colOf(k)).value);
      if (d) cell.value = std ? ({ formula: d.formula, result: d.result === '' ? undefined : d.result } as ExcelJS.CellFormulaValue) : d.result === '' ? null : d.result;
    }
    // A formula in the totals row is a custom total: the column says so and carries the same
    // formula (withTotalsRowFormulas). A constant, or nothing, stays "none".
    const v = cell.value as ExcelJS.CellFormulaValue | null;
    if (v && typeof v === 'object' && typeof v.formula === 'string') {
      colModel.totalsRowFunction = 'custom';
      colModel.totalsRowFormula = v.formula;
      totalsFormulas.set(j, v.formula);
    }
    styleCell(cell, c, std);
    if (std) cell.font = { bold: true };
  }
  const label = ws.getCell(tr, col0);
  label.value = TOTAL_LABEL;
  if (std) label.font = { bold: true };
  return totalsFormulas;
}

function styleCell(cell: Cell, c: ColumnSpec, std: boolean) {
  if (!std) return;
  if (c.kind === 'count' || c.kind === 'derivedCount') cell.numFmt = COUNT_FMT;
  else if (c.kind === 'rate' || c.kind === 'derivedRate') cell.numFmt = RATE_FMT;
}
