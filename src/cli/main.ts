/**
 * `cchc`: the command line. Exit codes: 0 no error, 1 errors found, 2 unusable input (unreadable
 * or missing file, bad arguments). Messages are Vietnamese; no stack traces reach the user.
 * The input workbook is only ever read.
 */
import { checkPrevious, identityOf } from '../core/pairing';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { checkWorkbook } from '../core/check';
import type { WorkbookModel } from '../core/model';
import { readWorkbook } from '../xlsx/read';
import { isUnreadableWorkbookError } from '../xlsx/errors';
import { planOutput, UnsafeWriteError, writeOutput } from './safe-write';
import { judgeTemplate } from './existing-output';
import { reportText } from './format';
import { isMainThread, workerData } from 'node:worker_threads';
import { MERGE_WORKER } from './merge-role';
import { ioMessage, readBoundedSync } from './input';
import { jsonSafe, terminalSafe, terminalSafeLines } from './safe-text';
import { argumentMessage } from './args';
// Only the version: esbuild copies just this field into dist/cli.js.
import { version } from '../../package.json';

/**
 * Each command's part of the help, in the order `cchc help` lists them; `cchc LỆNH --help` and
 * `cchc help LỆNH` print one part alone.
 */
const COMMAND_HELP = {
  check: {
    summary: 'Kiểm tra sổ số liệu và in các phát hiện.',
    text: `  cchc check TỆP.xlsx [--json] [--previous TỆP_KỲ_TRƯỚC.xlsx [--force]]
      Kiểm tra sổ số liệu theo mẫu cchc-workbook/1 và in các phát hiện.
      --json        in kết quả dạng JSON (theo hợp đồng dữ liệu)
      --previous    sổ số liệu kỳ trước, để đối chiếu số hồ sơ chuyển kỳ (T5): phải của cùng đơn vị,
                    kỳ liền trước hoặc cùng kỳ năm trước (khác thì dừng, mã thoát 2; --force để vẫn đối chiếu)
`,
  },
  report: {
    summary: 'Điền các đoạn văn sinh từ số liệu vào mẫu báo cáo Word.',
    text: `  cchc report TỆP.xlsx --template MẪU.docx --out KẾT_QUẢ.docx [--previous TỆP_KỲ_TRƯỚC.xlsx] [--force] [--no-chart] [--overwrite]
      Ghi các đoạn văn sinh từ số liệu vào các ô nội dung có gắn thẻ của mẫu Word (ra tệp mới).
      --previous    sổ số liệu kỳ trước, để viết câu so sánh "so với kỳ trước, tăng/giảm …"
      --no-chart    không chèn biểu đồ hài lòng theo nhóm tiêu chí (mặc định chèn khi sổ có phiếu khảo sát)
      Sổ còn lỗi thì không viết (mã thoát 1), trừ khi thêm --force (các phần có số liệu sai
      được ghi chú tô vàng ngay trong văn bản).
      --overwrite   ghi đè KẾT_QUẢ.docx đã có dù không phải báo cáo lệnh này điền lần trước
                    (báo cáo đã điền mà cán bộ sửa chữ ngoài vùng điền luôn được giữ thành "(bản trước)")
`,
  },
  merge: {
    summary: 'Kiểm tra sổ của các đơn vị và tổng hợp thành sổ của Sở.',
    text: `  cchc merge TỆP_HOẶC_THƯ_MỤC… --out SO.xlsx [--previous TỔNG_HỢP_KỲ_TRƯỚC.xlsx] [--json] [--overwrite]
      Kiểm tra sổ của từng đơn vị và tổng hợp thành sổ của Sở (tệp mới), kèm sheet "Nguồn"
      (từng tệp, đơn vị, kỳ, kết quả kiểm tra) và "Truy vết" (mỗi số tổng hợp lấy từ ô nào).
      --previous    sổ tổng hợp kỳ trước do lệnh merge ghi: so danh sách đơn vị, T5 từng đơn vị
      --max-change  ngưỡng cảnh báo khi số hồ sơ tiếp nhận của một đơn vị thay đổi (%, mặc định 50)
      --unit        tên đơn vị tổng hợp (mặc định: tên Sở Y tế trong các tệp)
      --threads     số luồng đọc và kiểm tra tệp cùng lúc (mặc định: 1 trên máy 2 lõi, số lõi trên máy nhiều lõi hơn; 1: không dùng luồng phụ)
      --overwrite   ghi đè SO.xlsx đã có dù không phải sổ tổng hợp (sổ tổng hợp cũ khác số liệu mới
                    luôn được giữ thành "SO (bản trước).xlsx")
`,
  },
  doc: {
    summary: 'Kiểm tra các số liệu viết trong văn bản báo cáo.',
    text: `  cchc doc BÁO_CÁO.docx [--workbook TỆP.xlsx] [--previous TỆP_KỲ_TRƯỚC.xlsx] [--json]
      Kiểm tra các số liệu viết trong văn bản báo cáo (tỷ lệ, tổng và các phần, khoảng thời gian,
      ngày văn bản); với --workbook, đối chiếu với sổ số liệu; --previous chỉ ra số còn của kỳ trước.
`,
  },
  template: {
    summary: 'Ghi một sổ số liệu trắng theo mẫu chuẩn.',
    text: `  cchc template --out TỆP.xlsx [--overwrite]
      Ghi một sổ số liệu trắng theo mẫu chuẩn. TỆP.xlsx đã có (kể cả sổ trắng đã điền số)
      thì không ghi đè, trừ khi thêm --overwrite.
`,
  },
} as const;

type CommandName = keyof typeof COMMAND_HELP;
const isCommand = (c: string | undefined): c is CommandName => c !== undefined && Object.hasOwn(COMMAND_HELP, c);

const TITLE = 'cchc — Trợ lý báo cáo cải cách hành chính (CCHC) của Sở Y tế';
const EXIT_CODES = `Mã thoát: 0 không có lỗi; 1 có lỗi trong số liệu; 2 không dùng được tệp đầu vào
(không đọc được, không tồn tại) hoặc sai tham số.
`;

const HELP = `${TITLE}

Cách dùng:
${Object.values(COMMAND_HELP)
  .map((c) => c.text)
  .join('')}  cchc help [LỆNH]   (hoặc cchc LỆNH --help)
      In hướng dẫn này, hoặc hướng dẫn riêng của một lệnh.
  cchc --version
      In phiên bản của chương trình.

${EXIT_CODES}`;

function commandHelp(name: CommandName): string {
  return `cchc ${name} — ${COMMAND_HELP[name].summary}

Cách dùng:
${COMMAND_HELP[name].text}
${EXIT_CODES}`;
}

class UsageError extends Error {}

async function load(path: string): Promise<WorkbookModel> {
  try {
    // Size known before bytes, and never more read than the limit: see input.ts.
    return await readWorkbook(readBoundedSync(path), basename(path));
  } catch (e) {
    if (isUnreadableWorkbookError(e)) throw new UsageError(`Không đọc được tệp ${path}: ${e.message}`);
    if ((e as NodeJS.ErrnoException)?.code) throw new UsageError(ioMessage(e, path));
    throw e;
  }
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, previous: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return help();
  if (positionals.length !== 1) throw new UsageError('Lệnh check cần đúng một tệp .xlsx, ví dụ: cchc check so-lieu.xlsx');
  const file = positionals[0]!;
  const model = await load(file);
  const previous = values.previous ? await load(values.previous) : undefined;
  const report = checkWorkbook(model, previous ? { previous } : {});
  if (previous && values.previous) {
    // Another unit's or a later period's workbook makes every carry-over comparison meaningless
    // (src/core/pairing.ts): refused before anything is printed. The report's unit and period do
    // not depend on the previous workbook, so the one check serves both.
    const problem = checkPrevious(identityOf(report), identityOf(checkWorkbook(previous)), { current: file, previous: values.previous });
    if (problem && (problem.hard || !values.force)) throw new UsageError(`${terminalSafe(problem.message)}${problem.hard ? '' : ' Chọn đúng sổ kỳ trước, hoặc thêm --force nếu vẫn muốn đối chiếu.'}`);
  }
  if (values.json) {
    // Loaded here only: the JSON is checked against the contract's zod schema (format-json.ts).
    const { reportJson } = await import('./format-json');
    process.stdout.write(`${jsonSafe(JSON.stringify(reportJson(report, file), null, 2))}\n`);
  } else process.stdout.write(reportText(report, model, file));
  return report.summary.errors > 0 ? 1 : 0;
}

async function template(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' }, overwrite: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return help();
  if (!values.out || positionals.length) throw new UsageError('Lệnh template cần --out TỆP.xlsx, ví dụ: cchc template --out mau-trang.xlsx');
  try {
    // The writer (ExcelJS) is loaded by the commands that write a workbook only: reading does not
    // need it, and every merge worker would otherwise load it for nothing.
    const [{ buildWorkbook }, { BLANK_TEMPLATE }] = await Promise.all([import('../xlsx/template'), import('../xlsx/samples')]);
    const bytes = await buildWorkbook(BLANK_TEMPLATE);
    // An officer may have filled a blank workbook written here before: only the same blank one is replaced.
    writeOutput(values.out, bytes, [], await planOutput(values.out, { overwrite: !!values.overwrite, judge: (old) => judgeTemplate(old, bytes) }));
  } catch (e) {
    if (e instanceof UnsafeWriteError) throw new UsageError(e.message);
    throw e;
  }
  process.stdout.write(`Đã ghi sổ số liệu trắng: ${terminalSafe(values.out)}\n`);
  return 0;
}

async function report(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { template: { type: 'string' }, out: { type: 'string' }, previous: { type: 'string' }, force: { type: 'boolean' }, overwrite: { type: 'boolean' }, 'no-chart': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return help();
  if (positionals.length !== 1 || !values.template || !values.out) {
    throw new UsageError('Lệnh report cần: cchc report TỆP.xlsx --template MẪU.docx --out KẾT_QUẢ.docx');
  }
  // Messages name files and workbook text: made terminal-safe on the way out (safe-text.ts).
  const io = { out: (t: string) => void process.stdout.write(terminalSafeLines(t)), err: (t: string) => void process.stderr.write(terminalSafeLines(t)) };
  // Each command's own modules are loaded when it runs (the report's .docx filler and chart, the
  // prose checker, merge's consolidation): `cchc check` starts without them.
  const { runReport } = await import('./report');
  return runReport({ file: positionals[0]!, template: values.template, out: values.out, io, ...(values.force ? { force: true } : {}), ...(values.overwrite ? { overwrite: true } : {}), ...(values.previous ? { previous: values.previous } : {}), ...(values['no-chart'] ? { chart: false } : {}) });
}

async function merge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, previous: { type: 'string' }, json: { type: 'boolean' }, 'max-change': { type: 'string' }, unit: { type: 'string' }, threads: { type: 'string' }, overwrite: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return help();
  if (!positionals.length || !values.out) throw new UsageError('Lệnh merge cần các tệp (hoặc thư mục) của đơn vị và --out, ví dụ: cchc merge don-vi/ --out tong-hop.xlsx');
  let maxChangePercent: number | undefined;
  if (values['max-change'] !== undefined) {
    maxChangePercent = Number(values['max-change'].replace(',', '.').replace(/%$/, ''));
    if (!Number.isFinite(maxChangePercent) || maxChangePercent <= 0) throw new UsageError(`--max-change phải là số phần trăm dương, ví dụ 50 (đang ghi "${values['max-change']}").`);
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads phải là số nguyên từ 1 đến 64, ví dụ 2 (đang ghi "${values.threads}").`);
  }
  const { MergeInputError, runMerge } = await import('./merge');
  try {
    return await runMerge({ inputs: positionals, out: values.out, ...(values.previous ? { previous: values.previous } : {}), ...(values.json ? { json: true } : {}), ...(values.overwrite ? { overwrite: true } : {}), ...(maxChangePercent !== undefined ? { maxChangePercent } : {}), ...(values.unit ? { unit: values.unit } : {}), ...(threads !== undefined ? { threads } : {}) });
  } catch (e) {
    if (e instanceof MergeInputError) throw new UsageError(e.message);
    throw e;
  }
}

function help(): number {
  process.stdout.write(HELP);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // A command's own help, before its arguments are read: `cchc merge --help` needs no files.
    if (isCommand(command) && (rest.includes('--help') || rest.includes('-h'))) {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    switch (command) {
      case 'check':
        return await check(rest);
      case 'template':
        return await template(rest);
      case 'doc':
        return await (await import('./doc')).runDoc(rest, { load, usage: (m) => new UsageError(m) });
      case 'report':
        return await report(rest);
      case 'merge':
        return await merge(rest);
      case '--version':
      case '-V':
      case 'version':
        process.stdout.write(`cchc ${version}\n`);
        return 0;
      case 'help': {
        const topic = rest[0];
        if (topic === undefined) return help();
        if (!isCommand(topic)) throw new UsageError(`Không có lệnh "${topic}". Các lệnh: ${Object.keys(COMMAND_HELP).join(', ')} (xem cchc help).`);
        process.stdout.write(commandHelp(topic));
        return 0;
      }
      case undefined:
      case '--help':
      case '-h':
        return help();
      default:
        throw new UsageError(`Lệnh không hợp lệ: ${command}. Dùng: check, report, doc, merge hoặc template (xem cchc --help).`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${terminalSafeLines(e.message)}\n`);
      return 2;
    }
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (e as NodeJS.ErrnoException)?.code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${terminalSafeLines(argumentMessage(e as NodeJS.ErrnoException))}\nXem: cchc --help\n`);
      return 2;
    }
    // A bug: the officer gets a Vietnamese sentence; the library's own words only on request.
    process.stderr.write('Lỗi không mong đợi của chương trình khi chạy lệnh (không phải lỗi của tệp): hãy báo cho bộ phận hỗ trợ, kèm tệp và lệnh đã chạy.\n');
    if (process.env.CCHC_DEBUG) process.stderr.write(`${terminalSafeLines(String((e as Error)?.stack ?? e))}\n`);
    return 2;
  }
}

// `merge` runs its workers on this same bundle: a worker thread serves jobs instead of parsing argv.
if (!isMainThread && (workerData as { role?: string } | null)?.role === MERGE_WORKER) void import('./merge').then((m) => m.runMergeWorker());
else
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Everything written and flushed: exit now rather than wait for Node to tear the heap down,
      // which after a merge of 800 files (hundreds of MB) took 50 to 170 ms of the command's time.
      // Output still queued (a pipe on macOS, a slow terminal) is left to drain by the natural exit.
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    },
    () => {
      process.exitCode = 2;
    },
  );
