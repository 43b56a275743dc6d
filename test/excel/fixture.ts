import type { Cell, SheetGrid, TableRef, WorkbookModel } from '../../src/core/model';
import { colToLetters, toA1 } from '../../src/core/model';
import { type TableName } from '../../src/core/contract';
import { tableSpec } from '../../src/core/tables';

type In = Cell | string | number | boolean | null;

const asCell = (x: In): Cell | undefined => (x === null ? undefined : typeof x === 'object' ? x : { v: x });

export class Builder {
  readonly sheets: SheetGrid[] = [];
  readonly tables: TableRef[] = [];
  readonly names: WorkbookModel['names'] = [];

  sheet(name: string): SheetGrid {
    let s = this.sheets.find((x) => x.name === name);
    if (!s) this.sheets.push((s = { name, rows: [] }));
    return s;
  }

  put(sheet: string, row: number, col: number, x: In): void {
    const c = asCell(x);
    if (!c) return;
    const rows = this.sheet(sheet).rows;
    for (let r = rows.length; r <= row; r++) rows[r] = [];
    rows[row]![col] = c;
  }

  name(name: string, sheet: string, row: number, col: number, x: In): void {
    this.put(sheet, row, col, x);
    this.names.push({ name, sheet, cell: toA1({ row, col }) });
  }

  /** A contract table at (row, col), headers from the contract, the given data rows, optional totals row. */
  table(name: TableName, row: number, col: number, data: In[][], totals?: In[]): TableRef {
    const spec = tableSpec(name);
    spec.columns.forEach((c, j) => this.put(spec.sheet, row, col + j, c.header));
    data.forEach((d, i) => d.forEach((x, j) => this.put(spec.sheet, row + 1 + i, col + j, x)));
    const last = row + data.length + (totals ? 1 : 0);
    if (totals) totals.forEach((x, j) => this.put(spec.sheet, last, col + j, x));
    const ref = `${colToLetters(col)}${row + 1}:${colToLetters(col + spec.columns.length - 1)}${last + 1}`;
    const t: TableRef = { name, sheet: spec.sheet, ref, headerRow: true, totalsRow: !!totals };
    this.tables.push(t);
    return t;
  }

  build(): WorkbookModel {
    return { sheets: this.sheets, tables: this.tables, names: this.names };
  }
}

/** "Thông tin" with the contract's names, a date, a date formula. */
export function info(b: Builder): void {
  const s = 'Thông tin';
  b.put(s, 0, 0, 'THÔNG TIN BÁO CÁO');
  const rows: [string, string, In][] = [
    ['PhienBanMau', 'Phiên bản mẫu', 'cchc-workbook/1'],
    ['DonViBaoCao', 'Đơn vị báo cáo', 'Sở Y tế tỉnh Sơn La'],
    ['DonViNhan', 'Đơn vị nhận', 'Sở Nội vụ'],
    ['KyBaoCao', 'Kỳ báo cáo', 'Quý I'],
    ['NamBaoCao', 'Năm báo cáo', 2023],
    ['TuNgay', 'Từ ngày', { v: 44910, z: 'dd/mm/yyyy' }],
    ['DenNgay', 'Đến ngày', { v: 44999, f: 'EDATE(C7,3)-1', z: 'dd/mm/yyyy' }],
  ];
  rows.forEach(([n, label, v], i) => {
    b.put(s, 2 + i, 1, label);
    b.name(n, s, 2 + i, 2, v);
  });
}

/** BienChe whose totals row states 4.876 present while the rows sum to 4.870 (E-column). */
export function bienChe(b: Builder): TableRef {
  const rows: In[][] = [
    ['Văn phòng Sở', 'Công chức', 'Tỉnh', 60, 58, { v: 2, f: 'MAX(0,[@[Được giao]]-[@[Có mặt]])' }, { v: 0, f: 'MAX(0,[@[Có mặt]]-[@[Được giao]])' }],
    ['Bệnh viện Đa khoa tỉnh', 'Viên chức', 'Tỉnh', 1900, 1850, 50, 0],
    ['Trung tâm Y tế huyện Mai Sơn', 'Viên chức', 'Huyện', 3000, 2962, 38, 0],
  ];
  return b.table('BienChe', 3, 0, rows, ['Tổng cộng', null, null, { v: 4960, f: 'SUBTOTAL(109,[Được giao])' }, 4876, 90, 0]);
}

export function sevenTables(): WorkbookModel {
  const b = new Builder();
  info(b);
  b.put('TTHC', 0, 0, 'Biểu số 06/VPCP/KSTT');
  b.table('KetQuaGiaiQuyet', 2, 0, [
    ['Khám bệnh, chữa bệnh', 120, 100, 20, 5, 110, 60, 48, 2, 15, 15, 0, { v: 98.18, f: 'ROUND(([@[Trước hạn]]+[@[Đúng hạn]])/[@[Đã giải quyết]]*100,2)', z: '0.00' }],
    ['Dược, mỹ phẩm', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, { v: null, e: '#DIV/0!', f: '([@[Trước hạn]]+[@[Đúng hạn]])/[@[Đã giải quyết]]*100' }],
  ]);
  b.table('DanhMucTTHC', 8, 0, [['Khám bệnh, chữa bệnh', 40, 30, null, 10, 40, 35, true]]);
  b.table('PhanAnhKienNghi', 12, 0, [['Phản ánh, kiến nghị', 4, 3, 1]]);
  bienChe(b);
  b.table('XepLoai', 12, 0, [['Công chức', 58, 10, 40, 8, 0, 0]]);
  b.table('ChiTieuKhac', 16, 0, [['Tinh giản biên chế', 3, 4, { v: 0.75, f: '[@[Thực hiện]]/[@[Kế hoạch / phải thực hiện]]', z: '0.00%' }]]);
  b.table('KhaoSatHaiLong', 1, 1, [['Người bệnh nội trú', 300, 95.5, 90.1, 97, 92.4]]);
  b.put('Ghi chú', 0, 0, 'Sheet the checker does not need');
  return b.build();
}

export function oneTable(): WorkbookModel {
  const b = new Builder();
  info(b);
  bienChe(b);
  return b.build();
}
