/**
 * Findings are data: a union keyed by `code` (as zod keys its issues), each located at a sheet and
 * an A1 cell. Each code has one entry in the catalogue (src/core/catalogue/workbook.ts): its
 * default severity and its message, produced from the fields, so the same finding reads the same
 * in Excel, Word and on the command line.
 */

export type Severity = 'error' | 'warning' | 'info';

/** One name per severity, in the panes and on the command line alike. */
export const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Gợi ý' } as const;

interface Base<C extends string> {
  code: C;
  severity: Severity;
  sheet: string;
  /** A1 address; for a missing table or name, the cell where it was looked for (usually "A1"). */
  cell: string;
  message: string;
  expected?: number | string;
  actual?: number | string;
  related?: string[];
  /** Table the cell belongs to, if any. */
  table?: string;
  /** Contract column key, if any. */
  column?: string;
  /** Identity or rule id, e.g. "T1", "T6", "staff.thieu". */
  rule?: string;
  /** Legal basis of the rule, for rules that carry one. */
  basis?: string;
  /** Row label (lĩnh vực, đơn vị…) for messages and grouping. */
  rowLabel?: string;
}

/** Structure: the workbook does not follow the contract. */
export type MissingTable = Base<'missing_table'> & { tableName: string; title?: string; columnsHint?: string[] };
export type MissingColumn = Base<'missing_column'> & { tableName: string; header: string; title?: string; unchecked?: string };
export type MissingName = Base<'missing_name'> & { name: string; label: string };
export type UnknownContract = Base<'unknown_contract'>;
export type TableFoundByHeaders = Base<'table_found_by_headers'> & { tableName: string };
export type MissingPeriod = Base<'missing_period'>;
/**
 * No table holds a figure (and no survey answer sheet was read): a blank template, empty sheets,
 * tables with their labels only. `tablesFound` is how many tables were recognised, empty.
 */
export type NoData = Base<'no_data'> & { tablesFound: number };
/**
 * A sheet holding report tables that the check did not read (src/core/sheets.ts): hidden, or of
 * another period than the one read (`other_period`: the workbook states the period read;
 * `earlier_period`: nothing states it, the latest was read). Located on the skipped sheet, or on
 * the first visible sheet for a hidden one.
 */
export type SheetSkipped = Base<'sheet_skipped'> & { skipped: string; why: 'hidden' | 'other_period' | 'earlier_period'; tables: string[]; period?: string; chosen?: string; chosenPeriod?: string };
/**
 * A visible sheet with figures in no shape the contract knows (periods as columns, a list of
 * indicators, another), or answers of a form that is no satisfaction survey (Mẫu 5 of QĐ 3869).
 */
export type SheetNotRead = Base<'sheet_not_read'> & { shape: 'period_columns' | 'indicator_list' | 'not_satisfaction_form' | 'unknown'; periods?: string[]; stated?: string; figures: number };
export type FormulaNotComputed = Base<'formula_not_computed'> & { header: string; formula: string };
export type TotalFormulaRange = Base<'total_formula_range'> & { header: string; formula: string; missingRows: number[]; extraRows: number[] };
/** Text the reader converted from an old Vietnamese 8-bit encoding (model.conversions), per sheet. */
export type TextConverted = Base<'text_converted'> & { encoding: 'tcvn3' | 'vni'; cells: number };

/** Cell values. */
export type NotANumber = Base<'not_a_number'> & { header: string };
export type NegativeCount = Base<'negative_count'> & { header: string };
export type FractionalCount = Base<'fractional_count'> & { header: string };
export type ErrorValue = Base<'error_value'> & { header: string; errorText: string };
export type MissingValue = Base<'missing_value'> & { header: string };
export type TextNumber = Base<'text_number'> & { header: string; text: string };
export type RateOutOfRange = Base<'rate_out_of_range'> & { header: string };
/** A number no count or rate can be (1e308): kept out of every sum, so totals stay finite. */
export type ValueOutOfBounds = Base<'value_out_of_bounds'> & { header: string; limit: number };
export type InvalidOption = Base<'invalid_option'> & { header: string; options: string[] };
export type DuplicateRow = Base<'duplicate_row'> & { header: string; firstCell: string };
export type ConflictingValues = Base<'conflicting_values'> & { header: string; firstCell: string };
export type PartExceedsTotal = Base<'part_exceeds_total'> & { header: string; boundHeader: string };
export type LevelNotInRegime = Base<'level_not_in_regime'> & { header: string };

/** One figure taking part in an identity, as the message names it: "Được giao 64 (ô D7)". */
export interface FindingPart {
  /** Column header, or the row's label for a totals row's parts. */
  label: string;
  cell: string;
  value: number;
}

/** Identities and derived figures. */
export type SumMismatch = Base<'sum_mismatch'> & {
  /** What the stated total is ("Tổng số hồ sơ nhận giải quyết"). */
  totalLabel: string;
  /** Labels of the parts, in the order of `related`. */
  partLabels: string[];
  /** The parts with their values and cells (optional: messages fall back to the labels). */
  parts?: FindingPart[];
};
export type DerivedMismatch = Base<'derived_mismatch'> & {
  header: string;
  formula: string;
  /** Được giao and Có mặt of the row, in that order (optional). */
  parts?: FindingPart[];
};
export type RateMismatch = Base<'rate_mismatch'> & {
  header: string;
  numerator: number;
  denominator: number;
  decimals: number;
  /** The figures summed into the numerator, and the denominator's own cell (optional). */
  numeratorParts?: FindingPart[];
  denominatorPart?: FindingPart;
  /**
   * A percentage printed beside a count (a group header over "Tổng | %") states no base: it was
   * tried against every base the table allows, none of which gives it; the first is the
   * denominator above. Each with the percentage it gives, at the finding's decimals.
   */
  bases?: { label: string; cell?: string; value: number; percent: number }[];
};
export type CarryOverMismatch = Base<'carry_over_mismatch'>;
export type CarryOverSkipped = Base<'carry_over_skipped'> & { reason: string };
export type PreviousMismatch = Base<'previous_mismatch'> & { what: 'unit' | 'period'; previous: string; current: string };
export type CapExceeded = Base<'cap_exceeded'> & { subject: string; capPercent: number; limit: number; base: number };
export type TuyenNotInRegime = Base<'tuyen_not_in_regime'> & { options: string[] };
export type SatisfactionInconsistent = Base<'satisfaction_inconsistent'>;
export type SurveySummaryMismatch = Base<'survey_summary_mismatch'> & { header: string; respondents: number };

/** Raw survey answers (src/core/surveys). `formId` is the form's MA_SO_PHIEU when it has one. */
export type SurveySheetRead = Base<'survey_sheet_read'> & { version: string; forms: number; source: 'stated' | 'columns' | 'regime'; stated?: string };
export type SurveyItemsMissing = Base<'survey_items_missing'> & { version: string; items: string[] };
export type SurveyItemsUnknown = Base<'survey_items_unknown'> & { version: string; items: string[] };
export type SurveyAnswerOutOfScale = Base<'survey_answer_out_of_scale'> & { item: string; formId?: string; allowed: string };
export type SurveyAnswerBlank = Base<'survey_answer_blank'> & { formId?: string; items: string[] };
export type SurveyFormEmpty = Base<'survey_form_empty'> & { formId?: string };
export type SurveyDuplicateForm = Base<'survey_duplicate_form'> & { formId: string; firstCell: string };
export type SurveyFormOutsideWindow = Base<'survey_form_outside_window'> & { formId?: string; from: string; to: string };
export type SurveySummaryRowMissing = Base<'survey_summary_row_missing'> & { subject: string; forms: number };
export type SurveyFindingsCapped = Base<'survey_findings_capped'> & { of: string; shown: number; more: number };

/** Period. */
export type InvalidPeriodKind = Base<'invalid_period_kind'> & { options: string[] };
export type InvalidYear = Base<'invalid_year'>;
/** `outOfRange`: the cell holds a number no date can be (beyond 31/12/9999, or so large the reader could not keep it). */
export type InvalidDate = Base<'invalid_date'> & { label: string; outOfRange?: boolean };
export type WindowReversed = Base<'window_reversed'> & { from: string; to: string };
export type WindowDiffers = Base<'window_differs'> & { label: string; from: string; to: string };

/** Across units (`cchc merge`): located on the consolidated workbook's "Nguồn" sheet, at the unit's line. */
interface MergeBase {
  file?: string;
  unit: string;
}
export type MergePeriodDiffers = Base<'merge_period_differs'> & MergeBase & { period: string; expectedPeriod: string };
export type MergeDuplicateUnit = Base<'merge_duplicate_unit'> & MergeBase & { otherFile: string; otherUnit: string; by: 'name' | 'figures' };
export type MergeStaleFile = Base<'merge_stale_file'> & MergeBase & { by: 'file' | 'figures' };
export type MergeConsolidatedInput = Base<'merge_consolidated_input'> & MergeBase;
export type MergeUnitMissing = Base<'merge_unit_missing'> & MergeBase;
export type MergeUnitNew = Base<'merge_unit_new'> & MergeBase;
export type MergeCarryOver = Base<'merge_carry_over'> & MergeBase;
export type MergeLargeChange = Base<'merge_large_change'> & MergeBase & { header: string; changePercent: number; limitPercent: number };
export type MergePreviousUnusable = Base<'merge_previous_unusable'> & { file: string };
/** A file given to `cchc merge` (or found in its folder) that could not be read: named, never silently left out. */
export type MergeFileUnreadable = Base<'merge_file_unreadable'> & { file: string; reason: string };

export type Finding =
  | MergePeriodDiffers
  | MergeDuplicateUnit
  | MergeStaleFile
  | MergeConsolidatedInput
  | MergeUnitMissing
  | MergeUnitNew
  | MergeCarryOver
  | MergeLargeChange
  | MergePreviousUnusable
  | MergeFileUnreadable
  | MissingTable
  | MissingColumn
  | MissingName
  | UnknownContract
  | TableFoundByHeaders
  | MissingPeriod
  | NoData
  | SheetSkipped
  | SheetNotRead
  | FormulaNotComputed
  | TotalFormulaRange
  | TextConverted
  | ConflictingValues
  | PartExceedsTotal
  | LevelNotInRegime
  | CarryOverSkipped
  | PreviousMismatch
  | NotANumber
  | NegativeCount
  | FractionalCount
  | ErrorValue
  | MissingValue
  | TextNumber
  | RateOutOfRange
  | ValueOutOfBounds
  | InvalidOption
  | DuplicateRow
  | SumMismatch
  | DerivedMismatch
  | RateMismatch
  | CarryOverMismatch
  | CapExceeded
  | TuyenNotInRegime
  | SatisfactionInconsistent
  | SurveySummaryMismatch
  | SurveySheetRead
  | SurveyItemsMissing
  | SurveyItemsUnknown
  | SurveyAnswerOutOfScale
  | SurveyAnswerBlank
  | SurveyFormEmpty
  | SurveyDuplicateForm
  | SurveyFormOutsideWindow
  | SurveySummaryRowMissing
  | SurveyFindingsCapped
  | InvalidPeriodKind
  | InvalidYear
  | InvalidDate
  | WindowReversed
  | WindowDiffers;

export type FindingCode = Finding['code'];

/**
 * A finding before its message is written. Its severity may be left out: it is then the default
 * of its code in the catalogue (src/core/catalogue/workbook.ts); a check names one only where it
 * decides another.
 */
export type Draft<F extends Finding = Finding> = F extends Finding ? Omit<F, 'message' | 'severity'> & { severity?: Severity } : never;

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: sheet order given, then row, then column, then severity. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const idx = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  const rc = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) return [0, 0];
    let c = 0;
    for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]), c];
  };
  return [...findings].sort((a, b) => {
    const d = idx(a.sheet) - idx(b.sheet);
    if (d) return d;
    const [ra, ca] = rc(a.cell);
    const [rb, cb] = rc(b.cell);
    return ra! - rb! || ca! - cb! || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code);
  });
}
