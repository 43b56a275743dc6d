/**
 * The old-host guard as the pages inline it (webpack.config.js guardScript): parsed as ES5, the
 * only JavaScript Internet Explorer 11 runs, and run in a bare VM context with the user agents of
 * the webviews Office uses.
 */
import { createContext, runInContext, type Context } from 'node:vm';
import { parse } from 'acorn';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as { guardScript(page: string): string };

const PAGES = ['pane', 'commands', 'standalone'] as const;

/** The text between <script> and </script>, as the browser runs it. */
function inlineCode(page: string): string {
  const html = config.guardScript(page);
  const m = /^<script>([\s\S]*)<\/script>$/.exec(html);
  if (!m) throw new Error(`not one inline script: ${html.slice(0, 80)}`);
  return m[1]!;
}

// User agents as Office's webviews send them (Trident and EdgeHTML strings from
// https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11 and the webviews' own docs).
const UA = {
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  macWebKit: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

interface Page {
  context: Context;
  root: { innerHTML: string };
  dialogs: string[];
  associated: string[];
}

function load(page: string, userAgent: string, options: { probe?: 'syntax' | 'csp' } = {}): Page {
  const root = { innerHTML: '' };
  const dialogs: string[] = [];
  const associated: string[] = [];
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent },
    location: { href: 'https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN' },
    document: { getElementById: (id: string) => (id === 'root' ? root : null) },
    Office: {
      context: { ui: { displayDialogAsync: (url: string) => dialogs.push(url) } },
      actions: { associate: (name: string) => associated.push(name) },
    },
  };
  sandbox.window = sandbox;
  const context = createContext(sandbox);
  // An engine that cannot parse ES2020 throws SyntaxError from the probe; a page under a content
  // security policy without 'unsafe-eval' throws EvalError, in a modern engine.
  if (options.probe === 'syntax') runInContext("Function = function () { throw new SyntaxError('Expected identifier'); };", context);
  if (options.probe === 'csp') runInContext("Function = function () { throw new EvalError('Refused to evaluate a string as JavaScript'); };", context);
  runInContext(inlineCode(page), context);
  return { context, root, dialogs, associated };
}

const flagged = (p: Page) => runInContext('window.__cchcOldHost === true', p.context) as boolean;

describe.each(PAGES)('the inline guard of the %s page', (page) => {
  test('is ES5', () => {
    expect(() => parse(inlineCode(page), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // The check itself can fail: ES2015 is refused at this level.
    expect(() => parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  test.each([
    ['Internet Explorer 11 (Trident)', true, UA.ie11],
    ['Edge Legacy (EdgeHTML)', true, UA.edgeHtml],
    ['Edge WebView2', false, UA.webView2],
    ['Safari WebKit on Mac', false, UA.macWebKit],
    ['Chrome', false, UA.chrome],
  ])('in %s: old = %s', (_name, old, ua) => {
    const p = load(page, ua);
    expect(flagged(p)).toBe(old);
    if (page !== 'commands') expect(p.root.innerHTML !== '').toBe(old);
  });

  test('an engine that cannot parse the bundles is old whatever it calls itself; a CSP refusal is not', () => {
    expect(flagged(load(page, UA.chrome, { probe: 'syntax' }))).toBe(true);
    expect(flagged(load(page, UA.chrome, { probe: 'csp' }))).toBe(false);
  });
});

test('the pane says, in Vietnamese, which Office is needed and where the standalone checker is', () => {
  const { root } = load('pane', UA.ie11);
  expect(root.innerHTML).toContain('Microsoft 365');
  expect(root.innerHTML).toContain('Office 2021 trở lên');
  expect(root.innerHTML).toContain('Excel hoặc Word trên web');
  expect(root.innerHTML).toContain('Internet Explorer 11');
  expect(root.innerHTML).toContain('«Kiểm tra không cần Office»');
  // The address next to the pane's own, without its query.
  expect(root.innerHTML).toContain('>https://localhost:3000/standalone.html</a>');
  expect(root.innerHTML).toContain('href="standalone.html"');
});

test('the standalone page asks for a current browser', () => {
  const { root } = load('standalone', UA.ie11);
  expect(root.innerHTML).toContain('Trình duyệt này quá cũ');
  expect(root.innerHTML).toMatch(/Microsoft Edge \(bản mới\), Google Chrome, Cốc Cốc hoặc Firefox/);
});

test('in an old webview the ribbon button opens the explanation in a dialog and always completes', () => {
  const p = load('commands', UA.ie11);
  expect(p.associated).toEqual(['kiemTraSoLieu']);
  let completed = 0;
  runInContext('window.kiemTraSoLieu', p.context)({ completed: () => completed++ });
  expect(p.dialogs).toEqual(['https://localhost:3000/taskpane.html']);
  expect(completed).toBe(1);

  // A dialog that cannot open still completes the event.
  const broken = load('commands', UA.edgeHtml);
  runInContext('Office.context.ui.displayDialogAsync = function () { throw new Error("no dialog"); };', broken.context);
  runInContext('window.kiemTraSoLieu', broken.context)({ completed: () => completed++ });
  expect(completed).toBe(2);
});

test('in a current webview the ribbon command is left to the bundle', () => {
  const p = load('commands', UA.webView2);
  expect(p.associated).toEqual([]);
  expect(runInContext('typeof window.kiemTraSoLieu', p.context)).toBe('undefined');
});
