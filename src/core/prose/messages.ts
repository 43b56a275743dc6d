/**
 * How the prose checks format the figures they hand to the messages, and the messages themselves,
 * from the catalogue (src/core/catalogue/document.ts), as src/core/messages.ts does for the
 * workbook's findings, so the CLI and the Word pane say the same thing.
 */
import { formatNumber, formatPercent } from '../numbers';
import { formatDate } from '../format';
import { DOCUMENT_FINDINGS, type DocArgs } from '../catalogue/document';
import type { DocCode } from './types';

export const fmtNum = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : undefined);
export const fmtPct = (p: number, decimals: number) => formatPercent(p, decimals);
/** Dates as the rest of the product writes them (NĐ 30/2020: "14/3/2022", "05/02/2023"). */
export const fmtDate = (iso: string) => formatDate(iso);

/** The finding's Vietnamese message, from its code's entry in the catalogue. */
export function message(code: DocCode, args: DocArgs): string {
  return DOCUMENT_FINDINGS[code].message(args);
}
