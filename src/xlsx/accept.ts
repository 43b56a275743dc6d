/**
 * What the file pickers offer: every kind the readers read (.xlsx, .xlsm, Excel 97-2003 .xls,
 * LibreOffice .ods, CSV, the one-stop systems' HTML pages saved as ".xls"/".htm", Excel 2003 XML).
 * A file is read by its bytes, not its extension (sniff.ts); the list only keeps the officer's
 * other files out of the way. Apart from the readers so a pane's first chunk can import it.
 */
export const WORKBOOK_ACCEPT =
  '.xlsx,.xlsm,.xls,.ods,.csv,.tsv,.htm,.html,.xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv';
