import { buildNarrative, errorCount } from '../../core/narrative/build';
import type { CheckReport } from '../../core/report';
import { fillDocx } from '../../docx/fill';
import { surveyChartImage } from '../../core/chart';
import { HostError, type FillRecord } from '../../host/actions';
import type { ReportDownloadOptions } from './ReportSection';

/**
 * The filled report for download from the Excel pane. The .docx filler (fflate, saxes) comes with
 * this module, which the pane loads only when the officer asks for the file.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Served next to the pages, like the .xlsx template the pane inserts. */
export const REPORT_TEMPLATE = 'assets/templates/bao-cao-cchc.docx';
/** The record's file name when the host does not tell the workbook's own. */
export const UNKNOWN_WORKBOOK = 'sổ số liệu';

async function fetchTemplate(): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(new URL(REPORT_TEMPLATE, document.baseURI).href);
  } catch {
    throw new HostError('Không tải được mẫu báo cáo bao-cao-cchc.docx. Hãy kiểm tra kết nối mạng rồi thử lại.');
  }
  if (!res.ok) throw new HostError(`Không tải được mẫu báo cáo bao-cao-cchc.docx (mã ${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

/** "Báo cáo CCHC - mau-sach.docx", or "Báo cáo CCHC.docx" when the workbook's name is unknown. */
export function reportFileName(workbook: string | undefined): string {
  const stem = workbook?.replace(/\.[^.]+$/, '').trim();
  return stem ? `Báo cáo CCHC - ${stem}.docx` : 'Báo cáo CCHC.docx';
}

/**
 * The report template filled from `report`; `allowErrors` is the officer's explicit confirmation.
 * `loadTemplate` is for pages that carry the template themselves (the standalone checker, which
 * may be opened from disk, where fetching a file next to the page is refused); `previous` is the
 * previous period's report, for the comparison sentences. The date line takes the workbook's own
 * report date, never today's.
 */
export async function reportDocx(
  report: CheckReport,
  allowErrors: boolean,
  now = new Date(),
  loadTemplate: () => Promise<Uint8Array> = fetchTemplate,
  previous?: CheckReport,
  options: ReportDownloadOptions = {},
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const narrative = buildNarrative(report, { allowErrors, ...(previous ? { previous } : {}) });
  const record: FillRecord = {
    fileName: report.file ?? UNKNOWN_WORKBOOK,
    unit: narrative.fields.donVi,
    period: narrative.fields.kyBaoCao,
    fingerprint: narrative.fingerprint,
    filledAt: now.toISOString(),
    ...(narrative.builtDespiteErrors ? { forcedErrors: String(errorCount(report)) } : {}),
  };
  // i13: the survey chart, drawn here in the browser by the same core code as `cchc report`'s.
  const chart = options.chart === false ? null : surveyChartImage(report.metrics);
  const bytes = await fillDocx(await loadTemplate(), narrative, record, { chart });
  return { fileName: reportFileName(report.file), bytes };
}
