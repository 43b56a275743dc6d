/**
 * The report's tables in the Word pane: each table cell's paragraph gets the position `cchc doc`
 * gives it (table, row, grid column, span), read from the table's OOXML, so the table checks find
 * the same slips in the pane as on the .docx. The document is built here with the docx library,
 * a merged group header ("Đã giải quyết" over four columns, w:gridSpan) and merged row headers
 * (w:vMerge) as Word writes them; the expected slips are worked out by hand below.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { checkDocument } from '../../src/core/prose';
import type { DocFinding } from '../../src/core/prose/types';
import { readDocxParagraphs } from '../../src/docx/text';
import { tableCells } from '../../src/docx/paragraphs';
import { fakeWordFromDocx, installFakeWord } from '../../src/fake-office/word';
import { createWordActions } from '../../src/word';

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const dataRow = (...texts: string[]) => row(...texts.map((t) => cell(t)));

/**
 * A TTHC table: 7 grid columns; the first header row has 4 cells (three merged down, one across
 * four columns), so a cell's index in its row is not its column.
 *   Dược phẩm: the rate of "đúng hạn" is 18 or 10 + 18 = 28 over the resolved 30 or the received 32:
 *   60%, 56,25%, 93,33% or 87,50%; the row says 90%.
 *   Mỹ phẩm: 5 + 15 + 0 = 20, (5 + 15)/20 = 100%: right.
 *   Tổng cộng: received 32 + 21 = 53, the row says 55; resolved 30 + 20 = 50, 15, 33, 2 and 48/50 = 96,00% are right.
 */
function tthcTable() {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(cell('Lĩnh vực', { rowSpan: 2 }), cell('Tiếp nhận', { rowSpan: 2 }), cell('Đã giải quyết', { columnSpan: 4 }), cell('Tỷ lệ đúng hạn', { rowSpan: 2 })),
      row(cell('Tổng số'), cell('Trước hạn'), cell('Đúng hạn'), cell('Quá hạn')),
      dataRow('Dược phẩm', '32', '30', '10', '18', '2', '90%'),
      dataRow('Mỹ phẩm', '21', '20', '5', '15', '0', '100%'),
      dataRow('Tổng cộng', '55', '50', '15', '33', '2', '96,00%'),
    ],
  });
}

/** A small table before the TTHC one (the officer's signature block), so the TTHC table is the document's second. */
function signTable() {
  return new Table({ rows: [dataRow('SỞ Y TẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')] });
}

async function report(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          signTable(),
          new Paragraph('BÁO CÁO'),
          new Paragraph('Kết quả cải cách hành chính quý I năm 2023'),
          new Paragraph('Kết quả giải quyết thủ tục hành chính trong quý như sau:'),
          tthcTable(),
          new Paragraph('Sở tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const key = (i: DocFinding) => `${i.code} ${i.paragraph}:${i.start}-${i.end} ${i.expected ?? ''}/${i.actual ?? ''}`;

async function hosted(apiSets?: Record<string, string>) {
  const docx = await report();
  const fake = await fakeWordFromDocx(docx, apiSets ? { apiSets } : {});
  undo = installFakeWord(fake);
  return { fake, docx, actions: createWordActions() };
}

test('the pane places each cell where cchc doc does, merged cells included', async () => {
  const { docx, actions } = await hosted();
  const pane = await actions.readParagraphs!(tableCells);
  const file = await readDocxParagraphs(docx);
  expect(pane.map((p) => [p.text, p.kind, p.cell])).toEqual(file.map((p) => [p.text, p.kind, p.cell]));
  // By hand: the rate header is the first row's fourth cell but sits in grid column 6 of table 1.
  const rate = pane.find((p) => p.text === 'Tỷ lệ đúng hạn')!;
  expect(rate.cell).toEqual({ table: 1, row: 0, col: 6 });
  expect(pane.find((p) => p.text === 'Đã giải quyết')!.cell).toEqual({ table: 1, row: 0, col: 2, span: 4 });
  expect(pane.find((p) => p.text === '90%')!.cell).toEqual({ table: 1, row: 2, col: 6 });
});

test('finds the rate-cell slip and the total-row slip, as cchc doc does on the same file', async () => {
  const { docx, actions } = await hosted();
  const pane = checkDocument(await actions.readParagraphs!(tableCells)).issues;
  const cli = checkDocument(await readDocxParagraphs(docx)).issues;
  expect(pane.map(key)).toEqual(cli.map(key));
  const ps = await readDocxParagraphs(docx);
  const at = (text: string) => ps.findIndex((p) => p.text === text);
  const serious = pane.filter((i) => i.severity !== 'info');
  expect(serious.map((i) => [i.code, i.paragraph, i.actual])).toEqual([
    ['percent_mismatch', at('90%'), '90%'],
    ['table_total_mismatch', at('55'), '55'],
  ]);
  expect(['60%', '56,25%', '93,33%', '87,50%']).toContain(serious[0]!.expected);
  expect(serious[1]!.expected).toBe('53');
});

test('reads the tables in the same two round trips as the footnotes, not one per cell', async () => {
  const { fake, actions } = await hosted();
  fake.resetCounters();
  await actions.readParagraphs!(tableCells);
  // Paragraphs and tables; then the two tables' OOXML together.
  expect(fake.roundTrips).toBe(2);
});

test('a Word without WordApi 1.3 reads the cells as paragraphs, without positions: no table check', async () => {
  const { fake, actions } = await hosted({ WordApi: '1.2' });
  fake.resetCounters();
  const ps = await actions.readParagraphs!(tableCells);
  expect(fake.roundTrips).toBe(1);
  expect(ps.some((p) => p.cell)).toBe(false);
  expect(checkDocument(ps).issues.filter((i) => i.code === 'table_total_mismatch' || i.code === 'percent_mismatch')).toEqual([]);
});
