/**
 * Formulas that a file stores without a cached result (openpyxl, ExcelJS and other writers leave
 * the result out; only Excel and LibreOffice compute on save). Without this step such a cell reads
 * as blank, and a total the officer computed with SUM would look missing.
 *
 * Each such cell gets its value computed (formula-eval.ts, loaded only when needed) and
 * `computed: true`, or keeps `v = null` with `uncomputed: true`, never a guess: text that only the
 * computer's regional settings can read as a number ("1.500" is 1500 in Vietnamese Excel and 1,5
 * in English Excel), circular references, functions outside the supported list, dynamic arrays.
 * Cells with a cached value (every file Excel or LibreOffice saved) are left exactly as read.
 */
import type { WorkbookModel } from '../core/model';
import { needsValue, type FormulaSummary } from './formula-cells';

export type { FormulaSummary } from './formula-cells';

export async function computeFormulas(model: WorkbookModel): Promise<FormulaSummary> {
  const pending: [number, number, number][] = [];
  model.sheets.forEach((s, si) =>
    s.rows.forEach((line, r) => {
      if (!line) return;
      for (let c = 0; c < line.length; c++) if (needsValue(line[c])) pending.push([si, r, c]);
    }),
  );
  if (!pending.length) return { computed: 0, uncomputed: 0 };
  const { evaluateMissing } = await import('./formula-eval');
  return evaluateMissing(model, pending);
}
