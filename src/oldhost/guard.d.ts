/** Which page the guard is in: what it shows (or, for the ribbon commands, what it registers). */
export type GuardPage = 'pane' | 'commands' | 'standalone';

/** Shows the old-host notice and returns true when this engine cannot run the bundles. */
export function cchcOldHostGuard(page: GuardPage): boolean;

declare global {
  interface Window {
    /** Set by the guard when it has shown the old-host notice: the bundles then leave the page alone. */
    __cchcOldHost?: boolean;
  }
}
