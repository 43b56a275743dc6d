/**
 * The large workbooks of scripts/measure-large.ts read in the browser: the standalone checker
 * (the same read.ts as the panes) built for production and opened from disk in Debian's Chromium;
 * each file is picked, and the time until the findings' counts appear and the page's largest
 * JavaScript heap (CDP Performance.getMetrics, sampled every 50 ms) are printed.
 *   npx tsx scripts/measure-browser-large.ts FILE.xlsx…
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildWeb, CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/web';

void (async () => {
  const files = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-browser-large-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await buildWeb(dir, { standalone: true });
    const rows = ['| File | Time to findings (s) | Peak JS heap (MB) | Errors shown |', '|---|---|---|---|'];
    for (const file of files) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(pathToFileURL(join(dir, 'standalone.html')).href);
      await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
      let peak = 0;
      let sampling = true;
      const sample = (async () => {
        while (sampling) {
          const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
          peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const started = Date.now();
      await page.getByTestId('file-input').setInputFiles(file);
      await page.getByTestId('count-error').waitFor({ timeout: 300_000 });
      const secs = (Date.now() - started) / 1000;
      sampling = false;
      await sample;
      const errors = await page.getByTestId('count-error').textContent();
      rows.push(`| ${basename(file)} | ${secs.toFixed(2)} | ${(peak / 1024 / 1024).toFixed(0)} | ${errors} |`);
      process.stderr.write(`${rows.at(-1)}\n`);
      await page.close();
    }
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
})();
