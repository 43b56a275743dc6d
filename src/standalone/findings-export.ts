import type { Finding } from '../core/findings';
import { SEVERITY_LABEL } from '../core/messages';
import { newXmlDrops, spreadsheetText, xmlDropsNote } from '../core/xml-text';

/**
 * The columns of the findings list, in both formats. Everything an officer reads is Vietnamese; the
 * finding's code (`sum_mismatch`…) is kept for whoever supports them, in the last column, which says
 * who it is for, so the message sits beside the cell and the severity.
 */
export const FINDINGS_COLUMNS = ['Trang tính', 'Ô', 'Mức độ', 'Nội dung', 'Mã lỗi (cho bộ phận CNTT)'] as const;

export function findingRows(findings: readonly Finding[]): string[][] {
  return findings.map((f) => [f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.message, f.code]);
}

/**
 * Where a field could start a formula. Excel and LibreOffice split a line on the list separator of
 * the officer's locale, not ours: "," in English, ";" on Vietnamese Windows, tab when pasted. So a
 * field "A;=2+5;" is one field for us but, on a ";" machine, the fields "A", "=2+5" and "" for them.
 * A formula can therefore start at the field's start or right after any of these separators (and
 * after a line break, which a quoted field may hold), with spaces before it ignored by some imports.
 */
const FORMULA_START = /(^|[,;\t\r\n])(\s*)([=+\-@])/g;

/**
 * A field as spreadsheet software reads it back verbatim, and never computes (OWASP "CSV
 * injection", https://owasp.org/www-community/attacks/CSV_Injection: sheet names and quoted cell
 * text come from the workbook). Every place a formula could start gets an apostrophe before its
 * = + - @, and so does a field that starts with a tab or a carriage return (OWASP's other two
 * leading characters); Excel and LibreOffice show the apostrophe's field as text. Every field is
 * then quoted (RFC 4180, quotes doubled), so a ";" or "," or a line break inside a message never
 * opens a new cell, whatever separator the officer's machine splits on.
 */
function csvField(value: string): string {
  const safe = value.replace(FORMULA_START, (_m, sep: string, space: string, sign: string) => `${sep}${space}'${sign}`).replace(/^(?=[\t\r])/, "'");
  return `"${safe.replace(/"/g, () => '""')}"`;
}

/** The CSV's separator: the list separator of Vietnamese regional settings (docs/findings.md, "The findings list"). */
export const CSV_SEPARATOR = ';';

/**
 * The findings as CSV for Excel on Vietnamese Windows: ";" separated (Excel splits a double-clicked
 * .csv on the list separator of the regional settings, ";" for Vietnamese), UTF-8 with a byte-order
 * mark (without it Excel reads the Vietnamese letters in the ANSI code page), CRLF line ends. No
 * "sep=;" line: Excel then ignores the byte-order mark and garbles the letters. Written by hand:
 * one line per finding, five quoted fields, nothing a CSV library would add.
 */
export function findingsCsv(findings: readonly Finding[]): string {
  const lines = [FINDINGS_COLUMNS as readonly string[], ...findingRows(findings)].map((r) => r.map(csvField).join(CSV_SEPARATOR));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The same list as an .xlsx: Vietnamese Windows uses ";" as its list separator, so a double-clicked
 * .csv may land in one column there; an .xlsx opens the same everywhere.
 */
export async function findingsXlsx(findings: readonly Finding[]): Promise<Uint8Array> {
  // A chunk of its own, fetched when this download is asked for: under the reader's chunk name
  // ExcelJS (about 250 KB gzipped) came with every workbook a page read, though reading never uses it.
  const { default: ExcelJS } = await import(/* webpackChunkName: "findings-xlsx" */ 'exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phát hiện', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: FINDINGS_COLUMNS[0], width: 16 },
    { header: FINDINGS_COLUMNS[1], width: 8 },
    { header: FINDINGS_COLUMNS[2], width: 10 },
    { header: FINDINGS_COLUMNS[3], width: 100 },
    { header: FINDINGS_COLUMNS[4], width: 26 },
  ];
  ws.getRow(1).font = { bold: true };
  // Every value is written as text (ExcelJS never turns a string into a formula), without the
  // characters XML forbids (ExcelJS would write U+FFFF as it is: src/core/xml-text.ts).
  const drops = newXmlDrops();
  for (const row of findingRows(findings)) ws.addRow(row.map((v) => spreadsheetText(v, drops)));
  const dropped = xmlDropsNote(drops);
  // Said in the list itself, on a last line: the page offers the file as a download only.
  if (dropped) ws.addRow(['', '', '', dropped, '']);
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  ws.autoFilter = { from: 'A1', to: `E${findings.length + 1}` };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** "Phát hiện - mau-co-loi.csv" from the workbook's name. */
export function findingsFileName(workbook: string | undefined, ext: 'csv' | 'xlsx'): string {
  const stem = workbook?.replace(/\.[^.]+$/, '').trim();
  return stem ? `Phát hiện - ${stem}.${ext}` : `Phát hiện.${ext}`;
}
