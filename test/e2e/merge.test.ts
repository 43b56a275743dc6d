/**
 * "Tổng hợp từ các đơn vị" in Debian's Chromium: the playground's real pane and Excel adapter on
 * the fake host. Three unit workbooks of the Kon Tum corpus (one in the official Biểu 06 layout)
 * and one broken file are picked; each unit's state shows; the consolidated sheets are written,
 * and the figures on the written TTHC sheet must equal the sums computed here from the seeds.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { tableSpec } from '../../src/core/tables';
import { Q3, expectedCounts, unitWorkbook, type SeedUnit } from '../helpers/merge-corpus';
import { openSite, type Site } from './web';

const RESULTS = join(resolve(__dirname, '../..'), 'test-results');

let site: Site;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

/** The provincial hospital, Đăk Hà and Sa Thầy (Biểu 06). */
const PICKED: SeedUnit[] = [Q3[1]!, Q3[2]!, Q3[4]!];
let files: { name: string; mimeType: string; buffer: Buffer }[];

beforeAll(async () => {
  [site, files] = await Promise.all([
    openSite(),
    Promise.all(PICKED.map(async (u) => ({ name: u.file, mimeType: 'application/octet-stream', buffer: Buffer.from(await unitWorkbook(u)) }))),
  ]);
}, 240_000);

afterAll(() => site?.close());

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
  const outside = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !['127.0.0.1', 'localhost'].includes(new URL(u).hostname));
  expect(outside).toEqual([]);
});

async function openPlayground(sample: string): Promise<void> {
  await page.goto(`${site.url}/playground.html`);
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 30_000 });
  await page.getByTestId('sample').selectOption(sample);
  await page.waitForFunction((name) => window.__playground?.name === name, sample, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Tổng hợp từ các đơn vị' }).click();
  await page.getByRole('heading', { name: 'Tổng hợp từ các đơn vị' }).waitFor();
}

async function pickUnits(extra: typeof files = []): Promise<void> {
  await page.setInputFiles('[data-testid=merge-input]', [...files, ...extra]);
  await page.getByTestId('merge-summary').waitFor({ timeout: 60_000 });
}

const sheetNames = () => page.evaluate(() => window.__playground!.fake.snapshot().sheets.map((s) => s.name));

/** The row of the written TTHC sheet whose first cell is `label`, as numbers by the contract's column keys. */
async function writtenRow(label: string): Promise<Record<string, unknown>> {
  const rows = await page.evaluate(() => window.__playground!.fake.snapshot().sheets.find((s) => s.name === 'TTHC')!.rows.map((r) => r.map((c) => c?.v ?? null)));
  const cols = tableSpec('KetQuaGiaiQuyet').columns;
  const header = rows.findIndex((r) => r[0] === cols[0]!.header);
  expect(rows[header]!.slice(0, cols.length)).toEqual(cols.map((c) => c.header));
  const row = rows.slice(header + 1).find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label} on the written TTHC sheet`);
  return Object.fromEntries(cols.map((c, j) => [c.key, row[j]]));
}


const COUNTS = ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet'];

test('into a new workbook: each unit "Đạt", the broken file listed and left out, the written figures the sums of the units', async () => {
  await openPlayground('so-moi.xlsx');
  await pickUnits([{ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải sổ tính') }]);

  const units = page.getByTestId('merge-unit');
  await expect(units.evaluateAll((els) => els.map((e) => [e.getAttribute('data-unit'), e.getAttribute('data-state')]))).resolves.toEqual(PICKED.map((u) => [u.unit, 'dat']));
  await expect(page.getByTestId('merge-unit-state').allTextContents()).resolves.toEqual(['Đạt', 'Đạt', 'Đạt']);
  const unreadable = page.locator('[data-testid=merge-unreadable] li');
  await expect(unreadable.count()).resolves.toBe(1);
  await expect(unreadable.getAttribute('data-file')).resolves.toBe('hong.xlsx');
  await expect(page.getByTestId('merge-summary').textContent()).resolves.toMatch(/3 đơn vị được cộng.*1 tệp không đọc được/);
  // Across units, the one error is the file left out: named, so the written "Nguồn" says it too.
  await expect(page.locator('[data-testid=merge-cross] li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-severity')]))).resolves.toEqual([['merge_file_unreadable', 'error']]);
  await expect(page.locator('[data-testid=merge-cross] li').textContent()).resolves.toMatch(/Không đọc được tệp hong\.xlsx/);
  // The Biểu 06 unit's panel says what was recognised and its findings (none).
  await units.nth(2).getByRole('button').click();
  await expect(units.nth(2).textContent()).resolves.toMatch(/theo tiêu đề cột/);

  await page.getByTestId('merge-write').click();
  await page.getByTestId('merge-notice').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('merge-notice').textContent()).resolves.toMatch(/Đã ghi 6 trang tính/);
  await expect(sheetNames()).resolves.toEqual(['Sheet1', 'Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Danh mục', 'Nguồn', 'Truy vết']);
  // Announced in the live region too.
  await expect(page.locator('[aria-live]').first().textContent()).resolves.toMatch(/Đã ghi 6 trang tính/);

  const expected = expectedCounts(PICKED);
  expect([...expected.keys()].sort()).toEqual(['An toàn thực phẩm', 'Khám bệnh, chữa bệnh']);
  for (const [field, sums] of expected) {
    const row = await writtenRow(field);
    for (const k of COUNTS) expect([field, k, row[k]]).toEqual([field, k, sums[k]]);
    // The rate recomputed from the summed counts, at the template's two decimals.
    expect(row.tyLeDungHan).toBeCloseTo(Math.round(((sums.truocHan! + sums.dungHan!) / sums.daGiaiQuyet!) * 100 * 100) / 100, 9);
  }
  const total = await writtenRow('Tổng cộng');
  for (const k of COUNTS) expect([k, total[k]]).toEqual([k, PICKED.reduce((a, u) => a + u.kq.reduce((b, r) => b + (r[k] as number), 0), 0)]);

  // "Nguồn" lists the three files in the order they were summed, then the one left out.
  const sources = await page.evaluate(() => window.__playground!.fake.snapshot().sheets.find((s) => s.name === 'Nguồn')!.rows.slice(1, 5).map((r) => r[1]?.v));
  expect(sources).toEqual([...PICKED.map((u) => u.file), 'hong.xlsx']);
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, 'merge-written.png'), fullPage: true });
});

test('into a workbook that has the standard sheets: the officer is asked first; "Hủy" leaves it as it was, "Thay thế" writes the figures into their tables', async () => {
  await openPlayground('mau-sach.xlsx');
  const before = await page.evaluate(() => JSON.stringify(window.__playground!.fake.snapshot().sheets));
  await pickUnits();

  await page.getByTestId('merge-write').click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toMatch(/«Thông tin», «TTHC», «Biên chế», «Hài lòng»/);
  await expect(dialog.textContent()).resolves.toMatch(/Không hoàn tác được bằng Ctrl\+Z/);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await page.getByTestId('merge-notice').waitFor();
  await expect(page.getByTestId('merge-notice').textContent()).resolves.toMatch(/chưa ghi gì/);
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('merge-write');
  await expect(page.evaluate(() => JSON.stringify(window.__playground!.fake.snapshot().sheets))).resolves.toBe(before);

  await page.getByTestId('merge-write').click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Thay thế' }).click();
  await page.getByTestId('merge-notice').getByText('Đã ghi số tổng hợp vào các bảng của', { exact: false }).waitFor({ timeout: 60_000 });
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('merge-write');
  const names = await sheetNames();
  expect(names.filter((n) => /cũ/.test(n))).toEqual([]);
  expect(names.filter((n) => n === 'TTHC')).toHaveLength(1);
  const kb = await writtenRow('Khám bệnh, chữa bệnh');
  expect(kb.tongSo).toBe(expectedCounts(PICKED).get('Khám bệnh, chữa bệnh')!.tongSo);

  // The pane's own check now reads the consolidated figures: no error.
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('count-error').waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('0');
});

test('the next quarter against the previous consolidated workbook: files left out say why, the unit that sent nothing is "Thiếu"', async () => {
  const { buildMergedWorkbook } = await import('../../src/xlsx/merge-workbook');
  const { mergeOutcomes, readUnitFiles } = await import('../../src/taskpane/merge/merge');
  const { Q4, Q4_DUPLICATE } = await import('../helpers/merge-corpus');
  const q3 = await Promise.all(Q3.map(async (u) => ({ name: u.file, bytes: await unitWorkbook(u) })));
  const previous = await buildMergedWorkbook(mergeOutcomes(await readUnitFiles(q3.map((f) => ({ name: f.name, size: f.bytes.length, arrayBuffer: async () => f.bytes.slice().buffer })))).result);
  const q4 = await Promise.all(Q4.map(async (u) => ({ name: u.file, mimeType: 'application/octet-stream', buffer: Buffer.from(await unitWorkbook(u)) })));
  q4.push({ ...q4.find((f) => f.name === Q4_DUPLICATE.of)!, name: Q4_DUPLICATE.as });

  await openPlayground('so-moi.xlsx');
  await page.setInputFiles('[data-testid=merge-previous-input]', { name: 'tong-hop-q3.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(previous) });
  await page.getByTestId('merge-previous').waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('merge-previous').textContent()).resolves.toMatch(/«tong-hop-q3\.xlsx» \(5 đơn vị\)/);
  await page.setInputFiles('[data-testid=merge-input]', q4);
  await page.getByTestId('merge-summary').waitFor({ timeout: 60_000 });

  const states = await page.getByTestId('merge-unit').evaluateAll((els) => els.map((e) => [e.getAttribute('data-file') || e.getAttribute('data-unit'), e.getAttribute('data-state')]));
  expect(Object.fromEntries(states)).toEqual({
    '1-so-y-te.xlsx': 'dat',
    '2-benh-vien-tinh.xlsx': 'dat',
    '3-ttyt-dak-ha.xlsx': 'dat',
    '4-ttyt-ngoc-hoi.xlsx': 'bo-qua',
    '6-cdc-tinh.xlsx': 'dat',
    '7-ttyt-kon-ray.xlsx': 'bo-qua',
    [Q4_DUPLICATE.as]: 'bo-qua',
    'Trung tâm Y tế huyện Sa Thầy': 'thieu',
  });
  const codes = await page.locator('[data-testid=merge-cross] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  expect(codes).toEqual(expect.arrayContaining(['merge_duplicate_unit', 'merge_stale_file', 'merge_period_differs', 'merge_unit_missing', 'merge_unit_new']));
  // A file left out says why, in its panel.
  const stale = page.locator('[data-testid=merge-unit][data-file="4-ttyt-ngoc-hoi.xlsx"]');
  await stale.getByRole('button').first().click();
  await expect(stale.getByTestId('merge-unit-status').textContent()).resolves.toMatch(/\S/);
  mkdirSync(RESULTS, { recursive: true });
  await page.getByTestId('pane').screenshot({ path: join(RESULTS, 'merge-previous.png') });

  // Once written, each cross-unit finding leads to its line on "Nguồn": the missing unit's names it.
  await expect(page.getByTestId('merge-go').count()).resolves.toBe(0);
  await page.getByTestId('merge-write').click();
  await page.getByTestId('merge-notice').getByText('Đã ghi', { exact: false }).waitFor({ timeout: 60_000 });
  const missing = page.locator('[data-testid=merge-cross] li[data-code=merge_unit_missing]');
  await missing.getByTestId('merge-go').click();
  await page.waitForFunction(() => window.__playground!.fake.snapshot().selection?.sheet === 'Nguồn');
  const at = await page.evaluate(() => {
    const snap = window.__playground!.fake.snapshot();
    const cell = snap.selection!.cell;
    const row = Number(cell.replace(/^[A-Z]+/, '')) - 1;
    return { active: snap.activeSheet, unit: snap.sheets.find((x) => x.name === 'Nguồn')!.rows[row]![2]?.v };
  });
  expect(at).toEqual({ active: 'Nguồn', unit: 'Trung tâm Y tế huyện Sa Thầy' });
}, 120_000);
