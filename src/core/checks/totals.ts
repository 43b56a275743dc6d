/**
 * The totals row (T6) and group subtotals: each stated total against the data rows it covers.
 * The totals row sums the data rows (leaves), whether it sits first or last; a group row
 * ("I. Cấp tỉnh") sums its own rows only.
 */
import type { TableSpec } from '../contract';
import { roundNoise } from '../calculators';
import { headerOf, type Extracted, type Row } from '../extract';
import type { LocatedTable } from '../locate';
import { DERIVED_RATES, derivedRateValue } from '../tables';
import { baseAt, usable, type Push } from './context';
import { checkRateCell } from './rows';
import { rowPartsOf } from '../findingParts';

function checkSum(spec: TableSpec, lt: LocatedTable, total: Row, rows: readonly Row[], rule: 'T6' | 'T6g', push: Push): void {
  for (const key of spec.totals) {
    if (!total.has(key) || !usable(total, key)) continue;
    const n = total.norm[key];
    if (!n || n.t !== 'num') continue;
    if (rows.some((r) => !usable(r, key))) continue;
    const s = roundNoise(rows.reduce((acc, r) => acc + (r.stated?.[key] ?? r.values[key] ?? 0), 0));
    if (s !== n.value) {
      const cells = rows.map((r) => r.cell(key)).filter((c): c is string => !!c);
      push({
        code: 'sum_mismatch',
        ...baseAt(lt, total, key),
        rule,
        expected: s,
        actual: n.value,
        related: cells.length > 12 ? [`${cells[0]}:${cells[cells.length - 1]}`] : cells,
        totalLabel: headerOf(spec, key),
        partLabels: [],
        ...(rowPartsOf(rows, key) ? { parts: rowPartsOf(rows, key)! } : {}),
      });
    }
  }
  // A rate in a totals row follows that row's own figures, never the average of the row rates.
  for (const r of DERIVED_RATES) {
    if (r.table !== spec.name || !total.has(r.key)) continue;
    const expected = derivedRateValue(r, total.values);
    checkRateCell(spec, lt, total, r.key, total.norm[r.key]!, expected, r.numerator(total.values), r.denominator(total.values), push);
  }
}

export function checkTotals(spec: TableSpec, lt: LocatedTable, ex: Extracted, push: Push): void {
  if (ex.total) checkSum(spec, lt, ex.total, ex.rows, 'T6', push);
  for (const g of ex.groups) checkSum(spec, lt, g.row, g.children, 'T6g', push);
}

const SUM_RANGE = /^(?:SUM|SUBTOTAL\(\s*(?:9|109)\s*,)\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*\)?$/i;

/**
 * A totals-row formula over a plain range must cover the table's data rows and must not also add
 * its group subtotals: the figure may still look right this period and go wrong the next.
 */
export function checkTotalFormulas(lt: LocatedTable, ex: Extracted, push: Push): void {
  const total = ex.total;
  if (!total || ex.rows.length === 0) return;
  // The rows' sets are made at the first totals formula over a range: most totals rows hold
  // figures, and a large table's rows need not be gathered three times for nothing.
  let sets: { leaves: Set<number>; groups: Set<number>; children: Set<number>; first: number; last: number } | null = null;
  const rowSets = () => {
    if (sets) return sets;
    const leaves = new Set(ex.rows.map((r) => r.sheetRow));
    // The first and last data rows: a range over both covers every data row between, and the
    // rows are then not listed one by one for each column (5 000 rows, 11 columns in a Biểu 06).
    let first = Infinity;
    let last = -Infinity;
    for (const r of leaves) {
      if (r < first) first = r;
      if (r > last) last = r;
    }
    const groups = new Set(ex.groups.map((g) => g.row.sheetRow));
    const children = new Set(ex.groups.flatMap((g) => g.children.map((c) => c.sheetRow)));
    return (sets = { leaves, groups, children, first, last });
  };
  for (const key of lt.spec.totals) {
    const c = lt.col[key];
    if (c === undefined) continue;
    const f = lt.sheet.rows[total.sheetRow - 1]?.[c]?.f;
    const m = f ? SUM_RANGE.exec(f.replace(/\s+/g, '')) : null;
    if (!m) continue;
    const a = Number(m[2]);
    const b = Number(m[4]);
    const [r1, r2] = a <= b ? [a, b] : [b, a];
    const covers = (r: number) => r >= r1 && r <= r2;
    const { leaves, groups, children, first, last } = rowSets();
    // Summing the groups and the rows outside any group is as right as summing every data row.
    const viaGroups = groups.size > 0 && [...groups].every(covers) && ![...children].some(covers);
    const missing = covers(first) && covers(last) ? [] : viaGroups ? [...leaves].filter((r) => !children.has(r) && !covers(r)) : [...leaves].filter((r) => !covers(r));
    const extra = viaGroups ? [] : [...groups].filter(covers);
    if (missing.length || extra.length) {
      push({ code: 'total_formula_range', ...baseAt(lt, total, key), header: headerOf(lt.spec, key), formula: f!, missingRows: missing, extraRows: extra });
    }
  }
}
