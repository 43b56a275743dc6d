/**
 * `cchc merge` benchmark: unit workbooks built with the template writer (12 lĩnh vực, staffing,
 * ratings, surveys each), then in the same run: the sum of the single-file checks of 200 files
 * (read + check, one after the other, in this process), and `node dist/cli.js merge` of the same
 * 200 files (wall time, peak memory of the whole process with its workers, from /usr/bin/time
 * when present); the ratio of the two; and the merge of 50, 200
 * and 800 files, to see how time grows. Two more figures say what the ratio is made of: the
 * marginal cost of a file in the merge ((t800 − t200) / 600) against one single-file check, which
 * is where the cores show, apart from the merge's fixed costs (start-up, worker start, writing the
 * consolidated workbook); the same merges with the other thread count (`--threads 1` where the
 * default uses every core, every core where the default is one thread), which say what the worker threads
 * add on this machine; and `cchc check` run once per file on 20 of the files, which is what an
 * officer without `merge` would run. Beside each merge, what the issue holds it to: the same checks
 * done one after the other in this process (target: merge at most 1,1 × that), and the floor of
 * the same files (bench/floor.ts: fflate unzip + saxes scan each, building nothing). Each merge's
 * ratio is paired: its checks are measured again in this process right before it runs.
 * `npx tsx bench/merge-pair.ts` repeats that pairing over rounds (and against another bundle).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../src/core/check';
import { readWorkbook } from '../src/xlsx/read';
import { buildWorkbook, type CellInput } from '../src/xlsx/template';
import { floorScan } from './floor';
import { defaultThreads } from '../src/cli/merge';

const CLI = resolve(__dirname, '../dist/cli.js');
const SIZES = [50, 200, 800];
/** The issue's target: a merge costs at most this multiple of the same checks done in one process. */
export const TARGET_MERGE_OVERHEAD = 1.1;

export function unitOptions(i: number) {
  const kq: Record<string, CellInput>[] = [];
  for (let j = 0; j < 12; j++) {
    const [tt, tb, tk] = [5 + ((i * 7 + j) % 40), 10 + ((i * 3 + j) % 60), (i + j) % 6];
    const tong = tt + tb + tk;
    const dang = (i + 2 * j) % 5;
    const da = tong - dang;
    const qh = (i + j) % 9 === 0 ? 1 : 0;
    const th = Math.floor((da - qh) / 3);
    kq.push({ linhVuc: `Lĩnh vực ${j + 1}`, tongSo: tong, trucTuyen: tt, trucTiepBuuChinh: tb, tuKyTruoc: tk, daGiaiQuyet: da, truocHan: th, dungHan: da - qh - th, quaHan: qh, dangGiaiQuyet: dang, dangTrongHan: dang, dangQuaHan: 0 });
  }
  return {
    unit: `Trung tâm Y tế số ${i + 1}`,
    periodKind: 'Quý I' as const,
    year: 2023,
    validations: false,
    tables: {
      KetQuaGiaiQuyet: { rows: kq },
      BienChe: { rows: [{ donVi: `Trung tâm Y tế số ${i + 1}`, loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 100 + (i % 50), coMat: 90 + (i % 55) }] },
      XepLoai: { rows: [{ doiTuong: 'Viên chức', tongSo: 100, htxs: 10, htt: 70, ht: 18, kht: 2, khongDanhGia: 0 }] },
      KhaoSatHaiLong: { rows: [{ doiTuong: 'Người bệnh ngoại trú', soPhieu: 100 + i, haiLongChung: 90, soVoiMongDoi: 85, quayLai: 92, toanDien: 80 }] },
    },
  };
}

export type Moments = Record<string, number>;

export function mergeRun(folder: string, out: string, extra: string[] = [], cli = CLI): { ms: number; peakMb: number | null; cpuMs: number | null; code: number | null; at: Moments } {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const args = [cli, 'merge', folder, '--out', out, '--json', ...extra];
  // The --json output goes to a file, as an officer's would: read back through a pipe, its tens
  // of MB at 800 files were decoded here after the merge ended and counted in its time.
  const stdout = openSync(`${out}.json`, 'w');
  const options = { encoding: 'utf8' as const, maxBuffer: 1 << 30, stdio: ['ignore', stdout, 'pipe'] as ['ignore', number, 'pipe'], env: { ...process.env, CCHC_TIMINGS: '1' } };
  const t0 = performance.now();
  const r = timeBin ? spawnSync(timeBin, ['-f', '%M %U %S', process.execPath, ...args], options) : spawnSync(process.execPath, args, options);
  const ms = performance.now() - t0;
  closeSync(stdout);
  rmSync(`${out}.json`, { force: true });
  const m = timeBin ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.trim()) : null;
  // The merge's own moments (src/cli/merge.ts, CCHC_TIMINGS): ms since its process started.
  const line = /^thoi-gian (.*)$/m.exec(r.stderr)?.[1] ?? '';
  const at: Moments = Object.fromEntries(line.split(' ').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]));
  return { ms, peakMb: m ? Number(m[1]) / 1024 : null, cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null, code: r.status, at };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

export async function benchMerge(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-merge-'));
  try {
    const all = join(dir, 'all');
    mkdirSync(all);
    const max = Math.max(...SIZES);
    const t0 = performance.now();
    const files: string[] = [];
    for (let i = 0; i < max; i++) {
      const f = join(all, `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`);
      writeFileSync(f, await buildWorkbook(unitOptions(i)));
      files.push(f);
    }
    console.log(`\n== cchc merge (${availableParallelism()} lõi) ==`);
    console.log(`Tạo ${max} sổ đơn vị: ${fmt(performance.now() - t0)}`);
    for (const n of SIZES) {
      const d = join(dir, `n${n}`);
      mkdirSync(d);
      for (const f of files.slice(0, n)) symlinkSync(f, join(d, f.split('/').pop()!));
    }

    // The single-file checks of the 200 files, one after the other, in this process.
    let single = 0;
    const cpu0 = process.cpuUsage();
    for (const f of files.slice(0, 200)) {
      const s = performance.now();
      checkWorkbook(await readWorkbook(readFileSync(f), f));
      single += performance.now() - s;
    }
    const cpu = process.cpuUsage(cpu0);
    const singleCpu = (cpu.user + cpu.system) / 1000;
    // The same checks and the floor over the first 50, 200 and 800 files (each size is a prefix).
    const inProcess = new Map<number, { checks: number; floor: number }>();
    {
      let [checks, floor] = [0, 0];
      for (let i = 0; i < max; i++) {
        const bytes = readFileSync(files[i]!);
        let s = performance.now();
        checkWorkbook(await readWorkbook(bytes, files[i]));
        checks += performance.now() - s;
        s = performance.now();
        floorScan(bytes);
        floor += performance.now() - s;
        if (SIZES.includes(i + 1)) inProcess.set(i + 1, { checks, floor });
      }
    }
    const m200 = mergeRun(join(dir, 'n200'), join(dir, 'out-200.xlsx'));
    console.log(`200 tệp: tổng thời gian kiểm tra từng tệp ${fmt(single)} (CPU ${fmt(singleCpu)}); merge ${fmt(m200.ms)} (CPU ${m200.cpuMs == null ? '?' : fmt(m200.cpuMs)}, mã thoát ${m200.code}), bộ nhớ đỉnh ${m200.peakMb == null ? 'không đo được' : `${Math.round(m200.peakMb)} MB`}`);
    console.log(`Tỷ lệ merge / tổng kiểm tra từng tệp: ${(m200.ms / single).toFixed(2).replace('.', ',')} (mục tiêu < 0,7)`);
    // V8 collects garbage and compiles on background threads: the checks one after the other
    // already keep more than one core busy, which bounds what a second thread can add.
    const cores = singleCpu / single;
    console.log(`Kiểm tra từng tệp nối tiếp đã dùng ${cores.toFixed(2).replace('.', ',')} lõi (CPU / thời gian thực): trên ${availableParallelism()} lõi, tỷ lệ tốt nhất có thể là khoảng ${(cores / availableParallelism()).toFixed(2).replace('.', ',')}, khi không có chi phí cố định nào`);
    // Wall time only shows the parallelism when the cores are free: with the kernel's autogroup
    // scheduling, a busy machine gives this session its share whatever the number of threads.
    if (m200.cpuMs != null) console.log(`Song song: CPU / thời gian thực của merge = ${(m200.cpuMs / m200.ms).toFixed(2).replace('.', ',')} (2 lõi rảnh: gần 2); CPU merge / CPU kiểm tra từng tệp = ${(m200.cpuMs / singleCpu).toFixed(2).replace('.', ',')}`);
    const rows: string[] = [];
    const runs = new Map<number, ReturnType<typeof mergeRun>>();
    for (const n of SIZES) {
      // Paired: the same checks measured again right before this merge, so both see the same load
      // (bench/merge-pair.ts does the same over several rounds and takes the medians).
      let checksNow = 0;
      for (const f of files.slice(0, n)) {
        const bytes = readFileSync(f);
        const s = performance.now();
        checkWorkbook(await readWorkbook(bytes, f));
        checksNow += performance.now() - s;
      }
      const r = mergeRun(join(dir, `n${n}`), join(dir, `out-${n}.xlsx`));
      runs.set(n, r);
      const a = r.at;
      const phases = a['in-xong'] ? ` [khởi động ${a['bat-dau']} ms; kiểm tra ${a['kiem-tra-xong']! - a['bat-dau']!} ms${a['luong-phu-xong-tep-dau'] === undefined ? '' : ` (luồng phụ xong tệp đầu sau ${a['luong-phu-xong-tep-dau'] - a['bat-dau']!} ms)`}; tổng hợp ${a['tong-hop-xong']! - a['kiem-tra-xong']!} ms; ghi sổ ${a['ghi-xong']! - a['tong-hop-xong']!} ms; in kết quả ${a['in-xong']! - a['ghi-xong']!} ms]` : '';
      const same = inProcess.get(n)!;
      const overhead = r.ms / checksNow;
      rows.push(`  ${String(n).padStart(4)} tệp: ${fmt(r.ms)}, ${(r.ms / n).toFixed(0)} ms/tệp, CPU ${r.cpuMs == null ? '?' : fmt(r.cpuMs)}, bộ nhớ đỉnh ${r.peakMb == null ? '?' : `${Math.round(r.peakMb)} MB`}${phases}`);
      rows.push(`        cùng các lần kiểm tra trong một tiến trình, đo ngay trước merge ${fmt(checksNow)} (đo lần đầu ${fmt(same.checks)}): merge ${overhead.toFixed(2).replace('.', ',')} × (mục tiêu ≤ ${String(TARGET_MERGE_OVERHEAD).replace('.', ',')}: ${overhead <= TARGET_MERGE_OVERHEAD ? 'đạt' : 'CHƯA ĐẠT'}); sàn (giải nén + quét XML ${n} tệp) ${fmt(same.floor)}, merge ${(r.ms / same.floor).toFixed(2).replace('.', ',')} × sàn`);
    }
    console.log(`Tăng theo số tệp:\n${rows.join('\n')}`);
    const perFile = single / 200;
    const marginal = (runs.get(800)!.ms - runs.get(200)!.ms) / 600;
    const dec = (x: number) => x.toFixed(2).replace('.', ',');
    console.log(`Thêm một tệp vào merge (200 → 800 tệp): ${dec(marginal)} ms; một lần kiểm tra riêng: ${dec(perFile)} ms; tỷ lệ ${dec(marginal / perFile)} (không kể chi phí cố định)`);
    // The same merges on one thread: what the worker adds on this machine.
    // The same merges with the other thread count: what the worker threads add on this machine.
    const ncores = availableParallelism();
    const [byDefault, other] = [defaultThreads(ncores), defaultThreads(ncores) === 1 ? ncores : 1];
    const alt = [200, 800].map((n) => ({ n, r: mergeRun(join(dir, `n${n}`), join(dir, `out-alt-${n}.xlsx`), ['--threads', String(other)]) }));
    const checks = (r: ReturnType<typeof mergeRun>) => r.at['kiem-tra-xong']! - r.at['bat-dau']!;
    console.log(`Mặc định ${byDefault} luồng: ${[200, 800].map((n) => `${n} tệp ${fmt(runs.get(n)!.ms)} (kiểm tra ${checks(runs.get(n)!)} ms)`).join('; ')}; với --threads ${other}: ${alt.map(({ n, r }) => `${n} tệp ${fmt(r.ms)} (kiểm tra ${checks(r)} ms)`).join('; ')}`);
    const altAt = (n: number) => alt.find((x) => x.n === n)!.r;
    if (checks(runs.get(800)!) && checks(altAt(800))) {
      // Per added file, once both runs are warm: the speed-up the worker threads bring to the checks.
      const perFileDefault = (checks(runs.get(800)!) - checks(runs.get(200)!)) / 600;
      const perFileOther = (checks(altAt(800)) - checks(altAt(200))) / 600;
      const [many, single1] = byDefault > 1 ? [perFileDefault, perFileOther] : [perFileOther, perFileDefault];
      console.log(`Phần kiểm tra, thêm một tệp (200 → 800): ${dec(many)} ms với ${Math.max(byDefault, other)} luồng, ${dec(single1)} ms với 1 luồng: nhanh hơn ${dec(single1 / many)} lần (2 lõi dùng trọn: 2)`);
    }
    // What the merge replaces: `cchc check` once per file (each a process: start-up included).
    const sample = files.slice(0, 20);
    const t1 = performance.now();
    for (const f of sample) spawnSync(process.execPath, [CLI, 'check', f, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const perProcess = (performance.now() - t1) / sample.length;
    console.log(`"cchc check" từng tệp (mỗi tệp một lần chạy, đo trên 20 tệp): ${dec(perProcess)} ms/tệp; 200 tệp ≈ ${fmt(perProcess * 200)}; merge 200 tệp / số đó: ${dec(m200.ms / (perProcess * 200))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchMerge().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
