/**
 * A BIFF8 formula (the parsed tokens an .xls stores, "rgce") → its A1 text, as Excel shows it.
 * The checks read a formula's text only to compare a totals row's SUM range with the table's rows
 * (checks/totals.ts) and to say that a cell holds a formula, so what is decoded is what officers'
 * sheets hold: references (2D, 3D, relative ones of shared formulas), constants, operators and the
 * worksheet functions by their numbers. Anything else (array constants, table formulas, macro-sheet
 * functions) gives null: the cell keeps its cached value and no formula text, rather than a wrong one.
 *
 * Written here because no maintained library decodes BIFF8 tokens on their own (SheetJS does it
 * inside its whole-workbook parser, see docs/workbook-files.md). Token layouts: [MS-XLS] 2.5.198
 * "Parsed Expressions" (https://learn.microsoft.com/openspecs/office_file_formats/ms-xls/); the
 * function numbers: [MS-XLS] 2.5.198.17 "Ftab" and 2.5.198.18 "Cetab".
 */
import { colToLetters } from '../core/model';

/** Worksheet functions by Ftab number: [name, fixed argument count] (−1: variable, only through PtgFuncVar). */
const FUNCTIONS: Record<number, [string, number]> = {
  0: ['COUNT', -1], 1: ['IF', -1], 2: ['ISNA', 1], 3: ['ISERROR', 1], 4: ['SUM', -1], 5: ['AVERAGE', -1], 6: ['MIN', -1], 7: ['MAX', -1],
  8: ['ROW', -1], 9: ['COLUMN', -1], 10: ['NA', 0], 11: ['NPV', -1], 12: ['STDEV', -1], 13: ['DOLLAR', -1], 14: ['FIXED', -1],
  15: ['SIN', 1], 16: ['COS', 1], 17: ['TAN', 1], 18: ['ATAN', 1], 19: ['PI', 0], 20: ['SQRT', 1], 21: ['EXP', 1], 22: ['LN', 1], 23: ['LOG10', 1],
  24: ['ABS', 1], 25: ['INT', 1], 26: ['SIGN', 1], 27: ['ROUND', 2], 28: ['LOOKUP', -1], 29: ['INDEX', -1], 30: ['REPT', 2], 31: ['MID', 3],
  32: ['LEN', 1], 33: ['VALUE', 1], 34: ['TRUE', 0], 35: ['FALSE', 0], 36: ['AND', -1], 37: ['OR', -1], 38: ['NOT', 1], 39: ['MOD', 2],
  46: ['VAR', -1], 48: ['TEXT', 2], 56: ['PV', -1], 57: ['FV', -1], 58: ['NPER', -1], 59: ['PMT', -1], 60: ['RATE', -1], 63: ['RAND', 0], 64: ['MATCH', -1],
  65: ['DATE', 3], 66: ['TIME', 3], 67: ['DAY', 1], 68: ['MONTH', 1], 69: ['YEAR', 1], 70: ['WEEKDAY', -1], 71: ['HOUR', 1], 72: ['MINUTE', 1],
  73: ['SECOND', 1], 74: ['NOW', 0], 75: ['AREAS', 1], 76: ['ROWS', 1], 77: ['COLUMNS', 1], 78: ['OFFSET', -1], 82: ['SEARCH', -1],
  83: ['TRANSPOSE', 1], 86: ['TYPE', 1], 97: ['ATAN2', 2], 98: ['ASIN', 1], 99: ['ACOS', 1], 100: ['CHOOSE', -1], 101: ['HLOOKUP', -1],
  102: ['VLOOKUP', -1], 105: ['ISREF', 1], 109: ['LOG', -1], 111: ['CHAR', 1], 112: ['LOWER', 1], 113: ['UPPER', 1], 114: ['PROPER', 1],
  115: ['LEFT', -1], 116: ['RIGHT', -1], 117: ['EXACT', 2], 118: ['TRIM', 1], 119: ['REPLACE', 4], 120: ['SUBSTITUTE', -1], 121: ['CODE', 1],
  124: ['FIND', -1], 125: ['CELL', -1], 126: ['ISERR', 1], 127: ['ISTEXT', 1], 128: ['ISNUMBER', 1], 129: ['ISBLANK', 1], 130: ['T', 1],
  131: ['N', 1], 140: ['DATEVALUE', 1], 141: ['TIMEVALUE', 1], 148: ['INDIRECT', -1], 162: ['CLEAN', 1], 169: ['COUNTA', -1],
  183: ['PRODUCT', -1], 184: ['FACT', 1], 190: ['ISNONTEXT', 1], 193: ['STDEVP', -1], 194: ['VARP', -1], 197: ['TRUNC', -1],
  198: ['ISLOGICAL', 1], 212: ['ROUNDUP', 2], 213: ['ROUNDDOWN', 2], 216: ['RANK', -1], 219: ['ADDRESS', -1], 220: ['DAYS360', -1],
  221: ['TODAY', 0], 227: ['MEDIAN', -1], 228: ['SUMPRODUCT', -1], 261: ['ERROR.TYPE', 1], 269: ['AVEDEV', -1], 276: ['COMBIN', 2],
  279: ['EVEN', 1], 285: ['FLOOR', 2], 288: ['CEILING', 2], 298: ['ODD', 1], 321: ['SUMSQ', -1], 325: ['LARGE', 2], 326: ['SMALL', 2],
  327: ['QUARTILE', 2], 328: ['PERCENTILE', 2], 330: ['MODE', -1], 336: ['CONCATENATE', -1], 337: ['POWER', 2], 342: ['RADIANS', 1],
  343: ['DEGREES', 1], 344: ['SUBTOTAL', -1], 345: ['SUMIF', -1], 346: ['COUNTIF', 2], 347: ['COUNTBLANK', 1], 351: ['DATEDIF', 3],
  358: ['GETPIVOTDATA', -1], 359: ['HYPERLINK', -1], 361: ['AVERAGEA', -1], 362: ['MAXA', -1], 363: ['MINA', -1],
};

const BINARY: Record<number, string> = { 0x03: '+', 0x04: '-', 0x05: '*', 0x06: '/', 0x07: '^', 0x08: '&', 0x09: '<', 0x0a: '<=', 0x0b: '=', 0x0c: '>=', 0x0d: '>', 0x0e: '<>', 0x0f: ' ', 0x10: ',', 0x11: ':' };

export const ERROR_CODES: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** What a formula refers to outside itself: sheets of 3D references, defined and external names. */
export interface FormulaContext {
  /** Sheet name(s) of an EXTERNSHEET entry, or null when it points outside the workbook. */
  sheetOf(ixti: number): string | null;
  /** A defined name, 1-based. */
  nameOf(index: number): string | null;
  /** An external name (add-in functions such as IFERROR): EXTERNSHEET entry, 1-based index. */
  externNameOf(ixti: number, index: number): string | null;
}

const quoteSheet = (s: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) && !/^[A-Za-z]{1,3}\d+$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);

/** The cell a formula is in: relative references of shared formulas (PtgRefN, PtgAreaN) are offsets from it. */
export interface Origin {
  row: number;
  col: number;
}

/**
 * The formula text (without "="), or null when it holds a token this decoder does not know.
 * `rgce` is the token bytes alone (the length is the caller's cce).
 */
export function decodeFormula(rgce: Uint8Array, ctx: FormulaContext, origin: Origin): string | null {
  const dv = new DataView(rgce.buffer, rgce.byteOffset, rgce.byteLength);
  const stack: string[] = [];
  let i = 0;
  const need = (n: number) => i + n <= rgce.length;
  const ref = (rwRaw: number, colRaw: number, shared: boolean): string => {
    const colRel = (colRaw & 0x4000) !== 0;
    const rowRel = (colRaw & 0x8000) !== 0;
    let col = colRaw & 0x3fff;
    let row = rwRaw;
    // Relative parts of a shared formula are offsets (BIFF8 has 256 columns and 65 536 rows; Excel wraps).
    if (shared && colRel) col = (origin.col + (col & 0xff)) & 0xff;
    if (shared && rowRel) row = (origin.row + row) & 0xffff;
    return `${colRel ? '' : '$'}${colToLetters(col)}${rowRel ? '' : '$'}${row + 1}`;
  };
  const pop = (): string | null => (stack.length ? stack.pop()! : null);
  const call = (name: string, argc: number): boolean => {
    if (argc > stack.length) return false;
    const args = stack.splice(stack.length - argc, argc);
    stack.push(`${name}(${args.join(',')})`);
    return true;
  };
  while (i < rgce.length) {
    const ptg = rgce[i++]!;
    if (ptg >= 0x20) {
      const base = (ptg & 0x1f) | 0x20;
      switch (base) {
        case 0x21: {
          if (!need(2)) return null;
          const f = FUNCTIONS[dv.getUint16(i, true)];
          i += 2;
          if (!f || f[1] < 0 || !call(f[0], f[1])) return null;
          break;
        }
        case 0x22: {
          if (!need(3)) return null;
          const argc = rgce[i]! & 0x7f;
          const tab = dv.getUint16(i + 1, true);
          i += 3;
          if (tab & 0x8000) return null; // a macro-sheet command
          if (tab === 255) {
            // A user or add-in function: its name is the first argument (a name token).
            if (argc < 1 || argc > stack.length) return null;
            const args = stack.splice(stack.length - argc, argc);
            stack.push(`${args[0]!.replace(/^_xlfn\./, '')}(${args.slice(1).join(',')})`);
            break;
          }
          const f = FUNCTIONS[tab];
          if (!f || !call(f[0], argc)) return null;
          break;
        }
        case 0x23: {
          if (!need(4)) return null;
          const n = ctx.nameOf(dv.getUint32(i, true));
          i += 4;
          if (n === null) return null;
          stack.push(n);
          break;
        }
        case 0x24:
        case 0x2c: {
          if (!need(4)) return null;
          stack.push(ref(dv.getUint16(i, true), dv.getUint16(i + 2, true), base === 0x2c));
          i += 4;
          break;
        }
        case 0x25:
        case 0x2d: {
          if (!need(8)) return null;
          const shared = base === 0x2d;
          stack.push(`${ref(dv.getUint16(i, true), dv.getUint16(i + 4, true), shared)}:${ref(dv.getUint16(i + 2, true), dv.getUint16(i + 6, true), shared)}`);
          i += 8;
          break;
        }
        case 0x26:
        case 0x27:
        case 0x28:
          // PtgMemArea / MemErr / MemNoMem: the tokens of the reference follow; these only carry sizes.
          if (!need(6)) return null;
          i += 6;
          break;
        case 0x29:
        case 0x2e:
          if (!need(2)) return null;
          i += 2;
          break;
        case 0x2a:
          if (!need(4)) return null;
          i += 4;
          stack.push('#REF!');
          break;
        case 0x2b:
          if (!need(8)) return null;
          i += 8;
          stack.push('#REF!');
          break;
        case 0x39: {
          if (!need(6)) return null;
          const n = ctx.externNameOf(dv.getUint16(i, true), dv.getUint32(i + 2, true));
          i += 6;
          if (n === null) return null;
          stack.push(n);
          break;
        }
        case 0x3a:
        case 0x3b: {
          const area = base === 0x3b;
          if (!need(area ? 10 : 6)) return null;
          const sheet = ctx.sheetOf(dv.getUint16(i, true));
          if (sheet === null) return null;
          const a = area
            ? `${ref(dv.getUint16(i + 2, true), dv.getUint16(i + 6, true), false)}:${ref(dv.getUint16(i + 4, true), dv.getUint16(i + 8, true), false)}`
            : ref(dv.getUint16(i + 2, true), dv.getUint16(i + 4, true), false);
          i += area ? 10 : 6;
          stack.push(`${quoteSheet(sheet)}!${a}`);
          break;
        }
        case 0x3c:
          if (!need(6)) return null;
          i += 6;
          stack.push('#REF!');
          break;
        case 0x3d:
          if (!need(10)) return null;
          i += 10;
          stack.push('#REF!');
          break;
        default:
          // PtgArray (constants stored after the tokens) and anything else: not decoded.
          return null;
      }
      continue;
    }
    if (BINARY[ptg]) {
      const b = pop();
      const a = pop();
      if (a === null || b === null) return null;
      stack.push(`${a}${BINARY[ptg]}${b}`);
      continue;
    }
    switch (ptg) {
      case 0x12:
      case 0x13: {
        const a = pop();
        if (a === null) return null;
        stack.push(`${ptg === 0x12 ? '+' : '-'}${a}`);
        break;
      }
      case 0x14: {
        const a = pop();
        if (a === null) return null;
        stack.push(`${a}%`);
        break;
      }
      case 0x15: {
        const a = pop();
        if (a === null) return null;
        stack.push(`(${a})`);
        break;
      }
      case 0x16:
        stack.push('');
        break;
      case 0x17: {
        if (!need(2)) return null;
        const cch = rgce[i]!;
        const wide = (rgce[i + 1]! & 1) === 1;
        i += 2;
        const bytes = wide ? cch * 2 : cch;
        if (!need(bytes)) return null;
        let s = '';
        for (let k = 0; k < cch; k++) s += String.fromCharCode(wide ? dv.getUint16(i + 2 * k, true) : rgce[i + k]!);
        i += bytes;
        stack.push(`"${s.replace(/"/g, '""')}"`);
        break;
      }
      case 0x19: {
        if (!need(3)) return null;
        const grbit = rgce[i]!;
        if (grbit & 0x04) {
          // AttrChoose: a jump table of (count + 1) offsets follows.
          const count = dv.getUint16(i + 1, true);
          i += 3 + (count + 1) * 2;
          if (i > rgce.length) return null;
        } else i += 3;
        if (grbit & 0x10) {
          // AttrSum: SUM of the one argument on the stack.
          const a = pop();
          if (a === null) return null;
          stack.push(`SUM(${a})`);
        }
        break;
      }
      case 0x1c:
        if (!need(1)) return null;
        stack.push(ERROR_CODES[rgce[i]!] ?? '#N/A');
        i += 1;
        break;
      case 0x1d:
        if (!need(1)) return null;
        stack.push(rgce[i] ? 'TRUE' : 'FALSE');
        i += 1;
        break;
      case 0x1e:
        if (!need(2)) return null;
        stack.push(String(dv.getUint16(i, true)));
        i += 2;
        break;
      case 0x1f:
        if (!need(8)) return null;
        stack.push(String(dv.getFloat64(i, true)));
        i += 8;
        break;
      default:
        // PtgExp and PtgTbl are resolved by the reader; PtgElf and other extended tokens are not decoded.
        return null;
    }
  }
  return stack.length === 1 ? stack[0]! : null;
}
