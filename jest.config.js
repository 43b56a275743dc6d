/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 60000,
  // Two workers on the 2-core machine. jest's default (cores − 1) gives one here, and that worker
  // then sits idle while a browser or deployment suite waits for its webpack build, with every
  // other suite queued behind it; a second worker runs them meanwhile.
  maxWorkers: 2,
  // dist/cli.js built once for every suite that runs the CLI; one production web build and one
  // Chromium for the browser suites of a run (test/e2e/web.ts: webBuild, openBrowser).
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/reporters/summary.js'],
};
