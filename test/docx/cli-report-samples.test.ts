import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReport } from '../../src/cli/report';
import { buildNarrative } from '../../src/core/narrative';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbook } from '../../src/xlsx/read';
import { readFillRecord } from '../../src/docx/fill';
import { controlTexts, part, TEMPLATE } from './helpers';
import { NOTE_PREFIX } from '../../src/core/narrative/marks';

// The real chain (reader, check engine, narrative, filler) on the shipped samples.
const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

describe('cchc report on the samples', () => {
  let dir: string;
  const io = { out: () => {}, err: (s: string) => errs.push(s) };
  let errs: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-samples-'));
    errs = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('mau-sach.xlsx fills every place with the narrative of its figures', async () => {
    const file = path.join(SAMPLES, 'mau-sach.xlsx');
    const out = path.join(dir, 'bao-cao.docx');
    expect(await runReport({ file, template: TEMPLATE, out, io })).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(out));
    const n = buildNarrative(checkWorkbook(await readWorkbook(new Uint8Array(fs.readFileSync(file)), 'mau-sach.xlsx')));
    const xml = await part(bytes, 'word/document.xml');
    expect(controlTexts(xml, 'cchc:tthc')).toEqual([n.sections['cchc:tthc']]);
    expect((await readFillRecord(bytes))?.fingerprint).toBe(n.fingerprint);
  });

  test('--force on mau-co-loi.xlsx marks the places in the .docx; a refill from mau-sach.xlsx removes the marks', async () => {
    const forced = path.join(dir, 'bao-cao-loi.docx');
    expect(await runReport({ file: path.join(SAMPLES, 'mau-co-loi.xlsx'), template: TEMPLATE, out: forced, io, force: true })).toBe(0);
    const report = checkWorkbook(await readWorkbook(new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'mau-co-loi.xlsx'))), 'mau-co-loi.xlsx'));
    const bytes = new Uint8Array(fs.readFileSync(forced));
    const xml = await part(bytes, 'word/document.xml');
    const first = controlTexts(xml, 'cchc:tthc')[0]![0]!;
    expect(first.startsWith(NOTE_PREFIX)).toBe(true);
    // The note names a real error of the TTHC table with its cell.
    const tthcError = report.issues.find((i) => i.severity === 'error' && i.table === 'KetQuaGiaiQuyet')!;
    expect(first).toContain(`ô ${tthcError.sheet}!${tthcError.cell}`);
    expect(xml).toContain('<w:highlight w:val="yellow"/>');
    expect((await readFillRecord(bytes))?.forcedErrors).toBe(String(report.summary.errors));

    const clean = path.join(dir, 'bao-cao-sach.docx');
    expect(await runReport({ file: path.join(SAMPLES, 'mau-sach.xlsx'), template: forced, out: clean, io })).toBe(0);
    const cleanBytes = new Uint8Array(fs.readFileSync(clean));
    const xml2 = await part(cleanBytes, 'word/document.xml');
    expect(xml2).not.toContain(NOTE_PREFIX);
    expect(await readFillRecord(cleanBytes)).not.toHaveProperty('forcedErrors');
  });

  test('mau-co-loi.xlsx is refused without --force', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    expect(await runReport({ file: path.join(SAMPLES, 'mau-co-loi.xlsx'), template: TEMPLATE, out, io })).toBe(1);
    expect(errs.join('')).toMatch(/còn \d+ lỗi/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
