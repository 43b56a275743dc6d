// No imports: the panes' first chunk formats dates without pulling in the contract.

/**
 * The one date format of the product, NĐ 30/2020/NĐ-CP: a day under 10 and the months 1 and 2
 * take a leading zero ("05/02/2023", "15/6/2022", "14/3/2023"), as the seeds write "02/8/2022"
 * and "10/02/2022". `formal` gives "ngày 05 tháng 02 năm 2023".
 */
export function formatDate(isoDate: string, style: 'short' | 'formal' = 'short'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return style === 'formal' ? `ngày ${dd} tháng ${mm} năm ${y}` : `${dd}/${mm}/${y}`;
}

/** The ISO date `days` days after (or before, when negative) an ISO date, in UTC. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
