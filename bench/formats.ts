/**
 * Formats benchmark: one workbook of 5.000 rows (a Biểu 06 of 5.000 lĩnh vực rows: STT, name and
 * eleven counts, 65.000 cells) written as .xlsx, then saved by LibreOffice as Excel 97-2003 .xls,
 * .ods and CSV (UTF-8), and as Excel 2003 XML by the fixture script's writer (LibreOffice's export
 * of that format fails, scripts/build-format-fixtures.ts says why), each read with readWorkbook in
 * the same run (median of several repetitions). What matters is each format's read time as a
 * ratio to the .xlsx of the same data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../src/xlsx/read';
import { excel2003Xml } from '../scripts/build-format-fixtures';

const ROWS = 5000;
const REPS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = (x: number) => x.toFixed(2).replace('.', ',');

function workbook(): ExcelJS.Workbook {
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
  return wb;
}

function saveAs(dir: string, src: string, filter: string, ext: string): Uint8Array {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', join(dir, 'out'), src], { stdio: 'ignore', timeout: 180_000 });
  return new Uint8Array(readFileSync(join(dir, 'out', `bench.${ext}`)));
}

async function time(bytes: Uint8Array, name: string): Promise<number> {
  const s = performance.now();
  await readWorkbook(bytes, name);
  return performance.now() - s;
}

/**
 * Each file read once as a warm-up, then REPS rounds reading every file in turn, so that the
 * machine's drift (it is shared) hits every format alike; per file, the median time and the median
 * of its ratios to the .xlsx read of the same round.
 */
async function timeInTurn(files: [string, Uint8Array][]): Promise<{ ms: number; ratio: number }[]> {
  const name = (label: string) => `bench${label.split(' ')[0]}`;
  for (const [label, bytes] of files) await time(bytes, name(label));
  const t = files.map(() => [] as number[]);
  // Each round starts one file further on, so that no format is always the one that pays for the
  // garbage the round before left (a collection lands on whichever read comes next).
  for (let i = 0; i < REPS; i++) {
    for (let k = 0; k < files.length; k++) {
      const f = (i + k) % files.length;
      t[f]!.push(await time(files[f]![1], name(files[f]![0])));
    }
  }
  return t.map((ms) => ({ ms: median(ms), ratio: median(ms.map((x, i) => x / t[0]![i]!)) }));
}

export async function benchFormats(): Promise<void> {
  console.log(`\n== Đọc các định dạng: ${ROWS.toLocaleString('de-DE')} dòng Biểu 06 (13 cột), .xlsx, bản lưu bằng LibreOffice và bản XML 2003 ==`);
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('Không có LibreOffice (soffice): bỏ qua phần này.');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-formats-'));
  try {
    const wb = workbook();
    const xlsx = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const src = join(dir, 'bench.xlsx');
    writeFileSync(src, xlsx);
    const files: [string, Uint8Array][] = [
      ['.xlsx', xlsx],
      ['.xls (Excel 97-2003)', saveAs(dir, src, 'xls:MS Excel 97', 'xls')],
      ['.ods', saveAs(dir, src, 'ods', 'ods')],
      ['.csv (UTF-8)', saveAs(dir, src, 'csv:Text - txt - csv (StarCalc):44,34,76', 'csv')],
      ['.xml (Excel 2003 XML)', new TextEncoder().encode(excel2003Xml(wb))],
    ];
    const times = await timeInTurn(files);
    files.forEach(([label, bytes], i) => {
      const { ms, ratio: r } = times[i]!;
      console.log(`${label.padEnd(22)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB  đọc ${ms.toFixed(0).padStart(5)} ms  (${ratio(r)} × .xlsx)`);
    });
    console.log(`Trung vị của ${REPS} vòng, mỗi vòng đọc lần lượt mọi tệp; tỷ lệ là trung vị của tỷ lệ từng vòng so với .xlsx cùng vòng.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchFormats();
