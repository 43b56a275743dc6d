/**
 * The floor a workbook's reading is measured against: the same file unzipped with fflate and every
 * XML part run through saxes, building nothing. No reader can do less and still look at every cell,
 * so the bench prints each check's time beside it and as a multiple of it.
 *
 * Also run as a whole process, beside `node dist/cli.js check FILE`: the bench bundles this file with
 * esbuild into dist/floor.js, as `npm run build:cli` bundles the CLI, so both pay the same Node
 * start-up and module loading for what they import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { newSaxesParser } from '../src/zip/saxes';

/** Unzips the package and scans every .xml and .rels part; the number of elements seen. */
export function floorScan(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/.test(f.name) });
  let elements = 0;
  for (const data of Object.values(parts)) {
    const parser = newSaxesParser();
    parser.on('opentag', () => {
      elements++;
    });
    parser.write(strFromU8(data)).close();
  }
  return elements;
}

/** Bundles this file into dist/floor.js (the whole-process floor); another bench/NAME.ts into dist/NAME.js. */
export function buildFloorCli(root: string, name = 'floor'): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const outfile = `${root}/dist/${name}.js`;
  esbuild.buildSync({ entryPoints: [`${root}/bench/${name}.ts`], bundle: true, platform: 'node', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

export interface ProcessTimes {
  /** Medians of the runs, in milliseconds (CPU and peak memory where /usr/bin/time is present). */
  wallMs: number;
  cpuMs: number | null;
  peakMb: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Two commands run as whole processes in turn (a b a b …) after one warm-up each, so that the
 * machine's drift hits both alike; medians of each. Commands are `node ARGS…`.
 */
export function timeProcessPair(a: string[], b: string[], runs: number): [ProcessTimes, ProcessTimes] {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const once = (args: string[]) => {
    const t0 = performance.now();
    const r = timeBin ? spawnSync(timeBin, ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    const m = timeBin ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.trim()) : null;
    return { wall, cpu: m ? (Number(m[2]) + Number(m[3])) * 1000 : null, peak: m ? Number(m[1]) / 1024 : null };
  };
  once(a);
  once(b);
  const ra: ReturnType<typeof once>[] = [];
  const rb: ReturnType<typeof once>[] = [];
  for (let i = 0; i < runs; i++) {
    ra.push(once(a));
    rb.push(once(b));
  }
  const sum = (rs: ReturnType<typeof once>[]): ProcessTimes => ({
    wallMs: median(rs.map((r) => r.wall)),
    cpuMs: rs[0]!.cpu == null ? null : median(rs.map((r) => r.cpu!)),
    peakMb: rs[0]!.peak == null ? null : median(rs.map((r) => r.peak!)),
  });
  return [sum(ra), sum(rb)];
}

if (require.main === module && process.argv[2]) process.stdout.write(`${floorScan(readFileSync(process.argv[2]))}\n`);
