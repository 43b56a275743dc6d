/**
 * A standard workbook with thousands of wrong figures, for the manual test of highlights on Excel
 * on the web (docs/office-manual-test.md): `npx tsx scripts/build-many-flags.ts [FILE] [ROWS]`
 * writes FILE (default nhieu-o-loi.xlsx) with ROWS lĩnh vực (default 7 000) in KetQuaGiaiQuyet,
 * each stating 1 received, 1 resolved and 1 pending with no part of any: T1, T2 and T3 fail in
 * every row, at three cells of it. It checks the file it wrote and prints how many cells the
 * check flags, the number the pane must colour and then clear.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildWorkbook, type CellInput } from '../src/xlsx/template';
import { readWorkbook } from '../src/xlsx/read';
import { checkWorkbook } from '../src/core/check';

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? 'nhieu-o-loi.xlsx');
  const count = Number(process.argv[3] ?? 7000);
  const rows: Record<string, CellInput>[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({ linhVuc: `Lĩnh vực ${i + 1}`, tongSo: 1, trucTuyen: 0, trucTiepBuuChinh: 0, tuKyTruoc: 0, daGiaiQuyet: 1, truocHan: 0, dungHan: 0, quaHan: 0, dangGiaiQuyet: 1, dangTrongHan: 0, dangQuaHan: 0 });
  }
  const bytes = await buildWorkbook({ unit: 'Sở Y tế (thử nhiều lỗi)', periodKind: 'Quý I', year: 2023, tables: { KetQuaGiaiQuyet: { rows } } });
  writeFileSync(file, bytes);
  const report = checkWorkbook(await readWorkbook(bytes));
  const cells = new Set(report.issues.map((f) => `${f.sheet}!${f.cell}`));
  process.stdout.write(`Đã ghi ${file}: ${report.summary.errors} lỗi, ${report.summary.warnings} cảnh báo, ${cells.size} ô được đánh dấu.\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
