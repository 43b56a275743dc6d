import fs from 'node:fs';
import path from 'node:path';
import { readWorkbook } from '../xlsx/read';
import { isUnreadableWorkbookError } from '../xlsx/errors';
import { checkWorkbook } from '../core/check';
import { buildNarrative, errorCount } from '../core/narrative/build';
import { TAG_TITLES, type Tag } from '../core/narrative/tags';
import { fillDocxDetailed } from '../docx/fill';

/** Help text of `cchc report`, for main.ts. */
export const REPORT_HELP = `cchc report TỆP.xlsx --template MẪU.docx --out KẾT-QUẢ.docx [--previous KỲ-TRƯỚC.xlsx] [--force]
  Kiểm tra bảng số liệu rồi viết các đoạn văn số liệu vào các vùng nội dung (content control)
  có gắn thẻ "cchc:…" của mẫu báo cáo Word, ghi ra tệp mới KẾT-QUẢ.docx (không sửa tệp đầu vào).
  --previous: bảng số liệu kỳ trước, để viết câu "so với kỳ trước / cùng kỳ, tăng/giảm …".
  Bảng số liệu còn lỗi thì không viết (mã thoát 1), trừ khi thêm --force: khi đó mỗi phần có
  số liệu sai mở đầu bằng một ghi chú tô vàng nêu các lỗi, để sửa rồi điền lại.
  Ngày ở dòng địa danh lấy từ ô "Ngày báo cáo" (tên NgayBaoCao) của sổ; không có thì để trống
  (tô vàng) cho cán bộ ghi.
  Mã thoát: 0 đã ghi; 1 bảng số liệu còn lỗi; 2 không đọc được tệp hoặc tham số sai.`;

export interface ReportOptions {
  file: string;
  template: string;
  out: string;
  /** Write the report even though the workbook has errors. */
  force?: boolean;
  /** The previous period's workbook, for the comparison sentences. */
  previous?: string;
  /** Decimals of percentages (default 2). */
  decimals?: number;
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
  const same = (a: string, b: string) => canonical(a) === canonical(b);
  if (!opts.file || !opts.template || !opts.out) return fail(`Thiếu tham số.\n${REPORT_HELP}`);
  if (same(opts.out, opts.template)) return fail('Tệp kết quả (--out) trùng với mẫu báo cáo (--template): hãy chọn tên tệp khác để giữ nguyên mẫu.');
  if (same(opts.out, opts.file)) return fail('Tệp kết quả (--out) trùng với tệp số liệu: hãy chọn tên tệp khác.');
  if (path.extname(opts.out).toLowerCase() !== '.docx') return fail('Tệp kết quả (--out) phải có đuôi .docx.');

  let xlsx: Uint8Array;
  let template: Uint8Array;
  try {
    xlsx = new Uint8Array(fs.readFileSync(opts.file));
  } catch (e) {
    return fail(`Không mở được tệp số liệu "${opts.file}": ${ioReason(e)}.`);
  }
  try {
    template = new Uint8Array(fs.readFileSync(opts.template));
  } catch (e) {
    return fail(`Không mở được mẫu báo cáo "${opts.template}": ${ioReason(e)}.`);
  }

  let report;
  try {
    report = checkWorkbook(await readWorkbook(xlsx, path.basename(opts.file)));
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
  if (opts.previous) {
    let prevBytes: Uint8Array;
    try {
      prevBytes = new Uint8Array(fs.readFileSync(opts.previous));
    } catch (e) {
      return fail(`Không mở được tệp số liệu kỳ trước "${opts.previous}": ${ioReason(e)}.`);
    }
    try {
      previous = checkWorkbook(await readWorkbook(prevBytes, path.basename(opts.previous)));
    } catch (e) {
      if (isUnreadableWorkbookError(e)) return fail(`Không đọc được tệp số liệu kỳ trước "${opts.previous}": ${e.message}`);
      throw e;
    }
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
    result = await fillDocxDetailed(template, narrative, record);
  } catch (e) {
    return fail(`Không đọc được mẫu báo cáo "${opts.template}" (không phải tệp Word .docx hợp lệ): ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    fs.writeFileSync(opts.out, result.bytes);
  } catch (e) {
    return fail(`Không ghi được "${opts.out}": ${ioReason(e)}.`);
  }
  const title = (t: Tag) => `  - ${TAG_TITLES[t]} (${t})`;
  const lines = [`Đã ghi ${opts.out}.`];
  if (errors > 0) {
    const marked = Object.keys(narrative.notes) as Tag[];
    lines.push(`Lưu ý: bảng số liệu còn ${errors} lỗi (đã dùng --force). Đã ghi chú tô vàng ở đầu ${marked.length} phần có số liệu sai: ${marked.map((t) => TAG_TITLES[t]).join('; ')}. Sửa bảng số liệu rồi chạy lại để xóa các ghi chú.`);
  }
  if (narrative.comparisonSkipped) lines.push(narrative.comparisonSkipped);
  if (!narrative.fields.ngayBaoCao) lines.push('Ngày ở dòng địa danh để trống (tô vàng) cho cán bộ ghi: sổ không có ô "Ngày báo cáo".');
  lines.push(result.filled.length ? 'Đã điền:' : 'Không điền được vùng nào.', ...result.filled.map(title));
  if (result.emptied.length) lines.push('Không có số liệu (để trống):', ...result.emptied.map(title));
  if (result.missing.length) lines.push('Mẫu không có vùng cho (bỏ qua):', ...result.missing.map(title));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

function canonical(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'không tìm thấy tệp';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền truy cập';
  if (code === 'EISDIR') return 'đây là một thư mục';
  return e instanceof Error ? e.message : String(e);
}
