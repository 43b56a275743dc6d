/**
 * The findings catalogue: one entry per code (default severity, Vietnamese message, "Cách sửa",
 * docs text), in three families. docs/findings.md is written from it (`npm run docs:findings`);
 * test/core/findings-coverage.test.ts produces every code of it from a real input.
 */
import { DOCUMENT_FINDINGS } from './document';
import { REFUSALS } from './refusals';
import { WORKBOOK_FINDINGS } from './workbook';

export type { CatalogueEntry } from './entry';
export { DOCUMENT_FINDINGS, type DocArgs } from './document';
export { REFUSALS, refusalMessage, type RefusalCode, type UnreadableReason, type WorkbookRefusalCode } from './refusals';
export { WORKBOOK_FINDINGS, type Worded } from './workbook';

export const CATALOGUE = { workbook: WORKBOOK_FINDINGS, document: DOCUMENT_FINDINGS, refusal: REFUSALS } as const;
