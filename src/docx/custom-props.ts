import { RECORD_PROP_PREFIX, RECORD_PROPS, type FillRecord } from '../core/narrative/record';
import { appendToRoot, childName, isNamed, parsePart, prefixFor } from './opc';
import type { TemplatePackage } from './package';
import { splice } from './xml';
import { escapeXml } from '../core/xml-text';

// The one XML escaping function of the project (forbidden characters dropped, markup escaped).
export { escapeXml };

/**
 * What the document was filled from, recorded in docProps/custom.xml (custom document properties
 * "CCHC.*"): Word shows them under File › Properties, and Office.js reads and writes them, so the
 * Word add-in can tell a stale report too. Our properties are cut out and written anew at the end
 * of the part; the document's own properties are not touched, byte for byte.
 */

const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const CUSTOM_CT = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const PART = 'docProps/custom.xml';

function ourProperties(record: FillRecord, firstPid: number, p: string, vt: string | null): string {
  const v = vt ?? 'vt:';
  const decl = vt == null ? ` xmlns:vt="${VT_NS}"` : '';
  // An optional field left empty (a clean fill's forcedErrors) is no property at all.
  return RECORD_PROPS.filter(([key]) => key !== 'forcedErrors' || record[key]).map(
    ([key, name], i) => `<${p}property fmtid="${FMTID}" pid="${firstPid + i}" name="${name}"><${v}lpwstr${decl}>${escapeXml(record[key] ?? '')}</${v}lpwstr></${p}property>`,
  ).join('');
}

/** Writes the record; `write` stores a changed part's text. The same record gives the same bytes, once or twice. */
export async function writeRecord(pkg: TemplatePackage, record: FillRecord, write: (name: string, text: string) => void): Promise<void> {
  const existing = await pkg.text(PART);
  if (existing != null) {
    const { root, children } = parsePart(pkg, existing, PART);
    const ours = children.filter((el) => isNamed(el, 'property') && (el.attrs.name ?? '').startsWith(RECORD_PROP_PREFIX));
    const maxPid = children.reduce((m, el) => (isNamed(el, 'property') && !ours.includes(el) ? Math.max(m, Number(el.attrs.pid) || 1) : m), 1);
    const p = prefixFor(root, CUSTOM_NS) ?? '';
    const cut = splice(existing, ours.map((el) => ({ start: el.start, end: el.end, text: '' })));
    // Offsets of the root's end tag move by what was cut before it.
    const removed = ours.reduce((n, el) => n + (el.end - el.start), 0);
    const shifted = { ...root, closeStart: root.closeStart - removed, end: root.end - removed };
    write(PART, appendToRoot(cut, shifted, ourProperties(record, maxPid + 1, p, prefixFor(root, VT_NS))));
    return;
  }
  write(PART, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}">${ourProperties(record, 2, '', 'vt:')}</Properties>`);
  const ct = await pkg.text('[Content_Types].xml');
  if (ct != null) {
    const { root, children } = parsePart(pkg, ct, '[Content_Types].xml');
    if (!children.some((el) => isNamed(el, 'Override') && (el.attrs.PartName ?? '').toLowerCase() === `/${PART}`.toLowerCase())) {
      write('[Content_Types].xml', appendToRoot(ct, root, `<${childName(root, 'Override')} PartName="/${PART}" ContentType="${CUSTOM_CT}"/>`));
    }
  }
  const rels = await pkg.text('_rels/.rels');
  if (rels != null) {
    const { root, children } = parsePart(pkg, rels, '_rels/.rels');
    if (!children.some((el) => isNamed(el, 'Relationship') && el.attrs.Type === CUSTOM_REL)) {
      write('_rels/.rels', appendToRoot(rels, root, `<${childName(root, 'Relationship')} Id="rIdCchcCustom" Type="${CUSTOM_REL}" Target="${PART}"/>`));
    }
  }
}
