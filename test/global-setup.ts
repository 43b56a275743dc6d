/**
 * What a jest run prepares once, before any suite starts:
 *
 * - the command line bundle, dist/cli.js, built by `npm run build:cli` exactly as an officer's
 *   copy is. The suites that run the CLI (test/helpers/cli.ts) only read it: a suite rebuilding it
 *   while another worker's suite starts `node dist/cli.js` could hand that one a half-written file.
 * - the browser suites' shared web build (test/e2e/global-setup.ts), started in the background.
 */
import { execFileSync } from 'node:child_process';
import type { Config } from '@jest/types';
import webSetup from './e2e/global-setup';

export default function globalSetup(config: Config.GlobalConfig): void {
  // esbuild takes well under a second: cheaper than deciding whether the selected suites need it.
  execFileSync('npm', ['run', 'build:cli'], { cwd: config.rootDir, stdio: ['ignore', 'ignore', 'inherit'] });
  webSetup(config);
}
