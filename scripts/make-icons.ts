/**
 * Renders the add-in's ribbon icons (16, 32, 80 px PNG) from one SVG in headless Chromium:
 * a sheet with rows and a check mark, drawn simpler at 16 px so it stays legible.
 * Run: npx tsx scripts/make-icons.ts   (writes assets/icons/icon-{16,32,80}.png)
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileSafely } from '../src/cli/safe-write';

const OUT = path.resolve(__dirname, '..', 'assets', 'icons');

function svg(size: number): string {
  const small = size <= 16;
  // Grid lines only where there are enough pixels to show them.
  const rows = small ? '' : `<g stroke="#ffffff" stroke-opacity=".55" stroke-width="3"><path d="M14 34h72M14 52h72M14 70h72M40 16v70"/></g>`;
  const check = `<path d="${small ? 'M24 52 L42 70 L78 30' : 'M44 62 L58 76 L86 44'}" fill="none" stroke="${small ? '#ffffff' : '#0b6a0b'}" stroke-width="${small ? 14 : 10}" stroke-linecap="round" stroke-linejoin="round"/>`;
  const badge = small ? '' : `<circle cx="66" cy="60" r="28" fill="#ffffff"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect x="6" y="8" width="88" height="84" rx="12" fill="#107c41"/>${rows}${badge}${check}</svg>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    for (const size of [16, 32, 80]) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSafely(path.join(OUT, `icon-${size}.png`), png);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
