/**
 * Các chỉ tiêu khác: other indicators as done over planned (chuyển đổi vị trí công tác, tinh giản
 * biên chế…), one row each; the rate is derived. The same indicator twice with two values is an
 * error, not a repeated row.
 */
import { SHEET_STAFF, type ColumnSpec } from '../contract';
import { KHONG_PHAT_SINH } from '../calculators';
import { looseName } from '../labels';
import { metricKey } from '../metric-key';
import { count, proseLabel, upperFirst } from '../narrative/style';
import { label, v, type NarrativeCtx } from '../narrative/context';
import { foldText, slug } from '../text';
import { defineTable, type Values } from './types';

const NAME = 'ChiTieuKhac';

const COLUMNS = [
  { key: 'chiTieu', header: 'Chỉ tiêu', kind: 'text', required: true, width: 40, aliases: ['Nội dung', 'Nhiệm vụ', 'Tiêu chí', 'Chỉ tiêu, nhiệm vụ', 'Nội dung chỉ tiêu'] },
  { key: 'thucHien', header: 'Thực hiện', kind: 'count', required: true, width: 11, aliases: ['Kết quả thực hiện', 'Đã thực hiện', 'Số đã thực hiện', 'Hoàn thành', 'Đã hoàn thành', 'Kết quả'] },
  { key: 'keHoach', header: 'Kế hoạch / phải thực hiện', kind: 'count', required: true, width: 14, aliases: ['Kế hoạch', 'Phải thực hiện', 'Số phải thực hiện', 'Chỉ tiêu kế hoạch', 'Kế hoạch, phải thực hiện', 'Theo kế hoạch'] },
  { key: 'tyLe', header: 'Tỷ lệ (%)', kind: 'derivedRate', width: 10, optional: true, aliases: ['Tỷ lệ', 'Tỷ lệ hoàn thành', 'Tỷ lệ thực hiện', 'Tỷ lệ đạt'] },
] as const satisfies readonly ColumnSpec[];

function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const out: string[] = [];
  for (const r of t.rows) {
    const name = proseLabel(label(r, 'chiTieu'));
    const done = v(r, 'thucHien');
    const due = v(r, 'keHoach');
    if (done == null || due == null) continue;
    if (due === 0) {
      out.push(`${upperFirst(name)}: ${KHONG_PHAT_SINH}.`);
      continue;
    }
    const p = ctx.para('cchc:chitieu');
    const frac = `${count(done)}/${count(due)}`;
    const pct = p.ratio(done, due)!;
    const key = foldText(name);
    if (key.includes('chuyen doi vi tri')) out.push(`Đã chuyển đổi vị trí công tác ${frac} trường hợp, đạt tỷ lệ ${pct}.`);
    else if (key.includes('tinh gian bien che')) out.push(`Tinh giản biên chế: được phê duyệt ${frac} trường hợp đề nghị, đạt tỷ lệ ${pct}.`);
    else out.push(`${upperFirst(name)}: thực hiện ${frac}, đạt tỷ lệ ${pct}.`);
  }
  return out;
}


export const ChiTieuKhac = defineTable({
  name: 'ChiTieuKhac',
  sheet: SHEET_STAFF,
  title: 'Các chỉ tiêu khác (tỷ lệ thực hiện)',
  required: false,
  labelKey: 'chiTieu',
  totals: [],
  recognise: { minFigures: 2, anyOf: ['keHoach'] },
  columns: COLUMNS,
  derivedRates: [
    {
      key: 'tyLe',
      numerator: (x: Values) => x.thucHien ?? null,
      denominator: (x: Values) => x.keHoach ?? null,
      parts: ['thucHien', 'keHoach'],
      excel: (a) => `IF(N(${a('keHoach')})=0,"",ROUND(${a('thucHien')}/${a('keHoach')}*100,2))`,
    },
  ],
  checks: [{ kind: 'duplicates', conflicts: true }],
  metrics: {
    prefix: 'chiTieu', title: 'Chỉ tiêu khác',
    compute: (t) => {
      const m: Record<string, number | null> = {};
      for (const r of t.rows) m[metricKey('chiTieu', 'tyLe', r.label)] = r.values.tyLe ?? null;
      return m;
    },
    rowName: (s, report) => {
      const labels = report?.data.tables[NAME]?.rows.map((r) => r.label) ?? [];
      return labels.find((o) => slug(o) === s) ?? s.replace(/-/g, ' ');
    },
    indicatorName: (what, header) => (header(what) ?? what).toLocaleLowerCase('vi'),
  },
  section: { tag: 'cchc:chitieu', title: 'Các chỉ tiêu khác', write },
  consolidation: { by: 'sum', rowKey: (r) => looseName(r.label) },
  facts: (t, _report, add) => {
    // Other indicators: done over planned, by row.
    for (const r of t?.rows ?? []) {
      const row = foldText(r.label);
      if (r.values.thucHien != null) add({ family: null, status: 'resolved', subject: null, row, value: r.values.thucHien }, `số thực hiện của chỉ tiêu "${r.label}"`);
      if (r.values.keHoach != null) add({ family: null, status: 'total', subject: null, row, value: r.values.keHoach }, `số phải thực hiện của chỉ tiêu "${r.label}"`);
      const rate = r.values.tyLe ?? (r.values.thucHien != null && r.values.keHoach ? (r.values.thucHien / r.values.keHoach) * 100 : null);
      if (rate != null) add({ family: null, status: 'resolved', subject: null, row, value: rate, percent: true }, `tỷ lệ của chỉ tiêu "${r.label}"`);
    }
  },
  samples: {
    clean: {
      rows: [
        { chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 6, keHoach: 14 },
        { chiTieu: 'Tinh giản biên chế', thucHien: 11, keHoach: 18 },
      ],
    },
    mistakes: {
      rows: [
        { chiTieu: 'Chuyển đổi vị trí công tác', thucHien: 23, keHoach: 27, tyLe: 88.46 },
        { chiTieu: 'Tinh giản biên chế', thucHien: 15, keHoach: 20 },
      ],
    },
    planted: [{ code: 'rate_mismatch', row: 0, column: 'tyLe', note: 'Chuyển đổi vị trí công tác: 23/27 ghi 88,46% nhưng đúng là 85,19%.' }],
  },
});
