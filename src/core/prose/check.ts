/**
 * Checking the figures written in a report (`cchc doc`, the Word pane's "Kiểm tra số liệu trong
 * văn bản"). Precision first, after AggChecker and statcheck: a statement is wrong only when no
 * rounding of the true value can give the printed one (tolerance from the printed decimals),
 * each finding says how the sentence was read, and guesses the likely cause where one fits
 * (wrong denominator, truncated instead of rounded, figure from another period).
 */
import type { CheckReport } from '../report';
import { roundTo } from '../numbers';
import { parsePeriodKind, reportingWindow } from '../periods';
import type { PeriodKind } from '../contract';
import { family, readParagraph, type ParagraphReading } from './read';
import { isForcedNote } from '../narrative/marks';
import { foldKeep, sentences, within } from './text';
import { fmtDate, fmtNum, fmtPct, message } from './messages';
import type { Breakdown, CountFigure, DocFinding, DocParagraph, DocReport, Figure, Hedge, ReportPeriod, Span } from './types';

export interface DocCheckOptions {
  /** The linked workbook's check (metrics are compared with the figures that state them). */
  workbook?: CheckReport;
  /** The previous period's workbook check: a figure equal to its value is called out as stale. */
  previous?: CheckReport;
}

type Draft = Omit<DocFinding, 'excerpt' | 'message' | 'section'> & { args: Record<string, string | number> };

/** Reads and checks a whole document. Pure; never throws on odd text. */
export function checkDocument(paragraphs: DocParagraph[], options: DocCheckOptions = {}): DocReport {
  // i10: a forced report's notes quote the workbook's errors; they are not claims of the report.
  const readings = paragraphs.map((p, i) => (isForcedNote(p.text) ? readParagraph({ ...p, text: '' }, i) : readParagraph(p, i)));
  const period = readPeriod(paragraphs);
  const date = readReportDate(paragraphs, readings);
  const drafts: Draft[] = [];
  const checked = new Map<string, Span>();
  const mark = (s: Span) => checked.set(`${s.paragraph}:${s.start}`, { paragraph: s.paragraph, start: s.start, end: s.end });

  readings.forEach((r) => {
    checkRates(r, drafts, mark);
    checkBreakdowns(r, drafts, mark);
    checkWindows(r, period, drafts, mark);
    checkIssuedDates(r, date, drafts, mark);
    for (const f of r.figures) {
      if (f.kind === 'percent' && f.english) {
        drafts.push({ code: 'english_decimal', severity: 'info', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: ${fmtPct(f.value, f.decimals)}`, actual: paragraphs[f.paragraph]!.text.slice(f.start, f.end), expected: fmtPct(f.value, f.decimals), args: { value: fmtPct(f.value, f.decimals) } });
      }
    }
  });
  for (const b of noteBreakdowns(paragraphs, readings)) checkBreakdowns({ breakdowns: [b] } as ParagraphReading, drafts, mark);
  checkRepeats(paragraphs, readings, drafts, mark);
  if (options.workbook) checkAgainstWorkbook(paragraphs, readings, options.workbook, options.previous, drafts, mark);

  const sections = sectionsOf(paragraphs);
  const issues: DocFinding[] = drafts
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
    .map(({ args, ...d }) => ({ ...d, excerpt: excerptOf(paragraphs[d.paragraph]!.text, d.start, d.end), message: message(d.code, args), section: sections[d.paragraph] ?? '' }));
  let figuresRead = 0;
  for (const r of readings) figuresRead += r.figures.length + r.leftAlone;
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  return {
    period,
    date,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), figuresRead, figuresChecked: checked.size },
    issues,
    checked: [...checked.values()].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start),
  };
}

// ---------------------------------------------------------------- period and date

const PERIOD_TEXT = /\b(quy\s+(?:i{1,3}|iv|0?[1-4])|6 thang dau nam|6 thang cuoi nam|6 thang|9 thang|nam)\s*(?:nam\s*|\/\s*)?(\d{4})\b/;

/** The period in the title: "BÁO CÁO" then, in it or the next two paragraphs, "quý III năm 2022". */
export function readPeriod(paragraphs: DocParagraph[]): ReportPeriod | null {
  const head = paragraphs.slice(0, 40);
  for (let i = 0; i < head.length; i++) {
    const f = foldKeep(head[i]!.text).trim();
    if (!/^bao cao\b/.test(f)) continue;
    for (let j = i; j < Math.min(head.length, i + 3); j++) {
      const m = PERIOD_TEXT.exec(foldKeep(head[j]!.text));
      if (!m) continue;
      const raw = m[1]!.replace(/\s+/g, ' ');
      const kind: PeriodKind | null = raw === 'nam' ? 'Năm' : raw === '6 thang' ? '6 tháng đầu năm' : parsePeriodKind(raw.replace(/quy 0/, 'quy '));
      if (!kind) continue;
      const year = +m[2]!;
      return { kind, year, nd09: reportingWindow(kind, year, 'nd09'), calendar: reportingWindow(kind, year, 'calendar'), paragraph: j };
    }
  }
  return null;
}

/** The report's date: the "…, ngày 14 tháng 3 năm 2022" line (last day of the month if the day is blank), else the latest signature time. */
export function readReportDate(paragraphs: DocParagraph[], readings: ParagraphReading[]): string | null {
  for (let i = 0; i < Math.min(paragraphs.length, 30); i++) {
    const f = foldKeep(paragraphs[i]!.text);
    const m = /[\p{L}],\s*ngay\s+(\d{1,2})?\s*thang\s+(\d{1,2})\s+nam\s+(\d{4})/u.exec(f);
    if (!m) continue;
    const y = +m[3]!;
    const mo = +m[2]!;
    const d = m[1] ? +m[1] : new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  let latest: string | null = null;
  readings.forEach((r, i) => {
    if (!/^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(paragraphs[i]!.text)) return;
    for (const f of r.figures) if (f.kind === 'date' && (!latest || f.iso > latest)) latest = f.iso;
  });
  return latest;
}

// ---------------------------------------------------------------- percentages

function hedgeHolds(h: Hedge, actual: number, stated: number): boolean {
  switch (h) {
    case 'gt':
      return actual > stated;
    case 'ge':
      return actual >= stated;
    case 'lt':
      return actual < stated;
    case 'le':
      return actual <= stated;
    case 'near':
      return actual <= stated && actual >= stated * 0.9;
    case 'approx':
      return Math.abs(actual - stated) <= Math.max(stated * 0.1, 1);
  }
}

const HEDGE_WORD: Record<Hedge, string> = { gt: 'trên', ge: 'ít nhất', lt: 'dưới', le: 'tối đa', near: 'gần', approx: 'khoảng' };

function truncTo(v: number, d: number): number {
  const f = 10 ** d;
  return Math.trunc(v * f + 1e-9) / f;
}

function checkRates(r: ParagraphReading, out: Draft[], mark: (s: Span) => void) {
  for (const c of r.rates) {
    const p = c.percent;
    mark(p);
    mark(c.numeratorSpan);
    const actual = (c.numerator / c.denominator) * 100;
    const shown = fmtPct(p.value, p.decimals);
    const read = `đọc là: ${fmtNum(c.numerator)}/${fmtNum(c.denominator)} = ${fmtPct(actual, Math.max(2, p.decimals))}; văn bản ghi ${p.hedge ? `${HEDGE_WORD[p.hedge]} ` : ''}${shown}`;
    const base = { paragraph: p.paragraph, start: p.start, end: p.end, reading: read, actual: shown };
    if (p.hedge) {
      if (!hedgeHolds(p.hedge, actual, p.value)) out.push({ ...base, code: 'hedge_contradicted', severity: 'error', expected: fmtPct(actual, p.decimals || 2), args: { hedge: HEDGE_WORD[p.hedge], stated: shown, actual: fmtPct(actual, 2), fraction: `${fmtNum(c.numerator)}/${fmtNum(c.denominator)}` } });
      continue;
    }
    if (roundTo(actual, p.decimals) === p.value) continue;
    const expected = fmtPct(actual, p.decimals);
    const args = { stated: shown, expected, fraction: `${fmtNum(c.numerator)}/${fmtNum(c.denominator)}`, cause: '' };
    if (p.decimals > 0 && truncTo(actual, p.decimals) === p.value) {
      out.push({ ...base, code: 'percent_mismatch', severity: 'warning', expected, args: { ...args, cause: 'số đã bị cắt bớt chữ số thay vì làm tròn' } });
      continue;
    }
    const other = c.alternatives.find((d) => d !== c.denominator && d > 0 && roundTo((c.numerator / d) * 100, p.decimals) === p.value);
    if (other !== undefined) args.cause = `có lẽ đã chia cho ${fmtNum(other)} thay vì ${fmtNum(c.denominator)} (sai mẫu số)`;
    const impossible = p.decimals > 0 && !possibleOver(p.value, p.decimals, c.denominator);
    if (impossible && !args.cause) {
      out.push({ ...base, code: 'percent_impossible', severity: 'error', expected, args: { ...args, denominator: fmtNum(c.denominator) } });
      continue;
    }
    out.push({ ...base, code: 'percent_mismatch', severity: 'error', expected, args });
  }
}

/** GRIM: is there a whole count k of n with k/n rounding to the printed percentage? */
export function possibleOver(percent: number, decimals: number, n: number): boolean {
  const k0 = Math.round((percent * n) / 100);
  for (let k = Math.max(0, k0 - 1); k <= k0 + 1; k++) if (roundTo((k / n) * 100, decimals) === percent) return true;
  return false;
}

// ---------------------------------------------------------------- breakdowns

function checkBreakdowns(r: ParagraphReading, out: Draft[], mark: (s: Span) => void) {
  for (const b of r.breakdowns) {
    const sum = b.parts.reduce((a, p) => a + p.value, 0);
    mark(b.total);
    b.parts.forEach(mark);
    const partsText = b.parts.map((p) => fmtNum(p.value)).join(' + ');
    const reading = `đọc là: ${partsText} = ${fmtNum(sum)}; văn bản ghi tổng ${fmtNum(b.total.value)}`;
    const base = { paragraph: b.total.paragraph, start: b.total.start, end: b.total.end, reading, expected: fmtNum(sum), actual: fmtNum(b.total.value) };
    const args = { total: fmtNum(b.total.value), sum: fmtNum(sum), parts: partsText, marker: b.marker };
    if (sum > b.total.value) out.push({ ...base, code: 'parts_exceed_total', severity: 'error', args });
    else if (sum < b.total.value && (b.marker !== 'trong đó' || b.parts.length >= 2)) {
      out.push({ ...base, code: 'parts_sum_mismatch', severity: b.marker === 'gồm' || b.marker === 'cụ thể' ? 'error' : 'warning', args });
    }
  }
}

/**
 * A count with a footnote whose text lists counts of the same thing ("16 đơn vị[18]" → "15 đơn vị
 * … và 02 đơn vị …"): the note is read as the count's breakdown. A fraction's note may break
 * down either term ("50/54 chỉ tiêu[17]" → "30, 12, 12"), so it is only checked against both.
 */
function noteBreakdowns(paragraphs: DocParagraph[], readings: ParagraphReading[]): Breakdown[] {
  const out: Breakdown[] = [];
  const notes = new Map<string, number>();
  paragraphs.forEach((p, i) => p.kind === 'note' && p.noteId && notes.set(p.noteId, i));
  paragraphs.forEach((p, i) => {
    for (const ref of p.noteRefs ?? []) {
      const f = readings[i]!.figures.find((x) => x.kind !== 'date' && x.kind !== 'percent' && Math.abs(x.end - ref.offset) <= 1);
      const ni = notes.get(ref.id);
      if (!f || ni === undefined || (f.kind !== 'count' && f.kind !== 'fraction')) continue;
      const note = readings[ni]!;
      if (note.breakdowns.length || note.rates.length || note.figures.some((x) => x.kind === 'percent' || x.kind === 'fraction')) continue;
      const parts = note.figures.filter((x): x is CountFigure => x.kind === 'count');
      if (parts.length < 2 || parts.some((x) => x.hedge)) continue;
      const fam = family(f.noun);
      if (parts.some((x) => x.noun !== null && family(x.noun) !== fam)) continue;
      const sum = parts.reduce((a, x) => a + x.value, 0);
      if (f.kind === 'fraction') {
        if (sum === f.numerator || sum === f.denominator) continue;
        const total: CountFigure = { kind: 'count', paragraph: f.paragraph, start: f.start, end: f.end, value: f.denominator, noun: f.noun, label: f.label };
        out.push({ total, parts, marker: 'ghi chú' });
      } else if (!f.hedge) out.push({ total: f, parts, marker: 'ghi chú' });
    }
  });
  return out;
}

// ---------------------------------------------------------------- windows and dates

const DAY = 86400000;
/** "quý III năm 2022", "6 tháng đầu năm 2023", "năm 2021". */
export function periodName(p: { kind: string; year: number }): string {
  return p.kind === 'Năm' ? `năm ${p.year}` : `${p.kind[0]!.toLowerCase()}${p.kind.slice(1)} năm ${p.year}`;
}
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const shiftYear = (iso: string, by: number) => `${+iso.slice(0, 4) + by}${iso.slice(4)}`;

function checkWindows(r: ParagraphReading, period: ReportPeriod | null, out: Draft[], mark: (s: Span) => void) {
  for (const w of r.windows) {
    const reading = `đọc là: từ ${fmtDate(w.from)} đến ${fmtDate(w.to)}`;
    const base = { paragraph: w.paragraph, start: w.start, end: w.end, actual: `${fmtDate(w.from)} – ${fmtDate(w.to)}` };
    if (w.to < w.from) {
      mark(w);
      let cause = '';
      let expected: string | undefined;
      if (period) {
        for (const win of [period.nd09, period.calendar]) {
          const fits = (shiftYear(w.to, 1) === win.to && w.from === win.from) || (shiftYear(w.from, -1) === win.from && w.to === win.to);
          if (!fits) continue;
          expected = `${fmtDate(win.from)} – ${fmtDate(win.to)}`;
          cause = `năm của ngày ${w.from === win.from ? 'cuối' : 'đầu'} có lẽ gõ nhầm (kỳ ${periodName(period)} là từ ${fmtDate(win.from)} đến ${fmtDate(win.to)})`;
        }
      }
      out.push({ ...base, code: 'window_backwards', severity: 'error', ...(expected ? { expected } : {}), reading: `${reading}: ngày cuối trước ngày đầu ${fmtNum(-days(w.from, w.to))} ngày`, args: { from: fmtDate(w.from), to: fmtDate(w.to), cause } });
      continue;
    }
    if (!period) continue;
    const wins = [period.nd09, period.calendar];
    if (wins.some((x) => x.from === w.from && x.to === w.to)) {
      mark(w);
      continue;
    }
    const expected = `${fmtDate(period.nd09.from)} – ${fmtDate(period.nd09.to)}`;
    const name = periodName(period);
    // The same days of another year: the window was copied from another report.
    const yearsOff = wins.find((x) => x.from.slice(4) === w.from.slice(4) && x.to.slice(4) === w.to.slice(4) && days(x.from, w.from) !== 0);
    if (yearsOff) {
      mark(w);
      out.push({ ...base, code: 'window_not_period', severity: 'warning', reading, expected, args: { from: fmtDate(w.from), to: fmtDate(w.to), period: name, expected, cause: 'có lẽ chép từ báo cáo kỳ khác (cùng ngày, khác năm)' } });
      continue;
    }
    // A window meant as the report's: one end on the period's, the other within two months of its own.
    const near = wins.some((x) => (x.from === w.from && Math.abs(days(x.to, w.to)) <= 62) || (x.to === w.to && Math.abs(days(x.from, w.from)) <= 62));
    if (near) {
      mark(w);
      out.push({ ...base, code: 'window_not_period', severity: 'warning', reading, expected, args: { from: fmtDate(w.from), to: fmtDate(w.to), period: name, expected, cause: '' } });
    }
  }
}

function checkIssuedDates(r: ParagraphReading, date: string | null, out: Draft[], mark: (s: Span) => void) {
  if (!date) return;
  for (const f of r.figures) {
    if (f.kind !== 'date' || !f.issued) continue;
    mark(f);
    if (f.iso > date) {
      out.push({ code: 'date_after_report', severity: 'error', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: văn bản được dẫn ban hành ngày ${fmtDate(f.iso)}; báo cáo đề ngày ${fmtDate(date)}`, expected: `≤ ${fmtDate(date)}`, actual: fmtDate(f.iso), args: { date: fmtDate(f.iso), report: fmtDate(date) } });
    }
  }
}

// ---------------------------------------------------------------- the same quantity twice

const REPEAT_STOP = new Set(['tinh', 'den', 'cua', 'la', 'thuoc', 'tai', 'trong', 'ky', 'nam', 'ngay', 'quy', 'tu']);

function checkRepeats(paragraphs: DocParagraph[], readings: ParagraphReading[], out: Draft[], mark: (s: Span) => void) {
  // Key: "tổng số" + the two words after it + the noun; only counts named that way, one scope per report.
  const seen = new Map<string, CountFigure>();
  readings.forEach((r) => {
    for (const f of r.figures) {
      if (f.kind !== 'count' || !f.noun || f.hedge) continue;
      const m = /tong so ((?:[a-z]+ ?)+)/.exec(f.label);
      if (!m) continue;
      // The noun phrase after "tổng số", up to the first word that starts its scope or verb ("tính đến", "của", "là").
      const words: string[] = [];
      for (const w of m[1]!.trim().split(' ')) {
        if (REPEAT_STOP.has(w) || words.length === 4) break;
        words.push(w);
      }
      if (!words.length) continue;
      m[1] = words.join(' ');
      const key = `${m[1]}|${family(f.noun)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, f);
        continue;
      }
      mark(f);
      mark(first);
      if (first.value !== f.value) {
        const where = `đoạn ${first.paragraph + 1}`;
        out.push({ code: 'repeated_mismatch', severity: 'warning', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: "tổng số ${m[1]}" = ${fmtNum(f.value)}; ${where} ghi ${fmtNum(first.value)}`, expected: fmtNum(first.value), actual: fmtNum(f.value), args: { what: `tổng số ${m[1]}`, value: fmtNum(f.value), first: fmtNum(first.value), where } });
      }
    }
  });
}

// ---------------------------------------------------------------- against the workbook

/** New files of the period: not a metric of its own, the sum of two. */
const NEW_FILES = 'tthc.trucTuyen+trucTiepBuuChinh';
function metricOf(r: CheckReport, key: string): number | null | undefined {
  if (key !== NEW_FILES) return r.metrics[key];
  const a = r.metrics['tthc.trucTuyen'];
  const b = r.metrics['tthc.trucTiepBuuChinh'];
  return a == null || b == null ? undefined : a + b;
}

interface QuantityRule {
  key: string;
  kind: 'count' | 'percent' | 'numerator' | 'denominator';
  family?: string;
  /** Tested on the figure's label (folded words before it in its clause). */
  label: RegExp;
  /** Tested on the folded sentence. */
  context?: RegExp;
  what: string;
}

const SUBJECTS: [RegExp, string, string][] = [
  [/noi tru/, 'nguoi-benh-noi-tru', 'người bệnh nội trú'],
  [/ngoai tru/, 'nguoi-benh-ngoai-tru', 'người bệnh ngoại trú'],
  [/nhan vien y te/, 'nhan-vien-y-te', 'nhân viên y tế'],
];

const RULES: QuantityRule[] = [
  // i10: "tiếp nhận N hồ sơ" states the new files of the period, online + in person (docs/style.md 1),
  // unless its own breakdown counts the files carried over ("trong đó … từ kỳ trước chuyển sang").
  { key: 'tthc.tongSo', kind: 'count', family: 'hoso', label: /tiep nhan$/, context: /tu ky truoc chuyen sang/, what: 'tổng số hồ sơ tiếp nhận' },
  { key: NEW_FILES, kind: 'count', family: 'hoso', label: /tiep nhan$/, what: 'số hồ sơ tiếp nhận trong kỳ' },
  { key: 'tthc.trucTuyen', kind: 'count', family: 'hoso', label: /(?:^|trong do )truc tuyen$/, what: 'số hồ sơ trực tuyến' },
  { key: 'tthc.trucTiepBuuChinh', kind: 'count', family: 'hoso', label: /truc tiep va qua dich vu buu chinh cong ich$/, what: 'số hồ sơ trực tiếp và qua bưu chính' },
  { key: 'tthc.tuKyTruoc', kind: 'count', family: 'hoso', label: /ky truoc chuyen sang$/, what: 'số hồ sơ từ kỳ trước chuyển sang' },
  { key: 'tthc.daGiaiQuyet', kind: 'count', family: 'hoso', label: /(?:^|; |, )da giai quyet$/, what: 'số hồ sơ đã giải quyết' },
  { key: 'tthc.truocHan', kind: 'count', family: 'hoso', label: /(?:^|trong do )truoc han$/, what: 'số hồ sơ giải quyết trước hạn' },
  { key: 'tthc.dungHan', kind: 'count', family: 'hoso', label: /^dung han$/, what: 'số hồ sơ giải quyết đúng hạn' },
  { key: 'tthc.dangGiaiQuyet', kind: 'count', family: 'hoso', label: /(?:^|; |, )dang giai quyet$/, what: 'số hồ sơ đang giải quyết' },
  { key: 'tthc.tyLeDungHan', kind: 'percent', label: /ty le .*truoc han va dung han.*$/, what: 'tỷ lệ giải quyết trước hạn và đúng hạn' },
  { key: 'tthc.tyLeQuaHan', kind: 'percent', label: /ty le .*qua han[^,]*$/, what: 'tỷ lệ giải quyết quá hạn' },
  { key: 'tthc.tyLeTrucTuyen', kind: 'percent', label: /ty le .*tiep nhan truc tuyen[^,]*$/, what: 'tỷ lệ hồ sơ tiếp nhận trực tuyến' },
  { key: 'phanAnh.tiepNhan', kind: 'count', family: 'don', label: /tiep nhan$/, what: 'số đơn phản ánh, kiến nghị tiếp nhận' },
  { key: 'phanAnh.daGiaiQuyet', kind: 'count', family: 'don', label: /da giai quyet$/, what: 'số đơn đã giải quyết' },
  { key: 'phanAnh.dangGiaiQuyet', kind: 'count', family: 'don', label: /dang giai quyet$/, what: 'số đơn đang giải quyết' },
  { key: 'danhMuc.soTTHC', kind: 'count', family: 'tthc', label: /tong so (?:thu tuc hanh chinh|tthc)\b.*\bla$/, what: 'tổng số TTHC của danh mục' },
  { key: 'danhMuc.capTinh', kind: 'count', family: 'tthc', label: /cap tinh:?$/, what: 'số TTHC cấp tỉnh' },
  { key: 'danhMuc.capHuyen', kind: 'count', family: 'tthc', label: /cap huyen:?$/, what: 'số TTHC cấp huyện' },
  { key: 'danhMuc.capXa', kind: 'count', family: 'tthc', label: /cap xa:?$/, what: 'số TTHC cấp xã' },
  { key: 'bienChe.cong-chuc.duocGiao', kind: 'count', label: /duoc giao$/, context: /bien che cong chuc/, what: 'biên chế công chức được giao' },
  { key: 'bienChe.cong-chuc.coMat', kind: 'count', label: /co mat$/, context: /bien che cong chuc/, what: 'công chức có mặt' },
  { key: 'bienChe.cong-chuc.coMat', kind: 'numerator', label: /la$/, context: /bien che cong chuc/, what: 'công chức có mặt' },
  { key: 'bienChe.cong-chuc.duocGiao', kind: 'denominator', label: /la$/, context: /bien che cong chuc/, what: 'biên chế công chức được giao' },
  { key: 'bienChe.vien-chuc.coMat', kind: 'count', label: /(?:bien che la|vien chuc|vien chuc: co mat)$/, context: /nguoi lam viec/, what: 'số viên chức có mặt' },
  { key: 'bienChe.hop-dong.coMat', kind: 'count', label: /(?:nguoi lao dong .*la|hop dong lao dong|lao dong hop dong: co mat)$/, context: /nguoi lam viec|hop dong/, what: 'số lao động hợp đồng' },
];

function checkAgainstWorkbook(paragraphs: DocParagraph[], readings: ParagraphReading[], wb: CheckReport, prev: CheckReport | undefined, out: Draft[], mark: (s: Span) => void) {
  readings.forEach((r, pi) => {
    const text = paragraphs[pi]!.text;
    const folded = foldKeep(text);
    const sents = sentences(text);
    for (const f of r.figures) {
      if (f.kind === 'date') continue;
      const s = within(sents, f.start);
      const sentence = s ? folded.slice(s.start, s.end) : folded;
      for (const [key, what, stated, decimals] of quantities(f, sentence)) {
        const actual = metricOf(wb, key);
        if (actual === undefined || actual === null) continue;
        mark(f);
        const hedge = f.kind !== 'fraction' ? f.hedge : undefined;
        const same = decimals === null ? actual === stated : hedge ? hedgeHolds(hedge, actual, stated) : roundTo(actual, decimals) === stated;
        if (same) continue;
        const show = (v: number) => (decimals === null ? fmtNum(v) : fmtPct(v, decimals));
        const base = { paragraph: f.paragraph, start: f.start, end: f.end, expected: show(actual), actual: show(stated), reading: `đọc là: ${what} = ${show(stated)}; sổ số liệu: ${show(actual)}` };
        const before = prev ? metricOf(prev, key) : undefined;
        const stale = before !== undefined && before !== null && (decimals === null ? before === stated : roundTo(before, decimals) === stated);
        if (stale) out.push({ ...base, code: 'stale_figure', severity: 'warning', reading: `${base.reading}; kỳ trước: ${show(before)}`, args: { what, stated: show(stated), actual: show(actual) } });
        else out.push({ ...base, code: 'workbook_mismatch', severity: 'error', args: { what, stated: show(stated), actual: show(actual) } });
      }
    }
  });
}

/** The workbook quantities a figure states: [metric key, what, value, decimals (null for counts)]. */
function quantities(f: Exclude<Figure, { kind: 'date' }>, sentence: string): [string, string, number, number | null][] {
  const out: [string, string, number, number | null][] = [];
  const label = f.label.replace(/[\s:]+$/, (m) => (m.includes(':') ? ':' : ''));
  if (f.kind === 'percent') {
    const subject = SUBJECTS.find(([re]) => re.test(sentence));
    if (subject && /hai long|phieu/.test(sentence)) {
      const [, slugKey, name] = subject;
      const item = /hai long chung$/.test(label) ? ['haiLongChung', 'tỷ lệ hài lòng chung'] : /so voi mong doi$/.test(label) ? ['soVoiMongDoi', 'tỷ lệ hài lòng so với mong đợi'] : /quay lai$/.test(label) ? ['quayLai', 'tỷ lệ quay lại'] : /toan dien$/.test(label) ? ['toanDien', 'chỉ số hài lòng toàn diện'] : null;
      if (item) out.push([`haiLong.${slugKey}.${item[0]}`, `${item[1]} của ${name}`, f.value, f.decimals]);
      return out;
    }
    for (const r of RULES) if (r.kind === 'percent' && r.label.test(label) && (!r.context || r.context.test(sentence))) return [[r.key, r.what, f.value, f.decimals]];
    return out;
  }
  if (f.kind === 'fraction') {
    for (const r of RULES) {
      if (!r.context || !r.context.test(sentence) || !r.label.test(label)) continue;
      if (r.kind === 'numerator') out.push([r.key, r.what, f.numerator, null]);
      if (r.kind === 'denominator') out.push([r.key, r.what, f.denominator, null]);
    }
    return out;
  }
  if (f.hedge) return out;
  if (f.noun === 'phieu') {
    const subject = SUBJECTS.find(([re]) => re.test(sentence));
    if (subject) out.push([`haiLong.${subject[1]}.soPhieu`, `số phiếu khảo sát ${subject[2]}`, f.value, null]);
    return out;
  }
  for (const r of RULES) {
    if (r.kind !== 'count' || !r.label.test(label)) continue;
    if (r.family && family(f.noun) !== r.family) continue;
    if (r.context && !r.context.test(sentence)) continue;
    out.push([r.key, r.what, f.value, null]);
    break;
  }
  return out;
}

// ---------------------------------------------------------------- presentation

/** Section of each paragraph: the latest heading ("II. KẾT QUẢ…", "2. Cải cách…") before it. */
export function sectionsOf(paragraphs: DocParagraph[]): string[] {
  let top = '';
  let sub = '';
  return paragraphs.map((p) => {
    const t = p.text.trim();
    if (p.kind !== 'note' && t.length <= 120) {
      if (/^[IVX]+\.\s/.test(t)) {
        top = t;
        sub = '';
      } else if (/^\d+(?:\.\d+)*\.\s+\p{Lu}/u.test(t) && top) sub = t;
    }
    return sub ? `${top} › ${sub}` : top;
  });
}

/** The sentence holding [start, end), or 200 characters around it when the sentence is longer. */
export function excerptOf(text: string, start: number, end: number): string {
  const s = within(sentences(text), start) ?? { start: 0, end: text.length };
  if (s.end - s.start <= 200) return text.slice(s.start, s.end).trim();
  const mid = Math.floor((start + end) / 2);
  const from = Math.max(0, Math.min(mid - 100, text.length - 200));
  return `${from > 0 ? '…' : ''}${text.slice(from, from + 200).trim()}${from + 200 < text.length ? '…' : ''}`;
}
