import { buildNarrative } from '../../src/core/narrative';
import { NOTE_PREFIX } from '../../src/core/narrative/marks';
import type { Finding } from '../../src/core/findings';
import type { CheckReport } from '../../src/core/report';
import { fillDocx, readFillRecord } from '../../src/docx/fill';
import type { FillRecord } from '../../src/taskpane/actions';
import { konTumQ3 } from '../narrative/fixtures';
import { W, controlTexts, parse, part, templateBytes } from './helpers';

/**
 * A report written past the errors carries its marks in the .docx itself, read back here from the
 * file: a highlighted note opening each affected place, and the fill record's error count. A
 * refill from the corrected workbook removes both.
 */
const forced = (): CheckReport => {
  const err = {
    code: 'sum_mismatch',
    severity: 'error',
    sheet: 'TTHC',
    cell: 'B7',
    table: 'KetQuaGiaiQuyet',
    rule: 'T3',
    message: 'Đang giải quyết (dòng "Dược phẩm") ở ô J7 ghi 52, nhưng Trong hạn 52 (ô K7) + Quá hạn 2 (ô L7) = 54.',
    totalLabel: 'Đang giải quyết',
    partLabels: [],
  } as Finding;
  const r = konTumQ3();
  return { ...r, issues: [err], summary: { errors: 1, warnings: 0, infos: 0 } };
};

const record = (fingerprint: string, forcedErrors?: string): FillRecord => ({
  fileName: 'so-lieu.xlsx',
  unit: 'Sở Y tế tỉnh Kon Tum',
  period: 'quý III năm 2022',
  fingerprint,
  filledAt: '2022-09-14T08:30:00.000Z',
  ...(forcedErrors ? { forcedErrors } : {}),
});

/** Runs (text, highlighted?) of the paragraphs inside the controls with the tag. */
function runsOf(xml: string, tag: string): { text: string; highlight: boolean; bold: boolean }[][] {
  const doc = parse(xml);
  const out: { text: string; highlight: boolean; bold: boolean }[][] = [];
  const sdts = doc.getElementsByTagNameNS(W, 'sdt');
  for (let i = 0; i < sdts.length; i++) {
    const sdt = sdts.item(i)!;
    if (sdt.getElementsByTagNameNS(W, 'tag').item(0)?.getAttributeNS(W, 'val') !== tag) continue;
    const content = sdt.getElementsByTagNameNS(W, 'sdtContent').item(0)!;
    const ps = content.getElementsByTagNameNS(W, 'p');
    // An inline place holds its runs directly.
    const blocks = ps.length ? Array.from({ length: ps.length }, (_, j) => ps.item(j)!) : [content];
    for (const block of blocks) {
      const rs = block.getElementsByTagNameNS(W, 'r');
      const row = [];
      for (let k = 0; k < rs.length; k++) {
        const r = rs.item(k)!;
        const rPr = r.getElementsByTagNameNS(W, 'rPr').item(0);
        row.push({
          text: r.getElementsByTagNameNS(W, 't').item(0)?.textContent ?? '',
          highlight: rPr?.getElementsByTagNameNS(W, 'highlight').item(0)?.getAttributeNS(W, 'val') === 'yellow',
          bold: !!rPr?.getElementsByTagNameNS(W, 'b').item(0),
        });
      }
      out.push(row);
    }
  }
  return out;
}

test('a forced report opens each affected place with a highlighted note; the record says so; a clean refill removes both', async () => {
  const n = buildNarrative(forced(), { allowErrors: true });
  const out = await fillDocx(templateBytes(), n, record(n.fingerprint, '1'));
  const xml = await part(out, 'word/document.xml');

  const tthc = runsOf(xml, 'cchc:tthc');
  expect(tthc[0]).toHaveLength(1);
  expect(tthc[0]![0]!.text.startsWith(NOTE_PREFIX)).toBe(true);
  expect(tthc[0]![0]!.text).toContain('ô TTHC!B7');
  expect(tthc[0]![0]!.text).toContain('Trong hạn 52 (ô K7) + Quá hạn 2 (ô L7) = 54');
  expect(tthc[0]![0]).toMatchObject({ highlight: true });
  // The figures follow, as in a clean report, not highlighted.
  expect(controlTexts(xml, 'cchc:tthc')[0]!.slice(1)).toEqual(n.sections['cchc:tthc']);
  expect(tthc.slice(1).flat().some((r) => r.highlight)).toBe(false);
  // Places the error does not touch carry no note.
  for (const tag of ['cchc:danhmuc', 'cchc:phananh', 'cchc:bienche']) expect(runsOf(xml, tag).flat().some((r) => r.text.startsWith(NOTE_PREFIX))).toBe(false);
  expect((await readFillRecord(out))?.forcedErrors).toBe('1');

  const clean = buildNarrative(konTumQ3());
  const refilled = await fillDocx(out, clean, record(clean.fingerprint));
  const xml2 = await part(refilled, 'word/document.xml');
  expect(xml2).not.toContain(NOTE_PREFIX);
  expect(runsOf(xml2, 'cchc:tthc').flat().some((r) => r.highlight)).toBe(false);
  expect(controlTexts(xml2, 'cchc:tthc')).toEqual([clean.sections['cchc:tthc']]);
  const rec = await readFillRecord(refilled);
  expect(rec).toEqual(record(clean.fingerprint));
  expect(rec).not.toHaveProperty('forcedErrors');
});

test('the date line left for the officer: place written, the blanks highlighted', async () => {
  const n = buildNarrative(konTumQ3());
  const xml = await part(await fillDocx(templateBytes(), n, record(n.fingerprint)), 'word/document.xml');
  const runs = runsOf(xml, 'cchc:ngay').flat();
  expect(runs.map((r) => r.text).join('')).toBe('Kon Tum, ngày …… tháng …… năm ……');
  expect(runs.filter((r) => r.highlight).map((r) => r.text)).toEqual(['……', '……', '……']);
  expect(runs.find((r) => r.text.startsWith('Kon Tum'))!.highlight).toBe(false);
  // With the workbook's report date, the line is complete and nothing is highlighted.
  const dated = buildNarrative(konTumQ3(), { reportDate: '2022-09-14' });
  const xml2 = await part(await fillDocx(templateBytes(), dated, record(dated.fingerprint)), 'word/document.xml');
  expect(runsOf(xml2, 'cchc:ngay').flat()).toEqual([{ text: 'Kon Tum, ngày 14 tháng 9 năm 2022', highlight: false, bold: false }]);
});
