/**
 * What every check of the prose reader produces and shares: a finding before its wording (Draft),
 * the record of figures a check used (Mark), and what a hedged figure ("trên 94%") means. Apart
 * from check.ts so the checks in their own modules (tables.ts, workbook.ts) need not import it.
 */
import type { Hedge } from './lexicon';
import type { Severity } from '../findings';
import type { DocFinding, Span } from './types';

/** Its severity may be left out: it is then its code's default in the catalogue (src/core/catalogue/document.ts). */
export type Draft = Omit<DocFinding, 'excerpt' | 'message' | 'section' | 'severity'> & { severity?: Severity; args: Record<string, string | number> };
export type Mark = (s: Span) => void;

export function hedgeHolds(h: Hedge, actual: number, stated: number): boolean {
  switch (h) {
    case 'gt':
      return actual > stated;
    case 'ge':
      return actual >= stated;
    case 'lt':
      return actual < stated;
    case 'le':
      return actual <= stated;
    case 'near':
      return actual <= stated && actual >= stated * 0.9;
    case 'approx':
      return Math.abs(actual - stated) <= Math.max(stated * 0.1, 1);
  }
}
