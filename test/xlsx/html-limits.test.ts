/**
 * The HTML reader against pages built to exhaust it (test/helpers/hostile/readers.ts): nesting,
 * millions of small elements, content misplaced inside a table. Their time and memory through the
 * CLI are in docs/reliability.md; here, what is refused and why, and that counting leaves parse5's
 * tree, so every page's model, as it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, serialize } from 'parse5';
import { countingTreeAdapter } from '../../src/xlsx/html';
import { decodeHtml } from '../../src/xlsx/decode';
import { Budget, LIMITS } from '../../src/xlsx/package';
import { readWorkbook, UnreadableWorkbookError } from '../../src/xlsx/read';
import { sniffFormat } from '../../src/xlsx/sniff';
import { fosterParentedPage, nestedDivsPage, smallElementsPage } from '../helpers/hostile/readers';

const enc = (s: string) => new TextEncoder().encode(s);

async function refusal(data: Uint8Array): Promise<UnreadableWorkbookError> {
  const err = await readWorkbook(data, 'trang.xls').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}

/** `k` <div>s open inside one another after a one-row table; with <html> and <body>, k + 2 elements are open at the deepest. */
const divsDeep = (k: number) => enc(`<html><body><table><tr><td>Tổng số</td><td>7</td></tr></table>${'<div>'.repeat(k)}sâu${'</div>'.repeat(k)}</body></html>`);

describe('HTML pages past the limits are refused while parse5 builds them', () => {
  test('1 MB of nested <div>s: refused at the depth limit, in Vietnamese', async () => {
    const e = await refusal(nestedDivsPage(1024 * 1024));
    expect(e.code).toBe('html_too_deep');
    expect(e.message).toContain('Trang HTML có các thẻ lồng nhau quá sâu (hơn 100 tầng, giới hạn độ sâu 100)');
  });

  test('the depth counted is the stack of open elements: 98 <div>s read (100 open), 99 refused (101 open)', async () => {
    expect(LIMITS.maxXmlDepth).toBe(100);
    const m = await readWorkbook(divsDeep(98), 'trang.xls');
    expect(m.sheets[0]!.rows.map((r) => r.map((c) => c?.v))).toEqual([['Tổng số', '7'], ['sâu']]);
    expect((await refusal(divsDeep(99))).code).toBe('html_too_deep');
  });

  test('unclosed <p>, <li>, <td> and <tr>, which the parser closes, do not count as nesting', async () => {
    const rows = 300;
    const page = enc(`<html><body>${'<p>dòng'.repeat(150)}<ul>${'<li>mục'.repeat(150)}</ul><table>${Array.from({ length: rows }, (_, i) => `<tr><td>${i}<td>${i * 2}`).join('')}</table></body></html>`);
    const m = await readWorkbook(page, 'trang.xls');
    // 150 paragraphs and 150 items, one row each, then the table's 300 rows.
    expect(m.sheets[0]!.rows).toHaveLength(150 + 150 + rows);
    expect(m.sheets[0]!.rows[300]!.map((c) => c?.v)).toEqual(['0', '0']);
    expect(m.sheets[0]!.rows[599]!.map((c) => c?.v)).toEqual(['299', '598']);
  });

  test('24 MB of small elements (no cell tags, so the cell pre-count lets it through): refused at the node limit', async () => {
    const page = smallElementsPage(24 * 1024 * 1024);
    expect(page.length).toBeGreaterThan(24 * 1024 * 1024 - 20);
    const e = await refusal(page);
    expect(e.code).toBe('html_too_many_nodes');
    expect(e.message).toContain(`giới hạn số phần tử ${LIMITS.maxPageNodes.toLocaleString('de-DE')}`);
  });

  test('the node limit counts elements and text runs: a page of n nodes reads at a limit of n, refused at n − 1', async () => {
    // <html>, <head>, <body>, <table>, the implied <tbody>, 2 × (<tr>, <td>, its text) = 11 nodes.
    const page = enc('<html><body><table><tr><td>a</td></tr><tr><td>b</td></tr></table></body></html>');
    const before = LIMITS.maxPageNodes;
    try {
      LIMITS.maxPageNodes = 11;
      expect((await readWorkbook(page, 'trang.xls')).sheets[0]!.rows).toEqual([[{ v: 'a' }], [{ v: 'b' }]]);
      LIMITS.maxPageNodes = 10;
      expect((await refusal(page)).code).toBe('html_too_many_nodes');
    } finally {
      LIMITS.maxPageNodes = before;
    }
  });

  test('an element of 300 000 children under the limits reads (once past the arguments one call can take)', async () => {
    const m = await readWorkbook(enc(`<html><body><table><tr><td>Tổng số</td></tr></table><p>${'<span>1</span>'.repeat(300_000)}</p></body></html>`), 'trang.xls');
    expect(m.sheets[0]!.rows.map((r) => r.map((c) => c?.v))).toEqual([['Tổng số'], ['1'.repeat(300_000)]]);
  });

  test('elements misplaced inside a table are moved before it and the table reads as without them', async () => {
    const plain = await readWorkbook(fosterParentedPage(0), 'trang.xls');
    expect(plain.sheets[0]!.rows.map((r) => r.map((c) => c?.v))).toEqual([['Lĩnh vực', 'Tổng số'], ['Dược phẩm', '12']]);
    // 300 KB: about 43 000 empty <i> elements, well under the node limit.
    const m = await readWorkbook(fosterParentedPage(300 * 1024), 'trang.xls');
    expect(m.sheets[0]!.rows).toEqual(plain.sheets[0]!.rows);
  });
});

/** Every file of test/fixtures that is an HTML page, whatever its name. */
function htmlFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFixtures(p);
    return sniffFormat(new Uint8Array(readFileSync(p).subarray(0, 4096))) === 'html' ? [p] : [];
  });
}

describe('counting leaves parse5\'s tree as it was', () => {
  const files = htmlFixtures(join(__dirname, '..', 'fixtures'));
  const trees = (text: string) => [serialize(parse(text)), serialize(parse(text, { treeAdapter: countingTreeAdapter(new Budget('html')) }))];

  test('the fixtures hold HTML pages: the one-stop exports and the real pages', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  test.each(files.map((f) => [f.slice(f.indexOf('test/fixtures')), f]))('%s', (_, file) => {
    const [before, after] = trees(decodeHtml(new Uint8Array(readFileSync(file))));
    expect(after).toBe(before);
  });

  test('content fostered out of tables, misnested formatting, text before a table', () => {
    const page = `<html><body><table>x<b>1<tr><td>a<i>b</td>y</tr><p>q<table><tr>z<td>2</table></table>${'<b><p>m</b>n</p>'.repeat(50)}<a><div><a>k</div></a></body></html>`;
    const [before, after] = trees(page);
    expect(after).toBe(before);
  });
});
