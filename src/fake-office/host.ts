/**
 * What the fake Excel and Word hosts share: Office's error shape, requirement sets, document
 * settings with saved/live copies, change listeners for the playground views, the `run` wrapper
 * that sends what is still queued when a batch ends, and installing the globals.
 */

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

export function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Office's load() arguments: "a,b", ["a","b"], or { select, expand }. */
export function parseLoad(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => parseLoad(p));
  if (typeof props === 'object' && props) {
    const o = props as { select?: string | string[]; expand?: string | string[] };
    return [...parseLoad(o.select), ...parseLoad(o.expand)];
  }
  return [];
}

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d > 0;
  }
  return true;
}

export const ERROR_CODES = {
  itemNotFound: 'ItemNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  accessDenied: 'AccessDenied',
} as const;

/** `Excel.run` / `Word.run`: Office sends whatever is still queued when the batch ends, a round trip too. */
export function runner<C extends { queue: unknown[]; sync(): Promise<void> }>(create: () => C) {
  return async <T>(batch: (context: C) => Promise<T>): Promise<T> => {
    const ctx = create();
    const result = await batch(ctx);
    if (ctx.queue.length) await ctx.sync();
    return result;
  };
}

type SaveCallback = (r: { status: string; value?: unknown; error?: unknown }) => void;

export abstract class FakeHost<S> {
  /** Number of context.sync() calls, failed ones included. */
  roundTrips = 0;
  /** Document settings as saved in the file (after saveAsync). */
  savedSettings: Record<string, unknown>;
  /** Settings as the add-in sees them in memory (before saveAsync). */
  liveSettings: Record<string, unknown>;
  settingsSaves = 0;
  /** Makes the next settings.saveAsync report a failure. */
  pendingSettingsFailure: string | null = null;
  protected version = 0;
  private readonly listeners = new Set<(s: S) => void>();

  constructor(
    private readonly apiSets: Record<string, string>,
    settings: Record<string, unknown> = {},
  ) {
    this.savedSettings = structuredClone(settings);
    this.liveSettings = structuredClone(this.savedSettings);
  }

  abstract snapshot(): S;

  supports(set: string, version: string): boolean {
    const have = this.apiSets[set];
    return have !== undefined && versionAtLeast(have, version);
  }

  /** Calls `listener` after every sync and every simulated user change; returns an unsubscribe. */
  subscribe(listener: (s: S) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(): void {
    this.version++;
    if (!this.listeners.size) return;
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  /** The `Office` global's shared part, for a host named `host`. */
  protected officeBase(host: 'Excel' | 'Word') {
    return {
      context: {
        host,
        platform: 'OfficeOnline',
        document: {
          settings: {
            get: (name: string): unknown => (name in this.liveSettings ? structuredClone(this.liveSettings[name]) : null),
            set: (name: string, value: unknown): void => {
              this.liveSettings[name] = structuredClone(value);
            },
            remove: (name: string): void => {
              delete this.liveSettings[name];
            },
            saveAsync: (...args: unknown[]): void => {
              const cb = args.find((a) => typeof a === 'function') as SaveCallback | undefined;
              setTimeout(() => {
                const failure = this.pendingSettingsFailure;
                this.pendingSettingsFailure = null;
                if (failure) {
                  cb?.({ status: 'failed', error: { code: 5001, name: 'Internal Error', message: failure } });
                  return;
                }
                this.savedSettings = structuredClone(this.liveSettings);
                this.settingsSaves++;
                this.emit();
                cb?.({ status: 'succeeded' });
              }, 0);
            },
          },
        },
        requirements: {
          isSetSupported: (name: string, minVersion?: string | number): boolean => this.supports(name, minVersion === undefined ? '1.1' : String(minVersion)),
        },
      },
      HostType: { Excel: 'Excel', Word: 'Word' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: (cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> => {
        const info = { host, platform: 'OfficeOnline' };
        return Promise.resolve().then(() => {
          cb?.(info);
          return info;
        });
      },
    };
  }
}

/** Sets the given globals (Office, Excel or Word, OfficeExtension); returns an undo. */
export function installGlobals(globals: Record<string, unknown>): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = Object.fromEntries(Object.keys(globals).map((k) => [k, g[k]]));
  Object.assign(g, globals);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
