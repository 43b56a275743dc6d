/**
 * The workbook checker on the held-out corpus of real workbooks (test/fixtures/workbooks-real,
 * its SOURCES.md): per half, how many files were read (or, for the damaged ones, refused with a
 * message), the slips found by hand that a finding points at, and every error or warning that
 * points at no slip (a false alarm). Part of `npm run eval`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../src/core/check';
import { readWorkbook } from '../src/xlsx/read';

const DIR = join(__dirname, '..', 'test', 'fixtures', 'workbooks-real');

interface Item {
  id: string;
  file: string;
  half: 'dev' | 'test';
  format: string;
  slips: { sheet: string | null; cell: string; what: string }[];
  /** The hand judge found an unfilled template: no figure at all (added from the judge's description). */
  blank?: true;
}

/** Damaged files (their id says so): a clear refusal is what holds. */
const damaged = (i: Item) => /-hong$/.test(i.id);

async function main() {
  const items = (JSON.parse(readFileSync(join(DIR, 'corpus.json'), 'utf8')) as Item[]).sort((a, b) => a.id.localeCompare(b.id));
  console.log('\nSỔ SỐ LIỆU THẬT (test/fixtures/workbooks-real)');
  for (const half of ['dev', 'test'] as const) {
    let held = 0;
    let slips = 0;
    let found = 0;
    let flags = 0;
    let right = 0;
    const mine = items.filter((i) => i.half === half);
    console.log(`-- nửa ${half === 'dev' ? 'phát triển (dev)' : 'kiểm tra (test)'}`);
    for (const item of mine) {
      slips += item.slips.length;
      let line: string;
      try {
        const report = checkWorkbook(await readWorkbook(new Uint8Array(readFileSync(join(DIR, item.file))), item.file));
        // "No table of this kind here", "no unit written": what could not be read, said honestly;
        // a false alarm is a finding about the figures that points at no slip.
        const structural = (code: string) => code.startsWith('missing_') || code.startsWith('unknown_') || code.startsWith('sheet_');
        const serious = report.issues.filter((f) => f.severity !== 'info' && !structural(f.code));
        const tables = Object.keys(report.data.tables).length;
        // "Sổ chưa có số liệu" about a file the hand judge called an unfilled template is right.
        const onSlip = (f: { sheet: string; cell: string; code: string }) => (f.code === 'no_data' && !!item.blank) || item.slips.some((s) => s.cell === f.cell && (s.sheet === null || s.sheet === f.sheet));
        const hits = item.slips.filter((s) => serious.some((f) => f.cell === s.cell && (s.sheet === null || s.sheet === f.sheet)));
        const alarms = serious.filter((f) => !onSlip(f));
        found += hits.length;
        flags += serious.length;
        right += serious.length - alarms.length;
        if (!damaged(item)) held++;
        line = `${item.id.padEnd(44)} đọc được, ${tables} bảng nhận ra; lỗi thật ${item.slips.length}, tìm thấy ${hits.length}, báo nhầm ${alarms.length}`;
        for (const a of alarms) line += `\n   báo nhầm: ${a.sheet}!${a.cell} ${a.code}: ${a.message.slice(0, 160)}`;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (damaged(item)) held++;
        line = `${item.id.padEnd(44)} ${damaged(item) ? 'từ chối (đúng: tệp hỏng)' : 'KHÔNG ĐỌC ĐƯỢC'}: ${message.slice(0, 140)}`;
      }
      console.log(line);
    }
    const pct = (x: number, n: number) => (n ? (x / n).toFixed(2).replace('.', ',') : '—');
    console.log(`NỬA ${half}: ${held}/${mine.length} tệp được xử lý đúng (đọc được, hoặc từ chối tệp hỏng); lỗi thật tìm thấy ${found}/${slips}; cờ đúng ${right}/${flags} (precision ${pct(right, flags)})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
