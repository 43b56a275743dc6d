import templateUrl from '../../assets/templates/bao-cao-cchc.docx';

/**
 * The report template, carried inside the page's script as a data: URL: a page opened from disk
 * (file://) may not fetch the file next to it, and an intranet server may not serve it.
 */
export async function inlinedReportTemplate(): Promise<Uint8Array> {
  const comma = templateUrl.indexOf(',');
  const binary = atob(templateUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
