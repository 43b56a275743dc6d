/**
 * Starts the one production web build the browser suites share (see webBuild in web.ts), in a
 * child process so that the other suites run meanwhile where jest has more than one worker. It
 * starts only when a browser suite can be part of the run: `npx jest test/core` does not pay
 * for it. With other ways of choosing tests (-t, --onlyChanged, --findRelatedTests…) it does not
 * start either; a browser suite that runs anyway then builds for itself, as when run alone.
 * Called by the run's global setup, test/global-setup.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { SHARED_BUILD_ENV, sharedPaths, writeSharedStatus } from './web';

export interface SharedBuild {
  base: string;
  child: ChildProcess;
}

declare global {
  var __cchcSharedBuild: SharedBuild | undefined;
}

/** True when this run may include one of `files` (absolute paths of suites), as far as the setup can tell. */
export function suitesSelected(config: Config.GlobalConfig, files: string[]): boolean {
  if (config.listTests || config.testNamePattern || config.onlyChanged || config.findRelatedTests || config.lastCommit || config.changedSince) return false;
  const patterns = config.testPathPatterns;
  if (!patterns?.isSet()) return true;
  const match = patterns.toExecutor({ rootDir: config.rootDir });
  return files.some((f) => match.isMatch(f));
}

/** The suites of this folder: the ones that open the shared web build. */
export const webSuites = (): string[] =>
  readdirSync(__dirname)
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => join(__dirname, f));

export default function globalSetup(config: Config.GlobalConfig): void {
  if (!suitesSelected(config, webSuites())) return;
  const base = mkdtempSync(join(tmpdir(), 'cchc-shared-web-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'web.ts'), 'shared', base], { cwd: config.rootDir, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    // A crash before the status was written must not leave the suites waiting for it.
    if (!existsSync(sharedPaths(base).status)) writeSharedStatus(base, { ok: false, error: `the build process ended (${signal ?? `code ${code}`})` });
  });
  process.env[SHARED_BUILD_ENV] = base;
  globalThis.__cchcSharedBuild = { base, child };
}
