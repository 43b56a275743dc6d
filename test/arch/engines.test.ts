/**
 * `npm install` on the oldest Node the project supports (package.json "engines", the Sở machines'
 * Node 20) must print no engine warning: every package the lock file installs accepts that Node.
 * docx's nanoid and webpack-cli's rechoir once asked for Node 22 (see "overrides" in package.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

test('every locked package accepts the oldest Node that package.json allows', () => {
  const oldest = semver.minVersion(pkg.engines.node)!.version;
  expect(oldest).toBe('20.19.0');
  const refused = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .map(([path, p]) => ({ path, version: p.version, node: !Array.isArray(p.engines) ? p.engines?.node : undefined }))
    .filter((p) => p.node !== undefined && !semver.satisfies(oldest, p.node));
  expect(refused).toEqual([]);
});

test('the check would catch the packages that once asked for Node 22', () => {
  expect(semver.satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false); // nanoid 6
  expect(semver.satisfies('20.19.0', '>= 22.15.0')).toBe(false); // rechoir 1
});
