import { checkWorkbook } from '../../core/check';
import { buildNarrative, errorCount, placeTexts, type Narrative } from '../../core/narrative';
import { figuresFingerprint } from '../../core/narrative/fingerprint';
import type { CheckReport } from '../../core/report';
import type { FillRecord, PlacePicture } from '../../host/actions';
import { SECTION_TAGS } from '../../core/narrative/tags';
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
  // The reader is loaded on first use so the pane opens fast.
  const { readPickedWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/picked');
  const { model } = await readPickedWorkbook(file);
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

/**
 * i13: the survey chart for the Word adapter, by tag: the PNG (Word's insertInlinePictureFromBase64
 * does not read SVG) at its size on the page. The drawing code and its glyphs load only now.
 */
export async function chartPictures(report: CheckReport): Promise<Record<string, PlacePicture>> {
  const { surveyChartImage } = await import(/* webpackChunkName: "survey-chart" */ '../../core/chart');
  const img = surveyChartImage(report.metrics);
  if (!img) return {};
  // 12 700 EMU a point.
  return { [SECTION_TAGS.hailong]: { base64: toBase64(img.png), width: img.widthEmu / 12700, height: img.heightEmu / 12700, title: img.title, description: img.description } };
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  // In slices: String.fromCharCode with too many arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** "15:04 ngày 20/3/2023": the one moment format of the panes (status.ts formatAt). */
export function formatFilledAt(iso: string): string {
  return formatAt(iso);
}
