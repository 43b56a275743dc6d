import { checkWorkbook } from '../../src/core/check';
import { PERIOD_KINDS, type PeriodKind } from '../../src/core/contract';
import type { WorkbookModel } from '../../src/core/model';
import { buildNarrative } from '../../src/core/narrative';
import { periodText } from '../../src/core/periodText';
import { checkDocument } from '../../src/core/prose';
import type { DocParagraph } from '../../src/core/prose/types';
import { mergeUnits } from '../../src/core/merge/merge';
import { toUnitReport } from '../../src/core/merge/units';
import { docText } from '../../src/cli/doc';
import { reportText } from '../../src/cli/format';
import { mergeText } from '../../src/cli/merge';
import { titlePeriodText } from '../../src/taskpane/word/ProseCheck';

/**
 * Every kind of period through every surface that prints one: the narrative's {kyBaoCao}, the
 * period line of `cchc check` and of both panes and the standalone page (periodText, which
 * Results.tsx and WordPane.tsx render), the period read from a report's title by `cchc doc` and
 * by the Word pane's prose check, the doc checker's finding about a window of another year, and
 * `cchc merge`'s summary line and its "Nguồn" sheet. The phrases are written here by hand.
 */
const YEAR = 2022;
const EXPECTED: Record<PeriodKind, { phrase: string; title: string; title_in_doc: string; otherYearWindow: [string, string] }> = {
  'Quý I': { phrase: 'quý I năm 2022', title: 'Quý I năm 2022', title_in_doc: 'QUÝ I NĂM 2022', otherYearWindow: ['15/12/2020', '14/3/2021'] },
  'Quý II': { phrase: 'quý II năm 2022', title: 'Quý II năm 2022', title_in_doc: 'QUÝ II NĂM 2022', otherYearWindow: ['15/3/2021', '14/6/2021'] },
  'Quý III': { phrase: 'quý III năm 2022', title: 'Quý III năm 2022', title_in_doc: 'QUÝ III NĂM 2022', otherYearWindow: ['15/6/2021', '14/9/2021'] },
  'Quý IV': { phrase: 'quý IV năm 2022', title: 'Quý IV năm 2022', title_in_doc: 'QUÝ IV NĂM 2022', otherYearWindow: ['15/9/2021', '14/12/2021'] },
  '6 tháng đầu năm': { phrase: '6 tháng đầu năm 2022', title: '6 tháng đầu năm 2022', title_in_doc: '6 THÁNG ĐẦU NĂM 2022', otherYearWindow: ['15/12/2020', '14/6/2021'] },
  '6 tháng cuối năm': { phrase: '6 tháng cuối năm 2022', title: '6 tháng cuối năm 2022', title_in_doc: '6 THÁNG CUỐI NĂM 2022', otherYearWindow: ['15/6/2021', '14/12/2021'] },
  '9 tháng': { phrase: '9 tháng năm 2022', title: '9 tháng năm 2022', title_in_doc: '9 THÁNG NĂM 2022', otherYearWindow: ['15/12/2020', '14/9/2021'] },
  Năm: { phrase: 'năm 2022', title: 'Năm 2022', title_in_doc: 'NĂM 2022', otherYearWindow: ['15/12/2020', '14/12/2021'] },
};

/** A unit's workbook that states only its unit and period, by defined names. */
function workbook(kind: PeriodKind): WorkbookModel {
  const s = 'Thông tin';
  const rows = [[], [], [undefined, { v: 'Đơn vị báo cáo' }, { v: 'Sở Y tế tỉnh Kon Tum' }], [undefined, { v: 'Kỳ báo cáo' }, { v: kind }], [undefined, { v: 'Năm báo cáo' }, { v: YEAR }]];
  return {
    sheets: [{ name: s, rows }],
    tables: [],
    names: [
      { name: 'DonViBaoCao', sheet: s, cell: 'C3' },
      { name: 'KyBaoCao', sheet: s, cell: 'C4' },
      { name: 'NamBaoCao', sheet: s, cell: 'C5' },
    ],
  };
}

const para = (text: string): DocParagraph => ({ text, kind: 'paragraph' });

describe.each(PERIOD_KINDS.map((k) => [k] as const))('%s: one phrase on every surface', (kind) => {
  const want = EXPECTED[kind];
  const model = workbook(kind);
  const report = checkWorkbook(model);

  test('the workbook is read as that period', () => {
    expect([report.period?.kind, report.period?.year]).toEqual([kind, YEAR]);
  });

  test('narrative {kyBaoCao}', () => {
    expect(buildNarrative(report, { allowErrors: true }).fields.kyBaoCao).toBe(want.phrase);
  });

  test('cchc check and the panes (periodText)', () => {
    expect(periodText(report).text.startsWith(`${want.title}, số liệu từ `)).toBe(true);
    expect(reportText(report, model, 'so-lieu.xlsx').split('\n')[1]).toMatch(new RegExp(`^Sở Y tế tỉnh Kon Tum — ${want.title}, số liệu từ `));
  });

  test('cchc doc and the Word pane: the period read from the title, and a window copied from last year', () => {
    const [from, to] = want.otherYearWindow;
    const doc = checkDocument([para('BÁO CÁO'), para(`Kết quả công tác cải cách hành chính ${want.title_in_doc}`), para(`Số liệu từ ngày ${from} đến ngày ${to}.`)]);
    expect([doc.period?.kind, doc.period?.year]).toEqual([kind, YEAR]);
    const text = docText(doc, 'bao-cao.docx');
    expect(text.split('\n')[1]).toBe(`Kỳ báo cáo (theo tiêu đề): ${want.phrase}`);
    expect(titlePeriodText(doc)).toBe(`Kỳ báo cáo theo tiêu đề: ${want.phrase}. `);
    const windowIssue = doc.issues.find((i) => i.code === 'window_not_period');
    expect(windowIssue?.message).toContain(`không khớp kỳ báo cáo ${want.phrase} (`);
  });

  test('cchc merge: the summary line and the "Nguồn" sheet', () => {
    const result = mergeUnits([toUnitReport(report, 'don-vi-a.xlsx', 'a')]);
    expect(mergeText(result, 'tong-hop.xlsx').split('\n')[0]).toBe(`Tổng hợp 1 tệp — ${want.title}`);
    expect(result.sources[0]!.period).toBe(want.title);
  });

  test('no surface doubles the year word', () => {
    const all = [periodText(report).text, buildNarrative(report, { allowErrors: true }).fields.kyBaoCao, mergeText(mergeUnits([toUnitReport(report, 'a.xlsx', 'a')]), 'b.xlsx')].join('\n');
    expect(all).not.toMatch(/năm năm/i);
  });
});
