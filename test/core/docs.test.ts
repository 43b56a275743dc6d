import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/findings.md is written from the catalogue by `npm run docs:findings`: the committed file
// must be what the script writes now, so a code added, removed or reworded in the catalogue
// without running it fails here.
test('docs/findings.md is what `npm run docs:findings` writes from the catalogue', async () => {
  const { renderFindingsDoc, FINDINGS_DOC } = await import('../../scripts/findings-doc');
  expect(readFileSync(FINDINGS_DOC, 'utf8')).toBe(renderFindingsDoc());
});

// The generated reference has one row per code of each family, and no other row.
test('docs/findings.md has one row per catalogue code', async () => {
  const { WORKBOOK_FINDINGS } = await import('../../src/core/catalogue/workbook');
  const { DOCUMENT_FINDINGS } = await import('../../src/core/catalogue/document');
  const { REFUSALS } = await import('../../src/core/catalogue/refusals');
  const doc = readFileSync(join(__dirname, '../../docs/findings.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
  const codes = [...Object.keys(WORKBOOK_FINDINGS), ...Object.keys(DOCUMENT_FINDINGS), ...Object.keys(REFUSALS)];
  // Some workbook codes (sum_mismatch, not_a_number…) and a refusal of every format are expected.
  expect(codes).toEqual(expect.arrayContaining(['sum_mismatch', 'not_a_number', 'percent_mismatch', 'too_large', 'file_not_found']));
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
