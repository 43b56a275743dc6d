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

// The vocabulary section lists every phrase the reader knows, under its state, thing or subject.
test('docs/doc-check.md lists the vocabulary of lexicon.ts', async () => {
  const { STATUS_PHRASES, STATUS_NAME, NOUN_FAMILY, SUBJECT_PHRASES, INDEX_NAMES } = await import('../../src/core/prose/lexicon');
  const doc = readFileSync(join(__dirname, '../../docs/doc-check.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Vocabulary'), doc.indexOf('## Findings'));
  // One table per kind of word, each headed by its first column's name.
  const table = (head: string) => {
    const t = section.slice(section.indexOf(`| ${head} |`)).split('\n\n')[0]!;
    return new Map([...t.matchAll(/^\| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => [m[1]!.trim(), m[2]!]));
  };
  const states = table('state');
  const subjects = table('subject');
  for (const [phrase, status] of Object.entries(STATUS_PHRASES)) expect(states.get(STATUS_NAME[status])).toContain(`"${phrase}"`);
  for (const noun of Object.keys(NOUN_FAMILY)) expect(section).toContain(`"${noun}"`);
  for (const [phrase, subject] of Object.entries(SUBJECT_PHRASES)) expect(subjects.get(subject)).toContain(`"${phrase}"`);
  const indices = table('index');
  for (const [phrase, index] of Object.entries(INDEX_NAMES)) expect(indices.get(index)).toContain(`"${phrase}"`);
  const { SCORE_SETS } = await import('../../src/core/prose/lexicon');
  for (const g of SCORE_SETS['QĐ 766/QĐ-TTg']!.groups) {
    const row = section.split('\n').find((l) => l.startsWith(`| ${g.name} | ${g.max} |`));
    for (const ph of g.phrases) expect(row).toContain(`"${ph}"`);
  }
});
