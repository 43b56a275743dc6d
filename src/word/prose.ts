import type { DocParagraph } from '../core/prose/types';
import { HostError, type TableCellReader, type TextSpan } from '../host/actions';
import { toHostError, type Doing } from './errors';

/**
 * The Word side of "Kiểm tra số liệu trong văn bản": reading the document's paragraphs and footnotes (one round
 * trip, two with footnotes), selecting a figure, and highlighting figures reversibly.
 *
 * Office.js has no range by character offsets, so a figure is found again by searching its text
 * in its paragraph and taking the occurrence that starts at its offset. Marks are highlights (not
 * text): each marked range's own highlight colour is saved in a document setting first, restored
 * on clear only where the range still carries our colour (a highlight the user set since is
 * kept), and the setting is removed, as the Excel highlights do.
 */

interface SavedMark extends TextSpan {
  text: string;
  previous: string | null;
}

export const MARK_SETTING = 'cchcDocMarks';
export const MARK_COLOR = '#FFFF00';

const isOurs = (color: string | null | undefined) => !!color && (color.toUpperCase() === MARK_COLOR || color.toLowerCase() === 'yellow');

async function run<T>(doing: string, batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Word.run(batch);
  } catch (e) {
    // The sentence is only interpolated into the message; the adapter's Doing list is not ours to extend.
    throw toHostError(e, doing as Doing);
  }
}

/** Which occurrence of `needle` in `text` (non-overlapping, as Word's search finds them) starts at `start`; -1 if none. */
export function occurrenceAt(text: string, needle: string, start: number): number {
  let k = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length), k++) {
    if (i === start) return k;
    if (i > start) break;
  }
  return -1;
}

/**
 * Footnotes are read where the host has Body.footnotes (WordApi 1.5), after the body, each
 * paragraph as kind "note", as `cchc doc` reads them, so their figures are checked too. Which
 * figure a note's reference mark follows is not known here (Office.js gives the mark as a range,
 * not as an offset in the paragraph's text), so the note is not read as that figure's breakdown
 * as `cchc doc` does; every other check is the same.
 */
const notesReadable = () => Office.context.requirements.isSetSupported('WordApi', '1.5');

/**
 * A footnote as one DocParagraph, as `cchc doc` reads it (src/docx/text.ts): its paragraphs joined
 * by a space, trimmed. `parts` say where each of its paragraphs starts in that text, so a figure
 * can be found again in its own paragraph.
 */
export function joinNote(texts: readonly string[]): { text: string; parts: { start: number; length: number }[] } {
  const joined = texts.join(' ');
  const lead = joined.length - joined.trimStart().length;
  let pos = -lead;
  const parts = texts.map((t) => {
    const part = { start: pos, length: t.length };
    pos += t.length + 1;
    return part;
  });
  return { text: joined.trim(), parts };
}

/** Queues the footnotes' load; after the sync, `paragraphs()` queues their paragraphs' (one more sync). */
function loadNotes(context: Word.RequestContext) {
  const notes = context.document.body.footnotes;
  notes.load('items/type');
  return {
    paragraphs: (props: string) =>
      notes.items.map((n) => {
        const ps = n.body.paragraphs;
        ps.load(props);
        return ps;
      }),
  };
}

const NOTE_MARK = String.fromCharCode(2);

/**
 * A paragraph's text as the .docx reader reads it: Word returns a footnote's reference mark as
 * U+0002 inside Paragraph.text (https://github.com/OfficeDev/office-js/issues/2749), which the
 * file has as an element, not a character. Dropped here and wherever offsets into the text are
 * taken, so the figures and their positions are the same in the pane and in `cchc doc`; a search
 * for a figure never contains the mark, so the ranges Word finds are the same.
 */
export const wordText = (t: string): string => t.normalize('NFC').split(NOTE_MARK).join('');

/**
 * Where each table cell's paragraph sits, as `cchc doc` reads it: each top-level table's OOXML
 * (Table.getRange("Whole").getOoxml(), WordApi 1.3 and 1.1) read by `cells`, the .docx reader's
 * own code. Office.js also has Paragraph.parentTableCellOrNullObject with TableCell.cellIndex, but
 * that counts cells, not grid columns: after a merged header cell ("Đã giải quyết" over three
 * columns, w:gridSpan) every column to its right would be read as another one, and the rate and
 * total checks would compare the wrong cells. The OOXML gives the grid as the file has it, in
 * one round trip for all tables, whatever their number of cells.
 *
 * Body.tables, in document order, may or may not list nested tables (the reference does not say:
 * learn.microsoft.com/javascript/api/word/word.body#word-word-body-tables-member); only those
 * with Table.nestingLevel 1 are read, as `cchc doc` numbers them; a nested table's paragraphs
 * sit at their outer cell in both. Body.paragraphs holds each table's cell paragraphs together
 * and in order (tableNestingLevel > 0), so table k's are the next ones after table k-1's. A table
 * whose OOXML cannot be read, or whose paragraphs do not match Word's in number and text, leaves
 * its cells and those after it without position: no table check rather than a wrong one.
 */
function placeCells(out: DocParagraph[], tables: ReturnType<TableCellReader>[]): void {
  const cellParagraphs = out.filter((p) => p.kind === 'cell');
  let at = 0;
  for (const [k, cells] of tables.entries()) {
    if (!cells) return;
    const mine = cellParagraphs.slice(at, at + cells.length);
    if (mine.length < cells.length || mine.some((p, i) => p.text !== cells[i]!.text)) return;
    mine.forEach((p, i) => (p.cell = { ...cells[i]!.cell, table: k }));
    at += cells.length;
  }
}

/**
 * Body paragraphs in document order with their kind (and, given `cells`, each table cell's
 * position), then the footnotes': one sync, two with notes or tables (their OOXML and the notes'
 * paragraphs travel together). Should a host fail on the tables, they are read without positions;
 * should it fail on the footnotes, the body is read alone: the officer gets the body checked
 * rather than no check at all.
 */
export function readParagraphs(cells?: TableCellReader): Promise<DocParagraph[]> {
  return run('đọc nội dung văn bản', async (context) => {
    // Paragraph.tableNestingLevel and isListItem, Body.tables and Table.getRange: WordApi 1.3.
    const lists = Office.context.requirements.isSetSupported('WordApi', '1.3');
    const read = async (withNotes: boolean, withTables: boolean): Promise<DocParagraph[]> => {
      const body = context.document.body;
      const ps = body.paragraphs;
      ps.load(lists ? 'items/text,items/tableNestingLevel,items/isListItem' : 'items/text');
      const tables = withTables && cells ? body.tables : null;
      tables?.load('items/nestingLevel');
      const notes = withNotes ? loadNotes(context) : null;
      await context.sync();
      const out: DocParagraph[] = ps.items.map((p) => ({ text: wordText(p.text), kind: lists && p.tableNestingLevel > 0 ? 'cell' : lists && p.isListItem ? 'list' : 'paragraph' }));
      const hasCells = out.some((p) => p.kind === 'cell');
      const ooxml = tables && hasCells ? tables.items.filter((t) => t.nestingLevel === 1).map((t) => t.getRange('Whole').getOoxml()) : [];
      const noteParagraphs = notes?.paragraphs('items/text') ?? [];
      if (noteParagraphs.length || ooxml.length) await context.sync();
      if (ooxml.length) placeCells(out, ooxml.map((x) => cells!(x.value)));
      noteParagraphs.forEach((np, k) => out.push({ text: joinNote(np.items.map((p) => wordText(p.text))).text, kind: 'note', noteId: String(k + 1) }));
      return out;
    };
    const notes = notesReadable();
    const tables = lists && !!cells;
    const attempts: [boolean, boolean][] = [[notes, tables]];
    if (tables) attempts.push([notes, false]);
    if (notes) attempts.push([false, false]);
    for (const [i, [n, t]] of attempts.entries()) {
      try {
        return await read(n, t);
      } catch (e) {
        if (i === attempts.length - 1) throw e;
      }
    }
    return read(false, false);
  });
}

/** Finds the ranges of the spans (paragraph texts, then the searches): two syncs, three for a span in a footnote. */
async function rangesOf(context: Word.RequestContext, spans: TextSpan[], withColor: boolean): Promise<(Word.Range | null)[]> {
  const body = context.document.body.paragraphs;
  body.load('items/text');
  const notes = notesReadable() ? loadNotes(context) : null;
  await context.sync();
  // Where each DocParagraph's text is: a body paragraph, or a footnote's paragraphs (joinNote).
  const located: ((s: TextSpan) => { p: Word.Paragraph; start: number; end: number } | null)[] = body.items.map((p) => (s) => ({ p, start: s.start, end: s.end }));
  if (notes && spans.some((s) => s.paragraph >= body.items.length)) {
    const noteParagraphs = notes.paragraphs('items/text');
    if (noteParagraphs.length) {
      await context.sync();
      for (const np of noteParagraphs) {
        const { parts } = joinNote(np.items.map((p) => wordText(p.text)));
        located.push((s) => {
          // A figure is within one of the note's paragraphs; one across two is not found.
          const j = parts.findIndex((x) => s.start >= x.start && s.end <= x.start + x.length);
          return j < 0 ? null : { p: np.items[j]!, start: s.start - parts[j]!.start, end: s.end - parts[j]!.start };
        });
      }
    }
  }
  const found = spans.map((span) => {
    const at = located[span.paragraph]?.(span);
    if (!at) return null;
    const { p } = at;
    const s = { start: at.start, end: at.end };
    const text = wordText(p.text);
    const needle = text.slice(s.start, s.end);
    const k = needle ? occurrenceAt(text, needle, s.start) : -1;
    if (k < 0) return null;
    const results = p.search(needle, { matchCase: true });
    results.load(withColor ? 'items/text,items/font/highlightColor' : 'items/text');
    return { results, k };
  });
  await context.sync();
  return found.map((f) => (f ? (f.results.items[f.k] ?? null) : null));
}

export function selectText(span: TextSpan): Promise<void> {
  return run('chọn số liệu trong văn bản', async (context) => {
    const [range] = await rangesOf(context, [span], false);
    if (!range) throw new HostError('Không tìm thấy số liệu này trong văn bản nữa (có thể văn bản vừa được sửa). Hãy kiểm tra lại.');
    range.select();
    await context.sync();
  });
}

function savedMarks(): SavedMark[] {
  const v = Office.context.document.settings.get(MARK_SETTING) as unknown;
  return Array.isArray(v) ? (v as SavedMark[]) : [];
}

function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new HostError(`Word không lưu được danh sách các số đã đánh dấu (${r.error?.message ?? 'lỗi không rõ'}). Hãy lưu văn bản rồi thử lại.`));
    });
  });
}

/** Restores the own highlight of every range still carrying our mark, then forgets the marks. */
export async function clearTextMarks(): Promise<void> {
  const marks = savedMarks();
  if (!marks.length) return;
  await run('xóa đánh dấu số liệu', async (context) => {
    const ranges = await rangesOf(context, marks, true);
    ranges.forEach((r, i) => {
      if (r && r.text === marks[i]!.text && isOurs(r.font.highlightColor)) r.font.highlightColor = marks[i]!.previous as string;
    });
    await context.sync();
  });
  Office.context.document.settings.remove(MARK_SETTING);
  await saveSettings();
}

/** Highlights the spans (after clearing earlier marks), saving each range's own highlight first. */
export async function markText(spans: TextSpan[]): Promise<void> {
  await clearTextMarks();
  if (!spans.length) return;
  const saved: SavedMark[] = [];
  await run('đánh dấu số liệu trong văn bản', async (context) => {
    const ranges = await rangesOf(context, spans, true);
    ranges.forEach((r, i) => {
      if (!r) return;
      saved.push({ ...spans[i]!, text: r.text, previous: r.font.highlightColor ?? null });
      r.font.highlightColor = MARK_COLOR;
    });
    // The list is saved before the highlights land, so a failure between them leaves nothing unrecorded.
    Office.context.document.settings.set(MARK_SETTING, saved);
    await saveSettings();
    await context.sync();
  });
}
