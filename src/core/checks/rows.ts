/**
 * Checks inside one row: the identities (T1–T4, DM1, PA1, XL1), derived thiếu/dư, derived rates,
 * bounds. `normaliseRows` runs first and alone writes to the rows (derived values, missing totals
 * of local layouts); the checks after it only read.
 */
import type { TableSpec } from '../contract';
import { readRate, type Norm } from '../cells';
import { roundNoise } from '../calculators';
import { headerOf, type Extracted, type Row } from '../extract';
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
  return (row.cell(key) !== undefined && usable(row, key)) || isDerived(row, key);
}

function partsAvailable(row: Row, id: Identity): string[] | null {
  const present: string[] = [];
  for (const p of id.parts) {
    if (available(row, p)) present.push(p);
    else if (row.cell(p) !== undefined) return null; // a bad cell: its own finding says why
    else if (!id.optionalParts?.includes(p)) return null;
  }
  return present;
}

/** Completes each row: missing totals of local layouts from their parts, derived counts and rates. */
export function normaliseRows(spec: TableSpec, ex: Extracted): void {
  const all = [...ex.rows, ...ex.groups.map((g) => g.row), ...(ex.total ? [ex.total] : [])];
  const complete = (row: Row, key: string, value: number) => {
    row.values[key] = roundNoise(value);
    let set = derivedKeys.get(row);
    if (!set) derivedKeys.set(row, (set = new Set()));
    set.add(key);
  };
  for (const row of all) {
    for (const id of IDENTITIES) {
      if (id.table !== spec.name) continue;
      if (id.derive && row.cell(id.total) === undefined) {
        const parts = partsAvailable(row, id);
        if (!parts || parts.some((p) => row.values[p] == null)) continue;
        complete(row, id.total, parts.reduce((a, p) => a + row.values[p]!, 0));
      } else if (id.solve && available(row, id.total) && row.values[id.total] != null) {
        const absent = id.parts.filter((p) => !available(row, p) && row.cell(p) === undefined);
        const others = id.parts.filter((p) => !absent.includes(p));
        if (absent.length !== 1 || others.some((p) => !available(row, p) || row.values[p] == null)) continue;
        const rest = row.values[id.total]! - others.reduce((a, p) => a + row.values[p]!, 0);
        if (rest >= 0) complete(row, absent[0]!, rest);
      }
    }
  }
  for (const row of ex.rows) {
    for (const d of DERIVED_COUNTS) {
      if (d.table !== spec.name) continue;
      const expected = d.compute(row.values);
      const n = row.norm[d.key];
      row.stated ??= {};
      row.stated[d.key] = n && n.t === 'num' && usable(row, d.key) ? n.value : expected;
      row.values[d.key] = expected;
    }
    for (const r of DERIVED_RATES) {
      if (r.table !== spec.name || row.cell(r.key) === undefined) continue;
      row.values[r.key] = derivedRateValue(r, row.values);
    }
  }
}

export function checkRows(spec: TableSpec, lt: LocatedTable, ex: Extracted, t4: boolean, push: Push): void {
  for (const row of ex.rows) {
    // One cause, one finding: a stated total already found wrong by one identity is not
    // reported again by another (T1b and T4 both fail on a mistyped "Tổng số").
    const reported = new Set<string>();
    for (const id of IDENTITIES) {
      if (id.table !== spec.name || (id.option === 't4' && !t4) || reported.has(id.total)) continue;
      if (checkIdentity(spec, lt, row, id, push)) reported.add(id.total);
    }
    for (const b of BOUNDS) {
      if (b.table !== spec.name || !available(row, b.part) || !available(row, b.bound) || row.cell(b.part) === undefined) continue;
      const part = row.values[b.part];
      const bound = row.values[b.bound];
      if (part != null && bound != null && part > bound) {
        push({ code: 'part_exceeds_total', ...baseAt(lt, row, b.part), rule: b.id, header: headerOf(spec, b.part), boundHeader: headerOf(spec, b.bound), expected: bound, actual: part, related: relatedCells(row, [b.bound]) });
      }
    }
    for (const d of DERIVED_COUNTS) {
      if (d.table !== spec.name || row.cell(d.key) === undefined) continue;
      const expected = row.values[d.key];
      const n = row.norm[d.key];
      if (expected != null && n && n.t === 'num' && usable(row, d.key) && n.value !== expected) {
        push({ code: 'derived_mismatch', ...baseAt(lt, row, d.key), header: headerOf(spec, d.key), formula: d.formula, expected, actual: n.value, related: relatedCells(row, ['duocGiao', 'coMat']), parts: partsOf(spec, row, ['duocGiao', 'coMat']) });
      }
    }
    for (const r of DERIVED_RATES) {
      if (r.table !== spec.name || row.cell(r.key) === undefined) continue;
      checkRateCell(spec, lt, row, r.key, row.norm[r.key]!, row.values[r.key] ?? null, r.numerator(row.values), r.denominator(row.values), push);
    }
  }
}

/** True when the identity failed (and was reported). */
function checkIdentity(spec: TableSpec, lt: LocatedTable, row: Row, id: Identity, push: Push): boolean {
  // Only a stated total is checked; a completed one is its parts' sum by construction.
  if (row.cell(id.total) === undefined || !usable(row, id.total)) return false;
  const stated = row.values[id.total];
  if (stated == null) return false;
  const present = partsAvailable(row, id);
  if (!present) return false;
  let s = 0;
  for (const p of present) {
    const v = row.values[p];
    if (v == null) return false;
    s += v;
  }
  s = roundNoise(s);
  if (s !== stated) {
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
