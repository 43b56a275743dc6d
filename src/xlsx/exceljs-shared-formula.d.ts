/** ExcelJS's routine that slides a shared formula from its master cell to another (plain CommonJS, no typings). */
declare module 'exceljs/lib/utils/shared-formula' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
