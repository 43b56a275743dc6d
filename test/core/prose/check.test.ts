/** The prose checks, one table per check; expected values computed by hand from each sentence. */
import { checkDocument, possibleOver } from '../../../src/core/prose';
import type { DocParagraph } from '../../../src/core/prose/types';
import type { CheckReport } from '../../../src/core/report';

const TITLE_Q1_2023: DocParagraph[] = [
  { text: 'BÁO CÁO', kind: 'paragraph' },
  { text: 'Kết quả cải cách hành chính quý I năm 2023', kind: 'paragraph' },
];
const doc = (...texts: string[]): DocParagraph[] => [...TITLE_Q1_2023, ...texts.map((text) => ({ text, kind: 'paragraph' as const }))];
/** Paragraphs under a title that names no period (indices and score sets read their own years). */
const para = (...texts: string[]): DocParagraph[] => [{ text: 'BÁO CÁO', kind: 'paragraph' }, ...texts.map((text) => ({ text, kind: 'paragraph' as const }))];
const serious = (ps: DocParagraph[], options = {}) => checkDocument(ps, options).issues.filter((i) => i.severity !== 'info');

describe('percentage against its fraction', () => {
  it.each([
    ['correct, rounded to the printed decimals', 'Tổng số 27 hồ sơ, trong đó đúng hạn 23 hồ sơ, đạt 85,19%.', []],
    ['correct with one decimal', 'tiếp nhận 297 hồ sơ; đã giải quyết 275 hồ sơ (92,6%).', []],
    ['correct, whole percent', 'hoàn thành 12/30 nhiệm vụ (40%).', []],
    ['wrong', 'giải quyết trực tuyến 45/60 hồ sơ = 80% số hồ sơ.', [['percent_mismatch', 'error', 'đọc là: 45/60 = 75,00%; văn bản ghi 80%']]],
    // 23/27 = 85,185…: cut instead of rounded is said as information, not flagged (truncation below).
    ['truncated', 'Số hồ sơ đến hạn giải quyết là 27 hồ sơ, trong đó đúng hạn 23 hồ sơ, đạt 85,18%.', []],
    // The files received are not the base of an on-time rate, only a check of it: 23/27 = 85,19% ≠ 80%, but
    // the rate may be over the files resolved, which the sentence does not give.
    ['on time over the files received only', 'Tiếp nhận 27 hồ sơ, trong đó đúng hạn 23 hồ sơ, đạt 80%.', []],
    ['impossible for any whole count over 27', 'Tổng số hồ sơ đến hạn là 27 trường hợp; đã giải quyết đúng hạn 23 trường hợp, đạt tỷ lệ 88,46%.', [['percent_impossible', 'error', 'đọc là: 23 hồ sơ đúng hạn / 27 (đến hạn) = 85,19%; văn bản ghi 88,46%']]],
    ['hedge that holds', 'có 1.188/1.200 văn bản ký số, đạt trên 98%.', []],
    ['hedge contradicted', 'có 1.120/1.200 văn bản ký số, đạt trên 94%.', [['hedge_contradicted', 'error', 'đọc là: 1.120/1.200 = 93,33%; văn bản ghi trên 94%']]],
    // Over "more than 4.000" files, 2.600 online files are at most 2.600/4.000 = 65%: 70% cannot be…
    ['above the bound of a hedged base', 'đã tiếp nhận hơn 4.000 hồ sơ (trực tuyến 2.600 hồ sơ, đạt 70%).', [['percent_mismatch', 'error', 'đọc là: 2.600 hồ sơ trực tuyến / trên 4.000 (tiếp nhận) = không quá 65,00%; văn bản ghi 70%']]],
    // … but 60% can: the base may be 4.333.
    ['below the bound of a hedged base', 'đã tiếp nhận hơn 4.000 hồ sơ (trực tuyến 2.600 hồ sơ, đạt 60%).', []],
    // "dưới 3.000": a base below 3.000 makes the rate at least 2.400/3.000 = 80%.
    ['under the bound of a base said to be below', 'tiếp nhận dưới 3.000 hồ sơ, trong đó trực tuyến 2.400 hồ sơ, đạt 75%.', [['percent_mismatch', 'error', 'đọc là: 2.400 hồ sơ trực tuyến / dưới 3.000 (tiếp nhận) = ít nhất 80,00%; văn bản ghi 75%']]],
    // "2246.500/3.100.000": beside a term grouped by thousands, read by its digits: 2.246.500/3.100.000 = 72,47%.
    ['a fraction term with its thousands mark misplaced', 'đã gửi, nhận 2246.500/3.100.000 văn bản, đạt 75%.', [['percent_mismatch', 'error', 'đọc là: 2.246.500/3.100.000 = 72,47%; văn bản ghi 75%']]],
    ['the same, consistent', 'đã gửi, nhận 2246.500/3.100.000 văn bản, đạt 72,5%.', []],
    // A base found only by its state in another sentence may count other files: 150/300 = 50% ≠ 60%
    // there is not judged; in the same sentence it is.
    ['a base of the allowed state in the sentence before', 'Trong kỳ, đơn vị tiếp nhận 300 hồ sơ. Số hồ sơ trực tuyến là 150 hồ sơ, đạt 60%.', []],
    ['the same base in the same sentence', 'Trong kỳ, đơn vị tiếp nhận 300 hồ sơ, số hồ sơ trực tuyến là 150 hồ sơ, đạt 60%.', [['percent_mismatch', 'error', 'đọc là: 150 hồ sơ trực tuyến / 300 (tiếp nhận) = 50,00%; văn bản ghi 60%']]],
    // A score over its maximum: 40,62/80 = 50,775% (50,78% rounded, 50,77% cut, said as information).
    ['a score over its maximum', 'chỉ số PAPI là 40,62/80 điểm, đạt tỷ lệ 50,78%.', []],
    // Not a count: no GRIM, a plain mismatch.
    ['a score over its maximum, wrong', 'chỉ số PAPI là 40,62/80 điểm, đạt tỷ lệ 53,77%.', [['percent_mismatch', 'error', 'đọc là: 40,62/80 = 50,78%; văn bản ghi 53,77%']]],
    // A rate typed without "%" after "đạt", ending its clause: 180/200 = 90%, not 91,6.
    ['a rate typed without its sign', 'đã giải quyết 200 hồ sơ, trong đó đúng hạn 180 hồ sơ, đạt 91,6.', [['percent_impossible', 'error', 'đọc là: 180 hồ sơ đúng hạn / 200 (đã giải quyết) = 90,00%; văn bản ghi 91,6% (viết không có dấu %)']]],
    ['the same, right', 'đã giải quyết 200 hồ sơ, trong đó đúng hạn 180 hồ sơ, đạt 90,0.', []],
    // A score has no rate's state in its clause: "đạt 81,5" stays a score.
    ['a score without its unit', 'đã giải quyết 200 hồ sơ. Chỉ số SIPAS đạt 81,5.', []],
    // 2/3 = 66,67%: a whole percentage cut (66) instead of rounded (67) is a habit, said as information only.
    ['a whole percentage cut', 'hoàn thành 2/3 nhiệm vụ (66%).', []],
    // "giải quyết trong hạn" is resolved within the deadline: over the files received it only confirms…
    ['resolved within the deadline, over the files received', 'tiếp nhận 21.040 hồ sơ, có 9.250 hồ sơ giải quyết trong hạn, đạt 90,86%.', []],
    // … over the files resolved it is judged: 9.250/10.000 = 92,50%.
    ['resolved within the deadline, over the files resolved', 'đã giải quyết 10.000 hồ sơ, trong đó 9.250 hồ sơ giải quyết trong hạn, đạt 90,86%.', [['percent_mismatch', 'error', 'đọc là: 9.250 hồ sơ trước hạn và đúng hạn / 10.000 (đã giải quyết) = 92,50%; văn bản ghi 90,86%']]],
    // A change is a rate over the earlier figure: 200 more than 1.200 − 200 = 1.000 is 20%…
    ['a rise over the earlier figure', 'tiếp nhận 1.200 hồ sơ, tăng 200 hồ sơ (20%) so với cùng kỳ.', []],
    // … 200 fewer than 800 + 200 = 1.000 is 20% too…
    ['a fall over the earlier figure', 'tiếp nhận 800 hồ sơ, giảm 200 hồ sơ (20%) so với cùng kỳ.', []],
    // … and 25% fits neither reading.
    ['a rise that fits no reading', 'tiếp nhận 1.200 hồ sơ, tăng 200 hồ sơ (25%) so với cùng kỳ.', [['percent_mismatch', 'error', 'đọc là: 200 hồ sơ / 1.200 (tổng đã nêu) = 16,67%; 200 hồ sơ / 1.000 (kỳ so sánh: 1.200 − 200) = 20,00%; văn bản ghi 25%']]],
    // Units counted, then the rate each reached: not the share of the units (15/17 = 88,24%).
    ['units that reach a rate', 'Có 15/17 đơn vị đạt tỷ lệ giải quyết đúng hạn 100%.', []],
    // Their share, set apart by a comma: judged.
    ['the share of units', 'Có 15/17 đơn vị, đạt 80%.', [['percent_mismatch', 'error', 'đọc là: 15/17 = 88,24%; văn bản ghi 80%']]],
    // "tăng 25%" is a change, not 4.000's share of 5.000 (80%); what it changed from is 4.000, said
    // of another year, so it is not judged.
    ['a percentage framed as a change', 'Năm 2022, Sở tiếp nhận 5.000 hồ sơ; năm 2021 tiếp nhận 4.000 hồ sơ, tăng 25%.', []],
    // The people surveyed are the base of what they answered: 475/500 = 95%, 25/500 = 5%.
    ['satisfied over the people surveyed', 'Kết quả khảo sát 500 người bệnh nội trú: hài lòng 475 người (95%), 25 người chưa hài lòng (5%).', []],
    ['the same, wrong', 'Kết quả khảo sát 500 người bệnh nội trú: hài lòng 475 người (96%), 25 người chưa hài lòng (5%).', [['percent_mismatch', 'error', 'đọc là: 475 người hài lòng / 500 (tổng đã nêu) = 95,00%; văn bản ghi 96%']]],
    // "khoảng 4.000" bounds nothing.
    ['a base said to be about a value', 'đã tiếp nhận khoảng 4.000 hồ sơ (trực tuyến 2.600 hồ sơ, đạt 70%).', []],
  ])('%s', (_why, text, expected) => {
    expect(serious(doc(text)).map((i) => [i.code, i.severity, i.reading])).toEqual(expected);
  });

  it('says a percentage cut instead of rounded as information, with the reading', () => {
    const r = checkDocument(doc('Số hồ sơ đến hạn giải quyết là 27 hồ sơ, trong đó đúng hạn 23 hồ sơ, đạt 85,18%.'));
    // 23/27 = 0,851851… → 85,19% rounded, 85,18% cut.
    expect(r.issues.map((i) => [i.code, i.severity, i.expected])).toEqual([['percent_mismatch', 'info', '85,19%']]);
  });

  it('says a percentage rounded twice as information', () => {
    // 2.150/5.024 = 42,7946…%: 42,79% rounded once; 42,795 rounded again gives 42,80%.
    const r = checkDocument(doc('Số hồ sơ nhận mới là 5.024 hồ sơ; số hồ sơ trực tuyến là 2.150, đạt 42,80%.'));
    expect(r.issues.map((i) => [i.code, i.severity, i.expected])).toEqual([['percent_mismatch', 'info', '42,79%']]);
  });

  it('holds no single count after "gồm" to its total', () => {
    // "gồm" before one count is a verb: 104 of 106 resolved on time is a part, not the whole list.
    expect(serious(doc('giải quyết được 106 hồ sơ, trong đó số trả đúng hạn gồm 104 hồ sơ.'))).toEqual([]);
  });

  it('names the wrong denominator when another count of the sentence gives the printed rate', () => {
    const [f] = serious(doc('đã tiếp nhận 380 hồ sơ, đã giải quyết 375 hồ sơ (98,68%), trong đó trước hạn 120 hồ sơ, đúng hạn 250 hồ sơ, quá hạn 05 hồ sơ; đang giải quyết 05 hồ sơ (1,33%).'));
    expect(f).toMatchObject({ code: 'percent_mismatch', expected: '1,32%', actual: '1,33%' });
    expect(f!.message).toContain('chia cho 375 thay vì 380');
  });

  it.each([
    [88.46, 2, 27, false],
    [85.19, 2, 27, true],
    [33.3, 1, 3, true],
    [41.5, 1, 30, false],
  ])('GRIM: %d%% (%d decimals) over %d possible: %s', (p, d, n, ok) => {
    expect(possibleOver(p, d, n)).toBe(ok);
  });
});

describe('parts against their total', () => {
  it.each([
    ['adding up', 'Tổng số TTHC là 162 TTHC, cụ thể: cấp tỉnh: 157 TTHC; cấp huyện: 03 TTHC; cấp xã: 02 TTHC.', []],
    ['exceeding', 'tổng số 162 TTHC, trong đó cấp tỉnh 157, cấp huyện 03, cấp xã 03.', [['parts_exceed_total', 'error', '163']]],
    ['short after "cụ thể"', 'Tổng số TTHC là 169 TTHC, cụ thể: cấp tỉnh: 157 TTHC; cấp huyện: 09 TTHC; cấp xã: 02 TTHC.', [['parts_sum_mismatch', 'error', '168']]],
    // "trong đó" may name some parts only: 61 + 2.128 + 2.681 = 4.870 < 4.876 is not a slip by itself.
    ['short after "trong đó", several parts', 'Tổng số 4.876 người, trong đó công chức 61 người, viên chức 2.128 người, hợp đồng 2.681 người.', []],
    // A whole split must add up: 130 + 143 + 2 = 275 ≠ 276 resolved.
    ['short after "trong đó", a whole split', 'Đã giải quyết 276 hồ sơ, trong đó trước hạn 130 hồ sơ, đúng hạn 143 hồ sơ, quá hạn 02 hồ sơ.', [['parts_sum_mismatch', 'error', '275']]],
    ['one part after "trong đó" is a subset', 'tiếp nhận 297 hồ sơ, trong đó trực tuyến 85 hồ sơ.', []],
    // Online and in person split the files received; the files resolved are of another split of the
    // same 297, so the list of parts ends before them: 85 + 212 = 297, not 85 + 212 + 280.
    ['a count of another split ends the list', 'tiếp nhận 297 hồ sơ, trong đó trực tuyến 85 hồ sơ, trực tiếp 212 hồ sơ; đã giải quyết 280 hồ sơ.', []],
    ['the same after a comma', 'tiếp nhận 297 hồ sơ, trong đó trực tuyến 85 hồ sơ, trực tiếp 212 hồ sơ, đã giải quyết 280 hồ sơ.', []],
    // Overdue among the pending is the pending's own split: 52 + 02 = 54 > 52.
    ['overdue among the pending', 'đang giải quyết 52 hồ sơ, trong đó trong hạn 52 hồ sơ, quá hạn 02 hồ sơ.', [['parts_exceed_total', 'error', '54']]],
    // … and the parts of the first split are still held to the total: 85 + 232 = 317 > 297.
    ['the first split still exceeding', 'tiếp nhận 297 hồ sơ, trong đó trực tuyến 85 hồ sơ, trực tiếp 232 hồ sơ, đã giải quyết 280 hồ sơ.', [['parts_exceed_total', 'error', '317']]],
    // Two of the three kinds of a publication decision, in parentheses: disjoint, so 640 + 372 = 1.012 > 1.000 is a slip…
    ['parentheses, two disjoint kinds exceeding', 'công bố 1.000 TTHC (công bố mới 640 TTHC; bãi bỏ 372 TTHC).', [['parts_exceed_total', 'error', '1.012']]],
    // … but falling short is not: the amended ones are not named.
    ['parentheses, two disjoint kinds short', 'công bố 1.000 TTHC (công bố mới 540 TTHC; bãi bỏ 372 TTHC).', []],
    // Parentheses that do not name states are examples or notes: nothing is added up.
    ['parentheses without states', 'đã cấp 1.000 giấy phép (ví dụ 640 giấy phép và 372 giấy phép).', []],
  ])('%s', (_why, text, expected) => {
    expect(serious(doc(text)).map((i) => [i.code, i.severity, i.expected])).toEqual(expected);
  });

  it('reads a footnote listing the parts of the count it is attached to', () => {
    const ps: DocParagraph[] = [
      { text: 'Số đơn vị sự nghiệp y tế là 16 đơn vị (không tính Bệnh viện Đa khoa tỉnh).', kind: 'paragraph', noteRefs: [{ id: '18', offset: 37 }] },
      { text: '15 đơn vị tự bảo đảm một phần chi thường xuyên và 02 đơn vị do nhà nước bảo đảm chi thường xuyên.', kind: 'note', noteId: '18' },
    ];
    expect(serious(ps).map((i) => [i.code, i.paragraph, i.reading])).toEqual([['parts_exceed_total', 0, 'đọc là: 15 + 2 = 17; văn bản ghi tổng 16']]);
  });
});

describe('date windows against the period of the title (quý I/2023: 15/12/2022 – 14/3/2023)', () => {
  it.each([
    ['the NĐ 09 window', 'Từ ngày 15/12/2022 đến ngày 14/3/2023, Sở tiếp nhận 12 hồ sơ.', []],
    ['the calendar quarter', 'Từ ngày 01/01/2023 đến ngày 31/3/2023, Sở tiếp nhận 12 hồ sơ.', []],
    ['backwards (year typo)', 'Từ 15/12/2022 đến 14/03/2022 Sở tiếp nhận 12 hồ sơ.', [['window_backwards', 'error', '15/12/2022 – 14/3/2023']]],
    ['not the period', 'Từ ngày 15/12/2022 đến ngày 14/02/2023, Sở tiếp nhận 12 hồ sơ.', [['window_not_period', 'warning', '15/12/2022 – 14/3/2023']]],
    ['copied from last year', 'Từ ngày 15/12/2021 đến ngày 14/3/2022, Sở tiếp nhận 12 hồ sơ.', [['window_not_period', 'warning', '15/12/2022 – 14/3/2023']]],
    ['an unrelated span', 'Giai đoạn từ ngày 01/6/2020 đến ngày 31/12/2025 thực hiện đề án.', []],
  ])('%s', (_why, text, expected) => {
    expect(serious(doc(text)).map((i) => [i.code, i.severity, i.expected])).toEqual(expected);
  });
});

describe('cited documents against the report date', () => {
  const dated = (text: string): DocParagraph[] => [{ text: 'Bắc Ninh, ngày 14 tháng 3 năm 2022', kind: 'paragraph' }, { text, kind: 'paragraph' }];
  it.each([
    ['before', 'Ngày 09/02/2022 Sở Y tế ban hành kế hoạch số 325/KH-SYT.', []],
    ['after the report', 'Ngày 13/9/2022 Sở Y tế ban hành kế hoạch 3050/KH-SYT.', ['date_after_report']],
    ['a deadline is no citation', 'Hoàn thành trước ngày 30/9/2022.', []],
  ])('%s', (_why, text, codes) => {
    expect(serious(dated(text)).map((i) => i.code)).toEqual(codes);
  });

  it('takes the latest signature time when there is no date line', () => {
    const ps: DocParagraph[] = [
      { text: 'Quyết định số 469/QĐ-UBND ngày 18/9/2022 của Ủy ban nhân dân tỉnh', kind: 'note', noteId: '20' },
      { text: '2022-09-14T15:58:04+0700', kind: 'paragraph' },
      { text: '2022-09-14T16:02:49+0700', kind: 'paragraph' },
    ];
    const r = checkDocument(ps);
    expect(r.date).toBe('2022-09-14');
    expect(r.issues.map((i) => i.code)).toEqual(['date_after_report']);
  });
});

describe('one cited document with two dates', () => {
  it.each([
    // Same symbol, same year, two dates: one of them is wrong.
    ['two dates of one year', ['Ngày 05/3/2023, Sở Y tế ban hành Kế hoạch số 152/KH-SYT về cải cách hành chính.', 'Thực hiện Kế hoạch số 152/KH-SYT ngày 15/3/2023, các đơn vị đã báo cáo.'], [['cited_date_mismatch', '05/3/2023', '15/3/2023']]],
    ['the same date twice', ['Thực hiện Kế hoạch số 152/KH-SYT ngày 05/3/2023 của Sở Y tế.', 'Theo Kế hoạch số 152/KH-SYT ngày 05/3/2023, các đơn vị đã báo cáo.'], []],
    // Numbering starts again each year: 152/KH-SYT of 2022 and of 2023 are two plans.
    ['the same number in two years', ['Thực hiện Kế hoạch số 152/KH-SYT ngày 05/3/2022 của Sở Y tế.', 'Theo Kế hoạch số 152/KH-SYT ngày 05/3/2023, các đơn vị đã báo cáo.'], []],
    ['two documents', ['Thực hiện Kế hoạch số 152/KH-SYT ngày 05/3/2023 của Sở Y tế.', 'Theo Kế hoạch số 153/KH-SYT ngày 15/3/2023, các đơn vị đã báo cáo.'], []],
  ])('%s', (_why, texts, expected) => {
    expect(serious(doc(...(texts as string[]))).map((i) => [i.code, i.expected, i.actual])).toEqual(expected);
  });
});

describe('the same quantity twice', () => {
  it('flags the second value of "tổng số TTHC"', () => {
    const issues = serious(doc('Tổng số TTHC tính đến ngày 14/3/2023 là 162 TTHC.', 'Tổng số TTHC của ngành Y tế là 169 TTHC.'));
    expect(issues.map((i) => [i.code, i.paragraph, i.expected, i.actual])).toEqual([['repeated_mismatch', 3, '162', '169']]);
  });
  it('says nothing when both agree', () => {
    expect(serious(doc('Tổng số TTHC tính đến ngày 14/3/2023 là 162 TTHC.', 'Tổng số TTHC của ngành Y tế là 162 TTHC.'))).toEqual([]);
  });
});

describe('against the workbook', () => {
  const wb = (metrics: Record<string, number | null>) => ({ metrics, data: { unit: null, recipient: null, tables: {} } }) as unknown as CheckReport;
  const text = 'Sở Y tế tiếp nhận 297 hồ sơ (trong đó trực tuyến 85 hồ sơ, trực tiếp và qua dịch vụ bưu chính công ích 198 hồ sơ, từ kỳ trước chuyển sang 14 hồ sơ); đã giải quyết 275 hồ sơ (92,59%). Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 99,27%.';
  const now = { 'tthc.tongSo': 297, 'tthc.trucTuyen': 85, 'tthc.trucTiepBuuChinh': 198, 'tthc.tuKyTruoc': 14, 'tthc.daGiaiQuyet': 275, 'tthc.tyLeDungHan': 99.2727 };

  it('is silent when every figure matches', () => {
    expect(serious(doc(text), { workbook: wb(now) })).toEqual([]);
  });

  it('flags a figure that differs, showing both values', () => {
    const issues = serious(doc(text), { workbook: wb({ ...now, 'tthc.trucTuyen': 86, 'tthc.trucTiepBuuChinh': 197, 'tthc.tyLeDungHan': 99.1 }) });
    expect(issues.map((i) => [i.code, i.actual, i.expected])).toEqual([
      ['workbook_mismatch', '85', '86'],
      ['workbook_mismatch', '198', '197'],
      ['workbook_mismatch', '99,27%', '99,10%'],
    ]);
    expect(issues[0]!.reading).toBe('đọc là: số hồ sơ trực tuyến = 85; sổ số liệu: 86');
  });

  it('calls a figure equal to the previous period stale', () => {
    const issues = serious(doc(text), { workbook: wb({ ...now, 'tthc.tongSo': 310 }), previous: wb({ 'tthc.tongSo': 297 }) });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['stale_figure', 'warning']]);
  });
});

describe('counts and the summary', () => {
  it('reports figures read and checked, and an English decimal as information', () => {
    const r = checkDocument(doc('Tổng số 27 hồ sơ, trong đó đúng hạn 23 hồ sơ, đạt 85,19%; hài lòng chung đạt 92.03%.'));
    expect(r.period).toMatchObject({ kind: 'Quý I', year: 2023, nd09: { from: '2022-12-15', to: '2023-03-14' } });
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 1, figuresRead: 4, figuresChecked: 3 });
    expect(r.issues[0]).toMatchObject({ code: 'english_decimal', actual: '92.03%', expected: '92,03%' });
  });
});

describe('a named index restated with two values', () => {
  it.each([
    // One index, one province, one year: 88,10% and 85,3% cannot both be it. The change (1,20%) agrees.
    ['two values', ['Chỉ số cải cách hành chính năm 2025 của tỉnh đạt 88,10%, tăng 1,20% so với năm 2024.', 'Năm 2025, Chỉ số CCHC (PAR Index) của tỉnh đạt 85,3%, tăng 1,20%.'], [['repeated_mismatch', 2, '85,3%']]],
    // 86,47% printed with one decimal is 86,5%.
    ['the same value rounded', ['Chỉ số CCHC của tỉnh năm 2024 đạt 86,47%.', 'Chỉ số CCHC năm 2024 của tỉnh đạt 86,5%.'], []],
    ['two years', ['Chỉ số CCHC của tỉnh năm 2023 đạt 84%.', 'Chỉ số CCHC của tỉnh năm 2024 đạt 86%.'], []],
    // A department's own index is another figure than the province's.
    ['an agency and the province', ['Chỉ số CCHC của Sở Y tế năm 2024 đạt 80,1%.', 'Chỉ số CCHC của tỉnh năm 2024 đạt 86%.'], []],
    // Two provinces named: "thành phố" may be either.
    ['two provinces named', ['Chỉ số CCHC của Hà Nội năm 2024 đạt 92%.', 'Chỉ số CCHC của Hải Phòng năm 2024 đạt 90%.', 'Chỉ số CCHC của thành phố năm 2024 đạt 91%.'], []],
    ['a score and a percentage', ['Năm 2024, chỉ số PAR Index của tỉnh đạt 86,5 điểm.', 'Năm 2024, chỉ số PAR Index của tỉnh đạt 88%.'], []],
    // The year comes from the sentence before, which names the index; "so với năm 2023" is a comparison, not the year.
    ['the change over the year before, given twice', ['UBND tỉnh công bố Chỉ số CCHC năm 2024. Theo đó, Chỉ số CCHC của tỉnh đạt 90,2%, tăng 2,99% so với năm 2023.', 'Chỉ số cải cách hành chính của tỉnh năm 2024 đạt 90,2%, tăng 2,93%.'], [['repeated_mismatch', 2, '2,93%']]],
    // A component's score is not the index.
    ['a component index', ['Năm 2024, chỉ số SIPAS của tỉnh đạt 85,1%; chỉ số thành phần PAR Index đạt 7,5 điểm.', 'Chỉ số SIPAS năm 2024 đạt 85,1%.'], []],
  ])('%s', (_why, texts, expected) => {
    expect(serious(para(...texts)).map((i) => [i.code, i.paragraph, i.actual])).toEqual(expected);
  });
});

describe('a base named without its count, given elsewhere in the report', () => {
  it.each([
    // "trong số hồ sơ đã giải quyết": the base is the 1.000 resolved of the paragraph before: 50/1.000 = 5%.
    ['wrong', ['Trong 6 tháng, đơn vị đã giải quyết 1.000 hồ sơ.', 'Trong số hồ sơ đã giải quyết, còn 50 hồ sơ quá hạn, chiếm 7%.'], [['percent_mismatch', 2, 'đọc là: 50 hồ sơ quá hạn / 1.000 (đã giải quyết, đoạn 2) = 5,00%; văn bản ghi 7%']]],
    ['right', ['Trong 6 tháng, đơn vị đã giải quyết 1.000 hồ sơ.', 'Trong số hồ sơ đã giải quyết, còn 50 hồ sơ quá hạn, chiếm 5%.'], []],
    // Two counts of resolved files with two values: which one is meant cannot be known.
    ['two values of the base', ['Trong quý II, đơn vị đã giải quyết 1.000 hồ sơ.', 'Trong 6 tháng, đơn vị đã giải quyết 1.800 hồ sơ.', 'Trong số hồ sơ đã giải quyết, còn 50 hồ sơ quá hạn, chiếm 7%.'], []],
    // Without the base named, another paragraph's count is not a base.
    ['not named', ['Trong 6 tháng, đơn vị đã giải quyết 1.000 hồ sơ.', 'Còn 50 hồ sơ quá hạn, chiếm 7%.'], []],
  ])('%s', (_why, texts, expected) => {
    expect(serious(para(...texts)).map((i) => [i.code, i.paragraph, i.reading])).toEqual(expected);
  });
});

describe('a rate over a breakdown that does not add up', () => {
  // 18.273 resolved, but 17.265 + 1.458 = 18.723: one of the three is mistyped.
  const item = '+ Đã giải quyết: 18.273 hồ sơ (đúng hạn 17.265 hồ sơ/trễ hạn 1.458 hồ sơ).';
  it.each([
    // Over the parts' sum 17.265/18.723 = 92,21%: right once the total is mended; the breakdown's slip says it all.
    ['right once the total is mended', '92,2%', ['parts_exceed_total']],
    // Over the stated total 17.265/18.273 = 94,48%: right with the total as written (the mistyped figure is elsewhere).
    ['right as written', '94,5%', ['parts_exceed_total']],
    // Over the sum with the on-time part mended to 18.273 − 1.458 = 16.815: 16.815/18.273 = 92,02%.
    ['right once a part is mended', '92,0%', ['parts_exceed_total']],
    // 91,6%: no mending gives it (92,21; 94,48; 92,02): a slip of its own.
    ['wrong under every mending', '91,6%', ['parts_exceed_total', 'percent_mismatch']],
  ])('%s', (_why, pct, expected) => {
    expect(serious(doc(item, `Tỷ lệ giải quyết đúng hạn đạt ${pct}.`)).map((i) => i.code)).toEqual(expected);
  });
});

describe("the groups of QĐ 766/QĐ-TTg's score set against its total", () => {
  const groups = 'Trong đó, chỉ số công khai, minh bạch đạt 18/18 điểm; tiến độ giải quyết đạt 18,3/20 điểm; dịch vụ trực tuyến đạt 8,1/12 điểm; thanh toán trực tuyến đạt 7,5/10 điểm; mức độ hài lòng đạt 18/18 điểm và số hóa hồ sơ đạt 17,1/22 điểm.';
  // 18 + 18,3 + 8,1 + 7,5 + 18 + 17,1 = 87,0; each one-decimal group may be cut by up to 0,1 and the
  // total rounded by 0,05: 87,0 ± 0,45 holds.
  it.each([
    ['the total out of 100 in the paragraph before, short', ['Tháng 7/2025, tỉnh đạt 85,3/100 điểm.', groups], [['parts_exceed_total', 1, '87,0', '85,3']]],
    ['the total equal to the sum', ['Tháng 7/2025, tỉnh đạt 87/100 điểm.', groups], []],
    ['the total within rounding', ['Tháng 7/2025, Bộ chỉ số phục vụ người dân, doanh nghiệp của tỉnh đạt 86,8 điểm.', groups], []],
    ['the total beyond rounding, above', ['Tháng 7/2025, tỉnh đạt 88,5/100 điểm.', groups], [['parts_sum_mismatch', 1, '87,0', '88,5']]],
    // A ranking names the set but gives no total: nothing to add up to.
    ['no total', ['Tỉnh xếp thứ 8/34 về Bộ chỉ số.', groups], []],
    // Five groups of six: the sum is not the whole.
    ['a group missing', ['Tháng 7/2025, tỉnh đạt 85,3/100 điểm.', groups.replace('; thanh toán trực tuyến đạt 7,5/10 điểm', '')], []],
  ])('%s', (_why, texts, expected) => {
    expect(serious(para(...texts)).map((i) => [i.code, i.paragraph, i.expected, i.actual])).toEqual(expected);
  });
});
