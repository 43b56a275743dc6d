/**
 * An in-memory Word host with the same discipline as the Excel fake (./excel.ts): proxies queue
 * work, properties exist only after load + sync, writes land at sync, each sync is a counted round
 * trip. The document is a flat list of paragraphs; a paragraph may belong to one block content
 * control and may hold inline content controls among its text. The adapter in src/word runs on it
 * unmodified (see installFakeWord), so tests and the playground exercise the add-in's own code.
 */
import { ClientObjectBase, ClientResult, ERROR_CODES, FakeHost, FakeOfficeError, RequestContextBase, installGlobals, notLoaded, runner } from './host';

export type ControlKind = 'RichText' | 'PlainText';
export type Appearance = 'BoundingBox' | 'Tags' | 'Hidden';

export interface FakeControl {
  id: number;
  tag: string;
  title: string;
  appearance: Appearance;
  kind: ControlKind;
  /** Block controls hold whole paragraphs; inline ones sit inside a paragraph. */
  block: boolean;
  cannotEdit: boolean;
}

export type Segment = { text: string; control?: FakeControl };

export interface FakeParagraph {
  id: number;
  segments: Segment[];
  /** The block control this paragraph belongs to, if any. */
  block?: FakeControl;
  /** Inline pictures in the paragraph (their place among the text is not modelled). */
  pictures?: FakePicture[];
  /** Paragraph.alignment once set ("Left", "Centered", …). */
  alignment?: string;
  /** In a table cell of the main document (a header table such as NĐ 30's). */
  inTable?: boolean;
  /** Paragraph.tableNestingLevel when in a table: 2 in a table nested in a cell; 1 when unset. */
  tableLevel?: number;
}

/**
 * A table of the body (Word.Table, WordApi 1.3), as far as the prose check reads it: its nesting
 * level and its WordprocessingML (the w:tbl element, as the .docx has it), which Range.getOoxml
 * returns inside a flat OPC package. Its paragraphs are in the body's flat list, marked inTable.
 */
export interface FakeTable {
  id: number;
  nestingLevel: number;
  xml: string;
}

/**
 * An inline picture (WordApi 1.1 InlinePicture). Word reads PNG, JPEG, GIF and BMP from
 * insertInlinePictureFromBase64; an SVG is inserted as a broken picture, not refused
 * (OfficeDev/office-js#3018): `format` says what the bytes were, `broken` that Word could not show them.
 */
export interface FakePicture {
  id: number;
  format: 'png' | 'jpeg' | 'gif' | 'bmp' | 'other';
  broken: boolean;
  /** Natural size from the image (points, at its stated resolution or 96 dpi), until the add-in sets it. */
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  /** The image as inserted, base64. */
  base64: string;
}

/** Where the cursor is: character offsets in one paragraph's text. */
export interface FakeSelection {
  paragraphId: number;
  start: number;
  end: number;
}

/** What the builders accept: a plain paragraph, a block place, or a paragraph mixing text and inline places. */
export type PlaceSpec = { tag: string; title?: string; text?: string | string[]; kind?: ControlKind; appearance?: Appearance };
export type DocItem =
  | string
  | (PlaceSpec & { inline?: undefined; cell?: undefined; table?: undefined })
  | { inline: (string | PlaceSpec)[] }
  | { cell: string }
  /** A table: its w:tbl XML and its cells' paragraphs in order (a nested table among them as another table item). */
  | { table: { xml: string; items: DocItem[] } };

export interface WordSnapshotControl {
  id: number;
  tag: string;
  title: string;
  block: boolean;
  kind: ControlKind;
  appearance: Appearance;
  /** Block: one entry per paragraph; inline: one entry. */
  paragraphs: string[];
  text: string;
}

export interface WordSnapshotParagraph {
  id: number;
  text: string;
  /** Id of the block control holding the paragraph. */
  block: number | null;
  segments: { text: string; control: number | null }[];
  pictures?: FakePicture[];
  alignment?: string;
}

export interface WordSnapshot {
  paragraphs: WordSnapshotParagraph[];
  controls: WordSnapshotControl[];
  selection: FakeSelection | null;
  customProperties: Record<string, string>;
  settings: Record<string, unknown>;
  /** Highlighted characters (the prose check's marks, the user's own). */
  highlights?: FakeHighlight[];
  /** Footnotes' paragraphs, in reference order. */
  notes?: { id: number; text: string }[][];
  version: number;
}

export interface FakeWordOptions {
  /** Highest version supported per requirement set; default WordApi 1.3. */
  apiSets?: Record<string, string>;
  customProperties?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Footnotes in reference order, each its paragraphs' texts (read-only: the adapter only reads, searches and highlights them). */
  footnotes?: string[][];
  /** Review › Track Changes (Document.changeTrackingMode, WordApi 1.4); "Off" by default. */
  changeTrackingMode?: 'Off' | 'TrackAll' | 'TrackMineOnly';
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

class Ctx extends RequestContextBase<FakeWord> {
  readonly document: DocumentProxy;

  constructor(fake: FakeWord) {
    super(fake);
    this.document = new DocumentProxy(this);
  }

  protected override beginSync(operations: number): void {
    this.fake.syncLog.push({ operations });
  }

  /** Counts the batch's operations, to fail one part-way when a test asked for it (FakeWord.failPartWay). */
  override enqueue(op: () => void, valueBytes = 0): void {
    super.enqueue(op, valueBytes);
    this.failAfter();
  }

  override enqueueWithObject(op: () => void): void {
    super.enqueueWithObject(op);
    this.failAfter();
  }

  private failAfter(): void {
    const f = this.fake.partWay;
    if (f && this.queue.length === f.after) {
      this.fake.partWay = undefined;
      super.enqueue(() => {
        throw f.error;
      });
    }
  }

  // No rollback: a batch is not a transaction. Word runs the queued operations in order and stops
  // at the first failure; the ones before it stay applied. OfficeExtension.Error's traceMessages
  // hold "all trace messages that were executed before the error occurred"
  // (learn.microsoft.com/javascript/api/office/officeextension.error): the operations before the
  // failing one ran, and nothing undoes them.
}


function apiNotFound(): never {
  throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Word.');
}

function invalid(message = 'The argument is invalid or missing or has an incorrect format.'): never {
  throw new FakeOfficeError('InvalidArgument', message);
}


abstract class ClientObject extends ClientObjectBase<Ctx> {
  /** What a collection loads of each item when asked for no property. */
  defaults(): string[] {
    return this.defaultProps();
  }
  /** Assigning a proxy property queues the write, as in Office. */
  protected set(apply: () => void): void {
    this.context.enqueue(apply);
  }
}

abstract class Collection<T extends ClientObject> extends ClientObject {
  private list: T[] | undefined;
  get items(): T[] {
    if (!this.list) notLoaded('items');
    return this.list;
  }
  protected abstract members(): T[];
  override fetch(props: string[]): void {
    const items = this.members();
    // Office accepts both "items/tag" and a bare "tag" on a collection.
    const itemProps = props.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    for (const it of items) it.fetch(itemProps.length ? itemProps : it.defaults());
    this.context.commits.push(() => (this.list = items));
  }
  protected resolve(): unknown {
    return this.members();
  }
  protected readProp(): unknown {
    return undefined;
  }
}

class DocumentProxy extends ClientObject {
  readonly contentControls: ContentControlCollectionProxy;
  readonly body: BodyProxy;
  private props: DocumentPropertiesProxy | undefined;
  constructor(private readonly ctx: Ctx) {
    super(ctx);
    this.contentControls = new ContentControlCollectionProxy(ctx, () => ctx.fake.controls());
    this.body = new BodyProxy(ctx);
  }
  /**
   * Document.changeTrackingMode, "Off", "TrackAll" or "TrackMineOnly" [WordApi 1.4]
   * (learn.microsoft.com/javascript/api/word/word.document#word-word-document-changetrackingmode-member).
   */
  get changeTrackingMode(): string {
    return this.get('changeTrackingMode');
  }
  protected resolve(): unknown {
    return this.ctx.fake;
  }
  protected readProp(prop: string): unknown {
    if (prop === 'changeTrackingMode') {
      if (!this.ctx.fake.supports('WordApi', '1.4')) apiNotFound();
      return this.ctx.fake.options.changeTrackingMode ?? 'Off';
    }
    return invalid(`Unknown document property ${prop}`);
  }
  get properties(): DocumentPropertiesProxy {
    return (this.props ??= new DocumentPropertiesProxy(this.ctx));
  }
  getSelection(): RangeProxy {
    return new RangeProxy(this.ctx);
  }
}

class BodyProxy extends ClientObject {
  readonly paragraphs: ParagraphCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.paragraphs = new ParagraphCollectionProxy(ctx, () => ctx.fake.paragraphs);
  }
  /**
   * Body.footnotes, "the collection of footnotes in the body" [WordApi 1.5]
   * (learn.microsoft.com/javascript/api/word/word.body#word-word-body-footnotes-member). The
   * property exists on every proxy; a host without the set fails at sync with ApiNotFound.
   */
  get footnotes(): NoteItemCollectionProxy {
    return new NoteItemCollectionProxy(this.context);
  }
  /**
   * Body.tables, "the collection of Table objects in the body" [WordApi 1.3]
   * (learn.microsoft.com/javascript/api/word/word.body#word-word-body-tables-member), in document
   * order. Whether Word lists nested tables there is not documented; the fake lists them, with
   * their nestingLevel, so an adapter that must skip them is tested doing so.
   */
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context);
  }
  protected resolve(): unknown {
    return this.context.fake.paragraphs;
  }
  protected readProp(prop: string): unknown {
    if (prop === 'text') return this.context.fake.paragraphs.map((p) => paragraphText(p)).join('\n');
    invalid(`Unknown body property ${prop}`);
  }
  protected override defaultProps(): string[] {
    return ['text'];
  }
}

/** Word.TableCollection (learn.microsoft.com/javascript/api/word/word.tablecollection). */
class TableCollectionProxy extends Collection<TableProxy> {
  protected members(): TableProxy[] {
    if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
    return this.context.fake.tables.map((tb) => new TableProxy(this.context, tb.id));
  }
}

/**
 * Word.Table (learn.microsoft.com/javascript/api/word/word.table): nestingLevel, "top-level tables
 * have level 1", and getRange [both WordApi 1.3].
 */
class TableProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly id: number,
  ) {
    super(ctx);
  }
  get nestingLevel(): number {
    return this.get('nestingLevel');
  }
  protected resolve(): FakeTable {
    const tb = this.context.fake.tables.find((x) => x.id === this.id);
    if (!tb) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'Table');
    return tb;
  }
  protected readProp(prop: string, t: unknown): unknown {
    if (prop === 'nestingLevel') return (t as FakeTable).nestingLevel;
    return invalid(`Unknown table property ${prop}`);
  }
  /** Table.getRange(rangeLocation): only "Whole" (the default) is modelled, the table itself. */
  getRange(rangeLocation: 'Whole' = 'Whole'): TableRangeProxy {
    if (rangeLocation !== 'Whole') invalid('Only the whole table range is modelled by the fake.');
    return new TableRangeProxy(this.context, () => this.resolve());
  }
}

/** The range of a whole table: its OOXML only. */
class TableRangeProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly table: () => FakeTable,
  ) {
    super(ctx);
  }
  protected resolve(): FakeTable {
    return this.table();
  }
  protected readProp(prop: string): unknown {
    return invalid(`Unknown range property ${prop}`);
  }
  /**
   * Range.getOoxml [WordApi 1.1]: the range as a flat OPC package (pkg:package, one pkg:part per
   * part, XML parts inside pkg:xmlData), the format "Create better add-ins for Word with Office
   * Open XML" describes (learn.microsoft.com/office/dev/add-ins/word/create-better-add-ins-for-word-with-office-open-xml):
   * the relationships, /word/document.xml with the table in its w:body, and a styles part. Word
   * adds more parts and properties than this; a reader that takes the table's cells from the
   * document part's body sees the same.
   */
  getOoxml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this.context.enqueue(() => {
      const xml = flatPackage(this.resolve().xml);
      this.context.commits.push(() => result.set(xml));
    });
    return result;
  }
}

const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';

function flatPackage(tableXml: string): string {
  const part = (name: string, type: string, xml: string) => `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  return (
    `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="${PKG}">` +
    part(
      '/_rels/.rels',
      'application/vnd.openxmlformats-package.relationships+xml',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ) +
    part('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', `<w:document xmlns:w="${W}"><w:body>${tableXml}<w:p/><w:sectPr/></w:body></w:document>`) +
    part('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml', `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`) +
    '</pkg:package>'
  );
}

/** Word.NoteItemCollection (learn.microsoft.com/javascript/api/word/word.noteitemcollection), footnotes only. */
class NoteItemCollectionProxy extends Collection<NoteItemProxy> {
  protected members(): NoteItemProxy[] {
    if (!this.context.fake.supports('WordApi', '1.5')) apiNotFound();
    return this.context.fake.notes.map((_, k) => new NoteItemProxy(this.context, k));
  }
}

/** Word.NoteItem (learn.microsoft.com/javascript/api/word/word.noteitem): its type and its body's paragraphs. */
class NoteItemProxy extends ClientObject {
  readonly body: { paragraphs: ParagraphCollectionProxy };
  constructor(
    ctx: Ctx,
    private readonly index: number,
  ) {
    super(ctx);
    this.body = { paragraphs: new ParagraphCollectionProxy(ctx, () => ctx.fake.notes[index] ?? []) };
  }
  protected override defaultProps(): string[] {
    return ['type'];
  }
  get type(): string {
    return this.get('type');
  }
  protected resolve(): unknown {
    const n = this.context.fake.notes[this.index];
    if (!n) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'NoteItem');
    return n;
  }
  protected readProp(prop: string): unknown {
    if (prop === 'type') return 'Footnote';
    return invalid(`Unknown note property ${prop}`);
  }
}

class ContentControlCollectionProxy extends Collection<ContentControlProxy> {
  constructor(
    ctx: Ctx,
    private readonly find: () => FakeControl[],
  ) {
    super(ctx);
  }
  protected members(): ContentControlProxy[] {
    return this.find().map((c) => new ContentControlProxy(this.context, { id: c.id }));
  }
  getByTag(tag: string): ContentControlCollectionProxy {
    return new ContentControlCollectionProxy(this.context, () => this.find().filter((c) => c.tag === tag));
  }
  getFirst(): ContentControlProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      const c = this.find()[0];
      if (!c) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'ContentControlCollection.getFirst');
      ref.id = c.id;
    });
    return new ContentControlProxy(this.context, ref);
  }
}

/** Proxies of objects created in the same batch learn their id when the creating op runs. */
interface Ref {
  id?: number;
}

class ContentControlProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ref: Ref,
    private readonly orNull = false,
  ) {
    super(ctx);
    if (orNull) {
      ctx.enqueue(() => {
        const n = ref.id === undefined;
        ctx.commits.push(() => this.loaded.set('isNullObject', n));
      });
    }
  }
  protected override defaultProps(): string[] {
    return ['id', 'tag', 'title', 'text', 'type', 'appearance', 'cannotEdit'];
  }

  get id(): number {
    return this.get('id');
  }
  get tag(): string {
    return this.get('tag');
  }
  set tag(v: string) {
    this.set(() => (this.resolve().tag = v));
  }
  get title(): string {
    return this.get('title');
  }
  set title(v: string) {
    this.set(() => (this.resolve().title = v));
  }
  get appearance(): Appearance {
    return this.get('appearance');
  }
  set appearance(v: Appearance) {
    this.set(() => (this.resolve().appearance = v));
  }
  get cannotEdit(): boolean {
    return this.get('cannotEdit');
  }
  set cannotEdit(v: boolean) {
    this.set(() => (this.resolve().cannotEdit = v));
  }
  get text(): string {
    return this.get('text');
  }
  get type(): string {
    return this.get('type');
  }
  get subtype(): string {
    return this.get('subtype');
  }

  protected resolve(): FakeControl {
    const c = this.ref.id === undefined ? undefined : this.context.fake.control(this.ref.id);
    if (!c) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'ContentControl');
    return c;
  }
  protected override resolveForRead(): unknown {
    if (this.orNull && this.ref.id === undefined) return null;
    return this.resolve();
  }
  protected readProp(prop: string, t: unknown): unknown {
    const c = t as FakeControl;
    const fake = this.context.fake;
    switch (prop) {
      case 'id':
        return c.id;
      case 'tag':
        return c.tag;
      case 'title':
        return c.title;
      case 'appearance':
        return c.appearance;
      case 'cannotEdit':
        return c.cannotEdit;
      case 'type':
        return c.kind;
      case 'subtype':
        if (!fake.supports('WordApi', '1.3')) apiNotFound();
        return c.kind === 'PlainText' ? (c.block ? 'PlainTextParagraph' : 'PlainTextInline') : c.block ? 'RichTextParagraphs' : 'RichTextInline';
      case 'text':
        return fake.controlParagraphs(c).join('\n');
      default:
        return invalid(`Unknown content control property ${prop}`);
    }
  }

  private editable(): FakeControl {
    const c = this.resolve();
    if (c.cannotEdit) throw new FakeOfficeError('AccessDenied', 'The content control cannot be edited.');
    return c;
  }

  insertText(text: string, location: 'Replace' | 'Start' | 'End'): RangeProxy {
    this.context.enqueue(() => this.context.fake.insertTextInControl(this.editable(), text, location));
    return new RangeProxy(this.context);
  }

  insertParagraph(text: string, location: 'Start' | 'End' | 'Before' | 'After'): ParagraphProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      const c = location === 'Before' || location === 'After' ? this.resolve() : this.editable();
      ref.id = this.context.fake.insertParagraphAtControl(c, text, location).id;
    });
    return new ParagraphProxy(this.context, ref);
  }

  clear(): void {
    this.context.enqueue(() => this.context.fake.insertTextInControl(this.editable(), '', 'Replace'));
  }

  /** Only highlightColor is modelled: it applies to every paragraph of the control. */
  get font(): { highlightColor: string | null } {
    const ctx = this.context;
    const fake = ctx.fake;
    const target = () => this.resolve();
    return {
      set highlightColor(v: string | null) {
        ctx.enqueue(() => {
          const c = target();
          for (const p of fake.paragraphs) if (p.block === c) fake.setHighlight({ paragraphId: p.id, start: 0, end: paragraphText(p).length }, v);
        });
      },
      get highlightColor(): string | null {
        return invalid('Load font.highlightColor is not modelled by the fake.');
      },
    };
  }

  /** Moves the document's selection onto the control (WordApi 1.1). */
  select(): void {
    this.context.enqueue(() => this.context.fake.selectControl(this.resolve()));
  }

  get paragraphs(): ParagraphCollectionProxy {
    return new ParagraphCollectionProxy(this.context, () => {
      const c = this.resolve();
      return this.context.fake.paragraphs.filter((p) => p.block === c || p.segments.some((s) => s.control === c));
    });
  }
}

class ParagraphCollectionProxy extends Collection<ParagraphProxy> {
  constructor(
    ctx: Ctx,
    private readonly find: () => FakeParagraph[],
  ) {
    super(ctx);
  }
  protected members(): ParagraphProxy[] {
    return this.find().map((p) => new ParagraphProxy(this.context, { id: p.id }));
  }
  getFirst(): ParagraphProxy {
    return this.pick((ps) => ps[0]);
  }
  getLast(): ParagraphProxy {
    return this.pick((ps) => ps[ps.length - 1]);
  }
  private pick(choose: (ps: FakeParagraph[]) => FakeParagraph | undefined): ParagraphProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
      const p = choose(this.find());
      if (!p) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'ParagraphCollection');
      ref.id = p.id;
    });
    return new ParagraphProxy(this.context, ref);
  }
}

class ParagraphProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ref: Ref,
  ) {
    super(ctx);
  }
  protected override defaultProps(): string[] {
    return ['text'];
  }
  get text(): string {
    return this.get('text');
  }
  /** Paragraph.tableNestingLevel [WordApi 1.3]: 0 outside tables, 1 in a table, 2 in a table nested in a cell. */
  get tableNestingLevel(): number {
    return this.get('tableNestingLevel');
  }
  /** Paragraph.isListItem [WordApi 1.3]: the fake has no lists. */
  get isListItem(): boolean {
    return this.get('isListItem');
  }
  protected resolve(): FakeParagraph {
    const p = this.ref.id === undefined ? undefined : this.context.fake.paragraph(this.ref.id);
    if (!p) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'Paragraph');
    return p;
  }
  protected readProp(prop: string, t: unknown): unknown {
    const p = t as FakeParagraph;
    if (prop === 'text') return paragraphText(p);
    if (prop === 'tableNestingLevel') return p.inTable ? (p.tableLevel ?? 1) : 0;
    if (prop === 'isListItem') return false;
    return invalid(`Unknown paragraph property ${prop}`);
  }
  /** Only highlightColor is modelled: a write-only setter, as the adapter uses it. */
  get font(): { highlightColor: string | null } {
    const ctx = this.context;
    const target = () => this.resolve();
    return {
      set highlightColor(v: string | null) {
        ctx.enqueue(() => {
          const p = target();
          ctx.fake.setHighlight({ paragraphId: p.id, start: 0, end: paragraphText(p).length }, v);
        });
      },
      get highlightColor(): string | null {
        return invalid('Load font.highlightColor is not modelled by the fake.');
      },
    };
  }
  /** Occurrences of `text` in the paragraph, in order (case-sensitive search only, as the adapter uses it). */
  search(text: string, options?: { matchCase?: boolean }): SpanRangeCollectionProxy {
    return new SpanRangeCollectionProxy(this.context, () => {
      if (!text || text.length > 255) invalid('The search string is empty or longer than 255 characters.');
      const p = this.resolve();
      const hay = options?.matchCase ? paragraphText(p) : paragraphText(p).toLowerCase();
      const needle = options?.matchCase ? text : text.toLowerCase();
      const out: FakeSelection[] = [];
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push({ paragraphId: p.id, start: i, end: i + needle.length });
      return out;
    });
  }
  insertParagraph(text: string, location: 'Before' | 'After'): ParagraphProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      if (location !== 'Before' && location !== 'After') invalid();
      ref.id = this.context.fake.insertParagraphNear(this.resolve(), text, location).id;
    });
    return new ParagraphProxy(this.context, ref);
  }
  insertText(text: string, location: 'Replace' | 'Start' | 'End'): RangeProxy {
    this.context.enqueue(() => this.context.fake.insertTextInParagraph(this.resolve(), text, location));
    return new RangeProxy(this.context);
  }
  /** Paragraph.alignment (WordApi 1.1): write-only here, as the adapter uses it. */
  set alignment(v: string) {
    this.set(() => {
      if (!['Mixed', 'Unknown', 'Left', 'Centered', 'Right', 'Justified'].includes(v)) invalid();
      this.resolve().alignment = v;
    });
  }
  /**
   * Paragraph.insertInlinePictureFromBase64 (WordApi 1.1): 'Replace' | 'Start' | 'End'.
   * https://learn.microsoft.com/javascript/api/word/word.paragraph#word-word-paragraph-insertinlinepicturefrombase64-member(1)
   */
  insertInlinePictureFromBase64(base64: string, location: 'Replace' | 'Start' | 'End'): InlinePictureProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      if (!['Replace', 'Start', 'End'].includes(location)) invalid();
      const p = this.resolve();
      if (p.block?.cannotEdit) throw new FakeOfficeError('AccessDenied', 'The content control cannot be edited.');
      const pic = this.context.fake.newPicture(base64);
      if (location === 'Replace') {
        if (p.segments.some((x) => x.control)) invalid('The paragraph holds content controls.');
        p.segments = [];
        p.pictures = [pic];
      } else p.pictures = location === 'Start' ? [pic, ...(p.pictures ?? [])] : [...(p.pictures ?? []), pic];
      ref.id = pic.id;
    });
    return new InlinePictureProxy(this.context, ref);
  }
  /** Wraps the whole paragraph in a new block rich-text control. */
  insertContentControl(): ContentControlProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      ref.id = this.context.fake.wrapParagraph(this.resolve()).id;
    });
    return new ContentControlProxy(this.context, ref);
  }
}

/** InlinePicture (WordApi 1.1): size and alternative text are written; nothing is read back by the adapter. */
class InlinePictureProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ref: Ref,
  ) {
    super(ctx);
  }
  protected resolve(): FakePicture {
    const pic = this.ref.id === undefined ? undefined : this.context.fake.picture(this.ref.id);
    if (!pic) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'InlinePicture');
    return pic;
  }
  protected readProp(prop: string, t: unknown): unknown {
    const pic = t as FakePicture;
    if (prop === 'width' || prop === 'height' || prop === 'altTextTitle' || prop === 'altTextDescription') return pic[prop];
    if (prop === 'imageFormat') return pic.broken ? 'Unsupported' : { png: 'Png', jpeg: 'Jpeg', gif: 'Gif', bmp: 'Bmp', other: 'Unsupported' }[pic.format];
    return invalid(`Unknown inline picture property ${prop}`);
  }
  set width(v: number) {
    this.set(() => {
      if (!(v > 0)) invalid();
      this.resolve().width = v;
    });
  }
  set height(v: number) {
    this.set(() => {
      if (!(v > 0)) invalid();
      this.resolve().height = v;
    });
  }
  set altTextTitle(v: string) {
    this.set(() => (this.resolve().altTextTitle = v));
  }
  set altTextDescription(v: string) {
    this.set(() => (this.resolve().altTextDescription = v));
  }
}

/** The selection (the only range the adapter needs). */
class RangeProxy extends ClientObject {
  get text(): string {
    return this.get('text');
  }
  protected resolve(): FakeSelection {
    const s = this.context.fake.selection;
    if (!s) throw new FakeOfficeError('ItemNotFound', 'There is no selection.', 'Document.getSelection');
    return s;
  }
  protected readProp(prop: string, t: unknown): unknown {
    const s = t as FakeSelection;
    if (prop === 'text') {
      const p = this.context.fake.paragraph(s.paragraphId);
      return p ? paragraphText(p).slice(s.start, s.end) : '';
    }
    if (prop === 'isEmpty') return s.start === s.end;
    return invalid(`Unknown range property ${prop}`);
  }
  protected override defaultProps(): string[] {
    return ['text'];
  }
  get paragraphs(): ParagraphCollectionProxy {
    return new ParagraphCollectionProxy(this.context, () => {
      const p = this.context.fake.paragraph(this.resolve().paragraphId);
      return p ? [p] : [];
    });
  }
  get parentContentControlOrNullObject(): ContentControlProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
      const c = this.context.fake.controlAtSelection();
      if (c) ref.id = c.id;
    });
    return new ContentControlProxy(this.context, ref, true);
  }
  /** The body holding the selection: the main document's, or a table cell's (WordApi 1.3). */
  get parentBody(): SelectionBodyProxy {
    return new SelectionBodyProxy(this.context, () => this.resolve());
  }
  /** Wraps the selected characters (possibly none) in a new inline rich-text control. */
  insertContentControl(): ContentControlProxy {
    const ref: Ref = {};
    this.context.enqueue(() => {
      ref.id = this.context.fake.wrapSelection(this.resolve()).id;
    });
    return new ContentControlProxy(this.context, ref);
  }
}

/**
 * Range.parentBody (WordApi 1.3): "TableCell" in a table cell, "MainDoc" in the body's own
 * paragraphs (Word.BodyType, learn.microsoft.com/javascript/api/word/word.bodytype); a cell's
 * body has the main document as its parentBody, the main document none
 * (learn.microsoft.com/javascript/api/word/word.body#word-word-body-parentbodyornullobject-member).
 */
class SelectionBodyProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly selection: () => FakeSelection,
    private readonly outer = false,
  ) {
    super(ctx);
    if (outer) this.markNullState(() => !this.context.fake.paragraph(this.selection().paragraphId)?.inTable);
  }
  get type(): string {
    return this.get('type');
  }
  get parentBodyOrNullObject(): SelectionBodyProxy {
    return new SelectionBodyProxy(this.context, this.selection, true);
  }
  protected resolve(): unknown {
    if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
    return this.selection();
  }
  protected override resolveForRead(): unknown {
    const s = this.resolve() as FakeSelection;
    return this.outer && !this.context.fake.paragraph(s.paragraphId)?.inTable ? null : s;
  }
  protected readProp(prop: string, t: unknown): unknown {
    if (prop === 'type') return !this.outer && this.context.fake.paragraph((t as FakeSelection).paragraphId)?.inTable ? 'TableCell' : 'MainDoc';
    return invalid(`Unknown body property ${prop}`);
  }
  protected override defaultProps(): string[] {
    return ['type'];
  }
}

/** A range at fixed characters of one paragraph (what search returns): text, select, highlight. */
class SpanRangeProxy extends ClientObject {
  readonly font: { highlightColor: string | null };
  constructor(
    ctx: Ctx,
    private readonly span: FakeSelection,
  ) {
    super(ctx);
    const read = () => this.get<string | null>('font/highlightColor');
    const write = (color: string | null) => this.set(() => this.context.fake.setHighlight(this.resolve(), color));
    this.font = {
      get highlightColor(): string | null {
        return read();
      },
      set highlightColor(color: string | null) {
        write(color);
      },
    };
  }
  protected override defaultProps(): string[] {
    return ['text'];
  }
  get text(): string {
    return this.get('text');
  }
  protected resolve(): FakeSelection {
    const p = this.context.fake.paragraph(this.span.paragraphId);
    if (!p || paragraphText(p).length < this.span.end) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'Range');
    return this.span;
  }
  protected readProp(prop: string, t: unknown): unknown {
    const r = t as FakeSelection;
    if (prop === 'text') return paragraphText(this.context.fake.paragraph(r.paragraphId)!).slice(r.start, r.end);
    if (prop === 'font/highlightColor' || prop === 'font') return this.context.fake.highlightOf(r);
    return invalid(`Unknown range property ${prop}`);
  }
  select(): void {
    this.context.enqueue(() => {
      const r = this.resolve();
      this.context.fake.selection = { ...r };
    });
  }
}

class SpanRangeCollectionProxy extends Collection<SpanRangeProxy> {
  constructor(
    ctx: Ctx,
    private readonly find: () => FakeSelection[],
  ) {
    super(ctx);
  }
  protected members(): SpanRangeProxy[] {
    return this.find().map((r) => new SpanRangeProxy(this.context, r));
  }
}

class DocumentPropertiesProxy {
  readonly customProperties: CustomPropertyCollectionProxy;
  constructor(ctx: Ctx) {
    this.customProperties = new CustomPropertyCollectionProxy(ctx);
  }
}

class CustomPropertyCollectionProxy extends Collection<CustomPropertyProxy> {
  protected members(): CustomPropertyProxy[] {
    if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
    return Object.keys(this.context.fake.customProperties).map((k) => new CustomPropertyProxy(this.context, k));
  }
  add(key: string, value: string): CustomPropertyProxy {
    this.context.enqueue(() => {
      if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
      if (!key || key.length > 255) invalid();
      const props = this.context.fake.customProperties;
      // Keys are case-insensitive in Word.
      const existing = Object.keys(props).find((k) => k.toLowerCase() === key.toLowerCase());
      if (existing) delete props[existing];
      props[key] = String(value);
    });
    return new CustomPropertyProxy(this.context, key);
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, key, true);
  }
  deleteAll(): void {
    this.context.enqueue(() => {
      if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
      this.context.fake.customProperties = {};
    });
  }
}

class CustomPropertyProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly lookup: string,
    private readonly orNull = false,
  ) {
    super(ctx);
    if (orNull) {
      ctx.enqueue(() => {
        const n = this.find() === undefined;
        ctx.commits.push(() => this.loaded.set('isNullObject', n));
      });
    }
  }
  protected override defaultProps(): string[] {
    return ['key', 'value', 'type'];
  }
  get key(): string {
    return this.get('key');
  }
  get value(): string {
    return this.get('value');
  }
  get type(): string {
    return this.get('type');
  }
  private find(): string | undefined {
    if (!this.context.fake.supports('WordApi', '1.3')) apiNotFound();
    return Object.keys(this.context.fake.customProperties).find((k) => k.toLowerCase() === this.lookup.toLowerCase());
  }
  protected resolve(): string {
    const k = this.find();
    if (k === undefined) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'CustomProperty');
    return k;
  }
  protected override resolveForRead(): unknown {
    return this.orNull ? (this.find() ?? null) : this.resolve();
  }
  protected readProp(prop: string, t: unknown): unknown {
    const k = t as string;
    if (prop === 'key') return k;
    if (prop === 'value') return this.context.fake.customProperties[k];
    if (prop === 'type') return 'String';
    return invalid(`Unknown custom property property ${prop}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The fake host


/** Highlighted characters of a paragraph (the prose check's marks and the user's own). */
export interface FakeHighlight {
  paragraphId: number;
  start: number;
  end: number;
  color: string;
}

export function paragraphText(p: FakeParagraph): string {
  return p.segments.map((s) => s.text).join('');
}

interface SavedState {
  highlights: FakeHighlight[];
  paragraphs: FakeParagraph[];
  controls: Map<FakeControl, FakeControl>;
  selection: FakeSelection | null;
  customProperties: Record<string, string>;
  nextId: number;
}

export class FakeWord extends FakeHost<WordSnapshot> {
  paragraphs: FakeParagraph[] = [];
  /** The body's tables in document order, nested ones after the table holding them. */
  readonly tables: FakeTable[] = [];
  /** Footnotes' paragraphs (outside the body's list, as in Word). */
  readonly notes: FakeParagraph[][] = [];
  selection: FakeSelection | null = null;
  customProperties: Record<string, string>;
  readonly syncLog: { operations: number }[] = [];
  /** Outcomes of the next syncs, in order: an error fails that sync, null lets it pass. */
  private nextId = 1;

  constructor(
    items: DocItem[] = [],
    readonly options: FakeWordOptions = {},
  ) {
    super(options.apiSets ?? { WordApi: '1.3' }, options.settings);
    for (const item of items) this.addItem(item);
    if (!this.paragraphs.length) this.paragraphs.push(this.newParagraph(''));
    for (const note of options.footnotes ?? []) this.notes.push((note.length ? note : ['']).map((t) => this.newParagraph(t)));
    this.customProperties = { ...(options.customProperties ?? {}) };
    // No cursor until the user clicks into the document (the pane has the focus when it opens).
    this.selection = null;
  }

  private newParagraph(text: string, block?: FakeControl): FakeParagraph {
    return { id: this.nextId++, segments: text ? [{ text }] : [], block };
  }

  newControl(spec: PlaceSpec, block: boolean): FakeControl {
    return {
      id: this.nextId++,
      tag: spec.tag,
      title: spec.title ?? '',
      appearance: spec.appearance ?? 'BoundingBox',
      kind: spec.kind ?? (block ? 'RichText' : 'PlainText'),
      block,
      cannotEdit: false,
    };
  }

  private addItem(item: DocItem, level = 0): void {
    if (typeof item === 'string') {
      this.paragraphs.push(this.newParagraph(item));
    } else if ('table' in item && item.table) {
      this.tables.push({ id: this.nextId++, nestingLevel: level + 1, xml: item.table.xml });
      const from = this.paragraphs.length;
      for (const x of item.table.items) this.addItem(x, level + 1);
      for (const p of this.paragraphs.slice(from)) {
        p.inTable = true;
        p.tableLevel = Math.max(p.tableLevel ?? 1, level + 1);
      }
    } else if ('cell' in item && item.cell !== undefined) {
      const p = this.newParagraph(item.cell);
      p.inTable = true;
      this.paragraphs.push(p);
    } else if ('inline' in item && item.inline) {
      const p = this.newParagraph('');
      for (const part of item.inline) {
        if (typeof part === 'string') p.segments.push({ text: part });
        else p.segments.push({ text: Array.isArray(part.text) ? part.text.join(' ') : (part.text ?? ''), control: this.newControl(part, false) });
      }
      this.paragraphs.push(p);
    } else {
      const spec = item as PlaceSpec;
      const c = this.newControl(spec, true);
      const texts = Array.isArray(spec.text) ? spec.text : [spec.text ?? ''];
      for (const t of texts.length ? texts : ['']) this.paragraphs.push(this.newParagraph(t, c));
    }
  }

  /** Every control, in document order (a block control before the inline ones it holds). */
  controls(): FakeControl[] {
    const out: FakeControl[] = [];
    const seen = new Set<FakeControl>();
    for (const p of this.paragraphs) {
      if (p.block && !seen.has(p.block)) {
        seen.add(p.block);
        out.push(p.block);
      }
      for (const s of p.segments) {
        if (!s.control || seen.has(s.control)) continue;
        seen.add(s.control);
        out.push(s.control);
      }
    }
    return out;
  }

  control(id: number): FakeControl | undefined {
    return this.controls().find((c) => c.id === id);
  }

  /** A paragraph of the body or of a footnote. */
  paragraph(id: number): FakeParagraph | undefined {
    return this.paragraphs.find((p) => p.id === id) ?? this.notes.flat().find((p) => p.id === id);
  }

  controlParagraphs(c: FakeControl): string[] {
    if (c.block) return this.paragraphs.filter((p) => p.block === c).map(paragraphText);
    for (const p of this.paragraphs) for (const s of p.segments) if (s.control === c) return [s.text];
    return [];
  }

  // --- editing, run by the proxies during sync --------------------------------------------------

  insertTextInControl(c: FakeControl, text: string, location: 'Replace' | 'Start' | 'End'): void {
    if (!['Replace', 'Start', 'End'].includes(location)) invalid();
    if (!c.block) {
      // A line break would split the paragraph the control sits in; the adapter must not ask for it.
      if (/[\n\r]/.test(text)) invalid('Inline content controls cannot hold paragraph breaks.');
      const seg = this.segmentOf(c);
      seg.text = location === 'Replace' ? text : location === 'Start' ? text + seg.text : seg.text + text;
      return;
    }
    const own = this.paragraphs.filter((p) => p.block === c);
    if (location === 'Replace') {
      // Word keeps the first paragraph (and its formatting) and splits the new text at breaks.
      const lines = text.split(/\r\n|\r|\n/);
      const first = own[0]!;
      first.segments = lines[0] ? [{ text: lines[0] }] : [];
      delete first.pictures;
      this.paragraphs = this.paragraphs.filter((p) => p.block !== c || p === first);
      this.paragraphs.splice(this.paragraphs.indexOf(first) + 1, 0, ...lines.slice(1).map((t) => this.newParagraph(t, c)));
    } else if (/[\n\r]/.test(text)) {
      invalid('Use insertParagraph to add paragraphs.');
    } else {
      const p = location === 'Start' ? own[0]! : own[own.length - 1]!;
      this.insertTextInParagraph(p, text, location);
    }
  }

  insertTextInParagraph(p: FakeParagraph, text: string, location: 'Replace' | 'Start' | 'End'): void {
    if (/[\n\r]/.test(text)) invalid('Use insertParagraph to add paragraphs.');
    if (location === 'Replace') {
      if (p.segments.some((s) => s.control)) invalid('The paragraph holds content controls.');
      p.segments = text ? [{ text }] : [];
    } else if (location === 'Start') p.segments.unshift({ text });
    else if (location === 'End') p.segments.push({ text });
    else invalid();
  }

  insertParagraphAtControl(c: FakeControl, text: string, location: 'Start' | 'End' | 'Before' | 'After'): FakeParagraph {
    if (/[\n\r]/.test(text)) invalid();
    if (!c.block) {
      if (location === 'Start' || location === 'End') invalid('Cannot insert a paragraph into an inline content control.');
      const host = this.paragraphs.find((p) => p.segments.some((s) => s.control === c))!;
      return this.insertParagraphNear(host, text, location);
    }
    const own = this.paragraphs.filter((p) => p.block === c);
    const first = this.paragraphs.indexOf(own[0]!);
    const last = this.paragraphs.indexOf(own[own.length - 1]!);
    const inside = location === 'Start' || location === 'End';
    const p = this.newParagraph(text, inside ? c : undefined);
    const at = location === 'Start' || location === 'Before' ? first : last + 1;
    this.paragraphs.splice(at, 0, p);
    return p;
  }

  insertParagraphNear(ref: FakeParagraph, text: string, location: 'Before' | 'After'): FakeParagraph {
    if (/[\n\r]/.test(text)) invalid();
    // A paragraph inserted next to one inside a block control stays in that control, as in Word.
    const p = this.newParagraph(text, ref.block);
    const at = this.paragraphs.indexOf(ref) + (location === 'After' ? 1 : 0);
    this.paragraphs.splice(at, 0, p);
    return p;
  }

  wrapParagraph(p: FakeParagraph): FakeControl {
    if (p.block) throw new FakeOfficeError('GeneralException', 'Nested block content controls are not supported by this fake.');
    if (p.segments.some((s) => s.control)) throw new FakeOfficeError('GeneralException', 'The paragraph already holds content controls.');
    const c = this.newControl({ tag: '', kind: 'RichText' }, true);
    p.block = c;
    return c;
  }

  wrapSelection(sel: FakeSelection): FakeControl {
    const p = this.paragraph(sel.paragraphId);
    if (!p) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
    if (this.controlAtSelection()?.block === false) throw new FakeOfficeError('GeneralException', 'The selection is inside a content control.');
    const c = this.newControl({ tag: '', kind: 'RichText' }, false);
    if (!p.segments.length) {
      p.segments.push({ text: '', control: c });
      return c;
    }
    // Split the plain-text segment holding the selection; a selection crossing a control is refused.
    let pos = 0;
    for (let i = 0; i < p.segments.length; i++) {
      const seg = p.segments[i]!;
      const end = pos + seg.text.length;
      if (!seg.control && sel.start >= pos && sel.end <= end) {
        const a = sel.start - pos;
        const b = sel.end - pos;
        const parts: Segment[] = [{ text: seg.text.slice(0, a) }, { text: seg.text.slice(a, b), control: c }, { text: seg.text.slice(b) }];
        p.segments.splice(i, 1, ...parts.filter((x) => x.text || x.control));
        return c;
      }
      pos = end;
    }
    throw new FakeOfficeError('GeneralException', 'The selection spans content controls.');
  }

  /** The innermost control holding the selection; a cursor on an inline control's edge is outside it. */
  controlAtSelection(): FakeControl | undefined {
    const sel = this.selection;
    const p = sel && this.paragraph(sel.paragraphId);
    if (!sel || !p) return undefined;
    let pos = 0;
    for (const s of p.segments) {
      const end = pos + s.text.length;
      const within = sel.start >= pos && sel.end <= end;
      const onEdge = sel.start === sel.end && (sel.start === pos || sel.start === end) && s.text.length > 0;
      if (s.control && within && !onEdge) return s.control;
      pos = end;
    }
    return p.block;
  }

  private segmentOf(c: FakeControl): Segment {
    for (const p of this.paragraphs) for (const s of p.segments) if (s.control === c) return s;
    throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
  }

  highlights: FakeHighlight[] = [];

  /** The highlight colour of a range: one colour over all of it, else null (as Word reports a mix). */
  highlightOf(r: FakeSelection): string | null {
    const h = this.highlights.find((x) => x.paragraphId === r.paragraphId && x.start <= r.start && x.end >= r.end);
    return h ? h.color : null;
  }

  setHighlight(r: FakeSelection, color: string | null): void {
    const kept: FakeHighlight[] = [];
    for (const h of this.highlights) {
      if (h.paragraphId !== r.paragraphId || h.end <= r.start || h.start >= r.end) kept.push(h);
      else {
        // Cut the old highlight around the range.
        if (h.start < r.start) kept.push({ ...h, end: r.start });
        if (h.end > r.end) kept.push({ ...h, start: r.end });
      }
    }
    if (color) kept.push({ paragraphId: r.paragraphId, start: r.start, end: r.end, color: color.toUpperCase() === 'YELLOW' ? '#FFFF00' : color.toUpperCase() });
    this.highlights = kept;
  }

  saveState(): SavedState {
    // Controls keep their identity (proxies hold their ids); only their fields are saved.
    return {
      highlights: this.highlights.map((h) => ({ ...h })),
      paragraphs: this.paragraphs.map((p) => ({ ...p, segments: p.segments.map((x) => ({ ...x })), ...(p.pictures ? { pictures: p.pictures.map((x) => ({ ...x })) } : {}) })),
      controls: new Map(this.controls().map((c) => [c, { ...c }])),
      selection: this.selection ? { ...this.selection } : null,
      customProperties: { ...this.customProperties },
      nextId: this.nextId,
    };
  }

  restoreState(s: SavedState): void {
    this.highlights = s.highlights;
    for (const [c, fields] of s.controls) Object.assign(c, fields);
    this.paragraphs = s.paragraphs;
    this.selection = s.selection;
    this.customProperties = s.customProperties;
    this.nextId = s.nextId;
  }

  // --- for tests and the playground ------------------------------------------------------------

  /** What ContentControl.select() does: the control's text becomes the selection. */
  selectControl(c: FakeControl): void {
    for (const p of this.paragraphs) {
      if (p.block === c) {
        this.selection = { paragraphId: p.id, start: 0, end: paragraphText(p).length };
        return;
      }
      let pos = 0;
      for (const seg of p.segments) {
        if (seg.control === c) {
          this.selection = { paragraphId: p.id, start: pos, end: pos + seg.text.length };
            return;
        }
        pos += seg.text.length;
      }
    }
    throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", 'ContentControl.select');
  }

  /** Simulates the user placing the cursor (start = end) or selecting characters in a paragraph. */
  select(paragraphId: number, start = 0, end = start): void {
    const p = this.paragraph(paragraphId);
    if (!p) throw new Error(`no paragraph ${paragraphId}`);
    const len = paragraphText(p).length;
    this.selection = { paragraphId, start: Math.min(start, len), end: Math.min(Math.max(start, end), len) };
    this.emit();
  }

  /** Simulates the user typing a paragraph's text (only for paragraphs without inline controls). */
  setParagraphText(paragraphId: number, text: string): void {
    const p = this.paragraph(paragraphId);
    if (!p) throw new Error(`no paragraph ${paragraphId}`);
    this.insertTextInParagraph(p, text, 'Replace');
    this.emit();
  }

  /** A picture the adapter inserted, by id. */
  picture(id: number): FakePicture | undefined {
    for (const p of this.paragraphs) for (const pic of p.pictures ?? []) if (pic.id === id) return pic;
    return undefined;
  }

  /** Pictures in the block controls with this tag, with the paragraph each sits in. */
  picturesOf(tag: string): { picture: FakePicture; paragraph: FakeParagraph }[] {
    return this.paragraphs.filter((p) => p.block?.tag === tag).flatMap((p) => (p.pictures ?? []).map((picture) => ({ picture, paragraph: p })));
  }

  /** A picture from base64: malformed base64 is refused (InvalidArgument); bytes Word cannot draw make a broken picture. */
  newPicture(base64: string): FakePicture {
    if (typeof base64 !== 'string' || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) invalid('The image is not valid base64.');
    const bytes = Uint8Array.from(atob(base64.slice(0, 64)), (c) => c.charCodeAt(0));
    const is = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
    const format: FakePicture['format'] = is(0x89, 0x50, 0x4e, 0x47) ? 'png' : is(0xff, 0xd8, 0xff) ? 'jpeg' : is(0x47, 0x49, 0x46, 0x38) ? 'gif' : is(0x42, 0x4d) ? 'bmp' : 'other';
    // A PNG's natural size: IHDR width and height, at 96 dpi (pHYs is not read: the adapter sets the size).
    const px = (at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    const [w, h] = format === 'png' ? [px(16), px(20)] : [100, 100];
    return { id: this.nextId++, format, broken: format === 'other', width: w * 0.75, height: h * 0.75, altTextTitle: '', altTextDescription: '', base64 };
  }

  /** Texts of the controls with this tag, paragraphs joined by "\n". */
  textsOf(tag: string): string[] {
    return this.controls()
      .filter((c) => c.tag === tag)
      .map((c) => this.controlParagraphs(c).join('\n'));
  }

  /** Set by failPartWay: the batch fails right after its `after`-th queued operation. */
  partWay: { after: number; error: FakeOfficeError } | undefined;

  /**
   * Makes the first batch that queues more than `after` operations fail there: the operations
   * before it stay done, as in Word (see Ctx).
   */
  failPartWay(after: number, code = 'GeneralException', message = 'An internal error has occurred.'): void {
    this.partWay = { after, error: new FakeOfficeError(code, message) };
  }

  /** Makes a coming sync fail with this Office error; `skip` syncs succeed before it. */
  failNextSync(code = 'GeneralException', message = 'An internal error has occurred.', skip = 0): void {
    for (let i = 0; i < skip; i++) this.pendingFailures.push(null);
    this.pendingFailures.push(new FakeOfficeError(code, message));
  }

  resetCounters(): void {
    this.roundTrips = 0;
    this.syncLog.length = 0;
    this.settingsSaves = 0;
  }

  snapshot(): WordSnapshot {
    const controls = this.controls().map(
      (c): WordSnapshotControl => {
        const paragraphs = this.controlParagraphs(c);
        return { id: c.id, tag: c.tag, title: c.title, block: c.block, kind: c.kind, appearance: c.appearance, paragraphs, text: paragraphs.join('\n') };
      },
    );
    return {
      paragraphs: this.paragraphs.map((p) => ({
        id: p.id,
        text: paragraphText(p),
        block: p.block?.id ?? null,
        segments: p.segments.map((s) => ({ text: s.text, control: s.control?.id ?? null })),
        ...(p.pictures?.length ? { pictures: p.pictures.map((x) => ({ ...x })) } : {}),
        ...(p.alignment ? { alignment: p.alignment } : {}),
      })),
      controls,
      selection: this.selection ? { ...this.selection } : null,
      customProperties: { ...this.customProperties },
      settings: structuredClone(this.savedSettings),
      highlights: this.highlights.map((h) => ({ ...h })),
      ...(this.notes.length ? { notes: this.notes.map((n) => n.map((p) => ({ id: p.id, text: paragraphText(p) }))) } : {}),
      version: this.version,
    };
  }

  // --- the globals ------------------------------------------------------------------------------

  readonly word = {
    run: runner(() => new Ctx(this)),
    InsertLocation: { replace: 'Replace', start: 'Start', end: 'End', before: 'Before', after: 'After' },
    ContentControlAppearance: { boundingBox: 'BoundingBox', tags: 'Tags', hidden: 'Hidden' },
    ErrorCodes: ERROR_CODES,
  };

  readonly office = this.officeBase('Word');
}

/** Makes the fake the host seen by code using the global `Office` / `Word`; returns an undo. */
export function installFakeWord(fake: FakeWord): () => void {
  return installGlobals({ Office: fake.office, Word: fake.word, OfficeExtension: { Error: FakeOfficeError } });
}

// ---------------------------------------------------------------------------------------------
// Building the fake from a real .docx (the report template), so tests use the template's places.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function wChild(el: Element, local: string): Element | undefined {
  return childElements(el).find((c) => c.namespaceURI === W && c.localName === local);
}

function wVal(el: Element | undefined): string {
  return el?.getAttributeNS(W, 'val') ?? el?.getAttribute('w:val') ?? '';
}

function placeOf(sdt: Element): PlaceSpec {
  const pr = wChild(sdt, 'sdtPr');
  const appearance = pr && childElements(pr).find((c) => c.localName === 'appearance');
  const ap = appearance?.getAttribute('w15:val');
  return {
    tag: wVal(pr && wChild(pr, 'tag')),
    title: wVal(pr && wChild(pr, 'alias')),
    kind: pr && wChild(pr, 'text') ? 'PlainText' : 'RichText',
    appearance: ap === 'hidden' ? 'Hidden' : ap === 'tags' ? 'Tags' : 'BoundingBox',
  };
}

/** Text of runs and inline places of a paragraph-level element. */
function inlineParts(el: Element, out: (string | PlaceSpec)[]): void {
  for (const c of childElements(el)) {
    if (c.namespaceURI !== W) continue;
    if (c.localName === 't') out.push(c.textContent ?? '');
    else if (c.localName === 'tab') out.push('\t');
    else if (c.localName === 'br' || c.localName === 'cr') out.push(' ');
    // Word keeps a footnote's reference mark in the text stream as the character U+0002, and
    // Paragraph.text returns it (https://github.com/OfficeDev/office-js/issues/2749: "insert the
    // reference mark (\x2) into the paragraph"), and a note's body begins with its own mark, which
    // NoteItem.body.text returns alike (https://github.com/OfficeDev/office-js/issues/6942).
    else if (['footnoteReference', 'endnoteReference', 'footnoteRef', 'endnoteRef'].includes(c.localName ?? '')) out.push('\u0002');
    else if (c.localName === 'sdt') {
      const inner: (string | PlaceSpec)[] = [];
      const content = wChild(c, 'sdtContent');
      if (content) inlineParts(content, inner);
      out.push({ ...placeOf(c), text: inner.map((x) => (typeof x === 'string' ? x : (x.text as string))).join('') });
    } else if (['r', 'hyperlink', 'ins', 'smartTag', 'fldSimple', 'customXml', 'sdtContent'].includes(c.localName ?? '')) inlineParts(c, out);
  }
}

function paragraphItem(p: Element): DocItem {
  const parts: (string | PlaceSpec)[] = [];
  inlineParts(p, parts);
  // Adjacent runs become one text segment, as the user sees them.
  const merged: (string | PlaceSpec)[] = [];
  for (const x of parts) {
    const last = merged[merged.length - 1];
    if (typeof x === 'string' && typeof last === 'string') merged[merged.length - 1] = last + x;
    else merged.push(x);
  }
  if (merged.every((x) => typeof x === 'string')) return merged.join('');
  return { inline: merged };
}

function blockItems(container: Element, out: DocItem[], serialize?: (el: Element) => string): void {
  for (const c of childElements(container)) {
    if (c.namespaceURI !== W) continue;
    if (c.localName === 'p') out.push(paragraphItem(c));
    else if (c.localName === 'tbl' && serialize) {
      // The table's own XML, as the file has it, is what Range.getOoxml gives of it.
      const items: DocItem[] = [];
      blockItems(c, items, serialize);
      out.push({ table: { xml: serialize(c), items } });
    } else if (c.localName === 'tbl' || c.localName === 'tr' || c.localName === 'tc' || c.localName === 'customXml') blockItems(c, out, serialize);
    else if (c.localName === 'sdt') {
      const content = wChild(c, 'sdtContent');
      const inner: DocItem[] = [];
      if (content) blockItems(content, inner);
      const texts = inner.map((x) => (typeof x === 'string' ? x : 'inline' in x && x.inline ? x.inline.map((y) => (typeof y === 'string' ? y : (y.text as string))).join('') : ''));
      out.push({ ...placeOf(c), text: texts.length ? texts : [''] });
    }
  }
}

/** The footnotes of word/footnotes.xml, each its paragraphs' texts; Word's separators are not notes. */
function footnoteTexts(xml: Document): string[][] {
  const out: string[][] = [];
  const notes = xml.getElementsByTagNameNS(W, 'footnote');
  for (let i = 0; i < notes.length; i++) {
    const n = notes.item(i)! as unknown as Element;
    const type = n.getAttributeNS(W, 'type') || n.getAttribute('w:type');
    if (type && type !== 'normal') continue;
    const items: DocItem[] = [];
    blockItems(n, items);
    out.push(items.map((x) => (typeof x === 'string' ? x : 'inline' in x && x.inline ? x.inline.map((y) => (typeof y === 'string' ? y : (y.text as string))).join('') : '')));
  }
  return out;
}

/**
 * A fake Word document with the paragraphs, places, footnotes and custom properties of a .docx file.
 * The fake host (tests and the playground, never the product's reading of a file) takes the
 * document as a tree, as Word's object model shows it: nested content controls in paragraphs, cells
 * and other controls, walked recursively above. It builds that tree with xmldom, the project's one
 * DOM library (kept for it and for the tests' oracles, test/support/read-exceljs.ts and
 * test/support/spreadsheetml-xmldom.ts); the product reads every XML file with saxes, streaming
 * (src/docx/text.ts, src/docx/xml.ts, src/xlsx/).
 */
export async function fakeWordFromDocx(docx: Uint8Array | ArrayBuffer, options: FakeWordOptions = {}): Promise<FakeWord> {
  const [{ strFromU8, unzipSync }, { DOMParser, XMLSerializer }] = await Promise.all([import('fflate'), import('@xmldom/xmldom')]);
  // The three parts the fake reads, inflated whole: a test's or the playground's own document.
  const wanted = new Set(['word/document.xml', 'docProps/custom.xml', 'word/footnotes.xml']);
  const parts = unzipSync(docx instanceof Uint8Array ? docx : new Uint8Array(docx), { filter: (f) => wanted.has(f.name) });
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : null);
  const main = part('word/document.xml');
  if (main == null) throw new Error('Tệp không phải văn bản Word (.docx): thiếu word/document.xml.');
  const doc = new DOMParser().parseFromString(main, 'text/xml');
  const body = doc.getElementsByTagNameNS(W, 'body').item(0);
  const items: DocItem[] = [];
  const serializer = new XMLSerializer();
  if (body) blockItems(body as unknown as Element, items, (el) => serializer.serializeToString(el as unknown as Node));
  const customProperties: Record<string, string> = { ...(options.customProperties ?? {}) };
  const custom = part('docProps/custom.xml');
  if (custom != null) {
    const cdoc = new DOMParser().parseFromString(custom, 'text/xml');
    const props = cdoc.getElementsByTagName('property');
    for (let i = 0; i < props.length; i++) {
      const p = props.item(i)!;
      customProperties[p.getAttribute('name') ?? ''] ??= p.textContent ?? '';
    }
  }
  const notesPart = part('word/footnotes.xml');
  const footnotes = notesPart != null ? footnoteTexts(new DOMParser().parseFromString(notesPart, 'text/xml') as unknown as Document) : [];
  return new FakeWord(items, { ...options, customProperties, ...(footnotes.length && !options.footnotes ? { footnotes } : {}) });
}
