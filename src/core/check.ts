import type { WorkbookModel } from './model';
import type { CheckReport } from './report';
import type { WindowKind } from './periods';
import { CONTRACT_VERSION } from './contract';

export interface CheckOptions {
  /** The previous period's workbook, for T5 (carried over = previous pending). */
  previous?: WorkbookModel;
  /** T4 (3) = (7) + (11) holds only where returned files are counted in (9); on by default. */
  t4?: boolean;
  /** Which window the period kind implies when TuNgay/DenNgay are absent: NĐ 09 (default) or calendar. */
  windowKind?: WindowKind;
}

// Placeholder while the engine is written; replaced in the same session.
export function checkWorkbook(model: WorkbookModel, options: CheckOptions = {}): CheckReport {
  void options;
  return { contract: CONTRACT_VERSION, file: model.fileName, summary: { errors: 0, warnings: 0, infos: 0 }, issues: [], metrics: {}, data: { unit: null, recipient: null, tables: {} } };
}
