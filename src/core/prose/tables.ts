/**
 * Tables in the report (the TTHC table of every report: one row per field or unit, counts by
 * state and a rate). Their rows are statements too: a rate cell against its row's counts (over
 * every base its column's words allow), a state split into its parts in the same row (resolved =
 * early + on time + late), and a total row against the sum of the rows above it.
 *
 * A column's meaning is read from its header cells (merged group headers included: "Đã giải
 * quyết" over "Trước hạn"), with the vocabulary of lexicon.ts. Only cells whose column and row
 * are both understood are checked; a table without headers is left alone.
 */
import { parseVietnameseNumber, roundTo, type NumberStyle } from '../numbers';
import { foldText } from '../text';
import { formatNumber } from '../format';
import { BASES, PARTITIONS, STATUS_NAME, type Status } from './lexicon';
import type { Draft, Mark } from './draft';
import { fmtNum, fmtPct } from './messages';
import { statusIn, type DocReading } from './statements';
import type { DocParagraph } from './types';

interface Cell {
  text: string;
  paragraph: number;
  length: number;
}

interface Column {
  col: number;
  status: Status | null;
  rate: boolean;
  header: string;
}

type Num = { value: number; decimals: number; percent: boolean };
const numText = (c: Cell | undefined) => (c ? c.text.trim().replace(/\s+/g, '') : '');
const numIn = (c: Cell | undefined, style: NumberStyle): Num | null => {
  const t = numText(c);
  if (!/^[\d.,]+%?$/.test(t)) return null;
  const p = parseVietnameseNumber(t, style);
  return p ? { value: p.value, decimals: p.decimals, percent: t.endsWith('%') } : null;
};
type NumOf = (c: Cell | undefined) => Num | null;
const reader = (style: NumberStyle): NumOf => (c) => numIn(c, style);
/** Header rows are told from data rows by any number, read the Vietnamese way. */
const anyNum = reader('vi');

/**
 * A table typed with English decimals ("1.8", ".34", "15.753" in one score table): a dot before
 * other than three digits cannot be a Vietnamese thousands mark, and no cell has a decimal comma.
 * Its every dotted number is then a decimal.
 */
function englishTable(cells: Cell[]): boolean {
  let dotDecimal = false;
  for (const c of cells) {
    const t = numText(c);
    if (!/^[\d.,]+%?$/.test(t)) continue;
    if (/,/.test(t)) return false;
    if (/^\d*\.\d{1,2}%?$|^\d+\.\d{4,}%?$/.test(t)) dotDecimal = true;
  }
  return dotDecimal;
}

// Read with its diacritics: folded, "Công ty …" (a company) would be "Cộng" (a sum).
const TOTAL_ROW = /^(?:tổng|tổng cộng|cộng|tổng số|toàn tỉnh|toàn ngành|tổng cộng toàn tỉnh)(?![\p{L}])/u;
/** A column of row numbers ("STT", "TT", "Số thứ tự"): never added up. */
const ROW_NUMBERS = /^(?:stt|tt|so thu tu)\b/;
const GROUP_NUMBER = /^(?:[ivx]+|[a-z])[.)]?$/;

/** The tables of the document, as grids of cells, from the paragraphs' cell positions. */
function tablesOf(paragraphs: DocParagraph[]): { grid: Map<number, Map<number, Cell>>; spans: Map<string, number> }[] {
  const out = new Map<number, { grid: Map<number, Map<number, Cell>>; spans: Map<string, number> }>();
  paragraphs.forEach((p, i) => {
    if (p.kind !== 'cell' || !p.cell) return;
    const t = out.get(p.cell.table) ?? { grid: new Map(), spans: new Map() };
    out.set(p.cell.table, t);
    const row = t.grid.get(p.cell.row) ?? new Map<number, Cell>();
    t.grid.set(p.cell.row, row);
    const prev = row.get(p.cell.col);
    // A cell of several paragraphs: the first one that holds text stands for it.
    if (!prev || !prev.text.trim()) row.set(p.cell.col, { text: p.text, paragraph: i, length: p.text.length });
    if (p.cell.span && p.cell.span > 1) t.spans.set(`${p.cell.row}:${p.cell.col}`, p.cell.span);
  });
  return [...out.values()];
}

export function checkTables(paragraphs: DocParagraph[], doc: DocReading, out: Draft[], mark: Mark) {
  void doc;
  for (const t of tablesOf(paragraphs)) {
    const rows = [...t.grid.keys()].sort((a, b) => a - b);
    if (rows.length < 2) continue;
    const width = Math.max(...[...t.grid.values()].map((r) => Math.max(...r.keys()) + 1));
    // Header rows: the leading rows without a count (a row of column numbers "(1) (2)" is skipped).
    let h = 0;
    while (h < rows.length && ![...t.grid.get(rows[h]!)!.values()].some((c) => anyNum(c) && !/^\(?\d{1,2}\)?$/.test(c.text.trim()))) h++;
    if (h === 0 || h >= rows.length) continue;
    const headers: string[] = Array.from({ length: width }, () => '');
    // The lowest header words of each column ("Chỉ số 3" under "Kết quả đánh giá").
    const leaves: string[] = Array.from({ length: width }, () => '');
    for (let k = 0; k < h; k++) {
      const r = t.grid.get(rows[k]!)!;
      for (const [col, c] of r) {
        const span = t.spans.get(`${rows[k]}:${col}`) ?? 1;
        const text = foldText(c.text);
        if (/^\(?\d{1,2}\)?$/.test(text)) continue;
        for (let x = col; x < Math.min(width, col + span); x++) {
          headers[x] = `${headers[x]} ${text}`.trim();
          if (text.trim()) leaves[x] = text.trim();
        }
      }
    }
    const columns: Column[] = headers.map((hd, col) => {
      // "Tổng số" under a group header names the group's state.
      const leaf = hd.replace(/\s*(?:tong so|tong|cong|so luong|so ho so)\s*$/, '');
      return { col, header: hd, rate: /\bty le\b|%/.test(hd), status: statusIn(leaf, 'before') };
    });
    const data = rows.slice(h).map((r) => ({ r, cells: t.grid.get(r)! }));
    const num = reader(englishTable(data.flatMap((d) => [...d.cells.values()])) ? 'en' : 'vi');
    const labelOf = (cells: Map<number, Cell>) => {
      for (let c = 0; c < width; c++) {
        const x = cells.get(c);
        if (x && x.text.trim() && !num(x)) return x.text.trim().normalize('NFC').toLowerCase();
      }
      return '';
    };
    const totals = data.filter((d) => TOTAL_ROW.test(labelOf(d.cells)));
    const body = data.filter((d) => !totals.includes(d));

    for (const d of data) checkRow(d.cells, columns, num, out, mark);
    const run = numberedRun(leaves);
    if (run) for (const d of data) checkRowTotal(d.cells, run, num, out, mark);
    // A total row against the rows: all of them, the group rows ("I.", "A.") alone, or the others alone.
    for (const tot of totals) {
      const groups = body.filter((d) => GROUP_NUMBER.test(foldText(d.cells.get(0)?.text ?? '')));
      const leaves = body.filter((d) => !groups.includes(d));
      for (const c of columns) {
        if (c.rate || !c.status || ROW_NUMBERS.test(c.header)) continue;
        const cell = tot.cells.get(c.col);
        const stated = num(cell);
        if (!stated || stated.percent || stated.decimals) continue;
        const sums = [body, groups, leaves].filter((set) => set.length).map((set) => set.reduce((a, d) => a + (num(d.cells.get(c.col))?.value ?? 0), 0));
        const counted = body.filter((d) => num(d.cells.get(c.col)));
        if (counted.length < 2) continue;
        mark({ paragraph: cell!.paragraph, start: 0, end: cell!.length });
        if (sums.includes(stated.value)) continue;
        const sum = sums[0]!;
        out.push({ code: 'table_total_mismatch', paragraph: cell!.paragraph, start: 0, end: cell!.length, expected: fmtNum(sum), actual: fmtNum(stated.value), reading: `đọc là: cột "${c.header}", dòng tổng ghi ${fmtNum(stated.value)}; cộng ${counted.length} dòng trên = ${fmtNum(sum)}`, args: { column: c.header, total: fmtNum(stated.value), sum: fmtNum(sum), rows: counted.length } });
      }
    }
  }
}

function checkRow(cells: Map<number, Cell>, columns: Column[], num: NumOf, out: Draft[], mark: Mark) {
  const countOf = (s: Status) => {
    const c = columns.find((x) => !x.rate && x.status === s);
    const v = c ? num(cells.get(c.col)) : null;
    return c && v && !v.percent ? { value: v.value, col: c } : null;
  };
  for (const c of columns) {
    const cell = cells.get(c.col);
    const v = num(cell);
    if (!v || !c.status) continue;
    if (c.rate || v.percent) {
      // A rate: its state's count over the bases its words allow, in this row.
      const nums = [countOf(c.status)].filter((x) => x !== null);
      if (c.status === 'earlyOrOnTime' || c.status === 'onTime') {
        const e = countOf('early');
        const o = countOf('onTime');
        if (e && o) nums.push({ value: e.value + o.value, col: e.col });
      }
      const bases = (BASES[c.status] ?? []).map(countOf).filter((x) => x !== null);
      if (!nums.length || !bases.length) continue;
      mark({ paragraph: cell!.paragraph, start: 0, end: cell!.length });
      const ratios = nums.flatMap((n) => bases.filter((b) => b.value > 0).map((b) => ({ r: (n.value / b.value) * 100, text: `${fmtNum(n.value)}/${fmtNum(b.value)} (${STATUS_NAME[b.col.status!]})` })));
      if (!ratios.length || ratios.some((x) => roundTo(x.r, v.decimals) === v.value)) continue;
      const shown = fmtPct(v.value, v.decimals);
      out.push({ code: 'percent_mismatch', paragraph: cell!.paragraph, start: 0, end: cell!.length, expected: fmtPct(ratios[0]!.r, v.decimals), actual: shown, reading: `đọc là: ${ratios.map((x) => `${x.text} = ${fmtPct(x.r, Math.max(2, v.decimals))}`).join('; ')}; bảng ghi ${shown}`, args: { stated: shown, expected: fmtPct(ratios[0]!.r, v.decimals), fraction: ratios.map((x) => x.text).join('; '), cause: '' } });
      continue;
    }
    // A state and its parts in the same row.
    for (const set of PARTITIONS[c.status] ?? []) {
      const parts = set.map(countOf);
      if (parts.some((x) => x === null) || v.decimals) continue;
      const sum = parts.reduce((a, x) => a + x!.value, 0);
      mark({ paragraph: cell!.paragraph, start: 0, end: cell!.length });
      if (sum === v.value) break;
      const text = parts.map((x) => fmtNum(x!.value)).join(' + ');
      out.push({ code: sum > v.value ? 'parts_exceed_total' : 'parts_sum_mismatch', paragraph: cell!.paragraph, start: 0, end: cell!.length, expected: fmtNum(sum), actual: fmtNum(v.value), reading: `đọc là: ${set.map((s) => STATUS_NAME[s]).join(' + ')} = ${text} = ${fmtNum(sum)}; bảng ghi ${STATUS_NAME[c.status]} ${fmtNum(v.value)}`, args: { total: fmtNum(v.value), sum: fmtNum(sum), parts: text, marker: 'bảng' } });
      break;
    }
  }
}

/**
 * Columns numbered in a run ("Chỉ số 1" … "Chỉ số 9", "Tiêu chí 1", "Quý I" is not) followed
 * right away by a total column ("Tổng", "Tổng điểm", "Cộng"): the scores of a unit and their sum,
 * the shape of every table of CCHC index results. Nothing else in a row is taken as its parts.
 */
function numberedRun(leaves: string[]): { from: number; to: number; total: number; name: string } | null {
  for (let c = 0; c < leaves.length; c++) {
    const m = /^(.+?)\s*(\d{1,2})$/.exec(leaves[c]!);
    if (!m || m[2] !== '1') continue;
    let e = c;
    while (e + 1 < leaves.length) {
      const n = /^(.+?)\s*(\d{1,2})$/.exec(leaves[e + 1]!);
      if (!n || n[1] !== m[1] || Number(n[2]) !== e + 2 - c) break;
      e++;
    }
    if (e > c && /^(?:tong|tong diem|tong so|tong so diem|cong|tong cong)$/.test(leaves[e + 1] ?? '')) return { from: c, to: e, total: e + 1, name: m[1]! };
  }
  return null;
}

function checkRowTotal(cells: Map<number, Cell>, run: { from: number; to: number; total: number; name: string }, num: NumOf, out: Draft[], mark: Mark) {
  const total = cells.get(run.total);
  const stated = num(total);
  if (!stated || stated.percent) return;
  const parts: Num[] = [];
  for (let c = run.from; c <= run.to; c++) {
    const v = num(cells.get(c));
    if (!v || v.percent) return;
    parts.push(v);
  }
  const sum = parts.reduce((a, p) => a + p.value, 0);
  mark({ paragraph: total!.paragraph, start: 0, end: total!.length });
  // Within half a unit of the total's last printed decimal: a total may round its parts' sum.
  const d = Math.max(stated.decimals, ...parts.map((p) => p.decimals));
  if (Math.abs(roundTo(sum, d) - stated.value) <= 0.5 * 10 ** -stated.decimals + 1e-9) return;
  const text = parts.map((p) => formatNumber(p.value, p.decimals)).join(' + ');
  const sumText = formatNumber(roundTo(sum, d), d);
  out.push({ code: sum > stated.value ? 'parts_exceed_total' : 'parts_sum_mismatch', paragraph: total!.paragraph, start: 0, end: total!.length, expected: sumText, actual: formatNumber(stated.value, stated.decimals), reading: `đọc là: ${run.name} 1 … ${run.to - run.from + 1} = ${text} = ${sumText}; bảng ghi ${formatNumber(stated.value, stated.decimals)}`, args: { total: formatNumber(stated.value, stated.decimals), sum: sumText, parts: text, marker: 'bảng' } });
}
