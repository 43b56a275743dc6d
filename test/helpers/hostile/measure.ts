/**
 * Measures the CLI on each hostile input of test/helpers/hostile/writers.ts: exit code, wall time
 * and peak memory from GNU time, first line of the message. Builds the inputs in a temporary
 * folder and prints a Markdown table for docs/reliability.md. A run past 30 s is stopped and shown
 * as such (the hang these inputs once caused).
 *   npm run build:cli && npx tsx test/helpers/hostile/measure.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaveConsolidationIn, makeFifo, unitWorkbook, unitWorkbookWithEscapes, workbookWithDateAndYear, writeUnitsFolder } from './writers';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist/cli.js');
const TEMPLATE = join(ROOT, 'assets/templates/bao-cao-cchc.docx');
const dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-writers-'));

function timed(args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, ...args], { encoding: 'utf8', timeout: 30000, maxBuffer: 64 * 1024 * 1024 });
  const err = r.stderr ?? '';
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0) / 1024;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
  const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const exit = r.signal ? `stopped after 30 s (${r.signal})` : String(Number(/Exit status: (\d+)/.exec(err)?.[1] ?? r.status));
  return { exit, secs, rss, out: r.stdout ?? '', err: err.split('\n').filter((l) => !/^\s+[A-Z(]|^\s*Command being timed/.test(l)).join('\n') };
}

const line = (s: string, re: RegExp) => s.split('\n').find((l) => re.test(l))?.trim() ?? '';

void (async () => {
  const units = await writeUnitsFolder(join(dir, 'don-vi'));
  const cases: [string, () => Promise<{ args: string[]; shown: RegExp }>][] = [
    [
      'merge: units named `$&`, `` $` ``, `$$` and `</sst>`, then `check` of the output',
      async () => {
        const d = join(dir, 'dollar');
        writeFileSync(join(dir, 'dollar-a.xlsx'), await unitWorkbook('Bệnh viện $& $` $$ </sst>', 1));
        writeFileSync(join(dir, 'dollar-b.xlsx'), await unitWorkbook('Trung tâm $$', 2));
        const m = timed(['merge', join(dir, 'dollar-a.xlsx'), join(dir, 'dollar-b.xlsx'), '--out', `${d}.xlsx`]);
        process.stderr.write(`  merge: exit ${m.exit}, ${m.secs} s, ${m.rss.toFixed(0)} MB\n`);
        return { args: ['check', `${d}.xlsx`], shown: /^Kết quả|Bệnh viện/ };
      },
    ],
    [
      'merge: a unit named with `_xFFFF_` and `_xD800_` (U+FFFF, a lone surrogate), then `check` of the output',
      async () => {
        writeFileSync(join(dir, 'ffff.xlsx'), await unitWorkbookWithEscapes('Bệnh viện{FFFF} A{D800}', 1));
        const m = timed(['merge', join(dir, 'ffff.xlsx'), units[1]!, '--out', join(dir, 'ffff-out.xlsx')]);
        process.stderr.write(`  merge: exit ${m.exit}, ${m.secs} s, ${m.rss.toFixed(0)} MB: ${line(m.out, /^Đã bỏ/)}\n`);
        return { args: ['check', join(dir, 'ffff-out.xlsx')], shown: /^Kết quả/ };
      },
    ],
    ['check of a FIFO named x.xlsx', async () => ({ args: ['check', makeFifo(join(dir, 'x.xlsx'))], shown: /./ })],
    [
      'merge of a folder holding a FIFO named x.xlsx',
      async () => {
        const d = join(dir, 'fifo-folder');
        await writeUnitsFolder(d);
        makeFifo(join(d, 'x.xlsx'));
        return { args: ['merge', d, '--out', join(dir, 'fifo-folder.xlsx')], shown: /./ };
      },
    ],
    ['doc of a FIFO named x.docx', async () => ({ args: ['doc', makeFifo(join(dir, 'x.docx'))], shown: /./ })],
    ['report --template a FIFO named x.docx', async () => ({ args: ['report', units[0]!, '--template', makeFifo(join(dir, 'mau.docx')), '--out', join(dir, 'r.docx')], shown: /./ })],
    ['report --out /dev/null', async () => ({ args: ['report', units[0]!, '--template', TEMPLATE, '--out', '/dev/null'], shown: /./ })],
    ['merge --out a FIFO', async () => ({ args: ['merge', join(dir, 'don-vi'), '--out', makeFifo(join(dir, 'out-fifo.xlsx'))], shown: /./ })],
    [
      'merge of a units folder holding last period\'s consolidated workbook',
      async () => {
        const first = join(dir, 'tong-hop-1.xlsx');
        timed(['merge', join(dir, 'don-vi'), '--out', first]);
        leaveConsolidationIn(join(dir, 'don-vi'), first);
        return { args: ['merge', join(dir, 'don-vi'), '--out', join(dir, 'tong-hop-2.xlsx')], shown: /là một sổ tổng hợp/ };
      },
    ],
    [
      'check: a date cell and the year set to 1e308',
      async () => {
        writeFileSync(join(dir, 'ngay.xlsx'), await workbookWithDateAndYear(1e308));
        return { args: ['check', join(dir, 'ngay.xlsx')], shown: /Từ ngày" ghi/ };
      },
    ],
  ];
  const rows = ['| Input | Exit | Time (s) | Peak RSS (MB) | Message |', '|---|---|---|---|---|'];
  for (const [label, make] of cases) {
    if (process.argv[2] && !label.includes(process.argv[2])) continue;
    const { args, shown } = await make();
    const r = timed(args);
    const msg = r.exit === '2' ? (r.err.split('\n')[0] ?? '') : line(r.out, shown);
    rows.push(`| ${label} | ${r.exit} | ${r.secs.toFixed(2)} | ${r.rss.toFixed(0)} | ${msg.replace(/\|/g, '\\|').slice(0, 200)} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
  rmSync(dir, { recursive: true, force: true });
})();
