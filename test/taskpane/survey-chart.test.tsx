import { renderToStaticMarkup } from 'react-dom/server';
import { checkWorkbook } from '../../src/core/check';
import { SurveyChart } from '../../src/taskpane/SurveyChart';
import { surveyBars } from '../../src/taskpane/surveyBars';
import { formatMetric, metricLabel } from '../../src/taskpane/metrics';
import { buildModel, infoFor } from '../helpers/model';
import { expectedIndices, generateForms, SHAPES, uploadSheet } from '../helpers/surveys';

const shape = SHAPES['qd56-noi-tru'];
const forms = generateForms(shape, 500, 11, { notUsed: 0.05 });
const want = expectedIndices(shape, forms);
const model = buildModel({ info: infoFor('Quý I', 2023, '2022-12-15', '2023-03-14') });
model.sheets.push(uploadSheet('Phiếu nội trú', shape, forms));
const report = checkWorkbook(model);
const pct = (x: number) => `${x.toFixed(2).replace('.', ',')}%`;

test('one chart per survey with answer sheets: overall and A–E, figures as text', () => {
  const [s, ...rest] = surveyBars(report.metrics);
  expect(rest).toEqual([]);
  expect(s!.subject).toBe('Người bệnh nội trú');
  expect(s!.overall.text).toBe(pct(want.haiLongChung!));
  expect(s!.bars.map((b) => [b.section, b.text])).toEqual(['A', 'B', 'C', 'D', 'E'].map((c) => [c, pct(want.sections[c]!)]));
});

test('each bar is a labelled meter with its value, and the value is printed beside it', () => {
  const html = renderToStaticMarkup(<SurveyChart report={report} />);
  const meters = [...html.matchAll(/role="meter" aria-labelledby="([^"]+)" aria-valuemin="0" aria-valuemax="100" aria-valuenow="([\d.]+)" aria-valuetext="([^"]+)"/g)];
  expect(meters.map((m) => m[3])).toEqual(['A', 'B', 'C', 'D', 'E'].map((c) => pct(want.sections[c]!)));
  for (const m of meters) expect(html).toContain(`id="${m[1]}"`);
  expect(html).toContain(`>${pct(want.sections.D!)}</span>`);
  expect(html).toContain('D. Thái độ ứng xử, năng lực chuyên môn của nhân viên y tế');
});

test('no answer sheets → no chart', () => {
  expect(renderToStaticMarkup(<SurveyChart report={{ metrics: { 'haiLong.nguoi-benh-noi-tru.haiLongChung': 90 } }} />)).toBe('');
});

test('the new survey metrics read in Vietnamese', () => {
  expect(metricLabel('haiLong.nguoi-benh-noi-tru.haiLongC')).toBe('Người bệnh nội trú: tỷ lệ hài lòng khía cạnh C (cơ sở vật chất và phương tiện phục vụ)');
  expect(metricLabel('haiLong.nguoi-benh-ngoai-tru.diemTrungBinh')).toBe('Người bệnh ngoại trú: điểm trung bình chung (thang 1–5)');
  expect(formatMetric('haiLong.nguoi-benh-noi-tru.haiLongC', 91.2345)).toBe('91,23%');
  expect(formatMetric('haiLong.nguoi-benh-noi-tru.diemTrungBinhE', 4.256)).toBe('4,26');
});
