/**
 * Workbooks that Excel (2007 to 365, Windows, Mac, Online), Google Sheets and LibreOffice wrote
 * for other projects' test suites (test/fixtures/xlsx/public/README.md: sources and licences).
 * They are not CCHC workbooks: the check must read them, say in Vietnamese that it found no table
 * and has no figure to report, and never invent figures. The cell-by-cell comparison with the ExcelJS reader is in
 * stream-read.test.ts, which reads every fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbook } from '../../src/xlsx/read';

const dir = join(__dirname, '..', 'fixtures', 'xlsx', 'public');
const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));

test('the corpus is there: Excel 2007 to Online, Mac and Windows, Google Sheets, LibreOffice', () => {
  expect(files.length).toBeGreaterThanOrEqual(20);
});

test.each(files)('%s is read and checked, with Vietnamese findings only and no figure invented', async (file) => {
  const model = await readWorkbook(readFileSync(join(dir, file)), file);
  expect(model.sheets.length).toBeGreaterThan(0);
  const report = checkWorkbook(model);
  // No CCHC table, so no figure of the report: the tables not found are said (missing_table). The
  // only error is no_data, and only for a workbook with no cell written on a visible sheet (a
  // picture, merges alone); one with content is never called empty.
  const blank = !model.sheets.some((sh) => !sh.hidden && sh.rows.some((row) => row?.some((c) => c?.v != null && String(c.v).trim() !== '')));
  expect(report.issues.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(blank ? ['no_data'] : []);
  expect(report.issues.some((f) => f.code === 'missing_table')).toBe(true);
  for (const f of report.issues) {
    expect(f.message).not.toMatch(/undefined|NaN|Infinity|\[object/);
    expect(f.message).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
  }
  // A sheet whose header only looks like survey items (cells named "A2", "B2"…) reads no form, and
  // then nothing is said about a summary row the forms would lack.
  expect(report.issues.filter((f) => f.code === 'survey_summary_row_missing' && /Có 0 phiếu/.test(f.message))).toEqual([]);
});

test('merged ranges that Excel wrote are in the model (Excel 2007 and Excel 16 for Mac)', async () => {
  const merges = async (f: string) => (await readWorkbook(readFileSync(join(dir, f)), f)).sheets.flatMap((s) => s.merges ?? []);
  expect(await merges('reads-excel2007-merge-cells.xlsx')).toEqual(['A1:B1', 'A2:A3', 'A4:B5', 'A7:C10']);
  expect((await merges('reads-excel16-mac-524-merges.xlsx')).length).toBe(3 + 524 + 48 + 15);
});
