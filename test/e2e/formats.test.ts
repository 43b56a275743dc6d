/**
 * The playground (production build, Chromium) opening files that are not .xlsx packages through
 * its file picker: the lazily loaded readers (parse5 for HTML pages, xmldom for Excel 2003 XML,
 * cfb and the BIFF8 reader for .xls, the .ods and CSV readers) must load in the browser, and a
 * broken file must show its Vietnamese reason.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openSite, type Site } from './web';

const FIX = join(resolve(__dirname, '../..'), 'test', 'fixtures', 'html');

let site: Site;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await openSite();
}, 240_000);
afterAll(() => site?.close());
beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(() => context.close());

const LAYOUTS = join(resolve(__dirname, '../..'), 'test', 'fixtures', 'layouts');

async function open(name: string, from = FIX): Promise<void> {
  await page.goto(`${site.url}/playground.html`);
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 30_000 });
  await page.setInputFiles('input[type=file]', { name, mimeType: 'application/vnd.ms-excel', buffer: readFileSync(join(from, name)) });
}

/** Values of the fake host's sheet, as the page loaded them. */
function values(sheet: string): Promise<(string | number | boolean | null)[][]> {
  return page.evaluate(
    (name) => window.__playground!.fake.snapshot().sheets.find((s) => s.name === name)?.rows.map((r) => Array.from(r, (c) => c?.v ?? null)) ?? [],
    sheet,
  );
}

test.each([
  ['mot-cua-kon-tum-q3-2022-dung.xls', 'mot-cua-kon-tum-q3-2022-dung', '329'],
  ['mot-cua-kon-tum-q3-2022-xml-2003-dung.xls', 'Thống kê', 329],
])('reads the one-stop export %s into the page, cells where Excel puts them', async (file, sheet, total) => {
  await open(file);
  await page.waitForFunction((name) => window.__playground?.name === name, file, { timeout: 30_000 });
  const rows = await values(sheet);
  // Row 4 holds the group headers, row 5 their parts from column C, row 12 the totals (329 received).
  expect(rows[3]?.slice(0, 3)).toEqual(['STT', 'Lĩnh vực', 'Tiếp nhận']);
  expect(rows[4]?.[2]).toBe('Tổng số');
  expect(rows[11]?.[0]).toBe('Tổng cộng');
  expect(rows[11]?.[2]).toBe(total);
});

test.each(['trang-tinh-don-gian-co-loi.xls', 'trang-tinh-don-gian-co-loi.ods', 'trang-tinh-don-gian-co-loi.windows-1258.csv'])('reads %s into the page, cells where the .xlsx has them', async (file) => {
  await open(file, LAYOUTS);
  await page.waitForFunction((name) => window.__playground?.name === name, file, { timeout: 30_000 });
  const sheet = file.endsWith('.csv') ? file.replace(/\.csv$/, '').slice(0, 31) : 'Sheet1';
  const rows = await values(sheet);
  // scripts/build-layout-fixtures.ts: row 16 the TTHC total 169, row 23 the staffing total "4.876".
  expect(rows[15]?.slice(1, 3)).toEqual(['Tổng cộng', 169]);
  expect(rows[22]?.[1]).toBe('Tổng số');
});

test('an Excel 97-2003 signature without a compound file behind it is refused as a broken .xls', async () => {
  await open('hong-excel-97-2003.xls');
  await page.getByText('Tệp Excel 97-2003 (.xls) bị hỏng', { exact: false }).waitFor({ timeout: 30_000 });
});
