/**
 * What the fake Excel and Word hosts share: Office's error shape, requirement sets, the request
 * context (queue, commit on success, counted round trips) and the proxy base class, document
 * settings with one in-memory copy per runtime, change listeners for the playground views, the
 * `run` wrapper that sends what is still queued when a batch ends, and installing the globals.
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

type Op = () => void;

/** What a fake host offers its request contexts. */
export interface SyncTarget {
  roundTrips: number;
  /** Errors thrown by the next syncs, in order (null = let that sync pass). */
  readonly pendingFailures: (Error | null)[];
  emit(): void;
}

/**
 * A request context as Office.js has it: proxies queue operations; `sync()` is one round trip
 * that runs them in order, stops at the first failure (the operations before it stay done: a
 * batch is not a transaction, which the Excel adapter's write order relies on) and only then
 * lets loaded values appear on the proxies, a tick later, never in the same tick. Subclasses
 * count what travels; the Word fake too keeps what ran before a failure (see word.ts).
 */
export abstract class RequestContextBase<F extends SyncTarget> {
  queue: Op[] = [];
  /**
   * What each queued operation adds to the request beside itself: the length of the values it
   * sends, or null for what travels with another operation's object (an *OrNullObject's answer)
   * and is no call of its own. Hosts that limit the request read it (checkRequest).
   */
  private queueValues: (number | null)[] = [];
  /** Applied to proxies only when the whole sync succeeds, as in Office. */
  commits: Op[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly fake: F) {}

  /** Queues one call of the API; `valueBytes`: the length of the values it sends. */
  enqueue(op: Op, valueBytes = 0): void {
    this.queue.push(op);
    this.queueValues.push(valueBytes);
  }

  /** Queues work that is no call of its own (see queueValues). */
  enqueueWithObject(op: Op): void {
    this.queue.push(op);
    this.queueValues.push(null);
  }

  /** Called before the operations of a sync run. */
  protected beginSync(_operations: number): void {}
  /** Called after they ran (failure undefined when all succeeded). */
  protected endSync(_failure: unknown): void {}
  /**
   * Called with the request before any of its operations runs: a host that refuses the request
   * as a whole (a payload limit) throws here, and nothing of the batch is applied.
   */
  protected checkRequest(_values: readonly (number | null)[]): void {}

  async sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.queue;
    const values = this.queueValues;
    this.queue = [];
    this.queueValues = [];
    this.commits = [];
    fake.roundTrips++;
    this.beginSync(ops.length);
    let failure: unknown;
    try {
      const injected = fake.pendingFailures.shift();
      if (injected) throw injected;
      this.checkRequest(values);
      for (const op of ops) op();
    } catch (e) {
      failure = e;
    }
    this.endSync(failure);
    // A response arrives asynchronously; never resolve in the same tick.
    await new Promise((r) => setTimeout(r, 0));
    if (!failure) for (const c of this.commits) c();
    this.commits = [];
    fake.emit();
    if (failure) throw failure;
  }
}

/** A proxy: properties exist only once loaded and synced; `*OrNullObject` proxies know isNullObject. */
export abstract class ClientObjectBase<C extends RequestContextBase<SyncTarget>> {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly context: C) {}

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  load(props?: unknown): this {
    const list = parseLoad(props);
    this.context.enqueue(() => this.fetch(list.length ? list : this.defaultProps()));
    return this;
  }

  /** Runs during sync: reads the document and schedules the values to appear on the proxy. */
  fetch(props: string[]): void {
    const values = new Map<string, unknown>();
    const target = this.resolveForRead();
    for (const p of props) values.set(p, target === null ? null : this.readProp(p, target));
    this.context.commits.push(() => {
      for (const [k, v] of values) this.loaded.set(k, v);
    });
  }

  /** Queues the isNullObject answer of an *OrNullObject proxy. */
  protected markNullState(isNull: () => boolean): void {
    this.context.enqueueWithObject(() => {
      const n = isNull();
      this.context.commits.push(() => this.loaded.set('isNullObject', n));
    });
  }

  /** For *OrNullObject proxies: null when the object does not exist. Others throw ItemNotFound. */
  protected resolveForRead(): unknown {
    return this.resolve();
  }

  protected abstract resolve(): unknown;
  protected abstract readProp(prop: string, target: unknown): unknown;
  protected defaultProps(): string[] {
    return [];
  }
}

/** OfficeExtension.ClientResult: a value that exists once its sync has returned. */
export class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) notLoaded('value');
    return this.v as T;
  }
}

type SaveCallback = (r: { status: string; value?: unknown; error?: unknown }) => void;

/**
 * One JavaScript runtime of the add-in. The task pane and a ribbon command (ExecuteFunction)
 * without a shared runtime each run in their own ("Runtimes in Office Add-ins",
 * learn.microsoft.com/office/dev/add-ins/testing/runtimes), and each holds its own in-memory
 * copy of Office.context.document.settings, loaded when the runtime starts; `refreshAsync`
 * "reads all settings persisted in the document and refreshes the add-in's copy held in memory",
 * `saveAsync` "persists the in-memory copy of the settings property bag in the document": the
 * whole copy, so a runtime with a stale copy erases what another saved since
 * (learn.microsoft.com/javascript/api/office/office.settings).
 */
export interface FakeRuntime {
  readonly name: string;
  settings: Record<string, unknown>;
}

export abstract class FakeHost<S> implements SyncTarget {
  /** Number of context.sync() calls, failed ones included. */
  roundTrips = 0;
  /** Errors thrown by the next syncs, in order (null = let that sync pass). */
  readonly pendingFailures: (Error | null)[] = [];
  /** Document settings as saved in the file (by saveAsync, or by Excel's workbook.settings). */
  savedSettings: Record<string, unknown>;
  settingsSaves = 0;
  /** Makes the next settings.saveAsync report a failure. */
  pendingSettingsFailure: string | null = null;
  /** Office.context.document.mode: "readOnly" in Excel on the web's view mode or a read-only document (Office.DocumentMode). */
  documentMode: 'readWrite' | 'readOnly' = 'readWrite';
  protected version = 0;
  private readonly listeners = new Set<(s: S) => void>();
  /** The task pane's runtime; `runtime(name)` starts others (a ribbon command's). */
  readonly pane: FakeRuntime;

  constructor(
    private readonly apiSets: Record<string, string>,
    settings: Record<string, unknown> = {},
  ) {
    this.savedSettings = structuredClone(settings);
    this.pane = this.startRuntime('pane');
  }

  /** The task pane runtime's in-memory settings (before saveAsync). */
  get liveSettings(): Record<string, unknown> {
    return this.pane.settings;
  }

  /** A runtime starting now: its settings copy is what the document holds at this moment. */
  startRuntime(name: string): FakeRuntime {
    return { name, settings: structuredClone(this.savedSettings) };
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

  /** Office.context.document.settings as one runtime sees it. */
  protected settingsOf(rt: FakeRuntime) {
    const later = (cb: SaveCallback | undefined, work: () => { status: string; value?: unknown; error?: unknown }) =>
      setTimeout(() => cb?.(work()), 0);
    const settings = {
      get: (name: string): unknown => (name in rt.settings ? structuredClone(rt.settings[name]) : null),
      set: (name: string, value: unknown): void => {
        rt.settings[name] = structuredClone(value);
      },
      remove: (name: string): void => {
        delete rt.settings[name];
      },
      refreshAsync: (...args: unknown[]): void => {
        const cb = args.find((a) => typeof a === 'function') as SaveCallback | undefined;
        later(cb, () => {
          rt.settings = structuredClone(this.savedSettings);
          return { status: 'succeeded', value: settings };
        });
      },
      saveAsync: (...args: unknown[]): void => {
        const cb = args.find((a) => typeof a === 'function') as SaveCallback | undefined;
        later(cb, () => {
          const failure = this.pendingSettingsFailure;
          this.pendingSettingsFailure = null;
          if (failure) return { status: 'failed', error: { code: 5001, name: 'Internal Error', message: failure } };
          this.savedSettings = structuredClone(rt.settings);
          this.settingsSaves++;
          this.emit();
          return { status: 'succeeded' };
        });
      },
    };
    return settings;
  }

  /** The `Office` global's shared part, for a host named `host`, as runtime `rt` sees it. */
  protected officeBase(host: 'Excel' | 'Word', rt: FakeRuntime = this.pane, platform = 'OfficeOnline') {
    const document = { settings: this.settingsOf(rt) } as { settings: ReturnType<FakeHost<S>['settingsOf']>; readonly mode: string };
    Object.defineProperty(document, 'mode', { enumerable: true, get: () => this.documentMode });
    return {
      context: {
        host,
        platform,
        document,
        requirements: {
          isSetSupported: (name: string, minVersion?: string | number): boolean => this.supports(name, minVersion === undefined ? '1.1' : String(minVersion)),
        },
      },
      HostType: { Excel: 'Excel', Word: 'Word' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
      DocumentMode: { ReadOnly: 'readOnly', ReadWrite: 'readWrite' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: (cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> => {
        const info = { host, platform };
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
