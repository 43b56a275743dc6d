import type { ColumnSpec, TableSpec } from './contract';
import { cellText, normalizeCell, type Norm } from './cells';
import type { Draft } from './findings';
import { isTotalLabel, rowBlank, type LocatedTable } from './locate';
import { toA1 } from './model';
import type { DataRow } from './report';
import { foldText } from './text';

/**
 * Turns a located table into rows of figures, reporting each unusable cell once. A cell with a
 * value finding is marked invalid so that no identity or total built on it reports again: one
 * cause, one finding.
 */
export interface Row extends DataRow {
  norm: Record<string, Norm>;
  invalid: Set<string>;
  /** Derived cells as the sheet states them (typed or cached), for totals that sum what is shown. */
  stated?: Record<string, number | null>;
}

export interface Extracted {
  rows: Row[];
  total?: Row;
}

/** "I. Cấp tỉnh", "A. Lĩnh vực dược": group headings inside Biểu 06, not data rows. */
const HEADING = /^([IVX]{1,4}|[A-Z]|\d{1,2})[.)]\s+\S/;

const NOT_APPLICABLE = new Set(['khong phat sinh', 'kps', 'k/p/s', 'x', 'n/a']);

export function extractTable(lt: LocatedTable, push: (d: Draft) => void): Extracted {
  const spec = lt.spec;
  const rows: Row[] = [];
  for (const r of lt.dataRows) {
    if (rowBlank(lt, r)) continue;
    const labelCol = lt.col[spec.labelKey];
    const label = labelCol === undefined ? '' : cellText(lt.sheet.rows[r]?.[labelCol]);
    if (isHeadingRow(lt, r, label)) continue;
    // A typed total row in the middle of a table found by name.
    if (isTotalLabel(label) && lt.totalRow === undefined && r === lt.dataRows[lt.dataRows.length - 1]) continue;
    rows.push(readRow(lt, r, label, false, push));
  }
  const out: Extracted = { rows };
  if (lt.totalRow !== undefined) {
    const labelCol = lt.col[spec.labelKey];
    const label = labelCol === undefined ? 'Tổng cộng' : cellText(lt.sheet.rows[lt.totalRow]?.[labelCol]) || 'Tổng cộng';
    out.total = readRow(lt, lt.totalRow, label, true, push);
  }
  return out;
}

function isHeadingRow(lt: LocatedTable, r: number, label: string): boolean {
  if (!HEADING.test(label)) return false;
  const cells = lt.sheet.rows[r] ?? [];
  return Object.entries(lt.col).every(([key, c]) => key === lt.spec.labelKey || normalizeCell(cells[c]).t === 'blank');
}

function readRow(lt: LocatedTable, r: number, label: string, isTotal: boolean, push: (d: Draft) => void): Row {
  const row: Row = { sheetRow: r + 1, label, values: {}, text: {}, cells: {}, norm: {}, invalid: new Set() };
  const cells = lt.sheet.rows[r] ?? [];
  for (const col of lt.spec.columns) {
    const c = lt.col[col.key];
    if (c === undefined) continue;
    const a1 = toA1({ row: r, col: c });
    row.cells[col.key] = a1;
    const n = normalizeCell(cells[c]);
    row.norm[col.key] = n;
    const base = {
      severity: 'error' as const,
      sheet: lt.sheet.name,
      cell: a1,
      table: lt.spec.name,
      column: col.key,
      header: col.header,
      ...(label ? { rowLabel: label } : {}),
    };
    const bad = (d: Draft) => {
      row.invalid.add(col.key);
      push(d);
    };
    if (col.kind === 'text' || col.kind === 'enum') {
      row.text[col.key] = n.t === 'blank' ? null : cellText(cells[c]);
      if (n.t === 'blank' && col.required && !isTotal) bad({ ...base, code: 'missing_value' });
      continue;
    }
    row.values[col.key] = null;
    switch (n.t) {
      case 'blank':
        if (col.required && !isTotal && col.kind === 'count') bad({ ...base, code: 'missing_value' });
        break;
      case 'error':
        bad({ ...base, code: 'error_value', errorText: n.error, actual: n.error });
        break;
      case 'text':
        if (isRateLike(col) && NOT_APPLICABLE.has(foldText(n.text))) break;
        bad({ ...base, code: 'not_a_number', actual: n.text });
        break;
      case 'num':
        if (col.kind === 'count' || col.kind === 'derivedCount') {
          if (n.value < 0) {
            bad({ ...base, code: 'negative_count', actual: n.value });
            break;
          }
          if (!Number.isInteger(n.value)) {
            bad({ ...base, code: 'fractional_count', actual: n.value });
            break;
          }
        }
        row.values[col.key] = n.value;
        if (n.text !== undefined && /\d/.test(n.text) && !/^\d+$/.test(n.text) && col.kind === 'count') {
          push({ ...base, severity: 'info', code: 'text_number', text: n.text, actual: n.value });
        }
        break;
    }
  }
  return row;
}

function isRateLike(col: ColumnSpec): boolean {
  return col.kind === 'rate' || col.kind === 'derivedRate';
}

export function headerOf(spec: TableSpec, key: string): string {
  return spec.columns.find((c) => c.key === key)?.header ?? key;
}
