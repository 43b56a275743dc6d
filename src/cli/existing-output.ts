/**
 * Whether an existing workbook at a command's --out is that command's own previous output, and
 * unedited (safe-write.ts, planOutput). A workbook has no fill record: it is judged by what its
 * cells hold, read with the project's reader, since Excel rewrites the package on every save.
 */
import type { WorkbookModel } from '../core/model';
import { isConsolidation } from '../core/merge/units';
import { readWorkbook } from '../xlsx/read';
import type { ExistingOutput } from './safe-write';

/** Every sheet's name and every cell's value and formula: what an officer's edit changes. */
function cellsOf(model: WorkbookModel): string {
  return JSON.stringify(model.sheets.map((s) => [s.name, s.rows.map((r) => (r ?? []).map((c) => (c ? [c.v, c.f ?? null, c.e ?? null] : null)))]));
}

/** The two workbooks hold the same cells: replacing one with the other loses nothing. */
export async function sameCells(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  const [ma, mb] = await Promise.all([readWorkbook(a), readWorkbook(b)]);
  return cellsOf(ma) === cellsOf(mb);
}

/** `cchc template`: only a blank workbook with exactly the template's cells may be replaced. */
export async function judgeTemplate(existing: Uint8Array, fresh: Uint8Array): Promise<ExistingOutput> {
  return (await sameCells(existing, fresh)) ? 'unedited' : 'foreign';
}

/**
 * `cchc merge`, before the units are read: a consolidation (isConsolidation) may be the officer's
 * own working copy, so it is taken as edited and kept, unless it turns out to hold the very cells
 * the new run writes (see sameCells).
 */
export async function judgeConsolidation(existing: Uint8Array): Promise<ExistingOutput> {
  return isConsolidation(await readWorkbook(existing)) ? 'edited' : 'foreign';
}
