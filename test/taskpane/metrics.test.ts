import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { buildNarrative } from '../../src/core/narrative';
import { formatMetric, isMainMetric, metricLabel, metricLines, metricsAsText } from '../../src/taskpane/metrics';

const sample = (name: string) => readWorkbook(readFileSync(join(__dirname, '../../assets/samples', name)), name);

test('every indicator of the clean sample gets a Vietnamese name and a Vietnamese number', async () => {
  const report = checkWorkbook(await sample('mau-sach.xlsx'));
  const lines = metricLines(report.metrics, report);
  expect(lines.length).toBe(Object.keys(report.metrics).length);
  for (const l of lines) {
    expect(l.label).not.toBe(l.key);
    expect(l.label).not.toMatch(/[a-z]-[a-z]/); // no slug left untranslated
    expect(l.text).toMatch(/^(không phát sinh|-?\d{1,3}(\.\d{3})*(,\d+)?%?)$/);
  }
  expect(lines.some((l) => isMainMetric(l.key))).toBe(true);
  // Groups come in the report template's order (danh mục, kết quả giải quyết, phản ánh, hài lòng,
  // biên chế, xếp loại, chỉ tiêu), so the copied text reads like the report's sections.
  const groups = [...new Set(lines.map((l) => l.group))];
  const order = ['Danh mục TTHC', 'Giải quyết TTHC', 'Phản ánh, kiến nghị', 'Sự hài lòng', 'Biên chế', 'Đánh giá, xếp loại', 'Chỉ tiêu khác'];
  expect(groups.filter((g) => order.includes(g))).toEqual(order.filter((g) => groups.includes(g)));
  expect(groups.indexOf('Giải quyết TTHC')).toBeGreaterThan(-1);
  expect(metricsAsText(lines).split('\n')[0]).toBe(`${groups[0]}:`);
});

test('names and formats indicators the way reports print them', () => {
  expect(metricLabel('haiLong.nguoi-benh-noi-tru.haiLongChung')).toBe('Người bệnh nội trú: tỷ lệ hài lòng chung');
  expect(metricLabel('bienChe.vien-chuc.coMat')).toBe('Viên chức: có mặt');
  expect(metricLabel('xepLoai.cong-chuc.tyLeHtxs')).toBe('Công chức: tỷ lệ hoàn thành xuất sắc');
  expect(metricLabel('tthc.tongSo')).toBe('Tổng số hồ sơ nhận giải quyết');
  expect(metricLabel('something.new')).toBe('something.new');
  // A computed rate: one decimal, or none when the ratio is whole (docs/style.md §2).
  expect(formatMetric('tthc.tyLeDungHan', 99.65277777777779)).toBe('99,7%');
  expect(formatMetric('tthc.tyLeTrucTuyen', 40)).toBe('40%');
  expect(formatMetric('tthc.tyLeDungHan', 99.96)).toBe('100,0%');
  // The workbook's own rate: its decimals (at most two), or its place's when the report's metrics are given.
  expect(formatMetric('haiLong.nguoi-benh-noi-tru.haiLongChung', 92.03)).toBe('92,03%');
  expect(formatMetric('haiLong.nguoi-benh-noi-tru.quayLai', 93, { 'haiLong.nguoi-benh-noi-tru.quayLai': 93, 'haiLong.nhan-vien-y-te.haiLongChung': 85.4 })).toBe('93,0%');
  expect(formatMetric('bienChe.coMat', 4870)).toBe('4.870');
  expect(formatMetric('tthc.tyLeQuaHan', null)).toBe('không phát sinh');
});

test('the pane\'s indicator list and the report\'s paragraphs print the same percentage for the same figure of the clean sample', async () => {
  const report = checkWorkbook(await sample('mau-sach.xlsx'));
  const pane = new Map(metricLines(report.metrics, report).map((l) => [l.key, l.text]));
  const n = buildNarrative(report);
  const text = Object.values(n.sections).flat().join('\n');
  // Each figure worked out by hand from the sample (assets/samples: Kon Tum, quý III/2022), with the
  // words the paragraph writes before it. Computed rates: one decimal, whole ones without; the survey
  // table's own rates: the two decimals its most precise rate carries, for every rate of the section.
  const cases: [key: string, before: string, expected: string][] = [
    ['tthc.tyLeDungHan', 'trước hạn và đúng hạn đạt ', '99,7%'], // (179 + 108) / 288 = 99,65…%
    ['tthc.tyLeQuaHan', 'quá hạn là ', '0,3%'], // 1 / 288 = 0,35%
    ['tthc.tyLeTrucTuyen', 'trực tuyến đạt ', '38,4%'], // 114 / 297 = 38,38%
    ['tthc.tyLeDaGiaiQuyet', 'đã giải quyết 288/329 hồ sơ (', '87,5%'], // 288 / 329 = 87,54%
    ['xepLoai.cong-chuc.tyLeHtxs', 'Hoàn thành xuất sắc nhiệm vụ: 08 người (', '16%'], // 8 / 50, whole
    ['xepLoai.vien-chuc.tyLeHtxs', 'Hoàn thành xuất sắc nhiệm vụ: 250 người (', '14,3%'], // 250 / 1.754 = 14,25%
    ['chiTieu.chuyen-doi-vi-tri-cong-tac.tyLe', 'đạt tỷ lệ ', '42,9%'], // 6 / 14 = 42,86%
    ['haiLong.nguoi-benh-noi-tru.haiLongChung', 'Tỷ lệ hài lòng chung: ', '92,03%'],
    ['haiLong.nguoi-benh-ngoai-tru.quayLai', 'giới thiệu cho người khác: ', '93,00%'], // typed 93, beside 92,03
    ['haiLong.nhan-vien-y-te.haiLongChung', 'Tỷ lệ hài lòng chung: ', '85,40%'], // typed 85,4
  ];
  for (const [key, before, expected] of cases) {
    expect([key, pane.get(key)]).toEqual([key, expected]);
    expect(text).toContain(`${before}${expected}`);
  }
  // Every percentage the list shows for the survey section has the same number of decimals.
  const survey = [...pane].filter(([k, t]) => k.startsWith('haiLong.') && t.endsWith('%')).map(([, t]) => /,(\d+)%$/.exec(t)?.[1]?.length ?? 0);
  expect(new Set(survey)).toEqual(new Set([2]));
});
