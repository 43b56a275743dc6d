import { GLYPHS, GLYPH_UNITS, OUTLINES, OUTLINE_UNITS } from './glyphs';

/**
 * A character's outline as SVG path data (M, L, Q, Z) in GLYPH_UNITS, y downward, baseline at 0,
 * from the TrueType points of glyphs.ts (scripts/build-chart-glyphs.ts says why they are kept that
 * way). Hand-written because it is the font format's own rule, a few lines: a contour starts at its
 * last point if that is on the curve (else at its first, else halfway between them), an off-curve
 * point is a quadratic's control point, and two off-curve points in a row have an on-curve point
 * halfway between them. This is what opentype.js does (its glyf.getPath), step for step and with
 * the same arithmetic, so the outlines and the pictures are the ones drawn from the font itself
 * (test/core/chart.test.ts compares every character with opentype.js).
 */
export function glyphPath(ch: string): string {
  const g = GLYPHS[ch];
  if (!g) return '';
  const k = GLYPH_UNITS / OUTLINE_UNITS;
  const x = (n: number) => Math.round(n * k);
  const y = (n: number) => Math.round(-n * k);
  let out = '';
  for (const ref of g.slice(1)) {
    const [index, dx, dy] = typeof ref === 'number' ? [ref, 0, 0] : ref;
    let px = dx;
    let py = dy;
    for (const contour of (OUTLINES[index] ?? '').split(',')) {
      const steps = contour.match(/q?-?\d+/g);
      if (!steps) continue;
      const pts: { x: number; y: number; on: boolean }[] = [];
      for (let i = 0; i + 1 < steps.length; i += 2) {
        const s = steps[i]!;
        px += Number(s.replace('q', ''));
        py += Number(steps[i + 1]);
        pts.push({ x: px, y: py, on: s[0] !== 'q' });
      }
      const mid = (a: { x: number; y: number }, b: { x: number; y: number }) => ({ x: (a.x + b.x) * 0.5, y: (a.y + b.y) * 0.5 });
      let curr = pts[pts.length - 1]!;
      let next = pts[0]!;
      const start = curr.on ? curr : next.on ? next : mid(curr, next);
      out += `M${x(start.x)} ${y(start.y)}`;
      for (let i = 0; i < pts.length; i++) {
        curr = next;
        next = pts[(i + 1) % pts.length]!;
        if (curr.on) out += `L${x(curr.x)} ${y(curr.y)}`;
        else {
          const to = next.on ? next : mid(curr, next);
          out += `Q${x(curr.x)} ${y(curr.y)} ${x(to.x)} ${y(to.y)}`;
        }
      }
      out += 'Z';
    }
  }
  return out;
}
