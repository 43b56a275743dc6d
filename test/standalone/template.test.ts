/**
 * The standalone page's report template, carried in its script as the template's parts
 * (scripts/docx-parts-loader.js, src/standalone/template.ts): a report filled from it is the same
 * bytes as one filled from assets/templates/bao-cao-cchc.docx, chart and all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { fillDocx } from '../../src/docx/fill';
import { inlinedReportTemplate } from '../../src/standalone/template';
import { surveyReport, templateBytes, TEMPLATE } from '../docx/helpers';

jest.mock('../../assets/templates/bao-cao-cchc.docx', () => {
  // What webpack hands the page: the loader's module, run on the file.
  const loader = jest.requireActual<(source: Buffer) => string>('../../scripts/docx-parts-loader.js');
  const source = loader(jest.requireActual<typeof import('node:fs')>('node:fs').readFileSync(jest.requireActual<typeof import('node:path')>('node:path').join(__dirname, '../../assets/templates/bao-cao-cchc.docx')));
  return { __esModule: true, default: JSON.parse(source.replace(/^export default /, '').replace(/;$/, '')) };
});

test('the template the page carries holds every part of the file, in its order, with the same bytes', async () => {
  const file = await JSZip.loadAsync(readFileSync(TEMPLATE));
  const carried = await JSZip.loadAsync(await inlinedReportTemplate());
  expect(Object.keys(carried.files)).toEqual(Object.keys(file.files));
  expect(Object.keys(file.files)).toContain('word/document.xml');
  for (const name of Object.keys(file.files)) expect([name, await carried.file(name)!.async('base64')]).toEqual([name, await file.file(name)!.async('base64')]);
});

test('a report filled from the carried template is the same bytes as one filled from the file', async () => {
  const { narrative, record, chart } = surveyReport(40, 7);
  const fromFile = await fillDocx(templateBytes(), narrative, record, { chart });
  const fromPage = await fillDocx(await inlinedReportTemplate(), narrative, record, { chart });
  expect(fromPage.length).toBeGreaterThan(readFileSync(join(__dirname, '../../assets/templates/bao-cao-cchc.docx')).length);
  expect(Buffer.from(fromPage).equals(Buffer.from(fromFile))).toBe(true);
});
