/**
 * The task pane in real Chromium over an in-memory ExcelActions (test/taskpane/harness.tsx): what it
 * shows for each report, which host calls its controls make, and that it stays usable after errors.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { withMessage } from '../../src/core/messages';
import { summarize, type Draft } from '../../src/core/findings';
import { percentOf, tyLeDungHan } from '../../src/core/calculators';
import type { CheckReport } from '../../src/core/report';
import { checkWorkbook } from '../../src/core/check';
import { buildNarrative, REPORT_ORDER } from '../../src/core/narrative';
import { readWorkbook } from '../../src/xlsx/read';
import { openBrowser, serveStatic, type OpenBrowser, type StaticServer } from '../e2e/web';

const ROOT = join(__dirname, '../..');
let dir: string;
/** The real report of the clean sample workbook, checked in Node. */
let clean: CheckReport;
let server: StaticServer;
let opened: OpenBrowser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-pane-'));
  await build({
    entryPoints: [join(__dirname, 'harness.tsx')],
    bundle: true,
    outfile: join(dir, 'harness.js'),
    jsx: 'automatic',
    format: 'iife',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  // The report template, where the pane fetches it: next to the page.
  mkdirSync(join(dir, 'assets/templates'), { recursive: true });
  copyFileSync(join(ROOT, 'assets/templates/bao-cao-cchc.docx'), join(dir, 'assets/templates/bao-cao-cchc.docx'));
  clean = checkWorkbook(await readWorkbook(new Uint8Array(readFileSync(join(ROOT, 'assets/samples/mau-sach.xlsx'))), 'mau-sach.xlsx'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="margin:0"><div id="root"></div><script src="harness.js"></script></body></html>');
  server = await serveStatic(dir);
  opened = await openBrowser();
}, 60_000);

afterAll(async () => {
  await opened?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await opened.browser.newPage({ viewport: { width: 320, height: 900 } });
});
afterEach(async () => {
  await page.close();
});

async function open(query = ''): Promise<void> {
  await page.goto(`${server.url}/index.html${query}`);
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).waitFor();
}

const calls = () => page.evaluate(() => window.__harness.calls);

function report(drafts: Draft[], metrics: Record<string, number | null> = {}): CheckReport {
  const issues = drafts.map(withMessage);
  return { contract: 'cchc-workbook/1', summary: summarize(issues), issues, metrics, data: { unit: null, recipient: null, tables: {} } };
}

const sumMismatch: Draft = {
  code: 'sum_mismatch',
  severity: 'error',
  sheet: 'Biên chế',
  cell: 'E9',
  expected: 4870,
  actual: 4876,
  related: ['E6', 'E7', 'E8'],
  rule: 'T6',
  totalLabel: 'Có mặt',
  partLabels: ['Dòng 1', 'Dòng 2', 'Dòng 3'],
};
const rate: Draft = {
  code: 'rate_mismatch',
  severity: 'error',
  sheet: 'TTHC',
  cell: 'N7',
  header: 'Tỷ lệ trước hạn và đúng hạn (%)',
  rowLabel: 'Dược',
  actual: 98,
  expected: 97.5,
  numerator: 195,
  denominator: 200,
  decimals: 2,
};
const window_: Draft = {
  code: 'window_differs',
  severity: 'warning',
  sheet: 'Thông tin',
  cell: 'B6',
  label: 'Từ ngày',
  actual: '01/01/2023',
  from: '2022-12-15',
  to: '2023-03-14',
};

test('lists findings grouped by sheet, counts them and selects their cells', async () => {
  await open();
  const r = report([rate, sumMismatch, window_]);
  await page.evaluate((x) => window.__harness.setReport(x), r);
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();

  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('2');
  await expect(page.getByTestId('count-warning').textContent()).resolves.toBe('1');
  await expect(page.getByTestId('count-info').textContent()).resolves.toBe('0');
  await expect(page.getByTestId('not-ready').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('ready').count()).resolves.toBe(0);

  const headers = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headers.slice(0, 3)).toEqual(['Trang tính «TTHC» · 1 lỗi', 'Trang tính «Biên chế» · 1 lỗi', 'Trang tính «Thông tin» · 1 cảnh báo']);
  for (const f of r.issues) {
    const item = page.locator(`[data-testid=finding][data-sheet="${f.sheet}"][data-cell="${f.cell}"]`);
    await expect(item.textContent()).resolves.toContain(f.message);
  }
  await expect(page.getByText(r.issues.find((i) => i.code === 'sum_mismatch')!.message).isVisible()).resolves.toBe(true);

  await page.locator('[data-testid=finding][data-cell="E9"]').click();
  expect(await calls()).toContainEqual(['select', 'Biên chế', 'E9']);
  await expect(page.locator('[data-testid=finding][data-cell="E9"]').getAttribute('aria-current')).resolves.toBe('true');
});

test('says "Sẵn sàng nộp" when there is no error', async () => {
  await open();
  await page.evaluate((x) => window.__harness.setReport(x), report([window_]));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('ready').waitFor();
  await expect(page.getByTestId('ready').textContent()).resolves.toContain('Sẵn sàng nộp');
  await expect(page.getByTestId('ready').textContent()).resolves.toContain('Nên xem lại 1 cảnh báo');
});

test('shows the findings and, beside them, why cells could not be coloured', async () => {
  await open();
  const notice = 'Không tô màu 1 ô trên trang tính đang được bảo vệ («Biên chế»). Các lỗi vẫn được liệt kê đầy đủ bên dưới; bấm vào từng lỗi để đến ô đó.';
  await page.evaluate((x) => window.__harness.setReport(x), { ...report([sumMismatch, rate]), highlightNotice: notice });
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByRole('main').getByText(notice).waitFor();
  // Announced too, after the result.
  await expect(page.getByTestId('live').textContent()).resolves.toBe(`Kiểm tra xong: 2 lỗi. ${notice}`);
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('2');
  await expect(page.locator('[data-testid=finding][data-cell="E9"]').count()).resolves.toBe(1);
});

test('shows the indicators in Vietnamese format, null as "không phát sinh", and copies them', async () => {
  await open();
  const onTime = tyLeDungHan({ truocHan: 1500, dungHan: 1260, daGiaiQuyet: 2771 })!;
  const online = percentOf(124, 310)!;
  await page.evaluate((x) => window.__harness.setReport(x), report([], { 'tthc.tyLeDungHan': onTime, 'tthc.tyLeTrucTuyen': online, 'tthc.tyLeQuaHan': null, 'bienChe.thieu': 1877 }));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  const rows = page.getByTestId('metric');
  await rows.first().waitFor();
  const text = async (key: string) => page.locator(`[data-testid=metric][data-key="${key}"] dd`).textContent();
  // Computed rates as the paragraphs print them (docs/style.md §2): 2760/2771 = 99,603…% at one
  // decimal; 124/310 is exactly 40%, written whole.
  await expect(text('tthc.tyLeDungHan')).resolves.toBe('99,6%');
  await expect(text('tthc.tyLeTrucTuyen')).resolves.toBe('40%');
  await expect(text('tthc.tyLeQuaHan')).resolves.toBe('không phát sinh');
  await expect(text('bienChe.thieu')).resolves.toBe('1.877');

  await page.getByRole('button', { name: 'Chép chỉ số' }).click();
  const copy = (await calls()).find((c) => c[0] === 'copy');
  expect(copy?.[1]).toContain('Tỷ lệ giải quyết trước hạn và đúng hạn: 99,6%');
  expect(copy?.[1]).toContain('Tỷ lệ giải quyết quá hạn: không phát sinh');
  await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã chép');
});

test('shows a host error in a message bar and stays usable', async () => {
  await open();
  await page.evaluate(() => window.__harness.failNext('Không đọc được sổ tính: Excel đang ở chế độ sửa ô.', 'host_failure'));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('host-error').waitFor();
  await expect(page.getByTestId('host-error').textContent()).resolves.toContain('Excel đang ở chế độ sửa ô');
  await page.evaluate((x) => window.__harness.setReport(x), report([sumMismatch]));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('count-error').waitFor();
  await expect(page.getByTestId('host-error').count()).resolves.toBe(0);
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('1');
});

test('disables the buttons while checking', async () => {
  await open();
  await page.evaluate((x) => {
    window.__harness.setReport(x);
    window.__harness.hold();
  }, report([]));
  const button = page.getByRole('button', { name: 'Kiểm tra số liệu' });
  await button.click();
  await page.getByText('Đang đọc và kiểm tra sổ tính…').waitFor();
  await expect(button.isDisabled()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'Xóa đánh dấu' }).isDisabled()).resolves.toBe(true);
  await page.evaluate(() => window.__harness.release());
  await page.getByTestId('ready').waitFor();
  await expect(button.isEnabled()).resolves.toBe(true);
});

const missing = (tableName: string, sheet: string): Draft => ({ code: 'missing_table', severity: 'error', sheet, cell: 'A1', tableName });

test('explains a workbook without the standard tables and offers the template when the host can insert it', async () => {
  await open('?insert=1');
  await page.evaluate((x) => window.__harness.setReport(x), report([missing('KetQuaGiaiQuyet', 'TTHC'), missing('BienChe', 'Biên chế')]));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('non-standard').waitFor();
  await expect(page.getByTestId('non-standard').textContent()).resolves.toContain('Biểu số 06');
  await page.getByRole('button', { name: 'Chèn mẫu chuẩn' }).click();
  await page.getByRole('main').getByText('Đã chèn các sheet theo mẫu chuẩn', { exact: false }).waitFor();
  const names = (await calls()).map((c) => c[0]);
  expect(names).toEqual(['check', 'insert', 'check']);
});

test('does not offer the template where the host cannot insert it, nor when only one table is missing', async () => {
  await open();
  await page.evaluate((x) => window.__harness.setReport(x), report([missing('KetQuaGiaiQuyet', 'TTHC'), missing('BienChe', 'Biên chế')]));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('non-standard').waitFor();
  await expect(page.getByRole('button', { name: 'Chèn mẫu chuẩn' }).count()).resolves.toBe(0);

  await page.evaluate((x) => window.__harness.setReport(x), report([missing('BienChe', 'Biên chế')]));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('count-error').waitFor();
  await expect(page.getByTestId('non-standard').count()).resolves.toBe(0);
});

test('is reachable by keyboard in a logical order and fits 320 px without horizontal scrolling', async () => {
  await open();
  await page.evaluate((x) => window.__harness.setReport(x), report([rate, sumMismatch], { 'tthc.tyLeDungHan': 97.5 }));
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Kiểm tra số liệu');
  await page.keyboard.press('Enter');
  await page.getByTestId('count-error').waitFor();

  const order: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? document.activeElement?.textContent ?? ''));
  }
  expect(order.slice(0, 8)).toEqual(['Xóa đánh dấu', 'Tổng hợp từ các đơn vị', 'Hướng dẫn', 'Trang tính «TTHC» · 1 lỗi', 'N7', 'Trang tính «Biên chế» · 1 lỗi', 'E9', 'Chép chỉ số']);
  // Enter on a focused finding selects its cell, as a click would.
  await page.locator('[data-testid=finding][data-cell="N7"]').focus();
  await page.keyboard.press('Enter');
  expect(await calls()).toContainEqual(['select', 'TTHC', 'N7']);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!, '::after').borderTopWidth);
  expect(outline).not.toBe('0px');

  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className} ${e.getBoundingClientRect().right}`),
  );
  expect(wide).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: '/tmp/fe/narrow.png', fullPage: true });
});

describe('the report paragraphs', () => {
  const check = async (r: CheckReport) => {
    await page.evaluate((x) => window.__harness.setReport(x), r);
    await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
    await page.getByTestId('report-section').waitFor();
  };

  test('shows each section with text under its title and copies one section', async () => {
    await open();
    await check(clean);
    const n = buildNarrative(clean);
    const parts = page.getByTestId('report-part');
    await parts.first().waitFor();
    const shown = await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')));
    // In the report template's order.
    expect(shown).toEqual(REPORT_ORDER.filter((t) => n.sections[t].length > 0));
    const tthc = page.locator('[data-testid=report-part][data-tag="cchc:tthc"]');
    await expect(tthc.locator('h3').textContent()).resolves.toBe('Kết quả giải quyết TTHC');
    await expect(tthc.locator('p').allTextContents()).resolves.toEqual(n.sections['cchc:tthc']);

    await tthc.getByRole('button', { name: /^Sao chép/ }).click();
    await page.getByRole('main').getByText('Đã chép đoạn văn «Kết quả giải quyết TTHC»', { exact: false }).waitFor();
    const copy = (await calls()).filter((c) => c[0] === 'copy');
    expect(copy).toEqual([['copy', n.sections['cchc:tthc'].join('\n\n')]]);
  });

  test('leaves out a section whose table is empty', async () => {
    const tables = { ...clean.data.tables };
    const dropped = Object.keys(tables).find((t) => !['KetQuaGiaiQuyet'].includes(t))!;
    delete tables[dropped as keyof typeof tables];
    const partial: CheckReport = { ...clean, data: { ...clean.data, tables } };
    const all = buildNarrative(clean).sections;
    const n = buildNarrative(partial).sections;
    const gone = Object.keys(n).filter((t) => all[t as keyof typeof all].length > 0 && n[t as keyof typeof n].length === 0);
    expect(gone.length).toBeGreaterThan(0);
    await open();
    await check(partial);
    await page.getByTestId('report-part').first().waitFor();
    const shown = await page.getByTestId('report-part').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')));
    expect(shown).toEqual(REPORT_ORDER.filter((t) => n[t].length > 0));
    for (const t of gone) expect(shown).not.toContain(t);
  });

  test('hides the download where the host cannot download, and says what to use instead', async () => {
    await open();
    await check(clean);
    await page.getByTestId('no-download').waitFor();
    await expect(page.getByTestId('no-download').textContent()).resolves.toContain('cchc report');
    await expect(page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).count()).resolves.toBe(0);
  });

  test('offers the filled template where the host can download it', async () => {
    await open('?download=1');
    await check(clean);
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
    await page.getByRole('main').getByText('Đã tạo tệp «Báo cáo CCHC - mau-sach.docx»', { exact: false }).waitFor({ timeout: 30_000 });
    const download = (await calls()).filter((c) => c[0] === 'download');
    expect(download).toHaveLength(1);
    expect(download[0]!.slice(1, 3)).toEqual(['Báo cáo CCHC - mau-sach.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(download[0]![3]).toBeGreaterThan(readFileSync(join(ROOT, 'assets/templates/bao-cao-cchc.docx')).length / 2);
    await expect(page.getByTestId('no-download').count()).resolves.toBe(0);
  });

  test('i13: with answer sheets the download carries the survey chart, drawn in the browser; unticking leaves it out', async () => {
    const sections = { A: 81.25, B: 90, C: 62.5, D: 97.5, E: 75 };
    const metrics = Object.fromEntries(Object.entries(sections).map(([c, v]) => [`haiLong.nguoi-benh-noi-tru.haiLong${c}`, v]));
    await open('?download=1');
    await check({ ...clean, metrics: { ...clean.metrics, ...metrics } });
    const box = page.getByRole('checkbox', { name: /Kèm biểu đồ tỷ lệ hài lòng/ });
    await expect(box.isChecked()).resolves.toBe(true);
    const sizes = async () => (await calls()).filter((c) => c[0] === 'download').map((c) => c[3] as number);
    const downloads = async (n: number) => {
      for (let i = 0; i < 300 && (await sizes()).length < n; i++) await page.waitForTimeout(100);
      return sizes();
    };
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
    await expect(downloads(1)).resolves.toHaveLength(1);
    await box.uncheck();
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
    const [withChart, without] = await downloads(2);
    // The chart's PNG (about 100 KB at 288 dpi) and SVG are what the first file has more.
    expect(withChart! - without!).toBeGreaterThan(50_000);
  });

  test('no answer sheets: no chart option', async () => {
    await open('?download=1');
    await check(clean);
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).waitFor();
    await expect(page.getByTestId('report-chart').count()).resolves.toBe(0);
  });

  test('with errors, shows no paragraph until the officer confirms', async () => {
    await open('?download=1');
    await check(report([sumMismatch]));
    await page.getByTestId('report-blocked').waitFor();
    await expect(page.getByTestId('report-blocked').textContent()).resolves.toContain('Sổ còn 1 lỗi');
    await expect(page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Sao chép tất cả' }).count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: /^Vẫn tạo đoạn văn từ số liệu có lỗi/ }).check();
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).waitFor();
  });
});

describe('the ribbon button\'s result', () => {
  const at = new Date(2026, 10, 22, 10, 32).toISOString();

  test('is shown when the pane opens, until the pane\'s own check', async () => {
    await open(`?ribbon=${encodeURIComponent(JSON.stringify({ at, ok: true, message: '3 lỗi.' }))}`);
    const line = page.getByTestId('ribbon-check');
    await line.waitFor();
    await expect(line.textContent()).resolves.toBe('Lần kiểm tra bằng nút trên thanh công cụ lúc 10:32 ngày 22/11/2026: 3 lỗi. Bấm «Kiểm tra số liệu» để xem chi tiết.');
    await page.evaluate((x) => window.__harness.setReport(x), report([]));
    await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
    await page.getByTestId('ready').waitFor();
    await expect(line.count()).resolves.toBe(0);
  });

  test('shows nothing when the document has no ribbon result', async () => {
    await open(`?ribbon=null`);
    await page.waitForFunction(() => window.__harness.calls.some((c) => c[0] === 'lastRibbonCheck'));
    // Two frames: time for React to draw whatever the answer produced.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await expect(page.getByTestId('ribbon-check').count()).resolves.toBe(0);
  });
});

// i13: per-section satisfaction computed from the answer sheets, as a small accessible chart.
test('shows per-section satisfaction as labelled bars with the figures as text, within 320 px', async () => {
  await open();
  const k = 'haiLong.nguoi-benh-noi-tru';
  const metrics = { [`${k}.haiLongChung`]: 92.0345, [`${k}.haiLongA`]: 95.5, [`${k}.haiLongB`]: 90.125, [`${k}.haiLongC`]: 81.2, [`${k}.haiLongD`]: 97, [`${k}.haiLongE`]: null };
  await page.evaluate((x) => window.__harness.setReport(x), report([], metrics));
  await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
  const chart = page.getByTestId('survey-chart');
  await chart.waitFor();
  await expect(chart.getByRole('figure').getAttribute('aria-labelledby')).resolves.toBeTruthy();
  await expect(chart.locator('figcaption').textContent()).resolves.toBe('Người bệnh nội trú: hài lòng chung 92,03%');
  const meters = chart.getByRole('meter');
  await expect(meters.count()).resolves.toBe(5);
  await expect(chart.getByRole('meter', { name: 'B. Sự minh bạch thông tin và thủ tục' }).getAttribute('aria-valuetext')).resolves.toBe('90,13%');
  await expect(chart.getByRole('meter', { name: 'E. Kết quả cung cấp dịch vụ' }).getAttribute('aria-valuetext')).resolves.toBe('không phát sinh');
  await expect(chart.textContent()).resolves.toContain('81,20%');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await chart.screenshot({ path: join(ROOT, 'test-results/survey-chart.png') });
});

test('«Tổng hợp từ các đơn vị» at 320 px: focus on its heading, a unit with errors shows its findings, files added and left out, an Excel without insertion offers the download', async () => {
  const { Q3, unitWorkbook } = await import('../helpers/merge-corpus');
  // Ngọc Hồi's first lĩnh vực with a total one more than its parts: a T1 error in that unit only.
  const slipped = { ...Q3[3]!, kq: Q3[3]!.kq.map((r, i) => (i === 0 ? { ...r, tongSo: (r.tongSo as number) + 1 } : r)) };
  const files = await Promise.all([Q3[1]!, slipped].map(async (u) => ({ name: u.file, mimeType: 'application/octet-stream', buffer: Buffer.from(await unitWorkbook(u)) })));

  await open('?download');
  await page.getByRole('button', { name: 'Tổng hợp từ các đơn vị' }).click();
  await page.getByRole('heading', { name: 'Tổng hợp từ các đơn vị' }).waitFor();
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Tổng hợp từ các đơn vị');
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');

  await page.setInputFiles('[data-testid=merge-input]', files);
  await page.getByTestId('merge-summary').waitFor({ timeout: 30_000 });
  const units = page.getByTestId('merge-unit');
  await expect(units.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).resolves.toEqual(['dat', 'co-loi']);
  await expect(page.getByTestId('merge-unit-state').allTextContents()).resolves.toEqual(['Đạt', 'Có lỗi']);
  await units.nth(1).getByRole('button').first().click();
  const errors = units.nth(1).locator('[data-testid=finding][data-severity=error]');
  await errors.first().waitFor();
  await expect(errors.count()).resolves.toBeGreaterThan(0);
  await expect(units.nth(1).textContent()).resolves.toMatch(/nằm trong tệp «4-ttyt-ngoc-hoi.xlsx»/);
  // The hospital's panel stays closed and lists nothing of Ngọc Hồi's.
  await expect(units.nth(0).locator('[data-testid=finding]').count()).resolves.toBe(0);

  // Units arrive in several folders: a third file is added to the two, in name order.
  const more = { name: Q3[2]!.file, mimeType: 'application/octet-stream', buffer: Buffer.from(await unitWorkbook(Q3[2]!)) };
  await page.getByTestId('merge-add').click();
  await page.setInputFiles('[data-testid=merge-input]', more);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=merge-unit]').length === 3);
  await expect(units.evaluateAll((els) => els.map((e) => e.getAttribute('data-file')))).resolves.toEqual([Q3[1]!.file, Q3[2]!.file, Q3[3]!.file]);
  // The unit with errors is left out by the officer: its file goes, the focus lands on the list's heading.
  await units.nth(2).getByRole('button').first().click();
  await units.nth(2).getByTestId('merge-remove').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=merge-unit]').length === 2);
  await expect(units.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).resolves.toEqual(['dat', 'dat']);
  await expect(page.getByTestId('merge-notice').textContent()).resolves.toMatch(/Đã bỏ tệp «4-ttyt-ngoc-hoi\.xlsx»/);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Các đơn vị');

  // This host cannot insert sheets: said so, and the consolidated workbook is offered as a file.
  await expect(page.getByTestId('merge-cannot-write').textContent()).resolves.toMatch(/ExcelApi 1\.13/);
  await expect(page.getByTestId('merge-write').count()).resolves.toBe(0);
  await page.getByTestId('merge-download').click();
  await page.getByTestId('merge-notice').waitFor({ timeout: 30_000 });
  const download = (await calls()).find((c) => c[0] === 'download')!;
  expect(download.slice(0, 3)).toEqual(['download', 'tong-hop-quy-iii-2022.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  expect(download[3]).toBeGreaterThan(10_000);

  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
}, 60_000);
