import { once } from 'node:events';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { writeRawZip } from '../helpers/hostile';

/**
 * Hostile templates. Their zip container is written by hand (test/helpers/hostile.ts says why): a
 * part whose inflated size is far beyond what the file suggests, and JSZip (pure JavaScript) takes
 * 13 s to deflate 400 MB, while zlib streams it in about a second.
 */
export function zipOf(entries: { name: string; raw: Buffer; crc: number; size: number }[]): Uint8Array {
  return new Uint8Array(writeRawZip(entries.map((e) => ({ name: e.name, deflated: e.raw, declaredSize: e.size, crc: e.crc }))));
}

/** A deflated entry made of `head`, `unit` repeated until `bytes`, then `tail`; never held whole in memory. */
export async function deflatedEntry(name: string, head: string, unit: string, bytes: number, tail: string) {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  const push = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await push(Buffer.from(head));
  while (size < bytes) await push(block);
  await push(Buffer.from(tail));
  deflate.end();
  await ended;
  return { name, raw: Buffer.concat(parts), crc, size: size % 2 ** 32 };
}

export const MINIMAL_CT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A package holding `document` as word/document.xml, made with JSZip. */
export async function docxWith(document: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', MINIMAL_CT);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', document);
  for (const [k, v] of Object.entries(extra)) zip.file(k, v);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${inner}</w:body></w:document>`;

/** Controls nested `depth` deep: w:sdt › w:sdtContent › w:sdt … around one tagged place. */
export function nestedControls(depth: number): string {
  const open = '<w:sdt><w:sdtPr><w:tag w:val="khac"/></w:sdtPr><w:sdtContent>';
  const close = '</w:sdtContent></w:sdt>';
  const place = '<w:sdt><w:sdtPr><w:tag w:val="cchc:tthc"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>';
  return body(open.repeat(depth) + place + close.repeat(depth));
}

/** The billion laughs: a DOCTYPE of entities nested ten deep around one tagged place. */
export function entityExpansion(): string {
  const laughs = ['<!ENTITY l0 "haha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
  return `<?xml version="1.0"?><!DOCTYPE w:document [${laughs}]><w:document ${W_NS}><w:body><w:sdt><w:sdtPr><w:tag w:val="cchc:tthc"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:sdtContent></w:sdt></w:body></w:document>`;
}
