/**
 * "Tổng hợp từ các đơn vị" in the pane, without the browser: the units' files read as the pane
 * reads picked files, on the Kon Tum corpus (test/helpers/merge-corpus.ts), whose every figure is
 * seed data, so the expected sums are computed here from the seeds, not by the merge.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { Q3, Q4, Q4_DUPLICATE, unitWorkbook, type SeedUnit } from '../helpers/merge-corpus';
import { LIMITS } from '../../src/xlsx/package';
import { buildMergedWorkbook } from '../../src/xlsx/merge-workbook';
import {
  MERGED_SHEETS,
  fileHash,
  mergeOutcomes,
  mergedFileName,
  planWrite,
  writtenText,
  readPreviousFile,
  readUnitFiles,
  type PickedFile,
} from '../../src/taskpane/merge/merge';

const picked = (name: string, bytes: Uint8Array): PickedFile => ({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });

async function corpus(units: readonly SeedUnit[]): Promise<PickedFile[]> {
  return Promise.all(units.map(async (u) => picked(u.file, await unitWorkbook(u))));
}

const sum = (units: readonly SeedUnit[], key: string) => units.reduce((a, u) => a + u.kq.reduce((b, r) => b + (r[key] as number), 0), 0);

let q3Files: PickedFile[];
beforeAll(async () => {
  q3Files = await corpus(Q3);
}, 60_000);

describe('pane merge: reading the units', () => {
  test('a clean quarter: every unit "Đạt", summed in the order cchc merge takes a folder, totals the sums of the seeds', async () => {
    const seen: string[] = [];
    // Given in reverse: the pane sorts them as `cchc merge` sorts a folder.
    const outcomes = await readUnitFiles([...q3Files].reverse(), (done, total) => seen.push(`${done}/${total}`));
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    const view = mergeOutcomes(outcomes);
    expect(view.lines.map((l) => [l.source.file, l.source.unit, l.state])).toEqual(Q3.map((u) => [u.file, u.unit, 'dat']));
    expect(view.included).toBe(5);
    expect(view.unreadable).toEqual([]);
    expect(view.result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    for (const k of ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'daGiaiQuyet', 'dangGiaiQuyet']) {
      expect([k, view.result.consolidated.metrics[`tthc.${k}`]]).toEqual([k, sum(Q3, k)]);
    }
    // The rate is recomputed from the summed counts, never averaged.
    expect(view.result.consolidated.metrics['tthc.tyLeDungHan']).toBeCloseTo(((sum(Q3, 'truocHan') + sum(Q3, 'dungHan')) / sum(Q3, 'daGiaiQuyet')) * 100, 9);
  }, 60_000);

  test('an unreadable file is listed with its Vietnamese reason and left out; a file over the size limit is refused before it is loaded', async () => {
    let loaded = false;
    const huge: PickedFile = { name: 'qua-lon.xlsx', size: LIMITS.maxFileBytes + 1, arrayBuffer: async () => ((loaded = true), new ArrayBuffer(0)) };
    const broken = picked('hong.xlsx', new TextEncoder().encode('không phải tệp Excel'));
    const outcomes = await readUnitFiles([q3Files[1]!, broken, huge]);
    const view = mergeOutcomes(outcomes);
    expect(loaded).toBe(false);
    expect(view.lines.map((l) => l.source.file)).toEqual([Q3[1]!.file]);
    expect(view.included).toBe(1);
    expect(view.unreadable.map((u) => u.file)).toEqual(['hong.xlsx', 'qua-lon.xlsx']);
    for (const u of view.unreadable) {
      expect(u.message).toMatch(/[ạảãáàặẳẵắằậẩẫấầệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/);
      expect(u.message).not.toMatch(/Error|undefined|at \w+ \(/);
    }
    expect(view.unreadable[1]!.message).toMatch(/MB/);
    // The one readable unit is summed alone.
    expect(view.result.consolidated.metrics['tthc.tongSo']).toBe(sum([Q3[1]!], 'tongSo'));
    // The "Nguồn" the pane writes names both files left out, each with an error, as `cchc merge` does.
    expect(view.result.sources.filter((l) => !l.included).map((l) => l.file)).toEqual(['hong.xlsx', 'qua-lon.xlsx']);
    expect(view.result.findings.filter((f) => f.code === 'merge_file_unreadable').map((f) => f.cell)).toEqual(['B3', 'B4']);
  }, 60_000);

  test('the next quarter against the previous consolidated workbook: duplicate, stale, wrong-quarter files "Không cộng", the missing unit "Thiếu"', async () => {
    const previousBytes = await buildMergedWorkbook(mergeOutcomes(await readUnitFiles(q3Files)).result);
    const previous = await readPreviousFile(picked('tong-hop-q3.xlsx', previousBytes));
    expect(previous.units?.map((u) => u.unit)).toEqual(Q3.map((u) => u.unit));

    const q4 = await corpus(Q4);
    const dup = q4.find((f) => f.name === Q4_DUPLICATE.of)!;
    const view = mergeOutcomes(await readUnitFiles([...q4, { ...dup, name: Q4_DUPLICATE.as }]), previous);
    const state = Object.fromEntries(view.lines.map((l) => [l.source.file || l.source.unit, l.state]));
    expect(state).toEqual({
      '1-so-y-te.xlsx': 'dat',
      '2-benh-vien-tinh.xlsx': 'dat',
      '3-ttyt-dak-ha.xlsx': 'dat',
      '4-ttyt-ngoc-hoi.xlsx': 'bo-qua', // last quarter's figures again
      '6-cdc-tinh.xlsx': 'dat',
      '7-ttyt-kon-ray.xlsx': 'bo-qua', // Quý III in a Quý IV consolidation
      [Q4_DUPLICATE.as]: 'bo-qua',
      'Trung tâm Y tế huyện Sa Thầy': 'thieu',
    });
    const codes = view.result.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['merge_duplicate_unit', 'merge_stale_file', 'merge_period_differs', 'merge_unit_missing', 'merge_unit_new']));
    const summed = Q4.filter((u) => ['1-so-y-te.xlsx', '2-benh-vien-tinh.xlsx', '3-ttyt-dak-ha.xlsx', '6-cdc-tinh.xlsx'].includes(u.file));
    expect(view.result.consolidated.metrics['tthc.tongSo']).toBe(sum(summed, 'tongSo'));
  }, 90_000);

  test('a file is recognised across runs by the same hash the CLI writes on "Nguồn" (SHA-256, first 16 hex digits)', async () => {
    const bytes = new Uint8Array(await q3Files[0]!.arrayBuffer());
    expect(await fileHash(bytes)).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
  });
});

test('two files of the same name (from two folders) each keep their own unit and findings', async () => {
  const [a, b] = [q3Files[1]!, q3Files[2]!];
  const view = mergeOutcomes(await readUnitFiles([a, { ...b, name: a.name }]));
  expect(view.lines.map((l) => [l.source.file, l.unit?.unit])).toEqual([
    [a.name, Q3[1]!.unit],
    [a.name, Q3[2]!.unit],
  ]);
  expect(view.included).toBe(2);
}, 30_000);

test('without WebCrypto (a page that is not a secure context) files are still told apart', async () => {
  const real = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
  try {
    const x = new TextEncoder().encode('tệp một');
    const y = new TextEncoder().encode('tệp hai');
    expect(await fileHash(x)).toMatch(/^fnv-[0-9a-f]{8}$/);
    expect(await fileHash(x)).toBe(await fileHash(x.slice()));
    expect(await fileHash(x)).not.toBe(await fileHash(y));
  } finally {
    Object.defineProperty(globalThis, 'crypto', real);
  }
});

describe('pane merge: what is written', () => {
  test('MERGED_SHEETS are the consolidated workbook\'s sheets, in its order', async () => {
    const zip = await JSZip.loadAsync(await buildMergedWorkbook(mergeOutcomes([]).result));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect([...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([...MERGED_SHEETS]);
  });

  test('a new workbook: every sheet inserted, nothing replaced', () => {
    expect(planWrite(['Sheet1'])).toEqual({ insert: [...MERGED_SHEETS], clashes: [] });
  });

  test('a workbook with the standard sheets: they clash (ignoring case, spelled as the workbook spells them); its lists sheet is kept', () => {
    const plan = planWrite(['thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Danh mục', 'Ghi chú']);
    expect(plan.insert).toEqual(['Thông tin', 'TTHC', 'Biên chế', 'Hài lòng', 'Nguồn', 'Truy vết']);
    expect(plan.clashes).toEqual(['thông tin', 'TTHC', 'Biên chế', 'Hài lòng']);
  });

  test('the download is named after the period, in plain letters', async () => {
    const view = mergeOutcomes(await readUnitFiles([q3Files[0]!]));
    expect(mergedFileName(view.result)).toBe('tong-hop-quy-iii-2022.xlsx');
    expect(mergedFileName(mergeOutcomes([]).result)).toBe('tong-hop-cac-don-vi.xlsx');
  }, 30_000);
});

describe('writtenText: what "Ghi vào sổ đang mở" says it did', () => {
  test('sheets written in place, inserted ones (without the lists sheet) and a sheet left as it was, each by name', () => {
    const text = writtenText({ inserted: ['Danh mục', 'Nguồn', 'Truy vết'], inPlace: ['TTHC'], aside: [{ sheet: 'Biên chế', to: 'Biên chế (tổng hợp)', why: 'không có bảng «BienChe»' }] });
    expect(text).toMatch(/^Đã ghi số tổng hợp vào các bảng của «TTHC» \(trang tính giữ nguyên tên/);
    expect(text).toMatch(/Đã ghi 2 trang tính mới vào sổ đang mở: «Nguồn», «Truy vết»\./);
    expect(text).toMatch(/Trang tính «Biên chế» được giữ nguyên \(không có bảng «BienChe»\); số tổng hợp của nó ở trang tính mới «Biên chế \(tổng hợp\)»\./);
  });
});
