/**
 * Running the built command line in a test, one way for every suite: the bundle `npm run build:cli`
 * makes, from the repository root, with its exit code and both streams as text. jest's global
 * setup (test/global-setup.ts) builds it once per run; no suite builds it again, so no suite ever
 * runs a file another worker is rewriting.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** A runner of dist/cli.js that gives up after `timeout` ms. */
export function cliRunner(timeout = 60000): (...args: string[]) => CliRun {
  return (...args) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}
