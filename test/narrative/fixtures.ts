/**
 * CheckReports built by hand from real report figures, so the narrative can be tested without the
 * check engine. Where a seed gives only a total, the split into columns is chosen to satisfy the
 * Biểu 06 identities and is marked as such.
 */
import { CONTRACT_VERSION, type TableName } from '../../src/core/contract';
import { tableSpec } from '../../src/core/tables';
import type { CheckReport, DataRow, TableData } from '../../src/core/report';
import type { Finding } from '../../src/core/findings';
import { sum } from '../../src/core/calculators';
import { placeTexts, type Narrative, type SectionTag } from '../../src/core/narrative';

type RowInput = Record<string, number | string | null>;

export function table(name: TableName, rows: RowInput[], opts: { omit?: string[]; total?: RowInput } = {}): TableData {
  const spec = tableSpec(name);
  const columns = spec.columns.map((c) => c.key).filter((k) => !opts.omit?.includes(k));
  const isText = (k: string) => ['text', 'enum'].includes(spec.columns.find((c) => c.key === k)!.kind);
  const toRow = (r: RowInput, i: number): DataRow => {
    const values: Record<string, number | null> = {};
    const text: Record<string, string | null> = {};
    const cells: Record<string, string> = {};
    columns.forEach((k, c) => {
      const raw = r[k] ?? null;
      if (isText(k)) text[k] = raw == null ? null : String(raw);
      else values[k] = typeof raw === 'number' ? raw : null;
      cells[k] = `${String.fromCharCode(65 + c)}${i + 5}`;
    });
    return { sheetRow: i + 5, label: String(r[spec.labelKey] ?? ''), values, text, cells };
  };
  const dataRows = rows.map(toRow);
  const sums: Record<string, number | null> = {};
  for (const k of columns) if (!isText(k)) sums[k] = sum(dataRows.map((r) => r.values[k]));
  const t: TableData = { name, sheet: spec.sheet, rows: dataRows, sums, columns };
  if (opts.total) t.total = toRow(opts.total, rows.length);
  return t;
}

export function report(args: {
  unit: string | null;
  kind?: string;
  year?: number;
  from?: string;
  to?: string;
  tables: TableData[];
  issues?: Finding[];
}): CheckReport {
  const errors = (args.issues ?? []).filter((i) => i.severity === 'error').length;
  return {
    contract: CONTRACT_VERSION,
    file: 'test.xlsx',
    period: args.kind ? { kind: args.kind, year: args.year!, from: args.from!, to: args.to!, regime: 'historic', source: 'workbook' } : undefined,
    summary: { errors, warnings: 0, infos: 0 },
    issues: args.issues ?? [],
    metrics: {},
    data: { unit: args.unit, recipient: 'Sở Nội vụ', tables: Object.fromEntries(args.tables.map((t) => [t.name, t])) },
  };
}

const tthcRow = (linhVuc: string, n: number[]): RowInput => {
  const keys = ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'];
  return { linhVuc, ...Object.fromEntries(keys.map((k, i) => [k, n[i] ?? null])) };
};

/**
 * (a) Kon Tum, quý III/2022 (seed 003). From the seed: 297 hồ sơ received in the period ("10 hồ
 * sơ/297 hồ sơ/157 TTHC"); 162 TTHC = 157 + 03 + 02; 02 đơn tố cáo + 01 kiến nghị, 02 resolved,
 * 01 pending; công chức 50/54 (30 + 12 + 12 assigned); 1.877 người làm việc = 1.784 biên chế + 93
 * HĐ 68. Not in the seed (chosen to satisfy T1–T4): the split of the 297 new files by lĩnh vực and
 * channel (online + in person = 297), the 14 carried over, the results, the split of the 50
 * present công chức by unit. The seed gives no quota for viên chức and contracts: blank.
 */
export function konTumQ3(): CheckReport {
  return report({
    unit: 'Sở Y tế tỉnh Kon Tum',
    kind: 'Quý III',
    year: 2022,
    from: '2022-06-15',
    to: '2022-09-14',
    tables: [
      table('KetQuaGiaiQuyet', [
        tthcRow('Khám bệnh, chữa bệnh', [149, 40, 102, 7, 137, 62, 73, 2, 12, 12, 0]),
        tthcRow('Dược phẩm', [125, 35, 85, 5, 117, 52, 65, 0, 8, 8, 0]),
        tthcRow('An toàn thực phẩm', [37, 10, 25, 2, 35, 21, 14, 0, 2, 1, 1]),
      ]),
      table('DanhMucTTHC', [{ linhVuc: 'Các lĩnh vực thuộc ngành Y tế', soTTHC: 162, capTinh: 157, capHuyen: 3, capXa: 2 }]),
      table('PhanAnhKienNghi', [
        { loai: 'Tố cáo', tiepNhan: 2, daGiaiQuyet: 2, dangGiaiQuyet: 0 },
        { loai: 'Phản ánh, kiến nghị', tiepNhan: 1, daGiaiQuyet: 0, dangGiaiQuyet: 1 },
      ]),
      table('BienChe', [
        { donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 30, coMat: 28 },
        { donVi: 'Chi cục Dân số - Kế hoạch hóa gia đình', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 12, coMat: 11 },
        { donVi: 'Chi cục An toàn vệ sinh thực phẩm', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 12, coMat: 11 },
        { donVi: 'Các đơn vị sự nghiệp trực thuộc', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: null, coMat: 1784 },
        { donVi: 'Các đơn vị sự nghiệp trực thuộc', loai: 'Hợp đồng', tuyen: 'Tỉnh', duocGiao: null, coMat: 93 },
      ]),
    ],
  });
}

/**
 * (b) Quý I/2023, window 15/12/2022–14/3/2023, the domain.md example: 310 hồ sơ, 124 trực tuyến,
 * 227 resolved, 59 pending. The rest of the split is chosen to satisfy T1–T3 (T4 does not hold in
 * the example: 227 + 59 = 286, the rest are returned files).
 */
export function q1of2023(): CheckReport {
  return report({
    unit: 'Sở Y tế tỉnh Sơn La',
    kind: 'Quý I',
    year: 2023,
    from: '2022-12-15',
    to: '2023-03-14',
    tables: [
      table('KetQuaGiaiQuyet', [
        tthcRow('Khám bệnh, chữa bệnh', [200, 80, 108, 12, 150, 70, 76, 4, 36, 30, 6]),
        tthcRow('Dược phẩm', [110, 44, 62, 4, 77, 30, 44, 3, 23, 20, 3]),
      ]),
    ],
  });
}

/**
 * (f) Bắc Ninh, quý I/2022 (seed 004, "Số: 124/BC-SYT, Bắc Ninh, ngày 14 tháng 3 năm 2022"). From
 * the seed: 375 hồ sơ received and all resolved in the quarter ("đã tiếp nhận và giải quyết xong
 * cho 375 hồ sơ"), none late ("không để hồ sơ trễ hạn"); 18 citizens' questions received and
 * answered ("đã nhận và trả lời 18 ý kiến"). Not in the seed (chosen to add up): the split of the
 * 375 by lĩnh vực, channel and trước hạn / đúng hạn; nothing carried over.
 */
export function bacNinhQ1(): CheckReport {
  return report({
    unit: 'Sở Y tế tỉnh Bắc Ninh',
    kind: 'Quý I',
    year: 2022,
    from: '2021-12-15',
    to: '2022-03-14',
    tables: [
      table('KetQuaGiaiQuyet', [
        tthcRow('Khám bệnh, chữa bệnh', [160, 40, 120, 0, 160, 100, 60, 0, 0, 0, 0]),
        tthcRow('Dược phẩm', [215, 65, 150, 0, 215, 140, 75, 0, 0, 0, 0]),
      ]),
      table('PhanAnhKienNghi', [{ loai: 'Phản ánh, kiến nghị', tiepNhan: 18, daGiaiQuyet: 18, dangGiaiQuyet: 0 }]),
    ],
  });
}

/**
 * (g) Lai Châu, năm 2021 (seed 002, the CCHC plan for 2021, "Lai Châu, ngày     tháng 9 năm
 * 2020": the day left blank for signing). From the seed: the plan's table lists 24 tasks (I: 5,
 * II: 3, III: 2, IV: 3, V: 2, VI: 5, VII: 4) and aims at "hoàn thành 100% kế hoạch"; the annual
 * report of that plan with every task done. The staffing split is not in the seed (chosen).
 */
export function laiChau2021(): CheckReport {
  return report({
    unit: 'Sở Y tế tỉnh Lai Châu',
    kind: 'Năm',
    year: 2021,
    from: '2020-12-15',
    to: '2021-12-14',
    tables: [
      table('ChiTieuKhac', [
        { chiTieu: 'Nhiệm vụ CCHC hoàn thành', thucHien: 24, keHoach: 24 },
        { chiTieu: 'Tinh giản biên chế', thucHien: 1, keHoach: 20 },
      ]),
      table('XepLoai', [{ doiTuong: 'Công chức', tongSo: 40, htxs: 6, htt: 30, ht: 4, kht: 0, khongDanhGia: 0 }]),
    ],
  });
}

/** (c) Only the TTHC results are filled: every other table is absent or has no data rows. */
export function onlyTthc(): CheckReport {
  return report({
    unit: 'Sở Y tế tỉnh Kon Tum',
    kind: 'Quý III',
    year: 2022,
    from: '2022-06-15',
    to: '2022-09-14',
    tables: [
      table('KetQuaGiaiQuyet', [tthcRow('Khám bệnh, chữa bệnh', [142, 40, 95, 7, 130, 60, 68, 2, 12, 12, 0])]),
      table('DanhMucTTHC', []),
      table('PhanAnhKienNghi', []),
      table('BienChe', []),
      table('KhaoSatHaiLong', []),
    ],
  });
}

/** (d) Zero denominators everywhere: nothing happened, which must read "không phát sinh". */
export function zeroDenominators(): CheckReport {
  return report({
    unit: 'Trung tâm Y tế huyện Đăk Glei',
    kind: '6 tháng đầu năm',
    year: 2023,
    from: '2022-12-15',
    to: '2023-06-14',
    tables: [
      // 05 files carried over, none resolved yet, nothing newly received.
      table('KetQuaGiaiQuyet', [tthcRow('Khám bệnh, chữa bệnh', [5, 0, 0, 5, 0, 0, 0, 0, 5, 5, 0])]),
      table('DanhMucTTHC', [{ linhVuc: 'Khám bệnh, chữa bệnh', soTTHC: 0, capTinh: 0, capXa: 0 }], { omit: ['capHuyen'] }),
      table('PhanAnhKienNghi', [{ loai: 'Khiếu nại', tiepNhan: 0, daGiaiQuyet: 0, dangGiaiQuyet: 0 }]),
      table('BienChe', [{ donVi: 'Trạm Y tế xã Đăk Pék', loai: 'Viên chức', tuyen: 'Xã', duocGiao: 0, coMat: 0 }]),
      table('XepLoai', [{ doiTuong: 'Viên chức', tongSo: 0, htxs: 0, htt: 0, ht: 0, kht: 0, khongDanhGia: 0 }]),
      table('ChiTieuKhac', [{ chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 0, keHoach: 0 }]),
      table('KhaoSatHaiLong', [{ doiTuong: 'Người bệnh nội trú', soPhieu: 0 }]),
    ],
  });
}

/**
 * (e) Every section: the fraction figures of domain.md (06/14 chuyển đổi vị trí, 11/18 tinh giản,
 * the Sóc Trăng 23/27), the 2.771 phiếu of the writing conventions; ratings and staffing by tuyến
 * chosen to add up.
 */
export function allSections(): CheckReport {
  const r = q1of2023();
  const extra = [
    table('BienChe', [
      { donVi: 'Bệnh viện Đa khoa tỉnh', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: 600, coMat: 585 },
      { donVi: 'Trung tâm Y tế huyện Mai Sơn', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 300, coMat: 310 },
      { donVi: 'Trạm Y tế xã Chiềng Mung', loai: 'Viên chức', tuyen: 'Xã', duocGiao: 12, coMat: 11 },
      { donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 64, coMat: 61 },
    ]),
    table('XepLoai', [
      { doiTuong: 'Công chức', tongSo: 50, htxs: 8, htt: 35, ht: 5, kht: 0, khongDanhGia: 2 },
      { doiTuong: 'Viên chức', tongSo: 1784, htxs: 250, htt: 1300, ht: 200, kht: 4, khongDanhGia: 30 },
    ]),
    table('ChiTieuKhac', [
      { chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 6, keHoach: 14 },
      { chiTieu: 'Tinh giản biên chế', thucHien: 11, keHoach: 18 },
      { chiTieu: 'Nhiệm vụ CCHC hoàn thành', thucHien: 23, keHoach: 27 },
    ]),
    table('KhaoSatHaiLong', [
      { doiTuong: 'Người bệnh nội trú', soPhieu: 2771, haiLongChung: 92.0345, soVoiMongDoi: 88.5, quayLai: 95.21, toanDien: 85.1 },
      { doiTuong: 'Người bệnh ngoại trú', soPhieu: 1043, haiLongChung: 90.4 },
    ]),
  ];
  for (const t of extra) r.data.tables[t.name] = t;
  return r;
}

/** Paragraphs and fields as the golden files hold them. */
export function render(n: Narrative): string {
  const out: string[] = [];
  for (const [k, val] of Object.entries(n.fields)) if (val !== undefined) out.push(`${k}: ${val}`);
  const places = placeTexts(n);
  out.push(`[cchc:ngay] ${places['cchc:ngay'].join(' ')}`);
  for (const tag of Object.keys(n.sections) as SectionTag[]) {
    out.push('', `[${tag}]`);
    out.push(...places[tag]);
  }
  return `${out.join('\n')}\n`;
}
