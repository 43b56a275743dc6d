/**
 * Reading an input file without trusting it: its size is known before its bytes are, and no more
 * than the limit (plus one byte, to tell "at the limit" from "over it") is ever read, so a huge
 * file, a device (/dev/zero) or a file that grows while it is read never fills memory.
 */
import fs from 'node:fs';
import { fileTooLarge, LIMITS } from '../xlsx/package';
import { UnreadableWorkbookError } from '../xlsx/errors';

/** Vietnamese meaning of a file-system error code. */
export function ioMessage(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `Không tìm thấy tệp: ${path}`;
    case 'EISDIR':
      return `Đường dẫn là một thư mục, không phải tệp: ${path}`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền đọc tệp: ${path}`;
    case 'ENAMETOOLONG':
      return `Tên tệp quá dài: ${path}`;
    case 'ENOTDIR':
      return `Đường dẫn không hợp lệ (một phần của nó không phải thư mục): ${path}`;
    case 'ELOOP':
      return `Đường dẫn có liên kết vòng: ${path}`;
    default:
      return `Không đọc được tệp ${path}${code ? ` (mã lỗi hệ thống ${code})` : ''}.`;
  }
}

/**
 * The bytes of `path`, at most `max`: refuses with the workbook's "too large" message as soon as
 * the file states or shows more. Other failures are thrown as Node's own errors (see ioMessage).
 */
export function readBoundedSync(path: string, max: number = LIMITS.maxFileBytes): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile()) {
      throw new UnreadableWorkbookError('not_zip', `Không phải một tệp thông thường (thiết bị, ống dẫn hay ổ cắm): ${path}. Hãy chọn tệp .xlsx đã lưu trên đĩa.`);
    }
    if (st.size > max) throw fileTooLarge(st.size);
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > max) throw fileTooLarge(got);
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}
