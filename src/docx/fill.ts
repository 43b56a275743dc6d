import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { RECORD_PROP_PREFIX, RECORD_PROPS, tidyRecord, type FillRecord } from '../core/narrative/record';
import { isForcedNote } from '../core/narrative/marks';
import { placeTexts, type Narrative } from '../core/narrative/build';
import { isFieldTag, isTag, type Tag } from '../core/narrative/tags';
import { findControls, type SdtSpan } from './sdt';

/**
 * Filling a .docx's tagged content controls on Node.
 *
 * Only the inside of each tagged w:sdtContent is replaced, by splicing the original XML string at
 * offsets found by a positional parser (sdt.ts); every other byte of the part stays as it was.
 * This is hand-written on purpose: the libraries that edit OOXML (docx, docxtemplater, officegen…)
 * parse and re-serialise the whole part, which reorders attributes, drops unknown markup or
 * rewrites comments and tracked changes; none promises untouched bytes outside the edit.
 *
 * What the document was filled from is recorded in docProps/custom.xml (custom document
 * properties "CCHC.*"): Word shows them under File › Properties, and Office.js reads and writes
 * them (document.properties.customProperties), so the Word add-in can tell a stale report too.
 * Filling is idempotent: the same narrative and record give the same bytes, once or twice.
 */

export interface FillResult {
  bytes: Uint8Array;
  /** Tags written with text, in document order (a tag used twice appears once). */
  filled: Tag[];
  /** Block tags whose section had nothing to say (empty table): their content was emptied. */
  emptied: Tag[];
  /** Tags with something to write that no control in the document carries. */
  missing: Tag[];
}

const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;

export async function fillDocx(docx: Uint8Array, narrative: Narrative, record: FillRecord): Promise<Uint8Array> {
  return (await fillDocxDetailed(docx, narrative, record)).bytes;
}

export async function fillDocxDetailed(docx: Uint8Array, narrative: Narrative, record: FillRecord): Promise<FillResult> {
  const zip = await JSZip.loadAsync(docx);
  const date = fixedDate(record.filledAt);
  const texts = placeTexts(narrative);
  const seen = new Set<Tag>();
  const filled = new Set<Tag>();
  const emptied = new Set<Tag>();
  const names = Object.keys(zip.files).filter((n) => PARTS.test(n)).sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
  if (!names.includes('word/document.xml')) throw new Error('Tệp không phải văn bản Word (.docx): thiếu word/document.xml.');
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    const controls = outermost(findControls(xml).filter((c) => isTag(c.tag)));
    if (!controls.length) continue;
    let out = '';
    let at = 0;
    for (const c of controls) {
      const tag = c.tag as Tag;
      seen.add(tag);
      const paras = texts[tag];
      if (c.contentStart == null || c.contentEnd == null) continue;
      if (isFieldTag(tag) && !paras.length) continue; // no period or unit: leave the placeholder
      const inner = c.kind === 'inline' ? runs(c, paras.join(' ')) : paragraphs(c, paras);
      out += xml.slice(at, c.contentStart) + inner;
      at = c.contentEnd;
      (paras.length ? filled : emptied).add(tag);
    }
    out += xml.slice(at);
    if (out !== xml) zip.file(name, out, { date });
  }
  await writeRecord(zip, record, date);
  const missing = (Object.keys(texts) as Tag[]).filter((t) => texts[t].length > 0 && !seen.has(t));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, filled: [...filled], emptied: [...emptied], missing };
}

/** Tags of the controls the document carries, in document order (word/document.xml only). */
export async function listTags(docx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const f = zip.file('word/document.xml');
  return f ? findControls(await f.async('string')).map((c) => c.tag).filter(Boolean) : [];
}

/** What the document says it was filled from, or null. */
export async function readFillRecord(docx: Uint8Array): Promise<FillRecord | null> {
  const zip = await JSZip.loadAsync(docx);
  const f = zip.file('docProps/custom.xml');
  if (!f) return null;
  const doc = new DOMParser().parseFromString(await f.async('string'), 'text/xml');
  const values = new Map<string, string>();
  const props = doc.getElementsByTagNameNS(CUSTOM_NS, 'property');
  for (let i = 0; i < props.length; i++) {
    const p = props.item(i)!;
    values.set(p.getAttribute('name') ?? '', p.textContent ?? '');
  }
  if (!values.has('CCHC.DauVanTay')) return null;
  const rec = {} as FillRecord;
  for (const [key, prop] of RECORD_PROPS) rec[key] = values.get(prop) ?? '';
  return tidyRecord(rec);
}

// ---------------------------------------------------------------------------------------------

/** A tagged control inside another tagged control goes with its parent's content. */
function outermost(spans: SdtSpan[]): SdtSpan[] {
  const out: SdtSpan[] = [];
  for (const s of spans) if (!out.some((o) => s.start >= o.start && s.end <= o.end)) out.push(s);
  return out;
}

export function escapeXml(s: string): string {
  // Characters XML 1.0 forbids are dropped rather than escaped: they cannot appear at all.
  return s
    // eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const run = (rPr: string | null, text: string) => `<w:r>${rPr ?? ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function runs(c: SdtSpan, text: string): string {
  return marked(c.rPr, text);
}

/** One w:p per paragraph with the first existing paragraph's formatting; an empty section leaves one empty paragraph (a block control needs one). */
function paragraphs(c: SdtSpan, paras: string[]): string {
  const pPr = c.pPr ?? '';
  if (!paras.length) return `<w:p>${pPr}</w:p>`;
  return paras.map((p) => `<w:p>${pPr}${marked(c.rPr, p)}</w:p>`).join('');
}

// ---- i10: marks the officer must see (docs/style.md 6 and 8) ---------------------------------

/**
 * A forced report's note is one highlighted run; the "……" blanks left for the officer (the date
 * line without a report date) are highlighted, the words around them keep the place's format.
 * The place's format is read from its first run, which after a forced fill is the note's: the
 * highlight this filler added is taken off first, so a clean refill writes plain text again.
 */
function marked(rPr: string | null, text: string): string {
  const plain = unhighlighted(rPr);
  if (isForcedNote(text)) return run(highlighted(plain), text);
  if (!text.includes('……')) return run(plain, text);
  return text
    .split(/(…+)/)
    .filter(Boolean)
    .map((seg) => run(seg.startsWith('…') ? highlighted(plain) : plain, seg))
    .join('');
}

const HIGHLIGHT = '<w:highlight w:val="yellow"/>';

function unhighlighted(rPr: string | null): string | null {
  return rPr ? rPr.split(HIGHLIGHT).join('') : rPr;
}

/**
 * The place's font, bold, italics, colour and size with a yellow highlight added. Written as a
 * string: the place's w:rPr comes as text from the splice (sdt.ts), and CT_RPr is an ordered
 * sequence (rFonts, b, bCs, i, iCs, color, sz, szCs, highlight), so the kept elements are
 * re-emitted in that order.
 */
function highlighted(rPr: string | null): string {
  const el = (name: string) => new RegExp(`<w:${name}(?:\\s[^>]*)?/>`).exec(rPr ?? '')?.[0] ?? '';
  return `<w:rPr>${['rFonts', 'b', 'bCs', 'i', 'iCs', 'color', 'sz', 'szCs'].map(el).join('')}${HIGHLIGHT}</w:rPr>`;
}

/** JSZip stamps new entries with the current time; a date from the record keeps output reproducible. */
function fixedDate(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(Date.UTC(2000, 0, 1)) : d;
}

const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const CUSTOM_CT = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

/**
 * Rewrites docProps/custom.xml: the document's own properties kept (re-serialised), ours replaced.
 * The part is always written by this function, so a second fill produces the same text.
 */
async function writeRecord(zip: JSZip, record: FillRecord, date: Date): Promise<void> {
  const existing = zip.file('docProps/custom.xml');
  const foreign: string[] = [];
  let maxPid = 1;
  if (existing) {
    const doc = new DOMParser().parseFromString(await existing.async('string'), 'text/xml');
    const props = doc.getElementsByTagNameNS(CUSTOM_NS, 'property');
    const ser = new XMLSerializer();
    for (let i = 0; i < props.length; i++) {
      const p = props.item(i)!;
      if ((p.getAttribute('name') ?? '').startsWith(RECORD_PROP_PREFIX)) continue;
      maxPid = Math.max(maxPid, Number(p.getAttribute('pid')) || 1);
      foreign.push(ser.serializeToString(p).replace(/ xmlns(:vt)?="[^"]*"/g, ''));
    }
  }
  const ours = RECORD_PROPS.map(
    ([key, name], i) => `<property fmtid="${FMTID}" pid="${maxPid + 1 + i}" name="${name}"><vt:lpwstr>${escapeXml(record[key] ?? '')}</vt:lpwstr></property>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}">${[...foreign, ...ours].join('')}</Properties>`;
  zip.file('docProps/custom.xml', xml, { date });
  if (!existing) {
    const ct = zip.file('[Content_Types].xml');
    if (ct) {
      const s = await ct.async('string');
      if (!s.includes('/docProps/custom.xml')) zip.file('[Content_Types].xml', s.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_CT}"/></Types>`), { date });
    }
    const rels = zip.file('_rels/.rels');
    if (rels) {
      const s = await rels.async('string');
      if (!s.includes(CUSTOM_REL)) {
        zip.file('_rels/.rels', s.replace('</Relationships>', `<Relationship Id="rIdCchcCustom" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>`), { date });
      }
    }
  }
}
