/**
 * `cchc merge` against the target, measured paired: `npx tsx bench/merge-pair.ts [ROUNDS]
 * [--with OTHER_BUNDLE.js]… [--files DIR]`. bench/merge.ts measures the in-process checks once and
 * each merge once, minutes apart; on a shared machine the load changes between the two and the ratio
 * with it. Here each round, for each size, checks the files in this process (read + check one after
 * the other, as bench/merge.ts sums them) and right after runs `node dist/cli.js merge` of the same
 * files (and of each --with bundle, e.g. a copy of dist/cli.js built before a change, in turn, the
 * order changing every round), so the two sides of a ratio see the same load. Printed: the median
 * over rounds of each round's ratio, and the median of the merge's phases from its own moments
 * (CCHC_TIMINGS, src/cli/merge.ts): start-up (Node and the bundle, up to the first file read),
 * reading and checking, consolidation, writing the workbook, printing, and exit (the wall time after
 * the last moment: the process ending, seen from here). With --files DIR the unit workbooks are
 * kept there and taken again on the next run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../src/core/check';
import { readWorkbook } from '../src/xlsx/read';
import { buildWorkbook } from '../src/xlsx/template';
import { mergeRun, unitOptions, TARGET_MERGE_OVERHEAD, type Moments } from './merge';

const SIZES = [50, 200, 800];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const dec = (x: number) => x.toFixed(2).replace('.', ',');

/** The merge's phases in ms, from its moments and the wall time seen by the caller. */
function phases(at: Moments, wall: number): Record<string, number> {
  return {
    'khởi động': at['bat-dau']!,
    'đọc + kiểm tra': at['kiem-tra-xong']! - at['bat-dau']!,
    'tổng hợp': at['tong-hop-xong']! - at['kiem-tra-xong']!,
    'ghi sổ': at['ghi-xong']! - at['tong-hop-xong']!,
    'in kết quả': at['in-xong']! - at['ghi-xong']!,
    'thoát': wall - at['in-xong']!,
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const rounds = Number(argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const bundles = [resolve(__dirname, '../dist/cli.js')];
  let filesDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--with') bundles.push(resolve(argv[++i]!));
    if (argv[i] === '--files') filesDir = resolve(argv[++i]!);
  }
  const max = Math.max(...SIZES);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-merge-pair-'));
  const all = filesDir ?? join(dir, 'all');
  mkdirSync(all, { recursive: true });
  try {
    const files: string[] = [];
    const have = new Set(readdirSync(all));
    for (let i = 0; i < max; i++) {
      const name = `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`;
      if (!have.has(name)) writeFileSync(join(all, name), await buildWorkbook(unitOptions(i)));
      files.push(join(all, name));
    }
    for (const n of SIZES) {
      mkdirSync(join(dir, `n${n}`));
      for (const f of files.slice(0, n)) symlinkSync(f, join(dir, `n${n}`, f.split('/').pop()!));
    }
    // Warm, as bench/merge.ts's loop is when it is timed.
    for (const f of files.slice(0, 200)) checkWorkbook(await readWorkbook(readFileSync(f), f));
    const checksOf = async (n: number) => {
      let sum = 0;
      const cpu0 = process.cpuUsage();
      for (const f of files.slice(0, n)) {
        const bytes = readFileSync(f);
        const s = performance.now();
        checkWorkbook(await readWorkbook(bytes, f));
        sum += performance.now() - s;
      }
      const cpu = process.cpuUsage(cpu0);
      return { ms: sum, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
    const load0 = loadavg()[0]!;
    const ratios = new Map<string, number[]>();
    const cpuRatios = new Map<string, number[]>();
    const parts = new Map<string, Record<string, number>[]>();
    const walls = new Map<string, number[]>();
    const checks = new Map<number, number[]>();
    for (let r = 0; r < rounds; r++) {
      for (const n of SIZES) {
        const { ms: c, cpuMs } = await checksOf(n);
        (checks.get(n) ?? checks.set(n, []).get(n)!).push(c);
        const order = r % 2 ? [...bundles].reverse() : bundles;
        for (const b of order) {
          const out = join(dir, `out-${n}.xlsx`);
          rmSync(out, { force: true });
          const m = mergeRun(join(dir, `n${n}`), out, [], b);
          if (m.code !== 0 && m.code !== 1) throw new Error(`merge ${n} (${b}) exit ${m.code}`);
          const key = `${b}|${n}`;
          (ratios.get(key) ?? ratios.set(key, []).get(key)!).push(m.ms / c);
          (walls.get(key) ?? walls.set(key, []).get(key)!).push(m.ms);
          if (m.cpuMs != null) (cpuRatios.get(key) ?? cpuRatios.set(key, []).get(key)!).push(m.cpuMs / cpuMs);
          if (m.at['in-xong'] !== undefined) (parts.get(key) ?? parts.set(key, []).get(key)!).push(phases(m.at, m.ms));
        }
      }
      process.stderr.write(`vòng ${r + 1}/${rounds}\n`);
    }
    console.log(`== cchc merge, đo cặp (${rounds} vòng; tải trung bình 1 phút ${dec(load0)} → ${dec(loadavg()[0]!)}) ==`);
    for (const b of bundles) {
      console.log(`${b}:`);
      for (const n of SIZES) {
        const key = `${b}|${n}`;
        const ratio = median(ratios.get(key)!);
        const ph = parts.get(key) ?? [];
        const breakdown = ph.length ? Object.keys(ph[0]!).map((k) => `${k} ${Math.round(median(ph.map((p) => p[k]!)))}`).join('; ') : '';
        console.log(
          `  ${String(n).padStart(4)} tệp: merge ${Math.round(median(walls.get(key)!))} ms, kiểm tra trong tiến trình ${Math.round(median(checks.get(n)!))} ms, tỷ lệ (trung vị các vòng) ${dec(ratio)} [${ratios.get(key)!.map(dec).join(' ')}] (mục tiêu ≤ ${dec(TARGET_MERGE_OVERHEAD)}: ${ratio <= TARGET_MERGE_OVERHEAD ? 'đạt' : 'CHƯA ĐẠT'})`,
        );
        const cpu = cpuRatios.get(key);
        // CPU against CPU says what the merge costs apart from the load on the machine, which wall time cannot.
        if (cpu) console.log(`        CPU merge / CPU kiểm tra trong tiến trình: ${dec(median(cpu))} [${cpu.map(dec).join(' ')}]`);
        if (breakdown) console.log(`        ms: ${breakdown}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

