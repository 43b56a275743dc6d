/**
 * Measures `cchc check` on the large workbooks real users have (issue 13: a hospital's upload of
 * 20 000 inpatient forms; issue 12: the consolidated workbook `cchc merge` writes for 800 units)
 * and on the largest files the reader's LIMITS let through, for docs/reliability.md: exit code,
 * wall time and peak resident memory from GNU time. Builds every input in a temporary folder.
 *   npm run build:cli && npx tsx scripts/measure-large.ts [label filter]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unitOptions } from '../bench/merge';
import { LIMITS } from '../src/xlsx/read';
import { buildWorkbook } from '../src/xlsx/template';
import { lyingWorkbook } from '../test/helpers/hostile';
import { generateForms, SHAPES } from '../test/helpers/surveys';
import { workbookWithAnswers } from '../test/helpers/surveys-xlsx';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cchc-large-'));
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** A sheet of `cells` cells, 10 a row, each made by `cell(row, col)`. */
function sheetOf(cells: number, cell: (r: number, c: string) => string): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= Math.ceil(cells / 10); r++) rows.push(`<row r="${r}">${[...'ABCDEFGHIJ'].map((c) => cell(r, c)).join('')}</row>`);
  return Buffer.from(`${HEAD}${rows.join('')}</sheetData></worksheet>`);
}

const under = LIMITS.maxCells - 10_000;
const cases: [string, () => Promise<string>][] = [
  [
    '20 000 QĐ 56 inpatient forms, hospitals\' upload layout (bench/surveys.ts)',
    async () => {
      const shape = SHAPES['qd56-noi-tru'];
      const forms = generateForms(shape, 20_000, 2026, { notUsed: 0.03, blank: 0.02 }, ['2022-12-15', '2023-03-14']);
      const f = join(dir, 'phieu-20000.xlsx');
      writeFileSync(f, await workbookWithAnswers({ unit: 'Bệnh viện (thử tải)', periodKind: 'Quý I', year: 2023 }, 'Phiếu nội trú', shape, forms));
      return f;
    },
  ],
  [
    '`cchc merge` output for 800 units (bench/merge.ts units)',
    async () => {
      const units = join(dir, 'units');
      mkdirSync(units);
      for (let i = 0; i < 800; i++) writeFileSync(join(units, `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`), await buildWorkbook(unitOptions(i)));
      const f = join(dir, 'tong-hop-800.xlsx');
      const r = spawnSync(process.execPath, [CLI, 'merge', units, '--out', f], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`merge failed (${r.status}): ${r.stderr}`);
      return f;
    },
  ],
  [
    `just under the limits: ${under.toLocaleString('de-DE')} numbers`,
    async () => {
      const f = join(dir, 'so-duoi-gioi-han.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet5.xml': sheetOf(under, (r, c) => `<c r="${c}${r}"><v>${r}.25</v></c>`) }, 1e9));
      return f;
    },
  ],
  [
    `just under the limits: ${under.toLocaleString('de-DE')} distinct texts (inline strings)`,
    async () => {
      const f = join(dir, 'chu-duoi-gioi-han.xlsx');
      const xml = sheetOf(under, (r, c) => `<c r="${c}${r}" t="inlineStr"><is><t>Đơn vị ${c}${r} quý I/2023</t></is></c>`);
      if (xml.length > LIMITS.maxUncompressedBytes) throw new Error(`sheet of ${xml.length} bytes is over the limit`);
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet5.xml': xml }, 1e9));
      return f;
    },
  ],
  [
    `${(LIMITS.maxCells + 100_000).toLocaleString('de-DE')} cells behind a false <dimension ref="A1"/> (refused)`,
    async () => {
      const f = join(dir, 'qua-gioi-han.xlsx');
      writeFileSync(f, await lyingWorkbook({ 'xl/worksheets/sheet5.xml': sheetOf(LIMITS.maxCells + 100_000, (r, c) => `<c r="${c}${r}"><v>${r}</v></c>`) }, 1e9));
      return f;
    },
  ],
];

void (async () => {
  const rows: string[] = ['| Input | Size (MB) | Exit | Time (s) | Peak RSS (MB) | Result |', '|---|---|---|---|---|---|'];
  try {
    for (const [label, make] of cases) {
      if (process.argv[2] && !label.includes(process.argv[2])) continue;
      const file = await make();
      const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, 'check', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const err = r.stderr;
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0) / 1024;
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
      const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
      const exit = Number(/Exit status: (\d+)/.exec(err)?.[1] ?? r.status);
      const size = spawnSync('stat', ['-c', '%s', file], { encoding: 'utf8' }).stdout.trim();
      const msg = (exit === 2 ? (err.split('\n')[0] ?? '') : `read, checked: ${r.stdout.split('\n').find((l) => l.startsWith('Kết quả')) ?? ''}`).trim();
      rows.push(`| ${label} | ${(Number(size) / 1024 / 1024).toFixed(1)} | ${exit} | ${secs.toFixed(2)} | ${rss.toFixed(0)} | ${msg.replace(/\|/g, '\\|').slice(0, 160)} |`);
      process.stderr.write(`${rows.at(-1)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${rows.join('\n')}\n`);
})();
