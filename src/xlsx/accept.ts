/**
 * What the file pickers offer. Every kind listed is read (.xlsx, .xlsm, the one-stop systems'
 * HTML pages saved as ".xls"/".htm", Excel 2003 XML) or refused with how to save it as .xlsx
 * (.ods, a genuine Excel 97-2003 .xls): hiding them from the picker would leave the officer with
 * a greyed-out file and no reason. Apart from the readers so a pane's first chunk can import it.
 */
export const WORKBOOK_ACCEPT = '.xlsx,.xlsm,.xls,.htm,.html,.xml,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';
