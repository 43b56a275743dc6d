/**
 * What the reader changed in the file's text before the checks saw it: cells converted from an
 * old Vietnamese encoding (TCVN3, VNI) to Unicode, one info per sheet and encoding, so the officer
 * knows the names read are a conversion and can re-check them.
 */
import type { WorkbookModel } from '../model';
import type { Push } from './context';

export function reportConversions(model: WorkbookModel, push: Push): void {
  for (const c of model.conversions ?? []) {
    if (c.cells > 0) push({ code: 'text_converted', sheet: c.sheet, cell: 'A1', encoding: c.encoding, cells: c.cells });
  }
}
