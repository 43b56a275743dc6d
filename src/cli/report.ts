import path from 'node:path';
import { readWorkbook } from '../xlsx/read';
import { isUnreadableWorkbookError, libraryErrorMeaning } from '../xlsx/errors';
import { readBoundedSync } from './input';
import { checkWorkbook } from '../core/check';
import { checkPrevious, identityOf } from '../core/pairing';
import { SEVERITY_LABEL } from '../core/messages';
import { formatSize } from '../core/format';
import { buildNarrative, errorCount } from '../core/narrative/build';
import { type Tag } from '../core/narrative/tags';
import { TAG_TITLES } from '../core/narrative/places';
import type { FillResult } from '../docx/fill';
import { DOCX_LIMITS, isUnreadableTemplateError } from '../docx/package';
import { assertNotInput, assertReplaceable, planOutput, UnsafeWriteError, writeOutput, type ExistingOutput, type NamedInput, type OutputPlan } from './safe-write';
import { fillDocxDetailed, readFillRecord, textOutsidePlaces } from '../docx/fill';
import { surveyChartImage } from '../core/chart';

/** Help text of `cchc report`, for main.ts. */
export const REPORT_HELP = `cchc report TỆP.xlsx --template MẪU.docx --out KẾT-QUẢ.docx [--previous KỲ-TRƯỚC.xlsx] [--force] [--no-chart] [--overwrite]
  Kiểm tra bảng số liệu rồi viết các đoạn văn số liệu vào các vùng nội dung (content control)
  có gắn thẻ "cchc:…" của mẫu báo cáo Word, ghi ra tệp mới KẾT-QUẢ.docx (không sửa tệp đầu vào).
  --previous: bảng số liệu kỳ trước, để viết câu "so với kỳ trước / cùng kỳ, tăng/giảm …".
  Bảng số liệu còn lỗi thì không viết (mã thoát 1), trừ khi thêm --force: khi đó mỗi phần có
  số liệu sai mở đầu bằng một ghi chú tô vàng nêu các lỗi, để sửa rồi điền lại.
  Sổ có phiếu khảo sát hài lòng (bảng trả lời từng phiếu) thì phần Khảo sát sự hài lòng có thêm
  biểu đồ tỷ lệ hài lòng theo nhóm tiêu chí A–E; --no-chart: không chèn (điền lại sẽ gỡ biểu đồ cũ).
  Ngày ở dòng địa danh lấy từ ô "Ngày báo cáo" (tên NgayBaoCao) của sổ; không có thì để trống
  (tô vàng) cho cán bộ ghi.
  KẾT-QUẢ.docx đã có: chỉ ghi lại khi đó là báo cáo lệnh này đã điền; nếu cán bộ đã sửa chữ ngoài
  các vùng điền, bản đó được giữ thành "KẾT-QUẢ (bản trước).docx". Tệp khác thì không ghi đè,
  trừ khi thêm --overwrite.
  Mã thoát: 0 đã ghi; 1 bảng số liệu còn lỗi; 2 không đọc được tệp hoặc tham số sai.`;

export interface ReportOptions {
  file: string;
  template: string;
  out: string;
  /** Write the report even though the workbook has errors. */
  force?: boolean;
  /** Replace an existing --out that is not this command's previous output. */
  overwrite?: boolean;
  /** The previous period's workbook, for the comparison sentences. */
  previous?: string;
  /** Decimals of percentages (default 2). */
  decimals?: number;
  /** false: no survey chart in the report (and an old one is removed); default: drawn when the workbook has answer sheets. */
  chart?: boolean;
  /** Output streams (tests); default process.stdout/stderr. */
  io?: { out(s: string): void; err(s: string): void };
  /** Clock for the fill record (tests). */
  now?: () => Date;
}

export async function runReport(opts: ReportOptions): Promise<number> {
  const io = opts.io ?? { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
  const fail = (msg: string, code = 2) => {
    io.err(`${msg}\n`);
    return code;
  };
  if (!opts.file || !opts.template || !opts.out) return fail(`Thiếu tham số.\n${REPORT_HELP}`);
  const inputs: NamedInput[] = [
    { path: opts.template, label: 'mẫu báo cáo (--template)' },
    { path: opts.file, label: 'tệp số liệu' },
  ];
  try {
    assertNotInput(opts.out, inputs);
    assertReplaceable(opts.out);
  } catch (e) {
    if (e instanceof UnsafeWriteError) return fail(e.message);
    throw e;
  }
  if (path.extname(opts.out).toLowerCase() !== '.docx') return fail('Tệp kết quả (--out) phải có đuôi .docx.');

  let xlsx: Uint8Array;
  let template: Uint8Array;
  try {
    xlsx = new Uint8Array(readBoundedSync(opts.file));
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return fail(`Không đọc được tệp số liệu "${opts.file}": ${e.message}`);
    return fail(`Không mở được tệp số liệu "${opts.file}": ${ioReason(e)}.`);
  }
  try {
    template = readBounded(opts.template, DOCX_LIMITS.maxFileBytes, 'Mẫu báo cáo');
  } catch (e) {
    return fail(`Không mở được mẫu báo cáo "${opts.template}": ${readReason(e)}.`);
  }
  // An existing --out may hold the officer's edits: refused unless it is this command's own
  // previous output; edited outside the tagged places, it is kept as "(bản trước)" (safe-write.ts).
  let plan: OutputPlan;
  try {
    plan = await planOutput(opts.out, { overwrite: opts.overwrite, maxBytes: DOCX_LIMITS.maxFileBytes, judge: (bytes) => judgeReport(bytes, template) });
  } catch (e) {
    if (e instanceof UnsafeWriteError) return fail(e.message);
    throw e;
  }

  let report;
  let model;
  try {
    model = await readWorkbook(xlsx, path.basename(opts.file));
    report = checkWorkbook(model);
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return fail(`Không đọc được tệp số liệu "${opts.file}": ${e.message}`);
    throw e;
  }
  const errors = errorCount(report);
  if (errors > 0 && !opts.force) {
    return fail(
      `Bảng số liệu "${opts.file}" còn ${errors} lỗi nên chưa viết báo cáo (số liệu sai sẽ bị trả lại). ` +
        `Xem chi tiết bằng "cchc check ${opts.file}", sửa rồi chạy lại; hoặc thêm --force nếu vẫn muốn viết.`,
      1,
    );
  }
  let previous;
  let prevModel;
  if (opts.previous) {
    let prevBytes: Uint8Array;
    try {
      prevBytes = new Uint8Array(readBoundedSync(opts.previous));
    } catch (e) {
      if (isUnreadableWorkbookError(e)) return fail(`Không đọc được tệp số liệu kỳ trước "${opts.previous}": ${e.message}`);
      return fail(`Không mở được tệp số liệu kỳ trước "${opts.previous}": ${ioReason(e)}.`);
    }
    try {
      prevModel = await readWorkbook(prevBytes, path.basename(opts.previous));
      previous = checkWorkbook(prevModel);
    } catch (e) {
      if (isUnreadableWorkbookError(e)) return fail(`Không đọc được tệp số liệu kỳ trước "${opts.previous}": ${e.message}`);
      throw e;
    }
  }
  // The previous workbook must be this unit's, of the period before or the same period a year
  // before (src/core/pairing.ts); its carry-over findings touch the comparison the report writes.
  const said: string[] = [];
  if (previous && opts.previous) {
    const problem = checkPrevious(identityOf(report), identityOf(previous), { current: opts.file, previous: opts.previous });
    if (problem?.hard) return fail(problem.message);
    if (problem && !opts.force) return fail(`${problem.message} Chọn đúng sổ kỳ trước, hoặc thêm --force nếu vẫn muốn so sánh (báo cáo sẽ ghi rõ điều đó).`);
    if (problem) said.push(`Lưu ý (đã dùng --force): ${problem.message}`);
    const carry = checkWorkbook(model, { previous: prevModel! }).issues.filter((i) => i.code === 'carry_over_mismatch' || i.code === 'carry_over_skipped');
    for (const i of carry) said.push(`${SEVERITY_LABEL[i.severity]} khi đối chiếu với kỳ trước (${i.sheet}!${i.cell}): ${i.message}`);
  }
  const now = opts.now?.() ?? new Date();
  // The date line takes the workbook's report date, never today's: a 2022 report is not dated 2026.
  const narrative = buildNarrative(report, { allowErrors: opts.force, decimals: opts.decimals, ...(previous ? { previous } : {}) });
  const record = {
    fileName: path.basename(opts.file),
    unit: narrative.fields.donVi,
    period: narrative.fields.kyBaoCao,
    fingerprint: narrative.fingerprint,
    filledAt: now.toISOString(),
    ...(errors > 0 ? { forcedErrors: String(errors) } : {}),
  };
  let result;
  try {
    result = await fillDocxDetailed(template, narrative, record, { chart: opts.chart === false ? null : surveyChartImage(report.metrics) });
  } catch (e) {
    if (isUnreadableTemplateError(e)) {
      const verb = ['no_controls', 'no_cchc_tags', 'tags_lost'].includes(e.reason) ? 'Không dùng được' : 'Không đọc được';
      return fail(`${verb} mẫu báo cáo "${opts.template}": ${e.message}`);
    }
    throw e;
  }
  let kept: string | null;
  try {
    kept = writeOutput(opts.out, result.bytes, inputs, plan);
  } catch (e) {
    if (e instanceof UnsafeWriteError) return fail(e.message);
    throw e;
  }
  const title = (t: Tag) => `  - ${TAG_TITLES[t]} (${t})`;
  if (kept) said.push(`Tệp "${opts.out}" đã được sửa ngoài các vùng điền sau lần ghi trước: đã giữ bản đó thành "${kept}".`);
  const lines = [...said, `Đã ghi ${opts.out}.`];
  if (errors > 0) {
    const marked = Object.keys(narrative.notes) as Tag[];
    lines.push(`Lưu ý: bảng số liệu còn ${errors} lỗi (đã dùng --force). Đã ghi chú tô vàng ở đầu ${marked.length} phần có số liệu sai: ${marked.map((t) => TAG_TITLES[t]).join('; ')}. Sửa bảng số liệu rồi chạy lại để xóa các ghi chú.`);
  }
  if (narrative.comparisonSkipped) lines.push(narrative.comparisonSkipped);
  if (!narrative.fields.ngayBaoCao) lines.push('Ngày ở dòng địa danh để trống (tô vàng) cho cán bộ ghi: sổ không có ô "Ngày báo cáo".');
  lines.push(result.filled.length ? 'Đã điền:' : 'Không điền được vùng nào.', ...result.filled.map(title));
  if (result.chart) lines.push(`Đã chèn biểu đồ tỷ lệ hài lòng theo nhóm tiêu chí vào phần «${TAG_TITLES['cchc:hailong']}».`);
  if (result.chartSkipped === 'inline_place') {
    lines.push(`Không chèn biểu đồ hài lòng: vùng «${TAG_TITLES['cchc:hailong']}» của mẫu nằm trong một đoạn văn (LibreOffice lưu vùng nội dung như vậy), ảnh sẽ bị cắt theo dòng chữ. Hãy dùng mẫu gốc bao-cao-cchc.docx hoặc lưu mẫu bằng Word; các số liệu vẫn được viết thành chữ.`);
  } else if (result.chartSkipped === 'no_place') {
    lines.push(`Không chèn biểu đồ hài lòng: mẫu không có vùng «${TAG_TITLES['cchc:hailong']}» (cchc:hailong) trong phần nội dung.`);
  }
  if (result.droppedNote) lines.push(result.droppedNote);
  if (result.emptied.length) lines.push('Không có số liệu (để trống):', ...result.emptied.map(title));
  if (result.missing.length) lines.push('Mẫu không có vùng cho (bỏ qua):', ...result.missing.map(title));
  io.out(`${[...lines, ...templateNotes(result)].join('\n')}\n`);
  return 0;
}

/**
 * A report this command filled carries the fill record; it is unedited when its text outside the
 * tagged places is the template's (a fill writes only inside them).
 */
async function judgeReport(existing: Uint8Array, template: Uint8Array): Promise<ExistingOutput> {
  if (!(await readFillRecord(existing))) return 'foreign';
  const [was, is] = await Promise.all([textOutsidePlaces(existing), textOutsidePlaces(template)]);
  return was === is ? 'unedited' : 'edited';
}

/** What the officer should know about the template itself: converted, or filled by title. */
function templateNotes(result: FillResult): string[] {
  const out: string[] = [];
  const c = result.conversion;
  if (c.from !== 'docx') {
    const what = { dotx: 'mẫu Word (.dotx)', dotm: 'mẫu Word có macro (.dotm)', docm: 'văn bản Word có macro (.docm)' }[c.from];
    out.push(`Mẫu là ${what}: kết quả được ghi thành văn bản Word thường (.docx)${c.dropped.length ? ', đã bỏ macro (VBA)' : ''}.`);
  }
  if (result.byTitle.length) {
    out.push(
      `Mẫu có vùng nội dung không còn thẻ cchc:… (LibreOffice xoá thẻ khi lưu) nên đã điền theo tiêu đề vùng: ${result.byTitle.map((t) => TAG_TITLES[t]).join('; ')}. ` +
        'Nên lưu mẫu bằng Word hoặc dùng mẫu gốc để giữ thẻ.',
    );
  }
  return out;
}

/** A file too large to be what it claims is refused from its size, before a byte of it is read. */
class TooLargeError extends Error {}

/** The template through the CLI's one input opener (input.ts), with the template's own size message. */
function readBounded(file: string, max: number, what: string): Uint8Array {
  return new Uint8Array(readBoundedSync(file, max, (size) => new TooLargeError(`${what} quá lớn (${formatSize(size)}, giới hạn kích thước tệp ${formatSize(max)})`)));
}

function readReason(e: unknown): string {
  if (e instanceof TooLargeError) return e.message;
  // Not a regular file (input.ts): its own message says so.
  if (isUnreadableWorkbookError(e)) return e.message.endsWith('.') ? e.message.slice(0, -1) : e.message;
  return ioReason(e);
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'không tìm thấy tệp';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền truy cập';
  if (code === 'EISDIR') return 'đây là một thư mục';
  return libraryErrorMeaning(e);
}
