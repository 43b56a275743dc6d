/**
 * Turns a corpus fixture (see fixture.ts) into a .docx with the `docx` library: paragraphs,
 * bulleted list items, Word tables and real footnotes, so the .docx reader meets what Word writes.
 */
import { Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Fixture } from './fixture';

export async function fixtureToDocx(f: Fixture): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of f.blocks) {
    if (b.type === 'table') {
      const width = Math.max(...b.rows.map((r) => r.length));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map((r) => new TableRow({ children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] })) })),
        }),
      );
      continue;
    }
    const runs: (TextRun | FootnoteReferenceRun)[] = [];
    let last = 0;
    for (const ref of b.refs) {
      if (ref.offset > last) runs.push(new TextRun(b.text.slice(last, ref.offset)));
      runs.push(new FootnoteReferenceRun(Number(ref.id)));
      last = ref.offset;
    }
    if (last < b.text.length) runs.push(new TextRun(b.text.slice(last)));
    children.push(new Paragraph(b.list === undefined ? { children: runs } : { children: runs, numbering: { reference: 'gach', level: b.list } }));
  }
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const n of f.notes) footnotes[Number(n.id)] = { children: [new Paragraph(n.text)] };
  const doc = new Document({
    creator: 'cchc corpus',
    footnotes,
    numbering: {
      config: [
        {
          reference: 'gach',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '-' },
            { level: 1, format: LevelFormat.BULLET, text: '+' },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
