/**
 * Shared by the browser tests and the front-end bench: a production webpack build into a folder and
 * a minimal static server on 127.0.0.1, so nothing but this machine is ever contacted.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(__dirname, '../..');

export interface BuildResult {
  outDir: string;
  /** Initial JS files of each entry (what the page loads before any lazy chunk). */
  entryFiles: Record<string, string[]>;
}

export async function buildWeb(outDir: string, options: { baseline?: boolean; officeJs?: string } = {}): Promise<BuildResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => import('webpack').Configuration;
  const config = configFn({ outDir, baseline: options.baseline ? '1' : undefined, officeJs: options.officeJs }, { mode: 'production' });
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
