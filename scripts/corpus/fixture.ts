/**
 * The plain-text form of the evaluation corpus (test/fixtures/seeds/*.txt, test/fixtures/doc/):
 * one paragraph per line; "- " and "+ " lines are list items (levels 0 and 1, the mark dropped as
 * Word's numbering would show it); "| a | b" lines are table rows; "[^n]" marks a footnote
 * reference and "[^n]: text" lines are the notes. Kept tiny on purpose: it only has to carry the
 * seed reports into .docx files, and the same paragraphs into tests that need no .docx.
 */
import type { DocParagraph } from '../../src/core/prose/types';

export type Block =
  | { type: 'p'; text: string; list?: 0 | 1; refs: { id: string; offset: number }[] }
  | { type: 'table'; rows: string[][] };

export interface Fixture {
  blocks: Block[];
  notes: { id: string; text: string }[];
}

const REF = /\[\^(\d+)\]/g;

function withRefs(raw: string): { text: string; refs: { id: string; offset: number }[] } {
  const refs: { id: string; offset: number }[] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(REF)) {
    text += raw.slice(last, m.index);
    refs.push({ id: m[1]!, offset: text.length });
    last = m.index + m[0].length;
  }
  return { text: text + raw.slice(last), refs };
}

export function parseFixture(src: string): Fixture {
  const blocks: Block[] = [];
  const notes: { id: string; text: string }[] = [];
  for (const line of src.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const note = /^\[\^(\d+)\]:\s*(.*)$/.exec(line);
    if (note) {
      notes.push({ id: note[1]!, text: note[2]! });
      continue;
    }
    // "[…]" joins two excerpts of one page: a paragraph of its own, so nothing reads across it.
    if (line.trim() === '[…]') {
      blocks.push({ type: 'p', text: '[…]', refs: [] });
      continue;
    }
    if (line.startsWith('|')) {
      const cells = line.slice(1).split('|').map((c) => c.trim());
      const last = blocks[blocks.length - 1];
      if (last?.type === 'table') last.rows.push(cells);
      else blocks.push({ type: 'table', rows: [cells] });
      continue;
    }
    const list = line.startsWith('- ') ? 0 : line.startsWith('+ ') ? 1 : undefined;
    const { text, refs } = withRefs(list === undefined ? line.trim() : line.slice(2).trim());
    blocks.push(list === undefined ? { type: 'p', text, refs } : { type: 'p', text, list, refs });
  }
  return { blocks, notes };
}

/** The paragraphs the .docx reader gives for the built document: body in order (cells row by row), then the notes. */
export function fixtureParagraphs(f: Fixture): DocParagraph[] {
  const out: DocParagraph[] = [];
  let table = -1;
  for (const b of f.blocks) {
    if (b.type === 'table') {
      table++;
      // Every row as wide as the widest, as fixtureToDocx writes it.
      const width = Math.max(...b.rows.map((r) => r.length));
      b.rows.forEach((r, row) => {
        for (let col = 0; col < width; col++) out.push({ text: r[col] ?? '', kind: 'cell', cell: { table, row, col } });
      });
      continue;
    }
    const p: DocParagraph = { text: b.text, kind: b.list === undefined ? 'paragraph' : 'list' };
    if (b.refs.length) p.noteRefs = b.refs;
    out.push(p);
  }
  for (const n of f.notes) out.push({ text: n.text, kind: 'note', noteId: n.id });
  return out;
}
