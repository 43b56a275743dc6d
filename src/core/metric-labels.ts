import { formatNumber, formatPercent } from './numbers';
import { KHONG_PHAT_SINH } from './calculators';
import { TABLES, allColumns, type TableModule } from './tables';
import { metricKey, parseMetricKey } from './metric-key';
import { REPORT_ORDER } from './narrative/tags';
import { placeTable } from './narrative/places';
import type { CheckReport } from './report';
import { computedPercent, ownDecimals } from './narrative/style';

/**
 * Vietnamese names for the keys of CheckReport.metrics ("tthc.tyLeDungHan",
 * "haiLong.nguoi-benh-noi-tru.haiLongChung"…), taken from the contract's headers so a column is
 * named the same in the workbook and in the pane, and from each table's names for its rows and
 * indicators. A key not understood still shows, under its own
 * name, so no indicator is ever hidden.
 */

export interface MetricLine {
  key: string;
  group: string;
  label: string;
  value: number | null;
  text: string;
}

// Group titles, the labels of indicators that are not a column, and the names of rows and
// indicators come from each table's module (src/core/tables/<table>.ts, `metrics`).
const GROUPS: ReadonlyMap<string, TableModule> = new Map(TABLES.map((t) => [t.metrics.prefix, t]));
const OTHER = 'Khác';

const SPECIAL: Record<string, string> = Object.fromEntries(TABLES.flatMap((t) => Object.entries(t.metrics.labels ?? {}).map(([k, v]) => [metricKey(t.metrics.prefix, k), v])));

/** The order the panes and the CLI list the groups in: the report template's (narrative/tags.ts REPORT_ORDER). */
const GROUP_ORDER: readonly string[] = REPORT_ORDER.map((tag) => placeTable(tag).metrics.prefix);

function header(table: TableModule | undefined, key: string): string | null {
  if (!table) return null;
  const h = allColumns(table).find((c) => c.key === key)?.header;
  return h ? h.replace(/\s*\(%\)$/, '') : null;
}

export function isPercentMetric(key: string): boolean {
  const k = parseMetricKey(key);
  const last = k?.indicator ?? key.slice(key.lastIndexOf('.') + 1);
  return /^tyLe/.test(last) || (!!k && !!GROUPS.get(k.prefix)?.metrics.percent?.(last));
}

/**
 * An indicator as the report's paragraphs print it (docs/style.md §2): a rate the workbook states
 * with the decimals of its place, computed from all of `metrics` (the report's; without them, the
 * value's own, at most two); a computed rate whole or at one decimal.
 */
export function formatMetric(key: string, value: number | null, metrics?: Readonly<Record<string, number | null>>): string {
  if (value == null) return KHONG_PHAT_SINH;
  const k = parseMetricKey(key);
  const spec = k ? GROUPS.get(k.prefix)?.metrics : undefined;
  const decimals = k ? spec?.decimals?.(k.indicator) : undefined;
  if (decimals !== undefined) return formatNumber(value, decimals);
  if (k && spec?.ownRates?.is(k.indicator)) return formatPercent(value, metrics ? spec.ownRates.decimals(metrics) : ownDecimals([value]));
  return isPercentMetric(key) ? computedPercent(value) : formatNumber(value);
}

/** A null indicator its table could not compute (a column missing) says so, not "không phát sinh". */
function unknownWhy(key: string, report?: Pick<CheckReport, 'data'>): string | null {
  const k = parseMetricKey(key);
  const table = k && k.row === null ? GROUPS.get(k.prefix) : undefined;
  if (!k || !table?.metrics.unknown || !report) return null;
  return table.metrics.unknown(k.indicator, report.data.tables[table.name]);
}

export function metricLabel(key: string, report?: Pick<CheckReport, 'data'>): string {
  if (SPECIAL[key]) return SPECIAL[key];
  const k = parseMetricKey(key);
  const table = k ? GROUPS.get(k.prefix) : undefined;
  if (!k || !table) return key;
  if (k.row === null) return header(table, k.indicator) ?? key;
  const m = table.metrics;
  if (!m.rowName) return key;
  const what = m.indicatorName?.(k.indicator, (x) => header(table, x)) ?? k.indicator;
  return `${m.rowName(k.row, report)}: ${what}`;
}

export function metricLines(metrics: Record<string, number | null>, report?: Pick<CheckReport, 'data'>): MetricLine[] {
  const order = GROUP_ORDER;
  const rank = (k: string) => {
    const i = order.indexOf(k.split('.')[0]!);
    return i < 0 ? order.length : i;
  };
  // Stable sort: within a group the engine's order is kept.
  return Object.keys(metrics)
    .map((key, i) => ({ key, i }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
    .map(({ key }) => {
      const value = metrics[key] ?? null;
      return { key, group: GROUPS.get(key.split('.')[0]!)?.metrics.title ?? OTHER, label: metricLabel(key, report), value, text: (value == null && unknownWhy(key, report)) || formatMetric(key, value, metrics) };
    });
}

export function isMainMetric(key: string): boolean {
  const k = parseMetricKey(key);
  return !!k && !!GROUPS.get(k.prefix)?.metrics.main?.includes(k.indicator);
}

/** The indicators as plain text, one per line under their group, ready to paste into a draft. */
export function metricsAsText(lines: readonly MetricLine[]): string {
  const out: string[] = [];
  let group = '';
  for (const l of lines) {
    if (l.group !== group) {
      if (out.length) out.push('');
      out.push(`${l.group}:`);
      group = l.group;
    }
    out.push(`- ${l.label}: ${l.text}`);
  }
  return out.join('\n');
}
