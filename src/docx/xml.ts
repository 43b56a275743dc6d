import { newSaxesParser } from '../zip/saxes';
import { UnreadableTemplateError } from './errors';
import { formatCount } from '../core/format';

/**
 * Positions of XML elements in a part's text, for editing by splicing: saxes (the XML parser every
 * reader of the product uses, src/zip/saxes.ts) reads the text and tells where each tag ends (a
 * UTF-16 offset, the whole string being written at once); the tag starts at the last '<' before
 * that, since '<' cannot occur inside a tag (attribute values must escape it). A caller can then
 * cut or insert bytes while every other byte stays as it was.
 *
 * Every scan runs under a budget shared by the whole package: a count of elements and a maximum
 * depth, so a hostile part is refused while it is read, in time linear in its size.
 */

export interface XmlBudget {
  /** Elements still allowed in the package. */
  elementsLeft: number;
  readonly maxElements: number;
  readonly maxDepth: number;
}

export interface ElementEvent {
  name: string;
  attrs: Record<string, string>;
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just after the start tag's '>'. */
  openEnd: number;
  selfClosing: boolean;
  /** Depth of the element: the root is 1. */
  depth: number;
}

export interface CloseEvent extends ElementEvent {
  /** Offset of '<' of the end tag (equal to `start` for an empty-element tag). */
  closeStart: number;
  /** Offset just after the end tag. */
  end: number;
}

export interface ScanHandlers {
  open?(el: ElementEvent): void;
  close?(el: CloseEvent): void;
}

/** Runs `handlers` over every element of `xml`; throws UnreadableTemplateError on malformed XML or an exceeded limit. */
export function scanXml(xml: string, part: string, budget: XmlBudget, handlers: ScanHandlers): void {
  const parser = newSaxesParser();
  const stack: CloseEvent[] = [];
  const broken = (e: unknown) =>
    new UnreadableTemplateError('bad_xml', `Mẫu báo cáo bị hỏng: phần ${part} không phải XML hợp lệ. Hãy mở mẫu bằng Word, lưu lại rồi thử lại, hoặc dùng mẫu gốc.`, String(e));
  parser.on('opentag', (node) => {
    if (--budget.elementsLeft < 0) {
      throw new UnreadableTemplateError(
        'too_many_elements',
        `Mẫu báo cáo có quá nhiều phần tử XML (hơn ${formatCount(budget.maxElements)}, giới hạn số phần tử XML): mẫu báo cáo thường chỉ vài nghìn; hãy dùng mẫu gốc hoặc lưu lại mẫu bằng Word.`,
      );
    }
    if (stack.length + 1 > budget.maxDepth) {
      throw new UnreadableTemplateError(
        'too_deep',
        `Mẫu báo cáo lồng XML quá sâu (hơn ${formatCount(budget.maxDepth)} cấp trong ${part}, giới hạn độ sâu XML): hãy dùng mẫu gốc hoặc lưu lại mẫu bằng Word.`,
      );
    }
    const openEnd = parser.position;
    const start = xml.lastIndexOf('<', openEnd - 1);
    // One object per element, completed at its end tag: no copy on the way.
    const el: CloseEvent = {
      name: node.name,
      attrs: node.attributes,
      start,
      openEnd,
      selfClosing: node.isSelfClosing === true,
      depth: stack.length + 1,
      closeStart: -1,
      end: -1,
    };
    stack.push(el);
    handlers.open?.(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    el.end = el.selfClosing ? el.openEnd : parser.position;
    el.closeStart = el.selfClosing ? el.start : xml.lastIndexOf('<', el.end - 1);
    handlers.close?.(el);
  });
  parser.on('error', (e) => {
    throw broken(e);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof UnreadableTemplateError) throw e;
    throw broken(e);
  }
}

/** The local name of a qualified name: "vt:lpwstr" → "lpwstr". */
export const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);
/** The prefix with its colon: "vt:lpwstr" → "vt:", "Types" → "". */
export const prefixOf = (qname: string) => qname.slice(0, qname.indexOf(':') + 1);

/** Replacements applied to `xml` at once; ranges must not overlap. */
export function splice(xml: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** A budget with nothing used yet. */
export function newBudget(maxElements: number, maxDepth: number): XmlBudget {
  return { elementsLeft: maxElements, maxElements, maxDepth };
}
