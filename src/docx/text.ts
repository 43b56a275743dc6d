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
import type { DocParagraph } from '../core/prose/types';
import { DOCX_LIMITS, isUnreadableTemplateError, openTemplate } from './package';
import { formatSize } from '../core/format';
import type { TemplateProblem } from './errors';
import type { RefusalCode } from '../core/catalogue/refusals';
import { BAD_XML, UnreadableDocumentError, partParagraphs, type TextBudget } from './paragraphs';

export { UnreadableDocumentError } from './paragraphs';

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
