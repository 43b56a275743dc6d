/**
 * Types of the prose checker: a report's text as paragraphs, the figures read from it, and the
 * findings about them. Offsets are UTF-16 indices into the paragraph's NFC text, the form Word
 * and the .docx reader hand over, so a finding can select its figure in the document.
 */
import type { Severity } from '../findings';

export type ParagraphKind = 'paragraph' | 'list' | 'cell' | 'note';

export interface DocParagraph {
  text: string;
  kind: ParagraphKind;
  /** For a footnote's paragraph: the note's id; its reference sits in another paragraph. */
  noteId?: string;
  /** Footnote references in this paragraph: note id and the offset the reference mark follows. */
  noteRefs?: { id: string; offset: number }[];
}

/** "trên 94%" is > 94; "gần 100%" is ≤ 100 and close; "khoảng" either side. */
export type Hedge = 'gt' | 'ge' | 'lt' | 'le' | 'near' | 'approx';

export interface Span {
  /** 0-based index of the paragraph in document order (table cells and notes included). */
  paragraph: number;
  start: number;
  end: number;
}

export interface CountFigure extends Span {
  kind: 'count';
  value: number;
  /** Noun after the figure, folded ("ho so", "tthc"); null for "là 1.784" style bare numbers. */
  noun: string | null;
  /** Folded words before the figure in its clause, what the figure is of ("da giai quyet"). */
  label: string;
  hedge?: Hedge;
}

export interface PercentFigure extends Span {
  kind: 'percent';
  value: number;
  decimals: number;
  /** Typed with a dot as decimal mark ("92.03%"). */
  english: boolean;
  label: string;
  hedge?: Hedge;
}

export interface FractionFigure extends Span {
  kind: 'fraction';
  numerator: number;
  denominator: number;
  noun: string | null;
  label: string;
}

export interface DateFigure extends Span {
  kind: 'date';
  iso: string;
  /** The date belongs to a cited document ("số 3050/KH-SYT ngày …", "ngày … ban hành"). */
  issued: boolean;
}

export type Figure = CountFigure | PercentFigure | FractionFigure | DateFigure;

export interface Window extends Span {
  from: string;
  to: string;
}

/** A stated total and the parts listed after "trong đó / gồm / cụ thể". */
export interface Breakdown {
  total: CountFigure;
  parts: CountFigure[];
  marker: 'trong đó' | 'gồm' | 'cụ thể' | 'ghi chú';
}

/** A percentage and the fraction it states: a/b written, or two counts of the same sentence. */
export interface RateClaim {
  percent: PercentFigure;
  numerator: number;
  denominator: number;
  /** Span of the numerator figure (the fraction, or the count). */
  numeratorSpan: Span;
  /** Counts of the same paragraph, for a guess at another denominator. */
  alternatives: number[];
}

export interface ReportPeriod {
  kind: string;
  year: number;
  /** NĐ 09/2019 window and the calendar window of the period. */
  nd09: { from: string; to: string };
  calendar: { from: string; to: string };
  /** Where the period was read. */
  paragraph: number;
}

export const DOC_CODES = [
  'percent_mismatch',
  'percent_impossible',
  'hedge_contradicted',
  'parts_exceed_total',
  'parts_sum_mismatch',
  'window_backwards',
  'window_not_period',
  'date_after_report',
  'repeated_mismatch',
  'workbook_mismatch',
  'stale_figure',
  'english_decimal',
] as const;
export type DocCode = (typeof DOC_CODES)[number];

export interface DocFinding extends Span {
  code: DocCode;
  severity: Severity;
  /** The sentence, or 200 characters around the figure. */
  excerpt: string;
  message: string;
  expected?: number | string;
  actual?: number | string;
  /** How the sentence was read: "đọc là: 45/60 = 75,00%; văn bản ghi 80%". */
  reading: string;
  /** Heading of the section the paragraph is in (for grouping in the pane). */
  section: string;
}

export interface DocReport {
  period: ReportPeriod | null;
  /** The report's own date (its "…, ngày … tháng … năm …" line or signature time), ISO. */
  date: string | null;
  summary: { errors: number; warnings: number; infos: number; figuresRead: number; figuresChecked: number };
  issues: DocFinding[];
  /** Start of every figure some check used (for evaluation and the pane's counts); not in the JSON. */
  checked: Span[];
}
