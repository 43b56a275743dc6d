/**
 * One table, one module (docs/architecture.md "Adding a table"): what a table is lives in
 * src/core/tables/<table>.ts. Outside that folder no file of src/ names a table: the steps iterate
 * over TABLES. The count is over the text (code and comments alike), so a step that starts to know
 * a table by name again fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TABLES } from '../../src/core/tables';
import { SECTION_TAG_LIST } from '../../src/core/narrative/tags';

const SRC = resolve(__dirname, '../../src');
const TABLES_DIR = join(SRC, 'core', 'tables');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (p === TABLES_DIR ? [] : files(p)) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('one table, one module', () => {
  test('no file outside src/core/tables names a table', () => {
    const names = new RegExp(`\\b(${TABLES.map((t) => t.name).join('|')})\\b`);
    const naming = files(SRC)
      .filter((f) => names.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(naming).toEqual([]);
  });

  test('the registry holds seven tables, each with its own name, indicator prefix and place', () => {
    expect(TABLES).toHaveLength(7);
    expect(new Set(TABLES.map((t) => t.name)).size).toBe(TABLES.length);
    expect(new Set(TABLES.map((t) => t.metrics.prefix)).size).toBe(TABLES.length);
    // Every block place of the report template is written by some table.
    for (const tag of SECTION_TAG_LIST) expect(TABLES.some((t) => t.section.tag === tag)).toBe(true);
  });

  test('the template lists sheet has one column per list, column 1 being the period kinds', () => {
    const cols = TABLES.flatMap((t) => t.lists.map((l) => l.sheetColumn));
    expect(new Set(cols).size).toBe(cols.length);
    expect(cols).not.toContain(1);
    for (const t of TABLES) for (const l of t.lists) expect(t.columns.some((c) => c.key === l.column && c.kind === 'enum')).toBe(true);
  });
});
