import templateParts from '../../assets/templates/bao-cao-cchc.docx';
import { packParts } from '../docx/package';

/**
 * The report template, carried inside the page's script: a page opened from disk (file://) may not
 * fetch the file next to it, and an intranet server may not serve it. webpack.config.js carries it
 * as its parts' text (scripts/docx-parts-loader.js says why), packed here again in the zip's
 * order: the filler rewrites every part of what it reads, so the report is the same bytes as one
 * filled from assets/templates/bao-cao-cchc.docx itself.
 */
export async function inlinedReportTemplate(): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts = templateParts.map((p) => ({
    name: p.name,
    data: p.text !== undefined ? encoder.encode(p.text) : Uint8Array.from(atob(p.base64), (c) => c.charCodeAt(0)),
    stored: p.stored,
  }));
  return packParts(parts);
}
