/**
 * Scenarios on the stricter fake host (issue 9): the add-in's own adapter and ribbon command, run
 * as the real hosts run them: the pane and the ribbon command in two runtimes with their own
 * settings copies, fills reported as real Excel reports them, protected sheets and read-only
 * documents refusing writes, desktop Excel returning null for oversized reads.
 */
import { FakeExcel, installFakeOffice, type CellFormat, type FakeExcelOptions } from '../../src/fake-office/excel';
import { createExcelActions } from '../../src/excel/actions';
import { HIGHLIGHT_FILLS, HIGHLIGHT_KEY } from '../../src/excel/highlights';
import { readWorkbook } from '../../src/excel/read';
import type { Finding, Severity } from '../../src/core/findings';
import { summarize } from '../../src/core/findings';
import { CONTRACT_VERSION } from '../../src/core/contract';
import type { CheckReport } from '../../src/core/report';
import type { WorkbookModel } from '../../src/core/model';
import { colToLetters } from '../../src/core/model';
import { oneTable } from './fixture';

const S = 'Biên chế';
const INFO = 'Thông tin';

function finding(cell: string, severity: Severity = 'error', sheet = S): Finding {
  return { code: 'sum_mismatch', severity, sheet, cell, message: `Ô ${cell}`, totalLabel: 'Có mặt', partLabels: [] };
}

function reporting(findings: () => Finding[]) {
  return (m: WorkbookModel): CheckReport => {
    const issues = findings();
    return { contract: CONTRACT_VERSION, file: m.fileName, summary: summarize(issues), issues, metrics: {}, data: { unit: null, recipient: null, tables: {} } };
  };
}

/** The officer's own fills: none, white, yellow, a pattern, a theme colour with its tint. */
const OWN: FakeExcelOptions['formats'] = {
  [S]: {
    D8: { fill: '#FFFFFF' },
    E7: { fill: '#FFFF00' },
    E6: { fill: '#C6E0B4', pattern: 'Gray25' },
    C6: { fill: '#4472C4', tint: 0.7999816888943144 },
    F6: { fill: '#ED7D31', tint: -0.249977111117893 },
  },
};

let undo: () => void = () => undefined;
afterEach(() => undo());

function install(fake: FakeExcel, office = fake.office): void {
  undo();
  undo = installFakeOffice(fake, office);
}

/** Every format of the first rows and columns, to compare before and after. */
function formats(fake: FakeExcel, sheet: string): Record<string, CellFormat> {
  const out: Record<string, CellFormat> = {};
  for (let r = 1; r <= 12; r++) for (let c = 0; c < 8; c++) out[`${colToLetters(c)}${r}`] = fake.getCellFormat(sheet, `${colToLetters(c)}${r}`);
  return out;
}

/** Cells that show one of our highlight colours but are not in the stored record. */
function unrecorded(fake: FakeExcel): string[] {
  // The record keys sheets by Worksheet.id, each with its name and marks [cell, fill, own, anchor].
  const rec = fake.savedSettings[HIGHLIGHT_KEY] as { sheets?: Record<string, { name: string; marks: unknown[][] }> } | undefined;
  const recorded = new Set<string>();
  for (const { name, marks } of Object.values(rec?.sheets ?? {})) for (const row of marks) recorded.add(`${name}!${String(row[0])}`);
  const ours = new Set(Object.values(HIGHLIGHT_FILLS));
  const out: string[] = [];
  for (const sheet of [S, INFO]) {
    for (const [cell, f] of Object.entries(formats(fake, sheet))) {
      if (f.fill && ours.has(f.fill.color) && !f.fill.tintAndShade && !recorded.has(`${sheet}!${cell}`)) out.push(`${sheet}!${cell}`);
    }
  }
  return out;
}

/** Runs the ribbon command in its own runtime and closes whatever dialog it shows. */
async function ribbonCheck(fake: FakeExcel, ribbon: FakeExcel['office'], findings: Finding[]) {
  install(fake, ribbon);
  const { kiemTraSoLieu } = await import('../../src/commands/commands');
  const shown = fake.dialogs.length;
  let done = false;
  const result = kiemTraSoLieu({ completed: () => (done = true) }, createExcelActions({ check: reporting(() => findings) }));
  for (let i = 0; i < 200 && !done && fake.dialogs.length === shown; i++) await new Promise((r) => setTimeout(r, 0));
  fake.dialogs[shown]?.userCloses();
  const rec = await result;
  expect(done).toBe(true);
  return rec;
}

describe('scenario: ribbon check, then pane check, then clear', () => {
  test('every original fill comes back exactly, though each runtime had its own settings copy', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN });
    const before = { [S]: formats(fake, S), [INFO]: formats(fake, INFO) };
    // The pane was opened first: its settings copy is taken now, before the ribbon ran.
    const pane = fake.office;
    const ribbon = fake.runtime('ribbon');

    await ribbonCheck(fake, ribbon, [finding('E8'), finding('D8', 'warning'), finding('E7'), finding('C6'), finding('E6', 'info'), finding('F6')]);
    expect(fake.fillOf(S, 'C6')).toBe(HIGHLIGHT_FILLS.error);
    expect(unrecorded(fake)).toEqual([]);

    install(fake, pane);
    const actions = createExcelActions({ check: reporting(() => [finding('E8', 'warning'), finding('A3', 'info', INFO), finding('D8'), finding('E5')]) });
    // The pane's settings copy predates the ribbon's run; it still sees the ribbon's result.
    expect(pane.context.document.settings.get('cchc.lastCheck')).toBeNull();
    await expect(actions.lastRibbonCheck!()).resolves.toMatchObject({ ok: true, message: '4 lỗi, 1 cảnh báo.' });
    const report = await actions.check();
    expect(report.issues).toHaveLength(4);
    expect(fake.fillOf(S, 'E8')).toBe(HIGHLIGHT_FILLS.warning);
    expect(fake.fillOf(S, 'C6')).toBe('#4472C4'); // the ribbon's highlight was taken back, tint and all
    expect(fake.getCellFormat(S, 'C6')).toEqual(before[S]!.C6);
    expect(unrecorded(fake)).toEqual([]);

    // A pane opened before both checks still clears everything: the record lives in the workbook.
    await actions.clearHighlights();
    expect({ [S]: formats(fake, S), [INFO]: formats(fake, INFO) }).toEqual(before);
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });

  test('the pane check first, then the ribbon, then clear from the pane: same result', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN });
    const before = formats(fake, S);
    const pane = fake.office;
    install(fake, pane);
    const actions = createExcelActions({ check: reporting(() => [finding('E7'), finding('D8')]) });
    await actions.check();
    await ribbonCheck(fake, fake.runtime('ribbon'), [finding('E6'), finding('C6', 'warning')]);
    expect(fake.fillOf(S, 'E7')).toBe('#FFFF00');
    install(fake, pane);
    await actions.clearHighlights();
    expect(formats(fake, S)).toEqual(before);
  });
});

describe('scenario: a protected sheet', () => {
  test('findings are all returned, a notice says why, nothing is coloured without a record', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN, protectedSheets: [S] });
    install(fake);
    const before = formats(fake, S);
    const report = await createExcelActions({ check: reporting(() => [finding('E8'), finding('D8'), finding('A3', 'warning', INFO)]) }).check();
    expect(report.issues.map((f) => f.cell)).toEqual(['E8', 'D8', 'A3']);
    expect(report.highlightNotice).toMatch(/bảo vệ/);
    expect(report.highlightNotice).toContain(S);
    expect(formats(fake, S)).toEqual(before);
    expect(fake.fillOf(INFO, 'A3')).toBe(HIGHLIGHT_FILLS.warning);
    expect(unrecorded(fake)).toEqual([]);
  });

  test('highlights made before the sheet was protected stay recorded and are cleared once it is unprotected', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN });
    install(fake);
    const before = formats(fake, S);
    let issues = [finding('E8'), finding('E7')];
    const actions = createExcelActions({ check: reporting(() => issues) });
    await actions.check();
    fake.setProtected(S, true);
    issues = [finding('D8')];
    const report = await actions.check();
    expect(report.highlightNotice).toMatch(/bảo vệ/);
    expect(fake.fillOf(S, 'E8')).toBe(HIGHLIGHT_FILLS.error); // could not be taken back yet
    expect(unrecorded(fake)).toEqual([]);
    await expect(actions.clearHighlights()).rejects.toThrow(/bảo vệ/);
    fake.setProtected(S, false);
    await actions.clearHighlights();
    expect(formats(fake, S)).toEqual(before);
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });

  test('a round trip refused while colouring still returns the findings, with a notice', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN });
    install(fake);
    const actions = createExcelActions({ check: reporting(() => [finding('E8'), finding('D8')]) });
    // The structure and grid reads pass; the read of the cells' own fills is refused.
    fake.pendingFailures.push(null, null);
    fake.failNextSync('AccessDenied', 'You cannot perform the requested operation.');
    const report = await actions.check();
    expect(report.issues).toHaveLength(2);
    expect(report.highlightNotice).toMatch(/^Không tô màu được/);
    expect(unrecorded(fake)).toEqual([]);
  });
});

describe('scenario: a writing batch the host stops part-way', () => {
  test('the cells coloured before the failure are all in the record written before them', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN });
    install(fake);
    const before = formats(fake, INFO);
    // A co-author protects "Biên chế" between the reads and the writing batch: the batch colours
    // the cells of "Thông tin", then stops at the first cell of "Biên chế" (Office applies a batch
    // in order up to the failing operation; it is not a transaction).
    let protectedNow = false;
    const stop = fake.subscribe(() => {
      if (fake.syncLog.length !== 3 || protectedNow) return;
      protectedNow = true;
      fake.setProtected(S, true);
    });
    const issues = [finding('A3', 'warning', INFO), finding('B4', 'warning', INFO), finding('E8'), finding('D8')];
    const actions = createExcelActions({ check: reporting(() => issues) });
    const report = await actions.check();
    stop();
    expect(report.issues).toHaveLength(4);
    expect(report.highlightNotice).toMatch(/^Không tô màu được/);
    expect(fake.syncLog.at(-1)!.failed).toBe('AccessDenied');
    expect([fake.fillOf(INFO, 'A3'), fake.fillOf(INFO, 'B4')]).toEqual([HIGHLIGHT_FILLS.warning, HIGHLIGHT_FILLS.warning]); // stopped part-way…
    expect(fake.fillOf(S, 'E8')).toBeNull();
    expect(unrecorded(fake)).toEqual([]); // …with every coloured cell in the record

    fake.setProtected(S, false);
    await actions.clearHighlights();
    expect(formats(fake, INFO)).toEqual(before);
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });
});

describe('scenario: a read-only workbook', () => {
  test('findings and a notice, no write attempted, no record', async () => {
    const fake = new FakeExcel(oneTable(), { formats: OWN, readOnly: true });
    install(fake);
    const before = formats(fake, S);
    const report = await createExcelActions({ check: reporting(() => [finding('E8'), finding('D8')]) }).check();
    expect(report.issues).toHaveLength(2);
    expect(report.highlightNotice).toMatch(/chỉ đọc/);
    expect(formats(fake, S)).toEqual(before);
    expect(fake.syncLog.every((s) => s.cellsWritten === 0 && !s.failed)).toBe(true);
    expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  });
});

describe('scenario: an oversized used range on desktop Excel', () => {
  /** A stray value far below the table stretches the used range past the read limit. */
  function stretched(): WorkbookModel {
    const m = oneTable();
    const rows = m.sheets.find((s) => s.name === S)!.rows;
    rows[1999] = [];
    rows[1999]![7] = { v: 'x' };
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return m;
  }

  test.each(['null', 'error'] as const)('desktop answering %s: the workbook is still read whole, in blocks', async (oversized) => {
    const web = new FakeExcel(stretched());
    install(web);
    const expected = await Excel.run((ctx) => readWorkbook(ctx));

    const fake = new FakeExcel(stretched(), { desktop: { oversized, maxReadCells: 4000 } });
    install(fake);
    const model = await Excel.run((ctx) => readWorkbook(ctx));
    expect(model).toEqual(expected);
    expect(model.sheets.find((s) => s.name === S)!.rows[1999]![7]).toEqual({ v: 'x' });
    // No read above the limit succeeded; the fallback's blocks stayed under it.
    expect(fake.syncLog.every((s) => s.cellsRead <= 4000 || s.failed)).toBe(true);
  });

  test('the check through the real adapter reports the findings on desktop', async () => {
    const fake = new FakeExcel(stretched(), { desktop: { oversized: 'null', maxReadCells: 4000 } });
    install(fake);
    const report = await createExcelActions().check();
    expect(report.issues.find((f) => f.sheet === S && f.cell === 'E8')).toMatchObject({ expected: 4870, actual: 4876 });
    expect(fake.fillOf(S, 'E8')).toBe(HIGHLIGHT_FILLS.error);
  });
});
