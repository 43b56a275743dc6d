/**
 * Work on many cells sent in several requests, each under Excel on the web's payload limit.
 *
 * Excel on the web takes at most 5 MB per request and per response, and refuses a larger request
 * as a whole ("Resource limits and performance optimization for Office Add-ins",
 * learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 * thousands of flagged cells coloured in one `context.sync()` would fail together, and every
 * highlight with them. Microsoft's advice is to check the size before syncing and split the work
 * into several syncs; this module does that for the highlights (src/excel/actions.ts).
 *
 * What a request weighs: its calls, its objects and the length of its values
 * (learn.microsoft.com/office/dev/add-ins/excel/performance, "Payload size"). The same page
 * measures it: 10 000 single-cell writes (one range object and one call each) in one sync are over
 * the limit, 5 000 are not, so one object and one call together weigh at most about 1 040 bytes.
 * Each object and each call is counted here at 520 bytes, half of that, so a pair is estimated at
 * the most it can weigh; the JSON of the values is added as it is. A request is closed at 2 MiB,
 * under half the limit: an estimate off by a factor two still passes. Responses are estimated the
 * same way (what each read returns) and closed at 2 MiB too.
 */

/** Estimated weight of one object or one call in a request (see above). */
export const BYTES_PER_UNIT = 520;
/** Where a request (or its response) is closed. */
export const REQUEST_BUDGET = 2 * 1024 * 1024;

export interface Cost {
  /** Objects the work creates (worksheet, range, name, collection…) and calls it makes (a method, a property set, a load). */
  units: number;
  /** Length of the values it sends (JSON). */
  value?: number;
  /** Estimated length of what it reads back. */
  response?: number;
}

/** Two pieces of work queued together. */
export function sum(a: Cost, b: Cost): Cost {
  return { units: a.units + b.units, value: (a.value ?? 0) + (b.value ?? 0), response: (a.response ?? 0) + (b.response ?? 0) };
}

export function requestBytes(c: Cost): number {
  return c.units * BYTES_PER_UNIT + (c.value ?? 0);
}

/**
 * Queues work into the current request until the next piece would take it over the budget, then
 * syncs. Work is queued in order and syncs fall between pieces, never inside one; a piece larger
 * than the budget goes alone. `syncs` counts the requests sent, `sent` those that went through.
 */
export class Batches {
  private request = 0;
  private response = 0;
  syncs = 0;
  sent = 0;

  constructor(private readonly ctx: { sync(): Promise<void> }) {}

  /** Makes room for a piece of work costing `c` (syncing what is queued when it would not fit), then counts it. */
  async room(c: Cost): Promise<void> {
    const req = requestBytes(c);
    const res = c.response ?? 0;
    if ((this.request || this.response) && (this.request + req > REQUEST_BUDGET || this.response + res > REQUEST_BUDGET)) await this.flush();
    this.request += req;
    this.response += res;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (!this.request && !this.response) return;
    this.request = 0;
    this.response = 0;
    this.syncs++;
    await this.ctx.sync();
    this.sent++;
  }
}
