/**
 * Checking the figures written in a report (`cchc doc`, the Word pane's "Kiểm tra số liệu trong
 * văn bản"). Precision first, after AggChecker and statcheck: a statement is wrong only when no
 * reading its wording allows is consistent (a rate against every base its words allow, with the
 * tolerance of its printed decimals), each finding says how the sentence was read and which bases
 * were tried, and guesses the likely cause where one fits (wrong denominator, truncated instead
 * of rounded, figure from another period).
 */
import { hedgeHolds, type Draft, type Mark } from './draft';
import type { CheckReport } from '../report';
import { roundTo, truncTo } from '../numbers';
import { parsePeriodKind, reportingWindow } from '../periods';
import { isoDate, periodPhrase } from '../format';
import type { PeriodKind } from '../contract';
import { isForcedNote } from '../narrative/marks';
import { HEDGE_WORD } from './lexicon';
import { readDocument, type DocReading } from './statements';
import { checkTables } from './tables';
import { checkIndexRepeats, checkScoreLists, checkScoreSets } from './indices';
import { checkShares } from './shares';
import { checkComparisons } from './comparisons';
import { checkChanges } from './changes';
import { checkAgainstWorkbook, workbookIdentity } from './workbook';
import { foldKeep, matches, sentences, within, type Range } from './text';
import { fmtDate, fmtNum, fmtPct, message } from './messages';
import { DOCUMENT_FINDINGS } from '../catalogue/document';
import type { Breakdown, CountFigure, DateFigure, DocFinding, DocParagraph, DocReport, Quantity, RateClaim, RateReading, ReportPeriod, Span } from './types';
import type { ParagraphReading } from './read';

export interface DocCheckOptions {
  /** The linked workbook's check (metrics are compared with the figures that state them). */
  workbook?: CheckReport;
  /** The previous period's workbook check: a figure equal to its value is called out as stale. */
  previous?: CheckReport;
}

export type { Draft, Mark } from './draft';

/** Reads and checks a whole document. Pure; never throws on odd text. */
export function checkDocument(paragraphs: DocParagraph[], options: DocCheckOptions = {}): DocReport {
  // A forced report's notes quote the workbook's errors; they are not claims of the report.
  const doc = readDocument(paragraphs, (p) => isForcedNote(p.text));
  const readings = doc.paragraphs;
  const period = readPeriod(paragraphs);
  const date = readReportDate(paragraphs, readings);
  const drafts: Draft[] = [];
  // Keyed by paragraph and offset as one exact number (a string's offsets are below 2^32, a
  // document's paragraphs far below 2^21): no key string per mark, and a figure is marked many times.
  const checked = new Map<number, Span>();
  const mark: Mark = (s) => {
    const k = s.paragraph * 0x100000000 + s.start;
    const was = checked.get(k);
    if (!was || was.end !== s.end) checked.set(k, { paragraph: s.paragraph, start: s.start, end: s.end });
  };

  const wrongWorkbook = options.workbook ? workbookIdentity(paragraphs, period, options.workbook) : null;
  if (wrongWorkbook) drafts.push(wrongWorkbook);
  const before = drafts.length;
  checkBreakdowns(doc.breakdowns, drafts, mark);
  for (const b of noteBreakdowns(paragraphs, doc)) checkBreakdowns([b], drafts, mark);
  // One slip, one finding: a rate computed from the parts of a breakdown found not to add up
  // follows from that slip ("trước hạn 131" makes both the sum and the rate wrong).
  // Only a rate of those parts over that total: another rate that uses one of them is its own claim.
  // Breakdowns found faulty, by where their total stands (indexed, so that a report with a slip
  // in every paragraph stays linear).
  const key = (s: Span) => `${s.paragraph}:${s.start}`;
  const byTotal = new Map<string, Breakdown[]>();
  const add = (m: Map<string, Breakdown[]>, b: Breakdown) => {
    const list = m.get(key(b.total.figure));
    if (list) list.push(b);
    else m.set(key(b.total.figure), [b]);
  };
  for (const b of doc.breakdowns) add(byTotal, b);
  const faulty = new Map<string, Breakdown[]>();
  for (const d of drafts.slice(before)) for (const b of byTotal.get(key(d)) ?? []) add(faulty, b);
  // It follows when one figure of the breakdown mended (the total as its parts' sum, or one part
  // as the total less the others) makes a reading of the rate right. A rate wrong under every
  // such mending is a slip of its own.
  const follows = (c: RateClaim) => {
    if (!faulty.size) return false;
    const spans = new Set(c.spans.map(key));
    const bs = [...spans].flatMap((k) => faulty.get(k)?.filter((b) => b.parts.some((q) => spans.has(key(q.figure)))) ?? []);
    return bs.some((b) => c.readings.some((x) => mended(b, x).some((m) => rateFits(c.percent, m))));
  };
  checkRates(doc.rates.filter((c) => !follows(c)), drafts, mark);
  readings.forEach((r) => {
    checkWindows(r, period, drafts, mark);
    checkIssuedDates(r, date, drafts, mark);
    for (const f of r.figures) {
      if (f.kind === 'percent' && f.english) {
        drafts.push({ code: 'english_decimal', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: ${fmtPct(f.value, f.decimals)}`, actual: paragraphs[f.paragraph]!.text.slice(f.start, f.end), expected: fmtPct(f.value, f.decimals), args: { value: fmtPct(f.value, f.decimals) } });
      }
    }
  });
  checkTables(paragraphs, doc, drafts, mark);
  checkRepeats(doc, drafts, mark);
  checkIndexRepeats(doc, drafts, mark);
  checkScoreSets(doc, drafts, mark);
  checkScoreLists(doc, drafts, mark);
  checkShares(doc, drafts, mark);
  checkComparisons(doc, period, drafts, mark);
  checkChanges(paragraphs, doc, drafts, mark);
  checkCitedDates(doc, drafts, mark);
  if (options.workbook && !wrongWorkbook) checkAgainstWorkbook(paragraphs, doc, options.workbook, options.previous, drafts, mark);

  const sections = sectionsOf(paragraphs);
  // Sentences of each paragraph with findings, cut once (a paragraph may hold thousands of findings).
  const sentencesOf = new Map<number, Range[]>();
  const excerpt = (i: number, start: number, end: number) => {
    const text = paragraphs[i]?.text ?? '';
    let sents = sentencesOf.get(i);
    if (!sents) sentencesOf.set(i, (sents = sentences(text)));
    return excerptOf(text, start, end, sents);
  };
  const issues: DocFinding[] = drafts
    .sort((a, b) => (a.code === 'workbook_other_report' ? -1 : b.code === 'workbook_other_report' ? 1 : a.paragraph - b.paragraph || a.start - b.start))
    .map(({ args, ...d }) => ({ ...d, severity: d.severity ?? DOCUMENT_FINDINGS[d.code].severity, excerpt: excerpt(d.paragraph, d.start, d.end), message: message(d.code, args), section: sections[d.paragraph] ?? '' }));
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
    return isoDate(y, mo, d);
  }
  let latest: string | null = null;
  readings.forEach((r, i) => {
    if (!/^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(paragraphs[i]!.text)) return;
    for (const f of r.figures) if (f.kind === 'date' && (!latest || f.iso > latest)) latest = f.iso;
  });
  return latest;
}

// ---------------------------------------------------------------- percentages


const boundWord = (x: RateReading) => (x.bound === 'atMost' ? 'không quá ' : x.bound === 'atLeast' ? 'ít nhất ' : '');

/** "45/60 = 75,00%" for a written fraction, "23 hồ sơ đúng hạn / 27 (đến hạn) = 85,19%" for a reading of the sentence. */
function readingText(c: RateClaim, decimals: number): string {
  return c.readings
    .map((x) => {
      const v = `${boundWord(x)}${fmtPct((x.numerator / x.denominator) * 100, decimals)}`;
      return x.numeratorText === fmtNum(x.numerator) && x.denominatorText === fmtNum(x.denominator) ? `${x.numeratorText}/${x.denominatorText} = ${v}` : `${x.numeratorText} / ${x.denominatorText} = ${v}`;
    })
    .join('; ');
}

/**
 * Does a reading give the printed percentage? A reading over a hedged base ("hơn 4.000 hồ sơ")
 * bounds the rate; a hedged percentage against a bound is not judged (two inequalities say too little).
 */
function rateFits(p: RateClaim['percent'], x: RateReading): boolean {
  const a = (x.numerator / x.denominator) * 100;
  if (x.bound) return !!p.hedge || (x.bound === 'atMost' ? p.value <= roundTo(a, p.decimals) : p.value >= roundTo(a, p.decimals));
  return p.hedge ? hedgeHolds(p.hedge, a, p.value) : roundTo(a, p.decimals) === p.value;
}

/** A reading with one figure of a faulty breakdown mended: the total as the parts' sum, or one part as the total less the others. */
function mended(b: Breakdown, x: RateReading): RateReading[] {
  const sum = b.parts.reduce((a, q) => a + q.value, 0);
  const out: RateReading[] = [];
  if (x.denominator === b.total.value) out.push({ ...x, denominator: sum });
  // Mending a part moves it by the same amount whichever part it is (the numerator is taken to hold
  // it): one reading, where some part can take the change without going below zero.
  const delta = b.total.value - sum;
  if (b.parts.some((q) => q.value + delta >= 0)) {
    out.push({ ...x, numerator: x.numerator + delta });
    // Over the parts' sum, the mended part changes the base too.
    if (x.denominator === sum) out.push({ ...x, numerator: x.numerator + delta, denominator: x.denominator + delta });
  }
  return out.filter((m) => m.denominator > 0 && m.numerator >= 0 && m.numerator <= m.denominator);
}

export function checkRates(rates: RateClaim[], out: Draft[], mark: Mark) {
  for (const c of rates) {
    const p = c.percent;
    const fits = (x: RateReading) => rateFits(p, x);
    // Only bases the wording allows but does not require, and none fits: the rate may be over a
    // count the text does not give (the files resolved). Not judged.
    if (c.readings.every((x) => x.weak) && !c.readings.some(fits)) continue;
    mark(p);
    c.spans.forEach(mark);
    if (c.readings.some(fits)) continue;
    const shown = fmtPct(p.value, p.decimals);
    const actuals = c.readings.map((x) => (x.numerator / x.denominator) * 100);
    const tried = readingText(c, Math.max(2, p.decimals));
    const read = `đọc là: ${tried}; văn bản ghi ${p.hedge ? `${HEDGE_WORD[p.hedge]} ` : ''}${shown}${p.bare ? ' (viết không có dấu %)' : ''}`;
    const base = { paragraph: p.paragraph, start: p.start, end: p.end, reading: read, actual: shown };
    const first = c.readings[0]!;
    const fraction = c.readings.map((x) => `${fmtNum(x.numerator)}/${x.bound ? x.denominatorText.replace(/ \(.*$/, '') : fmtNum(x.denominator)} = ${boundWord(x)}${fmtPct((x.numerator / x.denominator) * 100, p.decimals || 2)}`).join('; ');
    if (p.hedge) {
      if (!actuals.some((a) => hedgeHolds(p.hedge!, a, p.value))) out.push({ ...base, code: 'hedge_contradicted', expected: fmtPct(actuals[0]!, p.decimals || 2), args: { hedge: HEDGE_WORD[p.hedge], stated: shown, actual: fraction } });
      continue;
    }
    const expected = fmtPct(actuals[0]!, p.decimals);
    const args = { stated: shown, expected, fraction, cause: '' };
    if (actuals.some((a) => truncTo(a, p.decimals) === p.value)) {
      // Truncating instead of rounding is a habit of spreadsheets and officers, not a wrong figure: said, not flagged.
      out.push({ ...base, code: 'percent_mismatch', severity: 'info', expected: fmtPct(actuals.find((a) => truncTo(a, p.decimals) === p.value)!, p.decimals), args: { ...args, cause: 'số đã bị cắt bớt chữ số thay vì làm tròn' } });
      continue;
    }
    // Rounding a figure already rounded one decimal further (42,7946 → 42,795 → 42,80) is the same
    // kind of habit: said, not flagged.
    const twice = actuals.find((a) => roundTo(roundTo(a, p.decimals + 1), p.decimals) === p.value);
    if (twice !== undefined) {
      out.push({ ...base, code: 'percent_mismatch', severity: 'info', expected: fmtPct(twice, p.decimals), args: { ...args, cause: 'số đã được làm tròn hai lần (làm tròn thêm một số đã làm tròn)' } });
      continue;
    }
    const denominators = new Set(c.readings.map((x) => x.denominator));
    const other = c.alternatives.find((d) => !denominators.has(d) && d > 0 && roundTo((first.numerator / d) * 100, p.decimals) === p.value);
    if (other !== undefined) args.cause = `có lẽ đã chia cho ${fmtNum(other)} thay vì ${[...denominators].map(fmtNum).join(' hay ')} (sai mẫu số)`;
    else if (c.misgrouped) args.cause = 'một số của phân số đặt dấu chấm hàng nghìn sai chỗ (đã đọc theo các chữ số), có lẽ gõ nhầm';
    // GRIM holds for whole counts only: a score ("40,62/80 điểm") may be any value.
    const impossible = c.readings.length === 1 && !first.bound && Number.isInteger(first.numerator) && p.decimals > 0 && !possibleOver(p.value, p.decimals, first.denominator);
    if (impossible && !args.cause) {
      out.push({ ...base, code: 'percent_impossible', expected, args: { ...args, denominator: fmtNum(first.denominator) } });
      continue;
    }
    out.push({ ...base, code: 'percent_mismatch', expected, args });
  }
}

/** GRIM: is there a whole count k of n with k/n rounding to the printed percentage? */
export function possibleOver(percent: number, decimals: number, n: number): boolean {
  const k0 = Math.round((percent * n) / 100);
  for (let k = Math.max(0, k0 - 1); k <= k0 + 1; k++) if (roundTo((k / n) * 100, decimals) === percent) return true;
  return false;
}

// ---------------------------------------------------------------- breakdowns

export function checkBreakdowns(breakdowns: Breakdown[], out: Draft[], mark: Mark) {
  for (const b of breakdowns) {
    const sum = b.parts.reduce((a, p) => a + p.value, 0);
    const total = b.total.figure;
    mark(total);
    b.parts.forEach((p) => mark(p.figure));
    const partsText = b.parts.map((p) => fmtNum(p.value)).join(' + ');
    const reading = `đọc là: ${partsText} = ${fmtNum(sum)}; văn bản ghi tổng ${fmtNum(b.total.value)}`;
    const base = { paragraph: total.paragraph, start: total.start, end: total.end, reading, expected: fmtNum(sum), actual: fmtNum(b.total.value) };
    const args = { total: fmtNum(b.total.value), sum: fmtNum(sum), parts: partsText, marker: b.marker };
    // A total in another sentence or paragraph is a guess: only a complete breakdown is held to
    // it, and only when its parts exceed it. That total may be of a wider scope than the parts (all
    // the files, those returned or withdrawn included): falling short of it is no slip.
    if (b.distant && (!b.complete || sum < b.total.value)) continue;
    if (sum > b.total.value) out.push({ ...base, code: 'parts_exceed_total', args });
    // Short of the total: a slip only where the parts name every part ("trong đó … 5 hồ sơ trực
    // tuyến" may list some) or "gồm" lists them; "cụ thể, nhiều nhất là …" gives examples.
    // "… trong đó số trả đúng hạn gồm 104 hồ sơ": "gồm" before a single count is a verb, not a list.
    else if (sum < b.total.value && (b.complete || (b.marker === 'gồm' && b.parts.length > 1))) {
      out.push({ ...base, code: 'parts_sum_mismatch', args });
    }
  }
}

/**
 * The first quantity ending within one character of `offset` (a footnote mark's place). A
 * paragraph's quantities are disjoint spans in order, so their ends grow: binary search, so that
 * a paragraph with many marks stays linear.
 */
function endingAt(qs: Quantity[], offset: number): Quantity | undefined {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid]!.figure.end < offset - 1) lo = mid + 1;
    else hi = mid;
  }
  const q = qs[lo];
  return q && q.figure.end <= offset + 1 ? q : undefined;
}

/**
 * A count with a footnote whose text lists counts of the same thing ("16 đơn vị[18]" → "15 đơn vị
 * … và 02 đơn vị …"): the note is read as the count's breakdown. A fraction's note may break
 * down either term ("50/54 chỉ tiêu[17]" → "30, 12, 12"), so it is only checked against both.
 */
function noteBreakdowns(paragraphs: DocParagraph[], doc: DocReading): Breakdown[] {
  const out: Breakdown[] = [];
  const notes = new Map<string, number>();
  paragraphs.forEach((p, i) => p.kind === 'note' && p.noteId && notes.set(p.noteId, i));
  // Paragraphs holding a breakdown's total or a rate, gathered once (not once per reference).
  let stated: Set<number> | undefined;
  paragraphs.forEach((p, i) => {
    for (const ref of p.noteRefs ?? []) {
      const q = endingAt(doc.quantities[i]!, ref.offset);
      const ni = notes.get(ref.id);
      if (!q || ni === undefined) continue;
      const note = doc.paragraphs[ni]!;
      stated ??= new Set([...doc.breakdowns.map((b) => b.total.figure.paragraph), ...doc.rates.map((r) => r.percent.paragraph)]);
      if (stated.has(ni) || note.figures.some((x) => x.kind === 'percent' || x.kind === 'fraction')) continue;
      const parts = doc.quantities[ni]!.filter((x) => x.figure.kind === 'count');
      if (parts.length < 2 || parts.some((x) => !x.exact)) continue;
      if (parts.some((x) => x.family !== null && x.family !== q.family)) continue;
      const sum = parts.reduce((a, x) => a + x.value, 0);
      const f = q.figure;
      if (f.kind === 'fraction') {
        if (sum === f.numerator || sum === f.denominator) continue;
        const totalFigure: CountFigure = { kind: 'count', paragraph: f.paragraph, start: f.start, end: f.end, value: f.denominator, noun: f.noun, family: f.family, label: f.label, after: f.after };
        const total: Quantity = { ...q, figure: totalFigure, value: f.denominator };
        out.push({ total, parts, marker: 'ghi chú', complete: false });
      } else if (q.exact) out.push({ total: q, parts, marker: 'ghi chú', complete: false });
    }
  });
  return out;
}

// ---------------------------------------------------------------- windows and dates

const DAY = 86400000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const shiftYear = (iso: string, by: number) => `${+iso.slice(0, 4) + by}${iso.slice(4)}`;

function checkWindows(r: ParagraphReading, period: ReportPeriod | null, out: Draft[], mark: Mark) {
  for (const w of r.windows) {
    // Written only for a finding: most windows are the period's own.
    const reading = () => `đọc là: từ ${fmtDate(w.from)} đến ${fmtDate(w.to)}`;
    const base = () => ({ paragraph: w.paragraph, start: w.start, end: w.end, actual: `${fmtDate(w.from)} – ${fmtDate(w.to)}` });
    if (w.to < w.from) {
      mark(w);
      let cause = '';
      let expected: string | undefined;
      if (period) {
        for (const win of [period.nd09, period.calendar]) {
          const fits = (shiftYear(w.to, 1) === win.to && w.from === win.from) || (shiftYear(w.from, -1) === win.from && w.to === win.to);
          if (!fits) continue;
          expected = `${fmtDate(win.from)} – ${fmtDate(win.to)}`;
          cause = `năm của ngày ${w.from === win.from ? 'cuối' : 'đầu'} có lẽ gõ nhầm (kỳ ${periodPhrase(period.kind, period.year)} là từ ${fmtDate(win.from)} đến ${fmtDate(win.to)})`;
        }
      }
      out.push({ ...base(), code: 'window_backwards', ...(expected ? { expected } : {}), reading: `${reading()}: ngày cuối trước ngày đầu ${fmtNum(-days(w.from, w.to))} ngày`, args: { from: fmtDate(w.from), to: fmtDate(w.to), cause } });
      continue;
    }
    if (!period) continue;
    const wins = [period.nd09, period.calendar];
    if (wins.some((x) => x.from === w.from && x.to === w.to)) {
      mark(w);
      continue;
    }
    const expected = () => `${fmtDate(period.nd09.from)} – ${fmtDate(period.nd09.to)}`;
    const name = () => periodPhrase(period.kind, period.year);
    // The same days of another year: the window was copied from another report.
    const yearsOff = wins.find((x) => x.from.slice(4) === w.from.slice(4) && x.to.slice(4) === w.to.slice(4) && days(x.from, w.from) !== 0);
    if (yearsOff) {
      mark(w);
      out.push({ ...base(), code: 'window_not_period', reading: reading(), expected: expected(), args: { from: fmtDate(w.from), to: fmtDate(w.to), period: name(), expected: expected(), cause: 'có lẽ chép từ báo cáo kỳ khác (cùng ngày, khác năm)' } });
      continue;
    }
    // A window meant as the report's: one end on the period's, the other within two months of its own.
    const near = wins.some((x) => (x.from === w.from && Math.abs(days(x.to, w.to)) <= 62) || (x.to === w.to && Math.abs(days(x.from, w.from)) <= 62));
    if (near) {
      mark(w);
      out.push({ ...base(), code: 'window_not_period', reading: reading(), expected: expected(), args: { from: fmtDate(w.from), to: fmtDate(w.to), period: name(), expected: expected(), cause: '' } });
    }
  }
}

function checkIssuedDates(r: ParagraphReading, date: string | null, out: Draft[], mark: Mark) {
  if (!date) return;
  for (const f of r.figures) {
    if (f.kind !== 'date' || !f.issued) continue;
    mark(f);
    if (f.iso > date) {
      out.push({ code: 'date_after_report', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: văn bản được dẫn ban hành ngày ${fmtDate(f.iso)}; báo cáo đề ngày ${fmtDate(date)}`, expected: `≤ ${fmtDate(date)}`, actual: fmtDate(f.iso), args: { date: fmtDate(f.iso), report: fmtDate(date) } });
    }
  }
}

/**
 * One document cited with two dates of one year ("Quyết định số 766/QĐ-TTg ngày 23/6/2022" and,
 * further on, "… 766/QĐ-TTg ngày 15/9/2022"): a number and symbol name one document of a year, so
 * one of the dates is wrong. Dates of different years may be two documents (numbering starts
 * again each year) and are left alone.
 */
function checkCitedDates(doc: DocReading, out: Draft[], mark: Mark) {
  const first = new Map<string, DateFigure>();
  for (const r of doc.paragraphs) {
    for (const f of r.figures) {
      if (f.kind !== 'date' || !f.issued || !f.of) continue;
      const key = `${f.of}|${f.iso.slice(0, 4)}`;
      const was = first.get(key);
      if (!was) {
        first.set(key, f);
        continue;
      }
      mark(f);
      mark(was);
      if (was.iso === f.iso) continue;
      const where = `đoạn ${was.paragraph + 1}`;
      out.push({ code: 'cited_date_mismatch', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: văn bản ${f.of} ngày ${fmtDate(f.iso)}; ${where} ghi ngày ${fmtDate(was.iso)}`, expected: fmtDate(was.iso), actual: fmtDate(f.iso), args: { symbol: f.of, date: fmtDate(f.iso), first: fmtDate(was.iso), where } });
    }
  }
}

// ---------------------------------------------------------------- the same quantity twice

const REPEAT_STOP = new Set(['tinh', 'den', 'cua', 'la', 'thuoc', 'tai', 'trong', 'ky', 'nam', 'ngay', 'quy', 'tu', 'do', 'theo', 'tren', 'nhu', 'co']);
const REPEAT_SKIP = new Set(['da', 'duoc']);

/**
 * "Tổng số X" stated twice with two values. The same words about another subject (a level of
 * government, a survey, a kind of staff), at another date, or in another period ("năm 2021")
 * are another quantity: the key holds the subject and the level, and two statements dated
 * differently ("tính đến ngày …") are never compared.
 */
const WHEN = /\d{1,2}\/\d{1,2}\/\d{4}|nam \d{4}|quy [ivx\d]+|thang \d{1,2}/g;
const LEVEL = /cap (?:tinh|huyen|xa)|so, nganh|noi tru|ngoai tru/;

function checkRepeats(doc: DocReading, out: Draft[], mark: Mark) {
  // Per key, the statements in order, with the first undated one and the first of each date, so
  // that the earlier statement a new one repeats is found without going through them all.
  const seen = new Map<string, { items: { q: Quantity; when: string }[]; undated: number; byWhen: Map<string, number> }>();
  // Per sentence, its dates and its first level word, read once for all its statements.
  const sentenceInfo = new Map<string, { when: string; level: RegExpExecArray | null }>();
  doc.quantities.forEach((qs, pi) => {
    const r = doc.paragraphs[pi]!;
    for (const q of qs) {
      const f = q.figure;
      if (f.kind !== 'count' || !f.noun || !q.exact) continue;
      const m = /tong so ((?:[a-z]+ ?)+)/.exec(f.label);
      if (!m) continue;
      const words: string[] = [];
      for (const w of m[1]!.trim().split(' ')) {
        if (REPEAT_SKIP.has(w)) continue;
        if (REPEAT_STOP.has(w) || words.length === 5) break;
        words.push(w);
      }
      if (!words.length) continue;
      const s = within(r.sentences, f.start) ?? { start: 0, end: r.folded.length };
      const sentence = r.folded.slice(s.start, s.end);
      let info = sentenceInfo.get(`${pi}:${s.start}`);
      if (!info) sentenceInfo.set(`${pi}:${s.start}`, (info = { when: matches(WHEN, sentence).map((x) => x[0]).join(','), level: LEVEL.exec(sentence) }));
      const when = info.when;
      // The first level word before the figure: the sentence's first, if it ends before the figure.
      const before = f.start - s.start;
      const first0 = info.level;
      const level = !first0 || first0.index >= before ? '' : first0.index + first0[0].length <= before ? first0[0] : (LEVEL.exec(sentence.slice(0, before))?.[0] ?? '');
      const key = `${words.join(' ')}|${q.family}|${q.subject ?? ''}|${level}`;
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { items: [], undated: -1, byWhen: new Map() }));
      // The first earlier statement that is undated, or of no date here, or of the same date.
      let at: number;
      if (!when) at = entry.items.length ? 0 : -1;
      else {
        const same = entry.byWhen.get(when) ?? -1;
        at = entry.undated < 0 ? same : same < 0 ? entry.undated : Math.min(same, entry.undated);
      }
      const first = at >= 0 ? entry.items[at] : undefined;
      if (!when && entry.undated < 0) entry.undated = entry.items.length;
      if (when && !entry.byWhen.has(when)) entry.byWhen.set(when, entry.items.length);
      entry.items.push({ q, when });
      if (!first) continue;
      mark(f);
      mark(first.q.figure);
      if (first.q.value !== q.value) {
        const where = `đoạn ${first.q.figure.paragraph + 1}`;
        const what = `tổng số ${words.join(' ')}`;
        out.push({ code: 'repeated_mismatch', paragraph: f.paragraph, start: f.start, end: f.end, reading: `đọc là: "${what}" = ${fmtNum(q.value)}; ${where} ghi ${fmtNum(first.q.value)}`, expected: fmtNum(first.q.value), actual: fmtNum(q.value), args: { what, value: fmtNum(q.value), first: fmtNum(first.q.value), where } });
      }
    }
  });
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

/** The sentence holding [start, end), or 200 characters around it when the sentence is longer. `sents`: the text's sentences, if already cut. */
export function excerptOf(text: string, start: number, end: number, sents: Range[] = sentences(text)): string {
  const s = within(sents, start) ?? { start: 0, end: text.length };
  if (s.end - s.start <= 200) return text.slice(s.start, s.end).trim();
  const mid = Math.floor((start + end) / 2);
  const from = Math.max(0, Math.min(mid - 100, text.length - 200));
  return `${from > 0 ? '…' : ''}${text.slice(from, from + 200).trim()}${from + 200 < text.length ? '…' : ''}`;
}
