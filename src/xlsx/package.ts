/**
 * Everything done to the .xlsx package (the zip) before its cells are read: recognise what the
 * file is and refuse what would exhaust memory or time; streamPackage hands the same pass to the
 * streaming reader (stream-read.ts). Works in Node and in the browser (fflate and saxes are plain
 * JavaScript). The repairs the former ExcelJS path needed live with that path, in the tests
 * (test/support/exceljs-repairs.ts).
 *
 * Limits are measured on what is really read, never on what the file declares: every part is
 * inflated here with a running byte count that stops at the limit (a zip directory can state any
 * size), then every XML part is streamed through saxes, counting elements, cells, rows and depth (a
 * sheet's <dimension> can state any area). Only a package that passed is handed on.
 */
import { newSaxesParser } from '../zip/saxes';
import { openZip, ZipOpenError, type ZipArchive, type ZipEntry } from '../zip/archive';
import { inflateCounted, inflateEach } from '../zip/inflate';
import { isUnreadableWorkbookError, refuse, type UnreadableWorkbookError } from './errors';

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
   * Cells of an HTML page or an Excel 2003 XML file (html.ts, spreadsheetml.ts). A page is parsed
   * into a whole document tree (parse5) before its cells are read, so the streaming reader's
   * measurements do not apply to it; it keeps the .xlsx limit of before. The Excel 2003 XML reader
   * streams through saxes now (elements and depth counted as here) but keeps the limit it had when
   * it built a whole DOM: its files are one-stop exports of a few thousand cells, and it was not
   * measured again.
   */
  maxPageCells: 500_000,
  /**
   * Elements, text runs and comments of an HTML page, counted as parse5 adds each to the page's
   * tree (html.ts). A tree node costs about 200 bytes in parse5's document: 24 MB of small
   * elements made 3,4 million of them and peaked at 774 MB before this limit. A page at the cell
   * limit (500 000 cells in 50 000 rows) has about 1 050 000.
   */
  maxPageNodes: 1_500_000,
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


/** The refusal of a file larger than the limit: also used by callers that stat a file before reading it. */
export function fileTooLarge(bytes: number): UnreadableWorkbookError {
  return refuse('too_large', { bytes, limit: LIMITS.maxFileBytes });
}

const corruptZip = (detail: unknown) => refuse('corrupt_zip', {}, String(detail));

const brokenXml = (part: string, detail: unknown) => refuse('part_not_xml', { part }, String(detail));

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
const XML_PART = /(\.xml|\.rels)$/i;

/**
 * Running totals over the whole package: one budget, however the content is spread over parts.
 * Also the .ods reader's (ods.ts), whose cells repeat by count rather than by element.
 */
export class Budget {
  bytes = 0;
  elements = 0;
  cells = 0;
  rows = 0;

  /**
   * `html`: an HTML page's tree (html.ts), whose nodes are counted against `maxPageNodes` and
   * refused in the words of a page rather than of XML.
   */
  constructor(private readonly kind: 'xml' | 'html' = 'xml') {}

  /** Rows a sheet adds to the grid the reader builds, however few cells they hold. */
  addRows(more: number): void {
    this.rows += more;
    if (this.rows > LIMITS.maxRows) {
      throw refuse('too_many_rows', { limit: LIMITS.maxRows });
    }
  }

  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > LIMITS.maxUncompressedBytes) {
      throw refuse('xml_too_large', { limit: LIMITS.maxUncompressedBytes });
    }
  }

  /** `n` cells at once (an .ods cell repeated n times is n cells of the grid). */
  addCells(n: number): void {
    this.cells += n;
    if (this.cells > LIMITS.maxCells) {
      throw refuse('too_many_cells', { limit: LIMITS.maxCells });
    }
  }

  addElement(depth: number, isCell: boolean): void {
    this.checkDepth(depth);
    this.addNode();
    if (isCell) this.addCells(1);
  }

  /** Nesting alone, for a reader that learns it apart from the elements (the HTML parser's stack of open elements). */
  checkDepth(depth: number): void {
    if (depth > LIMITS.maxXmlDepth) {
      throw this.kind === 'html' ? refuse('html_too_deep', { limit: LIMITS.maxXmlDepth }) : refuse('xml_too_deep', { limit: LIMITS.maxXmlDepth });
    }
  }

  /** One element (or, in a page, one text run or comment), without its depth. */
  addNode(): void {
    if (this.kind === 'html') {
      if (++this.elements > LIMITS.maxPageNodes) throw refuse('html_too_many_nodes', { limit: LIMITS.maxPageNodes });
    } else if (++this.elements > LIMITS.maxElements) {
      throw refuse('too_many_elements', { limit: LIMITS.maxElements });
    }
  }
}

/** The name without its prefix; a name without one is handed back as it is (slice would copy it: once per element). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * UTF-8 bytes arriving in chunks, decoded chunk by chunk without TextDecoder's `stream` option:
 * Node's decoder takes its fast path only for a whole buffer, and decoding a large sheet's chunks
 * in stream mode took six times as long (2,8 ms against 0,45 ms for the 3,4 MB of XML of the
 * bench's large workbook). So each chunk is cut before a character it does not hold whole, and
 * those last bytes (at most three) go in front of the next chunk. This cuts nothing TextDecoder
 * would read differently: WHATWG decoding of the bytes is the same whether a piece ends before a
 * character starts or not, and a malformed sequence still becomes U+FFFD. A byte-order mark is
 * dropped at the start of the part only, as in stream mode.
 */
export class Utf8Chunks {
  private first = new TextDecoder('utf-8');
  private rest = new TextDecoder('utf-8', { ignoreBOM: true });
  private started = false;
  private carry: Uint8Array | null = null;

  decode(bytes: Uint8Array): string {
    if (this.carry) {
      const joined = new Uint8Array(this.carry.length + bytes.length);
      joined.set(this.carry);
      joined.set(bytes, this.carry.length);
      bytes = joined;
      this.carry = null;
    }
    const cut = wholeCharacters(bytes);
    if (cut < bytes.length) this.carry = bytes.slice(cut);
    return this.take(bytes.subarray(0, cut));
  }

  end(): string {
    const last = this.carry ?? new Uint8Array(0);
    this.carry = null;
    return this.take(last);
  }

  private take(bytes: Uint8Array): string {
    if (!bytes.length) return '';
    const decoder = this.started ? this.rest : this.first;
    this.started = true;
    return decoder.decode(bytes);
  }
}

/**
 * Where the last character that `bytes` holds whole ends: before a lead byte in the last three
 * whose sequence runs past the end (0b110xxxxx needs 2 bytes, 0b1110xxxx 3, 0b11110xxx 4).
 */
function wholeCharacters(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i]!;
    if (b < 0x80) return n; // ASCII: nothing pending after it
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + need > n ? i : n;
    }
  }
  return n;
}

/**
 * Inflates one part with the running byte count. Stops (pauses the inflater and drops its
 * buffers) as soon as the package's total crosses the limit.
 */
function inflatePart(file: ZipEntry, budget: Budget): Promise<Uint8Array> {
  return inflateCounted(file, (n) => budget.addBytes(n), corruptZip, LIMITS.maxUncompressedBytes - budget.bytes);
}

const SCAN_CHUNK = 1 << 20;

/**
 * Streams one XML part through saxes, counting elements, cells, rows and depth against the budget
 * (throws at the first limit crossed). saxes is the parser ExcelJS itself uses, so it accepts what
 * ExcelJS accepted; it is 2,5 times faster than sax on a sheet of 850 000 cells (0,4 s against
 * 1 s), and this pass builds the model too.
 */
function scanPart(bytes: Uint8Array, name: string, budget: Budget, listener?: PartListener): void {
  const scanner = partScanner(name, budget, listener);
  for (let at = 0; at < bytes.length; at += SCAN_CHUNK) scanner.write(bytes.subarray(at, at + SCAN_CHUNK));
  scanner.end();
}

/** scanPart fed chunk by chunk, for a part parsed as it is inflated. */
function partScanner(name: string, budget: Budget, listener?: PartListener): { write(bytes: Uint8Array): void; end(): void } {
  const parser = newSaxesParser();
  const decoder = new Utf8Chunks();
  const isSheet = SHEET.test(name);
  let depth = 0;
  let lastRow = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const local = localName(tag.name);
    const attributes = tag.attributes;
    budget.addElement(depth, isSheet && local === 'c');
    if (isSheet && local === 'row') {
      const r = Number(attributes.r);
      // A row without `r` is the one after the previous (the standard allows it).
      const row = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
      // Not capped at Excel's last row: a row numbered 999 999 999 is a grid that long to the reader.
      if (row > lastRow) {
        budget.addRows(row - lastRow);
        lastRow = row;
      }
    }
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
    write: (bytes) => void parser.write(decoder.decode(bytes)),
    end: () => void parser.write(decoder.end()).close(),
  };
}

/**
 * What a streaming reader (stream-read.ts) hears of one XML part during the limit-counting saxes
 * pass: element local names (prefix dropped) with their attributes as written, and text.
 */
export interface PartListener {
  open(local: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(local: string): void;
}

interface OpenedPackage {
  budget: Budget;
  parts: Map<string, { file: ZipEntry; bytes: Uint8Array }>;
}

/**
 * The package's checks, inflation and counting pass, with `listen(part)` hearing every XML part
 * it asks for (none when it returns undefined: the parts are still counted), in an order where
 * worksheets come last (so the workbook, its relationships, the shared strings and the styles are
 * known before any cell). Nothing is repaired or re-zipped: a listener reads SpreadsheetML as the
 * standard writes it. Each part's
 * inflated bytes are let go once heard, so the model a listener builds grows as they are freed.
 */
export async function streamPackage(input: Uint8Array | ArrayBuffer, listen: (part: string) => PartListener | undefined): Promise<void> {
  const bare = (n: string) => n.replace(/^\//, '');
  const isSheet = (n: string) => SHEET.test(bare(n));
  // Everything but the worksheets is inflated (and counted) first; each worksheet is then parsed
  // while it inflates, so its XML is never held whole.
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
  if (bytes.length === 0) throw refuse('empty', {});
  if (bytes.length > LIMITS.maxFileBytes) throw fileTooLarge(bytes.length);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      throw refuse('encrypted', {});
    }
    throw refuse('legacy_xls', {});
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    throw refuse('not_zip', {});
  }

  let zip: ZipArchive;
  try {
    zip = openZip(bytes, LIMITS.maxParts);
  } catch (e) {
    if (e instanceof ZipOpenError && e.kind === 'too_many_entries') throw refuse('too_many_parts', { parts: e.entries, limit: LIMITS.maxParts });
    throw corruptZip(e instanceof ZipOpenError ? e.detail : e);
  }

  const entries = zip.entries;
  const partName = (f: ZipEntry) => f.name.replace(/^\//, '');
  const sheetCount = entries.filter((f) => SHEET.test(partName(f))).length;
  if (sheetCount > LIMITS.maxSheets) {
    throw refuse('too_many_sheets', { sheets: sheetCount, limit: LIMITS.maxSheets });
  }
  const has = (p: string) => entries.some((f) => partName(f) === p);
  if (!has('xl/workbook.xml')) {
    throw refuse('not_xlsx', { what: has('word/document.xml') ? 'docx' : has('ppt/presentation.xml') ? 'pptx' : 'other' });
  }

  // Inflating first (fast) refuses a zip bomb before any XML is parsed; the parse then runs over
  // bytes already counted.
  const budget = new Budget();
  const parts: OpenedPackage['parts'] = new Map();
  for (const f of entries) parts.set(f.name, { file: f, bytes: inflateNow(f.name) ? await inflatePart(f, budget) : new Uint8Array(0) });
  return { budget, parts };
}
