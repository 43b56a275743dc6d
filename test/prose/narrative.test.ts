/**
 * The report text this product writes, filled into the real template and read back as `cchc doc`
 * reads it: against the workbook it came from, the clean sample's text has no finding at all (a
 * precision check on every sentence the narrative can write), and the mistakes sample's text shows
 * the planted workbook mistakes that reach the prose (the Sơn La catalogue 169 ≠ 162 + 03 + 03).
 */
import { buildNarrative } from '../../src/core/narrative';
import { checkDocument } from '../../src/core/prose';
import { fillDocx } from '../../src/docx/fill';
import { readDocxParagraphs } from '../../src/docx/text';
import { sampleTexts, templateBytes } from '../word/fixtures';

async function filledReport(file: string) {
  const { report, record } = await sampleTexts(file);
  const docx = await fillDocx(templateBytes(), buildNarrative(report, { allowErrors: true }), record);
  return checkDocument(await readDocxParagraphs(docx), { workbook: report });
}

test('the clean sample narrative agrees with its workbook, and most of its figures are checked', async () => {
  const r = await filledReport('mau-sach.xlsx');
  expect(r.issues).toEqual([]);
  expect(r.summary.figuresChecked).toBeGreaterThan(40); // i10: fewer restated sums (docs/style.md)
  expect(r.period).toMatchObject({ kind: 'Quý III', year: 2022 });
});

test('the mistakes sample narrative shows the planted sums that do not add up', async () => {
  const r = await filledReport('mau-co-loi.xlsx');
  // i10: the narrative now states the window the workbook has (reversed here: window_backwards in
  // each paragraph that states it), received = new files and the totals as fractions (docs/style.md),
  // so the planted totals of (3), (7) and (11) are no longer restated as sums in the text; the
  // forced report's notes name them instead and are not read as claims.
  const found = r.issues.map((i) => [i.code, i.actual, i.expected]);
  expect(found).toContainEqual(['parts_sum_mismatch', '169', '168']);
  expect(found.filter((x) => x[0] === 'window_backwards').length).toBeGreaterThan(0);
  expect(new Set(found.map((x) => x[0]))).toEqual(new Set(['parts_sum_mismatch', 'window_backwards']));
});
