/**
 * Opening a report template (.docx, .docm, .dotx, .dotm) within limits measured on what is really
 * read. The zip directory's declared sizes are not trusted: each part is inflated through JSZip's
 * stream with a running byte count, and reading stops as soon as the package's budget is spent,
 * so a small file holding a huge part costs no more than the limit. Works in Node and the browser.
 */
import JSZip from 'jszip';
import { inflateCounted } from '../zip/inflate';
import { UnreadableTemplateError } from './errors';
import { newBudget, type XmlBudget } from './xml';
import { formatSize } from '../core/format';
import { DOCX_LIMITS } from './limits';

export { UnreadableTemplateError, isUnreadableTemplateError } from './errors';

export { DOCX_LIMITS } from './limits';

export interface TemplatePackage {
  zip: JSZip;
  /** Elements and depth allowed to every XML scan of this package. */
  budget: XmlBudget;
  /** A part's text (UTF-8, a byte-order mark kept as U+FEFF so it is written back), or null when absent. */
  text(name: string): Promise<string | null>;
  /**
   * Replaces a part's text (later `text` calls see it). No folder entries are added: JSZip would
   * otherwise create "word/" or "docProps/" entries the template never had.
   */
  write(name: string, text: string, date: Date): void;
}

export async function openTemplate(input: Uint8Array): Promise<TemplatePackage> {
  if (input.length === 0) throw new UnreadableTemplateError('not_docx', 'Mẫu báo cáo là tệp rỗng (0 byte): hãy chọn đúng tệp Word (.docx).');
  if (input.length > DOCX_LIMITS.maxFileBytes) {
    throw new UnreadableTemplateError(
      'too_large',
      `Mẫu báo cáo quá lớn (${formatSize(input.length)}, giới hạn kích thước tệp ${formatSize(DOCX_LIMITS.maxFileBytes)}): mẫu báo cáo thường chỉ vài trăm KB; hãy xoá ảnh hoặc phần không cần thiết, hoặc dùng mẫu gốc.`,
    );
  }
  if (input[0] === 0xd0 && input[1] === 0xcf && input[2] === 0x11 && input[3] === 0xe0) {
    throw new UnreadableTemplateError('not_docx', 'Mẫu báo cáo ở định dạng Word 97-2003 (.doc/.dot) hoặc được mã hoá bằng mật khẩu: hãy mở bằng Word, gỡ mật khẩu và lưu dưới dạng .docx rồi thử lại.');
  }
  if (input[0] !== 0x50 || input[1] !== 0x4b) {
    throw new UnreadableTemplateError('not_zip', 'Mẫu báo cáo không phải tệp Word (.docx): hãy chọn tệp .docx được lưu từ Word.');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input);
  } catch (e) {
    throw new UnreadableTemplateError('corrupt_zip', 'Mẫu báo cáo bị hỏng (không giải nén được): hãy lưu lại mẫu từ Word hoặc dùng mẫu gốc.', String(e));
  }
  if (!zip.file('word/document.xml')) {
    const what = zip.file('xl/workbook.xml') ? 'là bảng tính Excel' : zip.file('ppt/presentation.xml') ? 'là bản trình chiếu PowerPoint' : 'không có phần nội dung word/document.xml';
    throw new UnreadableTemplateError('not_docx', `Mẫu báo cáo ${what}, không phải văn bản Word (.docx): hãy chọn mẫu .docx.`);
  }
  let left = DOCX_LIMITS.maxUnpackedBytes;
  const written = new Map<string, string>();
  const write = (name: string, text: string, date: Date) => {
    written.set(name, text);
    zip.file(name, text, { date, createFolders: false });
  };
  const text = async (name: string): Promise<string | null> => {
    const own = written.get(name);
    if (own != null) return own;
    const file = zip.file(name);
    if (!file) return null;
    const bytes = await inflateBounded(file, left);
    left -= bytes.length;
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (e) {
      throw new UnreadableTemplateError('bad_xml', `Mẫu báo cáo bị hỏng: phần ${name} không phải văn bản UTF-8. Hãy mở mẫu bằng Word, lưu lại rồi thử lại.`, String(e));
    }
  };
  return { zip, budget: newBudget(DOCX_LIMITS.maxXmlElements, DOCX_LIMITS.maxXmlDepth), text, write };
}

/** A part's bytes, stopped as soon as it alone would pass what is left of the unpacked-size budget. */
function inflateBounded(file: JSZip.JSZipObject, budget: number): Promise<Uint8Array> {
  let total = 0;
  return inflateCounted(
    file,
    (n) => {
      total += n;
      if (total > budget) {
        throw new UnreadableTemplateError(
          'unpacked_too_large',
          `Nội dung mẫu báo cáo quá lớn khi giải nén (hơn ${formatSize(DOCX_LIMITS.maxUnpackedBytes)} ở phần ${file.name}, giới hạn dung lượng giải nén): hãy dùng mẫu gốc hoặc lưu lại mẫu bằng Word.`,
        );
      }
    },
    (e) => new UnreadableTemplateError('corrupt_zip', `Mẫu báo cáo bị hỏng: không giải nén được phần ${file.name}. Hãy lưu lại mẫu từ Word hoặc dùng mẫu gốc.`, String(e)),
  );
}
