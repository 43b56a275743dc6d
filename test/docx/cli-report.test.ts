import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckReport } from '../../src/core/report';
import { runReport } from '../../src/cli/report';
import { readFillRecord } from '../../src/docx/fill';
import { konTumQ3, onlyTthc } from '../narrative/fixtures';
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
});
