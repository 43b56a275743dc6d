/**
 * Text helpers of the prose reader. The reader matches patterns on a folded copy of each
 * paragraph (lower case, no diacritics, đ → d) that keeps every character at its offset, so a
 * match in the folded copy is a span in the original text. `foldText` in ../text collapses spaces
 * and trims, which would shift offsets; hence this one.
 */

const cache = new Map<string, string>();

function foldChar(c: string): string {
  let f = cache.get(c);
  if (f === undefined) {
    if (c === 'đ' || c === 'Đ') f = 'd';
    else {
      const base = c.normalize('NFD')[0] ?? c;
      f = base.toLowerCase();
      // A few characters lower-case to two code units; keep one so offsets hold.
      if (f.length !== 1) f = c;
    }
    // Non-breaking and other odd spaces read as plain spaces.
    if (/\s/.test(f)) f = ' ';
    cache.set(c, f);
  }
  return f;
}

/**
 * foldChar's answer for each UTF-16 code unit, as its code + 1 (0: not asked yet); bit 16 set where
 * the answer is not its own lower case (which the whole string's toLowerCase would then change).
 */
const folds = new Uint32Array(0x10000);
const UNSTABLE = 0x10000;
/** Reused between calls: the folded code units of the paragraph being folded. */
let buffer = new Uint16Array(4096);
const CHUNK = 8192;
/** A UTF-16LE decoder, where the machine stores a Uint16Array little-endian (every current one). */
const utf16 = typeof TextDecoder !== 'undefined' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

function foldUnit(c: number): number {
  const f = foldChar(String.fromCharCode(c)).charCodeAt(0);
  const lower = String.fromCharCode(f).toLowerCase();
  return (f + 1) | (lower.length === 1 && lower.charCodeAt(0) === f && (f < 0xd800 || f > 0xdfff) ? 0 : UNSTABLE);
}

/** Same length as `s` (UTF-16 units), one folded character per character. */
export function foldKeep(s: string): string {
  // Non-ASCII code units fold to one unit each (foldChar, from a table); ASCII lower-cases in
  // place. A report's paragraph is a fifth non-ASCII letters: replacing them by a regular
  // expression with a callback per letter was the prose reader's largest single cost.
  const n = s.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  const codes = buffer;
  let unstable = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) codes[i] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    else if (c === 9 || c === 10 || c === 13) codes[i] = c;
    else {
      let f = folds[c]!;
      if (f === 0) folds[c] = f = foldUnit(c);
      if (f & UNSTABLE) unstable = true;
      codes[i] = (f & 0xffff) - 1;
    }
  }
  // Without surrogates, the units decode as UTF-16 to themselves, faster than fromCharCode.
  if (!unstable && utf16) return utf16.decode(new Uint8Array(codes.buffer, 0, n * 2));
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  // Lower-casing the whole string, as this function always did, changes only what the table
  // marks (a surrogate pair's letter outside the BMP, "İ"): done only then.
  return unstable ? out.toLowerCase() : out;
}

/**
 * Every match of a global regular expression in `s`, in order, or none at once where `s` holds
 * none of the words every match contains. (matchAll copies the expression at each call, which
 * cost more than the scan itself on the short paragraphs of a report.) `re` must be global and
 * never match the empty string.
 */
export function matches(re: RegExp, s: string, need: string[] | null = null): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (need && !need.some((w) => s.includes(w))) return out;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
  re.lastIndex = 0;
  return out;
}

export interface Range {
  start: number;
  end: number;
}

/**
 * Sentences of a paragraph: a full stop, "?" or "!" followed by a space and a capital or a
 * digit-free word ends one; "1.784" and "14/9/2022." do not split inside a number.
 */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const re = /[.?!](?:\/\.)?(?=\s+[\p{Lu}"“(\-+]|\s*$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** Clauses: sentences cut further at ";". */
export function clauses(text: string, sents: Range[] = sentences(text)): Range[] {
  const out: Range[] = [];
  // The semicolons of the paragraph, found once and walked beside its sentences.
  let semi = text.indexOf(';');
  for (const s of sents) {
    let start = s.start;
    while (semi >= 0 && semi < s.start) semi = text.indexOf(';', semi + 1);
    for (; semi >= 0 && semi < s.end; semi = text.indexOf(';', semi + 1)) {
      out.push({ start, end: semi });
      start = semi + 1;
    }
    out.push({ start, end: s.end });
  }
  return out;
}

/** The range holding `pos` (binary search: `ranges` sorted and disjoint). */
export function within(ranges: readonly Range[], pos: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r.start) hi = mid - 1;
    else if (pos >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/**
 * Sorted, disjoint ranges asked about positions that only grow (a left-to-right sweep): each
 * question costs amortised O(1), so a paragraph of 40 000 figures is read in linear time.
 */
export class Cursor {
  private i = 0;
  constructor(private readonly ranges: readonly Range[]) {}

  private advance(pos: number) {
    while (this.i < this.ranges.length && this.ranges[this.i]!.end <= pos) this.i++;
  }

  /** The range holding `pos`. */
  at(pos: number): Range | undefined {
    this.advance(pos);
    const r = this.ranges[this.i];
    return r && r.start <= pos ? r : undefined;
  }

  /** Does [start, end) overlap a range? */
  overlaps(start: number, end: number): boolean {
    this.advance(start);
    const r = this.ranges[this.i];
    return !!r && r.start < end;
  }

  /** The last range that ends at or before `pos`. */
  lastEndingBefore(pos: number): Range | undefined {
    this.advance(pos);
    return this.i > 0 ? this.ranges[this.i - 1] : undefined;
  }
}

/**
 * Parenthesis depth before each position of `text` (depth[i] counts the "(" not yet closed before
 * i; a stray ")" never makes it negative). What stands in parentheses qualifies what precedes it:
 * the parts of a part, a note on a figure. One pass, so reading stays linear.
 */
export function parenDepths(text: string): Uint16Array {
  const depth = new Uint16Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth[i] = d;
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */ && d < 65535) d++;
    else if (c === 41 /* ) */ && d > 0) d--;
  }
  depth[text.length] = d;
  return depth;
}

/**
 * For each ")" that closes a parenthesis (as parenDepths counts them), the position of its "(";
 * -1 elsewhere. One pass with a stack.
 */
export function parenMatches(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */ && open.length < 65535) open.push(i);
    else if (c === 41 /* ) */ && open.length) match[i] = open.pop()!;
  }
  return match;
}

/**
 * Does [from, to) hold at most `steps` pieces at `level`, counting each parenthesis of that level
 * and each character as one, and a whole deeper parenthesis as one (jumped over backwards from
 * `to`)? Rates ask for the words back to the figure before them; where that figure is further than
 * this, it is not the rate's, and reading back to it for every rate of ever deeper parentheses grew
 * as n².
 */
export function withinSteps(text: string, depth: Uint16Array, match: Int32Array, from: number, to: number, level: number, steps: number): boolean {
  let i = to - 1;
  for (let n = 0; i >= from; n++) {
    if (n >= steps) return false;
    i = depth[i]! > level && match[i]! >= 0 ? match[i]! - 1 : i - 1;
  }
  return true;
}

/** The text of [from, to) without what is in parentheses deeper than `level` (the parentheses themselves become spaces). */
export function outerText(text: string, depth: Uint16Array, from: number, to: number, level: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (depth[i]! > level || ((c === '(' || c === ')') && depth[i + 1] !== depth[i])) {
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * Phrases of the lexicon found as whole words in a text cut into words: indexed by their first
 * word, so a text of w words is searched in about w look-ups instead of one scan per phrase
 * (a hundred phrases, looked for around every figure of a report).
 */
export class PhraseIndex {
  /** Each phrase's words, in the order of the list it was made from. */
  private readonly words: string[][];
  private readonly byFirst = new Map<string, number[]>();

  constructor(readonly phrases: readonly string[]) {
    this.words = phrases.map((p) => p.split(' '));
    this.words.forEach((w, k) => {
      const list = this.byFirst.get(w[0]!);
      if (list) list.push(k);
      else this.byFirst.set(w[0]!, [k]);
    });
  }

  /**
   * Calls `found(k, i)` for every phrase `k` (its index in the list) whose words are `words[i…]`,
   * for every i.
   */
  each(words: readonly string[], found: (k: number, i: number) => void): void {
    for (let i = 0; i < words.length; i++) {
      const ks = this.byFirst.get(words[i]!);
      if (!ks) continue;
      for (const k of ks) {
        const pw = this.words[k]!;
        if (i + pw.length > words.length) continue;
        let j = 1;
        while (j < pw.length && pw[j] === words[i + j]) j++;
        if (j === pw.length) found(k, i);
      }
    }
  }
}
