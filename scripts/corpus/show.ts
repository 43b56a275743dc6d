/**
 * `npx tsx scripts/corpus/show.ts <id> [paragraph]`: how `cchc doc` reads one text of the real
 * corpus (quantities with their status and subject, breakdowns, rate readings, findings). For the
 * development half only: it refuses a test-half text, which is measured, never looked into.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/prose';
import { readDocument } from '../../src/core/prose/statements';
import { readDocxParagraphs } from '../../src/docx/text';
import { fixtureToDocx } from './docx';
import { parseFixture } from './fixture';

const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'doc-real');

async function main() {
  const [id, only] = process.argv.slice(2);
  if (!id) throw new Error('usage: show.ts <id> [paragraph]');
  const meta = JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8')) as { half: string };
  if (meta.half !== 'dev') throw new Error(`${id} is in the ${meta.half} half: not shown`);
  const paragraphs = await readDocxParagraphs(await fixtureToDocx(parseFixture(readFileSync(join(DIR, `${id}.txt`), 'utf8'))));
  const doc = readDocument(paragraphs);
  const want = only === undefined ? null : Number(only) - 1;
  paragraphs.forEach((p, i) => {
    if (want !== null && i !== want) return;
    console.log(`\n¶${i + 1} [${p.kind}] ${p.text.slice(0, 300)}`);
    for (const q of doc.quantities[i]!) console.log(`  q ${q.value} fam=${q.family} st=${q.status} subj=${q.subject} exact=${q.exact} label="${q.figure.label}" tail="${q.tail}"`);
    for (const pc of doc.percents[i]!) console.log(`  % ${pc.figure.value} st=${pc.status} subj=${pc.subject} label="${pc.figure.label}"`);
    for (const b of doc.breakdowns.filter((x) => x.total.figure.paragraph === i)) console.log(`  B ${b.total.value} = ${b.parts.map((x) => `${x.value}(${x.status})`).join(' + ')} complete=${b.complete} ${b.marker}`);
    for (const r of doc.rates.filter((x) => x.percent.paragraph === i)) console.log(`  R ${r.percent.value}% st=${r.status}: ${r.readings.map((x) => `${x.numeratorText}/${x.denominatorText}${x.weak ? '(weak)' : ''}`).join(' | ')}`);
  });
  const report = checkDocument(paragraphs);
  for (const f of report.issues) if (want === null || f.paragraph === want) console.log(`F ¶${f.paragraph + 1} ${f.severity} ${f.code}: ${f.message}`);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
