import fs from 'node:fs';
import path from 'node:path';
import { readWorkbook } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { buildNarrative } from '../../src/core/narrative';
import { render } from './fixtures';
import { expectGolden } from './golden';

/**
 * The real chain on the shipped sample: readWorkbook + checkWorkbook + buildNarrative on
 * assets/samples/mau-sach.xlsx, compared with test/golden/mau-sach.txt. Create or refresh the
 * golden file with UPDATE_GOLDEN=1 once the reader and the check engine are in place, and read it.
 */
const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', 'mau-sach.xlsx');

test('golden narrative of assets/samples/mau-sach.xlsx', async () => {
  expect(fs.existsSync(SAMPLE)).toBe(true);
  const report = checkWorkbook(await readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), 'mau-sach.xlsx'));
  expect(report.summary.errors).toBe(0);
  const n = buildNarrative(report);
  expect(n.fields.donVi).not.toBe('');
  expect(n.sections['cchc:tthc'].length).toBeGreaterThan(0);
  expectGolden('mau-sach.txt', render(n));
});
