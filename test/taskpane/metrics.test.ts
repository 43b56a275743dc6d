import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
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
  expect(formatMetric('tthc.tyLeDungHan', 99.65277777777779)).toBe('99,65%');
  expect(formatMetric('haiLong.nguoi-benh-noi-tru.haiLongChung', 92.03)).toBe('92,03%');
  expect(formatMetric('bienChe.coMat', 4870)).toBe('4.870');
  expect(formatMetric('tthc.tyLeQuaHan', null)).toBe('không phát sinh');
});
