/**
 * Everything done to the .xlsx package (the zip) before its cells are read: recognise what the
 * file is, refuse what would exhaust memory or time, and (for the ExcelJS path) repair what
 * ExcelJS cannot follow; streamPackage hands the same pass to the streaming reader. Works in
 * Node and in the browser (JSZip, @xmldom/xmldom and saxes are plain JavaScript).
 *
 * Limits are measured on what is really read, never on what the file declares: every part is
 * inflated here with a running byte count that stops at the limit (a zip directory can state any
 * size), then every XML part is streamed through saxes, counting elements, cells, rows and depth (a
 * sheet's <dimension> can state any area). Only a package that passed is handed on.
 */
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { newSaxesParser } from '../zip/saxes';
import { inflateCounted, inflateEach } from '../zip/inflate';
import { isUnreadableWorkbookError, UnreadableWorkbookError } from './errors';

/**
 * What the limits allow is what the streaming reader (stream-read.ts) needs, measured with
 * `npm run build:cli && npx tsx scripts/measure-large.ts` (GNU time around `cchc check`, Node 20,
 * the 2-core project machine; docs/reliability.md has the table). Real large files: a hospital's
 * upload of 20 000 inpatient forms (850 000 cells) 167 MB peak; the workbook `cchc merge` writes
 * for 800 units (1 264 000 cells; 45 MB of XML, 87 MB when its trace was inline text) 189 MB. Worst case the limits let through:
 * 1 490 000 cells of distinct texts in 104 MB of XML, 352 MB peak, 6,6 s under load. ExcelJS, which read
 * every file before, needed 1,7 GB of heap for 1 000 000 cells: it held the limit at 500 000
 * cells, 60 MB and 3 000 000 elements. Refusals stay under 600 MB and 30 s.
 */
export const LIMITS = {
  /** Size of the .xlsx file itself. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Bytes of all parts once inflated, counted while inflating. */
  maxUncompressedBytes: 120 * 1024 * 1024,
  /** <c> elements over all sheets, counted while parsing; the 800-unit consolidated workbook has 1 264 000. */
  maxCells: 1_500_000,
  /**
   * Cells of an HTML page or an Excel 2003 XML file (html.ts, spreadsheetml.ts): those are parsed
   * into a whole document tree (parse5, xmldom) before their cells are read, so the streaming
   * reader's measurements do not apply to them; they keep the .xlsx limit of before.
   */
  maxPageCells: 500_000,
  /** XML elements over all parts (cells, shared strings, styles…), counted while parsing. */
  maxElements: 6_000_000,
  /** Nesting of XML elements; SpreadsheetML needs about 10. */
  maxXmlDepth: 100,
  /** Entries in the zip; a workbook made from the template has about 30. */
  maxParts: 5_000,
  /** Rows spanned over all sheets (the last row number of each, summed): two sheets reaching Excel's last row, and more. */
  maxRows: 2_200_000,
  /** Worksheets; the template has five. ExcelJS spends a few milliseconds on each. */
  maxSheets: 1_000,
};

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const N = (n: number) => n.toLocaleString('vi-VN');

/** The refusal of a file larger than the limit: also used by callers that stat a file before reading it. */
export function fileTooLarge(bytes: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    'too_large',
    `Tệp quá lớn (${MB(bytes)}, giới hạn kích thước tệp ${MB(LIMITS.maxFileBytes)}): sổ số liệu CCHC thường chỉ vài trăm KB; hãy xoá các trang tính không cần thiết rồi kiểm tra lại.`,
  );
}

const corruptZip = (detail: unknown) =>
  new UnreadableWorkbookError('corrupt_zip', 'Tệp Excel bị hỏng (không giải nén được): hãy lưu lại tệp từ Excel hoặc lấy bản gốc rồi kiểm tra lại.', String(detail));

const brokenXml = (part: string, detail: unknown) =>
  new UnreadableWorkbookError('parse_failed', `Tệp Excel bị hỏng: phần "${part}" không phải XML hợp lệ. Hãy mở bằng Excel, lưu lại rồi kiểm tra lại.`, String(detail));

export interface PreparedPackage {
  /** Bytes to give ExcelJS: the input itself, or a repaired copy. */
  data: Uint8Array;
  /** The package's parts as read (after repair), for the readers that go to the XML themselves. */
  zip: JSZip;
  /** Parts rewritten so ExcelJS can follow them. */
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

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const TABLE = /^xl\/tables\/[^/]+\.xml$/;
const XML_PART = /(\.xml|\.rels)$/i;
/** Namespaces whose elements ExcelJS matches by their bare names (it ignores namespaces). */
const UNPREFIXED_NS = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/content-types',
]);

/** What the streaming pass learnt about one XML part, for the repairs. */
interface PartScan {
  /** Elements are prefixed in a namespace ExcelJS expects unprefixed (x:worksheet, x:row). */
  prefixed: boolean;
  /** A sheet has a <row> or <c> without its `r` attribute (allowed by the standard). */
  missingRefs: boolean;
  /** The root element's name as written, prefix included. */
  root: string;
}

/**
 * Running totals over the whole package: one budget, however the content is spread over parts.
 * Also the .ods reader's (ods.ts), whose cells repeat by count rather than by element.
 */
export class Budget {
  bytes = 0;
  elements = 0;
  cells = 0;
  rows = 0;

  /** Rows a sheet adds to the grid the reader builds, however few cells they hold. */
  addRows(more: number): void {
    this.rows += more;
    if (this.rows > LIMITS.maxRows) {
      throw new UnreadableWorkbookError(
        'too_many_rows',
        `Các trang tính trải quá nhiều dòng (hơn ${N(LIMITS.maxRows)} dòng cộng lại, giới hạn số dòng ${N(LIMITS.maxRows)}): có ô nằm ở tận cuối trang tính; hãy xoá các dòng thừa ở cuối (Ctrl+End để tìm) rồi kiểm tra lại.`,
      );
    }
  }

  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > LIMITS.maxUncompressedBytes) {
      throw new UnreadableWorkbookError(
        'xml_too_large',
        `Nội dung tệp quá lớn khi giải nén (hơn ${MB(LIMITS.maxUncompressedBytes)}, giới hạn dung lượng giải nén ${MB(LIMITS.maxUncompressedBytes)}): hãy xoá các trang tính hoặc vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
      );
    }
  }

  /** `n` cells at once (an .ods cell repeated n times is n cells of the grid). */
  addCells(n: number): void {
    this.cells += n;
    if (this.cells > LIMITS.maxCells) {
      throw new UnreadableWorkbookError(
        'too_many_cells',
        `Tệp có quá nhiều ô (hơn ${N(LIMITS.maxCells)} ô, giới hạn số ô ${N(LIMITS.maxCells)}): sổ số liệu CCHC chỉ cần vài nghìn ô; hãy xoá các vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
      );
    }
  }

  addElement(depth: number, isCell: boolean): void {
    if (depth > LIMITS.maxXmlDepth) {
      throw new UnreadableWorkbookError(
        'xml_too_deep',
        `Tệp có cấu trúc XML lồng nhau quá sâu (hơn ${N(LIMITS.maxXmlDepth)} tầng, giới hạn độ sâu XML ${N(LIMITS.maxXmlDepth)}): tệp không phải do Excel tạo ra hoặc đã bị sửa; hãy lấy bản gốc rồi kiểm tra lại.`,
      );
    }
    if (++this.elements > LIMITS.maxElements) {
      throw new UnreadableWorkbookError(
        'too_many_elements',
        `Tệp có quá nhiều phần tử XML (hơn ${N(LIMITS.maxElements)}, giới hạn số phần tử ${N(LIMITS.maxElements)}): hãy xoá các vùng dữ liệu, định dạng không cần thiết rồi kiểm tra lại.`,
      );
    }
    if (isCell) this.addCells(1);
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Inflates one part with the running byte count. Stops (pauses the inflater and drops its
 * buffers) as soon as the package's total crosses the limit.
 */
function inflatePart(file: JSZip.JSZipObject, budget: Budget): Promise<Uint8Array> {
  return inflateCounted(file, (n) => budget.addBytes(n), corruptZip);
}

const SCAN_CHUNK = 1 << 20;

/**
 * Streams one XML part through saxes, counting elements, cells, rows and depth against the budget
 * (throws at the first limit crossed), and noting what the repairs need to know. saxes is the
 * parser ExcelJS itself uses, so it accepts what ExcelJS accepted; it is 2,5 times faster than
 * sax on a sheet of 850 000 cells (0,4 s against 1 s), and this pass now builds the model too.
 */
function scanPart(bytes: Uint8Array, name: string, budget: Budget, listener?: PartListener): PartScan {
  const scanner = partScanner(name, budget, listener);
  for (let at = 0; at < bytes.length; at += SCAN_CHUNK) scanner.write(bytes.subarray(at, at + SCAN_CHUNK));
  return scanner.end();
}

/** scanPart fed chunk by chunk, for a part parsed as it is inflated. */
function partScanner(name: string, budget: Budget, listener?: PartListener): { write(bytes: Uint8Array): void; end(): PartScan } {
  const scan: PartScan = { prefixed: false, missingRefs: false, root: '' };
  const parser = newSaxesParser();
  const decoder = new TextDecoder();
  const isSheet = SHEET.test(name);
  let depth = 0;
  let lastRow = 0;
  /** Prefixes the root binds to a namespace ExcelJS expects unprefixed. */
  const mainPrefixes = new Set<string>();
  parser.on('opentag', (tag) => {
    depth++;
    const local = localName(tag.name);
    const attributes = tag.attributes;
    budget.addElement(depth, isSheet && local === 'c');
    if (depth === 1) {
      scan.root = tag.name;
      for (const [k, v] of Object.entries(attributes)) if (k.startsWith('xmlns:') && UNPREFIXED_NS.has(String(v))) mainPrefixes.add(k.slice(6));
    }
    if (mainPrefixes.size && tag.name.includes(':') && mainPrefixes.has(tag.name.slice(0, tag.name.indexOf(':')))) scan.prefixed = true;
    if (isSheet && local === 'row') {
      const r = Number(attributes.r);
      // A row without `r` is the one after the previous (see numberRowsAndCells).
      const row = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
      // Not capped at Excel's last row: a row numbered 999 999 999 is a grid that long to the reader.
      if (row > lastRow) {
        budget.addRows(row - lastRow);
        lastRow = row;
      }
    }
    if (isSheet && (local === 'row' || local === 'c') && !('r' in attributes)) scan.missingRefs = true;
    listener?.open(local, attributes);
  });
  parser.on('closetag', (tag) => {
    depth--;
    listener?.close(localName(tag.name));
  });
  if (listener) {
    parser.on('text', (t) => listener.text(t));
    parser.on('cdata', (t) => listener.text(t));
  }
  parser.on('error', (e) => {
    throw brokenXml(name, e);
  });
  return {
    write: (bytes) => void parser.write(decoder.decode(bytes, { stream: true })),
    end: () => {
      parser.write(decoder.decode()).close();
      return scan;
    },
  };
}

/**
 * What a streaming reader (stream-read.ts) hears of one XML part during the limit-counting sax
 * pass: element local names (prefix dropped) with their attributes as written, and text.
 */
export interface PartListener {
  open(local: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(local: string): void;
}

interface OpenedPackage {
  bytes: Uint8Array;
  budget: Budget;
  parts: Map<string, { file: JSZip.JSZipObject; bytes: Uint8Array; scan: PartScan | null }>;
}

export async function preparePackage(input: Uint8Array | ArrayBuffer): Promise<PreparedPackage> {
  const { bytes, budget, parts } = await openPackage(input);
  const partName = (f: JSZip.JSZipObject) => f.name.replace(/^\//, '');
  for (const [name, p] of parts) if (XML_PART.test(name)) p.scan = scanPart(p.bytes, partName(p.file), budget);

  // Every read below is of bytes already inflated and counted: nothing more is inflated.
  const out = new JSZip();
  for (const [name, p] of parts) out.file(name, p.bytes, { date: p.file.date, createFolders: false });
  const repaired = await repair(out, parts);
  const data = repaired.length ? await out.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
  return { data, zip: out, repaired };
}

/**
 * The same checks, inflation and counting pass as preparePackage, with `listen(part)` hearing
 * every XML part it asks for, in an order where worksheets come last (so the workbook, its
 * relationships, the shared strings and the styles are known before any cell). Nothing is
 * repaired or re-zipped: a listener reads SpreadsheetML as the standard writes it. Each part's
 * inflated bytes are let go once heard, so the model a listener builds grows as they are freed.
 */
export async function streamPackage(input: Uint8Array | ArrayBuffer, listen: (part: string) => PartListener | undefined): Promise<void> {
  const bare = (n: string) => n.replace(/^\//, '');
  const isSheet = (n: string) => SHEET.test(bare(n));
  // Everything but the worksheets is inflated (and counted) first, as preparePackage does; each
  // worksheet is then parsed while it inflates, so its XML is never held whole.
  const { budget, parts } = await openPackage(input, (n) => !isSheet(n));
  for (const [name, p] of parts) {
    if (!XML_PART.test(name) || isSheet(name)) continue;
    scanPart(p.bytes, bare(name), budget, listen(bare(name)));
    p.bytes = new Uint8Array(0);
  }
  for (const [name, p] of parts) {
    if (!isSheet(name)) continue;
    const scanner = partScanner(bare(name), budget, listen(bare(name)));
    // A part that is not XML (a zip bomb of zeros, say) fails the parser at once; the inflating
    // goes on, counting, so that a part too large is still refused as too large, as when every
    // part was inflated before any was parsed.
    let broken: unknown = null;
    await inflateEach(p.file, (n) => budget.addBytes(n), corruptZip, (chunk) => {
      if (broken) return;
      try {
        scanner.write(chunk);
      } catch (e) {
        if (!isUnreadableWorkbookError(e) || e.reason !== 'parse_failed') throw e;
        broken = e;
      }
    });
    if (broken) throw broken;
    scanner.end();
  }
}

/** Checks the package and inflates its parts, counted; `inflateNow` false leaves a part to its reader. */
async function openPackage(input: Uint8Array | ArrayBuffer, inflateNow: (name: string) => boolean = () => true): Promise<OpenedPackage> {
  const bytes = toBytes(input);
  if (bytes.length === 0) throw new UnreadableWorkbookError('empty', 'Tệp rỗng (0 byte): hãy chọn đúng tệp Excel (.xlsx) đã lưu.');
  if (bytes.length > LIMITS.maxFileBytes) throw fileTooLarge(bytes.length);
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
    throw corruptZip(e);
  }

  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > LIMITS.maxParts) {
    throw new UnreadableWorkbookError(
      'too_many_parts',
      `Tệp có quá nhiều phần (${N(entries.length)}, giới hạn số phần trong gói ${N(LIMITS.maxParts)}): tệp không phải sổ số liệu Excel thông thường; hãy lấy bản gốc rồi kiểm tra lại.`,
    );
  }
  const partName = (f: JSZip.JSZipObject) => f.name.replace(/^\//, '');
  const sheetCount = entries.filter((f) => SHEET.test(partName(f))).length;
  if (sheetCount > LIMITS.maxSheets) {
    throw new UnreadableWorkbookError(
      'too_many_parts',
      `Tệp có quá nhiều trang tính (${N(sheetCount)}, giới hạn số trang tính ${N(LIMITS.maxSheets)}): hãy xoá các trang tính không cần thiết rồi kiểm tra lại.`,
    );
  }
  const has = (p: string) => entries.some((f) => partName(f) === p);
  if (!has('xl/workbook.xml')) {
    const what = has('word/document.xml') ? 'là văn bản Word (.docx)' : has('ppt/presentation.xml') ? 'là bản trình chiếu PowerPoint' : 'không phải bảng tính Excel (.xlsx)';
    throw new UnreadableWorkbookError('not_xlsx', `Tệp ${what}, không phải sổ số liệu Excel: hãy chọn tệp .xlsx.`);
  }

  // Inflating first (fast) refuses a zip bomb before any XML is parsed; the parse then runs over
  // bytes already counted.
  const budget = new Budget();
  const parts: OpenedPackage['parts'] = new Map();
  for (const f of entries) parts.set(f.name, { file: f, bytes: inflateNow(f.name) ? await inflatePart(f, budget) : new Uint8Array(0), scan: null });
  return { bytes, budget, parts };
}

/** Repairs, each for a kind of valid file ExcelJS 4.4 refuses or misreads; returns the parts rewritten. */
async function repair(zip: JSZip, parts: Map<string, { scan: PartScan | null }>): Promise<string[]> {
  const changed = new Set<string>();
  const edit = async (name: string, fix: (doc: Document, part: string) => boolean) => {
    const f = zip.file(name);
    if (!f) return;
    const doc = parseXml(await f.async('string'));
    if (!doc.documentElement || !fix(doc, name)) return;
    zip.file(name, new XMLSerializer().serializeToString(doc as unknown as Node));
    changed.add(name);
  };
  for (const [name, p] of parts) {
    const bare = name.replace(/^\//, '');
    if (p.scan?.prefixed) await edit(name, unprefix);
    if (p.scan?.missingRefs) await edit(name, numberRowsAndCells);
    if (TABLE.test(bare)) await edit(name, simplifyTable);
    if (RELS.test(name)) await edit(name, relativizeTargets);
    // Document properties are not read; ExcelJS only understands them with the usual prefixes
    // (cp:, dc:) and stops on a core.xml written with default namespaces: such parts are dropped.
    if (/^docProps\/(core|app)\.xml$/.test(bare) && p.scan?.root !== (bare === 'docProps/core.xml' ? 'cp:coreProperties' : 'Properties')) {
      zip.remove(name);
      changed.add(name);
    }
  }
  return [...changed];
}

function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

function elements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function descendants(doc: Document, local: string): Element[] {
  return Array.from(doc.getElementsByTagName('*') as ArrayLike<Element>).filter((e) => (e.localName ?? localName(e.nodeName)) === local);
}

/**
 * .NET exporters and the Open XML SDK write `<x:worksheet xmlns:x="…/main"><x:sheetData>…`.
 * ExcelJS matches bare names, so the elements of the namespaces it expects are moved to the
 * default namespace. xmldom has no rename: its nodes keep the name in plain fields that the
 * serializer reads, and it declares the default namespace where the element needs it.
 */
function unprefix(doc: Document): boolean {
  let dirty = false;
  const all = [doc.documentElement!, ...Array.from(doc.documentElement!.getElementsByTagName('*') as ArrayLike<Element>)];
  for (const el of all) {
    if (!el.prefix || !UNPREFIXED_NS.has(el.namespaceURI ?? '')) continue;
    const node = el as unknown as { prefix: string | null; tagName: string; nodeName: string };
    node.prefix = null;
    node.tagName = node.nodeName = el.localName!;
    dirty = true;
  }
  const root = doc.documentElement!;
  if (dirty && !root.getAttribute('xmlns')) root.setAttribute('xmlns', root.namespaceURI ?? '');
  return dirty;
}

const colName = (n: number) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The standard lets a row omit `r` (it is the row after the previous one) and a cell too (the
 * column after the previous cell). ExcelJS needs both, so they are written in.
 */
function numberRowsAndCells(doc: Document): boolean {
  let dirty = false;
  let rowNo = 0;
  for (const row of descendants(doc, 'row')) {
    const r = Number(row.getAttribute('r'));
    if (Number.isInteger(r) && r > 0) rowNo = r;
    else {
      rowNo++;
      row.setAttribute('r', String(rowNo));
      dirty = true;
    }
    let col = 0;
    for (const c of elements(row).filter((e) => (e.localName ?? localName(e.nodeName)) === 'c')) {
      const m = /^([A-Z]{1,3})(\d+)$/.exec(c.getAttribute('r') ?? '');
      if (m) col = colNumber(m[1]!);
      else {
        col++;
        c.setAttribute('r', `${colName(col)}${rowNo}`);
        dirty = true;
      }
    }
  }
  return dirty;
}

/**
 * ExcelJS 4.4 reads a <tableColumn> as a leaf: a child (calculatedColumnFormula, totalsRowFormula,
 * what Excel writes for calculated columns and custom totals) ends the column early, the columns
 * come out short and the filter row then throws ("Cannot set properties of undefined (setting
 * 'filterButton')"). It also throws on filters it does not know (iconFilter, colorFilter,
 * dynamicFilter, top10) and on a sortState. The checker reads none of these (the table's flags are
 * read from the XML itself, read.ts), so they are dropped from the copy ExcelJS parses.
 */
function simplifyTable(doc: Document): boolean {
  let dirty = false;
  const drop = (e: Element) => {
    e.parentNode?.removeChild(e);
    dirty = true;
  };
  for (const col of descendants(doc, 'tableColumn')) elements(col).forEach(drop);
  for (const af of descendants(doc, 'autoFilter')) {
    for (const child of elements(af)) {
      if ((child.localName ?? localName(child.nodeName)) !== 'filterColumn') drop(child);
      else elements(child).forEach(drop);
    }
  }
  return dirty;
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
 * tables. Rewrites such targets to relative ones.
 */
function relativizeTargets(doc: Document, part: string): boolean {
  // "xl/worksheets/_rels/sheet1.xml.rels" describes "xl/worksheets/sheet1.xml": targets start at "xl/worksheets".
  const sourceDir = part.replace(/^\//, '').replace(/_rels\/[^/]*$/, '').replace(/\/$/, '');
  let dirty = false;
  for (const rel of descendants(doc, 'Relationship')) {
    const target = rel.getAttribute('Target') ?? '';
    if (rel.getAttribute('TargetMode') === 'External' || !target.startsWith('/')) continue;
    rel.setAttribute('Target', relativePath(sourceDir, target));
    dirty = true;
  }
  return dirty;
}
