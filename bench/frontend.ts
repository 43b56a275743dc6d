/**
 * Front-end bench: the task pane's initial JavaScript (gzipped) and its time to interactive in
 * headless Chromium, as a ratio to a blank page holding only a FluentProvider and one Button, both
 * from the same production build. Nothing leaves 127.0.0.1: the pane takes Office.js from a local
 * stub that reports an Excel host at once (so the ratio measures the pane, not Microsoft's CDN),
 * and any request to another host fails the bench.
 *
 * Then what the browser fetches, as the files the page asked the server for, each gzipped at level
 * 9 (what a server compressing its answers sends): the pane until its button is enabled and once
 * it has also fetched what it loads by itself right after (the check engine and the results'
 * parts, src/taskpane/whenUsable.ts), and the standalone page of the same build until its "choose
 * a file" button is enabled and until a chosen workbook's results show (the reader's and the
 * checker's chunks come with the first file). Each moment is seen by a MutationObserver in the
 * page, so a request started after it is not counted before it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { formatNumber } from '../src/core/numbers';
import { buildWeb, CHROMIUM_ARGS, CHROMIUM_PATH, serveStatic } from '../test/e2e/web';

export const TARGET_GZIP_KB = 250;
/** The issue's targets: the pane's bytes before it is usable. */
export const TARGET_PANE_FETCHED_KB = 150;
/** …and the single-file standalone build's one script (`npm run build:standalone`). */
export const TARGET_SINGLE_FILE_KB = 350;
export const TARGET_TTI_RATIO = 1.5;
const RUNS = 11;

export interface FrontendResult {
  /** Initial JS of the taskpane entry, gzipped, in KB (1 KB = 1024 bytes). */
  gzipKb: number;
  files: string[];
  /** Medians in milliseconds from navigation start. */
  ttiPaneMs: number;
  ttiBaselineMs: number;
  ratio: number;
  fetched: FetchedBytes;
}

/** Gzipped KB the pages fetched from the build, at the moments the officer waits for. */
export interface FetchedBytes {
  /** The pane, when "Kiểm tra số liệu" is first enabled. */
  paneUsable: number;
  /** The file names behind it. */
  paneUsableFiles: string[];
  /** The pane, once it has also fetched what it loads by itself after that (the check engine, the results' parts). */
  paneSettled: number;
  /** The standalone page, when its "choose a file" button shows. */
  standaloneUsable: number;
  /** The standalone page, when a chosen workbook's results show. */
  standaloneChecked: number;
  /** The file names behind the last figure, for reading what a chunk holds. */
  standaloneCheckedFiles: string[];
  /** Milliseconds from navigation to the standalone page's "choose a file" button, and to a chosen workbook's results. */
  standaloneUsableMs: number;
  standaloneCheckedMs: number;
}

const SAMPLE = join(__dirname, '..', 'assets', 'samples', 'mau-co-loi.xlsx');

const OFFICE_STUB = `window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  context: {
    document: { settings: { get: function () { return null; }, set: function () {}, remove: function () {}, saveAsync: function () {} } },
    requirements: { isSetSupported: function () { return true; } }
  },
  onReady: function (cb) {
    var info = { host: 'Excel', platform: 'PC' };
    return Promise.resolve().then(function () { if (cb) cb(info); return info; });
  }
};
window.Excel = { run: function () { return Promise.reject(new Error('bench')); } };`;

/**
 * Records when the "Kiểm tra số liệu" button first exists and is enabled. A string, not a function:
 * tsx's transform would wrap a function with helpers that do not exist in the page.
 */
const WATCH_INTERACTIVE = `(() => {
  const obs = new MutationObserver(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Kiểm tra số liệu');
    if (b && !b.disabled && window.__tti === undefined) {
      window.__tti = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** The standalone page's "choose a file" button, when it first exists and is enabled. */
const WATCH_PICK_FILE = `(() => {
  const obs = new MutationObserver(() => {
    const b = document.querySelector('[data-testid="pick-file"]');
    if (b && !b.disabled && window.__usable === undefined) {
      window.__usable = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

interface Fetched {
  /** The build's files a page asked for: paths under the server's root, once each, in request order. */
  files: string[];
  /**
   * The files whose request started by `pageMs` (the page's performance.now()). Decided by each
   * request's own start time, not by when the bench hears of it: the bench hears of a request a
   * moment late, and a chunk asked for just after the moment would otherwise count before it.
   * Asked once every request has finished (its timing is known only then).
   */
  startedBy(page: Page, pageMs: number): Promise<string[]>;
  /** Resolves once no request has been open for `quietMs` (what the page fetches on its own is all in). */
  idle(quietMs?: number): Promise<void>;
}

function watchFetched(context: BrowserContext, origin: string): Fetched {
  const files: string[] = [];
  const requests: [string, Request][] = [];
  let open = 0;
  let last = Date.now();
  context.on('request', (r) => {
    open++;
    last = Date.now();
    const u = new URL(r.url());
    if (u.origin !== origin) return;
    const path = decodeURIComponent(u.pathname).replace(/^\//, '');
    requests.push([path, r]);
    if (!files.includes(path)) files.push(path);
  });
  const done = () => {
    open--;
    last = Date.now();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  const idle = async (quietMs = 500) => {
    while (open > 0 || Date.now() - last < quietMs) await new Promise((ok) => setTimeout(ok, 50));
  };
  const startedBy = async (page: Page, pageMs: number) => {
    await idle();
    const limit = (await page.evaluate(() => performance.timeOrigin)) + pageMs;
    const out: string[] = [];
    for (const [path, r] of requests) if (r.timing().startTime <= limit && !out.includes(path)) out.push(path);
    return out;
  };
  return { files, startedBy, idle };
}

function gzippedKb(outDir: string, files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    const p = join(outDir, f);
    // office-stub.js is the bench's own stand-in for Microsoft's script, not the pane's.
    if (f !== 'office-stub.js' && existsSync(p)) bytes += gzipSync(readFileSync(p), { level: 9 }).length;
  }
  return bytes / 1024;
}

/**
 * The pane's files fetched until its button is enabled, and once it has fetched what it loads on
 * its own after that (the check engine, the results' components: src/taskpane/whenUsable.ts).
 */
async function paneFetched(browser: Browser, origin: string): Promise<{ usable: string[]; settled: string[] }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  try {
    const fetched = watchFetched(context, origin);
    const page = await context.newPage();
    await page.addInitScript(WATCH_INTERACTIVE);
    await page.goto(`${origin}/taskpane.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __tti?: number }).__tti !== undefined, null, { timeout: 30_000 });
    const tti = await page.evaluate(() => (window as unknown as { __tti: number }).__tti);
    const usable = await fetched.startedBy(page, tti);
    return { usable, settled: [...fetched.files] };
  } finally {
    await context.close();
  }
}

/** The standalone page's files fetched until it is usable, and until a chosen workbook is checked. */
async function standaloneFetched(browser: Browser, origin: string): Promise<{ usable: string[]; checked: string[]; usableMs: number; checkedMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    const fetched = watchFetched(context, origin);
    const page = await context.newPage();
    await page.addInitScript(WATCH_PICK_FILE);
    await page.goto(`${origin}/standalone.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __usable?: number }).__usable !== undefined, null, { timeout: 30_000 });
    const usableMs = await page.evaluate(() => (window as unknown as { __usable: number }).__usable);
    const usable = await fetched.startedBy(page, usableMs);
    const chosen = await page.evaluate(() => performance.now());
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await page.getByTestId('period').waitFor({ timeout: 60_000 });
    const checkedMs = (await page.evaluate(() => performance.now())) - chosen;
    return { usable, checked: [...fetched.files], usableMs, checkedMs };
  } finally {
    await context.close();
  }
}

/** What the pages of a built folder fetch (the bench's own build, or one given on the command line). */
export async function measureFetched(outDir: string, browser: Browser): Promise<FetchedBytes> {
  if (!existsSync(join(outDir, 'office-stub.js'))) writeFileSync(join(outDir, 'office-stub.js'), OFFICE_STUB);
  const server = await serveStatic(outDir);
  try {
    const pane = await paneFetched(browser, server.url);
    const standalone = await standaloneFetched(browser, server.url);
    return {
      paneUsable: gzippedKb(outDir, pane.usable),
      paneUsableFiles: pane.usable,
      paneSettled: gzippedKb(outDir, pane.settled),
      standaloneUsable: gzippedKb(outDir, standalone.usable),
      standaloneChecked: gzippedKb(outDir, standalone.checked),
      standaloneCheckedFiles: standalone.checked,
      standaloneUsableMs: standalone.usableMs,
      standaloneCheckedMs: standalone.checkedMs,
    };
  } finally {
    await server.close();
  }
}

async function timeToInteractive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  try {
    // Watched, not intercepted: interception would add a round trip to Node to every request.
    const outside: string[] = [];
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') outside.push(r.url());
    });
    const page = await context.newPage();
    await page.addInitScript(WATCH_INTERACTIVE);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __tti?: number }).__tti !== undefined, null, { timeout: 30_000 });
    const tti = await page.evaluate(() => (window as unknown as { __tti: number }).__tti);
    if (outside.length) throw new Error(`requests left the machine: ${outside.join(', ')}`);
    return tti;
  } finally {
    await context.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function measureFrontend(): Promise<FrontendResult> {
  const out = mkdtempSync(join(tmpdir(), 'cchc-bench-web-'));
  try {
    const { entryFiles } = await buildWeb(out, { baseline: true, officeJs: 'office-stub.js' });
    writeFileSync(join(out, 'office-stub.js'), OFFICE_STUB);
    const files = entryFiles.taskpane ?? [];
    if (!files.length) throw new Error('no taskpane entry in the build');
    const gzipBytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);

    const server = await serveStatic(out);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const pane = `${server.url}/taskpane.html`;
      const base = `${server.url}/baseline.html`;
      // One warm-up each (the OS file cache, Chromium's first start), then alternate so drift hits both.
      await timeToInteractive(browser, pane);
      await timeToInteractive(browser, base);
      const p: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        p.push(await timeToInteractive(browser, pane));
        b.push(await timeToInteractive(browser, base));
      }
      const ttiPaneMs = median(p);
      const ttiBaselineMs = median(b);
      const fetched = await measureFetched(out, browser);
      return { gzipKb: gzipBytes / 1024, files, ttiPaneMs, ttiBaselineMs, ratio: ttiPaneMs / ttiBaselineMs, fetched };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function benchFrontend(): Promise<void> {
  const r = await measureFrontend();
  const verdict = (ok: boolean) => (ok ? 'ĐẠT' : 'CHƯA ĐẠT');
  console.log('Giao diện ngăn tác vụ Excel');
  console.log(
    `  JS tải ban đầu (gzip): ${formatNumber(r.gzipKb, 1)} KB (${r.files.length} tệp) — mục tiêu < ${TARGET_GZIP_KB} KB: ${verdict(r.gzipKb < TARGET_GZIP_KB)}`,
  );
  console.log(
    `  Thời gian đến khi dùng được (trung vị ${RUNS} lần): ${formatNumber(r.ttiPaneMs, 0)} ms; trang gốc chỉ có FluentProvider: ${formatNumber(r.ttiBaselineMs, 0)} ms`,
  );
  console.log(`  Tỷ lệ so với trang gốc: ${formatNumber(r.ratio, 2)} — mục tiêu ≤ ${formatNumber(TARGET_TTI_RATIO, 1)}: ${verdict(r.ratio <= TARGET_TTI_RATIO)}`);
  printFetched(r.fetched);
  const single = await singleFileKb();
  console.log(`  Bản một tệp (build:standalone), kịch bản duy nhất: ${formatNumber(single, 1)} KB — mục tiêu ≤ ${TARGET_SINGLE_FILE_KB} KB: ${verdict(single <= TARGET_SINGLE_FILE_KB)}`);
}

function printFetched(f: FetchedBytes): void {
  const verdict = (ok: boolean) => (ok ? 'ĐẠT' : 'CHƯA ĐẠT');
  console.log('Dung lượng trình duyệt tải về (gzip, các tệp trang đã xin):');
  console.log(`  Ngăn tác vụ, đến khi nút "Kiểm tra số liệu" bấm được: ${formatNumber(f.paneUsable, 1)} KB — mục tiêu ≤ ${TARGET_PANE_FETCHED_KB} KB: ${verdict(f.paneUsable <= TARGET_PANE_FETCHED_KB)}`);
  console.log(`  Ngăn tác vụ, khi đã tải xong phần kiểm tra và phần kết quả (tải sau khi bấm được): ${formatNumber(f.paneSettled, 1)} KB`);
  console.log(`  Trang kiểm tra không cần Office, đến khi chọn tệp được: ${formatNumber(f.standaloneUsable, 1)} KB`);
  console.log(`  Trang kiểm tra không cần Office, đến khi có kết quả một sổ: ${formatNumber(f.standaloneChecked, 1)} KB`);
  console.log(`  (trang kiểm tra không cần Office, một lần đo: chọn tệp được sau ${formatNumber(f.standaloneUsableMs, 0)} ms; kết quả mau-co-loi.xlsx sau ${formatNumber(f.standaloneCheckedMs, 0)} ms kể từ lúc chọn)`);
}

/** The single-file standalone build's one script, gzipped, in KB. */
async function singleFileKb(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'cchc-bench-standalone-'));
  try {
    const { entryFiles } = await buildWeb(out, { standalone: true });
    return gzippedKb(out, entryFiles.standalone ?? []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `tsx bench/frontend.ts bytes DIR`: only the bytes, of a folder already built (to compare two builds). */
async function bytesOf(dir: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const f = await measureFetched(dir, browser);
    printFetched(f);
    console.log(`  (ngăn tác vụ: ${f.paneUsableFiles.map((x) => `${x} ${formatNumber(gzippedKb(dir, [x]), 1)}`).join(', ')})`);
    console.log(`  (trang kiểm tra: ${f.standaloneCheckedFiles.map((x) => `${x} ${formatNumber(gzippedKb(dir, [x]), 1)}`).join(', ')})`);
  } finally {
    await browser.close();
  }
}

if (require.main === module && process.argv[2] === 'bytes' && process.argv[3]) {
  bytesOf(process.argv[3]).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else if (require.main === module) {
  benchFrontend().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
