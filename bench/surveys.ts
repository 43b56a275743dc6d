/**
 * Survey benchmark: 20.000 QĐ 56 inpatient forms in the hospitals' upload layout beside the
 * standard workbook, written as a real .xlsx, then timed in the same run (median of several
 * repetitions): a bare unzip + XML parse of every part (the floor); a bare ExcelJS parse of the
 * file (what the product used before it read .xlsx itself); readWorkbook + reading, validating and
 * summarising the answers (src/core/surveys); and the whole checkWorkbook, whose contract-table
 * search also walks the answer sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkWorkbook } from '../src/core/check';
import { formatNumber, formatPercent } from '../src/core/numbers';
import { surveyIndices } from '../src/core/surveys/indicators';
import { readAnswerSheets } from '../src/core/surveys/read';
import { validateAnswerSheets } from '../src/core/surveys/validate';
import { LIMITS, readWorkbook } from '../src/xlsx/read';
import { newSaxesParser } from '../src/zip/saxes';
import { generateForms, SHAPES } from '../test/helpers/surveys';
import { workbookWithAnswers } from '../test/helpers/surveys-xlsx';

const REPS = 3;
const FORMS = 20000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (x: number) => x.toFixed(2).replace('.', ',');

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchSurveys(): Promise<void> {
  const shape = SHAPES['qd56-noi-tru'];
  const forms = generateForms(shape, FORMS, 2026, { notUsed: 0.03, blank: 0.02 }, ['2022-12-15', '2023-03-14']);
  const bytes = await workbookWithAnswers({ unit: 'Bệnh viện (thử tải)', periodKind: 'Quý I', year: 2023 }, 'Phiếu nội trú', shape, forms);
  console.log(`\n== Phiếu khảo sát hài lòng: ${FORMS.toLocaleString('de-DE')} phiếu nội trú QĐ 56 (bố cục tệp tải lên, ${(bytes.length / 1024).toFixed(0)} KB) ==`);
  // About 850.000 cells: read by the product as it is, within LIMITS (no limit lifted here).
  console.log(`(giới hạn của readWorkbook: ${LIMITS.maxCells.toLocaleString('de-DE')} ô; tệp này được đọc như mọi tệp khác)`);
  await measure(bytes);
}

/** The floor: unzip every part and run the XML parser over it, building nothing. */
async function bareXmlParse(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/\.(xml|rels)$/.test(f.name)) continue;
    const parser = newSaxesParser();
    parser.on('opentag', () => undefined);
    parser.write(await f.async('string')).close();
  }
}

async function measure(bytes: Uint8Array): Promise<void> {
  let summary = '';
  const bare = async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  const surveys = async () => {
    const model = await readWorkbook(bytes);
    const sheets = readAnswerSheets(model, { defaultDecision: '56' });
    let findings = 0;
    validateAnswerSheets(sheets, { window: { from: '2022-12-15', to: '2023-03-14' } }, () => findings++);
    const ind = surveyIndices(sheets);
    summary = `${formatNumber(ind.respondents)} phiếu; hài lòng chung ${formatPercent(ind.haiLongChung ?? NaN)}, toàn diện ${formatPercent(ind.toanDien ?? NaN)}; ${findings} phát hiện`;
  };
  const whole = async () => checkWorkbook(await readWorkbook(bytes));
  const xml = async () => bareXmlParse(bytes);
  await xml();
  await bare();
  await surveys();
  await whole();
  const t = { xml: [] as number[], bare: [] as number[], surveys: [] as number[], whole: [] as number[] };
  for (let i = 0; i < REPS; i++) {
    t.xml.push(await time(xml));
    t.bare.push(await time(bare));
    t.surveys.push(await time(surveys));
    t.whole.push(await time(whole));
  }
  const [x, b, s, w] = [median(t.xml), median(t.bare), median(t.surveys), median(t.whole)];
  console.log(`Giải nén + phân tích XML trần (saxes, không dựng gì): ${fmt(x)}`);
  console.log(`ExcelJS nạp tệp (không dựng mô hình):                 ${fmt(b)}`);
  console.log(`readWorkbook + đọc, kiểm tra, tổng hợp phiếu:         ${fmt(s)}  (${ratio(s / b)} × ExcelJS, ${ratio(s / x)} × XML trần)`);
  console.log(`readWorkbook + checkWorkbook (cả sổ):                 ${fmt(w)}  (${ratio(w / b)} × ExcelJS, ${ratio(w / x)} × XML trần)`);
  console.log(`${summary}; trung vị của ${REPS} lần chạy`);
}

if (require.main === module) {
  benchSurveys().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
