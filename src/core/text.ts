/**
 * Header and label comparison. Headers are compared after NFC, trimming, collapsing spaces and
 * case folding; `foldText` also drops diacritics so "Duoc giao" matches "Được giao".
 */

const ASCII = /^[\x20-\x7e]*$/;

/** NFC only where needed: most cells are plain ASCII digits, and normalize() is not free. */
export function nfc(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFC');
}

// Row keys (a lĩnh vực, a unit with its loại and tuyến) are normalised once per row for the
// duplicates check, and again each time the same workbook is checked: remembered like foldText.
const normCache = new Map<string, string>();
const NORM_CACHE_MAX = 20000;

// Vietnamese has no locale-specific case mappings, so the plain lower-casing is the right one.
function normalized(s: string): string {
  return nfc(s).replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

export function normalizeText(s: string): string {
  const hit = normCache.get(s);
  if (hit !== undefined) return hit;
  const n = normalized(s);
  if (normCache.size >= NORM_CACHE_MAX) normCache.clear();
  normCache.set(s, n);
  return n;
}

// Labels repeat thousands of times in a large sheet ("Viên chức", "Tỉnh"); folding is memoised.
const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 20000;

/** Case, spacing and diacritic-insensitive key ("Được giao" → "duoc giao"). */
export function foldText(s: string): string {
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  const folded = normalized(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
  foldCache.set(s, folded);
  return folded;
}

/**
 * Key for header matching: folded, with the Biểu 06 column numbers officers add ("Trực tuyến (4)")
 * and line breaks removed, and "%" kept, since "Tỷ lệ (%)" differs from "Tỷ lệ".
 */
export function headerKey(s: string): string {
  return foldText(s.replace(/\(\s*\d{1,2}\s*\)\s*$/, '').replace(/[*:]+$/g, ''));
}

/** Metric key part for a row label ("Người bệnh nội trú" → "nguoi-benh-noi-tru"). */
export function slug(label: string): string {
  return foldText(label).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
