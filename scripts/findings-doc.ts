/**
 * `npm run docs:findings`: writes docs/findings.md from the catalogue (src/core/catalogue/): the
 * workbook findings, the document findings and the file refusals, each code with its default
 * severity, where it points, when it is given and its "Cách sửa". The prose around the tables is
 * here too, so the file is never edited by hand; test/core/docs.test.ts fails when the committed
 * file differs from what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE, type CatalogueEntry } from '../src/core/catalogue';
import type { RefusalEntry } from '../src/core/catalogue/refusals';

const { workbook: WORKBOOK_FINDINGS, document: DOCUMENT_FINDINGS, refusal: REFUSALS } = CATALOGUE;

export const FINDINGS_DOC = resolve(__dirname, '../docs/findings.md');

/** A table cell: the pipe would end the cell, a line break the row. */
const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const row = (cells: (string | undefined)[]) => `| ${cells.map(cell).join(' | ')} |`;
const severityOf = (e: CatalogueEntry<never>) => e.severityNote ?? e.severity;
const fixOf = (e: CatalogueEntry<never>) => (e.fix ? `"${e.fix}"` : '');

const INTRO = `# Findings: codes, severities, where they point

This file is written by \`npm run docs:findings\` (scripts/findings-doc.ts) from the catalogue in
\`src/core/catalogue/\`: change the catalogue, then run the script. \`test/core/docs.test.ts\` fails
when the two differ.

Every finding is data (\`src/core/findings.ts\`): a \`code\`, a \`severity\`, the \`sheet\` and A1 \`cell\`
it belongs to, a Vietnamese \`message\` (its code's entry in \`src/core/catalogue/workbook.ts\`), and
where a number is involved \`expected\`, \`actual\` and the \`related\` cells. \`rule\` names the
identity (T1…T6, T6g for a group subtotal, DM1, PA1, XL1, cap.htxs) and \`basis\` the legal text of
rules that carry one. The severity below is the code's default; where a check gives another, the
column says when. A workbook that cannot be read at all is not a finding: the reader throws
\`UnreadableWorkbookError\` with a refusal code (below) and the CLI exits 2.

One cause gives one finding: a cell with a value finding (not a number, negative, an error value…)
is left out of every identity and total built on it.`;

const AFTER_WORKBOOK = `A typed rate matches when it equals the true ratio rounded to the number of decimals it was typed
with ("98,6" and "98,57" both match 69/70); a cached formula result with many decimals must agree
to 10⁻⁶. A value of 0,9857 formatted as a percentage is read as 98,57 %.

## How messages read

Every identity message lets the officer fix the cell alone: it names the stated figure with its
cell, each part with its value and cell, the result, and a short "Cách sửa" where one is obvious —
no formula, no Excel table or defined name (\`test/core/messages.test.ts\` checks the planted-
mistakes sample for both):

- \`sum_mismatch\`: "Tổng số hồ sơ nhận giải quyết (dòng "Dược phẩm") ở ô B4 ghi 120, nhưng Trực
  tuyến 41 (ô C4) + Trực tiếp, dịch vụ bưu chính 70 (ô D4) + Từ kỳ trước 10 (ô E4) = 121. Cách
  sửa: nếu các ô thành phần đúng, ghi 121 vào ô B4." A totals row lists its rows by label when
  there are at most six ("Cơ quan Sở Y tế 61 (ô E4) + … = 4.870"), else their cells.
- \`derived_mismatch\`: ""Thiếu" … ở ô F4 ghi 4, nhưng Được giao 64 (ô D4) − Có mặt 61 (ô E4) = 3."
- \`rate_mismatch\`: "… nhưng Trước hạn 30 (ô G4) + Đúng hạn 9 (ô H4) = 39 trên 40 hồ sơ đã giải
  quyết (ô F4) = 97,50%."

The parts travel on the findings as optional fields (\`parts\`, \`numeratorParts\`,
\`denominatorPart\`, filled through \`src/core/findingParts.ts\`); a finding without them still reads,
naming the parts by label. Severities are named "Lỗi", "Cảnh báo", "Gợi ý" in the panes and on the
command line alike; dates follow NĐ 30/2020 everywhere ("15/6/2022", "05/02/2023").

Survey indices computed from the answer sheets (\`src/core/surveys/indicators.ts\`):
tỷ lệ hài lòng chung = answers 4–5 ÷ valid answers 1–5 over the Likert items A–E (cost item,
"không sử dụng", blanks and answers off the scale excluded), the same per section A–E; điểm trung
bình = mean of the valid answers, overall and per section; chỉ số hài lòng toàn diện = forms with
4–5 on every valid item ÷ forms with a valid item; so với mong đợi = mean of G1 (F on the old
outpatient form); quay lại = returning answers ÷ answers on the scale ("khác" excluded). An empty
set is "không phát sinh". The summary row then carries the computed values, so the metrics
(\`haiLong.<đối tượng>.haiLongA\`…, \`.diemTrungBinh\`…) and the narrative quote the forms.`;

const DOCUMENT_INTRO = `## Findings of the report's text

\`cchc doc\` and the Word pane's "Kiểm tra số liệu trong văn bản" (\`src/core/prose/\`,
docs/doc-check.md) give these, each at a paragraph and the character offsets of the figure, with
how the sentence was read (\`reading\`). Entries: \`src/core/catalogue/document.ts\`.`;

const REFUSALS_INTRO = `## File refusals

A file no reader can read, or an input path the command line cannot open, is refused before
anything is checked: a Vietnamese message that says what to do, exit 2. The readers throw
\`UnreadableWorkbookError\` (\`src/xlsx/errors.ts\`) carrying the code; \`reason\` is the coarser kind
callers told refusals apart by before each had a code. Entries: \`src/core/catalogue/refusals.ts\`;
the limits are \`LIMITS\` in \`src/xlsx/package.ts\`.`;

export function renderFindingsDoc(): string {
  const out = [INTRO, ''];
  out.push(row(['code', 'severity', 'cell', 'when', 'Cách sửa']), '|---|---|---|---|---|');
  for (const [code, e] of Object.entries(WORKBOOK_FINDINGS) as [string, CatalogueEntry<never>][]) out.push(row([`\`${code}\``, severityOf(e), e.at, e.doc, fixOf(e)]));
  out.push('', AFTER_WORKBOOK, '', DOCUMENT_INTRO, '');
  out.push(row(['code', 'severity', 'when']), '|---|---|---|');
  for (const [code, e] of Object.entries(DOCUMENT_FINDINGS) as [string, CatalogueEntry<never>][]) out.push(row([`\`${code}\``, severityOf(e), e.doc]));
  out.push('', REFUSALS_INTRO, '');
  out.push(row(['code', 'reason', 'when']), '|---|---|---|');
  for (const [code, e] of Object.entries(REFUSALS) as [string, RefusalEntry<never>][]) out.push(row([`\`${code}\``, e.reason ? `\`${e.reason}\`` : '', e.doc]));
  return `${out.join('\n')}\n`;
}

if (require.main === module) {
  writeFileSync(FINDINGS_DOC, renderFindingsDoc());
  console.log(`docs/findings.md: ${Object.keys(WORKBOOK_FINDINGS).length} workbook findings, ${Object.keys(DOCUMENT_FINDINGS).length} document findings, ${Object.keys(REFUSALS).length} refusals`);
}
