/**
 * Named indices restated with two values: "Chỉ số cải cách hành chính của tỉnh đạt 92,75%" in one
 * paragraph and "Chỉ số CCHC (PAR Index) của tỉnh năm 2024 đạt 86,5%" in another. An index is one
 * figure per subject and year, so the same index, subject, year and unit with two values is a slip
 * in one of the two places (checkRepeats in check.ts does the same for "tổng số …" counts).
 *
 * Precision first: a value is read only where it follows the index's name directly ("<index>
 * (…) của <subject> năm <year> đạt|là|: <value>"), the year is the statement's own or the one its
 * paragraph just gave the same index, and subjects are compared as written, a generic "tỉnh" /
 * "thành phố" standing for the province the article is about. Component indices ("chỉ số thành
 * phần", "lĩnh vực"), rankings and changes ("tăng 2,99%") are not values of the index.
 */
import { INDEX_NAMES, INDEX_LIST, SCORE_SETS } from './lexicon';
import { matches, within } from './text';
import { formatNumber, parseVietnameseNumber } from '../numbers';
import { fmtPct } from './messages';
import type { Draft, Mark } from './draft';
import type { DocReading } from './statements';
import type { Span } from './types';

interface IndexValue {
  index: string;
  subject: string;
  year: number;
  unit: '%' | 'điểm';
  value: number;
  decimals: number;
  /** Out of ("40,62/80 điểm"), where written. */
  outOf: number | null;
  span: Span;
}

/** Words after the index's name up to its value, read piece by piece (readLead). */
const PAREN = /^\s*\([^()]{0,60}\)/;
const OF = /^\s*cua\s+((?:(?!nam\s+\d|dat\b|la\b|bang\b)[a-z .-]){1,40}?)(?=\s*(?:[,(:]|nam\s+\d|dat\b|la\b|bang\b))/;
const IN_YEAR = /^\s*(?:nam|ky)\s+(\d{4})\b/;
const COMMA = /^\s*,/;
const VERB = /^\s*(?:dat|la|bang|:)\s*(?:muc\s+)?/;

/**
 * "<index> (…) của <subject> năm <year> đạt|là|: ", its parts in any order; `length` up to the
 * verb, null where no verb follows (the year read still dates the index for the sentences after:
 * "… công bố Chỉ số CCHC năm 2024."). (JavaScript resets the captures of a repeated group at each
 * repetition, so one expression cannot keep both.)
 */
function readLead(rest: string): { length: number | null; subject: string; year: number | null } {
  let at = 0;
  let subject = '';
  let year: number | null = null;
  for (let n = 0; n < 5; n++) {
    const tail = rest.slice(at);
    const verb = VERB.exec(tail);
    if (verb) return { length: at + verb[0].length, subject, year };
    const m = PAREN.exec(tail) ?? COMMA.exec(tail);
    const of = m ? null : OF.exec(tail);
    const y = m || of ? null : IN_YEAR.exec(tail);
    const hit = m ?? of ?? y;
    if (!hit) break;
    if (of) subject = of[1]!;
    if (y) year = Number(y[1]);
    at += hit[0].length;
  }
  return { length: null, subject, year };
}
/** The value: a percentage or a score, "86,5%", "87,61 điểm", "40,62/80 điểm". */
const VALUE = /^(\d{1,3}(?:,\d{1,3})?)\s*(%|(?:\/\s*(\d{1,3}(?:,\d+)?)\s*)?diem\b)/;
/** Generic names of the province an article is about. */
const GENERIC = /^(?:tinh|thanh pho|tp\.?|tinh ta|thanh pho ta|dia phuong)$/;
/** Subjects that are an agency or a lower level, never the province itself. */
const AGENCY = /^(?:so|ubnd|uy ban|huyen|thi xa|xa|phuong|thi tran|benh vien|trung tam|co quan|don vi|ban|nganh|cac)\b/;
const YEAR = /\bnam\s+(\d{4})\b/g;

/** A figure the expressions here matched ("86,5", "18"): its value and printed decimals. */
const figure = (s: string) => parseVietnameseNumber(s)!;

/** The index names, whole words, longest first. */
const NAME = new RegExp(`(?<![a-z0-9])(?:${INDEX_LIST.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z0-9])`, 'g');
/** A paragraph holds a name only if it holds one of these. */
const NAME_WORDS = ['chi so', 'par', 'sipas', 'papi', 'pci', 'ddci'];

function readValues(doc: DocReading): IndexValue[] {
  const out: IndexValue[] = [];
  doc.paragraphs.forEach((r, pi) => {
    const text = r.folded;
    // The year each index was last given in this paragraph ("… Chỉ số CCHC năm 2024. Theo đó, Chỉ số CCHC của tỉnh đạt …").
    const lastYear = new Map<string, number>();
    // Every name in one pass (most paragraphs have none); the sentence of each, found by binary search.
    let done = -1;
    // The years of each sentence that holds a value, read once.
    const yearsOf = new Map<number, number[]>();
    for (const m of matches(NAME, text, NAME_WORDS)) {
      const s = within(r.sentences, m.index);
      if (!s || m.index < done) continue;
      const sentence = text.slice(s.start, s.end);
      const hit = { name: m[0], start: m.index - s.start, end: m.index - s.start + m[0].length };
      const index = INDEX_NAMES[hit.name]!;
      // A component or a field of the index is another figure.
      if (/\b(?:thanh phan|linh vuc|nhom)\s*$/.test(sentence.slice(Math.max(0, hit.start - 12), hit.start)) || /^\s*(?:thanh phan|linh vuc)\b/.test(sentence.slice(hit.end))) continue;
      // The value follows the name closely: a bounded look keeps a paragraph of many names linear.
      const rest = sentence.slice(hit.end, hit.end + 200);
      const lead = readLead(rest);
      if (lead.year) lastYear.set(index, lead.year);
      if (lead.length === null) continue;
      const v = VALUE.exec(rest.slice(lead.length));
      if (!v) continue;
      // The statement's own year, else the only year of its sentence that is not a comparison, else the paragraph's.
      let years = yearsOf.get(s.start);
      if (!years) yearsOf.set(s.start, (years = [...sentence.matchAll(YEAR)].filter((y) => !/so voi\s*$/.test(sentence.slice(Math.max(0, y.index - 8), y.index))).map((y) => Number(y[1]))));
      const year = lead.year ?? (new Set(years).size === 1 ? years[0]! : lastYear.get(index));
      if (!year) continue;
      const subject = lead.subject.replace(/[\s,.-]+$/, '').trim();
      if (subject && AGENCY.test(subject)) continue;
      const start = s.start + hit.end + lead.length;
      const { value, decimals } = figure(v[1]!);
      out.push({ index, subject: subject && !GENERIC.test(subject) ? subject : '', year, unit: v[2] === '%' ? '%' : 'điểm', value, decimals, outOf: v[3] ? figure(v[3]).value : null, span: { paragraph: pi, start, end: start + v[0].length } });
      let at = start - s.start + v[0].length;
      done = s.start + at;
      // "đạt 92,75%, tăng 2,99% so với năm 2023": the change over the year before, a figure of its own.
      const change = /^\s*,?\s*(tang|giam)\s+(?:them\s+)?/.exec(sentence.slice(at, at + 40));
      const cv = change && VALUE.exec(sentence.slice(at + change[0].length, at + change[0].length + 40));
      if (change && cv && !cv[3]) {
        const cstart = s.start + at + change[0].length;
        const c = figure(cv[1]!);
        out.push({ index: `mức ${change[1] === 'tang' ? 'tăng' : 'giảm'} của ${index}`, subject: out.at(-1)!.subject, year, unit: cv[2] === '%' ? '%' : 'điểm', value: c.value, decimals: c.decimals, outOf: null, span: { paragraph: pi, start: cstart, end: cstart + cv[0].length } });
        at += change[0].length + cv[0].length;
        done = s.start + at;
      }
    }
  });
  return out;
}

/**
 * Two subjects are the same province: written alike, or one generic ("tỉnh") beside a name. Two
 * different names are two places; the generic form stands for one place only if the document
 * names at most one.
 */
function sameSubject(a: string, b: string, names: Set<string>): boolean {
  if (a === b) return true;
  return (!a || !b) && names.size <= 1;
}

export function checkIndexRepeats(doc: DocReading, out: Draft[], mark: Mark) {
  const values = readValues(doc);
  const names = new Set(values.map((v) => v.subject).filter((s) => s));
  const firsts: IndexValue[] = [];
  for (const v of values) {
    const first = firsts.find((f) => f.index === v.index && f.year === v.year && f.unit === v.unit && f.outOf === v.outOf && sameSubject(f.subject, v.subject, names));
    if (!first) {
      firsts.push(v);
      continue;
    }
    mark(v.span);
    mark(first.span);
    // Printed with fewer decimals, the same value rounded ("86,47%" then "86,5%") is no slip.
    const d = Math.min(first.decimals, v.decimals);
    const f = 10 ** d;
    if (Math.round(first.value * f) === Math.round(v.value * f) || first.value === v.value) continue;
    const show = (x: IndexValue) => (x.unit === '%' ? fmtPct(x.value, x.decimals) : `${formatNumber(x.value, x.decimals)}${x.outOf ? `/${formatNumber(x.outOf, Number.isInteger(x.outOf) ? 0 : undefined)}` : ''} điểm`);
    const what = `${v.index} năm ${v.year}`;
    const where = `đoạn ${first.span.paragraph + 1}`;
    out.push({ code: 'repeated_mismatch', paragraph: v.span.paragraph, start: v.span.start, end: v.span.end, reading: `đọc là: "${what}" = ${show(v)}; ${where} ghi ${show(first)}`, expected: show(first), actual: show(v), args: { what, value: show(v), first: show(first), where } });
  }
}

// ---------------------------------------------------------------- groups of a score set

interface Score {
  value: number;
  decimals: number;
  outOf: number | null;
  span: Span;
}

/** "đạt 18,3/20 điểm", "đạt 14,1 điểm", "là 82,88/100 điểm": a score and where it stands. */
const SCORE = /(?:dat|la|:)\s*(?:muc\s+)?(\d{1,3}(?:,\d{1,3})?)\s*(?:\/\s*(\d{1,3})\s*)?diem\b/g;

/** The score a SCORE match states, placed in its paragraph. */
function scoreOf(m: RegExpExecArray, paragraph: number): Score {
  const start = m.index + m[0].indexOf(m[1]!);
  const { value, decimals } = figure(m[1]!);
  return { value, decimals, outOf: m[2] ? Number(m[2]) : null, span: { paragraph, start, end: m.index + m[0].length } };
}

/**
 * A score set's groups given one by one ("công khai, minh bạch đạt 18/18 điểm; tiến độ giải quyết
 * đạt 18,3/20 điểm; …") and its total ("Bộ chỉ số … đạt 82,88/100 điểm") in the same paragraph or
 * the one before: with every group named once, their sum is the total, within what rounding each
 * printed figure allows (one unit of its last decimal per group, none for a group at its maximum,
 * half a unit of the total's).
 */
export function checkScoreSets(doc: DocReading, out: Draft[], mark: Mark) {
  doc.paragraphs.forEach((r, pi) => {
    if (!r.folded.includes('diem')) return;
    for (const set of Object.values(SCORE_SETS)) {
      const groups = new Map<string, Score>();
      let twice = false;
      for (const m of r.folded.matchAll(SCORE)) {
        const words = r.folded.slice(Math.max(0, m.index - 50), m.index);
        // The group whose name ends nearest before the score, in the score's clause.
        const clause = words.split(/[;.]/).at(-1)!;
        let best: { name: string; at: number } | null = null;
        for (const g of set.groups) {
          for (const ph of g.phrases) {
            const at = clause.lastIndexOf(ph);
            if (at >= 0 && (!best || at + ph.length > best.at)) best = { name: g.name, at: at + ph.length };
          }
        }
        if (!best) continue;
        if (groups.has(best.name)) twice = true;
        groups.set(best.name, scoreOf(m, pi));
      }
      if (twice || groups.size < set.groups.length) continue;
      const total = totalBefore(doc, pi, set);
      if (!total) continue;
      const parts = set.groups.map((g) => groups.get(g.name)!);
      const sum = parts.reduce((a, x) => a + x.value, 0);
      // A group at its maximum ("18/18") is exact; another may be cut or rounded at its last decimal.
      const slack = parts.reduce((a, x, k) => a + (x.decimals === 0 && x.value === set.groups[k]!.max ? 0 : 10 ** -x.decimals), 0) + 0.5 * 10 ** -total.decimals;
      mark(total.span);
      parts.forEach((x) => mark(x.span));
      if (Math.abs(sum - total.value) <= slack + 1e-9) continue;
      out.push(scorePartsDraft(total, parts, sum));
    }
  });
}

/** The finding on a score whose groups do not add up to it: above it, or (a set known in full) short of it. */
function scorePartsDraft(total: Score, parts: Score[], sum: number): Draft {
  const d = Math.max(total.decimals, ...parts.map((x) => x.decimals));
  const partsText = parts.map((x) => formatNumber(x.value, x.decimals)).join(' + ');
  const sumText = formatNumber(sum, d);
  const args = { total: formatNumber(total.value, total.decimals), sum: sumText, parts: partsText, marker: 'nhóm chỉ số' };
  return { code: sum > total.value ? 'parts_exceed_total' : 'parts_sum_mismatch', paragraph: total.span.paragraph, start: total.span.start, end: total.span.end, reading: `đọc là: ${partsText} = ${sumText}; văn bản ghi tổng ${args.total}`, expected: sumText, actual: args.total, args };
}

/** The set's total: a score out of its whole ("82,88/100 điểm") or under its cue ("Bộ chỉ số … đạt 82,88 điểm"), in the paragraph or the one before, nearest first. */
function totalBefore(doc: DocReading, pi: number, set: (typeof SCORE_SETS)[string]): Score | null {
  for (const j of [pi, pi - 1]) {
    const r = doc.paragraphs[j];
    if (!r) continue;
    for (const m of r.folded.matchAll(SCORE)) {
      const clause = r.folded.slice(Math.max(0, m.index - 160), m.index).split(/[;]/).at(-1)!;
      const whole = m[2] ? Number(m[2]) === set.total : set.cue.test(clause);
      if (!whole || set.groups.some((g) => g.phrases.some((ph) => clause.slice(-40).includes(ph)))) continue;
      return scoreOf(m, j);
    }
  }
  return null;
}

// ---------------------------------------------------------------- scores listed under a total

/** A score in a list of parts: "cải cách thể chế 14 điểm", "… đạt 12,5/15 điểm". */
const ITEM = /(\d{1,3}(?:,\d{1,3})?)\s*(?:\/\s*(\d{1,3})\s*)?diem\b/g;
/** Words before a number that make it no part's score: a maximum, a change, a bound. */
const LIST_SPAN = 1500;
const MAX_ITEMS = 40;
const NOT_A_PART = /(?:toi da|thang diem|tang|giam|tren|hon|duoi|khoang|gan)\s*$/;

/**
 * A score and the scores listed after its "trong đó", "gồm" or "cụ thể" in the same sentence
 * ("đạt 86,5/100 điểm, trong đó: chỉ đạo, điều hành 12,5 điểm; cải cách thể chế 14 điểm; …"):
 * whatever set the parts belong to, points of parts cannot add up to more than their total. Short
 * of it, the list may leave groups out, so only a sum above the total (beyond what rounding each
 * printed figure allows) is a slip. Score sets known in full (checkScoreSets) are held both ways.
 */
export function checkScoreLists(doc: DocReading, out: Draft[], mark: Mark) {
  const judged = new Set(out.map((d) => `${d.paragraph}:${d.start}`));
  doc.paragraphs.forEach((r, pi) => {
    if (!r.folded.includes('diem')) return;
    for (const m of r.folded.matchAll(SCORE)) {
      const total = scoreOf(m, pi);
      if (judged.has(`${pi}:${total.span.start}`)) continue;
      const sentence = within(r.sentences, m.index);
      const end = sentence?.end ?? r.folded.length;
      // The index's name may stand between the score and its marker ("86,5/100 điểm Chỉ số CCHC, trong đó: …").
      const marker = /^[^\d;.()]{0,60}?(?<![a-z])(?:trong do|bao gom|gom|cu the)(?![a-z])\s*:?/.exec(r.folded.slice(total.span.end, Math.min(end, total.span.end + 80)));
      if (!marker) continue;
      const from = total.span.end + marker[0].length;
      const parts: Score[] = [];
      // A list of groups, not the rest of a long sentence: at most LIST_SPAN characters and MAX_ITEMS
      // scores, so a sentence of thousands of "đạt … điểm, trong đó" stays linear.
      for (const x of r.folded.slice(from, Math.min(end, from + LIST_SPAN)).matchAll(ITEM)) {
        if (parts.length === MAX_ITEMS) break;
        const at = from + x.index;
        if (NOT_A_PART.test(r.folded.slice(Math.max(from, at - 12), at))) continue;
        const { value, decimals } = figure(x[1]!);
        parts.push({ value, decimals, outOf: x[2] ? Number(x[2]) : null, span: { paragraph: pi, start: at, end: at + x[0].length } });
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce((a, x) => a + x.value, 0);
      // Printed parts can stand above their true values only by rounding (half a unit each), the total below by as much.
      const slack = parts.reduce((a, x) => a + 0.5 * 10 ** -x.decimals, 0) + 0.5 * 10 ** -total.decimals;
      mark(total.span);
      parts.forEach((x) => mark(x.span));
      if (sum <= total.value + slack + 1e-9) continue;
      out.push(scorePartsDraft(total, parts, sum));
    }
  });
}
