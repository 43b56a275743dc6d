/**
 * Opening a report template (.docx, .docm, .dotx, .dotm), or a filled report, within limits
 * measured on what is really read, as the workbook readers do (src/xlsx/package.ts): entries
 * counted in the zip directory before anything is read, and each part inflated only when it is
 * asked for (src/zip/inflate.ts, fflate), with a running byte count over the whole package. The
 * sizes the directory declares are never trusted, so a small file holding a huge part costs no
 * more than the limit. Works in Node and the browser.
 */
import { openZip, ZipOpenError, type ZipArchive, type ZipEntry } from '../zip/archive';
import { inflateCounted } from '../zip/inflate';
import { writeZip, type PartToWrite } from '../zip/write';
import { UnreadableTemplateError } from './errors';
import { newBudget, type XmlBudget } from './xml';
import { formatSize } from '../core/format';
import { DOCX_LIMITS } from './limits';
import { refusalMessage } from '../core/catalogue/refusals';

export { UnreadableTemplateError, isUnreadableTemplateError } from './errors';

export { DOCX_LIMITS } from './limits';

export interface TemplatePackage {
  /** Elements and depth allowed to every XML scan of this package. */
  budget: XmlBudget;
  /** The package's file names, in the zip's order (parts written since included, parts removed not). */
  names(): string[];
  /** A part's text (UTF-8, a byte-order mark kept as U+FEFF so it is written back), or null when absent. */
  text(name: string): Promise<string | null>;
  /** Replaces a part (later `text` calls see it), or adds it after the others. No folder entries are added. */
  write(name: string, content: string | Uint8Array): void;
  remove(name: string): void;
  /**
   * The package with its changes: parts written here deflated, every other part's bytes as they
   * were (inflated within the package's limit, stored again if the source stored it, deflated
   * again otherwise); every entry dated `mtime`, so that the same parts give the same bytes.
   */
  bytes(mtime: Date): Promise<Uint8Array>;
}

/**
 * A package made of the parts given, in their order (the standalone page's template, carried in
 * its script as its parts: src/standalone/template.ts). The dates are one fixed time: openTemplate
 * reads none of them and bytes() writes its own.
 */
export function packParts(parts: Iterable<PartToWrite>): Uint8Array {
  return writeZip(parts, { level: 6, mtime: new Date(1980, 0, 1) });
}

/** Whose file it is, for the wording of a refusal: the template of `cchc report`, or the report `cchc doc` reads. */
export type DocxRole = 'template' | 'document';

export async function openTemplate(input: Uint8Array, role: DocxRole = 'template'): Promise<TemplatePackage> {
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
  let zip: ZipArchive;
  try {
    zip = openZip(input, DOCX_LIMITS.maxParts);
  } catch (e) {
    if (e instanceof ZipOpenError && e.kind === 'too_many_entries') {
      throw new UnreadableTemplateError('too_many_parts', refusalMessage('docx_too_many_parts', { parts: e.entries, limit: DOCX_LIMITS.maxParts, role }));
    }
    throw new UnreadableTemplateError('corrupt_zip', 'Mẫu báo cáo bị hỏng (không giải nén được): hãy lưu lại mẫu từ Word hoặc dùng mẫu gốc.', e instanceof ZipOpenError ? e.detail : String(e));
  }
  if (!zip.entry('word/document.xml')) {
    const what = zip.entry('xl/workbook.xml') ? 'là bảng tính Excel' : zip.entry('ppt/presentation.xml') ? 'là bản trình chiếu PowerPoint' : 'không có phần nội dung word/document.xml';
    throw new UnreadableTemplateError('not_docx', `Mẫu báo cáo ${what}, không phải văn bản Word (.docx): hãy chọn mẫu .docx.`);
  }
  // The package's parts: the zip's entries, then the parts added; a part written holds its new
  // content, a part removed is gone. An entry is inflated when it is first asked for, and its text
  // kept (valid UTF-8 encodes back to the same bytes), so no part is inflated or counted twice.
  const parts = new Map<string, { entry: ZipEntry; text?: string } | { content: string | Uint8Array }>(zip.entries.map((entry) => [entry.name, { entry }]));
  let left = DOCX_LIMITS.maxUnpackedBytes;
  const inflate = async (entry: ZipEntry): Promise<Uint8Array> => {
    const bytes = await inflateBounded(entry, left, role);
    left -= bytes.length;
    return bytes;
  };
  const text = async (name: string): Promise<string | null> => {
    const part = parts.get(name);
    if (!part) return null;
    if ('content' in part) return typeof part.content === 'string' ? part.content : new TextDecoder('utf-8', { ignoreBOM: true }).decode(part.content);
    if (part.text != null) return part.text;
    const bytes = await inflate(part.entry);
    try {
      return (part.text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
    } catch (e) {
      throw new UnreadableTemplateError('bad_xml', `Mẫu báo cáo bị hỏng: phần ${name} không phải văn bản UTF-8. Hãy mở mẫu bằng Word, lưu lại rồi thử lại.`, String(e));
    }
  };
  const bytes = async (mtime: Date): Promise<Uint8Array> => {
    const out: { name: string; data: Uint8Array; stored?: boolean }[] = [];
    const encoder = new TextEncoder();
    for (const [name, part] of parts) {
      if ('content' in part) out.push({ name, data: typeof part.content === 'string' ? encoder.encode(part.content) : part.content });
      else out.push({ name, data: part.text != null ? encoder.encode(part.text) : await inflate(part.entry), stored: part.entry.compression === 0 });
    }
    return writeZip(out, { level: 6, mtime });
  };
  return {
    budget: newBudget(DOCX_LIMITS.maxXmlElements, DOCX_LIMITS.maxXmlDepth),
    names: () => [...parts.keys()],
    text,
    write: (name, content) => void parts.set(name, { content }),
    remove: (name) => void parts.delete(name),
    bytes,
  };
}

/** A part's bytes, stopped as soon as it alone would pass what is left of the unpacked-size budget. */
function inflateBounded(file: ZipEntry, budget: number, role: DocxRole): Promise<Uint8Array> {
  let total = 0;
  return inflateCounted(
    file,
    (n) => {
      total += n;
      if (total > budget) {
        throw new UnreadableTemplateError('unpacked_too_large', refusalMessage('docx_unpacked_too_large', { part: file.name, limit: DOCX_LIMITS.maxUnpackedBytes, role }));
      }
    },
    (e) => new UnreadableTemplateError('corrupt_zip', `Mẫu báo cáo bị hỏng: không giải nén được phần ${file.name}. Hãy lưu lại mẫu từ Word hoặc dùng mẫu gốc.`, String(e)),
    budget,
  );
}
