/**
 * Limits measured on what is really read (issue 8): sizes the zip directory declares and a sheet's
 * <dimension> are lies here, and each refusal must name its limit. The time of each refusal is
 * measured by `npm run bench` (bench/refusals.ts); time and peak memory of the full-size cases,
 * through the CLI, are in docs/reliability.md (scripts/measure-hostile.ts).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, UnreadableWorkbookError, LIMITS } from '../../src/xlsx/read';
import { readBoundedSync, ioMessage } from '../../src/cli/input';
import { findSheet, getCell, parseA1 } from '../../src/core/model';
import { hugeDimensionSheet, lyingWorkbook } from '../helpers/hostile';
import { LIMIT_CASES } from '../helpers/hostile-cases';

const dir = mkdtempSync(join(tmpdir(), 'cchc-limits-'));

async function refusal(bytes: Uint8Array): Promise<UnreadableWorkbookError> {
  const e = await readWorkbook(bytes).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UnreadableWorkbookError);
  return e as UnreadableWorkbookError;
}


describe('limits fire on what is read, not on what is declared', () => {
  // Each refusal's time is measured by `npm run bench` (bench/refusals.ts).
  it.each(LIMIT_CASES)('%s', async (_label, make, reason, message) => {
    const e = await refusal(await make());
    expect([e.reason, e.message]).toEqual([reason, expect.stringMatching(message)]);
  });

  it('the limits are the documented ones', () => {
    expect(LIMITS).toEqual({ maxFileBytes: 25 * 1024 * 1024, maxUncompressedBytes: 120 * 1024 * 1024, maxCells: 1_500_000, maxPageCells: 500_000, maxPageNodes: 1_500_000, maxElements: 6_000_000, maxXmlDepth: 100, maxParts: 5000, maxRows: 2_200_000, maxSheets: 1000 });
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
