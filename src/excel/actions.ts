/**
 * ExcelActions on Office.js. Round trips per action (measured on the fake host in test/excel):
 * check = 2 reads + 1 highlight write (only when there is anything to restore or highlight);
 * clearHighlights = 1 read + 1 write; select = 1; insertTemplate = 2.
 */
import { checkWorkbook } from '../core/check';
import type { Finding } from '../core/findings';
import type { WorkbookModel } from '../core/model';
import type { CheckReport } from '../core/report';
import { copyToClipboard } from '../taskpane/clipboard';
import { HostError, type ExcelActions } from '../taskpane/actions';
import { toHostError, type Doing } from './errors';
import { highlightTargets, loadMarks, queueCurrentFills, queueHighlights, queueRestore, storeMarks, type PendingRead } from './highlights';
import { readWorkbook, CONTRACT_SHEETS } from './read';

export const TEMPLATE_PATH = 'assets/templates/mau-chuan-cchc.xlsx';

export interface ExcelAdapterOptions {
  /** The checker; the real engine by default (tests pass a stand-in returning set findings). */
  check?: (model: WorkbookModel) => CheckReport;
  /** Fetches the template .xlsx; by default from the add-in's own origin. */
  fetchTemplate?: () => Promise<ArrayBuffer>;
}

function hostReady(): void {
  if (typeof Excel === 'undefined' || typeof Office === 'undefined' || !Office.context?.document) {
    throw new HostError('Không kết nối được với Excel. Hãy mở Trợ lý báo cáo từ thẻ Trang đầu của Excel.', 'no_workbook');
  }
}

async function run<T>(doing: Doing, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  hostReady();
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toHostError(e, doing);
  }
}

/** Cell highlighting needs getCellProperties/setCellProperties (ExcelApi 1.9). */
function canHighlight(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', '1.9');
}

async function sheetNames(ctx: Excel.RequestContext): Promise<Set<string>> {
  const ws = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  return new Set(ws.items.map((w) => w.name));
}

/** Restores the previous highlights and applies new ones in one write round trip. */
async function rehighlight(ctx: Excel.RequestContext, previous: readonly PendingRead[], findings: readonly Finding[], existing: ReadonlySet<string>): Promise<void> {
  const targets = highlightTargets(findings, existing);
  if (!previous.length && !targets.length) {
    // Nothing on the cells, but a stale record (sheets deleted since) must still go.
    await storeMarks([]);
    return;
  }
  queueRestore(ctx, previous);
  const marks = queueHighlights(ctx, targets);
  await ctx.sync();
  await storeMarks(marks());
}

/** Highlights the cells of these findings (restoring earlier highlights first). */
export async function applyHighlights(findings: readonly Finding[]): Promise<void> {
  hostReady();
  if (!canHighlight()) return;
  await run('tô màu các ô có vấn đề', async (ctx) => {
    const existing = await sheetNames(ctx);
    const previous = queueCurrentFills(ctx, loadMarks(), existing);
    if (previous.length) await ctx.sync();
    await rehighlight(ctx, previous, findings, existing);
  });
}

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function fetchOwnTemplate(): Promise<ArrayBuffer> {
  const res = await fetch(new URL(TEMPLATE_PATH, document.baseURI).href);
  if (!res.ok) throw new HostError(`Không tải được tệp mẫu (${res.status}).`);
  return res.arrayBuffer();
}

export function createExcelActions(options: ExcelAdapterOptions = {}): ExcelActions {
  const check = options.check ?? ((m: WorkbookModel) => checkWorkbook(m));

  const actions: ExcelActions = {
    host: 'excel',

    async check() {
      hostReady();
      const highlight = canHighlight();
      const marks = highlight ? loadMarks() : [];
      let previous: PendingRead[] = [];
      let existing: ReadonlySet<string> = new Set();
      return run('đọc sổ', async (ctx) => {
        const model = await readWorkbook(ctx, (sheets) => {
          existing = sheets;
          previous = queueCurrentFills(ctx, marks, sheets);
        });
        const report = check(model);
        if (highlight) {
          try {
            await rehighlight(ctx, previous, report.issues, existing);
          } catch (e) {
            throw toHostError(e, 'tô màu các ô có vấn đề');
          }
        }
        return report;
      });
    },

    async clearHighlights() {
      hostReady();
      if (!canHighlight()) return;
      const marks = loadMarks();
      if (!marks.length) {
        await storeMarks([]);
        return;
      }
      await run('xóa tô màu', async (ctx) => {
        let reads = queueCurrentFills(ctx, marks, new Set(marks.map((m) => m.sheet)));
        try {
          await ctx.sync();
        } catch (e) {
          if ((e as { code?: string }).code !== 'ItemNotFound') throw e;
          // A marked sheet was deleted or renamed: read again, only on the sheets still there.
          reads = queueCurrentFills(ctx, marks, await sheetNames(ctx));
          await ctx.sync();
        }
        queueRestore(ctx, reads);
        await ctx.sync();
      });
      await storeMarks([]);
    },

    async select(sheet, cell) {
      await run('chọn ô', async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      });
    },

    copyText: copyToClipboard,
  };

  if (typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.13')) {
    const fetchTemplate = options.fetchTemplate ?? fetchOwnTemplate;
    actions.insertTemplate = async () => {
      const data = base64(await fetchTemplate());
      await run('chèn các trang tính mẫu', async (ctx) => {
        const have = await sheetNames(ctx);
        const missing = CONTRACT_SHEETS.filter((s) => !have.has(s) && !s.startsWith('Phiếu'));
        if (!missing.length) throw new HostError('Sổ đã có đủ các trang tính chuẩn; không cần chèn thêm.');
        ctx.workbook.insertWorksheetsFromBase64(data, { sheetNamesToInsert: missing, positionType: 'End' });
        await ctx.sync();
      });
    };
  }
  return actions;
}
