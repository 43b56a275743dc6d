/** "'Thông tin'!$C$2" → sheet and cell; null for ranges, several areas, formulas, #REF!. */
export function singleCellRef(text: string): { sheet: string; cell: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!:,()\s]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return null;
  if (m[5] && (m[5] !== m[3] || m[6] !== m[4])) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, cell: `${m[3]}${m[4]}` };
}
