import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The findings reference must name every code the messages know, and no code that does not exist.
test('docs/findings.md lists exactly the finding codes of the core', () => {
  const messages = readFileSync(join(__dirname, '../../src/core/messages.ts'), 'utf8');
  const codes = [...messages.matchAll(/case '([a-z_]+)':/g)].map((m) => m[1]).sort();
  const doc = readFileSync(join(__dirname, '../../docs/findings.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]).sort();
  expect(codes.length).toBeGreaterThan(20);
  expect(documented).toEqual(codes);
});

// Every rule set the checker can choose is documented, and nothing that does not exist.
test('docs/rules.md lists exactly the rule sets of regimes.ts', async () => {
  const { RULE_SETS } = await import('../../src/core/regimes');
  const doc = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual(RULE_SETS.map((r) => r.id).sort());
});

// Every survey form version is documented, and nothing that does not exist.
test('docs/surveys.md lists exactly the form versions of surveys/forms.ts', async () => {
  const { FORM_VERSIONS } = await import('../../src/core/surveys/forms');
  const doc = readFileSync(join(__dirname, '../../docs/surveys.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| (qd[a-z0-9-]+) \|/gm)].map((m) => m[1]).sort();
  expect(documented).toEqual(FORM_VERSIONS.map((v) => v.id).sort());
});
