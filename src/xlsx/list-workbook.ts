/**
 * A one-sheet workbook of text: a bold header row kept in view (frozen), column widths, one column
 * wrapped, an AutoFilter over the header and the rows. The findings list of the standalone page
 * (src/standalone/findings-export.ts) is written with it.
 *
 * Laid out on the draft of the project's one .xlsx writer (workbook-writer.ts, which says why it
 * is written by hand) and written by it: no theme part, since nothing here takes a table style.
 * Every text goes through spreadsheetText (src/core/xml-text.ts) first, so that what XML cannot
 * hold is dropped and counted before the rows after the list are asked what to say about it.
 */
import { colToLetters } from '../core/model';
import { spreadsheetText, type XmlDrops } from '../core/xml-text';
import { WorkbookDraft, writeDraft } from './workbook-writer';

export interface ListSheet {
  /** The sheet's name as Excel shows it on its tab (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Rows after the list, outside its AutoFilter: a note about the list, told what was dropped from its texts. */
  after?: (drops: XmlDrops) => readonly (readonly string[])[];
  /** Column widths in characters, as Excel counts them. */
  widths: readonly number[];
  /** Index of the column whose cells wrap their text (top-aligned). */
  wrap?: number;
}

/** The workbook's bytes; characters XML cannot hold are dropped from the texts and counted in `drops`. */
export function listWorkbook(sheet: ListSheet, drops: XmlDrops, mtime: Date = new Date()): Uint8Array {
  // Every text made writable first, so that the rows after the list can say what was dropped.
  const texts = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map((v) => spreadsheetText(v, drops)));
  const name = spreadsheetText(sheet.name, drops);
  const header = texts([sheet.header])[0]!;
  const body = texts(sheet.rows);
  const after = texts(sheet.after?.(drops) ?? []);
  const columns = [...body, ...after].reduce((n, r) => Math.max(n, r.length), Math.max(1, header.length, sheet.widths.length));

  const book = new WorkbookDraft();
  book.created = book.modified = mtime;
  const ws = book.addWorksheet(name);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const wrapped = { wrapText: true, vertical: 'top' } as const;
  sheet.widths.forEach((width, j) => Object.assign(ws.getColumn(j + 1), { width }, j === sheet.wrap ? { alignment: wrapped } : {}));
  const bold = { bold: true };
  [header, ...body, ...after].forEach((values, i) =>
    values.forEach((text, j) => {
      if (!text) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = text;
      if (i === 0) cell.font = bold;
      if (j === sheet.wrap) cell.alignment = wrapped;
    }),
  );
  ws.autoFilter = `A1:${colToLetters(columns - 1)}${1 + body.length}`;
  return writeDraft(book, [], { level: 6, mtime }).bytes;
}
