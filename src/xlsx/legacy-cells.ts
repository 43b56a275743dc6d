/**
 * The readers' side of the old Vietnamese encodings (src/core/legacy-text.ts): text converted
 * where its font says TCVN3 or VNI (or, for a reader that knows no fonts, where the text alone says
 * so unambiguously), and the cells converted counted per sheet for `model.conversions`.
 */
import { decodeLegacy, detectLegacyText, fontEncoding, type LegacyEncoding } from '../core/legacy-text';
import type { TextConversion } from '../core/model';

/** A font's encoding, looked up once per font name. */
export type FontCoding = { encoding: LegacyEncoding; upper: boolean } | null;

const cache = new Map<string, FontCoding>();
export function fontCoding(name: string | undefined | null): FontCoding {
  if (!name) return null;
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = fontEncoding(name);
    if (cache.size < 1000) cache.set(name, hit);
  }
  return hit;
}

const EIGHT_BIT = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

export class ConversionTally {
  private counts = new Map<string, TextConversion>();

  private count(sheet: string, encoding: LegacyEncoding): void {
    const key = `${encoding}\u0000${sheet}`;
    const c = this.counts.get(key);
    if (c) c.cells++;
    else this.counts.set(key, { sheet, encoding, cells: 1 });
  }

  /** A cell's text in the font `coding` names (null: a Unicode font): converted, and counted when it changed. */
  byFont(sheet: string, text: string, coding: FontCoding): string {
    if (!coding) return text;
    if (!EIGHT_BIT.test(text)) return coding.upper ? text.toUpperCase() : text;
    const out = decodeLegacy(text, coding.encoding, coding.upper);
    if (out.toUpperCase() !== text.toUpperCase()) this.count(sheet, coding.encoding);
    return out;
  }

  /**
   * A cell's text split in runs of their own fonts (rich text): each run converted by its font.
   * Counted once per cell.
   */
  byRuns(sheet: string, runs: readonly { text: string; coding: FontCoding }[]): string {
    let changed: LegacyEncoding | null = null;
    let out = '';
    for (const r of runs) {
      const t = r.coding && EIGHT_BIT.test(r.text) ? decodeLegacy(r.text, r.coding.encoding, r.coding.upper) : r.coding?.upper ? r.text.toUpperCase() : r.text;
      if (r.coding && t.toUpperCase() !== r.text.toUpperCase()) changed = r.coding.encoding;
      out += t;
    }
    if (changed) this.count(sheet, changed);
    return out;
  }

  /** A cell's text from a reader that knows no fonts: converted only when the text alone is unambiguous. */
  byText(sheet: string, text: string): string {
    if (!EIGHT_BIT.test(text)) return text;
    const enc = detectLegacyText(text);
    if (!enc) return text;
    this.count(sheet, enc);
    return decodeLegacy(text, enc);
  }

  result(): TextConversion[] | undefined {
    return this.counts.size ? [...this.counts.values()] : undefined;
  }
}
