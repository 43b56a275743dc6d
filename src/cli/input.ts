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
 * The one way the CLI opens an input (workbook, template, report, previous period): a file descriptor
 * of a regular file, or a refusal. Checked before it is opened, because opening a FIFO for reading
 * waits for a writer that never comes (a named pipe "x.xlsx" in the units' folder would hang
 * `cchc merge` forever), and opening some devices has effects of its own. The open itself is
 * non-blocking, and the descriptor is checked again to be the file that was checked: a path swapped
 * for a pipe between the two is refused, not waited on.
 */
export function openInputSync(path: string): number {
  const before = fs.statSync(path);
  if (before.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  if (!before.isFile()) throw notRegular(path);
  // O_NONBLOCK is 0 where Node does not define it (Windows, which has no FIFOs to wait on).
  const fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile() || st.ino !== before.ino || st.dev !== before.dev) throw notRegular(path);
    return fd;
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

function notRegular(path: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('not_zip', `Không phải một tệp thông thường (thiết bị, ống dẫn hay ổ cắm): ${path}. Hãy chọn tệp đã lưu trên đĩa.`);
}

/**
 * The bytes of `path`, at most `max`: refuses with `tooLarge` (the workbook's "too large" message
 * unless told otherwise) as soon as the file states or shows more. Other failures are thrown as
 * Node's own errors (see ioMessage).
 */
export function readBoundedSync(path: string, max: number = LIMITS.maxFileBytes, tooLarge: (bytes: number) => Error = fileTooLarge): Buffer {
  const fd = openInputSync(path);
  try {
    const st = fs.fstatSync(fd);
    if (st.size > max) throw tooLarge(st.size);
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > max) throw tooLarge(got);
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}
