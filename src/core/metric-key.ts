import type { MetricPrefix } from './contract';
import { slug } from './text';

/**
 * The one grammar of the keys of CheckReport.metrics: "<table prefix>.<indicator>" for a table's
 * indicator ("tthc.tyLeDungHan"), "<table prefix>.<row slug>.<indicator>" for a row's
 * ("bienChe.cong-chuc.duocGiao", "haiLong.nguoi-benh-noi-tru.haiLongA"). Every key is made by
 * `metricKey` and read by `parseMetricKey`; the prefixes are the tables' (contract MetricPrefix).
 */

/** A table's indicator, or a row's when `row` is given (its label or slug; slugged here). */
export function metricKey(prefix: MetricPrefix, indicator: string, row?: string): string {
  return row === undefined ? `${prefix}.${indicator}` : `${prefix}.${slug(row)}.${indicator}`;
}

export interface MetricKeyParts {
  prefix: string;
  /** The row's slug, or null for a table's indicator. */
  row: string | null;
  indicator: string;
}

/** The parts of a key; null for a key of no known shape. */
export function parseMetricKey(key: string): MetricKeyParts | null {
  const parts = key.split('.');
  if (parts.some((p) => !p)) return null;
  if (parts.length === 2) return { prefix: parts[0]!, row: null, indicator: parts[1]! };
  if (parts.length === 3) return { prefix: parts[0]!, row: parts[1]!, indicator: parts[2]! };
  return null;
}
