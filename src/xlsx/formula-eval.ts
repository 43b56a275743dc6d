/**
 * The evaluator behind formulas.ts, loaded only when a file has formulas without results.
 *
 * Parsing is @borgar/fx's (Excel's grammar, A1 and structured references); functions are
 * @formulajs/formulajs's. What is written here is the evaluation of fx's syntax tree against the
 * WorkbookModel, because neither library evaluates references: operators with Excel's coercions,
 * references (cells, ranges, defined names, table columns), and the functions whose treatment of
 * ranges differs from their treatment of typed arguments (SUM ignores text in a range but refuses
 * it as an argument), which formulajs does not follow.
 */
import {
  ABS, INT, MOD, ROUND, ROUNDUP, ROUNDDOWN, TRUNC, CEILING, FLOOR, POWER, SQRT, SIGN,
  DATE, YEAR, MONTH, DAY, EDATE, EOMONTH, CHOOSE, MATCH, INDEX, VLOOKUP, HLOOKUP, COUNTBLANK,
  SUMPRODUCT, LEN, LEFT, RIGHT, MID, TRIM, UPPER, LOWER, CONCATENATE, CONCAT, EXACT, ISBLANK,
  ISNUMBER, ISTEXT, ISERROR, ISNA, TRUE, FALSE,
} from '@formulajs/formulajs';
import { parse, parseA1Ref, parseStructRef, tokenize } from '@borgar/fx/xlsx';
import type { AstExpression } from '@borgar/fx/xlsx';
import type { Cell, SheetGrid, TableRef, WorkbookModel } from '../core/model';
import { parseRange } from '../core/model';
import { needsValue, type FormulaSummary } from './formula-cells';
import { utcMsToSerial } from '../core/format';

class XlError {
  constructor(readonly code: string) {}
}

/** Thrown (never returned) when the result would be a guess; the cell is then flagged. */
class Unsupported extends Error {}

/** The evaluation went too deep: `at` is evaluated on its own first, then the caller retries. */
class TooDeep extends Error {
  constructor(readonly at: CellKey) {
    super('too deep');
  }
}

interface Ref {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Scalar = number | string | boolean | null | XlError;
type Matrix = Scalar[][];
type Val = Scalar | Ref | Matrix;

type CellKey = string;

const isRef = (v: Val): v is Ref => typeof v === 'object' && v !== null && !(v instanceof XlError) && !Array.isArray(v);
const DIV0 = new XlError('#DIV/0!');
const VALUE = new XlError('#VALUE!');

/** Cell levels evaluated through references before the evaluation restarts deeper down. */
const MAX_DEPTH = 200;
/**
 * Cells read over the whole workbook (about a quarter of a second). Real sheets need far fewer (a SUM per column of a
 * few hundred rows); past this, the remaining formulas are flagged instead of holding the reader up.
 */
const MAX_VISITS = 5_000_000;
/** Cells of one range handed to a formulajs function. */
const MAX_ARRAY = 1_000_000;

/** Excel's General format for a number turned into text (15 significant digits). */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

interface Ctx {
  sheet: number;
  row: number;
  col: number;
}

class Evaluator {
  private readonly inProgress = new Set<CellKey>();
  private depth = 0;
  private visits = 0;
  private readonly sheetIndex = new Map<string, number>();
  private readonly names = new Map<string, { sheet: number; top: number; left: number; bottom: number; right: number }>();

  constructor(private readonly model: WorkbookModel) {
    model.sheets.forEach((s, i) => this.sheetIndex.set(s.name.toLowerCase(), i));
    for (const n of model.names) {
      const s = this.sheetIndex.get(n.sheet.toLowerCase());
      if (s === undefined) continue;
      // A name over several cells is its whole area in a formula (SUM(Name)), as in Excel.
      const { start, end } = parseRange(n.range ?? n.cell);
      this.names.set(n.name.toLowerCase(), { sheet: s, top: start.row, left: start.col, bottom: end.row, right: end.col });
    }
  }

  private grid(i: number): SheetGrid {
    return this.model.sheets[i]!;
  }

  /** Computes one cell that lacks its value; TooDeep means "retry after the cell it names". */
  computeCell(sheet: number, row: number, col: number): void {
    const cell = this.grid(sheet).rows[row]?.[col];
    if (!needsValue(cell)) return;
    const key = `${sheet}:${row}:${col}`;
    if (this.inProgress.has(key)) throw new Unsupported('circular');
    if (this.depth >= MAX_DEPTH) throw new TooDeep(key);
    this.inProgress.add(key);
    this.depth++;
    try {
      let result: Val;
      try {
        result = this.evaluate(parse(tokenize(cell.f)), { sheet, row, col });
      } catch (e) {
        if (e instanceof Unsupported) {
          cell.uncomputed = true;
          return;
        }
        if (e instanceof TooDeep) throw e;
        // fx refuses formulas it cannot parse; formulajs may throw on odd input.
        cell.uncomputed = true;
        return;
      }
      let scalar: Scalar;
      try {
        scalar = this.toScalar(result);
      } catch (e) {
        if (e instanceof TooDeep) throw e;
        cell.uncomputed = true;
        return;
      }
      if (scalar instanceof XlError) {
        cell.e = scalar.code;
        cell.v = null;
      } else cell.v = scalar ?? 0;
      cell.computed = true;
    } finally {
      this.depth--;
      this.inProgress.delete(key);
    }
  }

  /** The value of a referenced cell, computing it first when it lacks one. */
  private cellValue(sheet: number, row: number, col: number): Scalar {
    this.spend(1);
    const cell = this.grid(sheet).rows[row]?.[col];
    if (!cell) return null;
    if (needsValue(cell)) this.computeCell(sheet, row, col);
    if (cell.uncomputed) throw new Unsupported('depends on an uncomputed formula');
    if (cell.e) return new XlError(cell.e);
    return cell.v;
  }

  /** A single-cell reference gives its value; a larger one in a scalar place is not guessed at. */
  private toScalar(v: Val): Scalar {
    if (isRef(v)) {
      if (v.top !== v.bottom || v.left !== v.right) throw new Unsupported('range where one value is expected');
      return this.cellValue(v.sheet, v.top, v.left);
    }
    if (Array.isArray(v)) {
      if (v.length === 1 && v[0]!.length === 1) return v[0]![0]!;
      throw new Unsupported('array result');
    }
    return v;
  }

  /** Every value of a reference or array, row by row; `skip` leaves out cells (SUBTOTAL's nested subtotals). */
  private values(v: Val, skip?: (c: Cell) => boolean): Scalar[] {
    if (!isRef(v)) return Array.isArray(v) ? v.flat() : [v];
    const out: Scalar[] = [];
    const rows = this.grid(v.sheet).rows;
    const bottom = Math.min(v.bottom, rows.length - 1);
    for (let r = v.top; r <= bottom; r++) {
      const line = rows[r];
      if (!line) continue;
      const right = Math.min(v.right, line.length - 1);
      this.spend(right - v.left + 1);
      for (let c = v.left; c <= right; c++) {
        const cell = line[c];
        if (!cell || (skip && skip(cell))) continue;
        // Cells with their value are read directly: this loop is where large sheets spend their time.
        if (cell.f && (needsValue(cell) || cell.uncomputed)) out.push(this.cellValue(v.sheet, r, c));
        else out.push(cell.e ? new XlError(cell.e) : cell.v);
      }
    }
    return out;
  }

  private spend(n: number) {
    this.visits += n;
    if (this.visits > MAX_VISITS) throw new Unsupported('too much work');
  }

  /** The reference as a full array (blanks included), as formulajs wants ranges; bounded by the cells the sheet has. */
  private matrix(v: Val): Matrix {
    if (!isRef(v)) return Array.isArray(v) ? v : [[v]];
    let { bottom, right } = v;
    // A small range is taken as written (COUNTBLANK counts its empty cells); a huge one (A:A,
    // A1:XFD1048576) only as far as the sheet has cells.
    if ((bottom - v.top + 1) * (right - v.left + 1) > MAX_ARRAY) {
      const rows = this.grid(v.sheet).rows;
      bottom = Math.min(bottom, rows.length - 1);
      let width = 0;
      for (let r = v.top; r <= bottom; r++) width = Math.max(width, rows[r]?.length ?? 0);
      right = Math.min(right, width - 1);
      if ((bottom - v.top + 1) * (right - v.left + 1) > MAX_ARRAY) throw new Unsupported('range too large');
    }
    const out: Matrix = [];
    for (let r = v.top; r <= bottom; r++) {
      const line: Scalar[] = [];
      for (let c = v.left; c <= right; c++) line.push(this.cellValue(v.sheet, r, c));
      out.push(line);
    }
    return out;
  }

  private evaluate(node: AstExpression | null, ctx: Ctx): Val {
    if (node === null) return null;
    switch (node.type) {
      case 'Literal':
        return node.value;
      case 'ErrorLiteral':
        return new XlError(node.value.toUpperCase());
      case 'ReferenceIdentifier':
        return this.reference(node.value, node.kind, ctx);
      case 'ArrayExpression':
        return node.elements.map((row) => row.map((el) => this.toScalar(this.evaluate(el, ctx))));
      case 'UnaryExpression': {
        const [arg] = node.arguments;
        if (node.operator === '@') return this.toScalar(this.evaluate(arg ?? null, ctx));
        if (node.operator === '#') throw new Unsupported('spill reference');
        const x = toNumber(this.toScalar(this.evaluate(arg ?? null, ctx)));
        if (x instanceof XlError) return x;
        return node.operator === '-' ? -x : node.operator === '%' ? x / 100 : x;
      }
      case 'BinaryExpression':
        return this.binary(node.operator, node.arguments[0] ?? null, node.arguments[1] ?? null, ctx);
      case 'CallExpression':
        return this.call(node.callee.name, node.arguments, ctx);
      default:
        throw new Unsupported(`${node.type} not supported`);
    }
  }

  private binary(op: string, a: AstExpression | null, b: AstExpression | null, ctx: Ctx): Val {
    if (op === ':') {
      const l = this.evaluate(a, ctx);
      const r = this.evaluate(b, ctx);
      if (!isRef(l) || !isRef(r) || l.sheet !== r.sheet) throw new Unsupported('range operator on non-references');
      return { sheet: l.sheet, top: Math.min(l.top, r.top), left: Math.min(l.left, r.left), bottom: Math.max(l.bottom, r.bottom), right: Math.max(l.right, r.right) };
    }
    if (op === ' ' || op === ',') throw new Unsupported('reference intersection or union');
    const x = this.toScalar(this.evaluate(a, ctx));
    const y = this.toScalar(this.evaluate(b, ctx));
    if (x instanceof XlError) return x;
    if (y instanceof XlError) return y;
    if (op === '&') return textOf(x) + textOf(y);
    if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      const c = compare(x, y);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    const p = toNumber(x);
    const q = toNumber(y);
    if (p instanceof XlError) return p;
    if (q instanceof XlError) return q;
    switch (op) {
      case '+':
        return p + q;
      case '-':
        return p - q;
      case '*':
        return p * q;
      case '/':
        return q === 0 ? DIV0 : p / q;
      case '^': {
        const r = p ** q;
        return Number.isFinite(r) ? r : new XlError('#NUM!');
      }
      default:
        throw new Unsupported(`operator ${op}`);
    }
  }

  private reference(text: string, kind: 'name' | 'range' | 'beam' | 'table', ctx: Ctx): Val {
    if (kind === 'table') return this.structured(text, ctx);
    if (kind === 'name') {
      const n = this.names.get(text.toLowerCase());
      if (!n) throw new Unsupported(`name ${text}`);
      return { ...n };
    }
    const ref = parseA1Ref(text);
    if (!ref || !('range' in ref) || ref.workbookName) throw new Unsupported(`reference ${text}`);
    const sheet = ref.sheetName ? this.sheetIndex.get(ref.sheetName.toLowerCase()) : ctx.sheet;
    if (sheet === undefined) return new XlError('#REF!');
    const r = ref.range;
    const rows = this.grid(sheet).rows;
    const top = r.top ?? 0;
    const left = r.left ?? 0;
    // Whole columns or rows: only the part of the sheet that holds cells matters.
    const bottom = r.bottom ?? (r.top === null ? Math.max(rows.length - 1, 0) : top);
    let right = r.right ?? left;
    if (r.right == null && r.left === null) for (let i = top; i <= Math.min(bottom, rows.length - 1); i++) right = Math.max(right, (rows[i]?.length ?? 1) - 1);
    return { sheet, top, left, bottom, right };
  }

  /** Table1[Col], Table1[[#Totals],[Col]], [@Col]: resolved with the table's range and header cells. */
  private structured(text: string, ctx: Ctx): Val {
    const s = parseStructRef(text);
    if (!s) throw new Unsupported(`structured reference ${text}`);
    const table = s.table
      ? this.model.tables.find((t) => t.name.toLowerCase() === s.table!.toLowerCase())
      : this.model.tables.find((t) => {
          const { start, end } = parseRange(t.ref);
          return this.sheetIndex.get(t.sheet.toLowerCase()) === ctx.sheet && ctx.row >= start.row && ctx.row <= end.row && ctx.col >= start.col && ctx.col <= end.col;
        });
    if (!table) throw new Unsupported(`table of ${text}`);
    const sheet = this.sheetIndex.get(table.sheet.toLowerCase());
    if (sheet === undefined) throw new Unsupported('table sheet');
    const { start, end } = parseRange(table.ref);
    const first = start.row;
    const dataTop = first + (table.headerRow ? 1 : 0);
    const dataBottom = end.row - (table.totalsRow ? 1 : 0);
    const sections = (s.sections ?? []).map((x) => x.toLowerCase());
    let top = dataTop;
    let bottom = dataBottom;
    if (sections.length) {
      const spans = sections.map((sec): [number, number] => {
        switch (sec) {
          case 'all':
            return [first, end.row];
          case 'data':
            return [dataTop, dataBottom];
          case 'headers':
            if (!table.headerRow) throw new Unsupported('no header row');
            return [first, first];
          case 'totals':
            if (!table.totalsRow) throw new Unsupported('no totals row');
            return [end.row, end.row];
          case 'this row':
            return [ctx.row, ctx.row];
          default:
            throw new Unsupported(`section ${sec}`);
        }
      });
      top = Math.min(...spans.map((x) => x[0]));
      bottom = Math.max(...spans.map((x) => x[1]));
    }
    let left = start.col;
    let right = end.col;
    const columns = s.columns ?? [];
    if (columns.length) {
      const cols = columns.map((name) => this.tableColumn(table, sheet, start.col, end.col, first, name));
      left = Math.min(...cols);
      right = Math.max(...cols);
    }
    return { sheet, top, left, bottom, right };
  }

  private tableColumn(table: TableRef, sheet: number, from: number, to: number, headerRow: number, name: string): number {
    if (!table.headerRow) throw new Unsupported('table without header row');
    const want = name.trim().toLowerCase();
    const line = this.grid(sheet).rows[headerRow] ?? [];
    for (let c = from; c <= to; c++) {
      const v = line[c]?.v;
      if (v != null && String(v).replace(/\s+/g, ' ').trim().toLowerCase() === want) return c;
    }
    throw new Unsupported(`column ${name}`);
  }

  private call(rawName: string, args: (AstExpression | null)[], ctx: Ctx): Val {
    const name = rawName.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, '');
    const arg = (i: number) => this.evaluate(args[i] ?? null, ctx);
    const scalar = (i: number) => this.toScalar(arg(i));
    switch (name) {
      case 'IF': {
        const cond = toBool(scalar(0));
        if (cond instanceof XlError) return cond;
        if (cond) return args.length > 1 ? (args[1] === null ? 0 : arg(1)) : true;
        return args.length > 2 ? (args[2] === null ? 0 : arg(2)) : false;
      }
      case 'IFERROR':
      case 'IFNA': {
        const v = scalar(0);
        const caught = name === 'IFERROR' ? v instanceof XlError : v instanceof XlError && v.code === '#N/A';
        return caught ? (args[1] === null ? 0 : arg(1)) : v;
      }
      case 'AND':
      case 'OR': {
        const bools: boolean[] = [];
        for (let i = 0; i < args.length; i++) {
          const v = arg(i);
          for (const x of isRef(v) || Array.isArray(v) ? this.values(v) : [this.toScalar(v)]) {
            if (x instanceof XlError) return x;
            // In ranges only logical values and numbers count; text and blanks are left out.
            if ((isRef(v) || Array.isArray(v)) && (typeof x === 'string' || x === null)) continue;
            const b = toBool(x);
            if (b instanceof XlError) return b;
            bools.push(b);
          }
        }
        if (!bools.length) return VALUE;
        return name === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
      }
      case 'NOT': {
        const b = toBool(scalar(0));
        return b instanceof XlError ? b : !b;
      }
      case 'N': {
        const v = scalar(0);
        return typeof v === 'number' ? v : v === true ? 1 : v instanceof XlError ? v : 0;
      }
      case 'SUM':
      case 'MIN':
      case 'MAX':
      case 'AVERAGE':
      case 'COUNT':
      case 'COUNTA':
      case 'PRODUCT':
        return this.aggregate(name, args.map((_, i) => arg(i)));
      case 'SUBTOTAL': {
        const fn = toNumber(scalar(0));
        if (fn instanceof XlError) return fn;
        // 101–111 also leave out hidden rows; the model does not know which rows are hidden.
        const kind = SUBTOTAL_FUNCTIONS[Math.trunc(fn) % 100];
        if (!kind) throw new Unsupported(`SUBTOTAL(${fn})`);
        return this.aggregate(kind, args.slice(1).map((_, i) => arg(i + 1)), isSubtotal);
      }
      case 'COUNTIF':
      case 'COUNTIFS':
      case 'SUMIF':
      case 'SUMIFS':
      case 'AVERAGEIF':
      case 'AVERAGEIFS':
        return this.criteriaFunction(name, args.map((_, i) => arg(i)));
      default:
        return this.library(name, args.map((_, i) => arg(i)));
    }
  }

  /** Excel's rule: typed arguments are converted, cells of a range count only when they hold numbers. */
  private aggregate(name: string, args: Val[], skip?: (c: Cell) => boolean): Val {
    const nums: number[] = [];
    let nonEmpty = 0;
    for (const a of args) {
      if (isRef(a) || Array.isArray(a)) {
        for (const x of this.values(a, skip)) {
          if (x instanceof XlError) {
            if (name === 'COUNT' || name === 'COUNTA') {
              nonEmpty++;
              continue;
            }
            return x;
          }
          if (x !== null) nonEmpty++;
          if (typeof x === 'number') nums.push(x);
        }
      } else {
        if (a !== null) nonEmpty++;
        if (name === 'COUNT') {
          if (typeof a === 'number' || typeof a === 'boolean' || (typeof a === 'string' && !(toNumber(a) instanceof XlError))) nums.push(0);
          continue;
        }
        if (name === 'COUNTA') continue;
        const n = toNumber(a);
        if (n instanceof XlError) return n;
        nums.push(n);
      }
    }
    switch (name) {
      case 'SUM':
        return nums.reduce((s, x) => s + x, 0);
      case 'PRODUCT':
        return nums.reduce((s, x) => s * x, 1);
      case 'MIN':
        return nums.length ? nums.reduce((m, x) => (x < m ? x : m)) : 0;
      case 'MAX':
        return nums.length ? nums.reduce((m, x) => (x > m ? x : m)) : 0;
      case 'AVERAGE':
        return nums.length ? nums.reduce((s, x) => s + x, 0) / nums.length : DIV0;
      case 'COUNT':
        return nums.length;
      default:
        return nonEmpty;
    }
  }

  /**
   * COUNTIF(S), SUMIF(S), AVERAGEIF(S) with Excel's criteria: text compared without case, with
   * wildcards, "" for blanks, ">=10"-style comparisons (formulajs compares text with case and has
   * no wildcards, so it would count differently from Excel).
   */
  private criteriaFunction(name: string, args: Val[]): Val {
    const asRef = (v: Val): Ref => {
      if (!isRef(v)) throw new Unsupported(`${name} needs ranges`);
      return v;
    };
    let valueRange: Ref | null = null;
    const pairs: [Ref, Scalar][] = [];
    if (name === 'COUNTIF' || name === 'SUMIF' || name === 'AVERAGEIF') {
      pairs.push([asRef(args[0] ?? null), this.toScalar(args[1] ?? null)]);
      if (name !== 'COUNTIF') valueRange = args[2] != null ? asRef(args[2]) : pairs[0]![0];
    } else {
      const start = name === 'COUNTIFS' ? 0 : 1;
      if (name !== 'COUNTIFS') valueRange = asRef(args[0] ?? null);
      for (let i = start; i + 1 < args.length; i += 2) pairs.push([asRef(args[i]!), this.toScalar(args[i + 1]!)]);
      if (!pairs.length || (args.length - start) % 2 !== 0) return VALUE;
    }
    const [first] = pairs[0]!;
    const height = first.bottom - first.top + 1;
    const width = first.right - first.left + 1;
    if (height * width > MAX_ARRAY) throw new Unsupported('range too large');
    const tests = pairs.map(([ref, crit]) => {
      if (crit instanceof XlError) throw new Unsupported('error as criterion');
      if (ref.bottom - ref.top + 1 !== height || ref.right - ref.left + 1 !== width) {
        if (name.endsWith('S')) return null;
      }
      return { ref, test: criterion(crit) };
    });
    if (tests.some((t) => t === null)) return VALUE;
    let count = 0;
    let sum = 0;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let ok = true;
        for (const t of tests) {
          const x = this.cellValue(t!.ref.sheet, t!.ref.top + r, t!.ref.left + c);
          if (!t!.test(x)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (!valueRange) {
          count++;
          continue;
        }
        // SUMIF's sum range is the criteria range's shape, from its own top-left cell.
        const x = this.cellValue(valueRange.sheet, valueRange.top + r, valueRange.left + c);
        if (x instanceof XlError) return x;
        if (typeof x === 'number') {
          sum += x;
          count++;
        }
      }
    }
    if (!valueRange) return count;
    if (name.startsWith('SUM')) return sum;
    return count ? sum / count : DIV0;
  }

  /** Any other function, from formulajs: ranges as arrays, typed numbers as numbers. */
  private library(name: string, args: Val[]): Val {
    const fn = Object.prototype.hasOwnProperty.call(LIBRARY, name) ? LIBRARY[name] : undefined;
    if (typeof fn !== 'function') throw new Unsupported(`function ${name}`);
    const plain = args.map((a) => {
      // A one-cell reference stands for its value (MATCH(B6, …), DATE(B7, …)).
      if ((isRef(a) && (a.top !== a.bottom || a.left !== a.right)) || Array.isArray(a)) return this.matrix(a).map((row) => row.map(toLibrary));
      const s = this.toScalar(a);
      // formulajs propagates errors itself, and the IS… functions look at them.
      if (s instanceof XlError) return toLibrary(s);
      if (typeof s === 'string' && NEEDS_NUMBERS.has(name)) {
        const n = toNumber(s);
        return n instanceof XlError ? toLibrary(n) : n;
      }
      return s;
    });
    let r: unknown;
    try {
      r = (fn as (...a: unknown[]) => unknown)(...plain);
    } catch {
      throw new Unsupported(`${name} failed`);
    }
    if (typeof r === 'number') return Number.isFinite(r) ? r : new XlError('#NUM!');
    // formulajs gives dates as local-time Date objects; the model keeps Excel serial numbers.
    if (r instanceof Date) return Number.isNaN(r.getTime()) ? VALUE : utcMsToSerial(Date.UTC(r.getFullYear(), r.getMonth(), r.getDate()));
    if (typeof r === 'string' || typeof r === 'boolean') return r;
    if (r instanceof Error) return new XlError(r.message.startsWith('#') ? r.message : '#VALUE!');
    throw new Unsupported(`${name} gave no single value`);
  }
}

const SUBTOTAL_FUNCTIONS: Record<number, string> = { 1: 'AVERAGE', 2: 'COUNT', 3: 'COUNTA', 4: 'MAX', 5: 'MIN', 6: 'PRODUCT', 9: 'SUM' };

/** SUBTOTAL leaves out cells that are themselves subtotals, so group subtotals are not counted twice. */
const isSubtotal = (c: Cell) => !!c.f && /\bSUBTOTAL\s*\(/i.test(c.f);

/**
 * formulajs functions used as they are. Kept to a list so that a function whose formulajs version
 * differs from Excel on ranges or text (SUM parses text in ranges) is never used by accident; and
 * imported by name, so that a bundle keeps only these (the pages' scripts, `npm run build:standalone`).
 */
const LIBRARY: Readonly<Record<string, (...a: unknown[]) => unknown>> = {
  ABS, INT, MOD, ROUND, ROUNDUP, ROUNDDOWN, TRUNC, CEILING, FLOOR, POWER, SQRT, SIGN,
  DATE, YEAR, MONTH, DAY, EDATE, EOMONTH,
  CHOOSE, MATCH, INDEX, VLOOKUP, HLOOKUP,
  COUNTBLANK, SUMPRODUCT,
  LEN, LEFT, RIGHT, MID, TRIM, UPPER, LOWER, CONCATENATE, CONCAT, EXACT,
  ISBLANK, ISNUMBER, ISTEXT, ISERROR, ISNA, TRUE, FALSE,
} as unknown as Record<string, (...a: unknown[]) => unknown>;
/** The names of LIBRARY: test/xlsx/formulas-without-jstat.test.ts calls each without formulajs's jstat. */
export const LIBRARY_NAMES: readonly string[] = Object.keys(LIBRARY);
/** Functions whose typed text arguments Excel converts to numbers (and refuses when it cannot). */
const NEEDS_NUMBERS = new Set(['ABS', 'INT', 'MOD', 'ROUND', 'ROUNDUP', 'ROUNDDOWN', 'TRUNC', 'CEILING', 'FLOOR', 'POWER', 'SQRT', 'SIGN', 'DATE', 'EDATE', 'EOMONTH']);

/**
 * formulajs's own error values. Its IS… functions compare errors by identity and it does not
 * export them, so they are taken from calls that return them.
 */
const LIBRARY_ERRORS: ReadonlyMap<string, unknown> = (() => {
  const f = LIBRARY;
  const found = [f.SQRT!(-1), f.VLOOKUP!('x', [['y', 1]], 2, false), f.ABS!('x'), f.INDEX!([[1]], 5), f.MOD!(1, 0)];
  return new Map(found.filter((e): e is Error => e instanceof Error).map((e) => [e.message, e]));
})();

function toLibrary(x: Scalar): unknown {
  return x instanceof XlError ? (LIBRARY_ERRORS.get(x.code) ?? new Error(x.code)) : x;
}

/**
 * Text to number as Excel's arithmetic does it, but only where every regional setting agrees:
 * plain digits. "1.500", "92,03" and "92%" depend on the computer that would open the file.
 */
function toNumber(x: Scalar): number | XlError {
  if (x instanceof XlError) return x;
  if (x === null) return 0;
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  const s = x.trim();
  if (/^[+-]?\d+$/.test(s)) return Number(s);
  if (/^[+-]?[\d.,\s\u00a0]+%?$/.test(s) && /\d/.test(s)) throw new Unsupported(`number typed as text: ${s}`);
  return VALUE;
}

function toBool(x: Scalar): boolean | XlError {
  if (x instanceof XlError) return x;
  if (x === null) return false;
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') return x !== 0;
  const s = x.trim().toUpperCase();
  if (s === 'TRUE') return true;
  if (s === 'FALSE') return false;
  return VALUE;
}

function textOf(x: Scalar): string {
  if (x === null) return '';
  if (typeof x === 'number') return numberText(x);
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  return String(x);
}

/** "*" and "?" match any text and one character; "~" takes the next one literally. */
function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** A COUNTIF criterion as a test of one cell value. */
function criterion(crit: Scalar): (x: Scalar) => boolean {
  if (crit === null) crit = '';
  if (typeof crit === 'number' || typeof crit === 'boolean') {
    const want = crit;
    return (x) => x === want || (typeof want === 'number' && typeof x === 'string' && /^[+-]?\d+$/.test(x.trim()) && Number(x) === want);
  }
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(crit as string)!;
  const op = m[1] ?? '=';
  const operand = m[2]!;
  if (operand === '') {
    if (op === '=') return (x) => x === null || x === '';
    if (op === '<>') return (x) => x !== null && x !== '';
    return () => false;
  }
  let num: number | null = null;
  if (/^[+-]?\d+$/.test(operand.trim())) num = Number(operand);
  else if (/^[+-]?[\d.,\s\u00a0]+%?$/.test(operand.trim()) && /\d/.test(operand)) throw new Unsupported(`criterion read by regional settings: ${operand}`);
  if (num !== null) {
    const n = num;
    const cmp = (x: Scalar): number | null => (typeof x === 'number' ? x : typeof x === 'string' && /^[+-]?\d+$/.test(x.trim()) && (op === '=' || op === '<>') ? Number(x) : null);
    return (x) => {
      const v = cmp(x);
      if (v === null) return op === '<>';
      return op === '=' ? v === n : op === '<>' ? v !== n : op === '<' ? v < n : op === '>' ? v > n : op === '<=' ? v <= n : v >= n;
    };
  }
  const bool = /^(TRUE|FALSE)$/i.test(operand) ? /^TRUE$/i.test(operand) : null;
  if (bool !== null) return (x) => (op === '<>' ? x !== bool : op === '=' ? x === bool : false);
  if (op === '=' || op === '<>') {
    const re = wildcard(operand);
    return (x) => {
      const hit = typeof x === 'string' && re.test(x);
      return op === '=' ? hit : !hit;
    };
  }
  const t = operand.toLowerCase();
  return (x) => {
    if (typeof x !== 'string') return false;
    const v = x.toLowerCase();
    return op === '<' ? v < t : op === '>' ? v > t : op === '<=' ? v <= t : v >= t;
  };
}

/** Excel's order: numbers < text < logical values; text compares without case; a blank is 0 or "". */
function compare(x: Scalar, y: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'string' && typeof y === 'string') {
    const a = x.toLowerCase();
    const b = y.toLowerCase();
    return a === b ? 0 : a < b ? -1 : 1;
  }
  const a = Number(x);
  const b = Number(y);
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Computes the cells listed in `pending` (sheet, row, column), each one or marked `uncomputed`. */
export function evaluateMissing(model: WorkbookModel, pending: [number, number, number][]): FormulaSummary {
  const summary: FormulaSummary = { computed: 0, uncomputed: 0 };
  const ev = new Evaluator(model);
  // A chain of references deeper than MAX_DEPTH is computed from its deep end first.
  const stack = [...pending].reverse();
  let guard = 0;
  while (stack.length) {
    const [s, r, c] = stack[stack.length - 1]!;
    try {
      ev.computeCell(s, r, c);
      stack.pop();
    } catch (e) {
      if (e instanceof TooDeep && guard++ < 1_000_000) {
        const [ds, dr, dc] = e.at.split(':').map(Number) as [number, number, number];
        stack.push([ds, dr, dc]);
        continue;
      }
      const cell = model.sheets[s]!.rows[r]![c]!;
      cell.uncomputed = true;
      stack.pop();
    }
  }
  for (const [s, r, c] of pending) {
    const cell = model.sheets[s]!.rows[r]![c]!;
    if (cell.computed) summary.computed++;
    else if (cell.uncomputed) summary.uncomputed++;
  }
  return summary;
}
