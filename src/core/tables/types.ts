/**
 * What a table of the workbook contract is, as one typed value: its columns and how they are
 * recognised (TableSpec), the identities and derived columns checked in each row, the checks over
 * its rows, its indicators, the paragraph it writes in the report, how units' tables are
 * consolidated, the lists its template validates, the facts a report's text may restate, and its
 * rows in the two filled samples. One module per table (src/core/tables/<table>.ts) holds all of
 * it; the steps that used to know each table by name iterate over TABLES instead
 * (docs/architecture.md, "Adding a table").
 *
 * `defineTable` infers the table's column keys from its columns: a key named anywhere else in the
 * module (totals, identities, rates, checks, lists, samples) that is not a column does not compile.
 */
import type { ColumnSpec, MetricPrefix, TableName, TableSpec } from '../contract';
import type { FindingCode } from '../findings';
import type { Scalar } from '../model';
import type { CheckReport, DataRow, TableData } from '../report';
import type { SectionTag } from '../narrative/tags';
import type { NarrativeCtx } from '../narrative/context';
import type { AddFact } from '../prose/facts';

export type Values = Readonly<Record<string, number | null>>;

/** A1 address of a column's cell in the same row, for the template's formulas. */
export type Ref<K extends string = string> = (key: K) => string;

/**
 * An identity of docs/rules.md inside one row. A broken identity is reported on the cell of the
 * stated total (`total`), naming the parts.
 */
export interface Identity<K extends string = string> {
  id: string;
  table: TableName;
  total: K;
  /** Parts; a part that may be absent from the table (and is then left out) is listed in `optionalParts`. */
  parts: readonly K[];
  optionalParts?: readonly K[];
  /** Optional switch name in CheckOptions (T4 depends on how returned files are counted). */
  option?: 't4';
  /**
   * Where the table lacks the total's column but has every part (the one-stop systems' exports
   * print "Đã xử lý: Trước hạn / Đúng hạn / Quá hạn" with no total), the total is taken as the sum
   * of its parts, for the metrics and the identities that use it; nothing is checked on it.
   */
  derive?: boolean;
  /**
   * Where the table has the total but lacks one part (the exports print "Trong kỳ" and "Qua mạng"
   * but no "(5) trực tiếp, bưu chính"), that part is the total less the others; nothing is
   * checked on it.
   */
  solve?: boolean;
}

/** A part that can never exceed its bound in the same row (số hóa ≤ tiếp nhận). */
export interface Bound<K extends string = string> {
  id: string;
  table: TableName;
  part: K;
  bound: K;
}

/**
 * Derived counts, recomputed whether the cell holds the template's formula or a typed value. The
 * template's Excel formula is written from the same definition, so the two cannot drift apart.
 */
export interface DerivedCount<K extends string = string> {
  table: TableName;
  key: K;
  formula: string;
  /** The columns it is computed from. */
  parts: readonly K[];
  compute: (v: Values) => number | null;
  excel: (a: Ref<K>) => string;
}

/** Derived rates: numerator and denominator from the same row. */
export interface DerivedRate<K extends string = string> {
  table: TableName;
  key: K;
  numerator: (v: Values) => number | null;
  denominator: (v: Values) => number | null;
  parts: readonly K[];
  /** The rate in percent, unrounded, where it is more than numerator over denominator; null = "không phát sinh". */
  value?: (v: Values) => number | null;
  /** The template's formula: percent at two decimals, empty when nothing happened. */
  excel: (a: Ref<K>) => string;
}

/** The rows a table check reads: a label and the text cells. */
export interface LabelledRow {
  label: string;
  text: Readonly<Record<string, string | null | undefined>>;
}

/**
 * Checks over the rows of a table (src/core/checks/tables.ts), in the order they run. Data, so
 * that a table names what it needs and check.ts runs it without knowing the table.
 */
export type TableCheck<K extends string = string> =
  /** The same row twice; `conflicts`: the same indicator with two values is an error. */
  | { kind: 'duplicates'; key?: (r: LabelledRow) => string; conflicts?: boolean }
  /** An enum column's value must be one of the options. */
  | { kind: 'options'; column: K; options: readonly string[] }
  /** The tuyến of the rules in force (tuyến huyện ends on 01/7/2025). */
  | { kind: 'tuyen' }
  /** The levels of government of the rules in force (the catalogue's cấp huyện). */
  | { kind: 'levels' }
  /** The HTXSNV caps of the rules in force. */
  | { kind: 'caps' }
  /** T5 with the previous period's workbook: carried over = previous pending. */
  | { kind: 'carryOver' }
  /** The survey's raw answer sheets are read and the summary row checked against them (checks/surveys.ts). */
  | { kind: 'answers' };

export interface MetricsSpec {
  /** Key prefix of the table's indicators ("tthc" → "tthc.tyLeDungHan"). */
  prefix: MetricPrefix;
  /** Group title the panes and the CLI show. */
  title: string;
  /** Labels of the indicators that are not a column. */
  labels?: Readonly<Record<string, string>>;
  /** The indicators computed from the table (keys made with metricKey). */
  compute: (t: TableData) => Record<string, number | null>;
  /**
   * Per-row indicators ("bienChe.cong-chuc.duocGiao"): the row's name from its slug, and the
   * indicator's name (lower case), for the metric list. Absent: the table has none.
   */
  rowName?: (slug: string, report?: Pick<CheckReport, 'data'>) => string;
  indicatorName?: (indicator: string, header: (k: string) => string | null) => string | null;
  /** Indicators a report quotes first ("tyLeDungHan"; per-row ones match any row). */
  main?: readonly string[];
  /** Percent indicators that are not named "tyLe…". */
  percent?: (indicator: string) => boolean;
  /** Decimals of an indicator that is neither a count nor a percent (a mean score). */
  decimals?: (indicator: string) => number | undefined;
  /**
   * The rates the report quotes as the workbook states them (docs/style.md §2), with one number
   * of decimals for the whole place: `is` tells them, `decimals` gives that number from all the
   * report's metrics, so the narrative and the indicator list print them alike. Every other
   * percent is a computed rate.
   */
  ownRates?: { is: (indicator: string) => boolean; decimals: (metrics: Readonly<Record<string, number | null>>) => number };
  /**
   * Why an indicator without a value could not be computed ("không tính được: thiếu cột …"), from
   * the table as read; null: it has no value because nothing happened ("không phát sinh").
   */
  unknown?: (indicator: string, t: TableData | undefined) => string | null;
}

export interface SectionSpec {
  /** The report's tagged place the table writes into. */
  tag: SectionTag;
  /** The place's title on the control in Word and in the pane. */
  title: string;
  /** The paragraphs, from the report only; [] = write nothing there. */
  write: (ctx: NarrativeCtx) => string[];
  /** Other tables whose findings touch this place (the raw answer sheets of a survey). */
  findingTables?: readonly string[];
  /** "So với kỳ trước" sentence for this place, from the two tables (absent: none). */
  compare?: (cur: TableData | undefined, prev: TableData | undefined, change: (cur: number, prev: number, noun: string) => string) => string | null;
}

export interface FilesFlow {
  received: number | null;
  carried: number | null;
  pending: number | null;
}

export type ConsolidationSpec =
  /** Summed over the units' rows that name the same thing. */
  | {
      by: 'sum';
      rowKey: (r: LabelledRow) => string;
      /** Rates without counts behind them are weighted by this column (survey rates by forms). */
      weight?: string;
      note?: string;
      /**
       * Files received in the period, carried over into it and pending at its end, from the table's
       * sums: the table whose figures carry from one period to the next (merge's check of units
       * against the previous consolidation).
       */
      flow?: (sums: Values) => FilesFlow;
    }
  /** One list for the whole province: taken from the Sở's workbook, else the first unit's. */
  | { by: 'taken' };

/** An enum column's drop-down list on the template's hidden lists sheet (column `sheetColumn`, 1-based). */
export interface ListSpec<K extends string = string> {
  column: K;
  sheetColumn: number;
  title: string;
  items: readonly string[] | 'tuyen';
}

/** A cell as a sample gives it: a value, typed text ("2.771"), or an explicit formula. */
export type SampleCell = number | string | null | { formula: string; result?: Scalar };

export interface SampleFill<K extends string = string> {
  /** Rows by column key. Giving a value for a derived column types it instead of the formula. */
  rows: Partial<Record<K, SampleCell>>[];
  /** Totals row cells by column key; a value replaces the SUBTOTAL formula. */
  totals?: Partial<Record<K, SampleCell>>;
}

/** A slip planted in the mistakes sample, and the single error it must produce. */
export interface PlantedSlip<K extends string = string> {
  code: FindingCode;
  row: number | 'totals';
  column: K;
  note: string;
}

export interface TableSamples<K extends string = string> {
  /** "mau-sach": must check clean. */
  clean: SampleFill<K>;
  /** "mau-co-loi": with the slips of `planted`. */
  mistakes: SampleFill<K>;
  planted: readonly PlantedSlip<K>[];
}

export interface TableModule<K extends string = string> extends TableSpec {
  readonly columns: readonly ColumnSpec<K>[];
  readonly extraColumns?: readonly ColumnSpec<K>[];
  readonly identities: readonly Identity<K>[];
  readonly bounds: readonly Bound<K>[];
  readonly derivedCounts: readonly DerivedCount<K>[];
  readonly derivedRates: readonly DerivedRate<K>[];
  readonly checks: readonly TableCheck<K>[];
  readonly metrics: MetricsSpec;
  readonly section: SectionSpec;
  readonly consolidation: ConsolidationSpec;
  readonly lists: readonly ListSpec<K>[];
  /** The facts a report's text may restate (`cchc doc --workbook`), from the checked report. */
  readonly facts?: (t: TableData | undefined, report: CheckReport, add: AddFact) => void;
  readonly samples: TableSamples<K>;
}

type IdentityDef<K extends string> = Omit<Identity<K>, 'table'>;
type BoundDef<K extends string> = Omit<Bound<K>, 'table'>;
type DerivedCountDef<K extends string> = Omit<DerivedCount<K>, 'table'>;
type DerivedRateDef<K extends string> = Omit<DerivedRate<K>, 'table'>;

export interface TableDef<K extends string, N extends TableName> extends Omit<TableSpec, 'name' | 'columns' | 'extraColumns' | 'labelKey' | 'totals' | 'recognise' | 'metrics'> {
  name: N;
  columns: readonly ColumnSpec<K>[];
  extraColumns?: readonly ColumnSpec<K>[];
  labelKey: NoInfer<K>;
  totals: readonly NoInfer<K>[];
  recognise: { minFigures: number; anyOf?: readonly NoInfer<K>[] };
  identities?: readonly IdentityDef<NoInfer<K>>[];
  bounds?: readonly BoundDef<NoInfer<K>>[];
  derivedCounts?: readonly DerivedCountDef<NoInfer<K>>[];
  derivedRates?: readonly DerivedRateDef<NoInfer<K>>[];
  checks?: readonly TableCheck<NoInfer<K>>[];
  metrics: MetricsSpec;
  section: SectionSpec;
  consolidation: ConsolidationSpec;
  lists?: readonly ListSpec<NoInfer<K>>[];
  facts?: TableModule['facts'];
  samples: TableSamples<NoInfer<K>>;
}

/** A table module from its definition: the column keys K are the columns', checked everywhere else. */
export function defineTable<const K extends string, const N extends TableName>(def: TableDef<K, N>): TableModule<K> & { readonly name: N } {
  const table = def.name;
  return {
    ...def,
    identities: (def.identities ?? []).map((x) => ({ ...x, table })),
    bounds: (def.bounds ?? []).map((x) => ({ ...x, table })),
    derivedCounts: (def.derivedCounts ?? []).map((x) => ({ ...x, table })),
    derivedRates: (def.derivedRates ?? []).map((x) => ({ ...x, table })),
    checks: def.checks ?? [],
    lists: def.lists ?? [],
  };
}

/** A row's figure by a typed key; null when blank or unusable. */
export function valueOf<K extends string>(r: Pick<DataRow, 'values'>, key: K): number | null {
  return r.values[key] ?? null;
}
