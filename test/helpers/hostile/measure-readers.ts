/**
 * Measures the CLI (`check` for pages, `doc` for reports) on each hostile input of
 * test/helpers/hostile/readers.ts, and on the largest inputs the limits let through: exit code, wall time and peak memory from GNU time, first line of
 * the message. Prints a Markdown table for docs/reliability.md. A run past 60 s is stopped.
 *   npm run build:cli && npx tsx test/helpers/hostile/measure-readers.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepDocx, fosterParentedPage, manyParagraphsDocx, nestedDivsPage, oneParagraphDocx, smallElementsPage } from './readers';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-readers-'));
const MB = 1024 * 1024;

function timed(args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, ...args], { encoding: 'utf8', timeout: 60000, maxBuffer: 64 * MB });
  const err = r.stderr ?? '';
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0) / 1024;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
  const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const exit = r.signal ? `stopped after 60 s (${r.signal})` : String(Number(/Exit status: (\d+)/.exec(err)?.[1] ?? r.status));
  const said = (r.stdout + err).split('\n').find((l) => /Không đọc được|Kết quả|Lỗi|Cảnh báo|Đã đọc/.test(l))?.trim() ?? '';
  return { exit, secs, rss, said };
}

/** A page of `rows` rows of ten cells: the shape of a real export, at the size the limits allow. */
function bigTablePage(rows: number): Uint8Array {
  const row = (i: number) => `<tr>${Array.from({ length: 10 }, (_, c) => `<td>${i * 10 + c}</td>`).join('')}</tr>`;
  return new TextEncoder().encode(`<html><body><table>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</table></body></html>`);
}

const cases: [string, string, () => Uint8Array][] = [
  ['HTML ".xls": `<div>`s nested, 500 KB', 'divs-500k.xls', () => nestedDivsPage(500 * 1024)],
  ['HTML ".xls": `<div>`s nested, 1 MB', 'divs-1m.xls', () => nestedDivsPage(MB)],
  ['HTML ".xls": 24 MB of `<span>1</span>` in one paragraph', 'spans-24m.xls', () => smallElementsPage(24 * MB)],
  ['HTML ".xls": 5 MB of `<i></i>` misplaced inside a table', 'foster-5m.xls', () => fosterParentedPage(5 * MB)],
  ['HTML ".xls": 10 MB of `<span>1</span>` (1 500 000 nodes, the most the node limit lets through)', 'spans-10m.xls', () => smallElementsPage(Math.floor(((1_500_000 - 20) / 2) * 14))],
  ['HTML ".xls": a table of 49 000 rows × 10 cells (490 000 cells, 1 029 000 nodes)', 'table-490k.xls', () => bigTablePage(49_000)],
];

const docs: [string, string, () => Promise<Uint8Array>][] = [
  ['report (.docx): one paragraph of 50 MB of figures', 'mot-doan-50mb.docx', () => oneParagraphDocx(50 * MB)],
  ['report (.docx): 400 000 paragraphs of one figure (1 200 000 elements)', 'nhieu-doan.docx', () => manyParagraphsDocx(400_000)],
  ['report (.docx): tables nested 5 000 deep', 'long-5000-bang.docx', () => deepDocx(5000)],
  // 17 068 times the 58-character sentence (74 bytes): 989 944 characters, with the title's 38 just under the limit.
  ['report (.docx): one paragraph of 989 944 characters of figures (the most the text limit lets through)', 'mot-doan-1m.docx', () => oneParagraphDocx(17_068 * 74)],
  ['report (.docx): 140 000 paragraphs of 7 characters (980 000 characters)', 'doan-ngan.docx', () => manyParagraphsDocx(140_000, 'Đoạn 1.')],
];

async function main() {
  for (const [what, name, make] of [...cases.map(([w, n, m]): [string, string, () => Promise<Uint8Array>] => [w, n, async () => m()]), ...docs]) {
    const path = join(dir, name);
    const bytes = await make();
    writeFileSync(path, bytes);
    const r = timed([name.endsWith('.docx') ? 'doc' : 'check', path]);
    const said = r.said.length > 160 ? `${r.said.slice(0, 160)}…` : r.said;
    const size = bytes.length >= MB ? `${(bytes.length / MB).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes.length / 1024)} KB`;
    console.log(`| ${what} | ${size} | ${r.exit} | ${r.secs.toFixed(2).replace('.', ',')} | ${r.rss.toFixed(0)} | ${said.replace(/\|/g, '\\|')} |`);
  }
  rmSync(dir, { recursive: true, force: true });
}
void main();
