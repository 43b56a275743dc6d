/**
 * A PDF's pages as pictures, and where its text lines are on them. The machines that run the tests
 * have no PDF rasteriser (no poppler, mutool or Ghostscript); LibreOffice's -nogui packages have
 * no picture export, and where it has one Writer exports the first page only. Chromium is there
 * for the browser tests, so Mozilla's PDF.js (the npm package pdfjs-dist, Apache-2.0, a
 * devDependency) draws each page on a canvas inside it. PDF.js is read from node_modules through
 * a route that answers the page's requests for one made-up address (`.invalid` never resolves):
 * the page reaches no network, and the shared browser needs no flag that would open file:// to
 * scripts.
 */
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { ROOT } from './cli';

/**
 * One piece of text as PDF.js reads it from the page, most often a whole line (split where the
 * font changes), in the picture's pixels with the origin top left (PDF points when not drawn).
 */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  /** The baseline. */
  baseline: number;
  /** The font size, in the same unit. */
  size: number;
  /** The font's PostScript name as embedded, e.g. "CAAAAA+LiberationSerif-Bold". */
  font: string;
}

export interface PdfPage {
  /** The page as a PNG file. */
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row after row. */
  rgba: Uint8Array;
  lines: PdfLine[];
}

const ORIGIN = 'http://pdfjs.invalid/';
const PDFJS = join(ROOT, 'node_modules', 'pdfjs-dist');

/**
 * The page the library runs in. It is loaded by the page itself: jest's transform rewrites an
 * import() inside a function handed to page.evaluate into a require() the browser does not have.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>PDF</title><script type="module">
import * as pdfjsLib from '/build/pdf.min.mjs';
pdfjsLib.GlobalWorkerOptions.workerSrc = '/build/pdf.worker.min.mjs';
window.pdfjsLib = pdfjsLib;
</script>`;

interface RawPage {
  /** Base64, or '' when the page was not drawn. */
  png: string;
  lines: PdfLine[];
}

export interface PdfReader {
  /**
   * Every page of `pdf` drawn at `scale` pixels per PDF point (2 → 144 dots per inch: an A4 page
   * is 1191 × 1684 pixels), with its lines.
   */
  draw(pdf: Uint8Array, scale?: number): Promise<PdfPage[]>;
  /**
   * Every page's lines, in PDF points, without drawing anything (their fonts are not read); with
   * `last`, only the last pages' lines are read and the others are left empty.
   */
  lines(pdf: Uint8Array, last?: number): Promise<PdfLine[][]>;
  /** Closes the page and its context; the browser stays open. */
  close(): Promise<void>;
}

/** A page of `browser` with PDF.js loaded, to read PDFs one after another. */
export async function openPdfReader(browser: Browser): Promise<PdfReader> {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(ORIGIN)) return route.abort();
    const rel = url.slice(ORIGIN.length);
    if (rel === '') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE });
    // Only the library's own files: build/ (the library and its worker), standard_fonts/, cmaps/, wasm/.
    if (!/^(build|standard_fonts|cmaps|wasm)\/[\w.-]+$/.test(rel)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ path: join(PDFJS, rel), contentType: rel.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream' });
  });
  const page = await context.newPage();
  await page.goto(ORIGIN);
  await page.waitForFunction(() => 'pdfjsLib' in window);
  /** `last` 0 reads every page. */
  const read = (pdf: Uint8Array, scale: number, draw: boolean, last = 0) =>
    page.evaluate(
      async ({ data, scale, draw, last }): Promise<RawPage[]> => {
        const pdfjs = (window as unknown as { pdfjsLib: typeof import('pdfjs-dist') }).pdfjsLib;
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const doc = await pdfjs.getDocument({ data: bytes, standardFontDataUrl: '/standard_fonts/', cMapUrl: '/cmaps/', wasmUrl: '/wasm/' }).promise;
        const pages: RawPage[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          if (last > 0 && n <= doc.numPages - last) {
            pages.push({ png: '', lines: [] });
            continue;
          }
          const p = await doc.getPage(n);
          const viewport = p.getViewport({ scale });
          let png = '';
          if (draw) {
            const canvas = document.createElement('canvas');
            canvas.width = Math.ceil(viewport.width);
            canvas.height = Math.ceil(viewport.height);
            await p.render({ canvas, viewport }).promise;
            png = canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
          }
          const content = await p.getTextContent();
          const lines: PdfLine[] = [];
          for (const item of content.items) {
            if (!('str' in item) || !item.str.trim()) continue;
            const [x, y] = viewport.convertToViewportPoint(item.transform[4]!, item.transform[5]!) as [number, number];
            // The fonts are known once the page is drawn.
            const font = p.commonObjs.has(item.fontName) ? String((p.commonObjs.get(item.fontName) as { name?: string }).name ?? '') : '';
            lines.push({ text: item.str, left: x, right: x + item.width * scale, baseline: y, size: Math.hypot(item.transform[2]!, item.transform[3]!) * scale, font });
          }
          pages.push({ png, lines });
          p.cleanup();
        }
        await doc.destroy();
        return pages;
      },
      { data: Buffer.from(pdf).toString('base64'), scale, draw, last },
    );
  return {
    async draw(pdf, scale = 2) {
      return (await read(pdf, scale, true)).map((r) => {
        const png = Buffer.from(r.png, 'base64');
        const image = PNG.sync.read(png);
        return { png, width: image.width, height: image.height, rgba: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length), lines: r.lines };
      });
    },
    async lines(pdf, last) {
      return (await read(pdf, 1, false, last)).map((r) => r.lines);
    },
    close: () => context.close(),
  };
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An RGB test for one pixel. */
export type PixelTest = (r: number, g: number, b: number) => boolean;

const luminance = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** Anything drawn: a pixel visibly darker than the paper (anti-aliased edges included). */
export const isDrawn: PixelTest = (r, g, b) => luminance(r, g, b) < 200;

/** The yellow of a highlight (w:highlight "yellow", #FFFF00) where no text is drawn on it. */
export const isYellow: PixelTest = (r, g, b) => r > 220 && g > 220 && b < 80;

/** How many pixels of the box (clipped to the page) pass `test`, and how many it has. */
export function countPixels(page: PdfPage, box: Box, test: PixelTest): { hits: number; all: number } {
  // The bounds are worked out before the loops: under jest a global such as Math is looked up
  // through the test context's global object, which costs a hundred times more per pixel.
  const { rgba, width } = page;
  const top = Math.max(0, Math.floor(box.top));
  const bottom = Math.min(page.height, Math.ceil(box.bottom));
  const left = Math.max(0, Math.floor(box.left));
  const right = Math.min(width, Math.ceil(box.right));
  let hits = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left, i = (y * width + left) * 4; x < right; x++, i += 4) {
      if (test(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!)) hits++;
    }
  }
  return { hits, all: Math.max(0, bottom - top) * Math.max(0, right - left) };
}

/** How dark the box is on average: 0 for bare paper, 1 for solid black. */
export function darkness(page: PdfPage, box: Box): number {
  const { rgba, width } = page;
  const top = Math.max(0, Math.floor(box.top));
  const bottom = Math.min(page.height, Math.ceil(box.bottom));
  const left = Math.max(0, Math.floor(box.left));
  const right = Math.min(width, Math.ceil(box.right));
  let sum = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left, i = (y * width + left) * 4; x < right; x++, i += 4) sum += 255 - luminance(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
  }
  return sum / 255 / Math.max(1, (bottom - top) * (right - left));
}

/** The rows of the box in which some pixel passes `test`, top to bottom. */
export function rowsWith(page: PdfPage, box: Box, test: PixelTest): boolean[] {
  const rows: boolean[] = [];
  for (let y = Math.max(0, Math.floor(box.top)); y < Math.min(page.height, Math.ceil(box.bottom)); y++) rows.push(countPixels(page, { ...box, top: y, bottom: y + 1 }, test).hits > 0);
  return rows;
}

/** The runs of consecutive pixels passing `test` along row y, between left and right: [start, end) pairs. */
export function runsAlongRow(page: PdfPage, y: number, left: number, right: number, test: PixelTest): [number, number][] {
  const runs: [number, number][] = [];
  const from = Math.max(0, Math.floor(left));
  const to = Math.min(page.width, Math.ceil(right));
  const row = Math.floor(y) * page.width;
  let start = -1;
  for (let x = from; x <= to; x++) {
    const i = (row + x) * 4;
    const hit = x < to && test(page.rgba[i]!, page.rgba[i + 1]!, page.rgba[i + 2]!);
    if (hit && start < 0) start = x;
    if (!hit && start >= 0) {
      runs.push([start, x]);
      start = -1;
    }
  }
  return runs;
}
