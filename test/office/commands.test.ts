import { FakeExcel, installFakeOffice } from '../../src/fake-office/excel';
import { HostError, type ExcelActions } from '../../src/host/actions';
import { CONTRACT_VERSION } from '../../src/core/contract';
import type { Summary } from '../../src/core/findings';
import { HIGHLIGHT_FILLS } from '../../src/excel/highlights';
import { oneTable } from '../excel/fixture';

let undo: () => void = () => undefined;
afterEach(() => undo());

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

async function load() {
  const fake = new FakeExcel(oneTable());
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
    expect(completed).toHaveLength(3);
  });

  test('through the real adapter: highlights the wrong total and reports the errors', async () => {
    const { fake, mod } = await load();
    let done = false;
    const rec = await mod.kiemTraSoLieu({ completed: () => (done = true) });
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
    expect(done).toBe(true);
    expect(rec.message).toMatch(/chỉ dùng trong Excel/);
  });
});
