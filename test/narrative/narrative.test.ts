import { buildNarrative, hasBlockingErrors, NarrativeBlockedError, figuresFingerprint, SECTION_TAG_LIST, placeTexts, ALL_TAGS, periodPhrase, count, province, type Narrative } from '../../src/core/narrative';
import { parseVietnameseNumber } from '../../src/core/numbers';
import type { CheckReport } from '../../src/core/report';
import type { Finding } from '../../src/core/findings';
import { allSections, bacNinhQ1, konTumQ3, laiChau2021, onlyTthc, q1of2023, render, zeroDenominators, table } from './fixtures';
import { expectGolden } from './golden';

// Golden files: test/golden/*.txt. UPDATE_GOLDEN=1 npx jest test/narrative rewrites them.
describe('golden narratives', () => {
  test('(a) Kon Tum quý III/2022', () => expectGolden('kon-tum-q3-2022.txt', render(buildNarrative(konTumQ3()))));
  test('(b) quý I/2023, window 15/12/2022–14/3/2023, 1 decimal', () =>
    expectGolden('q1-2023.txt', render(buildNarrative(q1of2023(), { decimals: 1, subject: 'Sở Y tế' }))));
  test('(c) only TTHC filled', () => expectGolden('only-tthc.txt', render(buildNarrative(onlyTthc()))));
  test('(d) zero denominators', () => expectGolden('zero-denominators.txt', render(buildNarrative(zeroDenominators()))));
  test('(e) every section', () => expectGolden('all-sections.txt', render(buildNarrative(allSections()))));
  test('(f) Bắc Ninh quý I/2022, dated as the seed', () => expectGolden('bac-ninh-q1-2022.txt', render(buildNarrative(bacNinhQ1(), { reportDate: '2022-03-14' }))));
  test('(g) Lai Châu năm 2021, date left for the officer', () => expectGolden('lai-chau-2021.txt', render(buildNarrative(laiChau2021()))));
});

const PCT = /(\d{1,3}(?:\.\d{3})*(?:,(\d+))?)%/g;
function percentages(p: string): { value: number; decimals: number }[] {
  return [...p.matchAll(PCT)].map((m) => ({ value: parseVietnameseNumber(m[1]!)!.value, decimals: (m[2] ?? '').length }));
}
const fixtures: [string, () => CheckReport][] = [
  ['a', konTumQ3],
  ['b', q1of2023],
  ['c', onlyTthc],
  ['d', zeroDenominators],
  ['e', allSections],
  ['f', bacNinhQ1],
  ['g', laiChau2021],
];
const allParagraphs = (n: Narrative) => SECTION_TAG_LIST.flatMap((t) => n.sections[t]);
/** Paragraphs with a "+" list folded into the lead line before it: one decimals rule each. */
function paragraphUnits(n: Narrative): string[] {
  const out: string[] = [];
  for (const t of SECTION_TAG_LIST) for (const p of n.sections[t]) if (p.startsWith('+ ') && out.length) out[out.length - 1] += `\n${p}`; else out.push(p);
  return out;
}

describe('rules', () => {
  test.each(fixtures)('(%s) every paragraph (a lead line with its "+" list) prints its non-whole percentages with one number of decimals', (_n, make) => {
    for (const decimals of [0, 1, 2, 3]) {
      const n = buildNarrative(make(), { decimals });
      for (const unit of paragraphUnits(n)) {
        for (const x of percentages(unit)) {
          // A whole percentage ("100%", "5%") is written without decimals, whatever the paragraph's rule.
          if (Number.isInteger(x.value) && x.decimals === 0) continue;
          expect({ unit, d: x.decimals }).toEqual({ unit, d: decimals });
        }
      }
    }
  });

  test('decimals may differ per place but never within a paragraph', () => {
    const n = buildNarrative(allSections(), { decimals: { 'cchc:tthc': 1, 'cchc:xeploai': 3 } });
    expect(n.sections['cchc:tthc'][0]).toContain('(73,2%)');
    expect(n.sections['cchc:xeploai'][1]).toContain('(16,667%)');
    expect(n.sections['cchc:chitieu'][0]).toContain('42,9%');
  });

  test('each percentage is the true ratio rounded once', () => {
    const n = buildNarrative(konTumQ3());
    const tthc = n.sections['cchc:tthc'][0]!;
    // 289/311 resolved, 22/311 pending, (135+152)/289 on time, 2/289 late, 85/(85+212) online: once, at 1 decimal.
    const expected = [289 / 311, 22 / 311, 287 / 289, 2 / 289, 85 / 297].map((r) => Math.round(r * 1e3) / 10);
    expect(percentages(tthc).map((x) => x.value)).toEqual(expected);
    // 13.449% rounded once to 1 decimal is 13,4%; rounding to 2 first (13,45) then to 1 would give 13,5%.
    const r2 = buildNarrative({ ...r0(), data: { unit: 'X', recipient: null, tables: { ChiTieuKhac: table('ChiTieuKhac', [{ chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 13449, keHoach: 100000 }]) } } }, { decimals: 1 });
    expect(r2.sections['cchc:chitieu'][0]).toContain('13,4%');
  });

  test('received = new files of the period; the total to handle only as the denominator', () => {
    const p = buildNarrative(q1of2023(), { decimals: 1, subject: 'Sở Y tế' }).sections['cchc:tthc'][0]!;
    // domain.md's example: 310 to handle = 124 online + 170 in person + 16 carried over.
    expect(p.startsWith('Từ ngày 15/12/2022 đến ngày 14/3/2023, Sở Y tế tiếp nhận 294 hồ sơ')).toBe(true);
    expect(p).toContain('trực tuyến 124 hồ sơ');
    expect(p).toContain('kỳ trước chuyển sang 16 hồ sơ');
    expect(p).toContain('đã giải quyết 227/310 hồ sơ (73,2%)');
    expect(p).toContain('đang giải quyết 59/310 hồ sơ (19,0%)');
    // The Kon Tum report of quý III/2022 says 297 received ("10 hồ sơ/297 hồ sơ/157 TTHC").
    expect(buildNarrative(konTumQ3()).sections['cchc:tthc'][0]).toContain('Sở Y tế tỉnh Kon Tum tiếp nhận 297 hồ sơ thủ tục hành chính');
  });

  test('counts: thousands with ".", leading zero under 10, 0 as is', () => {
    expect([count(0), count(2), count(9), count(10), count(1877), count(1234567)]).toEqual(['0', '02', '09', '10', '1.877', '1.234.567']);
    const n = buildNarrative(konTumQ3());
    expect(n.sections['cchc:phananh'][0]).toContain('02 đơn tố cáo; 01 đơn phản ánh, kiến nghị');
    expect(n.sections['cchc:bienche'].join(' ')).toContain('1.877 người, trong đó viên chức 1.784 người, hợp đồng lao động 93 người');
    expect(n.sections['cchc:danhmuc'][0]).toContain('162 TTHC, trong đó: cấp tỉnh 157 TTHC; cấp huyện 03 TTHC; cấp xã 02 TTHC');
  });

  test('zero denominators read "không phát sinh", never 0%', () => {
    const n = buildNarrative(zeroDenominators());
    const text = allParagraphs(n).join('\n');
    expect(text).toContain('trước hạn và đúng hạn: không phát sinh');
    expect(text).toContain('trực tuyến: không phát sinh');
    expect(n.sections['cchc:chitieu']).toEqual(['Chuyển đổi vị trí công tác: không phát sinh.']);
    expect(n.sections['cchc:hailong'][0]).toContain('không phát sinh phiếu');
    // A 0% may only stand for 0 of something: here 0 of 05 files received.
    for (const p of allParagraphs(n)) for (const m of p.matchAll(/\(0,00%\)/g)) expect(p.slice(0, m.index)).toMatch(/0 hồ sơ $/);
  });

  test('an empty or absent table produces no paragraph', () => {
    const n = buildNarrative(onlyTthc());
    expect(n.sections['cchc:tthc'].length).toBeGreaterThan(0);
    for (const t of SECTION_TAG_LIST.filter((t) => t !== 'cchc:tthc')) expect(n.sections[t]).toEqual([]);
    const none = buildNarrative(r0());
    for (const t of SECTION_TAG_LIST) expect(none.sections[t]).toEqual([]);
  });

  test.each(fixtures)('(%s) every count in the text is a figure of the report or a sum of them', (_n, make) => {
    const r = make();
    const allowed = new Set<number>();
    for (const t of Object.values(r.data.tables)) {
      for (const row of t!.rows) for (const x of Object.values(row.values)) if (x != null) allowed.add(x);
      for (const x of Object.values(t!.sums)) if (x != null) allowed.add(x);
      // Files received = online + in person (docs/style.md), per row and in total.
      for (const f of [...t!.rows.map((row) => row.values), t!.sums]) if (f.trucTuyen != null && f.trucTiepBuuChinh != null) allowed.add(f.trucTuyen + f.trucTiepBuuChinh);
    }
    const n = buildNarrative(r);
    const text = allParagraphs(n).join('\n').replace(PCT, '').replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, '');
    const subsetSums = (vals: number[]) => {
      let s = new Set<number>([0]);
      for (const v of vals) s = new Set([...s, ...[...s].map((x) => x + v)]);
      return s;
    };
    // Group sums (công chức, viên chức + hợp đồng, per tuyến, rated) are sums of row figures.
    const rowFigures = Object.values(r.data.tables).flatMap((t) => t!.rows.flatMap((row) => Object.values(row.values).filter((x): x is number => x != null)));
    const sums = rowFigures.length <= 18 ? subsetSums(rowFigures) : null;
    for (const m of text.matchAll(/\d[\d.]*/g)) {
      const x = parseVietnameseNumber(m[0].replace(/\.$/, ''))!.value;
      if (allowed.has(x)) continue;
      if (sums) expect({ x, ok: sums.has(x) }).toEqual({ x, ok: true });
      else expect({ x, ok: rowFigures.some((a) => rowFigures.some((b) => a + b === x)) || gapOrGroup(r, x) }).toEqual({ x, ok: true });
    }
  });

  test('a report with errors is refused unless allowErrors', () => {
    const err: Finding = { code: 'sum_mismatch', severity: 'error', sheet: 'Biên chế', cell: 'E9', message: 'Tổng có mặt ghi 4.876 nhưng tổng các dòng là 4.870', totalLabel: 'Có mặt', partLabels: [] };
    const r = { ...konTumQ3(), issues: [err], summary: { errors: 1, warnings: 0, infos: 0 } };
    expect(hasBlockingErrors(r)).toBe(true);
    expect(hasBlockingErrors(konTumQ3())).toBe(false);
    expect(() => buildNarrative(r)).toThrow(NarrativeBlockedError);
    try {
      buildNarrative(r);
    } catch (e) {
      expect((e as NarrativeBlockedError).errorCount).toBe(1);
      expect((e as Error).message).toContain('1 lỗi');
    }
    const forced = buildNarrative(r, { allowErrors: true });
    expect(forced.builtDespiteErrors).toBe(true);
    expect(forced.sections['cchc:tthc']).toEqual(buildNarrative(konTumQ3()).sections['cchc:tthc']);
  });

  test('fields and inline places', () => {
    const n = buildNarrative(konTumQ3(), { reportDate: '2022-09-14' });
    expect(n.fields).toEqual({ donVi: 'Sở Y tế tỉnh Kon Tum', kyBaoCao: 'quý III năm 2022', tuNgay: '15/6/2022', denNgay: '14/9/2022', ngayBaoCao: 'ngày 14 tháng 9 năm 2022', coQuan: 'UBND TỈNH KON TUM', diaDanh: 'Kon Tum' });
    const places = placeTexts(n);
    expect(Object.keys(places).sort()).toEqual([...ALL_TAGS].sort());
    expect(places['cchc:thoigian']).toEqual(['từ ngày 15/6/2022 đến ngày 14/9/2022']);
    expect(places['cchc:coquan']).toEqual(['UBND TỈNH KON TUM']);
    expect(places['cchc:ngay']).toEqual(['Kon Tum, ngày 14 tháng 9 năm 2022']);
    // Without a report date the place is written and the day left for the officer (highlighted by the fillers).
    expect(placeTexts(buildNarrative(konTumQ3()))['cchc:ngay']).toEqual(['Kon Tum, ngày …… tháng …… năm ……']);
    // The workbook's own report date (NgayBaoCao) is used when the caller gives none.
    const dated = konTumQ3();
    dated.data.reportDate = '2022-09-14';
    expect(placeTexts(buildNarrative(dated))['cchc:ngay']).toEqual(['Kon Tum, ngày 14 tháng 9 năm 2022']);
    expect(buildNarrative(bacNinhQ1(), { reportDate: '2022-02-05' }).fields.ngayBaoCao).toBe('ngày 05 tháng 02 năm 2022');
    expect(places['cchc:ky']).toEqual(['quý III năm 2022']);
    expect(['Quý I', '6 tháng đầu năm', '6 tháng cuối năm', '9 tháng', 'Năm'].map((k) => periodPhrase(k, 2023))).toEqual([
      'quý I năm 2023',
      '6 tháng đầu năm 2023',
      '6 tháng cuối năm 2023',
      '9 tháng năm 2023',
      'năm 2023',
    ]);
  });

  test('fingerprint changes with any figure and only with figures', () => {
    const a = figuresFingerprint(konTumQ3());
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(figuresFingerprint(konTumQ3())).toBe(a);
    const changed = konTumQ3();
    changed.data.tables.BienChe!.rows[0]!.values.coMat = 29;
    expect(figuresFingerprint(changed)).not.toBe(a);
    const otherWindow = konTumQ3();
    otherWindow.period!.to = '2022-09-30';
    expect(figuresFingerprint(otherWindow)).not.toBe(a);
    const findingsOnly = { ...konTumQ3(), metrics: { x: 1 }, file: 'khac.xlsx' };
    expect(figuresFingerprint(findingsOnly)).toBe(a);
    expect(buildNarrative(konTumQ3()).fingerprint).toBe(a);
  });
});

function r0(): CheckReport {
  const r = konTumQ3();
  r.data.tables = {};
  return r;
}

/** Larger fixtures: group sums of a column within one table, and staffing gaps. */
function gapOrGroup(r: CheckReport, x: number): boolean {
  for (const t of Object.values(r.data.tables)) {
    for (const key of t!.columns) {
      const vals = t!.rows.map((row) => row.values[key]).filter((v): v is number => v != null);
      let s = new Set<number>([0]);
      for (const v of vals) s = new Set([...s, ...[...s].map((y) => y + v)]);
      if (s.has(x)) return true;
    }
    const gaps = t!.rows.map((row) => Math.abs((row.values.duocGiao ?? 0) - (row.values.coMat ?? 0)));
    let s = new Set<number>([0]);
    for (const g of gaps) s = new Set([...s, ...[...s].map((y) => y + g)]);
    if (s.has(x)) return true;
    const rated = t!.rows.map((row) => (row.values.htxs ?? 0) + (row.values.htt ?? 0) + (row.values.ht ?? 0) + (row.values.kht ?? 0));
    if (rated.includes(x)) return true;
  }
  return false;
}

test.each([
  ['Sở Y tế tỉnh Kon Tum', 'UBND TỈNH KON TUM', 'Kon Tum'],
  ['Sở Y tế tỉnh Bắc Ninh', 'UBND TỈNH BẮC NINH', 'Bắc Ninh'],
  ['Sở Y tế thành phố Hà Nội', 'UBND THÀNH PHỐ HÀ NỘI', 'Hà Nội'],
  ['Bệnh viện Đa khoa', '', ''],
])('the header names the People’s Committee of the unit’s province: %s', (unit, coQuan, diaDanh) => {
  expect(province(unit)).toEqual({ coQuan, diaDanh });
});
