/**
 * The text of a .docx for `cchc doc`: body paragraphs, list items and table cells in document
 * order, then the footnotes, each as a DocParagraph (see src/core/prose/types.ts). Read with JSZip
 * and sax (streaming, no DOM), so a 100-page report costs one pass over document.xml.
 *
 * What counts as text: w:t (including inserted runs), w:tab as a tab, w:br and w:cr as a space;
 * deleted runs (w:del), field instructions (w:instrText), and drawings are skipped, as Word's own
 * reading view shows them. Footnote reference marks are not text: their place is kept in
 * `noteRefs`, so "16 đơn vị¹⁸" reads as "16 đơn vị" with note 18 after it.
 */
import JSZip from 'jszip';
import sax from 'sax';
import type { DocParagraph } from '../core/prose/types';

export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/** Larger inputs are refused before unzipping (a report is a few MB at most). */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** Refused when the unzipped document part is larger than this (zip bombs). */
export const MAX_PART_CHARS = 200 * 1024 * 1024;

function partParagraphs(xml: string, mode: 'body' | 'notes'): DocParagraph[] {
  const out: DocParagraph[] = [];
  const parser = sax.parser(true, {});
  let inP = 0;
  let cellDepth = 0;
  let list = false;
  let text = '';
  let refs: { id: string; offset: number }[] = [];
  let skip = 0;
  let inT = false;
  // Notes: the id of the w:footnote being read, its paragraphs joined.
  let noteId: string | null = null;
  let noteText: string[] = [];
  let skipNote = false;
  parser.onopentag = (node) => {
    const name = node.name;
    const attrs = node.attributes as Record<string, string>;
    if (name === 'w:footnote' || name === 'w:endnote') {
      noteId = attrs['w:id'] ?? null;
      noteText = [];
      skipNote = attrs['w:type'] === 'separator' || attrs['w:type'] === 'continuationSeparator' || attrs['w:type'] === 'continuationNotice';
      return;
    }
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText' || name === 'w:drawing' || name === 'w:pict') {
      skip++;
      return;
    }
    if (name === 'w:tc') cellDepth++;
    else if (name === 'w:p') {
      inP++;
      if (inP === 1) {
        text = '';
        refs = [];
        list = false;
      }
    } else if (name === 'w:numPr') list = true;
    else if (name === 'w:t') inT = true;
    else if (skip === 0 && inP) {
      if (name === 'w:tab') text += '\t';
      else if (name === 'w:br' || name === 'w:cr') text += ' ';
      else if (name === 'w:footnoteReference' && attrs['w:id']) refs.push({ id: attrs['w:id'], offset: text.length });
    }
  };
  parser.ontext = (t) => {
    if (inT && skip === 0 && inP) text += t.normalize('NFC');
  };
  parser.onclosetag = (name) => {
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText' || name === 'w:drawing' || name === 'w:pict') {
      skip--;
      return;
    }
    if (name === 'w:t') inT = false;
    else if (name === 'w:tc') cellDepth--;
    else if (name === 'w:p') {
      inP--;
      if (inP > 0) return;
      if (mode === 'notes') {
        noteText.push(text);
        return;
      }
      const p: DocParagraph = { text, kind: cellDepth > 0 ? 'cell' : list ? 'list' : 'paragraph' };
      if (refs.length) p.noteRefs = refs;
      out.push(p);
    } else if ((name === 'w:footnote' || name === 'w:endnote') && noteId !== null) {
      if (!skipNote) out.push({ text: noteText.join(' ').trim(), kind: 'note', noteId });
      noteId = null;
    }
  };
  parser.write(xml).close();
  return out;
}

/** Paragraphs of a .docx in document order, then its footnotes. Throws UnreadableDocumentError on anything that is not a Word document. */
export async function readDocxParagraphs(bytes: Uint8Array): Promise<DocParagraph[]> {
  if (bytes.length > MAX_DOCX_BYTES) throw new UnreadableDocumentError(`tệp lớn hơn ${MAX_DOCX_BYTES / 1024 / 1024} MB`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableDocumentError('không phải tệp Word .docx (không mở được như một gói ZIP)');
  }
  const main = zip.file('word/document.xml');
  if (!main) throw new UnreadableDocumentError('không phải tệp Word .docx (thiếu word/document.xml)');
  const read = async (f: JSZip.JSZipObject) => {
    const xml = await f.async('string');
    if (xml.length > MAX_PART_CHARS) throw new UnreadableDocumentError('nội dung tài liệu quá lớn');
    return xml;
  };
  let body: DocParagraph[];
  try {
    body = partParagraphs(await read(main), 'body');
    const notes = zip.file('word/footnotes.xml');
    if (notes) body.push(...partParagraphs(await read(notes), 'notes'));
  } catch (e) {
    if (e instanceof UnreadableDocumentError) throw e;
    throw new UnreadableDocumentError('nội dung XML của tài liệu bị hỏng');
  }
  return body;
}
