import { SURVEY_RATE_KEYS as RATE_KEYS } from '../tables/khaoSatHaiLong';
import { roundNoise } from '../calculators';
import { readRate, type Norm, type RateReading } from '../cells';
import { SURVEY_SUBJECTS } from '../contract';
import { headerOf, markInvalid, type Extracted, type Row } from '../extract';
import type { Draft } from '../findings';
import type { LocatedTable } from '../locate';
import { toA1, type WorkbookModel } from '../model';
import { roundTo } from '../numbers';
import { slug } from '../text';
import type { FormVersion } from '../surveys/forms';
import { surveyIndices, surveyMetrics, type SurveyIndices } from '../surveys/indicators';
import { readAnswerSheets, subjectOf, type AnswerSheet } from '../surveys/read';
import { validateAnswerSheets } from '../surveys/validate';
import { rateMatches } from './context';

/**
 * The satisfaction step of the check (i13; forms, reading, validation and indices live in
 * src/core/surveys): the typed summary table of the surveys on its own (rates in 0–100, toàn diện ≤
 * hài lòng chung), then the raw answer sheets: read, validated, summarised,
 * and the summary row of each survey compared with the computed indices at the decimals it was
 * typed with. The summary row then carries the computed (unrounded) values, so the metrics and the
 * narrative quote the forms, not the hand-typed copy.
 */

export interface SurveyCheckContext {
  /** The report window; null when the period is unknown. */
  period: { from: string; to: string } | null;
  /** The survey method of the rule set in force ("QĐ 56/QĐ-BYT (2024)"), for sheets that do not say. */
  method: string;
  /** Returning answers, overriding the form version's (CheckOptions.returnSet). */
  returnSet?: readonly number[];
  /** Form versions (default FORM_VERSIONS). */
  versions?: readonly FormVersion[];
}

export interface SurveyResult {
  subject: string;
  /** "haiLong.nguoi-benh-noi-tru" */
  key: string;
  sheets: { sheet: string; version: string; forms: number }[];
  indices: SurveyIndices;
}

export interface SurveyCheckResult {
  results: SurveyResult[];
  /** Metrics computed from the forms, to merge into CheckReport.metrics. */
  metrics: Record<string, number | null>;
}

type RateKey = (typeof RATE_KEYS)[number];

/** A summary rate as typed: "92,03", "92,03%", 0.9203 formatted as % or not. */
function surveyPercent(n: Norm | undefined): { reading: RateReading; percent: number } | null {
  const r = n ? readRate(n) : null;
  if (!r) return null;
  return { reading: r, percent: r.maybeFraction ? roundNoise(r.percent * 100) : r.percent };
}

function at(lt: LocatedTable, row: Row, key: string) {
  return { sheet: lt.sheet.name, cell: row.cell(key)!, table: lt.spec.name, column: key, ...(row.label ? { rowLabel: row.label } : {}) };
}

function usable(row: Row, key: string): boolean {
  return row.cell(key) !== undefined && !row.invalid.has(key);
}

/** The typed summary alone: rates within 0–100, toàn diện never above hài lòng chung. */
function checkSummaryRows(lt: LocatedTable, ex: Extracted, push: (d: Draft) => void): void {
  for (const r of ex.rows) {
    const pct: Partial<Record<RateKey, number>> = {};
    for (const key of RATE_KEYS) {
      if (!usable(r, key)) continue;
      const p = surveyPercent(r.norm[key]);
      if (!p) continue;
      if (p.percent < 0 || p.percent > 100) {
        push({ code: 'rate_out_of_range', ...at(lt, r, key), header: headerOf(lt.spec, key), actual: p.percent });
        markInvalid(r, key);
        continue;
      }
      pct[key] = p.percent;
      r.values[key] = p.percent;
    }
    if (pct.toanDien != null && pct.haiLongChung != null && pct.toanDien > pct.haiLongChung + 1e-9) {
      const related = r.cell('haiLongChung');
      push({ code: 'satisfaction_inconsistent', ...at(lt, r, 'toanDien'), expected: pct.haiLongChung, actual: pct.toanDien, ...(related ? { related: [related] } : {}) });
    }
  }
}

function compareRow(lt: LocatedTable, row: Row, ind: SurveyIndices, push: (d: Draft) => void): void {
  const spec = lt.spec;
  if (usable(row, 'soPhieu') && row.values.soPhieu != null && row.values.soPhieu !== ind.respondents) {
    push({ code: 'survey_summary_mismatch', ...at(lt, row, 'soPhieu'), header: headerOf(spec, 'soPhieu'), respondents: ind.respondents, expected: ind.respondents, actual: row.values.soPhieu });
  }
  for (const key of RATE_KEYS) {
    const expected = ind[key];
    if (usable(row, key)) {
      const p = surveyPercent(row.norm[key]);
      if (p) {
        // A fraction typed without a % format (0,9203) carries two more decimals than its percent.
        const reading = p.reading.maybeFraction ? { ...p.reading, percent: p.percent, maybeFraction: false, decimals: Math.max(0, p.reading.decimals - 2) } : p.reading;
        if (expected == null || !rateMatches(reading, expected)) {
          push({ code: 'survey_summary_mismatch', ...at(lt, row, key), header: headerOf(spec, key), respondents: ind.respondents, expected: expected == null ? 'không phát sinh' : roundTo(expected, Math.max(2, reading.decimals)), actual: p.percent });
        }
      }
    }
    if (row.cell(key) !== undefined) row.values[key] = expected;
  }
  if (row.cell('soPhieu') !== undefined) row.values.soPhieu = ind.respondents;
}

/** One call for the whole satisfaction part (check.ts hands over here). */
export function checkSurveys(model: WorkbookModel, summary: { lt: LocatedTable; ex: Extracted } | null, ctx: SurveyCheckContext, push: (d: Draft) => void): SurveyCheckResult {
  if (summary) checkSummaryRows(summary.lt, summary.ex, push);
  const sheets = readAnswerSheets(model, { defaultDecision: /\b56\b/.test(ctx.method) ? '56' : '3869', ...(ctx.versions ? { versions: ctx.versions } : {}) });
  validateAnswerSheets(sheets, { window: ctx.period }, push);

  const groups = new Map<string, AnswerSheet[]>();
  for (const s of sheets) {
    const subject = s.version.subject ?? s.version.name;
    groups.set(subject, [...(groups.get(subject) ?? []), s]);
  }
  const results: SurveyResult[] = [];
  const metrics: Record<string, number | null> = {};
  for (const [subject, group] of groups) {
    const indices = surveyIndices(group, ctx.returnSet);
    const key = `haiLong.${slug(subject)}`;
    results.push({ subject, key, sheets: group.map((s) => ({ sheet: s.sheet, version: s.version.name, forms: s.count })), indices });
    Object.assign(metrics, surveyMetrics(key, indices));
    if (!SURVEY_SUBJECTS.some((x) => x === subject)) continue;
    const row = summary?.ex.rows.find((r) => subjectOf(r.text.doiTuong ?? r.label) === subject);
    if (row && summary) compareRow(summary.lt, row, indices, push);
    // With no form read there is nothing the summary lacks (a sheet whose header only looks like items).
    else if (indices.respondents > 0) {
      const first = group[0]!;
      push({ code: 'survey_summary_row_missing', sheet: summary?.lt.sheet.name ?? first.sheet, cell: summary ? toA1({ row: summary.lt.headerRow, col: Math.min(...Object.values(summary.lt.col)) }) : toA1({ row: first.headerRow, col: first.columns[0]!.col }), subject, forms: indices.respondents });
    }
  }
  return { results, metrics };
}
