/**
 * Writing an output file without ever losing an input or the previous output.
 *
 * Identity, not path strings: two paths name the same file when they lead to the same device and
 * inode (hard links, symbolic links, "./a" and "/x/a", and, on a file system that folds case, "A"
 * and "a" all do). Where inodes are not reliable (some network and FAT file systems report 0) the
 * real paths are compared, case-folded when the folder's file system folds case.
 *
 * Writing is atomic: the bytes go to a temporary file in the target's own folder (a rename is only
 * atomic within one file system), are flushed to disk, and the temporary file is then renamed over
 * the target. A crash or a full disk leaves the old file whole, never a truncated one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** An output that would overwrite an input, or a write that failed; `message` is Vietnamese. */
export class UnsafeWriteError extends Error {
  override readonly name = 'UnsafeWriteError';
  constructor(
    readonly reason: 'same_as_input' | 'not_regular' | 'write_failed' | 'exists',
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** An input the output must not be, with how to name it in a message ("mẫu báo cáo (--template)"). */
export interface NamedInput {
  path: string;
  label: string;
}

function statOf(p: string): fs.BigIntStats | null {
  try {
    return fs.statSync(p, { bigint: true });
  } catch {
    return null;
  }
}

/** The real path of `p`, or of its folder joined with its name when `p` does not exist yet. */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

function swapCase(s: string): string {
  return Array.from(s, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

/**
 * Whether the file system holding the existing file `p` folds case, found by asking it: the name
 * with its letters' case swapped must lead to the very same file. Nothing is written to find out.
 * Undefined when `p` has no letters to swap in its name or its folder's name.
 */
export function foldsCase(p: string): boolean | undefined {
  const real = realPathOf(p);
  const st = statOf(real);
  if (!st) return undefined;
  for (const target of [real, path.dirname(real)]) {
    const base = path.basename(target);
    const swapped = swapCase(base);
    if (swapped === base) continue;
    const other = statOf(path.join(path.dirname(target), swapped));
    if (!other) return false;
    const ref = target === real ? st : statOf(target);
    if (!ref) return undefined;
    if (ref.ino !== 0n) return other.dev === ref.dev && other.ino === ref.ino;
    // No inode numbers: a case-swapped name that exists with the same size and times is the same file.
    return other.size === ref.size && other.mtimeNs === ref.mtimeNs && other.birthtimeNs === ref.birthtimeNs;
  }
  return undefined;
}

const fold = (s: string) => s.normalize('NFC').toLowerCase();

/**
 * True when `a` and `b` are the same file. `folds` answers whether the file system of an existing
 * file folds case (tests pass their own: a case-insensitive volume cannot be mounted on demand).
 */
export function sameFile(a: string, b: string, folds: (existing: string) => boolean | undefined = foldsCase): boolean {
  const sa = statOf(a);
  const sb = statOf(b);
  if (sa && sb && sa.ino !== 0n && sb.ino !== 0n) return sa.dev === sb.dev && sa.ino === sb.ino;
  const ra = realPathOf(a);
  const rb = realPathOf(b);
  if (ra === rb) return true;
  // macOS also treats differently normalised Unicode names as one: NFC before comparing.
  if (fold(ra) !== fold(rb)) return false;
  const existing = sa ? a : sb ? b : null;
  return existing != null && folds(existing) === true;
}

/** Refuses (UnsafeWriteError) when `out` is any of `inputs`, however it is spelt. */
export function assertNotInput(out: string, inputs: readonly NamedInput[], folds?: (existing: string) => boolean | undefined): void {
  for (const input of inputs) {
    if (sameFile(out, input.path, folds)) {
      throw new UnsafeWriteError(
        'same_as_input',
        `Tệp kết quả (--out) "${out}" trùng với ${input.label} "${input.path}" (cùng một tệp, có thể qua liên kết hoặc tên khác chữ hoa/thường): hãy chọn tên tệp khác để giữ nguyên tệp đầu vào.`,
      );
    }
  }
}

/** Vietnamese reason for a failed file operation. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'không tìm thấy tệp hoặc thư mục';
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền ghi (tệp có thể đang mở trong Word hoặc Excel)';
    case 'EBUSY':
      return 'tệp đang được chương trình khác sử dụng';
    case 'EISDIR':
      return 'đây là một thư mục';
    case 'ENOTDIR':
      return 'một phần của đường dẫn không phải thư mục';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ổ đĩa đã đầy';
    case 'EFBIG':
      return 'tệp vượt quá kích thước cho phép của hệ thống';
    case 'EROFS':
      return 'ổ đĩa chỉ cho đọc';
    default:
      return code ? `lỗi hệ thống ${code}` : 'lỗi không xác định';
  }
}

/**
 * Refuses (UnsafeWriteError) an output that is neither nothing nor a regular file. Renaming over a
 * device node, a FIFO or a socket would replace the node itself with a plain file (as root,
 * `--out /dev/null` would replace /dev/null); a folder cannot be replaced at all. A symbolic link
 * is judged by what it leads to. `target` is the real path when the caller has it.
 */
export function assertReplaceable(target: string, shown: string = target): void {
  const st = statOf(target);
  if (!st) return;
  if (st.isDirectory()) throw new UnsafeWriteError('not_regular', `Không ghi được "${shown}": đây là một thư mục.`);
  if (!st.isFile()) {
    throw new UnsafeWriteError('not_regular', `Không ghi được "${shown}": đây không phải một tệp thông thường (thiết bị, ống dẫn hay ổ cắm) nên không thay nó bằng tệp kết quả. Hãy chọn một tên tệp .xlsx hoặc .docx trên đĩa.`);
  }
}

/**
 * The one way the CLI replaces an output: writes `data` to `target` atomically (temporary file in the same folder, fsync, rename), first
 * refusing when `target` is one of `inputs`. A symbolic link as the target is followed, so the
 * link stays and the file it points to is replaced. The old file keeps its permissions.
 */
export function writeFileSafely(target: string, data: Uint8Array | string, inputs: readonly NamedInput[] = []): void {
  assertNotInput(target, inputs);
  const real = realPathOf(target);
  assertReplaceable(real, target);
  const old = statOf(real);
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', old ? Number(old.mode & 0o7777n) : 0o666);
    // The creation mode passes through the umask; the replaced file's own mode is kept exactly.
    if (old) fs.fchmodSync(fd, Number(old.mode & 0o7777n));
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    // Checked again just before the rename: the name may have become a node while we wrote.
    assertReplaceable(real, target);
    fs.renameSync(tmp, real);
  } catch (e) {
    const refused = e instanceof UnsafeWriteError;
    if (fd != null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* the write already failed; that error is the one to report */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    if (refused) throw e;
    throw new UnsafeWriteError('write_failed', `Không ghi được "${target}": ${ioReason(e)}. Tệp cũ (nếu có) vẫn giữ nguyên.`, String(e));
  }
  syncFolder(dir);
}

/** Makes the rename itself durable. Folders cannot be opened for fsync on Windows: best effort. */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* not supported here; the file's own data was flushed before the rename */
  } finally {
    if (fd != null) fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// An output that already exists: the officer may have edited it since.

/**
 * What an existing output is to the command about to write it: its own previous output, unedited
 * (replacing it loses nothing), its own previous output edited by the officer (kept beside the new
 * one), or anything else (refused unless --overwrite).
 */
export type ExistingOutput = 'unedited' | 'edited' | 'foreign';

export interface OutputPlan {
  /** What is at the target now; null: nothing (or what assertReplaceable refuses). */
  existing: ExistingOutput | null;
}

/**
 * Decides, before any work, whether `target` may be written. `judge` tells the command's own
 * output from anything else; a file larger than `maxBytes` is not read and counts as foreign.
 * Throws UnsafeWriteError('exists') for a foreign file unless `overwrite`.
 */
export async function planOutput(
  target: string,
  opts: { overwrite?: boolean; judge?: (bytes: Uint8Array) => Promise<ExistingOutput>; maxBytes?: number },
): Promise<OutputPlan> {
  const real = realPathOf(target);
  const st = statOf(real);
  if (!st || !st.isFile()) return { existing: null };
  let existing: ExistingOutput = 'foreign';
  if (opts.judge && st.size <= BigInt(opts.maxBytes ?? 200 * 1024 * 1024)) {
    try {
      existing = await opts.judge(new Uint8Array(fs.readFileSync(real)));
    } catch {
      existing = 'foreign'; // unreadable as the command's own output: somebody else's file
    }
  }
  if (existing === 'foreign' && !opts.overwrite) {
    throw new UnsafeWriteError(
      'exists',
      `Tệp kết quả "${target}" đã có và không phải tệp lệnh này ghi ra lần trước (hoặc không đọc được): lệnh không ghi đè để khỏi mất nội dung trong đó. Hãy chọn tên tệp khác, hoặc thêm --overwrite nếu muốn ghi đè tệp này.`,
    );
  }
  return { existing };
}

/** "bao-cao (bản trước).docx", then "bao-cao (bản trước 2).docx"… beside `target`. */
export function previousCopyName(target: string, n: number): string {
  const ext = path.extname(target);
  return path.join(path.dirname(target), `${path.basename(target, ext)} (bản trước${n > 1 ? ` ${n}` : ''})${ext}`);
}

/**
 * Writes `data` as writeFileSafely does, after keeping an edited previous output under the first
 * free "(bản trước)" name (never replacing an earlier copy). Returns that name, or null.
 */
export function writeOutput(target: string, data: Uint8Array | string, inputs: readonly NamedInput[], plan: OutputPlan): string | null {
  let kept: string | null = null;
  if (plan.existing === 'edited') {
    const real = realPathOf(target);
    for (let n = 1; kept == null && statOf(real); n++) {
      const name = previousCopyName(target, n);
      try {
        // COPYFILE_EXCL: an existing copy is never replaced; the original stays until the rename below.
        fs.copyFileSync(real, name, fs.constants.COPYFILE_EXCL);
        kept = name;
      } catch (e) {
        if ((e as NodeJS.ErrnoException)?.code === 'EEXIST' && n < 1000) continue;
        if ((e as NodeJS.ErrnoException)?.code === 'ENOENT' && !statOf(real)) break; // gone meanwhile: nothing left to keep
        throw new UnsafeWriteError('write_failed', `Không giữ được bản cũ của "${target}" (đã sửa sau lần ghi trước) thành "${name}": ${ioReason(e)}. Chưa ghi gì.`, String(e));
      }
    }
  }
  writeFileSafely(target, data, inputs);
  return kept;
}
