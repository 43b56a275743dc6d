/**
 * `cchc doc FILE.docx [--workbook W.xlsx] [--previous P.xlsx] [--json]`: checks the figures
 * written in a report's text (src/core/prose). Exit 0 no error, 1 errors found, 2 unusable input.
 * The JSON is the contract of docs/doc-check.md; paragraphs are 1-based in document order (table
 * cells and then footnotes included), offsets are in that paragraph's text.
 */
import { parseArgs } from 'node:util';
import { checkWorkbook } from '../core/check';
import type { WorkbookModel } from '../core/model';
import { formatCount, periodPhrase } from '../core/format';
import { checkDocument } from '../core/prose';
import type { DocReport } from '../core/prose/types';
import { readDocxParagraphs, UnreadableDocumentError } from '../docx/text';
import { SEVERITY_LABEL } from './format';
import { ioMessage, readBoundedSync } from './input';
import { jsonSafe, terminalSafeLines } from './safe-text';
import { DOCX_LIMITS } from '../docx/package';
import { isUnreadableWorkbookError } from '../xlsx/errors';

export interface DocDeps {
  /** Reads a workbook, throwing the CLI's usage error (exit 2) on a bad file. */
  load(path: string): Promise<WorkbookModel>;
  usage(message: string): Error;
}

export interface DocJson {
  file: string;
  period: { kind: string; year: number; from: string; to: string } | null;
  summary: { errors: number; warnings: number; infos: number; figuresRead: number; figuresChecked: number };
  issues: { code: string; severity: string; paragraph: number; start: number; end: number; excerpt: string; message: string; expected: string | number | null; actual: string | number | null; reading: string }[];
}

export function docJson(report: DocReport, file: string): DocJson {
  const p = report.period;
  return {
    file,
    period: p ? { kind: p.kind, year: p.year, from: p.nd09.from, to: p.nd09.to } : null,
    summary: report.summary,
    issues: report.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      paragraph: i.paragraph + 1,
      start: i.start,
      end: i.end,
      excerpt: i.excerpt,
      message: i.message,
      expected: i.expected ?? null,
      actual: i.actual ?? null,
      reading: i.reading,
    })),
  };
}

export function docText(report: DocReport, file: string): string {
  const out = [`Tệp: ${file}`];
  const p = report.period;
  out.push(p ? `Kỳ báo cáo (theo tiêu đề): ${periodPhrase(p.kind, p.year)}` : 'Không đọc được kỳ báo cáo từ tiêu đề.');
  out.push('');
  let section: string | null = null;
  for (const i of report.issues) {
    if (i.section !== section) {
      section = i.section;
      out.push(`[${section || 'Đầu văn bản'}]`);
    }
    out.push(`${SEVERITY_LABEL[i.severity].padEnd(9)} Đoạn ${i.paragraph + 1}: ${i.message}`);
    out.push(`          «${i.excerpt}»`);
    out.push(`          ${i.reading}`);
  }
  if (report.issues.length) out.push('');
  const s = report.summary;
  out.push(
    s.errors + s.warnings + s.infos === 0
      ? 'Kết quả: không phát hiện lỗi hay cảnh báo nào.'
      : `Kết quả: ${formatCount(s.errors)} lỗi, ${formatCount(s.warnings)} cảnh báo, ${formatCount(s.infos)} thông tin.`,
  );
  out.push(`Đã đọc ${formatCount(s.figuresRead)} số liệu, kiểm tra được ${formatCount(s.figuresChecked)}; các số còn lại không đủ căn cứ để kiểm tra nên được để nguyên.`);
  return out.join('\n') + '\n';
}

export async function runDoc(args: string[], deps: DocDeps): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, workbook: { type: 'string' }, previous: { type: 'string' } } });
  if (positionals.length !== 1) throw deps.usage('Lệnh doc cần đúng một tệp .docx, ví dụ: cchc doc bao-cao.docx [--workbook so-lieu.xlsx]');
  if (values.previous && !values.workbook) throw deps.usage('--previous chỉ dùng cùng --workbook (sổ số liệu kỳ này).');
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    // Size known before bytes, never more read than the .docx limit (input.ts, docx/package.ts).
    bytes = readBoundedSync(file, DOCX_LIMITS.maxFileBytes);
  } catch (e) {
    if (isUnreadableWorkbookError(e)) throw deps.usage(`Không đọc được tệp ${file}: ${e.message}`);
    if ((e as NodeJS.ErrnoException)?.code) throw deps.usage(ioMessage(e, file));
    throw e;
  }
  let paragraphs;
  try {
    paragraphs = await readDocxParagraphs(bytes);
  } catch (e) {
    if (e instanceof UnreadableDocumentError) throw deps.usage(`Không đọc được tệp ${file}: ${e.message}`);
    throw e;
  }
  const workbook = values.workbook ? checkWorkbook(await deps.load(values.workbook)) : undefined;
  const previous = values.previous ? checkWorkbook(await deps.load(values.previous)) : undefined;
  const report = checkDocument(paragraphs, { ...(workbook ? { workbook } : {}), ...(previous ? { previous } : {}) });
  // The excerpts are the document's own text: made terminal-safe on the way out (safe-text.ts).
  process.stdout.write(values.json ? `${jsonSafe(JSON.stringify(docJson(report, file), null, 2))}\n` : terminalSafeLines(docText(report, file)));
  return report.summary.errors > 0 ? 1 : 0;
}
