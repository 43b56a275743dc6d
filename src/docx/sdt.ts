import { newBudget, scanXml, type XmlBudget } from './xml';

/**
 * Locating content controls in a WordprocessingML part by character offsets (xml.ts), so every
 * control's start tag, content and end tag can be cut out of the original string exactly.
 * Elements are matched by their qualified name with the "w:" prefix, which Word always writes.
 *
 * One pass, constant work per element: each open element carries what its children need (the
 * nearest enclosing control, whether it lies in that control's content, whether its nearest
 * container is a paragraph), so the scan is linear in size whatever the nesting depth.
 */

export interface SdtSpan {
  tag: string;
  /** The control's title (w:alias), which LibreOffice keeps when it drops the tag; null if absent. */
  alias: string | null;
  /** Offsets of the whole w:sdt element. */
  start: number;
  end: number;
  /** Offset of the w:sdt end tag. */
  closeStart: number;
  /** Offsets of the inside of w:sdtContent (between its start and end tags); null if absent or empty-element. */
  contentStart: number | null;
  contentEnd: number | null;
  /** The whole w:sdtContent element, also when it is an empty element; null if absent. */
  content: { start: number; end: number; selfClosing: boolean } | null;
  /** Raw XML of the first paragraph's w:pPr inside the content, if any (block controls). */
  pPr: string | null;
  /** Raw XML of the first run's w:rPr inside the content, if any. */
  rPr: string | null;
  /** Raw XML of w:sdtPr/w:rPr: the formatting of the control's text once the placeholder is gone. */
  sdtRPr: string | null;
  /** The w:showingPlcHdr element (the content is the grey placeholder), if present. */
  showingPlcHdr: { start: number; end: number } | null;
  /** The w:text element of w:sdtPr (a plain-text control), if present. */
  plainText: { start: number; end: number } | null;
  /** Block control (holds paragraphs) or inline (sits in a paragraph, holds runs). */
  kind: 'block' | 'inline';
}

interface Frame {
  name: string;
  /** The nearest enclosing w:sdt (this element itself excluded). */
  owner: Sdt | null;
  /** This element is a w:sdtContent directly under a w:sdt. */
  isContent: boolean;
  /** This element lies inside its owner's w:sdtContent. */
  inContent: boolean;
  /** The nearest container of this element (itself included) is a paragraph. */
  inPara: boolean;
  /** For a w:sdt: what is learnt about it. */
  sdt: Sdt | null;
}

interface Sdt {
  span: Partial<SdtSpan> & { start: number; kind: 'block' | 'inline' };
  firstP: boolean;
  firstR: boolean;
  /** The control this one sits in: a run inside a nested control is a run of the outer one too. */
  parent: Sdt | null;
}

const CONTAINERS = new Set(['w:body', 'w:tc', 'w:txbxContent', 'w:hdr', 'w:ftr', 'w:footnote', 'w:endnote', 'w:comment']);

/** No limit beyond the parser's own: for callers that already bounded the part (tests, the pane's shipped template). */
const UNBOUNDED = () => newBudget(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

export function findControls(xml: string, opts: { part?: string; budget?: XmlBudget } = {}): SdtSpan[] {
  const frames: Frame[] = [];
  const out: SdtSpan[] = [];
  scanXml(xml, opts.part ?? 'word/document.xml', opts.budget ?? UNBOUNDED(), {
    open(el) {
      const parent = frames[frames.length - 1];
      const owner = parent ? (parent.sdt ?? parent.owner) : null;
      const frame: Frame = {
        name: el.name,
        owner,
        isContent: el.name === 'w:sdtContent' && parent?.sdt != null,
        inContent: parent ? parent.sdt == null && (parent.isContent || parent.inContent) : false,
        inPara: el.name === 'w:p' ? true : CONTAINERS.has(el.name) ? false : (parent?.inPara ?? false),
        sdt: null,
      };
      if (el.name === 'w:sdt') {
        frame.sdt = { span: { start: el.start, kind: parent?.inPara ? 'inline' : 'block', alias: null, sdtRPr: null, showingPlcHdr: null, plainText: null }, firstP: false, firstR: false, parent: owner };
      }
      const grand = frames[frames.length - 2];
      if (parent?.name === 'w:sdtPr' && grand?.sdt) {
        if (el.name === 'w:tag') grand.sdt.span.tag = el.attrs['w:val'] ?? '';
        else if (el.name === 'w:alias') grand.sdt.span.alias = el.attrs['w:val'] ?? '';
      }
      frames.push(frame);
    },
    close(el) {
      const frame = frames.pop()!;
      const parent = frames[frames.length - 1];
      const grand = frames[frames.length - 2];
      if (parent?.name === 'w:sdtPr' && grand?.sdt) {
        if (el.name === 'w:showingPlcHdr') grand.sdt.span.showingPlcHdr = { start: el.start, end: el.end };
        else if (el.name === 'w:text') grand.sdt.span.plainText = { start: el.start, end: el.end };
        else if (el.name === 'w:rPr') grand.sdt.span.sdtRPr = xml.slice(el.start, el.end);
      }
      const owner = frame.owner;
      if (owner && el.name !== 'w:sdt') {
        const s = owner.span;
        if (frame.isContent) {
          s.content = { start: el.start, end: el.end, selfClosing: el.selfClosing };
          s.contentStart = el.selfClosing ? null : el.openEnd;
          s.contentEnd = el.selfClosing ? null : el.closeStart;
        } else if (frame.inContent && el.name === 'w:pPr' && parent?.name === 'w:p' && !owner.firstP && s.pPr == null) {
          s.pPr = xml.slice(el.start, el.end);
        } else if (frame.inContent && el.name === 'w:rPr' && parent?.name === 'w:r') {
          // The first run's formatting, for this control and every control it sits in that has had no run yet.
          for (let o: Sdt | null = owner; o; o = o.parent) if (!o.firstR) o.span.rPr = xml.slice(el.start, el.end);
        } else if (frame.inContent && el.name === 'w:p') {
          owner.firstP = true;
        } else if (frame.inContent && el.name === 'w:r') {
          for (let o: Sdt | null = owner; o; o = o.parent) o.firstR = true;
        }
      }
      if (frame.sdt && !el.selfClosing) {
        const s = frame.sdt.span;
        out.push({
          tag: s.tag ?? '',
          alias: s.alias ?? null,
          start: el.start,
          end: el.end,
          closeStart: el.closeStart,
          contentStart: s.contentStart ?? null,
          contentEnd: s.contentEnd ?? null,
          content: s.content ?? null,
          pPr: s.pPr ?? null,
          rPr: s.rPr ?? null,
          sdtRPr: s.sdtRPr ?? null,
          showingPlcHdr: s.showingPlcHdr ?? null,
          plainText: s.plainText ?? null,
          kind: s.kind,
        });
      }
    },
  });
  return out.sort((a, b) => a.start - b.start);
}
