import type { Cell } from './model';
import { decimalsOf, formatIsPercent, parseVietnameseNumber, type NumberStyle } from './numbers';
import { foldText, nfc } from './text';

/**
 * A cell as the checks see it, whatever the host gave: numbers typed as text ("2.771", "92,03%")
 * become numbers that remember how they were typed, Excel errors arrive as strings from Office.js
 * and as `e` from files, and "-" is read as zero the way statistical tables use it.
 */
export type Norm =
  | { t: 'blank'; formula: boolean }
  | { t: 'num'; value: number; decimals: number; percent: boolean; text?: string; formula: boolean }
  | { t: 'text'; text: string }
  | { t: 'error'; error: string };

const EXCEL_ERRORS = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const DASH = /^[-\u2013\u2014]$/;
/**
 * A report engine's field left in an unfilled template ("${name:[data];pos:[3]}", "{{tong_so}}",
 * "«TongSo»", "<<so_ho_so>>"): no figure was written, so the cell is blank, not a wrong figure.
 */
const PLACEHOLDER = /^(?:\$\{[^{}]*\}|#\{[^{}]*\}|\{\{[^{}]*\}\}|\{%[^{}]*%\}|«[^«»]*»|<<[^<>]*>>|\[\[[^[\]]*\]\])$/;

/**
 * A figure with a note mark or a unit after it, as officers type them: "1 (*)", "3**", "15 hồ sơ",
 * "2 HS", "12 người". The figure is what counts; the mark points at a footnote.
 */
const ANNOTATED = /^(.*?\d%?)\s*(?:\(\s*\*+\s*\)|\*+|(?:ho so|hs|nguoi|phieu|tthc|thu tuc|don|luot|vu)\.?)$/;

function annotatedNumber(s: string, style: NumberStyle): ReturnType<typeof parseVietnameseNumber> {
  const m = ANNOTATED.exec(foldText(s));
  if (!m) return null;
  // The folded text keeps the figure's characters (digits and marks fold to themselves).
  return parseVietnameseNumber(m[1]!, style);
}

/** "Không phát sinh (hồ sơ)", "KPS": nothing happened; a count of it is 0, a rate of it is none. */
export function isNotApplicable(text: string): boolean {
  const f = foldText(text).replace(/[.:;!]+$/, '').trim();
  return /^(khong|chua) phat sinh( ho so| hs)?$|^kps$|^k\/p\/s$|^khong co ho so$/.test(f);
}

export function normalizeCell(c: Cell | undefined, style: NumberStyle = 'vi'): Norm {
  if (!c) return { t: 'blank', formula: false };
  const formula = c.f != null && c.f !== '';
  if (c.e) return { t: 'error', error: c.e };
  const v = c.v;
  if (v == null) return { t: 'blank', formula };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { t: 'error', error: '#NUM!' };
    return { t: 'num', value: v, decimals: decimalsOf(v), percent: formatIsPercent(c.z), formula };
  }
  if (typeof v === 'boolean') return { t: 'text', text: v ? 'TRUE' : 'FALSE' };
  const s = nfc(v).trim();
  if (s === '') return { t: 'blank', formula };
  if (EXCEL_ERRORS.test(s)) return { t: 'error', error: s.toUpperCase() };
  if (PLACEHOLDER.test(s)) return { t: 'blank', formula };
  if (DASH.test(s)) return { t: 'num', value: 0, decimals: 0, percent: false, text: s, formula };
  const p = parseVietnameseNumber(s, style) ?? annotatedNumber(s, style);
  if (p) return { t: 'num', value: p.value, decimals: p.decimals, percent: p.percent, text: s, formula };
  return { t: 'text', text: s };
}

export function isBlank(n: Norm): boolean {
  return n.t === 'blank';
}

/** Text content of a cell for labels and enums ("" when blank; numbers as typed). */
export function cellText(c: Cell | undefined): string {
  if (!c || c.v == null) return '';
  const v = c.v;
  // A number or a boolean written out has no spaces to tidy ("12", "1e+21", "true").
  if (typeof v !== 'string') return String(v);
  // A label is read by locating, extracting and the checks alike: its tidy form is remembered
  // (the reader hands out one string per distinct text, so the lookup is cheap).
  const hit = textCache.get(v);
  if (hit !== undefined) return hit;
  const t = tidyText(nfc(v));
  if (textCache.size >= TEXT_CACHE_MAX) textCache.clear();
  textCache.set(v, t);
  return t;
}

const textCache = new Map<string, string>();
const TEXT_CACHE_MAX = 20000;

function tidyText(s: string): string {
  return /\s\s|^\s|\s$|[\t\n\r\u00a0]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

export interface RateReading {
  /** In percent (92.03). */
  percent: number;
  /** Decimals the officer typed (or the formula's cached value carries). */
  decimals: number;
  formula: boolean;
  /** The stored number could also be a fraction (0.9203 for 92,03%) with no % format to say so. */
  maybeFraction: boolean;
}

/** Reads a rate cell: "92,03", "92,03%", 0.9203 formatted as %, or 92.03. */
export function readRate(n: Norm): RateReading | null {
  if (n.t !== 'num') return null;
  if (n.percent && n.text === undefined) {
    // A stored fraction shown with a % format.
    const pct = n.value * 100;
    // 1e308 shown as % overflows: no rate at all (extraction reports it as value_out_of_bounds).
    if (!Number.isFinite(pct)) return null;
    return { percent: pct, decimals: Math.max(0, decimalsOf(n.value) - 2), formula: n.formula, maybeFraction: false };
  }
  return {
    percent: n.value,
    decimals: n.decimals,
    formula: n.formula,
    maybeFraction: !n.percent && n.value > 0 && n.value <= 1,
  };
}
