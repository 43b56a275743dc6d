/**
 * The JSON of `cchc check --json`, apart from the text output (format.ts): it is checked against the
 * contract's zod schema, and the command line imports this module only when --json is asked for,
 * so a plain `cchc check` does not load zod at start.
 */
import type { CheckReport } from '../core/report';
import { formatNumber } from '../core/format';
import { checkJson, type CheckJson } from '../core/schemas';

/** The contract JSON of `check --json` (section 3 of the contract). */
export function reportJson(report: CheckReport, file: string): CheckJson {
  const p = report.period;
  // Parsed against the contract's schema, so a shape slip is a bug caught here, not downstream.
  return checkJson.parse({
    contract: report.contract,
    file,
    period: p ? { kind: p.kind, year: p.year, from: p.from, to: p.to, regime: p.regime } : null,
    summary: report.summary,
    issues: report.issues.map((f) => ({ ...f, ...jsonValue('expected', f.expected), ...jsonValue('actual', f.actual) })),
    metrics: Object.fromEntries(Object.entries(report.metrics).map(([k, v]) => [k, v == null ? null : cleanNumber(v)])),
    ...(report.recognized ? { recognized: report.recognized } : {}),
  });
}

/**
 * A number as JSON may carry it: JSON has no Infinity or NaN (they would print as null, and the
 * schema refuses them), and binary noise (84.39999999999999) is cut at the 15 significant digits
 * Excel keeps.
 */
export function cleanNumber(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  const r = Number(v.toPrecision(15));
  // Rounding the largest doubles up to 15 digits overflows (1.7976931348623157e308 → Infinity).
  return Number.isFinite(r) ? r : v;
}

function jsonValue(key: 'expected' | 'actual', v: number | string | undefined): Record<string, number | string> {
  if (v === undefined) return {};
  if (typeof v === 'string') return { [key]: v };
  const n = cleanNumber(v);
  return { [key]: n ?? formatNumber(v) };
}
