import { SHEET_STAFF, type MetricPrefix, type TableName } from '../../../src/core/contract';
import { percentOf } from '../../../src/core/calculators';
import { metricKey } from '../../../src/core/metric-key';
import { fig } from '../../../src/core/narrative/context';
import { count } from '../../../src/core/narrative/style';
import { defineTable } from '../../../src/core/tables/types';

/**
 * A table added as docs/architecture.md says ("Adding a table"): the inspections of CCHC work and
 * what they found, one module. The name and prefix are cast because the test adds the table to
 * TABLES at run time; a real table adds them to src/core/tables/names.ts.
 */
export const KiemTraCCHC = defineTable({
  name: 'KiemTraCCHC' as TableName,
  sheet: SHEET_STAFF,
  title: 'Kiểm tra công tác cải cách hành chính',
  required: false,
  labelKey: 'noiDung',
  columns: [
    { key: 'noiDung', header: 'Nội dung kiểm tra', kind: 'text', required: true, aliases: ['Nội dung'] },
    { key: 'soDonVi', header: 'Số đơn vị được kiểm tra', kind: 'count', required: true },
    { key: 'phatHien', header: 'Số tồn tại phát hiện', kind: 'count', required: true },
    { key: 'daKhacPhuc', header: 'Đã khắc phục', kind: 'count', required: true },
    { key: 'chuaKhacPhuc', header: 'Chưa khắc phục', kind: 'count', required: true },
  ],
  totals: ['soDonVi', 'phatHien', 'daKhacPhuc', 'chuaKhacPhuc'],
  recognise: { minFigures: 3, anyOf: ['phatHien'] },
  identities: [{ id: 'KT1', total: 'phatHien', parts: ['daKhacPhuc', 'chuaKhacPhuc'] }],
  metrics: {
    prefix: 'kiemTra' as MetricPrefix,
    title: 'Kiểm tra CCHC',
    labels: { tyLeKhacPhuc: 'Tỷ lệ tồn tại đã khắc phục' },
    compute: (t) => (t.rows.length ? { [metricKey('kiemTra' as MetricPrefix, 'phatHien')]: t.sums.phatHien ?? null, [metricKey('kiemTra' as MetricPrefix, 'tyLeKhacPhuc')]: percentOf(t.sums.daKhacPhuc, t.sums.phatHien) } : {}),
  },
  section: {
    tag: 'cchc:chitieu',
    title: 'Kiểm tra công tác cải cách hành chính',
    write: (ctx) => {
      const t = ctx.table('KiemTraCCHC' as TableName);
      if (!t) return [];
      const p = ctx.para('cchc:chitieu');
      const found = fig(t, 'phatHien');
      const fixed = fig(t, 'daKhacPhuc');
      if (found == null || fixed == null) return [];
      return [`Kiểm tra công tác cải cách hành chính tại ${count(fig(t, 'soDonVi') ?? 0)} đơn vị, phát hiện ${count(found)} tồn tại, đã khắc phục ${count(fixed)} (${p.ratio(fixed, found)}).`];
    },
  },
  consolidation: { by: 'sum', rowKey: (r) => r.label },
  samples: { clean: { rows: [] }, mistakes: { rows: [] }, planted: [] },
});
