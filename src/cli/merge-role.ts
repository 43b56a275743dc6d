/**
 * What a merge worker thread is told it is (src/cli/merge.ts starts workers on the CLI's own bundle):
 * a module of its own so that src/cli/main.ts can tell a worker at start without loading merge.
 */
export const MERGE_WORKER = 'cchc-merge-worker';
