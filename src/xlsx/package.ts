/**
 * Everything done to the .xlsx package (the zip) before ExcelJS sees it: recognise what the file
 * is, refuse what would exhaust memory, and repair what ExcelJS cannot follow. Works in Node and in
 * the browser (JSZip, @xmldom/xmldom and sax are plain JavaScript).
 */
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import sax from 'sax';
import { UnreadableWorkbookError } from './errors';

/**
 * Limits checked before parsing. Measured in this project (Node 20, ExcelJS 4.4): a sheet of
 * 1 000 000 numeric cells is 36 MB of XML and takes about 4,8 s and 1,7 GB of heap to load; 200 000
 * cells take 1,1 s. 500 000 cells (about 2,5 s) is far above any CCHC workbook (a few thousand
 * cells) and still answers in reasonable time.
 */
export const LIMITS = {
  /** Size of the .xlsx file itself. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Sum of the uncompressed sizes of all parts, as the zip directory declares them. */
  maxUncompressedBytes: 60 * 1024 * 1024,
  /** Cells over all sheets (from each sheet's <dimension>, or counted when it is absent). */
  maxCells: 500_000,
};

/** A cell takes at least this many bytes of sheet XML (`<c r="A1"/>`), which bounds the count cheaply. */
const MIN_BYTES_PER_CELL = 10;

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

interface JSZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', cb: (e: Error) => void): JSZipStream;
  on(event: 'end', cb: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

interface ZipEntryInternals {
  _data?: { uncompressedSize?: number };
}

export interface PreparedPackage {
  /** Bytes to give ExcelJS: the input itself, or a repaired copy. */
  data: Uint8Array;
  zip: JSZip;
  /** Parts whose relationship targets were rewritten from absolute to relative. */
  repaired: string[];
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** True when the UTF-16LE form of `text` occurs in `bytes` (names of streams in an OLE file). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pat = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

export async function preparePackage(input: Uint8Array | ArrayBuffer): Promise<PreparedPackage> {
  const bytes = toBytes(input);
  if (bytes.length === 0) throw new UnreadableWorkbookError('empty', 'Tệp rỗng (0 byte): hãy chọn đúng tệp Excel (.xlsx) đã lưu.');
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new UnreadableWorkbookError(
      'too_large',
      `Tệp quá lớn (${MB(bytes.length)}, giới hạn ${MB(LIMITS.maxFileBytes)}): sổ số liệu CCHC thường chỉ vài trăm KB; hãy xoá các trang tính không cần thiết rồi kiểm tra lại.`,
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      throw new UnreadableWorkbookError('encrypted', 'Tệp được mã hoá bằng mật khẩu: hãy mở bằng Excel, gỡ mật khẩu rồi kiểm tra lại.');
    }
    throw new UnreadableWorkbookError('legacy_xls', 'Tệp ở định dạng Excel 97-2003 (.xls): hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi kiểm tra lại.');
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    throw new UnreadableWorkbookError('not_zip', 'Tệp không phải bảng tính Excel (.xlsx): hãy chọn tệp .xlsx được lưu từ Excel hoặc LibreOffice.');
  }

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new UnreadableWorkbookError('corrupt_zip', 'Tệp Excel bị hỏng (không giải nén được): hãy lưu lại tệp từ Excel hoặc lấy bản gốc rồi kiểm tra lại.', String(e));
  }

  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const has = (p: string) => zip.file(p) !== null || zip.file(`/${p}`) !== null;
  if (!has('xl/workbook.xml')) {
    const what = has('word/document.xml') ? 'là văn bản Word (.docx)' : has('ppt/presentation.xml') ? 'là bản trình chiếu PowerPoint' : 'không phải bảng tính Excel (.xlsx)';
    throw new UnreadableWorkbookError('not_xlsx', `Tệp ${what}, không phải sổ số liệu Excel: hãy chọn tệp .xlsx.`);
  }

  const sizeOf = (f: JSZip.JSZipObject) => (f as unknown as ZipEntryInternals)._data?.uncompressedSize ?? 0;
  const total = entries.reduce((s, f) => s + sizeOf(f), 0);
  if (total > LIMITS.maxUncompressedBytes) {
    throw new UnreadableWorkbookError(
      'xml_too_large',
      `Nội dung tệp quá lớn khi giải nén (${MB(total)}, giới hạn ${MB(LIMITS.maxUncompressedBytes)}): hãy xoá các trang tính hoặc vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
    );
  }

  const sheets = entries.filter((f) => /^\/?xl\/worksheets\/[^/]+\.xml$/.test(f.name));
  const upperBound = sheets.reduce((s, f) => s + Math.floor(sizeOf(f) / MIN_BYTES_PER_CELL), 0);
  if (upperBound > LIMITS.maxCells) {
    let cells = 0;
    for (const f of sheets) cells += await countCells(f, LIMITS.maxCells - cells + 1);
    if (cells > LIMITS.maxCells) {
      throw new UnreadableWorkbookError(
        'too_many_cells',
        `Tệp có quá nhiều ô (hơn ${LIMITS.maxCells.toLocaleString('vi-VN')} ô): sổ số liệu CCHC chỉ cần vài nghìn ô; hãy xoá các vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
      );
    }
  }

  const repaired = await relativizeTargets(zip);
  const data = repaired.length ? await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
  return { data, zip, repaired };
}

/**
 * Cells of one sheet: the area of its <dimension> when it has one, otherwise its <c> elements
 * counted up to `stopAfter`. The sheet is streamed, so only its head is inflated in the usual case.
 */
function countCells(file: JSZip.JSZipObject, stopAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // internalStream is JSZip's public streaming API, missing from its typings.
    const stream = (file as unknown as { internalStream(t: 'uint8array'): JSZipStream }).internalStream('uint8array');
    const decoder = new TextDecoder();
    const parser = sax.parser(true);
    let cells = 0;
    let done = false;
    const finish = (n: number) => {
      if (done) return;
      done = true;
      stream.pause();
      resolve(n);
    };
    parser.onopentag = (tag) => {
      const local = tag.name.replace(/^.*:/, '');
      if (local === 'dimension') {
        const ref = String(tag.attributes.ref ?? '');
        const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
        if (m) {
          const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          const rows = m[3] ? Number(m[4]) - Number(m[2]) + 1 : 1;
          const cols = m[3] ? col(m[3]) - col(m[1]!) + 1 : 1;
          // A stray note far away makes the area huge while the sheet holds few cells: bound it by size.
          const bySize = Math.floor(((file as unknown as ZipEntryInternals)._data?.uncompressedSize ?? 0) / MIN_BYTES_PER_CELL);
          finish(Math.min(rows * cols, bySize));
        }
      } else if (local === 'c') {
        cells++;
        if (cells >= stopAfter) finish(cells);
      }
    };
    parser.onerror = (e) => {
      if (!done) {
        done = true;
        reject(new UnreadableWorkbookError('parse_failed', 'Tệp Excel bị hỏng: một trang tính không đọc được. Hãy mở bằng Excel, lưu lại rồi kiểm tra lại.', String(e)));
      }
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        try {
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch {
          /* reported through parser.on('error') */
        }
      })
      .on('error', (e: Error) => {
        if (!done) {
          done = true;
          reject(new UnreadableWorkbookError('corrupt_zip', 'Tệp Excel bị hỏng (không giải nén được): hãy lưu lại tệp từ Excel rồi kiểm tra lại.', String(e)));
        }
      })
      .on('end', () => finish(cells))
      .resume();
  });
}

const RELS = /^\/?(?:.*\/)?_rels\/[^/]*\.rels$/;

/** Path of `target` (absolute, "/xl/x.xml") relative to the folder `fromDir` ("xl/worksheets"). */
export function relativePath(fromDir: string, target: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const to = target.split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}

/**
 * ExcelJS joins relationship targets to the source folder as plain strings, so packages that use
 * absolute part names (openpyxl writes Target="/xl/worksheets/sheet1.xml") lose their sheets and
 * tables. Rewrites such targets to relative ones; returns the rewritten .rels parts.
 */
async function relativizeTargets(zip: JSZip): Promise<string[]> {
  const changed: string[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir || !RELS.test(file.name)) continue;
    const xml = await file.async('string');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    // "xl/worksheets/_rels/sheet1.xml.rels" describes "xl/worksheets/sheet1.xml": targets start at "xl/worksheets".
    const sourceDir = file.name.replace(/^\//, '').replace(/_rels\/[^/]*$/, '').replace(/\/$/, '');
    let dirty = false;
    const rels = doc.getElementsByTagName('Relationship');
    for (let i = 0; i < rels.length; i++) {
      const rel = rels.item(i)!;
      const target = rel.getAttribute('Target') ?? '';
      if (rel.getAttribute('TargetMode') === 'External' || !target.startsWith('/')) continue;
      rel.setAttribute('Target', relativePath(sourceDir, target));
      dirty = true;
    }
    if (dirty) {
      zip.file(file.name, new XMLSerializer().serializeToString(doc));
      changed.push(file.name);
    }
  }
  return changed;
}
