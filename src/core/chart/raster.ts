import { zlibSync } from 'fflate';
import { concatBytes } from '../bytes';
import { GLYPHS, GLYPH_UNITS } from './glyphs';
import { glyphPath } from './outline';
import { glyphText, textWidth, type Scene, type TextShape } from './scene';

/**
 * The scene drawn into an RGB bitmap and encoded as PNG, by pure code: the same bytes in Node (the
 * CLI) and in the browser (the panes), no canvas, no native module, no font on the machine (the
 * glyph outlines come with the code, glyphs.ts, drawn by outline.ts). Shapes are few and simple (rectangles and text),
 * so a scanline filler is enough: rectangles get exact area coverage at their edges, glyphs a
 * nonzero-winding fill sampled on 4 sub-rows per pixel with exact horizontal coverage.
 */

export interface Bitmap {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, rows top to bottom. */
  data: Uint8Array;
}

const SUB = 4;

export function rasterize(scene: Scene, scale: number): Bitmap {
  const width = Math.round(scene.width * scale);
  const height = Math.round(scene.height * scale);
  const data = new Uint8Array(width * height * 3);
  const bg = rgb(scene.background);
  if (bg[0] === bg[1] && bg[1] === bg[2]) data.fill(bg[0]);
  else for (let i = 0; i < data.length; i += 3) data.set(bg, i);
  const bmp = { width, height, data };
  for (const s of scene.shapes) {
    if (s.kind === 'rect') fillRect(bmp, s.x * scale, s.y * scale, (s.x + s.w) * scale, (s.y + s.h) * scale, rgb(s.fill));
    else fillText(bmp, s, scale);
  }
  return bmp;
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function blend(bmp: Bitmap, x: number, y: number, c: readonly number[], a: number): void {
  if (a <= 0 || x < 0 || y < 0 || x >= bmp.width || y >= bmp.height) return;
  const i = (y * bmp.width + x) * 3;
  const k = Math.min(1, a);
  for (let j = 0; j < 3; j++) bmp.data[i + j] = Math.round(bmp.data[i + j]! * (1 - k) + c[j]! * k);
}

function fillRect(bmp: Bitmap, x0: number, y0: number, x1: number, y1: number, c: readonly number[]): void {
  for (let py = Math.floor(y0); py < Math.ceil(y1); py++) {
    const cy = Math.min(y1, py + 1) - Math.max(y0, py);
    for (let px = Math.floor(x0); px < Math.ceil(x1); px++) {
      blend(bmp, px, py, c, cy * (Math.min(x1, px + 1) - Math.max(x0, px)));
    }
  }
}

type Edge = [number, number, number, number];

const outlines = new Map<string, Edge[]>();

/** A glyph's outline as line segments, in glyph units (curves flattened once and kept). */
function glyphEdges(ch: string): Edge[] {
  const done = outlines.get(ch);
  if (done) return done;
  const edges: Edge[] = [];
  const path = glyphPath(ch);
  const tokens = path.match(/[MLQCZ]|-?\d+/g) ?? [];
  let i = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const n = () => Number(tokens[i++]);
  const line = (x: number, y: number) => {
    edges.push([cx, cy, x, y]);
    cx = x;
    cy = y;
  };
  while (i < tokens.length) {
    const op = tokens[i++];
    if (op === 'M') {
      cx = sx = n();
      cy = sy = n();
    } else if (op === 'L') line(n(), n());
    else if (op === 'Q') {
      const [qx, qy, x, y] = [n(), n(), n(), n()];
      const [ox, oy] = [cx, cy];
      for (let t = 1; t <= 8; t++) {
        const u = t / 8;
        line((1 - u) ** 2 * ox + 2 * (1 - u) * u * qx + u * u * x, (1 - u) ** 2 * oy + 2 * (1 - u) * u * qy + u * u * y);
      }
    } else if (op === 'C') {
      const [ax, ay, bx, by, x, y] = [n(), n(), n(), n(), n(), n()];
      const [ox, oy] = [cx, cy];
      for (let t = 1; t <= 12; t++) {
        const u = t / 12;
        const v = 1 - u;
        line(v ** 3 * ox + 3 * v * v * u * ax + 3 * v * u * u * bx + u ** 3 * x, v ** 3 * oy + 3 * v * v * u * ay + 3 * v * u * u * by + u ** 3 * y);
      }
    } else if (op === 'Z') {
      if (cx !== sx || cy !== sy) line(sx, sy);
    }
  }
  outlines.set(ch, edges);
  return edges;
}

function fillText(bmp: Bitmap, t: TextShape, scale: number): void {
  const text = glyphText(t.text);
  const k = (t.size / GLYPH_UNITS) * scale;
  let pen = (t.anchor === 'end' ? t.x - textWidth(text, t.size) : t.x) * scale;
  const base = t.y * scale;
  const edges: Edge[] = [];
  for (const ch of text) {
    for (const [x0, y0, x1, y1] of glyphEdges(ch)) edges.push([pen + x0 * k, base + y0 * k, pen + x1 * k, base + y1 * k]);
    pen += GLYPHS[ch]![0] * k;
  }
  if (!edges.length) return;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [x0, y0, x1, y1] of edges) {
    minX = Math.min(minX, x0, x1);
    maxX = Math.max(maxX, x0, x1);
    minY = Math.min(minY, y0, y1);
    maxY = Math.max(maxY, y0, y1);
  }
  const left = Math.floor(minX);
  const w = Math.ceil(maxX) - left + 1;
  const top = Math.floor(minY);
  const rows = Math.ceil(maxY) - top + 1;
  const cover = new Float32Array(w * rows);
  const xs: [number, number][] = [];
  // Edges by their top; the sub-rows go down, so each sub-row looks only at the edges it crosses.
  const sorted = edges.filter(([, y0, , y1]) => y0 !== y1).sort((a, b) => Math.min(a[1], a[3]) - Math.min(b[1], b[3]));
  let next = 0;
  let active: Edge[] = [];
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < SUB; s++) {
      const y = top + r + (s + 0.5) / SUB;
      while (next < sorted.length && Math.min(sorted[next]![1], sorted[next]![3]) <= y) active.push(sorted[next++]!);
      active = active.filter(([, y0, , y1]) => Math.max(y0, y1) > y);
      xs.length = 0;
      for (const [x0, y0, x1, y1] of active) {
        if (y < Math.min(y0, y1)) continue;
        xs.push([x0 + ((y - y0) / (y1 - y0)) * (x1 - x0) - left, y1 > y0 ? 1 : -1]);
      }
      xs.sort((a, b) => a[0] - b[0]);
      let wind = 0;
      let from = 0;
      for (const [x, d] of xs) {
        const was = wind;
        wind += d;
        if (was === 0 && wind !== 0) from = x;
        else if (was !== 0 && wind === 0) span(cover, r * w, from, x, 1 / SUB);
      }
    }
  }
  const c = rgb(t.fill);
  for (let r = 0; r < rows; r++) for (let x = 0; x < w; x++) blend(bmp, left + x, top + r, c, cover[r * w + x]!);
}

/** Adds the coverage of [a, b) on one sub-row to the pixels of the row starting at `row`. */
function span(cover: Float32Array, row: number, a: number, b: number, weight: number): void {
  const ia = Math.floor(a);
  const ib = Math.floor(b);
  if (ia === ib) {
    cover[row + ia]! += (b - a) * weight;
    return;
  }
  cover[row + ia]! += (ia + 1 - a) * weight;
  for (let x = ia + 1; x < ib; x++) cover[row + x]! += weight;
  if (b > ib) cover[row + ib]! += (b - ib) * weight;
}

// ---------------------------------------------------------------------------------------------
// PNG. Written here over fflate's zlib rather than with an encoder library: the maintained pure-JS
// encoder (fast-png) ships as ES modules only, which this project's CommonJS builds (jest through
// swc, the CLI bundle run by Node 20) cannot load without changing their configuration, and pngjs
// needs Node's zlib and streams, absent in the panes. An 8-bit RGB PNG without interlace is four
// chunks (PNG spec, ISO/IEC 15948): signature, IHDR, IDAT (zlib of filter byte + row), IEND.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/** 8-bit RGB PNG with the resolution in pHYs (pixels per metre), so viewers size it as it is meant. */
export function encodePng(bmp: Bitmap, pixelsPerMetre: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, bmp.width);
  v.setUint32(4, bmp.height);
  ihdr.set([8, 2, 0, 0, 0], 8); // depth 8, colour type 2 (RGB), deflate, adaptive filters, no interlace
  const phys = new Uint8Array(9);
  const pv = new DataView(phys.buffer);
  pv.setUint32(0, Math.round(pixelsPerMetre));
  pv.setUint32(4, Math.round(pixelsPerMetre));
  phys[8] = 1; // unit: metre
  const stride = bmp.width * 3;
  const raw = new Uint8Array((stride + 1) * bmp.height);
  for (let y = 0; y < bmp.height; y++) {
    // Filter "Up" (2): the chart is mostly flat colour, so rows repeat and compress to nearly nothing.
    raw[y * (stride + 1)] = 2;
    for (let x = 0; x < stride; x++) {
      const cur = bmp.data[y * stride + x]!;
      const up = y ? bmp.data[(y - 1) * stride + x]! : 0;
      raw[y * (stride + 1) + 1 + x] = (cur - up) & 255;
    }
  }
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', zlibSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))];
  return concatBytes(parts);
}
