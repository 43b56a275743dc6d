// Dates are printed by format.ts (formatDate, re-exported here for code written before the move).

/** The ISO date `days` days after (or before, when negative) an ISO date, in UTC. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
