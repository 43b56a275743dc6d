import { type ColumnSpec, type TableSpec } from './contract';
import { allColumns, TABLES } from './tables';
import { cellText } from './cells';
import { parseVietnameseNumber } from './numbers';
import { parseRange, type SheetGrid } from './model';
import { foldText } from './text';

/**
 * What a header means, whatever the sheet's layout. Officers' forms put a column's meaning in a
 * chain of header cells (a merged group "Số hồ sơ đã giải quyết" over "Tổng số / Trước hạn /
 * Quá hạn"), number the columns "(1) … (13)" underneath, and word the same thing many ways. A
 * column is matched by its leaf header and, for aliases written "A > B", by a group header above
 * it that contains A.
 */

/** The comparable form of a header: folded, column numbers, "%", punctuation and filler words removed. */
const keyCache = new Map<string, string>();

export function aliasKey(s: string): string {
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const k = computeAliasKey(s);
  // Header scans meet every label of a large sheet; bound the memo as foldText does.
  if (keyCache.size > 20000) keyCache.clear();
  keyCache.set(s, k);
  return k;
}

/**
 * Officers' abbreviations and the words of official forms that say nothing about the column's
 * meaning, rewritten once here so that every alias and every header meet in the same key:
 * "Số HS đã GQ" reads as "đã giải quyết", "Qua DV BCCI" and "B.C.C.I" as "bcci", "Biên chế được
 * giao năm 2023" and "Số có mặt đến ngày 30/6/2023" without their year and date (the staffing
 * forms of the Bộ Nội vụ date both columns), "trực tiếp và/hoặc bưu chính" without the connector.
 */
const WORD_REWRITES: readonly [RegExp, string][] = [
  [/\bhs\b/g, 'ho so'],
  [/\bgq\b/g, 'giai quyet'],
  [/\bdv\b/g, 'dich vu'],
  [/\bdvbcci\b/g, 'bcci'],
  [/\bb c c i\b|\bbc ci\b|\bbuu chinh ci\b|\b(?:buu chinh|bc) cong ich\b/g, 'bcci'],
  [/\b(?:qua )?(?:dich vu )?bcci\b/g, 'bcci'],
  [/ (?:va|hoac) /g, ' '],
  // "Tỉ lệ" is "tỷ lệ" in the older spelling; "trễ hạn" is what one-stop systems call "quá hạn".
  [/\bti le\b/g, 'ty le'],
  [/\btre han\b/g, 'qua han'],
  // "… có mặt đến ngày 30/6/2023", "… có mặt đến 31 tháng 12 năm 2025", "tính đến 01/7/2023".
  [/ (?:tinh )?(?:den|tai)(?: thoi diem)?(?: ngay)? \d{1,2}(?: thang)? \d{1,2}(?: nam)? \d{2,4}$/, ''],
  [/ nam \d{4}$/, ''],
];

function computeAliasKey(s: string): string {
  let k = foldText(s)
    .replace(/\(\s*\d{1,2}\s*\)/g, ' ')
    .replace(/[%()[\]*:;,./\\\-–—_'"“”]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, to] of WORD_REWRITES) k = k.replace(re, to);
  k = k.replace(/^trong do\s+/, '');
  const stripped = k.replace(/^(so ho so|so luong|so|ho so)\s+/, '');
  return stripped || k;
}

interface Matcher {
  key: string;
  leaf: string;
  /** Phrases that some group header above the leaf must contain, as whole words. */
  under: string[];
  specificity: number;
  /** An alias written "^Tổng": it names the column only as the table's first figure column. */
  first?: boolean;
}

const matcherCache = new Map<string, Matcher[]>();

function matchersOf(spec: TableSpec): Matcher[] {
  const hit = matcherCache.get(spec.name);
  if (hit) return hit;
  const out: Matcher[] = [];
  for (const c of allColumns(spec)) {
    // The contract's own header is the surest reading of a leaf alone.
    out.push({ key: c.key, leaf: aliasKey(c.header), under: [], specificity: 1.5 });
    for (const alias of c.aliases ?? []) {
      const first = alias.startsWith('^');
      const parts = (first ? alias.slice(1) : alias).split('>').map((p) => p.trim());
      const leaf = aliasKey(parts.pop()!);
      const under = parts.map((p) => aliasKey(p));
      out.push({ key: c.key, leaf, under, specificity: 1 + under.length, ...(first ? { first } : {}) });
    }
  }
  matcherCache.set(spec.name, out);
  return out;
}

/** Folded label-column headers of every table: a row holding one may start a table. */
const anchorCache = new Map<string, Set<string>>();
export function anchorsOf(spec: TableSpec): Set<string> {
  let s = anchorCache.get(spec.name);
  if (!s) {
    s = new Set(matchersOf(spec).filter((m) => m.key === spec.labelKey && m.under.length === 0).map((m) => m.leaf));
    anchorCache.set(spec.name, s);
  }
  return s;
}

function containsWords(text: string, phrase: string): boolean {
  if (!phrase) return true;
  const i = text.indexOf(phrase);
  if (i < 0) return false;
  // Whole words only: "da giai quyet" must not match inside "dang giai quyet".
  for (let at = i; at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 || text[at - 1] === ' ';
    const end = at + phrase.length;
    const after = end === text.length || text[end] === ' ';
    if (before && after) return true;
  }
  return false;
}

export interface HeaderMapping {
  /** Column index by key. */
  col: Record<string, number>;
  /** The header cell (0-based row, col) each key was read from. */
  at: Record<string, { row: number; col: number }>;
  /**
   * The percentage printed beside a count, by the count's key: a group header over "Tổng | %"
   * (see `countShareGroups`). Column index, and the header cell it was read from.
   */
  shares: Record<string, number>;
  shareAt: Record<string, { row: number; col: number }>;
}

export interface HeaderChain {
  /** Normalised header texts, top to bottom, one per distinct header cell over the column. */
  texts: string[];
  /** Where the leaf text sits. */
  leafRow: number;
  /**
   * The column is the percentage of a count beside it under one group header ("Trước hạn" over
   * "Tổng | %"): the index, in the same list of chains, of that count's column. Such a column
   * names no key of its own.
   */
  share?: number;
  /**
   * The count of such a group read as its sub-header says ("tiếp nhận > Tổng"): a second reading,
   * for the aliases written that way; the group's own reading comes first where both match.
   */
  asWritten?: { texts: string[]; leafRow: number };
}

/** Is this cell's text a header word rather than a figure? */
function isTextCell(sheet: SheetGrid, r: number, c: number): boolean {
  const cell = sheet.rows[r]?.[c];
  if (!cell || cell.v == null || cell.e) return false;
  if (typeof cell.v !== 'string') return false;
  const t = cell.v.trim();
  return t !== '' && !parseVietnameseNumber(t);
}

function mergeOrigins(sheet: SheetGrid): Map<string, { row: number; col: number }> | null {
  if (!sheet.merges?.length) return null;
  const m = new Map<string, { row: number; col: number }>();
  for (const ref of sheet.merges) {
    let r;
    try {
      r = parseRange(ref);
    } catch {
      continue;
    }
    // Header merges are small; a huge one (a whole-sheet merge) says nothing about headers.
    if ((r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1) > 400) continue;
    for (let row = r.start.row; row <= r.end.row; row++) for (let col = r.start.col; col <= r.end.col; col++) if (row !== r.start.row || col !== r.start.col) m.set(`${row},${col}`, r.start);
  }
  return m;
}

/**
 * Sub-headers that say "the group's count" and "its percentage" (one-stop portals print every
 * state as a count and its share: "Trước hạn" over "Tổng | %", "Số lượng | Tỷ lệ", "SL | TL",
 * "Số hồ sơ | Tỷ lệ (%)"). Compared as folded text, not as alias keys: the key drops "%" and the
 * leading "Số" these words are made of.
 */
const COUNT_WORDS = /^(?:tong(?: so| cong)?(?: ho so| hs)?|so(?: luong)?(?: ho so| hs)?|sl|ho so|hs)$/;
const SHARE_WORDS = /^(?:%|(?:ty le|ti le|tl|phan tram|ty trong)(?: ?%)?|% ?(?:ty le|ti le))$/;

const plainWords = (text: string) =>
  foldText(text)
    .replace(/[()[\]:.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function isCountWord(text: string): boolean {
  return COUNT_WORDS.test(plainWords(text));
}

export function isShareWord(text: string): boolean {
  return SHARE_WORDS.test(plainWords(text));
}

/**
 * The header chain of every column in rows top..leaf. Where the host gives merged ranges, a cell
 * inside a merge reads as its first cell. Where it does not (the .xlsx reader skips merge records
 * for speed), a blank cell in a group row takes the group text to its left when the column has
 * sub-headers below it: the shape a merged group header leaves.
 *
 * A group header whose sub-headers are one count word and percentage words ("Trước hạn" over
 * "Tổng | %") is one column of the group's meaning and its percentage: the count's chain ends at
 * the group ("trước hạn", read where the group is written), the percentage's is marked `share`.
 */
export function headerChains(sheet: SheetGrid, top: number, leaf: number, c0: number, c1: number): HeaderChain[] {
  const origins = mergeOrigins(sheet);
  const text = (r: number, c: number): string => {
    const o = origins?.get(`${r},${c}`);
    const cell = o ? sheet.rows[o.row]?.[o.col] : sheet.rows[r]?.[c];
    return cell && !cell.e && typeof cell.v === 'string' ? cellText(cell) : '';
  };
  // Which written cell a header text comes from: a merge's first cell, or the group cell a blank
  // took its text from. Columns under one group cell are its sub-columns.
  const ownerOf = (r: number, c: number): string => {
    const o = origins?.get(`${r},${c}`);
    return o ? `${o.row},${o.col}` : `${r},${c}`;
  };
  const hasBelow = (r: number, c: number) => {
    for (let k = r + 1; k <= leaf; k++) if (text(k, c)) return true;
    return false;
  };
  const grid: string[][] = [];
  const owner: string[][] = [];
  for (let r = top; r <= leaf; r++) {
    const line: string[] = [];
    const owners: string[] = [];
    let carry = '';
    let carryOwner = '';
    let carryOk = false;
    for (let c = c0; c <= c1; c++) {
      let t = text(r, c);
      let o = '';
      if (t) {
        carry = t;
        carryOwner = o = ownerOf(r, c);
        carryOk = !origins && r < leaf && hasBelow(r, c);
      } else if (carryOk && hasBelow(r, c)) {
        t = carry;
        o = carryOwner;
      } else {
        carryOk = false;
      }
      line.push(t);
      owners.push(o);
    }
    grid.push(line);
    owner.push(owners);
  }
  const out: HeaderChain[] = [];
  for (let j = 0; j <= c1 - c0; j++) {
    const texts: string[] = [];
    let leafRow = -1;
    for (let i = 0; i < grid.length; i++) {
      const t = grid[i]![j]!;
      if (!t) continue;
      const k = aliasKey(t);
      if (texts[texts.length - 1] !== k) texts.push(k);
      // Where the text is written: a merged header down two rows reads from its first cell.
      leafRow = Number(owner[i]![j]!.split(',')[0]);
    }
    out.push({ texts, leafRow });
  }
  for (const g of countShareGroups(grid, owner)) {
    const count = out[g.count]!;
    count.asWritten = { texts: [...count.texts], leafRow: count.leafRow };
    count.texts.pop();
    count.leafRow = top + g.row;
    for (const j of g.shares) {
      const ch = out[j]!;
      ch.texts.pop();
      ch.share = g.count;
    }
  }
  return out;
}

/**
 * Groups of sub-columns that are a count and its percentage: under one group cell (row `row` of
 * the grid), every sub-column's own leaf is a count word or a percentage word, with exactly one
 * count and at least one percentage. Indices are the grid's columns.
 */
function countShareGroups(grid: readonly string[][], owner: readonly string[][]): { row: number; count: number; shares: number[] }[] {
  const width = grid[0]?.length ?? 0;
  // Each column's leaf row (its lowest text) and the group cell over it: the nearest row above
  // with a text from another cell.
  const leafOf: number[] = [];
  const parentOf: { row: number; owner: string }[] = [];
  for (let j = 0; j < width; j++) {
    let li = -1;
    for (let i = grid.length - 1; i >= 0; i--) {
      if (grid[i]![j]) {
        li = i;
        break;
      }
    }
    leafOf.push(li);
    let parent = { row: -1, owner: '' };
    for (let i = li - 1; i >= 0 && li >= 0; i--) {
      const o = owner[i]![j]!;
      if (grid[i]![j] && o !== owner[li]![j]) {
        parent = { row: i, owner: o };
        break;
      }
    }
    parentOf.push(parent);
  }
  const out: { row: number; count: number; shares: number[] }[] = [];
  for (let j = 0; j < width; ) {
    const p = parentOf[j]!;
    let end = j + 1;
    while (end < width && p.row >= 0 && parentOf[end]!.row === p.row && parentOf[end]!.owner === p.owner) end++;
    if (p.row >= 0 && end - j >= 2) {
      const counts: number[] = [];
      const shares: number[] = [];
      let other = false;
      for (let k = j; k < end; k++) {
        const t = grid[leafOf[k]!]![k]!;
        if (isShareWord(t)) shares.push(k);
        else if (isCountWord(t)) counts.push(k);
        else other = true;
      }
      if (!other && counts.length === 1 && shares.length >= 1) out.push({ row: p.row, count: counts[0]!, shares });
    }
    j = end;
  }
  return out;
}

/**
 * Maps header chains to the table's keys: the most specific reading first, each key and column
 * once. An alias marked first-only ("^Tổng") keeps its column only where no other figure column
 * of the table stands left of it: "Tổng" after "Trước hạn | Đúng hạn | Trễ hạn" totals those,
 * not the files received.
 */
export function mapChains(spec: TableSpec, chains: HeaderChain[], c0: number): HeaderMapping {
  let cands: { c: number; key: string; s: number; rank: number; row: number; first: boolean }[] = [];
  const ms = matchersOf(spec);
  chains.forEach((ch, j) => {
    if (ch.share !== undefined) return;
    // The group's reading of a count sub-column ranks above the one its "Tổng" gives.
    for (const [reading, rank] of [[ch, 0], ...(ch.asWritten ? [[ch.asWritten, 1] as const] : [])] as const) {
      if (!reading.texts.length) continue;
      const leaf = reading.texts[reading.texts.length - 1]!;
      const above = reading.texts.slice(0, -1);
      for (const m of ms) {
        if (m.leaf !== leaf) continue;
        if (!m.under.every((u) => above.some((a) => containsWords(a, u)))) continue;
        cands.push({ c: c0 + j, key: m.key, s: m.specificity, rank, row: reading.leafRow, first: m.first === true });
      }
    }
  });
  cands.sort((a, b) => a.rank - b.rank || b.s - a.s || a.c - b.c);
  const figures = new Set(figureKeys(spec).map((c) => c.key));
  for (;;) {
    const col: Record<string, number> = {};
    const at: Record<string, { row: number; col: number }> = {};
    const firstOnly = new Set<string>();
    const used = new Set<number>();
    for (const k of cands) {
      if (col[k.key] !== undefined || used.has(k.c)) continue;
      col[k.key] = k.c;
      at[k.key] = { row: k.row, col: k.c };
      used.add(k.c);
      if (k.first) firstOnly.add(k.key);
    }
    const late = [...firstOnly].filter((key) => Object.entries(col).some(([k, c]) => k !== key && figures.has(k) && c < col[key]!));
    if (late.length) {
      cands = cands.filter((k) => !(k.first && late.includes(k.key) && k.c === col[k.key]));
      continue;
    }
    const shares: Record<string, number> = {};
    const shareAt: Record<string, { row: number; col: number }> = {};
    chains.forEach((ch, j) => {
      if (ch.share === undefined) return;
      const key = Object.keys(col).find((k) => col[k] === c0 + ch.share! && figures.has(k));
      if (key === undefined || shares[key] !== undefined) return;
      shares[key] = c0 + j;
      shareAt[key] = { row: ch.leafRow, col: c0 + j };
    });
    return { col, at, shares, shareAt };
  }
}

const figureCache = new Map<string, ColumnSpec[]>();

export function figureKeys(spec: TableSpec): ColumnSpec[] {
  let f = figureCache.get(spec.name);
  if (!f) figureCache.set(spec.name, (f = allColumns(spec).filter((c) => c.kind !== 'text' && c.kind !== 'enum')));
  return f;
}

/** Does a mapping show enough of the table to be taken for it? */
export function acceptable(spec: TableSpec, col: Record<string, number>): boolean {
  if (col[spec.labelKey] === undefined) return false;
  const figures = figureKeys(spec).filter((c) => col[c.key] !== undefined).length;
  if (figures < spec.recognise.minFigures) return false;
  return !spec.recognise.anyOf || spec.recognise.anyOf.some((k) => col[k] !== undefined);
}

export function figureCount(spec: TableSpec, col: Record<string, number>): number {
  return figureKeys(spec).filter((c) => col[c.key] !== undefined).length;
}

/** A row of form column numbers under the headers: "(1) (2) … (13)", "1 2 3", "A B 1 2", "(3)=(4)+(5)+(6)". */
export function isColumnNumberRow(sheet: SheetGrid, r: number, c0: number, c1: number): boolean {
  const cells = sheet.rows[r] ?? [];
  let n = 0;
  let numbered = 0;
  let last = -Infinity;
  let increasing = true;
  for (let c = c0; c <= c1; c++) {
    const cell = cells[c];
    if (!cell || cell.v == null || String(cell.v).trim() === '') continue;
    n++;
    const s = String(cell.v).trim();
    const m = /^\(?\s*(\d{1,2})\s*\)?(\s*=.*)?$/.exec(s);
    if (m) {
      numbered++;
      const v = Number(m[1]);
      if (v <= last) increasing = false;
      last = v;
    } else if (/^[A-Z]$|^[a-z]$/.test(s)) numbered++;
  }
  return n >= 3 && numbered === n && increasing;
}

/** Header rows of any other table: where a table found by its headers stops. */
export function startsOtherTable(sheet: SheetGrid, r: number, except: TableSpec): boolean {
  const cells = sheet.rows[r];
  if (!cells) return false;
  let texts = 0;
  for (let c = 0; c < cells.length; c++) if (isTextCell(sheet, r, c)) texts++;
  if (texts < 2) return false;
  const keys = new Set<string>();
  for (const c of cells) if (c && typeof c.v === 'string') keys.add(aliasKey(c.v));
  return TABLES.some((s) => {
    if (s === except || ![...anchorsOf(s)].some((a) => keys.has(a))) return false;
    const chains = cells.map((c) => ({ texts: c && typeof c.v === 'string' && c.v.trim() ? [aliasKey(c.v)] : [], leafRow: r }));
    const m = mapChains(s, chains, 0);
    return m.col[s.labelKey] !== undefined && figureCount(s, m.col) >= 1;
  });
}

export { isTextCell };
