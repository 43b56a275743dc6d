import { buildNarrative, placeTexts, ALL_TAGS, type Narrative } from '../../src/core/narrative';
import { doubledWord } from '../../src/core/narrative/style';
import { isForcedNote, NOTE_PREFIX } from '../../src/core/narrative/marks';
import type { CheckReport } from '../../src/core/report';
import type { Finding } from '../../src/core/findings';
import { allSections, bacNinhQ1, konTumQ3, laiChau2021, onlyTthc, q1of2023, zeroDenominators } from './fixtures';

/** docs/style.md, checked on every text the builder can produce. */
const fixtures: [string, () => CheckReport][] = [
  ['Kon Tum', konTumQ3],
  ['Bắc Ninh', bacNinhQ1],
  ['Lai Châu', laiChau2021],
  ['quý I/2023', q1of2023],
  ['only TTHC', onlyTthc],
  ['zero denominators', zeroDenominators],
  ['every section', allSections],
];

const texts = (n: Narrative) => Object.values(placeTexts(n)).flat();

function withError(r: CheckReport, f: Partial<Finding> & { table?: string }): CheckReport {
  const err = { code: 'sum_mismatch', severity: 'error', sheet: 'TTHC', cell: 'B7', message: 'Tổng số hồ sơ nhận giải quyết ghi 52 nhưng Trực tuyến 20 + Trực tiếp 30 = 50.', totalLabel: 'x', partLabels: [], ...f } as Finding;
  return { ...r, issues: [...r.issues, err], summary: { ...r.summary, errors: r.summary.errors + 1 } };
}

describe('no generated text has ",00%" or a doubled word', () => {
  test.each(fixtures)('%s', (_name, make) => {
    const variants: Narrative[] = [];
    for (const decimals of [undefined, 0, 1, 2, 3]) variants.push(buildNarrative(make(), decimals === undefined ? {} : { decimals }));
    variants.push(buildNarrative(make(), { reportDate: '2023-02-05' }));
    variants.push(buildNarrative(withError(make(), { table: 'KetQuaGiaiQuyet' }), { allowErrors: true }));
    const prev = make();
    if (prev.period) {
      prev.period = { ...prev.period, year: prev.period.year - 1, from: `${Number(prev.period.from.slice(0, 4)) - 1}${prev.period.from.slice(4)}`, to: `${Number(prev.period.to.slice(0, 4)) - 1}${prev.period.to.slice(4)}` };
      variants.push(buildNarrative(make(), { previous: prev }));
    }
    for (const n of variants) {
      for (const t of texts(n)) {
        expect({ t, zeros: /,00%/.test(t) }).toEqual({ t, zeros: false });
        expect({ t, doubled: doubledWord(t) }).toEqual({ t, doubled: null });
      }
    }
  });

  test('the checks themselves catch what they look for', () => {
    expect(doubledWord('Tổng số TTHC là là 162 TTHC')).toBe('là'); // the Kon Tum seed's own slip
    expect(doubledWord('tiếp nhận hồ sơ hồ sơ mới')).toBe('hồ sơ');
    expect(doubledWord('tuyến tỉnh, tỉnh Kon Tum')).toBeNull();
    expect(doubledWord('02 đơn tố cáo và 01 đơn')).toBeNull();
  });
});

describe('docs/style.md rules on the seeds’ figures', () => {
  test('percentages: whole ones without decimals ("100%", "5%"), others with one', () => {
    const lai = buildNarrative(laiChau2021()).sections['cchc:chitieu'];
    expect(lai).toEqual(['Nhiệm vụ CCHC hoàn thành: thực hiện 24/24, đạt tỷ lệ 100%.', 'Tinh giản biên chế: được phê duyệt 01/20 trường hợp đề nghị, đạt tỷ lệ 5%.']);
    // 18,3% as the seeds write a share: 11/60.
    const r = laiChau2021();
    r.data.tables.ChiTieuKhac!.rows[1]!.values = { thucHien: 11, keHoach: 60 };
    expect(buildNarrative(r).sections['cchc:chitieu'][1]).toContain('đạt tỷ lệ 18,3%');
  });

  test('zero is written one way in a breakdown: "không có"', () => {
    const text = texts(buildNarrative(bacNinhQ1())).join('\n');
    expect(text).toContain('không có hồ sơ quá hạn');
    expect(text).not.toMatch(/\b0 hồ sơ/);
    expect(texts(buildNarrative(laiChau2021())).join('\n')).toContain('+ Không hoàn thành nhiệm vụ: không có.');
  });

  test('surveys and ratings are short "+" lists under a lead line', () => {
    const n = buildNarrative(allSections());
    expect(n.sections['cchc:hailong'].slice(0, 3)).toEqual(['Khảo sát sự hài lòng của người bệnh nội trú (2.771 phiếu):', '+ Tỷ lệ hài lòng chung: 92,03%;', '+ Chỉ số hài lòng toàn diện: 85,10%;']);
    expect(n.sections['cchc:xeploai'][0]).toMatch(/trong đó:$/);
  });

  test('no workbook labels leak: "(TTHC)", a tuyến repeated', () => {
    const r = allSections();
    r.data.tables.KhaoSatHaiLong!.rows[0]!.text.doiTuong = 'Người dân, tổ chức (TTHC)';
    const text = texts(buildNarrative(r)).join('\n');
    expect(text).toContain('người dân, tổ chức đối với việc giải quyết thủ tục hành chính (2.771 phiếu)');
    expect(text).not.toContain('(TTHC)');
    expect(text).not.toMatch(/tuyến (\p{L}+) \(tuyến \1\)/u);
    expect(text).toContain('Bệnh viện Đa khoa tỉnh: 585/600');
  });

  test('dates: NĐ 30/2020 everywhere (leading zero on days < 10 and months 1–2)', () => {
    const r = bacNinhQ1();
    r.period = { ...r.period!, from: '2022-01-05', to: '2022-02-04' };
    const n = buildNarrative(r, { reportDate: '2022-03-04' });
    expect(n.fields.tuNgay).toBe('05/01/2022');
    expect(n.fields.denNgay).toBe('04/02/2022');
    expect(placeTexts(n)['cchc:ngay']).toEqual(['Bắc Ninh, ngày 04 tháng 3 năm 2022']);
    expect(n.sections['cchc:tthc'][0]).toMatch(/^Từ ngày 05\/01\/2022 đến ngày 04\/02\/2022,/);
  });
});

describe('comparison with the previous period', () => {
  const prevQ2 = () => {
    const r = konTumQ3();
    r.period = { ...r.period!, kind: 'Quý II', from: '2022-03-15', to: '2022-06-14' };
    // Quý II: 280 new files (80 + 200), 270 resolved; 160 TTHC.
    const kq = r.data.tables.KetQuaGiaiQuyet!;
    kq.sums = { ...kq.sums, trucTuyen: 80, trucTiepBuuChinh: 200, daGiaiQuyet: 270 };
    r.data.tables.DanhMucTTHC!.sums = { ...r.data.tables.DanhMucTTHC!.sums, soTTHC: 162 };
    return r;
  };

  test('"so với kỳ trước, tăng X hồ sơ (Y%)" for the main figures', () => {
    const n = buildNarrative(konTumQ3(), { previous: prevQ2() });
    // 297 − 280 = 17 more, 17/280 = 6,07% → 6,1%; 289 − 270 = 19, 19/270 = 7,04% → 7,0%.
    expect(n.sections['cchc:tthc']).toContain('So với kỳ trước (quý II năm 2022), số hồ sơ tiếp nhận tăng 17 hồ sơ (6,1%); số hồ sơ đã giải quyết tăng 19 hồ sơ (7,0%).');
    expect(n.sections['cchc:danhmuc']).toContain('So với kỳ trước (quý II năm 2022), tổng số TTHC không thay đổi.');
  });

  test('"cùng kỳ năm trước" when the previous workbook is the same period a year before; "giảm"', () => {
    const prev = konTumQ3();
    prev.period = { ...prev.period!, year: 2021, from: '2021-06-15', to: '2021-09-14' };
    prev.data.tables.KetQuaGiaiQuyet!.sums = { ...prev.data.tables.KetQuaGiaiQuyet!.sums, trucTuyen: 100, trucTiepBuuChinh: 230 };
    const n = buildNarrative(konTumQ3(), { previous: prev });
    // 297 − 330 = −33, 33/330 = 10%.
    expect(n.sections['cchc:tthc'].at(-1)).toMatch(/^So với cùng kỳ năm 2021, số hồ sơ tiếp nhận giảm 33 hồ sơ \(10%\);/);
  });

  test('a change of the survey method alone (QĐ 56/QĐ-BYT from 01/7/2024) does not stop the comparison of files', () => {
    const cur = konTumQ3();
    cur.period = { ...cur.period!, year: 2024, from: '2024-06-15', to: '2024-09-14', regime: 'nd90-3cap-qd56' };
    const prev = prevQ2();
    prev.period = { ...prev.period!, year: 2024, from: '2024-03-15', to: '2024-06-14', regime: 'nd90-3cap' };
    expect(buildNarrative(cur, { previous: prev }).sections['cchc:tthc'].at(-1)).toMatch(/^So với kỳ trước \(quý II năm 2024\), số hồ sơ tiếp nhận tăng 17 hồ sơ/);
  });

  test('never across a change of rules', () => {
    const prev = prevQ2();
    prev.period = { ...prev.period!, regime: 'khac' };
    const n = buildNarrative(konTumQ3(), { previous: prev });
    expect(texts(n).join('\n')).not.toContain('So với');
    expect(n.comparisonSkipped).toContain('hai quy định khác nhau');
  });
});

describe('a report written past errors carries notes at the places the errors touch', () => {
  test('note first in each affected place, naming the cell; none elsewhere; none when clean', () => {
    const r = withError(konTumQ3(), { table: 'KetQuaGiaiQuyet' });
    const n = buildNarrative(r, { allowErrors: true });
    const places = placeTexts(n);
    expect(isForcedNote(places['cchc:tthc'][0]!)).toBe(true);
    expect(places['cchc:tthc'][0]).toContain('ô TTHC!B7');
    expect(places['cchc:tthc'][0]).toContain('Trực tuyến 20 + Trực tiếp 30 = 50');
    expect(places['cchc:tthc'].slice(1)).toEqual(buildNarrative(konTumQ3()).sections['cchc:tthc']);
    expect(places['cchc:bienche'].some(isForcedNote)).toBe(false);
    const clean = placeTexts(buildNarrative(konTumQ3()));
    for (const t of ALL_TAGS) expect(clean[t].some(isForcedNote)).toBe(false);
  });

  test('an error outside the tables (the period) marks every place that has text', () => {
    const n = buildNarrative(withError(konTumQ3(), { code: 'window_reversed', sheet: 'Thông tin', cell: 'B7', message: 'Thời gian lấy số liệu kết thúc trước khi bắt đầu.' } as Partial<Finding>), { allowErrors: true });
    const marked = Object.entries(n.notes).map(([t]) => t).sort();
    expect(marked).toEqual(['cchc:bienche', 'cchc:danhmuc', 'cchc:phananh', 'cchc:tthc']);
    expect(n.notes['cchc:tthc']!.startsWith(NOTE_PREFIX)).toBe(true);
  });
});
