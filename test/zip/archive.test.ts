/**
 * src/zip/archive.ts and src/zip/inflate.ts on their own: zips written by JSZip (a different
 * library from the one read with) and by hand (test/helpers/hostile.ts, for directories that lie),
 * read back to the bytes that went in, whatever sizes the directory declares; the inflater
 * stopped by its reader's count; the entries counted before anything is located.
 */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { openZip, ZipOpenError } from '../../src/zip/archive';
import { inflateCounted, inflateEach } from '../../src/zip/inflate';
import { writeRawZip } from '../helpers/hostile';

/** `n` bytes of XML-like text that deflate well but not trivially (a counter in every line). */
function text(n: number): Buffer {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `<row r="${i}"><c><v>${(i * 7919) % 1000}</v></c></row>`;
  return Buffer.from(s.slice(0, n));
}

const never = () => new Error('not corrupt');
const read = (bytes: Uint8Array, name: string) => inflateCounted(openZip(bytes).entry(name)!, () => {}, never, 120 * 2 ** 20);

describe('openZip + inflateCounted read back what was written', () => {
  test('JSZip with data descriptors (sizes after the data), stored and deflated entries', async () => {
    const z = new JSZip();
    const big = text(300_000);
    z.file('a.xml', big);
    z.file('b.bin', Buffer.alloc(5000, 7), { compression: 'STORE' });
    z.file('c/d.xml', '<d/>');
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE', streamFiles: true });
    const archive = openZip(bytes);
    // JSZip adds a folder entry "c/" of its own; folders are not listed.
    expect(archive.entries.map((e) => [e.name, e.compression])).toEqual([
      ['a.xml', 8],
      ['b.bin', 0],
      ['c/d.xml', 8],
    ]);
    expect(Buffer.from(await read(bytes, 'a.xml')).equals(big)).toBe(true);
    expect(Buffer.from(await read(bytes, 'b.bin')).equals(Buffer.alloc(5000, 7))).toBe(true);
    expect(Buffer.from(await read(bytes, 'c/d.xml')).toString()).toBe('<d/>');
  });

  test.each([
    ['fewer bytes than it holds', 10],
    ['no bytes at all', 0],
    ['four gigabytes', 2 ** 32 - 1],
  ])('a part whose directory declares %s is read whole, small or large', async (_label, declared) => {
    const small = text(3000);
    const large = text(2_000_000);
    const bytes = new Uint8Array(
      writeRawZip([
        { name: 'small.xml', deflated: deflateRawSync(small), declaredSize: declared, crc: 0 },
        { name: 'large.xml', deflated: deflateRawSync(large), declaredSize: declared, crc: 0 },
      ]),
    );
    expect(Buffer.from(await read(bytes, 'small.xml')).equals(small)).toBe(true);
    expect(Buffer.from(await read(bytes, 'large.xml')).equals(large)).toBe(true);
    const chunks: Buffer[] = [];
    await inflateEach(openZip(bytes).entry('large.xml')!, () => {}, never, (c) => chunks.push(Buffer.from(c)));
    expect(Buffer.concat(chunks).equals(large)).toBe(true);
  });

  test('the count sees every byte that comes out, and its error stops inflating', async () => {
    const big = text(2_000_000);
    const bytes = await new JSZip().file('a.xml', big).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    let seen = 0;
    await inflateEach(openZip(bytes).entry('a.xml')!, (n) => (seen += n), never, () => {});
    expect(seen).toBe(big.length);
    const stop = new Error('giới hạn');
    let counted = 0;
    const e = await inflateCounted(
      openZip(bytes).entry('a.xml')!,
      (n) => {
        counted += n;
        if (counted > 100_000) throw stop;
      },
      never,
    ).catch((x: unknown) => x);
    expect(e).toBe(stop);
    expect(counted).toBeLessThan(big.length);
  });

  test.each([
    ['large', 2_000_000],
    ['small (inflated in one call)', 3000],
  ])('a %s deflated part cut short is corrupt, in the reader\'s own words', async (_label, size) => {
    const whole = text(size);
    const deflated = deflateRawSync(whole);
    const bytes = new Uint8Array(writeRawZip([{ name: 'a.xml', deflated: deflated.subarray(0, deflated.length >> 1), declaredSize: whole.length, crc: 0 }]));
    const corrupt = new Error('hỏng');
    await expect(inflateCounted(openZip(bytes).entry('a.xml')!, () => {}, () => corrupt, 120 * 2 ** 20)).rejects.toBe(corrupt);
    await expect(inflateEach(openZip(bytes).entry('a.xml')!, () => {}, () => corrupt, () => {})).rejects.toBe(corrupt);
  });
});

describe('openZip refuses', () => {
  test('more entries than allowed, counting them all, before locating any', () => {
    const bytes = new Uint8Array(writeRawZip(Array.from({ length: 12 }, (_, i) => ({ name: `p${i}.xml`, deflated: Buffer.from([3, 0]), declaredSize: 0, crc: 0 }))));
    const e = (() => {
      try {
        openZip(bytes, 10);
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ZipOpenError);
    expect([(e as ZipOpenError).kind, (e as ZipOpenError).entries]).toEqual(['too_many_entries', 12]);
    expect(openZip(bytes, 12).entries).toHaveLength(12);
  });

  test('bytes that are no zip, and a zip cut before its directory', async () => {
    const kind = (bytes: Uint8Array) => {
      try {
        openZip(bytes);
      } catch (x) {
        return (x as ZipOpenError).kind;
      }
      return 'opened';
    };
    expect(kind(new TextEncoder().encode('PK không phải zip'))).toBe('corrupt');
    const whole = await new JSZip().file('a.xml', text(10_000)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(kind(whole.subarray(0, whole.length - 30))).toBe('corrupt');
    expect(kind(whole)).toBe('opened');
  });
});
