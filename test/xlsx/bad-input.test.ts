import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readWorkbook, UnreadableWorkbookError, LIMITS } from '../../src/xlsx/read';
import type { UnreadableReason } from '../../src/xlsx/errors';
import { buildWorkbook } from '../../src/xlsx/template';

const dir = mkdtempSync(join(tmpdir(), 'cchc-bad-'));

function utf16(s: string): number[] {
  return Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
}

async function rezip(mutate: (zip: JSZip) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildWorkbook({}));
  await mutate(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One row of 10 cells more than the cell limit allows, with an honest <dimension>. */
function overLimitCellSheet(): string {
  const last = LIMITS.maxCells / 10 + 1;
  const rows: string[] = [];
  for (let r = 1; r <= last; r++) {
    let cells = '';
    for (const c of 'ABCDEFGHIJ') cells += `<c r="${c}${r}"><v>${r}</v></c>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:J${last}"/><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const cases: [string, () => Promise<Uint8Array> | Uint8Array, UnreadableReason, RegExp][] = [
  ['an empty file', () => new Uint8Array(0), 'empty', /rỗng/],
  ['a text file', () => new TextEncoder().encode('Báo cáo CCHC quý I\nkhông phải Excel'), 'not_zip', /không phải bảng tính Excel/],
  [
    'a Word document',
    async () => {
      const z = new JSZip();
      z.file('[Content_Types].xml', '<Types/>');
      z.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      return z.generateAsync({ type: 'uint8array' });
    },
    'not_xlsx',
    /văn bản Word/,
  ],
  ['a truncated (corrupt) zip', async () => (await buildWorkbook({})).slice(0, 3000), 'corrupt_zip', /bị hỏng/],
  [
    'a password-protected workbook (OLE compound file)',
    () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0), ...utf16('EncryptionInfo'), 0, 0, ...utf16('EncryptedPackage'), ...new Array(600).fill(0)]),
    'encrypted',
    /mã hoá bằng mật khẩu/,
  ],
  // Real .xls files are read (test/xlsx/formats.test.ts); an OLE2 signature with nothing behind it is broken.
  ['an Excel 97-2003 signature without a compound file', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...utf16('Workbook'), ...new Array(1000).fill(0)]), 'parse_failed', /97-2003 \(\.xls\) bị hỏng/],
  [
    'a 50 MB file',
    () => {
      const b = new Uint8Array(50 * 1024 * 1024);
      b.set([0x50, 0x4b, 0x03, 0x04]);
      return b;
    },
    'too_large',
    /quá lớn/,
  ],
  ['a zip bomb (130 MB of XML compressed to little)', () => rezip((z) => void z.file('xl/worksheets/sheet9.xml', new Uint8Array(130 * 1024 * 1024).fill(32))), 'xml_too_large', /giải nén/],
  ['a sheet of more cells than the limit (1 500 010)', () => rezip((z) => void z.file('xl/worksheets/sheet2.xml', overLimitCellSheet())), 'too_many_cells', /quá nhiều ô/],
  ['a workbook whose sheet XML is broken', () => rezip((z) => void z.file('xl/workbook.xml', '<workbook><sheets><sheet name="x"')), 'parse_failed', /bị hỏng/],
];

describe('unreadable input gives UnreadableWorkbookError, never a crash or a write', () => {
  it.each(cases)('%s', async (label, make, reason, message) => {
    const path = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(path, await make());
    const before = { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
    const started = Date.now();
    const err = await readWorkbook(readFileSync(path)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe(reason);
    expect((err as UnreadableWorkbookError).message).toMatch(message);
    // Refused before ExcelJS parses, within the product's promise (30 s) even on a loaded machine:
    // cells are now counted by parsing, not read from <dimension> (docs/reliability.md).
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(readFileSync(path).equals(before.bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
  });

  it('keeps limits that still accept a large real workbook', () => {
    expect(LIMITS.maxCells).toBeGreaterThanOrEqual(100_000);
    expect(LIMITS.maxFileBytes).toBeLessThan(50 * 1024 * 1024);
  });
});
