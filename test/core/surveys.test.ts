import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { withSeverity } from '../../src/core/messages';
import { colToLetters, type WorkbookModel } from '../../src/core/model';
import { roundTo } from '../../src/core/numbers';
import { FORM_VERSIONS, formVersion, type FormVersion, type FormVersionId } from '../../src/core/surveys/forms';
import { surveyIndices } from '../../src/core/surveys/indicators';
import { itemCode, readAnswerSheets } from '../../src/core/surveys/read';
import { buildModel, infoFor } from '../helpers/model';
import { expectedIndices, generateForms, SHAPES, uploadHeader, uploadSheet, type FormShape, type GeneratedForm } from '../helpers/surveys';

const Q1_2023 = infoFor('Quý I', 2023, '2022-12-15', '2023-03-14');
const Q3_2022 = infoFor('Quý III', 2022, '2022-06-15', '2022-09-14');

/** A workbook holding only "Thông tin" and one upload sheet (plus a summary table when given). */
function workbook(sheet: ReturnType<typeof uploadSheet>, info = Q1_2023, summary?: (string | number | null)[][]): WorkbookModel {
  const model = buildModel({ info, tables: summary ? [{ name: 'KhaoSatHaiLong', rows: summary }] : [] });
  model.sheets.push(sheet);
  return model;
}

const TITLES: Partial<Record<FormVersionId, string[]>> = {
  // Open item lists are read only when the sheet names its form.
  'qd3869-m3': ['PHIẾU KHẢO SÁT Ý KIẾN NHÂN VIÊN Y TẾ (Mẫu số 03, Quyết định 3869/QĐ-BYT)'],
  'qd3869-m4': ['Khảo sát người mẹ sinh con tại bệnh viện - Mẫu 4 (QĐ 3869/QĐ-BYT)'],
};

describe.each(FORM_VERSIONS.map((v) => [v.id, v] as const))('%s: generated answers', (id, version) => {
  const shape: FormShape = SHAPES[id];
  const forms = generateForms(shape, 400, id.length * 7919, { notUsed: 0.04, blank: 0.05, outOfScale: 0.01 });
  const want = expectedIndices(shape, forms);
  const sheet = uploadSheet('Dữ liệu khảo sát', shape, forms, TITLES[id] ?? []);
  const model = workbook(sheet);
  const [read] = readAnswerSheets(model, { defaultDecision: '56' });

  test('the form version is recognised', () => {
    expect(read?.version.id).toBe(id);
    expect(read?.versionSource).toBe(TITLES[id] ? 'stated' : 'columns');
    expect(read?.count).toBe(400);
  });

  test('indices equal those computed directly from the answers', () => {
    const got = surveyIndices([read!]);
    expect(got.respondents).toBe(want.respondents);
    for (const k of ['haiLongChung', 'diemTrungBinh', 'toanDien', 'soVoiMongDoi', 'quayLai'] as const) {
      if (want[k] == null) expect(got[k]).toBeNull();
      else expect(got[k]).toBeCloseTo(want[k], 9);
    }
    for (const s of ['A', 'B', 'C', 'D', 'E'] as const) expect(got.sections[s].haiLong).toBeCloseTo(want.sections[s]!, 9);
    // Sanity of the generated data itself: the mix did plant what the test is about.
    expect(want.outOfScale).toBeGreaterThan(0);
    expect(forms.some((f) => Object.values(f.answers).includes(0))).toBe(true);
    expect(forms.some((f) => Object.values(f.answers).includes(null))).toBe(true);
  });

  test('every out-of-scale answer is a finding at its cell, a warning while the form rests on secondary copies', () => {
    const report = checkWorkbook(model);
    const found = report.issues.filter((x) => x.code === 'survey_answer_out_of_scale');
    const header = uploadHeader(shape);
    const titleRows = (TITLES[id] ?? []).length;
    const cells: string[] = [];
    forms.forEach((f, i) => {
      for (const [item, x] of Object.entries(f.answers)) {
        const bad = item === shape.expectation ? x === 150 : shape.ret && item === shape.ret.item ? x === 9 : x === 7;
        if (bad) cells.push(`${colToLetters(header.indexOf(item))}${titleRows + 2 + i}`);
      }
    });
    expect(found.map((x) => x.cell).sort()).toEqual(cells.sort());
    expect(found.length).toBe(want.outOfScale);
    expect(new Set(found.map((x) => x.severity))).toEqual(new Set(['warning']));
    expect(found[0]!.message).toMatch(/^Câu [A-G]\d* của phiếu số P\d{5} ghi "(7|150|9)", không thuộc các giá trị hợp lệ/);
    expect(report.issues.some((x) => x.code === 'survey_sheet_read' && x.message.includes(version.name))).toBe(true);
  });
});

describe('summary row against the forms (QĐ 56 inpatient, 2.000 forms)', () => {
  const shape = SHAPES['qd56-noi-tru'];
  const forms = generateForms(shape, 2000, 42, { notUsed: 0.03, blank: 0.02 });
  const want = expectedIndices(shape, forms);
  const typed = (k: number | null, d = 2) => (k == null ? null : roundTo(k, d));
  const row = (over: Partial<Record<string, number | string | null>> = {}) => [
    'Người bệnh nội trú',
    over.soPhieu ?? want.respondents,
    over.haiLongChung ?? typed(want.haiLongChung),
    over.soVoiMongDoi ?? typed(want.soVoiMongDoi, 1),
    over.quayLai ?? typed(want.quayLai),
    over.toanDien ?? typed(want.toanDien, 0),
  ];
  const sheet = uploadSheet('Phiếu nội trú', shape, forms);

  test('a summary typed at 2, 1 and 0 decimals from the same forms → no error', () => {
    const report = checkWorkbook(workbook(sheet, Q1_2023, [row()]));
    expect(report.issues.filter((x) => x.severity === 'error' && x.code !== 'missing_table')).toEqual([]);
    // The metrics and the summary row now carry the computed, unrounded values.
    expect(report.metrics['haiLong.nguoi-benh-noi-tru.haiLongChung']).toBeCloseTo(want.haiLongChung!, 9);
    expect(report.metrics['haiLong.nguoi-benh-noi-tru.haiLongC']).toBeCloseTo(want.sections.C!, 9);
    expect(report.metrics['haiLong.nguoi-benh-noi-tru.diemTrungBinh']).toBeCloseTo(want.diemTrungBinh!, 9);
    expect(report.data.tables.KhaoSatHaiLong!.rows[0]!.values.toanDien).toBeCloseTo(want.toanDien!, 9);
  });

  test('one wrong index → flagged at that cell only', () => {
    const wrong = roundTo(want.quayLai! + 0.5, 2);
    const report = checkWorkbook(workbook(sheet, Q1_2023, [row({ quayLai: wrong })]));
    const errs = report.issues.filter((x) => x.severity === 'error' && x.code !== 'missing_table');
    expect(errs.map((x) => `${x.code}@${x.cell}`)).toEqual(['survey_summary_mismatch@E4']);
    expect(errs[0]).toMatchObject({ expected: roundTo(want.quayLai!, 2), actual: wrong });
    expect(errs[0]!.message).toContain(`tính từ ${want.respondents.toLocaleString('de-DE')} phiếu`);
  });

  test('a respondent count that differs → flagged on Số phiếu', () => {
    const report = checkWorkbook(workbook(sheet, Q1_2023, [row({ soPhieu: want.respondents + 1 })]));
    const errs = report.issues.filter((x) => x.severity === 'error' && x.code !== 'missing_table');
    expect(errs.map((x) => `${x.code}@${x.cell}`)).toEqual(['survey_summary_mismatch@B4']);
  });

  test('no summary row for the survey → info, metrics from the forms', () => {
    const report = checkWorkbook(workbook(sheet, Q1_2023, [['Người bệnh ngoại trú', 10, 90, 80, 90, 70]]));
    expect(report.issues.find((x) => x.code === 'survey_summary_row_missing')).toMatchObject({ severity: 'info', sheet: 'Hài lòng' });
    expect(report.metrics['haiLong.nguoi-benh-noi-tru.soPhieu']).toBe(2000);
  });
});

describe('validation of the forms', () => {
  const shape = SHAPES['qd56-ngoai-tru'];
  const base = generateForms(shape, 6, 5);
  const forms: GeneratedForm[] = [
    ...base.slice(0, 4),
    { ...base[4]!, id: base[1]!.id }, // duplicate id, row 6
    { ...base[5]!, date: '2023-04-02' }, // after DenNgay 14/3/2023, row 7
    { id: 'P99999', date: '2023-02-01', answers: {} }, // empty form, row 8
  ];
  const report = checkWorkbook(workbook(uploadSheet('Ngoại trú', shape, forms)));
  const at = (code: Finding['code']) => report.issues.filter((x) => x.code === code).map((x) => `${x.severity}@${x.cell}`);

  test('duplicate id → error at the later id, naming the first', () => {
    expect(at('survey_duplicate_form')).toEqual(['error@A6']);
    expect(report.issues.find((x) => x.code === 'survey_duplicate_form')!.message).toBe(`Mã phiếu "${base[1]!.id}" trùng với phiếu ở ô A3. Cách sửa: sửa mã phiếu nhập sai, hoặc xóa dòng nếu phiếu bị nhập hai lần.`);
  });
  test('a form dated after the window → warning at its date', () => {
    expect(at('survey_form_outside_window')).toEqual(['warning@B7']);
    expect(report.issues.find((x) => x.code === 'survey_form_outside_window')!.message).toBe(`Phiếu số ${base[5]!.id} điền ngày 02/4/2023, ngoài thời gian lấy số liệu từ 15/12/2022 đến 14/3/2023. Cách sửa: sửa ngày nếu nhập sai; nếu phiếu thuộc kỳ khác, chuyển phiếu sang sổ của kỳ đó.`);
  });
  test('an empty form → warning, not a respondent', () => {
    expect(at('survey_form_empty')).toEqual(['warning@A8']);
    const [s] = readAnswerSheets(buildModelWith(uploadSheet('Ngoại trú', shape, forms)));
    expect(surveyIndices([s!]).respondents).toBe(6);
  });
  test('signature lines under the data are not forms', () => {
    const sheet = uploadSheet('Ngoại trú', shape, forms);
    sheet.rows.push([], [{ v: 'Người lập biểu' }, undefined, undefined, undefined, { v: 'Thủ trưởng đơn vị' }], [], [], [], [{ v: 'P123' }]);
    const [s] = readAnswerSheets(buildModelWith(sheet));
    expect(s!.count).toBe(7);
  });
  test('the upload layout is found on a sheet of any name and its version by its columns', () => {
    expect(report.issues.find((x) => x.code === 'survey_sheet_read')!.message).toBe('Sheet "Ngoại trú": đọc 7 phiếu theo Phiếu v2 (QĐ 56/QĐ-BYT): người bệnh ngoại trú (nhận ra theo các cột câu hỏi).');
  });
});

function buildModelWith(sheet: ReturnType<typeof uploadSheet>): WorkbookModel {
  return { sheets: [sheet], tables: [], names: [] };
}

describe('form rules', () => {
  const shape = SHAPES['qd56-noi-tru'];

  test('the cost item never counts: changing every cost answer leaves the indices as they were', () => {
    const forms = generateForms(shape, 200, 9);
    const allOne = forms.map((f) => ({ ...f, answers: { ...f.answers, E7: 1 } }));
    const a = surveyIndices(readAnswerSheets(buildModelWith(uploadSheet('x', shape, forms))));
    const b = surveyIndices(readAnswerSheets(buildModelWith(uploadSheet('x', shape, allOne))));
    expect(b).toEqual(a);
  });

  test('the cost item\'s "khác" text column is read as no answer; a cost code off its options is a warning', () => {
    const header = ['MA_SO_PHIEU', 'A1', 'A2', 'B1', 'E7', 'E7_KHAC', 'G1', 'G2'];
    const rows = [
      ['1', 5, 4, 2, 5, 'Tự chi trả', 90, 5],
      ['2', 4, 4, 5, 8, null, 80, 4],
    ];
    const sheet = { name: 'Phiếu nội trú', rows: [header, ...rows].map((r) => r.map((v) => ({ v }))) };
    const [s] = readAnswerSheets(buildModelWith(sheet), { defaultDecision: '56' });
    expect(s!.columns.map((c) => `${c.item}:${c.kind}`)).toEqual(['A1:likert', 'A2:likert', 'B1:likert', 'E7:cost', 'G1:expectation', 'G2:return']);
    expect(surveyIndices([s!]).haiLongChung).toBeCloseTo((5 / 6) * 100, 10);
    const out: { code: string; severity: string; cell: string; message?: string }[] = [];
    const { checkSurveys } = jest.requireActual<typeof import('../../src/core/checks/surveys')>('../../src/core/checks/surveys');
    checkSurveys(buildModelWith(sheet), null, { period: null, method: 'QĐ 56/QĐ-BYT (2024)' }, (d) => out.push(withSeverity(d)));
    expect(out.filter((d) => d.code === 'survey_answer_out_of_scale').map((d) => `${d.severity}@${d.cell}`)).toEqual(['warning@E3']);
  });

  test('"không sử dụng" (0 or typed) and blanks are not answers; nothing valid → không phát sinh', () => {
    const forms: GeneratedForm[] = [
      { id: '1', date: '2023-01-10', answers: { A1: 0, A2: 'Không sử dụng', B1: null, G2: 6 } },
      { id: '2', date: '2023-01-11', answers: { A1: 'KSD', C1: 0, G1: null } },
    ];
    const [s] = readAnswerSheets(buildModelWith(uploadSheet('x', shape, forms)));
    const ind = surveyIndices([s!]);
    expect(ind).toMatchObject({ respondents: 2, validAnswers: 0, haiLongChung: null, diemTrungBinh: null, toanDien: null, soVoiMongDoi: null, quayLai: null, notUsed: 4 });
    expect(ind.sections.A.haiLong).toBeNull();
  });

  test('a typed rate where the forms give "không phát sinh" is flagged', () => {
    const forms: GeneratedForm[] = [{ id: '1', date: '2023-01-10', answers: { A1: 4, A2: 5, G2: 6 } }];
    const report = checkWorkbook(workbook(uploadSheet('Phiếu nội trú', shape, forms), Q1_2023, [['Người bệnh nội trú', 1, 100, null, 80, 100]]));
    const e = report.issues.filter((x) => x.code === 'survey_summary_mismatch');
    expect(e.map((x) => x.cell)).toEqual(['E4']);
    expect(e[0]!.message).toBe('"Tỷ lệ quay lại (%)" (dòng "Người bệnh nội trú") ghi 80 nhưng tính từ 1 phiếu là không phát sinh. Cách sửa: ghi giá trị tính từ phiếu vào ô, hoặc bổ sung các phiếu còn thiếu vào sheet phiếu.');
  });

  test('the old outpatient form counts G ∈ {3, 4} as returning and F as the expectation', () => {
    const s2 = SHAPES['qd3869-m2'];
    const forms: GeneratedForm[] = [3, 4, 2, 5, 1, 4].map((g, i) => ({ id: String(i), date: '2022-07-01', answers: { A1: 5, F: 80 + i, G: g } }));
    const [s] = readAnswerSheets(buildModelWith(uploadSheet('x', s2, forms)));
    const ind = surveyIndices([s!]);
    // G: 3, 4, 4 return of 3, 4, 2, 1, 4 on the scale (5 = khác): 3/5.
    expect(ind.quayLai).toBeCloseTo(60, 10);
    expect(ind.soVoiMongDoi).toBeCloseTo((80 + 81 + 82 + 83 + 84 + 85) / 6, 10);
  });

  test('a version whose items are confirmed (C) turns out-of-scale answers into errors', () => {
    const confirmed: FormVersion[] = FORM_VERSIONS.map((v) =>
      v.id === 'qd56-noi-tru' ? { ...v, scale: { ...v.scale, certainty: 'C' }, sections: v.sections.map((s) => ({ ...s, certainty: 'C' })) } : v,
    );
    const forms: GeneratedForm[] = [{ id: '1', date: '2023-01-10', answers: { A1: 7, B7: 3, C11: 4, E7: 9 } }];
    const sheet = uploadSheet('x', shape, forms);
    const model = buildModelWith(sheet);
    const out: { code: string; severity: string; cell: string }[] = [];
    const { checkSurveys } = jest.requireActual<typeof import('../../src/core/checks/surveys')>('../../src/core/checks/surveys');
    checkSurveys(model, null, { period: null, method: 'QĐ 56/QĐ-BYT (2024)', versions: confirmed }, (d) => out.push(withSeverity(d)));
    const header = uploadHeader(shape);
    const col = (item: string) => colToLetters(header.indexOf(item));
    expect(out.filter((d) => d.code === 'survey_answer_out_of_scale').map((d) => `${d.severity}@${d.cell}`)).toEqual([`error@${col('A1')}2`, `warning@${col('E7')}2`]);
  });

  test('blank policy "flagged" reports a form with blank items once, at its first blank', () => {
    const flagged = FORM_VERSIONS.map((v) => (v.id === 'qd56-noi-tru' ? { ...v, blanks: 'flagged' as const } : v));
    const forms: GeneratedForm[] = [{ id: '1', date: '2023-01-10', answers: Object.fromEntries([...'ABCDE'].flatMap((s) => [1, 2, 3, 4].map((n) => [`${s}${n}`, 5]))) }];
    const sheet = uploadSheet('x', shape, forms);
    const out: { code: string; cell: string; items?: string[] }[] = [];
    const { checkSurveys } = jest.requireActual<typeof import('../../src/core/checks/surveys')>('../../src/core/checks/surveys');
    checkSurveys(buildModelWith(sheet), null, { period: null, method: 'QĐ 56/QĐ-BYT (2024)', versions: flagged }, (d) => out.push(d as never));
    const blank = out.filter((d) => d.code === 'survey_answer_blank');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.items).toEqual(['A5', 'B5', 'B6', 'B7', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'D5', 'D6', 'D7', 'E5', 'E6']);
    expect(blank[0]!.cell).toBe(`${colToLetters(uploadHeader(shape).indexOf('A5'))}2`);
  });
});

test('a column coded systematically off the scale is marked on its first 200 cells, then counted', () => {
  const shape = SHAPES['qd56-noi-tru'];
  const forms = generateForms(shape, 300, 4).map((f) => ({ ...f, answers: { ...f.answers, C3: 9 } }));
  const report = checkWorkbook(workbook(uploadSheet('Phiếu nội trú', shape, forms)));
  const c3 = colToLetters(uploadHeader(shape).indexOf('C3'));
  const cells = report.issues.filter((x) => x.code === 'survey_answer_out_of_scale' && x.cell.startsWith(c3)).map((x) => x.cell);
  expect(cells).toHaveLength(200);
  expect(cells.slice(0, 2)).toEqual([`${c3}2`, `${c3}3`]);
  const capped = report.issues.filter((x) => x.code === 'survey_findings_capped');
  expect(capped).toHaveLength(1);
  expect(capped[0]!.message).toBe('Sheet "Phiếu nội trú" còn 100 ô "câu trả lời không hợp lệ" nữa; chỉ 200 ô đầu tiên được đánh dấu. Cách sửa: kiểm tra cách mã hoá câu trả lời của cả cột.');
  // The answers left out are left out of the figures too: C3 has no valid answer.
  expect(report.metrics['haiLong.nguoi-benh-noi-tru.haiLongC']).toBeCloseTo(expectedIndices(shape, forms).sections.C!, 9);
});

describe('recognising the form version', () => {
  test('item headers as hospitals write them', () => {
    expect(['A1', 'a 1', 'A1. Các sơ đồ, biển báo', 'C10', 'F', 'G', 'g2', 'E7_KHAC', 'E7 khác', 'Tuổi', 'A1B'].map(itemCode)).toEqual(['A1', 'A1', 'A1', 'C10', 'F', 'G', 'G2', 'E7#khac', 'E7#khac', null, null]);
  });

  test('a subset of items that fits both decisions follows the decision in force for the period', () => {
    const shape = { sections: { A: 2, B: 1, C: 1, D: 1, E: 1 }, expectation: 'G1', ret: { item: 'G2', options: [1, 2, 3, 4, 5], other: 6, returning: [4, 5] } };
    const forms = generateForms(shape, 5, 1, {}, ['2022-07-01', '2022-09-01']);
    const read = (info: typeof Q3_2022) => {
      const r = checkWorkbook(workbook(uploadSheet('Phiếu nội trú', shape, forms), info));
      return r.issues.find((x) => x.code === 'survey_sheet_read')!;
    };
    expect(read(Q3_2022).message).toContain('Mẫu 1 (QĐ 3869/QĐ-BYT): người bệnh nội trú (theo quy định áp dụng cho kỳ báo cáo');
    expect(read(infoFor('Quý IV', 2025, '2025-09-15', '2025-12-14')).message).toContain('Phiếu v2 (QĐ 56/QĐ-BYT): người bệnh nội trú (theo quy định');
  });

  test('what titles say, as officers write it', () => {
    const { statedHints } = jest.requireActual<typeof import('../../src/core/surveys/read')>('../../src/core/surveys/read');
    expect(statedHints(['PHIẾU KHẢO SÁT Ý KIẾN NGƯỜI BỆNH NGOẠI TRÚ', 'Mẫu số 02 (Ban hành kèm theo Quyết định số 3869/QĐ-BYT)'])).toMatchObject({ decision: '3869', formNo: 2, subject: 'Người bệnh ngoại trú' });
    expect(statedHints(['Khảo sát hài lòng người bệnh nội trú - phiên bản 2'])).toMatchObject({ decision: '56', subject: 'Người bệnh nội trú' });
    expect(statedHints(['Theo Quyết định 56/QĐ-BYT ngày 08/01/2024'])).toMatchObject({ decision: '56' });
    expect(statedHints(['Báo cáo tháng 5 năm 2024', 'Tổng hợp 56 phiếu'])).toEqual({ subject: undefined });
  });

  test('a form id repeated on a second sheet of the same survey names the first sheet', () => {
    const shape = SHAPES['qd56-noi-tru'];
    const forms = generateForms(shape, 3, 8);
    const model = buildModelWith(uploadSheet('Nội trú quý I', shape, forms));
    model.sheets.push(uploadSheet('Nội trú bổ sung', shape, [forms[1]!]));
    const out: { code: string; cell: string; sheet: string; firstCell?: string }[] = [];
    const { checkSurveys } = jest.requireActual<typeof import('../../src/core/checks/surveys')>('../../src/core/checks/surveys');
    const res = checkSurveys(model, null, { period: null, method: 'QĐ 56/QĐ-BYT (2024)' }, (d) => out.push(d as never));
    expect(out.filter((d) => d.code === 'survey_duplicate_form')).toEqual([expect.objectContaining({ sheet: 'Nội trú bổ sung', cell: 'A2', firstCell: 'Nội trú quý I!A3' })]);
    // Both sheets make one survey.
    expect(res.results.map((r) => [r.subject, r.indices.respondents])).toEqual([['Người bệnh nội trú', 4]]);
  });

  test('a stated form wins over the columns', () => {
    const shape = SHAPES['qd3869-m1'];
    const forms = generateForms(shape, 3, 2);
    const [s] = readAnswerSheets(buildModelWith(uploadSheet('x', shape, forms, ['Phiếu khảo sát người bệnh nội trú (phiên bản 2, QĐ 56/QĐ-BYT)'])));
    expect(s!.version.id).toBe('qd56-noi-tru');
    expect(s!.versionSource).toBe('stated');
    expect(s!.missingItems).toEqual(['B6', 'B7', 'C10', 'C11', 'E6', 'E7']);
  });

  test('the contract table PhieuNoiTru is read where it sits', () => {
    expect(formVersion('qd56-noi-tru').sections.map((s) => s.items.length)).toEqual([5, 7, 11, 7, 6]);
    const shape = SHAPES['qd56-noi-tru'];
    const forms = generateForms(shape, 10, 3);
    const model = buildModelWith({ name: 'Phiếu nội trú', rows: [[{ v: 'Phiếu khảo sát' }], [], ...uploadSheet('x', shape, forms).rows] });
    model.tables.push({ name: 'PhieuNoiTru', sheet: 'Phiếu nội trú', ref: `A3:${colToLetters(uploadHeader(shape).length - 1)}13`, headerRow: true, totalsRow: false });
    const [s] = readAnswerSheets(model);
    expect(s).toMatchObject({ table: 'PhieuNoiTru', headerRow: 2, count: 10 });
    expect(surveyIndices([s!]).haiLongChung).toBeCloseTo(expectedIndices(shape, forms).haiLongChung!, 9);
  });
});

describe('the narrative quotes the forms', () => {
  test('a summary typed at one decimal is reported with the computed figures, and per section', async () => {
    const { buildNarrative } = await import('../../src/core/narrative');
    const { SECTION_TAGS } = await import('../../src/core/narrative/tags');
    const shape = SHAPES['qd56-noi-tru'];
    const forms = generateForms(shape, 800, 123, { notUsed: 0.02 });
    const want = expectedIndices(shape, forms);
    const one = (x: number | null) => roundTo(x!, 1);
    const report = checkWorkbook(
      workbook(uploadSheet('Phiếu nội trú', shape, forms), Q1_2023, [['Người bệnh nội trú', 800, one(want.haiLongChung), one(want.soVoiMongDoi), one(want.quayLai), one(want.toanDien)]]),
    );
    const text = buildNarrative(report, { allowErrors: true }).sections[SECTION_TAGS.hailong].join('\n');
    const pct = (x: number) => `${x.toFixed(2).replace('.', ',')}%`;
    // docs/style.md 4: a "+" list under the survey's lead line.
    expect(text).toContain(`+ Tỷ lệ hài lòng chung: ${pct(want.haiLongChung!)};`);
    expect(text).toContain(`+ Chỉ số hài lòng toàn diện: ${pct(want.toanDien!)};`);
    expect(text).toContain(`+ Tỷ lệ hài lòng theo từng khía cạnh: khả năng tiếp cận ${pct(want.sections.A!)}; sự minh bạch thông tin và thủ tục ${pct(want.sections.B!)};`);
  });
});
