import { RECORD_PROPS, tidyRecord, type FillRecord } from '../core/narrative/record';
import { isForcedNote } from '../core/narrative/marks';
import { placeTexts, type Narrative } from '../core/narrative/build';
import { ALL_TAGS, isFieldTag, isTag, SECTION_TAGS, type Tag } from '../core/narrative/tags';
import { TAG_TITLES } from '../core/narrative/places';
import type { ChartImage } from '../core/chart';
import { asDocument, type Conversion } from './convert';
import { escapeXml, writeRecord } from './custom-props';
import { newXmlDrops, xmlAllowedText, xmlDropsNote } from '../core/xml-text';
import { UnreadableTemplateError } from './errors';
import { openTemplate, type TemplatePackage } from './package';
import { findControls, type SdtSpan } from './sdt';
import { freeDocPrId, pictureParagraph, writeChartParts } from './picture';
import { localName, scanXml, splice, newBudget } from './xml';
import { newSaxesParser } from '../zip/saxes';

export { escapeXml } from './custom-props';

/**
 * Filling a .docx's tagged content controls on Node and in the browser.
 *
 * Only the inside of each tagged w:sdtContent is replaced, by splicing the original XML string at
 * offsets found by a positional parser (sdt.ts); every other byte of the part stays as it was,
 * except the control's own "showing placeholder" flag once it holds real text. This is
 * hand-written on purpose: the libraries that edit OOXML (docx, docxtemplater, officegen…) parse
 * and re-serialise the whole part, which reorders attributes, drops unknown markup or rewrites
 * comments and tracked changes; none promises untouched bytes outside the edit. Parts the filler
 * does not own are copied as they are (src/docx/package.ts: the same bytes once inflated; the zip
 * around them is written anew with fflate, each part deflated, or stored where the source stored it).
 *
 * A control is a place to fill when its tag is one of ours ("cchc:…"), or, when it has no tag at
 * all, when its title is one of ours: LibreOffice drops every w:tag on saving but keeps w:alias.
 * A template with no such place is refused (UnreadableTemplateError) with the reason and the fix.
 *
 * What the document was filled from is recorded in docProps/custom.xml (custom-props.ts).
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
  /** Tags found by the control's title because the control had lost its tag (LibreOffice). */
  byTitle: Tag[];
  /** What the template was (.dotx/.dotm/.docm become a .docx) and the macro parts dropped. */
  conversion: Conversion;
  /** The survey chart was placed in the survey section (picture.ts). */
  chart: boolean;
  /**
   * A chart was given but not placed: the document has no survey place in its body ('no_place'),
   * or only one inside a paragraph ('inline_place': LibreOffice saves block places so), where the
   * picture would be squeezed into the paragraph's line height and justified with its text.
   */
  chartSkipped?: 'no_place' | 'inline_place';
  /** Text from the workbook lost characters XML cannot carry (src/core/xml-text.ts): the sentence saying so. */
  droppedNote?: string;
}

export interface FillOptions {
  /** The survey chart for the survey place (core/chart); null or absent: no chart, and an old one is removed. */
  chart?: ChartImage | null;
}

const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;

export async function fillDocx(docx: Uint8Array, narrative: Narrative, record: FillRecord, options: FillOptions = {}): Promise<Uint8Array> {
  return (await fillDocxDetailed(docx, narrative, record, options)).bytes;
}

export async function fillDocxDetailed(docx: Uint8Array, narrative: Narrative, record: FillRecord, options: FillOptions = {}): Promise<FillResult> {
  const pkg = await openTemplate(docx);
  const date = fixedDate(record.filledAt);
  const write = (name: string, text: string) => pkg.write(name, text);
  const texts = placeTexts(narrative);
  // escapeXml drops what XML 1.0 forbids as it writes; counted here, once per text, so the
  // officer is told (the unit's name comes from the workbook as typed).
  const drops = newXmlDrops();
  for (const list of Object.values(texts)) for (const t of list) xmlAllowedText(t, drops);
  for (const v of Object.values(record)) if (typeof v === 'string') xmlAllowedText(v, drops);
  const droppedNote = xmlDropsNote(drops);
  const census = newCensus();
  const filled = new Set<Tag>();
  const emptied = new Set<Tag>();
  const parts: { name: string; xml: string; places: Place[] }[] = [];
  for (const name of contentParts(pkg)) {
    const xml = (await pkg.text(name))!;
    const controls = findControls(xml, { part: name, budget: pkg.budget });
    parts.push({ name, xml, places: outermost(controls.map((c) => placeOf(c, census)).filter((p): p is Place => p != null)) });
  }
  // i13: the chart goes in the body's survey places (a picture in a header would need that part's own relationships).
  const chartHere = (name: string, p: Place) => options.chart != null && name === 'word/document.xml' && p.tag === SECTION_TAGS.hailong && p.span.kind === 'block';
  const docPrId = options.chart ? freeDocPrId(pkg, parts.map(({ name, xml, places }) => ({ name, xml, skip: places.filter((p) => chartHere(name, p)).map((p) => p.span) }))) : 0;
  let placed = 0;
  for (const { name, xml, places } of parts) {
    for (const p of places) {
      census.seen.add(p.tag);
      if (p.byTitle) census.byTitle.add(p.tag);
    }
    const edits = places.flatMap((p) => {
      const paras = texts[p.tag];
      if (isFieldTag(p.tag) && !paras.length) return []; // no period or unit: leave the placeholder
      // A survey place used twice gets the picture twice, each with its own drawing id.
      const picture = chartHere(name, p) ? pictureParagraph(options.chart!, docPrId + placed++) : '';
      (paras.length || picture ? filled : emptied).add(p.tag);
      return placeEdits(p.span, paras, picture);
    });
    if (edits.length) write(name, splice(xml, edits));
  }
  if (!census.seen.size) throw nothingToFill(census);
  const chartPlaced = placed > 0;
  const surveyPlaces = parts.filter((p) => p.name === 'word/document.xml').flatMap((p) => p.places.filter((x) => x.tag === SECTION_TAGS.hailong));
  const chartSkipped = options.chart && !chartPlaced ? (surveyPlaces.length ? ('inline_place' as const) : ('no_place' as const)) : undefined;
  await writeChartParts(pkg, chartPlaced ? options.chart! : null, write);
  const conversion = await asDocument(pkg, write);
  await writeRecord(pkg, record, write);
  const missing = (Object.keys(texts) as Tag[]).filter((t) => texts[t].length > 0 && !census.seen.has(t));
  const bytes = await pkg.bytes(date);
  return { bytes, filled: [...filled], emptied: [...emptied], missing, byTitle: [...census.byTitle], conversion, chart: chartPlaced, ...(chartSkipped ? { chartSkipped } : {}), ...(droppedNote ? { droppedNote } : {}) };
}

/** Tags of the controls the document carries, in document order (word/document.xml only). */
export async function listTags(docx: Uint8Array): Promise<string[]> {
  const pkg = await openTemplate(docx);
  const xml = await pkg.text('word/document.xml');
  return xml == null ? [] : findControls(xml, { budget: pkg.budget }).map((c) => c.tag).filter(Boolean);
}

/** What the document says it was filled from, or null. */
export async function readFillRecord(docx: Uint8Array): Promise<FillRecord | null> {
  const pkg = await openTemplate(docx);
  const xml = await pkg.text('docProps/custom.xml');
  if (xml == null) return null;
  scanXml(xml, 'docProps/custom.xml', pkg.budget, {}); // bounded and well-formed before it is read
  // Each <property name="…"> of the custom-properties part and the text inside it (its one
  // vt: value), read with saxes as every other part is.
  const values = new Map<string, string>();
  let name: string | null = null;
  let text = '';
  const parser = newSaxesParser();
  parser.on('opentag', (tag) => {
    if (name !== null || localName(tag.name) !== 'property') return;
    name = tag.attributes.name ?? '';
    text = '';
  });
  const collect = (t: string) => {
    if (name !== null) text += t;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', (tag) => {
    if (name === null || localName(tag.name) !== 'property') return;
    values.set(name, text);
    name = null;
  });
  parser.write(xml).close();
  if (!values.has('CCHC.DauVanTay')) return null;
  const rec = {} as FillRecord;
  for (const [key, prop] of RECORD_PROPS) rec[key] = values.get(prop) ?? '';
  return tidyRecord(rec);
}

/**
 * The text of the document outside the places a fill writes (body, headers, footers; the w:t of
 * each part with every place cut out), to tell whether the officer edited a filled report: a
 * fill changes nothing of it, so a filled report whose text here differs from its template's was
 * edited outside the places. Text only: Word rewrites the XML (ids, run splits) on every save
 * without the officer changing a word, so the XML is no measure of an edit.
 */
export async function textOutsidePlaces(docx: Uint8Array): Promise<string> {
  const pkg = await openTemplate(docx);
  const census = newCensus();
  const out: string[] = [];
  for (const name of contentParts(pkg)) {
    const xml = (await pkg.text(name))!;
    const places = outermost(findControls(xml, { part: name, budget: pkg.budget }).map((c) => placeOf(c, census)).filter((p): p is Place => p != null));
    out.push(`${name}\n${runText(splice(xml, places.map((p) => ({ start: p.span.start, end: p.span.end, text: '' }))))}`);
  }
  return out.join('\n');
}

/** The w:t text of a part, one line per paragraph (deleted text, w:delText, is not text). */
function runText(xml: string): string {
  let text = '';
  let inT = false;
  const parser = newSaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:t') inT = !tag.isSelfClosing;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inT = false;
    else if (tag.name === 'w:p') text += '\n';
  });
  parser.on('text', (t) => {
    if (inT) text += t;
  });
  parser.write(xml).close();
  return text;
}

// ---------------------------------------------------------------------------------------------
// Which controls are places, and what a template without any is told.

interface Place {
  span: SdtSpan;
  tag: Tag;
  /** Found by its title: the control had no tag. */
  byTitle: boolean;
}

interface Census {
  controls: number;
  untagged: number;
  /** Tags of the places filled (outermost ones: a place inside a place goes with its parent). */
  seen: Set<Tag>;
  byTitle: Set<Tag>;
}

const newCensus = (): Census => ({ controls: 0, untagged: 0, seen: new Set(), byTitle: new Set() });

const normTitle = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const TAG_BY_TITLE = new Map<string, Tag>(ALL_TAGS.map((t) => [normTitle(TAG_TITLES[t]), t]));

function placeOf(span: SdtSpan, census: Census): Place | null {
  census.controls++;
  if (isTag(span.tag)) return { span, tag: span.tag, byTitle: false };
  if (span.tag.trim()) return null; // someone else's control
  census.untagged++;
  const tag = span.alias ? TAG_BY_TITLE.get(normTitle(span.alias)) : undefined;
  return tag ? { span, tag, byTitle: true } : null;
}

/** The document's main part first, then headers and footers. */
function contentParts(pkg: TemplatePackage): string[] {
  return pkg
    .names()
    .filter((n) => PARTS.test(n))
    .sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
}

/** A place inside another place goes with its parent's content. Spans are sorted and properly nested, so one pass does. */
function outermost(places: Place[]): Place[] {
  const out: Place[] = [];
  let end = -1;
  for (const p of places) {
    if (p.span.start < end) continue;
    out.push(p);
    end = p.span.end;
  }
  return out;
}

const TAG_LIST = ALL_TAGS.map((t) => `${t} (${TAG_TITLES[t]})`).join(', ');

function nothingToFill(c: Census): UnreadableTemplateError {
  if (!c.controls) {
    return new UnreadableTemplateError(
      'no_controls',
      `Mẫu báo cáo không có vùng nội dung (content control) nào để điền. Hãy dùng mẫu gốc bao-cao-cchc.docx, hoặc chèn vùng nội dung trong Word (Developer › Rich Text) và đặt thẻ (Properties › Tag) là một trong: ${TAG_LIST}.`,
    );
  }
  if (c.untagged === c.controls) {
    return new UnreadableTemplateError(
      'tags_lost',
      `Không điền được vùng nào: ${c.controls} vùng nội dung của mẫu đều không có thẻ và tiêu đề không khớp. LibreOffice xoá thẻ của vùng điền: hãy lưu mẫu bằng Word, hoặc dùng mẫu gốc bao-cao-cchc.docx. Các thẻ cần có: ${TAG_LIST}.`,
    );
  }
  return new UnreadableTemplateError(
    'no_cchc_tags',
    `Không điền được vùng nào: mẫu có ${c.controls} vùng nội dung nhưng không vùng nào mang thẻ của Trợ lý báo cáo. Hãy đặt thẻ (Developer › Properties › Tag) của từng vùng là một trong: ${TAG_LIST}; hoặc dùng mẫu gốc bao-cao-cchc.docx.`,
  );
}

// ---------------------------------------------------------------------------------------------
// What is written into a place.

/** The splices that fill one control: its content (then `picture`, a paragraph, in a block control), and its placeholder flag gone. */
function placeEdits(c: SdtSpan, paras: string[], picture = ''): { start: number; end: number; text: string }[] {
  // The text takes the control's formatting, never the grey placeholder's.
  const span = { ...c, rPr: withoutPlaceholderStyle(c.showingPlcHdr ? (c.sdtRPr ?? c.rPr) : c.rPr) };
  const inner = c.kind === 'inline' ? runs(span, paras.join(' ')) : picture && !paras.length ? picture : paragraphs(span, paras) + picture;
  const edits = [contentEdit(c, inner)];
  if (c.showingPlcHdr) edits.push({ ...c.showingPlcHdr, text: '' });
  // A plain-text control becomes a rich-text one: LibreOffice 7.4 reads a plain-text control as an
  // input field, which shows none of its runs' formatting (the bold period of the title, the
  // highlighted blanks of the date line), and keeps a rich-text one with its runs. Word shows both
  // alike; the filler writes runs of different formatting, which only a rich-text control is meant to hold.
  if (c.plainText) edits.push({ ...c.plainText, text: '' });
  return edits;
}

/** The inside of w:sdtContent replaced; an empty or missing w:sdtContent is written whole. */
function contentEdit(c: SdtSpan, inner: string): { start: number; end: number; text: string } {
  if (c.contentStart != null && c.contentEnd != null) return { start: c.contentStart, end: c.contentEnd, text: inner };
  const whole = `<w:sdtContent>${inner}</w:sdtContent>`;
  if (c.content) return { start: c.content.start, end: c.content.end, text: whole };
  return { start: c.closeStart, end: c.closeStart, text: whole };
}

/**
 * Word shows a placeholder in the "PlaceholderText" character style (grey); real text must not
 * keep it. The style's id is the same in every language of Word.
 */
function withoutPlaceholderStyle(rPr: string | null): string | null {
  if (!rPr) return rPr;
  const cuts: { start: number; end: number; text: string }[] = [];
  scanXml(rPr, 'w:rPr', newBudget(10_000, 64), {
    close(el) {
      if (el.depth === 2 && el.name === 'w:rStyle' && el.attrs['w:val'] === 'PlaceholderText') cuts.push({ start: el.start, end: el.end, text: '' });
    },
  });
  return cuts.length ? splice(rPr, cuts) : rPr;
}

const run = (rPr: string | null, text: string) => `<w:r>${rPr ?? ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function runs(c: SdtSpan, text: string): string {
  return marked(c.rPr, text);
}

/**
 * One w:p per paragraph with the first existing paragraph's formatting; an empty section leaves one
 * empty paragraph (a block control needs one). The first paragraph's runs sit in an inline rich-text
 * control of their own, without tag or title: LibreOffice 7.4 turns the first paragraph of a block
 * control into an input field, which drops its runs' formatting (the highlighted note of a forced
 * report) and is edited in a dialog; an inline rich-text control it keeps, with its runs. Word shows
 * the nested control as part of the place, and a refill replaces the place's content with it.
 */
function paragraphs(c: SdtSpan, paras: string[]): string {
  const pPr = c.pPr ?? '';
  if (!paras.length) return `<w:p>${pPr}</w:p>`;
  return paras.map((p, i) => `<w:p>${pPr}${i === 0 ? inlineRichText(marked(c.rPr, p)) : marked(c.rPr, p)}</w:p>`).join('');
}

const inlineRichText = (runs: string) => `<w:sdt><w:sdtPr/><w:sdtContent>${runs}</w:sdtContent></w:sdt>`;

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

/** Every zip entry is dated: a date from the record, not the current time, keeps the output reproducible. */
function fixedDate(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(Date.UTC(2000, 0, 1)) : d;
}
