/**
 * What the checks hand to the narrative, the panes and `--json`: each table's rows and sums, and
 * the indicators computed from them (percent, null = "không phát sinh").
 */
import type { TableSpec } from '../contract';
import { TABLES, allColumns } from '../tables';
import { roundNoise } from '../calculators';
import type { Extracted, Row } from '../extract';
import type { LocatedTable } from '../locate';
import type { DataRow, ExtractedData, TableData } from '../report';
import { isDerived } from './rows';

export function toTableData(spec: TableSpec, lt: LocatedTable, ex: Extracted): TableData {
  // The checker's rows are DataRows already (addresses computed on demand): no copies.
  const plain = (r: Row): DataRow => r;
  const sums: Record<string, number | null> = {};
  const columns = new Set(Object.keys(lt.col));
  for (const c of allColumns(spec)) {
    if (c.kind === 'text' || c.kind === 'enum') continue;
    // A total the layout lacks but its parts give (the one-stop exports' "Đã xử lý") counts too.
    if (lt.col[c.key] === undefined && !(ex.rows.length && ex.rows.every((r) => isDerived(r, c.key)))) continue;
    columns.add(c.key);
    if (c.kind === 'rate' || c.kind === 'derivedRate') continue;
    let s = 0;
    let any = false;
    for (const r of ex.rows) {
      const v = r.values[c.key];
      if (v != null && !r.invalid.has(c.key)) {
        s += v;
        any = true;
      }
    }
    sums[c.key] = any ? roundNoise(s) : null;
  }
  const out: TableData = { name: spec.name, sheet: lt.sheet.name, rows: ex.rows.map(plain), sums, columns: [...columns] };
  if (ex.total) out.total = plain(ex.total);
  return out;
}

/** Every table's indicators, in the order of TABLES (each table module's `metrics.compute`). */
export function computeMetrics(data: ExtractedData): Record<string, number | null> {
  const m: Record<string, number | null> = {};
  for (const t of TABLES) {
    const table = data.tables[t.name];
    if (table) Object.assign(m, t.metrics.compute(table));
  }
  return m;
}
