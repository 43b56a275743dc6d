/**
 * `npm run corpus [-- --out DIR]`: writes the evaluation corpus as .docx files (default
 * test-results/doc-corpus/): the three seed reports as they are, and each entry of
 * test/fixtures/doc/*.json with its slips planted. Tables become Word tables, "- "/"+ " lines list
 * items, footnotes real footnotes (see scripts/corpus/). Tests build the same files in memory.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureToDocx } from './corpus/docx';
import { corpusEntries, entryFixture, ROOT } from './corpus/eval';
import { parseFixture } from './corpus/fixture';

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ?? join(ROOT, 'test-results', 'doc-corpus');
  mkdirSync(out, { recursive: true });
  const seeds = join(ROOT, 'test', 'fixtures', 'seeds');
  for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt'))) {
    const path = join(out, f.replace(/\.txt$/, '.docx'));
    writeFileSync(path, await fixtureToDocx(parseFixture(readFileSync(join(seeds, f), 'utf8'))));
    console.log(path);
  }
  for (const e of corpusEntries()) {
    const path = join(out, `${e.document}.docx`);
    writeFileSync(path, await fixtureToDocx(entryFixture(e)));
    console.log(path);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
