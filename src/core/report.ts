import type { Finding, Summary } from './findings';
import type { TableName } from './contract';

/** The reporting window the checks used. Dates are ISO "YYYY-MM-DD". */
export interface PeriodInfo {
  kind: string;
  year: number;
  from: string;
  to: string;
  /** Id of the rule set chosen by the period's end date (see regimes.ts). */
  regime: string;
  /** Where `from`/`to` came from: the workbook's TuNgay/DenNgay or, if absent, the NĐ 09 window. */
  source: 'workbook' | 'nd09' | 'calendar';
}

/** One data row of a contract table, with the figures normalised. */
export interface DataRow {
  /** 1-based sheet row number. */
  sheetRow: number;
  label: string;
  /** Numbers by column key; null when blank or unusable (a finding says why). */
  values: Record<string, number | null>;
  /** Text cells by column key (labels, enums), trimmed; null when blank. */
  text: Record<string, string | null>;
  /** A1 address of each column's cell in this row, by column key. */
  cells: Record<string, string>;
}

export interface TableData {
  name: TableName;
  sheet: string;
  /** Data rows that hold anything (blank lines skipped, total rows excluded). */
  rows: DataRow[];
  /** Sums over `rows` of every numeric column (null where no row has a number). */
  sums: Record<string, number | null>;
  /** The stated total row (Excel totals row or a typed "Tổng cộng" row), if any. */
  total?: DataRow;
  /** Column keys present in the table. */
  columns: string[];
}

export interface ExtractedData {
  unit: string | null;
  recipient: string | null;
  /** ISO date of the report (NgayBaoCao on "Thông tin"), for the place-and-date line; absent = the officer writes it. */
  reportDate?: string;
  tables: Partial<Record<TableName, TableData>>;
}

/** How a table was recognised: shown to the officer so what was read can be trusted or corrected. */
export interface TableRecognition {
  table: TableName;
  title: string;
  sheet: string;
  /** A1 range from the first header row to the last row read. */
  range: string;
  how: 'name' | 'headers';
  /** Sheet rows (1-based) of the header, "5" or "5:6" for merged group headers. */
  headerRows: string;
  /** Each recognised column: its key, the contract's name for it, the header cell it was read from. */
  columns: { key: string; header: string; cell: string; text: string }[];
  /** The contract's columns the table does not have. */
  absent: string[];
  /** The percentages printed beside counts ("Tổng | %" under a group), by the count's key. */
  shares?: { key: string; header: string; cell: string; text: string }[];
  /** 1-based sheet rows: the column-number row, the totals row. */
  numberRow?: number;
  totalRow?: number;
  dataRows: number;
  groupRows: number;
}

export interface InfoRecognition {
  name: string;
  label: string;
  sheet: string;
  cell: string;
  /**
   * name: defined name; label: a label and its neighbour; inline: "Label: value"; title: the title
   * line; header: the issuing body; sheet: a sheet's name ("Quý III-2023"); file: the file's name
   * ("BC_TTHC_Quy_III_2023.xlsx"), both only when nothing inside the sheets says the period.
   */
  source: 'name' | 'label' | 'inline' | 'title' | 'header' | 'sheet' | 'file';
  value: string;
  /** The sheet or file name read (sources `sheet` and `file`). */
  from?: string;
}

export interface CheckReport {
  contract: string;
  file?: string;
  period?: PeriodInfo;
  summary: Summary;
  issues: Finding[];
  /** Computed indicators, percentages in percent (99.94 for 99,94%); null = "không phát sinh". */
  metrics: Record<string, number | null>;
  data: ExtractedData;
  /** What was recognised, and where. */
  recognized?: { tables: TableRecognition[]; info: InfoRecognition[] };
}
