/**
 * Reading an input file without trusting it: its size is known before its bytes are, and no more
 * than the limit (plus one byte, to tell "at the limit" from "over it") is ever read, so a huge
 * file, a device (/dev/zero) or a file that grows while it is read never fills memory.
 */
import fs from 'node:fs';
import { fileTooLarge, LIMITS } from '../xlsx/package';
import { refuse, type UnreadableWorkbookError } from '../xlsx/errors';
import { refusalMessage, type RefusalCode } from '../core/catalogue/refusals';

/** The refusal of an input path, by the file system's error code. */
export function ioRefusal(e: unknown): RefusalCode {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'file_not_found';
    case 'EISDIR':
      return 'path_is_folder';
    case 'EACCES':
    case 'EPERM':
      return 'no_permission';
    case 'ENAMETOOLONG':
      return 'name_too_long';
    case 'ENOTDIR':
      return 'path_not_folder';
    case 'ELOOP':
      return 'path_loop';
    default:
      return 'io_failed';
  }
}

/** Vietnamese meaning of a file-system error code, worded by the refusals catalogue. */
export function ioMessage(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return refusalMessage(ioRefusal(e), { path, ...(code ? { code } : {}) });
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
  return refuse('not_regular_file', { path });
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
