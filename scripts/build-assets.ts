/**
 * `npm run assets`: regenerates the template and the samples from src/xlsx, so the shipped files
 * can always be rebuilt from code. Output is deterministic apart from zip timestamps.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildWorkbook } from '../src/xlsx/template';
import { writeFileSafely } from '../src/cli/safe-write';
import { BLANK_TEMPLATE, CLEAN_SAMPLE, MISTAKES_SAMPLE, PLANTED_MISTAKES, SAMPLE_FILES } from '../src/xlsx/samples';

const root = resolve(__dirname, '..');

function write(rel: string, data: Uint8Array | string) {
  const path = resolve(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSafely(path, data);
  console.log(`đã ghi ${rel}`);
}

/** The Vietnamese note that ships next to the mistakes sample. */
export function mistakesNote(): string {
  const lines = [
    '# Mẫu có lỗi cài sẵn (mau-co-loi.xlsx)',
    '',
    `Sổ số liệu ${MISTAKES_SAMPLE.unit}, ${MISTAKES_SAMPLE.periodKind} năm ${MISTAKES_SAMPLE.year}, được cài sẵn ${PLANTED_MISTAKES.length} lỗi.`,
    'Mỗi lỗi phải cho đúng một phát hiện mức "Lỗi" tại ô ghi dưới đây; ngoài ra chỉ có thể có cảnh báo',
    '(ví dụ kỳ số liệu khác kỳ theo Nghị định 09/2019/NĐ-CP). Tệp này được sinh bởi `npm run assets`.',
    '',
    '| # | Mã phát hiện | Trang tính | Ô | Lỗi cài sẵn |',
    '|---|---|---|---|---|',
    ...PLANTED_MISTAKES.map((m, i) => `| ${i + 1} | \`${m.code}\` | ${m.sheet} | ${m.cell} | ${m.note.replace(/\|/g, '\\|')} |`),
    '',
  ];
  return lines.join('\n');
}

async function main() {
  write(SAMPLE_FILES.template, await buildWorkbook(BLANK_TEMPLATE));
  write(SAMPLE_FILES.clean, await buildWorkbook(CLEAN_SAMPLE));
  write(SAMPLE_FILES.mistakes, await buildWorkbook(MISTAKES_SAMPLE));
  write(SAMPLE_FILES.mistakesNote, mistakesNote());
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
