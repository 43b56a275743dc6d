/**
 * Header and label comparison. Headers are compared after NFC, trimming, collapsing spaces and
 * case folding; `foldText` also drops diacritics so "Duoc giao" matches "Được giao".
 */

export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** Case, spacing and diacritic-insensitive key ("Được giao" → "duoc giao"). */
export function foldText(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/**
 * Key for header matching: folded, with the Biểu 06 column numbers officers add ("Trực tuyến (4)")
 * and line breaks removed, and "%" kept, since "Tỷ lệ (%)" differs from "Tỷ lệ".
 */
export function headerKey(s: string): string {
  return foldText(s.replace(/\(\s*\d{1,2}\s*\)\s*$/, '').replace(/[*:]+$/g, ''));
}
