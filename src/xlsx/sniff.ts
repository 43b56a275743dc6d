/**
 * What a file really is, from its first bytes rather than its extension: the one-stop systems
 * save HTML pages as ".xls", officers rename files, and a genuine Excel 97-2003 or LibreOffice file
 * needs a different answer from a broken one.
 */
import type { WorkbookModel } from '../core/model';
import { UnreadableWorkbookError, isUnreadableWorkbookError } from './errors';
import { LIMITS, preparePackage } from './package';
import { decodeHtml } from './decode';
import { computeFormulas } from './formulas';

export type FileKind = 'zip' | 'ods' | 'ole2' | 'html' | 'spreadsheetml2003' | 'unknown';

const HOW_TO_SAVE = 'Excel: Tệp > Lưu thành > chọn kiểu "Sổ làm việc Excel (.xlsx)"; LibreOffice: Tệp > Lưu thành… > chọn kiểu "Excel 2007-365 (.xlsx)"';

export const LEGACY_XLS_MESSAGE = `Tệp ở định dạng Excel 97-2003 (.xls) cũ, chương trình chưa đọc được. Hãy mở tệp rồi lưu lại dưới dạng .xlsx (${HOW_TO_SAVE}) và kiểm tra tệp .xlsx mới.`;
export const ODS_MESSAGE = `Tệp ở định dạng OpenDocument (.ods) của LibreOffice, chương trình chưa đọc được. Hãy mở tệp bằng LibreOffice rồi lưu lại dưới dạng .xlsx (Tệp > Lưu thành… > chọn kiểu "Excel 2007-365 (.xlsx)") và kiểm tra tệp .xlsx mới.`;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

export function sniffFormat(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // An OpenDocument package stores "mimetype" first and uncompressed, right after its local header.
    return ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 84).startsWith('application/vnd.oasis.opendocument') ? 'ods' : 'zip';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole2';
  // Markup: skip a byte-order mark and white space, then look for the page's first tags. A long
  // <style> block may come first, so the window is generous.
  const head = decodeHtml(bytes.subarray(0, 65536)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return 'unknown';
  if (/^<\?xml/i.test(head) && /urn:schemas-microsoft-com:office:spreadsheet/i.test(head) && !/<html[\s>]/i.test(head)) return 'spreadsheetml2003';
  if (/<!doctype\s+html|<(html|head|body|table|meta|tr|td)[\s>/]/i.test(head)) return 'html';
  return 'unknown';
}

function tooLarge(bytes: Uint8Array) {
  if (bytes.length <= LIMITS.maxFileBytes) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  throw new UnreadableWorkbookError(
    'too_large',
    `Tệp quá lớn (${mb(bytes.length)}, giới hạn ${mb(LIMITS.maxFileBytes)}): bảng xuất từ hệ thống thường chỉ vài trăm KB; hãy xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại.`,
  );
}

/**
 * Reads a file that is not an .xlsx package (an HTML page or an Excel 2003 XML spreadsheet saved as
 * .xls), or refuses it with advice (.xls 97-2003, .ods); null hands the file to the .xlsx reader
 * (zip packages, and anything unrecognised, which that reader refuses in its words).
 */
export async function readNonXlsx(bytes: Uint8Array, fileName?: string): Promise<WorkbookModel | null> {
  const kind = sniffFormat(bytes);
  switch (kind) {
    case 'zip':
    case 'unknown':
      return null;
    case 'ods':
      throw new UnreadableWorkbookError('not_xlsx', ODS_MESSAGE);
    case 'spreadsheetml2003': {
      tooLarge(bytes);
      const model = (await import('./spreadsheetml')).readSpreadsheetMl(bytes, fileName);
      await computeFormulas(model);
      return model;
    }
    case 'ole2':
      // The package reader tells an encrypted .xlsx (also an OLE2 file) from a legacy .xls; only the
      // advice for the latter is replaced.
      try {
        await preparePackage(bytes);
      } catch (e) {
        if (isUnreadableWorkbookError(e) && e.reason === 'legacy_xls') throw new UnreadableWorkbookError('legacy_xls', LEGACY_XLS_MESSAGE, e.detail);
        throw e;
      }
      throw new UnreadableWorkbookError('legacy_xls', LEGACY_XLS_MESSAGE);
    case 'html':
      tooLarge(bytes);
      // parse5 is loaded only for such pages.
      return (await import('./html')).readHtmlWorkbook(bytes, fileName);
  }
}
