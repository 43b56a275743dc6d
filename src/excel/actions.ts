/**
 * ExcelActions on Office.js. Round trips per action (measured on the fake host in test/excel):
 * check = 2 reads (structure with the highlight record; grids with the anchors of earlier
 * highlights) + 1 read of their fills (only when there were highlights) + 1 read of the new
 * targets' own fills and of the conditional formats over them (only when there are new targets)
 * + 1 write (record, anchors, restore, colour; only when there is anything to restore, record
 * or colour); clearHighlights = 3 reads (record, anchors, fills) + 1 write; select = 1;
 * insertTemplate = 3; insertSheets: see there. With thousands of highlights each of these reads
 * and the write take as many requests as Excel on the web's payload limit needs (batches.ts; on
 * the fake host 20 000 cells take 72 requests to highlight and 80 to clear), and the anchors are
 * then looked up after the grids instead of with them.
 */
import { checkWorkbook } from '../core/check';
import type { Finding, Summary } from '../core/findings';
import { formatCount, formatSize } from '../core/format';
import type { TableRef, WorkbookModel } from '../core/model';
import type { CheckReport } from '../core/report';
import { INFO_NAMES, LISTS_SHEET, SHEET_INFO } from '../core/contract';
import { colToLetters, parseA1, parseRange } from '../core/model';
import { foldText } from '../core/text';
import { copyToClipboard } from '../host/clipboard';
import { saveBytes } from '../host/download';
import { HostError, type ExcelActions, type HostCheckReport, type SheetsWritten } from '../host/actions';
import { cannotWriteInto, cellsWrite, tableWrite, type TableBox, type TableWrite } from './sheet-write';
import { toHostError, type Doing } from './errors';
import {
  anchorCost,
  DROP_ANCHOR,
  FILL_READ,
  FILL_WRITE,
  fillOf,
  highlightTargets,
  isAnchored,
  isOurs,
  marksOf,
  newAnchor,
  queueAnchor,
  queueDropAnchor,
  queueFillRead,
  queueFillReadOn,
  queueHighlight,
  queueRecordRead,
  queueRecordWrite,
  queueResolve,
  queueResolveOne,
  queueRestore,
  queueRulesRead,
  queueScan,
  RANGE,
  recordCost,
  recordExists,
  RESOLVE,
  resolveMarks,
  RULES_READ,
  scanMarks,
  underRule,
  withPending,
  type FillResult,
  type Mark,
  type RecordRead,
  type Resolving,
  type RulesRead,
  type Scan,
} from './highlights';
import { Batches, REQUEST_BUDGET, requestBytes, sum } from './batches';
import { readWorkbook, CONTRACT_SHEETS, splitAddress } from './read';
import { parseNameRef } from '../core/name-ref';

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

const STILL_LISTED = 'Các lỗi vẫn được liệt kê đầy đủ bên dưới; bấm vào từng lỗi để đến ô đó.';

/** Office.context.document.mode is "readOnly" in view mode and for read-only documents (Office.DocumentMode). */
function readOnly(): boolean {
  const mode: unknown = Office.context.document.mode;
  return mode === 'readOnly' || (Office.DocumentMode !== undefined && mode === Office.DocumentMode.ReadOnly);
}

/**
 * Why this host cannot colour cells at all, or null. Highlights need getCellProperties and
 * setCellProperties (ExcelApi 1.9), which also brings workbook.settings (1.4) for the record.
 */
function cannotHighlight(): string | null {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    return `Phiên bản Excel này chưa tô màu được các ô có vấn đề (cần Microsoft 365, Office 2021 trở lên hoặc Excel trên web). ${STILL_LISTED}`;
  }
  if (readOnly()) return `Sổ đang mở ở chế độ chỉ đọc nên các ô có vấn đề không được tô màu. ${STILL_LISTED}`;
  return null;
}

const quoteList = (names: Iterable<string>) => [...new Set(names)].map((n) => `«${n}»`).join(', ');

interface Prepared {
  record: RecordRead;
  sheets: Excel.WorksheetCollection;
}

/** Queued with the structure read: the highlight record, the sheets' ids and which sheets are protected. */
function prepare(ctx: Excel.RequestContext): Prepared {
  return { record: queueRecordRead(ctx), sheets: ctx.workbook.worksheets.load('items/name,items/id,items/protection/protected') };
}

const sheetIds = (p: Prepared) => p.sheets.items.map((w) => ({ id: w.id, name: w.name }));

interface Found {
  marks: Mark[];
  /** Anchored marks whose cell cannot be found any more (highlights.ts, resolveMarks). */
  lost: Mark[];
}

const cellList = (cells: readonly { sheet: string; cell: string }[]) => {
  const shown = cells.slice(0, 10).map((m) => (m.cell === '?' ? `trang tính «${m.sheet}»` : `${m.sheet}!${m.cell}`)).join(', ');
  return cells.length > 10 ? `${shown}, …` : shown;
};

interface Locating {
  rs: Resolving[];
  /** Without a record in this add-in's settings: the sheets' names, where another instance's marks are. */
  scan?: Scan;
  /** Too many anchors to look up beside the grids: locate() looks them up after, in requests of their own. */
  later?: boolean;
}

/**
 * Queues the look-up of the recorded marks with the grids read (check), when they weigh little
 * beside it (a quarter of a request, batches.ts); read it with found() after that sync.
 */
function queueLocate(ctx: Excel.RequestContext, p: Prepared): Locating {
  if (!recordExists(p.record)) return { rs: [], scan: queueScan(ctx, sheetIds(p)) };
  const marks = marksOf(p.record);
  const sheets = sheetIds(p);
  const anchored = marks.filter((m) => isAnchored(m, sheets)).length;
  if (anchored * requestBytes(RESOLVE) > REQUEST_BUDGET / 4 || anchored * (RESOLVE.response ?? 0) > REQUEST_BUDGET / 4) return { rs: [], later: true };
  return { rs: queueResolve(ctx, marks, sheets) };
}

async function found(ctx: Excel.RequestContext, p: Prepared, l: Locating): Promise<Found> {
  if (l.later) return locate(ctx, p);
  return l.scan ? scanMarks(l.scan) : resolveMarks(l.rs, sheetIds(p));
}

/**
 * The structure is read: finds the marks where they are now. The anchors are looked up in
 * requests of bounded size (batches.ts); without a record, the sheets' names are scanned.
 */
async function locate(ctx: Excel.RequestContext, p: Prepared): Promise<Found> {
  const sheets = sheetIds(p);
  if (!recordExists(p.record)) {
    const scan = queueScan(ctx, sheets);
    await ctx.sync();
    return scanMarks(scan);
  }
  const b = new Batches(ctx);
  const rs: Resolving[] = [];
  for (const m of marksOf(p.record)) {
    if (isAnchored(m, sheets)) await b.room(RESOLVE);
    rs.push(queueResolveOne(ctx, m, sheets));
  }
  await b.flush();
  return resolveMarks(rs, sheets);
}

function protectedSheets(p: Prepared): Set<string> {
  return new Set(p.sheets.items.filter((w) => w.protection.protected).map((w) => w.name));
}

const keyOf = (x: { sheet: string; cell: string }) => `${x.sheet}!${x.cell}`;

/** Reads the fills now on the recorded cells that can be touched, in requests of bounded size. */
async function readCurrentFills(ctx: Excel.RequestContext, marks: readonly Mark[], existing: ReadonlySet<string>, locked: ReadonlySet<string>): Promise<Map<string, FillResult>> {
  const out = new Map<string, FillResult>();
  const b = new Batches(ctx);
  for (const m of marks) {
    if (!existing.has(m.sheet) || locked.has(m.sheet) || out.has(keyOf(m))) continue;
    await b.room(FILL_READ);
    out.set(keyOf(m), queueFillRead(ctx, m.sheet, m.cell));
  }
  await b.flush();
  return out;
}

/**
 * Replaces the previous highlights with those of `findings`. Never throws for the host refusing
 * to colour: the findings matter more than the colours, so that becomes the returned notice.
 *
 * Thousands of cells do not fit in one request of Excel on the web, so the work goes out in
 * requests of bounded size (batches.ts), in this order: a record listing every mark the change
 * touches (the kept; the old ones "going"; the new ones "coming", Mark.pending); the new marks'
 * anchors; the old cells not flagged again given back their own fills, and the new ones
 * coloured; the old anchors removed; the record as it then is. Office runs each request in order
 * and stops at its first failure, and after any prefix of that order the record lists every cell
 * that shows our colour, with its anchor, and every anchor there is; a listed mark without its
 * anchor is one whose cell shows no colour of ours (pending), so «Xóa đánh dấu» after a request
 * refused at any point gives every cell its own fill back and names no cell as lost.
 */
async function rehighlight(
  ctx: Excel.RequestContext,
  p: Prepared,
  where: Found,
  current: ReadonlyMap<string, FillResult>,
  findings: readonly Finding[],
  existing: ReadonlySet<string>,
): Promise<string | undefined> {
  const locked = protectedSheets(p);
  const marks = where.marks;
  const idOf = new Map(p.sheets.items.map((w) => [w.name, w.id]));
  const leaving: Mark[] = []; // out of the record: their anchors go
  const targets = highlightTargets(findings, existing);
  const allowed = targets.filter((t) => !locked.has(t.sheet));
  const blocked = targets.filter((t) => locked.has(t.sheet));

  const keep: Mark[] = []; // on protected sheets: cannot be taken back now
  const restore: Mark[] = [];
  const restoring = new Set<string>();
  const ownNow = new Map<string, ReturnType<typeof fillOf>>();
  for (const m of marks) {
    if (!existing.has(m.sheet)) continue;
    if (locked.has(m.sheet)) {
      keep.push(m);
      continue;
    }
    const now = current.get(keyOf(m));
    if (!now) continue;
    leaving.push(m);
    const k = keyOf(m);
    const fill = fillOf(now);
    // A cell can be in the record twice after an interrupted change (an old mark going, a new one
    // coming): the mark whose colour the cell shows says what its own fill is.
    if (isOurs(fill, m.fill)) {
      if (!restoring.has(k)) restore.push(m);
      restoring.add(k);
      ownNow.set(k, m.own);
    } else if (!ownNow.has(k)) ownNow.set(k, fill); // changed by the user since: that is the cell's own fill now
  }

  const notices: string[] = [];
  if (blocked.length) {
    notices.push(`Không tô màu ${formatCount(blocked.length)} ô trên trang tính đang được bảo vệ (${quoteList(blocked.map((t) => t.sheet))}). ${STILL_LISTED} Muốn tô màu, hãy bỏ bảo vệ trang tính (thẻ Xem lại › Bỏ bảo vệ trang tính) rồi kiểm tra lại.`);
  }
  const keptOld = keep.filter((m) => !blocked.some((t) => keyOf(t) === keyOf(m)));
  if (keptOld.length) {
    notices.push(`${formatCount(keptOld.length)} ô tô màu từ lần kiểm tra trước nằm trên trang tính đang được bảo vệ (${quoteList(keptOld.map((m) => m.sheet))}) nên chưa được trả lại màu cũ; hãy bỏ bảo vệ rồi bấm «Xóa đánh dấu».`);
  }
  if (where.lost.length) notices.push(lostNotice(where.lost));
  if (!restore.length && !allowed.length && !recordExists(p.record)) return notices.length ? notices.join(' ') : undefined;

  const b = new Batches(ctx);
  let readSyncs = 0;
  try {
    // The own fills of the cells not recorded before, and the rules over every cell to colour.
    const reads = new Map<string, FillResult>();
    const rules = new Map<string, RulesRead>();
    for (const t of allowed) {
      const k = keyOf(t);
      const own = !ownNow.has(k);
      await b.room(sum(own ? FILL_READ : RANGE, RULES_READ));
      const range = ctx.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
      if (own) reads.set(k, queueFillReadOn(range));
      rules.set(k, queueRulesRead(range));
    }
    await b.flush();
    readSyncs = b.sent;
    const fresh: Mark[] = allowed.map((t) => {
      const k = keyOf(t);
      return { ...t, sheetId: idOf.get(t.sheet)!, anchor: newAnchor(), own: ownNow.has(k) ? ownNow.get(k)! : fillOf(reads.get(k)!) };
    });
    const again = new Set(fresh.map(keyOf));
    const covered = allowed.filter((t) => underRule(rules.get(keyOf(t))!));
    if (covered.length) notices.unshift(coveredNotice(covered));

    let exists = recordExists(p.record);
    if (fresh.length || leaving.length) {
      const during = [...withPending(keep), ...withPending(leaving, 'going'), ...withPending(fresh, 'coming')];
      await b.room(recordCost(during));
      queueRecordWrite(ctx, during, exists);
      exists = true;
    }
    for (const m of fresh) {
      await b.room(anchorCost(m));
      queueAnchor(ctx, m);
    }
    for (const m of restore) {
      if (again.has(keyOf(m))) continue; // coloured again below, over the old colour
      await b.room(FILL_WRITE);
      queueRestore(ctx, m);
    }
    for (const t of allowed) {
      await b.room(FILL_WRITE);
      queueHighlight(ctx, t);
    }
    for (const m of leaving) {
      await b.room(DROP_ANCHOR);
      queueDropAnchor(ctx, m);
    }
    const now = withPending([...keep, ...fresh]);
    await b.room(recordCost(now));
    queueRecordWrite(ctx, now, exists);
    await b.flush();
  } catch (e) {
    const err = toHostError(e, 'tô màu các ô có vấn đề');
    if (!(err instanceof HostError)) throw err;
    // Requests of the writing that went through: some cells may be coloured, each in the record.
    const partly = b.sent > readSyncs;
    const what = partly ? 'Excel dừng giữa chừng nên chỉ một phần các ô có vấn đề được tô màu; «Xóa đánh dấu» vẫn trả lại màu cũ cho các ô đã tô.' : 'Không tô màu được các ô có vấn đề.';
    return [`${what} ${err.message} ${STILL_LISTED}`, ...notices].join(' ');
  }
  return notices.length ? notices.join(' ') : undefined;
}

/** Flagged cells under a conditional formatting rule: the rule's fill may be what the officer sees there. */
function coveredNotice(cells: readonly { sheet: string; cell: string }[]): string {
  return `${formatCount(cells.length)} ô có vấn đề nằm trong vùng có định dạng có điều kiện (${cellList(cells)}): khi quy tắc của vùng đó thỏa, màu của quy tắc che màu tô của Trợ lý nên ô có thể không hiện màu hồng, vàng hay xanh nhạt. Các quy tắc định dạng có điều kiện của sổ được giữ nguyên; các ô này vẫn có trong danh sách bên dưới, bấm vào từng lỗi để đến ô đó.`;
}

function lostNotice(lost: readonly Mark[]): string {
  return `Không tìm thấy ${formatCount(lost.length)} ô tô màu từ lần kiểm tra trước (lần cuối ở ${cellList(lost)}): hàng hoặc cột chứa chúng có thể đã bị xóa, hoặc dấu của chúng đã bị xóa trong Trình quản lý Tên. Nếu các ô đó còn màu hồng, vàng hoặc xanh nhạt của Trợ lý, hãy bỏ màu bằng tay (thẻ Trang đầu › Màu tô › Không tô).`;
}

/** Highlights the cells of these findings (restoring earlier highlights first); returns a notice when it could not colour them all. */
export async function applyHighlights(findings: readonly Finding[]): Promise<string | undefined> {
  hostReady();
  const why = cannotHighlight();
  if (why) return why;
  return run('tô màu các ô có vấn đề', async (ctx) => {
    const p = prepare(ctx);
    await ctx.sync();
    const existing = new Set(p.sheets.items.map((w) => w.name));
    const where = await locate(ctx, p);
    const current = await readCurrentFills(ctx, where.marks, existing, protectedSheets(p));
    return rehighlight(ctx, p, where, current, findings, existing);
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
  saveBytes(fileName, data, mime);
}

function ribbonSummary(s: Summary): string {
  if (s.errors > 0) return `${formatCount(s.errors)} lỗi${s.warnings ? `, ${formatCount(s.warnings)} cảnh báo` : ''}.`;
  return s.warnings ? `không có lỗi, ${formatCount(s.warnings)} cảnh báo nên xem lại.` : 'không có lỗi, sẵn sàng nộp.';
}

type StoredLastCheck = { at?: unknown; ok?: unknown; message?: unknown; summary?: Partial<Summary> } | null;

/**
 * Stores the ribbon command's result where the pane, in another runtime, reads the document's
 * current state: workbook.settings, written inside a batch. Office.context.document.settings
 * would need saveAsync, which writes the runtime's whole stale copy over the highlight record.
 */
export async function storeLastCheck(rec: { at: string; ok: boolean; message: string; summary?: Summary }): Promise<void> {
  hostReady();
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.4')) return;
  await run('lưu kết quả kiểm tra', async (ctx) => {
    ctx.workbook.settings.add(LAST_CHECK_SETTING, rec);
    await ctx.sync();
  });
}

/** The ribbon command's last result, re-read from the workbook (it runs in another runtime). */
async function lastRibbonCheck(): ReturnType<NonNullable<ExcelActions['lastRibbonCheck']>> {
  hostReady();
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.4')) return null;
  const v = await run('đọc sổ', async (ctx) => {
    const item = ctx.workbook.settings.getItemOrNullObject(LAST_CHECK_SETTING).load('value');
    await ctx.sync();
    return item.isNullObject ? null : (item.value as StoredLastCheck);
  });
  if (!v || typeof v !== 'object' || typeof v.at !== 'string' || typeof v.ok !== 'boolean' || typeof v.message !== 'string') return null;
  const s = v.summary;
  // The stored message ends with "open the pane for details", pointless once it is open.
  const message = v.ok && s && typeof s.errors === 'number' && typeof s.warnings === 'number' ? ribbonSummary(s as Summary) : v.message;
  return { at: v.at, ok: v.ok, message };
}

/**
 * Names of "Thông tin" whose reference Excel lost while inserting the sheets (office-js issue
 * #3583: they come back as "=#REF!$B$4"), pointed again at the cell right of their label on the
 * inserted sheet, which is where the template puts each value.
 */
async function repairNames(ctx: Excel.RequestContext): Promise<void> {
  const names = ctx.workbook.names.load('items/name,items/formula');
  const used = ctx.workbook.worksheets.getItem(SHEET_INFO).getUsedRangeOrNullObject(true).load('address,values');
  await ctx.sync();
  if (used.isNullObject) return;
  const start = parseRange(splitAddress(used.address).ref).start;
  const at = new Map<string, string>();
  used.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v === 'string' && v.trim()) at.set(foldText(v), `${colToLetters(start.col + j + 1)}${start.row + i + 1}`);
    }),
  );
  let changed = false;
  for (const spec of INFO_NAMES) {
    const item = names.items.find((n) => n.name.toLowerCase() === spec.name.toLowerCase());
    const ref = item ? parseNameRef(item.formula) : null;
    if (ref && ref.sheet === SHEET_INFO) continue;
    const cell = at.get(foldText(spec.label));
    if (!cell) {
      // Pointing at nothing, it only hides the label the checker falls back on.
      if (item && item.formula.includes('#REF!')) {
        item.delete();
        changed = true;
      }
      continue;
    }
    if (item) item.delete();
    const p = parseA1(cell);
    ctx.workbook.names.add(spec.name, `='${SHEET_INFO.replace(/'/g, "''")}'!$${colToLetters(p.col)}$${p.row + 1}`);
    changed = true;
  }
  if (changed) await ctx.sync();
}

export function createExcelActions(options: ExcelAdapterOptions = {}): ExcelActions {
  const check = options.check ?? ((m: WorkbookModel) => checkWorkbook(m));

  const actions: ExcelActions = {
    host: 'excel',

    async check(): Promise<HostCheckReport> {
      hostReady();
      const why = cannotHighlight();
      let prepared: Prepared | undefined;
      let resolving: Locating = { rs: [] };
      let existing: ReadonlySet<string> = new Set();
      return run('đọc sổ', async (ctx) => {
        const model = await readWorkbook(ctx, {
          structure: why ? undefined : () => (prepared = prepare(ctx)),
          grids: (sheets) => {
            existing = sheets;
            // The marks' anchors travel with the grids; their fills are read once they are found.
            if (prepared) resolving = queueLocate(ctx, prepared);
          },
        });
        let where: Found = { marks: [], lost: [] };
        let current = new Map<string, FillResult>();
        let unread: string | undefined;
        if (prepared) {
          try {
            where = await found(ctx, prepared, resolving);
            current = await readCurrentFills(ctx, where.marks, existing, protectedSheets(prepared));
          } catch (e) {
            // The earlier highlights could not be read back: the findings still come, uncoloured, and the record stays as it was.
            const err = toHostError(e, 'tô màu các ô có vấn đề');
            if (!(err instanceof HostError)) throw err;
            unread = `Không tô màu được các ô có vấn đề. ${err.message} ${STILL_LISTED}`;
          }
        }
        const report: HostCheckReport = check(model);
        const name = report.file ? undefined : workbookFileName(Office.context.document.url);
        if (name) report.file = name;
        const notice = why ?? unread ?? (prepared ? await rehighlight(ctx, prepared, where, current, report.issues, existing) : undefined);
        if (notice) report.highlightNotice = notice;
        return report;
      });
    },

    async clearHighlights() {
      hostReady();
      if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return 0;
      // How many cells got their own fill back: the pane says "nothing was marked" for 0.
      let restored = 0;
      await run('xóa tô màu', async (ctx) => {
        const p = prepare(ctx);
        await ctx.sync();
        // Without a record here, another deployment of the add-in may have highlighted: its marks are in the names.
        const where = await locate(ctx, p);
        if (!where.marks.length && !where.lost.length && !recordExists(p.record)) return;
        if (readOnly()) throw new HostError('Sổ đang mở ở chế độ chỉ đọc nên chưa xóa được đánh dấu. Hãy mở sổ để chỉnh sửa rồi bấm «Xóa đánh dấu» lại.');
        const marks = where.marks;
        const existing = new Set(p.sheets.items.map((w) => w.name));
        const locked = protectedSheets(p);
        const current = await readCurrentFills(ctx, marks, existing, locked);
        const keep = marks.filter((m) => existing.has(m.sheet) && locked.has(m.sheet));
        // In requests of bounded size (batches.ts), in the order that keeps the record true at any
        // point of failure (as in rehighlight): the record with the marks taken back "going", their
        // own fills back, their anchors removed, the record of what is left.
        const b = new Batches(ctx);
        const going = marks.filter((m) => current.has(keyOf(m)));
        let exists = recordExists(p.record);
        if (going.length) {
          const during = [...withPending(keep), ...withPending(going, 'going')];
          await b.room(recordCost(during));
          queueRecordWrite(ctx, during, exists);
          exists = true;
        }
        const done = new Set<string>();
        for (const m of marks) {
          const now = current.get(keyOf(m));
          // A cell twice in the record (an interrupted change): the mark whose colour it shows gives it back.
          if (!now || done.has(keyOf(m))) continue;
          if (isOurs(fillOf(now), m.fill)) {
            done.add(keyOf(m));
            await b.room(FILL_WRITE);
            queueRestore(ctx, m);
            restored++;
          }
        }
        for (const m of going) {
          await b.room(DROP_ANCHOR);
          queueDropAnchor(ctx, m);
        }
        // Anchors found in the names but pointing at #REF! (their row deleted): named below, then removed.
        for (const m of where.lost) {
          if (m.cell !== '?' || locked.has(m.sheet)) continue;
          await b.room(DROP_ANCHOR);
          queueDropAnchor(ctx, m);
        }
        const left = withPending(keep);
        await b.room(recordCost(left));
        queueRecordWrite(ctx, left, exists);
        await b.flush();
        const problems: string[] = [];
        if (where.lost.length) problems.push(`${restored ? `Đã trả lại màu cũ cho ${formatCount(restored)} ô. ` : ''}${lostNotice(where.lost)}`);
        if (keep.length) {
          problems.push(`Chưa trả lại màu cũ cho ${formatCount(keep.length)} ô trên trang tính đang được bảo vệ (${quoteList(keep.map((m) => m.sheet))}). Hãy bỏ bảo vệ trang tính (thẻ Xem lại › Bỏ bảo vệ trang tính) rồi bấm «Xóa đánh dấu» lại.`);
        }
        if (problems.length) throw new HostError(problems.join(' '));
      });
      return restored;
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
        const ws = ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        // Excel's sheet names are unique ignoring case ("tthc" is "TTHC"): a standard sheet the
        // officer named in lower case is there, and inserting it would give "TTHC (2)".
        const fold = (n: string) => n.normalize('NFC').toLocaleLowerCase('vi');
        const have = new Set(ws.items.map((w) => fold(w.name)));
        const missing = CONTRACT_SHEETS.filter((s) => !have.has(fold(s)) && !s.startsWith('Phiếu'));
        if (!missing.length) throw new HostError('Sổ đã có đủ các trang tính chuẩn; không cần chèn thêm.');
        // The drop-down lists of the standard sheets point at the hidden lists sheet: without it
        // they would point at nothing.
        const insert = have.has(fold(LISTS_SHEET)) ? missing : [...missing, LISTS_SHEET];
        ctx.workbook.insertWorksheetsFromBase64(data, { sheetNamesToInsert: insert, positionType: 'End' });
        try {
          await ctx.sync();
        } catch (e) {
          // Excel on the web sometimes refuses a valid file with a bare GeneralException (https://github.com/OfficeDev/office-js/issues/6142).
          if ((e as { code?: unknown })?.code === 'GeneralException') {
            throw new HostError('Excel không chèn được các trang tính mẫu (lỗi chung của Excel, hay gặp trên Excel trên web). Hãy thử lại; nếu vẫn lỗi, hãy tải tệp mẫu chuẩn (lệnh «cchc template» hoặc tệp mau-chuan-cchc.xlsx) và chép các trang tính sang sổ của mình.');
          }
          throw e;
        }
        if (missing.includes(SHEET_INFO)) await repairNames(ctx);
      });
    };
    actions.insertSheets = insertSheets;
  }
  actions.sheetNames = sheetNames;
  return actions;
}

async function sheetNames(): Promise<string[]> {
  return run('đọc sổ', async (ctx) => {
    const ws = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    return ws.items.map((w) => w.name);
  });
}

/** A name not in `taken` (compared as Excel compares names, ignoring case), at most `max` characters. */
function freeName(base: string, taken: Set<string>, max: number, suffix: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const end = suffix(n);
    const name = `${base.slice(0, max - end.length)}${end}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * "Tổng hợp từ các đơn vị" › "Ghi vào sổ đang mở". No existing sheet is renamed or deleted
 * (sheet-write.ts says why): the sheets the workbook lacks are inserted, each confirmed sheet
 * gets the consolidated figures written into its own tables, and a sheet whose tables are not
 * the standard ones is left as it was, its figures going to a new sheet beside it. The insertion
 * comes first, so that when Excel refuses it nothing has been written. Round trips: read; the
 * replaced sheets' tables (only with sheets to replace); insert (only with sheets to insert);
 * writes and activate; the names read (and written when some must be repointed).
 */
async function insertSheets(xlsx: Uint8Array, sheets: readonly string[], replace: readonly string[], contents: WorkbookModel): Promise<SheetsWritten> {
  hostReady();
  if (readOnly()) throw new HostError('Sổ đang mở ở chế độ chỉ đọc nên chưa ghi được sổ tổng hợp. Hãy mở sổ để chỉnh sửa rồi thử lại.');
  const data = base64(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  return run('ghi sổ tổng hợp', async (ctx) => {
    const ws = ctx.workbook.worksheets.load('items/name,items/protection/protected');
    const tables = ctx.workbook.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/name');
    await ctx.sync();
    // Excel compares sheet names ignoring case.
    const wanted = new Set(sheets.map((n) => n.toLowerCase()));
    const allowed = new Set(replace.map((n) => n.toLowerCase()));
    const clash = ws.items.filter((w) => wanted.has(w.name.toLowerCase()));
    const refused = clash.filter((w) => !allowed.has(w.name.toLowerCase()));
    // Sheets added since the pane asked: they were never confirmed, so nothing is written.
    if (refused.length) throw new HostError(`Sổ đang mở có trang tính ${quoteList(refused.map((w) => w.name))} chưa được xác nhận thay thế; chưa ghi gì. Hãy bấm «Ghi vào sổ đang mở» lại.`);
    const locked = clash.filter((w) => w.protection.protected);
    if (locked.length) throw new HostError(`Trang tính ${quoteList(locked.map((w) => w.name))} đang được bảo vệ nên chưa ghi được số tổng hợp vào đó; chưa ghi gì. Hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.`);

    // The confirmed sheets' tables and used ranges, to tell where the figures can go.
    const boxes = new Map<string, { range: Excel.Range; t: Excel.Table }>();
    const used = new Map<string, Excel.Range>();
    for (const t of tables.items) {
      if (!clash.some((w) => w.name === t.worksheet.name)) continue;
      boxes.set(t.name.toLowerCase(), { range: t.getRange().load('rowIndex,rowCount,columnIndex,columnCount'), t });
    }
    for (const w of clash) used.set(w.name, w.getUsedRangeOrNullObject().load('rowIndex,rowCount,columnIndex,columnCount'));
    if (clash.length) await ctx.sync();

    const taken = new Set(ws.items.map((w) => w.name.toLowerCase()));
    for (const n of sheets) taken.add(n.toLowerCase());
    const result: SheetsWritten = { inserted: [], inPlace: [], aside: [] };
    type Plan = { sheet: string; writes: TableWrite[] } | { sheet: string; aside: string; why: string; write: TableWrite };
    const plans: Plan[] = [];
    for (const w of clash) {
      const grid = contents.sheets.find((g) => g.name.toLowerCase() === w.name.toLowerCase());
      if (!grid) throw new Error(`no consolidated sheet ${w.name}`);
      const own = contents.tables.filter((t) => t.sheet === grid.name).sort((a, b) => parseRange(b.ref).start.row - parseRange(a.ref).start.row);
      const u = used.get(w.name)!;
      if (!own.length) {
        plans.push({ sheet: w.name, writes: [cellsWrite(grid, u.isNullObject ? null : u)] });
        continue;
      }
      const boxOf = (t: TableRef): TableBox | undefined => {
        const b = boxes.get(t.name.toLowerCase());
        if (!b || b.t.worksheet.name !== w.name) return undefined;
        return { rowIndex: b.range.rowIndex, rowCount: b.range.rowCount, columnIndex: b.range.columnIndex, columnCount: b.range.columnCount, showHeaders: b.t.showHeaders, showTotals: b.t.showTotals };
      };
      const why = own.map((t) => cannotWriteInto(t, boxOf(t))).find((x) => x);
      if (why) plans.push({ sheet: w.name, aside: freeName(`${grid.name} (tổng hợp)`, taken, 31, (n) => (n > 1 ? ` ${n}` : '')), why, write: cellsWrite(grid, null) });
      else plans.push({ sheet: w.name, writes: own.map((t) => tableWrite(t, grid, boxOf(t)!)) });
    }

    const fresh = sheets.filter((n) => !clash.some((w) => w.name.toLowerCase() === n.toLowerCase()));
    if (fresh.length) {
      try {
        ctx.workbook.insertWorksheetsFromBase64(data, { sheetNamesToInsert: fresh, positionType: 'End' });
        await ctx.sync();
      } catch (e) {
        const code = (e as { code?: unknown })?.code;
        if (code === 'GeneralException') {
          throw new HostError('Excel không chèn được các trang tính tổng hợp (lỗi chung của Excel, hay gặp trên Excel trên web); sổ đang mở giữ nguyên. Hãy thử lại, hoặc dùng lệnh «cchc merge» để ghi sổ tổng hợp thành tệp riêng.');
        }
        // Excel on the web takes at most 5 MB per request (WEB_LIMITS in the fake host): the trace
        // of a few hundred units exceeds it, and the file itself is then the way.
        if (code === 'RequestPayloadSizeLimitExceeded' || code === 'PayloadTooLarge') {
          throw new HostError(`Sổ tổng hợp (${formatSize(data.length)} khi gửi) quá lớn để Excel trên web nhận trong một lần; sổ đang mở giữ nguyên. Hãy bấm «Tải sổ tổng hợp (.xlsx)» rồi mở tệp đó, hoặc dùng lệnh «cchc merge».`);
        }
        throw e;
      }
      result.inserted.push(...fresh);
    }

    try {
      for (const p of plans) {
        if ('aside' in p) {
          const sheet = ctx.workbook.worksheets.add(p.aside);
          sheet.getRange(p.write.address).formulas = p.write.formulas;
          result.aside.push({ sheet: p.sheet, to: p.aside, why: p.why });
          continue;
        }
        const sheet = ctx.workbook.worksheets.getItem(p.sheet);
        for (const w of p.writes) {
          if (w.insertRows) sheet.getRange(w.insertRows).insert('Down' as Excel.InsertShiftDirection);
          sheet.getRange(w.address).formulas = w.formulas;
        }
        result.inPlace.push(p.sheet);
      }
      const first = sheets.find((n) => n !== LISTS_SHEET) ?? sheets[0]!;
      ctx.workbook.worksheets.getItem(result.aside.find((a) => a.sheet.toLowerCase() === first.toLowerCase())?.to ?? first).activate();
      await ctx.sync();
    } catch (e) {
      const err = toHostError(e, 'ghi số tổng hợp vào các trang tính đã có');
      if (!(err instanceof HostError)) throw err;
      const done = result.inserted.length ? ` Các trang tính mới ${quoteList(result.inserted)} đã được chèn.` : '';
      throw new HostError(`Chưa ghi xong số tổng hợp vào ${quoteList(plans.map((p) => p.sheet))}: Excel đã dừng giữa chừng nên một phần số có thể đã được ghi.${done} ${err.message} Hãy bấm «Ghi vào sổ đang mở» lại: lần ghi sau ghi đè toàn bộ các bảng đó.`);
    }
    if (result.inserted.includes(SHEET_INFO)) await repairNames(ctx);
    return result;
  });
}
