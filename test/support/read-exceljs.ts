/**
 * .xlsx file → WorkbookModel through ExcelJS: the reader the product used until the streaming
 * reader (src/xlsx/stream-read.ts), kept here, in the tests and out of the product, as the test
 * oracle that reader is compared with cell by cell (test/xlsx/stream-read.test.ts): a second,
 * independent reading of the same bytes. The tables' flags and the defined names are read with a
 * DOM (xmldom), again independently of the product's saxes pass. ExcelJS does the parsing after
 * src/xlsx/package.ts checked and repaired the package, and the table flags and defined names are
 * taken from the XML itself because ExcelJS gets them wrong for files it did not write (it reads a table without `headerRowCount`,
 * i.e. with the default header row, as having none, and keeps sheet-scope names as if they were
 * workbook-scope).
 *
 * Cached formula results are read from `cell.result`, not `cell.value.result`: ExcelJS's value
 * copy drops falsy results, so a formula whose cached value is 0 would lose it. An empty-text
 * result ("" from IF(…,"",…)) is not kept by ExcelJS at all and reads as v = null (blank); the
 * streaming reader does the same.
 */
import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import type { Cell, NameRef, Scalar, TableRef, SheetGrid, WorkbookModel } from '../../src/core/model';
import { UnreadableWorkbookError } from '../../src/xlsx/errors';
import { LIMITS } from '../../src/xlsx/package';
import { preparePackage } from './exceljs-repairs';
import { ConversionTally, fontCoding } from '../../src/xlsx/legacy-cells';
import { computeFormulas } from '../../src/xlsx/formulas';
import { parseNameRef } from '../../src/core/name-ref';
import { formatCount, utcMsToSerial } from '../../src/core/format';

/** ExcelJS turns date-formatted numbers into Dates with (serial − 25569) days since 1970, in UTC. */
function dateToSerial(d: Date): number {
  return utcMsToSerial(d.getTime());
}

function richTextOf(v: unknown): string | null {
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  }
  return null;
}

/** A plain value (or a formula's cached result) as the model stores it. */
function scalarOf(v: unknown): { v: Scalar; e?: string } {
  if (v == null) return { v: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: dateToSerial(v) };
  if (typeof v === 'object') {
    if ('error' in v) return { v: null, e: String((v as ExcelJS.CellErrorValue).error) };
    const rich = richTextOf(v);
    if (rich !== null) return { v: rich };
    if ('text' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      return { v: typeof t === 'string' ? t : (richTextOf(t) ?? String(t ?? '')) };
    }
  }
  return { v: null };
}

function cellOf(cell: ExcelJS.Cell): Cell | undefined {
  let out: Cell;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    case ExcelJS.ValueType.Formula: {
      const formula = (cell as unknown as { formula?: string }).formula;
      const res = scalarOf(cell.result);
      out = { v: res.v };
      if (formula) out.f = formula.replace(/^=/, '');
      if (res.e) out.e = res.e;
      break;
    }
    default:
      out = scalarOf(cell.value);
  }
  const z = cell.numFmt;
  if (z && !/^general$/i.test(z)) out.z = z;
  return out;
}

function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

async function partText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path) ?? zip.file(`/${path}`);
  return f ? f.async('string') : null;
}

interface RawTable {
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
}

/** Table flags as Excel defines them: headerRowCount defaults to 1, totalsRowCount to 0. */
async function rawTables(zip: JSZip): Promise<Map<string, RawTable>> {
  const out = new Map<string, RawTable>();
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/^\/?xl\/tables\/[^/]+\.xml$/.test(f.name)) continue;
    const el = parseXml(await f.async('string')).documentElement;
    if (!el) continue;
    const name = el.getAttribute('displayName') || el.getAttribute('name');
    if (!name) continue;
    out.set(name, {
      ref: el.getAttribute('ref') ?? '',
      headerRow: (el.getAttribute('headerRowCount') ?? '1') !== '0',
      totalsRow: Number(el.getAttribute('totalsRowCount') ?? '0') > 0,
    });
  }
  return out;
}

async function rawNames(zip: JSZip): Promise<NameRef[]> {
  const xml = await partText(zip, 'xl/workbook.xml');
  if (!xml) return [];
  const list = parseXml(xml).getElementsByTagName('definedName');
  const out: NameRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i)!;
    const name = el.getAttribute('name') ?? '';
    if (!name || name.startsWith('_xlnm.') || el.hasAttribute('localSheetId')) continue;
    const ref = parseNameRef(el.textContent ?? '');
    if (ref) out.push({ name, ...ref });
  }
  return out;
}

/**
 * Worksheet parts the checker never looks at. ExcelJS expands data validations and conditional
 * formats cell by cell, which on a large sheet made from the template costs more than its figures.
 * Merged cells are skipped too: a merged title's text is in its first cell, the rest are empty.
 */
const IGNORED_SHEET_PARTS = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'mergeCells',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'rowBreaks',
  'picture',
  'drawing',
  'sheetProtection',
  'autoFilter',
  'sheetViews',
  'cols',
];

const EMPTY_LINE: (Cell | undefined)[] = Object.freeze([]) as unknown as (Cell | undefined)[];

/**
 * The .xlsx read through ExcelJS: the reference the streaming reader is compared with
 * (test/xlsx/stream-read.test.ts).
 */
export async function readWorkbookWithExcelJs(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<WorkbookModel> {
  const pkg = await preparePackage(data);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; it hands the bytes to JSZip, which takes a Uint8Array.
    await wb.xlsx.load(pkg.data as unknown as ArrayBuffer, { ignoreNodes: IGNORED_SHEET_PARTS });
  } catch (e) {
    // The oracle's own refusal (no product path meets it): named as a part that cannot be parsed.
    throw new UnreadableWorkbookError(
      'part_not_xml',
      'Không đọc được nội dung bảng tính (tệp có thể bị hỏng hoặc được lưu bằng phần mềm không chuẩn): hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi kiểm tra lại.',
      String(e),
    );
  }

  const [tablesRaw, names] = await Promise.all([rawTables(pkg.zip), rawNames(pkg.zip)]);
  const sheets: SheetGrid[] = [];
  const tables: TableRef[] = [];
  let cellCount = 0;
  const tally = new ConversionTally();
  for (const ws of wb.worksheets) {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const m = cellOf(cell);
        // Text in a TCVN3 / VNI font converted as the streaming reader converts it.
        if (m && typeof m.v === 'string') m.v = tally.byFont(ws.name, m.v, fontCoding(cell.font?.name));
        if (m) line[c - 1] = m;
      });
      if (line.length) rows[r - 1] = line;
      // Cells, not the width of the line: one cell in column XFD is one cell.
      row.eachCell({ includeEmpty: false }, () => void cellCount++);
    });
    if (cellCount > LIMITS.maxCells) {
      throw new UnreadableWorkbookError('too_many_cells', `Tệp có quá nhiều ô (hơn ${formatCount(LIMITS.maxCells)} ô): hãy xoá các vùng dữ liệu không cần thiết rồi kiểm tra lại.`);
    }
    // Sparse arrays read as holes; the model promises ragged arrays of (Cell | undefined). One
    // shared, frozen empty line fills them: a stray cell in row 1 048 576 must not cost a million arrays.
    for (let r = 0; r < rows.length; r++) rows[r] ??= EMPTY_LINE;
    sheets.push({ name: ws.name, rows, ...(ws.state === 'hidden' || ws.state === 'veryHidden' ? { hidden: ws.state } : {}) });

    for (const t of ws.getTables() as unknown as { table?: { name?: string; displayName?: string; tableRef?: string; ref?: string } }[]) {
      const m = t.table;
      const name = m?.displayName ?? m?.name;
      if (!name) continue;
      const raw = tablesRaw.get(name);
      tables.push({
        name,
        sheet: ws.name,
        ref: raw?.ref || m?.tableRef || m?.ref || '',
        headerRow: raw?.headerRow ?? true,
        totalsRow: raw?.totalsRow ?? false,
      });
    }
  }
  const model: WorkbookModel = { format: 'xlsx', sheets, tables, names };
  const conversions = tally.result();
  if (conversions) model.conversions = conversions;
  if (fileName !== undefined) model.fileName = fileName;
  // Formulas stored without a result (files not saved by Excel): computed, or marked `uncomputed`.
  await computeFormulas(model);
  return model;
}
