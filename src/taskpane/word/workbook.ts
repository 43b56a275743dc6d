import { checkWorkbook } from '../../core/check';
import { buildNarrative, errorCount, placeTexts, type Narrative } from '../../core/narrative';
import { figuresFingerprint } from '../../core/narrative/fingerprint';
import type { CheckReport } from '../../core/report';
import type { FillRecord } from '../../host/actions';
import { formatAt } from '../status';

/**
 * The workbook the officer picked, read in the pane itself. Excel and Word run the add-in in
 * separate webviews with no shared browser storage to rely on (each host may isolate it), so the
 * figures travel as the workbook file: the Word pane reads the .xlsx the officer picks, and the
 * document keeps only a fill record (file name, unit, period, fingerprint) to recognise it later.
 */
export interface PickedWorkbook {
  fileName: string;
  report: CheckReport;
  fingerprint: string;
}

export async function readPicked(file: File): Promise<PickedWorkbook> {
  // ExcelJS is large: loaded on first use so the pane opens fast.
  const { readWorkbook, LIMITS, fileTooLarge } = await import('../../xlsx/read');
  // Sized before it is loaded: a huge file must not fill the webview's memory first.
  if (file.size > LIMITS.maxFileBytes) throw fileTooLarge(file.size);
  const model = await readWorkbook(await file.arrayBuffer(), file.name);
  const report = checkWorkbook(model);
  return { fileName: file.name, report, fingerprint: figuresFingerprint(report) };
}

/** What goes where, and the record to save; `allowErrors` is the officer's explicit confirmation. */
export function planFill(picked: PickedWorkbook, allowErrors: boolean, now = new Date(), previous?: CheckReport): { narrative: Narrative; texts: Record<string, string[]>; record: FillRecord } {
  const narrative = buildNarrative(picked.report, { allowErrors, ...(previous ? { previous } : {}) });
  const texts = placeTexts(narrative);
  return {
    narrative,
    texts,
    record: {
      fileName: picked.fileName,
      unit: narrative.fields.donVi,
      period: narrative.fields.kyBaoCao,
      fingerprint: narrative.fingerprint,
      filledAt: now.toISOString(),
      ...(narrative.builtDespiteErrors ? { forcedErrors: String(errorCount(picked.report)) } : {}),
    },
  };
}

/** "15:04 ngày 20/3/2023": the one moment format of the panes (status.ts formatAt). */
export function formatFilledAt(iso: string): string {
  return formatAt(iso);
}
