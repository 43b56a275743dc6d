/**
 * Kết quả đánh giá, xếp loại chất lượng: the ratings of công chức, viên chức and units (HTXSNV,
 * HTTNV, HTNV, KHTNV, not rated). Identity XL1; the share rated HTXSNV is capped by the rules in
 * force (regimes.ts).
 */
import { RATING_SUBJECTS, SHEET_STAFF, type ColumnSpec } from '../contract';
import { KHONG_PHAT_SINH, ratingShare, soDuocDanhGia } from '../calculators';
import { optionKey } from '../labels';
import { metricKey } from '../metric-key';
import { count, lowerFirst, proseLabel } from '../narrative/style';
import { label, v, type NarrativeCtx } from '../narrative/context';
import { STATUS_NAME, type Status } from '../prose/lexicon';
import { subjectOfLabel } from '../prose/facts';
import { foldText, slug } from '../text';
import { defineTable, type SampleCell } from './types';

const NAME = 'XepLoai';

const COLUMNS = [
  { key: 'doiTuong', header: 'Đối tượng', kind: 'enum', required: true, width: 22, aliases: ['Đối tượng đánh giá', 'Đối tượng xếp loại', 'Loại', 'Nội dung'] },
  { key: 'tongSo', header: 'Tổng số', kind: 'count', required: true, width: 10, aliases: ['Tổng số người', 'Tổng cộng', 'Số lượng', 'Tổng số công chức, viên chức', 'Tổng'] },
  { key: 'htxs', header: 'Hoàn thành xuất sắc nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['HTXSNV', 'Hoàn thành xuất sắc', 'Xuất sắc'] },
  { key: 'htt', header: 'Hoàn thành tốt nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['HTTNV', 'Hoàn thành tốt', 'Tốt'] },
  { key: 'ht', header: 'Hoàn thành nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['HTNV', 'Hoàn thành'] },
  { key: 'kht', header: 'Không hoàn thành nhiệm vụ', kind: 'count', required: true, width: 14, aliases: ['KHTNV', 'Không hoàn thành'] },
  { key: 'khongDanhGia', header: 'Không đánh giá', kind: 'count', width: 11, optional: true, aliases: ['Chưa đánh giá', 'Không xếp loại', 'Không đánh giá, xếp loại', 'Chưa xếp loại'] },
] as const satisfies readonly ColumnSpec[];
type Key = (typeof COLUMNS)[number]['key'];

const LEVELS = [
  ['htxs', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['htt', 'Hoàn thành tốt nhiệm vụ'],
  ['ht', 'Hoàn thành nhiệm vụ'],
  ['kht', 'Không hoàn thành nhiệm vụ'],
] as const;

/** Ratings as the seeds list figures: a lead line, then one "+" line per level. */
function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const out: string[] = [];
  for (const r of t.rows) {
    const subject = proseLabel(label(r, 'doiTuong'));
    const unit = foldText(subject).includes('co quan') || foldText(subject).includes('don vi') ? 'đơn vị' : 'người';
    const figs = { tongSo: v(r, 'tongSo'), htxs: v(r, 'htxs'), htt: v(r, 'htt'), ht: v(r, 'ht'), kht: v(r, 'kht'), khongDanhGia: v(r, 'khongDanhGia') };
    const rated = soDuocDanhGia(figs);
    if (figs.tongSo == null && rated == null) continue;
    const p = ctx.para('cchc:xeploai');
    const head: string[] = [];
    if (figs.tongSo != null) head.push(`tổng số ${count(figs.tongSo)} ${unit}`);
    if (rated === 0 || rated == null) {
      out.push(`Kết quả đánh giá, xếp loại chất lượng ${lowerFirst(subject)}: ${[...head, `đánh giá, xếp loại: ${KHONG_PHAT_SINH}`].join('; ')}.`);
      continue;
    }
    head.push(`đã đánh giá, xếp loại ${count(rated)} ${unit}`);
    if (figs.khongDanhGia != null && figs.khongDanhGia > 0) head.push(`không đánh giá ${count(figs.khongDanhGia)} ${unit}`);
    out.push(`Kết quả đánh giá, xếp loại chất lượng ${lowerFirst(subject)}: ${head.join(', ')}, trong đó:`);
    const levels = LEVELS.filter(([k]) => figs[k] != null);
    levels.forEach(([k, name], i) => {
      const x = figs[k]!;
      const end = i === levels.length - 1 ? '.' : ';';
      out.push(x === 0 ? `+ ${name}: không có${end}` : `+ ${name}: ${count(x)} ${unit} (${p.ratio(x, rated)})${end}`);
    });
  }
  return out;
}


/** Names of the per-row indicators in the metric list. */
const RATING_PARTS: Readonly<Record<string, string>> = {
  soDuocDanhGia: 'số được đánh giá',
  tyLeHtxs: 'tỷ lệ hoàn thành xuất sắc',
  tyLeHtt: 'tỷ lệ hoàn thành tốt',
  tyLeHt: 'tỷ lệ hoàn thành',
  tyLeKht: 'tỷ lệ không hoàn thành',
};

const FACT_LEVELS: readonly (readonly [Key, Status])[] = [['htxs', 'htxs'], ['htt', 'htt'], ['ht', 'ht'], ['kht', 'kht']];

type SampleRow = Partial<Record<Key, SampleCell>>;
const sampleRow = (doiTuong: string, htxs: number, htt: number, ht: number, kht: number, khongDanhGia: number, over: SampleRow = {}): SampleRow => ({
  doiTuong,
  tongSo: htxs + htt + ht + kht + khongDanhGia,
  htxs,
  htt,
  ht,
  kht,
  khongDanhGia,
  ...over,
});

export const XepLoai = defineTable({
  name: 'XepLoai',
  sheet: SHEET_STAFF,
  title: 'Kết quả đánh giá, xếp loại chất lượng',
  required: false,
  labelKey: 'doiTuong',
  totals: [],
  recognise: { minFigures: 3, anyOf: ['htxs', 'htt'] },
  columns: COLUMNS,
  identities: [{ id: 'XL1', total: 'tongSo', parts: ['htxs', 'htt', 'ht', 'kht', 'khongDanhGia'], optionalParts: ['khongDanhGia'] }],
  checks: [{ kind: 'options', column: 'doiTuong', options: RATING_SUBJECTS }, { kind: 'caps' }],
  metrics: {
    prefix: 'xepLoai', title: 'Đánh giá, xếp loại',
    compute: (t) => {
      const m: Record<string, number | null> = {};
      for (const r of t.rows) {
        const who = r.text.doiTuong ?? r.label;
        m[metricKey('xepLoai', 'soDuocDanhGia', who)] = soDuocDanhGia(r.values);
        m[metricKey('xepLoai', 'tyLeHtxs', who)] = ratingShare(r.values.htxs, r.values);
        m[metricKey('xepLoai', 'tyLeHtt', who)] = ratingShare(r.values.htt, r.values);
        m[metricKey('xepLoai', 'tyLeHt', who)] = ratingShare(r.values.ht, r.values);
        m[metricKey('xepLoai', 'tyLeKht', who)] = ratingShare(r.values.kht, r.values);
      }
      return m;
    },
    rowName: (s) => RATING_SUBJECTS.find((o) => slug(o) === s) ?? s.replace(/-/g, ' '),
    indicatorName: (what) => RATING_PARTS[what] ?? what,
  },
  section: { tag: 'cchc:xeploai', title: 'Đánh giá, xếp loại chất lượng', write },
  consolidation: { by: 'sum', rowKey: (r) => optionKey(r.text.doiTuong ?? r.label, RATING_SUBJECTS) },
  lists: [{ column: 'doiTuong', sheetColumn: 4, title: 'Đối tượng xếp loại', items: RATING_SUBJECTS }],
  facts: (t, _report, add) => {
    // Ratings: counts and shares of each level, by subject.
    for (const r of t?.rows ?? []) {
      const subject = subjectOfLabel(r.text.doiTuong ?? r.label);
      if (!subject) continue;
      let rated = 0;
      for (const [k, status] of FACT_LEVELS) {
        const x = r.values[k];
        if (x == null) continue;
        rated += x;
        add({ family: 'nguoi', status, subject, row: null, value: x }, `số ${subject} ${STATUS_NAME[status]}`);
      }
      add({ family: 'nguoi', status: 'rated', subject, row: null, value: rated }, `số ${subject} được đánh giá, xếp loại`);
      for (const [k, status] of FACT_LEVELS) {
        const x = r.values[k];
        if (x != null && rated > 0) add({ family: null, status, subject, row: null, value: (x / rated) * 100, percent: true }, `tỷ lệ ${subject} ${STATUS_NAME[status]}`);
      }
    }
  },
  samples: {
    clean: { rows: [sampleRow('Công chức', 8, 40, 2, 0, 0), sampleRow('Viên chức', 250, 1300, 200, 4, 30)] },
    mistakes: { rows: [sampleRow('Công chức', 9, 48, 3, 0, 1), sampleRow('Viên chức', 600, 3500, 600, 9, 95, { tongSo: 4809 })] },
    planted: [{ code: 'sum_mismatch', row: 1, column: 'tongSo', note: 'Viên chức: tổng số ghi 4.809 nhưng các mức xếp loại và không đánh giá cộng lại 4.804.' }],
  },
});
