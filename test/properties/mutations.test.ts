/**
 * Random mutations of a valid workbook (fast-check, fixed seed, bounded runs): truncation, flipped
 * bytes, lying sizes in the zip directory, huge <dimension>s, deep XML. Whatever comes out, the
 * reader gives a model the checker reports on (its JSON accepted by its own schema) or refuses
 * with a Vietnamese UnreadableWorkbookError; the input bytes never change. How long the slowest
 * of these takes, against the product's 30 s, is measured by `npm run bench` (bench/refusals.ts).
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { readWorkbook } from '../../src/xlsx/read';
import { isUnreadableWorkbookError } from '../../src/xlsx/errors';
import { buildWorkbook } from '../../src/xlsx/template';
import { CLEAN_SAMPLE } from '../../src/xlsx/samples';
import { checkWorkbook } from '../../src/core/check';
import { checkJson } from '../../src/core/schemas';
import { reportText } from '../../src/cli/format';
import { reportJson } from '../../src/cli/format-json';
import { readBoundedSync } from '../../src/cli/input';

const dir = mkdtempSync(join(tmpdir(), 'cchc-prop-'));

const RUNS = { seed: 8_2026, numRuns: 15 };
/** Byte-level mutations are cheap to try: more of them. */
const MANY = { seed: 8_2026, numRuns: 60 };
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let base: Uint8Array;
let parts: Record<string, string>;
beforeAll(async () => {
  base = await buildWorkbook(CLEAN_SAMPLE);
  const zip = await JSZip.loadAsync(base);
  parts = {};
  for (const f of Object.values(zip.files)) if (!f.dir && /\.xml$/.test(f.name)) parts[f.name] = await f.async('string');
}, 60_000);

/** Reads, checks and prints `bytes`; fails the property on anything but a report or a Vietnamese refusal. */
async function outcome(input: Uint8Array): Promise<'report' | 'refused'> {
  // Through a file, as the CLI reads it: the file must not change, in bytes or in time stamp.
  const file = join(dir, 'input.xlsx');
  writeFileSync(file, input);
  const before = statSync(file).mtimeMs;
  const bytes = new Uint8Array(readBoundedSync(file));
  const copy = bytes.slice();
  try {
    const model = await readWorkbook(bytes, 'x.xlsx');
    const report = checkWorkbook(model);
    expect(checkJson.safeParse(reportJson(report, 'x.xlsx')).success).toBe(true);
    reportText(report, model, 'x.xlsx');
    return 'report';
  } catch (e) {
    if (!isUnreadableWorkbookError(e)) throw e;
    expect(e.message).toMatch(VIETNAMESE);
    expect(e.message).not.toMatch(/\b(Error|undefined|Cannot|Invalid|Unexpected)\b/);
    return 'refused';
  } finally {
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
    expect(readFileSync(file).equals(Buffer.from(input))).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before);
  }
}

async function rezip(edit: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  for (const [k, v] of Object.entries(edit)) zip.file(k, v);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Offsets of the records with a 4-byte little-endian signature (local headers, directory entries). */
function records(bytes: Uint8Array, sig: number): number[] {
  const out: number[] = [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (dv.getUint32(i, true) === sig) out.push(i);
  return out;
}

test('truncated anywhere: a report or a refusal', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(), async (n) => {
      await outcome(base.slice(0, n % base.length));
    }),
    MANY,
  );
}, 120_000);

test('bytes flipped anywhere: a report or a refusal', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 }), async (flips) => {
      const b = base.slice();
      for (const [at, x] of flips) b[at % b.length]! ^= x;
      await outcome(b);
    }),
    MANY,
  );
}, 120_000);

test('sizes in the zip directory and local headers lied about: a report or a refusal', async () => {
  const central = records(base, 0x02014b50);
  const local = records(base, 0x04034b50);
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat({ max: 0xffffffff })), { minLength: 1, maxLength: 8 }), async (lies) => {
      const b = base.slice();
      const dv = new DataView(b.buffer);
      for (const [i, inDirectory, size] of lies) {
        // Uncompressed size: offset 24 in a directory entry, 22 in a local header.
        if (inDirectory) dv.setUint32(central[i % central.length]! + 24, size, true);
        else dv.setUint32(local[i % local.length]! + 22, size, true);
      }
      await outcome(b);
    }),
    MANY,
  );
}, 120_000);

test('huge or absurd <dimension>s: the workbook still reads (the dimension is not trusted)', async () => {
  const sheets = Object.keys(parts).filter((p) => /worksheets\/sheet\d+\.xml$/.test(p));
  const ref = fc.oneof(
    fc.constantFrom('A1:XFD1048576', 'A1:ZZZZ99999999', 'XFD1048576', '', 'A0:B-1', 'A1:A1'),
    fc.tuple(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 })).map(([c, r]) => `A1:${colName(c)}${r}`),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...sheets), ref, async (sheet, dim) => {
      const xml = parts[sheet]!.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dim}"/>`);
      expect(await outcome(await rezip({ [sheet]: xml }))).toBe('report');
    }),
    RUNS,
  );
}, 120_000);

test('deep XML inside a sheet: read when shallow, refused with the depth limit when deep', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('extLst', 'sheetData'), async (depth, where) => {
      const nest = `${'<x:ext xmlns:x="urn:x">'.repeat(depth)}${'</x:ext>'.repeat(depth)}`;
      const xml =
        where === 'extLst'
          ? parts['xl/worksheets/sheet2.xml']!.replace('</worksheet>', `<extLst>${nest}</extLst></worksheet>`)
          : parts['xl/worksheets/sheet2.xml']!.replace('</sheetData>', `${nest}</sheetData>`);
      const out = await outcome(await rezip({ 'xl/worksheets/sheet2.xml': xml }));
      // worksheet > extLst|sheetData > the nest: past the limit of 100 levels it must be refused.
      expect(out).toBe(depth + 2 > 100 ? 'refused' : 'report');
    }),
    // Either side of the limit, besides the random depths.
    { ...RUNS, examples: [[98, 'extLst'], [99, 'extLst'], [98, 'sheetData'], [99, 'sheetData']] },
  );
}, 120_000);

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
