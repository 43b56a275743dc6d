/**
 * Adding a table is one module plus its tests (docs/architecture.md): the example module of
 * ./example-table.ts is appended to TABLES, and with nothing else changed the check finds it by its
 * headers, checks its identity, computes its indicators, and the narrative writes its paragraph.
 */
import { KiemTraCCHC } from './example-table';

jest.mock('../../../src/core/tables', () => {
  const actual = jest.requireActual('../../../src/core/tables');
  const { KiemTraCCHC: example } = jest.requireActual('./example-table');
  const TABLES = [...actual.TABLES, example];
  return {
    ...actual,
    TABLES,
    IDENTITIES: TABLES.flatMap((t: typeof example) => t.identities),
    BOUNDS: TABLES.flatMap((t: typeof example) => t.bounds),
    DERIVED_COUNTS: TABLES.flatMap((t: typeof example) => t.derivedCounts),
    DERIVED_RATES: TABLES.flatMap((t: typeof example) => t.derivedRates),
    tableSpec: (name: string) => (name === example.name ? example : actual.tableSpec(name)),
    tableModule: (name: string) => (name === example.name ? example : actual.tableModule(name)),
  };
});

import { checkWorkbook } from '../../../src/core/check';
import { buildNarrative } from '../../../src/core/narrative/build';
import type { TableName } from '../../../src/core/contract';
import { defineTable } from '../../../src/core/tables/types';
import { buildModel, infoFor } from '../../helpers/model';

const headers = KiemTraCCHC.columns.map((c) => c.header);

function workbook(rows: (string | number)[][]) {
  return buildModel({
    info: infoFor('Quý I', 2023, '2022-12-15', '2023-03-14'),
    tables: [{ name: 'KiemTraCCHC' as TableName, headers, rows, asTable: false, at: 'A3' }],
  });
}

describe('a table added as one module', () => {
  test('its identity is checked at the stated total, with the parts named', () => {
    // Row 2 states 7 found but 4 fixed + 2 not fixed = 6.
    const report = checkWorkbook(workbook([
      ['Cơ quan Sở', 1, 3, 3, 0],
      ['Các bệnh viện', 5, 7, 4, 2],
    ]));
    const slips = report.issues.filter((i) => i.code === 'sum_mismatch' && i.table === 'KiemTraCCHC');
    expect(slips).toHaveLength(1);
    // Header at A3, data rows 4 and 5; "Số tồn tại phát hiện" is column C.
    expect(slips[0]).toMatchObject({ cell: 'C5', expected: 6, actual: 7, rule: 'KT1' });
    expect(report.recognized?.tables.map((t) => t.table)).toContain('KiemTraCCHC');
  });

  test('its indicators and its paragraph come from its module alone', () => {
    const report = checkWorkbook(workbook([
      ['Cơ quan Sở', 1, 3, 3, 0],
      ['Các bệnh viện', 5, 7, 5, 2],
    ]));
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // 3 + 7 = 10 found, 3 + 5 = 8 fixed: 80%.
    expect(report.metrics['kiemTra.phatHien']).toBe(10);
    expect(report.metrics['kiemTra.tyLeKhacPhuc']).toBeCloseTo(80, 9);
    const n = buildNarrative(report);
    expect(n.sections['cchc:chitieu']).toContain('Kiểm tra công tác cải cách hành chính tại 06 đơn vị, phát hiện 10 tồn tại, đã khắc phục 08 (80%).');
  });

  test('a key that is no column of the table does not compile', () => {
    // The compiler is the test: `npm test` runs tsc over test/ before jest.
    const broken = () =>
      defineTable({
        name: 'KiemTraCCHC' as TableName,
        sheet: 'x',
        title: 'x',
        required: false,
        labelKey: 'noiDung',
        columns: [
          { key: 'noiDung', header: 'Nội dung', kind: 'text' },
          { key: 'phatHien', header: 'Phát hiện', kind: 'count' },
        ],
        // @ts-expect-error "phatHein" is no column of the table
        totals: ['phatHein'],
        recognise: { minFigures: 1 },
        metrics: KiemTraCCHC.metrics,
        section: KiemTraCCHC.section,
        consolidation: KiemTraCCHC.consolidation,
        samples: { clean: { rows: [] }, mistakes: { rows: [] }, planted: [] },
      });
    expect(broken().columns.map((c) => c.key)).toEqual(['noiDung', 'phatHien']);
  });
});
