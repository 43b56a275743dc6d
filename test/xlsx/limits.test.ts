/**
 * Limits measured on what is really read (issue 8): sizes the zip directory declares and a sheet's
 * <dimension> are lies here, and each refusal must name its limit, quickly. Time and peak memory
 * of the full-size cases, through the CLI, are in docs/reliability.md (scripts/measure-hostile.ts).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, UnreadableWorkbookError, LIMITS } from '../../src/xlsx/read';
import type { UnreadableReason } from '../../src/xlsx/errors';
import { readBoundedSync, ioMessage } from '../../src/cli/input';
import { findSheet, getCell, parseA1 } from '../../src/core/model';
import { cellsBehindFalseDimension, deepSheet, deflateZeros, farCellSheet, hugeDimensionSheet, lyingWorkbook, manySheets, smallSheet, writeRawZip } from '../helpers/hostile';

const dir = mkdtempSync(join(tmpdir(), 'cchc-limits-'));

async function refusal(bytes: Uint8Array): Promise<{ e: UnreadableWorkbookError; ms: number }> {
  const started = Date.now();
  const e = await readWorkbook(bytes).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UnreadableWorkbookError);
  return { e: e as UnreadableWorkbookError, ms: Date.now() - started };
}

const cases: [string, () => Promise<Buffer>, UnreadableReason, RegExp][] = [
  [
    'a zip bomb whose directory declares 1 000 bytes for 300 MB',
    async () => lyingWorkbook({ 'xl/worksheets/sheet2.xml': { deflated: await deflateZeros(300 * 1024 * 1024) } }),
    'xml_too_large',
    /giới hạn dung lượng giải nén 120 MB/,
  ],
  ['1 600 000 cells behind <dimension ref="A1"/>', () => lyingWorkbook({ 'xl/worksheets/sheet2.xml': cellsBehindFalseDimension(1_600_000) }, 1e9), 'too_many_cells', /giới hạn số ô 1\.500\.000/],
  ['XML nested 200 000 deep', () => lyingWorkbook({ 'xl/worksheets/sheet2.xml': deepSheet(200_000) }, 1e9), 'xml_too_deep', /giới hạn độ sâu XML 100/],
  [
    '6,1 million empty shared strings',
    () => lyingWorkbook({ 'xl/sharedStrings.xml': Buffer.from(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si/>'.repeat(6_100_000)}</sst>`) }, 1e9),
    'too_many_elements',
    /giới hạn số phần tử 6\.000\.000/,
  ],
  [
    '6 000 parts',
    async () => writeRawZip(Array.from({ length: 6000 }, (_, i) => ({ name: i ? `xl/p${i}.xml` : 'xl/workbook.xml', deflated: Buffer.from([3, 0]), declaredSize: 0, crc: 0 }))),
    'too_many_parts',
    /giới hạn số phần trong gói 5\.000/,
  ],
  ['3 sheets each with a cell in row 1 048 576', () => manySheets(3, farCellSheet), 'too_many_rows', /giới hạn số dòng 2\.200\.000/],
  [
    'a row numbered 999 999 999',
    () => lyingWorkbook({ 'xl/worksheets/sheet5.xml': Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="999999999"><c r="A999999999"><v>1</v></c></row></sheetData></worksheet>') }, 1e9),
    'too_many_rows',
    /giới hạn số dòng/,
  ],
  ['1 001 sheets', () => manySheets(1001, smallSheet), 'too_many_parts', /giới hạn số trang tính 1\.000/],
];

describe('limits fire on what is read, not on what is declared', () => {
  it.each(cases)('%s', async (_label, make, reason, message) => {
    const { e, ms } = await refusal(await make());
    expect([e.reason, e.message]).toEqual([reason, expect.stringMatching(message)]);
    expect(ms).toBeLessThan(30_000);
  });

  it('the limits are the documented ones', () => {
    expect(LIMITS).toEqual({ maxFileBytes: 25 * 1024 * 1024, maxUncompressedBytes: 120 * 1024 * 1024, maxCells: 1_500_000, maxPageCells: 500_000, maxElements: 6_000_000, maxXmlDepth: 100, maxParts: 5000, maxRows: 2_200_000, maxSheets: 1000 });
  });

  it('a sheet claiming the whole grid with two cells reads, both cells in place', async () => {
    const m = await readWorkbook(await lyingWorkbook({ 'xl/worksheets/sheet5.xml': hugeDimensionSheet() }, 1e9));
    const sheet = findSheet(m, 'Danh mục');
    expect(getCell(sheet, parseA1('A1'))?.v).toBe(1);
    expect(getCell(sheet, parseA1('XFD1048576'))?.v).toBe(2);
  });
});

describe('input files are sized before they are read', () => {
  it('refuses a 4 GB file from its size, reading none of it', () => {
    const f = join(dir, 'huge.xlsx');
    closeSync(openSync(f, 'w'));
    truncateSync(f, 4 * 1024 ** 3);
    const before = process.memoryUsage().rss;
    expect(() => readBoundedSync(f)).toThrow(/giới hạn kích thước tệp 25 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    truncateSync(f, 0);
  });

  it('refuses a device (no size, endless content)', () => {
    expect(() => readBoundedSync('/dev/zero')).toThrow(/Không phải một tệp thông thường/);
  });

  it('reads a file at the limit whole, and refuses one byte more', () => {
    const f = join(dir, 'edge.bin');
    writeFileSync(f, Buffer.alloc(1000, 7));
    expect(readBoundedSync(f, 1000).equals(readFileSync(f))).toBe(true);
    expect(() => readBoundedSync(f, 999)).toThrow(/quá lớn/);
  });

  it('names file-system failures in Vietnamese', () => {
    const fail = (p: string) => {
      try {
        readBoundedSync(p);
      } catch (e) {
        return ioMessage(e, p);
      }
      return 'read';
    };
    expect(fail(join(dir, 'missing.xlsx'))).toMatch(/^Không tìm thấy tệp/);
    expect(fail(dir)).toMatch(/thư mục/);
  });
});

describe('the Word pane sizes a picked file before loading it', () => {
  it('refuses a 26 MB file by its size, without reading its bytes', async () => {
    const { readPicked } = await import('../../src/taskpane/word/workbook');
    const file = new File([new Uint8Array(26 * 1024 * 1024)], 'so-lieu.xlsx');
    let read = false;
    Object.defineProperty(file, 'arrayBuffer', { value: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) });
    await expect(readPicked(file)).rejects.toMatchObject({ reason: 'too_large', message: expect.stringMatching(/giới hạn kích thước tệp 25 MB/) });
    expect(read).toBe(false);
  });
});
