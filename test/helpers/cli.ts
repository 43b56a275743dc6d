/**
 * Running the built command line in a test, one way for every suite: the bundle `npm run build:cli`
 * makes (or another build of the same entry), from the repository root, with its exit code and
 * both streams as text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** A runner of `cli` (default dist/cli.js) that gives up after `timeout` ms. */
export function cliRunner(timeout = 60000, cli = CLI): (...args: string[]) => CliRun {
  return (...args) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', timeout });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}

/** `npm run build:cli`: the suites run the bundle, as an officer does. */
export function buildCli(): void {
  execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
}
