import type { Finding } from '../core/findings';
import { SEVERITY_LABEL } from '../core/messages';
import { newXmlDrops, xmlDropsNote } from '../core/xml-text';
import { listWorkbook } from '../xlsx/list-workbook';

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
 * .csv may land in one column there; an .xlsx opens the same everywhere. Every value is text (the
 * writer has no formulas), header bold and frozen, the messages wrapped, an AutoFilter on the list.
 * The project's own writer (src/xlsx/list-workbook.ts), not ExcelJS, which would be most of the
 * one-file standalone page's script.
 */
export async function findingsXlsx(findings: readonly Finding[]): Promise<Uint8Array> {
  return listWorkbook(
    {
      name: 'Phát hiện',
      header: FINDINGS_COLUMNS,
      rows: findingRows(findings),
      // Said in the list itself, on a last line: the page offers the file as a download only.
      after: (drops) => {
        const dropped = xmlDropsNote(drops);
        return dropped ? [['', '', '', dropped, '']] : [];
      },
      widths: [16, 8, 10, 100, 26],
      wrap: 3,
    },
    newXmlDrops(),
  );
}

/** "Phát hiện - mau-co-loi.csv" from the workbook's name. */
export function findingsFileName(workbook: string | undefined, ext: 'csv' | 'xlsx'): string {
  const stem = workbook?.replace(/\.[^.]+$/, '').trim();
  return stem ? `Phát hiện - ${stem}.${ext}` : `Phát hiện.${ext}`;
}
