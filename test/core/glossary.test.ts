import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INFO_NAMES, RAW_SURVEYS } from '../../src/core/contract';
import { allColumns, TABLES } from '../../src/core/tables';

const doc = readFileSync(join(__dirname, '../../docs/glossary.md'), 'utf8');
/** Every `code` span of the glossary. */
const spans = new Set([...doc.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

// The glossary gives each name of the contract its meaning: a table, column, defined name or
// metric prefix added to a table module or src/core/contract.ts without a line in docs/glossary.md fails here.
test('docs/glossary.md names every table, column key, defined name and metric prefix of the contract', () => {
  const names = [
    ...TABLES.flatMap((t) => [t.name, t.metrics.prefix, ...allColumns(t).map((c) => c.key)]),
    ...INFO_NAMES.map((n) => n.name),
    ...RAW_SURVEYS.map((s) => s.table),
  ];
  expect(names.length).toBeGreaterThan(80);
  expect(names.filter((n) => !spans.has(n))).toEqual([]);
});

// A metric key quoted in the glossary starts with a prefix the contract has.
test('every metric key the glossary quotes has a prefix of the contract', () => {
  const prefixes = new Set<string>(TABLES.map((t) => t.metrics.prefix));
  const keys = [...spans].filter((s) => /^[a-z][A-Za-z]*\.[a-z<]/.test(s));
  expect(keys.length).toBeGreaterThan(5);
  expect(keys.filter((k) => !prefixes.has(k.slice(0, k.indexOf('.'))))).toEqual([]);
});
