import sax from 'sax';
import { UnreadableTemplateError } from './errors';
import { formatCount } from '../core/format';

/**
 * Positions of XML elements in a part's text, for editing by splicing: sax (a real XML parser)
 * reads the text and reports where each tag starts and ends (UTF-16 offsets when the whole string
 * is written at once), so a caller can cut or insert bytes while every other byte stays as it was.
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
  const parser = sax.parser(true, { position: true });
  const stack: CloseEvent[] = [];
  parser.onopentag = (node) => {
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
    // One object per element, completed at its end tag: no copy on the way.
    const el: CloseEvent = {
      name: node.name,
      attrs: node.attributes as Record<string, string>,
      start: parser.startTagPosition - 1,
      openEnd: parser.position,
      selfClosing: node.isSelfClosing,
      depth: stack.length + 1,
      closeStart: -1,
      end: -1,
    };
    stack.push(el);
    handlers.open?.(el);
  };
  parser.onclosetag = () => {
    const el = stack.pop()!;
    el.closeStart = el.selfClosing ? el.start : parser.startTagPosition - 1;
    el.end = parser.position;
    handlers.close?.(el);
  };
  parser.onerror = (e) => {
    throw new UnreadableTemplateError('bad_xml', `Mẫu báo cáo bị hỏng: phần ${part} không phải XML hợp lệ. Hãy mở mẫu bằng Word, lưu lại rồi thử lại, hoặc dùng mẫu gốc.`, String(e));
  };
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof UnreadableTemplateError) throw e;
    throw new UnreadableTemplateError('bad_xml', `Mẫu báo cáo bị hỏng: phần ${part} không phải XML hợp lệ. Hãy mở mẫu bằng Word, lưu lại rồi thử lại, hoặc dùng mẫu gốc.`, String(e));
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
