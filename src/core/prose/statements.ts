/**
 * From figures to statements: each count read with what it counts, in what state and about whom
 * (lexicon.ts), then the two relations the checks test: a total and its parts (breakdowns), and a
 * percentage and the fractions its wording allows (rate claims).
 *
 * The relations follow the meaning of the words, not the position of the numbers: a rate of files
 * resolved on time may be over the files resolved, the files due or the files received, wherever
 * those are stated in the passage (before the percentage, or after it in the same sentence); the
 * parts of "đã giải quyết 1.240 hồ sơ" are the early, on-time and late counts that follow, across
 * ";" and into the next list items, and stop at the first count of another state ("đang giải
 * quyết …"). A percentage with no base its wording allows is not a claim at all: precision first.
 *
 * Work is bounded per figure (a window of nearby statements), so a document is read in time linear
 * in its length.
 */
import { BASES, CHILD_OF, FAMILY_NOUN, HEDGE_WORD, PARTITIONS, STATUS_LIST, STATUS_NAME, STATUS_PHRASES, SUBJECT_LIST, SUBJECT_PHRASES, TOTAL_CUES, UNIT_WORDS, WEAK_BASES, type Status } from './lexicon';
import { formatNumber } from '../format';
import { readParagraph, type ParagraphReading } from './read';
import { matches, outerText, parenDepths, parenMatches, PhraseIndex, within, withinSteps, type Range } from './text';
import type { Breakdown, CountFigure, Family, DocParagraph, Figure, FractionFigure, Marker, PercentFigure, PercentStatement, Quantity, RateClaim, RateReading, Span } from './types';

export interface DocReading {
  paragraphs: ParagraphReading[];
  /** Quantities of each paragraph, in order. */
  quantities: Quantity[][];
  /** Percentages of each paragraph with what they are a rate of (their own words, or the count they follow) and about whom. */
  percents: PercentStatement[][];
  breakdowns: Breakdown[];
  rates: RateClaim[];
  /** Block of each paragraph: paragraphs between two headings share one. */
  blocks: number[];
}

/** Statuses whose short phrase also occurs inside other words' phrases: only right next to the figure. */
const ADJACENT_ONLY = new Set(['nhan', 'giao', 'huy', 'rut', 'thieu', 'hai long', 'mong doi', 'thuc te', 'giai quyet']);

/** Punctuation that separates words for the status phrases. */
const PHRASE_PUNCT = new Set([...':;=.()"“”+-–/'].map((c) => c.charCodeAt(0)));
/** A word character of a regular expression's \b (ASCII letters, digits, "_"). */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Folded words as the status phrases are matched on: cut at white space and punctuation, with
 * "được" out ("đã được giải quyết"; "duoc" between characters that are not ASCII letters, digits
 * or "_", as a regular expression's \bduoc\b), so phrases match whole words. [''] when there is
 * no word. One pass: the former three replacements and a split cost more than the phrase search.
 */
export function statusWords(words: string): string[] {
  const out: string[] = [];
  const n = words.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = words.charCodeAt(i);
    const duoc = c === 100 && words.startsWith('duoc', i) && (i === 0 || !isWordChar(words.charCodeAt(i - 1))) && (i + 4 >= n || !isWordChar(words.charCodeAt(i + 4)));
    if (duoc || isSpace(c) || PHRASE_PUNCT.has(c)) {
      if (start >= 0) out.push(words.slice(start, i));
      start = -1;
      if (duoc) i += 3;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(words.slice(start));
  return out.length ? out : [''];
}

/**
 * The status named in `words`: the phrase that ends last (closest to the figure, for words before
 * it), the longer where two end together. `side` says which end is next to the figure.
 */
export function statusIn(words: string, side: 'before' | 'after'): Status | null {
  return statusAt(words, side)?.status ?? null;
}

const STATUS_INDEX = new PhraseIndex(STATUS_LIST);
const ADJACENT = STATUS_LIST.map((p) => ADJACENT_ONLY.has(p));
const STATUS_LENGTH = STATUS_LIST.map((p) => p.split(' ').length);

/** The status named in `words` and, for words before a figure, the words between the phrase and the figure. */
export function statusAt(words: string, side: 'before' | 'after'): { status: Status; tail: string } | null {
  if (!words) return null;
  const ws = statusWords(words);
  // Every whole-word occurrence of every phrase; the one that ends last (before) or starts first
  // (after) wins, the longer where two tie. Adjacent-only phrases count only next to the figure.
  let best = -1;
  let bestFirst = 0;
  let bestLast = 0;
  STATUS_INDEX.each(ws, (k, i) => {
    const last = i + STATUS_LENGTH[k]! - 1;
    if (ADJACENT[k] && (side === 'before' ? last !== ws.length - 1 : i !== 0)) return;
    const longer = best >= 0 && STATUS_LIST[k]!.length > STATUS_LIST[best]!.length;
    const better = best < 0 || (side === 'before' ? last > bestLast || (last === bestLast && longer) : i < bestFirst || (i === bestFirst && longer));
    if (better) [best, bestFirst, bestLast] = [k, i, last];
  });
  return best < 0 ? null : { status: STATUS_PHRASES[STATUS_LIST[best]!]!, tail: side === 'before' ? ws.slice(bestLast + 1).join(' ') : '' };
}

const isChild = (child: Status, parent: Status) => CHILD_OF[child]?.includes(parent) ?? false;


/**
 * The most specific status named in the words after a count's noun: "121 hồ sơ trả kết quả đúng
 * hạn và trước hạn" is early-or-on-time, not merely resolved.
 */
function statusAfter(words: string): Status | null {
  // The phrases named, in the lexicon's order (which decides between two of one rank).
  const found = new Set<number>();
  STATUS_INDEX.each(statusWords(words), (k, i) => {
    if (!ADJACENT[k] || i === 0) found.add(k);
  });
  let best: Status | null = null;
  for (const k of [...found].sort((a, b) => a - b)) {
    const st = STATUS_PHRASES[STATUS_LIST[k]!]!;
    if (!best || isChild(st, best)) best = st;
  }
  return best;
}

const LABEL_NUMBER = /(?<![\p{L}/\d.,])\d[\d.,]*(?![\d/])/gu;

/** The words after the last number of `label` that is a figure (not a year, a date or a level: "năm 2021", "14/9/2022", "mức độ 3"). */
function afterLastNumber(label: string): string {
  let cut = 0;
  for (const m of matches(LABEL_NUMBER, label)) {
    if (/(?:nam|thang|ngay|quy|muc do|\/)\s*$/.test(label.slice(Math.max(0, m.index - 8), m.index))) continue;
    cut = m.index + m[0].length;
  }
  return label.slice(cut);
}

const BASE_CUE_AFTER = /\b(?:tren tong(?: so)?|tren so|trong tong so|trong so|so voi)\b.*$/;

/**
 * "Tổng số hồ sơ tiếp nhận trong kỳ là 2.450 (kỳ trước chuyển sang 300, mới tiếp nhận 2.150)": a
 * total named by "tổng số" is all the files received, those carried over included, though its
 * last words say "received in the period"; read as received, which may be either.
 */
function readStatus(f: { kind: string; label: string; after?: string }): { status: Status | null; tail: string } {
  const read = statusOf(f);
  return read.status === 'new' && /\btong so\b/.test(afterLastNumber(f.label)) ? { ...read, status: 'received' } : read;
}

function statusOf(f: { kind: string; label: string; after?: string }): { status: Status | null; tail: string } {
  // Words before an earlier figure are that figure's ("có tổng số 2.760, với 2.602 hồ sơ …").
  const before = statusAt(afterLastNumber(f.label), 'before');
  // "37 hồ sơ trên tổng số 1.850 hồ sơ đã giải quyết": the words from a base cue on name that base, not this count.
  const own = f.after ? f.after.replace(BASE_CUE_AFTER, '') : '';
  const after = own ? statusAfter(own) : null;
  // The words right after the noun say most ("109.447 hồ sơ giải quyết trước/đúng hạn"), unless
  // the words before are more specific ("trễ hạn 12 hồ sơ đã giải quyết"). After a fraction they
  // name its denominator ("50/54 chỉ tiêu được giao"), so there the words before come first.
  if (f.kind === 'fraction') {
    if (before && after && isChild(after, before.status)) return { status: after, tail: before.tail };
    if (before) return before;
  }
  if (before && after && isChild(before.status, after)) return before;
  if (after) return { status: after, tail: before?.tail ?? f.label };
  if (before) return before;
  return { status: null, tail: f.label };
}

/** White space as a regular expression's \s reads it. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** The subject phrases' words, in SUBJECT_LIST's order. */
const SUBJECT_WORDS = SUBJECT_LIST.map((p) => p.split(' '));
/** The subject phrases (their index in SUBJECT_LIST, in order) by the character code their first word starts with. */
const SUBJECT_BY_FIRST = new Map<number, number[]>();
SUBJECT_WORDS.forEach((w, k) => SUBJECT_BY_FIRST.set(w[0]!.charCodeAt(0), [...(SUBJECT_BY_FIRST.get(w[0]!.charCodeAt(0)) ?? []), k]));
/** Where the words of a window start and end, right to left (reused: a window has at most 100 words). */
const wordStart = new Int32Array(128);
const wordEnd = new Int32Array(128);

function subjectIn(folded: string, from: number, to: number): string | null {
  // The words of the 200 characters before `to`, cut at white space, ":", ";" and parentheses;
  // the phrase that starts last wins, the first of the lexicon's list where two start together.
  // Read right to left in place, so the first word a phrase starts at is the answer.
  const lo = Math.max(from, to - 200);
  const sep = (c: number) => c === 58 || c === 59 || c === 40 || c === 41 || isSpace(c);
  let n = 0;
  let i = to;
  for (;;) {
    while (i > lo && sep(folded.charCodeAt(i - 1))) i--;
    if (i <= lo) return null;
    const end = i;
    while (i > lo && !sep(folded.charCodeAt(i - 1))) i--;
    wordStart[n] = i;
    wordEnd[n] = end;
    // Word n starts here; the words after it are n - 1, n - 2, … (read before it).
    const first = folded.charCodeAt(i);
    for (const k of SUBJECT_BY_FIRST.get(first) ?? []) {
      const pw = SUBJECT_WORDS[k]!;
      if (pw.length > n + 1) continue;
      let j = 0;
      while (j < pw.length && wordEnd[n - j]! - wordStart[n - j]! === pw[j]!.length && folded.startsWith(pw[j]!, wordStart[n - j]!)) j++;
      if (j === pw.length) return SUBJECT_PHRASES[SUBJECT_LIST[k]!]!;
    }
    n++;
  }
}

const HEADING = /^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s+\S/u;

/** A heading starts a new block: short, numbered, and stating no figure. */
export function isHeading(p: DocParagraph, reading: ParagraphReading): boolean {
  const t = p.text.trim();
  return p.kind !== 'note' && p.kind !== 'cell' && t.length <= 150 && HEADING.test(t) && !reading.figures.some((f) => f.kind !== 'date');
}

const MARKER = /(?<![\p{L}])(trong do|bao gom|gom|cu the)(?![\p{L}])\s*(:?)/gu;
const MARKER_NAME: Record<string, Marker> = { 'trong do': 'trong đó', 'bao gom': 'gồm', gom: 'gồm', 'cu the': 'cụ thể' };

/** Reads a whole document into statements. */
export function readDocument(paragraphs: DocParagraph[], skip: (p: DocParagraph) => boolean = () => false): DocReading {
  const readings = paragraphs.map((p, i) => readParagraph(skip(p) ? { ...p, text: '' } : p, i));
  const blocks: number[] = [];
  let block = 0;
  readings.forEach((r, i) => {
    const p = paragraphs[i]!;
    const prev = paragraphs[i - 1];
    if (isHeading(p, r) || p.kind === 'note' || (prev && (prev.kind === 'cell') !== (p.kind === 'cell'))) block++;
    blocks.push(block);
  });
  // The subject a list item inherits from the paragraph that introduces it ("Khảo sát … nội trú
  // (2.771 phiếu):"): that paragraph's last subject, read only when an item's figure names none.
  let carrier = '';
  let carried: string | null | undefined = null;
  const inherited = () => (carried === undefined ? (carried = subjectIn(carrier, 0, carrier.length)) : carried);
  const percents: PercentStatement[][] = [];
  const quantities = readings.map((r, i) => {
    const p = paragraphs[i]!;
    // A list item inherits; Word numbering or a typed "+ " / "- " makes one.
    if (!isItem(p) || blocks[i] !== blocks[i - 1]) carried = null;
    const own: Quantity[] = [];
    for (const f of r.figures) {
      if (f.kind !== 'count' && f.kind !== 'fraction') continue;
      const sentence = within(r.sentences, f.start);
      const subject = subjectIn(r.folded, sentence?.start ?? 0, f.start) ?? inherited();
      const { status, tail } = readStatus(f);
      own.push({
        figure: f,
        value: f.kind === 'count' ? f.value : f.numerator,
        family: f.family,
        status,
        tail,
        subject,
        exact: f.kind === 'fraction' || (!f.hedge && !f.approx),
      });
    }
    const pcs: PercentStatement[] = [];
    for (const f of r.figures) {
      if (f.kind !== 'percent') continue;
      const sentence = within(r.sentences, f.start);
      const st = readStatus(f);
      pcs.push({ figure: f, status: st.status, tail: st.tail, subject: subjectIn(r.folded, sentence?.start ?? 0, f.start) ?? inherited() });
    }
    percents.push(pcs);
    // (What a paragraph that is no item carries is its own subject: `carried` was reset above.)
    if (!isItem(p)) [carrier, carried] = [r.folded, undefined];
    return own;
  });
  const breakdowns: Breakdown[] = [];
  readings.forEach((r, i) => breakdowns.push(...paragraphBreakdowns(paragraphs, readings, quantities, blocks, i)));
  const rates: RateClaim[] = [];
  // Indexed once for the document: per paragraph with a percentage it made reading quadratic.
  const index = indexBreakdowns(breakdowns);
  readings.forEach((r, i) => {
    if (paragraphs[i]!.kind === 'cell') return;
    rates.push(...paragraphRates(paragraphs, readings, quantities, index, blocks, i));
  });
  return { paragraphs: readings, quantities, percents, breakdowns, rates, blocks };
}

// ---------------------------------------------------------------- breakdowns

/** Index of the first figure starting at or after `pos` (figures sorted by start). */
function firstAt(figs: Figure[], pos: number): number {
  let lo = 0;
  let hi = figs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figs[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last quantity that ends at or before `pos` in `qs` (sorted by start). */
function lastBefore(qs: Quantity[], pos: number): number {
  let lo = 0;
  let hi = qs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid]!.figure.end <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

const MAX_PARTS = 30;
/** Counts looked at for one list (nested ones skipped included): bounded, so deep nesting stays linear. */
const MAX_SCAN = 4 * MAX_PARTS;

function paragraphBreakdowns(paragraphs: DocParagraph[], readings: ParagraphReading[], quantities: Quantity[][], blocks: number[], i: number): Breakdown[] {
  const r = readings[i]!;
  const qs = quantities[i]!;
  const out: Breakdown[] = [];
  if (paragraphs[i]!.kind === 'cell' || !qs.length && !r.folded.includes('trong do')) return out;
  let depth: Uint16Array | undefined;
  // What each marker asks of the paragraph, found once for it (markers may be thousands): the
  // next ")", where its text ends, where each sentence's first word starts.
  let close = -2;
  let end: number | undefined;
  const textEnd = () => (end ??= r.folded.trimEnd().length);
  /** Only white space, at most one ":" or ".", and white space again from `from` to the end (as /^\s*[:.]?\s*$/). */
  const endsParagraph = (from: number) => {
    let j = from;
    while (j < r.folded.length && isSpace(r.folded.charCodeAt(j))) j++;
    if (r.folded[j] === ':' || r.folded[j] === '.') j++;
    return j >= textEnd();
  };
  const openings = new Map<number, number>();
  /** The first character from `from` that is not white space or list punctuation (/[\s\-+•,.;:()]/). */
  const opening = (from: number) => {
    let j = openings.get(from);
    if (j === undefined) {
      j = from;
      while (j < r.folded.length && (isSpace(r.folded.charCodeAt(j)) || '-+•,.;:()'.includes(r.folded[j]!))) j++;
      openings.set(from, j);
    }
    return j;
  };
  for (const m of matches(MARKER, r.folded, ['trong do', 'gom', 'cu the'])) {
    depth ??= parenDepths(r.folded);
    const at = m.index;
    const word = m[1]!;
    const rest = r.folded.slice(at + m[0].length, at + m[0].length + 20);
    const before = r.folded.slice(Math.max(0, at - 12), at);
    // "cụ thể" is a marker only as "…, cụ thể:" or "cụ thể như sau", never as an adjective ("nhiệm vụ cụ thể").
    if (word === 'cu the' && !(m[2] === ':' || /^\s*(?:nhu sau|la)\b/.test(rest) || /[,.;(]\s*$/.test(before) || at === 0)) continue;
    const sentence = within(r.sentences, at) ?? { start: 0, end: r.folded.length };
    // The total: the last quantity before the marker in its sentence; where the marker opens the
    // sentence ("… 980 hồ sơ đã được giải quyết. Trong đó, …"), the last one of the sentence or paragraph before.
    let total: Quantity | undefined;
    let distant = false;
    const k = lastBefore(qs, at);
    const opensSentence = opening(sentence.start) >= at;
    // The total stood in the sentence before: only a sentence's end may lie between it and the marker.
    let previousSentence = false;
    if (k >= 0 && qs[k]!.figure.start >= sentence.start) total = qs[k];
    else if (opensSentence) {
      if (k >= 0) {
        total = qs[k];
        previousSentence = true;
        distant = true;
      } else if (i > 0 && blocks[i - 1] === blocks[i] && /^[\s\-+•]*$/.test(r.folded.slice(0, at))) {
        total = quantities[i - 1]!.at(-1);
        distant = true;
      }
    }
    if (!total || !total.exact) continue;
    const sameParagraph = total.figure.paragraph === i;
    if (sameParagraph) {
      const gap = r.folded.slice(total.figure.end, at);
      // Only a percentage, punctuation or a few words may stand between the total and its marker.
      if (gap.length > 80 || (!previousSentence && /[.?!]\s/.test(gap))) continue;
      if (previousSentence && total.figure.start < (within(r.sentences, sentence.start - 1)?.start ?? sentence.start)) continue;
      // The gap is short: the figures in it are found by a look at the few after the total.
      const from = firstAt(r.figures, total.figure.start);
      let gapFigure = false;
      for (let g = from + 1; g < r.figures.length && r.figures[g]!.start < at; g++) if (r.figures[g]!.kind !== 'percent' && r.figures[g]!.end <= at) gapFigure = true;
      if (gapFigure) continue;
    }
    let scopeEnd: number;
    const gap = sameParagraph ? r.folded.slice(total.figure.end, at) : '';
    if (/\(\s*$/.test(gap)) {
      // Markers come in order: the ")" found for an earlier one serves until it is passed.
      if (close !== -1 && close < at) close = r.folded.indexOf(')', at);
      scopeEnd = close < 0 || close > sentence.end ? sentence.end : close;
    } else scopeEnd = m[2] === ':' && sentence.end >= textEnd() ? r.folded.length : sentence.end;
    const start = at + m[0].length;
    let parts = partsAfter(total, qs, start, scopeEnd, depth);
    // "…, trong đó:" ending the paragraph: the parts are the next list items' first counts.
    if (!parts.length && endsParagraph(start)) parts = partsInItems(total, paragraphs, quantities, blocks, i);
    if (!parts) continue;
    const b = breakdownOf(total, parts, MARKER_NAME[word]!);
    if (b && distant) b.distant = true;
    if (b) out.push(b);
  }
  out.push(...parenBreakdowns(r, qs, depth ?? parenDepths(r.folded)));
  return out;
}

/**
 * "18273 hồ sơ (đúng hạn 17265/trễ hạn 1458)": counts in the parentheses right after a count
 * split it. Parentheses also hold examples and notes, so only parts that name a whole split of
 * the count's state (lexicon PARTITIONS) make a breakdown.
 */
function parenBreakdowns(r: ParagraphReading, qs: Quantity[], depth: Uint16Array): Breakdown[] {
  const out: Breakdown[] = [];
  // Counts come in order: the "(" found after one serves the next until it is passed.
  let open = -2;
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!;
    if (!q.exact || q.figure.kind !== 'count' || (q.figure as CountFigure).loose) continue;
    if (open !== -1 && open < q.figure.end) open = r.folded.indexOf('(', q.figure.end);
    if (open < 0 || open - q.figure.end > 60 || /[\d;.:]/.test(r.folded.slice(q.figure.end, open))) continue;
    const level = depth[open + 1]!;
    const parts: Quantity[] = [];
    const seen = new Set<Status>();
    let ok = true;
    for (let j = k + 1; j < qs.length && parts.length < MAX_PARTS; j++) {
      const x = qs[j]!;
      const d = depth[x.figure.start]!;
      if (x.figure.start < open) continue;
      if (d < level || j - k > MAX_SCAN) break;
      if (d > level) continue;
      if (partitionReached(q, parts, x)) break;
      if (x.figure.kind === 'fraction' || !belongs(q, x, seen)) {
        ok = false;
        break;
      }
      if (x.status) seen.add(x.status);
      parts.push(x);
    }
    if (!ok || parts.length < 2) continue;
    const b = breakdownOf(q, parts, 'ngoặc');
    // Parts of one split, though not all of them, are disjoint: they cannot add up to more than the
    // count (checkBreakdowns holds an incomplete breakdown to that only).
    if (b && (b.complete || disjoint(q, parts))) out.push(b);
  }
  return out;
}

/**
 * Parts after a marker, in order, up to the first count of another state, a nested marker's, or a
 * fraction. Counts in parentheses after a part are that part's own parts ("07 TTHC (02 … và 05
 * …)"), not more parts of the total; leaving the marker's parentheses ends the list.
 */
function partsAfter(total: Quantity, qs: Quantity[], from: number, to: number, depth: Uint16Array): Quantity[] {
  const parts: Quantity[] = [];
  const seen = new Set<Status>();
  const level = depth[from] ?? 0;
  let k = lastBefore(qs, from) + 1;
  const first = k;
  for (; k < qs.length && parts.length < MAX_PARTS; k++) {
    const q = qs[k]!;
    if (q.figure.start < from) continue;
    if (q.figure.end > to) break;
    const d = depth[q.figure.start] ?? 0;
    if (d < level || k - first > MAX_SCAN) break;
    if (d > level) continue;
    if (q.figure.kind === 'fraction') return [];
    if (!belongs(total, q, seen) || partitionReached(total, parts, q) || otherSplit(total, parts, q)) break;
    if (q.status) seen.add(q.status);
    parts.push(q);
  }
  return parts;
}

function partsInItems(total: Quantity, paragraphs: DocParagraph[], quantities: Quantity[][], blocks: number[], i: number): Quantity[] {
  const parts: Quantity[] = [];
  const seen = new Set<Status>();
  for (let j = i + 1; j < paragraphs.length && parts.length < MAX_PARTS; j++) {
    const p = paragraphs[j]!;
    if (blocks[j] !== blocks[i] || (p.kind !== 'list' && !/^\s*[-+•]/.test(p.text))) break;
    const q = quantities[j]![0];
    if (!q || q.figure.kind === 'fraction' || !belongs(total, q, seen)) break;
    if (q.status) seen.add(q.status);
    parts.push(q);
  }
  return parts;
}

/** A part's state within its total's split: "đang giải quyết 52, trong đó … quá hạn 02" is overdue among the pending. */
const partState = (total: Quantity, p: Quantity): Status | null => (total.status === 'pending' && p.status === 'late' ? 'pendingLate' : p.status);

/**
 * The parts so far already split the total whole ("1.833 thủ tục cấp tỉnh, 301 cấp huyện và 134
 * cấp xã"): a further count starts another list ("; trong đó … mức độ 3 là 1.089").
 */
function partitionReached(total: Quantity, parts: Quantity[], next: Quantity): boolean {
  if (parts.length < 2 || parts.some((p) => !p.status)) return false;
  const name = (p: Quantity) => partState(total, p)!;
  const statuses = parts.map(name);
  const sets = PARTITIONS[total.status ?? 'total'] ?? [];
  if (!sets.some((set) => set.length === statuses.length && set.every((s) => statuses.includes(s)))) return false;
  // Unless a larger split goes on with the next count ("trực tuyến 85, trực tiếp 198, từ kỳ trước 14").
  const more = next.status ? [...statuses, name(next)] : null;
  return !more || !sets.some((set) => set.length === more.length && more.every((s) => set.includes(s)));
}

/**
 * The parts so far are states of one split of the total ("trong đó trực tuyến 85, trực tiếp 212"),
 * and the next count names a state of no split with them ("; đã giải quyết 280"): it says something
 * else about the same total, a new statement, not one more part.
 */
function otherSplit(total: Quantity, parts: Quantity[], next: Quantity): boolean {
  if (!parts.length || !next.status || parts.some((p) => !p.status)) return false;
  const name = (p: Quantity) => partState(total, p)!;
  const statuses = parts.map(name);
  const sets = (PARTITIONS[total.status ?? 'total'] ?? []).filter((set) => statuses.every((s) => set.includes(s)));
  return sets.length > 0 && !sets.some((set) => set.includes(name(next)));
}

/** Can `q` be a part of `total`? Same family; a known status must be a state the total splits into, and new. */
function belongs(total: Quantity, q: Quantity, seen: Set<Status>): boolean {
  if (total.family && q.family && q.family !== total.family) return false;
  if (!q.status) return true;
  if (seen.has(q.status)) return false;
  if (!total.status) return true;
  // "đang giải quyết 41 hồ sơ, trong đó … quá hạn": overdue among the pending.
  return isChild(q.status, total.status) || (total.status === 'pending' && q.status === 'late');
}

/** Every part names a different state of one split of the total's state (lexicon PARTITIONS). */
function disjoint(total: Quantity, parts: Quantity[]): boolean {
  const statuses = parts.map((p) => partState(total, p));
  if (statuses.some((st) => !st) || new Set(statuses).size < statuses.length) return false;
  return (PARTITIONS[total.status ?? 'total'] ?? []).some((set) => statuses.every((st) => set.includes(st!)));
}

function breakdownOf(total: Quantity, parts: Quantity[], marker: Marker): Breakdown | null {
  if (!parts.length || parts.some((p) => !p.exact)) return null;
  // A part larger than its whole is another quantity ("7 nhiệm vụ trọng tâm … 52 nhiệm vụ cụ thể").
  if (parts.some((p) => p.value > total.value)) return null;
  // "02 …, trong đó 02 … và 02 …": a part as large as its whole is the whole described again; the
  // counts after it say other things of the same items, unless they name states of one split.
  if (parts.length > 1 && parts.some((p) => p.value === total.value && p.value > 0) && !disjoint(total, parts)) return null;
  // Parts must count what the total counts; "15 điểm cầu gồm … 03 bệnh viện" is a description.
  if (total.family === null && parts.some((p) => p.family !== null) && new Set(parts.map((p) => p.family)).size > 1) return null;
  // "được giao 30, có mặt 28; … được giao 12, có mặt 11" is a table in words: the same words name two parts.
  const names = parts.map((p) => p.figure.label.replace(/^.*\b(?:trong do|bao gom|gom|cu the)\b/, '').replace(/[^a-z ]+/g, ' ').trim()).filter((t) => t);
  if (new Set(names).size < names.length) return null;
  const statuses = parts.map((p) => partState(total, p));
  const covers = (st: Status) => (PARTITIONS[st] ?? []).some((set) => set.length === statuses.length && set.every((s) => statuses.includes(s)));
  // A total of no named state ("…: 19593 hồ sơ, trong đó:") is complete when its parts split all files (resolved + pending).
  const complete = statuses.every((s) => s) && (total.status ? covers(total.status) : covers('total'));
  return { total, parts, marker, complete };
}

// ---------------------------------------------------------------- rates

const FRAME_WORDS = '(?:dat|chiem|bang|=|tuong ung|tuong duong|voi|ty le|la|tren|hon|gan nhu|gan|khoang|xap xi|duoi|chua den|it nhat|toi thieu|khong duoi|toi da|khong qua|dat ty le|so)';
/** Between a count or fraction and its percentage: a few words of the noun phrase, then the frame. */
const GAP = new RegExp(`^[\\s(,:]*(?:[a-z ]{0,32}?[\\s,(]*)?(?:${FRAME_WORDS}\\s*)*[\\s(:]*$`);
/** Between a percentage and the fraction or count after it: "99,3% (1.231/1.240 hồ sơ)", "99,3%, với 1.231 hồ sơ". */
const GAP_AFTER = /^\s*(?:[(:]\s*)?(?:,?\s*(?:voi|tuong ung|tuong duong|la|gom|bang)\s*(?:voi\s*)?)?$/;
/** Words that make a percentage the share of the figure before it, whatever that figure counts. */
const RATE_FRAME = /\b(?:chiem|ty le|bang|tuong ung|tuong duong)\b|=/;

/**
 * How far back a rate's figure may stand, in characters and parentheses of the rate's level (a
 * deeper parenthesis counting one): far beyond any gap the frame accepts (45 characters).
 */
const GAP_STEPS = 240;

/** How many statements back a base may be: a passage of a report, not the whole document. */
const WINDOW = 40;

const quantityText = (q: Quantity) => `${formatNumber(q.value, 0)}${q.family && q.family !== 'other' ? ` ${FAMILY_NOUN[q.family]}` : ''}${q.status ? ` ${STATUS_NAME[q.status]}` : ''}`;

/** The breakdown each part belongs to (the last one read, where two claim it) and the totals of all breakdowns. */
interface BreakdownIndex {
  partOf: Map<Quantity, Breakdown>;
  totals: Set<Quantity>;
}

function indexBreakdowns(breakdowns: Breakdown[]): BreakdownIndex {
  const partOf = new Map<Quantity, Breakdown>();
  const totals = new Set<Quantity>();
  for (const b of breakdowns) {
    totals.add(b.total);
    for (const p of b.parts) partOf.set(p, b);
  }
  return { partOf, totals };
}

function paragraphRates(paragraphs: DocParagraph[], readings: ParagraphReading[], quantities: Quantity[][], { partOf, totals }: BreakdownIndex, blocks: number[], i: number): RateClaim[] {
  const r = readings[i]!;
  const out: RateClaim[] = [];
  const numeric = r.figures.filter((f) => f.kind !== 'date');
  if (!numeric.some((f) => f.kind === 'percent')) return out;
  const qs = quantities[i]!;
  const depth = parenDepths(r.folded);
  // Where each ")" opened: made only when a rate's gap has a deeper parenthesis to jump over.
  let match: Int32Array | undefined;
  const byFigure = new Map<Figure, Quantity>(qs.map((q) => [q.figure, q]));
  const passage = groupQuantities(paragraphs, quantities, blocks, i);
  // For each figure, the nearest figure before it not deeper in parentheses (a stack of the
  // figures so far at rising depth): a look-back per percentage made nested parentheses quadratic.
  const outer = new Int32Array(numeric.length);
  const stack: number[] = [];
  for (let n = 0; n < numeric.length; n++) {
    const d = depth[numeric[n]!.start]!;
    while (stack.length && depth[numeric[stack[stack.length - 1]!]!.start]! > d) stack.pop();
    outer[n] = stack.length ? stack[stack.length - 1]! : -1;
    stack.push(n);
  }

  for (let n = 0; n < numeric.length; n++) {
    const p = numeric[n]!;
    if (p.kind !== 'percent') continue;
    const sentence = within(r.sentences, p.start) ?? { start: 0, end: r.folded.length };
    const level = depth[p.start]!;
    // The figure before, skipping what stands in parentheses closed before the percentage: in
    // "71.714 hồ sơ (trong đó có 32 hồ sơ …), đạt tỷ lệ 100%" the rate is of the 71.714.
    const b = outer[n]!;
    const prev = b >= 0 ? numeric[b] : undefined;
    const next = numeric[n + 1];
    // A figure more than GAP_STEPS pieces back is not this rate's: its gap stands as one character
    // no frame accepts, and only the percentage's own words are read.
    const far = !!prev && !withinSteps(r.folded, depth, (match ??= parenMatches(r.folded)), prev.end, p.start, level, GAP_STEPS);
    const gapBefore = far ? '\u0000' : prev ? outerText(r.folded, depth, prev.end, p.start, level).replace(/\s+/g, ' ') : '';
    const gapAfter = next ? r.folded.slice(p.end, next.start) : '';
    // The percentage's own words, parentheses left out: what it says it is a rate of.
    const ownWords = (far ? '' : gapBefore) || outerText(r.folded, depth, Math.max(sentence.start, p.start - 120), p.start, level);
    const spans: Span[] = [];
    const readingsOf: RateReading[] = [];
    let status: Status | null = null;
    let attached: Quantity | undefined;
    let numeratorFamily: Family | null = null;
    const alternatives = [...new Set(nearby(qs, p, sentence).map((q) => q.value))];

    let misgrouped = false;
    const fractionReading = (f: FractionFigure) => {
      numeratorFamily = f.family;
      if (f.misgrouped) misgrouped = true;
      readingsOf.push({ numerator: f.numerator, denominator: f.denominator, numeratorText: formatNumber(f.numerator, Number.isInteger(f.numerator) ? 0 : undefined), denominatorText: formatNumber(f.denominator, 0) });
      spans.push(f);
    };
    // "năm 2021 tiếp nhận 4.000 hồ sơ, tăng 25%": a percentage framed as a change is no share of the
    // figure before it, and the figure it changed from is not said: not judged.
    if (/\b(?:tang|giam)(?: them| len| xuong)?\s*(?:khoang |hon |gan |tren |duoi )?$/.test(gapBefore)) continue;
    const closeBefore = !!prev && prev.start >= sentence.start && !gapBefore.includes(';');
    if (closeBefore && prev.kind === 'fraction' && gapBefore.length <= 45 && GAP.test(gapBefore)) {
      // "10/17 sở, ngành đạt trên 90%": units that reach a rate, not the rate of the fraction.
      if (UNIT_WORDS.test(gapBefore) && !RATE_FRAME.test(gapBefore)) continue;
      // "15/17 đơn vị đạt (tỷ lệ đúng hạn) 100%": units counted, then the rate each reached. Their
      // share is set apart ("15/17 đơn vị, đạt 88,2%", "(88,2%)").
      if (prev.family === 'donvi' && /^\s*dat\b/.test(gapBefore)) continue;
      fractionReading(prev);
    } else if (next && next.end <= sentence.end && gapAfter.length <= 12 && GAP_AFTER.test(gapAfter) && next.kind === 'fraction') fractionReading(next);
    else {
      if (closeBefore && prev.kind === 'count') {
        const q = byFigure.get(prev);
        // The count's own words after its noun (the figure ends with its noun) belong to it, not to the gap.
        const own = q?.figure.kind === 'count' ? q.figure.after : '';
        const g = gapBefore.replace(/\s+/g, ' ').trimStart();
        const rest = own && g.startsWith(own) ? g.slice(own.length) : gapBefore;
        const named = statusIn(rest, 'before');
        // "651 hồ sơ trễ hạn, tỷ lệ giải quyết đúng hạn đạt 95,53%": the percentage names another state.
        const otherState = !!q?.status && !!named && named !== q.status && !isChild(q.status, named) && !isChild(named, q.status);
        if (q && rest.length <= 45 && GAP.test(rest) && !otherState) attached = q;
      } else if (next && next.end <= sentence.end && next.kind === 'count' && gapAfter.length <= 12 && GAP_AFTER.test(gapAfter)) attached = byFigure.get(next);
      if (attached && (!attached.exact || attached.figure.kind !== 'count')) continue;
      // "37 hồ sơ quá hạn trên tổng số 1.850 hồ sơ đã giải quyết, chiếm 2%": the count the percentage
      // follows is named as the base of the one before it; the two make a fraction in words.
      const over = attached ? overCount(qs, attached, r.folded) : undefined;
      if (attached && over) {
        numeratorFamily = over.family;
        readingsOf.push({ numerator: over.value, denominator: attached.value, numeratorText: quantityText(over), denominatorText: quantityText(attached) });
        spans.push(over.figure, attached.figure);
        out.push({ percent: p, status: over.status, family: numeratorFamily, readings: readingsOf, spans, alternatives });
        continue;
      }
      // The percentage's own words name the state where no count is attached ("tỷ lệ giải quyết đúng hạn đạt 98,5%").
      status = attached?.status ?? statusIn(ownWords.replace(/^.*\d/, ''), 'before');
      const numerators: Quantity[][] = attached ? [[attached]] : numeratorsFor(status, qs, passage, p, sentence);
      if (!numerators.length) continue;
      numeratorFamily = numerators[0]![0]!.family;
      const after = namedBase(r.folded.slice(p.end, Math.min(sentence.end, p.end + 80)));
      const before = after ? null : namedBefore(numerators[0]![0]!);
      const bases = basesFor(status, numerators[0]!, partOf.get(attached ?? numerators[0]![0]!), qs, passage, p, sentence, after ?? before, totals);
      // "Trong lượng hồ sơ giải quyết …, còn 1.200 hồ sơ quá hạn, chiếm 1,3%": the base is named
      // and its count stands elsewhere in the report. Taken only where the report gives that
      // count one value (one count of that state and thing, of no other subject).
      if (before && !bases.length) {
        const base = soleCount(quantities, before, numerators[0]![0]!);
        if (base) bases.push({ value: base.value, text: `${formatNumber(base.value, 0)} (${STATUS_NAME[before]}, đoạn ${base.figure.paragraph + 1})`, q: base, weak: false });
      }
      // A count said to be a change ("tăng 200 hồ sơ", "giảm 15 hồ sơ"): its rate may be over the earlier figure.
      const change = attached ? (/\b(tang|giam)(?: them)?\s*$/.exec(attached.figure.label)?.[1] as 'tang' | 'giam' | undefined) : undefined;
      for (const num of numerators) {
        const value = num.reduce((a, q) => a + q.value, 0);
        const text = num.length === 1 ? quantityText(num[0]!) : `${num.map((q) => formatNumber(q.value, 0)).join(' + ')} (${num.map((q) => (q.status ? STATUS_NAME[q.status] : '')).join(' + ')})`;
        for (const base of bases) {
          if (base.value < value || base.value <= 0 || num.includes(base.q)) continue;
          const reading: RateReading = { numerator: value, denominator: base.value, numeratorText: text, denominatorText: base.text };
          if (base.weak) reading.weak = true;
          if (base.bound) reading.bound = base.bound;
          readingsOf.push(reading);
          spans.push(base.q.figure);
          // "tiếp nhận 1.200 hồ sơ, tăng 200 hồ sơ (20%) so với cùng kỳ": a change is a rate over the
          // earlier figure, 1.200 − 200 = 1.000 (1.200 + 200 after "giảm").
          const earlier = change && !base.bound ? base.value + (change === 'tang' ? -value : value) : 0;
          if (earlier > 0) readingsOf.push({ numerator: value, denominator: earlier, numeratorText: text, denominatorText: `${formatNumber(earlier, 0)} (kỳ so sánh: ${formatNumber(base.value, 0)} ${change === 'tang' ? '−' : '+'} ${formatNumber(value, 0)})`, ...(base.weak ? { weak: true as const } : {}) });
        }
        spans.push(...num.map((q) => q.figure));
      }
      // QĐ 766/QĐ-TTg: on time = (resolved early or on time + pending within the deadline) / (resolved + pending).
      if (status === 'onTime' || status === 'earlyOrOnTime') readingsOf.push(...qd766(numerators, qs, passage));
    }
    if (!readingsOf.length) continue;
    out.push({ percent: p, status, family: numeratorFamily, readings: dedupe(readingsOf), spans, alternatives, ...(misgrouped ? { misgrouped: true as const } : {}) });
  }
  return out;
}

/** "trên tổng số", "trên", "trong tổng số": the words that make the count after them the base of the count before. */
const OVER = /(?:^|\s)(?:tren tong so|tren tong|tren|trong tong so)\s*$/;

/** The count that `base` is said to be the base of ("37 hồ sơ … trên tổng số 1.850 hồ sơ …"), in its sentence and clause. */
function overCount(qs: Quantity[], base: Quantity, folded: string): Quantity | undefined {
  // Found by binary search, not indexOf: a paragraph of thousands of rates stays linear.
  const k = lastBefore(qs, base.figure.start);
  const q = k >= 0 ? qs[k] : undefined;
  if (!q || !q.exact || q.figure.kind !== 'count' || q.value > base.value) return undefined;
  if (q.family && base.family && q.family !== base.family) return undefined;
  const gap = folded.slice(q.figure.end, base.figure.start);
  if (gap.length > 60 || /[;.()]/.test(gap)) return undefined;
  return OVER.test(gap) ? q : undefined;
}

const isItem = (p: DocParagraph) => p.kind === 'list' || /^\s*[-+*•]/.test(p.text);

/**
 * The quantities a paragraph's rates may draw on besides its own: where the paragraph is a list
 * item or closes a list, the items before it and the paragraph that introduces them ("…: 19593 hồ
 * sơ, trong đó:"), nearest last. A plain paragraph stands alone: a figure two paragraphs away is
 * as often about another unit or period as about the same files.
 */
function groupQuantities(paragraphs: DocParagraph[], quantities: Quantity[][], blocks: number[], i: number): Quantity[] {
  const out: Quantity[] = [];
  if (!isItem(paragraphs[i]!) && !(i > 0 && isItem(paragraphs[i - 1]!))) return out;
  for (let j = i - 1; j >= 0 && blocks[j] === blocks[i] && out.length < WINDOW; j--) {
    const p = paragraphs[j]!;
    if (isItem(p)) {
      out.unshift(...quantities[j]!);
      continue;
    }
    if (/:\s*$/.test(p.text)) out.unshift(...quantities[j]!);
    break;
  }
  return out;
}

function dedupe(rs: RateReading[]): RateReading[] {
  const seen = new Set<string>();
  return rs.filter((x) => {
    const k = `${x.numerator}/${x.denominator}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A count that bounds a rate's base: "hơn 4.000 hồ sơ" is a base of more than 4.000, so a rate over
 * it is at most numerator / 4.000. A rounded count ("3,8 ngàn") or one said to be near a value
 * ("khoảng", "gần") bounds nothing.
 */
function baseBound(q: Quantity): RateReading['bound'] | null {
  if (q.exact) return undefined;
  if (q.figure.kind !== 'count' || q.figure.approx) return null;
  const h = q.figure.hedge;
  return h === 'gt' || h === 'ge' ? 'atMost' : h === 'lt' || h === 'le' ? 'atLeast' : null;
}
const usableBase = (q: Quantity) => baseBound(q) !== null;

/** Quantities of this paragraph before the percentage or after it in its sentence, nearest first. */
function ownCandidates(qs: Quantity[], p: PercentFigure, sentence: Range, usable: (q: Quantity) => boolean = (q) => q.exact): Quantity[] {
  // At most WINDOW each side, found by binary search: a paragraph of thousands of rates stays linear.
  const k = lastBefore(qs, p.start);
  const before = qs.slice(Math.max(0, k + 1 - WINDOW), k + 1).reverse();
  const after: Quantity[] = [];
  for (let j = k + 1; j < qs.length && after.length < WINDOW && qs[j]!.figure.end <= sentence.end; j++) if (qs[j]!.figure.start >= p.end) after.push(qs[j]!);
  return [...before, ...after].filter(usable).slice(0, WINDOW);
}

/** The quantities of the percentage's sentence near it (at most WINDOW each side). */
function nearby(qs: Quantity[], p: PercentFigure, sentence: Range): Quantity[] {
  const k = lastBefore(qs, p.start);
  const out: Quantity[] = [];
  for (let j = k; j >= 0 && k - j < WINDOW && qs[j]!.figure.start >= sentence.start; j--) out.push(qs[j]!);
  for (let j = k + 1; j < qs.length && j - k <= WINDOW && qs[j]!.figure.end <= sentence.end; j++) out.push(qs[j]!);
  return out;
}

/**
 * What a percentage that names a state is a rate of: a count of that state in its own paragraph
 * (its sentence first), then in its list (groupQuantities). Never a count of another plain
 * paragraph: a rate restated far from its count ("Huyện X … tỷ lệ chậm 0,33%") is about another
 * subject as often as not.
 */
function numeratorsFor(status: Status | null, qs: Quantity[], passage: Quantity[], p: PercentFigure, sentence: Range): Quantity[][] {
  if (!status) return [];
  const cands = [...ownCandidates(qs, p, sentence), ...[...passage].reverse().filter((q) => q.exact)];
  const all = (s: Status) => cands.filter((q) => q.status === s).slice(0, 3);
  const first = (s: Status) => cands.find((q) => q.status === s);
  const out: Quantity[][] = all(status).map((q) => [q]);
  if (status === 'onTime' || status === 'earlyOrOnTime') {
    for (const both of all('earlyOrOnTime')) if (!out.some((n) => n[0] === both)) out.push([both]);
    const early = first('early');
    const onTime = first('onTime');
    if (early && onTime) out.push([early, onTime]);
  }
  return out;
}

const sameSubject = (a: Quantity, b: Quantity) => !a.subject || !b.subject || a.subject === b.subject;

/**
 * The bases a rate may be over: the total the numerator is a part of, then counts of an allowed
 * state in the paragraph, then in the passage before it (only counts of the same thing about the
 * same subject: a base from elsewhere must be unmistakably the same files).
 */
interface Base {
  value: number;
  text: string;
  q: Quantity;
  weak: boolean;
  bound?: RateReading['bound'];
}

function basesFor(status: Status | null, numerator: Quantity[], owner: Breakdown | undefined, qs: Quantity[], passage: Quantity[], p: PercentFigure, sentence: Range, named: Status | null, totals: Set<Quantity>): Base[] {
  const out: Base[] = [];
  const weakOnes = status && !named ? WEAK_BASES[status] ?? [] : [];
  const add = (q: Quantity, why: string) => {
    if (out.some((b) => b.q === q)) return;
    const bound = baseBound(q) ?? undefined;
    out.push({ value: q.value, text: `${bound && q.figure.kind === 'count' && q.figure.hedge ? `${HEDGE_WORD[q.figure.hedge]} ` : ''}${formatNumber(q.value, 0)} (${why})`, q, weak: !!q.status && weakOnes.includes(q.status), ...(bound ? { bound } : {}) });
  };
  const num = numerator[0]!;
  const fam = num.family;
  const own = ownCandidates(qs, p, sentence, usableBase).filter((q) => (!fam || !q.family || q.family === fam) && sameSubject(q, num));
  // A bare number of a list ("quá hạn 201") counts what its list counts.
  const far = fam !== 'other' ? [...passage].reverse().filter((q) => q.exact && (!fam || q.family === fam || (!q.family && totals.has(q))) && sameSubject(q, num)).slice(0, WINDOW) : [];
  if (named) {
    // The base named after the percentage ("chiếm 6,5% tổng số hồ sơ đã tiếp nhận") is the only one.
    const all = named === 'received' || named === 'total' || named === 'new' ? ['received', 'total', 'new'] : [named];
    for (const q of [...own, ...far]) {
      if (numerator.includes(q)) continue;
      if (q.status && all.includes(q.status)) add(q, STATUS_NAME[q.status]);
      else if (!q.status && totals.has(q) && all.includes('total')) add(q, 'tổng đã nêu');
    }
    return out;
  }
  const outside = (q: Quantity) => q.figure.paragraph !== p.paragraph || q.figure.end <= sentence.start || q.figure.start >= sentence.end;
  if (owner) {
    add(owner.total, owner.total.status ? STATUS_NAME[owner.total.status] : 'tổng đã nêu');
    // A total and a part both outside the percentage's sentence, the part found by its state alone
    // ("… trong đó 202 dịch vụ … trực tuyến. Tỷ lệ … trực tuyến toàn trình … 30%"): the rate may be
    // of another part the words do not mark; it can confirm, not fault.
    if (owner.distant && outside(owner.total) && outside(num)) out.find((b) => b.q === owner.total)!.weak = true;
  }
  const allowed = status ? BASES[status] : undefined;
  // A base the text gives only as the sum of its parts: "trực tuyến 85, trực tiếp 198" make 283
  // new files, the base of an online rate even where "tiếp nhận mới" is not written.
  if (owner && allowed) {
    for (const base of allowed) {
      for (const set of PARTITIONS[base] ?? []) {
        const parts = set.map((st) => owner.parts.find((x) => x.status === st));
        if (parts.every((x) => x) && parts.includes(num)) {
          const sum = parts.reduce((a, x) => a + x!.value, 0);
          if (!out.some((b) => b.value === sum)) out.push({ value: sum, text: `${formatNumber(sum, 0)} (${STATUS_NAME[base]}: ${parts.map((x) => formatNumber(x!.value, 0)).join(' + ')})`, q: owner.total, weak: weakOnes.includes(base) });
        }
      }
    }
  }
  if (allowed) {
    for (const q of [...own, ...far]) {
      if (!q.status || !allowed.includes(q.status)) continue;
      add(q, STATUS_NAME[q.status]);
      // A count of an allowed state found only by its state, outside the percentage's sentence, may
      // be of other files (another period, unit or stage): it can confirm the rate, not fault it.
      if (outside(q)) out.find((b) => b.q === q)!.weak = true;
    }
  }
  if (!out.length && !allowed) {
    // A count of no known state: a base named as a total of the same thing, before it in its sentence.
    for (const q of own) {
      if (q.figure.start < sentence.start || q.figure.end > p.start || numerator.includes(q)) continue;
      if (TOTAL_CUES.test(q.figure.label) || q.status === 'received' || q.status === 'total' || q.status === 'assigned') add(q, 'tổng đã nêu');
    }
  }
  return out;
}

/** "… 6,5% tổng số hồ sơ đã tiếp nhận", "… 3% số hồ sơ đến hạn": the base a percentage names after itself. */
function namedBase(after: string): Status | null {
  const m = /^\s*(?:tren\s+|so voi\s+|cua\s+|trong\s+)?(tong so|so)\s+([^,;.()\d%]{0,60})/.exec(after);
  if (!m) return null;
  const words = m[2]!.trim();
  if (!/^(?:ho so|tthc|thu tuc|don|phieu)\b/.test(words)) return null;
  return statusAfter(words) ?? (m[1] === 'tong so' ? 'total' : null);
}

/**
 * "trong (tổng) số/lượng hồ sơ đã giải quyết …, còn 1.200 hồ sơ quá hạn": the base's state, named
 * without its count in the numerator's own words. ("trên tổng số …" closes the rate before it.)
 */
function namedBefore(numerator: Quantity): Status | null {
  const m = /\btrong\s+(?:tong\s+)?(?:so|luong)\s+(?:ho so|tthc|thu tuc hanh chinh)\s+([^,;.()\d%]{0,60})/.exec(numerator.figure.label);
  return m ? statusAfter(m[1]!.trim()) : null;
}

/** The one count of a state in the whole report, of the numerator's thing, of no subject; none where two values are given. */
function soleCount(quantities: Quantity[][], status: Status, numerator: Quantity): Quantity | null {
  // Found once per report, state and thing: a report of many such rates stays linear.
  let cache = SOLE.get(quantities);
  if (!cache) SOLE.set(quantities, (cache = new Map()));
  const key = `${status}|${numerator.family ?? ''}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = null;
    search: for (const qs of quantities) {
      for (const q of qs) {
        if (q.status !== status || !q.exact || q.figure.kind !== 'count' || (numerator.family && q.family !== numerator.family) || q.subject) continue;
        if (found && found.value !== q.value) {
          found = null;
          break search;
        }
        found ??= q;
      }
    }
    cache.set(key, found);
  }
  return found && found.value >= numerator.value ? found : null;
}
const SOLE = new WeakMap<Quantity[][], Map<string, Quantity | null>>();

function qd766(numerators: Quantity[][], qs: Quantity[], passage: Quantity[]): RateReading[] {
  const all = [...qs, ...passage].filter((q) => q.exact);
  const find = (s: Status) => all.find((q) => q.status === s);
  const inTime = find('pendingInTime');
  const resolved = find('resolved');
  const pending = find('pending');
  if (!inTime || !resolved || !pending) return [];
  return numerators.map((num) => {
    const v = num.reduce((a, q) => a + q.value, 0) + inTime.value;
    return { numerator: v, denominator: resolved.value + pending.value, numeratorText: `${formatNumber(v, 0)} (kể cả ${formatNumber(inTime.value, 0)} hồ sơ đang giải quyết trong hạn)`, denominatorText: `${formatNumber(resolved.value + pending.value, 0)} (đã và đang giải quyết)` };
  });
}
