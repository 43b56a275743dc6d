/**
 * Hostile workbooks for the limit tests and for the measurements in docs/reliability.md
 * (scripts/measure-hostile.ts). Each is a real workbook from the template with one thing made
 * hostile, so a refusal proves the limit fired and not some earlier check.
 */
import { deflateRawSync, createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';
import { buildWorkbook } from '../../src/xlsx/template';

interface RawEntry {
  name: string;
  deflated: Buffer;
  /** Size written in the zip's local header and directory: the lie. */
  declaredSize: number;
  crc: number;
}

/**
 * A zip written by hand: no zip library writes a directory that lies about sizes, which is the
 * point here (the reader must not believe it). Plain PKZIP 2.0 records, DEFLATE, no zip64.
 */
export function writeRawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8); // DEFLATE
    lh.writeUInt32LE(e.crc >>> 0, 14);
    lh.writeUInt32LE(e.deflated.length, 18);
    lh.writeUInt32LE(e.declaredSize, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.crc >>> 0, 16);
    ch.writeUInt32LE(e.deflated.length, 20);
    ch.writeUInt32LE(e.declaredSize, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.deflated);
    centrals.push(ch, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The template's parts, uncompressed. */
export async function templateParts(): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await buildWorkbook({}));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, Buffer.from(await f.async('uint8array')));
  return out;
}

/** DEFLATE of `bytes` zero... bytes, made in slices so that gigabytes never sit in memory. */
export function deflateZeros(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const d = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    d.on('data', (c: Buffer) => out.push(c));
    d.on('end', () => resolve(Buffer.concat(out)));
    d.on('error', reject);
    const slice = Buffer.alloc(16 * 1024 * 1024, 0x20);
    let left = bytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, slice.length);
        left -= n;
        if (!d.write(n === slice.length ? slice : slice.subarray(0, n))) {
          d.once('drain', pump);
          return;
        }
      }
      d.end();
    };
    pump();
  });
}

/**
 * The template with its parts plus `extra`, written by hand: the template's parts declare their
 * true sizes, each extra part declares `declared` bytes (or its true size when smaller), whatever
 * it inflates to.
 */
export async function lyingWorkbook(extra: Record<string, Buffer | { deflated: Buffer }>, declared = 1000): Promise<Buffer> {
  const parts = await templateParts();
  const entries: RawEntry[] = [];
  for (const [name, data] of parts) entries.push({ name, deflated: deflateRawSync(data), declaredSize: data.length, crc: 0 });
  for (const [name, v] of Object.entries(extra)) {
    const deflated = Buffer.isBuffer(v) ? deflateRawSync(v) : v.deflated;
    const i = entries.findIndex((e) => e.name === name);
    const e = { name, deflated, declaredSize: Buffer.isBuffer(v) ? Math.min(v.length, declared) : declared, crc: 0 };
    if (i >= 0) entries[i] = e;
    else entries.push(e);
  }
  return writeRawZip(entries);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A sheet of `cells` numeric cells, 10 a row, behind a <dimension> that claims one cell. */
export function cellsBehindFalseDimension(cells: number): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= Math.ceil(cells / 10); r++) {
    let s = `<row r="${r}">`;
    for (const c of 'ABCDEFGHIJ') s += `<c r="${c}${r}"><v>${r}</v></c>`;
    rows.push(`${s}</row>`);
  }
  return Buffer.from(`${SHEET_HEAD}<dimension ref="A1"/><sheetData>${rows.join('')}</sheetData></worksheet>`);
}

/** A sheet whose one cell sits under `depth` nested elements (an extLst nobody reads). */
export function deepSheet(depth: number): Buffer {
  return Buffer.from(`${SHEET_HEAD}<sheetData/><extLst>${'<ext>'.repeat(depth)}${'</ext>'.repeat(depth)}</extLst></worksheet>`);
}

/** A sheet claiming the whole grid, holding two cells, one in the last row and column. */
export function hugeDimensionSheet(): Buffer {
  return Buffer.from(`${SHEET_HEAD}<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>`);
}

/**
 * The template plus `count` extra sheets, each built by `sheet(i)`: workbook entries, relationships
 * and content types as Excel writes them, so ExcelJS loads every one.
 */
export async function manySheets(count: number, sheet: (i: number) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildWorkbook({}));
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const entries: string[] = [];
  const relEntries: string[] = [];
  const typeEntries: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 100 + i;
    zip.file(`xl/worksheets/sheet${n}.xml`, sheet(i));
    entries.push(`<sheet name="S${n}" sheetId="${n}" r:id="rIdH${n}"/>`);
    relEntries.push(`<Relationship Id="rIdH${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    typeEntries.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  }
  wb = wb.replace('</sheets>', `${entries.join('')}</sheets>`);
  rels = rels.replace('</Relationships>', `${relEntries.join('')}</Relationships>`);
  types = types.replace('</Types>', `${typeEntries.join('')}</Types>`);
  zip.file('xl/workbook.xml', wb);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

export const farCellSheet = (): string => `${SHEET_HEAD}<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
export const smallSheet = (i: number): string => `${SHEET_HEAD}<sheetData><row r="1"><c r="A1"><v>${i}</v></c></row></sheetData></worksheet>`;
