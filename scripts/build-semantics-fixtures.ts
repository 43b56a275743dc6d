/**
 * `npx tsx scripts/build-semantics-fixtures.ts`: writes test/fixtures/layouts/semantics/, one
 * workbook per way officers state a period, keep several periods or sheets in one file, name
 * their columns, type their cells, nest their staffing subtotals and upload survey answers. Each
 * file is named by what the check must conclude; test/layouts/semantics.test.ts holds the
 * expected findings and figures, worked out by hand from the figures written here.
 *
 * The TTHC rows below satisfy every identity of Biểu 06 by construction: (3) = (4) + (5) + (6),
 * (7) = (8) + (9) + (10), (11) = (12) + (13) and (3) = (7) + (11). A "slip" changes one figure so
 * that a sheet which must not be read would show an error if it were.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const OUT = resolve(__dirname, '../test/fixtures/layouts/semantics');

type V = string | number | null;

function put(ws: ExcelJS.Worksheet, row: number, values: V[], fromCol = 1) {
  values.forEach((v, j) => {
    if (v !== null) ws.getCell(row, fromCol + j).value = v;
  });
}

const TTHC_HEADER = ['STT', 'Lĩnh vực', 'Tổng số hồ sơ nhận giải quyết', 'Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết', 'Trong hạn', 'Quá hạn (đang giải quyết)'];

/** online, direct, carried, early, on time, late, pending in time, pending late: (3), (7), (11) follow. */
function tthcRow(label: string, [on, dir, car, early, onTime, late, pin, plate]: number[]): V[] {
  return [label, on! + dir! + car!, on!, dir!, car!, early! + onTime! + late!, early!, onTime!, late!, pin! + plate!, pin!, plate!];
}

/** Kon Tum's three lĩnh vực; every figure times k (the identities are linear, so they still hold). */
const BASE: [string, number[]][] = [
  ['Khám bệnh, chữa bệnh', [40, 70, 10, 60, 38, 2, 19, 1]],
  ['Dược phẩm', [30, 60, 7, 50, 40, 0, 7, 0]],
  ['An toàn thực phẩm', [20, 55, 5, 30, 39, 1, 10, 0]],
];
// Sums of BASE: (3) 297, (4) 90, (5) 185, (6) 22, (7) 260, (8) 140, (9) 117, (10) 3, (11) 37, (12) 36, (13) 1.

/** Writes a Biểu 06 with one header row at `at`, its rows and a totals row; `slip` adds 1 to "Trước hạn" of the second row. */
function tthcTable(ws: ExcelJS.Worksheet, at: number, k: number, slip = false): number {
  put(ws, at, TTHC_HEADER);
  const rows = BASE.map(([l, xs]) => tthcRow(l, xs.map((x) => x * k)));
  rows.forEach((r, i) => {
    const line = [i + 1, ...r];
    if (slip && i === 1) line[7] = (line[7] as number) + 1;
    put(ws, at + 1 + i, line);
  });
  const total = rows[0]!.map((_, j) => (j === 0 ? 'Tổng cộng' : rows.reduce((s, r) => s + (r[j] as number), 0)));
  put(ws, at + 1 + rows.length, [null, ...total]);
  return at + 1 + rows.length;
}

const UNIT = 'Đơn vị báo cáo: Sở Y tế tỉnh Kon Tum';

async function write(name: string, wb: ExcelJS.Workbook) {
  wb.creator = 'Cán bộ Sở Y tế';
  wb.created = new Date(Date.UTC(2024, 0, 10));
  wb.modified = wb.created;
  writeFileSync(join(OUT, name), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  console.log(`đã ghi test/fixtures/layouts/semantics/${name}`);
}

/** One sheet: the unit, the period line (or title) given, Biểu 06 from row 4. */
function simple(sheetName: string, lines: string[], k = 1): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  lines.forEach((l, i) => put(ws, i + 1, [l]));
  tthcTable(ws, 4, k);
  return wb;
}

async function periods() {
  // Annual and 6/9-month labels as officers type them after "Kỳ báo cáo:".
  await write('ky-nam-2022-khong-loi.xlsx', simple('Biểu 06', [UNIT, 'Kỳ báo cáo: Năm 2022']));
  await write('ky-nam-thuong-2022-khong-loi.xlsx', simple('Biểu 06', [UNIT, 'Kỳ báo cáo: năm 2022']));
  await write('ky-ca-nam-2022-khong-loi.xlsx', simple('Biểu 06', [UNIT, 'Kỳ báo cáo: Cả năm 2022']));
  await write('ky-06-thang-dau-nam-2023-khong-loi.xlsx', simple('Biểu 06', [UNIT, 'Kỳ báo cáo: 06 tháng đầu năm 2023']));
  await write('ky-9-thang-2024-khong-loi.xlsx', simple('Biểu 06', [UNIT, 'Kỳ báo cáo: 9 tháng năm 2024']));
  // Only a title line says the period.
  await write('ky-tieu-de-6-thang-cuoi-nam-2023.xlsx', simple('Biểu 06', [UNIT, 'BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH 6 THÁNG CUỐI NĂM 2023']));
  // Nothing inside says it: the sheet's name, then the file's.
  await write('ky-theo-ten-trang-tinh.xlsx', simple('Quý II-2024', [UNIT]));
  await write('ky-theo-ten-tep_BC_TTHC_Quy_III_2023.xlsx', simple('Sheet1', [UNIT]));
}

async function sheetChoice() {
  {
    // Last quarter's sheet hidden in front of this quarter's: the hidden one (with a slip) is first.
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Quý II', { state: 'hidden' });
    put(old, 1, [UNIT]);
    put(old, 2, ['BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC QUÝ II NĂM 2023']);
    tthcTable(old, 4, 2, true);
    const cur = wb.addWorksheet('Quý III');
    put(cur, 1, [UNIT]);
    put(cur, 2, ['BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC QUÝ III NĂM 2023']);
    tthcTable(cur, 4, 3);
    await write('trang-an-quy-truoc-bo-qua.xlsx', wb);
  }
  {
    // Last quarter's information kept on a hidden sheet in front: the visible sheet's label is read.
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Thông tin quý trước', { state: 'hidden' });
    put(old, 1, [UNIT]);
    put(old, 2, ['Kỳ báo cáo: Quý II năm 2023']);
    const cur = wb.addWorksheet('Biểu 06');
    put(cur, 1, [UNIT]);
    put(cur, 2, ['Kỳ báo cáo: Quý III năm 2023']);
    tthcTable(cur, 4, 1);
    await write('nhan-ky-tren-trang-an-khong-doc.xlsx', wb);
  }
  {
    // One sheet per quarter and a "Thông tin" sheet stating Quý II: Q1 and Q3 carry slips.
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Thông tin');
    put(info, 1, ['Đơn vị báo cáo', 'Sở Y tế tỉnh Kon Tum']);
    put(info, 2, ['Kỳ báo cáo', 'Quý II']);
    put(info, 3, ['Năm báo cáo', 2023]);
    for (const [name, k, slip] of [
      ['Quý I-2023', 1, true],
      ['Quý II-2023', 2, false],
      ['Quý III-2023', 3, true],
    ] as const) {
      const ws = wb.addWorksheet(name);
      put(ws, 1, [`KẾT QUẢ GIẢI QUYẾT TTHC ${name.toUpperCase()}`]);
      tthcTable(ws, 3, k, slip);
    }
    await write('nhieu-quy-chon-theo-ky-bao-cao.xlsx', wb);
  }
  {
    // Sheets named by the quarter alone; "Thông tin" gives the year and the quarter (Quý II).
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Thông tin');
    put(info, 1, ['Đơn vị báo cáo', 'Sở Y tế tỉnh Kon Tum']);
    put(info, 2, ['Kỳ báo cáo', 'Quý II']);
    put(info, 3, ['Năm báo cáo', 2023]);
    for (const [name, k, slip] of [
      ['Quý I', 1, true],
      ['Quý II', 2, false],
    ] as const) tthcTable(wb.addWorksheet(name), 1, k, slip);
    await write('nhieu-quy-ten-khong-nam-chon-theo-ky-bao-cao.xlsx', wb);
  }
  {
    // One sheet per quarter and nothing stating which is reported: the latest is read.
    const wb = new ExcelJS.Workbook();
    for (const [name, k, slip] of [
      ['Q1-2023', 1, true],
      ['Q2-2023', 2, false],
    ] as const) {
      const ws = wb.addWorksheet(name);
      put(ws, 1, [UNIT]);
      tthcTable(ws, 3, k, slip);
    }
    await write('nhieu-quy-khong-ghi-ky-chon-moi-nhat.xlsx', wb);
  }
  {
    // Two tables of one report on two sheets, each with a title of its own ("QUÝ I NĂM 2023",
    // "… NĂM 2023"): not two periods, both read.
    const wb = simple('Biểu 06', [UNIT, 'BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC QUÝ I NĂM 2023']);
    const ws = wb.addWorksheet('Biên chế');
    put(ws, 1, ['BÁO CÁO BIÊN CHẾ NĂM 2023']);
    put(ws, 3, ['STT', 'Đơn vị', 'Được giao', 'Có mặt']);
    put(ws, 4, [1, 'Cơ quan Sở Y tế', 64, 61]);
    put(ws, 5, [2, 'Đơn vị sự nghiệp tuyến tỉnh', 2244, 2128]);
    put(ws, 6, [null, 'Tổng cộng', 2308, 2189]);
    await write('hai-bang-hai-tieu-de-doc-ca-hai.xlsx', wb);
  }
  {
    // The quarters side by side as columns of one table: not read, and said.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tổng hợp');
    put(ws, 1, [UNIT]);
    put(ws, 2, ['Kỳ báo cáo: Năm 2023']);
    put(ws, 4, ['STT', 'Lĩnh vực', 'Quý I', 'Quý II', 'Quý III', 'Quý IV']);
    put(ws, 5, [1, 'Khám bệnh, chữa bệnh', 120, 131, 118, 140]);
    put(ws, 6, [2, 'Dược phẩm', 97, 90, 102, 95]);
    put(ws, 7, [3, 'An toàn thực phẩm', 80, 76, 85, 88]);
    await write('quy-theo-cot-chua-doc.xlsx', wb);
  }
  {
    // Biểu 06 read, and an appendix listing indicators with their unit: named as not read.
    const wb = simple('Biểu 06', [UNIT, 'Kỳ báo cáo: Quý I năm 2023']);
    const ws = wb.addWorksheet('Phụ lục');
    put(ws, 1, ['PHỤ LỤC: MỘT SỐ CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH']);
    put(ws, 3, ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả']);
    put(ws, 4, [1, 'Số văn bản quy phạm pháp luật được ban hành', 'Văn bản', 4]);
    put(ws, 5, [2, 'Số cuộc kiểm tra công tác CCHC', 'Cuộc', 6]);
    put(ws, 6, [3, 'Số TTHC được đơn giản hóa', 'Thủ tục', 12]);
    put(ws, 7, [4, 'Số sáng kiến CCHC được công nhận', 'Sáng kiến', 2]);
    await write('danh-sach-chi-tieu-chua-doc.xlsx', wb);
  }
}

async function words() {
  // Officers' abbreviations in Biểu 06 and the staffing forms' dated headers.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  put(ws, 1, [UNIT]);
  put(ws, 2, ['Kỳ báo cáo: Quý I năm 2023']);
  put(ws, 4, ['STT', 'Lĩnh vực', 'Tổng', 'Trực tuyến', 'Trực tiếp, BCCI', 'Kỳ trước', 'Số HS đã GQ', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Số HS đang GQ', 'Trong hạn', 'Đã quá hạn']);
  BASE.forEach(([l, xs], i) => put(ws, 5 + i, [i + 1, ...tthcRow(l, xs)]));
  put(ws, 8, [null, 'Tổng cộng', 297, 90, 185, 22, 260, 140, 117, 3, 37, 36, 1]);
  put(ws, 11, ['STT', 'Tên đơn vị', 'Biên chế được giao năm 2023', 'Số có mặt đến ngày 30/6/2023']);
  put(ws, 12, [1, 'Cơ quan Sở Y tế', 64, 61]);
  put(ws, 13, [2, 'Đơn vị sự nghiệp tuyến tỉnh', 2244, 2128]);
  put(ws, 14, [3, 'Trung tâm y tế huyện', 3174, 2681]);
  // The slip: 61 + 2.128 + 2.681 = 4.870, 4.876 written.
  put(ws, 15, [null, 'Tổng cộng', 5482, 4876]);
  await write('tieu-de-viet-tat-va-bien-che-co-ngay-mot-loi.xlsx', wb);
}

async function cells() {
  {
    // "Không phát sinh hồ sơ" merged across a row's figures, a note mark, a unit after a figure.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 06');
    put(ws, 1, [UNIT]);
    put(ws, 2, ['Kỳ báo cáo: Quý I năm 2023']);
    put(ws, 4, TTHC_HEADER);
    put(ws, 5, [1, ...tthcRow(...BASE[0]!)]);
    // Dược phẩm: 30 online with a note mark, 60 direct with its unit; the rest as numbers.
    put(ws, 6, [2, 'Dược phẩm', 97, '30 (*)', '60 hồ sơ', 7, 90, 50, 40, 0, 7, 7, 0]);
    put(ws, 7, [3, ...tthcRow(...BASE[2]!)]);
    put(ws, 8, [4, 'Mỹ phẩm', 'Không phát sinh hồ sơ']);
    ws.mergeCells('C8:M8');
    put(ws, 9, [null, 'Tổng cộng', 297, 90, 185, 22, 260, 140, 117, 3, 37, 36, 1]);
    put(ws, 11, ['(*) 01 hồ sơ nộp lại sau khi bổ sung.']);
    await write('o-khong-phat-sinh-ghi-chu-don-vi-khong-loi.xlsx', wb);
  }
  {
    // A one-stop export opened on an English Windows: every figure typed in English style.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 06');
    put(ws, 1, [UNIT]);
    put(ws, 2, ['Kỳ báo cáo: Quý I năm 2023']);
    put(ws, 4, TTHC_HEADER);
    // 1,380 = 400 + 900 + 80; 1,300 = 700 + 580 + 20; 80 = 79 + 1; 1,380 = 1,300 + 80.
    put(ws, 5, [1, 'Khám bệnh, chữa bệnh', '1,380', '400', '900', '80', '1,300', '700', '580', '20', '80', '79', '1']);
    // 1,045 = 300 + 700 + 45; 1,000 = 600 + 390 + 10; 45 = 45 + 0.
    put(ws, 6, [2, 'Dược phẩm', '1,045', '300', '700', '45', '1,000', '600', '390', '10', '45', '45', '0']);
    put(ws, 7, [null, 'Tổng cộng', '2,425', '700', '1,600', '125', '2,300', '1,300', '970', '30', '125', '124', '1']);
    await write('so-kieu-anh-1380-khong-loi.xlsx', wb);
  }
  {
    // A separate withdrawn column: (3) = (7) + (11) + rút. Khám bệnh: 123 = 100 + 20 + 3.
    const make = (withdrawn: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Biểu 06');
      put(ws, 1, [UNIT]);
      put(ws, 2, ['Kỳ báo cáo: Quý I năm 2023']);
      put(ws, 4, [...TTHC_HEADER, ...(withdrawn ? ['Số hồ sơ rút'] : [])]);
      put(ws, 5, [1, 'Khám bệnh, chữa bệnh', 123, 40, 73, 10, 100, 60, 38, 2, 20, 19, 1, ...(withdrawn ? [3] : [])]);
      put(ws, 6, [2, ...tthcRow(...BASE[1]!), ...(withdrawn ? [0] : [])]);
      put(ws, 7, [3, ...tthcRow(...BASE[2]!), ...(withdrawn ? [0] : [])]);
      put(ws, 8, [null, 'Tổng cộng', 300, 90, 188, 22, 260, 140, 117, 3, 37, 36, 1, ...(withdrawn ? [3] : [])]);
      return wb;
    };
    await write('so-ho-so-rut-cot-rieng-khong-loi.xlsx', make(true));
    await write('so-ho-so-rut-khong-co-cot-loi-t4.xlsx', make(false));
  }
}

async function staffing() {
  // Units in groups inside groups inside the total. Có mặt of "II. Tuyến huyện" is 86 where its
  // two units have 48 + 37 = 85: the one real slip. Every other subtotal is right.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biên chế');
  put(ws, 1, [UNIT]);
  put(ws, 2, ['Kỳ báo cáo: Năm 2023']);
  put(ws, 4, ['STT', 'Đơn vị', 'Được giao', 'Có mặt']);
  const rows: V[][] = [
    [null, 'Tổng cộng', 300, 280],
    ['A', 'Khối quản lý nhà nước', 60, 55],
    [1, 'Văn phòng Sở Y tế', 40, 37],
    [2, 'Chi cục An toàn vệ sinh thực phẩm', 20, 18],
    ['B', 'Khối sự nghiệp', 240, 225],
    ['I', 'Tuyến tỉnh', 150, 140],
    [1, 'Bệnh viện đa khoa tỉnh', 100, 93],
    [2, 'Trung tâm Kiểm soát bệnh tật', 50, 47],
    ['II', 'Tuyến huyện', 90, 86],
    [1, 'Trung tâm y tế huyện Đắk Hà', 50, 48],
    [2, 'Trung tâm y tế huyện Sa Thầy', 40, 37],
  ];
  rows.forEach((r, i) => put(ws, 5 + i, r));
  await write('bien-che-nhom-long-nhau-mot-loi.xlsx', wb);

  // A unit numbered "1" over its parts "1.1", "1.2" (typed as numbers, as Excel keeps them): its
  // có mặt 58 where 38 + 19 = 57 is the slip.
  const wb2 = new ExcelJS.Workbook();
  const ws2 = wb2.addWorksheet('Biên chế');
  put(ws2, 1, [UNIT]);
  put(ws2, 2, ['Kỳ báo cáo: Năm 2023']);
  put(ws2, 4, ['STT', 'Đơn vị', 'Được giao', 'Có mặt']);
  const rows2: V[][] = [
    [null, 'Tổng cộng', 250, 236],
    [1, 'Cơ quan Sở Y tế', 60, 58],
    [1.1, 'Văn phòng Sở', 40, 38],
    [1.2, 'Thanh tra Sở', 20, 19],
    [2, 'Bệnh viện đa khoa tỉnh', 190, 179],
  ];
  rows2.forEach((r, i) => put(ws2, 5 + i, r));
  await write('bien-che-so-muc-con-mot-loi.xlsx', wb2);
}

/** QĐ 56 inpatient items: A1–A5, B1–B7, C1–C11, D1–D7, E1–E6, cost E7, G1, return G2. */
const QD56_NOI_TRU = [...[5, 7, 11, 7, 6].flatMap((n, s) => Array.from({ length: n }, (_, i) => `${'ABCDE'[s]}${i + 1}`)), 'E7', 'E7.1', 'G1', 'G2', 'G2.1'];

async function surveys() {
  {
    // The national upload template: "MA_SO _PHIEU" with a space, "E7.1" and "G2.1" free text.
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Thông tin');
    put(info, 1, ['Đơn vị báo cáo', 'Bệnh viện đa khoa tỉnh Kon Tum']);
    put(info, 2, ['Kỳ báo cáo', 'Quý I']);
    put(info, 3, ['Năm báo cáo', 2025]);
    const ws = wb.addWorksheet('Dữ liệu nội trú');
    const header = ['MA_SO _PHIEU', 'NGAY_DIEN_PHIEU', ...QD56_NOI_TRU];
    put(ws, 1, header);
    // Five forms, all answers 4 except where said; form P002 is entered twice.
    const ids = ['P001', 'P002', 'P003', 'P002', 'P005'];
    ids.forEach((id, i) => {
      const line: V[] = header.map((h) => (h === 'E7' ? 1 : h === 'G1' ? 90 : h === 'G2' ? 4 : /\.1$/.test(h) ? null : 4));
      line[0] = id;
      line[1] = '10/01/2025';
      if (i === 2) {
        // "Khác" answers with their text in the free-text columns.
        line[header.indexOf('E7')] = 5;
        line[header.indexOf('E7.1')] = 'Tiền gửi xe';
        line[header.indexOf('G2')] = 6;
        line[header.indexOf('G2.1')] = 'Tùy tình trạng bệnh';
      }
      put(ws, 2 + i, line);
    });
    await write('khao-sat-ma-so-co-dau-cach-trung-phieu.xlsx', wb);
  }
  {
    // A staff survey in 2025, after QĐ 56: still the QĐ 3869 staff form (Mẫu 3).
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Thông tin');
    put(info, 1, ['Đơn vị báo cáo', 'Bệnh viện đa khoa tỉnh Kon Tum']);
    put(info, 2, ['Kỳ báo cáo', 'Quý I']);
    put(info, 3, ['Năm báo cáo', 2025]);
    const ws = wb.addWorksheet('Khảo sát NVYT');
    put(ws, 1, ['PHIẾU KHẢO SÁT Ý KIẾN NHÂN VIÊN Y TẾ']);
    const items = [...[4, 3, 5, 4, 3].flatMap((n, s) => Array.from({ length: n }, (_, i) => `${'ABCDE'[s]}${i + 1}`)), 'G1'];
    put(ws, 2, ['MA_SO_PHIEU', 'NGAY_DIEN_PHIEU', ...items]);
    for (let i = 0; i < 4; i++) put(ws, 3 + i, [`NV${i + 1}`, '12/02/2025', ...items.map((it) => (it === 'G1' ? 80 : 4))]);
    await write('khao-sat-nhan-vien-2025-van-mau-3869.xlsx', wb);
  }
  {
    // Mẫu 5 of QĐ 3869 laid out like an upload: not a satisfaction survey.
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Thông tin');
    put(info, 1, ['Đơn vị báo cáo', 'Bệnh viện đa khoa tỉnh Kon Tum']);
    put(info, 2, ['Kỳ báo cáo', 'Quý I']);
    put(info, 3, ['Năm báo cáo', 2023]);
    const ws = wb.addWorksheet('Mẫu 5');
    put(ws, 1, ['Mẫu số 05 - QĐ 3869/QĐ-BYT']);
    put(ws, 2, ['MA_SO_PHIEU', 'A1', 'A2', 'B1', 'B2', 'C1']);
    for (let i = 0; i < 3; i++) put(ws, 3 + i, [`M${i + 1}`, 3, 4, 5, 4, 3]);
    await write('mau-5-khong-phai-khao-sat-hai-long.xlsx', wb);
  }
}

async function boundary() {
  // The TTHC catalogue with cấp huyện, in a period straddling 01/7/2025 and in the one after.
  for (const [name, kind] of [
    ['danh-muc-quy-iii-2025-cap-huyen-khong-canh-bao.xlsx', 'Quý III'],
    ['danh-muc-quy-iv-2025-cap-huyen-canh-bao.xlsx', 'Quý IV'],
  ] as const) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh mục');
    put(ws, 1, [UNIT]);
    put(ws, 2, [`Kỳ báo cáo: ${kind} năm 2025`]);
    put(ws, 4, ['STT', 'Lĩnh vực', 'Tổng số TTHC', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
    put(ws, 5, [1, 'An toàn thực phẩm', 20, 17, 3, 0]);
    put(ws, 6, [2, 'Dược phẩm', 46, 46, 0, 0]);
    await write(name, wb);
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await periods();
  await sheetChoice();
  await words();
  await cells();
  await staffing();
  await surveys();
  await boundary();
}

void main();
