import { SURVEY_SUBJECTS } from '../contract';
import { KHONG_PHAT_SINH } from '../calculators';
import { formatPercent } from '../format';
import { SECTION_CODES, SECTION_TITLES } from '../surveys/forms';
import { slug } from '../text';

/**
 * The bars of the pane's satisfaction chart, from the metrics the survey check computed from the
 * answer sheets ("haiLong.<đối tượng>.haiLongA" …). A survey without answer sheets has no such
 * metrics and no chart: the summary table alone says nothing per section.
 */
export interface SectionBar {
  section: string;
  label: string;
  /** 0–100, null = không phát sinh. */
  value: number | null;
  text: string;
}

export interface SurveyBars {
  subject: string;
  key: string;
  overall: SectionBar;
  bars: SectionBar[];
}

export function surveyBars(metrics: Record<string, number | null>): SurveyBars[] {
  const out: SurveyBars[] = [];
  const subjects = new Set<string>();
  for (const k of Object.keys(metrics)) {
    const m = /^haiLong\.([^.]+)\.haiLong[A-E]$/.exec(k);
    if (m) subjects.add(m[1]!);
  }
  for (const who of subjects) {
    const key = `haiLong.${who}`;
    const bar = (section: string, label: string, value: number | null | undefined): SectionBar => ({
      section,
      label,
      value: value ?? null,
      text: value == null ? KHONG_PHAT_SINH : formatPercent(value),
    });
    out.push({
      subject: SURVEY_SUBJECTS.find((s) => slug(s) === who) ?? who.replace(/-/g, ' '),
      key,
      overall: bar('chung', 'Hài lòng chung', metrics[`${key}.haiLongChung`]),
      bars: SECTION_CODES.map((c) => bar(c, `${c}. ${SECTION_TITLES[c]}`, metrics[`${key}.haiLong${c}`])),
    });
  }
  return out;
}
