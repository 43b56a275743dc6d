/**
 * The hostile workbooks of the limit tests, each with the refusal it must get: the tests
 * (test/xlsx/limits.test.ts, test/xlsx/bad-input.test.ts) check the reason and the message; how
 * long each refusal takes is measured by `npm run bench` (bench/refusals.ts), not asserted in a test.
 */
import JSZip from 'jszip';
import { LIMITS } from '../../src/xlsx/read';
import type { UnreadableReason } from '../../src/xlsx/errors';
import { buildWorkbook } from '../../src/xlsx/template';
import { cellsBehindFalseDimension, deepSheet, deflateZeros, farCellSheet, lyingWorkbook, manySheets, smallSheet, writeRawZip } from './hostile';

/** A label, the file's bytes, the refusal's reason and a pattern its Vietnamese message matches. */
export type HostileCase = [string, () => Promise<Uint8Array> | Uint8Array, UnreadableReason, RegExp];

/** Limits that fire on what is read, not on what the zip or the sheet declares. */
export const LIMIT_CASES: HostileCase[] = [
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

/** Files that are not workbooks, broken ones, and workbooks past a limit. */
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

export const BAD_INPUT_CASES: HostileCase[] = [
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

/** An HTML export whose first cell spans 1 000 columns and 65 534 rows: 65 million cells once spread. */
export function spansPastTheLimit(): string {
  const rows = Array.from({ length: 2000 }, (_, i) => (i === 0 ? '<tr><td colspan="1000" rowspan="65534">x</td></tr>' : '<tr><td>1</td></tr>')).join('');
  return `<table>${rows}</table>`;
}

/** An HTML export with one cell more than a page may hold (LIMITS.maxPageCells). */
export const cellsPastThePageLimit = (): string => `<table><tr>${'<td>1</td>'.repeat(LIMITS.maxPageCells + 1)}</tr></table>`;
