/**
 * The text of a .docx for `cchc doc`: body paragraphs, list items and table cells in document
 * order, then the footnotes, each as a DocParagraph (see src/core/prose/types.ts). Read with fflate
 * (only the parts read are inflated, src/docx/package.ts) and saxes (streaming, no DOM;
 * src/zip/saxes.ts), so a 100-page report costs one pass over document.xml.
 *
 * What counts as text: w:t (including inserted runs), w:tab as a tab, w:br and w:cr as a space;
 * deleted runs (w:del), field instructions (w:instrText), and drawings are skipped, as Word's own
 * reading view shows them. Footnote reference marks are not text: their place is kept in
 * `noteRefs`, so "16 đơn vị¹⁸" reads as "16 đơn vị" with note 18 after it.
 */
import { newSaxesParser } from '../zip/saxes';
import type { DocParagraph } from '../core/prose/types';
import { refusalMessage, type RefusalCode } from '../core/catalogue/refusals';
import { DOCX_LIMITS, isUnreadableTemplateError, openTemplate } from './package';
import { formatSize } from '../core/format';
import type { TemplateProblem } from './errors';
import type { XmlBudget } from './xml';

export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
  /** The refusals catalogue's code, for the refusals this reader words from it (src/core/catalogue/refusals.ts). */
  constructor(
    message: string,
    readonly code?: RefusalCode,
  ) {
    super(message);
  }
}

const BAD_XML = 'nội dung XML của tài liệu bị hỏng';

type LimitCode = 'doc_too_many_elements' | 'doc_too_deep' | 'doc_text_too_long';
const pastLimit = (code: LimitCode, limit: number) => new UnreadableDocumentError(refusalMessage(code, { limit }), code);

/**
 * What the whole document may still cost: the package's element budget (shared with every part
 * read) and its depth, and the characters of text left. Counted while saxes reads, so a hostile
 * part is refused before its text reaches the prose checker, whose work grows with the text.
 */
interface TextBudget {
  xml: XmlBudget;
  charsLeft: number;
}

function partParagraphs(xml: string, mode: 'body' | 'notes', budget: TextBudget): DocParagraph[] {
  const out: DocParagraph[] = [];
  const parser = newSaxesParser();
  let depth = 0;
  let inP = 0;
  let cellDepth = 0;
  // Where a cell's paragraphs sit: the outermost table's index, its row and grid column (a cell
  // spanning columns by w:gridSpan moves the next one on). Nested tables keep their outer cell.
  let tables = -1;
  let tblDepth = 0;
  let row = -1;
  let col = 0;
  let cell: { table: number; row: number; col: number; span?: number } | null = null;
  let list = false;
  let text = '';
  let refs: { id: string; offset: number }[] = [];
  let skip = 0;
  let inT = false;
  // Notes: the id of the w:footnote being read, its paragraphs joined.
  let noteId: string | null = null;
  let noteText: string[] = [];
  let skipNote = false;
  parser.on('opentag', (node) => {
    if (--budget.xml.elementsLeft < 0) throw pastLimit('doc_too_many_elements', budget.xml.maxElements);
    if (++depth > budget.xml.maxDepth) throw pastLimit('doc_too_deep', budget.xml.maxDepth);
    const name = node.name;
    const attrs = node.attributes;
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
    if (name === 'w:tbl') {
      tblDepth++;
      if (tblDepth === 1) {
        tables++;
        row = -1;
      }
    } else if (name === 'w:tr' && tblDepth === 1) {
      row++;
      col = 0;
    } else if (name === 'w:tc') {
      cellDepth++;
      if (tblDepth === 1) cell = { table: tables, row, col };
    } else if (name === 'w:gridSpan' && tblDepth === 1 && cell && inP === 0) {
      const span = Number(attrs['w:val']);
      if (Number.isInteger(span) && span > 1 && span <= 64) cell.span = span;
    } else if (name === 'w:p') {
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
  });
  parser.on('text', (t) => {
    if (!(inT && skip === 0 && inP)) return;
    // Counted before it is kept or normalised: one paragraph may be the whole 60 MB part.
    if ((budget.charsLeft -= t.length) < 0) throw pastLimit('doc_text_too_long', DOCX_LIMITS.maxTextChars);
    text += t.normalize('NFC');
  });
  parser.on('closetag', ({ name }) => {
    depth--;
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText' || name === 'w:drawing' || name === 'w:pict') {
      skip--;
      return;
    }
    if (name === 'w:t') inT = false;
    else if (name === 'w:tbl') tblDepth--;
    else if (name === 'w:tc') {
      cellDepth--;
      if (tblDepth === 1 && cell) {
        col += cell.span ?? 1;
        cell = null;
      }
    } else if (name === 'w:p') {
      inP--;
      if (inP > 0) return;
      if (mode === 'notes') {
        noteText.push(text);
        return;
      }
      const p: DocParagraph = { text, kind: cellDepth > 0 ? 'cell' : list ? 'list' : 'paragraph' };
      if (refs.length) p.noteRefs = refs;
      if (cellDepth > 0 && cell) p.cell = { ...cell };
      out.push(p);
    } else if ((name === 'w:footnote' || name === 'w:endnote') && noteId !== null) {
      if (!skipNote) out.push({ text: noteText.join(' ').trim(), kind: 'note', noteId });
      noteId = null;
    }
  });
  parser.on('error', () => {
    throw new UnreadableDocumentError(BAD_XML);
  });
  parser.write(xml).close();
  return out;
}

/**
 * The filler's package limits (./package.ts) apply; its template wording is replaced by the report's.
 * The zip's limits are worded for a report by the catalogue already (`role` 'document').
 */
const PROBLEM: Partial<Record<TemplateProblem, string>> = {
  too_large: `tệp lớn hơn giới hạn ${formatSize(DOCX_LIMITS.maxFileBytes)}`,
  not_zip: 'không phải tệp Word .docx (không mở được như một gói ZIP)',
  corrupt_zip: 'tệp Word bị hỏng (không giải nén được)',
  not_docx: 'không phải tệp Word .docx (có thể là tệp .doc cũ, tệp có mật khẩu, hoặc tệp Excel/PowerPoint): hãy mở bằng Word và lưu lại dưới dạng .docx',
  bad_xml: BAD_XML,
};

/** The refusals whose message the catalogue words (src/core/catalogue/refusals.ts), by the package's reason. */
const CATALOGUED: Partial<Record<TemplateProblem, RefusalCode>> = {
  too_many_parts: 'docx_too_many_parts',
  unpacked_too_large: 'docx_unpacked_too_large',
};

/** Paragraphs of a .docx in document order, then its footnotes. Throws UnreadableDocumentError on anything that is not a Word document. */
export async function readDocxParagraphs(bytes: Uint8Array): Promise<DocParagraph[]> {
  try {
    const pkg = await openTemplate(bytes, 'document');
    const budget: TextBudget = { xml: pkg.budget, charsLeft: DOCX_LIMITS.maxTextChars };
    const body = partParagraphs((await pkg.text('word/document.xml'))!, 'body', budget);
    const notes = await pkg.text('word/footnotes.xml');
    if (notes) for (const p of partParagraphs(notes, 'notes', budget)) body.push(p);
    return body;
  } catch (e) {
    if (isUnreadableTemplateError(e)) throw new UnreadableDocumentError(PROBLEM[e.reason] ?? e.message, CATALOGUED[e.reason]);
    throw e;
  }
}
