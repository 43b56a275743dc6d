/**
 * The playground (production build, Chromium) opening files that are not .xlsx packages through
 * its file picker: the lazily loaded readers (parse5 for HTML pages, xmldom for Excel 2003 XML)
 * must load in the browser, and refused formats must show their advice.
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

async function open(name: string): Promise<void> {
  await page.goto(`${site.url}/playground.html`);
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 30_000 });
  await page.setInputFiles('input[type=file]', { name, mimeType: 'application/vnd.ms-excel', buffer: readFileSync(join(FIX, name)) });
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

test('a genuine Excel 97-2003 file shows how to save it as .xlsx', async () => {
  await open('hong-excel-97-2003.xls');
  await page.getByText('Tệp > Lưu thành > chọn kiểu "Sổ làm việc Excel (.xlsx)"', { exact: false }).waitFor({ timeout: 30_000 });
});
