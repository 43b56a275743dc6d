/**
 * Which certificate `npm start` serves (webpack.config.js devHttps): the one `npm run certs` left in
 * the certificate folder when it is there and unexpired, else the dev server's own self-signed one.
 * The fixtures are throw-away localhost certificates, trusted nowhere.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { connect } from 'node:tls';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

interface DevHttps {
  server: 'https' | { type: 'https'; options: { cert: Buffer; key: Buffer; ca?: Buffer } };
  note: 'trusted' | 'expired' | 'none' | 'unreadable';
  validTo?: Date;
}
type Config = ((env: object, argv: object) => { devServer: { server: DevHttps['server'] | 'http' } }) & { devHttps(): DevHttps };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as Config;

const FIXTURES = resolve(__dirname, '../fixtures/dev-certs');
const saved = process.env.CCHC_CERT_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.CCHC_CERT_DIR;
  else process.env.CCHC_CERT_DIR = saved;
});

test('no certificate folder: the self-signed certificate, as before', () => {
  process.env.CCHC_CERT_DIR = join(FIXTURES, 'no-such-folder');
  expect(config.devHttps()).toEqual({ server: 'https', note: 'none' });
  expect(config({}, { mode: 'development' }).devServer.server).toBe('https');
});

test('an expired certificate is not served; npm start says it expired', () => {
  process.env.CCHC_CERT_DIR = join(FIXTURES, 'expired-in-2020');
  const h = config.devHttps();
  expect(h.server).toBe('https');
  expect(h.note).toBe('expired');
  expect(h.validTo?.toISOString()).toBe('2020-02-01T00:00:00.000Z');
});

test('a valid certificate is served, and a client that trusts it completes the TLS handshake for localhost', async () => {
  process.env.CCHC_CERT_DIR = join(FIXTURES, 'valid-until-2099');
  const h = config.devHttps();
  expect(h.note).toBe('trusted');
  if (h.server === 'https') throw new Error('expected the certificate options');
  expect(config({}, { mode: 'development' }).devServer.server).toEqual(h.server);

  const server = createServer(h.server.options, (_req, res) => res.end('ok'));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    const { port } = server.address() as AddressInfo;
    const cert = readFileSync(join(FIXTURES, 'valid-until-2099/localhost.crt'));
    const authorized = await new Promise<boolean>((ok, fail) => {
      const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: cert }, () => {
        ok(socket.authorized);
        socket.end();
      });
      socket.on('error', fail);
    });
    expect(authorized).toBe(true);
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});
