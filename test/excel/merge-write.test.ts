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
  const fake = new FakeExcel(model, { decodeWorkbook: () => mergedModel, ...opts });
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
    expect(await actions.insertSheets!(merged, plan.insert, [])).toEqual(plan.insert);
    expect(fake.roundTrips).toBe(4);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1', ...plan.insert]);
    expect(fake.activeSheet).toBe('Thông tin');
    await expectConsolidated(actions);
  });

  test('replacing the standard sheets the officer confirmed: old ones gone with their tables, new ones under their own names, other sheets untouched, names repointed', async () => {
    const own = await ownBook();
    const fake = host(own);
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    expect(plan.clashes).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng']);
    const tablesBefore = fake.tables.map((t) => t.name).sort();
    await actions.insertSheets!(merged, plan.insert, plan.clashes);
    // Nothing left over under a "(cũ)" name; the officer's own sheet untouched. (This unit's
    // workbook was written without drop-down lists, so the lists sheet comes with the new ones.)
    expect(fake.sheets.map((s) => s.name)).toEqual(['Ghi chú', 'Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Danh mục', 'Nguồn', 'Truy vết']);
    expect(fake.sheetGrid('Ghi chú')[0]![0]!.v).toBe('Ghi chú riêng của cán bộ');
    // Each table once, on the new sheets (the old ones stepped aside, then went with their sheets).
    expect(fake.tables.map((t) => t.name).sort()).toEqual(tablesBefore);
    expect(fake.tables.every((t) => ['TTHC', 'Biên chế', 'Hài lòng', 'Thông tin'].includes(t.sheet))).toBe(true);
    expect(fake.brokenNames.size).toBe(0);
    expect(fake.names.find((n) => n.name === 'DonViBaoCao')).toMatchObject({ sheet: 'Thông tin' });
    await expectConsolidated(actions);
    // The unit the check reads is the consolidation's (the Sở's own, among the files), not the hospital's whose workbook was open.
    expect((await actions.check()).data.unit).toBe('Sở Y tế tỉnh Kon Tum');
  });

  test('a clash not confirmed is refused with nothing written', async () => {
    const fake = host(await ownBook());
    const actions = createExcelActions();
    const before = fake.snapshot();
    const plan = planWrite(await actions.sheetNames!());
    const err = await actions.insertSheets!(merged, plan.insert, plan.clashes.slice(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toMatch(/«Thông tin» chưa được xác nhận thay thế; chưa ghi gì/);
    expect({ ...fake.snapshot(), version: 0 }).toEqual({ ...before, version: 0 });
  });

  test('an insertion Excel refuses (GeneralException, office-js #6142) puts the old sheets and tables back under their names', async () => {
    const fake = host(await ownBook(), {
      decodeWorkbook: () => {
        throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      },
    });
    const sheetsBefore = fake.sheets.map((s) => s.name);
    const tablesBefore = fake.tables.map((t) => `${t.name}@${t.sheet}`).sort();
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    await expect(actions.insertSheets!(merged, plan.insert, plan.clashes)).rejects.toThrow(/sổ đang mở giữ nguyên/);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(fake.tables.map((t) => `${t.name}@${t.sheet}`).sort()).toEqual(tablesBefore);
  });

  test('a consolidated workbook over Excel on the web\'s request limit: old sheets back, and the download suggested', async () => {
    const fake = host(await ownBook(), { limits: { maxBytes: 20_000, maxCellsPerRange: 5_000_000 } });
    const sheetsBefore = fake.sheets.map((s) => s.name);
    const actions = createExcelActions();
    const plan = planWrite(await actions.sheetNames!());
    // The base64 of the file alone is over the limit set here.
    expect(Math.ceil(merged.length / 3) * 4).toBeGreaterThan(20_000);
    await expect(actions.insertSheets!(merged, plan.insert, plan.clashes)).rejects.toThrow(/quá lớn để Excel trên web.*Tải sổ tổng hợp/);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  test('a read-only workbook is refused before anything is sent; ExcelApi below 1.13 has no insertSheets but still lists sheets', async () => {
    const fake = host(NEW_BOOK(), { readOnly: true });
    await expect(createExcelActions().insertSheets!(merged, planWrite(['Sheet1']).insert, [])).rejects.toThrow(/chỉ đọc/);
    expect(fake.roundTrips).toBe(0);

    host(NEW_BOOK(), { apiSets: { ExcelApi: '1.12' } });
    const old = createExcelActions();
    expect(old.insertSheets).toBeUndefined();
    await expect(old.sheetNames!()).resolves.toEqual(['Sheet1']);
  });
});
