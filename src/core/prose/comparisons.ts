/**
 * A comparison with a period that has not yet come: a report of quý III năm 2022 that says "so với
 * cùng kỳ năm 2023" (or "so với năm 2022" in the report of năm 2022) compares with itself or the
 * future; the year is mistyped, most often copied from another report. The period is the one the
 * title gives (readPeriod); without it nothing is judged.
 *
 * Precision first: a sentence that speaks of what is to come ("dự kiến", "phấn đấu", "mục tiêu",
 * "kế hoạch", "đến năm", "sẽ") or names a year after the compared one ("năm 2030 … so với năm
 * 2025") is about a later period and left alone.
 */
import { matches, within } from './text';
import type { Draft, Mark } from './draft';
import type { DocReading } from './statements';
import type { ReportPeriod } from './types';
import { periodPhrase } from '../format';

const COMPARED = /\bso voi\s+(cung ky\s+)?(?:nam\s+|ky\s+)?(\d{4})\b/g;
const FUTURE = /\b(?:du kien|phan dau|muc tieu|ke hoach|den nam|se|du bao|chi tieu)\b/;
const YEAR = /(?<![\d/.])(?:19|20)\d{2}(?![\d/])/g;

export function checkComparisons(doc: DocReading, period: ReportPeriod | null, drafts: Draft[], mark: Mark): void {
  if (!period) return;
  doc.paragraphs.forEach((r, i) => {
    if (i <= period.paragraph || !r.folded.includes('so voi')) return;
    for (const m of matches(COMPARED, r.folded)) {
      const year = +m[2]!;
      const sameTime = !!m[1];
      // "cùng kỳ năm Y" must be before the report's year; "so với năm Y" in a yearly report too.
      const late = sameTime ? year >= period.year : period.kind === 'Năm' ? year >= period.year : year > period.year;
      if (!late) continue;
      const sentence = within(r.sentences, m.index) ?? { start: 0, end: r.folded.length };
      const words = r.folded.slice(sentence.start, sentence.end);
      if (FUTURE.test(words)) continue;
      if (matches(YEAR, words).some((y) => +y[0] > year)) continue;
      const at = m.index + m[0].length - 4;
      const span = { paragraph: i, start: at, end: at + 4 };
      mark(span);
      const report = periodPhrase(period.kind, period.year);
      drafts.push({
        code: 'comparison_not_past',
        ...span,
        reading: `đọc là: so với ${sameTime ? 'cùng kỳ ' : ''}năm ${year}; văn bản là báo cáo ${report}`,
        expected: `trước năm ${period.year}`,
        actual: String(year),
        args: { compared: `${sameTime ? 'cùng kỳ ' : ''}năm ${year}`, report },
      });
    }
  });
}
