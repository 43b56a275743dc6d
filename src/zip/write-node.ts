/**
 * The zip package of the command line's large outputs (the consolidated workbook of `cchc merge`),
 * deflated by Node's own zlib and laid out by fflate: Node only, so never imported by what the
 * pane or the standalone page load (src/xlsx/workbook-writer.ts takes it as an option).
 *
 * Why: the "Truy vết" sheet of a merge is tens of MB of XML (42 MB at 800 units), and fflate's
 * deflate, written in JavaScript, took five to six times as long as zlib's on it (1,3 s against
 * 0,2 s at 800 units, docs/merge.md), most of what writing the workbook cost. fflate stays the one
 * zip library: its streaming `Zip` writes the package, each part handed over already deflated
 * through a `ZipPassThrough` whose `process` is overridden, the extension point fflate documents
 * for a compression of one's own (it computes each part's CRC and size from the data as pushed).
 *
 * What that costs, and how it is kept safe: fflate's streaming `Zip` writes every entry with its
 * sizes after its data (a data descriptor), since a stream's sizes are not known when its header is
 * written. Excel, LibreOffice and fflate's `unzipSync` take the sizes from the central directory;
 * the project's reader (src/zip/archive.ts) locates the entries with fflate's streaming `Unzip`,
 * which ends such an entry where it first finds, in the data, the signature of a data descriptor,
 * a local header or a central directory entry ("PK\x07\x08", "PK\x03\x04", "PK\x01\x02"). A part
 * whose compressed bytes hold one (for deflated data about one chance in a thousand per MB) would
 * be cut short there, and `cchc check` or the next `merge --previous` could not read the file: so
 * every part's bytes are searched for the three signatures, and if any holds one the package is
 * written by `writeZip` instead (fflate's deflate, sizes in every header), as before.
 */
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import { dosRange, writeZip, type PartToWrite } from './write';

/** A part deflated by zlib, handed to fflate's Zip whole (one push, final). */
class ZlibPart extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflated: Uint8Array,
  ) {
    super(filename);
    this.compression = 8;
  }
  protected override process(_chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflated as Uint8Array<ArrayBuffer>, final);
  }
}

/** The signatures fflate's streaming reader takes for the end of an entry written with a data descriptor. */
const SIGNATURES = [Buffer.from([0x50, 0x4b, 0x07, 0x08]), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x01, 0x02])];
const holdsSignature = (data: Uint8Array) => {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return SIGNATURES.some((s) => b.includes(s));
};

/**
 * The package's bytes, as `writeZip` (src/zip/write.ts) takes them: parts in the order given, one
 * modification time; `level` is zlib's, whose level 1 gives parts a little smaller than fflate's.
 * Falls back to `writeZip` when a part's bytes would end early for the project's reader (above).
 */
export function writeZipNative(parts: Iterable<PartToWrite>, options: { level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9; mtime: Date }): Uint8Array {
  const list = [...parts];
  const mtime = dosRange(options.mtime);
  const stored = (p: PartToWrite) => p.stored || p.name.endsWith('/');
  const written = list.map((p) => (stored(p) ? p.data : deflateRawSync(p.data, { level: options.level })));
  if (written.some(holdsSignature)) return writeZip(list, options);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  list.forEach((p, i) => {
    const entry = stored(p) ? new ZipPassThrough(p.name) : new ZlibPart(p.name, written[i]!);
    entry.mtime = mtime;
    zip.add(entry);
    // The source bytes: fflate counts its size and CRC from them.
    entry.push(p.data, true);
  });
  zip.end();
  if (failure) throw failure;
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
