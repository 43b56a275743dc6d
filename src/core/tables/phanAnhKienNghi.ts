/**
 * Phản ánh, kiến nghị, khiếu nại, tố cáo: the letters received, resolved and pending, one row per
 * kind (FEEDBACK_KINDS). Identity PA1: received = resolved + pending.
 */
import { FEEDBACK_KINDS, SHEET_TTHC, type ColumnSpec } from '../contract';
import { percentOf } from '../calculators';
import { optionKey } from '../labels';
import { metricKey } from '../metric-key';
import { count, lowerFirst } from '../narrative/style';
import { fig, label, v, type NarrativeCtx } from '../narrative/context';
import { STATUS_NAME, type Status } from '../prose/lexicon';
import { foldText } from '../text';
import { defineTable } from './types';

const NAME = 'PhanAnhKienNghi';

const COLUMNS = [
  { key: 'loai', header: 'Loại', kind: 'enum', required: true, width: 28, aliases: ['Loại đơn', 'Nội dung', 'Loại phản ánh, kiến nghị', 'Hình thức'] },
  { key: 'tiepNhan', header: 'Tiếp nhận', kind: 'count', required: true, width: 11, aliases: ['Số tiếp nhận', 'Tổng số tiếp nhận', 'Số đơn tiếp nhận', 'Đã tiếp nhận', 'Số lượng tiếp nhận'] },
  { key: 'daGiaiQuyet', header: 'Đã giải quyết', kind: 'count', required: true, width: 12, aliases: ['Đã xử lý', 'Đã trả lời', 'Đã giải quyết, trả lời', 'Đã xử lý, trả lời'] },
  { key: 'dangGiaiQuyet', header: 'Đang giải quyết', kind: 'count', required: true, width: 12, aliases: ['Đang xử lý', 'Đang trả lời', 'Đang giải quyết, xử lý'] },
] as const satisfies readonly ColumnSpec[];
type Key = (typeof COLUMNS)[number]['key'];

function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const tong = fig(t, 'tiepNhan');
  if (tong == null) return [];
  if (tong === 0) return [`${ctx.window}, không phát sinh đơn phản ánh, kiến nghị, khiếu nại, tố cáo.`];
  const p = ctx.para('cchc:phananh');
  const kinds = t.rows.filter((r) => (v(r, 'tiepNhan') ?? 0) > 0).map((r) => `${count(v(r, 'tiepNhan')!)} đơn ${lowerFirst(label(r, 'loai'))}`);
  let s = `${ctx.window}, ${ctx.subject} tiếp nhận ${count(tong)} đơn`;
  if (kinds.length > 1) s += ` (gồm ${kinds.join('; ')})`; // "; " since labels hold commas ("phản ánh, kiến nghị")
  else if (kinds.length === 1) s = `${ctx.window}, ${ctx.subject} tiếp nhận ${kinds[0]}`;
  const done = fig(t, 'daGiaiQuyet');
  const pending = fig(t, 'dangGiaiQuyet');
  if (done != null) s += done === tong ? '; đã giải quyết xong toàn bộ' : `; đã giải quyết ${count(done)} đơn (${p.ratio(done, tong)})`;
  if (pending != null && pending > 0) s += `${done != null ? ',' : ';'} đang giải quyết ${count(pending)} đơn (${p.ratio(pending, tong)})`;
  return [`${s}.`];
}

const FACTS: readonly (readonly [Key, Status])[] = [['tiepNhan', 'received'], ['daGiaiQuyet', 'resolved'], ['dangGiaiQuyet', 'pending']];

export const PhanAnhKienNghi = defineTable({
  name: 'PhanAnhKienNghi',
  sheet: SHEET_TTHC,
  title: 'Tiếp nhận, xử lý phản ánh, kiến nghị, khiếu nại, tố cáo',
  required: false,
  labelKey: 'loai',
  totals: ['tiepNhan', 'daGiaiQuyet', 'dangGiaiQuyet'],
  recognise: { minFigures: 2, anyOf: ['tiepNhan'] },
  columns: COLUMNS,
  identities: [{ id: 'PA1', total: 'tiepNhan', parts: ['daGiaiQuyet', 'dangGiaiQuyet'] }],
  checks: [{ kind: 'options', column: 'loai', options: FEEDBACK_KINDS }],
  metrics: {
    prefix: 'phanAnh', title: 'Phản ánh, kiến nghị', labels: { tyLeDaGiaiQuyet: 'Tỷ lệ đã giải quyết' },
    compute: (t) => {
      const m: Record<string, number | null> = {};
      if (!t.rows.length) return m;
      for (const [k, x] of Object.entries(t.sums)) m[metricKey('phanAnh', k)] = x;
      m[metricKey('phanAnh', 'tyLeDaGiaiQuyet')] = percentOf(t.sums.daGiaiQuyet, t.sums.tiepNhan);
      return m;
    },
  },
  section: {
    tag: 'cchc:phananh',
    title: 'Phản ánh, kiến nghị, khiếu nại, tố cáo',
    write,
    compare: (cur, prev, change) => {
      const pa = cur?.rows.length ? fig(cur, 'tiepNhan') : null;
      const paPrev = prev?.rows.length ? fig(prev, 'tiepNhan') : null;
      return pa != null && paPrev != null && (pa > 0 || paPrev > 0) ? `số đơn tiếp nhận ${change(pa, paPrev, 'đơn')}` : null;
    },
  },
  consolidation: { by: 'sum', rowKey: (r) => optionKey(r.text.loai ?? r.label, FEEDBACK_KINDS) },
  lists: [{ column: 'loai', sheetColumn: 5, title: 'Loại phản ánh', items: FEEDBACK_KINDS }],
  facts: (t, report, add) => {
    for (const [k, status] of FACTS) {
      const x = report.metrics[metricKey('phanAnh', k)];
      if (x != null) add({ family: 'don', status, subject: null, row: null, value: x }, `số đơn ${STATUS_NAME[status]}`);
      for (const r of t?.rows ?? []) {
        const y = r.values[k];
        if (y != null) add({ family: 'don', status, subject: null, row: foldText(r.text.loai ?? r.label), value: y }, `số đơn ${r.text.loai ?? r.label} ${STATUS_NAME[status]}`);
      }
    }
  },
  samples: {
    clean: {
      rows: [
        { loai: 'Phản ánh, kiến nghị', tiepNhan: 1, daGiaiQuyet: 0, dangGiaiQuyet: 1 },
        { loai: 'Khiếu nại', tiepNhan: 0, daGiaiQuyet: 0, dangGiaiQuyet: 0 },
        { loai: 'Tố cáo', tiepNhan: 2, daGiaiQuyet: 2, dangGiaiQuyet: 0 },
      ],
    },
    mistakes: {
      rows: [
        { loai: 'Phản ánh, kiến nghị', tiepNhan: 5, daGiaiQuyet: 3, dangGiaiQuyet: 1 },
        { loai: 'Khiếu nại', tiepNhan: 2, daGiaiQuyet: 2, dangGiaiQuyet: 0 },
        { loai: 'Tố cáo', tiepNhan: 1, daGiaiQuyet: 1, dangGiaiQuyet: 0 },
      ],
    },
    planted: [{ code: 'sum_mismatch', row: 0, column: 'tiepNhan', note: 'Phản ánh, kiến nghị: tiếp nhận 5 nhưng đã giải quyết + đang giải quyết = 3 + 1 = 4.' }],
  },
});
