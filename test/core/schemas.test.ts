import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { TABLES } from '../../src/core/tables';
import fc from 'fast-check';
import { checkJson, countFinding, countValue, ROW_SCHEMAS } from '../../src/core/schemas';
import { reportJson } from '../../src/cli/format-json';
import { readWorkbook } from '../../src/xlsx/read';

const sample = (name: string) => readFileSync(join(__dirname, '../../assets/samples', name));

test('every normalised row of the clean sample satisfies its table schema', async () => {
  const report = checkWorkbook(await readWorkbook(sample('mau-sach.xlsx')));
  let rows = 0;
  for (const spec of TABLES) {
    for (const r of report.data.tables[spec.name]?.rows ?? []) {
      const res = ROW_SCHEMAS[spec.name].safeParse({ ...r.text, ...r.values });
      expect(res.error?.issues ?? []).toEqual([]);
      rows++;
    }
  }
  expect(rows).toBeGreaterThan(20);
});

test('a row schema rejects what the checks report as errors', () => {
  expect(ROW_SCHEMAS.BienChe.safeParse({ donVi: 'A', duocGiao: -3 }).success).toBe(false);
  expect(ROW_SCHEMAS.KhaoSatHaiLong.safeParse({ doiTuong: 'Người bệnh nội trú', haiLongChung: 120 }).success).toBe(false);
  expect(countFinding(-3)).toBe('negative_count');
  expect(countFinding(11.5)).toBe('fractional_count');
  expect(countFinding(4870)).toBeNull();
});

/** zod's own verdict on a count, as the row reader read it before it stopped loading zod. */
function zodVerdict(value: number): 'negative_count' | 'fractional_count' | null {
  const r = countValue.safeParse(value);
  if (r.success) return null;
  return r.error.issues.some((i) => i.code === 'too_small') ? 'negative_count' : 'fractional_count';
}

test('the row reader count test answers as the zod schema does, on any number', () => {
  // The edges by hand: signed zero, fractions either side of zero, the safe-integer range, non-finite values.
  const edges = [0, -0, 1, -1, 0.5, -0.5, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 1e21, -1e21, Number.MIN_VALUE, -Number.MIN_VALUE, NaN, Infinity, -Infinity];
  expect(edges.map(countFinding)).toEqual(edges.map(zodVerdict));
  expect(edges.map(countFinding)).toEqual([null, null, null, 'negative_count', 'fractional_count', 'fractional_count', null, 'fractional_count', 'negative_count', 'negative_count', 'fractional_count', 'negative_count', 'fractional_count', 'fractional_count', 'fractional_count', 'fractional_count', 'fractional_count']);
  fc.assert(
    fc.property(fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger()), (v) => countFinding(v) === zodVerdict(v)),
    { numRuns: 5000 },
  );
});

test('the JSON of the mistakes sample follows the contract schema', async () => {
  const report = checkWorkbook(await readWorkbook(sample('mau-co-loi.xlsx')));
  const json = checkJson.parse(JSON.parse(JSON.stringify(reportJson(report, 'mau-co-loi.xlsx'))));
  expect(json.summary.errors).toBe(json.issues.filter((i) => i.severity === 'error').length);
  expect(json.issues.find((i) => i.cell === 'E9' && i.sheet === 'Biên chế')).toMatchObject({ code: 'sum_mismatch', expected: 4870, actual: 4876 });
  expect(() => checkJson.parse({ ...json, contract: 'cchc-workbook/2' })).toThrow();
});
