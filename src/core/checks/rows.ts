/**
 * Checks inside one row: the identities (T1–T4, DM1, PA1, XL1), derived thiếu/dư, derived rates,
 * bounds. `normaliseRows` runs first and alone writes to the rows (derived values, missing totals
 * of local layouts); the checks after it only read.
 */
import type { TableSpec } from '../contract';
import { readRate, type Norm } from '../cells';
import { roundNoise } from '../calculators';
import { headerOf, shareHeader, type Extracted, type Row } from '../extract';
import type { LocatedTable } from '../locate';
import { roundTo } from '../numbers';
import { BOUNDS, DERIVED_COUNTS, DERIVED_RATES, IDENTITIES, derivedRateValue, type Identity } from '../tables';
import { baseAt, rateMatches, relatedCells, usable, type Push } from './context';
import { partsOf, rateParts } from '../findingParts';

/** Keys whose values were completed from their parts, per row (never checked, only used). */
const derivedKeys = new WeakMap<Row, Set<string>>();

export function isDerived(row: Row, key: string): boolean {
  return derivedKeys.get(row)?.has(key) ?? false;
}

function available(row: Row, key: string): boolean {
  return (row.has(key) && usable(row, key)) || isDerived(row, key);
}

function partsAvailable(row: Row, id: Identity): string[] | null {
  const present: string[] = [];
  for (const p of id.parts) {
    if (available(row, p)) present.push(p);
    else if (row.has(p)) return null; // a bad cell: its own finding says why
    else if (!id.optionalParts?.includes(p)) return null;
  }
  return present;
}

/** Completes each row: missing totals of local layouts from their parts, derived counts and rates. */
/** The identities, bounds and derived figures of one table, in their lists' order; listed once per table. */
function rulesOf(spec: TableSpec) {
  const mine = <T extends { table: string }>(xs: readonly T[]) => xs.filter((x) => x.table === spec.name);
  return { identities: mine(IDENTITIES), bounds: mine(BOUNDS), derivedCounts: mine(DERIVED_COUNTS), derivedRates: mine(DERIVED_RATES) };
}

export function normaliseRows(spec: TableSpec, ex: Extracted): void {
  const all = [...ex.rows, ...ex.groups.map((g) => g.row), ...(ex.total ? [ex.total] : [])];
  const complete = (row: Row, key: string, value: number) => {
    row.values[key] = roundNoise(value);
    let set = derivedKeys.get(row);
    if (!set) derivedKeys.set(row, (set = new Set()));
    set.add(key);
  };
  // The table's own rules, picked once rather than once per row.
  const { identities, derivedCounts, derivedRates } = rulesOf(spec);
  for (const row of all) {
    for (const id of identities) {
      if (id.derive && !row.has(id.total)) {
        const parts = partsAvailable(row, id);
        if (!parts || parts.some((p) => row.values[p] == null)) continue;
        complete(row, id.total, parts.reduce((a, p) => a + row.values[p]!, 0));
      } else if (id.solve && available(row, id.total) && row.values[id.total] != null) {
        const absent = id.parts.filter((p) => !available(row, p) && !row.has(p));
        const others = id.parts.filter((p) => !absent.includes(p));
        if (absent.length !== 1 || others.some((p) => !available(row, p) || row.values[p] == null)) continue;
        const rest = row.values[id.total]! - others.reduce((a, p) => a + row.values[p]!, 0);
        if (rest >= 0) complete(row, absent[0]!, rest);
      }
    }
  }
  for (const row of ex.rows) {
    for (const d of derivedCounts) {
      const expected = d.compute(row.values);
      const n = row.norm[d.key];
      row.stated ??= {};
      row.stated[d.key] = n && n.t === 'num' && usable(row, d.key) ? n.value : expected;
      row.values[d.key] = expected;
    }
    for (const r of derivedRates) {
      if (!row.has(r.key)) continue;
      row.values[r.key] = derivedRateValue(r, row.values);
    }
  }
}

export function checkRows(spec: TableSpec, lt: LocatedTable, ex: Extracted, t4: boolean, push: Push): void {
  const { identities, bounds, derivedCounts, derivedRates } = rulesOf(spec);
  const checked = identities.filter((id) => id.option !== 't4' || t4);
  for (const row of ex.rows) {
    // One cause, one finding: a stated total already found wrong by one identity is not
    // reported again by another (T1b and T4 both fail on a mistyped "Tổng số"). Made at the
    // first failure: most rows of a large sheet have none.
    let reported: Set<string> | null = null;
    for (const id of checked) {
      if (reported?.has(id.total)) continue;
      if (checkIdentity(spec, lt, row, id, push)) (reported ??= new Set<string>()).add(id.total);
    }
    for (const b of bounds) {
      if (!available(row, b.part) || !available(row, b.bound) || !row.has(b.part)) continue;
      const part = row.values[b.part];
      const bound = row.values[b.bound];
      if (part != null && bound != null && part > bound) {
        push({ code: 'part_exceeds_total', ...baseAt(lt, row, b.part), rule: b.id, header: headerOf(spec, b.part), boundHeader: headerOf(spec, b.bound), expected: bound, actual: part, related: relatedCells(row, [b.bound]) });
      }
    }
    for (const d of derivedCounts) {
      if (!row.has(d.key)) continue;
      const expected = row.values[d.key];
      const n = row.norm[d.key];
      if (expected != null && n && n.t === 'num' && usable(row, d.key) && n.value !== expected) {
        push({ code: 'derived_mismatch', ...baseAt(lt, row, d.key), header: headerOf(spec, d.key), formula: d.formula, expected, actual: n.value, related: relatedCells(row, ['duocGiao', 'coMat']), parts: partsOf(spec, row, ['duocGiao', 'coMat']) });
      }
    }
    for (const r of derivedRates) {
      if (!row.has(r.key)) continue;
      checkRateCell(spec, lt, row, r.key, row.norm[r.key]!, row.values[r.key] ?? null, r.numerator(row.values), r.denominator(row.values), push);
    }
  }
}

/** True when the identity failed (and was reported). */
function checkIdentity(spec: TableSpec, lt: LocatedTable, row: Row, id: Identity, push: Push): boolean {
  // Only a stated total is checked; a completed one is its parts' sum by construction.
  if (!row.has(id.total) || !usable(row, id.total)) return false;
  const stated = row.values[id.total];
  if (stated == null) return false;
  // The parts summed as partsAvailable lists them, without its array: every row of a large
  // sheet passes here, and the list is built only for the finding.
  let s = 0;
  for (const p of id.parts) {
    if (available(row, p)) {
      const v = row.values[p];
      if (v == null) return false;
      s += v;
    } else if (row.has(p) || !id.optionalParts?.includes(p)) return false;
  }
  s = roundNoise(s);
  if (s !== stated) {
    const present = partsAvailable(row, id)!;
    push({
      code: 'sum_mismatch',
      ...baseAt(lt, row, id.total),
      rule: id.id,
      expected: s,
      actual: stated,
      related: relatedCells(row, present),
      totalLabel: headerOf(spec, id.total),
      partLabels: present.map((p) => headerOf(spec, p)),
      parts: partsOf(spec, row, present),
    });
    return true;
  }
  return false;
}

export function checkRateCell(
  spec: TableSpec,
  lt: LocatedTable,
  row: Row,
  key: string,
  n: Norm,
  expected: number | null,
  numerator: number | null,
  denominator: number | null,
  push: Push,
): void {
  if (!usable(row, key)) return;
  const stated = readRate(n);
  if (!stated) return; // blank, or "không phát sinh" typed
  const related = relatedCells(row, key === 'tyLeDungHan' ? ['truocHan', 'dungHan', 'daGiaiQuyet'] : ['thucHien', 'keHoach']);
  if (expected == null) {
    if (denominator === 0 && stated.percent !== 0) {
      push({ code: 'rate_mismatch', ...baseAt(lt, row, key), header: headerOf(spec, key), numerator: numerator ?? 0, denominator: 0, decimals: stated.decimals, expected: 'không phát sinh', actual: stated.percent, related, ...rateParts(spec, row, key) });
    }
    return;
  }
  if (!rateMatches(stated, expected)) {
    const decimals = stated.decimals > 6 ? 2 : Math.max(stated.decimals, 2);
    push({ code: 'rate_mismatch', ...baseAt(lt, row, key), header: headerOf(spec, key), numerator: numerator ?? 0, denominator: denominator ?? 0, decimals, expected: roundTo(expected, decimals), actual: roundNoise(stated.percent), related, ...rateParts(spec, row, key) });
  }
}

/**
 * The figures a count's printed percentage may be a share of: the totals of the table's identities
 * the count is a part of, nearest first, then the totals those are parts of ("Trước hạn" of "Đã
 * giải quyết", then of "Tổng số hồ sơ nhận giải quyết").
 */
export function shareBases(spec: TableSpec, key: string): string[] {
  const out: string[] = [];
  for (let frontier = [key]; frontier.length; ) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const id of IDENTITIES) {
        if (id.table !== spec.name || !id.parts.includes(k) || id.total === key || out.includes(id.total)) continue;
        out.push(id.total);
        next.push(id.total);
      }
    }
    frontier = next;
  }
  return out;
}

interface ShareBase {
  label: string;
  cell?: string;
  value: number;
}

/**
 * The percentages printed beside counts (a group header over "Tổng | %": LocatedTable.shares).
 * The sheet does not say of what: each is taken as the count's share of any base the table allows
 * (shareBases, then the column's total: the totals row as stated and the sum of the data rows),
 * and reported only when none gives it at the decimals it was printed with. Precision first: a
 * percentage some reading explains is no finding.
 */
export function checkShares(spec: TableSpec, lt: LocatedTable, ex: Extracted, push: Push): void {
  const keys = Object.keys(lt.shares);
  if (!keys.length) return;
  const rows = [...ex.rows, ...ex.groups.map((g) => g.row), ...(ex.total ? [ex.total] : [])];
  for (const key of keys) {
    const baseKeys = shareBases(spec, key);
    const columnTotals: ShareBase[] = [];
    const stated = ex.total && available(ex.total, key) ? ex.total.values[key] : null;
    if (stated != null) columnTotals.push({ label: `tổng cộng của cột "${headerOf(spec, key)}"`, cell: ex.total!.cell(key)!, value: stated });
    const usableRows = ex.rows.filter((r) => available(r, key) && r.values[key] != null);
    if (usableRows.length === ex.rows.length && ex.rows.length) {
      const sum = roundNoise(usableRows.reduce((a, r) => a + r.values[key]!, 0));
      if (sum !== stated) columnTotals.push({ label: `tổng các dòng của cột "${headerOf(spec, key)}"`, value: sum });
    }
    for (const row of rows) {
      const n = row.shares?.[key];
      const rate = n && readRate(n);
      if (!rate || !available(row, key) || row.values[key] == null) continue;
      const count = row.values[key]!;
      const candidates: ShareBase[] = [];
      for (const b of baseKeys) {
        if (!available(row, b) || row.values[b] == null) continue;
        const cell = row.cell(b);
        const value = row.values[b]!;
        candidates.push({ label: headerOf(spec, b), ...(cell !== undefined ? { cell } : {}), value });
        // A base its own identity finds wrong (reported there) is also read as its parts' sum: a
        // portal computes its percentages from one or the other, and one slip is one finding.
        for (const id of IDENTITIES) {
          if (id.table !== spec.name || id.total !== b) continue;
          const parts = partsAvailable(row, id);
          if (!parts || parts.some((p) => row.values[p] == null)) continue;
          const sum = roundNoise(parts.reduce((a, p) => a + row.values[p]!, 0));
          if (sum !== value) candidates.push({ label: parts.map((p) => headerOf(spec, p).toLocaleLowerCase('vi')).join(' + '), value: sum });
        }
      }
      candidates.push(...columnTotals);
      if (!candidates.length) continue;
      const fits = (b: ShareBase) => (b.value === 0 ? rate.percent === 0 : rateMatches(rate, (count / b.value) * 100));
      if (candidates.some(fits)) continue;
      const [main, ...others] = [...candidates.filter((b) => b.value !== 0), ...candidates.filter((b) => b.value === 0)];
      const decimals = rate.decimals > 6 ? 2 : Math.max(rate.decimals, 2);
      const countCell = row.cell(key)!;
      const base = {
        code: 'rate_mismatch' as const,
        sheet: lt.sheet.name,
        cell: row.shareCell(key)!,
        table: spec.name,
        column: key,
        ...(row.label ? { rowLabel: row.label } : {}),
        header: shareHeader(spec, key),
        numerator: count,
        denominator: main!.value,
        decimals,
        actual: roundNoise(rate.percent),
        related: [countCell, ...(main!.cell ? [main!.cell] : [])],
        numeratorParts: [{ label: headerOf(spec, key), cell: countCell, value: count }],
        ...(main!.cell ? { denominatorPart: { label: main!.label, cell: main!.cell, value: main!.value } } : {}),
      };
      if (main!.value === 0) {
        push({ ...base, expected: 'không phát sinh' });
        continue;
      }
      const tried = [main!, ...others.filter((b) => b.value !== 0)].map((b) => ({ label: b.label, ...(b.cell ? { cell: b.cell } : {}), value: b.value, percent: roundTo((count / b.value) * 100, decimals) }));
      push({ ...base, expected: tried[0]!.percent, bases: tried });
    }
  }
}
