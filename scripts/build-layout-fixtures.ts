/**
 * `npm run fixtures:layouts`: writes test/fixtures/layouts/, workbooks laid out the way officers'
 * own forms are, never through the project's template writer: the official Biểu 06 (merged
 * three-row header, column numbers, totals first, group rows, notes under the table), a
 * provincial variant with more columns, plain sheets with "Label: value" cells and the seeds'
 * simple tables. Figures come from the seed reports (Sơn La Q1/2023, Kon Tum Q3/2022) with the
 * seeds' own slips; test/layouts/layouts.test.ts lists the exact findings expected of each.
 * A LibreOffice-saved copy is made when `soffice` is on the PATH (it is committed).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const OUT = resolve(__dirname, '../test/fixtures/layouts');

type V = string | number | null | { formula: string; result?: number };

interface Block {
  /** Rows from `at` (1-based row), each a list of cells from column A. */
  at: number;
  rows: V[][];
  merges?: string[];
  /** 1-based rows to format as percentages, by column letter. */
  percent?: Record<string, number[]>;
}

export function sheet(wb: ExcelJS.Workbook, name: string, blocks: Block[]) {
  const ws = wb.addWorksheet(name);
  for (const b of blocks) {
    b.rows.forEach((line, i) => {
      line.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(b.at + i, j + 1);
        cell.value = typeof v === 'object' ? ({ formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue) : v;
      });
    });
    for (const m of b.merges ?? []) ws.mergeCells(m);
    for (const [col, rows] of Object.entries(b.percent ?? {})) for (const r of rows) ws.getCell(`${col}${r}`).numFmt = '0.00%';
  }
  return ws;
}

/** The official Biểu 06 header (TT 01/2020/TT-VPCP): three merged rows and the column numbers, from A7. */
export const BIEU06_HEADER: V[][] = [
  ['STT', 'Lĩnh vực, công việc giải quyết theo cấp', 'Số hồ sơ nhận giải quyết', null, null, null, 'Kết quả giải quyết', null, null, null, null, null, null],
  [null, null, 'Tổng số', 'Trong đó', null, null, 'Số hồ sơ đã giải quyết', null, null, null, 'Số hồ sơ đang giải quyết', null, null],
  [null, null, null, 'Số mới tiếp nhận trực tuyến', 'Số mới tiếp nhận (trực tiếp hoặc dịch vụ bưu chính)', 'Số kỳ trước chuyển qua', 'Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Tổng số', 'Chưa đến hạn', 'Quá hạn'],
  ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)', '(13)'],
];
export const BIEU06_HEADER_MERGES = ['A7:A9', 'B7:B9', 'C7:F7', 'G7:M7', 'C8:C9', 'D8:F8', 'G8:J8', 'K8:M8'];

type N = number;
/** A Biểu 06 row in the order of its columns (3)…(13), with T1–T3 holding unless overridden. */
function b06(online: N, direct: N, carried: N, early: N, onTime: N, late: N, pendingIn: N, pendingLate: N, over: Partial<Record<'tongSo' | 'daGiaiQuyet', N>> = {}): N[] {
  const tongSo = over.tongSo ?? online + direct + carried;
  const da = over.daGiaiQuyet ?? early + onTime + late;
  return [tongSo, online, direct, carried, da, early, onTime, late, pendingIn + pendingLate, pendingIn, pendingLate];
}

const sumCols = (rows: N[][]) => rows[0]!.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0));

/** Sơn La Q1/2023 (the mistakes sample's figures), with the seed's slips. */
const SON_LA_TTHC: [string, N[]][] = [
  ['Khám bệnh, chữa bệnh', b06(50, 60, 10, 70, 29, 1, 18, 2)],
  // T2: 50 + 25 + 2 = 77, 80 written.
  ['Dược phẩm', b06(30, 55, 10, 50, 25, 2, 15, 0, { daGiaiQuyet: 80 })],
  // T1: 10 + 15 + 3 = 28, 30 written.
  ['Mỹ phẩm', b06(10, 15, 3, 15, 10, 0, 5, 0, { tongSo: 30 })],
  ['An toàn thực phẩm', b06(20, 22, 4, 30, 9, 1, 6, 0)],
  ['Y tế dự phòng', b06(4, 12, 2, 10, 5, 0, 3, 0)],
  ['Trang thiết bị y tế', b06(8, 14, 3, 15, 7, 0, 3, 0)],
];

async function officialBieu06(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const sums = sumCols(SON_LA_TTHC.map(([, r]) => r));
  const total = [...sums];
  total[9] = sums[9]! + 2; // "Trong hạn" of the totals row: 52 written, the rows sum to 50 (T6).
  // Group I holds the first four lĩnh vực (its subtotal is right); group II the rest, its
  // subtotal's "Đã giải quyết" off by one (T6g).
  const g1 = sumCols(SON_LA_TTHC.slice(0, 4).map(([, r]) => r));
  const g2 = sumCols(SON_LA_TTHC.slice(4).map(([, r]) => r));
  g2[4] = g2[4]! + 1;
  const header = BIEU06_HEADER;
  const body: V[][] = [
    ['Tổng cộng', null, ...total],
    ['I', 'Cấp tỉnh', ...g1],
    ...SON_LA_TTHC.slice(0, 4).map(([name, r], i) => [i + 1, name, ...r] as V[]),
    ['II', 'Lĩnh vực khác', ...g2],
    ...SON_LA_TTHC.slice(4).map(([name, r], i) => [i + 5, name, ...r] as V[]),
  ];
  sheet(wb, 'Biểu 06', [
    {
      at: 1,
      rows: [
        ['Biểu số 06/VPCP/KSTT'],
        ['TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'],
        // As the Sơn La report writes it: the window ends before it starts.
        ['Kỳ báo cáo: Quý I năm 2023 (Từ ngày 15/12/2022 đến ngày 14/03/2022)'],
        [null, null, null, null, null, null, null, null, null, 'Đơn vị báo cáo: Sở Y tế tỉnh Sơn La'],
        [null, null, null, null, null, null, null, null, null, 'Đơn vị nhận báo cáo: Văn phòng UBND tỉnh Sơn La'],
        ['Đơn vị tính: Số hồ sơ TTHC'],
      ],
      merges: ['A1:M1', 'A2:M2', 'A3:M3', 'J4:M4', 'J5:M5'],
    },
    {
      at: 7,
      rows: [...header, ...body],
      merges: [...BIEU06_HEADER_MERGES, 'A11:B11'],
    },
    {
      at: 7 + header.length + body.length + 1,
      rows: [['Ghi chú: số liệu lấy từ Hệ thống thông tin giải quyết TTHC của tỉnh.'], [null, 'Người lập biểu', null, null, null, null, null, null, null, 'Thủ trưởng đơn vị']],
    },
  ]);
  return wb;
}

/** A provincial 19-column variant: online split into toàn trình / một phần, returned, waiting, số hóa. */
async function provincialVariant(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // [kỳ trước, toàn trình, một phần, trực tiếp, BCCI, trước hạn, đúng hạn, quá hạn, trong hạn, quá hạn đang, trả lại/rút, chờ bổ sung, số hóa]
  type N13 = [N, N, N, N, N, N, N, N, N, N, N, N, N];
  const raw: [string, N13][] = [
    ['Khám bệnh, chữa bệnh', [12, 25, 15, 55, 7, 60, 38, 0, 12, 0, 2, 2, 90]],
    ['Dược phẩm', [9, 20, 15, 52, 6, 55, 35, 0, 10, 0, 1, 1, 80]],
    ['An toàn thực phẩm', [5, 10, 8, 28, 2, 30, 16, 1, 5, 0, 1, 0, 40]],
    ['Trang thiết bị y tế', [3, 7, 5, 16, 2, 20, 9, 0, 4, 0, 0, 0, 60]],
  ];
  const rows = raw.map(([name, [ky, tt, mp, tiep, bcci, early, onTime, late, inTime, overdue, rut, bs, sh]]) => {
    const truc = tt + mp;
    const tong = ky + truc + tiep + bcci;
    const da = early + onTime + late;
    const dang = inTime + overdue;
    return { name, cells: [tong, ky, truc, tt, mp, tiep, bcci, da, early, onTime, late, dang, inTime, overdue, rut, bs, sh] as N[] };
  });
  // Dược phẩm: toàn trình written 21, so toàn trình + một phần = 36 while trực tuyến says 35 (T1e).
  rows[1]!.cells[3] = 21;
  // Trang thiết bị y tế: số hóa 60 of 28 received (SH1).
  const header: V[][] = [
    ['STT', 'Lĩnh vực', 'Tiếp nhận', null, null, null, null, null, null, 'Đã giải quyết', null, null, null, 'Đang giải quyết', null, null, 'Trả lại/ Rút HS', 'Chờ bổ sung', 'Số hóa'],
    [null, null, 'Tổng số', 'Kỳ trước', 'Trực tuyến', null, null, 'Trực tiếp', 'Qua BCCI', 'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn', null, null, null],
    [null, null, null, null, 'Tổng', 'Toàn trình', 'Một phần', null, null, null, null, null, null, null, null, null, null, null, null],
  ];
  const body: V[][] = rows.map((r, i) => [i + 1, r.name, ...r.cells]);
  const tot = sumCols(rows.map((r) => r.cells));
  sheet(wb, 'TTHC quý III', [
    { at: 1, rows: [['SỞ Y TẾ TỈNH KON TUM'], ['BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2022']] },
    {
      at: 4,
      rows: [...header, ...body, [null, 'Cộng', ...tot]],
      merges: ['A4:A6', 'B4:B6', 'C4:I4', 'J4:M4', 'N4:P4', 'Q4:Q6', 'R4:R6', 'S4:S6', 'C5:C6', 'D5:D6', 'E5:G5', 'H5:H6', 'I5:I6', 'J5:J6', 'K5:K6', 'L5:L6', 'M5:M6', 'N5:N6', 'O5:O6', 'P5:P6'],
    },
  ]);
  return wb;
}

/** Plain sheets as officers keep them: labels in one cell, no names, no tables, the seeds' simple tables. */
async function plainSheets(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  sheet(wb, 'Sheet1', [
    {
      at: 1,
      rows: [
        ['UBND TỈNH SƠN LA\nSỞ Y TẾ'],
        [],
        ['BÁO CÁO SỐ LIỆU CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2023'],
        ['Đơn vị báo cáo: Sở Y tế tỉnh Sơn La'],
        ['Thời gian lấy số liệu: từ ngày 15/12/2022 đến ngày 14/3/2023'],
        [],
        ['1. Danh mục TTHC'],
        ['STT', 'Lĩnh vực', 'Tổng số', 'Cấp tỉnh', 'Cấp xã'],
        [1, 'Khám bệnh, chữa bệnh', 55, 52, 3],
        [2, 'Dược phẩm', 46, 46, 0],
        [3, 'Mỹ phẩm', 8, 8, 0],
        [4, 'An toàn thực phẩm', 19, 19, 0],
        [5, 'Y tế dự phòng', 14, 14, 0],
        [6, 'Trang thiết bị y tế', 13, 13, 0],
        [7, 'Tổ chức cán bộ, đào tạo và lĩnh vực khác', 13, 13, 0],
        // The Sơn La slip: 169 stated, the lĩnh vực sum to 168.
        [null, 'Tổng cộng', 169, 165, 3],
        [],
        ['2. Biên chế'],
        ['STT', 'Đơn vị', 'Biên chế được giao', 'Hiện có'],
        [1, 'Cơ quan Sở Y tế', 64, 61],
        [2, 'Các đơn vị sự nghiệp tuyến tỉnh', 2244, 2128],
        [3, 'Trung tâm Y tế các huyện, thành phố', 3174, 2681],
        // Assigned 5.482 holds; employed "4.876" ≠ 61 + 2.128 + 2.681 = 4.870.
        [null, 'Tổng số', 5482, '4.876'],
        [],
        ['3. Các chỉ tiêu khác'],
        ['STT', 'Nội dung', 'Kết quả thực hiện', 'Kế hoạch', 'Tỷ lệ'],
        [1, 'Chuyển đổi vị trí công tác', 23, 27, 0.8846],
        [2, 'Tinh giản biên chế', 11, 18, 0.6111],
        [3, 'Nhiệm vụ CCHC hoàn thành', 12, 30, 0.4],
        [4, 'Nhiệm vụ CCHC hoàn thành', 10, 30, 0.3333],
        [],
        ['4. Khảo sát sự hài lòng'],
        ['Đối tượng', 'Số phiếu', 'Tỷ lệ hài lòng chung', 'So với mong đợi', 'Tỷ lệ quay lại', 'Hài lòng toàn diện'],
        ['Người bệnh nội trú', '2.771', '92,03%', '88,1%', '94,6%', '95%'],
        ['Người bệnh ngoại trú', '3.402', '90,5%', '87,2%', '94,1%', '80,3%'],
        [],
        ['Người lập biểu', null, null, 'Giám đốc'],
      ],
      merges: ['A3:F3'],
      percent: { E: [27, 28, 29, 30] },
    },
  ]);
  return wb;
}

async function write(name: string, wb: ExcelJS.Workbook) {
  wb.creator = 'Cán bộ Sở Y tế';
  wb.created = new Date(Date.UTC(2023, 2, 20));
  wb.modified = wb.created;
  const path = join(OUT, name);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  console.log(`đã ghi test/fixtures/layouts/${name}`);
  return path;
}

/** Opens and saves the file in LibreOffice Calc, as an officer without Excel would. */
function libreOfficeCopy(src: string, name: string) {
  const tmp = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(tmp, 'out'), src], { stdio: 'ignore', timeout: 120_000 });
    const produced = join(tmp, 'out', src.split('/').pop()!);
    copyFileSync(produced, join(OUT, name));
    console.log(`đã ghi test/fixtures/layouts/${name} (LibreOffice)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const official = await write('bieu06-chinh-thuc-co-loi.xlsx', await officialBieu06());
  await write('bieu06-bien-the-tinh-co-loi.xlsx', await provincialVariant());
  await write('trang-tinh-don-gian-co-loi.xlsx', await plainSheets());
  const hasSoffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (hasSoffice) libreOfficeCopy(official, 'bieu06-chinh-thuc-libreoffice-co-loi.xlsx');
  else if (!existsSync(join(OUT, 'bieu06-chinh-thuc-libreoffice-co-loi.xlsx'))) console.warn('Không có soffice: chưa tạo được bản lưu bằng LibreOffice.');
}

if (require.main === module) void main();
