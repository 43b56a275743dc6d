/**
 * TTHC results as one-stop portals lay them out and export them (test/fixtures/layouts/mot-cua/,
 * written by scripts/build-one-stop-fixtures.ts): a row label "Mức độ" / "Lĩnh vực" / "Đơn vị",
 * received, resolved and in progress down two header rows, each state of the resolved files a
 * group over its count and its percentage, no "trong hạn / quá hạn" of the files in progress.
 * Each file goes through the real reader (.xlsx, or the portal's HTML page). Expected figures are
 * the fixture script's, added up here by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import type { CheckReport } from '../../src/core/report';
import { readWorkbook } from '../../src/xlsx/read';

const dir = join(__dirname, '../fixtures/layouts/mot-cua');

interface Expect {
  /** Exactly these errors, "code@A1", each followed by text its message must contain. */
  errors: [string, ...string[]][];
  /** Contract columns read, and the percentages beside them ("header ← cell"). */
  columns: string[];
  shares: string[];
  metrics: Record<string, number>;
  period?: { kind: string; year: number };
}

const BIEU06_READ = ['linhVuc', 'tongSo', 'daGiaiQuyet', 'dangGiaiQuyet', 'truocHan', 'dungHan', 'quaHan'];

const cases: [string, Expect][] = [
  [
    // Mức 2, 3, 4 and a totals row; percentages stored as fractions shown as %: 75 %, 22 %, 3 % of
    // 400; 75 %, 22,5 %, 2,5 % of 240; 80 %, 19,2 %, 0,8 % of 125; 75,8 %, 21,7 %, 2,5 % of 765.
    'mot-cua-tong-phan-tram-khong-loi.xlsx',
    {
      errors: [],
      columns: BIEU06_READ,
      shares: ['Tỷ lệ trước hạn ← F6 "%"', 'Tỷ lệ đúng hạn ← H6 "%"', 'Tỷ lệ quá hạn ← J6 "%"'],
      // 420 + 250 + 130 = 800; 400 + 240 + 125 = 765; 20 + 10 + 5 = 35; 300 + 180 + 100 = 580;
      // 88 + 54 + 24 = 166; 12 + 6 + 1 = 19.
      metrics: { 'tthc.tongSo': 800, 'tthc.daGiaiQuyet': 765, 'tthc.dangGiaiQuyet': 35, 'tthc.truocHan': 580, 'tthc.dungHan': 166, 'tthc.quaHan': 19 },
      period: { kind: 'Quý III', year: 2023 },
    },
  ],
  [
    // "Số lượng | Tỷ lệ"; An toàn thực phẩm's on-time share typed 57,71 where 39/70 = 55,71 %, 39/80
    // = 48,75 % and 39 of the column's 38 + 40 + 39 = 117 is 33,33 %.
    'mot-cua-so-luong-ty-le-mot-loi.xlsx',
    {
      errors: [['rate_mismatch@I8', 'Tỷ lệ đúng hạn (dòng "An toàn thực phẩm") ở ô I8 ghi 57,71%', 'Đúng hạn 39 (ô H8) trên đã giải quyết 70 (ô D8) = 55,71%', 'tổng số hồ sơ nhận giải quyết 80 (ô C8) = 48,75%', 'cột "Đúng hạn" 117 = 33,33%', 'Cách sửa: ghi 55,71%']],
      columns: BIEU06_READ,
      shares: ['Tỷ lệ trước hạn ← G5 "Tỷ lệ"', 'Tỷ lệ đúng hạn ← I5 "Tỷ lệ"', 'Tỷ lệ quá hạn ← K5 "Tỷ lệ"'],
      // 120 + 97 + 80 = 297; 110 + 90 + 70 = 270.
      metrics: { 'tthc.tongSo': 297, 'tthc.daGiaiQuyet': 270, 'tthc.dungHan': 38 + 40 + 39 },
    },
  ],
  [
    // "SL | TL" as text; the Chi cục's 42 resolved against 30 + 10 + 0 = 40. Its percentages are of
    // the 40 (75,0 and 25,0): the slip is said once, at the count.
    'mot-cua-sl-tl-da-xu-ly-mot-loi.xlsx',
    {
      errors: [['sum_mismatch@C7', 'ghi 42', 'Trước hạn 30 (ô E7) + Đúng hạn 10 (ô G7) + Quá hạn 0 (ô I7) = 40']],
      columns: BIEU06_READ,
      shares: ['Tỷ lệ trước hạn ← F5 "TL"', 'Tỷ lệ đúng hạn ← H5 "TL"', 'Tỷ lệ quá hạn ← J5 "TL"'],
      // 60 + 45 + 38 = 143 received; 5 + 3 + 0 = 8 in progress.
      metrics: { 'tthc.tongSo': 143, 'tthc.dangGiaiQuyet': 8 },
    },
  ],
  [
    // "Tổng" after the three states totals them; taken for the files received it would break
    // (3) = (7) + (11) on every row (100 ≠ 100 + 20). Left unread; resolved is the states' sum.
    'mot-cua-tong-sau-cac-trang-thai-khong-loi.xlsx',
    {
      errors: [],
      columns: ['linhVuc', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet'],
      shares: [],
      // (60 + 38 + 2) + (50 + 40 + 0) + (30 + 39 + 1) = 260; 20 + 7 + 10 = 37.
      metrics: { 'tthc.daGiaiQuyet': 260, 'tthc.dangGiaiQuyet': 37 },
    },
  ],
  [
    // The portal's page saved as ".xls": "1.250" thousands, "75,0" percentages, the window
    // 15/6–14/9/2023 (Quý III of NĐ 09/2019).
    'mot-cua-xuat-trang-html-khong-loi.html',
    {
      errors: [],
      columns: BIEU06_READ,
      shares: ['Tỷ lệ trước hạn ← F4 "Tỷ lệ (%)"', 'Tỷ lệ đúng hạn ← H4 "Tỷ lệ (%)"', 'Tỷ lệ quá hạn ← J4 "Tỷ lệ (%)"'],
      // 1.250 + 2.060 + 310 = 3.620; 1.200 + 1.980 + 300 = 3.480.
      metrics: { 'tthc.tongSo': 3620, 'tthc.daGiaiQuyet': 3480 },
      period: { kind: 'Quý III', year: 2023 },
    },
  ],
  [
    // Dược phẩm received 2.040 where 1.980 + 80 = 2.060; Y tế dự phòng's late share 20,0 where 6/300
    // = 2,00 %, 6/310 = 1,94 %, 6 of the column's 20 + 10 + 6 = 36 = 16,67 %.
    'mot-cua-xuat-trang-html-hai-loi.html',
    {
      errors: [
        ['sum_mismatch@B6', 'ghi 2.040', 'Đã giải quyết 1.980 (ô C6) + Đang giải quyết 80 (ô D6) = 2.060'],
        ['rate_mismatch@J7', 'ghi 20%', 'Quá hạn 6 (ô I7) trên đã giải quyết 300 (ô C7) = 2,00%', '310 (ô B7) = 1,94%', '"Quá hạn" 36 = 16,67%'],
      ],
      columns: BIEU06_READ,
      shares: ['Tỷ lệ trước hạn ← F4 "Tỷ lệ (%)"', 'Tỷ lệ đúng hạn ← H4 "Tỷ lệ (%)"', 'Tỷ lệ quá hạn ← J4 "Tỷ lệ (%)"'],
      metrics: { 'tthc.tongSo': 1250 + 2040 + 310, 'tthc.daGiaiQuyet': 3480 },
    },
  ],
];

const at = (f: Finding) => `${f.code}@${f.cell}`;

describe.each(cases)('%s', (file, expected) => {
  let report: CheckReport;
  beforeAll(async () => {
    report = checkWorkbook(await readWorkbook(readFileSync(join(dir, file)), file));
  });

  test('exactly the planted errors, each with its figures', () => {
    const errors = report.issues.filter((f) => f.severity === 'error');
    expect(errors.map(at).sort()).toEqual(expected.errors.map((e) => e[0]).sort());
    for (const [key, ...texts] of expected.errors) for (const t of texts) expect(errors.find((x) => at(x) === key)!.message).toContain(t);
  });

  test('the table, its columns and the percentages beside them', () => {
    const t = report.recognized!.tables.find((x) => x.table === 'KetQuaGiaiQuyet')!;
    expect(t.columns.map((c) => c.key).sort()).toEqual([...expected.columns].sort());
    expect((t.shares ?? []).map((s) => `${s.header} ← ${s.cell} "${s.text}"`)).toEqual(expected.shares);
    // The sub-row "Tổng | %" is a header, never a row of figures; the missing split of the files
    // in progress is said as absent columns, never as a wrong figure.
    expect(report.issues.filter((f) => ['not_a_number', 'missing_value'].includes(f.code) || f.rule === 'T3')).toEqual([]);
  });

  test('figures and period', () => {
    for (const [k, v] of Object.entries(expected.metrics)) expect([k, report.metrics[k]]).toEqual([k, v]);
    if (expected.period) expect(report.period).toMatchObject(expected.period);
  });
});
