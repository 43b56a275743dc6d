/**
 * Reading the figures of a Vietnamese administrative report, paragraph by paragraph: counts with
 * their noun, fractions, percentages, dates and date windows, each with the folded words before
 * and after it in its clause (what statements.ts reads the figure's status and subject from).
 *
 * - counts: "2.771 phiếu", "02 đơn", "157 TTHC", "1.205  hồ sơ" (spaces), "3,8 ngàn hồ sơ" (a
 *   rounded count, marked `approx`); bare numbers only after "là", ":" or "=" ("biên chế là 1.784")
 *   or as parts of a breakdown;
 * - fractions "12/30 nhiệm vụ", "10 hồ sơ/297 hồ sơ", scores "40,62/80 điểm"; chains "10/297/157" are left alone;
 * - percentages "95,2 %", "(73,2%)", English-style "92.03%" (read as 92,03%);
 * - hedges before a figure as inequalities (lexicon.ts);
 * - dates "15/6/2022", "29-8-2022", "ngày 04 tháng 7 năm 2022", and whether a date is the issue
 *   date of a cited document ("số 469/QĐ-UBND ngày 18/9/2022", "Ngày 13/9/2022 … ban hành");
 * - windows "từ (ngày) D1 đến (ngày) D2".
 *
 * Not figures: document numbers ("4266/KH-SYT", "Nghị định 68"), years after "năm", period names
 * ("quý 1/2022", "tháng 9/2021", "6 tháng"), "mức độ 3, 4", "COVID-19", "ISO 9001:2015", durations,
 * URLs, list numbering, and numbers glued to letters (footnote marks in copied text). A number
 * followed by a count noun is a count even after a word that usually opens a document number
 * ("quá hạn so với quy định 45 hồ sơ", "trong số 610 hồ sơ").
 *
 * Linear in the paragraph's length: every pattern is one pass of a regular expression, spans are
 * swept in order, and each figure looks at a bounded window of text around it.
 */
import { parseVietnameseNumber } from '../numbers';
import { isoDate } from '../format';
import { HEDGE_PHRASES, NOUN_FAMILY, NOUNS, SCALES, type Family, type Hedge } from './lexicon';
import { Cursor, clauses, foldKeep, matches, sentences, type Range } from './text';
import type { CountFigure, DateFigure, DocParagraph, Figure, FractionFigure, PercentFigure, Window } from './types';

export interface ParagraphReading {
  figures: Figure[];
  windows: Window[];
  /** Figures seen but not interpretable (chains like "10/297/157"). */
  leftAlone: number;
  /** The paragraph folded (lib text.ts), offsets kept. */
  folded: string;
  sentences: Range[];
  clauses: Range[];
}

export function family(noun: string | null): Family | null {
  return noun === null ? null : (NOUN_FAMILY[noun] ?? 'other');
}

const DATE_NUM = /(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4})(?![\d/])/g;
const DATE_WORDS = /(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g;
const ISO_STAMP = /(\d{4})-(\d{2})-(\d{2})t\d{2}:\d{2}/g;
/** "ngày … tháng 9 năm 2020" (day left blank). */
const BLANK_DAY = /thang\s+\d{1,2}\s+nam\s+\d{4}/g;

/**
 * Document numbers: a digit-led token cut by "/" or "-" (a space allowed around the mark, as
 * typed: "105- QĐ/TW", "27/UBND – KGVX") with a letter after the first mark: "4266/KH-SYT",
 * "108/2007/NĐ-CP", "36a/NQ-CP". Dates and fractions have no letter and stay numbers.
 */
// Starts only where a token starts: inside "1.1.1…" every digit would otherwise start a scan to the token's end.
const DOC_REF = /(?<![\p{L}\d.])\d[\p{L}\d.]*(?:\s?[/\-–]\s?[\p{L}\d.]+)+/gu;
/** "Nghị định 68", "Quyết định số 12": the number names the document, unless a count noun follows it. */
const LAW = /(?:nghi dinh|nghi quyet|thong tu|quyet dinh|ke hoach|cong van|to trinh|ket luan|chi thi|van ban|bao cao|de an|thong bao|luat|quy dinh|chuong trinh|huong dan)\s+(?:so\s*)?(\d+[\p{L}\d]*)/gu;
/** "số 123": a document number, unless "trong số / tổng số / với số …" or a count noun follows. */
const DOC_NUMBER = /(?<!(?:tong|trong|voi|cua|ve|chiem|theo) )\bso\s*:?\s*(\d+)\s*\/?/g;

/**
 * Spans whose digits are never figures; beside each, words one of which every match contains, so
 * that a paragraph without them is not scanned, where that was measured to pay (null: always
 * scanned; looking for a common word costs as much as the scan).
 */
const PROTECT: [RegExp, string[] | null][] = [
  [/https?:\/\/\S+/g, ['://']],
  [/\bnam\s+\d{4,5}\b/g, null],
  [/\bquy\s+(?:\d{1,2}(?:\s*\/\s*\d{4})?|[ivx]+)\b/g, null],
  [/\bthang\s+\d{1,2}\s*\/\s*\d{4}\b/g, null],
  [/\b\d{1,2}\s+thang\b/g, null],
  [/\bmuc do\s+\d(?![\d.,]\d)(?:\s*(?:,|va|và)\s*\d(?![\d.,]?\d))*/g, ['muc do']],
  [/\bcovid\s*[-–]?\s*\d+/g, null],
  [/\biso\s+\d+/g, null],
  [/\d+:\d+(?::\d+)?/g, [':']],
  [/\b24\/(?:24|7)\b/g, ['24/']],
  [/\b\d{4}\s*[-–]\s*\d{4}\b/g, ['-', '–']],
  [/^\s*(?:\d+\.)+\d*\s/g, null],
  [/^\s*\d+\s*$/g, null],
  [/\b\d+\s*(?:giay|phut|gio|ngay lam viec|ngay)\b/g, null],
];


// Slashes are allowed around a number (fractions); dates and document numbers are protected before.
const NUMBER = /(?<![\p{L}\d.,\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\p{L}\d]|[.,]\d)/gu;

/** A letter. (Written once here: a bundler may turn a \p{…} literal inside a function into a RegExp built at each call.) */
const LETTER = /\p{L}/u;
/** Words after a figure: up to a digit or punctuation, a slash only between letters ("trước/đúng hạn"). */
const AFTER_WORDS = /^(?:[^\d,.;:()%/]|(?<=\p{L})\/(?=\p{L}))*/u;

/** A percentage's digits typed without "%": one or two whole digits and a decimal comma. */
const BARE_RATE = /^\d{1,2},\d{1,2}$/;
/** Words that make a clause the statement of a rate: its state or "tỷ lệ". */
const RATE_STATE = /\b(?:ty le|dung han|truoc han|tre han|qua han|cham han|truc tuyen|hai long)\b/;

/** Families counted in whole things, where a decimal mark cannot be meant. */
const WHOLE = new Set<string>(['hoso', 'tthc', 'don', 'nguoi', 'phieu', 'donvi', 'dvc', 'vanban']);

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return isoDate(y, m, d);
}

/** The nouns by their first letter, longest first as in NOUNS: a number looks only at those its next letter can start. */
const NOUNS_BY_FIRST = new Map<string, string[]>();
for (const n of NOUNS) NOUNS_BY_FIRST.set(n[0]!, [...(NOUNS_BY_FIRST.get(n[0]!) ?? []), n]);

/** The count noun right after `at` (spaces allowed, a scale word first: "3,8 ngàn hồ sơ"). */
export function matchNoun(folded: string, at: number): { noun: string; end: number; scale?: number } | null {
  const rest = folded.slice(at, at + 48);
  let from = /^\s*/.exec(rest)![0].length;
  let scale: number | undefined;
  const sc = /^(nghin|ngan|trieu)\b\s*/.exec(rest.slice(from));
  if (sc) {
    scale = SCALES[sc[1]!];
    from += sc[0].length;
  }
  for (const n of NOUNS_BY_FIRST.get(rest[from]!) ?? []) {
    if (rest.startsWith(n, from)) {
      const after = rest[from + n.length];
      // A footnote mark may be glued to the noun ("162 TTHC26"); letters may not.
      if (after === undefined || !LETTER.test(after)) return { noun: n, end: at + from + n.length, ...(scale ? { scale } : {}) };
    }
  }
  return null;
}

function hedgeBefore(folded: string, start: number): Hedge | undefined {
  const before = folded.slice(Math.max(0, start - 16), start);
  for (const [re, h] of HEDGE_PHRASES) if (re.test(before)) return h;
  return undefined;
}

/** Folded words of the clause before `start`, from the previous figure or the clause start. */
function wordsBetween(folded: string, from: number, to: number, keep: 'start' | 'end'): string {
  const s = folded.slice(Math.max(from, to - 120), to).replace(/[()\s]+/g, ' ');
  return (keep === 'end' ? s.slice(-100) : s.slice(0, 100)).trim();
}

interface Span {
  start: number;
  end: number;
}

/** Index of the first of `spans` (disjoint, in order) that ends at or after `pos`. */
function firstEndingFrom(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first of `spans` (disjoint, in order) that starts after `pos`. */
function firstStartingAfter(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted, merged spans, so a token can be tested against them by a cursor in one sweep. */
function merged(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const EMPTY = (folded: string): ParagraphReading => ({ figures: [], windows: [], leftAlone: 0, folded, sentences: [], clauses: [] });

/** Reads one paragraph. `paragraph` is its index in document order. */
export function readParagraph(p: DocParagraph, paragraph: number): ParagraphReading {
  const text = p.text;
  // Most paragraphs of a report hold no digit at all.
  if (!/\d/.test(text)) return EMPTY(foldKeep(text));
  const folded = foldKeep(text);
  const protectedSpans: Span[] = [];
  let leftAlone = 0;

  // Dates first: they are figures of their own and protect their digits.
  const dates: DateFigure[] = [];
  const addDate = (start: number, end: number, iso: string | null) => {
    protectedSpans.push({ start, end });
    if (iso) dates.push({ kind: 'date', paragraph, start, end, iso, issued: false });
  };
  for (const m of matches(DATE_NUM, folded)) addDate(m.index, m.index + m[0].length, isoOf(+m[4]!, +m[3]!, +m[1]!));
  for (const m of matches(DATE_WORDS, folded, ['thang'])) addDate(m.index, m.index + m[0].length, isoOf(+m[3]!, +m[2]!, +m[1]!));
  for (const m of matches(ISO_STAMP, folded, [':'])) addDate(m.index, m.index + m[0].length, isoOf(+m[1]!, +m[2]!, +m[3]!));
  // "ngày … tháng 9 năm 2020" (day left blank) protects its numbers without being a date.
  for (const m of matches(BLANK_DAY, folded)) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
  const docRefs: Span[] = [];
  // Symbols proper ("766/QĐ-TTg"), which name one document of a year, as the text writes them.
  const symbols: Span[] = [];
  for (const m of matches(DOC_REF, folded, ['/', '-', '–'])) {
    const sep = m[0].search(/[/\-–]/);
    if (!LETTER.test(m[0].slice(sep))) continue;
    // A document's symbol is written in capitals ("4266/KH-SYT", "36a/NQ-CP"); "17265/trễ hạn 1458"
    // is two counts. The original text keeps the case the folded one lost.
    const letter = LETTER.exec(text.slice(m.index + sep, m.index + m[0].length));
    if (letter && letter[0] === letter[0].toLowerCase()) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    protectedSpans.push(span);
    docRefs.push(span);
    symbols.push(span);
  }
  for (const re of [LAW, DOC_NUMBER]) {
    for (const m of matches(re, folded)) {
      const numEnd = m.index + m[0].lastIndexOf(m[1]!) + m[1]!.length;
      if (matchNoun(folded, numEnd)) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      protectedSpans.push(span);
      docRefs.push(span);
    }
  }
  for (const [re, need] of PROTECT) for (const m of matches(re, folded, need)) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
  const refs = merged(docRefs);
  const refCursor = new Cursor(refs);
  dates.sort((a, b) => a.start - b.start);
  for (const d of dates) {
    const before = folded.slice(Math.max(0, d.start - 30), d.start);
    const ref = refCursor.lastEndingBefore(d.start);
    const nearRef = !!ref && d.start - ref.end <= 20;
    const after = folded.slice(d.end, d.end + 60);
    const sentenceStartIssued = /(?:^|[.;:]\s*|-\s*)ngay\s*$/.test(before) && /^[^.;]{0,40}\b(?:ban hanh|ky|cong bo|phe duyet)\b/.test(after);
    d.issued = (nearRef && /ngay\s*$/.test(before)) || sentenceStartIssued;
    // Which document the date is of: the symbol right before "ngày …", or the one the sentence
    // that opens with "Ngày …, … ban hành" goes on to name.
    let symbol: Span | undefined;
    // Symbols are disjoint and in order: the first that fits is found by binary search and a look
    // at the few near the date, so a paragraph of many cited documents stays linear.
    if (nearRef && /ngay\s*$/.test(before)) {
      for (let j = firstEndingFrom(symbols, ref!.start); j < symbols.length && symbols[j]!.start <= d.start; j++) {
        const x = symbols[j]!;
        if (x.start === ref!.start || x.end <= d.start) {
          symbol = x;
          break;
        }
      }
    } else if (sentenceStartIssued) {
      for (let j = firstStartingAfter(symbols, d.end); j < symbols.length && symbols[j]!.start - d.end <= 120; j++) {
        if (!/[.;]/.test(folded.slice(d.end, symbols[j]!.start))) {
          symbol = symbols[j];
          break;
        }
      }
    }
    if (d.issued && symbol) d.of = nfc(text.slice(symbol.start, symbol.end)).toUpperCase();
  }

  const sents = sentences(text);
  const cls = clauses(text, sents);
  const clauseAt = new Cursor(cls);
  const guard = new Cursor(merged(protectedSpans));
  const tokens = matches(NUMBER, folded).filter((m) => !guard.overlaps(m.index, m.index + m[0].length));
  const figures: Figure[] = [];
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const m = tokens[i]!;
    const raw = text.slice(m.index, m.index + m[0].length);
    const start = m.index;
    let end = start + raw.length;
    const clause = clauseAt.at(start) ?? { start: 0, end: text.length };
    if (prevEnd < clause.start) prevEnd = clause.start;
    const label = wordsBetween(folded, prevEnd, start, 'end');
    const hedge = hedgeBefore(folded, start);
    const pct = /^\s?%/.exec(folded.slice(end, end + 3));
    if (pct) {
      const parsed = parseVietnameseNumber(`${raw}%`);
      if (!parsed) continue;
      end += pct[0].length;
      const english = /^\d+\.\d+$/.test(raw) && parsed.decimals > 0;
      const f: PercentFigure = { kind: 'percent', paragraph, start, end, value: parsed.value, decimals: parsed.decimals, english, label };
      if (hedge) f.hedge = hedge;
      figures.push(f);
      prevEnd = end;
      continue;
    }
    // "… giải quyết đúng hạn đạt 91,6;": a rate's value typed without its "%" (a decimal at most
    // 100 after "đạt"/"chiếm", ending its clause, where the clause names a rate's state) is the
    // percentage the officer meant; a score says "điểm", a count its noun.
    if (BARE_RATE.test(raw) && /(?:dat|chiem)\s*$/.test(folded.slice(Math.max(clause.start, start - 10), start)) && /^\s*(?:[;.]|$)/.test(folded.slice(end, end + 3)) && RATE_STATE.test(folded.slice(clause.start, start))) {
      const parsed = parseVietnameseNumber(`${raw}%`);
      if (parsed && parsed.value <= 100) {
        const f: PercentFigure = { kind: 'percent', paragraph, start, end, value: parsed.value, decimals: parsed.decimals, english: false, label, bare: true };
        if (hedge) f.hedge = hedge;
        figures.push(f);
        prevEnd = end;
        continue;
      }
    }
    const noun = matchNoun(folded, end);
    // "5.9123 hồ sơ", "151.10 hồ sơ": a count of whole things with its thousands mark misplaced is
    // read by its digits (59.123, 15.110), as a reader of the report would, and said so.
    const misgrouped = !!noun && !noun.scale && /^\d{1,3}(?:\.\d+)+$/.test(raw) && raw.split('.').slice(1).some((g) => g.length !== 3) && raw.replace(/\./g, '').length >= 4 && WHOLE.has(family(noun.noun)!);
    const parsed = misgrouped ? { value: Number(raw.replace(/\./g, '')), decimals: 0 } : parseVietnameseNumber(raw);
    if (!parsed) continue;
    const afterNoun = noun ? noun.end : end;
    const slash = /^\s?\/\s?/.exec(folded.slice(afterNoun, afterNoun + 3));
    const next = tokens[i + 1];
    if (slash && next && next.index === afterNoun + slash[0].length) {
      const denom = parseVietnameseNumber(text.slice(next.index, next.index + next[0].length));
      const noun2 = matchNoun(folded, next.index + next[0].length);
      const after2 = noun2 ? noun2.end : next.index + next[0].length;
      i++;
      if (/^\s?\/\s?\d/.test(folded.slice(after2, after2 + 4))) {
        // "10 hồ sơ/297 hồ sơ/157 TTHC": three terms, no single reading.
        leftAlone++;
        if (tokens[i + 1]) i++;
        prevEnd = after2;
        continue;
      }
      // "3227.885/482.852": beside a term grouped by thousands, a term with one dot before three
      // digits is a whole number with its marks misplaced, not a decimal: read by its digits.
      const rawDenom = text.slice(next.index, next.index + next[0].length);
      const grouped = (x: string) => /^\d{1,3}(?:\.\d{3})+$/.test(x);
      const slipped = (x: string, other: string) => !grouped(x) && /^\d+(?:\.\d{3})+$/.test(x) && grouped(other);
      let num = parsed;
      let den = denom;
      let misplaced = false;
      if (slipped(raw, rawDenom)) [num, misplaced] = [{ ...parsed, value: Number(raw.replace(/\./g, '')), decimals: 0 }, true];
      else if (slipped(rawDenom, raw)) [den, misplaced] = [{ ...denom!, value: Number(rawDenom.replace(/\./g, '')), decimals: 0 }, true];
      // A score may have decimals over its maximum ("40,62/80 điểm"); counts and maxima may not.
      const score = !noun && !noun2 && /^\s?diem\b/.test(folded.slice(after2, after2 + 6));
      if (!den || den.decimals || (num.decimals && !score) || noun?.scale || noun2?.scale) continue;
      const n = noun2?.noun ?? noun?.noun ?? null;
      const f: FractionFigure = { kind: 'fraction', paragraph, start, end: after2, numerator: num.value, denominator: den.value, noun: n, family: family(n), label, after: afterWords(folded, after2, clause.end) };
      if (misplaced) f.misgrouped = true;
      figures.push(f);
      prevEnd = after2;
      continue;
    }
    if (noun) {
      if (parsed.decimals && !noun.scale) continue;
      const value = noun.scale ? Math.round(parsed.value * noun.scale) : parsed.value;
      const f: CountFigure = { kind: 'count', paragraph, start, end: noun.end, value, noun: noun.noun, family: family(noun.noun), label, after: afterWords(folded, noun.end, clause.end) };
      if (noun.scale) f.approx = true;
      if (misgrouped) f.misgrouped = true;
      if (hedge) f.hedge = hedge;
      figures.push(f);
      // The words after the noun are this count's ("… 109.447 hồ sơ giải quyết trước hạn và 3.848
      // hồ sơ …"): the next figure's words start after them.
      prevEnd = noun.end + afterSpan(folded, noun.end, clause.end);
      continue;
    }
    // Bare number: a figure as "là N", "…: N", "= N"; otherwise only as a part of a breakdown
    // ("trong đó cấp tỉnh 157, cấp huyện 03"). Never a year.
    if (parsed.decimals || (parsed.value >= 1900 && parsed.value <= 2100 && !raw.includes('.'))) continue;
    const before = folded.slice(Math.max(clause.start, start - 6), start);
    const f: CountFigure = { kind: 'count', paragraph, start, end, value: parsed.value, noun: null, family: null, label, after: afterWords(folded, end, clause.end) };
    if (hedge) f.hedge = hedge;
    if (!/(?:\bla|:|=)\s*$/.test(before)) f.loose = true;
    figures.push(f);
    if (!f.loose) prevEnd = end;
  }
  return { figures: inOrder(figures, dates), windows: readWindows(folded, dates, paragraph), leftAlone, folded, sentences: sents, clauses: cls };
}

/**
 * The figures and the dates, each list in text order, merged into one (as a stable sort of the
 * figures followed by the dates would order them).
 */
function inOrder(figures: Figure[], dates: DateFigure[]): Figure[] {
  if (!dates.length) return figures;
  const out: Figure[] = [];
  let i = 0;
  let j = 0;
  while (i < figures.length || j < dates.length) {
    if (j >= dates.length || (i < figures.length && figures[i]!.start <= dates[j]!.start)) out.push(figures[i++]!);
    else out.push(dates[j++]!);
  }
  return out;
}

/** A cited document's symbol in NFC: text below U+0300 (no combining marks, every letter precomposed) is NFC already. */
const nfc = (s: string) => (/[^ -\u02ff]/.test(s) ? s.normalize('NFC') : s);

/** Folded words after a figure, up to the next punctuation or digit in its clause ("980 hồ sơ đã được giải quyết."). */
function afterWords(folded: string, from: number, clauseEnd: number): string {
  return folded.slice(from, from + afterSpan(folded, from, clauseEnd)).replace(/\s+/g, ' ').trim();
}

/**
 * Length of the words after a figure up to the next punctuation or digit, stopping before a
 * conjunction that opens the next item ("… trước hạn và 3.848 hồ sơ"): "và", "còn", "với".
 * A slash between words ("trước/đúng hạn") is part of them; one right after the figure
 * ("17265/trễ hạn 1458") separates two items.
 */
function afterSpan(folded: string, from: number, clauseEnd: number): number {
  const s = folded.slice(from, Math.min(clauseEnd, from + 80));
  const m = AFTER_WORDS.exec(s)![0];
  const conj = /\s(?:va|con|voi)\s*$/.exec(m);
  return conj ? conj.index : m.length;
}

function readWindows(folded: string, dates: DateFigure[], paragraph: number): Window[] {
  const out: Window[] = [];
  const sorted = dates;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    const before = folded.slice(Math.max(0, a.start - 10), a.start);
    const between = folded.slice(a.end, Math.min(b.start, a.end + 30));
    if (b.start - a.end <= 30 && /\btu\s+(?:ngay\s+)?$/.test(before) && /^\s*(?:den|toi|[-–])\s*(?:het\s+)?(?:ngay\s+)?$/.test(between)) {
      out.push({ paragraph, start: a.start, end: b.end, from: a.iso, to: b.iso });
      i++;
    }
  }
  return out;
}
