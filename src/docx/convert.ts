import { isNamed, parsePart } from './opc';
import type { TemplatePackage } from './package';
import { splice } from './xml';

/**
 * A report made from a template (.dotx, .dotm) or a macro-enabled document (.docm) must be a
 * plain .docx: Word refuses to open a file named .docx whose main part declares itself a template
 * or macro-enabled ("the file cannot be opened because there are problems with the contents"),
 * and a report sent to the province must not carry macros. The main part's content type is set to
 * the document one, and the VBA project, the parts it relates to and their registrations go.
 */

export const DOCUMENT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const OTHER_MAIN: Record<string, Conversion['from']> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'dotx',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml': 'dotm',
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'docm',
};
const VBA_REL = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
const VBA_CT = 'application/vnd.ms-office.vbaProject';

export interface Conversion {
  /** What the template was, from its main part's content type. */
  from: 'docx' | 'dotx' | 'dotm' | 'docm';
  /** Parts removed (the VBA project and what it relates to). */
  dropped: string[];
}

/** Part name of a relationship target written in the part `source` ("word/document.xml"). */
export function resolveTarget(source: string, target: string): string {
  const segs = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segs.pop();
    else if (s && s !== '.') segs.push(s);
  }
  return segs.join('/');
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

/** Turns the package into a .docx; `write` stores a changed part's text. */
export async function asDocument(pkg: TemplatePackage, write: (name: string, text: string) => void): Promise<Conversion> {
  const dropped: string[] = [];
  const docRelsName = relsOf('word/document.xml');
  const docRels = await pkg.text(docRelsName);
  if (docRels != null) {
    const { children } = parsePart(pkg, docRels, docRelsName);
    const vba = children.filter((el) => isNamed(el, 'Relationship') && el.attrs.Type === VBA_REL && el.attrs.TargetMode !== 'External');
    for (const rel of vba) {
      const part = resolveTarget('word/document.xml', rel.attrs.Target ?? '');
      dropped.push(part);
      const ownRels = await pkg.text(relsOf(part));
      if (ownRels != null) {
        dropped.push(relsOf(part));
        for (const el of parsePart(pkg, ownRels, relsOf(part)).children) {
          if (isNamed(el, 'Relationship') && el.attrs.TargetMode !== 'External') dropped.push(resolveTarget(part, el.attrs.Target ?? ''));
        }
      }
    }
    if (vba.length) write(docRelsName, splice(docRels, vba.map((el) => ({ start: el.start, end: el.end, text: '' }))));
  }

  let from: Conversion['from'] = 'docx';
  const ct = await pkg.text('[Content_Types].xml');
  if (ct != null) {
    const { children } = parsePart(pkg, ct, '[Content_Types].xml');
    const edits: { start: number; end: number; text: string }[] = [];
    const goneNames = new Set(dropped.map((p) => `/${p}`.toLowerCase()));
    const overridden = new Set<string>();
    for (const el of children) {
      if (!isNamed(el, 'Override')) continue;
      const name = (el.attrs.PartName ?? '').toLowerCase();
      if (goneNames.has(name)) edits.push({ start: el.start, end: el.end, text: '' });
      else overridden.add(name);
      const was = OTHER_MAIN[el.attrs.ContentType ?? ''];
      if (name === '/word/document.xml' && was) {
        from = was;
        edits.push({ start: el.start, end: el.end, text: ct.slice(el.start, el.end).replace(el.attrs.ContentType!, DOCUMENT_MAIN) });
      }
    }
    // The "bin" default types the VBA project; it goes unless another .bin part still relies on it.
    const remaining = pkg.names().filter((n) => !dropped.includes(n));
    const binNeeded = remaining.some((n) => n.toLowerCase().endsWith('.bin') && !overridden.has(`/${n}`.toLowerCase()));
    for (const el of children) {
      if (isNamed(el, 'Default') && el.attrs.ContentType === VBA_CT && !binNeeded) edits.push({ start: el.start, end: el.end, text: '' });
    }
    if (edits.length) write('[Content_Types].xml', splice(ct, edits));
  }
  for (const p of dropped) pkg.remove(p);
  return { from, dropped };
}
