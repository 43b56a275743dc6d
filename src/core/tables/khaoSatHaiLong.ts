/**
 * Kết quả khảo sát sự hài lòng: the summary of each survey (forms, overall satisfaction, against
 * expectations, would return, comprehensive index), one row per subject. Where the raw answer
 * sheets are in the workbook (src/core/surveys), their indices complete this table's.
 */
import { RAW_SURVEYS, SHEET_SURVEY, SURVEY_SUBJECTS, type ColumnSpec } from '../contract';
import { KHONG_PHAT_SINH } from '../calculators';
import { optionKey } from '../labels';
import { metricKey, parseMetricKey } from '../metric-key';
import { Para, count, lowerFirst, ownDecimals, proseLabel } from '../narrative/style';
import { label, v, type NarrativeCtx } from '../narrative/context';
import { STATUS_NAME, type Status } from '../prose/lexicon';
import { subjectOfLabel } from '../prose/facts';
import type { DataRow } from '../report';
import { SECTION_CODES, SECTION_TITLES, type SectionCode } from '../surveys/forms';
import { subjectOf } from '../surveys/read';
import { foldText, slug } from '../text';
import { defineTable } from './types';

const NAME = 'KhaoSatHaiLong';

const COLUMNS = [
  { key: 'doiTuong', header: 'Đối tượng khảo sát', kind: 'enum', required: true, width: 30, aliases: ['Đối tượng', 'Đối tượng được khảo sát', 'Nhóm đối tượng'] },
  { key: 'soPhieu', header: 'Số phiếu', kind: 'count', required: true, width: 10, aliases: ['Số phiếu khảo sát', 'Số người được khảo sát', 'Số phiếu thu về', 'Số phiếu hợp lệ', 'Cỡ mẫu', 'Số người trả lời'] },
  { key: 'haiLongChung', header: 'Tỷ lệ hài lòng chung (%)', kind: 'rate', width: 14, optional: true, aliases: ['Tỷ lệ hài lòng chung', 'Hài lòng chung', 'Tỷ lệ hài lòng'] },
  { key: 'soVoiMongDoi', header: 'Tỷ lệ hài lòng so với mong đợi (%)', kind: 'rate', width: 16, optional: true, aliases: ['So với mong đợi', 'Tỷ lệ so với mong đợi', 'Đáp ứng so với mong đợi', 'Mức độ đáp ứng so với mong đợi', 'Tỷ lệ đáp ứng so với mong đợi'] },
  { key: 'quayLai', header: 'Tỷ lệ quay lại (%)', kind: 'rate', width: 12, optional: true, aliases: ['Tỷ lệ quay lại', 'Quay lại', 'Sẵn sàng quay lại', 'Quay lại hoặc giới thiệu', 'Tỷ lệ quay lại hoặc giới thiệu'] },
  { key: 'toanDien', header: 'Chỉ số hài lòng toàn diện (%)', kind: 'rate', width: 14, optional: true, aliases: ['Chỉ số hài lòng toàn diện', 'Hài lòng toàn diện', 'Tỷ lệ hài lòng toàn diện'] },
] as const satisfies readonly ColumnSpec[];
type Key = (typeof COLUMNS)[number]['key'];

/** The rate columns, as typed in the summary: percent 0–100. */
export const SURVEY_RATE_KEYS = ['haiLongChung', 'soVoiMongDoi', 'quayLai', 'toanDien'] as const satisfies readonly Key[];

/** Survey subjects as prose: the workbook's "(TTHC)" is a column note, not words. */
function surveyWho(labelText: string): string {
  const k = foldText(labelText);
  if (k.includes('nguoi dan') && k.includes('tthc')) return 'người dân, tổ chức đối với việc giải quyết thủ tục hành chính';
  return lowerFirst(proseLabel(labelText));
}

/** Surveys as the seeds list figures: a lead line with the number of forms, then one "+" line per rate. */
function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const out: string[] = [];
  // The workbook's own rates: one number of decimals for the whole place (docs/style.md §2), from
  // the table's rows (the metrics the indicator list reads hold the same values) and the per-section rates.
  const decimals = ctx.asked('cchc:hailong') ?? listDecimals({ ...ctx.report.metrics, ...rowRates(t.rows) });
  const names = [
    ['Tỷ lệ hài lòng chung', 'haiLongChung'],
    ['Chỉ số hài lòng toàn diện', 'toanDien'],
    ['Tỷ lệ hài lòng so với mong đợi', 'soVoiMongDoi'],
    ['Tỷ lệ người được khảo sát sẽ quay lại hoặc giới thiệu cho người khác', 'quayLai'],
  ] as const;
  for (const r of t.rows) {
    const who = surveyWho(label(r, 'doiTuong'));
    const phieu = v(r, 'soPhieu');
    if (phieu == null) continue;
    if (phieu === 0) {
      out.push(`Khảo sát sự hài lòng của ${who}: ${KHONG_PHAT_SINH} phiếu khảo sát.`);
      continue;
    }
    const present = names.filter(([, k]) => v(r, k) != null);
    const sections = bySection(ctx, r);
    const p = new Para(decimals);
    if (!present.length && !sections.length) {
      out.push(`Khảo sát sự hài lòng của ${who}: ${count(phieu)} phiếu.`);
      continue;
    }
    out.push(`Khảo sát sự hài lòng của ${who} (${count(phieu)} phiếu):`);
    const items = present.map(([name, k]) => `${name}: ${p.own(v(r, k))}`);
    if (sections.length) items.push(`Tỷ lệ hài lòng theo từng khía cạnh: ${sections.map(([name, x]) => `${name} ${p.own(x) ?? KHONG_PHAT_SINH}`).join('; ')}`); // "; ": titles hold commas
    items.forEach((it, i) => out.push(`+ ${it}${i === items.length - 1 ? '.' : ';'}`));
  }
  return out;
}

/**
 * Where the answer sheets were read, the per-section rates computed from them (metrics
 * "haiLong.<đối tượng>.haiLongA"…), as one more "+" line of the survey's list, with its decimals.
 */
function bySection(ctx: NarrativeCtx, r: DataRow): [string, number | null][] {
  const who = r.text.doiTuong ?? r.label;
  const key = (c: SectionCode) => metricKey('haiLong', `haiLong${c}`, subjectOf(who) ?? who);
  return SECTION_CODES.filter((c) => ctx.report.metrics[key(c)] !== undefined).map((c) => [lowerFirst(SECTION_TITLES[c]), ctx.report.metrics[key(c)] ?? null]);
}


/**
 * The rates the survey section lists: the summary's, and the per-section rates of the answer
 * sheets quoted in the same lists.
 */
const listedRate = (what: string) => (SURVEY_RATE_KEYS as readonly string[]).includes(what) || /^haiLong[A-E]$/.test(what);

/** The summary's rates as the metrics hold them (`compute` below), for a report built without its metrics. */
function rowRates(rows: readonly DataRow[]): Record<string, number | null> {
  const m: Record<string, number | null> = {};
  for (const r of rows) for (const key of SURVEY_RATE_KEYS) m[metricKey('haiLong', key, r.text.doiTuong ?? r.label)] = r.values[key] ?? null;
  return m;
}

/** Decimals of the survey section's rates, over every survey of the report: one rule for the place. */
function listDecimals(metrics: Readonly<Record<string, number | null>>): number {
  const values: (number | null)[] = [];
  for (const [key, x] of Object.entries(metrics)) {
    const k = parseMetricKey(key);
    if (k?.prefix === 'haiLong' && k.row && listedRate(k.indicator)) values.push(x);
  }
  return ownDecimals(values);
}

/** Indicators computed from the raw answer sheets (src/core/surveys): per section and mean scores. */
function surveyExtraLabel(what: string): string | null {
  const m = /^(haiLong|diemTrungBinh)([A-E])?$/.exec(what);
  if (!m || (m[1] === 'haiLong' && !m[2])) return null;
  const section = m[2] ? ` khía cạnh ${m[2]} (${SECTION_TITLES[m[2] as SectionCode].toLocaleLowerCase('vi')})` : '';
  return m[1] === 'haiLong' ? `tỷ lệ hài lòng${section}` : `điểm trung bình${section || ' chung'} (thang 1–5)`;
}

const INDICES: readonly (readonly [Key, Status])[] = [['haiLongChung', 'satisfied'], ['toanDien', 'comprehensive'], ['soVoiMongDoi', 'expectation'], ['quayLai', 'returning']];

export const KhaoSatHaiLong = defineTable({
  name: 'KhaoSatHaiLong',
  sheet: SHEET_SURVEY,
  title: 'Kết quả khảo sát sự hài lòng',
  required: false,
  labelKey: 'doiTuong',
  totals: [],
  recognise: { minFigures: 2, anyOf: ['haiLongChung', 'toanDien', 'soVoiMongDoi', 'quayLai'] },
  columns: COLUMNS,
  checks: [{ kind: 'options', column: 'doiTuong', options: SURVEY_SUBJECTS }, { kind: 'answers' }],
  metrics: {
    prefix: 'haiLong', title: 'Sự hài lòng',
    main: ['haiLongChung'],
    compute: (t) => {
      const m: Record<string, number | null> = {};
      for (const r of t.rows) {
        const who = r.text.doiTuong ?? r.label;
        m[metricKey('haiLong', 'soPhieu', who)] = r.values.soPhieu ?? null;
        for (const key of SURVEY_RATE_KEYS) m[metricKey('haiLong', key, who)] = r.values[key] ?? null;
      }
      return m;
    },
    rowName: (s) => SURVEY_SUBJECTS.find((o) => slug(o) === s) ?? s.replace(/-/g, ' '),
    indicatorName: (what, header) => surveyExtraLabel(what) ?? (header(what) ?? what).toLocaleLowerCase('vi'),
    percent: listedRate,
    decimals: (what) => (/^diemTrungBinh[A-E]?$/.test(what) ? 2 : undefined),
    ownRates: { is: listedRate, decimals: listDecimals },
  },
  section: { tag: 'cchc:hailong', title: 'Khảo sát sự hài lòng', write, findingTables: RAW_SURVEYS.map((s) => s.table) },
  consolidation: {
    by: 'sum',
    rowKey: (r) => optionKey(r.text.doiTuong ?? r.label, SURVEY_SUBJECTS),
    weight: 'soPhieu',
    note: 'Các tỷ lệ hài lòng là bình quân gia quyền theo số phiếu của từng đơn vị: bảng tổng hợp của đơn vị không có số phiếu hài lòng để tính lại từ đầu.',
  },
  lists: [{ column: 'doiTuong', sheetColumn: 6, title: 'Đối tượng khảo sát', items: SURVEY_SUBJECTS }],
  facts: (_t, report, add) => {
    // Surveys: forms and indices, by survey (the summary's and the answer sheets' alike).
    for (const [key, x] of Object.entries(report.metrics)) {
      const k = parseMetricKey(key);
      if (!k || k.prefix !== 'haiLong' || !k.row || x == null) continue;
      const subject = subjectOfLabel(k.row.replace(/-/g, ' '));
      if (!subject) continue;
      if (k.indicator === 'soPhieu') add({ family: 'phieu', status: 'total', subject, row: null, value: x }, `số phiếu khảo sát ${subject}`);
      const idx = INDICES.find(([i]) => i === k.indicator);
      if (idx) add({ family: null, status: idx[1], subject, row: null, value: x, percent: true }, `${idx[1] === 'comprehensive' ? 'chỉ số hài lòng toàn diện' : `tỷ lệ ${STATUS_NAME[idx[1]]}`} của ${subject}`);
    }
  },
  samples: {
    clean: {
      rows: [
        { doiTuong: 'Người bệnh nội trú', soPhieu: 2771, haiLongChung: 92.03, soVoiMongDoi: 88.5, quayLai: 95.1, toanDien: 85.2 },
        { doiTuong: 'Người bệnh ngoại trú', soPhieu: 3120, haiLongChung: 90.12, soVoiMongDoi: 86.4, quayLai: 93, toanDien: 82.75 },
        { doiTuong: 'Nhân viên y tế', soPhieu: 1205, haiLongChung: 85.4, soVoiMongDoi: 80.2, quayLai: null, toanDien: 78.1 },
        { doiTuong: 'Người dân, tổ chức (TTHC)', soPhieu: 120, haiLongChung: 98.33, soVoiMongDoi: 95, quayLai: null, toanDien: 96.67 },
      ],
    },
    mistakes: {
      rows: [
        { doiTuong: 'Người bệnh nội trú', soPhieu: 2771, haiLongChung: 92.03, soVoiMongDoi: 88.1, quayLai: 94.6, toanDien: 95 },
        { doiTuong: 'Người bệnh ngoại trú', soPhieu: 3402, haiLongChung: 90.5, soVoiMongDoi: 87.2, quayLai: 94.1, toanDien: 80.3 },
      ],
    },
    planted: [{ code: 'satisfaction_inconsistent', row: 0, column: 'toanDien', note: 'Người bệnh nội trú: chỉ số hài lòng toàn diện 95% lớn hơn tỷ lệ hài lòng chung 92,03%.' }],
  },
});
