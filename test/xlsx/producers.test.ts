/**
 * Valid workbooks as other producers write them (test/fixtures/xlsx/reads-*.xlsx, built by
 * scripts/fixtures/make-producer-fixtures.ts from the clean sample): ExcelJS 4.4 alone refuses
 * every one of them; the reader must read each to the clean sample's figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/xlsx/read';
import { buildWorkbook } from '../../src/xlsx/template';
import { CLEAN_SAMPLE } from '../../src/xlsx/samples';
import { checkWorkbook } from '../../src/core/check';
import { findSheet, getCell, parseA1, parseRange, type WorkbookModel } from '../../src/core/model';

const dir = join(__dirname, '..', 'fixtures', 'xlsx');
const SHIPPED = 'reads-excel-resaved-shipped-template.xlsx';
const fixtures = readdirSync(dir).filter((f) => /^reads-.*\.xlsx$/.test(f) && f !== SHIPPED).sort();
const at = (m: WorkbookModel, sheet: string, a1: string) => getCell(findSheet(m, sheet), parseA1(a1))?.v ?? null;

let clean: WorkbookModel;
beforeAll(async () => {
  clean = await readWorkbook(await buildWorkbook(CLEAN_SAMPLE));
});

test('the fixtures of every producer habit are present', () => {
  expect(fixtures).toEqual([
    'reads-core-properties-without-prefixes.xlsx',
    'reads-excel-calculated-column-with-filter.xlsx',
    'reads-excel-icon-filter.xlsx',
    'reads-excel-resaved-template.xlsx',
    'reads-openxml-sdk-x-prefixed.xlsx',
    'reads-rows-and-cells-without-r.xlsx',
  ]);
});

describe.each(fixtures)('%s', (name) => {
  const bytes = () => new Uint8Array(readFileSync(join(dir, name)));

  test('is refused by ExcelJS 4.4 alone (the fixture exercises the habit)', async () => {
    await expect(new ExcelJS.Workbook().xlsx.load(bytes() as unknown as ArrayBuffer)).rejects.toThrow();
  });

  test('reads to the clean sample: same tables, names and figures, no finding', async () => {
    const before = bytes();
    const m = await readWorkbook(before);
    expect(Buffer.from(before).equals(readFileSync(join(dir, name)))).toBe(true);
    // Figures of the clean sample's TTHC sheet, as written in its XML (row 6 and the totals row).
    expect([at(m, 'TTHC', 'B6'), at(m, 'TTHC', 'C6'), at(m, 'TTHC', 'F6'), at(m, 'TTHC', 'B12'), at(m, 'TTHC', 'F12'), at(m, 'TTHC', 'M12')]).toEqual([114, 40, 98, 329, 288, 99.65]);
    expect(m.tables.map((t) => [t.name, t.sheet, t.ref, t.headerRow, t.totalsRow]).sort()).toEqual(clean.tables.map((t) => [t.name, t.sheet, t.ref, t.headerRow, t.totalsRow]).sort());
    expect([...m.names].sort((a, b) => a.name.localeCompare(b.name))).toEqual([...clean.names].sort((a, b) => a.name.localeCompare(b.name)));
    for (const t of clean.tables) {
      const { start, end } = parseRange(t.ref);
      for (let r = start.row; r <= end.row; r++)
        for (let c = start.col; c <= end.col; c++) {
          const want = getCell(findSheet(clean, t.sheet), { row: r, col: c })?.v ?? null;
          expect([t.name, r, c, getCell(findSheet(m, t.sheet), { row: r, col: c })?.v ?? null]).toEqual([t.name, r, c, want]);
        }
    }
    const report = checkWorkbook(m);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(report.metrics).toEqual(checkWorkbook(clean).metrics);
  });
});

describe('the shipped blank template re-saved the way Excel saves it', () => {
  it('ExcelJS alone refuses it; the reader reads it as the shipped template', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, SHIPPED)));
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).rejects.toThrow(/filterButton/);
    const shipped = await readWorkbook(new Uint8Array(readFileSync(join(__dirname, '..', '..', 'assets', 'templates', 'mau-chuan-cchc.xlsx'))));
    const m = await readWorkbook(bytes);
    expect(m.tables.map((t) => [t.name, t.ref, t.headerRow, t.totalsRow])).toEqual(shipped.tables.map((t) => [t.name, t.ref, t.headerRow, t.totalsRow]));
    expect(m.tables).toHaveLength(7);
    expect(m.names).toEqual(shipped.names);
    expect(m.sheets.map((sh) => sh.rows)).toEqual(shipped.sheets.map((sh) => sh.rows));
    const [a, b] = [checkWorkbook(m), checkWorkbook(shipped)];
    expect(a.issues.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual(b.issues.map((f) => `${f.code} ${f.sheet}!${f.cell}`));
  });
});

describe('real Excel 2007 files from XlsxWriter\'s comparison suite (test/fixtures/xlsx/public)', () => {
  const pub = join(dir, 'public');
  it.each(['reads-excel2007-table-calculated-column-and-totals-formula.xlsx', 'reads-excel2007-table-calculated-column.xlsx'])('%s', async (name) => {
    const m = await readWorkbook(new Uint8Array(readFileSync(join(pub, name))));
    // From the file's xl/tables/table1.xml: ref="B3:K6" totalsRowCount="1", header row by default.
    expect(m.tables.map((t) => [t.name, t.ref, t.headerRow, t.totalsRow])).toEqual([['Table1', 'B3:K6', true, true]]);
    // K4 holds the calculated column's formula, cached 0, style 1 = built-in number format 2 (0.00).
    expect(getCell(findSheet(m, m.sheets[0]!.name), parseA1('K4'))).toEqual({ v: 0, f: 'SUM(Table1[[#This Row],[Column1]:[Column3]])', z: '0.00' });
    expect(at(m, m.sheets[0]!.name, 'C3')).toBe('Column2');
  });
});
