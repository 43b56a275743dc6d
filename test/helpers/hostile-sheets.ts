/**
 * Hostile spreadsheets built byte by byte for the readers' limit tests (test/xlsx/formats.test.ts,
 * test/cli/cli-formats.test.ts): BIFF8 records ([MS-XLS] 2.4) in an OLE2 container written by cfb,
 * and OpenDocument content.xml in a zip written by JSZip.
 */
import * as CFB from 'cfb';
import JSZip from 'jszip';

export function rec(type: number, data: number[] | Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, type, true);
  dv.setUint16(2, data.length, true);
  out.set(data, 4);
  return out;
}
export const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
export const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
export const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
export const bof = (dt: number) => rec(0x0809, [...u16(0x0600), ...u16(dt), ...u16(0), ...u16(1997), ...u32(0), ...u32(0)]);
export const eof = () => rec(0x000a, []);

/** A BIFF8 workbook of the given sheets (each a list of cell records), in an OLE2 container written by cfb. */
export function xls(sheets: Uint8Array[][]): Uint8Array {
  const sheetName = (i: number) => Array.from(`S${i}`).map((ch) => ch.charCodeAt(0));
  const boundsheet = (i: number, offset: number) => rec(0x0085, [...u32(offset), 0, 0, sheetName(i).length, 0, ...sheetName(i)]);
  // Globals first, with offsets computed from their own length.
  const globalsLength = bof(5).length + sheets.reduce((a, _, i) => a + boundsheet(i, 0).length, 0) + eof().length;
  let offset = globalsLength;
  const bodies = sheets.map((cells) => concat([bof(0x10), ...cells, eof()]));
  const bounds = bodies.map((b, i) => {
    const r = boundsheet(i, offset);
    offset += b.length;
    return r;
  });
  const stream = concat([bof(5), ...bounds, eof(), ...bodies]);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'Workbook', stream);
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

export const number = (row: number, col: number, v: number) => {
  const b = new Uint8Array(14);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, row, true);
  dv.setUint16(2, col, true);
  dv.setFloat64(6, v, true);
  return rec(0x0203, b);
};
/** MULBLANK: a row of 256 formatted empty cells in one record (what a sheet formatted to its edge holds). */
export const mulblank = (row: number) => rec(0x00be, [...u16(row), ...u16(0), ...new Array(256).fill(0).flatMap(() => u16(0)), ...u16(255)]);

export async function ods(content: string): Promise<Uint8Array> {
  const z = new JSZip();
  z.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  z.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${content}</office:spreadsheet></office:body></office:document-content>`,
    { compression: 'DEFLATE' },
  );
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

