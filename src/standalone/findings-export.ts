import type { Finding } from '../core/findings';
import { SEVERITY_LABEL } from '../core/messages';
import { newXmlDrops, spreadsheetText, xmlDropsNote } from '../core/xml-text';

/** The columns of the findings list, in both formats. */
export const FINDINGS_COLUMNS = ['Trang tính', 'Ô', 'Mức độ', 'Mã', 'Nội dung'] as const;

export function findingRows(findings: readonly Finding[]): string[][] {
  return findings.map((f) => [f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.code, f.message]);
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
 * injection": sheet names and quoted cell text come from the workbook). Every place a formula
 * could start gets an apostrophe before its = + - @, which Excel and LibreOffice show as text; the
 * field is then quoted when it holds a separator, a quote or a line break (RFC 4180), and always
 * when it holds ";" or a tab, so a ";" machine keeps it in one cell too.
 */
function csvField(value: string): string {
  const safe = value.replace(FORMULA_START, (_m, sep: string, space: string, sign: string) => `${sep}${space}'${sign}`);
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, () => '""')}"` : safe;
}

/**
 * The findings as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the
 * Vietnamese letters in the ANSI code page), CRLF line ends, comma separated.
 */
export function findingsCsv(findings: readonly Finding[]): string {
  const lines = [FINDINGS_COLUMNS as readonly string[], ...findingRows(findings)].map((r) => r.map(csvField).join(','));
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
    { header: FINDINGS_COLUMNS[3], width: 24 },
    { header: FINDINGS_COLUMNS[4], width: 100 },
  ];
  ws.getRow(1).font = { bold: true };
  // Every value is written as text (ExcelJS never turns a string into a formula), without the
  // characters XML forbids (ExcelJS would write U+FFFF as it is: src/core/xml-text.ts).
  const drops = newXmlDrops();
  for (const row of findingRows(findings)) ws.addRow(row.map((v) => spreadsheetText(v, drops)));
  const dropped = xmlDropsNote(drops);
  // Said in the list itself, on a last line: the page offers the file as a download only.
  if (dropped) ws.addRow(['', '', '', '', dropped]);
  ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  ws.autoFilter = { from: 'A1', to: `E${findings.length + 1}` };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** "Phát hiện - mau-co-loi.csv" from the workbook's name. */
export function findingsFileName(workbook: string | undefined, ext: 'csv' | 'xlsx'): string {
  const stem = workbook?.replace(/\.[^.]+$/, '').trim();
  return stem ? `Phát hiện - ${stem}.${ext}` : `Phát hiện.${ext}`;
}
