import { percentOf } from '../calculators';
import { SECTION_CODES, type FormVersion, type SectionCode } from './forms';
import type { AnswerSheet } from './read';

/**
 * The satisfaction indicators of a set of forms (docs/surveys.md): tỷ lệ hài lòng chung and
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
  // Per-section tallies in typed arrays indexed 0–4 (A–E): this loop runs once per answer cell,
  // close to a million times for an upload file of 20.000 forms.
  const valid = new Float64Array(5);
  const satisfied = new Float64Array(5);
  const sums = new Float64Array(5);
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
    const nu = v.notUsed?.code ?? NaN;
    const ret = v.returnItem;
    const returning = returnSet ?? ret?.returning ?? [];
    const exp = v.expectation;
    // kind: 0 cost/other, 1 likert, 2 expectation, 3 return; sec: 0–4.
    const kind = Uint8Array.from(s.columns, (c) => (c.kind === 'likert' ? 1 : c.kind === 'expectation' ? 2 : c.kind === 'return' ? 3 : 0));
    const sec = Uint8Array.from(s.columns, (c) => (c.section ? SECTION_CODES.indexOf(c.section) : 0));
    const values = s.values;
    for (let f = 0; f < s.count; f++) {
      const base = f * n;
      if (emptyForm(s, base)) continue;
      respondents++;
      let formValid = 0;
      let all = true;
      for (let j = 0; j < n; j++) {
        const x = values[base + j]!;
        if (x !== x) continue; // NaN: blank or text
        const k = kind[j];
        if (k === 1) {
          if (x < min || x > max || !Number.isInteger(x)) {
            if (x === nu) notUsed++;
            continue;
          }
          const t = sec[j]!;
          valid[t]!++;
          sums[t]! += x;
          formValid++;
          if (x >= 4) satisfied[t]!++;
          else all = false;
        } else if (k === 2) {
          if (exp && x >= exp.min && x <= exp.max) {
            expSum += x;
            expCount++;
          }
        } else if (k === 3) {
          if (ret && Number.isInteger(x) && ret.options.includes(x)) {
            retValid++;
            if (returning.includes(x)) retYes++;
          }
        }
        // k === 0: the cost question is answered with an option, not a rating: never in the indices.
      }
      if (formValid > 0) {
        withValid++;
        if (all) fully++;
      }
    }
  }
  const sections = {} as Record<SectionCode, SectionIndex>;
  let tValid = 0;
  let tSat = 0;
  let tSum = 0;
  SECTION_CODES.forEach((c, i) => {
    const t = { valid: valid[i]!, satisfied: satisfied[i]!, sum: sums[i]! };
    tValid += t.valid;
    tSat += t.satisfied;
    tSum += t.sum;
    sections[c] = { ...t, haiLong: percentOf(t.satisfied, t.valid), diemTrungBinh: t.valid ? t.sum / t.valid : null };
  });
  return {
    respondents,
    validAnswers: tValid,
    haiLongChung: percentOf(tSat, tValid),
    diemTrungBinh: tValid ? tSum / tValid : null,
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
