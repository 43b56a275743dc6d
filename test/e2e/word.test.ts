/**
 * The Word playground in Debian's Chromium: the production build served from 127.0.0.1, the fake
 * Word host built from the real report template, the real WordPane and Word adapter. The officer
 * picks a sample workbook, fills the report, and sees the generated paragraphs in the places.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { WordSnapshot } from '../../src/fake-office/word';
import { sampleTexts } from '../word/fixtures';
import { expectedIndices, generateForms, SHAPES } from '../helpers/surveys';
import { workbookWithAnswers } from '../helpers/surveys-xlsx';
import { chosen, CURRENT, forcedNote, MISTAKES, named, NOT_ADJACENT, notAdjacent, OTHER_UNIT, otherUnit, period, QUARTER_BEFORE, question, refusedLater, tthcComparison, type Paired } from '../helpers/pairing';
import { openSite, type Site } from './web';

const ROOT = resolve(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const sample = (f: string) => join(ROOT, 'assets/samples', f);

let site: Site;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  site = await openSite();
}, 300_000);

afterAll(() => site?.close());

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await page.goto(`${site.url}/word-playground.html`);
  await page.waitForFunction(() => window.__wordPlayground?.ready === true);
  await page.getByTestId('places').waitFor();
});

afterEach(async () => {
  await context.close();
  const outside = requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    const host = new URL(u).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
  expect(outside).toEqual([]);
});

const snapshot = (): Promise<WordSnapshot> => page.evaluate(() => window.__wordPlayground!.fake.snapshot());

/** What each place of the fake document holds, by tag (the first control of each tag). */
async function placeTexts(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const c of (await snapshot()).controls) out[c.tag] ??= c.paragraphs;
  return out;
}

async function pick(file: string): Promise<void> {
  await page.getByTestId('workbook-input').setInputFiles(sample(file));
  await page.getByTestId('workbook-info').getByText(file, { exact: true }).waitFor();
}

test('filling from the clean sample puts the generated paragraphs into the template places', async () => {
  const { texts } = await sampleTexts('mau-sach.xlsx');
  const before = await snapshot();
  await expect(page.getByTestId('record').textContent()).resolves.toMatch(/chưa được điền/);
  // The officers' guide, beside the pane as in the Excel pane.
  await expect(page.getByTestId('guide').getAttribute('href')).resolves.toBe('huong-dan/index.html');

  await pick('mau-sach.xlsx');
  await expect(page.getByTestId('count-error').textContent()).resolves.toBe('0');
  await expect(page.getByRole('checkbox', { name: /^Vẫn chèn số liệu có lỗi/ }).count()).resolves.toBe(0);
  await page.getByTestId('fill').click();
  await page.getByTestId('notice').getByText(/^Đã điền \d+ vị trí/).waitFor();

  const got = await placeTexts();
  for (const [tag, paras] of Object.entries(texts)) {
    if (!paras.length) continue;
    expect(got[tag]).toEqual(paras.length > 1 || !tag.match(/donvi|ky|thoigian/) ? paras : [paras[0]]);
  }
  // The paragraphs outside the places are the template's, unchanged.
  const outside = (s: WordSnapshot) => s.paragraphs.filter((p) => p.block === null).map((p) => p.segments.filter((x) => x.control === null).map((x) => x.text));
  expect(outside(await snapshot())).toEqual(outside(before));
  // The page shows them too.
  const tthc = texts['cchc:tthc']!;
  await expect(page.getByTestId('document').locator('[data-tag="cchc:tthc"] p').allTextContents()).resolves.toEqual(tthc);
  await expect(page.getByTestId('record').textContent()).resolves.toMatch(/khớp với sổ đã chọn.*mau-sach\.xlsx/);

  await page.getByTestId('document').locator('[data-tag="cchc:tthc"]').scrollIntoViewIfNeeded();
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, 'word-pane.png'), fullPage: false });
}, 60_000);

test('a workbook with errors needs the explicit confirmation, and a changed workbook is reported stale', async () => {
  await pick('mau-sach.xlsx');
  await page.getByTestId('fill').click();
  await page.getByTestId('notice').waitFor();

  await pick('mau-co-loi.xlsx');
  const errors = Number(await page.getByTestId('count-error').textContent());
  expect(errors).toBeGreaterThan(0);
  await expect(page.getByTestId('record').textContent()).resolves.toMatch(/Số liệu đã thay đổi.*mau-co-loi\.xlsx.*mau-sach\.xlsx/);
  await expect(page.getByTestId('fill').isDisabled()).resolves.toBe(true);
  const confirm = page.getByRole('checkbox', { name: /^Vẫn chèn số liệu có lỗi/ });
  await expect(confirm.isChecked()).resolves.toBe(false);
  await confirm.check();
  await page.getByTestId('fill').click();
  await page.getByTestId('notice').getByText(/mau-co-loi\.xlsx/).waitFor();

  const { texts } = await sampleTexts('mau-co-loi.xlsx');
  expect((await placeTexts())['cchc:tthc']).toEqual(texts['cchc:tthc']);
  await expect(page.getByTestId('record').textContent()).resolves.toMatch(/khớp/);
}, 60_000);

test('«Đánh dấu vị trí» refuses a tag the document already has, says so in the live region, and goes to the existing place', async () => {
  const target = page.getByTestId('document').locator('p', { hasText: 'dịch vụ công trực tuyến, chuyển đổi số' });
  await target.click();
  await page.getByTestId('mark-tag').selectOption('cchc:hailong');
  await page.getByTestId('mark').click();
  await page.getByTestId('place-exists').getByText(/Khảo sát sự hài lòng/).waitFor();
  await expect(page.getByTestId('live').textContent()).resolves.toContain('Văn bản đã có vị trí «Khảo sát sự hài lòng»');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('mark');
  const s = await snapshot();
  const places = s.controls.filter((c) => c.tag === 'cchc:hailong');
  expect(places).toHaveLength(1);

  await page.getByTestId('go-to-place').click();
  await page.getByTestId('notice').getByText(/Đã chọn vị trí «Khảo sát sự hài lòng»/).waitFor();
  const after = await snapshot();
  const selected = after.paragraphs.find((p) => p.id === after.selection?.paragraphId);
  expect(selected?.block).toBe(places[0]!.id);
}, 60_000);

test('checks the figures written in the document: findings, select on click, marks removed exactly', async () => {
  await pick('mau-sach.xlsx');
  await page.getByTestId('fill').click();
  await page.getByTestId('notice').getByText(/^Đã điền \d+ vị trí/).waitFor();
  // The officer types a sentence with a slip into an ordinary paragraph (23/27 is 85,19%).
  const slip = 'Tổng số hồ sơ đến hạn giải quyết là 27 trường hợp; đã giải quyết đúng hạn 23 trường hợp, đạt tỷ lệ 88,46%.';
  const id = await page.evaluate((text) => {
    const fake = window.__wordPlayground!.fake;
    // The last ordinary paragraph outside the tables (the title, which names the period, stays as
    // it is; the signature block at the end is a table, whose cells Word reads as cells).
    const p = [...fake.paragraphs].reverse().find((x) => !x.inTable && !x.block && x.segments.every((s) => !s.control) && x.segments.some((s) => s.text.trim() !== ''))!;
    fake.setParagraphText(p.id, text);
    return p.id;
  }, slip);
  const before = await snapshot();

  await page.getByTestId('prose-check').click();
  await page.getByTestId('prose-summary').waitFor();
  // The generated paragraphs agree with the workbook they came from: the typed slip is the only finding.
  const findings = page.getByTestId('prose-finding');
  await expect(findings.count()).resolves.toBe(1);
  await expect(findings.first().getAttribute('data-code')).resolves.toBe('percent_impossible');
  await expect(findings.first().textContent()).resolves.toContain('đọc là: 23 hồ sơ đúng hạn / 27 (đến hạn) = 85,19%; văn bản ghi 88,46%');
  await expect(page.getByTestId('prose-summary').textContent()).resolves.toMatch(/Đã đọc \d+ số liệu, kiểm tra được \d+: 1 lỗi/);

  await findings.first().click();
  await page.waitForFunction(() => window.__wordPlayground!.fake.snapshot().selection !== null);
  const sel = (await snapshot()).selection!;
  expect(sel.paragraphId).toBe(id);
  expect(slip.slice(sel.start, sel.end)).toBe('88,46%');

  await page.getByTestId('prose-mark').click();
  await page.waitForFunction(() => window.__wordPlayground!.fake.highlights.length === 1);
  // The playground's document shows the mark on the figure.
  await expect(page.locator('mark[data-highlight]').textContent()).resolves.toBe('88,46%');
  await page.screenshot({ path: join(RESULTS, 'word-prose-marked.png'), fullPage: false });
  await page.getByTestId('prose-mark').click();
  await page.waitForFunction(() => window.__wordPlayground!.fake.highlights.length === 0);
  const after = await snapshot();
  expect(after.paragraphs).toEqual(before.paragraphs);
  expect(after.settings.cchcDocMarks).toBeUndefined();
  await expect(page.locator('mark[data-highlight]').count()).resolves.toBe(0);
  await page.screenshot({ path: join(RESULTS, 'word-prose-check.png'), fullPage: true });

  // Another workbook picked: the findings against the first one are gone, and the pane says why.
  await pick('mau-co-loi.xlsx');
  await page.getByTestId('prose-stale').waitFor();
  await expect(page.getByTestId('prose-finding').count()).resolves.toBe(0);
});

test('i13: a workbook with answer sheets: the chart box is ticked, the fill puts the PNG chart in the survey place, unticked a refill removes it', async () => {
  const shape = SHAPES['qd56-noi-tru'];
  const forms = generateForms(shape, 200, 5, { notUsed: 0.05 }, ['2023-06-15', '2023-09-14']);
  const want = expectedIndices(shape, forms);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-word-chart-'));
  const file = join(dir, 'khao-sat.xlsx');
  writeFileSync(file, await workbookWithAnswers({ unit: 'Sở Y tế tỉnh Kon Tum', periodKind: 'Quý III', year: 2023 }, 'Phiếu nội trú', shape, forms));
  await page.getByTestId('workbook-input').setInputFiles(file);
  await page.getByTestId('workbook-info').getByText('khao-sat.xlsx', { exact: true }).waitFor();
  const box = page.getByRole('checkbox', { name: /^Chèn biểu đồ tỷ lệ hài lòng/ });
  await expect(box.isChecked()).resolves.toBe(true);
  // The list of places says the survey place gets the chart (this workbook has no summary table, so no text).
  await expect(page.getByTestId('places').locator('[data-tag="cchc:hailong"] span').nth(1).textContent()).resolves.toBe('biểu đồ');
  await page.getByTestId('fill').click();
  await page.getByTestId('notice').getByText(/^Đã điền \d+ vị trí/).waitFor();

  const pictures = (s: WordSnapshot) => s.paragraphs.filter((p) => p.pictures?.length).map((p) => ({ tag: s.controls.find((c) => c.id === p.block)?.tag, pictures: p.pictures! }));
  const placed = pictures(await snapshot());
  expect(placed.map((p) => [p.tag, p.pictures.map((x) => [x.format, x.broken])])).toEqual([['cchc:hailong', [['png', false]]]]);
  const pct = (x: number) => `${x.toFixed(2).replace('.', ',')}%`;
  for (const c of ['A', 'B', 'C', 'D', 'E']) expect(placed[0]!.pictures[0]!.altTextDescription).toContain(pct(want.sections[c]!));
  // The playground's page shows it as the PNG the adapter inserted.
  const img = page.getByTestId('document').locator('[data-tag="cchc:hailong"] img');
  await expect(img.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  await img.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(RESULTS, 'word-chart.png'), fullPage: false });

  await box.uncheck();
  await page.getByTestId('fill').click();
  await page.waitForFunction(() => !window.__wordPlayground!.fake.paragraphs.some((p) => p.pictures?.length));
  await expect(page.getByTestId('document').locator('img').count()).resolves.toBe(0);
  rmSync(dir, { recursive: true, force: true });
}, 90_000);

test('i13: a survey place inside a paragraph (as LibreOffice saves it) gets its text, no chart, and the notice says why', async () => {
  const shape = SHAPES['qd56-noi-tru'];
  const forms = generateForms(shape, 60, 7, {}, ['2023-06-15', '2023-09-14']);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-word-chart-inline-'));
  const file = join(dir, 'khao-sat.xlsx');
  writeFileSync(file, await workbookWithAnswers({ unit: 'Sở Y tế tỉnh Kon Tum', periodKind: 'Quý III', year: 2023 }, 'Phiếu nội trú', shape, forms));
  // The survey place becomes an inline control inside a paragraph of text, as a template saved by
  // LibreOffice has it (docs/surveys.md).
  await page.evaluate(() => {
    const fake = window.__wordPlayground!.fake;
    const i = fake.paragraphs.findIndex((p) => p.block?.tag === 'cchc:hailong');
    const control = fake.paragraphs[i]!.block!;
    const count = fake.paragraphs.filter((p) => p.block === control).length;
    control.block = false;
    control.kind = 'RichText';
    fake.paragraphs.splice(i, count, { id: 9001, segments: [{ text: 'Kết quả khảo sát: ' }, { text: '', control }] });
  });
  await page.getByTestId('workbook-input').setInputFiles(file);
  await page.getByTestId('workbook-info').getByText('khao-sat.xlsx', { exact: true }).waitFor();
  await expect(page.getByRole('checkbox', { name: /^Chèn biểu đồ tỷ lệ hài lòng/ }).isChecked()).resolves.toBe(true);
  await page.getByTestId('fill').click();
  const notice = page.getByTestId('notice');
  await notice.getByText(/^Đã điền \d+ vị trí/).waitFor();
  await expect(notice.textContent()).resolves.toMatch(/Không chèn biểu đồ vào «[^»]+»: vị trí nằm trong một đoạn văn/);
  expect((await snapshot()).paragraphs.some((p) => p.pictures?.length)).toBe(false);
  rmSync(dir, { recursive: true, force: true });
}, 90_000);


describe('the right workbook for the document', () => {
  const province = (p: Paired) => p.options.unit!.replace(/^Sở Y tế tỉnh /, '');
  /** "Đã đọc 40 số liệu, kiểm tra được 25: …" → 25. */
  const checkedCount = async () => Number(/kiểm tra được (\d+)/.exec((await page.getByTestId('prose-summary').textContent()) ?? '')![1]);
  const proseCheck = async () => {
    await page.getByTestId('prose-check').click();
    await page.getByTestId('prose-summary').waitFor();
  };

  test('«Kiểm tra số liệu trong văn bản» with another unit\'s or period\'s workbook says so first and compares no figure with it', async () => {
    // The report written from the clean sample: Kon Tum, quý III/2022 in its heading and title.
    await pick(CURRENT.name);
    await page.getByTestId('fill').click();
    await page.getByTestId('notice').getByText(/^Đã điền \d+ vị trí/).waitFor();
    await proseCheck();
    // Against its own workbook: the figures agree, and many were compared with it.
    await expect(page.getByTestId('prose-finding').count()).resolves.toBe(0);
    const withRight = await checkedCount();

    // Sơn La's quý I/2023, whose figures differ from the text: one finding, first, and no comparison.
    await pick(MISTAKES.name);
    await page.getByTestId('prose-stale').waitFor();
    await proseCheck();
    const findings = page.getByTestId('prose-finding');
    await expect(findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).resolves.toEqual(['workbook_other_report']);
    const text = await findings.first().textContent();
    expect(text).toContain(
      `Sổ số liệu là của ${named(MISTAKES.options)}, văn bản là của tỉnh/thành phố ${province(CURRENT)}, ${period(CURRENT.options)}: khác đơn vị và kỳ báo cáo, nên số liệu không được đối chiếu. Hãy chọn đúng sổ số liệu của báo cáo này.`,
    );
    expect(text).toContain(`đọc là: văn bản của tỉnh/thành phố ${province(CURRENT)}, ${period(CURRENT.options)}; sổ số liệu của ${named(MISTAKES.options)}`);
    await expect(page.getByTestId('prose-summary').textContent()).resolves.toMatch(/: 1 lỗi, 0 cảnh báo, 0 thông tin\.$/);
    // Only the text's own checks remain: fewer figures checked than against the right workbook.
    expect(await checkedCount()).toBeLessThan(withRight);

    // The same unit's quarter before: the period alone differs, and is named.
    await page.getByTestId('workbook-input').setInputFiles(await chosen(QUARTER_BEFORE));
    await page.getByTestId('workbook-info').getByText(QUARTER_BEFORE.name, { exact: true }).waitFor();
    await proseCheck();
    await expect(findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).resolves.toEqual(['workbook_other_report']);
    await expect(findings.first().textContent()).resolves.toContain(
      `Sổ số liệu là của ${named(QUARTER_BEFORE.options)}, văn bản là của tỉnh/thành phố ${province(CURRENT)}, ${period(CURRENT.options)}: khác kỳ báo cáo, nên số liệu không được đối chiếu.`,
    );
  }, 90_000);

  test('«Sổ kỳ trước» for the fill: refused or asked with both files named, compared only after «Vẫn so sánh», the quarter before taken silently', async () => {
    const tthc = async () => ((await placeTexts())['cchc:tthc'] ?? []).join('\n');
    const fillNow = async () => {
      // The click takes the last notice away (runAction); the new one says the fill is done.
      await page.getByTestId('fill').click();
      await page.getByTestId('notice').getByText(/^Đã điền \d+ vị trí/).waitFor();
    };
    const previousInput = async (p: Paired) => page.getByTestId('previous-input').setInputFiles(await chosen(p));

    await pick(CURRENT.name);
    await fillNow();
    const alone = await tthc();
    expect(alone).not.toContain('So với ');

    // Sơn La's quý I/2023: refused, and a fill writes no comparison.
    await page.getByTestId('previous-input').setInputFiles(sample(MISTAKES.name));
    await page.getByTestId('previous-refused').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('previous-refused').textContent()).resolves.toBe(refusedLater(MISTAKES));
    await expect(page.getByTestId('previous-info').count()).resolves.toBe(0);
    await fillNow();
    await expect(tthc()).resolves.toBe(alone);

    // Gia Lai's quý II/2022: asked; unanswered, a fill writes no comparison.
    await previousInput(OTHER_UNIT);
    await page.getByTestId('previous-confirm').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('previous-confirm').textContent()).resolves.toBe(`${question(otherUnit(OTHER_UNIT))}Vẫn so sánh`);
    await expect(page.getByTestId('previous-refused').count()).resolves.toBe(0);
    await fillNow();
    await expect(tthc()).resolves.toBe(alone);

    // Kon Tum's quý I/2022, with «Vẫn so sánh»: the place says what it was compared with.
    await previousInput(NOT_ADJACENT);
    await page.getByTestId('previous-confirm').filter({ hasText: NOT_ADJACENT.name }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('previous-confirm').textContent()).resolves.toBe(`${question(notAdjacent(NOT_ADJACENT))}Vẫn so sánh`);
    await page.getByTestId('force-previous').click();
    await page.getByTestId('previous-info').waitFor();
    const info = await page.getByTestId('previous-info').textContent();
    expect(info).toContain(`So sánh với sổ kỳ trước «${NOT_ADJACENT.name}»`);
    expect(info).toContain(forcedNote(notAdjacent(NOT_ADJACENT)));
    await fillNow();
    await expect(tthc()).resolves.toContain(tthcComparison(`${period(NOT_ADJACENT.options)} (không phải kỳ liền trước)`));

    // Kon Tum's quý II/2022: taken without a word; the note goes.
    await previousInput(QUARTER_BEFORE);
    await page.getByTestId('previous-info').filter({ hasText: QUARTER_BEFORE.name }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('previous-info').textContent()).resolves.not.toContain('Lưu ý');
    await expect(page.getByTestId('previous-refused').count()).resolves.toBe(0);
    await expect(page.getByTestId('previous-confirm').count()).resolves.toBe(0);
    await fillNow();
    const right = await tthc();
    expect(right).toContain(tthcComparison(`kỳ trước (${period(QUARTER_BEFORE.options)})`));
    expect(right).not.toContain('không phải kỳ liền trước');
  }, 120_000);
});
