/**
 * Formats benchmark: one workbook of 5.000 rows (a Biểu 06 of 5.000 lĩnh vực rows: STT, name and
 * eleven counts, 65.000 cells) written as .xlsx, then saved by LibreOffice as Excel 97-2003 .xls,
 * .ods and CSV (UTF-8), each read with readWorkbook in the same run (median of several
 * repetitions). What matters is each format's read time as a ratio to the .xlsx of the same data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../src/xlsx/read';

const ROWS = 5000;
const REPS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = (x: number) => x.toFixed(2).replace('.', ',');

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 06');
  ws.addRow(['STT', 'Lĩnh vực', 'Tổng số', 'Trực tuyến', 'Trực tiếp', 'Kỳ trước', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết', 'Trong hạn', 'Quá hạn']);
  for (let i = 1; i <= ROWS; i++) {
    const [a, b, c] = [i % 37, (i * 7) % 53, i % 5];
    const [e, f, g] = [(i * 3) % 29, (i * 5) % 17, i % 2];
    const done = e + f + g;
    const total = a + b + c;
    ws.addRow([i, `Lĩnh vực số ${i}`, total, a, b, c, done, e, f, g, total - done, Math.max(total - done, 0), 0]);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function saveAs(dir: string, src: string, filter: string, ext: string): Uint8Array {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', join(dir, 'out'), src], { stdio: 'ignore', timeout: 180_000 });
  return new Uint8Array(readFileSync(join(dir, 'out', `bench.${ext}`)));
}

async function time(bytes: Uint8Array, name: string): Promise<number> {
  await readWorkbook(bytes, name);
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const s = performance.now();
    await readWorkbook(bytes, name);
    t.push(performance.now() - s);
  }
  return median(t);
}

export async function benchFormats(): Promise<void> {
  console.log(`\n== Đọc các định dạng: ${ROWS.toLocaleString('de-DE')} dòng Biểu 06 (13 cột), .xlsx và bản lưu bằng LibreOffice ==`);
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('Không có LibreOffice (soffice): bỏ qua phần này.');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-formats-'));
  try {
    const xlsx = await workbook();
    const src = join(dir, 'bench.xlsx');
    writeFileSync(src, xlsx);
    const files: [string, Uint8Array][] = [
      ['.xlsx', xlsx],
      ['.xls (Excel 97-2003)', saveAs(dir, src, 'xls:MS Excel 97', 'xls')],
      ['.ods', saveAs(dir, src, 'ods', 'ods')],
      ['.csv (UTF-8)', saveAs(dir, src, 'csv:Text - txt - csv (StarCalc):44,34,76', 'csv')],
    ];
    let base = 0;
    for (const [label, bytes] of files) {
      const ms = await time(bytes, `bench${label.split(' ')[0]}`);
      if (!base) base = ms;
      console.log(`${label.padEnd(22)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB  đọc ${ms.toFixed(0).padStart(5)} ms  (${ratio(ms / base)} × .xlsx)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchFormats();
