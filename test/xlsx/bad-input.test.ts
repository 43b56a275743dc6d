import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, UnreadableWorkbookError, LIMITS } from '../../src/xlsx/read';
import { BAD_INPUT_CASES } from '../helpers/hostile-cases';

const dir = mkdtempSync(join(tmpdir(), 'cchc-bad-'));

describe('unreadable input gives UnreadableWorkbookError, never a crash or a write', () => {
  it.each(BAD_INPUT_CASES)('%s', async (label, make, reason, message) => {
    const path = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(path, await make());
    const before = { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
    const err = await readWorkbook(readFileSync(path)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe(reason);
    expect((err as UnreadableWorkbookError).message).toMatch(message);
    // Cells are counted by parsing, not read from <dimension> (docs/reliability.md); the time of
    // each refusal against the product's promise (30 s) is measured by `npm run bench` (bench/refusals.ts).
    expect(readFileSync(path).equals(before.bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
  });

  it('keeps limits that still accept a large real workbook', () => {
    expect(LIMITS.maxCells).toBeGreaterThanOrEqual(100_000);
    expect(LIMITS.maxFileBytes).toBeLessThan(50 * 1024 * 1024);
  });
});
