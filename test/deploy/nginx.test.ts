/**
 * The deployment as a Sở's IT officer makes it (docs/deploy.md): the folder written by
 * `npm run build -- --env origin=URL`, served by Debian's nginx with the configuration in
 * docs/deploy/nginx.conf (only its site-specific lines replaced) over HTTPS with a certificate
 * made here by openssl, on 127.0.0.1, by an nginx run as this user from a private prefix. Then
 * Debian's Chromium opens the manifest's own URLs. Office.js, which Office requires from
 * Microsoft's CDN, is answered in the browser by a stub: nothing leaves the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { chromium, type Browser } from 'playwright-core';
import { buildWeb, CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_BUILD_ENV, sharedPaths } from '../e2e/web';
import { findTool, missingTool } from '../helpers/tools';

const ROOT = resolve(__dirname, '../..');
const NGINX = findTool(['/usr/sbin/nginx']);
const OPENSSL = findTool(['/usr/bin/openssl']);
const CHROMIUM = findTool([CHROMIUM_PATH]);
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SAMPLE = join(ROOT, 'assets/samples/mau-co-loi.xlsx');

/** Office.js as an Excel host would give it, enough for the pane to start and the commands to register. */
const OFFICE_STUB = `window.__associated = [];
window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  context: {
    document: { settings: { get: function () { return null; }, set: function () {}, remove: function () {}, saveAsync: function () {} } },
    requirements: { isSetSupported: function () { return true; } }
  },
  actions: { associate: function (name) { window.__associated.push(name); } },
  onReady: function (cb) {
    var info = { host: 'Excel', platform: 'PC' };
    return Promise.resolve().then(function () { if (cb) cb(info); return info; });
  }
};
window.Excel = { run: function () { return Promise.reject(new Error('no workbook in this test')); } };`;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** One replacement of a line of docs/deploy/nginx.conf; a line that is not there exactly once fails. */
function replaceOnce(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`docs/deploy/nginx.conf: expected "${from}" once, found ${n} times`);
  return text.replace(from, to);
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, ca?: Buffer): Promise<Reply> {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    // agent: false: no kept-alive socket outlives the test.
    const req = (u.protocol === 'https:' ? request : httpRequest)(u, { ...(ca ? { ca } : {}), method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/**
 * Under `npm test` the browser suites' shared build (test/e2e/global-setup.ts) runs meanwhile:
 * this suite's own build waits for it, so that two webpack builds on a 2-core machine do not push
 * each other past the browser suites' time limits.
 */
async function afterSharedBuild(): Promise<void> {
  const base = process.env[SHARED_BUILD_ENV];
  if (!base || !existsSync(base)) return;
  const until = Date.now() + 300_000;
  while (!existsSync(sharedPaths(base).status) && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
}

/** The 14 planted errors of the mistakes sample, counted from its own description. */
const plantedErrors = () => [...readFileSync(join(ROOT, 'assets/samples/mau-co-loi.md'), 'utf8').matchAll(/^\| \d+ \| `\w+` \|/gm)].length;

if (!NGINX || !OPENSSL || !CHROMIUM) {
  missingTool(!NGINX ? 'nginx' : !OPENSSL ? 'openssl' : 'chromium', 'the deployment served by nginx over HTTPS');
} else {
  let tmp: string;
  let origin: string;
  let httpPort: number;
  let cert: Buffer;
  let nginx: ChildProcess | undefined;
  let browser: Browser;
  let manifestXml: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cchc-nginx-'));
    const [httpsPort, plainPort] = [await freePort(), await freePort()];
    httpPort = plainPort;
    origin = `https://127.0.0.1:${httpsPort}/addin/`;
    await afterSharedBuild();
    await buildWeb(join(tmp, 'www/addin'), { origin });

    // A certificate for 127.0.0.1, as a Sở would get one for its server name.
    const made = spawnSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(tmp, 'site.key'), '-out', join(tmp, 'site.crt')], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
    cert = readFileSync(join(tmp, 'site.crt'));

    let site = readFileSync(join(ROOT, 'docs/deploy/nginx.conf'), 'utf8');
    site = replaceOnce(site, '    listen 80;', `    listen 127.0.0.1:${plainPort};`);
    site = replaceOnce(site, '    listen [::]:80;\n', '');
    site = replaceOnce(site, '    listen 443 ssl http2;', `    listen 127.0.0.1:${httpsPort} ssl http2;`);
    site = replaceOnce(site, '    listen [::]:443 ssl http2;\n', '');
    site = site.split('server_name cchc.soyte.example.vn;').join('server_name 127.0.0.1;');
    site = replaceOnce(site, '/etc/ssl/certs/cchc.soyte.example.vn.crt', join(tmp, 'site.crt'));
    site = replaceOnce(site, '/etc/ssl/private/cchc.soyte.example.vn.key', join(tmp, 'site.key'));
    site = replaceOnce(site, 'root /var/www/cchc;', `root ${join(tmp, 'www')};`);
    writeFileSync(join(tmp, 'site.conf'), site);
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(tmp, d));
    // What Debian's /etc/nginx/nginx.conf gives a site, with every path in this test's folder. As
    // root (a CI container) the workers would otherwise drop to nobody, who cannot read it.
    const main = [
      process.getuid?.() === 0 ? `user ${userInfo().username};` : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${join(tmp, 'nginx.pid')};`,
      `error_log ${join(tmp, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${join(tmp, 'access.log')};`,
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${join(tmp, d)};`),
      `  include ${join(tmp, 'site.conf')};`,
      '}',
    ].join('\n');
    writeFileSync(join(tmp, 'nginx.conf'), main);
    const args = ['-p', `${tmp}/`, '-c', join(tmp, 'nginx.conf'), '-e', join(tmp, 'error.log')];
    const t = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
    if (t.status !== 0) throw new Error(`nginx -t: ${t.stderr}`);
    nginx = spawn(NGINX, args, { stdio: 'ignore' });
    const until = Date.now() + 15_000;
    for (;;) {
      try {
        if ((await get(`${origin}manifest.xml`, cert)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`nginx did not answer: ${readFileSync(join(tmp, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    manifestXml = (await get(`${origin}manifest.xml`, cert)).body.toString('utf8');

    // Chromium trusts exactly this certificate (by its public key), not every certificate.
    const spki = createHash('sha256').update(createPublicKey(cert).export({ type: 'spki', format: 'der' })).digest('base64');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spki}`] });
  }, 720_000);

  afterAll(async () => {
    await browser?.close();
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const manifest = () => new DOMParser().parseFromString(manifestXml, 'text/xml');
  const manifestUrls = () =>
    Array.from(manifest().getElementsByTagName('*'))
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => !!v && /^https:\/\//.test(v));
  const sourceLocation = () => Array.from(manifest().getElementsByTagName('SourceLocation'))[0]!.getAttribute('DefaultValue')!;
  const commandsUrl = () => Array.from(manifest().getElementsByTagName('bt:Url')).find((e) => e.getAttribute('id') === 'Commands.Url')!.getAttribute('DefaultValue')!;

  test('the served manifest is on this address, validates, and carries package.json\'s version', () => {
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'test/office/schemas/OfficeAppManifestV1_1.xsd'), '-'], { input: manifestXml, encoding: 'utf8' });
    expect(r.stderr).toContain('validates');
    const urls = manifestUrls();
    expect(urls).toHaveLength(10);
    for (const u of urls) expect(u.startsWith(origin)).toBe(true);
    expect(sourceLocation()).toBe(`${origin}taskpane.html`);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(manifest().getElementsByTagName('Version')[0]!.textContent).toBe(`${version}.0`);
    expect(manifest().getElementsByTagName('AppDomain')[0]!.textContent).toBe(new URL(origin).origin);
  });

  test('every URL of the manifest answers over HTTPS with its type; icons are PNGs of their size', async () => {
    for (const u of manifestUrls()) {
      const r = await get(u, cert);
      expect([u, r.status]).toEqual([u, 200]);
      const size = /icon-(\d+)\.png$/.exec(u);
      if (size) {
        expect(r.headers['content-type']).toBe('image/png');
        expect([r.body.readUInt32BE(16), r.body.readUInt32BE(20)]).toEqual([Number(size[1]), Number(size[1])]);
      } else {
        expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      }
    }
  });

  test('cache and security headers: pages and manifest revalidated, hashed scripts kept a year, https only', async () => {
    for (const name of ['taskpane.html', 'commands.html', 'dialog.html', 'standalone.html', 'manifest.xml', 'assets/samples/mau-sach.xlsx']) {
      const r = await get(`${origin}${name}`, cert);
      expect([name, r.status, r.headers['cache-control']]).toEqual([name, 200, 'no-cache']);
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    }
    const html = readFileSync(join(tmp, 'www/addin/taskpane.html'), 'utf8');
    const script = /src="?(taskpane\.[0-9a-f]{8}\.js)/.exec(html)![1]!;
    const js = await get(`${origin}${script}`, cert);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(js.headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await get(`${origin}manifest.xml`, cert)).headers['content-type']).toBe('text/xml; charset=utf-8');
    expect((await get(`${origin}assets/samples/mau-sach.xlsx`, cert)).headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // Plain http is redirected, never served.
    const plain = await get(`http://127.0.0.1:${httpPort}/addin/taskpane.html`);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('https://127.0.0.1/addin/taskpane.html');
    // A certificate nobody trusts is refused: the checks above did trust this one on purpose.
    await expect(get(`${origin}manifest.xml`)).rejects.toThrow(/self[- ]signed/i);
  });

  test('Chromium opens the task pane, the commands page and the standalone page from the manifest, all from this address', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    const failures: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    context.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    context.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.url()} ${r.status()}`);
    });
    await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB }));
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(sourceLocation());
      const button = page.getByRole('button', { name: 'Kiểm tra số liệu' });
      await button.waitFor({ timeout: 60_000 });
      await expect(button.isEnabled()).resolves.toBe(true);
      const guide = await page.getByTestId('guide').evaluate((a) => (a as HTMLAnchorElement).href);

      await page.goto(commandsUrl());
      await page.waitForFunction(() => (window as unknown as { __associated: string[] }).__associated.length > 0, null, { timeout: 30_000 });
      await expect(page.evaluate(() => (window as unknown as { __associated: string[] }).__associated)).resolves.toEqual(['kiemTraSoLieu']);

      // The standalone page sits beside the task pane: what the pane links to for old Office.
      await page.goto(new URL('standalone.html', sourceLocation()).href);
      await page.getByTestId('pick-file').waitFor({ timeout: 30_000 });
      await page.getByTestId('file-input').setInputFiles(SAMPLE);
      await page.getByTestId('count-error').waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('count-error').textContent()).resolves.toBe(String(plantedErrors()));
      // The picture of the officers' guide (docs/huong-dan/, refreshed by npm run guide:pictures).
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results/standalone.png'), fullPage: false });

      // "Hướng dẫn" opens the officers' guide from the same address, pictures included.
      expect(guide).toBe(`${origin}huong-dan/index.html`);
      const guidePage = await context.newPage();
      await guidePage.goto(guide);
      await expect(guidePage.locator('h1').textContent()).resolves.toBe('Hướng dẫn sử dụng Trợ lý báo cáo CCHC');
      const pictures = await guidePage.locator('img').evaluateAll((imgs) => imgs.map((i) => [(i as HTMLImageElement).getAttribute('src'), (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0]));
      const referenced = [...readFileSync(join(ROOT, 'docs/huong-dan/README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => [m[1], true]);
      expect(referenced.length).toBeGreaterThan(3);
      expect(pictures).toEqual(referenced);
      await guidePage.close();
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
    const outside = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
    // Only Office.js, which the stub answered inside the browser.
    expect([...new Set(outside)]).toEqual([OFFICE_JS]);
    // nginx itself served the pages and scripts (its own log, not the browser's word).
    const log = readFileSync(join(tmp, 'access.log'), 'utf8');
    for (const p of ['/addin/taskpane.html', '/addin/commands.html', '/addin/standalone.html', '/addin/excel.', '/addin/huong-dan/hinh/taskpane.png']) expect(log).toContain(`GET ${p}`);
  });
}
