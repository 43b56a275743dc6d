/**
 * The guide's pictures (docs/huong-dan/hinh/) are no older than the pages they show: the hashes
 * `npm run guide:pictures` recorded beside them (nguon.json) are recomputed from the sources as
 * they are now (scripts/guide-pictures-sources.ts says which and why). No browser: it reads files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PICTURES, PICTURES_DIR, ROOT, pictureSources, readRecord, screenFiles, snapshot, writeRecord, type PictureSources } from '../../scripts/guide-pictures-sources';

/** "src/taskpane/FindingList.tsx đã đổi", "… mới", "… không còn": what moved between two records of one picture. */
function changes(was: PictureSources['files'], now: PictureSources['files']): string[] {
  const out: string[] = [];
  for (const [p, h] of Object.entries(now)) if (was[p] === undefined) out.push(`${p} mới (new)`);
  else if (was[p] !== h) out.push(`${p} đã đổi (changed)`);
  for (const p of Object.keys(was)) if (now[p] === undefined) out.push(`${p} không còn (gone)`);
  return out;
}

describe('the guide\'s pictures are no older than their pages', () => {
  const record = readRecord();

  test('every picture the guide has is recorded, and every recorded one is there', () => {
    const pngs = readdirSync(join(ROOT, PICTURES_DIR)).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toEqual(Object.keys(PICTURES).sort());
    expect(Object.keys(record).sort()).toEqual(pngs);
  });

  test.each(Object.keys(PICTURES))('%s', (name) => {
    const was = record[name];
    const now = pictureSources(PICTURES[name]!);
    const stale =
      was?.sha256 === now.sha256
        ? []
        : [
            `Ảnh ${PICTURES_DIR}/${name} cũ hơn trang nó chụp / the picture is older than its page` +
              `${was ? ` (${changes(was.files, now.files).join('; ')})` : ' (chưa ghi nguồn / no record)'}: ` +
              'hãy chạy / run npm run guide:pictures',
          ];
    expect(stale).toEqual([]);
  });
});

describe('what a picture\'s hash is made of', () => {
  /** A small repository: a page entry, its components, core code, a package, an asset and a lockfile. */
  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'cchc-guide-sources-'));
    const all: Record<string, string> = {
      'package-lock.json': JSON.stringify({ packages: { 'node_modules/@fluentui/react-components': { version: '9.1.0' }, 'node_modules/@fluentui/react-icons': { version: '2.0.1' } } }),
      ...files,
    };
    for (const [p, text] of Object.entries(all)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
    return root;
  }
  const PAGE = {
    'src/standalone/index.tsx': "import { Page } from './Page';\nimport { createRoot } from 'react-dom/client';\n",
    'src/standalone/Page.tsx': "import { List } from '../taskpane/List';\nimport type { Finding } from '../core/findings';\nconst lazy = () => import('../taskpane/report');\n",
    'src/taskpane/List.tsx': "import { tokens } from '@fluentui/react-components';\nimport { readWorkbook } from '../xlsx/read';\n",
    'src/taskpane/report/index.ts': 'export const report = 1;\n',
    'src/taskpane/Unused.tsx': 'export const unused = 1;\n',
    'src/core/findings.ts': 'export type Finding = 1;\n',
    'src/xlsx/read.ts': 'export const readWorkbook = 1;\n',
    'src/standalone/standalone.html': '<!doctype html><div id="root"></div>\n',
    'assets/samples/a.xlsx': 'PK binary\r\n',
  };
  const spec = { entry: 'src/standalone/index.tsx', html: 'src/standalone/standalone.html', opens: ['assets/samples/a.xlsx'] };
  const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

  test('the page\'s own code it imports (static, dynamic, a folder\'s index), not the core, the readers, the packages, nor what it does not import', () => {
    const root = tree(PAGE);
    expect(screenFiles(spec.entry, root).sort()).toEqual(['src/standalone/Page.tsx', 'src/standalone/index.tsx', 'src/taskpane/List.tsx', 'src/taskpane/report/index.ts']);
  });

  test('is the SHA-256 of "<file hash>  <path>" lines sorted by path, the drawing packages\' versions among them', () => {
    const root = tree(PAGE);
    const lines = [
      [sha('PK binary\r\n'), 'assets/samples/a.xlsx'],
      [sha('@fluentui/react-components@9.1.0'), 'package-lock.json#@fluentui/react-components@9.1.0'],
      [sha('@fluentui/react-icons@2.0.1'), 'package-lock.json#@fluentui/react-icons@2.0.1'],
      [sha(PAGE['src/standalone/Page.tsx']), 'src/standalone/Page.tsx'],
      [sha(PAGE['src/standalone/index.tsx']), 'src/standalone/index.tsx'],
      [sha(PAGE['src/standalone/standalone.html']), 'src/standalone/standalone.html'],
      [sha(PAGE['src/taskpane/List.tsx']), 'src/taskpane/List.tsx'],
      [sha(PAGE['src/taskpane/report/index.ts']), 'src/taskpane/report/index.ts'],
    ];
    const got = pictureSources(spec, root);
    expect(Object.entries(got.files)).toEqual(lines.map(([h, p]) => [p, h]));
    expect(got.sha256).toBe(sha(lines.map(([h, p]) => `${h}  ${p}\n`).join('')));
  });

  test('reads a text file the same with CRLF as with LF, a binary one as its bytes, and changes with any source', () => {
    const lf = pictureSources(spec, tree(PAGE)).sha256;
    const crlf = { ...PAGE, 'src/taskpane/List.tsx': PAGE['src/taskpane/List.tsx'].replace(/\n/g, '\r\n') };
    expect(pictureSources(spec, tree(crlf)).sha256).toBe(lf);
    // The sample's bytes are its own: a CRLF in a binary file is data.
    expect(pictureSources(spec, tree({ ...PAGE, 'assets/samples/a.xlsx': 'PK binary\n' })).sha256).not.toBe(lf);
    expect(pictureSources(spec, tree({ ...PAGE, 'src/taskpane/report/index.ts': 'export const report = 2;\n' })).sha256).not.toBe(lf);
    // A component not imported, the core, a reader: not what the page looks like.
    expect(pictureSources(spec, tree({ ...PAGE, 'src/taskpane/Unused.tsx': 'export const unused = 2;\n', 'src/core/findings.ts': 'export type Finding = 2;\n', 'src/xlsx/read.ts': 'x' })).sha256).toBe(lf);
  });

  test('recording pictures keeps the others\' entries', () => {
    const root = tree(PAGE);
    mkdirSync(join(root, PICTURES_DIR), { recursive: true });
    const old = { sha256: 'cu', files: { 'src/a.tsx': 'cu' } };
    writeFileSync(join(root, PICTURES_DIR, 'nguon.json'), JSON.stringify({ 'standalone.png': old, 'word-pane.png': old }));
    const taken = { 'standalone.png': pictureSources(spec, root) };
    writeRecord(taken, ['standalone.png'], root);
    expect(readRecord(root)).toEqual({ 'standalone.png': taken['standalone.png'], 'word-pane.png': old });
    expect(() => writeRecord(taken, ['khong-co.png'], root)).toThrow('khong-co.png');
  });

  test('the snapshot the picture command takes covers every picture', () => {
    expect(Object.keys(snapshot()).sort()).toEqual(Object.keys(PICTURES).sort());
  });
});
