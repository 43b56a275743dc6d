import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOC_CODES } from '../../src/core/prose';

// Every finding code of the prose checker is documented in the contract page, and nothing else.
test('docs/doc-check.md lists exactly the prose finding codes', () => {
  const doc = readFileSync(join(__dirname, '../../docs/doc-check.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Findings'), doc.indexOf('## JSON'));
  const documented = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual([...DOC_CODES].sort());
});
