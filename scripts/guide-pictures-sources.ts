/**
 * What each picture of the officers' guide (docs/huong-dan/hinh/) shows, and a hash of it, so that a
 * test can tell a picture older than its page without a browser (test/docs/guide-pictures.test.ts).
 * `npm run guide:pictures` (scripts/guide-pictures.sh) records the hashes in
 * docs/huong-dan/hinh/nguon.json for the pictures it has just taken.
 *
 * The sources of a picture are what decides how its page looks:
 * - the page's code: every file under src/taskpane, src/standalone and src/playground that the
 *   page's entry (the webpack entry the picture's test opens) reaches through its imports, the
 *   panes' components, their styles (makeStyles) and the Fluent theme set up in them included;
 * - the page's HTML template;
 * - the versions of Fluent UI installed (package-lock.json), whose theme and components draw it;
 * - the sample files the picture opens (assets/samples, the Word report template).
 *
 * Not src/core, nor the readers and adapters (src/xlsx, src/excel, src/word, src/fake-office…):
 * they decide the words and figures on the screen, not where things are on it, and a picture
 * teaches an officer where to look and what to click. Every change of a rule or of a message's
 * wording would otherwise ask for five new pictures; the wording has its own generated page
 * (docs/huong-dan/thong-bao.md) and tests. Likewise the tests that drive the pages are left out.
 *
 * The hash is the same on every machine: paths relative to the repository with "/", sorted by
 * code unit; file contents only (no dates, no modes), text files with CRLF read as LF (a Windows
 * checkout with autocrlf hashes as a Linux one); a picture's hash is the SHA-256 of the lines
 * "<SHA-256 of the file>  <path>\n", in the manner of sha256sum.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '..');
export const PICTURES_DIR = 'docs/huong-dan/hinh';
export const RECORD = `${PICTURES_DIR}/nguon.json`;

/** The folders of the pages' own code: the files of these a page's entry imports are its sources. */
export const SCREEN_DIRS = ['src/taskpane', 'src/standalone', 'src/playground'];
/** Their versions draw every page: the Fluent theme's colours and spacing, the components, the icons. */
export const DRAWING_PACKAGES = ['@fluentui/react-components', '@fluentui/react-icons'];

export interface PictureSpec {
  /** The webpack entry of the page the picture is taken of (webpack.config.js). */
  entry: string;
  /** The page's HTML template. */
  html: string;
  /** Files the picture opens on the page (a sample workbook, the report template). */
  opens: string[];
}

/** The pictures scripts/guide-pictures.sh copies, each with what its test opens (test/e2e/*.test.ts, test/deploy/nginx.test.ts). */
export const PICTURES: Record<string, PictureSpec> = {
  // The Excel playground with the sample with mistakes, checked.
  'taskpane.png': { entry: 'src/playground/index.tsx', html: 'src/playground/playground.html', opens: ['assets/samples/mau-co-loi.xlsx'] },
  // The clean sample, its report downloaded.
  'taskpane-report.png': { entry: 'src/playground/index.tsx', html: 'src/playground/playground.html', opens: ['assets/samples/mau-sach.xlsx'] },
  // The Word playground: the report template filled from the clean sample.
  'word-pane.png': { entry: 'src/playground/word/index.tsx', html: 'src/playground/playground.html', opens: ['assets/samples/mau-sach.xlsx', 'assets/templates/bao-cao-cchc.docx'] },
  // The consolidation written into a new workbook (the units' workbooks are built by the test).
  'merge-written.png': { entry: 'src/playground/index.tsx', html: 'src/playground/playground.html', opens: [] },
  // The standalone page of the deployed build, with the sample with mistakes.
  'standalone.png': { entry: 'src/standalone/index.tsx', html: 'src/standalone/standalone.html', opens: ['assets/samples/mau-co-loi.xlsx'] },
};

const TEXT = /\.(tsx?|jsx?|json|html|css|md)$/;
const RESOLVE = ['', '.ts', '.tsx', '.js', '.jsx', '.json', '/index.ts', '/index.tsx', '/index.js'];

const inScreen = (path: string) => SCREEN_DIRS.some((d) => path.startsWith(`${d}/`));

function resolveImport(root: string, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = posix.join(posix.dirname(from), spec);
  for (const ext of RESOLVE) {
    const p = base + ext;
    const abs = join(root, p);
    if (existsSync(abs) && statSync(abs).isFile()) return p;
  }
  return null;
}

/** The files of SCREEN_DIRS that `entry` reaches through its imports (static, dynamic, type-only), itself included. */
export function screenFiles(entry: string, root = ROOT): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // preProcessFile lists a module's imports without type-checking it: fast, and what it imports is all we need.
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(root, file, fileName);
      if (target && inScreen(target) && !seen.has(target)) todo.push(target);
    }
  }
  return [...seen];
}

/** A file's SHA-256 as the record keeps it: its bytes, text files with CRLF read as LF. */
export function fileHash(abs: string): string {
  const bytes = readFileSync(abs);
  const content = TEXT.test(abs) ? Buffer.from(bytes.toString('utf8').replace(/\r\n/g, '\n'), 'utf8') : bytes;
  return createHash('sha256').update(content).digest('hex');
}

/** The installed versions of the drawing packages, as package-lock.json pins them: one line each. */
export function drawingVersions(root = ROOT): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  return DRAWING_PACKAGES.map((p) => `${p}@${lock.packages?.[`node_modules/${p}`]?.version ?? 'không có'}`);
}

export interface PictureSources {
  /** SHA-256 of the lines "<file hash>  <path>\n" of every source, sorted by path. */
  sha256: string;
  /** Each source's own hash; the installed versions of DRAWING_PACKAGES as "package-lock.json#<name>@<version>". */
  files: Record<string, string>;
}

/** What a picture of `spec` shows now, hashed. */
export function pictureSources(spec: PictureSpec, root = ROOT): PictureSources {
  const paths = [...new Set([...screenFiles(spec.entry, root), spec.html, ...spec.opens])];
  const files: Record<string, string> = {};
  for (const p of paths) files[p] = fileHash(join(root, p));
  for (const v of drawingVersions(root)) files[`package-lock.json#${v}`] = createHash('sha256').update(v).digest('hex');
  const sorted = Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sha256 = createHash('sha256')
    .update(sorted.map((p) => `${files[p]}  ${p}\n`).join(''))
    .digest('hex');
  return { sha256, files: Object.fromEntries(sorted.map((p) => [p, files[p]!])) };
}

export type SourcesRecord = Record<string, PictureSources>;

export function readRecord(root = ROOT): SourcesRecord {
  const path = join(root, RECORD);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SourcesRecord) : {};
}

/** What every picture of PICTURES would show now. */
export function snapshot(root = ROOT): SourcesRecord {
  return Object.fromEntries(Object.entries(PICTURES).map(([name, spec]) => [name, pictureSources(spec, root)]));
}

/** Records, for `pictures`, the sources `taken` says their pages had; the other pictures keep their entries. */
export function writeRecord(taken: SourcesRecord, pictures: string[], root = ROOT): void {
  const record = readRecord(root);
  for (const name of pictures) {
    const sources = taken[name];
    if (!sources) throw new Error(`Không có ảnh ${name} trong PICTURES (scripts/guide-pictures-sources.ts).`);
    record[name] = sources;
  }
  const ordered = Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
  writeFileSync(join(root, RECORD), `${JSON.stringify(ordered, null, 2)}\n`);
}

// scripts/guide-pictures.sh: the names (--list), the sources before the browser tests take the
// pictures (--snapshot FILE: a file edited meanwhile must not pass for what a picture shows), and
// the record of the pictures copied (--record FILE NAME.png…).
if (require.main === module) {
  const [command, file, ...pictures] = process.argv.slice(2);
  if (command === '--list') {
    console.log(Object.keys(PICTURES).join('\n'));
  } else if (command === '--snapshot' && file) {
    writeFileSync(file, `${JSON.stringify(snapshot(), null, 2)}\n`);
  } else if (command === '--record' && file && pictures.length) {
    writeRecord(JSON.parse(readFileSync(file, 'utf8')) as SourcesRecord, pictures);
    console.log(`Đã ghi nguồn của ${pictures.length} ảnh vào ${RECORD}`);
  } else {
    console.error('Cách dùng: tsx scripts/guide-pictures-sources.ts --list | --snapshot TỆP | --record TỆP ẢNH.png…');
    process.exit(2);
  }
}
