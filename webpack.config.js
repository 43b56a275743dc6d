// Builds the Office add-in pages (task pane, commands) and the offline playground into dist/web/.
//   npx webpack --mode production                    → dist/web/
//   npx webpack serve                                 → https://localhost:3000 (self-signed, for Office)
//   PLAYGROUND_HTTP=1 npx webpack serve               → http://localhost:3000 (playground, tests)
// env: outDir=DIR (build elsewhere, used by the tests and the bench), baseline=1 (adds the bench's
// blank FluentProvider page), officeJs=URL (where the pages take Office.js from; the bench points
// it at a local stub so that nothing leaves the machine).
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = __dirname;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = Number(process.env.PORT || 3000);

function page(filename, chunk, options = {}) {
  return new HtmlWebpackPlugin({ filename, chunks: [chunk], scriptLoading: 'defer', ...options });
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'development';
  const prod = mode === 'production';
  const outDir = env.outDir ? path.resolve(env.outDir) : path.join(root, 'dist/web');
  const http = process.env.PLAYGROUND_HTTP === '1';
  const officeJs = env.officeJs || OFFICE_JS;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    playground: './src/playground/index.tsx',
    'word-playground': './src/playground/word/index.tsx',
  };
  const plugins = [
    page('taskpane.html', 'taskpane', { template: './src/taskpane/taskpane.html', officeJs }),
    // Both playgrounds share one offline page; only the title differs.
    page('playground.html', 'playground', { template: './src/playground/playground.html', title: 'Trợ lý báo cáo CCHC · Trang thử nghiệm' }),
    page('word-playground.html', 'word-playground', { template: './src/playground/playground.html', title: 'Trợ lý báo cáo CCHC · Trang thử nghiệm Word' }),
  ];
  // The commands entry belongs to the Office adapter; the build works before it exists.
  if (fs.existsSync(path.join(root, 'src/commands/commands.ts'))) {
    entry.commands = './src/commands/commands.ts';
    plugins.push(
      page('commands.html', 'commands', {
        templateContent: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lệnh bổ trợ CCHC</title><link rel="icon" href="data:,"><script src="${officeJs}"></script></head><body></body></html>`,
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
  if (fs.existsSync(path.join(root, 'manifest.xml'))) copy.push({ from: 'manifest.xml', to: 'manifest.xml' });
  plugins.push(new CopyWebpackPlugin({ patterns: copy }));

  return {
    mode,
    context: root,
    entry,
    target: 'web',
    devtool: prod ? false : 'eval-cheap-module-source-map',
    output: {
      path: outDir,
      filename: prod ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: prod ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      // sax asks for Node's stream only for its optional stream API, which the reader never uses.
      fallback: { stream: false },
    },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' }, exclude: /node_modules/ },
      ],
    },
    plugins,
    performance: { hints: false },
    stats: 'errors-warnings',
    optimization: { splitChunks: { chunks: 'async' } },
    devServer: {
      port: PORT,
      host: 'localhost',
      server: http ? 'http' : 'https',
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
          `  Ngăn tác vụ cho Excel/Word:                ${base}/taskpane.html`,
          `  Tệp kê khai để nạp bổ trợ (sideload):      ${path.join(root, 'manifest.xml')}`,
          http ? '  (Chế độ http chỉ dùng cho trang thử nghiệm; Office cần https: chạy lại không có PLAYGROUND_HTTP=1.)' : '  (Chứng chỉ tự ký: mở địa chỉ trên trong trình duyệt một lần và chấp nhận để Office tải được.)',
          '',
        ];
        console.log(lines.join('\n'));
      },
    },
  };
};
