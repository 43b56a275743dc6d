import { formatNumber, formatPercent } from '../core/numbers';
import { KHONG_PHAT_SINH } from '../core/calculators';
import { RATING_SUBJECTS, STAFF_KINDS, SURVEY_SUBJECTS, tableSpec, type TableName } from '../core/contract';
import { slug } from '../core/text';
import type { CheckReport } from '../core/report';

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

// In the report template's order (narrative/tags.ts REPORT_ORDER), so the pane reads like the report.
const GROUPS: Record<string, { title: string; table?: TableName }> = {
  danhMuc: { title: 'Danh mục TTHC', table: 'DanhMucTTHC' },
  tthc: { title: 'Giải quyết TTHC', table: 'KetQuaGiaiQuyet' },
  phanAnh: { title: 'Phản ánh, kiến nghị', table: 'PhanAnhKienNghi' },
  haiLong: { title: 'Sự hài lòng', table: 'KhaoSatHaiLong' },
  bienChe: { title: 'Biên chế', table: 'BienChe' },
  xepLoai: { title: 'Đánh giá, xếp loại', table: 'XepLoai' },
  chiTieu: { title: 'Chỉ tiêu khác', table: 'ChiTieuKhac' },
};
const OTHER = 'Khác';

const SPECIAL: Record<string, string> = {
  'tthc.tyLeDungHan': 'Tỷ lệ giải quyết trước hạn và đúng hạn',
  'tthc.tyLeQuaHan': 'Tỷ lệ giải quyết quá hạn',
  'tthc.tyLeTrucTuyen': 'Tỷ lệ hồ sơ trực tuyến',
  'tthc.tyLeDaGiaiQuyet': 'Tỷ lệ đã giải quyết / tổng số nhận',
  'tthc.tyLeDangGiaiQuyet': 'Tỷ lệ đang giải quyết / tổng số nhận',
  'tthc.truocHan': 'Giải quyết trước hạn',
  'tthc.dungHan': 'Giải quyết đúng hạn',
  'tthc.quaHan': 'Giải quyết quá hạn',
  'tthc.dangTrongHan': 'Đang giải quyết trong hạn',
  'tthc.dangQuaHan': 'Đang giải quyết quá hạn',
  'bienChe.tyLeSuDung': 'Tỷ lệ có mặt / được giao',
  'bienChe.thieu': 'Thiếu so với được giao',
  'bienChe.du': 'Dư so với được giao',
  'phanAnh.tyLeDaGiaiQuyet': 'Tỷ lệ đã giải quyết',
};

const RATING_PARTS: Record<string, string> = {
  soDuocDanhGia: 'số được đánh giá',
  tyLeHtxs: 'tỷ lệ hoàn thành xuất sắc',
  tyLeHtt: 'tỷ lệ hoàn thành tốt',
  tyLeHt: 'tỷ lệ hoàn thành',
  tyLeKht: 'tỷ lệ không hoàn thành',
};

const SURVEY_RATES = ['haiLongChung', 'soVoiMongDoi', 'quayLai', 'toanDien'];

/** The indicators a report quotes first; shown before the full list. */
const MAIN = /^(tthc\.tyLe(DungHan|QuaHan|TrucTuyen)|bienChe\.(thieu|du|tyLeSuDung)|haiLong\.[^.]+\.haiLongChung)$/;

function header(table: TableName | undefined, key: string): string | null {
  if (!table) return null;
  const h = tableSpec(table).columns.find((c) => c.key === key)?.header;
  return h ? h.replace(/\s*\(%\)$/, '') : null;
}

function bySlug(options: readonly string[], s: string): string {
  return options.find((o) => slug(o) === s) ?? s.replace(/-/g, ' ');
}

export function isPercentMetric(key: string): boolean {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return /^tyLe/.test(last) || SURVEY_RATES.includes(last);
}

export function formatMetric(key: string, value: number | null): string {
  if (value == null) return KHONG_PHAT_SINH;
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
    if (area === 'haiLong') return `${bySlug(SURVEY_SUBJECTS, who)}: ${(header(table, what) ?? what).toLocaleLowerCase('vi')}`;
    if (area === 'chiTieu') {
      const labels = report?.data.tables.ChiTieuKhac?.rows.map((r) => r.label) ?? [];
      return `${bySlug(labels, who)}: ${(header(table, what) ?? what).toLocaleLowerCase('vi')}`;
    }
  }
  return key;
}

export function metricLines(metrics: Record<string, number | null>, report?: Pick<CheckReport, 'data'>): MetricLine[] {
  const order = Object.keys(GROUPS);
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
