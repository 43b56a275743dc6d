import type { TemplatePackage } from './package';
import { localName, prefixOf, scanXml, splice, type CloseEvent } from './xml';

/**
 * Small edits of the package's own bookkeeping ([Content_Types].xml, .rels parts, docProps/
 * custom.xml), made by splicing the parts' text at positions the XML parser reports: an edit adds
 * or removes whole elements and every other byte of the part stays as it was (entity references,
 * attribute order, whitespace, declarations). Re-serialising a DOM would rewrite all of it.
 */

export interface Root {
  name: string;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  attrs: Record<string, string>;
}

export interface Parsed {
  root: Root;
  /** The root's children. */
  children: CloseEvent[];
}

export function parsePart(pkg: TemplatePackage, xml: string, part: string): Parsed {
  let root: Root | null = null;
  const children: CloseEvent[] = [];
  scanXml(xml, part, pkg.budget, {
    close(el) {
      if (el.depth === 1) root = el;
      else if (el.depth === 2) children.push(el);
    },
  });
  if (!root) throw new Error(`no root in ${part}`);
  return { root, children };
}

/** `xml` with `inner` inserted just before the root's end tag (the root opened up if it was an empty element). */
export function appendToRoot(xml: string, root: Root, inner: string): string {
  if (!inner) return xml;
  if (!root.selfClosing) return splice(xml, [{ start: root.closeStart, end: root.closeStart, text: inner }]);
  const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, '>');
  return splice(xml, [{ start: root.start, end: root.end, text: `${open}${inner}</${root.name}>` }]);
}

/** The prefix (with colon) bound to `ns` on the root, or null. */
export function prefixFor(root: Root, ns: string): string | null {
  for (const [k, v] of Object.entries(root.attrs)) {
    if (v !== ns) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return null;
}

export const childName = (root: Root, local: string) => `${prefixOf(root.name)}${local}`;
export const isNamed = (el: { name: string }, local: string) => localName(el.name) === local;
