import { checkWorkbook } from '../../src/core/check';
import { roundTo } from '../../src/core/numbers';
import { readWorkbook } from '../../src/xlsx/read';
import { expectedIndices, generateForms, SHAPES } from '../helpers/surveys';
import { workbookWithAnswers } from '../helpers/surveys-xlsx';

// A real file: written by ExcelJS, read by the project's reader, checked by the core.
describe('.xlsx round trip: an upload sheet of QĐ 56 outpatient forms beside the standard workbook', () => {
  const shape = SHAPES['qd56-ngoai-tru'];
  const forms = generateForms(shape, 300, 77, { notUsed: 0.05, blank: 0.03, outOfScale: 0.005 }, ['2023-06-15', '2023-09-14']);
  const want = expectedIndices(shape, forms);
  const summary = (quayLai: number) => ({
    doiTuong: 'Người bệnh ngoại trú',
    soPhieu: want.respondents,
    haiLongChung: roundTo(want.haiLongChung!, 2),
    soVoiMongDoi: roundTo(want.soVoiMongDoi!, 2),
    quayLai,
    toanDien: roundTo(want.toanDien!, 2),
  });
  const file = (quayLai: number) =>
    workbookWithAnswers({ unit: 'Bệnh viện thử', periodKind: 'Quý III', year: 2023, tables: { KhaoSatHaiLong: { rows: [summary(quayLai)] } } }, 'DuLieuNgoaiTru', shape, forms, ['DỮ LIỆU KHẢO SÁT NGƯỜI BỆNH NGOẠI TRÚ']);

  test('the forms are read with their dates, the indices match, nothing is flagged but the planted answers', async () => {
    const report = checkWorkbook(await readWorkbook(await file(roundTo(want.quayLai!, 2)), 'khao-sat.xlsx'));
    expect(report.issues.filter((x) => x.severity === 'error')).toEqual([]);
    expect(report.issues.filter((x) => x.code === 'survey_form_outside_window' || x.code === 'invalid_date')).toEqual([]);
    expect(report.issues.filter((x) => x.code === 'survey_answer_out_of_scale')).toHaveLength(want.outOfScale);
    expect(report.issues.find((x) => x.code === 'survey_sheet_read')!.message).toContain(`đọc ${forms.length} phiếu theo Phiếu v2 (QĐ 56/QĐ-BYT): người bệnh ngoại trú`);
    const m = (k: string) => report.metrics[`haiLong.nguoi-benh-ngoai-tru.${k}`];
    expect(m('haiLongChung')).toBeCloseTo(want.haiLongChung!, 9);
    expect(m('haiLongB')).toBeCloseTo(want.sections.B!, 9);
    expect(m('quayLai')).toBeCloseTo(want.quayLai!, 9);
  });

  test('one wrong index in the summary → one error, at that cell', async () => {
    const report = checkWorkbook(await readWorkbook(await file(roundTo(want.quayLai! - 1.25, 2))));
    const errs = report.issues.filter((x) => x.severity === 'error');
    expect(errs.map((x) => [x.code, x.sheet, x.column])).toEqual([['survey_summary_mismatch', 'Hài lòng', 'quayLai']]);
  });
});
