/**
 * Writes src/core/chart/glyphs.ts: the outlines of the characters the report's survey chart may
 * print (ASCII and every Vietnamese letter), taken from DejaVu Sans (npm dejavu-fonts-ttf, dev
 * only). The chart's PNG is drawn by pure code in the core (no canvas, no native module, the same
 * bytes in Node and in the browser), so the glyphs travel with the code instead of a 740 KB font
 * file. Run `npx tsx scripts/build-chart-glyphs.ts` after changing the set.
 *
 * The outlines are kept as the font keeps them, which is what makes them small (they ride in every
 * page's script, whose size the standalone build is held to): the TrueType points (on and off the
 * curve, the implied points between two off-curve ones left out), and each precomposed Vietnamese letter as the font builds it, its
 * base letter and its marks moved into place (DejaVu's composite glyphs), not as an outline of its
 * own. src/core/chart/outline.ts turns them back into path data exactly as opentype.js does.
 */
import fs from 'node:fs';
import path from 'node:path';
import opentype from 'opentype.js';

const FONT = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
const OUT = path.join(__dirname, '..', 'src', 'core', 'chart', 'glyphs.ts');
/** Advances and the path data drawn are in thousandths of an em, rounded: far finer than a 300 dpi pixel at 11 pt. */
const UNITS = 1000;

const VIET = 'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư';
const chars: string[] = [];
for (let c = 0x20; c <= 0x7e; c++) chars.push(String.fromCharCode(c));
for (const c of VIET) chars.push(c);
for (let c = 0x1ea0; c <= 0x1ef9; c++) chars.push(String.fromCharCode(c));
chars.push('–', '…', '≥', '≤');

/** What opentype.js's types leave out of a glyph read from a glyf table. */
interface TrueTypeGlyph {
  index: number;
  advanceWidth?: number;
  path: opentype.Path;
  isComposite?: boolean;
  components?: { glyphIndex: number; dx: number; dy: number; xScale: number; yScale: number; scale01: number; scale10: number; matchedPoints?: unknown }[];
  points?: { x: number; y: number; onCurve: boolean; lastPointOfContour: boolean }[];
}

function loadFont(): opentype.Font {
  const buf = fs.readFileSync(FONT);
  return opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function glyphOf(font: opentype.Font, ch: string): TrueTypeGlyph {
  const g = font.charToGlyph(ch);
  if (!g || g.index === 0) throw new Error(`DejaVu Sans has no glyph for ${JSON.stringify(ch)}`);
  return g as unknown as TrueTypeGlyph;
}

/** A glyph as the simple glyphs it is drawn from, each moved by (dx, dy) font units, in the font's order. */
function simpleParts(font: opentype.Font, index: number, dx: number, dy: number, out: [number, number, number][]): void {
  const g = font.glyphs.get(index) as unknown as TrueTypeGlyph;
  void g.path; // opentype.js reads a glyph's points when its path is first asked for
  if (!g.isComposite) {
    if (g.points?.length) out.push([index, dx, dy]);
    return;
  }
  for (const c of g.components ?? []) {
    // DejaVu's Vietnamese letters only move their parts; a scaled or point-matched part would need more here.
    if (c.xScale !== 1 || c.yScale !== 1 || c.scale01 !== 0 || c.scale10 !== 0 || c.matchedPoints) throw new Error(`glyph ${index}: a component that is not only moved`);
    simpleParts(font, c.glyphIndex, dx + c.dx, dy + c.dy, out);
  }
}

/**
 * A simple glyph's points, each as its step from the one before (font units, y up), "q" before a
 * point off the curve, "," after the last point of a contour.
 */
function encodePoints(points: NonNullable<TrueTypeGlyph['points']>): string {
  let out = '';
  let px = 0;
  let py = 0;
  for (const p of points) {
    out += `${p.onCurve ? '' : 'q'}${p.x - px} ${p.y - py}${p.lastPointOfContour ? ',' : ' '}`;
    px = p.x;
    py = p.y;
  }
  return out;
}

/** The text of glyphs.ts, from the font (a test compares it with the committed file). */
export function glyphModule(): string {
  const font = loadFont();
  const k = UNITS / font.unitsPerEm;
  const r = (n: number) => Math.round(n * k);

  const outlines = new Map<number, number>();
  const entries: string[] = [];
  for (const ch of chars) {
    const g = glyphOf(font, ch);
    const parts: [number, number, number][] = [];
    simpleParts(font, g.index, 0, 0, parts);
    const refs = parts.map(([index, dx, dy]) => {
      if (!outlines.has(index)) outlines.set(index, outlines.size);
      const i = outlines.get(index)!;
      return dx || dy ? `[${i}, ${dx}, ${dy}]` : `${i}`;
    });
    entries.push(`  ${JSON.stringify(ch)}: [${[r(g.advanceWidth ?? 0), ...refs].join(', ')}],`);
  }
  const encoded = [...outlines.keys()].map((index) => `  ${JSON.stringify(encodePoints((font.glyphs.get(index) as unknown as TrueTypeGlyph).points ?? []))},`);

  const licence = fs.readFileSync(path.join(path.dirname(FONT), '..', 'LICENSE'), 'utf8').trimEnd().split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n');
  return `// Generated by scripts/build-chart-glyphs.ts from DejaVu Sans ${font.tables.head?.fontRevision?.toFixed?.(2) ?? ''}: do not edit.
/**
 * @license Glyph outlines of DejaVu Sans, as the font stores them (src/core/chart/outline.ts draws them).
 *
${licence}
 */
/** Advances, ASCENT and DESCENT are in thousandths of an em. */
export const GLYPH_UNITS = ${UNITS};
export const ASCENT = ${r(font.ascender)};
export const DESCENT = ${r(-font.descender)};
/** Font units per em of OUTLINES. */
export const OUTLINE_UNITS = ${font.unitsPerEm};
/**
 * The simple glyphs the characters are drawn from, as TrueType points in font units, y up: each
 * point its step from the one before ("dx dy"), "q" before a point off the curve, "," after the
 * last point of a contour.
 */
export const OUTLINES: readonly string[] = [
${encoded.join('\n')}
];
/**
 * character → [advance width, then the outlines drawn: an index in OUTLINES, or [index, dx, dy]
 * when the font moves it (font units, y up): a precomposed letter is its base letter and its marks].
 */
export const GLYPHS: Record<string, readonly [number, ...(number | readonly [number, number, number])[]]> = {
${entries.join('\n')}
};
`;
}

/**
 * Each character's outline as opentype.js draws it from the font, composites resolved by
 * opentype.js itself, as SVG path data in thousandths of an em, y downward, baseline at 0 (the test
 * compares src/core/chart/outline.ts's reading of glyphs.ts with it).
 */
export function fontPaths(): Map<string, string> {
  const font = loadFont();
  const k = UNITS / font.unitsPerEm;
  const r = (n: number) => Math.round(n * k);
  const paths = new Map<string, string>();
  for (const ch of chars) {
    const parts: string[] = [];
    for (const c of glyphOf(font, ch).path.commands) {
      if (c.type === 'M' || c.type === 'L') parts.push(`${c.type}${r(c.x)} ${r(-c.y)}`);
      else if (c.type === 'Q') parts.push(`Q${r(c.x1)} ${r(-c.y1)} ${r(c.x)} ${r(-c.y)}`);
      else if (c.type === 'C') parts.push(`C${r(c.x1)} ${r(-c.y1)} ${r(c.x2)} ${r(-c.y2)} ${r(c.x)} ${r(-c.y)}`);
      else if (c.type === 'Z') parts.push('Z');
    }
    paths.set(ch, parts.join(''));
  }
  return paths;
}

if (require.main === module) {
  fs.writeFileSync(OUT, glyphModule());
  console.log(`${chars.length} glyphs → ${path.relative(process.cwd(), OUT)} (${fs.statSync(OUT).size} bytes)`);
}
