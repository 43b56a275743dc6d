/**
 * The document's figures against the workbook it restates (`cchc doc --workbook`, the Word pane
 * with a workbook chosen). First, is it the same report: a workbook of another unit or another
 * period is said so and nothing is compared. Then every statement the reader understood is
 * looked up among the workbook's facts by what it counts, in what state, about whom and for which
 * row (a field, a unit, a kind of staff, a survey): a figure that matches none of the facts its
 * wording allows is a mismatch. A figure the words do not tie to a fact is left alone.
 */
import type { CheckReport } from '../report';
import { roundTo } from '../numbers';
import { foldText } from '../text';
import { periodPhrase } from '../format';
import { provinceIn } from '../pairing';
import { BASES, STATUS_NAME, type Family, type Status } from './lexicon';
import type { AddFact, Fact } from './facts';
import { TABLES } from '../tables';
import { hedgeHolds, type Draft, type Mark } from './draft';
import { fmtNum, fmtPct } from './messages';
import type { DocReading } from './statements';
import { within } from './text';
import type { DocParagraph, PercentStatement, Quantity, ReportPeriod } from './types';

// ---------------------------------------------------------------- same report?

function documentProvince(paragraphs: DocParagraph[]): string | null {
  for (const p of paragraphs.slice(0, 15)) {
    const f = foldText(p.text);
    if (/^(?:ubnd|uy ban nhan dan)\s+(?:tinh|thanh pho)\b/.test(f) || /^so y te (?:tinh|thanh pho)\b/.test(f)) {
      const prov = provinceIn(p.text);
      if (prov) return prov;
    }
  }
  for (const p of paragraphs.slice(0, 15)) {
    const m = /^([\p{L} ]{2,30}),\s*ngày/u.exec(p.text.trim());
    if (m) return foldText(m[1]!);
  }
  return null;
}

/** A workbook of another unit or period: one finding at the title, and no comparison. */
export function workbookIdentity(paragraphs: DocParagraph[], period: ReportPeriod | null, wb: CheckReport): Draft | null {
  const docProvince = documentProvince(paragraphs);
  const wbProvince = wb.data.unit ? provinceIn(wb.data.unit) : null;
  const otherUnit = !!docProvince && !!wbProvince && docProvince !== wbProvince;
  const otherPeriod = !!period && !!wb.period?.kind && (period.kind !== wb.period.kind || period.year !== wb.period.year);
  if (!otherUnit && !otherPeriod) return null;
  const wbWhat = [wb.data.unit, wb.period?.kind ? periodPhrase(wb.period.kind, wb.period.year) : null].filter(Boolean).join(', ') || 'không rõ đơn vị, kỳ';
  const docWhat = [docProvince ? `tỉnh/thành phố ${titleCase(docProvince)}` : null, period ? periodPhrase(period.kind, period.year) : null].filter(Boolean).join(', ');
  const at = period?.paragraph ?? 0;
  return {
    code: 'workbook_other_report',
    paragraph: at,
    start: 0,
    end: paragraphs[at]?.text.length ?? 0,
    reading: `đọc là: văn bản của ${docWhat}; sổ số liệu của ${wbWhat}`,
    expected: docWhat,
    actual: wbWhat,
    args: { workbook: wbWhat, document: docWhat, what: otherUnit && otherPeriod ? 'đơn vị và kỳ báo cáo' : otherUnit ? 'đơn vị' : 'kỳ báo cáo' },
  };
}

const titleCase = (s: string) => s.replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

// ---------------------------------------------------------------- the workbook's facts

/** Every table's facts (src/core/tables/<table>.ts, `facts`), in the order of TABLES. */
function factsOf(wb: CheckReport): Fact[] {
  const out: Fact[] = [];
  const add: AddFact = (f, what) => {
    if (Number.isFinite(f.value)) out.push({ ...f, what });
  };
  for (const t of TABLES) t.facts?.(wb.data.tables[t.name], wb, add);
  return out;
}

// ---------------------------------------------------------------- matching statements to facts

/** Statuses whose facts a statement of a status may state: "tiếp nhận" is the new files or all files to handle. */
const ACCEPT: Partial<Record<Status, Status[]>> = {
  received: ['total', 'new', 'received'],
  onTime: ['onTime', 'earlyOrOnTime'],
  late: ['late', 'pendingLate'],
  rated: ['rated', 'total'],
};
const accepts = (s: Status) => ACCEPT[s] ?? [s];

/** Words after a status phrase that make the figure about a part (a field, a level, a place), not the unit's total. */
const QUALIFIED = /\b(?:theo(?! (?:nghi dinh|quyet dinh|thong tu|quy dinh|luat)\b)|cua cac|tai|cap tinh|cap huyen|cap xa|so, nganh|linh vuc|don vi|trong do|moi)\b/;

/** Words after a count's noun that make it a kind of the thing counted, not all of it. */
const KIND_AFTER = /^(?:to cao|khieu nai|kien nghi|phan anh|linh vuc|thuoc|cua|ve|cap|loai)\b/;

/** Subjects that are kinds of staff (lexicon SUBJECT_PHRASES). */
const STAFF_SUBJECTS = new Set(['công chức', 'viên chức', 'lao động hợp đồng']);

interface RowIndex {
  rows: string[];
}

/** The one row whose label the statement's words name; null when none or several. */
function rowOf(q: { tail: string; figure: { label: string; after?: string } }, index: RowIndex): string | null {
  const words = ` ${(q.figure.label + ' ' + (q.figure.after ?? '')).replace(/[:;()"“”+\-–]/g, ' ').replace(/\s+/g, ' ')} `;
  let best: string | null = null;
  let ambiguous = false;
  for (const row of index.rows) {
    if (row.length < 4) continue;
    const r = row.replace(/[:;()"“”+\-–]/g, ' ').replace(/\s+/g, ' ').trim();
    if (words.includes(` ${r} `) || words.includes(` ${r},`)) {
      if (best && best !== row && !row.includes(best) && !best.includes(row)) ambiguous = true;
      if (!best || row.length > best.length) best = row;
    }
  }
  return ambiguous ? null : best;
}

export function checkAgainstWorkbook(paragraphs: DocParagraph[], doc: DocReading, wb: CheckReport, prev: CheckReport | undefined, out: Draft[], mark: Mark) {
  const facts = factsOf(wb);
  const flagged = new Set<string>();
  const prevFacts = prev ? factsOf(prev) : [];
  const index: RowIndex = { rows: [...new Set(facts.map((f) => f.row).filter((r): r is string => r !== null))] };
  const lookup = (fs: Fact[], family: Family | null, status: Status, subject: string | null, row: string | null, percent: boolean) =>
    fs.filter((f) => !!f.percent === percent && accepts(status).includes(f.status) && (f.family === null || family === null || f.family === family) && f.row === row && (f.family === 'tthc' || f.family === 'hoso' || f.family === 'don' ? true : f.subject === subject));

  // A bare number counts what its breakdown's total counts ("6 đơn thư …, trong đó đã giải quyết 05").
  const familyOf = new Map<Quantity, Family | null>();
  for (const b of doc.breakdowns) for (const p of b.parts) if (!p.family) familyOf.set(p, b.total.family);

  const foreign = new Set<string>();
  const foreignBase = (q: Quantity, qs: Quantity[], pi: number, status: Status) => {
    const sentence = within(doc.paragraphs[pi]!.sentences, q.figure.start);
    if (!sentence) return false;
    const bases = BASES[status] ?? [];
    return qs.some((o) => o !== q && o.status && bases.includes(o.status) && o.figure.start >= sentence.start && o.figure.end <= sentence.end && !lookup(facts, o.family, o.status, o.subject, null, false).length);
  };

  doc.quantities.forEach((qs, pi) => {
    // Notes cite other documents and other periods; the workbook is compared with the body.
    if (paragraphs[pi]!.kind === 'note') return;
    let rowStatus: Status | null = null;
    for (const q0 of qs) {
      const q = familyOf.has(q0) ? { ...q0, family: familyOf.get(q0)! } : q0;
      if (!q.exact) continue;
      const row = rowOf(q, index);
      let status = q.status;
      if (row && !status) status = rowStatus;
      if (row && status) rowStatus = status;
      // A count of a kind of staff with no state ("người lao động theo Nghị định 68 là 93") is the
      // staff of that kind: the number present or the quota, whichever the workbook's rows give.
      const staff = !status && !!q.subject && STAFF_SUBJECTS.has(q.subject) && (q.family === null || q.family === 'nguoi');
      if (!status && !staff) continue;
      if (!row && (QUALIFIED.test(q.tail) || ((q.family === 'hoso' || q.family === 'don') && q.subject))) continue;
      // "hồ sơ đến hạn là 27 …; đúng hạn 23": a count stated over a base the workbook does not
      // give is about another set of files than the workbook's columns.
      if (status && !row && foreignBase(q0, qs, pi, status)) {
        foreign.add(`${q0.figure.paragraph}:${q0.figure.start}`);
        continue;
      }
      // A bare number said to be a total ("tổng số là 2") of nothing named: not known to count files.
      if (!row && q.family === null && (status === 'total' || status === 'received')) continue;
      // "02 đơn tố cáo": words after the noun that name no state name a kind, a part of the total.
      if (!row && q.figure.kind === 'count' && q.figure.noun && KIND_AFTER.test(q.figure.after)) continue;
      const f = q.figure;
      const family = q.family;
      const found = status ? lookup(facts, family, status, q.subject, row, false) : (['present', 'assigned'] as const).flatMap((s) => lookup(facts, family, s, q.subject, row, false));
      if (!status) {
        if (found.length) mark(f);
        if (found.length && !found.some((x) => x.value === q.value)) push(q.value, found, [], f);
        continue;
      }
      if (!found.length) continue;
      mark(f);
      if (!found.some((x) => x.value === q.value)) push(q.value, found, prevFacts.length ? lookup(prevFacts, family, status, q.subject, row, false) : [], f);
      if (f.kind === 'fraction') {
        // The denominator: its own words ("… chỉ tiêu được giao"), else a base of the numerator's state.
        const denomStatus = statusOfAfter(f.after) ?? (row && facts.some((x) => x.family === 'nguoi' && x.row === row) ? 'assigned' : null);
        const bases: Status[] = denomStatus ? [denomStatus] : [...(BASES[status] ?? [])];
        const dfound = bases.flatMap((s) => lookup(facts, family, s, q.subject, row, false));
        if (dfound.length && !dfound.some((x) => x.value === f.denominator)) push(f.denominator, dfound, [], f);
      }
    }
  });

  // Percentages: a survey index, a rating share, an indicator's rate, a rate of files.
  doc.percents.forEach((ps) => {
    for (const p of ps) {
      const claim = doc.rates.find((r) => r.percent === p.figure);
      const status = claim?.status ?? p.status;
      if (!status) continue;
      // A rate that agrees with the text's own counts, one of which was found to differ: that count is the finding.
      if (claim && claim.spans.some((s) => flagged.has(`${s.paragraph}:${s.start}`))) continue;
      // A rate of counts about another set of files than the workbook's (see foreignBase) is not the workbook's rate.
      if (claim && claim.spans.some((s) => foreign.has(`${s.paragraph}:${s.start}`))) continue;
      const row = rowOf({ tail: p.tail, figure: { label: p.figure.label } }, index);
      const options = lookup(facts, null, status, p.subject, row, true).map((x) => ({ value: x.value, what: x.what }));
      // A rate of files about the unit: also its numerator's facts over every base its words allow.
      // The rate's own count says what it is a rate of: "đã giải quyết 02 đơn (66,7%)" is of complaints.
      const fam: Family = claim?.family && claim.family !== 'other' ? claim.family : 'hoso';
      if (claim?.family && claim.family !== 'hoso' && !options.length) continue;
      if (!row && !p.subject && !QUALIFIED.test(p.tail)) {
        const nums = lookup(facts, fam, status, null, null, false);
        const bases = (BASES[status] ?? []).flatMap((s) => lookup(facts, fam, s, null, null, false));
        for (const n of nums) for (const b of bases) if (b.value > 0 && b.value >= n.value) options.push({ value: (n.value / b.value) * 100, what: `${STATUS_NAME[status]} ${fmtNum(n.value)}/${fmtNum(b.value)}` });
      } else if (!options.length) continue;
      if (!options.length) continue;
      mark(p.figure);
      checkPercent(p, options);
    }
  });

  function checkPercent(p: PercentStatement, options: { value: number; what: string }[]) {
    const f = p.figure;
    const ok = options.some((o) => (f.hedge ? hedgeHolds(f.hedge, o.value, f.value) : roundTo(o.value, f.decimals) === f.value));
    if (ok) return;
    const o = options[0]!;
    const shown = fmtPct(f.value, f.decimals);
    const actual = fmtPct(o.value, f.decimals);
    out.push({ code: 'workbook_mismatch', paragraph: f.paragraph, start: f.start, end: f.end, expected: actual, actual: shown, reading: `đọc là: ${o.what} = ${shown}; sổ số liệu: ${options.map((x) => `${x.what} = ${fmtPct(x.value, Math.max(f.decimals, 1))}`).join('; ')}`, args: { what: o.what, stated: shown, actual } });
  }

  function push(stated: number, found: Fact[], before: Fact[], f: Quantity['figure']) {
    const o = found[0]!;
    const actual = [...new Set(found.map((x) => x.value))].map(fmtNum).join(' hay ');
    const base = { paragraph: f.paragraph, start: f.start, end: f.end, expected: fmtNum(o.value), actual: fmtNum(stated), reading: `đọc là: ${o.what} = ${fmtNum(stated)}; sổ số liệu: ${actual}` };
    flagged.add(`${f.paragraph}:${f.start}`);
    const stale = before.some((x) => x.value === stated);
    if (stale) out.push({ ...base, code: 'stale_figure', reading: `${base.reading}; kỳ trước: ${fmtNum(stated)}`, args: { what: o.what, stated: fmtNum(stated), actual } });
    else out.push({ ...base, code: 'workbook_mismatch', args: { what: o.what, stated: fmtNum(stated), actual } });
  }
}

function statusOfAfter(after: string): Status | null {
  const f = ` ${after} `;
  if (/ (?:chi tieu )?duoc giao /.test(f)) return 'assigned';
  if (/ (?:ho so )?(?:tiep nhan|nhan) /.test(f)) return 'received';
  return null;
}
