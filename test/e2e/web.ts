/**
 * Shared by the browser tests and the front-end bench: a production webpack build into a folder and
 * a minimal static server on 127.0.0.1, so nothing but this machine is ever contacted.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');

export interface BuildResult {
  outDir: string;
  /** Initial JS files of each entry (what the page loads before any lazy chunk). */
  entryFiles: Record<string, string[]>;
}

/**
 * `standalone` builds the standalone checker alone, as `npm run build:standalone` does; `origin`
 * builds the deployment for that address, as `npm run build -- --env origin=URL` does.
 */
export async function buildWeb(outDir: string, options: { baseline?: boolean; officeJs?: string; standalone?: boolean; origin?: string } = {}): Promise<BuildResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => import('webpack').Configuration;
  const config = configFn({ outDir, baseline: options.baseline ? '1' : undefined, officeJs: options.officeJs, standalone: options.standalone ? '1' : undefined, origin: options.origin }, { mode: 'production' });
  const stats = await new Promise<import('webpack').Stats>((ok, fail) => {
    webpack(config, (err, st) => {
      if (err) fail(err);
      else if (!st) fail(new Error('webpack returned no stats'));
      else if (st.hasErrors()) fail(new Error(st.toString({ all: false, errors: true })));
      else ok(st);
    });
  });
  const json = stats.toJson({ all: false, entrypoints: true });
  const entryFiles: Record<string, string[]> = {};
  for (const [name, ep] of Object.entries(json.entrypoints ?? {})) {
    entryFiles[name] = (ep.assets ?? []).map((a) => a.name).filter((n) => n.endsWith('.js'));
  }
  return { outDir, entryFiles };
}

/**
 * One production build for all the browser suites of a jest run. test/e2e/global-setup.ts starts
 * it in a child process (`node --import tsx test/e2e/web.ts shared DIR`) and names DIR in this
 * variable; the child writes DIR/web and then DIR/status.json. A suite run without it (alone, from
 * an editor, or when the setup saw no browser suite selected) builds for itself.
 */
export const SHARED_BUILD_ENV = 'CCHC_WEB_BUILD';
const SHARED_WAIT_MS = 280_000;

interface SharedStatus {
  ok: boolean;
  error?: string;
  ms?: number;
}

export const sharedPaths = (base: string) => ({ outDir: join(base, 'web'), status: join(base, 'status.json') });

/** Writes the status in one rename, so a reader never sees half a file. */
export function writeSharedStatus(base: string, status: SharedStatus): void {
  const { status: file } = sharedPaths(base);
  writeFileSync(`${file}.tmp`, JSON.stringify(status));
  renameSync(`${file}.tmp`, file);
}

async function buildShared(base: string): Promise<void> {
  const t0 = Date.now();
  try {
    await buildWeb(sharedPaths(base).outDir);
    writeSharedStatus(base, { ok: true, ms: Date.now() - t0 });
  } catch (e) {
    writeSharedStatus(base, { ok: false, error: e instanceof Error ? e.message : String(e) });
    process.exitCode = 1;
  }
}

/** The web build for a browser suite: the run's shared one if there is one, else a fresh one. */
export async function webBuild(): Promise<{ outDir: string; release(): void }> {
  const base = process.env[SHARED_BUILD_ENV];
  if (base && existsSync(base)) {
    const { outDir, status } = sharedPaths(base);
    const until = Date.now() + SHARED_WAIT_MS;
    while (!existsSync(status)) {
      if (Date.now() > until) throw new Error(`the shared web build in ${base} did not finish in ${SHARED_WAIT_MS / 1000} s`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const st = JSON.parse(readFileSync(status, 'utf8')) as SharedStatus;
    if (!st.ok) throw new Error(`the shared web build failed: ${st.error}`);
    return { outDir, release: () => undefined }; // global-teardown.ts removes it
  }
  const outDir = mkdtempSync(join(tmpdir(), 'cchc-web-'));
  await buildWeb(outDir);
  return { outDir, release: () => rmSync(outDir, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, pathname === '/' ? 'playground.html' : pathname));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * One Chromium for all the browser suites of a jest run: test/global-setup.ts launches it as a
 * server and names its endpoint in this variable; each suite connects to it (a connection costs
 * about 0,6 s here, a launch and close 1,4 to 1,6 s) and works in contexts of its own, which its
 * close() ends. A suite run without it (alone, from an editor) launches its own.
 */
export const SHARED_BROWSER_ENV = 'CCHC_BROWSER_WS';

export interface OpenBrowser {
  browser: Browser;
  /** Ends this suite's use: disconnects from the shared browser, or closes its own. */
  close(): Promise<void>;
}

export async function openBrowser(): Promise<OpenBrowser> {
  const ws = process.env[SHARED_BROWSER_ENV];
  const browser = ws ? await chromium.connect(ws) : await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

if (require.main === module && process.argv[2] === 'shared' && process.argv[3]) void buildShared(process.argv[3]);

/** The built site served on 127.0.0.1 with a Chromium to look at it: what each browser suite needs. */
export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  const build = await webBuild();
  const server = await serveStatic(build.outDir);
  const opened = await openBrowser();
  return {
    url: server.url,
    browser: opened.browser,
    close: async () => {
      await opened.close();
      await server.close();
      build.release();
    },
  };
}
