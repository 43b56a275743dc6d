/**
 * The paragraphs of one WordprocessingML part, read with saxes as `cchc doc` reads them (./text.ts),
 * shared with the Word pane: there Office.js gives a table's OOXML (Range.getOoxml) and the same
 * code says where each of its paragraphs sits (table, row, grid column, span), so a merged header
 * cell moves the columns after it exactly as in the file (`tableCells`).
 */
import { newSaxesParser } from '../zip/saxes';
import type { DocParagraph } from '../core/prose/types';
import { refusalMessage, type RefusalCode } from '../core/catalogue/refusals';
import { DOCX_LIMITS } from './limits';
import { newBudget, type XmlBudget } from './xml';

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

export const BAD_XML = 'nội dung XML của tài liệu bị hỏng';

type LimitCode = 'doc_too_many_elements' | 'doc_too_deep' | 'doc_text_too_long';
const pastLimit = (code: LimitCode, limit: number) => new UnreadableDocumentError(refusalMessage(code, { limit }), code);

/**
 * What the whole document may still cost: the package's element budget (shared with every part
 * read) and its depth, and the characters of text left. Counted while saxes reads, so a hostile
 * part is refused before its text reaches the prose checker, whose work grows with the text.
 */
export interface TextBudget {
  xml: XmlBudget;
  charsLeft: number;
}

/**
 * `within`: only the paragraphs inside that element count (a flat OPC package from getOoxml holds
 * other parts, styles and perhaps footnotes, beside the document's w:body).
 */
export function partParagraphs(xml: string, mode: 'body' | 'notes', budget: TextBudget, within?: string): DocParagraph[] {
  const out: DocParagraph[] = [];
  const parser = newSaxesParser();
  let depth = 0;
  let inside = within ? 0 : 1;
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
    if (name === within) inside++;
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
    if (name === within) inside--;
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
      if (!inside) return;
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


/** A table cell's paragraph as the .docx reader gives it: its text and where it sits. */
export interface CellParagraph {
  text: string;
  cell: NonNullable<DocParagraph['cell']>;
}

/**
 * The paragraphs of the one table in a range's OOXML (Word's Range.getOoxml: a flat OPC package,
 * pkg:package, whose /word/document.xml part holds the range in its w:body; see "Create better
 * add-ins for Word with Office Open XML", learn.microsoft.com/office/dev/add-ins/word/create-better-add-ins-for-word-with-office-open-xml),
 * in document order, nested tables' paragraphs at their outer cell, read by the code `cchc doc`
 * reads the file with, within the .docx limits. Null when the XML is broken, past a limit, or
 * holds no table or more than one: the pane then reads that table's cells without positions.
 */
export function tableCells(ooxml: string): CellParagraph[] | null {
  const budget: TextBudget = { xml: newBudget(DOCX_LIMITS.maxXmlElements, DOCX_LIMITS.maxXmlDepth), charsLeft: DOCX_LIMITS.maxTextChars };
  let ps: DocParagraph[];
  try {
    ps = partParagraphs(ooxml, 'body', budget, 'w:body');
  } catch (e) {
    if (e instanceof UnreadableDocumentError) return null;
    throw e;
  }
  const cells = ps.filter((p): p is DocParagraph & { cell: CellParagraph['cell'] } => p.kind === 'cell' && !!p.cell);
  // One table: the range is a table's. Its index in the package is of no use to the caller.
  if (!cells.length || cells.some((p) => p.cell.table !== cells[0]!.cell.table)) return null;
  return cells.map((p) => ({ text: p.text, cell: p.cell }));
}
