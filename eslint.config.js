// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * Folder dependencies (docs/architecture.md): each adapter folder may import only the folders
 * listed as its dependencies. A relative import is checked by the top folder it lands in: from a
 * file right under src/X/ that is "../Y/…", from deeper files "../../Y/…" (or more).
 */
const TOP = ['core', 'host', 'zip', 'xlsx', 'docx', 'cli', 'excel', 'word', 'commands', 'taskpane', 'fake-office', 'playground', 'standalone', 'oldhost'];
const UI = ['react', 'react-dom', 'react-dom/*', '@fluentui/*'];
// The product never loads test code (test oracles such as test/support/read-exceljs.ts stay out of it).
const NO_TEST = { regex: '^(\\.\\./)+test(/|$)', message: 'src/ never imports test/: test oracles and helpers stay out of the product.' };

function zone(folder, allowed, options = {}) {
  const banned = TOP.filter((f) => f !== folder && !allowed.includes(f));
  const alt = banned.join('|');
  // The folders it may import, as its zone lists them (src/zip lists none, not even src/core).
  const message = `src/${folder} may import ${allowed.length ? `only ${allowed.map((a) => `src/${a}`).join(', ')}` : 'no other folder of src/'} (docs/architecture.md).`;
  const patterns = (ups) => [
    { regex: `^${ups}(${alt})(/|$)`, message },
    NO_TEST,
    ...(options.ui ? [] : [{ group: UI, message: `src/${folder} has no UI: React and Fluent belong to src/taskpane and src/playground.` }]),
  ];
  return [
    { files: [`src/${folder}/*.ts`, `src/${folder}/*.tsx`], ignores: options.ignores ?? [], rules: { 'no-restricted-imports': ['error', { patterns: patterns('\\.\\./') }] } },
    { files: [`src/${folder}/*/**/*.ts`, `src/${folder}/*/**/*.tsx`], ignores: options.ignores ?? [], rules: { 'no-restricted-imports': ['error', { patterns: patterns('(\\.\\./){2,}') }] } },
  ];
}

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '*.js', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // CommonJS helpers run by Node itself (jest reporters).
    files: ['test/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // A replacement string given to String.replace interprets $&, $`, $' and $$: built from text
    // that came from a file, it corrupts what it writes (src/core/xml-text.ts). Built replacements
    // go through a function, whose result is taken literally.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^replace(All)?$/][arguments.1.type='TemplateLiteral'][arguments.1.expressions.length>0]",
          message: 'A built replacement string interprets $& and $$ in the text: pass a function, (m) => `…`.',
        },
        {
          selector: "CallExpression[callee.property.name=/^replace(All)?$/][arguments.1.type='BinaryExpression']",
          message: 'A built replacement string interprets $& and $$ in the text: pass a function.',
        },
      ],
    },
  },
  // The host interfaces are shared by adapters and panes: they depend on the core alone.
  ...zone('host', ['core']),
  // Counting what a zip part really inflates to, shared by both file readers; it needs nothing of ours.
  ...zone('zip', []),
  ...zone('xlsx', ['core', 'zip']),
  ...zone('docx', ['core', 'zip']),
  ...zone('cli', ['core', 'xlsx', 'docx']),
  // Office adapters never depend on the UI, nor on each other.
  ...zone('excel', ['core', 'host']),
  ...zone('word', ['core', 'host']),
  ...zone('commands', ['core', 'host', 'excel', 'word']),
  ...zone('fake-office', ['core', 'host']),
  // The panes get their host as props. index.tsx is the page's composition root: it picks the
  // adapter for the host Office reports, so it alone may load src/excel and src/word.
  ...zone('taskpane', ['core', 'host', 'xlsx', 'docx'], { ui: true, ignores: ['src/taskpane/index.tsx'] }),
  // The checker without Office: the panes' components on a file read in the page; no adapter, no Office.
  ...zone('standalone', ['core', 'host', 'xlsx', 'docx', 'taskpane'], { ui: true }),
  // The folders without a zone above may import any of src/, but not the tests either.
  { files: ['src/playground/**/*.ts', 'src/playground/**/*.tsx', 'src/oldhost/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST] }] } },
  {
    files: ['src/standalone/**/*.ts', 'src/standalone/**/*.tsx'],
    rules: { 'no-restricted-globals': ['error', { name: 'Office', message: 'The standalone checker runs without Office.' }, 'Excel', 'Word'] },
  },
  {
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    ignores: ['src/taskpane/index.tsx'],
    rules: { 'no-restricted-globals': ['error', { name: 'Office', message: 'Panes never call Office: they receive host actions (src/host/actions.ts).' }, 'Excel', 'Word'] },
  },
  {
    // The core is pure: no Office, DOM or Node I/O, and nothing of the adapters.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'http', 'https'], message: 'src/core is pure: no Node I/O.' },
            NO_TEST,
            { group: ['**/excel/**', '**/word/**', '**/cli/**', '**/taskpane/**', '**/commands/**', '**/xlsx/**', '**/docx/**', '**/playground/**', '**/fake-office/**', 'exceljs', 'react', 'react-dom', '@fluentui/*'], message: 'src/core depends on nothing of the adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'Word', 'navigator', 'localStorage', 'fetch'],
    },
  },
);
