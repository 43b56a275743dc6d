/**
 * `cchc merge FILE_OR_FOLDER… --out SO.xlsx [--previous PREV.xlsx] [--json] [--max-change 50]`:
 * checks every unit's workbook, consolidates them and writes the Sở's workbook with its "Nguồn"
 * and "Truy vết" sheets. Files are read and checked on worker threads, one workbook per worker at
 * a time (memory stays bounded by the number of cores, not the number of files); the workers
 * re-enter this same bundle (dist/cli.js) and hand back plain data only.
 * A unit file that cannot be read (or a file of a folder that is no workbook) is left out of the
 * totals but never silently: it is named in the output and on "Nguồn" with why, and the run exits
 * 1, as for any error. Only when no file at all can be read does the run stop (exit 2).
 */
import { province } from '../core/narrative/build';
import { checkPreviousConsolidation, identityOf } from '../core/pairing';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Worker, parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../core/check';
import { mergeUnits, type MergeResult } from '../core/merge/merge';
import { readPreviousUnits, toUnitReport, type UnitReport } from '../core/merge/units';
import { SEVERITY_LABEL } from '../core/messages';
import { periodTitle } from '../core/format';
import { isUnreadableWorkbookError } from '../xlsx/errors';
import { readWorkbook } from '../xlsx/read';
import { assertReplaceable, planOutput, UnsafeWriteError, writeOutput, type OutputPlan } from './safe-write';
import { judgeConsolidation, sameCells } from './existing-output';
import { ioMessage, readBoundedSync } from './input';
import { refusalMessage } from '../core/catalogue/refusals';
import { jsonSafe, terminalSafeLines } from './safe-text';
import { MERGE_WORKER } from './merge-role';


/** A Vietnamese message for the user; the command exits 2. */
export class MergeInputError extends Error {}

/** Extensions of the files the readers read (by their bytes: a renamed file is still read right). */
const WORKBOOK_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.csv', '.tsv', '.htm', '.html', '.xml']);

/** A file left out of the consolidation and why (Vietnamese, for the output and "Nguồn"). */
export interface LeftOut {
  file: string;
  reason: string;
}

/**
 * Files as given, folders expanded to their workbooks (not recursive), sorted; the other files of
 * a folder are returned as left out, so the officer sees every file the run did not sum. Excel's
 * "~$" lock files and hidden files (".DS_Store") are not the officer's files and are passed over.
 */
export function expandInputs(args: readonly string[]): { files: string[]; leftOut: LeftOut[] } {
  const out: string[] = [];
  const leftOut: LeftOut[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      throw new MergeInputError(refusalMessage('merge_input_missing', { path: a }));
    }
    if (st.isDirectory()) {
      const names = readdirSync(a)
        .filter((f) => !f.startsWith('~$') && !f.startsWith('.'))
        .sort((x, y) => x.localeCompare(y, 'vi'));
      const found: string[] = [];
      for (const f of names) {
        const path = join(a, f);
        let st2;
        try {
          st2 = statSync(path);
        } catch {
          // vanished between the listing and now: nothing to name
          continue;
        }
        if (st2.isDirectory()) continue;
        // A pipe, device or socket is never opened (it may never end); named like any file left out.
        if (!st2.isFile()) {
          leftOut.push({ file: path, reason: 'Không phải một tệp thông thường (thiết bị, ống dẫn hay ổ cắm): không mở.' });
          continue;
        }
        if (WORKBOOK_EXT.has(extname(f).toLowerCase())) found.push(path);
        else leftOut.push({ file: path, reason: `Không phải sổ số liệu (tệp "${extname(f) || 'không có đuôi'}"): lệnh merge đọc các tệp .xlsx, .xlsm, .xls, .ods, .csv và trang .htm/.xml xuất từ hệ thống một cửa.` });
      }
      if (!found.length) throw new MergeInputError(refusalMessage('merge_folder_empty', { path: a }));
      out.push(...found);
    } else out.push(a);
  }
  return { files: out, leftOut };
}

type Outcome = { ok: true; unit: UnitReport } | { ok: false; reason: string };

/** Reads and checks one unit's file; what a worker does for each job. */
export async function checkUnitFile(path: string): Promise<Outcome> {
  try {
    // Sized before it is read (input.ts): a huge file or a device never fills a worker's memory.
    const bytes = readBoundedSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const model = await readWorkbook(bytes, basename(path));
    return { ok: true, unit: toUnitReport(checkWorkbook(model), path, hash, model) };
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return { ok: false, reason: e.message };
    if ((e as NodeJS.ErrnoException)?.code) return { ok: false, reason: ioMessage(e, path) };
    return { ok: false, reason: `Lỗi không mong đợi khi đọc tệp: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** Worker side: one job at a time, so a worker holds one workbook model at most. */
export function runMergeWorker(): void {
  // Jobs arrive up to two ahead (so the worker never waits on a busy main thread) but run one after the other.
  let chain: Promise<void> = Promise.resolve();
  parentPort!.on('message', (job: { i: number; path: string }) => {
    chain = chain.then(() => checkUnitFile(job.path).then((outcome) => parentPort!.postMessage({ i: job.i, outcome })));
  });
}

/** Workers only run from the bundle: under ts-node/tsx `__filename` is a .ts file a worker cannot load. */
const bundled = () => typeof __filename === 'string' && __filename.endsWith('.js');

/**
 * With CCHC_TIMINGS set, the merge ends with one line on stderr of the moments (ms since the
 * process started) its phases ended, for bench/merge.ts: the parallel checks apart from the fixed
 * costs (start-up, a worker's start, writing the consolidated workbook).
 */
const moments: [string, number][] = [];
const moment = (label: string) => {
  if (process.env.CCHC_TIMINGS) moments.push([label, Math.round(performance.now())]);
};

/**
 * Threads that check files when --threads is not given. On two cores a worker does not pay: the
 * checks one after the other already keep about 1,5 cores busy (V8 collects garbage and compiles
 * on background threads), and the worker's own start and cold compiler cost more than it saves
 * (docs/merge.md, "Measured"); on a machine shared with others it only competes for the same
 * two cores. With more cores, one thread per core (not measured here).
 */
export function defaultThreads(cores = availableParallelism()): number {
  return cores <= 2 ? 1 : cores;
}

export async function checkAll(files: readonly string[], progress: (done: number) => void, threads = defaultThreads()): Promise<Outcome[]> {
  const results: Outcome[] = new Array(files.length);
  const n = Math.max(1, Math.min(threads, files.length));
  if (n === 1 || !bundled()) {
    for (let i = 0; i < files.length; i++) {
      results[i] = await checkUnitFile(files[i]!);
      progress(i + 1);
    }
    return results;
  }
  // The main thread checks files too, beside n - 1 workers: one bundle fewer to load (about 0,7 s
  // of CPU each), which is what the merge of a few dozen files spends most on.
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const finish = () => {
        progress(++done);
        if (done === files.length) resolve();
      };
      const outstanding = new Map<Worker, number>();
      const feed = (w: Worker) => {
        while ((outstanding.get(w) ?? 0) < 2 && next < files.length) {
          const i = next++;
          outstanding.set(w, (outstanding.get(w) ?? 0) + 1);
          w.postMessage({ i, path: files[i] });
        }
      };
      for (let k = 0; k < n - 1; k++) {
        const w = new Worker(__filename, { workerData: { role: MERGE_WORKER } });
        workers.push(w);
        w.once('message', () => moment('luong-phu-xong-tep-dau'));
        w.on('message', (m: { i: number; outcome: Outcome }) => {
          results[m.i] = m.outcome;
          outstanding.set(w, (outstanding.get(w) ?? 1) - 1);
          feed(w);
          finish();
        });
        w.on('error', reject);
        // A worker killed from outside (out of memory) would otherwise leave the run waiting forever.
        w.on('exit', (code) => {
          if (done < files.length) reject(new Error(`luồng kiểm tra dừng đột ngột (mã ${code})`));
        });
        feed(w);
      }
      void (async () => {
        while (next < files.length) {
          const i = next++;
          results[i] = await checkUnitFile(files[i]!);
          finish();
          // Let the workers' messages in, so they are fed before the next file.
          await new Promise((r) => setImmediate(r));
        }
      })().catch(reject);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export interface MergeRun {
  inputs: string[];
  out: string;
  previous?: string;
  json?: boolean;
  maxChangePercent?: number;
  unit?: string;
  /** Replace an existing --out that is not a consolidation. */
  overwrite?: boolean;
  /** Threads that read and check files, the main one included (default: defaultThreads()). */
  threads?: number;
}

export async function runMerge(opts: MergeRun): Promise<number> {
  const { files, leftOut } = expandInputs(opts.inputs);
  // A device or pipe as --out is refused before the units are read, not after (safe-write.ts).
  // So is an existing file that is no consolidation (the officer's own workbook), unless --overwrite.
  let plan: OutputPlan;
  try {
    assertReplaceable(opts.out);
    plan = await planOutput(opts.out, { overwrite: opts.overwrite, judge: judgeConsolidation });
  } catch (e) {
    if (e instanceof UnsafeWriteError) throw new MergeInputError(e.message);
    throw e;
  }
  const tty = !!process.stderr.isTTY && !opts.json;
  const progress = (done: number) => {
    if (tty) process.stderr.write(`\rĐã kiểm tra ${done}/${files.length} tệp`);
  };
  moments.length = 0;
  moment('bat-dau');
  const outcomes = await checkAll(files, progress, opts.threads);
  moment('kiem-tra-xong');
  if (tty) process.stderr.write('\n');
  const unreadable: LeftOut[] = [...leftOut];
  const units: UnitReport[] = [];
  outcomes.forEach((o, i) => (o.ok ? units.push(o.unit) : unreadable.push({ file: files[i]!, reason: o.reason })));
  // Nothing to sum: writing an empty consolidation would only hide the problem.
  if (!units.length) throw new MergeInputError(`${unreadable.map((u) => `Không đọc được tệp ${u.file}: ${u.reason}`).join('\n')}\nChưa ghi sổ tổng hợp: không đọc được tệp nào; hãy sửa các tệp trên rồi chạy lại.`);

  let previous;
  if (opts.previous) {
    const prev = await loadPrevious(opts.previous);
    // This period's own consolidation is not the previous one (src/core/pairing.ts).
    const current = units.find((u) => u.period)?.period ?? null;
    const problem = checkPreviousConsolidation(current, identityOf(checkWorkbook(prev)), opts.previous);
    if (problem) throw new MergeInputError(`${problem.message}\nChưa ghi sổ tổng hợp.`);
    previous = readPreviousUnits(prev);
  }
  const result = mergeUnits(units, {
    ...(opts.previous ? { previous, previousFile: opts.previous } : {}),
    ...(opts.maxChangePercent != null ? { maxChange: opts.maxChangePercent / 100 } : {}),
    ...(unreadable.length ? { unreadable } : {}),
  });
  // ExcelJS comes with the writer, loaded here only: the workers never need it (main.ts, template).
  moment('tong-hop-xong');
  const [{ buildMergedWorkbookDetailed, MergedWorkbookTooLargeError }, { writeZipNative }] = await Promise.all([import('../xlsx/merge-workbook'), import('../zip/write-node')]);
  let built;
  try {
    // Deflated by Node's zlib (write-node.ts): "Truy vết" is most of what writing costs.
    built = await buildMergedWorkbookDetailed(result, opts.unit, writeZipNative);
  } catch (e) {
    // Past what check and --previous read: nothing written, exit 2 with the units that would fit.
    if (e instanceof MergedWorkbookTooLargeError) throw new MergeInputError(e.message);
    throw e;
  }
  const { bytes, droppedNote } = built;
  let kept: string | null;
  try {
    // A previous consolidation holding exactly these cells loses nothing; any other is kept.
    // Unreadable now (gone, too large): not the same, so it is kept if it is still there.
    const same = plan.existing === 'edited' && (await (async () => sameCells(new Uint8Array(readBoundedSync(opts.out)), bytes))().catch(() => false));
    if (same) plan = { existing: 'unedited' };
    kept = writeOutput(opts.out, bytes, [...files.map((f) => ({ path: f, label: `tệp của đơn vị ${f}` })), ...(opts.previous ? [{ path: opts.previous, label: 'sổ tổng hợp kỳ trước (--previous)' }] : [])], plan);
  } catch (e) {
    if (e instanceof UnsafeWriteError) throw new MergeInputError(e.message);
    throw e;
  }
  moment('ghi-xong');
  // Unit names and paths come from the files: made safe for a terminal (safe-text.ts).
  const keptNote = kept ? `Sổ tổng hợp cũ "${opts.out}" khác số liệu mới (có thể đã được sửa): đã giữ bản đó thành "${kept}".` : null;
  const written = { ...(droppedNote ? { droppedCharacters: droppedNote } : {}), ...(kept ? { keptPrevious: kept } : {}) };
  const json = { ...mergeJson(result, units, opts.out), ...(Object.keys(written).length ? { written } : {}) };
  process.stdout.write(opts.json ? `${jsonSafe(JSON.stringify(json, null, 2))}\n` : terminalSafeLines(mergeText(result, opts.out, opts.unit) + (droppedNote ? `\n${droppedNote}\n` : '') + (keptNote ? `\n${keptNote}\n` : '')));
  moment('in-xong');
  if (moments.length) process.stderr.write(`thoi-gian ${moments.map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
  return result.summary.errors > 0 || unitErrors(result).errors > 0 ? 1 : 0;
}

async function loadPrevious(path: string) {
  try {
    return await readWorkbook(readBoundedSync(path), basename(path));
  } catch (e) {
    if (isUnreadableWorkbookError(e)) throw new MergeInputError(`Không đọc được sổ tổng hợp kỳ trước ${path}: ${e.message}`);
    if ((e as NodeJS.ErrnoException)?.code) throw new MergeInputError(`Sổ tổng hợp kỳ trước (--previous): ${ioMessage(e, path)}`);
    throw e;
  }
}

/** `merge --json`: documented in docs/merge.md. */
export function mergeJson(result: MergeResult, units: readonly UnitReport[], out: string) {
  const byFile = new Map(units.map((u) => [u.file, u]));
  return {
    command: 'merge',
    out,
    period: result.period,
    unit: result.unit,
    summary: result.summary,
    // The units' own errors, which the exit status counts beside `summary` (the cross-unit findings).
    unitErrors: unitErrors(result),
    units: result.sources.map((s) => {
      const u = s.file ? byFile.get(s.file) : undefined;
      return {
        file: s.file || null,
        unit: s.unit,
        period: u?.period ?? null,
        layout: s.layout || null,
        included: s.included,
        status: s.status,
        summary: u?.summary ?? null,
        fileHash: s.fileHash || null,
        figuresHash: s.figuresHash || null,
        received: s.received,
        carried: s.carried,
        pending: s.pending,
        issues: u?.issues ?? [],
      };
    }),
    findings: result.findings,
    consolidated: { tables: result.consolidated.tables, metrics: result.consolidated.metrics, notes: result.consolidated.notes },
    trace: result.consolidated.trace,
  };
}

/**
 * Without the Sở's own workbook among the inputs nor --unit, the consolidation's unit is "Tổng hợp
 * các đơn vị" and a report written from it leaves the governing body ("UBND TỈNH ……") blank: say
 * so, and suggest the name where the units agree on their province.
 */
function noDepartmentNote(result: MergeResult): string {
  const places = new Set(result.sources.filter((s) => s.included && s.unit).map((s) => province(s.unit).diaDanh).filter(Boolean));
  const hint = places.size === 1 ? `--unit "Sở Y tế tỉnh ${[...places][0]}"` : '--unit "Sở Y tế tỉnh …"';
  return `Chưa có tên Sở: không có tệp của Sở Y tế trong các tệp đã cộng, nên sổ tổng hợp ghi đơn vị là "Tổng hợp các đơn vị" và báo cáo viết từ sổ này sẽ để trống tên tỉnh. Hãy chạy lại với ${hint}, hoặc sửa ô "Đơn vị báo cáo" trên trang "Thông tin" của sổ tổng hợp.`;
}

/** Errors of the units' own workbooks that were summed, and how many units have them. */
export function unitErrors(result: MergeResult): { errors: number; units: number } {
  const withErrors = result.sources.filter((s) => s.included && (s.errors ?? 0) > 0);
  return { errors: withErrors.reduce((a, s) => a + (s.errors ?? 0), 0), units: withErrors.length };
}

export function mergeText(result: MergeResult, out: string, unit?: string): string {
  const lines: string[] = [];
  const p = result.period;
  lines.push(`Tổng hợp ${result.sources.filter((s) => s.file).length} tệp${p ? ` — ${periodTitle(p.kind, p.year)}` : ''}`);
  lines.push('');
  for (const s of result.sources) {
    const counts = s.errors == null ? '' : ` (${s.errors} lỗi, ${s.warnings} cảnh báo)`;
    lines.push(`${s.included ? (s.errors ? 'Có lỗi' : 'Đạt   ') : 'Bỏ qua'}  ${s.unit || '(không rõ đơn vị)'}${counts}${s.file ? ` — ${s.file}` : ''}${s.included ? '' : `: ${s.status}`}`);
  }
  if (result.findings.length) {
    lines.push('', '[Đối chiếu giữa các đơn vị]');
    for (const f of result.findings) lines.push(`${SEVERITY_LABEL[f.severity]}  ${f.message}`);
  }
  for (const n of result.consolidated.notes) lines.push('', n);
  // One count, as the exit status counts: the units' own errors and those found across units.
  const { errors, units } = unitErrors(result);
  const inUnits = errors ? `${errors} lỗi trong ${units} tệp đơn vị (dòng «Có lỗi» ở trên; «cchc check TỆP» cho biết từng ô)` : 'không có lỗi trong các tệp đơn vị';
  lines.push('', `Kết quả: ${inUnits}; đối chiếu giữa các đơn vị: ${result.summary.errors} lỗi, ${result.summary.warnings} cảnh báo.`, `Đã ghi sổ tổng hợp: ${out} (sheet "Nguồn" và "Truy vết" cho biết số nào lấy từ ô nào).`);
  if (!unit && !result.unit) lines.push(noDepartmentNote(result));
  return `${lines.join('\n')}\n`;
}
