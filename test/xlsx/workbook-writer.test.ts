/**
 * The project's own .xlsx writer (src/xlsx/workbook-writer.ts), which writes the consolidated
 * workbook of `cchc merge`, against ExcelJS on the same inputs: three units whose figures are set
 * here, merged; the same consolidation written once by our writer (buildMergedWorkbook) and once
 * wholly by ExcelJS (the standard sheets by buildWorkbook, "Nguồn" and "Truy vết" added by
 * ExcelJS's own addRow). Both are read back by ExcelJS and, after a round trip through
 * LibreOffice, by the project's reader; the figures are compared with sums computed here from
 * the units' figures. Last, the counts the writer keeps of what it wrote (which let the merge skip
 * the reader's counting pass far from the limits) against the same counts parsed with saxes.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { checkWorkbook } from '../../src/core/check';
import { mergeUnits } from '../../src/core/merge/merge';
import { toUnitReport, type UnitReport } from '../../src/core/merge/units';
import type { WorkbookModel } from '../../src/core/model';
import { buildMergedWorkbook, mergedWorkbookOptions } from '../../src/xlsx/merge-workbook';
import { readWorkbook } from '../../src/xlsx/read';
import { buildWorkbook, draftWorkbook } from '../../src/xlsx/template';
import { writeDraft } from '../../src/xlsx/workbook-writer';
import { newSaxesParser } from '../../src/zip/saxes';
import { preparePackage } from '../support/exceljs-repairs';
import { findTool, missingTool } from '../helpers/tools';

/** Per unit, two lĩnh vực: [trực tuyến, trực tiếp, từ kỳ trước, trước hạn, đúng hạn, quá hạn, đang trong hạn]. */
const FIGURES: Record<string, [number, number, number, number, number, number, number][]> = {
  'Bệnh viện <A> & "B"': [
    [10, 20, 3, 12, 15, 1, 5],
    [4, 6, 0, 3, 5, 0, 2],
  ],
  'Trung tâm Y tế _x0041_': [
    [7, 8, 1, 5, 9, 0, 2],
    [0, 2, 2, 1, 2, 1, 0],
  ],
  'Chi cục Dân số': [
    [30, 1, 0, 20, 10, 0, 1],
    [5, 5, 5, 5, 5, 5, 0],
  ],
};
const FIELDS = ['Dược phẩm', 'Khám bệnh, chữa bệnh'];

function unitOptions(unit: string) {
  const rows = FIGURES[unit]!.map(([tt, tb, tk, th, dh, qh, dang], j) => ({
    linhVuc: FIELDS[j]!,
    tongSo: tt + tb + tk,
    trucTuyen: tt,
    trucTiepBuuChinh: tb,
    tuKyTruoc: tk,
    daGiaiQuyet: th + dh + qh,
    truocHan: th,
    dungHan: dh,
    quaHan: qh,
    dangGiaiQuyet: dang,
    dangTrongHan: dang,
    dangQuaHan: 0,
  }));
  return { unit, periodKind: 'Quý I' as const, year: 2023, tables: { KetQuaGiaiQuyet: { rows } } };
}

let dir: string;
let units: UnitReport[];
let ours: Uint8Array;
let theirs: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-writer-'));
  units = [];
  for (const [i, unit] of Object.keys(FIGURES).entries()) {
    const file = `don-vi-${i + 1}.xlsx`;
    const model = await readWorkbook(await buildWorkbook(unitOptions(unit)), file);
    units.push(toUnitReport(checkWorkbook(model), file, `h${i}`, model));
  }
  const result = mergeUnits(units);
  ours = await buildMergedWorkbook(result);
  // The ExcelJS-written version: ExcelJS's standard sheets, then the two plain sheets added by ExcelJS.
  const { extraSheets, ...options } = mergedWorkbookOptions(result);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await preparePackage(await buildWorkbook(options))).data as unknown as ArrayBuffer);
  for (const s of extraSheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row.map((v) => (v === '' ? null : v)));
  }
  theirs = new Uint8Array(await wb.xlsx.writeBuffer());
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sum = (k: number, j?: number) => Object.values(FIGURES).reduce((a, rows) => a + rows.filter((_, i) => j === undefined || i === j).reduce((b, r) => b + r[k]!, 0), 0);

/** Every cell ExcelJS reads: value (formula and cached result included), number format, font; and each sheet's merges, validations and tables. */
async function excelJsView(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await preparePackage(bytes)).data as unknown as ArrayBuffer);
  const sheets: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const f = c.font;
        cells[c.address] = { v: c.value, fmt: c.numFmt ?? null, b: !!f?.bold, i: !!f?.italic, size: f?.size ?? 11, dv: c.dataValidation ?? null };
      }),
    );
    const tables = (ws as unknown as { getTables(): { table?: { name: string; tableRef: string; columns: { name: string }[] } }[] }).getTables().map((t) => t.table);
    sheets[ws.name] = { state: ws.state, merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(), tables: tables.map((t) => [t?.name, t?.tableRef, t?.columns.map((c) => c.name)]), cells };
  });
  return { names: (wb.definedNames as unknown as { model: unknown }).model, sheets };
}

const grid = (m: WorkbookModel, name: string) => m.sheets.find((s) => s.name === name)!.rows.map((r) => (r ?? []).map((c) => (c ? [c.v, c.f ?? null] : null)));

describe('the merge writer against ExcelJS', () => {
  test('ExcelJS reads the same sheets, cells, formulas, styles, validations, tables and names from both', async () => {
    const a = await excelJsView(ours);
    const b = await excelJsView(theirs);
    expect(Object.keys(a.sheets)).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Danh mục', 'Nguồn', 'Truy vết']);
    // Column widths are left out of the view: the ExcelJS version's plain sheets were added without them.
    expect(a).toEqual(b);
  });

  test('the figures are the sums of the units\' figures, with the rate\'s formula and its cached result', async () => {
    const model = await readWorkbook(ours, 'tong-hop.xlsx');
    const tthc = model.sheets.find((s) => s.name === 'TTHC')!;
    // Row 6 and 7 hold the two lĩnh vực, row 8 the totals (header on row 5).
    const total = (k: number) => sum(k);
    expect(tthc.rows[5]![0]!.v).toBe('Dược phẩm');
    expect(tthc.rows[5]![2]!.v).toBe(sum(0, 0));
    expect(tthc.rows[6]![2]!.v).toBe(sum(0, 1));
    expect(tthc.rows[7]![1]!.f).toBe('SUBTOTAL(109,B6:B7)');
    expect(tthc.rows[7]![1]!.v).toBe(total(0) + total(1) + total(2));
    const resolved = total(3) + total(4) + total(5);
    expect(tthc.rows[7]![5]!.v).toBe(resolved);
    expect(tthc.rows[7]![12]!.f).toBe('IF(N(F8)=0,"",ROUND((G8+H8)/F8*100,2))');
    expect(tthc.rows[7]![12]!.v).toBe(Math.round(((total(3) + total(4)) / resolved) * 100 * 100) / 100);
    // One trace line per unit for a summed figure, each with the unit's own figure.
    const trace = grid(model, 'Truy vết');
    const online = trace.filter((r) => r[1]?.[0] === 'Dược phẩm' && r[2]?.[0] === 'Trực tuyến');
    expect(online.map((r) => [r[6]![0], r[9]![0]])).toEqual(Object.entries(FIGURES).map(([u, rows]) => [u, rows[0]![0]]));
    expect(online.every((r) => r[3]![0] === sum(0, 0))).toBe(true);
    // Names with markup and a literal _x0041_ come back as they were written.
    expect(grid(model, 'Nguồn').slice(1, 4).map((r) => r[2]![0])).toEqual(Object.keys(FIGURES));
  });

  const soffice = findTool(['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']);
  if (!soffice) missingTool('LibreOffice (soffice)', 'the merge writer\'s output re-saved by LibreOffice');
  (soffice ? test : test.skip)(
    'LibreOffice re-saves both with the same values and formulas on every sheet',
    async () => {
      const back: WorkbookModel[] = [];
      for (const [name, bytes] of [
        ['ours', ours],
        ['theirs', theirs],
      ] as const) {
        const sub = join(dir, name);
        mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, 'tong-hop.xlsx'), bytes);
        const out = join(sub, 'lo');
        execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', out, join(sub, 'tong-hop.xlsx')], { stdio: 'ignore', timeout: 120000 });
        back.push(await readWorkbook(readFileSync(join(out, 'tong-hop.xlsx')), 'tong-hop.xlsx'));
      }
      const [a, b] = back as [WorkbookModel, WorkbookModel];
      expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
      for (const s of a.sheets) expect(grid(a, s.name)).toEqual(grid(b, s.name));
      // And what LibreOffice kept is what the units sum to.
      const tthc = grid(a, 'TTHC');
      expect(tthc[7]![1]).toEqual([sum(0) + sum(1) + sum(2), 'SUBTOTAL(109,B6:B7)']);
      expect(grid(a, 'Nguồn').slice(1, 4).map((r) => r[2]![0])).toEqual(Object.keys(FIGURES));
    },
    180000,
  );
});

describe('what the writer counts of what it wrote', () => {
  test('cells, rows, elements, bytes, parts and sheets are those a saxes pass over the package finds', () => {
    const { extraSheets, ...options } = mergedWorkbookOptions(mergeUnits(units));
    const { bytes, tally } = writeDraft(draftWorkbook(options), extraSheets);
    const parts = unzipSync(bytes);
    let [cells, rows, elements, uncompressed] = [0, 0, 0, 0];
    for (const [name, data] of Object.entries(parts)) {
      uncompressed += data.length;
      if (!/\.(xml|rels)$/.test(name)) continue;
      const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(name);
      let last = 0;
      const p = newSaxesParser();
      p.on('opentag', (t) => {
        elements++;
        if (sheet && t.name === 'c') cells++;
        if (sheet && t.name === 'row') last = Number(t.attributes.r);
      });
      p.write(new TextDecoder().decode(data)).close();
      rows += last;
    }
    expect(tally).toEqual({ cells, rows, elements, uncompressedBytes: uncompressed, parts: Object.keys(parts).length, sheets: 7 });
    expect(cells).toBeGreaterThan(100);
  });
});
