/**
 * The consolidated workbook stays within what `cchc check` and the next `merge --previous` read:
 * past the reader's limits, the writer refuses it before anything is written, and says about how
 * many such units one consolidation holds. Real units (the clean sample under four names), the
 * cell limit lowered to the size of their consolidation (as test/core/findings-coverage.test.ts
 * does); the CLI with a thousand units is measured in docs/reliability.md.
 */
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/core/check';
import { mergeUnits } from '../../src/core/merge/merge';
import { toUnitReport, type UnitReport } from '../../src/core/merge/units';
import { buildMergedWorkbook, MergedWorkbookTooLargeError } from '../../src/xlsx/merge-workbook';
import { LIMITS } from '../../src/xlsx/package';
import { readWorkbook } from '../../src/xlsx/read';
import { newSaxesParser } from '../../src/zip/saxes';
import { unitWorkbook } from '../helpers/hostile/writers';

/** `<c>` elements of every worksheet, as the reader counts cells: parsed here with saxes, apart from the writer's own count. */
async function cellElements(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let n = 0;
  for (const f of Object.values(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) continue;
    const p = newSaxesParser();
    p.on('opentag', (t) => {
      if (t.name === 'c' || t.name.endsWith(':c')) n++;
    });
    p.write(await f.async('string')).close();
  }
  return n;
}

async function withCells<T>(limit: number, f: () => Promise<T>): Promise<T> {
  const before = LIMITS.maxCells;
  LIMITS.maxCells = limit;
  try {
    return await f();
  } finally {
    LIMITS.maxCells = before;
  }
}

const NAMES = ['Bệnh viện A', 'Trung tâm Y tế B', 'Chi cục C', 'Bệnh viện D'];
let units: UnitReport[];
let cells4: number;

beforeAll(async () => {
  units = await Promise.all(
    NAMES.map(async (name, i) => {
      const model = await readWorkbook(await unitWorkbook(name, i + 1), `${i + 1}.xlsx`);
      return toUnitReport(checkWorkbook(model), `${i + 1}.xlsx`, `h${i}`, model);
    }),
  );
  cells4 = await cellElements(await buildMergedWorkbook(mergeUnits(units)));
});

describe('merge writes only what check reads', () => {
  test('at a cell limit equal to the 4 units\' consolidation, it is written and read back', async () => {
    const bytes = await withCells(cells4, () => buildMergedWorkbook(mergeUnits(units)));
    const read = await withCells(cells4, () => readWorkbook(bytes, 'tong-hop.xlsx'));
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Nguồn', 'Truy vết']));
  });

  test('one cell under it: refused before writing, naming 3 units (4 × (limit) / cells, rounded down)', async () => {
    const e = await withCells(cells4 - 1, () => buildMergedWorkbook(mergeUnits(units)).then(() => null, (x: unknown) => x));
    expect(e).toBeInstanceOf(MergedWorkbookTooLargeError);
    const err = e as MergedWorkbookTooLargeError;
    expect(err.fit).toBe(3);
    const n = (x: number) => x.toLocaleString('de-DE');
    expect(err.message).toBe(
      `Chưa ghi sổ tổng hợp: sổ tổng hợp 4 đơn vị sẽ có ${n(cells4)} ô (trang tính "Truy vết" ghi từng ô lấy số), quá giới hạn số ô ${n(cells4 - 1)} nên "cchc check" và lần tổng hợp kỳ sau (--previous) sẽ không đọc được. Với các đơn vị như thế này, mỗi lần tổng hợp được khoảng 3 đơn vị: hãy chia các đơn vị thành nhóm (ví dụ theo tuyến tỉnh, huyện) và tổng hợp từng nhóm.`,
    );
  });

  test('the 3 units it names do fit at that limit', async () => {
    const bytes = await withCells(cells4 - 1, () => buildMergedWorkbook(mergeUnits(units.slice(0, 3))));
    expect(await cellElements(bytes)).toBeLessThanOrEqual(cells4 - 1);
  });

  test('a limit other than cells (elements) refuses too, quoting the reader\'s words', async () => {
    const before = LIMITS.maxElements;
    LIMITS.maxElements = 1000;
    try {
      const e = await buildMergedWorkbook(mergeUnits(units)).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(MergedWorkbookTooLargeError);
      expect((e as Error).message).toContain('vượt quá giới hạn mà chương trình đọc được (Tệp có quá nhiều phần tử XML (hơn 1.000, giới hạn số phần tử 1.000)');
      expect((e as MergedWorkbookTooLargeError).fit).toBe(3);
    } finally {
      LIMITS.maxElements = before;
    }
  });
});
