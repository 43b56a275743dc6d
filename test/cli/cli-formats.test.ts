import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '../../src/xlsx/package';
import { mulblank, number, ods, xls } from '../helpers/hostile-sheets';
import { cliRunner } from '../helpers/cli';

const root = join(__dirname, '..', '..');
const FIX = join(root, 'test', 'fixtures', 'html');
const dir = mkdtempSync(join(tmpdir(), 'cchc-formats-'));

const run = cliRunner(60000);

describe('cchc check on files that are not .xlsx packages', () => {
  it('reads a one-stop system export saved as .xls (an HTML page): not refused as unreadable', () => {
    const r = run('check', join(FIX, 'mot-cua-kon-tum-q3-2022-dung.xls'), '--json');
    expect(r.err).not.toMatch(/Không đọc được/);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.out).file).toMatch(/mot-cua-kon-tum-q3-2022-dung\.xls$/);
  });

  it('reads the same export as an Excel 2003 XML spreadsheet saved as .xls', () => {
    const r = run('check', join(FIX, 'mot-cua-kon-tum-q3-2022-xml-2003-dung.xls'), '--json');
    expect(r.err).not.toMatch(/Không đọc được/);
    expect([0, 1]).toContain(r.code);
  });

  it('reads the same page whatever its extension', () => {
    const renamed = join(dir, 'xuat-tu-he-thong.xlsx');
    copyFileSync(join(FIX, 'mot-cua-kon-tum-q3-2022-dung.xls'), renamed);
    const r = run('check', renamed, '--json');
    expect([0, 1]).toContain(r.code);
  });

  it('exits 2 on a broken .xls, in Vietnamese and without a stack trace', () => {
    const r = run('check', join(FIX, 'hong-excel-97-2003.xls'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Tệp Excel 97-2003 \(\.xls\) bị hỏng/);
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('reads a LibreOffice .ods (a sheet without a table to check: not refused as unreadable)', () => {
    const r = run('check', join(FIX, 'libreoffice-toi-thieu.ods'), '--json');
    expect(r.err).not.toMatch(/Không đọc được/);
    expect(JSON.parse(r.out).file).toMatch(/libreoffice-toi-thieu\.ods$/);
  });
});

describe('cchc check on Excel 97-2003, OpenDocument and CSV files', () => {
  const LAYOUTS = join(root, 'test', 'fixtures', 'layouts');
  it.each(['xls', 'ods', 'utf8-cham-phay.csv'])('reads trang-tinh-don-gian-co-loi.%s and finds its five planted errors (exit 1)', (ext) => {
    const r = run('check', join(LAYOUTS, `trang-tinh-don-gian-co-loi.${ext}`), '--json');
    expect(r.code).toBe(1);
    // 169 ≠ 168 TTHC, employed "4.876" ≠ 4.870, 88,46% ≠ 85,19%, a task twice, 95% > 92,03%.
    expect(JSON.parse(r.out).summary.errors).toBe(5);
  });

  it.each([
    ['dinh-dang-het-trang.xls', () => xls([Array.from({ length: Math.ceil(LIMITS.maxCells / 256) + 100 }, (_, i) => mulblank(i))]), /quá nhiều ô/],
    ['dong-cuoi.xls', () => xls(Array.from({ length: Math.ceil(LIMITS.maxRows / 65536) + 1 }, () => [number(65535, 0, 1)])), /quá nhiều dòng/],
    [
      'lap-lai.ods',
      () => ods('<table:table table:name="T"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>'),
      /quá nhiều ô/,
    ],
  ] as [string, () => Uint8Array | Promise<Uint8Array>, RegExp][])('refuses the hostile %s: exit 2, in Vietnamese, no stack trace', async (name, make, message) => {
    const path = join(dir, name);
    writeFileSync(path, await make());
    const r = run('check', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+|Error:/);
  });
});
