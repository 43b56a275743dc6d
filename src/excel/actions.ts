/**
 * ExcelActions on Office.js. Round trips per action (measured on the fake host in test/excel):
 * check = 2 reads + 1 highlight write (only when there is anything to restore or highlight);
 * clearHighlights = 1 read + 1 write; select = 1; insertTemplate = 2.
 */
import { checkWorkbook } from '../core/check';
import type { Finding, Summary } from '../core/findings';
import { formatCount } from '../core/numbers';
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

/**
 * Where the ribbon command (src/commands/commands.ts) stores its result. Repeated rather than
 * imported: that module registers the ribbon function when loaded, which the pane must not do.
 * test/excel/actions.test.ts checks the two stay equal.
 */
export const LAST_CHECK_SETTING = 'cchc.lastCheck';

/** The name of the open file from Office.context.document.url (a path or URL), when it shows one. */
export function workbookFileName(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  const isBook = (s: string | null | undefined) => (s && /\.(xlsx|xlsm|xlsb|xls)$/i.test(s) ? s : undefined);
  let path = url;
  try {
    const u = new URL(url);
    // Office on the web may give a viewer address (…/Doc.aspx?…&file=Sổ.xlsx).
    const param = isBook(u.searchParams.get('file'));
    if (param) return param;
    path = decodeURIComponent(u.pathname);
  } catch {
    // A local path (C:\…\Sổ.xlsx, /Users/…/Sổ.xlsx) or a bare name.
  }
  return isBook(path.split(/[\\/]/).pop()?.trim());
}

/**
 * Downloads only in Office on the web, where the pane is a frame of the user's own browser and an
 * <a download> of a Blob URL saves the file like any site's download. Desktop Office shows the
 * pane in an embedded webview (WebView2, WKWebView) that drops such downloads without a word, so
 * there the pane hides the button and points to the Word add-in or `cchc report` instead.
 */
function canDownload(): boolean {
  if (typeof Office === 'undefined' || typeof document === 'undefined') return false;
  const platform: unknown = Office.context?.platform;
  return platform === 'OfficeOnline' || (Office.PlatformType !== undefined && platform === Office.PlatformType.OfficeOnline);
}

async function downloadFile(fileName: string, data: Uint8Array, mime: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([data.slice()], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Not at once: revoking before the browser has started reading the Blob can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

function ribbonSummary(s: Summary): string {
  if (s.errors > 0) return `${formatCount(s.errors)} lỗi${s.warnings ? `, ${formatCount(s.warnings)} cảnh báo` : ''}.`;
  return s.warnings ? `không có lỗi, ${formatCount(s.warnings)} cảnh báo nên xem lại.` : 'không có lỗi, sẵn sàng nộp.';
}

/** The ribbon command's last result, re-read from the document (it runs in another runtime). */
async function lastRibbonCheck(): ReturnType<NonNullable<ExcelActions['lastRibbonCheck']>> {
  hostReady();
  const settings = Office.context.document.settings;
  if (typeof settings.refreshAsync === 'function') await new Promise<void>((ok) => settings.refreshAsync(() => ok()));
  const v = settings.get(LAST_CHECK_SETTING) as { at?: unknown; ok?: unknown; message?: unknown; summary?: Partial<Summary> } | null;
  if (!v || typeof v !== 'object' || typeof v.at !== 'string' || typeof v.ok !== 'boolean' || typeof v.message !== 'string') return null;
  const s = v.summary;
  // The stored message ends with "open the pane for details", pointless once it is open.
  const message = v.ok && s && typeof s.errors === 'number' && typeof s.warnings === 'number' ? ribbonSummary(s as Summary) : v.message;
  return { at: v.at, ok: v.ok, message };
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
        const name = report.file ? undefined : workbookFileName(Office.context.document.url);
        if (name) report.file = name;
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
      if (!canHighlight()) return 0;
      const marks = loadMarks();
      if (!marks.length) {
        await storeMarks([]);
        return 0;
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
      return marks.length;
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
    lastRibbonCheck,
  };

  if (canDownload()) actions.download = downloadFile;

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
