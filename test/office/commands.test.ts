import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import * as acorn from 'acorn';
import { FakeExcel, installFakeOffice, type FakeExcelOptions } from '../../src/fake-office/excel';
import { HostError, type ExcelActions } from '../../src/host/actions';
import { CONTRACT_VERSION } from '../../src/core/contract';
import type { Summary } from '../../src/core/findings';
import { HIGHLIGHT_FILLS } from '../../src/excel/highlights';
import { oneTable } from '../excel/fixture';

let undo: () => void = () => undefined;
let current: FakeExcel | undefined;
afterEach(() => {
  // The user closes whatever dialog is still open, so no command waits past its test.
  for (const d of current?.dialogs ?? []) if (!d.closed) d.userCloses();
  undo();
});

/** The text the result dialog shows (from its URL fragment), and whether it is a success. */
function dialogText(fake: FakeExcel, i = fake.dialogs.length - 1): { ok: boolean; text: string } {
  const url = new URL(fake.dialogs[i]!.url);
  expect(url.pathname).toBe('/dialog.html');
  const [kind, ...rest] = decodeURIComponent(url.hash.slice(1)).split('\n');
  return { ok: kind === 'ok', text: rest.join('\n') };
}

/** Lets the dialog callbacks run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

function stub(summary: Summary | Error): ExcelActions {
  return {
    host: 'excel',
    check: async () => {
      if (summary instanceof Error) throw summary;
      return { contract: CONTRACT_VERSION, summary, issues: [], metrics: {}, data: { unit: null, recipient: null, tables: {} } };
    },
    clearHighlights: async () => undefined,
    select: async () => undefined,
    copyText: async () => undefined,
  };
}

async function load(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(oneTable(), options);
  current = fake;
  undo = installFakeOffice(fake);
  const mod = await import('../../src/commands/commands');
  return { fake, mod };
}

describe('ribbon command kiemTraSoLieu', () => {
  test('registers itself with Office.actions.associate once Office is ready', async () => {
    const { fake, mod } = await load();
    await mod.registerCommands();
    expect(fake.actions.has('kiemTraSoLieu')).toBe(true);
  });

  test('messages', async () => {
    const { mod } = await load();
    expect(mod.summaryMessage({ errors: 3, warnings: 2, infos: 1 })).toBe('Đã kiểm tra: 3 lỗi, 2 cảnh báo. Mở Trợ lý báo cáo để xem chi tiết.');
    expect(mod.summaryMessage({ errors: 1, warnings: 0, infos: 0 })).toBe('Đã kiểm tra: 1 lỗi. Mở Trợ lý báo cáo để xem chi tiết.');
    expect(mod.summaryMessage({ errors: 0, warnings: 0, infos: 4 })).toBe('Sẵn sàng nộp: không có lỗi.');
    expect(mod.summaryMessage({ errors: 0, warnings: 2, infos: 0 })).toMatch(/^Sẵn sàng nộp: không có lỗi \(2 cảnh báo/);
  });

  test('records the result in the document and always completes the event', async () => {
    const { fake, mod } = await load();
    const completed: number[] = [];
    const ev = { completed: () => completed.push(1) };
    await mod.kiemTraSoLieu(ev, stub({ errors: 3, warnings: 2, infos: 0 }));
    expect((fake.savedSettings[mod.LAST_CHECK_KEY] as { message: string }).message).toBe('Đã kiểm tra: 3 lỗi, 2 cảnh báo. Mở Trợ lý báo cáo để xem chi tiết.');
    const rec = await mod.kiemTraSoLieu(ev, stub(new HostError('Excel đang ở chế độ sửa ô.')));
    expect(rec).toMatchObject({ ok: false, message: 'Excel đang ở chế độ sửa ô.' });
    await mod.kiemTraSoLieu(ev, stub(new TypeError('bug')));
    expect((fake.savedSettings[mod.LAST_CHECK_KEY] as { message: string }).message).toMatch(/^Không kiểm tra được sổ/);
    await settle();
    // Each run showed its dialog; the command completes when the user closes it.
    expect(fake.dialogs).toHaveLength(3);
    expect(completed).toHaveLength(0);
    for (const d of fake.dialogs) d.userCloses();
    await settle();
    expect(completed).toHaveLength(3);
  });

  test('a check Excel never answers ends with a message and completes the event', async () => {
    const { fake, mod } = await load();
    let done = false;
    const hung: ExcelActions = { ...stub({ errors: 0, warnings: 0, infos: 0 }), check: () => new Promise(() => undefined) };
    const rec = await mod.kiemTraSoLieu({ completed: () => (done = true) }, hung, 20);
    expect(rec).toMatchObject({ ok: false, message: mod.CHECK_TIMEOUT_MESSAGE });
    expect((fake.savedSettings[mod.LAST_CHECK_KEY] as { message: string }).message).toBe(mod.CHECK_TIMEOUT_MESSAGE);
    await settle();
    expect(dialogText(fake)).toEqual({ ok: false, text: mod.CHECK_TIMEOUT_MESSAGE });
    fake.dialogs[0]!.userCloses();
    await settle();
    expect(done).toBe(true);
  });

  test('a clean workbook and a failure both show a dialog with the result', async () => {
    const { fake, mod } = await load();
    await mod.kiemTraSoLieu({ completed: () => undefined }, stub({ errors: 0, warnings: 0, infos: 2 }));
    await settle();
    expect(dialogText(fake)).toEqual({ ok: true, text: 'Sẵn sàng nộp: không có lỗi.' });
    await mod.kiemTraSoLieu({ completed: () => undefined }, stub(new HostError('Excel đang ở chế độ sửa ô.')));
    await settle();
    expect(dialogText(fake)).toEqual({ ok: false, text: 'Excel đang ở chế độ sửa ô.' });
  });

  test('without ExcelApi 1.9 the findings still come, and the dialog says why nothing is coloured', async () => {
    const { fake, mod } = await load({ apiSets: { ExcelApi: '1.8', DialogApi: '1.1' } });
    const rec = await mod.kiemTraSoLieu({ completed: () => undefined });
    await settle();
    expect(rec.summary!.errors).toBeGreaterThan(0);
    expect(fake.fillOf('Biên chế', 'E8')).toBeNull();
    const shown = dialogText(fake);
    expect(shown.text).toMatch(/^Đã kiểm tra: \d+ lỗi/);
    expect(shown.text).toMatch(/chưa tô màu được/);
  });

  test('without the dialog API the command completes at once and the pane still gets the result', async () => {
    const { fake, mod } = await load({ apiSets: { ExcelApi: '1.17' } });
    let done = false;
    await mod.kiemTraSoLieu({ completed: () => (done = true) }, stub({ errors: 1, warnings: 0, infos: 0 }));
    await settle();
    expect(fake.dialogs).toHaveLength(0);
    expect(done).toBe(true);
    expect(fake.savedSettings[mod.LAST_CHECK_KEY]).toMatchObject({ ok: true, summary: { errors: 1 } });
  });

  test('through the real adapter: highlights the wrong total and reports the errors', async () => {
    const { fake, mod } = await load();
    let done = false;
    const rec = await mod.kiemTraSoLieu({ completed: () => (done = true) });
    await settle();
    fake.dialogs[0]!.userCloses();
    await settle();
    expect(done).toBe(true);
    expect(rec.ok).toBe(true);
    expect(rec.summary!.errors).toBeGreaterThan(0);
    expect(rec.message).toMatch(/^Đã kiểm tra: \d+ lỗi/);
    expect(fake.fillOf('Biên chế', 'E8')).toBe(HIGHLIGHT_FILLS.error);
  });

  test('in Word it says the command is for Excel', async () => {
    const { fake, mod } = await load();
    fake.office.context.host = 'Word';
    let done = false;
    const rec = await mod.kiemTraSoLieu({ completed: () => (done = true) });
    await settle();
    fake.dialogs[0]?.userCloses();
    await settle();
    expect(done).toBe(true);
    expect(rec.message).toMatch(/chỉ dùng trong Excel/);
  });
});

describe('the result dialog page', () => {
  const html = readFileSync(path.join(__dirname, '../../src/commands/dialog.html'), 'utf8');
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;

  /** Runs the page's script on a minimal document and returns what it shows. */
  function render(hash: string): { className: string; text: string } {
    const nodes: Record<string, string[]> = { title: [], text: [] };
    const body = { className: '' };
    const document = {
      body,
      getElementById: (id: string) => ({ appendChild: (n: { text: string }) => nodes[id]!.push(n.text) }),
      createTextNode: (text: string) => ({ text }),
    };
    runInNewContext(script, { window: { location: { hash } }, document });
    return { className: body.className, text: nodes.text!.join('') };
  }

  test('its script is ES5, for any webview Office may use', () => {
    expect(() => acorn.parse(script, { ecmaVersion: 5 })).not.toThrow();
    expect(() => acorn.parse('(() => 1)()', { ecmaVersion: 5 })).toThrow(); // the parse does reject newer syntax
  });

  test('shows exactly what the ribbon command put in the address', async () => {
    const { fake, mod } = await load();
    await mod.kiemTraSoLieu({ completed: () => undefined }, stub({ errors: 2, warnings: 1, infos: 0 }));
    await settle();
    const shown = render(new URL(fake.dialogs[0]!.url).hash);
    expect(shown).toEqual({ className: 'loi', text: 'Đã kiểm tra: 2 lỗi, 1 cảnh báo. Mở Trợ lý báo cáo để xem chi tiết.' });
    expect(render('#ok%0ASẵn sàng nộp')).toEqual({ className: 'ok', text: 'Sẵn sàng nộp' });
    expect(render('#%E0%A4%A')).toEqual({ className: 'loi', text: 'Không có kết quả để hiển thị.' });
  });
});
