/**
 * webpack loader for src/core/catalogue/{workbook,refusals,document}.ts: drops from each entry the
 * texts only the documentation is written from (`doc`, `meaning`, `fix`, `at`, `severityNote`,
 * `levelNote`: docs/findings.md and the officers' guide, by scripts/findings-doc.ts and
 * scripts/guide-messages.ts), which no page reads. They were about 10 KB of every page's script
 * gzipped. An entry keeps its severity, `wholeSheet` and its message. Works on the
 * TypeScript syntax tree (the compiler is a dev dependency), so only properties of an object that
 * has a `message` are removed, wherever they sit and however they are written.
 * test/core/catalogue-docs-loader.test.ts checks the result against the catalogue itself.
 */
const ts = require('typescript');

const DOCS_ONLY = new Set(['doc', 'meaning', 'fix', 'at', 'severityNote', 'levelNote']);

function stripDocs(source, fileName = 'catalogue.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts = [];
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const named = (p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (node.properties.some((p) => named(p) === 'message')) {
        for (const p of node.properties) {
          if (ts.isPropertyAssignment(p) && DOCS_ONLY.has(named(p))) {
            // The property and the comma after it (an object literal's last property may have none).
            let end = p.end;
            const rest = source.slice(end);
            const comma = /^\s*,/.exec(rest);
            if (comma) end += comma[0].length;
            cuts.push([p.getFullStart(), end]);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  cuts.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [from, to] of cuts) out = out.slice(0, from) + out.slice(to);
  return out;
}

module.exports = function catalogueDocsLoader(source) {
  return stripDocs(source, this.resourcePath);
};
module.exports.stripDocs = stripDocs;
module.exports.DOCS_ONLY = DOCS_ONLY;
