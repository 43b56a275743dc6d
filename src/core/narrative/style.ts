import { formatNumber } from '../format';
import { decimalsOf } from '../numbers';
import { percentOf } from '../calculators';

/**
 * The writing rules of docs/style.md as functions, so every sentence of the narrative (and the
 * comparison and forced-report notes) prints figures the same way.
 */

/** Decimals of a computed ratio when the caller asks for nothing else ("18,3%" in the seeds). */
export const DEFAULT_DECIMALS = 1;

/** The workbook's own rates keep at most this many decimals ("92,03%", "99,94%"). */
export const MAX_OWN_DECIMALS = 2;

/** One paragraph's number printer: every non-whole percentage it prints has the same decimals. */
export class Para {
  constructor(readonly decimals: number) {}
  /**
   * A percentage rounded once from the unrounded value. A whole value ("100%", "5%") is written
   * without decimals, as the seeds write it; anything else carries the paragraph's decimals, even
   * when it rounds to a whole number (99,96% at 1 decimal is "100,0%", never a false "100%").
   * null (→ the caller writes "không phát sinh") when nothing happened.
   */
  pct(percent: number | null | undefined): string | null {
    if (percent == null || !Number.isFinite(percent)) return null;
    if (Math.abs(percent - Math.round(percent)) < 1e-9) return `${formatNumber(Math.round(percent), 0)}%`;
    return `${formatNumber(percent, this.decimals)}%`;
  }
  ratio(num: number | null | undefined, den: number | null | undefined): string | null {
    return this.pct(percentOf(num, den));
  }
  /**
   * One of the workbook's own rates, quoted in a list of them: always the list's decimals, whole
   * values too ("93,00%" under "92,03%"), since the list restates a column of the workbook.
   */
  own(percent: number | null | undefined): string | null {
    if (percent == null || !Number.isFinite(percent)) return null;
    return `${formatNumber(percent, this.decimals)}%`;
  }
}

/**
 * Decimals for the workbook's own rates of one place: as many as the most precise of them
 * carries, at most two; 0 when every one is whole ("90%", "95%").
 */
export function ownDecimals(values: readonly (number | null | undefined)[]): number {
  let d = 0;
  for (const v of values) if (v != null && Number.isFinite(v)) d = Math.max(d, decimalsOf(v));
  return Math.min(d, MAX_OWN_DECIMALS);
}

/**
 * A rate the builder computes, printed by itself (the panes' indicator list, the CLI): as a
 * paragraph of the default style prints it, so a figure reads the same beside its paragraph.
 */
export function computedPercent(percent: number): string {
  return new Para(DEFAULT_DECIMALS).pct(percent) ?? formatNumber(percent);
}

/** Counts as these reports write them: "02", "297", "1.877"; 0 stays "0". */
export function count(v: number): string {
  if (Number.isInteger(v) && v > 0 && v < 10) return `0${v}`;
  return formatNumber(v, Number.isInteger(v) ? 0 : undefined);
}

/**
 * "N noun name" or, for zero, "không có noun name": one wording for zero in every breakdown
 * ("không có hồ sơ quá hạn", as the Kon Tum report writes "Không có số đoàn đông người").
 */
export function part(name: string, v: number, noun: string): string {
  return v === 0 ? `không có ${noun} ${name}` : `${name} ${count(v)} ${noun}`;
}

/**
 * Workbook labels in prose: a trailing parenthesis that only repeats or tags the label
 * ("Người dân, tổ chức (TTHC)") is a column note, not words of the sentence.
 */
export function proseLabel(label: string): string {
  return label.replace(/\s*\((?:TTHC|tuyến [^)]*|cấp [^)]*)\)\s*$/iu, '').trim();
}

export function lowerFirst(s: string): string {
  // Keep acronyms ("TTHC", "UBND") as typed.
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && s[1] !== s[1]!.toLowerCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A word repeated next to itself ("là là", "hồ sơ hồ sơ"): a slip the style forbids. Words are
 * compared only across a space, never across punctuation ("tỉnh, tỉnh" is a list).
 */
export function doubledWord(text: string): string | null {
  const tokens = text.toLocaleLowerCase('vi').split(/\s+/).filter(Boolean);
  const word = (t: string | undefined) => (t && /^[\p{L}]+$/u.test(t) ? t : null);
  for (let i = 1; i < tokens.length; i++) {
    const a = word(tokens[i - 1]);
    if (a && a === word(tokens[i]?.replace(/[.,;:!?)]+$/u, ''))) return a;
  }
  for (let i = 3; i < tokens.length; i++) {
    const [a, b, c] = [word(tokens[i - 3]), word(tokens[i - 2]), word(tokens[i - 1])];
    if (a && b && c && a === c && b === word(tokens[i]?.replace(/[.,;:!?)]+$/u, ''))) return `${a} ${b}`;
  }
  return null;
}
