import { foldText } from './text';

/**
 * How a row's label is matched: against the options of an enum column, and loosely between units'
 * workbooks. Pure and table-free, so table modules, checks and the consolidation share them.
 */

/** Accepts an option by its folded start ("Hợp đồng 68" is "Hợp đồng", "HĐ" too). */
export function matchOption(text: string, options: readonly string[]): string | null {
  const f = foldText(text);
  for (const o of options) {
    const fo = foldText(o);
    if (f === fo || f.startsWith(fo)) return o;
  }
  if (options.includes('Hợp đồng') && /^hd\b|^hop dong/.test(f)) return 'Hợp đồng';
  if (options.includes('Phản ánh, kiến nghị') && /(phan anh|kien nghi|don thu)/.test(f)) return 'Phản ánh, kiến nghị';
  if (options.includes('Cơ quan, đơn vị') && /^(co quan|don vi|tap the)/.test(f)) return 'Cơ quan, đơn vị';
  if (options.includes('Người dân, tổ chức (TTHC)') && /(nguoi dan|to chuc|tthc)/.test(f)) return 'Người dân, tổ chức (TTHC)';
  return null;
}

/** "1. Lĩnh vực Dược phẩm" and "Dược phẩm" name the same lĩnh vực. */
export function looseName(label: string): string {
  return foldText(label)
    .replace(/^([ivx]{1,4}|[a-z]|\d{1,2})[.)]\s*/, '')
    .replace(/^(linh vuc|nganh)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A row's key among units' rows: its option where it names one, else its loose name ("" for none). */
export function optionKey(text: string | null | undefined, options: readonly string[]): string {
  return text ? (matchOption(text, options) ?? looseName(text)) : '';
}
