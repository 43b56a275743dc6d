import { periodText } from '../../src/core/periodText';
import type { PeriodInfo } from '../../src/core/report';

const p = (x: Partial<PeriodInfo>): { period: PeriodInfo } => ({ period: { kind: 'Quý I', year: 2022, from: '2021-12-15', to: '2022-03-14', regime: 'nd90-3cap', source: 'workbook', ...x } });

test('the window the workbook states, in the one date format; the NĐ 09 window beside it when it differs', () => {
  expect(periodText(p({}))).toEqual({ text: 'Quý I năm 2022, số liệu từ 15/12/2021 đến 14/3/2022' });
  // The Sơn La slip: a window that ends before it starts is shown as typed, with the official one.
  expect(periodText(p({ year: 2023, from: '2022-12-15', to: '2022-03-14' }))).toEqual({
    text: 'Quý I năm 2023, số liệu từ 15/12/2022 đến 14/3/2022',
    note: 'khác kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (từ 15/12/2022 đến 14/3/2023)',
  });
  expect(periodText({ period: undefined })).toEqual({ text: 'chưa xác định được kỳ báo cáo' });
});

test('a reversed window typed in the workbook is reported and shown as typed, not replaced by the default window', async () => {
  const { checkWorkbook } = await import('../../src/core/check');
  const { buildModel, infoFor } = await import('../helpers/model');
  const r = checkWorkbook(buildModel({ info: infoFor('Quý I', 2023, '2022-12-15', '2022-03-14', 'Sở Y tế tỉnh Sơn La'), tables: [] }));
  expect(r.issues.map((i) => i.code)).toContain('window_reversed');
  expect(r.period).toMatchObject({ from: '2022-12-15', to: '2022-03-14', source: 'workbook' });
  expect(periodText(r).text).toBe('Quý I năm 2023, số liệu từ 15/12/2022 đến 14/3/2022');
});
