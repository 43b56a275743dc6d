/**
 * A consolidated workbook among a merge's inputs (last period's output left in the units' folder)
 * is recognised from its "Nguồn" and "Truy vết" sheets and left out through the same mechanism as
 * a duplicate or a stale file: an error finding at its line, "Không đưa vào tổng hợp" on "Nguồn".
 */
import { checkWorkbook } from '../../src/core/check';
import { mergeUnits } from '../../src/core/merge/merge';
import { isConsolidation, toUnitReport } from '../../src/core/merge/units';
import { buildMergedWorkbook } from '../../src/xlsx/merge-workbook';
import { readWorkbook } from '../../src/xlsx/read';
import { unitNamed, unitWorkbook } from '../helpers/hostile/writers';

test('a merge output read back is a consolidation; a unit workbook is not', async () => {
  const a = await unitNamed({ unit: 'Bệnh viện A', file: 'a.xlsx', sheet: 'TTHC', field: 'Y tế' }, 'a');
  const merged = await readWorkbook(await buildMergedWorkbook(mergeUnits([a])), 'tong-hop.xlsx');
  expect(isConsolidation(merged)).toBe(true);
  expect(isConsolidation(await readWorkbook(await unitWorkbook('Bệnh viện A', 1), 'a.xlsx'))).toBe(false);
});

test('it is left out of the sums with an error at its line; the sums are the units\' alone', async () => {
  const a = await unitNamed({ unit: 'Bệnh viện A', file: 'a.xlsx', sheet: 'TTHC', field: 'Y tế' }, 'a');
  const b = await unitNamed({ unit: 'Trung tâm B', file: 'b.xlsx', sheet: 'TTHC', field: 'Y tế' }, 'b');
  const model = await readWorkbook(await buildMergedWorkbook(mergeUnits([a, b])), 'tong-hop.xlsx');
  const c = toUnitReport(checkWorkbook(model), 'tong-hop.xlsx', 'c0ffee', model);
  expect(c.consolidation).toBe(true);
  const alone = mergeUnits([a, b]);
  const withIt = mergeUnits([c, a, b]);
  expect(withIt.findings.map((f) => [f.code, f.severity, f.sheet, f.cell])).toEqual([['merge_consolidated_input', 'error', 'Nguồn', 'C2']]);
  expect(withIt.sources.map((s) => s.included)).toEqual([false, true, true]);
  expect(withIt.sources[0]!.status).toBe('Không đưa vào tổng hợp: là sổ tổng hợp (có sheet "Nguồn" và "Truy vết"), không phải sổ của một đơn vị');
  // The sums are those of the two units alone: nothing doubled.
  expect(withIt.consolidated.tables).toEqual(alone.consolidated.tables);
});
