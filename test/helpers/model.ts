import { INFO_NAMES, SHEET_INFO, type InfoName, type TableName } from '../../src/core/contract';
import { tableSpec } from '../../src/core/tables';
import { parseA1, toA1, type Cell, type Scalar, type SheetGrid, type WorkbookModel } from '../../src/core/model';
import { isoToSerial } from '../../src/core/periods';

/**
 * Builds WorkbookModels in memory the way hosts deliver them, so core tests can state a sheet in
 * a few lines: tables by name at any position, or plain ranges under title rows (`asTable: false`).
 */
export type In = Scalar | Cell;

export interface TableInput {
  name: TableName;
  sheet?: string;
  /** Top-left cell of the header row. */
  at?: string;
  /** Header texts (default: the contract's headers in order). */
  headers?: string[];
  rows: In[][];
  /** Values of the totals row (first cell is the label). */
  total?: In[];
  /** false: no Excel table object, only cells (found by headers). */
  asTable?: boolean;
  /** Text of a title row written two rows above the header. */
  title?: string;
}

export interface ModelInput {
  fileName?: string;
  info?: Partial<Record<InfoName, In>>;
  /** Put info values as labelled cells without defined names. */
  infoWithoutNames?: boolean;
  tables?: TableInput[];
}

const toCell = (x: In): Cell | undefined => (x === undefined ? undefined : x !== null && typeof x === 'object' ? x : { v: x });

export const date = (iso: string): Cell => ({ v: isoToSerial(iso), z: 'dd/mm/yyyy' });
export const f = (formula: string, v: Scalar): Cell => ({ f: formula, v });

export function buildModel(input: ModelInput): WorkbookModel {
  const sheets = new Map<string, SheetGrid>();
  const sheet = (name: string) => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = { name, rows: [] }));
    return s;
  };
  const put = (s: SheetGrid, row: number, col: number, c: Cell | undefined) => {
    if (!c) return;
    (s.rows[row] ??= [])[col] = c;
  };
  const model: WorkbookModel = { sheets: [], tables: [], names: [] };
  if (input.fileName) model.fileName = input.fileName;

  if (input.info) {
    const s = sheet(SHEET_INFO);
    INFO_NAMES.forEach((spec, i) => {
      if (!(spec.name in input.info!)) return;
      put(s, i + 1, 0, { v: spec.label });
      put(s, i + 1, 1, toCell(input.info![spec.name] as In) ?? { v: null });
      if (!input.infoWithoutNames) model.names.push({ name: spec.name, sheet: SHEET_INFO, cell: toA1({ row: i + 1, col: 1 }) });
    });
  }
  for (const t of input.tables ?? []) {
    const spec = tableSpec(t.name);
    const s = sheet(t.sheet ?? spec.sheet);
    const at = parseA1(t.at ?? 'A3');
    const headers = t.headers ?? spec.columns.map((c) => c.header);
    if (t.title) put(s, at.row - 2, at.col, { v: t.title });
    headers.forEach((h, i) => put(s, at.row, at.col + i, { v: h }));
    t.rows.forEach((r, ri) => r.forEach((x, ci) => put(s, at.row + 1 + ri, at.col + ci, toCell(x))));
    let last = at.row + t.rows.length;
    if (t.total) {
      last++;
      t.total.forEach((x, ci) => put(s, last, at.col + ci, toCell(x)));
    }
    if (t.asTable !== false) {
      model.tables.push({
        name: t.name,
        sheet: s.name,
        ref: `${toA1(at)}:${toA1({ row: last, col: at.col + headers.length - 1 })}`,
        headerRow: true,
        totalsRow: !!t.total,
      });
    }
  }
  model.sheets = [...sheets.values()];
  return model;
}

/** Standard Thông tin values for a period. */
export function infoFor(kind: string, year: number, from: string, to: string, unit = 'Sở Y tế tỉnh Kon Tum'): Partial<Record<InfoName, In>> {
  return {
    PhienBanMau: 'cchc-workbook/1',
    DonViBaoCao: unit,
    DonViNhan: 'Sở Nội vụ',
    KyBaoCao: kind,
    NamBaoCao: year,
    TuNgay: date(from),
    DenNgay: date(to),
  };
}
