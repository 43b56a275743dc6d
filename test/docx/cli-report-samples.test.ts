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
import { buildWorkbook } from '../../src/xlsx/template';
import { CLEAN_SAMPLE } from '../../src/xlsx/samples';

async function ruleIdOf(file: string): Promise<string | undefined> {
  return checkWorkbook(await readWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file))).period?.regime;
}

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

  test('--previous adds the comparison with the previous period; a previous workbook under other rules gets none, and says why', async () => {
    // Quý II/2022 of the same unit: the clean sample's figures, written as the previous quarter.
    const prevFile = path.join(dir, 'quy-ii-2022.xlsx');
    fs.writeFileSync(prevFile, await buildWorkbook({ ...CLEAN_SAMPLE, periodKind: 'Quý II' }));
    const out = path.join(dir, 'bao-cao.docx');
    const lines: string[] = [];
    const cur = path.join(SAMPLES, 'mau-sach.xlsx');
    expect(await runReport({ file: cur, template: TEMPLATE, out, previous: prevFile, io: { out: (s) => lines.push(s), err: (s) => errs.push(s) } })).toBe(0);
    const xml = await part(new Uint8Array(fs.readFileSync(out)), 'word/document.xml');
    // Same figures in both quarters: "không thay đổi".
    expect(controlTexts(xml, 'cchc:tthc')[0]!.at(-1)).toBe('So với kỳ trước (quý II năm 2022), số hồ sơ tiếp nhận không thay đổi; số hồ sơ đã giải quyết không thay đổi.');

    // Quý III/2026 (two-level government) against Quý I/2025 (three levels): no comparison, and the reason.
    const y2026 = path.join(dir, 'quy-iii-2026.xlsx');
    const y2025 = path.join(dir, 'quy-i-2025.xlsx');
    fs.writeFileSync(y2026, await buildWorkbook({ ...CLEAN_SAMPLE, year: 2026 }));
    fs.writeFileSync(y2025, await buildWorkbook({ ...CLEAN_SAMPLE, periodKind: 'Quý I', year: 2025 }));
    expect(await ruleIdOf(y2026)).not.toBe(await ruleIdOf(y2025));
    lines.length = 0;
    expect(await runReport({ file: y2026, template: TEMPLATE, out, previous: y2025, force: true, io: { out: (s) => lines.push(s), err: (s) => errs.push(s) } })).toBe(0);
    expect(lines.join('')).toContain('Không so sánh với kỳ trước: hai kỳ thuộc hai quy định khác nhau');
    expect(await part(new Uint8Array(fs.readFileSync(out)), 'word/document.xml')).not.toContain('So với');
  });

  test('mau-co-loi.xlsx is refused without --force', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    expect(await runReport({ file: path.join(SAMPLES, 'mau-co-loi.xlsx'), template: TEMPLATE, out, io })).toBe(1);
    expect(errs.join('')).toMatch(/còn \d+ lỗi/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
