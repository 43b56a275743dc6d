/**
 * The playground in Debian's Chromium: the production build, served from 127.0.0.1, reading the
 * sample workbooks into the fake Excel host and driving the real task pane and Excel adapter.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { PLANTED_MISTAKES } from '../../src/xlsx/samples';
import { parseA1 } from '../../src/core/model';
import { checkWorkbook } from '../../src/core/check';
import { buildNarrative, REPORT_ORDER, TAG_TITLES } from '../../src/core/narrative';
import { figuresFingerprint } from '../../src/core/narrative/fingerprint';
import type { CheckReport } from '../../src/core/report';
import { escapeXml, readFillRecord } from '../../src/docx/fill';
import { readWorkbook } from '../../src/xlsx/read';
import { chosen, CURRENT, MISTAKES, period, QUARTER_BEFORE, refuseAskForce, tthcComparison, type Paired } from '../helpers/pairing';
import { openSite, type Site } from './web';

const ROOT = resolve(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results');

let site: Site;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
/** Requests answered inside the browser by a test's route: they never reach the network. */
const answered = new Set<string>();

beforeAll(async () => {
  site = await openSite();
}, 240_000);

afterAll(() => site?.close());

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
  // Every request of every test stays on this machine.
  const outside = requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:') || answered.has(u)) return false;
    const host = new URL(u).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
  expect(outside).toEqual([]);
});

type Fills = Record<string, string | null>;

/** Every cell's fill on every sheet of the fake host, keyed "sheet!row,col". */
function fills(): Promise<Fills> {
  return page.evaluate(() => {
    const out: Record<string, string | null> = {};
    for (const sheet of window.__playground!.fake.snapshot().sheets) {
      sheet.rows.forEach((row, r) => row.forEach((c, col) => c && (out[`${sheet.name}!${r},${col}`] = c.fill)));
    }
    return out;
  });
}

function keyOf(sheet: string, a1: string): string {
  const { row, col } = parseA1(a1);
  return `${sheet}!${row},${col}`;
}

function fillAt(all: Fills, sheet: string, a1: string): string | null {
  return all[keyOf(sheet, a1)] ?? null;
}

/** Cells whose fill differs between two states (a missing cell has no fill). */
function changed(a: Fills, b: Fills): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => (a[k] ?? null) !== (b[k] ?? null)).sort();
}

async function openPlayground(sample?: string): Promise<void> {
  await page.goto(`${site.url}/playground.html`);
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 30_000 });
  if (sample) {
    await page.getByTestId('sample').selectOption(sample);
    await page.waitForFunction((name) => window.__playground?.name === name, sample, { timeout: 30_000 });
  }
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).waitFor();
}

async function check(): Promise<void> {
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('count-error').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'));
}

async function clear(): Promise<void> {
  await page.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await page.getByRole('main').getByText('Đã xóa đánh dấu', { exact: false }).waitFor();
}

test('finds the planted mistakes, highlights them, selects a cell and clears back to the original fills', async () => {
  await openPlayground();
  const before = await fills();
  expect(Object.keys(before).length).toBeGreaterThan(50);

  await check();
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe(String(PLANTED_MISTAKES.length));
  for (const m of PLANTED_MISTAKES) {
    const item = page.locator(`[data-testid=finding][data-sheet="${m.sheet}"][data-cell="${m.cell}"][data-severity=error]`);
    await expect(item.count()).resolves.toBe(1);
    await expect(item.getAttribute('data-code')).resolves.toBe(m.code);
  }

  // Each planted cell now carries a highlight it did not have before, and only flagged cells changed.
  const highlighted = await fills();
  for (const m of PLANTED_MISTAKES) {
    expect(fillAt(highlighted, m.sheet, m.cell)).not.toBe(fillAt(before, m.sheet, m.cell));
    expect(fillAt(highlighted, m.sheet, m.cell)).not.toBeNull();
  }
  const located = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-sheet')!, e.getAttribute('data-cell')!]));
  const flagged = new Set(located.map(([sheet, cell]) => keyOf(sheet!, cell!)));
  for (const k of changed(before, highlighted)) expect(flagged).toContain(k);

  // Clicking a finding moves the grid to that sheet and outlines the cell, showing its highlight.
  const target = PLANTED_MISTAKES.find((m) => m.sheet !== 'Thông tin')!;
  await page.locator(`[data-testid=finding][data-sheet="${target.sheet}"][data-cell="${target.cell}"]`).click();
  await page.locator(`[data-testid=grid][data-sheet="${target.sheet}"] td[data-cell="${target.cell}"][data-selected=true]`).waitFor();
  const shownFill = await page.locator(`[data-testid=grid] td[data-cell="${target.cell}"]`).getAttribute('data-fill');
  expect(shownFill).toBe(fillAt(highlighted, target.sheet, target.cell));
  await expect(page.locator('[data-testid=grid] td[data-selected=true]').count()).resolves.toBe(1);

  mkdirSync(RESULTS, { recursive: true });
  await page.getByTestId('pane').screenshot({ path: join(RESULTS, 'taskpane.png') });

  await clear();
  expect(changed(before, await fills())).toEqual([]);
});

test('results are announced in a live region while the focus stays on the button; clearing before a check says nothing was marked', async () => {
  await openPlayground();
  const live = page.getByTestId('live');
  await expect(live.getAttribute('aria-live')).resolves.toBe('polite');
  await expect(live.getAttribute('role')).resolves.toBe('status');
  await page.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=live]')?.textContent?.includes('không có gì để xóa'));
  await expect(page.getByText('định dạng của các ô đã được trả lại').count()).resolves.toBe(0);

  await check();
  await expect(live.textContent()).resolves.toMatch(new RegExp(`^Kiểm tra xong: ${PLANTED_MISTAKES.length} lỗi`));
  // Focus stays where the officer pressed, not on the page body.
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('check');
  await clear();
  await expect(live.textContent()).resolves.toMatch(/^Đã xóa đánh dấu ở \d+ ô/);
});

test('keeps a fill the user changed on a highlighted cell when clearing', async () => {
  await openPlayground();
  const before = await fills();
  await check();
  const m = PLANTED_MISTAKES[PLANTED_MISTAKES.length - 1]!;
  const userFill = '#00B050';
  await page.evaluate(([sheet, cell, fill]) => window.__playground!.fake.setCellFormat(sheet!, cell!, { fill }), [m.sheet, m.cell, userFill]);
  await clear();
  const after = await fills();
  expect(fillAt(after, m.sheet, m.cell)).toBe(userFill);
  expect(changed(before, after)).toEqual([keyOf(m.sheet, m.cell)]);
});

test('the clean sample is ready to submit', async () => {
  await openPlayground('mau-sach.xlsx');
  await check();
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('0');
  await expect(page.getByTestId('ready').textContent()).resolves.toContain('Sẵn sàng nộp');
  await expect(page.getByTestId('metric').count()).resolves.toBeGreaterThan(0);
});

test('a workbook of the user without the standard tables can take the template from the pane', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu quý');
  ws.addRow(['Lĩnh vực', 'Hồ sơ']);
  ws.addRow(['Dược', 12]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  await openPlayground();
  await page.setInputFiles('input[type=file]', { name: 'so-cua-toi.xlsx', mimeType: 'application/octet-stream', buffer: data });
  await page.waitForFunction(() => window.__playground?.name === 'so-cua-toi.xlsx', null, { timeout: 30_000 });
  await check();
  await page.getByTestId('non-standard').waitFor();
  await page.getByRole('button', { name: 'Chèn mẫu chuẩn' }).click();
  await page.getByRole('main').getByText('Đã chèn các sheet theo mẫu chuẩn', { exact: false }).waitFor({ timeout: 30_000 });
  const tabs = await page.getByTestId('sheet-tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
  expect(tabs).toEqual(expect.arrayContaining(['Số liệu quý', 'TTHC', 'Biên chế']));
  await expect(page.getByTestId('non-standard').count()).resolves.toBe(0);
});

test('an official Biểu 06 the officer already has: the same findings as on the command line, and what was recognised', async () => {
  const file = 'bieu06-chinh-thuc-co-loi.xlsx';
  const bytes = readFileSync(join(ROOT, 'test/fixtures/layouts', file));
  const node = checkWorkbook(await readWorkbook(new Uint8Array(bytes), file));
  await openPlayground();
  await page.setInputFiles('input[type=file]', { name: file, mimeType: 'application/octet-stream', buffer: bytes });
  await page.waitForFunction((name) => window.__playground?.name === name, file, { timeout: 30_000 });
  await check();
  const shown = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-severity')} ${e.getAttribute('data-code')}@${e.getAttribute('data-sheet')}!${e.getAttribute('data-cell')}`));
  const expected = node.issues.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.code}@${f.sheet}!${f.cell}`);
  expect(expected.filter((x) => x.startsWith('error'))).toHaveLength(5);
  for (const x of expected) expect(shown).toContain(x);
  expect(shown.filter((x) => x.startsWith('error')).sort()).toEqual(expected.filter((x) => x.startsWith('error')).sort());
  await page.getByTestId('recognized').getByRole('button').click();
  const text = await page.getByTestId('recognized').textContent();
  expect(text).toContain('vùng B7:M19');
  expect(text).toContain('dòng số thứ tự cột 10');
  expect(text).toContain('Sở Y tế tỉnh Sơn La');
});

describe('the report section', () => {
  /** The same workbook checked in Node, as `cchc report` would. */
  const nodeReport = async (file: string): Promise<CheckReport> =>
    checkWorkbook(await readWorkbook(new Uint8Array(readFileSync(join(ROOT, 'assets/samples', file))), file));

  const paragraphs = (tag: string) => page.locator(`[data-testid=report-part][data-tag="${tag}"] p`).allTextContents();

  test('on the clean sample: shows the paragraphs, copies them all, downloads the filled report', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const report = await nodeReport('mau-sach.xlsx');
    const n = buildNarrative(report);
    const tthc = n.sections['cchc:tthc'];
    expect(tthc[0]).toMatch(/^Từ ngày 15\/6\/2022 đến ngày 14\/9\/2022/);

    await openPlayground('mau-sach.xlsx');
    await check();
    await page.locator('[data-testid=report-part][data-tag="cchc:tthc"]').waitFor({ timeout: 30_000 });
    await expect(paragraphs('cchc:tthc')).resolves.toEqual(tthc);
    // In the report template's order.
    const withText = REPORT_ORDER.filter((t) => n.sections[t].length > 0);
    await expect(page.getByTestId('report-part').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')))).resolves.toEqual(withText);

    await page.getByRole('button', { name: 'Sao chép tất cả' }).click();
    await page.getByRole('main').getByText('Đã chép tất cả đoạn văn báo cáo', { exact: false }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(withText.map((t) => `${TAG_TITLES[t]}\n\n${n.sections[t].join('\n\n')}`).join('\n\n'));
    expect(copied).toContain(`Kết quả giải quyết TTHC\n\n${tthc[0]}`);
    expect(copied.startsWith(`Danh mục TTHC\n\n`)).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Báo cáo CCHC - mau-sach.docx');
    mkdirSync(RESULTS, { recursive: true });
    const saved = join(RESULTS, 'bao-cao-tu-excel.docx');
    await download.saveAs(saved);
    const bytes = new Uint8Array(readFileSync(saved));
    const record = await readFillRecord(bytes);
    expect(record).toMatchObject({ fileName: 'mau-sach.xlsx', unit: 'Sở Y tế tỉnh Kon Tum', period: n.fields.kyBaoCao, fingerprint: figuresFingerprint(report) });
    expect(Date.now() - Date.parse(record!.filledAt)).toBeLessThan(120_000);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    for (const p of tthc) expect(xml).toContain(`>${escapeXml(p)}</w:t>`);
    await page.getByRole('main').getByText('Đã tạo tệp «Báo cáo CCHC - mau-sach.docx»', { exact: false }).waitFor();
    await page.getByTestId('report-section').scrollIntoViewIfNeeded();
    await page.getByTestId('pane').screenshot({ path: join(RESULTS, 'taskpane-report.png') });
  });

  test('"So sánh với sổ kỳ trước…": another unit\'s or a later workbook is refused or asked about with both files named, and compared only after «Vẫn so sánh»; the quarter before is taken silently', async () => {
    // Every paragraph of the report tab, and whether any compares with a previous period.
    const allParagraphs = () => page.locator('[data-testid=report-part] p').allTextContents();
    const compares = async () => (await allParagraphs()).filter((p) => p.includes('So với '));
    const pickPrevious = async (p: Paired) => page.getByTestId('previous-input').setInputFiles(await chosen(p));

    await openPlayground(CURRENT.name);
    await check();
    await page.locator('[data-testid=report-part][data-tag="cchc:tthc"]').waitFor({ timeout: 30_000 });
    const alone = await allParagraphs();
    expect(await compares()).toEqual([]);

    // Sơn La's later quarter refused, Gia Lai's asked about, Kon Tum's quý I compared once forced
    // (test/helpers/pairing.ts). The open workbook is named by the file Office says is open (the
    // playground's sample).
    const forced = await refuseAskForce(page, pickPrevious, alone);
    await expect(paragraphs('cchc:tthc')).resolves.toEqual(expect.arrayContaining([expect.stringContaining(forced)]));
    // The downloaded report writes what the tab shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click()]);
    mkdirSync(RESULTS, { recursive: true });
    const saved = join(RESULTS, 'bao-cao-van-so-sanh.docx');
    await download.saveAs(saved);
    const xml = await (await JSZip.loadAsync(readFileSync(saved))).file('word/document.xml')!.async('string');
    expect(xml).toContain(escapeXml(forced));

    // Kon Tum's quý II/2022: the quarter before, taken without a word, and the note goes.
    await pickPrevious(QUARTER_BEFORE);
    await page.getByTestId('previous-info').filter({ hasText: QUARTER_BEFORE.name }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('previous-info').textContent()).resolves.toBe(`Kỳ trước: «${QUARTER_BEFORE.name}».`);
    await expect(page.getByTestId('previous-refused').count()).resolves.toBe(0);
    await expect(page.getByTestId('previous-confirm').count()).resolves.toBe(0);
    const right = tthcComparison(`kỳ trước (${period(QUARTER_BEFORE.options)})`);
    await expect(paragraphs('cchc:tthc')).resolves.toEqual(expect.arrayContaining([expect.stringContaining(right)]));
    expect((await compares()).every((p) => !p.includes('không phải kỳ liền trước'))).toBe(true);

    // Sơn La's again, after the right one: refused, and the comparison made with the earlier pick goes
    // too, so the tab never shows one file's comparison beside another file's refusal.
    await pickPrevious(MISTAKES);
    await page.getByTestId('previous-refused').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('previous-info').count()).resolves.toBe(0);
    await expect(allParagraphs()).resolves.toEqual(alone);
  }, 150_000);

  test('on the sample with errors: no paragraph until the officer ticks the confirmation', async () => {
    await openPlayground('mau-co-loi.xlsx');
    await check();
    await page.getByTestId('report-blocked').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('report-part').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Sao chép tất cả' }).count()).resolves.toBe(0);

    await page.getByRole('checkbox', { name: /^Vẫn tạo đoạn văn từ số liệu có lỗi/ }).check();
    const n = buildNarrative(await nodeReport('mau-co-loi.xlsx'), { allowErrors: true });
    await page.locator('[data-testid=report-part][data-tag="cchc:tthc"]').waitFor();
    await expect(paragraphs('cchc:tthc')).resolves.toEqual(n.sections['cchc:tthc']);
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).waitFor();
  });
});

describe('the real task pane page (taskpane.html)', () => {
  const OFFICE = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

  /** Answers the Office.js request with `body`, or makes it fail when body is null. */
  async function office(body: string | null): Promise<void> {
    await context.route(OFFICE, (route) => {
      answered.add(route.request().url());
      return body === null ? route.abort() : route.fulfill({ contentType: 'text/javascript', body });
    });
  }

  const stub = (host: string | null) => `window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    context: {
      document: { settings: { get: function () { return null; }, set: function () {}, remove: function () {},
        saveAsync: function (o, cb) { (typeof o === 'function' ? o : cb)({ status: 'succeeded' }); } } },
      requirements: { isSetSupported: function () { return true; } }
    },
    onReady: function () { return Promise.resolve({ host: ${JSON.stringify(host)}, platform: null }); }
  };`;

  test('loads Office.js from Microsoft and says so when it cannot', async () => {
    await office(null);
    await page.goto(`${site.url}/taskpane.html`);
    await page.getByText('Không tải được Office.js').waitFor();
    expect(requests).toContain(OFFICE);
  });

  test('outside Office it explains where to open it', async () => {
    await office(stub(null));
    await page.goto(`${site.url}/taskpane.html`);
    await page.getByText('Chưa chạy trong Office').waitFor();
    await expect(page.getByRole('button', { name: 'Kiểm tra số liệu' }).count()).resolves.toBe(0);
  });

  test('in Excel it shows the pane, and a host failure appears in the pane', async () => {
    // An Office error as Excel raises it when the user is typing in a cell.
    const failing = `window.Excel = { run: function () {
      var e = new Error('The requested operation is not allowed in cell edit mode.'); e.code = 'InvalidOperationInCellEditMode';
      return Promise.reject(e); } };`;
    await office(`${stub('Excel')}\n${failing}`);
    await page.goto(`${site.url}/taskpane.html`);
    const button = page.getByRole('button', { name: 'Kiểm tra số liệu' });
    await button.click();
    await page.getByTestId('host-error').waitFor();
    await expect(page.getByTestId('host-error').textContent()).resolves.toContain('Excel đang ở chế độ sửa ô');
    await expect(button.isEnabled()).resolves.toBe(true);
  });
});
