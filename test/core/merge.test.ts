/**
 * Consolidation of the Kon Tum units (test/helpers/merge-corpus.ts): expected totals are summed
 * here from the seed figures, by the lĩnh vực each seed row names, never through the merge code.
 */
import { checkWorkbook } from '../../src/core/check';
import { mergeUnits, type MergeResult } from '../../src/core/merge/merge';
import type { WorkbookModel } from '../../src/core/model';
import { readPreviousUnits, toUnitReport, type UnitReport } from '../../src/core/merge/units';
import { readWorkbook } from '../../src/xlsx/read';
import { buildMergedWorkbook } from '../../src/xlsx/merge-workbook';
import { Q3, Q4, Q4_DUPLICATE, Q4_INCLUDED, expectedCounts, unitWorkbook, type SeedUnit } from '../helpers/merge-corpus';

async function unitOf(u: SeedUnit, file = u.file, hash = `h-${u.kind}-${u.file}`): Promise<UnitReport> {
  const model = await readWorkbook(await unitWorkbook(u), file);
  return toUnitReport(checkWorkbook(model), file, hash);
}


const rowsOf = (r: MergeResult, table: string) => (r.consolidated.tables as Record<string, Record<string, string | number | null>[]>)[table] ?? [];

describe('consolidating Quý III (all units clean)', () => {
  let result: MergeResult;
  beforeAll(async () => {
    result = mergeUnits(await Promise.all(Q3.map((u) => unitOf(u))));
  }, 60000);

  it('checks each unit clean and raises no cross-unit finding', () => {
    expect(result.sources.map((s) => [s.unit, s.errors, s.included])).toEqual(Q3.map((u) => [u.unit, 0, true]));
    expect(result.findings).toEqual([]);
    expect(result.period).toMatchObject({ kind: 'Quý III', year: 2022 });
    expect(result.unit).toBe('Sở Y tế tỉnh Kon Tum');
  });

  it('sums every count by lĩnh vực, the Biểu 06 unit\'s "1. Lĩnh vực Khám bệnh…" with the others', () => {
    const expected = expectedCounts(Q3);
    const rows = rowsOf(result, 'KetQuaGiaiQuyet');
    expect(rows.map((r) => r.linhVuc).sort()).toEqual([...expected.keys()].sort());
    // Khám bệnh: BV 114 + Đăk Hà 32 + Ngọc Hồi 21 + Sa Thầy 16 received.
    expect(rows.find((r) => r.linhVuc === 'Khám bệnh, chữa bệnh')!.tongSo).toBe(114 + 32 + 21 + 16);
    for (const r of rows) {
      const e = expected.get(String(r.linhVuc))!;
      for (const k of ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan']) expect([r.linhVuc, k, r[k]]).toEqual([r.linhVuc, k, e[k]]);
    }
  });

  it('recomputes rates from the summed counts, never averaging the units\' rates', () => {
    const all = [...expectedCounts(Q3).values()];
    const s = (k: string) => all.reduce((a, r) => a + r[k]!, 0);
    expect(result.consolidated.metrics['tthc.tyLeDungHan']).toBeCloseTo(((s('truocHan') + s('dungHan')) / s('daGiaiQuyet')) * 100, 6);
    // Chuyển đổi vị trí: (6 + 4) / (14 + 6) = 50 %; the mean of 42,86 % and 66,67 % would be 54,76 %.
    const ct = rowsOf(result, 'ChiTieuKhac');
    expect(ct).toEqual([{ chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 10, keHoach: 20 }]);
    expect(result.consolidated.metrics['chiTieu.chuyen-doi-vi-tri-cong-tac.tyLe']).toBe(50);
    const trace = result.consolidated.trace.find((t) => t.table === 'ChiTieuKhac' && t.column === 'tyLe')!;
    expect(trace).toMatchObject({ method: 'ratio', value: 50 });
  });

  it('weights the survey rates by respondents, and says so', () => {
    const ks = rowsOf(result, 'KhaoSatHaiLong');
    const ngoaiTru = ks.find((r) => r.doiTuong === 'Người bệnh ngoại trú')!;
    expect(ngoaiTru.soPhieu).toBe(2000);
    expect(ngoaiTru.haiLongChung).toBe((1500 * 90 + 500 * 86) / 2000);
    expect(ngoaiTru.toanDien).toBe((1500 * 82 + 500 * 78) / 2000);
    const t = result.consolidated.trace.find((x) => x.table === 'KhaoSatHaiLong' && x.row === 'Người bệnh ngoại trú' && x.column === 'haiLongChung')!;
    expect(t.method).toBe('weighted');
    expect(t.note).toMatch(/gia quyền theo số phiếu/);
    expect(result.consolidated.notes.some((n) => /bình quân gia quyền/.test(n))).toBe(true);
  });

  it('takes the catalogue from the Sở instead of summing the units\' lists', () => {
    expect(rowsOf(result, 'DanhMucTTHC').map((r) => [r.linhVuc, r.soTTHC])).toEqual([
      ['Khám bệnh, chữa bệnh', 52],
      ['Dược phẩm', 45],
    ]);
    expect(result.consolidated.notes[0]).toMatch(/không cộng giữa các đơn vị.*Sở Y tế tỉnh Kon Tum/);
  });

  it('keeps staffing by unit, loại and tuyến, and sums ratings by đối tượng', () => {
    expect(rowsOf(result, 'BienChe').map((r) => [r.donVi, r.tuyen, r.duocGiao, r.coMat])).toEqual([
      ['Cơ quan Sở Y tế', 'Tỉnh', 30, 28],
      ['Bệnh viện Đa khoa tỉnh Kon Tum', 'Tỉnh', 500, 480],
      ['Trung tâm Y tế huyện Đăk Hà', 'Huyện', 200, 190],
      ['Trung tâm Y tế huyện Ngọc Hồi', 'Huyện', 150, 150],
    ]);
    const vc = rowsOf(result, 'XepLoai').find((r) => r.doiTuong === 'Viên chức')!;
    expect([vc.tongSo, vc.htxs, vc.htt, vc.ht, vc.kht, vc.khongDanhGia]).toEqual([412 + 145, 70, 400, 70, 2, 15]);
  });

  it('traces every summed figure to the units\' cells', () => {
    const t = result.consolidated.trace.find((x) => x.table === 'KetQuaGiaiQuyet' && x.row === 'An toàn thực phẩm' && x.column === 'tongSo')!;
    expect(t.value).toBe(53 + 7);
    expect(t.sources.map((s) => [s.unit, s.value])).toEqual([
      ['Trung tâm Y tế huyện Đăk Hà', 53],
      ['Trung tâm Y tế huyện Sa Thầy', 7],
    ]);
    // Sa Thầy's Biểu 06: totals row 11, lĩnh vực from row 12, (3) in column C.
    expect(t.sources[1]).toMatchObject({ sheet: 'Biểu 06', cell: 'C13', file: '5-ttyt-sa-thay-bieu06.xlsx' });
    const total = result.consolidated.trace.find((x) => x.table === 'KetQuaGiaiQuyet' && x.row === 'Tổng cộng' && x.column === 'tongSo')!;
    expect(total.sources.reduce((a, s) => a + (s.value ?? 0), 0)).toBe(total.value);
    for (const x of result.consolidated.trace.filter((e) => e.method === 'sum')) expect([x.table, x.row, x.column, x.sources.reduce((a, s) => a + (s.value ?? 0), 0)]).toEqual([x.table, x.row, x.column, x.value ?? 0]);
  });
});

describe('consolidating Quý IV against the Quý III consolidation', () => {
  let result: MergeResult;
  beforeAll(async () => {
    const q3 = mergeUnits(await Promise.all(Q3.map((u) => unitOf(u))));
    const previous = readPreviousUnits(await readWorkbook(await buildMergedWorkbook(q3), 'tong-hop-q3.xlsx'));
    const units = await Promise.all(Q4.map((u) => unitOf(u)));
    const dh = Q4.find((u) => u.file === Q4_DUPLICATE.of)!;
    units.push(await unitOf(dh, Q4_DUPLICATE.as, `h-${dh.kind}-${dh.file}`));
    result = mergeUnits(units, { previous, previousFile: 'tong-hop-q3.xlsx' });
  }, 60000);

  it('finds the wrong quarter, the unit sent twice, the stale file, the missing and new units, T5 and the jump', () => {
    const got = result.findings.map((f) => [f.code, f.severity, 'unit' in f ? f.unit : '']);
    expect(got.sort()).toEqual(
      [
        ['merge_carry_over', 'warning', 'Trung tâm Y tế huyện Đăk Hà'],
        ['merge_duplicate_unit', 'error', 'Trung tâm Y tế huyện Đăk Hà'],
        ['merge_large_change', 'warning', 'Bệnh viện Đa khoa tỉnh Kon Tum'],
        ['merge_period_differs', 'error', 'Trung tâm Y tế huyện Kon Rẫy'],
        ['merge_stale_file', 'error', 'Trung tâm Y tế huyện Ngọc Hồi'],
        ['merge_unit_missing', 'warning', 'Trung tâm Y tế huyện Sa Thầy'],
        ['merge_unit_new', 'info', 'Trung tâm Kiểm soát bệnh tật tỉnh Kon Tum'],
      ].sort(),
    );
    const t5 = result.findings.find((f) => f.code === 'merge_carry_over')!;
    expect([t5.expected, t5.actual]).toEqual([3 + 6, 3 + 5]);
    const jump = result.findings.find((f) => f.code === 'merge_large_change')!;
    expect([jump.expected, jump.actual]).toEqual([40 + 62, 150 + 160]);
    expect(jump.message).toContain('203,9%');
    const dup = result.findings.find((f) => f.code === 'merge_duplicate_unit')!;
    expect(dup.message).toContain(Q4_DUPLICATE.as);
    for (const f of result.findings) expect(f.message).not.toMatch(/undefined|\bthe\b/);
  });

  it('sums only the units that belong to the period, each once', () => {
    expect(result.sources.filter((s) => s.included).map((s) => s.file).sort()).toEqual([...Q4_INCLUDED].sort());
    const expected = expectedCounts(Q4.filter((u) => Q4_INCLUDED.includes(u.file)));
    const rows = rowsOf(result, 'KetQuaGiaiQuyet');
    expect(rows.map((r) => r.linhVuc).sort()).toEqual([...expected.keys()].sort());
    for (const r of rows) expect([r.linhVuc, r.tongSo, r.dangGiaiQuyet]).toEqual([r.linhVuc, expected.get(String(r.linhVuc))!.tongSo, expected.get(String(r.linhVuc))!.dangGiaiQuyet]);
    // The Nguồn sheet also names the unit that sent nothing.
    expect(result.sources.at(-1)).toMatchObject({ unit: 'Trung tâm Y tế huyện Sa Thầy', file: '', included: false });
  });

  it('finds two units with identical figures under different names', async () => {
    const a = await unitOf(Q3[1]!);
    const b = { ...(await unitOf(Q3[1]!, 'bv-ten-khac.xlsx', 'other')), unit: 'Bệnh viện tỉnh (tên khác)' };
    const r = mergeUnits([a, b]);
    expect(r.findings.map((f) => [f.code, (f as { by?: string }).by])).toEqual([['merge_duplicate_unit', 'figures']]);
    expect(r.sources.map((s) => s.included)).toEqual([true, false]);
  });

  it('reads the fingerprints of a consolidation written before they moved last, under their earlier names', () => {
    const cells = (...vs: (string | number)[]) => vs.map((v) => ({ v }));
    // The column order and headers of the "Nguồn" sheets written before the IT columns moved last.
    const model = {
      sheets: [
        {
          name: 'Nguồn',
          rows: [
            cells('STT', 'Tệp', 'Đơn vị', 'Kỳ báo cáo', 'Từ ngày', 'Đến ngày', 'Bố cục nhận ra', 'Số lỗi', 'Số cảnh báo', 'Dấu vân tay tệp', 'Dấu vân tay số liệu', 'Hồ sơ tiếp nhận trong kỳ', 'Hồ sơ từ kỳ trước', 'Hồ sơ còn đang giải quyết', 'Tình trạng'),
            cells(1, 'a.xlsx', 'Trung tâm Y tế huyện Đăk Hà', 'Quý III năm 2022', '2022-06-15', '2022-09-14', 'mẫu chuẩn', 0, 0, '0123456789abcdef', 'fedcba9876543210', 53, 4, 7, 'Đạt'),
          ],
        },
      ],
      tables: [],
      names: [],
    } as unknown as WorkbookModel;
    expect(readPreviousUnits(model)).toEqual([{ unit: 'Trung tâm Y tế huyện Đăk Hà', fileHash: '0123456789abcdef', figuresHash: 'fedcba9876543210', received: 53, pending: 7 }]);
  });

  it('says when the previous workbook has no Nguồn sheet', async () => {
    const prev = readPreviousUnits(await readWorkbook(await unitWorkbook(Q3[0]!), 'so-tu-lam.xlsx'));
    expect(prev).toBeNull();
    const r = mergeUnits([await unitOf(Q4[0]!)], { previous: prev, previousFile: 'so-tu-lam.xlsx' });
    expect(r.findings.map((f) => f.code)).toEqual(['merge_previous_unusable']);
  });
});
