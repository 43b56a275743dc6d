import { formatNumber, formatPercent } from './numbers';
import { KHONG_PHAT_SINH } from './calculators';
import { RATING_SUBJECTS, STAFF_KINDS, SURVEY_SUBJECTS, TABLES, allColumns, type TableName } from './contract';
import { slug } from './text';
import { SECTION_TITLES, type SectionCode } from './surveys/forms';
import type { CheckReport } from './report';

/**
 * Vietnamese names for the keys of CheckReport.metrics ("tthc.tyLeDungHan",
 * "haiLong.nguoi-benh-noi-tru.haiLongChung"…), taken from the contract's headers so a column is
 * named the same in the workbook and in the pane. A key not understood still shows, under its own
 * name, so no indicator is ever hidden.
 */

export interface MetricLine {
  key: string;
  group: string;
  label: string;
  value: number | null;
  text: string;
}

// Group titles and the labels of indicators that are not a column come from the contract.
const GROUPS: Record<string, { title: string; table: TableName }> = Object.fromEntries(TABLES.map((t) => [t.metrics.prefix, { title: t.metrics.title, table: t.name }]));
const OTHER = 'Khác';

const SPECIAL: Record<string, string> = Object.fromEntries(TABLES.flatMap((t) => Object.entries(t.metrics.labels ?? {}).map(([k, v]) => [`${t.metrics.prefix}.${k}`, v])));

/**
 * The order the panes and the CLI list the groups in: the report template's (narrative/tags.ts
 * REPORT_ORDER: danh mục, kết quả giải quyết, phản ánh, hài lòng, biên chế, xếp loại, chỉ tiêu).
 */
const GROUP_ORDER = ['danhMuc', 'tthc', 'phanAnh', 'haiLong', 'bienChe', 'xepLoai', 'chiTieu'];

const RATING_PARTS: Record<string, string> = {
  soDuocDanhGia: 'số được đánh giá',
  tyLeHtxs: 'tỷ lệ hoàn thành xuất sắc',
  tyLeHtt: 'tỷ lệ hoàn thành tốt',
  tyLeHt: 'tỷ lệ hoàn thành',
  tyLeKht: 'tỷ lệ không hoàn thành',
};

const SURVEY_RATES = ['haiLongChung', 'soVoiMongDoi', 'quayLai', 'toanDien'];

/** Indicators computed from the raw answer sheets (src/core/surveys): per section and mean scores. */
function surveyExtraLabel(what: string): string | null {
  const m = /^(haiLong|diemTrungBinh)([A-E])?$/.exec(what);
  if (!m || (m[1] === 'haiLong' && !m[2])) return null;
  const section = m[2] ? ` khía cạnh ${m[2]} (${SECTION_TITLES[m[2] as SectionCode].toLocaleLowerCase('vi')})` : '';
  return m[1] === 'haiLong' ? `tỷ lệ hài lòng${section}` : `điểm trung bình${section || ' chung'} (thang 1–5)`;
}

/** The indicators a report quotes first; shown before the full list. */
const MAIN = /^(tthc\.tyLe(DungHan|QuaHan|TrucTuyen)|bienChe\.(thieu|du|tyLeSuDung)|haiLong\.[^.]+\.haiLongChung)$/;

function header(table: TableName | undefined, key: string): string | null {
  if (!table) return null;
  const h = allColumns(TABLES.find((t) => t.name === table)!).find((c) => c.key === key)?.header;
  return h ? h.replace(/\s*\(%\)$/, '') : null;
}

function bySlug(options: readonly string[], s: string): string {
  return options.find((o) => slug(o) === s) ?? s.replace(/-/g, ' ');
}

export function isPercentMetric(key: string): boolean {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return /^tyLe/.test(last) || SURVEY_RATES.includes(last) || /^haiLong[A-E]$/.test(last);
}

export function formatMetric(key: string, value: number | null): string {
  if (value == null) return KHONG_PHAT_SINH;
  if (/\.diemTrungBinh[A-E]?$/.test(key)) return formatNumber(value, 2);
  return isPercentMetric(key) ? formatPercent(value) : formatNumber(value);
}

export function metricLabel(key: string, report?: Pick<CheckReport, 'data'>): string {
  if (SPECIAL[key]) return SPECIAL[key];
  const [area = '', ...rest] = key.split('.');
  const table = GROUPS[area]?.table;
  if (rest.length === 1) return header(table, rest[0]!) ?? key;
  if (rest.length === 2) {
    const [who, what] = rest as [string, string];
    if (area === 'bienChe') return `${bySlug(STAFF_KINDS, who)}: ${(header(table, what) ?? what).toLocaleLowerCase('vi')}`;
    if (area === 'xepLoai') return `${bySlug(RATING_SUBJECTS, who)}: ${RATING_PARTS[what] ?? what}`;
    if (area === 'haiLong') return `${bySlug(SURVEY_SUBJECTS, who)}: ${surveyExtraLabel(what) ?? (header(table, what) ?? what).toLocaleLowerCase('vi')}`;
    if (area === 'chiTieu') {
      const labels = report?.data.tables.ChiTieuKhac?.rows.map((r) => r.label) ?? [];
      return `${bySlug(labels, who)}: ${(header(table, what) ?? what).toLocaleLowerCase('vi')}`;
    }
  }
  return key;
}

export function metricLines(metrics: Record<string, number | null>, report?: Pick<CheckReport, 'data'>): MetricLine[] {
  const order = GROUP_ORDER;
  const rank = (k: string) => {
    const i = order.indexOf(k.split('.')[0]!);
    return i < 0 ? order.length : i;
  };
  // Stable sort: within a group the engine's order is kept.
  return Object.keys(metrics)
    .map((key, i) => ({ key, i }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
    .map(({ key }) => {
      const value = metrics[key] ?? null;
      return { key, group: GROUPS[key.split('.')[0]!]?.title ?? OTHER, label: metricLabel(key, report), value, text: formatMetric(key, value) };
    });
}

export function isMainMetric(key: string): boolean {
  return MAIN.test(key);
}

/** The indicators as plain text, one per line under their group, ready to paste into a draft. */
export function metricsAsText(lines: readonly MetricLine[]): string {
  const out: string[] = [];
  let group = '';
  for (const l of lines) {
    if (l.group !== group) {
      if (out.length) out.push('');
      out.push(`${l.group}:`);
      group = l.group;
    }
    out.push(`- ${l.label}: ${l.text}`);
  }
  return out.join('\n');
}
