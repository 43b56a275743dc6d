import { refusalMessage, refusalReason, type RefusalArgs, type UnreadableReason, type WorkbookRefusalCode } from '../core/catalogue/refusals';

export type { UnreadableReason, WorkbookRefusalCode } from '../core/catalogue/refusals';

/**
 * A file that is not a readable workbook. `code` is its entry in the refusals catalogue
 * (src/core/catalogue/refusals.ts), `reason` the coarse kind of that code; `message` is Vietnamese
 * and tells the officer what to do; `detail` keeps the library's own words for logs.
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';
  readonly reason: UnreadableReason;
  constructor(
    readonly code: WorkbookRefusalCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.reason = refusalReason(code);
  }
}

/** The refusal `code`, worded by the catalogue. */
export function refuse<C extends WorkbookRefusalCode>(code: C, args: RefusalArgs<C>, detail?: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(code, refusalMessage(code, args), detail);
}

export function isUnreadableWorkbookError(e: unknown): e is UnreadableWorkbookError {
  return e instanceof UnreadableWorkbookError || (e instanceof Error && e.name === 'UnreadableWorkbookError' && 'reason' in e);
}

/**
 * The meaning, in Vietnamese, of an error thrown by a library reading an Office file (fflate, or
 * JSZip inside ExcelJS, the XML parsers, Node's file system), for the places that must show
 * something: the user never sees the library's English ("invalid zip data", "Can't find end of
 * central directory : is this a zip file ?").
 */
export function libraryErrorMeaning(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const text = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT') return 'không tìm thấy tệp';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền truy cập tệp';
  if (code === 'EISDIR') return 'đường dẫn là một thư mục, không phải tệp';
  if (code === 'ENOSPC') return 'ổ đĩa đã đầy';
  if (code === 'EROFS') return 'ổ đĩa chỉ cho phép đọc';
  if (/end of central directory|is this a zip|corrupted zip|invalid zip data|unknown compression type|invalid (cen|loc)|relative offset|zip64|not a zip|missing bytes/i.test(text)) {
    return 'tệp bị hỏng hoặc không phải tệp Office (không đọc được gói nén zip bên trong)';
  }
  if (/encrypted/i.test(text)) return 'tệp được mã hoá bằng mật khẩu';
  if (/size mismatch|crc32|invalid (stored|distance|code|block|length\/literal)|incorrect header|unexpected (end of (file|data)|EOF)|inflate/i.test(text)) {
    return 'dữ liệu nén trong tệp bị hỏng';
  }
  if (/xml|tag|attribute|entity|root|unclosed|not well-formed|invalid character/i.test(text)) return 'nội dung XML bên trong tệp bị hỏng';
  return 'lỗi không xác định khi đọc tệp';
}
