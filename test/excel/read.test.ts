import { FakeExcel, installFakeOffice } from '../../src/fake-office/excel';
import { readWorkbook, BLOCK_CELLS } from '../../src/excel/read';
import type { Cell, WorkbookModel } from '../../src/core/model';
import { oneTable, sevenTables, Builder, info, bienChe } from './fixture';

/** Same content with ragged tails and holes made canonical. */
function canon(m: WorkbookModel, readSheets?: Set<string>) {
  return {
    sheets: m.sheets.map((s) => {
      const rows = (readSheets && !readSheets.has(s.name) ? [] : s.rows).map((r) => {
        const out: (Cell | null)[] = [];
        (r ?? []).forEach((c, i) => (out[i] = c ?? null));
        return Array.from(out, (c) => c ?? null);
      });
      while (rows.length && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
      return { name: s.name, rows };
    }),
    tables: [...m.tables].sort((a, b) => a.name.localeCompare(b.name)),
    names: [...m.names].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function read(fake: FakeExcel): Promise<WorkbookModel> {
  const undo = installFakeOffice(fake);
  try {
    return await Excel.run((ctx) => readWorkbook(ctx));
  } finally {
    undo();
  }
}

describe('Excel adapter: reading the workbook', () => {
  test('seven tables on four sheets: same model back, in exactly 2 round trips', async () => {
    const model = sevenTables();
    const fake = new FakeExcel(model);
    const got = await read(fake);
    expect(fake.roundTrips).toBe(2);
    expect(got.tables).toHaveLength(7);
    expect(got.names).toHaveLength(7);
    // Every sheet is read: officers keep their tables on sheets of any name.
    expect(canon(got)).toEqual(canon(model));
    const tthc = got.sheets.find((s) => s.name === 'TTHC')!;
    expect(tthc.rows[4]![12]).toEqual({ v: null, e: '#DIV/0!', f: '([@[Trước hạn]]+[@[Đúng hạn]])/[@[Đã giải quyết]]*100' });
    const info = got.sheets.find((s) => s.name === 'Thông tin')!;
    expect(info.rows[7]![2]).toEqual({ v: 44910, z: 'dd/mm/yyyy' });
    expect(info.rows[8]![2]).toEqual({ v: 44999, f: 'EDATE(C7,3)-1', z: 'dd/mm/yyyy' });
    expect(got.tables.find((t) => t.name === 'BienChe')).toEqual({ name: 'BienChe', sheet: 'Biên chế', ref: 'A4:G8', headerRow: true, totalsRow: true });
    expect(got.names.find((n) => n.name === 'TuNgay')).toEqual({ name: 'TuNgay', sheet: 'Thông tin', cell: 'C8' });
  });

  test('hidden sheets come back hidden (last quarter kept beside this one), still in 2 round trips', async () => {
    const fake = new FakeExcel(sevenTables());
    fake.sheets.find((s) => s.name === 'TTHC')!.visibility = 'Hidden';
    fake.sheets.find((s) => s.name === 'Biên chế')!.visibility = 'VeryHidden';
    const got = await read(fake);
    expect(fake.roundTrips).toBe(2);
    expect(Object.fromEntries(got.sheets.map((s) => [s.name, s.hidden ?? 'visible']))).toEqual(
      Object.fromEntries(fake.sheets.map((s) => [s.name, s.name === 'TTHC' ? 'hidden' : s.name === 'Biên chế' ? 'veryHidden' : 'visible'])),
    );
  });

  test('one table: still exactly 2 round trips', async () => {
    const model = oneTable();
    const fake = new FakeExcel(model);
    const got = await read(fake);
    expect(fake.roundTrips).toBe(2);
    expect(canon(got)).toEqual(canon(model));
  });

  test('a table moved to a sheet of its own is read too, without an extra round trip', async () => {
    const b = new Builder();
    info(b);
    const t = bienChe(b);
    const moved = b.build();
    moved.sheets.find((s) => s.name === 'Biên chế')!.name = 'Nhân sự 2023';
    t.sheet = 'Nhân sự 2023';
    const fake = new FakeExcel(moved);
    const got = await read(fake);
    expect(fake.roundTrips).toBe(2);
    expect(canon(got)).toEqual(canon(moved));
  });

  test('a sheet beyond the web limits is read in row blocks, every request under 5 MB', async () => {
    const b = new Builder();
    info(b);
    bienChe(b);
    const rows = 40000;
    const cols = 12;
    const sheet = 'Phiếu nội trú';
    for (let c = 0; c < cols; c++) b.put(sheet, 0, c, c === 0 ? 'Mã phiếu' : `A${c}`);
    for (let r = 1; r <= rows; r++) for (let c = 0; c < cols; c++) b.put(sheet, r, c, c === 0 ? `P${r}` : ((r * 7 + c) % 5) + 1);
    const model = b.build();
    model.tables.push({ name: 'PhieuNoiTru', sheet, ref: `A1:L${rows + 1}`, headerRow: true, totalsRow: false });

    // Plain string comparison: a deep diff of half a million cells takes jest many seconds.
    const want = JSON.stringify(canon(model));
    const web = new FakeExcel(model);
    const got = await read(web);
    expect(JSON.stringify(canon(got)) === want).toBe(true);
    expect(got.sheets.find((s) => s.name === sheet)!.rows[rows]![0]).toEqual({ v: `P${rows}` });
    const expectedBlocks = Math.ceil((rows + 1) / Math.floor(BLOCK_CELLS / cols));
    // structure, the refused one-shot read, sizes, then the blocks (Biên chế/Thông tin ride in the first).
    expect(web.roundTrips).toBe(3 + expectedBlocks);
    expect(web.syncLog[1]!.failed).toBe('ResponsePayloadSizeLimitExceeded');
    for (const s of web.syncLog.slice(2)) expect(s.bytesRead).toBeLessThanOrEqual(5 * 1024 * 1024);

    // Desktop Excel has no payload limit: the same workbook takes the 2-sync path.
    const desk = new FakeExcel(model, { limits: false });
    expect(JSON.stringify(canon(await read(desk))) === want).toBe(true);
    expect(desk.roundTrips).toBe(2);
  });
});
