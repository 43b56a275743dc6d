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

/** Same length as `s` (UTF-16 units), one folded character per character. */
export function foldKeep(s: string): string {
  // Non-ASCII characters fold to one character each; ASCII lower-cases in place.
  return s.replace(/[^ -~\t\n\r]/g, foldChar).toLowerCase();
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
export function clauses(text: string): Range[] {
  const out: Range[] = [];
  for (const s of sentences(text)) {
    let start = s.start;
    for (let i = s.start; i < s.end; i++) {
      if (text[i] === ';') {
        out.push({ start, end: i });
        start = i + 1;
      }
    }
    out.push({ start, end: s.end });
  }
  return out;
}

export function within(ranges: Range[], pos: number): Range | undefined {
  return ranges.find((r) => pos >= r.start && pos < r.end);
}
