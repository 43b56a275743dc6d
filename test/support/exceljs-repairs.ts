/**
 * The repairs the former ExcelJS reading path needed, kept with that path in the tests
 * (read-exceljs.ts, the test oracle of the streaming reader): ExcelJS 4.4 refuses or misreads
 * some valid packages that other producers write, so the oracle hands it a repaired copy. The
 * product reads SpreadsheetML as the standard writes it and needs none of this.
 *
 * The parts are edited as a DOM (xmldom) because a repair rewrites elements in place (renames
 * them out of a prefix, adds attributes, drops children) and must serialise the part again.
 */
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { streamPackage } from '../../src/xlsx/package';

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
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export interface PreparedPackage {
  /** Bytes to give ExcelJS: the input itself, or a repaired copy. */
  data: Uint8Array;
  /** The package's parts as read (after repair), for the readers that go to the XML themselves. */
  zip: JSZip;
  /** Parts rewritten so ExcelJS can follow them. */
  repaired: string[];
}

/**
 * The product's checks first (src/xlsx/package.ts: what the file is, every limit, counted while
 * inflating and parsing), so the oracle refuses what the product refuses; then the repairs.
 */
export async function preparePackage(input: Uint8Array | ArrayBuffer): Promise<PreparedPackage> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  await streamPackage(bytes, () => undefined);
  const zip = await JSZip.loadAsync(bytes);
  const repaired = await repair(zip);
  const data = repaired.length ? await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
  return { data, zip, repaired };
}

/** Repairs, each for a kind of valid file ExcelJS 4.4 refuses or misreads; returns the parts rewritten. */
async function repair(zip: JSZip): Promise<string[]> {
  const changed = new Set<string>();
  const edit = async (name: string, fix: (doc: Document, part: string) => boolean) => {
    const f = zip.file(name);
    if (!f) return;
    const doc = parseXml(await f.async('string'));
    if (!doc.documentElement || !fix(doc, name)) return;
    zip.file(name, new XMLSerializer().serializeToString(doc as unknown as Node));
    changed.add(name);
  };
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir || !XML_PART.test(name)) continue;
    const bare = name.replace(/^\//, '');
    // Each repair changes only what needs it (an element prefixed in the main namespace, a row or
    // cell without `r`…) and says whether it did.
    await edit(name, unprefix);
    if (SHEET.test(bare)) await edit(name, numberRowsAndCells);
    if (TABLE.test(bare)) await edit(name, simplifyTable);
    if (RELS.test(name)) await edit(name, relativizeTargets);
    // Document properties are not read; ExcelJS only understands them with the usual prefixes
    // (cp:, dc:) and stops on a core.xml written with default namespaces: such parts are dropped.
    if (/^docProps\/(core|app)\.xml$/.test(bare)) {
      const root = parseXml(await zip.file(name)!.async('string')).documentElement?.nodeName;
      if (root !== (bare === 'docProps/core.xml' ? 'cp:coreProperties' : 'Properties')) {
        zip.remove(name);
        changed.add(name);
      }
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
