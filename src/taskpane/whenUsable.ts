import { useEffect } from 'react';

/**
 * Starts `work` once the page is drawn and its button can be pressed: in a task after the commit
 * that drew it, so the browser fetches the page's first chunk alone before it is usable and what
 * comes next (the check engine, the results' components) right after. A click that comes sooner
 * waits for what it needs. bench/frontend.ts measures the bytes of both moments.
 */
export function whenUsable(work: () => void): () => void {
  const t = setTimeout(work, 0);
  return () => clearTimeout(t);
}

/** whenUsable for a component's first commit. */
export function useWhenUsable(work: () => void): void {
  // Once, on the first commit: `work` is a prefetch, not something to redo when props change.
  useEffect(() => whenUsable(work), []);
}
