import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { runReport } from '../../src/cli/report';
import { assertReplaceable, foldsCase, sameFile, UnsafeWriteError, writeFileSafely } from '../../src/cli/safe-write';
import { openInputSync, readBoundedSync } from '../../src/cli/input';
import { makeFifo } from '../helpers/hostile/writers';

const root = path.join(__dirname, '..', '..');
const SAMPLE = path.join(root, 'assets', 'samples', 'mau-sach.xlsx');
const TEMPLATE = path.join(root, 'assets', 'templates', 'bao-cao-cchc.docx');

let dir: string;
let out: string[];
let err: string[];
const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-safe-'));
  out = [];
  err = [];
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Copies of the sample workbook and the template in the test folder. */
function inputs() {
  const xlsx = path.join(dir, 'so-lieu.xlsx');
  const tpl = path.join(dir, 'mau.docx');
  fs.copyFileSync(SAMPLE, xlsx);
  fs.copyFileSync(TEMPLATE, tpl);
  return { xlsx, tpl, xlsxBytes: fs.readFileSync(xlsx), tplBytes: fs.readFileSync(tpl) };
}

describe('cchc report never writes over an input', () => {
  test('a hard link to the workbook or the template as --out is refused (exit 2), both files unchanged', async () => {
    const { xlsx, tpl, xlsxBytes, tplBytes } = inputs();
    const linkX = path.join(dir, 'ket-qua.docx');
    const linkT = path.join(dir, 'ket-qua-2.docx');
    fs.linkSync(xlsx, linkX);
    fs.linkSync(tpl, linkT);
    expect(await runReport({ file: xlsx, template: tpl, out: linkX, io })).toBe(2);
    expect(err.pop()).toMatch(/trùng với tệp số liệu .*hãy chọn tên tệp khác/);
    expect(await runReport({ file: xlsx, template: tpl, out: linkT, io })).toBe(2);
    expect(err.pop()).toContain('trùng với mẫu báo cáo (--template)');
    expect(fs.readFileSync(xlsx).equals(xlsxBytes)).toBe(true);
    expect(fs.readFileSync(tpl).equals(tplBytes)).toBe(true);
    expect(out).toEqual([]);
  });

  test('a symbolic link to an input, and a relative spelling of its absolute path, are refused', async () => {
    const { xlsx, tpl, tplBytes } = inputs();
    const link = path.join(dir, 'bao-cao.docx');
    fs.symlinkSync(tpl, link);
    expect(await runReport({ file: xlsx, template: tpl, out: link, io })).toBe(2);
    const relative = path.relative(process.cwd(), tpl);
    expect(path.isAbsolute(relative)).toBe(false);
    expect(await runReport({ file: xlsx, template: tpl, out: relative, io })).toBe(2);
    const dotted = path.join(dir, '.', 'sub', '..', 'mau.docx');
    expect(await runReport({ file: xlsx, template: relative, out: dotted, io })).toBe(2);
    expect(err).toHaveLength(3);
    for (const e of err) expect(e).toContain('trùng với mẫu báo cáo');
    expect(fs.readFileSync(tpl).equals(tplBytes)).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test('a new file next to the inputs is written, and with --overwrite replaces an older file whole', async () => {
    const { xlsx, tpl } = inputs();
    const dest = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(dest, 'bản cũ');
    expect(await runReport({ file: xlsx, template: tpl, out: dest, io, overwrite: true })).toBe(0);
    expect(fs.readFileSync(dest).subarray(0, 2).toString()).toBe('PK');
    // Only the output is in the folder besides the inputs: no temporary file is left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['bao-cao.docx', 'mau.docx', 'so-lieu.xlsx']);
  });

  test('property: whatever path names the output, the inputs’ bytes never change', async () => {
    const { xlsx, tpl, xlsxBytes, tplBytes } = inputs();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.linkSync(xlsx, path.join(dir, 'sub', 'cung-so-lieu.docx'));
    fs.symlinkSync(tpl, path.join(dir, 'sub', 'lien-ket.docx'));
    fs.symlinkSync(dir, path.join(dir, 'vong'));
    const spellings = [
      (p: string) => p,
      (p: string) => path.relative(process.cwd(), p),
      (p: string) => path.join(path.dirname(p), '.', path.basename(p)),
      (p: string) => path.join(path.dirname(p), 'sub', '..', path.basename(p)),
      (p: string) => path.join(dir, 'vong', path.relative(dir, p)),
    ];
    const targets = [xlsx, tpl, path.join(dir, 'sub', 'cung-so-lieu.docx'), path.join(dir, 'sub', 'lien-ket.docx'), path.join(dir, 'moi.docx')];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.constantFrom(...spellings), fc.constantFrom(...spellings), async (target, spellOut, spellIn) => {
        err = [];
        const code = await runReport({ file: spellIn(xlsx), template: spellIn(tpl), out: spellOut(target), io });
        expect(fs.readFileSync(xlsx).equals(xlsxBytes)).toBe(true);
        expect(fs.readFileSync(tpl).equals(tplBytes)).toBe(true);
        // Only the new name may be written; every other target is an input under another name.
        if (target.endsWith('moi.docx')) expect(code).toBe(0);
        else expect([code, err.join('')]).toEqual([2, expect.stringContaining('trùng với')]);
      }),
      { seed: 20261129, numRuns: 40 },
    );
  }, 120000);
});

describe('sameFile and the case of names', () => {
  test('this file system does not fold case: "A.docx" and "a.docx" are two files; where it folds, they are one', () => {
    const upper = path.join(dir, 'Bao-Cao.docx');
    const lower = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(upper, 'A');
    expect(foldsCase(upper)).toBe(false);
    expect(sameFile(upper, lower)).toBe(false);
    // On a case-folding volume (Windows, macOS) the probe answers true and the names are one file.
    expect(sameFile(upper, lower, () => true)).toBe(true);
    expect(sameFile(upper, path.join(dir, 'khac.docx'), () => true)).toBe(false);
    fs.writeFileSync(lower, 'a');
    expect(sameFile(upper, lower)).toBe(false);
  });

  test('the probe answers true when the swapped name leads to the same file (simulated with a hard link)', () => {
    const a = path.join(dir, 'mau.docx');
    fs.writeFileSync(a, 'x');
    fs.linkSync(a, path.join(dir, 'MAU.DOCX'));
    expect(foldsCase(a)).toBe(true);
  });
});

describe('writeFileSafely', () => {
  test('a failed write (disk full at flush) leaves the old file intact and no temporary file', () => {
    const target = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(target, 'nội dung cũ');
    jest.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    let caught: unknown;
    try {
      writeFileSafely(target, new Uint8Array(100_000).fill(7));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UnsafeWriteError);
    expect((caught as Error).message).toContain('ổ đĩa đã đầy');
    expect((caught as Error).message).toContain('Tệp cũ (nếu có) vẫn giữ nguyên');
    expect(fs.readFileSync(target, 'utf8')).toBe('nội dung cũ');
    expect(fs.readdirSync(dir)).toEqual(['bao-cao.docx']);
  });

  test('the write goes through a temporary file renamed over the target: a reader never sees a partial file', () => {
    const target = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(target, 'cũ');
    const renames: [string, string][] = [];
    const realRename = fs.renameSync;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      renames.push([String(from), String(to)]);
      // Just before the rename the target still holds the old bytes, and the new ones are complete beside it.
      expect(fs.readFileSync(target, 'utf8')).toBe('cũ');
      expect(fs.readFileSync(from, 'utf8')).toBe('mới');
      realRename(from, to);
    });
    writeFileSafely(target, 'mới');
    expect(renames).toHaveLength(1);
    expect(path.dirname(renames[0]![0])).toBe(fs.realpathSync(dir));
    expect(fs.readFileSync(target, 'utf8')).toBe('mới');
  });

  test('a symbolic link as the target is kept and the file it points to is replaced; permissions are kept', () => {
    const real = path.join(dir, 'that.docx');
    fs.writeFileSync(real, 'cũ');
    fs.chmodSync(real, 0o666);
    const link = path.join(dir, 'link.docx');
    fs.symlinkSync(real, link);
    writeFileSafely(link, 'mới');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('mới');
    expect(fs.statSync(real).mode & 0o777).toBe(0o666);
  });

  test('refuses a folder and a missing folder with a Vietnamese message', () => {
    expect(() => writeFileSafely(dir, 'x')).toThrow(/đây là một thư mục/);
    expect(() => writeFileSafely(path.join(dir, 'khong-co', 'a.docx'), 'x')).toThrow(/không tìm thấy tệp hoặc thư mục/);
  });
});

describe('only a regular file or nothing is replaced; only a regular file is read', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-node-'));

  test('a FIFO, a character device, and a link to one are refused as --out and left as they are', () => {
    const d = tmp();
    const fifo = makeFifo(path.join(d, 'ong.xlsx'));
    const link = path.join(d, 'lien-ket.docx');
    fs.symlinkSync('/dev/null', link);
    for (const target of [fifo, '/dev/null', link]) {
      expect(() => assertReplaceable(target)).toThrow(/không phải một tệp thông thường/);
      expect(() => writeFileSafely(target, 'x')).toThrow(UnsafeWriteError);
    }
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(d).sort()).toEqual(['lien-ket.docx', 'ong.xlsx']);
  });

  test('a regular file and a name not yet taken are replaceable', () => {
    const d = tmp();
    const f = path.join(d, 'a.xlsx');
    fs.writeFileSync(f, 'cu');
    expect(() => assertReplaceable(f)).not.toThrow();
    expect(() => assertReplaceable(path.join(d, 'moi.xlsx'))).not.toThrow();
    writeFileSafely(f, 'moi');
    expect(fs.readFileSync(f, 'utf8')).toBe('moi');
  });

  test('openInputSync refuses a FIFO without waiting for a writer, and a device; reads a regular file', () => {
    const d = tmp();
    expect(() => openInputSync(makeFifo(path.join(d, 'x.xlsx')))).toThrow(/Không phải một tệp thông thường/);
    expect(() => openInputSync('/dev/zero')).toThrow(/Không phải một tệp thông thường/);
    expect(() => openInputSync(d)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    const f = path.join(d, 'a.xlsx');
    fs.writeFileSync(f, 'abc');
    expect(readBoundedSync(f).toString()).toBe('abc');
    expect(() => readBoundedSync(f, 2, (n) => new Error(`lớn ${n}`))).toThrow('lớn 3');
  });
});
