import { GLYPHS, GLYPH_UNITS } from './glyphs';
import type { SurveyBars } from './surveyBars';

/**
 * The survey chart as a list of shapes in logical pixels (96 per inch): what both the SVG and the
 * PNG are drawn from, so the two cannot disagree. The layout mirrors the pane's SurveyChart: per
 * survey a heading with the overall rate, then per section its label, a bar on a 0–100 % track
 * and the figure printed beside it.
 */

export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

export interface TextShape {
  kind: 'text';
  /** Left end of the baseline, or its right end when `anchor` is 'end'. */
  x: number;
  y: number;
  size: number;
  text: string;
  fill: string;
  anchor: 'start' | 'end';
}

export type Shape = RectShape | TextShape;

export interface Scene {
  width: number;
  height: number;
  background: string;
  shapes: Shape[];
}

/** 15 cm, the text width of an A4 page with NĐ 30/2020 margins (3–3.5 cm left, 1.5–2 cm right) less a little. */
export const CHART_WIDTH = 567;

export const CHART_TITLE = 'Tỷ lệ hài lòng theo nhóm tiêu chí (tính từ phiếu khảo sát)';

const COLORS = { text: '#242424', muted: '#616161', track: '#e0e0e0', bar: '#0f6cbd', background: '#ffffff' };
const PAD = 10;
const VALUE_COL = 96;
const LABEL_SIZE = 11;
const HEAD_SIZE = 12;
const TITLE_SIZE = 13;
const BAR_H = 10;

/** Width of a text in logical pixels at `size`, from the glyphs' advances (no kerning: none is drawn). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of glyphText(text)) w += (GLYPHS[ch] ?? GLYPHS['?']!)[0];
  return (w * size) / GLYPH_UNITS;
}

/** The text as drawn: NFC, and a character without a glyph falls back to its base letter, else '?'. */
export function glyphText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (GLYPHS[ch]) out += ch;
    else {
      const base = ch.normalize('NFD')[0] ?? '';
      out += GLYPHS[base] ? base : '?';
    }
  }
  return out;
}

/** The width of a bar's fill on a track of `track` pixels: the value's share of 100 %, clamped. */
export function barLength(value: number | null, track: number): number {
  if (value == null || !Number.isFinite(value)) return 0;
  return (Math.max(0, Math.min(100, value)) / 100) * track;
}

export function chartScene(surveys: readonly SurveyBars[]): Scene {
  const shapes: Shape[] = [];
  const track = CHART_WIDTH - 2 * PAD - VALUE_COL;
  let y = PAD + TITLE_SIZE;
  shapes.push({ kind: 'text', x: PAD, y, size: TITLE_SIZE, text: CHART_TITLE, fill: COLORS.text, anchor: 'start' });
  y += 8;
  for (const s of surveys) {
    y += HEAD_SIZE + 6;
    shapes.push({ kind: 'text', x: PAD, y, size: HEAD_SIZE, text: `${s.subject}: hài lòng chung ${s.overall.text}`, fill: COLORS.text, anchor: 'start' });
    for (const b of s.bars) {
      y += LABEL_SIZE + 6;
      shapes.push({ kind: 'text', x: PAD, y, size: LABEL_SIZE, text: b.label, fill: COLORS.muted, anchor: 'start' });
      y += 4;
      shapes.push({ kind: 'rect', x: PAD, y, w: track, h: BAR_H, fill: COLORS.track });
      const len = barLength(b.value, track);
      if (len > 0) shapes.push({ kind: 'rect', x: PAD, y, w: len, h: BAR_H, fill: COLORS.bar });
      shapes.push({ kind: 'text', x: CHART_WIDTH - PAD, y: y + BAR_H - 1, size: LABEL_SIZE, text: b.text, fill: COLORS.text, anchor: 'end' });
      y += BAR_H;
    }
    y += 4;
  }
  return { width: CHART_WIDTH, height: Math.ceil(y + PAD), background: COLORS.background, shapes };
}
