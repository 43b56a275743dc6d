/**
 * What a file really is, from its first bytes rather than its extension: the one-stop systems
 * save HTML pages as ".xls", officers rename files, and an Excel 97-2003 file, an .ods, a CSV file
 * and a broken file each need their own reader or their own answer.
 *
 * Every reader but the .xlsx one is loaded when a file needs it (dynamic import): the .xlsx path
 * and the pages' first download do not carry them.
 */
import type { WorkbookModel } from '../core/model';
import { refuse } from './errors';
import { LIMITS } from './package';
import { decodeHtml } from './decode';
import { computeFormulas } from './formulas';

export type FileKind = 'zip' | 'ods' | 'ole2' | 'html' | 'spreadsheetml2003' | 'csv' | 'unknown';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * The kind a file's signature tells. CSV has none: a file of kind 'unknown' is then asked whether
 * it is CSV text (csv.ts, looksLikeCsv), by readNonXlsx.
 */
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
  throw refuse('export_too_large', { bytes: bytes.length, limit: LIMITS.maxFileBytes });
}

/**
 * Reads a file that is not an .xlsx package: Excel 97-2003 (.xls), OpenDocument (.ods), CSV, an
 * HTML page or an Excel 2003 XML spreadsheet saved as .xls. Null hands the file to the .xlsx reader
 * (zip packages, and anything unrecognised, which that reader refuses in its words).
 */
export async function readNonXlsx(bytes: Uint8Array, fileName?: string): Promise<WorkbookModel | null> {
  let kind = sniffFormat(bytes);
  if (kind === 'unknown' && (await import('./csv')).looksLikeCsv(bytes, fileName)) kind = 'csv';
  switch (kind) {
    case 'zip':
    case 'unknown':
      return null;
    case 'ods': {
      tooLarge(bytes);
      const model = await (await import('./ods')).readOds(bytes, fileName);
      await computeFormulas(model);
      return model;
    }
    case 'ole2': {
      // An encrypted .xlsx is an OLE2 file too: xls.ts tells it apart (its EncryptedPackage stream).
      tooLarge(bytes);
      const model = (await import('./xls')).readXls(bytes, fileName);
      await computeFormulas(model);
      return model;
    }
    case 'csv':
      tooLarge(bytes);
      return (await import('./csv')).readCsv(bytes, fileName);
    case 'spreadsheetml2003': {
      tooLarge(bytes);
      const model = (await import('./spreadsheetml')).readSpreadsheetMl(bytes, fileName);
      await computeFormulas(model);
      return model;
    }
    case 'html':
      tooLarge(bytes);
      // parse5 is loaded only for such pages.
      return (await import('./html')).readHtmlWorkbook(bytes, fileName);
  }
}
