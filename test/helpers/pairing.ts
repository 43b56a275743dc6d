/**
 * The previous-period workbooks the browser tests pair with the clean sample (Sở Y tế tỉnh Kon
 * Tum, quý III/2022), and the messages an officer must see for each pairing, written out from the
 * workbooks' own unit and period (the rules: src/core/pairing.ts; the panes' words:
 * src/taskpane/report/previous.ts). The CLI says the same first sentence (test/cli/cli.test.ts).
 */
import type { Page } from 'playwright-core';
import type { PeriodKind } from '../../src/core/contract';
import { CLEAN_SAMPLE, MISTAKES_SAMPLE } from '../../src/xlsx/samples';
import { buildWorkbook, type BuildOptions } from '../../src/xlsx/template';

/** A workbook to pair: its file name and how it is built. */
export interface Paired {
  name: string;
  options: BuildOptions;
}

export const CURRENT: Paired = { name: 'mau-sach.xlsx', options: CLEAN_SAMPLE };
/** Sở Y tế tỉnh Sơn La, quý I/2023: another unit, and a later period. */
export const MISTAKES: Paired = { name: 'mau-co-loi.xlsx', options: MISTAKES_SAMPLE };
/** The same unit, the quarter right before: the right previous workbook. */
export const QUARTER_BEFORE: Paired = { name: 'kon-tum-quy-2-2022.xlsx', options: { ...CLEAN_SAMPLE, periodKind: 'Quý II' } };
/** The same unit, two quarters before: neither the period before nor the same period a year before. */
export const NOT_ADJACENT: Paired = { name: 'kon-tum-quy-1-2022.xlsx', options: { ...CLEAN_SAMPLE, periodKind: 'Quý I' } };
/** The quarter right before, of another province. */
export const OTHER_UNIT: Paired = { name: 'gia-lai-quy-2-2022.xlsx', options: { ...CLEAN_SAMPLE, unit: 'Sở Y tế tỉnh Gia Lai', recipient: 'Sở Nội vụ tỉnh Gia Lai', periodKind: 'Quý II' } };

/** The bytes as a file chooser hands them to the page. */
export async function chosen(p: Paired): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name: p.name, mimeType: 'application/octet-stream', buffer: Buffer.from(await buildWorkbook(p.options)) };
}

/** "quý III năm 2022": the period as the messages write it ("Quý III" is the workbook's own word). */
export function period(o: BuildOptions): string {
  const kind: PeriodKind = o.periodKind!;
  return `${kind.charAt(0).toLowerCase()}${kind.slice(1)} năm ${o.year}`;
}

/** "Sở Y tế tỉnh Kon Tum, quý III năm 2022". */
export const named = (o: BuildOptions) => `${o.unit}, ${period(o)}`;

/** The opening both files are named in: previous first, then the workbook being reported on. */
const both = (prev: Paired, cur: Paired) => `Tệp "${prev.name}" (${named(prev.options)}) và tệp "${cur.name}" (${named(cur.options)})`;

/** Another unit's workbook of a period that is not earlier: refused even when the officer insists. */
export const refusedLater = (prev: Paired, cur: Paired = CURRENT) =>
  `${both(prev, cur)} là của hai đơn vị khác nhau, và sổ kỳ trước không thuộc một kỳ trước ${period(cur.options)}. Hãy chọn sổ của kỳ trước.`;

/** Another unit's workbook of the period before: the problem, before the pane's question. */
export const otherUnit = (prev: Paired, cur: Paired = CURRENT) => `${both(prev, cur)} là của hai đơn vị khác nhau: sổ kỳ trước phải là của cùng đơn vị.`;

/** The same unit's workbook of an earlier period that is not the one before. */
export const notAdjacent = (prev: Paired, cur: Paired = CURRENT) =>
  `${both(prev, cur)}: ${period(prev.options)} không phải kỳ liền trước, cũng không phải cùng kỳ năm trước.`;

/** What the pane asks after a problem «Vẫn so sánh» may pass. */
export const question = (problem: string) => `${problem} Chọn đúng sổ kỳ trước, hoặc bấm «Vẫn so sánh» nếu vẫn muốn so sánh (đoạn văn sẽ ghi rõ điều đó).`;

/** What stays shown beside the previous workbook once the officer chose «Vẫn so sánh». */
export const forcedNote = (problem: string) => `Lưu ý (đã chọn vẫn so sánh): ${problem}`;

/**
 * The TTHC section's comparison sentence with a previous workbook built from the same tables as
 * the clean sample: every figure the same, so each change is "không thay đổi"
 * (src/core/tables/ketQuaGiaiQuyet.ts compares the files received and resolved). `name` is
 * "kỳ trước (quý II năm 2022)" for the period right before, or the period and "(không phải kỳ
 * liền trước)" for one the officer insisted on.
 */
export const tthcComparison = (name: string) => `So với ${name}, số hồ sơ tiếp nhận không thay đổi; số hồ sơ đã giải quyết không thay đổi.`;

/** A report part's paragraphs as the page shows them, and those that compare with a previous workbook. */
export const allParagraphs = (page: Page) => page.locator('[data-testid=report-part] p').allTextContents();
export const compares = async (page: Page) => (await allParagraphs(page)).filter((p) => p.includes('So với '));

/**
 * The picks of a previous workbook that every page must refuse or ask about, in the order an
 * officer might try them, once the current workbook's paragraphs (`alone`) show: Sơn La's later
 * quarter refused; Gia Lai's quarter of another unit asked about, nothing compared while
 * unanswered; Kon Tum's quý I (not the quarter before) asked about, then compared once «Vẫn so
 * sánh» is pressed, and said. Returns the sentence the forced comparison must write.
 */
export async function refuseAskForce(page: Page, pickPrevious: (p: Paired) => Promise<void>, alone: string[]): Promise<string> {
  await pickPrevious(MISTAKES);
  await page.getByTestId('previous-refused').waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('previous-refused').textContent()).resolves.toBe(refusedLater(MISTAKES));
  await expect(page.getByTestId('force-previous').count()).resolves.toBe(0);
  await expect(page.getByTestId('previous-info').count()).resolves.toBe(0);
  await expect(allParagraphs(page)).resolves.toEqual(alone);

  await pickPrevious(OTHER_UNIT);
  await page.getByTestId('previous-confirm').waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('previous-confirm').textContent()).resolves.toBe(`${question(otherUnit(OTHER_UNIT))}Vẫn so sánh`);
  await expect(page.getByTestId('previous-refused').count()).resolves.toBe(0);
  await expect(allParagraphs(page)).resolves.toEqual(alone);

  await pickPrevious(NOT_ADJACENT);
  await page.getByTestId('previous-confirm').filter({ hasText: NOT_ADJACENT.name }).waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('previous-confirm').textContent()).resolves.toBe(`${question(notAdjacent(NOT_ADJACENT))}Vẫn so sánh`);
  await expect(compares(page)).resolves.toEqual([]);
  await page.getByTestId('force-previous').click();
  await page.getByTestId('previous-info').waitFor();
  await expect(page.getByTestId('previous-info').textContent()).resolves.toBe(`Kỳ trước: «${NOT_ADJACENT.name}». ${forcedNote(notAdjacent(NOT_ADJACENT))}`);
  await expect(page.getByTestId('previous-confirm').count()).resolves.toBe(0);
  return tthcComparison(`${period(NOT_ADJACENT.options)} (không phải kỳ liền trước)`);
}
