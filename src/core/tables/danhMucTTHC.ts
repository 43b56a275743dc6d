/**
 * Danh mục TTHC: the procedures the Sở handles, by lĩnh vực and level of government, with the
 * one-stop, online and internal-procedure counts. One list for the whole province: consolidated by
 * taking the Sở's own, not by summing units.
 */
import { SHEET_TTHC, type ColumnSpec } from '../contract';
import { KHONG_PHAT_SINH } from '../calculators';
import { metricKey } from '../metric-key';
import { count } from '../narrative/style';
import { fig, type NarrativeCtx } from '../narrative/context';
import { STATUS_NAME, type Status } from '../prose/lexicon';
import { foldText } from '../text';
import { defineTable, type SampleCell } from './types';

const NAME = 'DanhMucTTHC';

const COLUMNS = [
  { key: 'linhVuc', header: 'Lĩnh vực', kind: 'text', required: true, width: 34, aliases: ['Tên lĩnh vực', 'Lĩnh vực TTHC', 'Lĩnh vực thủ tục hành chính'] },
  { key: 'soTTHC', header: 'Tổng số TTHC', kind: 'count', required: true, width: 12, aliases: ['Tổng số', 'Số TTHC', 'Tổng số thủ tục hành chính', 'Số lượng TTHC', 'Số thủ tục', 'Tổng số thủ tục', 'Tổng'] },
  { key: 'capTinh', header: 'Cấp tỉnh', kind: 'count', required: true, width: 10, aliases: ['TTHC cấp tỉnh', 'Thẩm quyền cấp tỉnh', 'Cấp tỉnh giải quyết'] },
  { key: 'capHuyen', header: 'Cấp huyện', kind: 'count', optional: true, width: 10, aliases: ['TTHC cấp huyện', 'Thẩm quyền cấp huyện', 'Cấp huyện giải quyết'] },
  { key: 'capXa', header: 'Cấp xã', kind: 'count', required: true, width: 10, aliases: ['TTHC cấp xã', 'Thẩm quyền cấp xã', 'Cấp xã giải quyết'] },
  { key: 'motCua', header: 'Thực hiện một cửa', kind: 'count', width: 12, optional: true, aliases: ['Một cửa', 'Một cửa, một cửa liên thông', 'Thực hiện một cửa, một cửa liên thông', 'Thực hiện tại Bộ phận một cửa', 'Một cửa liên thông'] },
  { key: 'dvcTrucTuyen', header: 'Dịch vụ công trực tuyến', kind: 'count', width: 14, optional: true, aliases: ['DVC trực tuyến', 'DVCTT', 'Dịch vụ công trực tuyến toàn trình', 'Cung cấp dịch vụ công trực tuyến'] },
  { key: 'quyTrinhNoiBo', header: 'Có quy trình nội bộ', kind: 'count', width: 12, optional: true, aliases: ['Quy trình nội bộ', 'Đã có quy trình nội bộ', 'Quy trình nội bộ được phê duyệt'] },
] as const satisfies readonly ColumnSpec[];
type Key = (typeof COLUMNS)[number]['key'];

function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const so = fig(t, 'soTTHC');
  if (so == null) return [];
  if (so === 0) return [`Số thủ tục hành chính thuộc phạm vi giải quyết${ctx.asOf}: ${KHONG_PHAT_SINH}.`];
  const p = ctx.para('cchc:danhmuc');
  const levels: string[] = [];
  const level = (name: string, key: Key) => {
    if (!t.columns.includes(key)) return;
    const x = fig(t, key);
    if (x != null) levels.push(`cấp ${name} ${count(x)} TTHC`);
  };
  level('tỉnh', 'capTinh');
  level('huyện', 'capHuyen');
  level('xã', 'capXa');
  let s = `Tổng số thủ tục hành chính (TTHC) thuộc phạm vi giải quyết của ngành Y tế${ctx.asOf} là ${count(so)} TTHC`;
  if (levels.length) s += `, trong đó: ${levels.join('; ')}`;
  s += '.';
  const kinds: string[] = [];
  const kind = (name: string, key: Key) => {
    const x = t.columns.includes(key) ? fig(t, key) : null;
    if (x != null) kinds.push(`${name} ${count(x)} TTHC (${p.ratio(x, so)})`);
  };
  kind('thực hiện theo cơ chế một cửa, một cửa liên thông', 'motCua');
  kind('cung cấp dịch vụ công trực tuyến', 'dvcTrucTuyen');
  kind('có quy trình nội bộ giải quyết', 'quyTrinhNoiBo');
  if (kinds.length) s += ` Số TTHC ${kinds.join('; ')}.`;
  return [s];
}

/** The catalogue's figures a report restates, by column, and their state in the statement model. */
const FACTS: readonly (readonly [Key, Status])[] = [['soTTHC', 'total'], ['capTinh', 'province'], ['capHuyen', 'district'], ['capXa', 'commune'], ['motCua', 'oneStop'], ['dvcTrucTuyen', 'onlineService'], ['quyTrinhNoiBo', 'internalProcedure']];

type SampleRow = Partial<Record<Key, SampleCell>>;
const sampleRow = (linhVuc: string, capTinh: number, capHuyen: number, capXa: number, dvcTrucTuyen: number, over: SampleRow = {}): SampleRow => {
  const soTTHC = capTinh + capHuyen + capXa;
  return { linhVuc, soTTHC, capTinh, capHuyen, capXa, motCua: soTTHC, dvcTrucTuyen, quyTrinhNoiBo: soTTHC, ...over };
};

export const DanhMucTTHC = defineTable({
  name: 'DanhMucTTHC',
  sheet: SHEET_TTHC,
  title: 'Danh mục TTHC theo lĩnh vực và cấp thực hiện',
  required: false,
  labelKey: 'linhVuc',
  totals: ['soTTHC', 'capTinh', 'capHuyen', 'capXa', 'motCua', 'dvcTrucTuyen', 'quyTrinhNoiBo'],
  recognise: { minFigures: 2, anyOf: ['capTinh', 'capXa', 'capHuyen'] },
  columns: COLUMNS,
  identities: [{ id: 'DM1', total: 'soTTHC', parts: ['capTinh', 'capHuyen', 'capXa'], optionalParts: ['capHuyen'] }],
  checks: [{ kind: 'duplicates' }, { kind: 'levels' }],
  metrics: {
    prefix: 'danhMuc', title: 'Danh mục TTHC',
    compute: (t) => {
      const m: Record<string, number | null> = {};
      if (t.rows.length) for (const [k, x] of Object.entries(t.sums)) m[metricKey('danhMuc', k)] = x;
      return m;
    },
  },
  section: {
    tag: 'cchc:danhmuc',
    title: 'Danh mục TTHC',
    write,
    compare: (cur, prev, change) => {
      const so = cur?.rows.length ? fig(cur, 'soTTHC') : null;
      const soPrev = prev?.rows.length ? fig(prev, 'soTTHC') : null;
      return so != null && soPrev != null ? `tổng số TTHC ${change(so, soPrev, 'TTHC')}` : null;
    },
  },
  consolidation: { by: 'taken' },
  facts: (t, report, add) => {
    for (const [k, status] of FACTS) {
      const x = report.metrics[metricKey('danhMuc', k)];
      if (x != null) add({ family: 'tthc', status, subject: null, row: null, value: x }, `số TTHC ${status === 'total' ? 'của danh mục' : STATUS_NAME[status]}`);
      for (const r of t?.rows ?? []) {
        const y = r.values[k];
        if (y != null) add({ family: 'tthc', status, subject: null, row: foldText(r.label), value: y }, `số TTHC ${STATUS_NAME[status]} của lĩnh vực ${r.label}`);
      }
    }
  },
  samples: {
    clean: {
      rows: [
        sampleRow('Khám bệnh, chữa bệnh', 50, 0, 2, 30),
        sampleRow('Dược phẩm', 45, 0, 0, 28),
        sampleRow('Mỹ phẩm', 8, 0, 0, 6),
        sampleRow('An toàn thực phẩm', 17, 3, 0, 12),
        sampleRow('Y tế dự phòng', 12, 0, 0, 5),
        sampleRow('Trang thiết bị y tế', 15, 0, 0, 10),
        sampleRow('Tổ chức cán bộ, đào tạo và lĩnh vực khác', 10, 0, 0, 4),
      ],
    },
    mistakes: {
      rows: [
        sampleRow('Khám bệnh, chữa bệnh', 52, 0, 3, 30),
        sampleRow('Dược phẩm', 46, 0, 0, 28),
        sampleRow('Mỹ phẩm', 8, 0, 0, 6),
        sampleRow('An toàn thực phẩm', 19, 3, 0, -3),
        sampleRow('Y tế dự phòng', 14, 0, 0, 5),
        sampleRow('Trang thiết bị y tế', 13, 0, 0, 9),
        sampleRow('Tổ chức cán bộ, đào tạo và lĩnh vực khác', 10, 0, 0, 3),
      ],
      totals: { soTTHC: 169 },
    },
    planted: [
      { code: 'sum_mismatch', row: 'totals', column: 'soTTHC', note: 'Danh mục: tổng số TTHC ghi 169 nhưng tổng theo lĩnh vực là 168.' },
      { code: 'negative_count', row: 3, column: 'dvcTrucTuyen', note: 'An toàn thực phẩm: số dịch vụ công trực tuyến là số âm (-3).' },
    ],
  },
});
