import { existsSync } from 'node:fs';

/**
 * External programs some suites drive (LibreOffice, Chromium). On a developer's machine a missing
 * one skips its suite, saying so; in CI (`CI=true`) it fails the run, so a runner image that lost
 * soffice cannot turn a suite green by skipping it.
 */
export function findTool(candidates: readonly string[]): string | undefined {
  return candidates.find((p) => existsSync(p));
}

export const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** Declares the test that stands for a suite whose tool is missing: skipped locally, failing in CI. */
export function missingTool(tool: string, what: string): void {
  if (IN_CI) {
    test(`${tool} is required in CI (${what})`, () => {
      throw new Error(`${tool} is not installed on this CI runner: ${what} cannot be checked`);
    });
  } else {
    test.skip(`${tool} is not installed: ${what} is not checked`, () => {});
  }
}
