/**
 * Hostile input, timed: the measurements the tests used to assert as times ("refused within 30 s",
 * "scanned in under 4 s"), which failed on a loaded machine and passed on a fast one for the wrong
 * reasons. The tests now check what is refused and why; here each time is printed beside the
 * honest work of the same kind measured in the same run, as a ratio, and against the product's
 * promise (a refusal in under 30 s, README.md and docs/reliability.md):
 *
 * - workbooks past a limit or not workbooks at all (test/helpers/hostile-cases.ts, the cases of
 *   test/xlsx/limits.test.ts and test/xlsx/bad-input.test.ts) against reading the clean sample;
 * - HTML exports past the cell limits (test/xlsx/html.test.ts) against reading a real export;
 * - formulas over whole sheets and formulas past the work budget (test/xlsx/formulas.test.ts)
 *   against the same formulas on the cells the sheet has, and against the budget spent in full;
 * - report templates past a limit (test/docx/limits.test.ts) against filling the shipped template,
 *   and the content-control scan at 40 000 levels against 4 × its time at 10 000 (linear: ≈ 1);
 * - random mutations of a valid workbook (test/properties/mutations.test.ts, same seed), the
 *   slowest of each kind against reading and checking the workbook unmutated.
 *
 * `npx tsx bench/refusals.ts` runs this section alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { checkWorkbook } from '../src/core/check';
import type { Cell, WorkbookModel } from '../src/core/model';
import { buildNarrative } from '../src/core/narrative';
import { fillDocxDetailed } from '../src/docx/fill';
import { findControls } from '../src/docx/sdt';
import { isUnreadableWorkbookError } from '../src/xlsx/errors';
import { computeFormulas } from '../src/xlsx/formulas';
import { readWorkbook } from '../src/xlsx/read';
import { CLEAN_SAMPLE, SAMPLE_FILES } from '../src/xlsx/samples';
import { buildWorkbook } from '../src/xlsx/template';
import { body, deflatedEntry, docxWith, entityExpansion, MINIMAL_CT, nestedControls, zipOf } from '../test/docx/hostile';
import { BAD_INPUT_CASES, cellsPastThePageLimit, LIMIT_CASES, spansPastTheLimit } from '../test/helpers/hostile-cases';
import { konTumQ3 } from '../test/narrative/fixtures';

const ROOT = join(__dirname, '..');
const PROMISE_MS = 30_000;
const REPS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = (x: number) => x.toFixed(2).replace('.', ',');
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Median of REPS runs after one warm-up. */
async function typical(fn: () => unknown): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < REPS; i++) runs.push(await timed(fn));
  return median(runs);
}

/** The time `fn` takes to throw; a refusal that does not come, or another error, stops the bench. */
async function refusalTime(fn: () => Promise<unknown>, reason: string, label: string): Promise<number> {
  const t = performance.now();
  const e = await fn().then(
    () => null,
    (x: unknown) => x,
  );
  const took = performance.now() - t;
  const got = (e as { reason?: string } | null)?.reason;
  if (got !== reason) throw new Error(`${label}: expected the refusal "${reason}", got ${e === null ? 'no refusal' : String(got ?? e)}`);
  return took;
}

function line(label: string, took: number, base: number): void {
  console.log(`${label.padEnd(58)} ${ms(took)}  ${ratio(took / base).padStart(7)} × chuẩn  ${took < PROMISE_MS ? 'đạt' : 'CHƯA ĐẠT'} (< 30 s)`);
}

async function workbooks(): Promise<void> {
  console.log('\n== Từ chối sổ độc hại hoặc không phải sổ (so với đọc mẫu sạch) ==');
  const clean = new Uint8Array(readFileSync(join(ROOT, SAMPLE_FILES.clean)));
  const base = await typical(() => readWorkbook(clean));
  console.log(`${'chuẩn: đọc mẫu sạch (trung vị)'.padEnd(58)} ${ms(base)}`);
  for (const [label, make, reason] of [...LIMIT_CASES, ...BAD_INPUT_CASES]) {
    const bytes = await make();
    line(label, await refusalTime(() => readWorkbook(bytes), reason, label), base);
  }
}

async function pages(): Promise<void> {
  console.log('\n== Trang HTML vượt giới hạn ô (so với đọc một tệp xuất thật của hệ thống một cửa) ==');
  const real = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/html/mot-cua-kon-tum-q3-2022-dung.xls')));
  const base = await typical(() => readWorkbook(real, 'mot-cua.xls'));
  console.log(`${'chuẩn: đọc tệp xuất thật (trung vị)'.padEnd(58)} ${ms(base)}`);
  const enc = (s: string) => new TextEncoder().encode(s);
  const spans = enc(spansPastTheLimit());
  const cells = enc(cellsPastThePageLimit());
  line('ô gộp colspan 1000 × rowspan 65534', await refusalTime(() => readWorkbook(spans), 'too_many_cells', 'spans'), base);
  line('một trang nhiều ô hơn giới hạn', await refusalTime(() => readWorkbook(cells), 'too_many_cells', 'page cells'), base);
}

async function formulas(): Promise<void> {
  console.log('\n== Công thức độc hại (tính lại công thức chưa có kết quả) ==');
  // Whole-sheet ranges against the same sums written over the cells the sheet has.
  const sheetOf = (f: string[]): WorkbookModel => ({
    sheets: [
      { name: 'S', rows: [[{ v: 2 }, { v: 3 }], [{ v: 4 }]] },
      { name: 'T', rows: [f.map((x): Cell => ({ v: null, f: x }))] },
    ],
    tables: [],
    names: [],
  });
  const whole = await typical(() => computeFormulas(sheetOf(['SUMPRODUCT(S!A1:XFD1048576)', 'SUM(S!A:A)+SUM(S!1:1)'])));
  const bounded = await typical(() => computeFormulas(sheetOf(['SUMPRODUCT(S!A1:B2)', 'SUM(S!A1:A2)+SUM(S!A1:B1)'])));
  console.log(`vùng cả trang (A1:XFD1048576, A:A, 1:1): ${ms(whole)}; cùng phép tính trên các ô có thật: ${ms(bounded)}; tỉ lệ ${ratio(whole / bounded)} (mong đợi: vài lần; không giới hạn ở các ô trang có, A1:XFD1048576 là 17 tỉ ô)`);
  // 5 000 sums of 5 000 cells (25 million cell visits) against 1 000 sums of 5 000 cells, exactly
  // the 5 000 000 visits of the evaluator's budget (src/xlsx/formula-eval.ts), all computed.
  const sums = (formulasCount: number) => {
    const rows: (Cell | undefined)[][] = Array.from({ length: 5000 }, (_, r) => [{ v: r }, ...(r < formulasCount ? [{ v: null, f: 'SUM($A$1:$A$5000)' }] : [])]);
    return { sheets: [{ name: 'S', rows }], tables: [], names: [] } satisfies WorkbookModel;
  };
  let summary = { computed: 0, uncomputed: 0 };
  const past = await typical(async () => void (summary = await computeFormulas(sums(5000))));
  const full = await typical(() => computeFormulas(sums(1000)));
  console.log(
    `5.000 tổng trên 5.000 ô (vượt ngân sách, ${summary.uncomputed} công thức để lại có đánh dấu): ${ms(past)}; ngân sách dùng hết (1.000 tổng): ${ms(full)}; tỉ lệ ${ratio(past / full)} (mong đợi ≈ 1: dừng ở ngân sách) ${past < PROMISE_MS ? 'đạt' : 'CHƯA ĐẠT'} (< 30 s)`,
  );
}

async function templates(): Promise<void> {
  console.log('\n== Mẫu báo cáo độc hại (so với điền mẫu báo cáo kèm theo) ==');
  const narrative = buildNarrative(konTumQ3());
  const record = { fileName: 'a.xlsx', unit: 'x', period: 'y', fingerprint: narrative.fingerprint, filledAt: '2022-09-14T08:30:00.000Z' };
  const shipped = new Uint8Array(readFileSync(join(ROOT, 'assets/templates/bao-cao-cchc.docx')));
  const base = await typical(() => fillDocxDetailed(shipped, narrative, record));
  console.log(`${'chuẩn: điền mẫu báo cáo kèm theo (trung vị)'.padEnd(58)} ${ms(base)}`);
  const fill = (docx: Uint8Array) => () => fillDocxDetailed(docx, narrative, record);
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const bomb = zipOf([
    await deflatedEntry('[Content_Types].xml', MINIMAL_CT, ' ', 0, ''),
    await deflatedEntry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`, 'a', 400 * 2 ** 20, '</w:t></w:r></w:p></w:body></w:document>'),
  ]);
  line('400 KB .docx giải nén thành 400 MB', await refusalTime(fill(bomb), 'unpacked_too_large', 'bomb'), base);
  line('điều khiển nội dung lồng 1.000 cấp', await refusalTime(fill(await docxWith(nestedControls(1000))), 'too_deep', 'depth'), base);
  line('thực thể lồng nhau (billion laughs)', await refusalTime(fill(await docxWith(entityExpansion())), 'bad_xml', 'entities'), base);
  line('XML hỏng', await refusalTime(fill(await docxWith(body('<w:p>'))), 'bad_xml', 'malformed'), base);
  // Linear in depth: 40 000 levels against four times 10 000 (a scan walking its stack at every end tag gave ≈ 4).
  const deep = nestedControls(40_000);
  const shallow = nestedControls(10_000);
  const t40 = await typical(() => findControls(deep));
  const t10 = await typical(() => findControls(shallow));
  console.log(`quét điều khiển lồng 40.000 cấp: ${ms(t40)}; 10.000 cấp: ${ms(t10)}; tỉ lệ 40.000 / (4 × 10.000) = ${ratio(t40 / (4 * t10))} (tuyến tính: ≈ 1, bậc hai: ≈ 4)`);
}

async function mutations(): Promise<void> {
  console.log('\n== Sổ bị làm hỏng ngẫu nhiên (seed của test/properties/mutations.test.ts; chậm nhất mỗi loại, so với đọc + kiểm tra sổ gốc) ==');
  const base = await buildWorkbook(CLEAN_SAMPLE);
  const outcome = async (bytes: Uint8Array) => {
    try {
      checkWorkbook(await readWorkbook(bytes, 'x.xlsx'));
    } catch (e) {
      if (!isUnreadableWorkbookError(e)) throw e;
    }
  };
  const baseline = await typical(() => outcome(base));
  console.log(`${'chuẩn: đọc + kiểm tra sổ gốc (trung vị)'.padEnd(58)} ${ms(baseline)}`);
  const MANY = { seed: 8_2026, numRuns: 60 };
  const RUNS = { seed: 8_2026, numRuns: 15 };
  const zip = await JSZip.loadAsync(base);
  const sheet2 = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
  const rezip = async (part: string, xml: string) => {
    const z = await JSZip.loadAsync(base);
    z.file(part, xml);
    return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };
  /** Offsets of the records with a 4-byte little-endian signature (local headers, directory entries). */
  const records = (sig: number) => {
    const dv = new DataView(base.buffer, base.byteOffset, base.byteLength);
    const out: number[] = [];
    for (let i = 0; i + 4 <= base.length; i++) if (dv.getUint32(i, true) === sig) out.push(i);
    return out;
  };
  const [central, local] = [records(0x02014b50), records(0x04034b50)];
  const deep = await Promise.all(
    fc.sample(fc.integer({ min: 1, max: 20_000 }), RUNS).map((depth) => {
      const nest = `${'<x:ext xmlns:x="urn:x">'.repeat(depth)}${'</x:ext>'.repeat(depth)}`;
      return rezip('xl/worksheets/sheet2.xml', sheet2.replace('</sheetData>', `${nest}</sheetData>`));
    }),
  );
  const dimensions = await Promise.all(
    fc.sample(fc.constantFrom('A1:XFD1048576', 'A1:ZZZZ99999999', 'XFD1048576', '', 'A0:B-1'), RUNS).map((dim) => rezip('xl/worksheets/sheet2.xml', sheet2.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dim}"/>`))),
  );
  const kinds: [string, Uint8Array[]][] = [
    ['cắt cụt ở vị trí bất kỳ (60 mẫu)', fc.sample(fc.nat(), MANY).map((n) => base.slice(0, n % base.length))],
    [
      'đảo bit ở vị trí bất kỳ (60 mẫu)',
      fc.sample(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 }), MANY).map((flips) => {
        const b = base.slice();
        for (const [at, x] of flips) b[at % b.length]! ^= x;
        return b;
      }),
    ],
    [
      'kích thước khai sai trong thư mục zip (60 mẫu)',
      fc.sample(fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat({ max: 0xffffffff })), { minLength: 1, maxLength: 8 }), MANY).map((lies) => {
        const b = base.slice();
        const dv = new DataView(b.buffer);
        // Uncompressed size: offset 24 in a directory entry, 22 in a local header.
        for (const [i, inDirectory, size] of lies) dv.setUint32(inDirectory ? central[i % central.length]! + 24 : local[i % local.length]! + 22, size, true);
        return b;
      }),
    ],
    ['<dimension> vô lý (15 mẫu)', dimensions],
    ['XML lồng sâu trong trang tính (15 mẫu, tới 20.000 cấp)', deep],
  ];
  for (const [label, inputs] of kinds) {
    let slowest = 0;
    for (const b of inputs) slowest = Math.max(slowest, await timed(() => outcome(b)));
    line(label, slowest, baseline);
  }
}

export async function benchRefusals(): Promise<void> {
  await workbooks();
  await pages();
  await formulas();
  await templates();
  await mutations();
}

if (require.main === module) {
  benchRefusals().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
