/**
 * Excel 2003 XML spreadsheets → WorkbookModel through a whole xmldom DOM: the product's reader of
 * these files until it became a saxes streaming pass (src/xlsx/spreadsheetml.ts), kept here, in
 * the tests and out of the product, as the oracle that reader is compared with
 * (test/xlsx/spreadsheetml.test.ts). It is the former src/xlsx/spreadsheetml.ts unchanged but for
 * its name and imports, so the comparison shows the streaming reader gives the models this one gave.
 * xmldom recovers from XML that is not well-formed (an unescaped "&", a missing end tag); saxes
 * refuses it, so only well-formed files are compared.
 */
import { DOMParser } from '@xmldom/xmldom';
import { parseA1Ref, translateFormulaToA1 } from '@borgar/fx/xlsx';
import type { Cell, NameRef, SheetGrid, WorkbookModel } from '../../src/core/model';
import { colToLetters } from '../../src/core/model';
import { refuse, type UnreadableWorkbookError } from '../../src/xlsx/errors';
import { LIMITS } from '../../src/xlsx/package';
import { isoDateSerial } from '../../src/xlsx/serial';

const SS = 'urn:schemas-microsoft-com:office:spreadsheet';
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function broken(detail?: string): UnreadableWorkbookError {
  return refuse('xml2003_corrupt', {}, detail);
}

/** Named number formats of the format, as Excel's format codes. */
const NAMED_FORMATS: Record<string, string> = {
  Percent: '0.00%',
  Fixed: '0.00',
  Standard: '#,##0.00',
  'General Number': 'General',
  'Short Date': 'dd/mm/yyyy',
  'General Date': 'dd/mm/yyyy hh:mm',
};

const children = (el: Element, local: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local) out.push(n as Element);
  return out;
};
const ssAttr = (el: Element, name: string): string | null => (el.hasAttributeNS(SS, name) ? el.getAttributeNS(SS, name) : null);
const intAttr = (el: Element, name: string): number | null => {
  const v = ssAttr(el, name);
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
};

function valueOf(data: Element | undefined): Pick<Cell, 'v' | 'e'> | null {
  if (!data) return null;
  const type = ssAttr(data, 'Type') ?? 'String';
  const text = data.textContent ?? '';
  switch (type) {
    case 'Number': {
      const n = Number(text);
      return Number.isFinite(n) && text.trim() !== '' ? { v: n } : { v: text };
    }
    case 'DateTime': {
      const s = isoDateSerial(text);
      return s === null ? { v: text } : { v: s };
    }
    case 'Boolean':
      return { v: text.trim() === '1' || /^true$/i.test(text.trim()) };
    case 'Error':
      return { v: null, e: text.trim() };
    default:
      return text === '' ? null : { v: text.normalize('NFC') };
  }
}

export function readSpreadsheetMlWithDom(bytes: Uint8Array, fileName?: string): WorkbookModel {
  let doc: Document;
  try {
    doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined, fatalError: (m: string) => { throw broken(m); } } }).parseFromString(new TextDecoder().decode(bytes), 'text/xml') as unknown as Document;
  } catch (e) {
    throw broken(String(e));
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'Workbook') throw broken('no Workbook element');

  const formats = new Map<string, string>();
  for (const styles of children(root, 'Styles'))
    for (const st of children(styles, 'Style')) {
      const id = ssAttr(st, 'ID');
      const nf = children(st, 'NumberFormat')[0];
      const code = nf ? ssAttr(nf, 'Format') : null;
      if (id && code) formats.set(id, NAMED_FORMATS[code] ?? code);
    }

  let cells = 0;
  const sheets: SheetGrid[] = [];
  for (const ws of children(root, 'Worksheet')) {
    const name = ssAttr(ws, 'Name') ?? `Sheet${sheets.length + 1}`;
    const rows: (Cell | undefined)[][] = [];
    const merges: string[] = [];
    const covered = new Map<number, Set<number>>();
    const table = children(ws, 'Table')[0];
    let r = -1;
    for (const row of table ? children(table, 'Row') : []) {
      r = (intAttr(row, 'Index') ?? r + 2) - 1;
      if (r < 0 || r >= MAX_ROWS) break;
      let c = -1;
      for (const cellEl of children(row, 'Cell')) {
        const index = intAttr(cellEl, 'Index');
        c = index !== null ? index - 1 : c + 1;
        while (covered.get(r)?.has(c)) c++;
        if (c < 0 || c >= MAX_COLS) break;
        const across = Math.min(Math.max(intAttr(cellEl, 'MergeAcross') ?? 0, 0), MAX_COLS - 1 - c);
        const down = Math.min(Math.max(intAttr(cellEl, 'MergeDown') ?? 0, 0), MAX_ROWS - 1 - r);
        cells += (across + 1) * (down + 1);
        if (cells > LIMITS.maxPageCells) {
          throw refuse('page_too_many_cells', { limit: LIMITS.maxPageCells });
        }
        const value = valueOf(children(cellEl, 'Data')[0]);
        const formula = ssAttr(cellEl, 'Formula');
        let out: Cell | null = value ? { ...value } : null;
        if (formula) {
          out ??= { v: null };
          try {
            out.f = translateFormulaToA1(formula, `${colToLetters(c)}${r + 1}`).replace(/^=/, '');
          } catch {
            out.f = formula.replace(/^=/, '');
          }
        }
        const style = ssAttr(cellEl, 'StyleID');
        const z = style ? formats.get(style) : undefined;
        if (out && z && !/^general$/i.test(z)) out.z = z;
        if (out) (rows[r] ??= [])[c] = out;
        if (across || down) {
          merges.push(`${colToLetters(c)}${r + 1}:${colToLetters(c + across)}${r + 1 + down}`);
          for (let dr = 1; dr <= down; dr++) {
            let set = covered.get(r + dr);
            if (!set) covered.set(r + dr, (set = new Set()));
            for (let dc = 0; dc <= across; dc++) set.add(c + dc);
          }
        }
        c += across;
      }
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const grid: SheetGrid = { name, rows };
    if (merges.length) grid.merges = merges;
    sheets.push(grid);
  }
  if (!sheets.length) throw broken('no Worksheet');

  // Workbook-scope names pointing at one cell, as the .xlsx reader keeps them.
  const names: NameRef[] = [];
  for (const list of children(root, 'Names'))
    for (const nr of children(list, 'NamedRange')) {
      const name = ssAttr(nr, 'Name');
      const refersTo = ssAttr(nr, 'RefersTo');
      if (!name || !refersTo || name.startsWith('_')) continue;
      let a1: string;
      try {
        a1 = translateFormulaToA1(refersTo, 'A1').replace(/^=/, '');
      } catch {
        continue;
      }
      const ref = parseA1Ref(a1);
      const r = ref && 'range' in ref ? ref.range : null;
      if (ref && r && ref.sheetName && r.top !== null && r.left !== null && (r.bottom ?? r.top) === r.top && (r.right ?? r.left) === r.left) {
        names.push({ name, sheet: ref.sheetName, cell: `${colToLetters(r.left)}${r.top + 1}` });
      }
    }

  const model: WorkbookModel = { format: 'spreadsheetml2003', sheets, tables: [], names };
  if (fileName !== undefined) model.fileName = fileName;
  return model;
}
