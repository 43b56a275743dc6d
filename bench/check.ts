/**
 * Checker benchmark: a large workbook (5.000 TTHC rows, 2.000 staffing rows) built with the
 * template writer, then timed three ways in the same run (median of several repetitions):
 * bare ExcelJS load, readWorkbook (load + model), readWorkbook + checkWorkbook.
 * Beside each check, and for the clean sample too, the floor (bench/floor.ts: fflate unzip + saxes
 * scan of the same file, building nothing): in this process once loaded (warm; for the large
 * workbooks timed in turn with the check, round by round: pairedWithFloor), and as a whole
 * process (`node dist/cli.js check FILE` against `node dist/floor.js FILE`, in turn), with the
 * ratios and the targets they are held to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { buildFloorCli, floorScan, timeProcessPair } from './floor';
import { checkWorkbook } from '../src/core/check';
import { readWorkbook } from '../src/xlsx/read';
import { buildWorkbook, type CellInput } from '../src/xlsx/template';
import { preparePackage } from '../test/support/exceljs-repairs';
import { BIEU06_HEADER, BIEU06_HEADER_MERGES, sheet } from '../scripts/build-layout-fixtures';

const REPS = 9;
const PROCESS_RUNS = 9;
const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
/** The targets: a small check as a whole process, a large one in a warm process, against the floor. */
export const TARGET_SMALL_PROCESS = 1.6;
export const TARGET_LARGE_WARM = 1.5;

export function largeOptions() {
  const tthc: Record<string, CellInput>[] = [];
  for (let i = 0; i < 5000; i++) {
    // Consistent figures (T1–T4 hold), so the run measures checking rather than message writing.
    const [tt, tb, tk, trh, dqh] = [1 + (i % 17), i % 23, i % 5, i % 4, i % 2];
    const tongSo = tt + tb + tk;
    const dang = Math.min(tongSo, trh + dqh);
    const [dangTrongHan, dangQuaHan] = [Math.min(trh, dang), dang - Math.min(trh, dang)];
    const da = tongSo - dang;
    const qh = da > 2 && i % 7 === 0 ? 1 : 0;
    const th = Math.floor((da - qh) / 2);
    tthc.push({ linhVuc: `Lĩnh vực ${i + 1}`, tongSo, trucTuyen: tt, trucTiepBuuChinh: tb, tuKyTruoc: tk, daGiaiQuyet: da, truocHan: th, dungHan: da - qh - th, quaHan: qh, dangGiaiQuyet: dang, dangTrongHan, dangQuaHan });
  }
  const staff: Record<string, CellInput>[] = [];
  for (let i = 0; i < 2000; i++) staff.push({ donVi: `Đơn vị ${i + 1}`, loai: i % 3 ? 'Viên chức' : 'Công chức', tuyen: i % 2 ? 'Tỉnh' : 'Huyện', duocGiao: 50 + (i % 40), coMat: 45 + (i % 50) });
  return { unit: 'Sở Y tế (thử tải)', periodKind: 'Quý I' as const, year: 2023, tables: { KetQuaGiaiQuyet: { rows: tthc }, BienChe: { rows: staff } } };
}

/**
 * The same 5.000 lĩnh vực in the official Biểu 06 layout: no table objects or names, a merged
 * three-row header with column numbers, the totals row first, 100 groups with their subtotals.
 */
export async function largeBieu06(): Promise<Uint8Array> {
  const rows = largeOptions().tables.KetQuaGiaiQuyet.rows;
  const keys = ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'];
  const fig = (r: Record<string, CellInput>) => keys.map((k) => r[k] as number);
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
  const body: (string | number | null)[][] = [];
  let total = keys.map(() => 0);
  for (let g = 0; g < 100; g++) {
    const part = rows.slice(g * 50, g * 50 + 50);
    const sub = part.reduce((acc, r) => add(acc, fig(r)), keys.map(() => 0));
    total = add(total, sub);
    body.push([toRoman(g + 1), `Nhóm ${g + 1}`, ...sub]);
    part.forEach((r, i) => body.push([i + 1, r.linhVuc as string, ...fig(r)]));
  }
  const wb = new ExcelJS.Workbook();
  sheet(wb, 'Biểu 06', [
    { at: 1, rows: [['BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ I NĂM 2023'], ['Đơn vị báo cáo: Sở Y tế (thử tải)']] },
    { at: 7, rows: [...BIEU06_HEADER, ['Tổng cộng', null, ...total], ...body], merges: BIEU06_HEADER_MERGES },
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function toRoman(n: number): string {
  const t: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const dec = (x: number) => x.toFixed(2).replace('.', ',');
const verdict = (x: number, target: number) => `mục tiêu ≤ ${dec(target).replace(/0$/, '')}: ${x <= target ? 'đạt' : 'CHƯA ĐẠT'}`;

/** The floor in this process (median of REPS after one warm-up), in milliseconds. */
async function floorWarm(bytes: Uint8Array): Promise<number> {
  floorScan(bytes);
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) t.push(await time(async () => floorScan(bytes)));
  return median(t);
}

const PAIRED_ROUNDS = 15;

/**
 * The floor, then each of `paths`, in turn for PAIRED_ROUNDS rounds after one warm-up: the
 * median of the rounds' ratios to the floor, in wall time and in CPU time (process.cpuUsage).
 * Timed apart, the medians came minutes apart and the ratios moved with whatever else the machine
 * ran in between; on a machine loaded by other work the CPU ratio, which counts only this
 * process's turns on a core, moves least.
 */
async function pairedWithFloor(bytes: Uint8Array, paths: (() => Promise<unknown>)[]): Promise<{ floor: number; wall: number[]; cpu: number[] }> {
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const timed = async (fn: () => unknown) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    return { wall: performance.now() - t0, cpu: cpuMs(process.cpuUsage(c0)) };
  };
  floorScan(bytes);
  for (const p of paths) await p();
  const floors: number[] = [];
  const wall = paths.map(() => [] as number[]);
  const cpu = paths.map(() => [] as number[]);
  for (let i = 0; i < PAIRED_ROUNDS; i++) {
    const f = await timed(() => floorScan(bytes));
    floors.push(f.wall);
    for (let k = 0; k < paths.length; k++) {
      const t = await timed(paths[k]!);
      wall[k]!.push(t.wall / f.wall);
      cpu[k]!.push(t.cpu / f.cpu);
    }
  }
  return { floor: median(floors), wall: wall.map(median), cpu: cpu.map(median) };
}

/** `cchc check FILE` against the floor, each as a whole process; the line printed. */
function processLine(floorCli: string, file: string, target?: number): string {
  const [c, f] = timeProcessPair([CLI, 'check', file], [floorCli, file], PROCESS_RUNS);
  const ratio = c.wallMs / f.wallMs;
  const extra = c.cpuMs == null ? '' : ` (CPU ${fmt(c.cpuMs)}, bộ nhớ đỉnh ${Math.round(c.peakMb!)} MB; sàn CPU ${fmt(f.cpuMs!)}, ${Math.round(f.peakMb!)} MB)`;
  // On a busy machine the wall time is mostly waiting for a core: the CPU ratio says more then.
  const cpuRatio = c.cpuMs == null ? '' : `; tỷ lệ CPU ${dec(c.cpuMs / f.cpuMs!)}`;
  return `Cả tiến trình: cchc check ${fmt(c.wallMs)}, sàn ${fmt(f.wallMs)}${extra}; tỷ lệ thời gian thực ${dec(ratio)}${target ? ` (${verdict(ratio, target)})` : ''}${cpuRatio}; trung vị của ${PROCESS_RUNS} lần chạy xen kẽ`;
}

/** The clean sample, the workbook an officer checks most: whole process and warm, against the floor. */
async function benchSmall(floorCli: string): Promise<void> {
  const file = join(ROOT, 'assets/samples/mau-sach.xlsx');
  const bytes = new Uint8Array(readFileSync(file));
  console.log(`\n== Kiểm tra sổ mẫu sạch (mau-sach.xlsx, ${(bytes.length / 1024).toFixed(0)} KB) so với sàn (fflate giải nén + saxes quét, không dựng gì) ==`);
  console.log(processLine(floorCli, file, TARGET_SMALL_PROCESS));
  const readCheck = async () => checkWorkbook(await readWorkbook(bytes));
  await readCheck();
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) t.push(await time(readCheck));
  const [c, f] = [median(t), await floorWarm(bytes)];
  console.log(`Trong một tiến trình đã nạp: readWorkbook + checkWorkbook ${fmt(c)}, sàn ${fmt(f)}; tỷ lệ ${dec(c / f)}`);
}

export async function benchCheck(): Promise<void> {
  const floorCli = buildFloorCli(ROOT);
  await benchSmall(floorCli);
  await benchOne(floorCli, 'lon.xlsx', () => buildWorkbook(largeOptions()), (kb) => `Kiểm tra sổ số liệu lớn theo mẫu chuẩn (5.000 dòng TTHC, 2.000 dòng biên chế, có danh sách thả xuống; ${kb} KB)`);
  await benchOne(floorCli, 'bieu06-lon.xlsx', largeBieu06, (kb) => `Kiểm tra Biểu 06 chính thức cỡ lớn (tiêu đề gộp 3 dòng, dòng số cột, tổng cộng ở đầu, 100 nhóm, 5.000 lĩnh vực; không có bảng Excel hay tên; ${kb} KB)`);
}

async function benchOne(floorCli: string, name: string, build: () => Promise<Uint8Array>, title: (kb: string) => string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, await build());
    const bytes = readFileSync(file);
    console.log(`\n== ${title((bytes.length / 1024).toFixed(0))} ==`);
    // One warm-up of each path, then REPS timed runs of each in turn.
    // ExcelJS 4.4 refuses the totals rows' <totalsRowFormula> (test/support/exceljs-repairs.ts): it parses the repaired copy, made once outside the timing.
    const forExcelJs = (await preparePackage(bytes)).data;
    const bare = async () => new ExcelJS.Workbook().xlsx.load(forExcelJs as unknown as ArrayBuffer);
    const read = () => readWorkbook(bytes);
    let findings = 0;
    const readCheck = async () => {
      findings = checkWorkbook(await readWorkbook(bytes)).issues.length;
    };
    await bare();
    await read();
    await readCheck();
    const t = { bare: [] as number[], read: [] as number[], check: [] as number[] };
    for (let i = 0; i < REPS; i++) {
      t.bare.push(await time(bare));
      t.read.push(await time(read));
      t.check.push(await time(readCheck));
    }
    const [b, r, c] = [median(t.bare), median(t.read), median(t.check)];
    console.log(`ExcelJS nạp tệp (không dựng mô hình): ${fmt(b)}`);
    console.log(`readWorkbook (nạp + dựng mô hình):     ${fmt(r)}  (${(r / b).toFixed(2).replace('.', ',')} × ExcelJS)`);
    // The issue's ratio: the whole check (read + model + check) against a bare parse by ExcelJS.
    const ratio = c / b;
    console.log(`readWorkbook + checkWorkbook:         ${fmt(c)}  (${(c / r).toFixed(2).replace('.', ',')} × readWorkbook)`);
    console.log(`Tỷ lệ kiểm tra / phân tích thuần:     ${ratio.toFixed(2).replace('.', ',')}  (mục tiêu ≤ 1,3: ${ratio <= 1.3 ? 'đạt' : 'CHƯA ĐẠT'}); thời gian ${fmt(c)} (mục tiêu < 2 s: ${c < 2000 ? 'đạt' : 'CHƯA ĐẠT'})`);
    console.log(`phát hiện: ${findings}; trung vị của ${REPS} lần chạy`);
    const p = await pairedWithFloor(bytes, [read, readCheck]);
    const [readWall, checkWall] = p.wall as [number, number];
    const [readCpu, checkCpu] = p.cpu as [number, number];
    console.log(
      `Sàn trong một tiến trình (fflate giải nén + saxes quét): ${fmt(p.floor)}; readWorkbook ${dec(readWall)} × sàn (CPU ${dec(readCpu)}); readWorkbook + checkWorkbook ${dec(checkWall)} × sàn (${verdict(checkWall, TARGET_LARGE_WARM)}), theo CPU ${dec(checkCpu)} × sàn; sàn và đường đo xen kẽ, trung vị tỷ lệ của ${PAIRED_ROUNDS} vòng`,
    );
    console.log(processLine(floorCli, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchCheck().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
