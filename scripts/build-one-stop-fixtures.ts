/**
 * `npx tsx scripts/build-one-stop-fixtures.ts`: writes test/fixtures/layouts/mot-cua/, TTHC result
 * tables as one-stop portals (cổng dịch vụ công, hệ thống một cửa điện tử) lay them out and export
 * them: a row label ("Mức độ", "Lĩnh vực", "Đơn vị"), the files received, resolved and in progress
 * each down two header rows, and every state of the resolved files as a group over its count and
 * its percentage ("Tổng | %", "Số lượng | Tỷ lệ", "SL | TL", "Số hồ sơ | Tỷ lệ (%)"). None has the
 * split of the files in progress into "trong hạn / quá hạn". Each file is named by what the check
 * must conclude; test/layouts/one-stop.test.ts holds the expected findings, worked out by hand
 * from the figures written here (each row's arithmetic is in the comment beside it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const OUT = resolve(__dirname, '../test/fixtures/layouts/mot-cua');

type V = string | number | { v: number; fmt: string } | null;

function put(ws: ExcelJS.Worksheet, row: number, values: V[]) {
  values.forEach((v, j) => {
    if (v === null) return;
    const cell = ws.getCell(row, j + 1);
    if (typeof v === 'object') {
      cell.value = v.v;
      cell.numFmt = v.fmt;
    } else cell.value = v;
  });
}

async function write(name: string, wb: ExcelJS.Workbook) {
  wb.creator = 'Cổng dịch vụ công';
  wb.created = new Date(Date.UTC(2023, 8, 20));
  wb.modified = wb.created;
  writeFileSync(join(OUT, name), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  console.log(`đã ghi test/fixtures/layouts/mot-cua/${name}`);
}

/**
 * The two header rows from `at`: label, the three counts down both rows, then a group per state
 * over its count and its percentage. Returns the merges.
 */
function header(ws: ExcelJS.Worksheet, at: number, first: string[], states: string[], sub: [string, string], from = 1) {
  const pad = Array<null>(from - 1).fill(null);
  put(ws, at, [...pad, ...first, ...states.flatMap((s) => [s, null])]);
  put(ws, at + 1, [...pad, ...first.map(() => null), ...states.flatMap(() => sub)]);
  first.forEach((_, j) => ws.mergeCells(at, from + j, at + 1, from + j));
  states.forEach((_, k) => ws.mergeCells(at, from + first.length + 2 * k, at, from + first.length + 2 * k + 1));
}

const pct = (v: number) => ({ v, fmt: '0.0%' });

/** By level, "Tổng | %" with the percentages stored as fractions shown as %; a totals row. No slip. */
async function byLevelClean() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thống kê');
  put(ws, 1, ['KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO MỨC ĐỘ']);
  put(ws, 2, ['Đơn vị: Sở Y tế tỉnh Kon Tum']);
  put(ws, 3, ['Kỳ báo cáo: Quý III năm 2023']);
  header(ws, 5, ['Mức độ', 'Tổng', 'Đã xử lý', 'Chưa xử lý'], ['Trước hạn', 'Đúng hạn', 'Trễ hạn'], ['Tổng', '%']);
  const rows: V[][] = [
    // 420 = 400 + 20; 400 = 300 + 88 + 12; 300/400 = 75 %, 88/400 = 22 %, 12/400 = 3 %.
    ['Mức 2', 420, 400, 20, 300, pct(0.75), 88, pct(0.22), 12, pct(0.03)],
    // 250 = 240 + 10; 240 = 180 + 54 + 6; 75 %, 22,5 %, 2,5 %.
    ['Mức 3', 250, 240, 10, 180, pct(0.75), 54, pct(0.225), 6, pct(0.025)],
    // 130 = 125 + 5; 125 = 100 + 24 + 1; 80 %, 19,2 %, 0,8 %.
    ['Mức 4', 130, 125, 5, 100, pct(0.8), 24, pct(0.192), 1, pct(0.008)],
    // 800, 765, 35; 580, 166, 19: 580/765 = 75,82 %, 166/765 = 21,70 %, 19/765 = 2,48 %.
    ['Tổng cộng', 800, 765, 35, 580, pct(0.758), 166, pct(0.217), 19, pct(0.025)],
  ];
  rows.forEach((r, i) => put(ws, 7 + i, r));
  await write('mot-cua-tong-phan-tram-khong-loi.xlsx', wb);
}

/** By lĩnh vực, "Số lượng | Tỷ lệ" as plain numbers at two decimals; one percentage mistyped. */
async function byFieldOneRate() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  put(ws, 1, ['Đơn vị báo cáo: Sở Y tế tỉnh Kon Tum']);
  put(ws, 2, ['Kỳ báo cáo: Quý III năm 2023']);
  put(ws, 4, ['STT']);
  ws.mergeCells('A4:A5');
  header(ws, 4, ['Lĩnh vực', 'Tổng số', 'Đã giải quyết', 'Đang giải quyết'], ['Trước hạn', 'Đúng hạn', 'Quá hạn'], ['Số lượng', 'Tỷ lệ'], 2);
  const rows: V[][] = [
    // 120 = 110 + 10; 110 = 70 + 38 + 2; 70/110 = 63,64 %, 38/110 = 34,55 %, 2/110 = 1,82 %.
    [1, 'Khám bệnh, chữa bệnh', 120, 110, 10, 70, 63.64, 38, 34.55, 2, 1.82],
    // 97 = 90 + 7; 90 = 50 + 40 + 0; 55,56 %, 44,44 %, 0 %.
    [2, 'Dược phẩm', 97, 90, 7, 50, 55.56, 40, 44.44, 0, 0],
    // 80 = 70 + 10; 70 = 30 + 39 + 1; 42,86 %, 55,71 % (typed 57,71: the slip), 1,43 %.
    [3, 'An toàn thực phẩm', 80, 70, 10, 30, 42.86, 39, 57.71, 1, 1.43],
  ];
  rows.forEach((r, i) => put(ws, 6 + i, r));
  await write('mot-cua-so-luong-ty-le-mot-loi.xlsx', wb);
}

/** By đơn vị, "SL | TL" as text with a decimal comma; one unit's "Đã xử lý" is 2 more than its parts. */
async function byUnitCountSlip() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  put(ws, 1, ['Đơn vị báo cáo: Sở Y tế tỉnh Kon Tum']);
  put(ws, 2, ['Kỳ báo cáo: Quý III năm 2023']);
  header(ws, 4, ['Đơn vị', 'Tổng hồ sơ', 'Đã xử lý', 'Đang xử lý'], ['Trước hạn', 'Đúng hạn', 'Trễ hạn'], ['SL', 'TL']);
  const rows: V[][] = [
    // 60 = 55 + 5; 55 = 40 + 14 + 1; 40/55 = 72,7 %, 14/55 = 25,5 %, 1/55 = 1,8 %.
    ['Văn phòng Sở', 60, 55, 5, 40, '72,7', 14, '25,5', 1, '1,8'],
    // 45 = 42 + 3, but 30 + 10 + 0 = 40 ≠ 42 (the slip); the portal's percentages are of the 40: 75,0 %, 25,0 %, 0 %.
    ['Chi cục An toàn vệ sinh thực phẩm', 45, 42, 3, 30, '75,0', 10, '25,0', 0, '0,0'],
    // 38 = 38 + 0; 38 = 20 + 18 + 0; 20/38 = 52,6 %, 18/38 = 47,4 %.
    ['Phòng Nghiệp vụ Dược', 38, 38, 0, 20, '52,6', 18, '47,4', 0, '0,0'],
  ];
  rows.forEach((r, i) => put(ws, 6 + i, r));
  await write('mot-cua-sl-tl-da-xu-ly-mot-loi.xlsx', wb);
}

/**
 * "Tổng" after the states totals them (the resolved files), not the files received: read as
 * (3), it would make (3) = (7) + (11) fail on every row.
 */
async function totalLast() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  put(ws, 1, ['Đơn vị báo cáo: Sở Y tế tỉnh Kon Tum']);
  put(ws, 2, ['Kỳ báo cáo: Quý III năm 2023']);
  put(ws, 4, ['STT', 'Lĩnh vực', 'Trước hạn', 'Đúng hạn', 'Trễ hạn', 'Tổng', 'Đang xử lý']);
  // 60 + 38 + 2 = 100 resolved, 20 in progress; 50 + 40 + 0 = 90 and 7; 30 + 39 + 1 = 70 and 10.
  put(ws, 5, [1, 'Khám bệnh, chữa bệnh', 60, 38, 2, 100, 20]);
  put(ws, 6, [2, 'Dược phẩm', 50, 40, 0, 90, 7]);
  put(ws, 7, [3, 'An toàn thực phẩm', 30, 39, 1, 70, 10]);
  await write('mot-cua-tong-sau-cac-trang-thai-khong-loi.xlsx', wb);
}

/**
 * The portal's own page saved as ".xls" (an HTML table, colspan and rowspan, thousands with a
 * dot, percentages with a decimal comma), with or without its two slips.
 */
function page(slips: boolean): string {
  const rows = [
    // 1.250 = 1.200 + 50; 1.200 = 900 + 280 + 20; 900/1.200 = 75,0 %, 280/1.200 = 23,3 %, 20/1.200 = 1,7 %.
    ['Khám bệnh, chữa bệnh', '1.250', '1.200', '50', '900', '75,0', '280', '23,3', '20', '1,7'],
    // 1.980 + 80 = 2.060 (2.040 written in the slipped copy); 1.980 = 1.500 + 470 + 10; 75,8 %, 23,7 %, 0,5 %.
    ['Dược phẩm', slips ? '2.040' : '2.060', '1.980', '80', '1.500', '75,8', '470', '23,7', '10', '0,5'],
    // 310 = 300 + 10; 300 = 210 + 84 + 6; 70,0 %, 28,0 %, 2,0 % (20,0 in the slipped copy).
    ['Y tế dự phòng', '310', '300', '10', '210', '70,0', '84', '28,0', '6', slips ? '20,0' : '2,0'],
  ];
  const td = (s: string) => `<td>${s}</td>`;
  return [
    '<html><head><meta charset="utf-8"><title>Thống kê</title></head><body>',
    '<table border="1">',
    '<tr><td colspan="10">KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO LĨNH VỰC</td></tr>',
    '<tr><td colspan="10">Từ ngày 15/6/2023 đến ngày 14/9/2023</td></tr>',
    '<tr><td rowspan="2">Lĩnh vực</td><td rowspan="2">Tổng hồ sơ</td><td rowspan="2">Đã giải quyết</td><td rowspan="2">Đang giải quyết</td><td colspan="2">Trước hạn</td><td colspan="2">Đúng hạn</td><td colspan="2">Trễ hạn</td></tr>',
    `<tr>${['Số hồ sơ', 'Tỷ lệ (%)', 'Số hồ sơ', 'Tỷ lệ (%)', 'Số hồ sơ', 'Tỷ lệ (%)'].map(td).join('')}</tr>`,
    ...rows.map((r) => `<tr>${r.map(td).join('')}</tr>`),
    '</table>',
    '</body></html>',
    '',
  ].join('\n');
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await byLevelClean();
  await byFieldOneRate();
  await byUnitCountSlip();
  await totalLast();
  for (const [name, slips] of [
    ['mot-cua-xuat-trang-html-khong-loi.html', false],
    ['mot-cua-xuat-trang-html-hai-loi.html', true],
  ] as const) {
    writeFileSync(join(OUT, name), page(slips));
    console.log(`đã ghi test/fixtures/layouts/mot-cua/${name}`);
  }
}

void main();
