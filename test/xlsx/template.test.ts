import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, tableCell, tablePositions } from '../../src/xlsx/template';
import { LISTS_SHEET } from '../../src/core/contract';
import { readWorkbook } from '../../src/xlsx/read';
import { BLANK_TEMPLATE, CLEAN_SAMPLE, MISTAKES_SAMPLE, SAMPLE_FILES } from '../../src/xlsx/samples';
import { mistakesNote } from '../../scripts/build-assets';
import { PERIOD_KINDS } from '../../src/core/contract';
import { TABLES } from '../../src/core/tables';
import { findSheet, getCell, parseA1, parseRange, toA1 } from '../../src/core/model';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { preparePackage } from '../support/exceljs-repairs';

const root = join(__dirname, '..', '..');

/** ExcelJS 4.4 cannot read the <totalsRowFormula> the writer adds: it gets the copy the test oracle repairs. */
async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await preparePackage(bytes)).data as unknown as ArrayBuffer);
  return wb;
}

describe('the blank template', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await buildWorkbook(BLANK_TEMPLATE));
  });

  it('has the contract sheets and every table with exactly the contract headers', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', LISTS_SHEET]);
    expect(wb.getWorksheet(LISTS_SHEET)!.state).toBe('hidden');
    for (const spec of TABLES) {
      const ws = wb.getWorksheet(spec.sheet)!;
      const pos = tablePositions(BLANK_TEMPLATE)[spec.name];
      const headers = spec.columns.map((_, j) => ws.getCell(pos.headerRow, pos.col0 + j).value);
      expect(headers).toEqual(spec.columns.map((c) => c.header));
      expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toContain(spec.name);
      // Title row above, merged across the table width, bold.
      const title = ws.getCell(pos.headerRow - 1, pos.col0);
      expect(title.value).toBe(spec.title);
      expect(title.font?.bold).toBe(true);
      expect(ws.getCell(pos.headerRow - 1, pos.col0 + spec.columns.length - 1).isMerged).toBe(true);
      expect(pos.rows).toBe(5);
    }
  });

  it('has the workbook-scope names of contract section 1 with KyBaoCao validated against the period kinds', () => {
    const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join()}`).sort();
    expect(names).toEqual(["DenNgay='Thông tin'!$B$9", "DonViBaoCao='Thông tin'!$B$4", "DonViNhan='Thông tin'!$B$5", "KiemTraT4='Thông tin'!$B$10", "KyBaoCao='Thông tin'!$B$6", "NamBaoCao='Thông tin'!$B$7", "PhienBanMau='Thông tin'!$B$3", "TuNgay='Thông tin'!$B$8"]);
    const info = wb.getWorksheet('Thông tin')!;
    // T4 is on unless the officer picks "Không" (units count returned files differently).
    expect(info.getCell('B10').value).toBe('Có');
    expect(info.getCell('B10').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(info.getCell('B3').value).toBe('cchc-workbook/1');
    const dv = info.getCell('B6').dataValidation;
    expect(dv.type).toBe('list');
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    const m = /\$A\$2:\$A\$(\d+)$/.exec(dv.formulae![0] as string)!;
    const items = Array.from({ length: Number(m[1]) - 1 }, (_, i) => lists.getCell(`A${i + 2}`).value);
    expect(items).toEqual([...PERIOD_KINDS]);
    expect(info.getCell('B8').numFmt).toBe('dd/mm/yyyy');
    expect((info.getCell('B8').value as ExcelJS.CellFormulaValue).formula).toMatch(/DATE\(B7,CHOOSE\(MATCH\(B6,/);
  });

  it('validates counts as whole numbers >= 0 and enums as lists; tuyến follows the current regime', () => {
    const ws = wb.getWorksheet('Biên chế')!;
    const pos = tablePositions(BLANK_TEMPLATE).BienChe;
    const count = ws.getCell(pos.headerRow + 1, pos.col0 + 3).dataValidation;
    expect(count).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    const tuyen = ws.getCell(pos.headerRow + 1, pos.col0 + 2).dataValidation;
    expect(tuyen.type).toBe('list');
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    const m = /\$(\w)\$2:\$\w\$(\d+)$/.exec(tuyen.formulae![0] as string)!;
    const items = Array.from({ length: Number(m[2]) - 1 }, (_, i) => lists.getCell(`${m[1]}${i + 2}`).value);
    expect(items).toEqual(['Tỉnh', 'Xã']);
  });

  it('freezes the header rows, sets widths, number formats and an A4 landscape fit-to-width print setup', () => {
    for (const name of ['TTHC', 'Biên chế', 'Hài lòng']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const ws = wb.getWorksheet('TTHC')!;
    expect(ws.getColumn(1).width).toBe(34);
    expect(ws.getCell('B6').numFmt).toBe('#,##0');
    expect(ws.getCell('M6').numFmt).toBe('0.00');
  });
});

describe('filled workbooks', () => {
  it('writes derived formulas with A1 references and cached results, and SUBTOTAL totals', async () => {
    const wb = await load(await buildWorkbook(MISTAKES_SAMPLE));
    const ws = wb.getWorksheet('Biên chế')!;
    // Row 2 (Viên chức tuyến tỉnh): thiếu = 2.244 − 2.128 = 116 as a formula.
    const thieu = ws.getCell(tableCell(MISTAKES_SAMPLE, 'BienChe', 1, 'thieu'));
    expect((thieu.value as ExcelJS.CellFormulaValue).formula).toBe('IF(COUNT(D7,E7)=0,"",MAX(0,D7-E7))');
    expect(thieu.result).toBe(116);
    expect(ws.getCell(tableCell(MISTAKES_SAMPLE, 'BienChe', 'totals', 'duocGiao')).value).toEqual({ formula: 'SUBTOTAL(109,D6:D8)', result: 5482 });
    // The planted typed total replaces the SUBTOTAL.
    expect(ws.getCell('E9').value).toBe(4876);
    expect(ws.getCell('A9').value).toBe('Tổng cộng');
    const rate = ws.getCell(tableCell(MISTAKES_SAMPLE, 'ChiTieuKhac', 1, 'tyLe'));
    expect((rate.value as ExcelJS.CellFormulaValue).formula).toBe('IF(N(C19)=0,"",ROUND(B19/C19*100,2))');
    expect(rate.result).toBe(75);
  });

  it('places a foreign layout at C8 with typed values and no formulas', async () => {
    const opts = { ...CLEAN_SAMPLE, layout: 'foreign' as const };
    const m = await readWorkbook(await buildWorkbook(opts));
    expect(m.tables.find((t) => t.name === 'KetQuaGiaiQuyet')?.ref.startsWith('C8:')).toBe(true);
    const formulas = m.sheets.flatMap((s) => s.rows.flatMap((r) => r.filter((c) => c?.f)));
    expect(formulas).toEqual([]);
    const s = findSheet(m, 'Biên chế');
    expect(getCell(s, parseA1(tableCell(opts, 'BienChe', 'totals', 'coMat')))?.v).toBe(1927);
  });
});

/**
 * Each table's totals row as the package states it, read with a DOM here (the writer places the
 * formulas with saxes): for every totals cell of every table, the column's totalsRowFunction, its
 * <totalsRowFormula>, and the cell's own <f>.
 */
async function totalsRows(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => new DOMParser().parseFromString(await zip.file(path)!.async('string'), 'text/xml');
  const out: { table: string; cell: string; fn: string | null; formula: string | null; cellFormula: string | null }[] = [];
  for (const relsPath of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(p))) {
    const sheet = await xml(relsPath.replace('_rels/', '').replace(/\.rels$/, ''));
    const cells = new Map(Array.from(sheet.getElementsByTagName('c')).map((c) => [c.getAttribute('r')!, c.getElementsByTagName('f')[0]?.textContent ?? null]));
    const rels = Array.from((await xml(relsPath)).getElementsByTagName('Relationship')).filter((r) => r.getAttribute('Type')!.endsWith('/table'));
    for (const rel of rels) {
      const table = (await xml(`xl/tables/${rel.getAttribute('Target')!.split('/').pop()}`)).documentElement!;
      if (table.getAttribute('totalsRowCount') !== '1') continue;
      const ref = parseRange(table.getAttribute('ref')!);
      Array.from(table.getElementsByTagName('tableColumn')).forEach((col, j) => {
        const cell = toA1({ row: ref.end.row, col: ref.start.col + j });
        const formula = col.getElementsByTagName('totalsRowFormula')[0]?.textContent ?? null;
        out.push({ table: table.getAttribute('name')!, cell, fn: col.getAttribute('totalsRowFunction') || null, formula, cellFormula: cells.get(cell) ?? null });
      });
    }
  }
  return out;
}

describe('the tables\' totals rows open in Excel without a repair', () => {
  // ISO/IEC 29500-1 §18.5.1.6: a custom total is totalsRowFunction="custom" with its formula in
  // <totalsRowFormula>, as real Excel writes it (test/fixtures/xlsx/public/reads-excel2007-table-calculated-column-and-totals-formula.xlsx).
  it.each([
    ['the shipped template', () => new Uint8Array(readFileSync(join(root, SAMPLE_FILES.template)))],
    ['mau-co-loi as built now', () => buildWorkbook(MISTAKES_SAMPLE)],
  ])('%s: every custom total carries the formula its cell holds, and every formula in a totals row is a custom total', async (_, bytes) => {
    const rows = await totalsRows(await bytes());
    const custom = rows.filter((r) => r.fn === 'custom');
    for (const r of custom) expect({ ...r, formula: r.formula ?? 'none' }).toEqual({ ...r, formula: r.cellFormula });
    for (const r of rows.filter((x) => x.cellFormula)) expect(r).toMatchObject({ fn: 'custom' });
    expect(custom.length).toBeGreaterThan(0);
  });

  it('the template\'s first table: the formulas themselves', async () => {
    const rows = await totalsRows(new Uint8Array(readFileSync(join(root, SAMPLE_FILES.template))));
    const kq = rows.filter((r) => r.table === 'KetQuaGiaiQuyet');
    // Data rows 6–10 (5 blank rows under the header at row 5), totals at row 11.
    expect(kq.find((r) => r.cell === 'B11')).toEqual({ table: 'KetQuaGiaiQuyet', cell: 'B11', fn: 'custom', formula: 'SUBTOTAL(109,B6:B10)', cellFormula: 'SUBTOTAL(109,B6:B10)' });
    expect(kq.find((r) => r.cell === 'M11')).toMatchObject({ fn: 'custom', formula: 'IF(N(F11)=0,"",ROUND((G11+H11)/F11*100,2))' });
    expect(kq.find((r) => r.cell === 'A11')).toMatchObject({ fn: null, formula: null });
    expect(rows.filter((r) => r.fn === 'custom')).toHaveLength(12 + 7 + 3 + 4);
  });
});

describe('committed assets', () => {
  it.each([
    [SAMPLE_FILES.template, BLANK_TEMPLATE],
    [SAMPLE_FILES.clean, CLEAN_SAMPLE],
    [SAMPLE_FILES.mistakes, MISTAKES_SAMPLE],
  ])('%s equals what the generator produces now', async (file, options) => {
    const committed = await readWorkbook(readFileSync(join(root, file)));
    expect(committed).toEqual(await readWorkbook(await buildWorkbook(options)));
  });

  it('mau-co-loi.md is the rendering of PLANTED_MISTAKES', () => {
    expect(readFileSync(join(root, SAMPLE_FILES.mistakesNote), 'utf8')).toBe(mistakesNote());
  });
});
