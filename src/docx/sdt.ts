import sax from 'sax';

/**
 * Locating content controls in a WordprocessingML part by character offsets. sax reports the
 * position after each token (a UTF-16 index when the whole string is written at once), so every
 * element's start tag, content and end tag can be cut out of the original string exactly.
 * Elements are matched by their qualified name with the "w:" prefix, which Word always writes.
 */

export interface SdtSpan {
  tag: string;
  /** Offsets of the whole w:sdt element. */
  start: number;
  end: number;
  /** Offsets of the inside of w:sdtContent (between its start and end tags); null if absent or empty-element. */
  contentStart: number | null;
  contentEnd: number | null;
  /** Raw XML of the first paragraph's w:pPr inside the content, if any (block controls). */
  pPr: string | null;
  /** Raw XML of the first run's w:rPr inside the content, if any. */
  rPr: string | null;
  /** Block control (holds paragraphs) or inline (sits in a paragraph, holds runs). */
  kind: 'block' | 'inline';
}

interface Open {
  name: string;
  start: number;
  openEnd: number;
  attrs: Record<string, string>;
  selfClosing: boolean;
  /** For w:sdt: what was learnt so far. */
  sdt?: Partial<SdtSpan> & { firstP?: boolean; firstR?: boolean };
}

export function findControls(xml: string): SdtSpan[] {
  const parser = sax.parser(true, { position: true });
  const stack: Open[] = [];
  const out: SdtSpan[] = [];
  let pendingStart = 0;
  const tagStart = (pos: number) => xml.lastIndexOf('<', pos - 1);
  const nearestSdt = (): Open | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.name === 'w:sdt') return stack[i];
    return undefined;
  };
  parser.onopentagstart = () => {
    pendingStart = tagStart(parser.position);
  };
  parser.onopentag = (node) => {
    const parent = stack[stack.length - 1];
    const el: Open = { name: node.name, start: pendingStart, openEnd: parser.position, attrs: node.attributes as Record<string, string>, selfClosing: node.isSelfClosing };
    if (node.name === 'w:sdt') {
      el.sdt = { start: el.start, contentStart: null, contentEnd: null, pPr: null, rPr: null, kind: insideParagraph(stack) ? 'inline' : 'block' };
    }
    if (node.name === 'w:tag' && parent?.name === 'w:sdtPr') {
      const sdt = stack[stack.length - 2];
      if (sdt?.sdt) sdt.sdt.tag = el.attrs['w:val'] ?? '';
    }
    stack.push(el);
  };
  parser.onclosetag = () => {
    const el = stack.pop()!;
    const end = parser.position;
    const parent = stack[stack.length - 1];
    const sdt = nearestSdt();
    if (sdt?.sdt && el.name !== 'w:sdt') {
      const s = sdt.sdt;
      const inContent = stack[stack.indexOf(sdt) + 1]?.name === 'w:sdtContent';
      if (el.name === 'w:sdtContent' && parent === sdt) {
        s.contentStart = el.selfClosing ? null : el.openEnd;
        s.contentEnd = el.selfClosing ? null : tagStart(end);
      } else if (inContent && el.name === 'w:pPr' && parent?.name === 'w:p' && !s.firstP && s.pPr == null) {
        s.pPr = xml.slice(el.start, end);
      } else if (inContent && el.name === 'w:rPr' && parent?.name === 'w:r' && !s.firstR) {
        s.rPr = xml.slice(el.start, end);
      } else if (inContent && el.name === 'w:p') {
        s.firstP = true;
      } else if (inContent && el.name === 'w:r') {
        s.firstR = true;
      }
    }
    if (el.name === 'w:sdt' && el.sdt) {
      const s = el.sdt;
      out.push({ tag: s.tag ?? '', start: el.start, end, contentStart: s.contentStart ?? null, contentEnd: s.contentEnd ?? null, pPr: s.pPr ?? null, rPr: s.rPr ?? null, kind: s.kind! });
    }
  };
  parser.onerror = (e) => {
    throw e;
  };
  parser.write(xml).close();
  return out.sort((a, b) => a.start - b.start);
}

/** A w:sdt whose nearest container is a paragraph is run-level; under a body, cell, text box… block-level. */
function insideParagraph(stack: readonly Open[]): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const n = stack[i]!.name;
    if (n === 'w:p') return true;
    if (['w:body', 'w:tc', 'w:txbxContent', 'w:hdr', 'w:ftr', 'w:footnote', 'w:endnote', 'w:comment'].includes(n)) return false;
  }
  return false;
}
