/**
 * What a jest run prepares once, before any suite starts:
 *
 * - the command line bundle, dist/cli.js, built by `npm run build:cli` exactly as an officer's
 *   copy is. The suites that run the CLI (test/helpers/cli.ts) only read it: a suite rebuilding it
 *   while another worker's suite starts `node dist/cli.js` could hand that one a half-written file.
 * - the browser suites' shared web build (test/e2e/global-setup.ts), started in the background;
 * - one Chromium for the browser suites, launched as a server they connect to (openBrowser in
 *   test/e2e/web.ts), the LibreOffice rendering's pictures included (PDF.js draws them in it);
 *   test/deploy/nginx.test.ts keeps its own, launched with its certificate pin.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { chromium, type BrowserServer } from 'playwright-core';
import webSetup, { suitesSelected, webSuites } from './e2e/global-setup';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_BROWSER_ENV } from './e2e/web';
import { findTool } from './helpers/tools';

declare global {
  var __cchcBrowserServer: BrowserServer | undefined;
}

export default async function globalSetup(config: Config.GlobalConfig): Promise<void> {
  // esbuild takes well under a second: cheaper than deciding whether the selected suites need it.
  execFileSync('npm', ['run', 'build:cli'], { cwd: config.rootDir, stdio: ['ignore', 'ignore', 'inherit'] });
  webSetup(config);
  const browserSuites = [...webSuites(), join(__dirname, 'taskpane', 'pane.test.ts'), join(__dirname, 'docx', 'libreoffice-render.test.ts')];
  // Without Chromium the suites say so themselves (test/helpers/tools.ts).
  if (findTool([CHROMIUM_PATH]) && suitesSelected(config, browserSuites)) {
    const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
    globalThis.__cchcBrowserServer = server;
  }
}
