/**
 * A change written with the two values it is between: "tăng khá, từ 40,14 lên 40,87", "thăng 7 bậc
 * (từ vị trí 53 lên 46)", "đạt 88,33%, cao hơn 1,71% so với năm 2022 (86,62%)". The amount must be
 * the difference of the two values (in points, or for a percentage also relative to the earlier
 * value: "tăng 2%" may mean either), and the verb must go the way the values go.
 *
 * Precision first: only a change whose two values stand in the same clause, written right after
 * "từ … lên/xuống …" or as "<value>, tăng/giảm/cao hơn/thấp hơn <amount> so với … (<earlier>)"; a
 * rank ("vị trí", "thứ", "hạng", "bậc") is checked on its amount alone (a better rank is a smaller
 * number, and reports say both "lên" and "tăng" of it); where the verb and "lên"/"xuống" disagree
 * the sentence is left alone.
 */
import { formatNumber, parseVietnameseNumber, roundTo, truncTo } from '../numbers';
import { matches } from './text';
import type { Draft, Mark } from './draft';
import type { DocReading } from './statements';
import type { DocParagraph } from './types';

const NUM = '(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?)';
const RANK = '(?:vi tri|thu|hang|bac|xep thu|xep hang)';
const UNIT = '\\s*(%|diem|bac|hang|vi tri|don vi|dia phuong|tinh|so)?';
/** "<verb> [words] <amount> [unit] (từ [rank] A [unit] lên|xuống [rank] B": the amount is optional. */
const FROM_TO = new RegExp(
  `(?:\\b(tang|giam|thang|tut|len|xuong|cao hon|thap hon)(?:\\s+(?:kha|manh|nhe|them|dang ke))?(?:\\s+${NUM}${UNIT})?\\s*[,(]?\\s*)?\\btu\\s+(${RANK}\\s+)?(?:thu\\s+)?${NUM}\\s*(%|diem)?(?:\\s*\\([^()]{0,20}\\)|\\s+(?:trong|vao|nam|thang|quy|ky)\\s+[a-z0-9/ ]{1,16}?)?\\s+(len|xuong)\\s+(?:${RANK}\\s+)?(?:thu\\s+)?${NUM}`,
  'g',
);
/** "<value>[unit], tăng|giảm|cao hơn|thấp hơn <amount>[unit] so với … (<earlier>[unit])". */
const OVER_EARLIER = new RegExp(
  `${NUM}\\s*(%|diem)?\\s*[,;]?\\s*(tang|giam|cao hon|thap hon)\\s+${NUM}\\s*(%|diem)?\\s+so voi\\s+(?:cung ky\\s+)?(?:nam|ky|quy|thang)?\\s*[\\d/]{0,9}\\s*\\(\\s*${NUM}\\s*(%|diem)?\\s*\\)`,
  'g',
);

const UP = new Set(['tang', 'thang', 'len', 'cao hon']);
const DOWN = new Set(['giam', 'tut', 'xuong', 'thap hon']);

interface Value {
  value: number;
  decimals: number;
}
const parse = (raw: string): Value | null => {
  const p = parseVietnameseNumber(raw);
  return p ? { value: p.value, decimals: p.decimals } : null;
};

/** Is `amount` (printed with its decimals) the difference `diff`, rounded or cut? */
function fits(amount: Value, diff: number): boolean {
  const d = Math.abs(diff);
  return roundTo(d, amount.decimals) === amount.value || truncTo(d, amount.decimals) === amount.value;
}

const fmt = (v: Value, unit?: string) => `${formatNumber(v.value, v.decimals)}${unit === '%' ? '%' : ''}`;

export function checkChanges(paragraphs: DocParagraph[], doc: DocReading, drafts: Draft[], mark: Mark): void {
  doc.paragraphs.forEach((r, i) => {
    const f = r.folded;
    // Offsets of the folded text are the paragraph's: what is quoted back is the text as written.
    const text = paragraphs[i]!.text;
    if (!f.includes('tu ') && !f.includes('so voi')) return;
    for (const m of matches(FROM_TO, f)) {
      const [, verb, rawAmount, amountUnit, rank, rawA, aUnit, dir, rawB] = m;
      const a = parse(rawA!);
      const b = parse(rawB!);
      if (!a || !b) continue;
      const isRank = !!rank || /^(?:bac|hang|vi tri)$/.test(amountUnit ?? '');
      const diff = b.value - a.value;
      const at = { paragraph: i, start: m.index, end: m.index + m[0].length };
      const stated = text.slice(m.index, m.index + m[0].length);
      if (!isRank && diff !== 0) {
        // "lên" with a smaller value, or "tăng … xuống": the words and the values disagree.
        const way = diff > 0 ? UP : DOWN;
        const words = [verb, dir].filter((w): w is string => !!w);
        if (words.some((w) => UP.has(w)) && words.some((w) => DOWN.has(w))) continue;
        if (!words.every((w) => way.has(w))) {
          mark(at);
          drafts.push(draft(at, stated, fmt(a, aUnit), fmt(b, aUnit), diff, Math.max(a.decimals, b.decimals), 0, aUnit));
          continue;
        }
      }
      if (!rawAmount) continue;
      const amount = parse(rawAmount);
      // "năm 2021, từ 87,61% xuống 86,78%": a year is no amount.
      if (!amount || (!amountUnit && !amount.decimals && amount.value >= 1900 && amount.value <= 2100)) continue;
      mark(at);
      const relative = amountUnit === '%' && a.value > 0 ? ((b.value - a.value) / a.value) * 100 : null;
      if (fits(amount, diff) || (relative !== null && fits(amount, relative))) continue;
      drafts.push(draft(at, stated, fmt(a, aUnit), fmt(b, aUnit), isRank ? null : diff, Math.max(a.decimals, b.decimals), isRank ? Math.abs(diff) : 0, aUnit));
    }
    for (const m of matches(OVER_EARLIER, f)) {
      const [, rawNow, nowUnit, verb, rawAmount, amountUnit, rawEarlier, earlierUnit] = m;
      const now = parse(rawNow!);
      const amount = parse(rawAmount!);
      const earlier = parse(rawEarlier!);
      if (!now || !amount || !earlier) continue;
      // The two values must be of one kind: both percentages or both points.
      if ((nowUnit ?? '') !== (earlierUnit ?? '')) continue;
      const diff = now.value - earlier.value;
      const at = { paragraph: i, start: m.index, end: m.index + m[0].length };
      mark(at);
      const way = diff > 0 ? UP : DOWN;
      const relative = amountUnit === '%' && earlier.value > 0 ? (diff / earlier.value) * 100 : null;
      const rightWay = diff === 0 || way.has(verb!);
      if (rightWay && (fits(amount, diff) || (relative !== null && fits(amount, relative)))) continue;
      drafts.push(draft(at, text.slice(m.index, m.index + m[0].length), fmt(earlier, nowUnit), fmt(now, nowUnit), diff, Math.max(now.decimals, earlier.decimals), 0, nowUnit));
    }
  });
}

/** `diff` null: a rank, said as the places between (a better rank is a smaller number). */
function draft(at: { paragraph: number; start: number; end: number }, stated: string, from: string, to: string, diff: number | null, decimals: number, places = 0, unit?: string): Draft {
  const actual = diff === null ? `cách nhau ${places} bậc` : `${diff > 0 ? 'tăng' : diff < 0 ? 'giảm' : 'không đổi'}${diff ? ` ${formatNumber(Math.abs(diff), decimals)}${unit === '%' ? ' điểm phần trăm' : ''}` : ''}`;
  return {
    code: 'change_mismatch',
    ...at,
    reading: `đọc là: từ ${from} đến ${to} là ${actual}`,
    expected: actual,
    actual: stated,
    args: { from, to, actual },
  };
}
