import { SHARED_BROWSER_ENV } from './e2e/web';
import webTeardown from './e2e/global-teardown';

/** Ends what test/global-setup.ts started: the shared Chromium, then the shared web build. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__cchcBrowserServer;
  globalThis.__cchcBrowserServer = undefined;
  delete process.env[SHARED_BROWSER_ENV];
  await server?.close();
  await webTeardown();
}
