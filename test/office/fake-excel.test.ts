import { FakeExcel, installFakeOffice } from '../../src/fake-office/excel';
import { oneTable } from '../excel/fixture';

function setup(opts: ConstructorParameters<typeof FakeExcel>[1] = {}) {
  const fake = new FakeExcel(oneTable(), opts);
  const undo = installFakeOffice(fake);
  return { fake, undo };
}

describe('fake Excel host: load/sync semantics', () => {
  let undo: () => void = () => undefined;
  afterEach(() => undo());

  test('reading a property that was never loaded throws PropertyNotLoaded', async () => {
    const s = setup();
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Biên chế').getRange('E8');
      await ctx.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('a loaded property cannot be read before sync, and can after', async () => {
    const s = setup();
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Biên chế').getRange('E8').load('values,address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([[4876]]);
      expect(range.address).toBe("'Biên chế'!E8");
    });
    expect(s.fake.roundTrips).toBe(1);
  });

  test('collections expose items only after sync; navigation properties load through paths', async () => {
    const s = setup();
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
      expect(() => tables.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([['BienChe', 'Biên chế']]);
      expect(() => tables.items[0]!.showTotals).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes land at sync, in queue order with reads', async () => {
    const s = setup();
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Biên chế').getRange('A5');
      const before = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      r.format.fill.color = '#FF0000';
      const after = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      expect(s.fake.fillOf('Biên chế', 'A5')).toBeNull();
      await ctx.sync();
      // Excel reports no fill as white with pattern null (office-js issues #6218, #4900).
      expect(before.value[0]![0]!.format!.fill).toEqual({ color: '#FFFFFF', pattern: null });
      expect(after.value[0]![0]!.format!.fill).toEqual({ color: '#FF0000', pattern: 'Solid' });
    });
    expect(s.fake.fillOf('Biên chế', 'A5')).toBe('#FF0000');
    expect(s.fake.syncLog[0]).toMatchObject({ cellsRead: 2, cellsWritten: 1 });
  });

  test('a missing item fails the sync with ItemNotFound, and the failed batch loads nothing', async () => {
    const s = setup();
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const ok = ctx.workbook.worksheets.getItem('Biên chế').getRange('E8').load('values');
      ctx.workbook.worksheets.getItem('Không có').getRange('A1').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      expect(() => ok.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const nul = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      await ctx.sync();
      expect(nul.isNullObject).toBe(true);
    });
    expect(s.fake.roundTrips).toBe(2);
  });

  test('used range: values-only bounds, null object for an empty sheet', async () => {
    const b = oneTable();
    b.sheets.push({ name: 'Trống', rows: [] });
    const fake = new FakeExcel(b);
    undo = installFakeOffice(fake);
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Biên chế').getUsedRangeOrNullObject(true).load('address');
      const empty = ctx.workbook.worksheets.getItem('Trống').getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(used.address).toBe("'Biên chế'!A4:G8");
      expect(empty.isNullObject).toBe(true);
    });
  });

  test("Excel on the web's 5 MB response limit is enforced, desktop has none", async () => {
    const b = oneTable();
    const rows = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ v: `Người trả lời số ${r}, câu ${c}` })));
    b.sheets.push({ name: 'Lớn', rows });
    const web = new FakeExcel(b);
    undo = installFakeOffice(web);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Lớn').getRange('A1:J20000').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
    undo();
    const desk = new FakeExcel(b, { limits: false });
    undo = installFakeOffice(desk);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Lớn').getRange('A1:J20000').load('values');
      await ctx.sync();
      expect(r.values[19999]![9]).toBe('Người trả lời số 19999, câu 9');
    });
    expect(desk.syncLog[0]!.bytesRead).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('settings: set is in memory until saveAsync; isSetSupported follows the configured sets', async () => {
    const s = setup({ apiSets: { ExcelApi: '1.12' } });
    undo = s.undo;
    const st = Office.context.document.settings;
    st.set('k', { a: 1 });
    expect(st.get('k')).toEqual({ a: 1 });
    expect(s.fake.savedSettings.k).toBeUndefined();
    await new Promise<void>((r) => st.saveAsync(() => r()));
    expect(s.fake.savedSettings.k).toEqual({ a: 1 });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(Office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  test('playground hooks: snapshot, subscribe after every sync, setCellFormat', async () => {
    const s = setup({ formats: { 'Biên chế': { A4: { fill: '#D9E1F2', bold: true } } } });
    undo = s.undo;
    const seen: number[] = [];
    const off = s.fake.subscribe((snap) => seen.push(snap.version));
    s.fake.setCellFormat('Biên chế', 'B5', { fill: '#ffff00' });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Biên chế');
      ws.activate();
      ws.getRange('E8').select();
      await ctx.sync();
    });
    off();
    s.fake.setCellFormat('Biên chế', 'B5', { fill: null });
    expect(seen).toHaveLength(2);
    const snap = s.fake.snapshot();
    expect(snap.activeSheet).toBe('Biên chế');
    expect(snap.selection).toEqual({ sheet: 'Biên chế', cell: 'E8' });
    const sheet = snap.sheets.find((x) => x.name === 'Biên chế')!;
    expect(sheet.rows[3]![0]).toMatchObject({ v: 'Đơn vị', fill: '#D9E1F2', bold: true });
    expect(sheet.rows[4]![1]).toMatchObject({ v: 'Công chức', fill: null });
    expect(sheet.rows[7]![4]).toMatchObject({ v: 4876, fill: null });
    expect(sheet.tables.map((t) => t.name)).toEqual(['BienChe']);
  });
});

describe('fake Excel host: as strict as the documented host (issue 9)', () => {
  let undo: () => void = () => undefined;
  afterEach(() => undo());
  const S = 'Biên chế';
  const FILL = { format: { fill: { color: true, pattern: true, tintAndShade: true } } };

  test('each runtime has its own settings copy; saveAsync writes the whole copy, refreshAsync reloads it', async () => {
    const fake = new FakeExcel(oneTable());
    const pane = fake.office.context.document.settings;
    const ribbon = fake.runtime('ribbon').context.document.settings;
    const save = (st: typeof pane) => new Promise<void>((r) => st.saveAsync(() => r()));
    ribbon.set('r', 1);
    await save(ribbon);
    expect(pane.get('r')).toBeNull(); // the pane's copy is older
    pane.set('p', 2);
    await save(pane); // the whole stale copy: the ribbon's key is gone from the document
    expect(fake.savedSettings).toEqual({ p: 2 });
    await new Promise<void>((r) => ribbon.refreshAsync(() => r()));
    expect([ribbon.get('r'), ribbon.get('p')]).toEqual([null, 2]);
  });

  test('fills read back as real Excel reports them: no fill and white differ only by tintAndShade', async () => {
    const s = setup({ formats: { [S]: { D8: { fill: '#FFFFFF' }, C6: { fill: '#4472C4', tint: 0.8 } } } });
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S);
      const [none, white, theme] = ['E8', 'D8', 'C6'].map((c) => ws.getRange(c).getCellProperties(FILL));
      await ctx.sync();
      expect(none!.value[0]![0]!.format!.fill).toEqual({ color: '#FFFFFF', pattern: null, tintAndShade: null });
      expect(white!.value[0]![0]!.format!.fill).toEqual({ color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 });
      expect(theme!.value[0]![0]!.format!.fill).toEqual({ color: '#4472C4', pattern: 'Solid', tintAndShade: 0.8 });
    });
  });

  test('a protected sheet and a read-only document refuse writes with AccessDenied; reads still work', async () => {
    let s = setup({ protectedSheets: [S] });
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S).load('name');
      ws.protection.load('protected');
      await ctx.sync();
      expect(ws.protection.protected).toBe(true);
      ctx.workbook.worksheets.getItem('Thông tin').getRange('A1').format.fill.color = '#FF0000';
      ws.getRange('E8').format.fill.color = '#FF0000';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(s.fake.fillOf('Thông tin', 'A1')).toBe('#FF0000'); // done before the failing operation
    expect(s.fake.fillOf(S, 'E8')).toBeNull();
    undo();

    s = setup({ readOnly: true });
    undo = s.undo;
    expect(Office.context.document.mode).toBe('readOnly');
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.add('k', 1);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      const r = ctx.workbook.worksheets.getItem(S).getRange('E8').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[4876]]);
    });
  });

  test('desktop: a read above the cell limit returns null grids, or a GeneralException, never a limit error', async () => {
    for (const oversized of ['null', 'error'] as const) {
      const s = setup({ desktop: { oversized, maxReadCells: 100 } });
      expect(Office.context.platform).toBe('PC');
      await Excel.run(async (ctx) => {
        const big = ctx.workbook.worksheets.getItem(S).getRange('A1:J11').load('values,address');
        const small = ctx.workbook.worksheets.getItem(S).getRange('A1:J10').load('values');
        if (oversized === 'error') {
          await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
          return;
        }
        await ctx.sync();
        expect(big.values).toBeNull();
        expect(big.address).toBe("'Biên chế'!A1:J11");
        expect(small.values).toHaveLength(10);
      });
      s.undo();
    }
  });
});

describe('fake Excel host: the request limit of Excel on the web and conditional formats', () => {
  let undo: () => void = () => undefined;
  afterEach(() => undo());
  const S = 'Biên chế';

  // learn.microsoft.com/office/dev/add-ins/excel/performance, "Create fewer range objects":
  // 10 000 single-cell writes in one sync "exceeds the 5MB payload size limit"; split in two
  // syncs of 5 000 they pass.
  const writeOnes = (ws: Excel.Worksheet, from: number, to: number) => {
    for (let row = from; row < to; row++) ws.getRange(`Z${row + 1}`).values = [['1']];
  };

  test("Microsoft's example: 10 000 single-cell writes in one sync are refused as a whole, 5 000 twice pass", async () => {
    const s = setup();
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S);
      writeOnes(ws, 0, 10_000);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    // Refused before anything ran: not even the first cell was written.
    expect(s.fake.sheetGrid(S)[0]?.[25]).toBeUndefined();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S);
      writeOnes(ws, 0, 5_000);
      await ctx.sync();
      writeOnes(ws, 5_000, 10_000);
      await ctx.sync();
    });
    expect(s.fake.sheetGrid(S)[9_999]?.[25]).toEqual({ v: '1' });
    // 1 024 bytes per call plus the 9 of [["1"]]: under 5 MiB for 5 000, over it for 10 000.
    expect(s.fake.syncLog.map((l) => [l.operations, l.requestBytes, l.failed])).toEqual([
      [10_000, 10_000 * 1_033, 'RequestPayloadSizeLimitExceeded'],
      [5_000, 5_000 * 1_033, undefined],
      [5_000, 5_000 * 1_033, undefined],
    ]);
    undo();
    const desk = setup({ desktop: { oversized: 'null' } });
    undo = desk.undo;
    await Excel.run(async (ctx) => {
      writeOnes(ctx.workbook.worksheets.getItem(S), 0, 10_000);
      await ctx.sync();
    });
    expect(desk.fake.sheetGrid(S)[9_999]?.[25]).toEqual({ v: '1' });
  });

  test('Range.conditionalFormats lists the rules over the range and gets its count; a rule with a fill is what the cell shows', async () => {
    const s = setup({ formats: { [S]: { E7: { fill: '#FFFF00' } } }, conditionalFormats: { [S]: [{ range: 'E5:E7', fill: '#FFC7CE' }, { type: 'DataBar', range: 'D5:E8' }] } });
    undo = s.undo;
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S);
      const e7 = ws.getRange('E7').conditionalFormats.load('items/type');
      const e8 = ws.getRange('E8').conditionalFormats.getCount();
      const a1 = ws.getRange('A1').conditionalFormats.getCount();
      await ctx.sync();
      expect(e7.items.map((r) => r.type)).toEqual(['CellValue', 'DataBar']);
      expect([e8.value, a1.value]).toEqual([1, 0]);
    });
    // E7's own yellow is under the rule's pink; E8 has only a data bar, which gives no fill.
    expect([s.fake.fillOf(S, 'E7'), s.fake.shownFill(S, 'E7'), s.fake.shownFill(S, 'E8')]).toEqual(['#FFFF00', '#FFC7CE', null]);
    // Two rows inserted above move the rule with its cells: E5:E7 is now E7:E9.
    s.fake.insertRows(s.fake.sheet(S)!, 0, 2);
    expect(['E6', 'E7', 'E9', 'E10'].map((c) => s.fake.shownFill(S, c))).toEqual([null, '#FFC7CE', '#FFC7CE', null]);
    undo();
    const old = setup({ apiSets: { ExcelApi: '1.5' } });
    undo = old.undo;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(S).getRange('E7').conditionalFormats.getCount();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});

describe('fake Excel host: renaming and deleting sheets and tables (insertSheets)', () => {
  let undo: () => void = () => undefined;
  afterEach(() => undo());

  test('a sheet renamed to a name taken in another case fails with ItemAlreadyExists; a rename takes its tables and names along', async () => {
    const s = setup();
    undo = s.undo;
    const names = s.fake.names.filter((n) => n.sheet === 'Thông tin').map((n) => n.name);
    expect(names.length).toBeGreaterThan(0);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Biên chế').name = 'THÔNG TIN';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Biên chế').name = 'Bảng [1]';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Thông tin').name = 'Thông tin (cũ)';
      ctx.workbook.worksheets.getItem('Biên chế').name = 'Biên chế (cũ)';
      await ctx.sync();
    });
    expect(s.fake.tables.find((t) => t.name === 'BienChe')!.sheet).toBe('Biên chế (cũ)');
    expect(s.fake.names.filter((n) => n.sheet === 'Thông tin (cũ)').map((n) => n.name)).toEqual(names);
  });

  test('deleting a sheet takes its tables and leaves its names at #REF!; the last visible sheet and a very hidden one cannot be deleted', async () => {
    const s = setup();
    undo = s.undo;
    expect(s.fake.tables.filter((t) => t.sheet === 'Biên chế').length).toBeGreaterThan(0);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Thông tin').delete();
      ctx.workbook.worksheets.getItem('Biên chế').delete();
      await ctx.sync();
    }).catch((e: unknown) => expect(e).toMatchObject({ code: 'InvalidOperation' }));
    // The batch stopped at the last visible sheet: the first deletion stays done, as in Excel.
    expect(s.fake.sheets.map((x) => x.name)).toEqual(['Biên chế']);
    await Excel.run(async (ctx) => {
      const n = ctx.workbook.names.getItem('DonViBaoCao').load('formula');
      await ctx.sync();
      expect(n.formula).toMatch(/^=#REF!/);
    });
    s.fake.insertModel({ sheets: [{ name: 'Khác', rows: [] }, { name: 'Ẩn', rows: [] }], tables: [], names: [] });
    s.fake.sheet('Ẩn')!.visibility = 'VeryHidden';
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Ẩn').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Biên chế').delete();
      await ctx.sync();
    });
    expect(s.fake.sheets.map((x) => x.name)).toEqual(['Khác', 'Ẩn']);
    expect(s.fake.tables.filter((t) => t.sheet === 'Biên chế')).toEqual([]);
  });

  test('a table renamed to a name another table has fails with ItemAlreadyExists', async () => {
    const s = setup();
    undo = s.undo;
    s.fake.tables.push({ ...s.fake.tables[0]!, name: 'Khac' });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.tables.getItem('Khac').name = s.fake.tables[0]!.name.toUpperCase();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem('Khac').name = 'Khac_cu1';
      await ctx.sync();
    });
    expect(s.fake.tables.map((t) => t.name)).toContain('Khac_cu1');
  });
});

describe('fake Excel host: formulas follow their cells as in Excel', () => {
  let undo: () => void = () => undefined;
  afterEach(() => undo());
  const book = () => ({
    sheets: [
      { name: 'Số liệu', rows: [[{ v: 'a' }], [{ v: 10 }], [{ v: 20 }], [{ v: 30, f: 'SUM(A2:A3)' }]] },
      { name: 'Báo cáo', rows: [[{ v: 30, f: "'Số liệu'!A4" }, { v: 'x "Số liệu!A4"', f: '"x ""Số liệu!A4"""' }, { v: 10, f: "'Số liệu'!$A$2" }]] },
    ],
    tables: [],
    names: [],
  });

  test('renaming a sheet rewrites the formulas that point at it; text that only looks like a reference stays', async () => {
    const fake = new FakeExcel(book());
    undo = installFakeOffice(fake);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Số liệu').name = 'Cũ';
      await ctx.sync();
    });
    expect(fake.sheetGrid('Báo cáo')[0]!.map((c) => c?.f)).toEqual(["'Cũ'!A4", '"x ""Số liệu!A4"""', "'Cũ'!$A$2"]);
  });

  test('deleting a sheet leaves #REF! in the formulas that pointed at it', async () => {
    const fake = new FakeExcel(book());
    undo = installFakeOffice(fake);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Số liệu').delete();
      await ctx.sync();
    });
    expect(fake.sheetGrid('Báo cáo')[0]![0]).toMatchObject({ f: '#REF!', e: '#REF!', v: null });
  });

  test('whole rows inserted: cells, ranges inside and references on other sheets move down; a range grows when rows fall inside it', async () => {
    const fake = new FakeExcel(book());
    undo = installFakeOffice(fake);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Số liệu').getRange('3:4').insert('Down' as Excel.InsertShiftDirection);
      await ctx.sync();
    });
    const data = fake.sheetGrid('Số liệu');
    expect(data.map((r) => r[0]?.v ?? null)).toEqual(['a', 10, null, null, 20, 30]);
    // Rows 3 and 4 went in between A2 and A3: the sum now spans A2:A5, its cell moved to A6.
    expect(data[5]![0]!.f).toBe('SUM(A2:A5)');
    expect(fake.sheetGrid('Báo cáo')[0]!.map((c) => c?.f)).toEqual(["'Số liệu'!A6", '"x ""Số liệu!A4"""', "'Số liệu'!$A$2"]);
  });
});
