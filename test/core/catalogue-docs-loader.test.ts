/**
 * scripts/catalogue-docs-loader.js, which webpack runs on the findings catalogue for the pages:
 * each entry loses only the texts the documentation is written from, and keeps what the pages use
 * (its severity, `wholeSheet`, its message, the very same function).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { CATALOGUE } from '../../src/core/catalogue';

const { stripDocs, DOCS_ONLY } = jest.requireActual<{ stripDocs: (source: string) => string; DOCS_ONLY: Set<string> }>('../../scripts/catalogue-docs-loader.js');
const DIR = join(__dirname, '../../src/core/catalogue');

type Entry = Record<string, unknown> & { message: (d: unknown) => string };

/** The module as the pages get it (stripped) or whole, compiled alike, its imports the repository's own. */
function load(file: string, strip: boolean): Record<string, Record<string, Entry>> {
  const source = readFileSync(join(DIR, file), 'utf8');
  const js = ts.transpileModule(strip ? stripDocs(source) : source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, Record<string, Entry>> };
  const req = (p: string) => jest.requireActual(p.startsWith('.') ? resolve(dirname(join(DIR, file)), p) : p);
  new Function('require', 'module', 'exports', js)(req, module, module.exports);
  return module.exports;
}

test.each([
  ['workbook.ts', 'WORKBOOK_FINDINGS', CATALOGUE.workbook],
  ['refusals.ts', 'REFUSALS', CATALOGUE.refusal],
  ['document.ts', 'DOCUMENT_FINDINGS', CATALOGUE.document],
] as const)('%s: every entry keeps its severity, wholeSheet and message, and loses only the documentation texts', (file, name, original) => {
  const entries = load(file, true)[name]!;
  const full = load(file, false)[name]!;
  // The whole module compiled here is the catalogue the tests and the CLI use.
  expect(Object.keys(full)).toEqual(Object.keys(original));
  expect(Object.keys(entries)).toEqual(Object.keys(full));
  let docs = 0;
  for (const [code, entry] of Object.entries(full)) {
    const kept = Object.keys(entry).filter((k) => !DOCS_ONLY.has(k));
    docs += Object.keys(entry).length - kept.length;
    expect([code, Object.keys(entries[code]!)]).toEqual([code, kept]);
    expect([code, entries[code]!.severity, 'wholeSheet' in entries[code]!]).toEqual([code, entry.severity, 'wholeSheet' in entry]);
    expect(entries[code]!.message.toString()).toBe(entry.message.toString());
  }
  // Every entry has at least its developers' sentence and its officers' one.
  expect(docs).toBeGreaterThanOrEqual(2 * Object.keys(full).length);
});

test('no code of the pages reads a documentation text of the catalogue', () => {
  // What webpack bundles for a page: everything under src/ but the catalogue itself.
  const files = ts.sys.readDirectory(join(__dirname, '../../src'), ['.ts', '.tsx']).filter((f) => !f.includes('/core/catalogue/'));
  expect(files.length).toBeGreaterThan(50);
  const reads: string[] = [];
  for (const f of files) {
    const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      const name = ts.isPropertyAccessExpression(n) ? n.name.text : ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression) ? n.argumentExpression.text : undefined;
      if (name && DOCS_ONLY.has(name) && /FINDINGS|REFUSALS|CATALOGUE|catalogue|entry/i.test(n.getText().slice(0, -name.length))) reads.push(`${f}: ${n.getText()}`);
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  expect(reads).toEqual([]);
});
