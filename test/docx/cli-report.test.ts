import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckReport } from '../../src/core/report';
import { runReport } from '../../src/cli/report';
import { readFillRecord } from '../../src/docx/fill';
import { konTumQ3, onlyTthc } from '../narrative/fixtures';
import JSZip from 'jszip';
import { controlTexts, part, TEMPLATE } from './helpers';

// The check engine is being written elsewhere: the command is tested on reports built from seed figures.
let nextReport: CheckReport;
jest.mock('../../src/core/check', () => ({ checkWorkbook: () => nextReport }));
jest.mock('../../src/xlsx/read', () => {
  const { UnreadableWorkbookError } = jest.requireActual('../../src/xlsx/errors');
  return {
    readWorkbook: async (data: Uint8Array) => {
      if (Buffer.from(data).subarray(0, 2).toString() !== 'PK') throw new UnreadableWorkbookError('not_zip', 'Tệp không phải bảng tính Excel (.xlsx).');
      return { fileName: 'x.xlsx', sheets: [], tables: [], names: [] };
    },
  };
});

describe('cchc report', () => {
  let dir: string;
  let xlsx: string;
  let out: string[];
  let err: string[];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-report-'));
    xlsx = path.join(dir, 'so-lieu.xlsx');
    fs.writeFileSync(xlsx, 'PK\u0003\u0004 giả lập');
    out = [];
    err = [];
    nextReport = konTumQ3();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('fills the template, prints the places, writes the record', async () => {
    const dest = path.join(dir, 'bao-cao.docx');
    const tplBefore = fs.readFileSync(TEMPLATE);
    const code = await runReport({ file: xlsx, template: TEMPLATE, out: dest, io, now: () => new Date('2022-09-14T09:00:00Z') });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(fs.readFileSync(TEMPLATE).equals(tplBefore)).toBe(true);
    const bytes = new Uint8Array(fs.readFileSync(dest));
    const xml = await part(bytes, 'word/document.xml');
    expect(controlTexts(xml, 'cchc:tthc')[0]![0]).toContain('tiếp nhận 297 hồ sơ');
    const text = out.join('');
    expect(text).toContain('Đã điền:');
    expect(text).toContain('Kết quả giải quyết TTHC (cchc:tthc)');
    expect(text).toContain('Không có số liệu (để trống):');
    expect(text).toContain('(cchc:hailong)');
    const rec = await readFillRecord(bytes);
    expect(rec).toMatchObject({ fileName: 'so-lieu.xlsx', unit: 'Sở Y tế tỉnh Kon Tum', period: 'quý III năm 2022', filledAt: '2022-09-14T09:00:00.000Z' });
  });

  test('a workbook with errors is refused (exit 1) unless --force', async () => {
    nextReport = { ...onlyTthc(), summary: { errors: 2, warnings: 0, infos: 0 } };
    const dest = path.join(dir, 'bao-cao.docx');
    expect(await runReport({ file: xlsx, template: TEMPLATE, out: dest, io })).toBe(1);
    expect(err.join('')).toContain('còn 2 lỗi');
    expect(err.join('')).toContain('--force');
    expect(fs.existsSync(dest)).toBe(false);
    err = [];
    expect(await runReport({ file: xlsx, template: TEMPLATE, out: dest, io, force: true })).toBe(0);
    expect(out.join('')).toContain('đã dùng --force');
    expect(fs.existsSync(dest)).toBe(true);
  });

  test('refuses to overwrite the template or the workbook; unreadable inputs exit 2', async () => {
    const tplCopy = path.join(dir, 'mau.docx');
    fs.copyFileSync(TEMPLATE, tplCopy);
    expect(await runReport({ file: xlsx, template: tplCopy, out: path.join(dir, '.', 'mau.docx'), io })).toBe(2);
    expect(err.pop()).toContain('trùng với mẫu báo cáo');
    expect(await runReport({ file: xlsx, template: tplCopy, out: xlsx, io })).toBe(2);
    expect(await runReport({ file: path.join(dir, 'khong-co.xlsx'), template: tplCopy, out: path.join(dir, 'a.docx'), io })).toBe(2);
    expect(err.pop()).toContain('không tìm thấy tệp');
    const bad = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(bad, 'không phải zip');
    expect(await runReport({ file: bad, template: tplCopy, out: path.join(dir, 'a.docx'), io })).toBe(2);
    expect(err.pop()).toContain('Không đọc được tệp số liệu');
    const badTpl = path.join(dir, 'hong.docx');
    fs.writeFileSync(badTpl, 'không phải docx');
    expect(await runReport({ file: xlsx, template: badTpl, out: path.join(dir, 'a.docx'), io })).toBe(2);
    expect(err.pop()).toContain('Không đọc được mẫu báo cáo');
    expect(fs.existsSync(path.join(dir, 'a.docx'))).toBe(false);
    expect(fs.readFileSync(tplCopy).equals(fs.readFileSync(TEMPLATE))).toBe(true);
  });

  test('answer sheets give the survey chart in the report; --no-chart (chart: false) leaves it out and a refill removes it', async () => {
    const sections = { A: 81.25, B: 90, C: 62.5, D: 97.5, E: 75 };
    const metrics = Object.fromEntries(Object.entries(sections).map(([c, v]) => [`haiLong.nguoi-benh-noi-tru.haiLong${c}`, v]));
    nextReport = { ...konTumQ3(), metrics: { ...konTumQ3().metrics, ...metrics, 'haiLong.nguoi-benh-noi-tru.haiLongChung': 85 } };
    const JSZip = (await import('jszip')).default;
    const mediaOf = async (file: string) => Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files).filter((n) => n.startsWith('word/media/')).sort();
    const withChart = path.join(dir, 'co-bieu-do.docx');
    expect(await runReport({ file: xlsx, template: TEMPLATE, out: withChart, io })).toBe(0);
    expect(out.join('')).toContain('Đã chèn biểu đồ tỷ lệ hài lòng theo nhóm tiêu chí vào phần «Khảo sát sự hài lòng».');
    expect(await mediaOf(withChart)).toEqual(['word/media/cchc-hailong.png', 'word/media/cchc-hailong.svg']);
    const xml = await part(new Uint8Array(fs.readFileSync(withChart)), 'word/document.xml');
    const place = xml.slice(xml.indexOf('w:val="cchc:hailong"'));
    expect(place.slice(0, place.indexOf('</w:sdt>'))).toContain('descr="Tỷ lệ hài lòng theo nhóm tiêu chí (tính từ phiếu khảo sát). Người bệnh nội trú: hài lòng chung 85,00%; A. Khả năng tiếp cận: 81,25%;');

    out = [];
    const without = path.join(dir, 'khong-bieu-do.docx');
    expect(await runReport({ file: xlsx, template: withChart, out: without, io, chart: false })).toBe(0);
    expect(out.join('')).not.toContain('biểu đồ');
    expect(await mediaOf(without)).toEqual([]);
    expect(await part(new Uint8Array(fs.readFileSync(without)), 'word/document.xml')).not.toContain('<w:drawing>');
  });

  describe('an existing --out', () => {
    const run = (dest: string, extra: { overwrite?: boolean } = {}) => runReport({ file: xlsx, template: TEMPLATE, out: dest, io, now: () => new Date('2022-09-14T09:00:00Z'), ...extra });
    /** The filled report with one sentence of the template's text, outside every tagged place, changed as an officer would. */
    async function editOutside(dest: string): Promise<Buffer> {
      const zip = await JSZip.loadAsync(fs.readFileSync(dest));
      const xml = await zip.file('word/document.xml')!.async('string');
      const from = 'Cán bộ soạn thảo nhập căn cứ: kế hoạch CCHC năm của UBND tỉnh';
      expect(xml).toContain(from);
      zip.file('word/document.xml', xml.replace(from, 'Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh'));
      const edited = await zip.generateAsync({ type: 'nodebuffer' });
      fs.writeFileSync(dest, edited);
      return edited;
    }

    test('a file the command did not write is refused (exit 2, naming the file and --overwrite) and kept; --overwrite replaces it', async () => {
      const dest = path.join(dir, 'bao-cao.docx');
      fs.writeFileSync(dest, 'báo cáo của cán bộ');
      expect(await run(dest)).toBe(2);
      expect(err.join('')).toContain(`"${dest}" đã có`);
      expect(err.join('')).toContain('--overwrite');
      expect(fs.readFileSync(dest, 'utf8')).toBe('báo cáo của cán bộ');
      // A Word document without a fill record is somebody else's too.
      const other = path.join(dir, 'khac.docx');
      fs.copyFileSync(TEMPLATE, other);
      expect(await run(other)).toBe(2);
      expect(fs.readFileSync(other).equals(fs.readFileSync(TEMPLATE))).toBe(true);
      err = [];
      expect(await run(dest, { overwrite: true })).toBe(0);
      expect(err.join('')).toBe('');
      expect(await readFillRecord(new Uint8Array(fs.readFileSync(dest)))).toMatchObject({ unit: 'Sở Y tế tỉnh Kon Tum' });
      expect(fs.readdirSync(dir).sort()).toEqual(['bao-cao.docx', 'khac.docx', 'so-lieu.xlsx']);
    });

    test('its own unedited output is filled again in place, with no copy', async () => {
      const dest = path.join(dir, 'bao-cao.docx');
      expect(await run(dest)).toBe(0);
      nextReport = onlyTthc();
      out = [];
      expect(await run(dest)).toBe(0);
      expect(err.join('')).toBe('');
      expect(out.join('')).not.toContain('bản trước');
      expect(fs.readdirSync(dir).sort()).toEqual(['bao-cao.docx', 'so-lieu.xlsx']);
    });

    test('its own output edited outside the tagged places is kept as "(bản trước)", then "(bản trước 2)", before the new one is written', async () => {
      const dest = path.join(dir, 'bao-cao.docx');
      expect(await run(dest)).toBe(0);
      const edited = await editOutside(dest);
      out = [];
      expect(await run(dest)).toBe(0);
      const kept = path.join(dir, 'bao-cao (bản trước).docx');
      expect(fs.readFileSync(kept).equals(edited)).toBe(true);
      expect(out.join('')).toContain(`đã giữ bản đó thành "${kept}"`);
      expect(out.join('').indexOf('bản trước')).toBeLessThan(out.join('').indexOf('Đã ghi'));
      // The new one is the template filled again: the officer's sentence is only in the copy.
      expect(await part(new Uint8Array(fs.readFileSync(dest)), 'word/document.xml')).not.toContain('Kế hoạch số 12/KH-UBND');
      await editOutside(dest);
      expect(await run(dest)).toBe(0);
      expect(fs.readFileSync(kept).equals(edited)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'bao-cao (bản trước 2).docx'))).toBe(true);
    });
  });
});
