/**
 * Hostile inputs for the writers, the CLI's file handling and the date checks: the texts a unit,
 * file, sheet or field name may carry that once broke the merge's workbook; named pipes and
 * devices where a file is expected; a consolidated workbook left among the units' files; a date of
 * 1e308. Used by the tests and by `npx tsx test/helpers/hostile/measure.ts` (docs/reliability.md).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { preparePackage } from '../../support/exceljs-repairs';
import { checkWorkbook } from '../../../src/core/check';
import { toUnitReport, type UnitReport } from '../../../src/core/merge/units';
import { readWorkbook } from '../../../src/xlsx/read';
import { CLEAN_SAMPLE } from '../../../src/xlsx/samples';
import { buildWorkbook, infoCell, type BuildOptions } from '../../../src/xlsx/template';

/**
 * Pieces of text that each broke, or could break, a writer: replacement patterns of
 * `String.replace` (`$&` inserts the matched text, `` $` `` what precedes it, `$$` one dollar),
 * characters XML 1.0 forbids (U+FFFF, U+FFFE, lone surrogates, C0 controls), what XML and
 * SpreadsheetML give meaning to (markup, entities, `_xHHHH_`), and what must survive untouched
 * (tab, a real surrogate pair, Vietnamese, right-to-left override, a leading "=").
 */
export const NASTY_PIECES: readonly string[] = [
  '$&',
  '$`',
  "$'",
  '$$',
  '$1',
  '</sst>',
  '</sheets>',
  '\uFFFF',
  '\uFFFE',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
  '\u0000',
  '\u0001',
  '\u001B[2J',
  '\u000B',
  '\t',
  '_x0041_',
  '_xFFFF_',
  '<b>',
  '&amp;',
  '"',
  "'",
  ']]>',
  '=1+2',
  '\u202E',
  'Sở Y tế',
  ' ',
];

/** The characters XML 1.0 forbids, as the writer must drop them (written independently of src/core/xml-text.ts). */
export function expectedAfterDrop(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    out += s[i]!;
  }
  return out;
}

let cleanUnit: UnitReport | null = null;

/** The clean sample's unit report (read and checked once), with the given texts as its names. */
export async function unitNamed(texts: { unit: string; file: string; sheet: string; field: string }, figuresHash = 'f'): Promise<UnitReport> {
  if (!cleanUnit) {
    const model = await readWorkbook(await buildWorkbook(CLEAN_SAMPLE), 'mau-sach.xlsx');
    cleanUnit = toUnitReport(checkWorkbook(model), 'mau-sach.xlsx', '0123456789abcdef', model);
  }
  const u = structuredClone(cleanUnit);
  u.unit = texts.unit;
  u.file = texts.file;
  u.figuresHash = figuresHash;
  for (const t of Object.values(u.tables)) {
    t.sheet = texts.sheet;
    if (t.rows[0]) t.rows[0].label = texts.field;
  }
  return u;
}

/** A named pipe: opening it for reading waits for a writer, forever if none comes. */
export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** A unit's workbook from the clean sample, with its own name and figures scaled so no two are alike. */
export async function unitWorkbook(unit: string, scale: number): Promise<Uint8Array> {
  const o: BuildOptions = structuredClone(CLEAN_SAMPLE);
  o.unit = unit;
  for (const r of o.tables?.KetQuaGiaiQuyet?.rows ?? []) {
    for (const k of Object.keys(r)) if (typeof r[k] === 'number') r[k] = (r[k] as number) * scale;
  }
  return buildWorkbook(o);
}

/**
 * A unit's workbook whose name holds characters XML cannot carry, the way Excel stores them:
 * `{HHHH}` in `unit` becomes the escape `_xHHHH_` in the shared strings (so `{FFFF}` is U+FFFF once
 * read). Written after ExcelJS, since our writer would protect a literal `_xHHHH_`.
 */
export async function unitWorkbookWithEscapes(unit: string, scale: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await unitWorkbook(unit.replace(/\{([0-9A-F]{4})\}/g, (_m, h: string) => `ESC${h}ESC`), scale));
  const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', sst.replace(/ESC([0-9A-F]{4})ESC/g, (_m, h: string) => `_x${h}_`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A units' folder of two workbooks; the merge of them is written by the caller (the real CLI). */
export async function writeUnitsFolder(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, '1-benh-vien-a.xlsx'), join(dir, '2-trung-tam-b.xlsx')];
  writeFileSync(files[0]!, await unitWorkbook('Bệnh viện A', 1));
  writeFileSync(files[1]!, await unitWorkbook('Trung tâm Y tế B', 2));
  return files;
}

/** The consolidated workbook `from` copied into the units' folder, as an officer might leave it. */
export function leaveConsolidationIn(dir: string, from: string): string {
  const to = join(dir, '3-tong-hop-ky-truoc.xlsx');
  copyFileSync(from, to);
  return to;
}

/** The clean sample with a date cell (Từ ngày) and the year set to `value`, as numbers. */
export async function workbookWithDateAndYear(value: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS 4.4 cannot read the totals rows' <totalsRowFormula>: it gets the oracle's repaired copy.
  await wb.xlsx.load((await preparePackage(await buildWorkbook(CLEAN_SAMPLE))).data as unknown as ArrayBuffer);
  const info = wb.worksheets.find((w) => w.getCell(infoCell('TuNgay')).value != null)!;
  info.getCell(infoCell('TuNgay')).value = value;
  info.getCell(infoCell('NamBaoCao')).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
