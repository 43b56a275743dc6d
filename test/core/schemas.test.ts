import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { TABLES } from '../../src/core/tables';
import { checkJson, countFinding, ROW_SCHEMAS } from '../../src/core/schemas';
import { reportJson } from '../../src/cli/format';
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

test('the JSON of the mistakes sample follows the contract schema', async () => {
  const report = checkWorkbook(await readWorkbook(sample('mau-co-loi.xlsx')));
  const json = checkJson.parse(JSON.parse(JSON.stringify(reportJson(report, 'mau-co-loi.xlsx'))));
  expect(json.summary.errors).toBe(json.issues.filter((i) => i.severity === 'error').length);
  expect(json.issues.find((i) => i.cell === 'E9' && i.sheet === 'Biên chế')).toMatchObject({ code: 'sum_mismatch', expected: 4870, actual: 4876 });
  expect(() => checkJson.parse({ ...json, contract: 'cchc-workbook/2' })).toThrow();
});
