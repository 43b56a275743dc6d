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
import { BIEU06_HEADER, BIEU06_HEADER_MERGES, sheet } from '../scripts/build-layout-fixtures';

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

/**
 * The same 5.000 lĩnh vực in the official Biểu 06 layout: no table objects or names, a merged
 * three-row header with column numbers, the totals row first, 100 groups with their subtotals.
 */
export async function largeBieu06(): Promise<Uint8Array> {
  const rows = largeOptions().tables.KetQuaGiaiQuyet.rows;
  const keys = ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'];
  const fig = (r: Record<string, CellInput>) => keys.map((k) => r[k] as number);
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
  const body: (string | number | null)[][] = [];
  let total = keys.map(() => 0);
  for (let g = 0; g < 100; g++) {
    const part = rows.slice(g * 50, g * 50 + 50);
    const sub = part.reduce((acc, r) => add(acc, fig(r)), keys.map(() => 0));
    total = add(total, sub);
    body.push([toRoman(g + 1), `Nhóm ${g + 1}`, ...sub]);
    part.forEach((r, i) => body.push([i + 1, r.linhVuc as string, ...fig(r)]));
  }
  const wb = new ExcelJS.Workbook();
  sheet(wb, 'Biểu 06', [
    { at: 1, rows: [['BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ I NĂM 2023'], ['Đơn vị báo cáo: Sở Y tế (thử tải)']] },
    { at: 7, rows: [...BIEU06_HEADER, ['Tổng cộng', null, ...total], ...body], merges: BIEU06_HEADER_MERGES },
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function toRoman(n: number): string {
  const t: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchCheck(): Promise<void> {
  await benchOne('lon.xlsx', () => buildWorkbook(largeOptions()), (kb) => `Kiểm tra sổ số liệu lớn theo mẫu chuẩn (5.000 dòng TTHC, 2.000 dòng biên chế, có danh sách thả xuống; ${kb} KB)`);
  await benchOne('bieu06-lon.xlsx', largeBieu06, (kb) => `Kiểm tra Biểu 06 chính thức cỡ lớn (tiêu đề gộp 3 dòng, dòng số cột, tổng cộng ở đầu, 100 nhóm, 5.000 lĩnh vực; không có bảng Excel hay tên; ${kb} KB)`);
}

async function benchOne(name: string, build: () => Promise<Uint8Array>, title: (kb: string) => string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, await build());
    const bytes = readFileSync(file);
    console.log(`\n== ${title((bytes.length / 1024).toFixed(0))} ==`);
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
