/**
 * The Excel adapter's parts for the report section: where it offers downloads, how it downloads,
 * the workbook's name for the fill record, and the ribbon command's result read back for the pane.
 */
import { resolveObjectURL } from 'node:buffer';
import { FakeExcel, installFakeOffice } from '../../src/fake-office/excel';
import { createExcelActions, LAST_CHECK_SETTING, workbookFileName } from '../../src/excel/actions';
import { kiemTraSoLieu, LAST_CHECK_KEY } from '../../src/commands/commands';
import { CONTRACT_VERSION } from '../../src/core/contract';
import { summarize, type Finding } from '../../src/core/findings';
import type { CheckReport } from '../../src/core/report';
import type { WorkbookModel } from '../../src/core/model';
import { oneTable } from './fixture';

/** Undone in reverse order after each test: fakes installed over each other come off in turn. */
const undos: (() => void)[] = [];
const fakes: FakeExcel[] = [];
afterEach(() => {
  // The ribbon command waits for its result dialog to be closed: the user closes them.
  for (const f of fakes.splice(0)) for (const d of f.dialogs) if (!d.closed) d.userCloses();
  while (undos.length) undos.pop()!();
});

function host(options: { platform?: string; url?: string; settings?: Record<string, unknown> } = {}) {
  const fake = new FakeExcel(oneTable(), { settings: options.settings });
  fakes.push(fake);
  const ctx = fake.office.context as { platform: string; document: object };
  if (options.platform) ctx.platform = options.platform;
  if (options.url !== undefined) Object.assign(ctx.document, { url: options.url });
  undos.push(installFakeOffice(fake));
  return fake;
}

/** A minimal DOM: the anchors the adapter creates, and their clicks. */
function fakeDocument() {
  const anchors: { href: string; download: string; clicked: boolean; removed: boolean }[] = [];
  const g = globalThis as Record<string, unknown>;
  const before = g.document;
  g.document = {
    createElement: (tag: string) => {
      expect(tag).toBe('a');
      const a = { href: '', download: '', style: {} as Record<string, string>, clicked: false, removed: false, click: () => (a.clicked = true), remove: () => (a.removed = true) };
      anchors.push(a);
      return a;
    },
    body: { appendChild: () => undefined },
  };
  undos.push(() => {
    if (before === undefined) delete g.document;
    else g.document = before;
  });
  return anchors;
}

function reporting(issues: Finding[]) {
  return (m: WorkbookModel): CheckReport => ({
    contract: CONTRACT_VERSION,
    ...(m.fileName ? { file: m.fileName } : {}),
    summary: summarize(issues),
    issues,
    metrics: {},
    data: { unit: null, recipient: null, tables: {} },
  });
}

describe('download', () => {
  test('is offered in Office on the web (the fake, like the playground) and not in desktop webviews', () => {
    fakeDocument();
    host();
    expect(Office.context.platform).toBe('OfficeOnline');
    expect(createExcelActions().download).toBeInstanceOf(Function);
    for (const platform of ['PC', 'Mac', 'iOS']) {
      host({ platform });
      expect(createExcelActions().download).toBeUndefined();
    }
  });

  test('hands the bytes to the browser through a Blob URL and an <a download>, revoked later', async () => {
    jest.useFakeTimers();
    try {
      const anchors = fakeDocument();
      host();
      const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
      await createExcelActions().download!('Báo cáo CCHC - mau-sach.docx', bytes, 'application/x-test');
      expect(anchors).toHaveLength(1);
      const a = anchors[0]!;
      expect(a).toMatchObject({ download: 'Báo cáo CCHC - mau-sach.docx', clicked: true, removed: true });
      const blob = resolveObjectURL(a.href)!;
      expect(blob.type).toBe('application/x-test');
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
      jest.advanceTimersByTime(60_000);
      expect(resolveObjectURL(a.href)).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('workbook name', () => {
  test.each([
    ['C:\\Users\\vanthu\\Documents\\Sổ CCHC quý III.xlsx', 'Sổ CCHC quý III.xlsx'],
    ['/Users/vanthu/Sổ liệu.xlsm', 'Sổ liệu.xlsm'],
    ['https://syt.sharepoint.com/sites/vp/Shared%20Documents/S%E1%BB%95%20CCHC.xlsx', 'Sổ CCHC.xlsx'],
    ['https://syt.sharepoint.com/:x:/r/sites/vp/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D&file=So%20CCHC.xlsx&action=default', 'So CCHC.xlsx'],
    ['https://syt.sharepoint.com/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D', undefined],
    ['Book1', undefined],
    ['', undefined],
  ])('%s → %s', (url, name) => {
    expect(workbookFileName(url)).toBe(name);
  });

  test('the report names the open file when the reader did not', async () => {
    host({ url: 'C:\\So lieu\\mau-sach.xlsx' });
    expect((await createExcelActions({ check: reporting([]) }).check()).file).toBe('mau-sach.xlsx');
    host();
    expect('file' in (await createExcelActions({ check: reporting([]) }).check())).toBe(false);
  });
});

describe('the ribbon command result', () => {
  test('the pane reads the setting the ribbon command writes', async () => {
    expect(LAST_CHECK_SETTING).toBe(LAST_CHECK_KEY);
    const fake = host();
    const actions = createExcelActions({ check: reporting([]) });
    await expect(actions.lastRibbonCheck!()).resolves.toBeNull();

    const issue = (cell: string, severity: Finding['severity']): Finding => ({ code: 'sum_mismatch', severity, sheet: 'Biên chế', cell, message: cell, totalLabel: 'Có mặt', partLabels: [] });
    const rec = await kiemTraSoLieu({ completed: () => undefined }, createExcelActions({ check: reporting([issue('E8', 'error'), issue('E7', 'error'), issue('E6', 'error'), issue('D8', 'warning')]) }));
    expect(fake.savedSettings[LAST_CHECK_KEY]).toBeDefined();
    await expect(actions.lastRibbonCheck!()).resolves.toEqual({ at: rec.at, ok: true, message: '3 lỗi, 1 cảnh báo.' });

    await kiemTraSoLieu({ completed: () => undefined }, createExcelActions({ check: reporting([]) }));
    await expect(actions.lastRibbonCheck!()).resolves.toMatchObject({ ok: true, message: 'không có lỗi, sẵn sàng nộp.' });
  });

  test('a failed ribbon check keeps its own message; a malformed setting is ignored', async () => {
    const failed = { at: '2026-11-22T03:32:00.000Z', ok: false, message: 'Lệnh "Kiểm tra số liệu" chỉ dùng trong Excel, với sổ số liệu CCHC.' };
    host({ settings: { [LAST_CHECK_KEY]: failed } });
    await expect(createExcelActions().lastRibbonCheck!()).resolves.toEqual(failed);
    host({ settings: { [LAST_CHECK_KEY]: { at: 5, message: 'x' } } });
    await expect(createExcelActions().lastRibbonCheck!()).resolves.toBeNull();
  });
});
