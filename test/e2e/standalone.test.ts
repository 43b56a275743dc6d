/**
 * The standalone checker ("Kiểm tra không cần Office") in Debian's Chromium, as an officer without
 * a suitable Office uses it: the folder written by `npm run build:standalone`, opened from disk
 * (file://), the mistakes sample chosen from disk, both files downloaded and read back. Also the
 * same page as `npm start` serves it, and every page's inline old-host guard in the main build.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/check';
import { SEVERITY_LABEL } from '../../src/core/messages';
import { buildNarrative, REPORT_ORDER } from '../../src/core/narrative';
import { figuresFingerprint } from '../../src/core/narrative/fingerprint';
import { escapeXml, readFillRecord } from '../../src/docx/fill';
import { readWorkbook } from '../../src/xlsx/read';
import { chosen, CURRENT, MISTAKES, period, QUARTER_BEFORE, refuseAskForce, tthcComparison, type Paired } from '../helpers/pairing';
import { isMainMetric, metricLines } from '../../src/taskpane/metrics';
import { buildWeb, openBrowser, serveStatic, webBuild, type OpenBrowser, type StaticServer } from './web';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'assets/samples/mau-co-loi.xlsx');

/** The 14 planted errors as the sample's own description lists them (code, sheet, cell). */
function plantedFromMarkdown(): { code: string; sheet: string; cell: string }[] {
  const md = readFileSync(join(ROOT, 'assets/samples/mau-co-loi.md'), 'utf8');
  return [...md.matchAll(/^\| \d+ \| `(\w+)` \| ([^|]+?) \| ([A-Z]+\d+) \|/gm)].map((m) => ({ code: m[1]!, sheet: m[2]!, cell: m[3]! }));
}

let opened: OpenBrowser;
let standaloneDir: string;
let context: BrowserContext;
let page: Page;
let requests: string[];

beforeAll(async () => {
  standaloneDir = mkdtempSync(join(tmpdir(), 'cchc-standalone-'));
  await buildWeb(standaloneDir, { standalone: true });
  opened = await openBrowser();
}, 240_000);

afterAll(async () => {
  await opened?.close();
  if (standaloneDir) rmSync(standaloneDir, { recursive: true, force: true });
});

beforeEach(async () => {
  requests = [];
  context = await opened.browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
  // Nothing leaves this machine: the page, its script and the downloads are files, data or blobs.
  const outside = requests.filter((u) => {
    const url = new URL(u);
    if (['file:', 'data:', 'blob:'].includes(url.protocol)) return false;
    return url.hostname !== '127.0.0.1' && url.hostname !== 'localhost';
  });
  expect(outside).toEqual([]);
});

async function openFile(): Promise<void> {
  await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
  await page.getByTestId('file-input').setInputFiles(SAMPLE);
  await page.getByTestId('count-error').waitFor({ timeout: 60_000 });
}

async function download(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  // saveAs, not path(): a browser this suite connected to keeps its downloads on its own side.
  const path = join(standaloneDir, `download-${Date.now()}`);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

test('the built folder is one page and one script with relative paths, nothing else to serve', () => {
  const files = readdirSync(standaloneDir).filter((f) => !f.endsWith('.LICENSE.txt'));
  const scripts = files.filter((f) => f.endsWith('.js'));
  expect(scripts).toHaveLength(1);
  expect(files.sort()).toEqual(['assets', 'standalone.html', scripts[0]!].sort());
  const html = readFileSync(join(standaloneDir, 'standalone.html'), 'utf8');
  // Minified HTML: attribute quotes may be dropped.
  expect(html).toMatch(new RegExp(`src="?${scripts[0]!.replace(/\./g, '\\.')}[" >]`));
  expect(html).not.toMatch(/(src|href)="?(\/|https?:)/);
  // The findings .xlsx is written by the project's own writer: ExcelJS's worksheet writer, which
  // names this element, is not in the one script (the main build's test below shows the marker means ExcelJS).
  expect(readFileSync(join(standaloneDir, scripts[0]!), 'utf8')).not.toContain('sheetProtection');
});

test('"So sánh với sổ kỳ trước…" refuses a later period of another province, asks about another unit or a quarter that is not the one before, compares only after "Vẫn so sánh" (in the download too), and takes the quarter before silently', async () => {
  const allParagraphs = () => page.locator('[data-testid=report-part] p').allTextContents();
  const compares = async () => (await allParagraphs()).filter((p) => p.includes('So với '));
  const pickPrevious = async (p: Paired) => page.getByTestId('previous-input').setInputFiles(await chosen(p));

  await page.goto(pathToFileURL(join(standaloneDir, 'standalone.html')).href);
  await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
  // mau-sach: Sở Y tế tỉnh Kon Tum, quý III/2022, no error, so the paragraphs show at once.
  await page.getByTestId('file-input').setInputFiles(join(ROOT, 'assets/samples', CURRENT.name));
  await page.getByTestId('pick-previous').waitFor({ timeout: 60_000 });
  const alone = await allParagraphs();
  expect(await compares()).toEqual([]);

  // Sơn La's later quarter refused, Gia Lai's asked about, Kon Tum's quý I compared once forced (test/helpers/pairing.ts).
  const forced = await refuseAskForce(page, pickPrevious, alone);
  await expect(page.locator('[data-testid=report-part][data-tag="cchc:tthc"]').textContent()).resolves.toContain(forced);
  // The downloaded report says what the page shows.
  const docx = await download('download-report');
  expect(await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')).toContain(escapeXml(forced));

  // Kon Tum's quý II/2022: the quarter before, taken without a word; the note goes.
  await pickPrevious(QUARTER_BEFORE);
  await page.getByTestId('previous-info').filter({ hasText: QUARTER_BEFORE.name }).waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('previous-info').textContent()).resolves.toBe(`Kỳ trước: «${QUARTER_BEFORE.name}».`);
  await expect(page.getByTestId('previous-refused').count()).resolves.toBe(0);
  await expect(page.getByTestId('previous-confirm').count()).resolves.toBe(0);
  const tthc = (await page.locator('[data-testid=report-part][data-tag="cchc:tthc"]').textContent()) ?? '';
  expect(tthc).toContain(tthcComparison(`kỳ trước (${period(QUARTER_BEFORE.options)})`));
  expect(tthc).not.toContain('không phải kỳ liền trước');
}, 120_000);

test('from disk: the mistakes sample shows its findings, indicators and paragraphs; the .docx, .csv and .xlsx downloads read back', async () => {
  const report = checkWorkbook(await readWorkbook(new Uint8Array(readFileSync(SAMPLE)), 'mau-co-loi.xlsx'));
  await page.goto(pathToFileURL(join(standaloneDir, 'standalone.html')).href);
  await openFile();

  // The 14 errors listed in mau-co-loi.md, each once at its cell; nothing else is an error.
  const planted = plantedFromMarkdown();
  expect(planted).toHaveLength(14);
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('14');
  for (const m of planted) {
    const item = page.locator(`[data-testid=finding][data-sheet="${m.sheet}"][data-cell="${m.cell}"][data-severity=error]`);
    await expect(item.count()).resolves.toBe(1);
    await expect(item.getAttribute('data-code')).resolves.toBe(m.code);
  }
  const shown = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-sheet')}!${e.getAttribute('data-cell')} ${e.getAttribute('data-code')}`));
  expect(shown.sort()).toEqual(report.issues.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort());

  // The main indicators as the pane shows them.
  const main = metricLines(report.metrics, report).filter((l) => isMainMetric(l.key));
  expect(main.length).toBeGreaterThan(0);
  const metrics = await page.getByTestId('metric').evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.querySelector('dd')?.textContent]));
  expect(metrics).toEqual(main.map((l) => [l.key, l.text]));

  // Paragraphs only after the confirmation, as in the pane; then the filled report.
  await page.getByTestId('report-blocked').waitFor();
  await page.getByRole('checkbox', { name: /^Vẫn tạo đoạn văn từ số liệu có lỗi/ }).check();
  const n = buildNarrative(report, { allowErrors: true });
  await page.locator('[data-testid=report-part][data-tag="cchc:tthc"]').waitFor();
  // In the report template's order.
  const withText = REPORT_ORDER.filter((t) => n.sections[t].length > 0);
  await expect(page.getByTestId('report-part').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')))).resolves.toEqual(withText);
  await expect(page.locator('[data-testid=report-part][data-tag="cchc:tthc"] p').allTextContents()).resolves.toEqual(n.sections['cchc:tthc']);

  const docx = await download('download-report');
  expect(docx.name).toBe('Báo cáo CCHC - mau-co-loi.docx');
  const record = await readFillRecord(new Uint8Array(docx.bytes));
  expect(record).toMatchObject({ fileName: 'mau-co-loi.xlsx', unit: 'Sở Y tế tỉnh Sơn La', period: n.fields.kyBaoCao, fingerprint: figuresFingerprint(report) });
  const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  for (const tag of withText) for (const p of n.sections[tag]) expect(xml).toContain(`>${escapeXml(p)}</w:t>`);

  // The findings list: sheet, cell, severity, message, code, one row per finding, in the engine's order.
  const header = ['Trang tính', 'Ô', 'Mức độ', 'Nội dung', 'Mã lỗi (cho bộ phận CNTT)'];
  const expected = report.issues.map((f) => [f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.message, f.code]);
  const csv = await download('download-findings-csv');
  expect(csv.name).toBe('Phát hiện - mau-co-loi.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const fromCsv = new ExcelJS.Workbook();
  // ";" between fields: the list separator of Vietnamese regional settings.
  const sheet = await fromCsv.csv.read(bufferStream(csv.bytes.subarray(3)), { map: (v: string) => v, parserOptions: { delimiter: ';' } } as never);
  const csvRows = sheet.getSheetValues().slice(1).map((r) => (r as string[]).slice(1));
  expect(csvRows[0]).toEqual(header);
  expect(csvRows.slice(1)).toEqual(expected);
  expect(csvRows.filter((r) => r[2] === 'Lỗi').map((r) => `${r[0]}!${r[1]} ${r[4]}`).sort()).toEqual(planted.map((m) => `${m.sheet}!${m.cell} ${m.code}`).sort());

  const xlsx = await download('download-findings-xlsx');
  expect(xlsx.name).toBe('Phát hiện - mau-co-loi.xlsx');
  const fromXlsx = new ExcelJS.Workbook();
  await fromXlsx.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const rows = fromXlsx.getWorksheet('Phát hiện')!.getSheetValues().slice(1).map((r) => (r as string[]).slice(1));
  expect(rows).toEqual([header, ...expected]);
}, 120_000);

function bufferStream(bytes: Buffer): import('node:stream').Readable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Readable } = require('node:stream') as typeof import('node:stream');
  return Readable.from([bytes]);
}

test('a clean workbook offers no findings list to download, and says why', async () => {
  await page.goto(pathToFileURL(join(standaloneDir, 'standalone.html')).href);
  await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
  await page.getByTestId('file-input').setInputFiles(join(ROOT, 'assets/samples/mau-sach.xlsx'));
  await page.getByTestId('no-findings-list').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('no-findings-list').textContent()).resolves.toMatch(/không có danh sách phát hiện để tải/);
  await expect(page.getByTestId('download-findings-csv').count()).resolves.toBe(0);
  await expect(page.getByTestId('download-findings-xlsx').count()).resolves.toBe(0);
});

test('formulas saved without their results are computed in the page, where formulajs runs without jstat, as in Node', async () => {
  // The mistakes sample as the template builder writes it, with every formula's cached result
  // dropped (the <v> after each <f>, as a writer that computes nothing leaves them): the page must
  // compute them (src/xlsx/formula-eval.ts), in a build that leaves jstat out.
  const zip = await JSZip.loadAsync((await chosen(MISTAKES)).buffer);
  let stripped = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/(<f(?: [^>]*)?>[^<]*<\/f>|<f [^>]*\/>)<v>[^<]*<\/v>/g, (_m, f: string) => (stripped++, f)));
  }
  expect(stripped).toBeGreaterThan(10);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Node computes them with the full formulajs: the page must find the same.
  const expected = checkWorkbook(await readWorkbook(new Uint8Array(bytes), 'mau-co-loi-khong-ket-qua.xlsx')).summary.errors;
  expect(expected).toBeGreaterThan(0);
  await page.goto(pathToFileURL(join(standaloneDir, 'standalone.html')).href);
  await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
  await page.getByTestId('file-input').setInputFiles({ name: 'mau-co-loi-khong-ket-qua.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.getByTestId('count-error').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe(String(expected));
});

test('a one-stop export saved as ".xls" (an HTML page) is checked; an Excel 97-2003 file and a page without a table are refused in Vietnamese', async () => {
  const HTML = join(ROOT, 'test/fixtures/html');
  const edited = join(HTML, 'mot-cua-kon-tum-q3-2022-sua-tay-sai-ty-le-va-tong.xls');
  const expected = checkWorkbook(await readWorkbook(readFileSync(edited), 'mot-cua.xls'));
  expect(expected.summary.errors).toBeGreaterThan(0);
  await page.goto(pathToFileURL(join(standaloneDir, 'standalone.html')).href);
  await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
  await page.getByTestId('file-input').setInputFiles(edited);
  await page.getByTestId('count-error').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe(String(expected.summary.errors));

  await page.getByTestId('file-input').setInputFiles(join(HTML, 'hong-excel-97-2003.xls'));
  await page.getByTestId('host-error').waitFor();
  await expect(page.getByTestId('host-error').textContent()).resolves.toMatch(/Excel 97-2003 \(\.xls\) bị hỏng/);

  await page.getByTestId('file-input').setInputFiles({ name: 'so-lieu.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('<table></table>') });
  await page.getByTestId('host-error').filter({ hasText: 'không có bảng số liệu' }).waitFor({ timeout: 30_000 });
});

describe('in the main build (npm start, build:web)', () => {
  let outDir: string;
  let release: () => void;
  let server: StaticServer;
  beforeAll(async () => {
    ({ outDir, release } = await webBuild());
    server = await serveStatic(outDir);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    release?.();
  });

  test('the standalone page is served next to the pane and checks a file; ExcelJS never comes, not even with the .xlsx findings list', async () => {
    await page.goto(`${server.url}/standalone.html`);
    await openFile();
    await expect(page.getByTestId('count-error').textContent()).resolves.toBe('14');
    // ExcelJS's worksheet writer names this element; the project's own code never does. Its browser
    // build, the one webpack would bundle, holds it, so its absence from the page's scripts means something.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exceljsBrowser = join(dirname(require.resolve('exceljs/package.json')), (require('exceljs/package.json') as { browser: string }).browser);
    expect(readFileSync(exceljsBrowser, 'utf8')).toContain('sheetProtection');
    const scripts = () => requests.filter((u) => u.startsWith(server.url) && u.endsWith('.js')).map((u) => readFileSync(join(outDir, new URL(u).pathname), 'utf8'));
    expect(scripts().filter((code) => code.includes('sheetProtection'))).toHaveLength(0);
    const { name, bytes } = await download('download-findings-xlsx');
    expect(name).toBe('Phát hiện - mau-co-loi.xlsx');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(scripts().filter((code) => code.includes('sheetProtection'))).toHaveLength(0);
  });

  test.each(['taskpane.html', 'commands.html', 'standalone.html'])('%s carries the old-host guard, and all its inline script is ES5', (file) => {
    const html = readFileSync(join(outDir, file), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    // The production build minifies inline scripts too, hence the ES5 parse of the built page.
    expect(inline.some((code) => code.includes('__cchcOldHost'))).toBe(true);
    for (const code of inline) expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  test('the ribbon result dialog has no bundle to guard: its own inline script is ES5', () => {
    const html = readFileSync(join(outDir, 'dialog.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<script[^>]* src=/);
    for (const code of inline) expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  test('the task pane in an Internet Explorer 11 webview says what is needed instead of staying blank', async () => {
    const ie = await opened.browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko' });
    ie.on('request', (r) => requests.push(r.url()));
    // Office.js is not needed to show the notice; its CDN must not be contacted by the test.
    await ie.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    const p = await ie.newPage();
    await p.goto(`${server.url}/taskpane.html`);
    const notice = p.getByTestId('old-host');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Office 2021 trở lên');
    await p.getByRole('link', { name: `${server.url}/standalone.html` }).waitFor();
    // The bundle, which a real IE cannot parse, leaves the notice alone here.
    await p.waitForLoadState('load');
    await expect(p.getByRole('button', { name: 'Kiểm tra số liệu' }).count()).resolves.toBe(0);
    await ie.close();
    // Aborted in the browser: the request never left it.
    requests = requests.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'));
  });

  describe('the start-up check of requirement sets in taskpane.html', () => {
    /** Office.js as an Excel whose ExcelApi stops at `major.minor`. */
    const officeStub = (major: number, minor: number) => `window.Office = {
      HostType: { Excel: 'Excel', Word: 'Word' },
      context: {
        document: { url: null, settings: { get: function () { return null; }, set: function () {}, remove: function () {},
          refreshAsync: function (cb) { cb({ status: 'succeeded' }); },
          saveAsync: function (o, cb) { (typeof o === 'function' ? o : cb)({ status: 'succeeded' }); } } },
        requirements: { isSetSupported: function (name, v) {
          var p = String(v).split('.'); return name === 'ExcelApi' && Number(p[0]) * 1000 + Number(p[1]) <= ${major * 1000 + minor}; } }
      },
      onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); }
    };`;

    async function openPane(major: number, minor: number): Promise<void> {
      await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub(major, minor) }));
      await page.goto(`${server.url}/taskpane.html`);
    }
    afterEach(() => {
      // Answered inside the browser by the route: nothing reached Microsoft's CDN.
      requests = requests.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'));
    });

    test('Excel with ExcelApi 1.8 (Office 2019): the pane, with a notice that cells will not be coloured', async () => {
      await openPane(1, 8);
      const notice = page.getByTestId('host-notice');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('Tô màu các ô có vấn đề (cần ExcelApi 1.9)');
      expect(text).toContain('Chèn mẫu chuẩn vào sổ (cần ExcelApi 1.13)');
      await page.getByRole('button', { name: 'Kiểm tra số liệu' }).waitFor();
    });

    test('Excel with ExcelApi 1.1 (Office 2016 MSI): an explanation instead of a pane that could only fail', async () => {
      await openPane(1, 1);
      await page.getByText('Phiên bản Excel này chưa chạy được Trợ lý báo cáo').waitFor();
      await expect(page.getByText('Kiểm tra không cần Office', { exact: false }).count()).resolves.toBeGreaterThan(0);
      await expect(page.getByRole('button', { name: 'Kiểm tra số liệu' }).count()).resolves.toBe(0);
    });
  });
});
