/**
 * Zip packages (.xlsx, .ods, .docx) opened with fflate, the project's one zip library, without
 * inflating anything: each entry's compressed bytes are located, and a reader then inflates only
 * the parts it needs (src/zip/inflate.ts), counting what really comes out.
 *
 * fflate's whole-archive readers (unzipSync, unzip) inflate every part into a buffer of the size
 * the zip directory declares, and keep inflating past it: a part that declares 1 KB and holds 20
 * GB would cost the time of 20 GB. So the directory is only listed here (unzipSync with a filter
 * that takes nothing), and the compressed bytes are taken from fflate's streaming reader (Unzip)
 * with a decoder that hands them on as they are, for src/zip/inflate.ts to inflate in small steps
 * against the reader's own limits. The sizes either one declares are never trusted. (An entry whose
 * sizes follow its data, in a data descriptor, is ended by fflate's stream reader where the next
 * record's signature appears.)
 */
import { Unzip, unzipSync, type UnzipDecoder, type AsyncFlateStreamHandler } from 'fflate';

/** One file of the package. Folder entries ("word/") are not listed. */
export interface ZipEntry {
  /** The name as the directory gives it, e.g. "word/document.xml" (a leading "/" kept as written). */
  readonly name: string;
  /** 0 stored, 8 deflated: the two methods Office, LibreOffice and every zip writer the officers meet use. */
  readonly compression: number;
  /**
   * What the directory says the entry inflates to: only a guess at the size of a buffer
   * (src/zip/inflate.ts), never a limit nor a reason to refuse.
   */
  readonly declaredSize: number;
  /** The entry's compressed bytes, in pieces (views into the file, not copies, where fflate allows). */
  readonly raw: readonly Uint8Array[];
}

export interface ZipArchive {
  /** The package's files in the directory's order (a name written twice counts once, its last entry). */
  readonly entries: readonly ZipEntry[];
  entry(name: string): ZipEntry | undefined;
}

/**
 * Why a package could not be opened. `corrupt`: not a zip fflate can read (`detail` keeps fflate's
 * English for logs); `too_many_entries`: more entries than the caller allows, told from the
 * directory before any entry is located.
 */
export class ZipOpenError extends Error {
  override readonly name = 'ZipOpenError';
  constructor(
    readonly kind: 'corrupt' | 'too_many_entries',
    readonly detail: string,
    readonly entries = 0,
  ) {
    super(detail);
  }
}

/** How much of the file is handed to fflate's stream reader at a time. */
const STEP = 1 << 16;

/**
 * Lists the package's directory and locates each entry's compressed bytes. Throws ZipOpenError:
 * `too_many_entries` past `maxEntries` (counted in the directory, before any entry is located),
 * `corrupt` for anything fflate cannot read, an entry compressed by a method other than stored or
 * deflated, or an entry the directory lists that the file does not hold.
 */
export function openZip(bytes: Uint8Array, maxEntries = Infinity): ZipArchive {
  const directory = new Map<string, { compression: number; declaredSize: number }>();
  let count = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (!f.name.endsWith('/')) {
          count++;
          directory.delete(f.name);
          directory.set(f.name, { compression: f.compression, declaredSize: f.originalSize });
        }
        return false;
      },
    });
  } catch (e) {
    throw new ZipOpenError('corrupt', String(e));
  }
  if (count > maxEntries) throw new ZipOpenError('too_many_entries', `${count} entries`, count);
  for (const [name, d] of directory) {
    if (d.compression !== 0 && d.compression !== 8) throw new ZipOpenError('corrupt', `${name}: compression method ${d.compression}`);
  }

  const raw = new Map<string, Uint8Array[]>();
  const stream = new Unzip((file) => {
    // A local entry the directory does not list (an older copy left by an update) is passed over.
    const pieces: Uint8Array[] | null = directory.has(file.name) ? [] : null;
    if (pieces) raw.set(file.name, pieces);
    let failure: unknown = null;
    file.ondata = (err, data) => {
      if (err) failure ??= err;
      else if (pieces && data.length) pieces.push(data);
    };
    file.start();
    if (failure) throw failure;
  });
  stream.register(RawDeflate);
  try {
    for (let at = 0; at < bytes.length; at += STEP) stream.push(bytes.subarray(at, Math.min(bytes.length, at + STEP)), at + STEP >= bytes.length);
  } catch (e) {
    throw new ZipOpenError('corrupt', String(e));
  }

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  for (const [name, d] of directory) {
    const pieces = raw.get(name);
    if (!pieces) throw new ZipOpenError('corrupt', `${name}: listed in the directory, not found in the file`);
    const entry: ZipEntry = { name, compression: d.compression, declaredSize: d.declaredSize, raw: pieces };
    entries.push(entry);
    byName.set(name, entry);
  }
  return { entries, entry: (name) => byName.get(name) };
}

/**
 * fflate's stream reader inflates deflated entries with the decoder registered for method 8; this
 * one hands the compressed bytes on untouched (as UnzipPassThrough does for stored entries), so
 * that nothing is inflated before a reader asks for it, and then within its limits. Stored entries
 * keep fflate's own pass-through decoder.
 */
class RawDeflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  push(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}
