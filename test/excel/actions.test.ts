import { FakeExcel, installFakeOffice, type FakeExcelOptions } from '../../src/fake-office/excel';
import { createExcelActions, applyHighlights } from '../../src/excel/actions';
import { HIGHLIGHT_KEY, HIGHLIGHT_FILLS } from '../../src/excel/highlights';
import { HostError } from '../../src/host/actions';
import type { Finding, Severity } from '../../src/core/findings';
import { summarize } from '../../src/core/findings';
import { CONTRACT_VERSION } from '../../src/core/contract';
import type { CheckReport } from '../../src/core/report';
import type { WorkbookModel } from '../../src/core/model';
import { oneTable, sevenTables } from './fixture';

const S = 'Biên chế';

function finding(cell: string, severity: Severity = 'error', sheet = S): Finding {
  return { code: 'sum_mismatch', severity, sheet, cell, message: `Ô ${cell}`, totalLabel: 'Có mặt', partLabels: [] };
}

/** A checker stand-in that reports the given findings, so highlight tests do not wait for the engine. */
function reporting(findings: () => Finding[]) {
  return (m: WorkbookModel): CheckReport => {
    const issues = findings();
    return { contract: CONTRACT_VERSION, file: m.fileName, summary: summarize(issues), issues, metrics: {}, data: { unit: null, recipient: null, tables: {} } };
  };
}

let undo: () => void = () => undefined;
afterEach(() => undo());

function host(model = oneTable(), opts: FakeExcelOptions = {}) {
  const fake = new FakeExcel(model, {
    formats: {
      // E7 has the user's own yellow; E6 a patterned fill; E8 none; D8 explicitly white.
      [S]: { E7: { fill: '#FFFF00' }, E6: { fill: '#C6E0B4', pattern: 'Gray25' }, D8: { fill: '#FFFFFF' } },
    },
    ...opts,
  });
  undo(); // one fake at a time, so afterEach leaves no host behind
  undo = installFakeOffice(fake);
  return fake;
}

const writes = (fake: FakeExcel) => fake.syncLog.filter((s) => s.cellsWritten > 0).length;

describe('Excel adapter: highlights', () => {
  test('check highlights every flagged cell in one write round trip, coloured by severity', async () => {
    // Round trips: structure + record, grids, the new targets' own fills, then one write
    // (record first, then the colours: see src/excel/highlights.ts).
    const fake = host();
    let issues = [finding('E8'), finding('D8', 'warning'), finding('E7', 'info'), finding('E7', 'error'), finding('A1', 'info', 'Thông tin')];
    const actions = createExcelActions({ check: reporting(() => issues) });
    const report = await actions.check();
    expect(report.summary.errors).toBe(2);
    expect(fake.fillOf(S, 'E8')).toBe(HIGHLIGHT_FILLS.error);
    expect(fake.fillOf(S, 'D8')).toBe(HIGHLIGHT_FILLS.warning);
    expect(fake.fillOf(S, 'E7')).toBe(HIGHLIGHT_FILLS.error); // the worse of its two findings
    expect(fake.fillOf('Thông tin', 'A1')).toBe(HIGHLIGHT_FILLS.info);
    expect(fake.roundTrips).toBe(4);
    expect(writes(fake)).toBe(1);
    expect(fake.savedSettings[HIGHLIGHT_KEY]).toBeDefined();

    // The number of round trips does not grow with the number of findings.
    const fake2 = host(sevenTables());
    issues = Array.from({ length: 60 }, (_, i) => finding(`${'ABCDEFG'[i % 7]}${4 + Math.floor(i / 7)}`));
    await createExcelActions({ check: reporting(() => issues) }).check();
    expect(fake2.roundTrips).toBe(4);
    expect(writes(fake2)).toBe(1);
    expect(fake2.syncLog[3]!.cellsWritten).toBe(60);
  });

  test('clear restores exactly (no fill stays no fill, white stays white, patterns come back) and leaves no settings key', async () => {
    const fake = host();
    const before = ['E6', 'E7', 'E8', 'D8'].map((c) => fake.getCellFormat(S, c));
    const actions = createExcelActions({ check: reporting(() => [finding('E6'), finding('E7'), finding('E8'), finding('D8', 'warning')]) });
    await actions.check();
    expect(['E6', 'E7', 'E8', 'D8'].map((c) => fake.fillOf(S, c))).toEqual([HIGHLIGHT_FILLS.error, HIGHLIGHT_FILLS.error, HIGHLIGHT_FILLS.error, HIGHLIGHT_FILLS.warning]);
    fake.resetCounters();
    await actions.clearHighlights();
    expect(['E6', 'E7', 'E8', 'D8'].map((c) => fake.getCellFormat(S, c))).toEqual(before);
    expect(fake.getCellFormat(S, 'E8').fill).toBeUndefined();
    expect(fake.getCellFormat(S, 'D8').fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(fake.getCellFormat(S, 'E6').fill).toEqual({ color: '#C6E0B4', pattern: 'Gray25' });
    // The record (read with the sheets), the marks' anchors, the current fills, then one write.
    expect(fake.roundTrips).toBe(4);
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
    expect(Office.context.document.settings.get(HIGHLIGHT_KEY)).toBeNull();
  });

  test('after the sheet is renamed and rows are inserted above the marks, "Xóa đánh dấu" restores every original fill, at the cells where they now are', async () => {
    const fake = host();
    // Own fills: E6 patterned, E7 the user's yellow, D8 white, E8 none (see host()).
    const before = { E6: fake.getCellFormat(S, 'E6'), E7: fake.getCellFormat(S, 'E7'), D8: fake.getCellFormat(S, 'D8'), E8: fake.getCellFormat(S, 'E8') };
    const actions = createExcelActions({ check: reporting(() => [finding('E6'), finding('E7', 'warning'), finding('D8'), finding('E8', 'info')]) });
    await actions.check();
    // The officer renames the sheet and inserts two rows at row 7 (between E6 and E7).
    fake.renameSheet(fake.sheet(S)!, 'Nhân sự');
    fake.insertRows(fake.sheet('Nhân sự')!, 6, 2);
    expect(fake.fillOf('Nhân sự', 'E9')).toBe(HIGHLIGHT_FILLS.warning); // E7 moved to E9
    await expect(actions.clearHighlights()).resolves.toBe(4);
    expect(fake.getCellFormat('Nhân sự', 'E6')).toEqual(before.E6);
    expect(fake.getCellFormat('Nhân sự', 'E9')).toEqual(before.E7);
    expect(fake.getCellFormat('Nhân sự', 'D10')).toEqual(before.D8);
    expect(fake.getCellFormat('Nhân sự', 'E10')).toEqual(before.E8);
    // Nothing of ours left: no record, no anchor names, no highlight colour anywhere on the sheet.
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
    expect(fake.sheet('Nhân sự')!.names).toEqual([]);
    const ours = new Set(Object.values(HIGHLIGHT_FILLS));
    for (let r = 1; r <= 14; r++) for (const c of 'ABCDEFGH') expect([`${c}${r}`, ours.has(fake.fillOf('Nhân sự', `${c}${r}`) ?? '')]).toEqual([`${c}${r}`, false]);
  });

  test('another deployment of the add-in (its own settings, office-js #840) clears the highlights from the hidden names, own fills included', async () => {
    const fake = host();
    const before = ['E6', 'E7', 'E8', 'D8'].map((c) => fake.getCellFormat(S, c));
    await createExcelActions({ check: reporting(() => [finding('E6'), finding('E7'), finding('E8'), finding('D8', 'warning')]) }).check();
    // Settings belong to one add-in id: the other deployment sees no record.
    delete fake.savedSettings[HIGHLIGHT_KEY];
    fake.insertRows(fake.sheet(S)!, 0, 1); // and the officer inserted a row at the top meanwhile
    await expect(createExcelActions().clearHighlights()).resolves.toBe(4);
    expect(['E7', 'E8', 'E9', 'D9'].map((c) => fake.getCellFormat(S, c))).toEqual(before);
    expect(fake.sheet(S)!.names).toEqual([]);
  });

  test('a mark whose anchor was removed is named by its last address, not silently kept; the others are restored', async () => {
    const fake = host();
    const actions = createExcelActions({ check: reporting(() => [finding('E7'), finding('E8')]) });
    await actions.check();
    const sheet = fake.sheet(S)!;
    expect(sheet.names.map((n) => n.cell).sort()).toEqual(['E7', 'E8']);
    expect(sheet.names.every((n) => n.hidden)).toBe(true);
    sheet.names.splice(sheet.names.findIndex((n) => n.cell === 'E8'), 1); // removed in the Name Manager
    const err = await actions.clearHighlights().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toMatch(/^Đã trả lại màu cũ cho 1 ô\. Không tìm thấy 1 ô tô màu từ lần kiểm tra trước \(lần cuối ở Biên chế!E8\)/);
    expect(fake.getCellFormat(S, 'E7').fill).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });

  test("a user's change to a highlighted cell survives clear", async () => {
    const fake = host();
    const actions = createExcelActions({ check: reporting(() => [finding('E8'), finding('D8')]) });
    await actions.check();
    fake.setCellFormat(S, 'E8', { fill: '#00B050' });
    await actions.clearHighlights();
    expect(fake.fillOf(S, 'E8')).toBe('#00B050');
    expect(fake.getCellFormat(S, 'D8').fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
  });

  test('a re-check restores the old highlights before applying new ones', async () => {
    const fake = host();
    let issues = [finding('E8'), finding('E7')];
    const actions = createExcelActions({ check: reporting(() => issues) });
    await actions.check();
    issues = [finding('E7', 'warning'), finding('D8')];
    fake.resetCounters();
    await actions.check();
    // E7's own fill is in the record; only D8's is read: 2 reads (anchors with the grids) + the
    // marked cells' fills + D8's own fill + 1 write.
    expect(fake.roundTrips).toBe(5);
    expect(writes(fake)).toBe(1);
    expect(fake.fillOf(S, 'E8')).toBeNull(); // fixed since: back to no fill
    expect(fake.fillOf(S, 'E7')).toBe(HIGHLIGHT_FILLS.warning);
    expect(fake.fillOf(S, 'D8')).toBe(HIGHLIGHT_FILLS.error);
    // The saved "own" formats are the real ones, not the previous highlight.
    await actions.clearHighlights();
    expect(fake.fillOf(S, 'E7')).toBe('#FFFF00');
    expect(fake.getCellFormat(S, 'D8').fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);

    // Nothing left to find: the highlights go and the record with them.
    issues = [finding('E8')];
    await actions.check();
    issues = [];
    await actions.check();
    expect(fake.fillOf(S, 'E8')).toBeNull();
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });

  test('a flagged cell under a conditional format with a fill is named to the officer; the rules are left as they were', async () => {
    // E6:E8 has a rule with a pink fill (it covers the highlight when met); D5:D8 only data bars.
    const fake = host(oneTable(), { conditionalFormats: { [S]: [{ range: 'E6:E8', fill: '#FFC7CE' }, { type: 'DataBar', range: 'D5:D8' }] } });
    const rules = fake.conditionalFormatsOf(S);
    const actions = createExcelActions({ check: reporting(() => [finding('E7'), finding('D8', 'warning'), finding('B5', 'info')]) });
    const report = await actions.check();
    expect(report.highlightNotice).toBe(
      '1 ô có vấn đề nằm trong vùng có định dạng có điều kiện (Biên chế!E7): khi quy tắc của vùng đó thỏa, màu của quy tắc che màu tô của Trợ lý nên ô có thể không hiện màu hồng, vàng hay xanh nhạt. Các quy tắc định dạng có điều kiện của sổ được giữ nguyên; các ô này vẫn có trong danh sách bên dưới, bấm vào từng lỗi để đến ô đó.',
    );
    // E7 carries the highlight, but the officer sees the rule's pink; D8 shows its highlight.
    expect([fake.fillOf(S, 'E7'), fake.shownFill(S, 'E7'), fake.shownFill(S, 'D8')]).toEqual([HIGHLIGHT_FILLS.error, '#FFC7CE', HIGHLIGHT_FILLS.warning]);
    // The rules were read with the own fills: still one read and one write after the workbook.
    expect(fake.roundTrips).toBe(4);
    expect(fake.conditionalFormatsOf(S)).toEqual(rules);
    await actions.clearHighlights();
    expect(fake.getCellFormat(S, 'E7').fill).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    expect(fake.conditionalFormatsOf(S)).toEqual(rules);
  });

  test("highlights recorded by the first version (v1 record) are still taken back exactly", async () => {
    const v1 = { v: 1, sheets: { [S]: [['E8', HIGHLIGHT_FILLS.error, '#FFFFFF', 'None'], ['D8', HIGHLIGHT_FILLS.warning, '#FFFFFF', 'Solid'], ['E6', HIGHLIGHT_FILLS.error, '#C6E0B4', 'Gray25']] } };
    const fake = host(oneTable(), {
      settings: { [HIGHLIGHT_KEY]: v1 },
      formats: { [S]: { E8: { fill: HIGHLIGHT_FILLS.error }, D8: { fill: HIGHLIGHT_FILLS.warning }, E6: { fill: HIGHLIGHT_FILLS.error }, E7: { fill: '#FFFF00' } } },
    });
    await createExcelActions().clearHighlights();
    expect(fake.getCellFormat(S, 'E8').fill).toBeUndefined();
    expect(fake.getCellFormat(S, 'D8').fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(fake.getCellFormat(S, 'E6').fill).toEqual({ color: '#C6E0B4', pattern: 'Gray25' });
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });

  test('applyHighlights works on findings directly and survives a deleted sheet', async () => {
    const fake = host(sevenTables());
    await applyHighlights([finding('E8'), finding('B3', 'warning', 'TTHC')]);
    expect(fake.fillOf('TTHC', 'B3')).toBe(HIGHLIGHT_FILLS.warning);
    expect(writes(fake)).toBe(1);
    fake.sheets.splice(fake.sheets.findIndex((s) => s.name === 'TTHC'), 1);
    await createExcelActions().clearHighlights();
    expect(fake.fillOf(S, 'E8')).toBeNull();
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });

  test('without ExcelApi 1.9 the check still reports, without touching formats', async () => {
    const fake = host(oneTable(), { apiSets: { ExcelApi: '1.8' } });
    const report = await createExcelActions({ check: reporting(() => [finding('E8')]) }).check();
    expect(report.issues).toHaveLength(1);
    expect(fake.fillOf(S, 'E8')).toBeNull();
    expect(writes(fake)).toBe(0);
  });

  // Passes once src/core/check.ts finds sum mismatches: the BienChe totals row states 4.876 "Có mặt"
  // while the rows sum to 4.870, so E8 must be highlighted as an error.
  test('ENGINE: check() through the real checker highlights the wrong BienChe total (E8)', async () => {
    const fake = host();
    const report = await createExcelActions().check();
    const e8 = report.issues.find((f) => f.sheet === S && f.cell === 'E8');
    expect(e8).toMatchObject({ severity: 'error', expected: 4870, actual: 4876 });
    expect(fake.fillOf(S, 'E8')).toBe(HIGHLIGHT_FILLS.error);
  });
});

describe('Excel adapter: other actions and host failures', () => {
  test('select activates the sheet and selects the cell in one round trip', async () => {
    const fake = host(sevenTables());
    await createExcelActions().select('TTHC', 'M5');
    expect(fake.snapshot()).toMatchObject({ activeSheet: 'TTHC', selection: { sheet: 'TTHC', cell: 'M5' } });
    expect(fake.roundTrips).toBe(1);
  });

  test('Office errors become HostError with a Vietnamese message', async () => {
    const fake = host();
    fake.failNextSync('GeneralException');
    const err = await createExcelActions().check().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toMatch(/^Excel báo lỗi khi đọc sổ \(mã lỗi: GeneralException\)/);

    const missing = await createExcelActions().select('Không có', 'A1').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HostError);
    expect((missing as HostError).message).toMatch(/Không tìm thấy trang tính/);

    fake.failNextSync('InvalidOperationInCellEditMode');
    const editing = await createExcelActions().clearHighlights().then(() => createExcelActions({ check: reporting(() => [finding('E8')]) }).check()).catch((e: unknown) => e);
    expect((editing as HostError).message).toMatch(/chế độ sửa ô/);
  });

  test('without Excel there is a clear HostError, not a TypeError', async () => {
    const err = await createExcelActions().check().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).kind).toBe('no_workbook');
  });

  test('insertTemplate exists only from ExcelApi 1.13 and inserts only the missing standard sheets', async () => {
    host(oneTable(), { apiSets: { ExcelApi: '1.12' } });
    expect(createExcelActions().insertTemplate).toBeUndefined();
    undo();

    const template = sevenTables();
    const fake = host(oneTable(), { decodeWorkbook: (b64) => (Buffer.from(b64, 'base64').toString() === 'XLSX' ? template : { sheets: [], tables: [], names: [] }) });
    const actions = createExcelActions({ fetchTemplate: async () => new TextEncoder().encode('XLSX').buffer as ArrayBuffer });
    await actions.insertTemplate!();
    expect(fake.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Biên chế', 'TTHC', 'Hài lòng']);
    expect(fake.tables.map((t) => t.name).sort()).toEqual(['BienChe', 'DanhMucTTHC', 'KetQuaGiaiQuyet', 'KhaoSatHaiLong', 'PhanAnhKienNghi']);
    await expect(actions.insertTemplate!()).rejects.toThrow(/đã có đủ/);
  });

  test('insertTemplate takes a standard sheet named in another case for the sheet itself (Excel compares names ignoring case)', async () => {
    const own = oneTable();
    const lower = (n: string) => n.toLocaleLowerCase('vi');
    own.sheets.forEach((x) => (x.name = lower(x.name)));
    own.tables.forEach((t) => (t.sheet = lower(t.sheet)));
    own.names.forEach((n) => (n.sheet = lower(n.sheet)));
    const before = own.sheets.map((x) => x.name);
    const template = sevenTables();
    const fake = host(own, { decodeWorkbook: () => template });
    const actions = createExcelActions({ fetchTemplate: async () => new TextEncoder().encode('XLSX').buffer as ArrayBuffer });
    await actions.insertTemplate!();
    const names = fake.sheets.map((x) => x.name);
    // No "TTHC (2)": the officer's lower-case sheets are kept and not inserted again.
    expect(names.filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
    expect(names.slice(0, before.length)).toEqual(before);
    expect(new Set(names.map(lower)).size).toBe(names.length);
  });

  test('insertTemplate brings the hidden lists sheet and repoints the names Excel left at #REF! (office-js #3583)', async () => {
    const own = oneTable();
    own.sheets = own.sheets.filter((x) => x.name === S);
    own.names = [];
    const template = sevenTables();
    template.sheets.push({ name: 'Danh mục', rows: [[{ v: 'Kỳ báo cáo' }], [{ v: 'Quý I' }]] });
    // The contract's label, as the real template writes it (the fixture abbreviates it).
    template.sheets.find((x) => x.name === 'Thông tin')!.rows[4]![1] = { v: 'Đơn vị nhận báo cáo' };
    const expected = template.names.map((n) => ({ ...n }));
    const fake = host(own, { insertBreaksNames: true, decodeWorkbook: () => template });
    const actions = createExcelActions({ fetchTemplate: async () => new TextEncoder().encode('XLSX').buffer as ArrayBuffer });
    await actions.insertTemplate!();
    expect(fake.sheets.map((x) => x.name)).toContain('Danh mục');
    expect(fake.brokenNames.size).toBe(0);
    // Every name points where the template had it: the cell right of its label on "Thông tin".
    expect(fake.names.map((n) => ({ name: n.name, sheet: n.sheet, cell: n.cell })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.map((n) => ({ name: n.name, sheet: n.sheet, cell: n.cell })).sort((a, b) => a.name.localeCompare(b.name)),
    );

    // Without the repair the names would read "=#REF!…": the fake does break them.
    const broken = host(own, { insertBreaksNames: true, decodeWorkbook: () => template });
    broken.insertModel(template, ['Thông tin']);
    expect(broken.brokenNames.size).toBe(expected.length);
  });

  test('a GeneralException from Excel on the web while inserting gets its own message (office-js #6142)', async () => {
    const own = oneTable();
    own.sheets = own.sheets.filter((x) => x.name === S);
    const fake = host(own, { decodeWorkbook: () => sevenTables() });
    const actions = createExcelActions({ fetchTemplate: async () => new TextEncoder().encode('XLSX').buffer as ArrayBuffer });
    fake.pendingFailures.push(null);
    fake.failNextSync('GeneralException', 'There was an internal error while processing the request.');
    await expect(actions.insertTemplate!()).rejects.toThrow(/chép các trang tính/);
  });

  test('copyText uses the clipboard', async () => {
    const written: string[] = [];
    const nav = globalThis.navigator;
    Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { writeText: async (t: string) => void written.push(t) } }, configurable: true });
    try {
      await createExcelActions().copyText('Tỷ lệ đúng hạn 99,94%');
    } finally {
      Object.defineProperty(globalThis, 'navigator', { value: nav, configurable: true });
    }
    expect(written).toEqual(['Tỷ lệ đúng hạn 99,94%']);
  });
});
