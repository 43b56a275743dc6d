// Builds the Office add-in pages (task pane, commands) and the offline playground into dist/web/.
//   npx webpack --mode production                    → dist/web/
//   npx webpack serve                                 → https://localhost:3000 (self-signed, for Office)
//   PLAYGROUND_HTTP=1 npx webpack serve               → http://localhost:3000 (playground, tests)
//   npx webpack --mode production --env standalone    → dist/standalone/ (the checker page alone, one
//                                                       script, opens from disk or any static server)
//   npm run build -- --env origin=https://cchc.soyte.example.vn/addin/
//                                                     → dist/web/ for that address: the pages, the
//                                                       manifest.xml moved there, no playgrounds (docs/deploy.md)
// env: origin=URL (or CCHC_ORIGIN=URL: the https address dist/web/ will be served from; without it
// the manifest stays on https://localhost:3000/ and the playgrounds are built too), sourcemaps=1
// (source maps in a production build, off by default), standalone=1 (only the standalone checker, see above), outDir=DIR (build elsewhere, used by the tests and the bench), baseline=1 (adds the bench's
// blank FluentProvider page), officeJs=URL (where the pages take Office.js from; the bench points
// it at a local stub so that nothing leaves the machine).
const path = require('path');
const fs = require('fs');
const os = require('os');
const { X509Certificate } = require('crypto');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { cchcOldHostGuard } = require('./src/oldhost/guard');
const { DEV_BASE, deployBase, manifestForOrigin } = require('./scripts/manifest-origin');

const root = __dirname;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = Number(process.env.PORT || 3000);

function page(filename, chunk, options = {}) {
  return new HtmlWebpackPlugin({ filename, chunks: [chunk], scriptLoading: 'defer', ...options });
}

/**
 * The ES5 old-host guard (src/oldhost/guard.js) inlined: it must run before, and independently
 * of, the deferred bundles that Internet Explorer 11 and Edge Legacy cannot parse.
 */
function guardScript(kind) {
  return `<script>(${cchcOldHostGuard.toString()})(${JSON.stringify(kind)});</script>`;
}

/**
 * The https setup of `npm start`. Office on Windows and Mac loads add-ins only from a certificate
 * the machine trusts (accepting it in a browser is not enough): `npm run certs`
 * (office-addin-dev-certs) creates a local CA, trusts it and signs a localhost certificate into
 * ~/.office-addin-dev-certs, which is used here when present and unexpired. Otherwise the dev
 * server's own self-signed certificate, as before. Read from disk rather than through the
 * package's API, which would try to install certificates (and ask for an administrator) on start.
 * CCHC_CERT_DIR points elsewhere (the tests use it).
 */
function devHttps() {
  const dir = process.env.CCHC_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
  let cert;
  let key;
  try {
    cert = fs.readFileSync(path.join(dir, 'localhost.crt'));
    key = fs.readFileSync(path.join(dir, 'localhost.key'));
  } catch {
    return { server: 'https', note: 'none' };
  }
  let validTo;
  try {
    validTo = new Date(new X509Certificate(cert).validTo);
  } catch {
    return { server: 'https', note: 'unreadable' };
  }
  if (!(validTo.getTime() > Date.now())) return { server: 'https', note: 'expired', validTo };
  const options = { cert, key };
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return { server: { type: 'https', options }, note: 'trusted', validTo, dir };
}

function certLine(https) {
  const day = (d) => `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
  switch (https.note) {
    case 'trusted':
      return `  (Chứng chỉ localhost tin cậy từ npm run certs, ở ${https.dir}, hết hạn ngày ${day(https.validTo)}.)`;
    case 'expired':
      return `  (Chứng chỉ của npm run certs đã hết hạn ngày ${day(https.validTo)}: chạy lại npm run certs. Tạm dùng chứng chỉ tự ký.)`;
    default:
      return '  (Chứng chỉ tự ký: Excel/Word trên máy tính chưa tin chứng chỉ này. Chạy npm run certs một lần để cài chứng chỉ tin cậy; với Excel trên web, mở địa chỉ trên trong trình duyệt và chấp nhận.)';
  }
}

const STANDALONE_TITLE = 'Kiểm tra không cần Office · Trợ lý báo cáo CCHC';

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'development';
  const prod = mode === 'production';
  const outDir = env.outDir ? path.resolve(env.outDir) : path.join(root, 'dist/web');
  const http = process.env.PLAYGROUND_HTTP === '1';
  const officeJs = env.officeJs || OFFICE_JS;
  const https = http ? null : devHttps();
  const sourceMaps = Boolean(env.sourcemaps);

  if (env.standalone) return standaloneConfig(mode, env.outDir ? outDir : path.join(root, 'dist/standalone'), sourceMaps);

  // A deployment (origin given) ships what Office and the officers open, not the playgrounds.
  const originRaw = env.origin || process.env.CCHC_ORIGIN || '';
  const deploy = Boolean(originRaw);
  const base = deploy ? deployBase(originRaw) : DEV_BASE;
  const version = require('./package.json').version;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    standalone: './src/standalone/index.tsx',
  };
  const plugins = [
    page('taskpane.html', 'taskpane', { template: './src/taskpane/taskpane.html', officeJs, guard: guardScript('pane') }),
    page('standalone.html', 'standalone', { template: './src/standalone/standalone.html', title: STANDALONE_TITLE, guard: guardScript('standalone') }),
  ];
  if (!deploy) {
    entry.playground = './src/playground/index.tsx';
    entry['word-playground'] = './src/playground/word/index.tsx';
    plugins.push(
      // Both playgrounds share one offline page; only the title differs.
      page('playground.html', 'playground', { template: './src/playground/playground.html', title: 'Trợ lý báo cáo CCHC · Trang thử nghiệm' }),
      page('word-playground.html', 'word-playground', { template: './src/playground/playground.html', title: 'Trợ lý báo cáo CCHC · Trang thử nghiệm Word' }),
    );
  }
  // The commands entry belongs to the Office adapter; the build works before it exists.
  if (fs.existsSync(path.join(root, 'src/commands/commands.ts'))) {
    entry.commands = './src/commands/commands.ts';
    plugins.push(
      page('commands.html', 'commands', {
        templateContent: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lệnh bổ trợ CCHC</title><link rel="icon" href="data:,"><script src="${officeJs}"></script></head><body>${guardScript('commands')}</body></html>`,
      }),
    );
    // The ribbon command's result dialog: a static page, no bundle.
    if (fs.existsSync(path.join(root, 'src/commands/dialog.html'))) {
      plugins.push(new HtmlWebpackPlugin({ filename: 'dialog.html', template: './src/commands/dialog.html', inject: false, minify: false }));
    }
  }
  if (env.baseline) {
    entry.baseline = './src/playground/baseline.tsx';
    plugins.push(page('baseline.html', 'baseline', { templateContent: '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Baseline</title><link rel="icon" href="data:,"></head><body><div id="root"></div></body></html>' }));
  }
  const copy = [{ from: 'assets', to: 'assets', noErrorOnMissing: true }];
  // The manifest on the address the folder will be served from, with package.json's version.
  if (fs.existsSync(path.join(root, 'manifest.xml'))) {
    copy.push({ from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestForOrigin(content.toString('utf8'), { base, version }) });
  }
  plugins.push(new CopyWebpackPlugin({ patterns: copy }));
  plugins.push(guidePlugin());
  // Said on the command line only; the tests build into folders of their own (outDir) quietly.
  if (deploy && prod && !env.outDir) plugins.push(deployNote(outDir, base, version));

  return {
    ...common(mode, prod, sourceMaps),
    entry,
    output: {
      path: outDir,
      filename: prod ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: prod ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    plugins,
    // Chunks named by what they hold (the webpackChunkName given, or the modules they share), not
    // numbered: what a page fetches, listed by bench/frontend.ts, can be read.
    optimization: { splitChunks: { chunks: 'async' }, chunkIds: 'named' },
    devServer: {
      port: PORT,
      host: 'localhost',
      server: https ? https.server : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      onListening(server) {
        const scheme = http ? 'http' : 'https';
        const base = `${scheme}://localhost:${server.options.port}`;
        const lines = [
          '',
          `  Trang thử nghiệm Excel (không cần Office): ${base}/playground.html`,
          `  Trang thử nghiệm Word (không cần Office):  ${base}/word-playground.html`,
          `  Kiểm tra không cần Office (tệp .xlsx):     ${base}/standalone.html`,
          `  Ngăn tác vụ cho Excel/Word:                ${base}/taskpane.html`,
          `  Tệp kê khai để nạp bổ trợ (sideload):      ${path.join(root, 'manifest.xml')}`,
          http ? '  (Chế độ http chỉ dùng cho trang thử nghiệm; Office cần https: chạy lại không có PLAYGROUND_HTTP=1.)' : certLine(https),
          '',
        ];
        console.log(lines.join('\n'));
      },
    },
  };
};

/** What every build shares: how TypeScript and the report template are compiled. */
function common(mode, prod, sourceMaps = false) {
  return {
    mode,
    context: root,
    target: 'web',
    devtool: prod ? (sourceMaps ? 'source-map' : false) : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      // Node's stream is asked for only by libraries' optional Node paths (ExcelJS's streaming API),
      // which pages never take;
      // cfb (the .xls container reader) asks for fs only in its readFile, which pages never call.
      fallback: { stream: false, fs: false },
      // formulajs's statistics library: only functions the evaluator never allows use it, and
      // formulajs touches it only when they run (test/xlsx/formulas-without-jstat.test.ts calls
      // every allowed function with jstat throwing on any use). 17 KB gzipped of every page.
      alias: { jstat: false },
    },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' }, exclude: /node_modules/ },
        // The pages' own makeStyles, compiled at build time to the class names and CSS rules Griffel
        // would compute in the browser (Griffel's ahead-of-time transform, which Fluent's own
        // components ship with): the pages then carry no CSS compiler (stylis, rtl-css-js, the
        // shorthand expanders), 7,9 KB gzipped of the standalone script. Runs after
        // esbuild-loader (enforce: 'post'), on plain JavaScript.
        // The modules its styles import (src/playground/frame.ts) are evaluated from their TypeScript.
        { test: /\.[cm]?tsx?$/, loader: '@griffel/webpack-loader', options: { babelOptions: { presets: ['@babel/preset-typescript'] } }, enforce: 'post', exclude: /node_modules/ },
        // The standalone page carries the report template inside its script: a page opened from
        // disk (file://) may not fetch files next to it. As its parts' text, which gzip shrinks
        // (scripts/docx-parts-loader.js), not as a data: URL of deflated bytes, which it cannot.
        { test: /\.docx$/, loader: path.join(root, 'scripts/docx-parts-loader.js'), type: 'javascript/auto' },
        // The findings catalogue's texts for the documentation (docs/findings.md, the officers'
        // guide) are read only by scripts/; pages keep each entry's severity and message
        // (scripts/catalogue-docs-loader.js, about 10 KB gzipped of every page).
        { test: /[\\/]src[\\/]core[\\/]catalogue[\\/](workbook|refusals|document)\.ts$/, enforce: 'pre', loader: path.join(root, 'scripts/catalogue-docs-loader.js') },
        // formulajs imports this Bessel-function library for functions the formula evaluator never
        // uses (src/xlsx/formula-eval.ts imports formulajs by name). It does nothing when loaded
        // but define its functions; said so, webpack drops it with the functions that needed it
        // (1,8 KB gzipped).
        { test: /[\\/]node_modules[\\/]bessel[\\/]/, sideEffects: false },
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/**
 * The standalone checker alone, as one script next to one page with relative paths: it opens from
 * disk or from any static intranet server, with no service behind it. The lazy chunks are folded
 * into the one script so that nothing depends on where the files are served from.
 */
function standaloneConfig(mode, outDir, sourceMaps) {
  const prod = mode === 'production';
  return {
    ...common(mode, prod, sourceMaps),
    entry: { standalone: './src/standalone/index.tsx' },
    output: { path: outDir, filename: prod ? '[name].[contenthash:8].js' : '[name].js', publicPath: '', clean: true },
    plugins: [
      page('standalone.html', 'standalone', { template: './src/standalone/standalone.html', title: STANDALONE_TITLE, guard: guardScript('standalone') }),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      // The blank standard workbook and the two samples, for officers trying the page.
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/templates/mau-chuan-cchc.xlsx', to: 'assets/templates/' },
          { from: 'assets/samples/*.xlsx', to: 'assets/samples/[name][ext]' },
        ],
      }),
    ],
  };
}

const GUIDE_DIR = path.join(root, 'docs/huong-dan');
/** The guide's pages, in the order the one HTML page (and so its PDF) gives them; the first is the guide itself. */
const GUIDE_PAGES = ['README.md', 'thong-bao.md'];

/**
 * The officers' guide (docs/huong-dan/, Vietnamese) as huong-dan/index.html beside the pages, with
 * its pictures, so the pane's "Hướng dẫn" link opens it from the same address and a browser prints
 * it as one PDF: README.md, then the pages it links to (thong-bao.md, the messages generated from
 * the catalogue) as its last part, their headings one level down and the links between them turned
 * into links inside the page. markdown-it renders them, with HTML allowed: the Markdown is the
 * repository's own, and the generated page marks each message with an anchor and a box (a <div>
 * that print keeps on one page).
 */
function guideHtml() {
  const MarkdownIt = require('markdown-it');
  const md = new MarkdownIt({ html: true, linkify: false });
  const own = new Map(GUIDE_PAGES.slice(1).map((f) => [f, f.replace(/\.md$/, '')]));
  const parts = GUIDE_PAGES.map((file, i) => {
    const tokens = md.parse(fs.readFileSync(path.join(GUIDE_DIR, file), 'utf8'), {});
    for (const t of tokens) {
      if (i > 0 && (t.type === 'heading_open' || t.type === 'heading_close')) t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
      for (const child of t.children ?? []) {
        if (child.type !== 'link_open') continue;
        // "thong-bao.md#tep" → "#tep"; "thong-bao.md" → the part's own anchor.
        const [target, hash] = (child.attrGet('href') ?? '').split('#');
        if (own.has(target)) child.attrSet('href', `#${hash || own.get(target)}`);
      }
    }
    const body = md.renderer.render(tokens, md.options, {});
    return i === 0 ? body : `<section class="phan" id="${own.get(file)}">${body}</section>`;
  });
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hướng dẫn sử dụng · Trợ lý báo cáo CCHC</title><link rel="icon" href="data:,"><style>
body{font-family:"Segoe UI",system-ui,sans-serif;color:#242424;line-height:1.5;margin:0 auto;max-width:46rem;padding:16px}
img{max-width:100%;border:1px solid #d1d1d1}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem}h4{font-size:1rem}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid #d1d1d1;background:#f5f5f5}
.thong-bao{border-top:1px solid #e0e0e0;padding-top:.25rem}.thong-bao p{margin:.4rem 0}
@media print{h2{break-before:page}img{max-height:60vh}h2,h3,h4{break-after:avoid}.thong-bao{break-inside:avoid}blockquote{background:none}}
</style></head><body><main>${parts.join('\n')}</main></body></html>`;
}

function guidePlugin() {
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap('cchc-guide', (compilation) => {
        compilation.hooks.processAssets.tap({ name: 'cchc-guide', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
          const { RawSource } = webpack.sources;
          for (const f of GUIDE_PAGES) compilation.fileDependencies.add(path.join(GUIDE_DIR, f));
          compilation.emitAsset('huong-dan/index.html', new RawSource(guideHtml()));
          const pictures = path.join(GUIDE_DIR, 'hinh');
          for (const f of fs.existsSync(pictures) ? fs.readdirSync(pictures) : []) {
            if (f.endsWith('.png')) compilation.emitAsset(`huong-dan/hinh/${f}`, new RawSource(fs.readFileSync(path.join(pictures, f))));
          }
        });
      });
    },
  };
}

/** After a deployment build: where the folder is and what to do with it, in the IT officer's words. */
function deployNote(outDir, base, version) {
  return {
    apply(compiler) {
      compiler.hooks.done.tap('cchc-deploy-note', (stats) => {
        if (stats.hasErrors()) return;
        console.log(
          [
            '',
            `  Đã ghi bản triển khai phiên bản ${version} vào ${path.relative(process.cwd(), outDir) || outDir}/`,
            `  Chép cả thư mục lên máy chủ để ${base}manifest.xml mở được; rồi nạp manifest.xml đó (docs/deploy.md).`,
            '',
          ].join('\n'),
        );
      });
    },
  };
}

module.exports.devHttps = devHttps;
module.exports.guideHtml = guideHtml;
module.exports.guardScript = guardScript;
