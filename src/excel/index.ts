export { createExcelActions, applyHighlights, TEMPLATE_PATH, type ExcelAdapterOptions } from './actions';
export { readWorkbook, CONTRACT_SHEETS } from './read';
export { HIGHLIGHT_FILLS, HIGHLIGHT_KEY } from './highlights';
