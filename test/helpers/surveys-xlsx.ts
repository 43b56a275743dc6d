import ExcelJS from 'exceljs';
import { buildWorkbook, type BuildOptions } from '../../src/xlsx/template';
import { uploadHeader, type FormShape, type GeneratedForm } from './surveys';
import { preparePackage } from '../support/exceljs-repairs';

/**
 * A real .xlsx holding the standard workbook (template writer) plus an answer sheet in the
 * hospitals' upload layout, written by ExcelJS the way a hospital tool's export is: dates as Excel
 * dates, answers as numbers, optional title rows above the header.
 */
export async function workbookWithAnswers(base: BuildOptions, sheetName: string, shape: FormShape, forms: readonly GeneratedForm[], titles: string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS 4.4 cannot read the totals rows' <totalsRowFormula>: it gets the oracle's repaired copy.
  await wb.xlsx.load((await preparePackage(await buildWorkbook({ validations: false, ...base }))).data as unknown as ArrayBuffer);
  const ws = wb.addWorksheet(sheetName);
  for (const t of titles) ws.addRow([t]);
  const header = uploadHeader(shape);
  ws.addRow(header);
  forms.forEach((f, i) => {
    ws.addRow(
      header.map((h) => {
        if (h === 'MA_SO_PHIEU') return f.id;
        if (h === 'NGAY_DIEN_PHIEU') return new Date(`${f.date}T00:00:00Z`);
        if (h === 'GIOI_TINH') return i % 2 ? 'Nữ' : 'Nam';
        if (h === 'TUOI') return 20 + (i % 60);
        if (h === 'G3' || h === 'G4') return i % 5 ? null : 'Góp ý';
        return f.answers[h] ?? null;
      }),
    );
  });
  ws.getColumn(2).numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
