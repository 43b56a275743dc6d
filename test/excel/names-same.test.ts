import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import type { WorkbookModel } from '../../src/core/model';
import { recognitionItems } from '../../src/core/recognition';
import { readWorkbook as readFile } from '../../src/xlsx/read';
import { readWorkbook as readHost } from '../../src/excel/read';
import { FakeExcel, installFakeOffice } from '../../src/fake-office/excel';

/**
 * A defined name over a merged cell (the officer selected the merged cell and named it): the file
 * reader (CLI, standalone page) and the Excel adapter read it alike, as its first cell, so the
 * unit and period and "Đã nhận ra" are the same in both. Before, the file reader dropped such a
 * name and the Excel adapter kept its first cell.
 */
const SHEET = 'Thông tin';
const UNIT = 'Sở Y tế tỉnh Kon Tum';

async function officerFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  // No labels beside the values: only the names say what the cells hold.
  ws.getCell('C3').value = UNIT;
  ws.mergeCells('C3:D3');
  ws.getCell('C4').value = 'Quý III';
  ws.mergeCells('C4:E4');
  ws.getCell('C5').value = 2022;
  wb.definedNames.add(`'${SHEET}'!$C$3:$D$3`, 'DonViBaoCao');
  wb.definedNames.add(`'${SHEET}'!$C$4:$E$4`, 'KyBaoCao');
  wb.definedNames.add(`'${SHEET}'!$C$5`, 'NamBaoCao');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same workbook as Excel holds it; the fake host gives each name's formula as Excel writes it ("='Thông tin'!$C$3:$D$3"). */
function hostWorkbook(): WorkbookModel {
  const rows = [[], [], [undefined, undefined, { v: UNIT }], [undefined, undefined, { v: 'Quý III' }], [undefined, undefined, { v: 2022 }]];
  return {
    sheets: [{ name: SHEET, rows, merges: ['C3:D3', 'C4:E4'] }],
    tables: [],
    names: [
      { name: 'DonViBaoCao', sheet: SHEET, cell: 'C3', range: 'C3:D3' },
      { name: 'KyBaoCao', sheet: SHEET, cell: 'C4', range: 'C4:E4' },
      { name: 'NamBaoCao', sheet: SHEET, cell: 'C5' },
    ],
  };
}

async function viaExcel(model: WorkbookModel): Promise<WorkbookModel> {
  const undo = installFakeOffice(new FakeExcel(model));
  try {
    return await Excel.run((ctx) => readHost(ctx));
  } finally {
    undo();
  }
}

const byName = (m: WorkbookModel) => [...m.names].sort((a, b) => a.name.localeCompare(b.name));

describe('defined names over several cells: the file reader and the Excel adapter agree', () => {
  let file: WorkbookModel;
  let host: WorkbookModel;
  beforeAll(async () => {
    file = await readFile(await officerFile());
    host = await viaExcel(hostWorkbook());
  });

  test('both read each name as its first cell, with its area', () => {
    const expected = [
      { name: 'DonViBaoCao', sheet: SHEET, cell: 'C3', range: 'C3:D3' },
      { name: 'KyBaoCao', sheet: SHEET, cell: 'C4', range: 'C4:E4' },
      { name: 'NamBaoCao', sheet: SHEET, cell: 'C5' },
    ];
    expect(byName(file)).toEqual(expected);
    expect(byName(host)).toEqual(expected);
  });

  test('the unit and the period, and "Đã nhận ra", are the same', () => {
    const fromFile = checkWorkbook(file);
    const fromHost = checkWorkbook(host);
    expect(fromFile.data.unit).toBe(UNIT);
    expect(fromHost.data.unit).toBe(UNIT);
    expect([fromFile.period?.kind, fromFile.period?.year]).toEqual(['Quý III', 2022]);
    expect([fromHost.period?.kind, fromHost.period?.year]).toEqual(['Quý III', 2022]);
    const info = recognitionItems(fromFile).info;
    expect(info).toEqual(recognitionItems(fromHost).info);
    expect(info).toContain(`Đơn vị báo cáo: "${UNIT}" (${SHEET}!C3, tên định nghĩa)`);
  });
});
