/**
 * Checker benchmark: a large workbook (5.000 TTHC rows, 2.000 staffing rows) built with the
 * template writer, then timed three ways in the same run (median of several repetitions):
 * bare ExcelJS load, readWorkbook (load + model), readWorkbook + checkWorkbook.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/check';
import { readWorkbook } from '../src/xlsx/read';
import { buildWorkbook, type CellInput } from '../src/xlsx/template';

const REPS = 9;

export function largeOptions() {
  const tthc: Record<string, CellInput>[] = [];
  for (let i = 0; i < 5000; i++) {
    // Consistent figures (T1–T4 hold), so the run measures checking rather than message writing.
    const [tt, tb, tk, trh, dqh] = [1 + (i % 17), i % 23, i % 5, i % 4, i % 2];
    const tongSo = tt + tb + tk;
    const dang = Math.min(tongSo, trh + dqh);
    const [dangTrongHan, dangQuaHan] = [Math.min(trh, dang), dang - Math.min(trh, dang)];
    const da = tongSo - dang;
    const qh = da > 2 && i % 7 === 0 ? 1 : 0;
    const th = Math.floor((da - qh) / 2);
    tthc.push({ linhVuc: `Lĩnh vực ${i + 1}`, tongSo, trucTuyen: tt, trucTiepBuuChinh: tb, tuKyTruoc: tk, daGiaiQuyet: da, truocHan: th, dungHan: da - qh - th, quaHan: qh, dangGiaiQuyet: dang, dangTrongHan, dangQuaHan });
  }
  const staff: Record<string, CellInput>[] = [];
  for (let i = 0; i < 2000; i++) staff.push({ donVi: `Đơn vị ${i + 1}`, loai: i % 3 ? 'Viên chức' : 'Công chức', tuyen: i % 2 ? 'Tỉnh' : 'Huyện', duocGiao: 50 + (i % 40), coMat: 45 + (i % 50) });
  return { unit: 'Sở Y tế (thử tải)', periodKind: 'Quý I' as const, year: 2023, tables: { KetQuaGiaiQuyet: { rows: tthc }, BienChe: { rows: staff } } };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchCheck(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const file = join(dir, 'lon.xlsx');
    writeFileSync(file, await buildWorkbook(largeOptions()));
    const bytes = readFileSync(file);
    console.log(`\n== Kiểm tra sổ số liệu lớn theo mẫu chuẩn (5.000 dòng TTHC, 2.000 dòng biên chế, có danh sách thả xuống; ${(bytes.length / 1024).toFixed(0)} KB) ==`);
    // One warm-up of each path, then REPS timed runs of each in turn.
    const bare = async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    const read = () => readWorkbook(bytes);
    let findings = 0;
    const readCheck = async () => {
      findings = checkWorkbook(await readWorkbook(bytes)).issues.length;
    };
    await bare();
    await read();
    await readCheck();
    const t = { bare: [] as number[], read: [] as number[], check: [] as number[] };
    for (let i = 0; i < REPS; i++) {
      t.bare.push(await time(bare));
      t.read.push(await time(read));
      t.check.push(await time(readCheck));
    }
    const [b, r, c] = [median(t.bare), median(t.read), median(t.check)];
    console.log(`ExcelJS nạp tệp (không dựng mô hình): ${fmt(b)}`);
    console.log(`readWorkbook (nạp + dựng mô hình):     ${fmt(r)}  (${(r / b).toFixed(2).replace('.', ',')} × ExcelJS)`);
    // The issue's ratio: the whole check (read + model + check) against a bare parse by ExcelJS.
    const ratio = c / b;
    console.log(`readWorkbook + checkWorkbook:         ${fmt(c)}  (${(c / r).toFixed(2).replace('.', ',')} × readWorkbook)`);
    console.log(`Tỷ lệ kiểm tra / phân tích thuần:     ${ratio.toFixed(2).replace('.', ',')}  (mục tiêu ≤ 1,3: ${ratio <= 1.3 ? 'đạt' : 'CHƯA ĐẠT'}); thời gian ${fmt(c)} (mục tiêu < 2 s: ${c < 2000 ? 'đạt' : 'CHƯA ĐẠT'})`);
    console.log(`phát hiện: ${findings}; trung vị của ${REPS} lần chạy`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchCheck().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
