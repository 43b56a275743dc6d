/**
 * The Excel adapter's insertSheets on the fake host: the consolidated workbook of the Kon Tum
 * Quý III corpus written into a new workbook and into one that already has the standard sheets,
 * then read back by the adapter's own check, whose figures must be the sums of the seeds.
 */
import { FakeExcel, FakeOfficeError, installFakeOffice, type FakeExcelOptions } from '../../src/fake-office/excel';
import { createExcelActions } from '../../src/excel/actions';
import { HostError } from '../../src/host/actions';
import type { WorkbookModel } from '../../src/core/model';
import { readWorkbook } from '../../src/xlsx/read';
import { buildMergedWorkbook } from '../../src/xlsx/merge-workbook';
import { mergeOutcomes, planWrite, readUnitFiles } from '../../src/taskpane/merge/merge';
import { Q3, unitWorkbook, type SeedUnit } from '../helpers/merge-corpus';
import { evaluateMissing } from '../../src/xlsx/formula-eval';

const sum = (units: readonly SeedUnit[], key: string) => units.reduce((a, u) => a + u.kq.reduce((b, r) => b + (r[key] as number), 0), 0);

let merged: Uint8Array;
let mergedModel: WorkbookModel;
/** A unit's own standard workbook: what an officer may have open when consolidating. */
let ownBook: () => Promise<WorkbookModel>;

beforeAll(async () => {
  const files = await Promise.all(Q3.map(async (u) => ({ name: u.file, size: 1, bytes: await unitWorkbook(u) })));
  const outcomes = await readUnitFiles(files.map((f) => ({ name: f.name, size: f.bytes.length, arrayBuffer: async () => f.bytes.slice().buffer })));
  merged = await buildMergedWorkbook(mergeOutcomes(outcomes).result);
  mergedModel = await readWorkbook(merged, 'tong-hop.xlsx');
  const own = files[1]!.bytes; // the provincial hospital's
  ownBook = async () => {
    const m = await readWorkbook(own, 'so-cua-toi.xlsx');
    m.sheets.push({ name: 'Ghi chú', rows: [[{ v: 'Ghi chú riêng của cán bộ' }]] });
    return m;
  };
}, 90_000);

let undo: () => void = () => undefined;
afterEach(() => undo());

function host(model: WorkbookModel, opts: FakeExcelOptions = {}) {
  const fake = new FakeExcel(model, { decodeWorkbook: () => mergedModel, recalculate: evaluateMissing, ...opts });
  undo();
  undo = installFakeOffice(fake);
  return fake;
}

const NEW_BOOK = (): WorkbookModel => ({ sheets: [{ name: 'Sheet1', rows: [] }], tables: [], names: [] });
const KQ_KEYS = ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet'];

async function expectConsolidated(actions: ReturnType<typeof createExcelActions>) {
  const report = await actions.check();
  expect(report.summary.errors).toBe(0);
  for (const k of KQ_KEYS) expect([k, report.metrics[`tthc.${k}`]]).toEqual([k, sum(Q3, k)]);
  expect(report.metrics['tthc.tyLeDungHan']).toBeCloseTo(((sum(Q3, 'truocHan') + sum(Q3, 'dungHan')) / sum(Q3, 'daGiaiQuyet')) * 100, 9);
}

describe('Excel adapter: insertSheets (Tổng hợp từ các đơn vị)', () => {
  test('into a new workbook: every consolidated sheet at the end, in 4 round trips (read, insert, activate, names), and the check reads the sums of the units', async () => {
    const fake = host(NEW_BOOK());
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    expect(plan.clashes).toEqual([]);
    fake.resetCounters();
    expect(await actions.insertSheets!(merged, plan.insert, [], mergedModel)).toEqual({ inserted: plan.insert, inPlace: [], aside: [] });
    expect(fake.roundTrips).toBe(4);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', ...plan.insert]);
    expect(fake.activeSheet).toBe('Thông tin');
    await expectConsolidated(actions);
  });

  test('"Thay thế": the confirmed sheets keep their names and get the consolidated figures in their own tables, so a formula on another sheet reads the new totals', async () => {
    const own = await ownBook();
    // The officer's own summary sheet, pointing at the unit's totals row (TTHC row 7: header 5,
    // one unit at row 6, totals at 7; column F "đã giải quyết") and at the unit's name.
    own.sheets.push({ name: 'Báo cáo', rows: [[{ v: null, f: 'TTHC!F7' }, { v: null, f: "'Thông tin'!B4" }]] });
    const fake = host(own);
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    expect(plan.clashes).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng']);
    const tablesBefore = fake.tables.map((t) => t.name).sort();
    const done = await actions.insertSheets!(merged, plan.insert, plan.clashes, mergedModel);
    expect(done).toEqual({ inserted: ['Danh mục', 'Nguồn', 'Truy vết'], inPlace: ['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng'], aside: [] });
    // No sheet renamed, deleted or left over; the officer's own sheets untouched in their places.
    expect(fake.sheets.map((s) => s.name)).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Ghi chú', 'Báo cáo', 'Danh mục', 'Nguồn', 'Truy vết']);
    expect(fake.sheetGrid('Ghi chú')[0]![0]!.v).toBe('Ghi chú riêng của cán bộ');
    expect(fake.tables.map((t) => t.name).sort()).toEqual(tablesBefore);
    // Five units more than the one row the table had: five rows inserted, the totals row moved
    // from 7 to 12, and the officer's formula moved with it, as Excel moves it.
    const report = fake.sheetGrid('Báo cáo')[0]!;
    expect(report[0]).toMatchObject({ f: 'TTHC!F12', v: sum(Q3, 'daGiaiQuyet') });
    expect(report[1]).toMatchObject({ f: "'Thông tin'!B4", v: 'Sở Y tế tỉnh Kon Tum' });
    expect(fake.brokenNames.size).toBe(0);
    expect(fake.names.find((n) => n.name === 'DonViBaoCao')).toMatchObject({ sheet: 'Thông tin', cell: 'B4' });
    await expectConsolidated(actions);
    expect((await actions.check()).data.unit).toBe('Sở Y tế tỉnh Kon Tum');
  });

  test('a confirmed sheet whose tables are not the standard ones is left as it was; its figures go to a new sheet beside it', async () => {
    const own = await ownBook();
    own.tables.find((t) => t.name === 'BienChe')!.name = 'BienCheRieng';
    const fake = host(own);
    const before = fake.sheetGrid('Biên chế');
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    const done = await actions.insertSheets!(merged, plan.insert, plan.clashes, mergedModel);
    expect(done.aside).toEqual([{ sheet: 'Biên chế', to: 'Biên chế (tổng hợp)', why: 'không có bảng «BienChe»' }]);
    expect(done.inPlace).toEqual(['Thông tin', 'TTHC', 'Hài lòng']);
    expect(fake.sheetGrid('Biên chế')).toEqual(before);
    // The new sheet holds the consolidated sheet's cells at their own addresses.
    const mergedStaff = mergedModel.sheets.find((s) => s.name === 'Biên chế')!;
    expect(fake.sheetGrid('Biên chế (tổng hợp)')[5]!.map((c) => c?.v ?? null)).toEqual(mergedStaff.rows[5]!.map((c) => c?.v ?? null));
  });

  test('a clash not confirmed is refused with nothing written', async () => {
    const fake = host(await ownBook());
    const actions = createExcelActions();
    const before = fake.snapshot();
    const plan = planWrite(await actions.sheetNames!());
    const err = await actions.insertSheets!(merged, plan.insert, plan.clashes.slice(1), mergedModel).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toMatch(/«Thông tin» chưa được xác nhận thay thế; chưa ghi gì/);
    expect({ ...fake.snapshot(), version: 0 }).toEqual({ ...before, version: 0 });
  });

  test('an insertion Excel refuses (GeneralException, office-js #6142) comes before any write: the workbook is as it was', async () => {
    const fake = host(await ownBook(), {
      decodeWorkbook: () => {
        throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      },
    });
    const sheetsBefore = fake.sheets.map((s) => s.name);
    const tablesBefore = fake.tables.map((t) => `${t.name}@${t.sheet}`).sort();
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    const before = fake.snapshot();
    await expect(actions.insertSheets!(merged, plan.insert, plan.clashes, mergedModel)).rejects.toThrow(/sổ đang mở giữ nguyên/);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(fake.tables.map((t) => `${t.name}@${t.sheet}`).sort()).toEqual(tablesBefore);
    expect({ ...fake.snapshot(), version: 0 }).toEqual({ ...before, version: 0 });
  });

  test('a consolidated workbook over Excel on the web\'s request limit: old sheets back, and the download suggested', async () => {
    const fake = host(await ownBook(), { limits: { maxBytes: 20_000, maxCellsPerRange: 5_000_000 } });
    const sheetsBefore = fake.sheets.map((s) => s.name);
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    // The base64 of the file alone is over the limit set here.
    expect(Math.ceil(merged.length / 3) * 4).toBeGreaterThan(20_000);
    await expect(actions.insertSheets!(merged, plan.insert, plan.clashes, mergedModel)).rejects.toThrow(/quá lớn để Excel trên web.*Tải sổ tổng hợp/);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  test('a read-only workbook is refused before anything is sent; ExcelApi below 1.13 has no insertSheets but still lists sheets', async () => {
    const fake = host(NEW_BOOK(), { readOnly: true });
    await expect(createExcelActions().insertSheets!(merged, planWrite(['Sheet1']).insert, [], mergedModel)).rejects.toThrow(/chỉ đọc/);
    expect(fake.roundTrips).toBe(0);

    host(NEW_BOOK(), { apiSets: { ExcelApi: '1.12' } });
    const old = createExcelActions();
    expect(old.insertSheets).toBeUndefined();
    await expect(old.sheetNames!()).resolves.toEqual(['Sheet1']);
  });
});
