/**
 * Any text a unit's file can carry, written by `cchc merge` as a unit, file, sheet or field name,
 * comes back from the consolidated workbook through the reader `cchc check` uses: unchanged, or
 * without the characters XML 1.0 forbids and with a note on "Nguồn" saying they were dropped.
 * The texts are built from test/helpers/hostile/writers.ts's pieces ($&, U+FFFF, lone surrogates,
 * controls, markup, _xHHHH_…); what each must read back as is computed there, independently of
 * src/core/xml-text.ts.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check';
import { mergeUnits } from '../../src/core/merge/merge';
import { readPreviousUnits, SOURCE_SHEET, TRACE_SHEET } from '../../src/core/merge/units';
import { findSheet, getCell, parseA1, type WorkbookModel } from '../../src/core/model';
import { buildMergedWorkbookDetailed } from '../../src/xlsx/merge-workbook';
import { readWorkbook } from '../../src/xlsx/read';
import { expectedAfterDrop, NASTY_PIECES, unitNamed } from '../helpers/hostile/writers';

const text = fc.array(fc.constantFrom(...NASTY_PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));

const sheetOf = (m: WorkbookModel, name: string) => m.sheets.find((s) => s.name === name)!;
const column = (m: WorkbookModel, sheet: string, c: number) => sheetOf(m, sheet).rows.map((r) => r?.[c]?.v ?? '');

const namedCell = (m: WorkbookModel, name: string) => {
  const ref = m.names.find((n) => n.name === name)!;
  return getCell(findSheet(m, ref.sheet), parseA1(ref.cell))?.v ?? '';
};

async function roundTrip(texts: { unit: string; file: string; sheet: string; field: string }) {
  const units = [await unitNamed(texts, 'a'), await unitNamed({ unit: 'Trung tâm Y tế B', file: 'b.xlsx', sheet: 'TTHC', field: 'Dược phẩm' }, 'b')];
  // The unit given as `merge --unit` does: the consolidation's own name, written by ExcelJS (template.ts).
  const { bytes, droppedNote } = await buildMergedWorkbookDetailed(mergeUnits(units), texts.unit);
  const model = await readWorkbook(bytes, 'tong-hop.xlsx');
  return { model, droppedNote, report: checkWorkbook(model) };
}

test('the replacement patterns that corrupted the workbook are written as typed', async () => {
  const t = { unit: 'Đơn vị $& $` $$ </sst>', file: "tệp $'.xlsx", sheet: 'TTHC $&', field: 'Lĩnh vực $$' };
  const { model, droppedNote, report } = await roundTrip(t);
  expect(droppedNote).toBeNull();
  expect(readPreviousUnits(model)!.map((u) => u.unit)).toEqual(['Đơn vị $& $` $$ </sst>', 'Trung tâm Y tế B']);
  expect(column(model, SOURCE_SHEET, 1)[1]).toBe("tệp $'.xlsx");
  expect(column(model, TRACE_SHEET, 7)).toContain('TTHC $&');
  expect(column(model, TRACE_SHEET, 1)).toContain('Lĩnh vực $$');
  // The workbook is one `cchc check` reads: it found the standard tables.
  expect(report.recognized?.tables.length).toBeGreaterThan(0);
});

test('U+FFFF, surrogates and controls are dropped, and "Nguồn" says so', async () => {
  const { model, droppedNote } = await roundTrip({ unit: 'Bệnh viện\uFFFF A\uD800', file: 'a\u0001.xlsx', sheet: 'TTHC', field: 'Y tế' });
  // Two names changed (the unit, the file); the unit's name is also in the consolidation's own note.
  expect(droppedNote).toMatch(/^Đã bỏ ký tự không được phép .* khỏi 3 đoạn chữ/);
  expect(column(model, SOURCE_SHEET, 2)[1]).toBe('Bệnh viện A');
  expect(column(model, SOURCE_SHEET, 1)[1]).toBe('a.xlsx');
  expect(column(model, SOURCE_SHEET, 1)).toContain(droppedNote);
});

test('property: any text as a unit, file, sheet or field name survives merge → read unchanged, or marked', async () => {
  await fc.assert(
    fc.asyncProperty(text, text, text, text, async (unit, file, sheet, field) => {
      const { model, droppedNote } = await roundTrip({ unit, file, sheet, field });
      const want = { unit: expectedAfterDrop(unit), file: expectedAfterDrop(file), sheet: expectedAfterDrop(sheet), field: expectedAfterDrop(field) };
      const changed = want.unit !== unit || want.file !== file || want.sheet !== sheet || want.field !== field;
      expect(column(model, SOURCE_SHEET, 2)[1]).toBe(want.unit);
      expect(column(model, SOURCE_SHEET, 1)[1]).toBe(want.file);
      expect(column(model, TRACE_SHEET, 6)).toContain(want.unit);
      expect(column(model, TRACE_SHEET, 7)).toContain(want.sheet);
      expect(column(model, TRACE_SHEET, 1)).toContain(want.field);
      expect(namedCell(model, 'DonViBaoCao')).toBe(want.unit);
      // Marked exactly when something had to go.
      expect(droppedNote !== null).toBe(changed);
      if (changed) expect(column(model, SOURCE_SHEET, 1)).toContain(droppedNote);
    }),
    { seed: 23122026, numRuns: 25 },
  );
}, 120000);
