/**
 * The report text this product writes, filled into the real template and read back as `cchc doc`
 * reads it: against the workbook it came from, the clean sample's text has no finding at all (a
 * precision check on every sentence the narrative can write), and the mistakes sample's text shows
 * the planted workbook mistakes that reach the prose (the Sơn La catalogue 169 ≠ 162 + 03 + 03,
 * the pending files 52 ≠ 50 + 02).
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
  // Against the workbook, the text restates the totals the workbook check finds wrong (cchc check
  // on the sample: B23 169 ≠ 168, K12 "Trong hạn" 52 ≠ 18 + 15 + 5 + 6 + 3 + 3 = 50), so it differs
  // from their sums, and the pending split 52 + 02 = 54 > 52 no longer adds up in the text.
  expect(found).toContainEqual(['workbook_mismatch', '169', '168']);
  expect(found).toContainEqual(['workbook_mismatch', '52', '50']);
  expect(found).toContainEqual(['parts_exceed_total', '52', '54']);
  for (const code of new Set(found.map((x) => x[0]))) expect(['parts_sum_mismatch', 'parts_exceed_total', 'window_backwards', 'workbook_mismatch']).toContain(code);
});
