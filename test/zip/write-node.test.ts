/**
 * src/zip/write-node.ts: packages deflated by Node's zlib and laid out by fflate's streaming Zip
 * (sizes after each entry's data) read back whole by the project's reader (src/zip/archive.ts) and
 * by fflate's directory-based unzipSync; a part whose bytes hold a zip signature, which the
 * project's reader would take for the end of such an entry, written by writeZip instead.
 */
import { unzipSync, Zip, ZipPassThrough } from 'fflate';
import { openZip } from '../../src/zip/archive';
import { inflateCounted } from '../../src/zip/inflate';
import { writeZip } from '../../src/zip/write';
import { writeZipNative } from '../../src/zip/write-node';

function xmlText(n: number): Buffer {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `<row r="${i}"><c r="A${i}" t="s"><v>${(i * 7919) % 1000}</v></c></row>`;
  return Buffer.from(s.slice(0, n));
}

/** Bytes that deflate cannot shrink (a linear congruential sequence), so they stay as they are in its output. */
function noise(n: number, seed = 12345): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const never = () => new Error('not corrupt');
const read = (bytes: Uint8Array, name: string) => inflateCounted(openZip(bytes).entry(name)!, () => {}, never, 120 * 2 ** 20);
const mtime = new Date(2026, 11, 7, 10, 30, 20);
/** A local header's general purpose flag: bit 3 says the sizes follow the data. */
const dataDescriptor = (bytes: Uint8Array) => (bytes[6]! & 8) !== 0;

describe('writeZipNative', () => {
  const parts = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: xmlText(2_000_000) },
    { name: 'xl/media/image1.bin', data: Buffer.alloc(3000, 9), stored: true },
    { name: 'docProps/app.xml', data: Buffer.alloc(0) },
  ];

  test('read back whole by the project reader and by the central directory, in order, with the time given', async () => {
    const bytes = writeZipNative(parts, { level: 1, mtime });
    expect(dataDescriptor(bytes)).toBe(true);
    const archive = openZip(bytes);
    expect(archive.entries.map((e) => [e.name, e.compression])).toEqual([
      ['[Content_Types].xml', 8],
      ['xl/worksheets/sheet1.xml', 8],
      ['xl/media/image1.bin', 0],
      ['docProps/app.xml', 8],
    ]);
    for (const p of parts) expect(Buffer.from(await read(bytes, p.name)).equals(p.data)).toBe(true);
    const all = unzipSync(bytes);
    for (const p of parts) expect(Buffer.from(all[p.name]!).equals(p.data)).toBe(true);
    // DOS time of the first local header (offset 10): 10:30:20 on 7/12/2026.
    const time = bytes[10]! | (bytes[11]! << 8);
    const date = bytes[12]! | (bytes[13]! << 8);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([10, 30, 20]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 12, 7]);
  });

  test('a part whose bytes hold a zip signature is written by writeZip, sizes before the data', async () => {
    const data = noise(50_000);
    // "PK\x07\x08" (a data descriptor's signature) in the middle; deflate keeps noise as it is.
    data.set([0x50, 0x4b, 0x07, 0x08], 20_000);
    const withSignature = [...parts, { name: 'xl/embeddings/blob.bin', data }];
    const bytes = writeZipNative(withSignature, { level: 1, mtime });
    expect(Buffer.from(bytes).equals(Buffer.from(writeZip(withSignature, { level: 1, mtime })))).toBe(true);
    expect(dataDescriptor(bytes)).toBe(false);
    expect(Buffer.from(await read(bytes, 'xl/embeddings/blob.bin')).equals(data)).toBe(true);
  });

  test('why: written with the sizes after the data, such a part is cut short by the project reader', async () => {
    const data = noise(50_000);
    data.set([0x50, 0x4b, 0x07, 0x08], 20_000);
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    const entry = new ZipPassThrough('blob.bin');
    zip.add(entry);
    entry.push(data, true);
    zip.end();
    const bytes = Buffer.concat(chunks);
    // The directory still says the whole: only a reader that walks the entries is misled.
    expect(Buffer.from(unzipSync(bytes)['blob.bin']!).equals(data)).toBe(true);
    const back = await read(bytes, 'blob.bin').then(
      (b) => Buffer.from(b),
      () => null,
    );
    expect(back?.equals(data) ?? false).toBe(false);
  });
});
