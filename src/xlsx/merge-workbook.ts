/**
 * The consolidated standard workbook of `cchc merge`: the contract's tables filled with the
 * consolidated rows (derived rates left to their formulas, so every rate is recomputed from the
 * summed counts), plus "Nguồn" (one line per source file) and "Truy vết" (each consolidated
 * figure and the cells it came from).
 */
import JSZip from 'jszip';
import { PERIOD_KINDS, TABLES, type PeriodKind, type TableName } from '../core/contract';
import { colToLetters } from '../core/model';
import type { MergeResult } from '../core/merge/merge';
import { SOURCE_HEADERS, SOURCE_SHEET } from '../core/merge/units';
import { buildWorkbook, type BuildOptions, type CellInput } from './template';

export const TRACE_SHEET = 'Truy vết';
/** One line per source cell; "Nguồn" is the STT of the file's line on the "Nguồn" sheet. */
export const TRACE_HEADERS = ['Bảng', 'Dòng', 'Cột', 'Số tổng hợp', 'Cách tính', 'Nguồn', 'Đơn vị', 'Sheet', 'Ô', 'Số của đơn vị', 'Ghi chú'] as const;

type PlainSheet = { name: string; rows: (string | number | null)[][]; widths?: number[] };

const METHOD: Record<string, string> = { sum: 'Cộng', weighted: 'Bình quân gia quyền theo số phiếu', taken: 'Lấy nguyên', ratio: 'Tính lại từ số đã cộng' };

export function mergedWorkbookOptions(result: MergeResult, unit?: string): BuildOptions & { extraSheets: PlainSheet[] } {
  const tables: BuildOptions['tables'] = {};
  for (const [name, rows] of Object.entries(result.consolidated.tables) as [TableName, Record<string, CellInput>[]][]) tables[name] = { rows };
  const sources: (string | number | null)[][] = [
    [...SOURCE_HEADERS],
    ...result.sources.map((s, i) => [i + 1, s.file, s.unit, s.period, s.from, s.to, s.layout, s.errors, s.warnings, s.fileHash, s.figuresHash, s.received, s.carried, s.pending, s.status]),
  ];
  const stt = new Map(result.sources.map((s, i) => [s.file, i + 1]));
  const trace: (string | number | null)[][] = [[...TRACE_HEADERS]];
  for (const t of result.consolidated.trace) {
    const title = TABLES.find((s) => s.name === t.table)?.metrics.title ?? t.table;
    const head = [title, t.row, t.header, t.value, METHOD[t.method] ?? t.method];
    if (!t.sources.length) trace.push([...head, null, null, null, null, null, t.note ?? null]);
    // The note once per figure: it is the same for every source.
    t.sources.forEach((s, j) => trace.push([...head, stt.get(s.file) ?? null, s.unit, s.sheet, s.cell, s.value, j === 0 ? (t.note ?? null) : null]));
  }
  const notes = result.consolidated.notes.map((n) => [null, n]);
  const options: BuildOptions & { extraSheets: PlainSheet[] } = {
    unit: unit ?? result.unit ?? 'Tổng hợp các đơn vị',
    tables,
    extraSheets: [
      { name: SOURCE_SHEET, rows: notes.length ? [...sources, [], ...notes] : sources, widths: [5, 30, 34, 16, 11, 11, 40, 8, 10, 18, 18, 12, 12, 12, 34] },
      { name: TRACE_SHEET, rows: trace, widths: [20, 30, 26, 12, 22, 30, 30, 12, 8, 12, 40] },
    ],
  };
  const p = result.period;
  if (p && (PERIOD_KINDS as readonly string[]).includes(p.kind)) {
    options.periodKind = p.kind as PeriodKind;
    options.year = p.year;
    if (p.source === 'workbook') options.window = { from: p.from, to: p.to };
  }
  return options;
}

export async function buildMergedWorkbook(result: MergeResult, unit?: string): Promise<Uint8Array> {
  const { extraSheets, ...options } = mergedWorkbookOptions(result, unit);
  return addPlainSheets(await buildWorkbook(options), extraSheets);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Control characters other than tab and line breaks are not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * Adds sheets of plain values to a package written by ExcelJS. Written by hand (inline strings,
 * no styles) because ExcelJS keeps a model and a style per cell: for the trace of 200 units
 * (about 30 000 lines) that took 10 s and 600 MB of the merge; here it is the zip compression (level 1:
 * the trace compresses well at any level) that costs, about 1 s.
 * The package parts themselves are read and written with JSZip.
 */
async function addPlainSheets(xlsx: Uint8Array, sheets: readonly PlainSheet[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`ExcelJS package without ${p}`);
    return f.async('string');
  };
  let workbook = await part('xl/workbook.xml');
  let rels = await part('xl/_rels/workbook.xml.rels');
  let types = await part('[Content_Types].xml');
  let sheetId = Math.max(0, ...[...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  let file = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length;
  sheets.forEach((sheet, k) => {
    const rId = `rIdMerge${k + 1}`;
    const target = `worksheets/sheet${++file}.xml`;
    workbook = workbook.replace('</sheets>', `<sheet sheetId="${++sheetId}" name="${xmlText(sheet.name)}" state="visible" r:id="${rId}"/></sheets>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`);
    types = types.replace('</Types>', `<Override PartName="/xl/${target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'];
    if (sheet.widths?.length) out.push(`<cols>${sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
    out.push('<sheetData>');
    sheet.rows.forEach((row, i) => {
      const cells: string[] = [];
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        const ref = `${colToLetters(j)}${i + 1}`;
        cells.push(typeof v === 'number' ? (Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '') : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`);
      });
      if (cells.length) out.push(`<row r="${i + 1}">${cells.join('')}</row>`);
    });
    out.push('</sheetData></worksheet>');
    zip.file(`xl/${target}`, out.join(''));
  });
  zip.file('xl/workbook.xml', workbook);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
