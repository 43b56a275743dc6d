/**
 * HTML tables saved as ".xls" → WorkbookModel. The provincial one-stop systems (Hệ thống thông tin
 * giải quyết TTHC) export their statistics this way; Excel opens such a file as one sheet.
 *
 * Parsing is parse5's (the HTML standard's tree construction, so a malformed export gets the same
 * tree a browser builds). What is written here is only the placement Excel applies to that tree:
 * - the sheet is named after the file, as Excel names it;
 * - text outside tables (title, "Từ ngày … đến ngày …") goes on a row of its own in column A, and
 *   each table's rows follow, tables one below the other in document order;
 * - a cell spanning rows or columns (rowspan, colspan) keeps its text in the top-left cell and is
 *   recorded as a merged area; later cells of a row skip the slots such a cell occupies;
 * - one deliberate difference: a <br> inside a cell is a line break in that cell, where Excel
 *   (without `mso-data-placement:same-cell`) would push the rest into the cell below; a header
 *   such as "Trả lại/<br>Rút HS" stays one header;
 * - text stays text: "1.500" is not parsed here (the core's normaliser reads it the Vietnamese way,
 *   whatever the computer's regional settings), except where the file gives Excel's own number in
 *   an `x:num` attribute, which is locale-free.
 */
import { defaultTreeAdapter, parse } from 'parse5';
import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import type { Cell, SheetGrid, WorkbookModel } from '../core/model';
import { colToLetters } from '../core/model';
import { refuse, type UnreadableWorkbookError } from './errors';
import { Budget, LIMITS } from './package';
import { decodeHtml } from './decode';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Excel's sheet bounds. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** The HTML standard's caps on spans (browsers clamp to these). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** Elements that end a line of text (Excel starts a new row, or a new line inside a cell). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul', 'tr',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'noscript', 'title', 'select', 'option']);

function tooManyCells(): UnreadableWorkbookError {
  return refuse('page_too_many_cells', { limit: LIMITS.maxPageCells });
}

/**
 * Text of a node as a spreadsheet cell shows it: runs of white space collapse to one space (as
 * HTML renders them), <br> and block elements start a new line. Walked without recursion so that
 * a hostile nesting depth cannot exhaust the stack.
 */
function textOf(root: Node): string {
  let out = '';
  const stack: (Node | '\n')[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === '\n') {
      if (out && !out.endsWith('\n')) out += '\n';
      continue;
    }
    if (n.nodeName === '#text') {
      out += (n as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (!isElement(n) || SKIPPED.has(n.tagName)) continue;
    if (n.tagName === 'br') {
      out += '\n';
      continue;
    }
    const block = BLOCK.has(n.tagName) || n.tagName === 'table' || n.tagName === 'td' || n.tagName === 'th';
    if (block) stack.push('\n');
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
    if (block) stack.push('\n');
  }
  return out
    .split('\n')
    // A cell holding only &nbsp; is empty in the export's eyes (and Excel's); inner ones stay.
    .map((l) => l.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}

/** Excel's own value for a cell of an Excel-written page (`x:num`), when the file gives one. */
function excelNumber(el: Element): number | null {
  const raw = attr(el, 'x:num');
  if (raw === undefined) return null;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : null;
}

/**
 * Pushes `nodes` last first, so they pop in document order. A loop, not `push(...nodes)`: an
 * element may have a million children, past the arguments one call can take.
 */
function pushReversed<T>(stack: T[], nodes: readonly T[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
}

class SheetBuilder {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: string[] = [];
  /** Next free row. */
  row = 0;
  cells = 0;

  put(r: number, c: number, cell: Cell) {
    (this.rows[r] ??= [])[c] = cell;
  }

  count(n: number) {
    this.cells += n;
    if (this.cells > LIMITS.maxPageCells) throw tooManyCells();
  }

  line(text: string) {
    if (!text) return;
    for (const l of text.split('\n')) {
      if (this.row >= MAX_ROWS) return;
      this.count(1);
      this.put(this.row++, 0, { v: l });
    }
  }

  /** Lays out one table at the current row, as the HTML table model places its cells. */
  table(table: Element) {
    const trs: Element[] = [];
    // Rows of this table only (thead, tbody, tfoot in source order), not of tables nested in cells.
    const stack: Node[] = [...table.childNodes].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      if (n.tagName === 'tr') trs.push(n);
      else if (n.tagName === 'thead' || n.tagName === 'tbody' || n.tagName === 'tfoot') pushReversed(stack, n.childNodes);
      else if (n.tagName === 'caption') this.line(textOf(n));
    }
    const top = this.row;
    // occupied.get(r) holds the columns of row r covered by a rowspan from above.
    const occupied = new Map<number, Set<number>>();
    for (let i = 0; i < trs.length; i++) {
      const r = top + i;
      if (r >= MAX_ROWS) break;
      const taken = occupied.get(r);
      let c = 0;
      for (const td of trs[i]!.childNodes) {
        if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
        while (taken?.has(c)) c++;
        if (c >= MAX_COLS) break;
        const colspan = Math.min(Math.max(Number.parseInt(attr(td, 'colspan') ?? '1', 10) || 1, 1), MAX_COLSPAN, MAX_COLS - c);
        const rawRowspan = Number.parseInt(attr(td, 'rowspan') ?? '1', 10);
        // rowspan="0" spans to the end of the table; no span reaches past the table's last row.
        const rowspan = Math.min(Number.isNaN(rawRowspan) || rawRowspan < 0 ? 1 : rawRowspan === 0 ? trs.length - i : rawRowspan, MAX_ROWSPAN, trs.length - i);
        this.count(colspan * rowspan);
        const num = excelNumber(td);
        const text = num === null ? textOf(td) : '';
        if (num !== null) this.put(r, c, { v: num });
        else if (text !== '') this.put(r, c, { v: text });
        if (colspan > 1 || rowspan > 1) {
          this.merges.push(`${colToLetters(c)}${r + 1}:${colToLetters(c + colspan - 1)}${r + rowspan}`);
          for (let dr = 1; dr < rowspan; dr++) {
            let set = occupied.get(r + dr);
            if (!set) occupied.set(r + dr, (set = new Set()));
            for (let dc = 0; dc < colspan; dc++) set.add(c + dc);
          }
        }
        c += colspan;
      }
      occupied.delete(r);
    }
    this.row = Math.min(top + trs.length, MAX_ROWS);
  }
}

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

/** True when a table has another table inside one of its cells. */
function holdsTable(table: Element): boolean {
  const stack: Node[] = [...table.childNodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === 'table') return true;
    for (const c of n.childNodes) stack.push(c);
  }
  return false;
}

/** Walks the body in document order: text runs become rows, top-level tables are laid out. */
function layout(body: Element, sheet: SheetBuilder) {
  let pending = '';
  const flush = () => {
    sheet.line(pending.replace(/[ \t\n\r\f]+/g, ' ').trim());
    pending = '';
  };
  const stack: (Node | 'end-block')[] = [...body.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n === 'end-block') {
      flush();
      continue;
    }
    if (n.nodeName === '#text') {
      pending += (n as DefaultTreeAdapterMap['textNode']).value;
      continue;
    }
    if (!isElement(n) || SKIPPED.has(n.tagName)) continue;
    if (n.tagName === 'table' && !holdsTable(n)) {
      flush();
      sheet.table(n);
      continue;
    }
    if (n.tagName === 'br') {
      flush();
      continue;
    }
    // A table that holds tables only lays the page out: its cells are walked like paragraphs, so
    // the data tables inside land on the sheet as tables rather than as text in one cell.
    const block = BLOCK.has(n.tagName) || TABLE_PARTS.has(n.tagName);
    if (block) {
      flush();
      stack.push('end-block');
    }
    pushReversed(stack, n.childNodes);
  }
  flush();
}

/** Sheet name Excel gives a page it opens: the file name without extension, made a legal sheet name. */
export function sheetNameFor(fileName: string | undefined): string {
  const base = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const clean = base.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean || 'Sheet1';
}

function findBody(doc: DefaultTreeAdapterMap['document']): Element | null {
  const html = doc.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  return html?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'body') ?? null;
}

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/**
 * parse5's own tree, counted while it is built, so that a hostile page is refused before the
 * parser's work or its tree explodes:
 * - depth: the HTML standard's stack of open elements (parse5 reports each push and pop). Most
 *   start tags search that stack ("has a p element in button scope"), so a page nesting 90 000
 *   `<div>`s cost 90 000² steps (1 MB: over two minutes); refused past `LIMITS.maxXmlDepth`, each
 *   search is bounded and the parse linear. Counted on the stack, not on start and end tags,
 *   because unclosed `<p>`, `<td>` and `<li>` (common in exports) are closed by the parser and do
 *   not nest;
 * - nodes: every element, text run and comment as it enters the tree, against
 *   `LIMITS.maxPageNodes` (memory is about 200 bytes a node);
 * - insertions before a node (the HTML standard's "foster parenting" of content misplaced inside a
 *   `<table>`, put just before the table) look the table up from the end: parse5's default looks
 *   from the start, so 140 000 stray elements in a table cost 3 s and 5 MB of them about a minute.
 *
 * Weighed against switching to htmlparser2's streaming parser: it would hold no tree, but it does
 * not build the tree the HTML standard (and a browser) builds from a malformed export (foster
 * parenting, implied `<tbody>`, misnested formatting), so the cells of such a file could move; it
 * is not a direct dependency here (only an old version under html-webpack-plugin). Counting keeps
 * parse5 and every page's model as it was.
 *
 * Weighed too for the pages, where parse5 is 47 KB of the script gzipped: the
 * browser's own DOMParser builds the same standard tree, but it cannot be counted while it builds
 * nor interrupted, and sizes checked before it do not bound its work. Measured in Chromium: 0,24 MB
 * reopening 100 formatting elements in each of 20 000 `<div>`s made 2 million elements in 23 s,
 * 90 000 nested `<div>`s (0,45 MB) 21 s, 140 000 stray elements in a table (0,42 MB) 47 s, the page
 * frozen throughout; parse5 with this adapter refuses each in under 20 ms (past the depth limit).
 * So the pages keep parse5.
 */
export function countingTreeAdapter(budget: Budget): TreeAdapter<DefaultTreeAdapterMap> {
  const base = defaultTreeAdapter;
  let open = 0;
  const insertBefore = (parent: ParentNode, node: ChildNode, reference: ChildNode) => {
    budget.addNode();
    const at = parent.childNodes.lastIndexOf(reference);
    parent.childNodes.splice(at, 0, node);
    node.parentNode = parent;
  };
  const appendChild = (parent: ParentNode, node: ChildNode) => {
    budget.addNode();
    parent.childNodes.push(node);
    node.parentNode = parent;
  };
  return {
    ...base,
    appendChild,
    insertBefore,
    // parse5's default inserts text through its own appendChild, past the count: both are redone here.
    insertText(parent, text) {
      const last = parent.childNodes[parent.childNodes.length - 1];
      if (last && base.isTextNode(last)) last.value += text;
      else appendChild(parent, base.createTextNode(text));
    },
    insertTextBefore(parent, text, reference) {
      const prev = parent.childNodes[parent.childNodes.lastIndexOf(reference) - 1];
      if (prev && base.isTextNode(prev)) prev.value += text;
      else insertBefore(parent, base.createTextNode(text), reference);
    },
    detachNode(node) {
      const parent = node.parentNode;
      if (!parent) return;
      parent.childNodes.splice(parent.childNodes.lastIndexOf(node), 1);
      node.parentNode = null;
    },
    onItemPush() {
      budget.checkDepth(++open);
    },
    onItemPop() {
      open--;
    },
  };
}

export function readHtmlWorkbook(bytes: Uint8Array, fileName?: string): WorkbookModel {
  const text = decodeHtml(bytes);
  // Counting cell tags first refuses a page of a million cells in milliseconds; parsing it would
  // take seconds and a gigabyte (measured: 950 000 cells, 24 MB, 7,5 s).
  let tags = 0;
  const cellTag = /<t[dh][\s>/]/gi;
  while (cellTag.exec(text)) if (++tags > LIMITS.maxPageCells) throw tooManyCells();
  const doc = parse(text, { treeAdapter: countingTreeAdapter(new Budget('html')) });
  const body = findBody(doc);
  const sheet = new SheetBuilder();
  if (body) layout(body, sheet);
  for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
  if (sheet.cells === 0) {
    throw refuse('html_no_table', {});
  }
  const grid: SheetGrid = { name: sheetNameFor(fileName), rows: sheet.rows };
  if (sheet.merges.length) grid.merges = sheet.merges;
  const model: WorkbookModel = { format: 'html', sheets: [grid], tables: [], names: [] };
  if (fileName !== undefined) model.fileName = fileName;
  return model;
}
