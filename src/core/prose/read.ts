/**
 * Reading the figures of a Vietnamese administrative report, paragraph by paragraph.
 *
 * What is read (each pattern has a table-driven test in test/core/prose/read.test.ts):
 * - counts with their noun: "2.771 phiếu", "02 đơn", "157 TTHC" (a noun from NOUNS must follow);
 *   bare numbers only after "là", ":" or "=" ("biên chế là 1.784"), used as totals and parts;
 * - fractions "12/30 nhiệm vụ", "10 hồ sơ/297 hồ sơ"; chains "10 hồ sơ/297 hồ sơ/157 TTHC" are
 *   not fractions and are left alone;
 * - percentages "95,2 %", "(73,2%)", English-style "92.03%" (read as 92,03%);
 * - hedges before a figure as inequalities: "trên/hơn" >, "ít nhất/không dưới" ≥, "dưới/chưa
 *   đến" <, "tối đa/không quá" ≤, "gần/gần như" at most and close below, "khoảng/xấp xỉ" close;
 * - dates "15/6/2022", "29-8-2022", "ngày 04 tháng 7 năm 2022", and whether a date is the issue
 *   date of a cited document ("số 469/QĐ-UBND ngày 18/9/2022", "Ngày 13/9/2022 … ban hành");
 * - windows "từ (ngày) D1 đến (ngày) D2";
 * - breakdowns: the count before "trong đó / gồm / bao gồm / cụ thể" and the counts listed after
 *   it (to ")" when the marker opens a parenthesis, to the sentence end after "marker:", else to
 *   the clause end);
 * - rate claims: a percentage right after a fraction, or right after a count A ("A hồ sơ
 *   (P%)", "A trường hợp, đạt tỷ lệ P%") whose denominator is the breakdown total A belongs to, or
 *   else the one earlier count of the sentence named as a total ("tiếp nhận", "tổng số", …).
 *
 * Not figures: document numbers ("4266/KH-SYT", "Nghị định 68"), years after "năm", period names
 * ("quý 1/2022", "6 tháng"), "mức độ 3, 4", "COVID-19", "ISO 9001:2015", durations, URLs, list
 * numbering, and numbers glued to letters (footnote marks in copied text: "đơn vị18").
 * Precision first: anything that fits no pattern is simply not read.
 */
import { parseVietnameseNumber } from '../numbers';
import { clauses, foldKeep, sentences, within, type Range } from './text';
import type { Breakdown, CountFigure, DateFigure, DocParagraph, Figure, FractionFigure, Hedge, PercentFigure, RateClaim, Window } from './types';

/** Nouns that make a number a count, folded; longer first so "don vi" wins over "don". */
export const NOUNS = [
  'thu tuc hanh chinh', 'tthc', 'ho so', 'truong hop', 'phieu', 'don thu', 'don vi', 'don', 'van ban', 'tin, bai', 'tin bai', 'tin', 'bai',
  'nhiem vu', 'vien chuc', 'cong chuc', 'can bo', 'nguoi lao dong', 'nguoi', 'chi tieu', 'bien che', 'y kien', 'phong su', 'buoi', 'luot',
  'diem cau', 'benh vien', 'trung tam', 'tram y te', 'co so', 'ke hoach', 'tieu chuan', 'giay phep', 'chung chi', 'lop', 'hoi nghi',
  'cuoc', 'dot', 'kien nghi', 'phan anh', 'vu viec', 'linh vuc', 'chuyen muc', 'dich vu cong', 'thu tuc', 'trieu dong', 'ty dong',
].sort((a, b) => b.length - a.length);

/** Nouns that count the same things, for totals and their parts. */
const FAMILY: Record<string, string> = {
  'thu tuc hanh chinh': 'tthc', tthc: 'tthc', 'thu tuc': 'tthc',
  'ho so': 'hoso', 'truong hop': 'hoso',
  don: 'don', 'don thu': 'don', 'kien nghi': 'don', 'phan anh': 'don',
  nguoi: 'nguoi', 'nguoi lao dong': 'nguoi', 'vien chuc': 'nguoi', 'cong chuc': 'nguoi', 'can bo': 'nguoi', 'chi tieu': 'nguoi', 'bien che': 'nguoi',
  'tin, bai': 'tin', 'tin bai': 'tin', tin: 'tin', bai: 'tin',
};

export function family(noun: string | null): string | null {
  return noun === null ? null : (FAMILY[noun] ?? noun);
}

const HEDGES: [RegExp, Hedge][] = [
  [/(?:nhieu hon|tren|hon|vuot)\s*$/, 'gt'],
  [/(?:it nhat|toi thieu|khong duoi|khong it hon)\s*$/, 'ge'],
  [/(?:duoi|chua den|chua toi|it hon)\s*$/, 'lt'],
  [/(?:toi da|khong qua|khong vuot qua)\s*$/, 'le'],
  [/(?:gan nhu|gan)\s*$/, 'near'],
  [/(?:khoang|xap xi|chung)\s*$/, 'approx'],
];

export interface ParagraphReading {
  figures: Figure[];
  windows: Window[];
  breakdowns: Breakdown[];
  rates: RateClaim[];
  /** Figures seen but not interpretable (chains like "10/297/157"). */
  leftAlone: number;
}

interface Protected {
  start: number;
  end: number;
}

const DATE_NUM = /(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4})(?![\d/])/g;
const DATE_WORDS = /(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g;
const ISO_STAMP = /(\d{4})-(\d{2})-(\d{2})t\d{2}:\d{2}/g;

/**
 * Document numbers: a digit-led token cut by "/" or "-" (a space allowed around the mark, as
 * typed: "105- QĐ/TW", "27/UBND – KGVX") with a letter after the first mark: "4266/KH-SYT",
 * "108/2007/NĐ-CP", "36a/NQ-CP". Dates and fractions have no letter and stay numbers.
 */
const DOC_REF = /\d[\p{L}\d.]*(?:\s?[/\-–]\s?[\p{L}\d.]+)+/gu;
const LAW = /(?:nghi dinh|nghi quyet|thong tu|quyet dinh|ke hoach|cong van|to trinh|ket luan|chi thi|van ban|bao cao|de an|thong bao|luat|quy dinh|chuong trinh|huong dan)\s+(?:so\s*)?\d+[\p{L}\d]*/gu;

const PROTECT: RegExp[] = [
  /https?:\/\/\S+/g,
  /(?<!tong )\bso\s*:?\s*\d+\s*\/?/g,
  /\bnam\s+\d{4,5}\b/g,
  /\bquy\s+(?:\d{1,2}(?:\s*\/\s*\d{4})?|[ivx]+)\b/g,
  /\b\d{1,2}\s+thang\b/g,
  /\bmuc do\s+\d(?:\s*(?:,|va)\s*\d)*/g,
  /\bcovid\s*[-–]?\s*\d+/g,
  /\biso\s+\d+/g,
  /\d+:\d+(?::\d+)?/g,
  /\b24\/(?:24|7)\b/g,
  /\b\d{4}\s*[-–]\s*\d{4}\b/g,
  /^\s*(?:\d+\.)+\d*\s/g,
  /^\s*\d+\s*$/g,
  /\b\d+\s*(?:giay|phut|gio|ngay lam viec|ngay)\b/g,
];

// Slashes are allowed around a number (fractions); dates and document numbers are protected before.
const NUMBER = /(?<![\p{L}\d.,\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\p{L}\d]|[.,]\d)/gu;

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function overlaps(spans: Protected[], start: number, end: number): boolean {
  return spans.some((p) => start < p.end && end > p.start);
}

function matchNoun(folded: string, at: number): { noun: string; end: number } | null {
  const rest = folded.slice(at, at + 24);
  const m = /^ ?/.exec(rest)!;
  const from = m[0].length;
  for (const n of NOUNS) {
    if (rest.startsWith(n, from)) {
      const after = rest[from + n.length];
      // A footnote mark may be glued to the noun ("162 TTHC26"); letters may not.
      if (after === undefined || !/\p{L}/u.test(after)) return { noun: n, end: at + from + n.length };
    }
  }
  return null;
}

function hedgeBefore(folded: string, start: number): Hedge | undefined {
  const before = folded.slice(Math.max(0, start - 16), start);
  for (const [re, h] of HEDGES) if (re.test(before)) return h;
  return undefined;
}

/** Folded text of the clause before `start` (from the previous figure or the clause start). */
function labelBefore(folded: string, clauseStart: number, prevEnd: number, start: number): string {
  return folded.slice(Math.max(clauseStart, prevEnd), start).replace(/[()\s]+/g, ' ').trim().slice(-80);
}

/** Reads one paragraph. `paragraph` is its index in document order. */
export function readParagraph(p: DocParagraph, paragraph: number): ParagraphReading {
  const text = p.text;
  // Most paragraphs of a report hold no digit at all.
  if (!/\d/.test(text)) return { figures: [], windows: [], breakdowns: [], rates: [], leftAlone: 0 };
  const folded = foldKeep(text);
  const figures: Figure[] = [];
  const protectedSpans: Protected[] = [];
  let leftAlone = 0;

  // Dates first: they are figures of their own and protect their digits.
  const dates: DateFigure[] = [];
  const addDate = (start: number, end: number, iso: string | null) => {
    protectedSpans.push({ start, end });
    if (iso) dates.push({ kind: 'date', paragraph, start, end, iso, issued: false });
  };
  for (const m of folded.matchAll(DATE_NUM)) addDate(m.index, m.index + m[0].length, isoOf(+m[4]!, +m[3]!, +m[1]!));
  for (const m of folded.matchAll(DATE_WORDS)) addDate(m.index, m.index + m[0].length, isoOf(+m[3]!, +m[2]!, +m[1]!));
  for (const m of folded.matchAll(ISO_STAMP)) addDate(m.index, m.index + m[0].length, isoOf(+m[1]!, +m[2]!, +m[3]!));
  // "ngày … tháng 9 năm 2020" (day left blank) protects its numbers without being a date.
  for (const m of folded.matchAll(/thang\s+\d{1,2}\s+nam\s+\d{4}/g)) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
  const docRefs: Protected[] = [];
  for (const m of folded.matchAll(DOC_REF)) {
    const sep = m[0].search(/[/\-–]/);
    if (!/\p{L}/u.test(m[0].slice(sep))) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    protectedSpans.push(span);
    docRefs.push(span);
  }
  for (const m of folded.matchAll(LAW)) {
    const span = { start: m.index, end: m.index + m[0].length };
    protectedSpans.push(span);
    docRefs.push(span);
  }
  for (const re of PROTECT) for (const m of folded.matchAll(re)) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
  for (const d of dates) {
    const before = folded.slice(Math.max(0, d.start - 30), d.start);
    const nearRef = docRefs.some((r) => r.end <= d.start && d.start - r.end <= 20);
    const after = folded.slice(d.end, d.end + 60);
    const sentenceStartIssued = /(?:^|[.;:]\s*|-\s*)ngay\s*$/.test(before) && /^[^.;]{0,40}\b(?:ban hanh|ky|cong bo|phe duyet)\b/.test(after);
    d.issued = (nearRef && /ngay\s*$/.test(before)) || sentenceStartIssued;
  }

  const sents = sentences(text);
  const cls = clauses(text);
  let prevEnd = 0;
  const tokens = [...folded.matchAll(NUMBER)].filter((m) => !overlaps(protectedSpans, m.index, m.index + m[0].length));
  const consumed = new Set<number>();
  const loose: CountFigure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    const m = tokens[i]!;
    const raw = text.slice(m.index, m.index + m[0].length);
    const start = m.index;
    let end = start + raw.length;
    const clause = within(cls, start) ?? { start: 0, end: text.length };
    if (prevEnd < clause.start) prevEnd = clause.start;
    const label = labelBefore(folded, clause.start, prevEnd, start);
    const hedge = hedgeBefore(folded, start);
    const pct = /^\s?%/.exec(folded.slice(end));
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
    const parsed = parseVietnameseNumber(raw);
    if (!parsed) continue;
    const noun = matchNoun(folded, end);
    const afterNoun = noun ? noun.end : end;
    const slash = /^\s?\/\s?/.exec(folded.slice(afterNoun));
    const next = tokens[i + 1];
    if (slash && next && next.index === afterNoun + slash[0].length) {
      const denom = parseVietnameseNumber(text.slice(next.index, next.index + next[0].length));
      const noun2 = matchNoun(folded, next.index + next[0].length);
      const after2 = noun2 ? noun2.end : next.index + next[0].length;
      consumed.add(i + 1);
      if (/^\s?\/\s?\d/.test(folded.slice(after2))) {
        // "10 hồ sơ/297 hồ sơ/157 TTHC": three terms, no single reading.
        leftAlone++;
        const third = tokens[i + 2];
        if (third) consumed.add(i + 2);
        prevEnd = after2;
        continue;
      }
      if (!denom || denom.decimals || parsed.decimals) continue;
      const f: FractionFigure = { kind: 'fraction', paragraph, start, end: after2, numerator: parsed.value, denominator: denom.value, noun: noun2?.noun ?? noun?.noun ?? null, label };
      figures.push(f);
      prevEnd = after2;
      continue;
    }
    if (noun) {
      if (parsed.decimals && parsed.value % 1 !== 0) continue;
      const f: CountFigure = { kind: 'count', paragraph, start, end: noun.end, value: parsed.value, noun: noun.noun, label };
      if (hedge) f.hedge = hedge;
      figures.push(f);
      prevEnd = noun.end;
      continue;
    }
    // Bare number: a figure as "là N", "…: N", "= N"; otherwise only as a part of a breakdown
    // ("trong đó cấp tỉnh 157, cấp huyện 03"). Never a year.
    if (parsed.decimals || (parsed.value >= 1900 && parsed.value <= 2100 && !raw.includes('.'))) continue;
    const before = folded.slice(Math.max(clause.start, start - 6), start);
    const f: CountFigure = { kind: 'count', paragraph, start, end, value: parsed.value, noun: null, label };
    if (hedge) f.hedge = hedge;
    if (/(?:\bla|:|=)\s*$/.test(before)) {
      figures.push(f);
      prevEnd = end;
    } else loose.push(f);
  }
  figures.push(...dates);
  figures.sort((a, b) => a.start - b.start);

  const windows = readWindows(folded, dates, paragraph);
  const breakdowns = readBreakdowns(text, folded, figures, loose, sents, cls);
  // Loose numbers that a breakdown took as parts become figures; the rest were never read.
  const used = breakdowns.flatMap((b) => b.parts.filter((x) => loose.includes(x)));
  if (used.length) {
    figures.push(...used);
    figures.sort((a, b) => a.start - b.start);
  }
  const rates = readRates(folded, figures, breakdowns, sents, cls);
  return { figures, windows, breakdowns, rates, leftAlone };
}

function readWindows(folded: string, dates: DateFigure[], paragraph: number): Window[] {
  const out: Window[] = [];
  const sorted = [...dates].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    const before = folded.slice(Math.max(0, a.start - 10), a.start);
    const between = folded.slice(a.end, b.start);
    if (/\btu\s+(?:ngay\s+)?$/.test(before) && /^\s*(?:den|toi|[-–])\s*(?:het\s+)?(?:ngay\s+)?$/.test(between)) {
      out.push({ paragraph, start: a.start, end: b.end, from: a.iso, to: b.iso });
      i++;
    }
  }
  return out;
}

const MARKER = /\b(trong do|bao gom|gom|cu the)\b\s*(:?)/g;

function readBreakdowns(text: string, folded: string, figures: Figure[], loose: CountFigure[], sents: Range[], cls: Range[]): Breakdown[] {
  const out: Breakdown[] = [];
  const counts = figures.filter((f): f is CountFigure => f.kind === 'count');
  for (const m of folded.matchAll(MARKER)) {
    const at = m.index;
    const sentence = within(sents, at);
    if (!sentence) continue;
    // The total: the last count before the marker in the sentence, close to it.
    const before = counts.filter((c) => c.end <= at && c.start >= sentence.start);
    const total = before[before.length - 1];
    if (!total || total.hedge) continue;
    const gap = folded.slice(total.end, at);
    if (gap.length > 60 || gap.includes(';') || figures.some((f) => f.kind !== 'percent' && f.start >= total.end && f.end <= at)) continue;
    let scopeEnd: number;
    const opensParen = /\(\s*$/.test(gap);
    if (opensParen) {
      const close = text.indexOf(')', at);
      scopeEnd = close < 0 || close > sentence.end ? sentence.end : close;
    } else if (m[2] === ':') scopeEnd = sentence.end;
    else scopeEnd = (within(cls, at) ?? sentence).end;
    const inScope = figures.filter((f) => f.start >= at && f.end <= scopeEnd);
    if (inScope.some((f) => f.kind === 'fraction')) continue;
    const parts = [...inScope.filter((f): f is CountFigure => f.kind === 'count'), ...loose.filter((f) => f.start >= at && f.end <= scopeEnd)].sort((a, b) => a.start - b.start);
    if (!parts.length || parts.some((p) => p.hedge)) continue;
    // Parts must count what the total counts; "15 điểm cầu gồm … 03 bệnh viện" is a description.
    const fam = family(total.noun);
    if (parts.some((p) => p.noun !== null && fam !== null && family(p.noun) !== fam)) continue;
    if (fam === null && parts.some((p) => p.noun !== null) && new Set(parts.map((p) => family(p.noun))).size > 1) continue;
    // "được giao 30, có mặt 28; … được giao 12, có mặt 11" is a table in words, not parts: the
    // same words name two of them.
    const names = parts.map((p) => p.label.replace(/^.*\b(?:trong do|bao gom|gom|cu the)\b/, '').replace(/[^a-z ]+/g, ' ').trim()).filter((t) => t);
    if (new Set(names).size < names.length) continue;
    // A nested marker inside the scope starts a breakdown of its own; stop at it.
    const nested = [...folded.slice(at + m[0].length, scopeEnd).matchAll(MARKER)][0];
    const cut = nested ? at + m[0].length + nested.index : scopeEnd;
    const own = parts.filter((p) => p.start < cut);
    if (!own.length) continue;
    const kind = m[1] === 'trong do' ? 'trong đó' : m[1] === 'cu the' ? 'cụ thể' : 'gồm';
    out.push({ total, parts: own, marker: kind });
  }
  return out;
}

/** Words between a figure and its percentage: the frame ("đạt tỷ lệ", "chiếm", "=") and a hedge. */
const FRAME_WORDS = '(?:dat|chiem|bang|=|tuong ung|voi|ty le|la|tren|hon|gan nhu|gan|khoang|xap xi|duoi|chua den|it nhat|toi thieu|khong duoi|toi da|khong qua)';
const FRAME = new RegExp(`^[\\s(,]*(?:${FRAME_WORDS}\\s*)*$`);
/** Between a fraction and its percentage: a few words of the noun phrase, then the frame. */
const FRACTION_GAP = new RegExp(`^[\\s(,]*(?:[a-z ]{0,30}?[\\s,]*)?(?:${FRAME_WORDS}\\s*)*[\\s(]*$`);
const TOTAL_CUE = /(?:tiep nhan|tong so|tong cong|nhan|den han|phai giai quyet|duoc giao|ke hoach|chi tieu)[^,;]{0,50}$/;

function readRates(folded: string, figures: Figure[], breakdowns: Breakdown[], sents: Range[], cls: Range[]): RateClaim[] {
  const out: RateClaim[] = [];
  const numeric = figures.filter((f) => f.kind !== 'date');
  for (let i = 0; i < numeric.length; i++) {
    const p = numeric[i]!;
    if (p.kind !== 'percent') continue;
    const prev = numeric[i - 1];
    const clause = within(cls, p.start);
    const sentence = within(sents, p.start);
    if (!prev || !clause || !sentence) continue;
    const gap = folded.slice(prev.end, p.start);
    const counts = numeric.filter((f): f is CountFigure => f.kind === 'count' && f.start >= sentence.start && f.end <= sentence.end);
    const alternatives = [...new Set(counts.map((c) => c.value))];
    if (prev.kind === 'fraction') {
      if (gap.length > 40 || !FRACTION_GAP.test(gap)) continue;
      out.push({ percent: p, numerator: prev.numerator, denominator: prev.denominator, numeratorSpan: { paragraph: prev.paragraph, start: prev.start, end: prev.end }, alternatives });
      continue;
    }
    if (prev.kind !== 'count' || prev.hedge || gap.length > 30 || !FRAME.test(gap) || prev.start < clause.start - 1) continue;
    // Denominator: the total of the breakdown this count is a part of, else the named total.
    let denominator: number | null = null;
    const owner = breakdowns.find((b) => b.parts.includes(prev));
    if (owner) denominator = owner.total.value;
    else {
      const fam = family(prev.noun);
      const cands = counts.filter((c) => c.end <= prev.start && c !== prev && c.value >= prev.value && (fam === null || family(c.noun) === fam) && TOTAL_CUE.test(c.label));
      if (cands.length) denominator = cands[0]!.value;
    }
    if (denominator === null || denominator === 0) continue;
    out.push({ percent: p, numerator: prev.value, denominator, numeratorSpan: { paragraph: prev.paragraph, start: prev.start, end: prev.end }, alternatives });
  }
  return out;
}
