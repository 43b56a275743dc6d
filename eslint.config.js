// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
    // The core is pure: no Office, DOM or Node I/O, and nothing of the adapters.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'http', 'https'], message: 'src/core is pure: no Node I/O.' },
            { group: ['**/excel/**', '**/word/**', '**/cli/**', '**/taskpane/**', '**/commands/**', '**/xlsx/**', '**/docx/**', '**/playground/**', '**/fake-office/**', 'exceljs', 'react', 'react-dom', '@fluentui/*'], message: 'src/core depends on nothing of the adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'Word', 'navigator', 'localStorage', 'fetch'],
    },
  },
);
