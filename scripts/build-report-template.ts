/** Writes assets/templates/bao-cao-cchc.docx (`npm run assets:docx`). */
import fs from 'node:fs';
import path from 'node:path';
import { buildReportTemplate } from '../src/docx/template';
import { writeFileSafely } from '../src/cli/safe-write';

async function main(): Promise<void> {
  const out = path.join(__dirname, '..', 'assets', 'templates', 'bao-cao-cchc.docx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  writeFileSafely(out, await buildReportTemplate());
  process.stdout.write(`Đã ghi ${path.relative(process.cwd(), out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
