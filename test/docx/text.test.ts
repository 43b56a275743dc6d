/** Reading a .docx's text for `cchc doc`: order, kinds, footnotes, what is not text, bad input. */
import JSZip from 'jszip';
import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, DeletedTextRun, InsertedTextRun } from 'docx';
import { readDocxParagraphs, UnreadableDocumentError } from '../../src/docx/text';
import { fixtureToDocx } from '../../scripts/corpus/docx';
import { fixtureParagraphs, parseFixture } from '../../scripts/corpus/fixture';

describe('readDocxParagraphs', () => {
  it('gives paragraphs, list items and table cells in document order, then the footnotes', async () => {
    const fx = parseFixture(['BÁO CÁO', '- Tiếp nhận 03 đơn[^1].', '| Lĩnh vực | Số hồ sơ', '| Dược phẩm | 120', 'Trân trọng báo cáo./.', '[^1]: gồm 02 đơn tố cáo và 01 đơn kiến nghị'].join('\n'));
    const got = await readDocxParagraphs(await fixtureToDocx(fx));
    expect(got).toEqual([
      { text: 'BÁO CÁO', kind: 'paragraph' },
      { text: 'Tiếp nhận 03 đơn.', kind: 'list', noteRefs: [{ id: '1', offset: 16 }] },
      { text: 'Lĩnh vực', kind: 'cell', cell: { table: 0, row: 0, col: 0 } },
      { text: 'Số hồ sơ', kind: 'cell', cell: { table: 0, row: 0, col: 1 } },
      { text: 'Dược phẩm', kind: 'cell', cell: { table: 0, row: 1, col: 0 } },
      { text: '120', kind: 'cell', cell: { table: 0, row: 1, col: 1 } },
      { text: 'Trân trọng báo cáo./.', kind: 'paragraph' },
      { text: 'gồm 02 đơn tố cáo và 01 đơn kiến nghị', kind: 'note', noteId: '1' },
    ]);
    expect(got).toEqual(fixtureParagraphs(fx));
  });

  it('joins runs, skips deleted text and keeps inserted text of tracked changes', async () => {
    const date = '2023-03-10T00:00:00Z';
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('tiếp nhận '),
                new DeletedTextRun({ text: '296', id: 1, author: 'A', date }),
                new InsertedTextRun({ text: '297', id: 2, author: 'A', date }),
                new TextRun(' hồ sơ'),
              ],
            }),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('ô 1')] }), new TableCell({ children: [new Paragraph('ô 2')] })] })] }),
          ],
        },
      ],
    });
    const got = await readDocxParagraphs(await Packer.toBuffer(doc));
    expect(got.map((p) => [p.text, p.kind])).toEqual([
      ['tiếp nhận 297 hồ sơ', 'paragraph'],
      ['ô 1', 'cell'],
      ['ô 2', 'cell'],
    ]);
  });

  it('places each cell in its table, row and grid column, a merged cell moving the next one on', async () => {
    const cell = (t: string, columnSpan?: number) => new TableCell({ children: [new Paragraph(t)], ...(columnSpan ? { columnSpan } : {}) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('trước bảng'),
            new Table({ rows: [new TableRow({ children: [cell('Tổng', 2), cell('30')] }), new TableRow({ children: [cell('a'), cell('b'), cell('c')] })] }),
            new Table({ rows: [new TableRow({ children: [cell('x')] })] }),
          ],
        },
      ],
    });
    const got = await readDocxParagraphs(await Packer.toBuffer(doc));
    // Row 0: "Tổng" spans grid columns 0–1, so "30" is in column 2; the second table is table 1.
    expect(got.map((p) => [p.text, p.cell ?? null])).toEqual([
      ['trước bảng', null],
      ['Tổng', { table: 0, row: 0, col: 0, span: 2 }],
      ['30', { table: 0, row: 0, col: 2 }],
      ['a', { table: 0, row: 1, col: 0 }],
      ['b', { table: 0, row: 1, col: 1 }],
      ['c', { table: 0, row: 1, col: 2 }],
      ['x', { table: 1, row: 0, col: 0 }],
    ]);
  });

  it('keeps a footnote reference mark out of the text', async () => {
    const doc = new Document({ footnotes: { 7: { children: [new Paragraph('15 đơn vị và 02 đơn vị')] } }, sections: [{ children: [new Paragraph({ children: [new TextRun('là 16 đơn vị'), new FootnoteReferenceRun(7), new TextRun(' trực thuộc')] })] }] });
    const got = await readDocxParagraphs(await Packer.toBuffer(doc));
    expect(got[0]).toEqual({ text: 'là 16 đơn vị trực thuộc', kind: 'paragraph', noteRefs: [{ id: '7', offset: 12 }] });
    expect(got.find((p) => p.kind === 'note')).toEqual({ text: '15 đơn vị và 02 đơn vị', kind: 'note', noteId: '7' });
  });

  it.each([
    ['not a zip', async () => new TextEncoder().encode('không phải tệp Word')],
    ['a zip without word/document.xml', async () => {
      const z = new JSZip();
      z.file('a.txt', 'x');
      return z.generateAsync({ type: 'uint8array' });
    }],
    ['broken XML', async () => {
      const z = new JSZip();
      z.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>x</w:p>');
      return z.generateAsync({ type: 'uint8array' });
    }],
  ])('refuses %s with a Vietnamese reason', async (_why, make) => {
    const err = await readDocxParagraphs(await make()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect((err as Error).message).toMatch(/tệp Word|hỏng/);
  });
});
