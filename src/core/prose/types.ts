/**
 * Types of the prose checker: a report's text as paragraphs, the figures read from it, and the
 * findings about them. Offsets are UTF-16 indices into the paragraph's NFC text, the form Word
 * and the .docx reader hand over, so a finding can select its figure in the document.
 */
import type { Severity } from '../findings';
import { DOCUMENT_FINDINGS } from '../catalogue/document';
import type { Family, Hedge, Marker, Status } from './lexicon';

export type { Family, Hedge, Marker, Status } from './lexicon';

export type ParagraphKind = 'paragraph' | 'list' | 'cell' | 'note';

export interface DocParagraph {
  text: string;
  kind: ParagraphKind;
  /** For a footnote's paragraph: the note's id; its reference sits in another paragraph. */
  noteId?: string;
  /** Footnote references in this paragraph: note id and the offset the reference mark follows. */
  noteRefs?: { id: string; offset: number }[];
  /**
   * For a table cell's paragraph: which table of the document (0-based, in order), and the cell's
   * row and column (0-based; a cell spanning columns is at its first). Several paragraphs of one
   * cell share it.
   */
  cell?: { table: number; row: number; col: number; span?: number };
}

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
  family: Family | null;
  /** Folded words before the figure in its clause, what the figure is of ("da giai quyet"). */
  label: string;
  /** Folded words after the figure's noun, to the next punctuation ("da duoc giai quyet"). */
  after: string;
  hedge?: Hedge;
  /** "3,8 ngàn hồ sơ": a rounded count, never used as a base or a part. */
  approx?: true;
  /** A bare number outside "là N", ": N", "= N": read only as a part of a breakdown or in a table. */
  loose?: true;
  /** "5.9123 hồ sơ": thousands marks misplaced in a count of whole things, read by its digits (59.123). */
  misgrouped?: true;
}

export interface PercentFigure extends Span {
  kind: 'percent';
  value: number;
  decimals: number;
  /** Typed with a dot as decimal mark ("92.03%"). */
  english: boolean;
  /** Typed without its "%" ("đúng hạn đạt 91,6;"): read as the percentage it states. */
  bare?: true;
  label: string;
  hedge?: Hedge;
}

export interface FractionFigure extends Span {
  kind: 'fraction';
  numerator: number;
  denominator: number;
  noun: string | null;
  family: Family | null;
  label: string;
  after: string;
  /** "3227.885/482.852": one term's thousands marks misplaced, read by its digits. */
  misgrouped?: true;
}

export interface DateFigure extends Span {
  kind: 'date';
  iso: string;
  /** The date belongs to a cited document ("số 3050/KH-SYT ngày …", "ngày … ban hành"). */
  issued: boolean;
  /** That document's symbol, in capitals ("766/QĐ-TTG"), where the text names it. */
  of?: string;
}

export type Figure = CountFigure | PercentFigure | FractionFigure | DateFigure;

export interface Window extends Span {
  from: string;
  to: string;
}

/**
 * A count or a fraction read as a statement of CCHC statistics: what it counts (family), in what
 * state (status, from the words before it, else the words after its noun), about whom (subject).
 */
export interface Quantity {
  figure: CountFigure | FractionFigure;
  /** The count (a fraction's numerator). */
  value: number;
  family: Family | null;
  status: Status | null;
  /** Folded words between the status phrase and the figure ("theo linh vuc kham benh" in "tiếp nhận theo lĩnh vực: Khám bệnh 102 hồ sơ"). */
  tail: string;
  subject: string | null;
  /** Usable as a base or a part: not hedged, not rounded ("3,8 ngàn"). */
  exact: boolean;
}

/** A percentage read as a statement: what it is a rate of, and about whom. */
export interface PercentStatement {
  figure: PercentFigure;
  status: Status | null;
  tail: string;
  subject: string | null;
}

/** A stated total and the parts listed after "trong đó / gồm / cụ thể" (or in the next list items, or a footnote). */
export interface Breakdown {
  total: Quantity;
  parts: Quantity[];
  marker: Marker;
  /** The parts cover one of the total's partitions (lexicon.ts PARTITIONS): they must add up. */
  complete: boolean;
  /**
   * The total is in another sentence or paragraph than its marker ("… 425 DVCTT." then "Cụ thể,
   * …"): the link is a guess, so only a complete breakdown whose parts exceed it is faulted, and a
   * rate over it only confirms.
   */
  distant?: true;
}

/** One reading of a percentage: numerator over a base, each said in words. */
export interface RateReading {
  numerator: number;
  denominator: number;
  /** "45 hồ sơ trực tuyến", "60 (tiếp nhận)". */
  numeratorText: string;
  denominatorText: string;
  /** Over a base the wording allows but does not require (lexicon WEAK_BASES): it can confirm the rate, not fault it. */
  weak?: true;
  /**
   * The base is hedged ("hơn 4.000 hồ sơ"): the true rate is at most (base above the figure) or at
   * least (base below it) numerator / denominator, so only a percentage beyond that bound is wrong.
   */
  bound?: 'atMost' | 'atLeast';
}

/** A percentage and every reading its wording allows. */
export interface RateClaim {
  percent: PercentFigure;
  /** What the rate is of, if its wording says. */
  status: Status | null;
  /** What its numerator counts (files, complaints, staff…), where the text names it. */
  family?: Family | null;
  readings: RateReading[];
  /** Spans of the figures the readings use. */
  spans: Span[];
  /** Other counts of the paragraph, for a guess at a wrong denominator. */
  alternatives: number[];
  /** The fraction read has a term with its thousands marks misplaced ("3227.885/482.852"). */
  misgrouped?: true;
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

/** The document findings' codes: the keys of their catalogue (src/core/catalogue/document.ts). */
export type DocCode = keyof typeof DOCUMENT_FINDINGS;
export const DOC_CODES = Object.keys(DOCUMENT_FINDINGS) as DocCode[];

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
