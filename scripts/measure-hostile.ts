/**
 * Measures `cchc check` on each hostile workbook class of issue 8 (workbook side): exit code,
 * wall time and peak memory from GNU time, first line of its message. Writes the inputs to a
 * temporary folder, prints a Markdown table for docs/reliability.md.
 *   npm run build:cli && npx tsx scripts/measure-hostile.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellsBehindFalseDimension, deepSheet, deflateZeros, farCellSheet, hugeDimensionSheet, lyingWorkbook, manySheets, smallSheet, writeRawZip } from '../test/helpers/hostile';

const ROOT = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-'));

const cases: [string, () => Promise<string>][] = [
  [
    'zip bomb, sizes lied about: 2 MB file inflating to 2 GB',
    async () => {
      const f = join(dir, 'bomb.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet2.xml': { deflated: await deflateZeros(2 * 1024 ** 3) } }));
      return f;
    },
  ],
  [
    '1,6 M cells behind a false <dimension ref="A1"/>',
    async () => {
      const f = join(dir, 'cells.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet2.xml': cellsBehindFalseDimension(1_600_000) }, 1_000_000_000));
      return f;
    },
  ],
  [
    'XML nested 1 000 000 deep in a sheet',
    async () => {
      const f = join(dir, 'deep.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet2.xml': deepSheet(1_000_000) }, 1_000_000_000));
      return f;
    },
  ],
  [
    '65 000 empty parts with long names (zip directory of 20 MB, under the file limit)',
    async () => {
      const f = join(dir, 'parts.xlsx');
      const empty = Buffer.from([3, 0]);
      writeFileSync(
        f,
        Buffer.concat([
          writeRawZip(Array.from({ length: 65_000 }, (_, i) => ({ name: `xl/${'p'.repeat(120)}${i}.xml`, deflated: empty, declaredSize: 0, crc: 0 }))),
        ]),
      );
      return f;
    },
  ],
  [
    'huge non-zip file (4 GB, sparse)',
    async () => {
      const f = join(dir, 'huge.xlsx');
      execFileSync('truncate', ['-s', '4G', f]);
      return f;
    },
  ],
  ['a device: /dev/zero', async () => '/dev/zero'],
  [
    'sheet claiming A1:XFD1048576 with a cell in the last row and column',
    async () => {
      const f = join(dir, 'dimension.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet5.xml': hugeDimensionSheet() }, 1_000_000_000));
      return f;
    },
  ],
  [
    '60 sheets, each with one cell in row 1 048 576',
    async () => {
      const f = join(dir, 'far.xlsx');
      writeFileSync(f, await manySheets(60, farCellSheet));
      return f;
    },
  ],
  [
    '4 000 small sheets',
    async () => {
      const f = join(dir, 'sheets.xlsx');
      writeFileSync(f, await manySheets(4000, smallSheet));
      return f;
    },
  ],
  [
    'just under the limits: 1 490 000 cells (accepted)',
    async () => {
      const f = join(dir, 'under.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet5.xml': cellsBehindFalseDimension(1_490_000) }, 1e9));
      return f;
    },
  ],
  [
    'two sheets reaching row 1 048 576 (accepted)',
    async () => {
      const f = join(dir, 'far2.xlsx');
      writeFileSync(f, await manySheets(2, farCellSheet));
      return f;
    },
  ],
];

void (async () => {
  const rows: string[] = ['| Input | Exit | Time (s) | Peak RSS (MB) | Message |', '|---|---|---|---|---|'];
  for (const [label, make] of cases) {
    if (process.argv[2] && !label.includes(process.argv[2])) continue;
    const file = await make();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'dist/cli.js'), 'check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const err = r.stderr;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0) / 1024;
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
    const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
    const exit = Number(/Exit status: (\d+)/.exec(err)?.[1] ?? r.status);
    const msg = (exit === 2 ? (err.split('\n')[0] ?? '') : `(đọc được) ${r.stdout.split('\n').find((l) => l.startsWith('Kết quả')) ?? ''}`).trim();
    rows.push(`| ${label} | ${exit} | ${secs.toFixed(2)} | ${rss.toFixed(0)} | ${msg.replace(/\|/g, '\\|').slice(0, 160)} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
  rmSync(dir, { recursive: true, force: true });
})();
