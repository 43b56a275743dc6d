/**
 * .xlsx file → WorkbookModel, in Node and in the browser: the model is built in the
 * limit-counting XML pass of package.ts (stream-read.ts), within bounded memory: a worksheet is
 * parsed as it inflates and a cell costs only its Cell. Excel 97-2003 .xls, .ods, CSV, HTML pages
 * and Excel 2003 XML are recognised by their bytes first and read by their own readers (sniff.ts). The former path
 * through ExcelJS is kept in the tests only (test/support/read-exceljs.ts), as the reference the
 * streaming reader is compared with cell by cell (test/xlsx/stream-read.test.ts); the product no
 * longer loads ExcelJS to read a file.
 */
import type { WorkbookModel } from '../core/model';
import { toBytes } from './package';
import { readNonXlsx } from './sniff';
import { StreamWorkbookReader } from './stream-read';
import { computeFormulas } from './formulas';

export { UnreadableWorkbookError } from './errors';
export { LIMITS, fileTooLarge } from './package';

export async function readWorkbook(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<WorkbookModel> {
  // .xls 97-2003, .ods, CSV, pages and Excel 2003 XML are read by sniff.ts's readers.
  const other = await readNonXlsx(toBytes(data), fileName);
  if (other) return other;
  const model = await new StreamWorkbookReader().read(data, fileName);
  // Formulas stored without a result (files not saved by Excel): computed, or marked `uncomputed`.
  await computeFormulas(model);
  return model;
}

