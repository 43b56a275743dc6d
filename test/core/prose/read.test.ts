/** The prose reader, one table per pattern; expected readings written by hand from the sentences. */
import { readParagraph } from '../../../src/core/prose/read';
import { readDocument } from '../../../src/core/prose/statements';
import type { Figure } from '../../../src/core/prose/types';

const read = (text: string) => readParagraph({ text, kind: 'paragraph' }, 0);
const statements = (text: string) => readDocument([{ text, kind: 'paragraph' }]);
const shown = (text: string, f: Figure) => text.slice(f.start, f.end);

describe('counts with their noun', () => {
  it.each([
    ['Khảo sát 2.771 phiếu người bệnh nội trú.', '2.771 phiếu', 2771, 'phieu'],
    ['Tiếp nhận 02 đơn tố cáo.', '02 đơn', 2, 'don'],
    ['Cấp tỉnh: 157 TTHC.', '157 TTHC', 157, 'tthc'],
    ['Số đơn vị sự nghiệp là 16 đơn vị18 (không tính Bệnh viện).', '16 đơn vị', 16, 'don vi'],
    ['có mặt 1.784 người.', '1.784 người', 1784, 'nguoi'],
    ['đã giải quyết 23 trường hợp.', '23 trường hợp', 23, 'truong hop'],
  ])('%s', (text, figure, value, noun) => {
    const counts = read(text).figures.filter((f) => f.kind === 'count');
    expect(counts).toHaveLength(1);
    expect(shown(text, counts[0]!)).toBe(figure);
    expect(counts[0]).toMatchObject({ value, noun });
  });
});

describe('numbers that are not figures', () => {
  it.each([
    'Kế hoạch số 4266/KH-SYT của Sở Y tế.',
    'người lao động theo Nghị định 68 được hưởng.',
    'Kế hoạch cải cách hành chính năm 2022.',
    'phòng chống dịch COVID-19 trên địa bàn.',
    'dịch vụ công trực tuyến mức độ 3, 4.',
    'Trong quý 1/2022 đăng tải tin bài.',
    'theo tiêu chuẩn TCVN ISO 9001:2015.',
    'Tham mưu ban hành 01thông báo khẩn.',
    'đảm bảo công tác trực gác 24/24.',
    'giai đoạn 2022 – 2024 của ngành.',
    'Quy định số 105- QĐ/TW của Bộ Chính trị.',
    'https://thuvienphapluat.vn/van-ban/quyet-dinh-468-qd-ttg-2021-468978.aspx',
  ])('%s', (text) => {
    expect(read(text).figures.filter((f) => f.kind !== 'date')).toEqual([]);
  });
});

describe('fractions', () => {
  it.each([
    ['hoàn thành 12/30 nhiệm vụ được giao', 12, 30, 'nhiem vu'],
    ['trả qua bưu chính 10 hồ sơ/297 hồ sơ trong kỳ', 10, 297, 'ho so'],
    ['có 1.120/1.200 văn bản ký số', 1120, 1200, 'van ban'],
  ])('%s', (text, numerator, denominator, noun) => {
    const fr = read(text).figures.filter((f) => f.kind === 'fraction');
    expect(fr).toEqual([expect.objectContaining({ numerator, denominator, noun })]);
  });

  it('leaves a chain of three terms alone and counts it', () => {
    const r = read('Tỷ lệ hồ sơ qua bưu chính: 10 hồ sơ/297 hồ sơ/157 TTHC.');
    expect(r.figures).toEqual([]);
    expect(r.leftAlone).toBe(1);
  });
});

describe('percentages in their frames', () => {
  it.each([
    ['đạt tỷ lệ 95,2 %', 95.2, 1, false],
    ['= 73 %', 73, 0, false],
    ['đã giải quyết (73,2%)', 73.2, 1, false],
    ['chiếm 18,3% tổng số', 18.3, 1, false],
    ['hài lòng chung đạt 92.03%', 92.03, 2, true],
  ])('%s', (text, value, decimals, english) => {
    const p = read(text).figures.filter((f) => f.kind === 'percent');
    expect(p).toEqual([expect.objectContaining({ value, decimals, english })]);
  });
});

describe('hedges as inequalities', () => {
  it.each([
    ['đạt trên 94% kế hoạch', 'gt'],
    ['hơn 200 hồ sơ', 'gt'],
    ['gần 100% đơn vị', 'near'],
    ['gần như 100% các hội nghị', 'near'],
    ['khoảng 50% số phiếu', 'approx'],
    ['dưới 5% hồ sơ', 'lt'],
    ['ít nhất 80% hồ sơ', 'ge'],
    ['tối đa 10% biên chế', 'le'],
  ])('%s', (text, hedge) => {
    const f = read(text).figures.filter((x) => x.kind !== 'date');
    expect(f).toEqual([expect.objectContaining({ hedge })]);
  });
});

describe('dates and cited documents', () => {
  it.each([
    ['Quyết định số 469/QĐ-UBND ngày 18/9/2022 của Ủy ban nhân dân tỉnh', '2022-09-18', true],
    ['Các Quyết định số 1235/QĐ-SYT, 1236/QĐ-SYT ngày 29-8-2022 của Sở Y tế.', '2022-08-29', true],
    ['Quyết định số 24/2022/QĐ-UBND ngày 04 tháng 7 năm 2022 của Ủy ban', '2022-07-04', true],
    ['Ngày 13/9/2022 Sở Y tế ban hành kế hoạch 3050/KH-SYT.', '2022-09-13', true],
    ['Hoàn thành trước ngày 30/9/2022.', '2022-09-30', false],
  ])('%s', (text, iso, issued) => {
    expect(read(text).figures.filter((f) => f.kind === 'date')).toEqual([expect.objectContaining({ iso, issued })]);
  });
});

describe('date windows', () => {
  it.each([
    ['Từ ngày 15/6/2022 đến ngày 14/9/2022, Sở Y tế tiếp nhận', '2022-06-15', '2022-09-14'],
    ['số liệu từ 15/12/2022 đến 14/03/2022 như sau', '2022-12-15', '2022-03-14'],
    ['từ ngày 01/01/2021 – 31/3/2021', '2021-01-01', '2021-03-31'],
  ])('%s', (text, from, to) => {
    expect(read(text).windows).toEqual([expect.objectContaining({ from, to })]);
  });

  it('two dates not joined by "từ … đến" are no window', () => {
    expect(read('Quyết định số 1/QĐ-SYT ngày 15/6/2022 và số 2/QĐ-SYT ngày 14/9/2022.').windows).toEqual([]);
  });
});

describe('breakdowns', () => {
  it.each([
    ['tổng số 162 TTHC, trong đó cấp tỉnh 157, cấp huyện 03, cấp xã 02.', 162, [157, 3, 2], 'trong đó'],
    ['Tổng số TTHC là 162 TTHC, cụ thể: cấp tỉnh: 157 TTHC; cấp huyện: 03 TTHC; cấp xã: 02 TTHC.', 162, [157, 3, 2], 'cụ thể'],
    ['tiếp nhận 03 đơn (gồm 02 đơn tố cáo; 01 đơn phản ánh, kiến nghị); đã giải quyết 02 đơn.', 3, [2, 1], 'gồm'],
    ['tổng số người làm việc là 1.877 trong đó biên chế là 1.784, người lao động theo Nghị định 68 là 93.', 1877, [1784, 93], 'trong đó'],
    ['đã giải quyết 275 hồ sơ (92,59%), trong đó trước hạn 130 hồ sơ, đúng hạn 143 hồ sơ, quá hạn 02 hồ sơ; đang giải quyết 22 hồ sơ.', 275, [130, 143, 2], 'trong đó'],
  ])('%s', (text, total, parts, marker) => {
    const b = statements(text).breakdowns;
    expect(b).toHaveLength(1);
    expect(b[0]!.total.value).toBe(total);
    expect(b[0]!.parts.map((p) => p.value)).toEqual(parts);
    expect(b[0]!.marker).toBe(marker);
  });

  it.each([
    ['a description, not parts', 'Hệ thống có 15 điểm cầu gồm: Sở Y tế, Trung tâm Kiểm soát bệnh tật, 03 bệnh viện tuyến tỉnh và 10 trung tâm y tế.'],
    ['a table in words', 'còn thiếu 04 người. Cụ thể: Cơ quan Sở: được giao 30, có mặt 28; Chi cục Dân số: được giao 12, có mặt 11.'],
    ['a hedged total', 'tiếp nhận hơn 300 hồ sơ, trong đó trực tuyến 120 hồ sơ, trực tiếp 150 hồ sơ.'],
  ])('none in %s', (_why, text) => {
    expect(statements(text).breakdowns).toEqual([]);
  });
});

describe('rate claims', () => {
  it.each([
    ['tiếp nhận 297 hồ sơ; đã giải quyết 275 hồ sơ (92,59%), đang giải quyết 22 hồ sơ (7,41%).', [[[[275, 297]], 92.59], [[[22, 297]], 7.41]]],
    ['Tổng số 27 hồ sơ, trong đó đúng hạn 23 hồ sơ, đạt 85,19%.', [[[[23, 27]], 85.19]]],
    ['hoàn thành 12/30 nhiệm vụ (40%).', [[[[12, 30]], 40]]],
    ['giải quyết trực tuyến 45/60 hồ sơ = 80% số hồ sơ.', [[[[45, 60]], 80]]],
    ['Tổng số hồ sơ đến hạn giải quyết là 27 trường hợp; đã giải quyết đúng hạn 23 trường hợp, đạt tỷ lệ 88,46%.', [[[[23, 27]], 88.46]]],
    ['được giao 54 chỉ tiêu, có mặt 50 người (đạt 92,59% chỉ tiêu được giao)', [[[[50, 54]], 92.59]]],
    // The base after the percentage, in the same sentence; a qualifier between the count and its rate.
    ['đã giải quyết đúng hạn 23 hồ sơ, đạt 85,19% so với tổng số 27 hồ sơ đến hạn.', [[[[23, 27]], 85.19]]],
    ['tiếp nhận 1.970 hồ sơ, trong đó 812 hồ sơ trực tuyến (đạt tỷ lệ 41,2%).', [[[[812, 1970]], 41.2]]],
    // Every base the words allow: resolved, and received.
    ['tiếp nhận 1.300 hồ sơ, đã giải quyết 1.240 hồ sơ; trong đó, trước và đúng hạn 1.231 hồ sơ, chiếm 99,27%.', [[[[1231, 1240], [1231, 1300]], 99.27]]],
  ])('%s', (text, claims) => {
    expect(statements(text).rates.map((r) => [r.readings.map((x) => [x.numerator, x.denominator]), r.percent.value])).toEqual(claims);
  });

  it('no claim when no base is named', () => {
    expect(statements('Đã giải quyết 23 hồ sơ, đạt 85%.').rates).toEqual([]);
  });
});

describe('hedges are whole words', () => {
  it('reads no "hơn" in the end of "nông thôn"', () => {
    const [f] = readParagraph({ text: 'Sở Nông nghiệp và Phát triển nông thôn 991 hồ sơ.', kind: 'paragraph' }, 0).figures;
    expect(f).toMatchObject({ kind: 'count', value: 991 });
    expect(f && 'hedge' in f ? f.hedge : undefined).toBeUndefined();
  });
  it('still reads "hơn 991 hồ sơ" as more than 991', () => {
    const [f] = readParagraph({ text: 'đã tiếp nhận hơn 991 hồ sơ.', kind: 'paragraph' }, 0).figures;
    expect(f).toMatchObject({ kind: 'count', value: 991, hedge: 'gt' });
  });
});

describe('hedges ending in "hơn"', () => {
  it.each([
    ['không ít hơn 90% hồ sơ', 'ge'],
    ['ít hơn 90% hồ sơ', 'lt'],
    ['không nhiều hơn 90% hồ sơ', 'le'],
    ['nhiều hơn 90% hồ sơ', 'gt'],
  ])('%s', (text, hedge) => {
    expect(readParagraph({ text, kind: 'paragraph' }, 0).figures[0]).toMatchObject({ kind: 'percent', value: 90, hedge });
  });
});

describe('subjects carried into list items', () => {
  it('an item without a subject of its own takes the last one of the paragraph that introduces it, in its block', () => {
    const doc = readDocument([
      { text: 'Kết quả khảo sát người bệnh nội trú:', kind: 'paragraph' },
      { text: '- Hài lòng 2.500 phiếu;', kind: 'list' },
      { text: 'Cấp huyện tiếp nhận 300 hồ sơ.', kind: 'paragraph' },
      { text: '- Trực tuyến 120 hồ sơ;', kind: 'list' },
      { text: 'Tiếp nhận 50 hồ sơ.', kind: 'paragraph' },
      { text: '- trực tuyến 20 hồ sơ', kind: 'list' },
    ]);
    expect(doc.quantities.map((qs) => qs.map((q) => q.subject))).toEqual([[], ['người bệnh nội trú'], ['cấp huyện'], ['cấp huyện'], [null], [null]]);
  });
});
