import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { readWorkbook } from '../../src/xlsx/read';
import { relativePath } from '../support/exceljs-repairs';
import { buildWorkbook, tableCell } from '../../src/xlsx/template';
import { CLEAN_SAMPLE } from '../../src/xlsx/samples';
import { findSheet, getCell, parseA1, type WorkbookModel } from '../../src/core/model';
import { isoToSerial } from '../../src/core/periods';
import { findTool, missingTool } from '../helpers/tools';

const root = join(__dirname, '..', '..');
const at = (m: WorkbookModel, sheet: string, a1: string) => getCell(findSheet(m, sheet), parseA1(a1));
const named = (m: WorkbookModel, name: string) => {
  const ref = m.names.find((n) => n.name === name);
  return ref ? at(m, ref.sheet, ref.cell) : undefined;
};

describe('readWorkbook on cell values', () => {
  let model: WorkbookModel;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 5;
    ws.getCell('B1').value = { formula: 'A1*0', result: 0 };
    ws.getCell('C1').value = { formula: 'A1=0', result: false };
    ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('E1').value = { error: '#N/A' };
    ws.getCell('F1').value = { richText: [{ text: 'Sở Y tế ' }, { font: { bold: true }, text: 'Sơn La' }] };
    ws.getCell('G1').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
    ws.getCell('H1').value = new Date(Date.UTC(2022, 11, 15));
    ws.getCell('H1').numFmt = 'dd/mm/yyyy';
    ws.getCell('I1').value = 92.03;
    ws.getCell('I1').numFmt = '0.00';
    ws.getCell('J1').value = { formula: 'A1*2', result: 10 };
    ws.getCell('K1').value = '2.771';
    model = await readWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx');
  });
  it('keeps a cached formula result of 0 and false, which ExcelJS value copies drop', () => {
    expect(at(model, 'S', 'B1')).toEqual({ v: 0, f: 'A1*0' });
    expect(at(model, 'S', 'C1')).toEqual({ v: false, f: 'A1=0' });
    expect(at(model, 'S', 'J1')).toEqual({ v: 10, f: 'A1*2' });
  });
  it('puts Excel errors in e with v null, for formulas and typed errors', () => {
    expect(at(model, 'S', 'D1')).toEqual({ v: null, f: '1/0', e: '#DIV/0!' });
    expect(at(model, 'S', 'E1')).toEqual({ v: null, e: '#N/A' });
  });
  it('flattens rich text and hyperlinks, converts dates to serials, keeps formats but not General', () => {
    expect(at(model, 'S', 'F1')?.v).toBe('Sở Y tế Sơn La');
    expect(at(model, 'S', 'G1')?.v).toBe('Cổng dịch vụ công');
    expect(at(model, 'S', 'H1')).toEqual({ v: isoToSerial('2022-12-15'), z: 'dd/mm/yyyy' });
    expect(at(model, 'S', 'I1')).toEqual({ v: 92.03, z: '0.00' });
    expect(at(model, 'S', 'A1')).toEqual({ v: 5 });
    expect(at(model, 'S', 'K1')).toEqual({ v: '2.771' });
    expect(model.fileName).toBe('x.xlsx');
  });
});

describe('readWorkbook on the standard workbook', () => {
  it('gives tables with header/totals flags, the names, and the cached results', async () => {
    const m = await readWorkbook(await buildWorkbook(CLEAN_SAMPLE));
    expect(m.sheets.map((s) => s.name)).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Danh mục']);
    const bc = m.tables.find((t) => t.name === 'BienChe')!;
    expect(bc).toEqual({ name: 'BienChe', sheet: 'Biên chế', ref: 'A5:G12', headerRow: true, totalsRow: true });
    expect(m.tables.find((t) => t.name === 'XepLoai')?.totalsRow).toBe(false);
    expect(m.names.map((n) => n.name).sort()).toEqual(['DenNgay', 'DonViBaoCao', 'DonViNhan', 'KiemTraT4', 'KyBaoCao', 'NamBaoCao', 'PhienBanMau', 'TuNgay']);
    expect(named(m, 'TuNgay')?.v).toBe(isoToSerial('2022-06-15'));
    expect(named(m, 'DenNgay')?.v).toBe(isoToSerial('2022-09-14'));
    // Có mặt total = 28 + 11 + 11 + 968 + 816 + 93 = 1927, a SUBTOTAL with its cached result.
    const total = at(m, 'Biên chế', tableCell(CLEAN_SAMPLE, 'BienChe', 'totals', 'coMat'));
    expect(total).toMatchObject({ v: 1927, f: 'SUBTOTAL(109,E6:E11)' });
    // Dư of a row with giao > có mặt is a formula whose cached value is 0.
    expect(at(m, 'Biên chế', tableCell(CLEAN_SAMPLE, 'BienChe', 0, 'du'))).toMatchObject({ v: 0 });
  });
});

async function relToAbsolute(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.values(zip.files)) {
    if (f.dir || !f.name.endsWith('.rels')) continue;
    const doc = new DOMParser().parseFromString(await f.async('string'), 'text/xml');
    const dir = f.name.replace(/_rels\/[^/]*$/, '');
    const rels = doc.getElementsByTagName('Relationship');
    for (let i = 0; i < rels.length; i++) {
      const r = rels.item(i)!;
      if (r.getAttribute('TargetMode') === 'External') continue;
      const parts = `${dir}${r.getAttribute('Target')}`.split('/');
      const norm: string[] = [];
      for (const p of parts) if (p === '..') norm.pop(); else if (p && p !== '.') norm.push(p);
      r.setAttribute('Target', `/${norm.join('/')}`);
    }
    zip.file(f.name, new XMLSerializer().serializeToString(doc));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('packages with absolute relationship targets', () => {
  it('computes relative paths', () => {
    expect(relativePath('xl', '/xl/worksheets/sheet1.xml')).toBe('worksheets/sheet1.xml');
    expect(relativePath('xl/worksheets', '/xl/tables/table1.xml')).toBe('../tables/table1.xml');
    expect(relativePath('', '/xl/workbook.xml')).toBe('xl/workbook.xml');
  });

  it('reads our own file rewritten to absolute targets exactly like the original', async () => {
    const original = await buildWorkbook(CLEAN_SAMPLE);
    const absolute = await relToAbsolute(original);
    // Without the repair ExcelJS loses the sheets of such a package.
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.load(absolute as unknown as ArrayBuffer).catch(() => undefined);
    expect(bare.worksheets.length).toBeLessThan(5);
    expect(await readWorkbook(absolute)).toEqual(await readWorkbook(original));
  });

  it('reads the openpyxl fixture: names, table, dates, typed values', async () => {
    const m = await readWorkbook(readFileSync(join(root, 'test/fixtures/xlsx/openpyxl-contract.xlsx')));
    expect(m.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Biên chế']);
    expect(m.tables).toEqual([{ name: 'BienChe', sheet: 'Biên chế', ref: 'A1:G5', headerRow: true, totalsRow: true }]);
    expect(named(m, 'DonViBaoCao')?.v).toBe('Sở Y tế tỉnh Sơn La');
    expect(named(m, 'TuNgay')?.v).toBe(isoToSerial('2022-12-15'));
    expect(named(m, 'NamBaoCao')?.v).toBe(2023);
    expect(at(m, 'Biên chế', 'E5')?.v).toBe(4876);
    // openpyxl writes no cached results: the reader computes them (3 + 116 + 493 thiếu).
    expect(at(m, 'Biên chế', 'F5')).toEqual({ v: 612, f: 'SUM(F2:F4)', computed: true });
  });
});

const soffice = findTool(['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']);
if (!soffice) missingTool('LibreOffice (soffice)', 'reading a sample re-saved by LibreOffice');
(soffice ? describe : describe.skip)('LibreOffice output', () => {
  it('reads a sample re-saved by LibreOffice to the same figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
    const src = join(dir, 'in', 'mau-sach.xlsx');
    execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
    writeFileSync(src, await buildWorkbook(CLEAN_SAMPLE));
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), src], { stdio: 'ignore', timeout: 120000 });
    const lo = await readWorkbook(readFileSync(join(dir, 'out', 'mau-sach.xlsx')));
    const ours = await readWorkbook(readFileSync(src));
    expect(lo.tables.map((t) => [t.name, t.sheet, t.ref, t.headerRow, t.totalsRow]).sort()).toEqual(ours.tables.map((t) => [t.name, t.sheet, t.ref, t.headerRow, t.totalsRow]).sort());
    expect(lo.names.sort((a, b) => a.name.localeCompare(b.name))).toEqual(ours.names.sort((a, b) => a.name.localeCompare(b.name)));
    for (const t of ours.tables) {
      const { start, end } = (await import('../../src/core/model')).parseRange(t.ref);
      for (let r = start.row; r <= end.row; r++) {
        for (let c = start.col; c <= end.col; c++) {
          const a = getCell(findSheet(ours, t.sheet), { row: r, col: c })?.v ?? null;
          const b = getCell(findSheet(lo, t.sheet), { row: r, col: c })?.v ?? null;
          expect([t.name, r, c, b]).toEqual([t.name, r, c, a]);
        }
      }
    }
    for (const n of ['TuNgay', 'DenNgay', 'KyBaoCao', 'NamBaoCao']) expect(named(lo, n)?.v).toEqual(named(ours, n)?.v);
  }, 180000);
});
