/** What formulas.ts and formula-eval.ts share: which cells lack a value, and the count returned. */
import type { Cell } from '../core/model';

export interface FormulaSummary {
  computed: number;
  uncomputed: number;
}

export function needsValue(c: Cell | undefined): c is Cell & { f: string } {
  return !!c && !!c.f && c.v == null && !c.e && !c.uncomputed && !c.computed;
}
