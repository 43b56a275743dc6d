import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { SHARED_BUILD_ENV } from './web';

/** Removes the shared web build of global-setup.ts, stopping it first if the run ended early. */
export default async function globalTeardown(): Promise<void> {
  const shared = globalThis.__cchcSharedBuild;
  if (!shared) return;
  globalThis.__cchcSharedBuild = undefined;
  delete process.env[SHARED_BUILD_ENV];
  const { child, base } = shared;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  }
  rmSync(base, { recursive: true, force: true });
}
