/**
 * Writing a zip package with fflate (the .docx filler's output, the consolidated workbook's added
 * sheets). Parts are written in the order given (fflate takes them as an object's keys, so a name
 * that is a bare integer would come first; package parts always have a path or an extension), with
 * no folder entries ("word/") that the source never had, each deflated unless it asks to be
 * stored, all with one modification time.
 */
import { zipSync, type Zippable } from 'fflate';

export interface PartToWrite {
  name: string;
  data: Uint8Array;
  /** Written as it is (method 0): a part the source stored, such as a picture that deflate cannot shrink. */
  stored?: boolean;
}

/**
 * The package's bytes. `level` is deflate's (1 fastest … 9 smallest); `mtime` is every entry's
 * time, so that the same parts give the same bytes. A zip entry holds a date from 1980 to 2099 in
 * the local time zone (fflate refuses others): a time outside is written as the nearest end.
 */
export function writeZip(parts: Iterable<PartToWrite>, options: { level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9; mtime: Date }): Uint8Array {
  const mtime = dosRange(options.mtime);
  const files: Zippable = {};
  for (const p of parts) {
    // fflate tells a file from a folder of files by `instanceof Uint8Array`, which a typed array of
    // another realm (a Buffer under jest, an iframe's array) fails: such bytes are viewed anew here.
    const bytes: ArrayBufferView = p.data;
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A folder entry ("xl/", which ExcelJS writes) is an empty name ending in "/", stored as zip writers store it.
    files[p.name] = [data, p.stored || p.name.endsWith('/') ? { level: 0 } : {}];
  }
  return zipSync(files, { level: options.level, mtime });
}

/** A zip entry's time: 1980 to 2099 (fflate refuses others), the nearest end for a time outside. */
export function dosRange(d: Date): Date {
  const first = new Date(1980, 0, 1, 0, 0, 0);
  const last = new Date(2099, 11, 31, 23, 59, 58);
  if (Number.isNaN(d.getTime()) || d < first) return first;
  return d > last ? last : d;
}
