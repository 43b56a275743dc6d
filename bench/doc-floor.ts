/**
 * The floor `cchc doc` is measured against as a whole process: the text of the same .docx read
 * (readDocxParagraphs: unzip and one sax pass), nothing checked. The bench bundles this file into
 * dist/doc-floor.js as `npm run build:cli` bundles the CLI, so both pay the same Node start-up and
 * the loading of what they import.
 */
import { readFileSync } from 'node:fs';
import { readDocxParagraphs } from '../src/docx/text';

if (require.main === module && process.argv[2]) {
  void readDocxParagraphs(readFileSync(process.argv[2])).then((ps) => process.stdout.write(`${ps.length}\n`));
}
