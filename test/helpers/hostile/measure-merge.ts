/**
 * `cchc merge` of 800 and 1 200 units (bench/merge.ts's units, as scripts/measure-large.ts): the
 * first is written and read back by `cchc check`; the second passes the cell limit and is refused
 * before writing. Prints a Markdown table for docs/reliability.md.
 *   npm run build:cli && npx tsx test/helpers/hostile/measure-merge.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unitOptions } from '../../../bench/merge';
import { buildWorkbook } from '../../../src/xlsx/template';

const CLI = join(__dirname, '..', '..', '..', 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-merge-'));

function timed(args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, ...args], { encoding: 'utf8', timeout: 600000, maxBuffer: 1 << 28 });
  const err = r.stderr ?? '';
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0) / 1024;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
  const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const exit = Number(/Exit status: (\d+)/.exec(err)?.[1] ?? r.status);
  const said = (r.stdout + err).split('\n').find((l) => /Chưa ghi|Đã ghi|Kết quả|Không đọc/.test(l))?.trim() ?? '';
  return { exit, secs, rss, said: said.length > 200 ? `${said.slice(0, 200)}…` : said };
}

void (async () => {
  const units = join(dir, 'don-vi');
  mkdirSync(units);
  let made = 0;
  for (const n of [800, 1200]) {
    for (; made < n; made++) writeFileSync(join(units, `don-vi-${String(made + 1).padStart(4, '0')}.xlsx`), await buildWorkbook(unitOptions(made)));
    const out = join(dir, `tong-hop-${n}.xlsx`);
    const m = timed(['merge', units, '--out', out]);
    console.log(`| merge of ${n} units | ${m.exit} | ${m.secs.toFixed(2).replace('.', ',')} | ${m.rss.toFixed(0)} | ${m.said.replace(/\|/g, '\\|')} |`);
    if (existsSync(out)) {
      const c = timed(['check', out]);
      console.log(`| check of that consolidation | ${c.exit} | ${c.secs.toFixed(2).replace('.', ',')} | ${c.rss.toFixed(0)} | ${c.said.replace(/\|/g, '\\|')} |`);
    } else console.log(`| (no file written for ${n} units) | | | | |`);
  }
  rmSync(dir, { recursive: true, force: true });
})();
