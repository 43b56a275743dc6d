import type { CheckReport } from '../report';

/**
 * A fingerprint of the figures a narrative is built from, to tell later whether a document's text
 * is stale. FNV-1a (64-bit) over a canonical JSON: a dozen lines, pure, synchronous and identical
 * in Node and in the Office webview, which is why no hashing library (crypto.subtle is async and
 * absent from the core's allowed APIs; a package would add weight for no gain).
 */
export function figuresFingerprint(report: CheckReport): string {
  const tables: Record<string, unknown> = {};
  for (const name of Object.keys(report.data.tables).sort()) {
    const t = report.data.tables[name as keyof typeof report.data.tables];
    if (!t) continue;
    tables[name] = {
      rows: t.rows.map((r) => [r.label, sorted(r.values), sorted(r.text)]),
      total: t.total ? sorted(t.total.values) : null,
    };
  }
  const p = report.period;
  const canonical = JSON.stringify({
    unit: report.data.unit,
    period: p ? [p.kind, p.year, p.from, p.to] : null,
    tables,
  });
  return fnv1a64(canonical);
}

function sorted<T>(o: Record<string, T>): [string, T][] {
  return Object.keys(o)
    .sort()
    .map((k) => [k, o[k]!]);
}

/** FNV-1a over the UTF-16 code units, 64-bit, as 16 hex digits. */
export function fnv1a64(s: string): string {
  const MASK = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}
