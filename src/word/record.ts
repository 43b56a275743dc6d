import { RECORD_PROPS, tidyRecord, type FillRecord } from '../core/narrative/record';

/**
 * The fill record lives in custom document properties with the names the Node filler
 * (src/docx/fill.ts) writes, so a report filled by `cchc report` is recognised by the add-in and
 * the other way round. One property per field: desktop Word cuts string values at 255 characters.
 */
export { RECORD_PROPS };

/** Document settings key used where custom properties are unavailable (WordApi < 1.3). */
export const RECORD_SETTING = 'cchc.fillRecord';

export const MAX_PROPERTY_LENGTH = 255;

export function recordFromProperties(values: ReadonlyMap<string, string>): FillRecord | null {
  const lower = new Map([...values].map(([k, v]) => [k.toLowerCase(), v]));
  if (!lower.get('cchc.dauvantay')) return null;
  const rec = {} as FillRecord;
  for (const [key, prop] of RECORD_PROPS) rec[key] = lower.get(prop.toLowerCase()) ?? '';
  return tidyRecord(rec);
}

export function recordFromSetting(v: unknown): FillRecord | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.fingerprint !== 'string' || !o.fingerprint) return null;
  const rec = {} as FillRecord;
  for (const [key] of RECORD_PROPS) rec[key] = typeof o[key] === 'string' ? o[key] : '';
  return tidyRecord(rec);
}

export function clip(s: string | undefined): string {
  if (s == null) return '';
  return s.length > MAX_PROPERTY_LENGTH ? s.slice(0, MAX_PROPERTY_LENGTH) : s;
}

/**
 * Which fill each place holds: one custom property per tagged place ("CCHC.ViTri.cchc:tthc"),
 * written in the fill's batch right after that place, with the figures' fingerprint and period.
 * A fill Word stopped part-way is then told place by place (src/word/actions.ts, partialFill).
 */
export function placeProperty(tag: string): string {
  return clip(`CCHC.ViTri.${tag}`);
}

export function placeStamp(record: FillRecord): string {
  return clip(`${record.fingerprint} · ${record.period}`);
}
