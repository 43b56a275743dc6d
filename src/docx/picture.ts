import type { ChartImage } from '../core/chart';
import { escapeXml } from '../core/xml-text';
import { appendToRoot, childName, isNamed, parsePart } from './opc';
import type { TemplatePackage } from './package';
import { scanXml, splice } from './xml';

/**
 * The survey chart as an inline picture of the report, spliced like the rest of
 * the filler (fill.ts): the picture's paragraph goes inside the survey place, and the package
 * gains only what a picture needs, all under names of our own so a refill finds and replaces them:
 * two media parts (PNG, and SVG for Word 2016+), their relationships in
 * word/_rels/document.xml.rels, and the png/svg Default content types when missing. A fill
 * without a chart takes our media parts and relationships away again. The Default content types
 * stay: they are harmless without parts, and the template may have had them before.
 */

export const CHART_PARTS = { png: 'word/media/cchc-hailong.png', svg: 'word/media/cchc-hailong.svg' } as const;
const REL_IDS = { png: 'rIdCchcChartPng', svg: 'rIdCchcChartSvg' } as const;
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DOC_RELS = 'word/_rels/document.xml.rels';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = { png: 'image/png', svg: 'image/svg+xml' } as const;

const NS = {
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  asvg: 'http://schemas.microsoft.com/office/drawing/2016/SVG/main',
};
/** The extension URI under which Office writes the SVG blip (MS-ODRAWXML 2.3.1.31). */
const SVG_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';

// escapeXml escapes both quotes; a line break in an attribute would be read back as a space anyway.
const attr = (s: string) => escapeXml(s).replace(/\r?\n/g, () => ' ');

/**
 * The centred paragraph that holds the picture. Namespaces are declared on the elements that use
 * them, so the paragraph is valid whatever prefixes the template's root declares.
 */
export function pictureParagraph(chart: ChartImage, docPrId: number): string {
  const { widthEmu: cx, heightEmu: cy } = chart;
  return (
    `<w:p><w:pPr><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline xmlns:wp="${NS.wp}" distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${docPrId}" name="${attr(chart.title)}" descr="${attr(chart.description)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS.a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}"><pic:pic xmlns:pic="${NS.pic}">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="cchc-hailong.png" descr="${attr(chart.description)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="${NS.r}" r:embed="${REL_IDS.png}"><a:extLst><a:ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="${NS.asvg}" r:embed="${REL_IDS.svg}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

/**
 * A drawing id no other drawing of the document uses (Word reports a damaged file on duplicates):
 * one more than the largest outside `skip` (the place being refilled, whose old picture goes), so
 * a refill picks the same id again.
 */
export function freeDocPrId(pkg: TemplatePackage, parts: { name: string; xml: string; skip: { start: number; end: number }[] }[]): number {
  let max = 0;
  for (const { name, xml, skip } of parts) {
    if (!xml.includes('docPr')) continue;
    scanXml(xml, name, pkg.budget, {
      open(el) {
        if (el.name.endsWith(':docPr') || el.name === 'docPr') {
          if (skip.some((s) => el.start >= s.start && el.start < s.end)) return;
          const id = Number(el.attrs.id);
          if (Number.isSafeInteger(id)) max = Math.max(max, id);
        }
      },
    });
  }
  return max + 1;
}

/** Writes (chart given) or removes (null) the picture's parts, relationships and content types. */
export async function writeChartParts(pkg: TemplatePackage, chart: ChartImage | null, write: (name: string, text: string) => void): Promise<void> {
  const rels = await pkg.text(DOC_RELS);
  let relsText = rels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const { root, children } = parsePart(pkg, relsText, DOC_RELS);
  const ours = children.filter((el) => isNamed(el, 'Relationship') && Object.values(REL_IDS).includes(el.attrs.Id as never));
  if (ours.length) {
    relsText = splice(relsText, ours.map((el) => ({ start: el.start, end: el.end, text: '' })));
  }
  if (chart) {
    const removed = ours.reduce((n, el) => n + (el.end - el.start), 0);
    const shifted = { ...root, closeStart: root.closeStart - removed, end: root.end - removed };
    const rel = (id: string, target: string) => `<${childName(root, 'Relationship')} Id="${id}" Type="${IMAGE_REL}" Target="${target}"/>`;
    relsText = appendToRoot(relsText, shifted, rel(REL_IDS.png, 'media/cchc-hailong.png') + rel(REL_IDS.svg, 'media/cchc-hailong.svg'));
    pkg.write(CHART_PARTS.png, chart.png);
    write(CHART_PARTS.svg, chart.svg);
    await addDefaults(pkg, write);
  } else {
    for (const p of Object.values(CHART_PARTS)) pkg.remove(p);
  }
  if (relsText !== rels && (rels != null || chart)) write(DOC_RELS, relsText);
}

async function addDefaults(pkg: TemplatePackage, write: (name: string, text: string) => void): Promise<void> {
  const ct = await pkg.text('[Content_Types].xml');
  if (ct == null) return;
  const { root, children } = parsePart(pkg, ct, '[Content_Types].xml');
  const has = (ext: string) => children.some((el) => isNamed(el, 'Default') && (el.attrs.Extension ?? '').toLowerCase() === ext);
  const add = (Object.keys(CONTENT_TYPES) as (keyof typeof CONTENT_TYPES)[])
    .filter((ext) => !has(ext))
    .map((ext) => `<${childName(root, 'Default')} Extension="${ext}" ContentType="${CONTENT_TYPES[ext]}"/>`)
    .join('');
  // Defaults come before Overrides in the schema's usual order, but CT_Types is a choice: appending is valid.
  if (add) write('[Content_Types].xml', appendToRoot(ct, root, add));
}
