import { percentOf } from '../calculators';
import { SECTION_CODES, type FormVersion, type SectionCode } from './forms';
import type { AnswerSheet } from './read';

/**
 * The satisfaction indicators of a set of forms (domain.md 3.3 and 6): tỷ lệ hài lòng chung and
 * per section (answers 4–5 ÷ valid answers 1–5 over the Likert items; the cost item, "không sử
 * dụng", blanks and answers off the scale are not answers), điểm trung bình (mean of the valid
 * answers), chỉ số hài lòng toàn diện (forms with 4–5 on every valid item ÷ forms with a valid
 * item), so với mong đợi (mean of G1, or F) and tỷ lệ quay lại (returning answers ÷ answers on the
 * return question's scale, "khác" excluded). An empty set gives null: "không phát sinh".
 */

export interface SectionIndex {
  valid: number;
  satisfied: number;
  /** Sum of the valid answers, for the mean. */
  sum: number;
  haiLong: number | null;
  diemTrungBinh: number | null;
}

export interface SurveyIndices {
  /** Forms with at least one answer (empty forms are not respondents). */
  respondents: number;
  validAnswers: number;
  haiLongChung: number | null;
  diemTrungBinh: number | null;
  sections: Record<SectionCode, SectionIndex>;
  toanDien: number | null;
  soVoiMongDoi: number | null;
  quayLai: number | null;
  /** Likert cells coded "không sử dụng". */
  notUsed: number;
}

/** Is flat answer index range [base, base+n) empty (no number, no text)? */
function emptyForm(s: AnswerSheet, base: number): boolean {
  const n = s.columns.length;
  for (let j = 0; j < n; j++) if (!Number.isNaN(s.values[base + j]!)) return false;
  if (s.odd.size) for (let j = 0; j < n; j++) if (s.odd.has(base + j)) return false;
  return true;
}

export function isEmptyForm(s: AnswerSheet, form: number): boolean {
  return emptyForm(s, form * s.columns.length);
}

/**
 * Indicators over the forms of one or more sheets of the same survey. `returnSet` overrides the
 * version's returning answers (CheckOptions.returnSet).
 */
export function surveyIndices(sheets: readonly AnswerSheet[], returnSet?: readonly number[]): SurveyIndices {
  const sec = {} as Record<SectionCode, { valid: number; satisfied: number; sum: number }>;
  for (const c of SECTION_CODES) sec[c] = { valid: 0, satisfied: 0, sum: 0 };
  let respondents = 0;
  let withValid = 0;
  let fully = 0;
  let expSum = 0;
  let expCount = 0;
  let retValid = 0;
  let retYes = 0;
  let notUsed = 0;
  for (const s of sheets) {
    const v: FormVersion = s.version;
    const n = s.columns.length;
    const { min, max } = v.scale;
    const nu = v.notUsed?.code;
    const ret = v.returnItem;
    const returning = returnSet ?? ret?.returning ?? [];
    const exp = v.expectation;
    const kinds = s.columns.map((c) => c.kind);
    const sections = s.columns.map((c) => (c.section ? sec[c.section] : null));
    for (let f = 0; f < s.count; f++) {
      const base = f * n;
      if (emptyForm(s, base)) continue;
      respondents++;
      let valid = 0;
      let all = true;
      for (let j = 0; j < n; j++) {
        const x = s.values[base + j]!;
        if (Number.isNaN(x)) continue;
        switch (kinds[j]) {
          case 'likert': {
            if (!Number.isInteger(x) || x < min || x > max) {
              if (x === nu) notUsed++;
              break;
            }
            const t = sections[j]!;
            t.valid++;
            t.sum += x;
            valid++;
            if (x >= 4) t.satisfied++;
            else all = false;
            break;
          }
          case 'expectation':
            if (exp && x >= exp.min && x <= exp.max) {
              expSum += x;
              expCount++;
            }
            break;
          case 'return':
            if (ret && Number.isInteger(x) && ret.options.includes(x)) {
              retValid++;
              if (returning.includes(x)) retYes++;
            }
            break;
          default:
            // The cost question is answered with an option, not a rating: never in the indices.
            break;
        }
      }
      if (valid > 0) {
        withValid++;
        if (all) fully++;
      }
    }
  }
  const sections = {} as Record<SectionCode, SectionIndex>;
  let valid = 0;
  let satisfied = 0;
  let sum = 0;
  for (const c of SECTION_CODES) {
    const t = sec[c];
    valid += t.valid;
    satisfied += t.satisfied;
    sum += t.sum;
    sections[c] = { ...t, haiLong: percentOf(t.satisfied, t.valid), diemTrungBinh: t.valid ? t.sum / t.valid : null };
  }
  return {
    respondents,
    validAnswers: valid,
    haiLongChung: percentOf(satisfied, valid),
    diemTrungBinh: valid ? sum / valid : null,
    sections,
    toanDien: percentOf(fully, withValid),
    soVoiMongDoi: expCount ? expSum / expCount : null,
    quayLai: percentOf(retYes, retValid),
    notUsed,
  };
}

/** Metric keys of one survey ("haiLong.nguoi-benh-noi-tru.haiLongA"); the pane and the narrative read these. */
export function surveyMetrics(prefix: string, ind: SurveyIndices): Record<string, number | null> {
  const m: Record<string, number | null> = {
    [`${prefix}.soPhieu`]: ind.respondents,
    [`${prefix}.haiLongChung`]: ind.haiLongChung,
    [`${prefix}.soVoiMongDoi`]: ind.soVoiMongDoi,
    [`${prefix}.quayLai`]: ind.quayLai,
    [`${prefix}.toanDien`]: ind.toanDien,
    [`${prefix}.diemTrungBinh`]: ind.diemTrungBinh,
  };
  for (const c of SECTION_CODES) m[`${prefix}.haiLong${c}`] = ind.sections[c].haiLong;
  for (const c of SECTION_CODES) m[`${prefix}.diemTrungBinh${c}`] = ind.sections[c].diemTrungBinh;
  return m;
}
