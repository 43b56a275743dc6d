/**
 * Biên chế, số lượng người làm việc: staff assigned and present per unit, by kind (công chức,
 * viên chức, hợp đồng) and tuyến. Thiếu and dư are derived (the template's formula and the check
 * share one definition); the tuyến must be one of the rules in force.
 */
import { SHEET_STAFF, STAFF_KINDS, type ColumnSpec } from '../contract';
import { KHONG_PHAT_SINH, roundNoise, staffGap, tyLeSuDungBienChe } from '../calculators';
import { looseName, matchOption, optionKey } from '../labels';
import { metricKey } from '../metric-key';
import { count, lowerFirst } from '../narrative/style';
import { label, sumAll, v, type NarrativeCtx } from '../narrative/context';
import { subjectOfLabel } from '../prose/facts';
import type { DataRow } from '../report';
import { foldText, slug } from '../text';
import { defineTable } from './types';

const NAME = 'BienChe';

const COLUMNS = [
  { key: 'donVi', header: 'Đơn vị', kind: 'text', required: true, width: 34, aliases: ['Tên đơn vị', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị', 'Đơn vị, tuyến', 'Nội dung'] },
  { key: 'loai', header: 'Loại', kind: 'enum', required: true, optional: true, width: 12, aliases: ['Loại hình', 'Loại biên chế', 'Đối tượng', 'Loại cán bộ'] },
  { key: 'tuyen', header: 'Tuyến', kind: 'enum', required: true, optional: true, width: 9, aliases: ['Cấp', 'Tuyến, cấp'] },
  { key: 'duocGiao', header: 'Được giao', kind: 'count', required: true, width: 11, aliases: ['Biên chế được giao', 'Số được giao', 'Số lượng được giao', 'Chỉ tiêu được giao', 'Số lượng người làm việc được giao', 'Giao', 'Biên chế giao', 'Kế hoạch giao', 'Biên chế công chức được giao', 'Tổng số biên chế được giao', 'Biên chế được cấp có thẩm quyền giao', 'Biên chế được cấp có thẩm quyền giao hoặc phê duyệt', 'Số lượng người làm việc được cấp có thẩm quyền giao', 'Số người làm việc được giao'] },
  { key: 'coMat', header: 'Có mặt', kind: 'count', required: true, width: 10, aliases: ['Hiện có', 'Số có mặt', 'Thực có', 'Số hiện có', 'Có mặt đến thời điểm báo cáo', 'Số lượng hiện có', 'Hiện có mặt', 'Thực hiện', 'Tổng số có mặt', 'Biên chế có mặt', 'Số người làm việc có mặt', 'Số lượng người làm việc có mặt', 'Tổng số đối tượng có mặt', 'Tổng số đối tượng hưởng lương có mặt', 'Thực tế có mặt', 'Có mặt thực tế'] },
  { key: 'thieu', header: 'Thiếu', kind: 'derivedCount', width: 9, optional: true, aliases: ['Số thiếu', 'Còn thiếu', 'Thiếu so với giao'] },
  { key: 'du', header: 'Dư', kind: 'derivedCount', width: 9, optional: true, aliases: ['Số dư', 'Vượt', 'Thừa', 'Dư so với giao'] },
] as const satisfies readonly ColumnSpec[];

const STAFF_GROUPS = [
  { key: 'cong chuc', name: 'Biên chế công chức', noun: 'công chức' },
  { key: 'vien chuc', name: 'Số lượng người làm việc là viên chức', noun: 'viên chức' },
  { key: 'hop dong', name: 'Lao động hợp đồng', noun: 'hợp đồng lao động' },
] as const;

/** "Trung tâm Y tế huyện X (tuyến huyện)", unless the unit's name already says its tuyến. */
function unitWithTuyen(unit: string, tuyen: string): string {
  const t = foldText(tuyen);
  const u = foldText(unit);
  if (!t || u.includes(`tuyen ${t}`) || u.includes(`${t} `) || u.endsWith(` ${t}`)) return unit;
  return `${unit} (tuyến ${lowerFirst(tuyen)})`;
}

function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const groups = new Map<string, { name: string; noun: string; rows: DataRow[] }>();
  for (const r of t.rows) {
    const kind = label(r, 'loai');
    const g = STAFF_GROUPS.find((x) => foldText(kind).startsWith(x.key));
    const id = g?.key ?? foldText(kind);
    if (!groups.has(id)) groups.set(id, { name: g?.name ?? kind, noun: g?.noun ?? lowerFirst(kind), rows: [] });
    groups.get(id)!.rows.push(r);
  }
  const order = [...STAFF_GROUPS.map((g) => g.key as string), ...[...groups.keys()].filter((k) => !STAFF_GROUPS.some((g) => g.key === k))];
  const out: string[] = [];
  for (const id of order) {
    const g = groups.get(id);
    if (!g) continue;
    const p = ctx.para('cchc:bienche');
    const giao = sumAll(g.rows, 'duocGiao');
    const coMat = sumAll(g.rows, 'coMat');
    if (giao == null && coMat == null) continue;
    if (giao === 0 && coMat === 0) {
      out.push(`${g.name}: ${KHONG_PHAT_SINH}.`);
      continue;
    }
    const clauses: string[] = [];
    if (giao != null && coMat != null) {
      // "50/54 chỉ tiêu được giao" as the Kon Tum report writes it.
      const r = p.ratio(coMat, giao);
      clauses.push(`hiện có ${count(coMat)}/${count(giao)} chỉ tiêu được giao${r == null ? ` (tỷ lệ sử dụng: ${KHONG_PHAT_SINH})` : ` (${r})`}`);
    } else if (giao != null) clauses.push(`được giao ${count(giao)} chỉ tiêu`);
    else if (coMat != null) clauses.push(`hiện có ${count(coMat)} người`);
    if (giao != null && coMat != null) {
      const gaps = g.rows.map((r) => staffGap(v(r, 'duocGiao'), v(r, 'coMat')));
      const thieu = gaps.reduce((a, x) => a + (x.thieu ?? 0), 0);
      const du = gaps.reduce((a, x) => a + (x.du ?? 0), 0);
      if (thieu > 0) clauses.push(`còn thiếu ${count(thieu)} người`);
      if (du > 0) clauses.push(`vượt ${count(du)} người so với chỉ tiêu`);
      if (thieu === 0 && du === 0) clauses.push('đủ so với chỉ tiêu được giao');
    }
    let s = `${g.name}: ${clauses.join(', ')}.`;
    const tuyens = [...new Set(g.rows.map((r) => label(r, 'tuyen')))];
    if (g.rows.length > 1) {
      const detail = g.rows.map((r) => {
        const name = tuyens.length > 1 ? unitWithTuyen(label(r, 'donVi'), label(r, 'tuyen')) : label(r, 'donVi');
        const gi = v(r, 'duocGiao');
        const cm = v(r, 'coMat');
        const bits = gi != null && cm != null ? `${count(cm)}/${count(gi)}` : gi != null ? `được giao ${count(gi)}` : cm != null ? `hiện có ${count(cm)}` : null;
        return bits ? `${name}: ${bits}` : null;
      });
      if (detail.some(Boolean)) s += ` Cụ thể: ${detail.filter(Boolean).join('; ')}.`;
    }
    // A per-tuyến summary only says something new when a tuyến has several units.
    if (tuyens.length > 1 && tuyens.length < g.rows.length) {
      const byTuyen = tuyens.map((tu) => {
        const rows = g.rows.filter((r) => label(r, 'tuyen') === tu);
        const gi = sumAll(rows, 'duocGiao');
        const cm = sumAll(rows, 'coMat');
        const bits = gi != null && cm != null ? `${count(cm)}/${count(gi)}` : [gi != null ? `được giao ${count(gi)}` : null, cm != null ? `hiện có ${count(cm)}` : null].filter(Boolean).join(', ');
        return `tuyến ${lowerFirst(tu)} ${bits}`;
      });
      s += ` Theo tuyến: ${byTuyen.join('; ')}.`;
    }
    out.push(s);
  }
  const vc = groups.get('vien chuc');
  const hd = groups.get('hop dong');
  const vcN = vc ? sumAll(vc.rows, 'coMat') : null;
  const hdN = hd ? sumAll(hd.rows, 'coMat') : null;
  if (vcN != null && hdN != null) {
    out.push(`Tổng số người làm việc trong các đơn vị sự nghiệp là ${count(vcN + hdN)} người, trong đó viên chức ${count(vcN)} người, hợp đồng lao động ${count(hdN)} người.`);
  }
  return out;
}


export const BienChe = defineTable({
  name: 'BienChe',
  sheet: SHEET_STAFF,
  title: 'Biên chế, số lượng người làm việc',
  required: true,
  labelKey: 'donVi',
  totals: ['duocGiao', 'coMat', 'thieu', 'du'],
  recognise: { minFigures: 2, anyOf: ['duocGiao'] },
  columns: COLUMNS,
  derivedCounts: [
    {
      key: 'thieu',
      formula: 'max(0, Được giao − Có mặt)',
      parts: ['duocGiao', 'coMat'],
      compute: (x) => staffGap(x.duocGiao, x.coMat).thieu,
      excel: (a) => `IF(COUNT(${a('duocGiao')},${a('coMat')})=0,"",MAX(0,${a('duocGiao')}-${a('coMat')}))`,
    },
    {
      key: 'du',
      formula: 'max(0, Có mặt − Được giao)',
      parts: ['duocGiao', 'coMat'],
      compute: (x) => staffGap(x.duocGiao, x.coMat).du,
      excel: (a) => `IF(COUNT(${a('duocGiao')},${a('coMat')})=0,"",MAX(0,${a('coMat')}-${a('duocGiao')}))`,
    },
  ],
  checks: [{ kind: 'options', column: 'loai', options: STAFF_KINDS }, { kind: 'tuyen' }, { kind: 'duplicates', key: (r) => [r.label, r.text.loai ?? '', r.text.tuyen ?? ''].join('|') }],
  metrics: {
    prefix: 'bienChe', title: 'Biên chế', labels: { tyLeSuDung: 'Tỷ lệ có mặt / được giao', thieu: 'Thiếu so với được giao', du: 'Dư so với được giao' },
    main: ['thieu', 'du', 'tyLeSuDung'],
    compute: (t) => {
      const m: Record<string, number | null> = {};
      if (!t.rows.length) return m;
      for (const [k, x] of Object.entries(t.sums)) m[metricKey('bienChe', k)] = x;
      m[metricKey('bienChe', 'tyLeSuDung')] = tyLeSuDungBienChe(t.sums.duocGiao, t.sums.coMat);
      for (const kind of STAFF_KINDS) {
        const rows = t.rows.filter((r) => matchOption(r.text.loai ?? '', STAFF_KINDS) === kind);
        if (!rows.length) continue;
        const giao = roundNoise(rows.reduce((a, r) => a + (r.values.duocGiao ?? 0), 0));
        const coMat = roundNoise(rows.reduce((a, r) => a + (r.values.coMat ?? 0), 0));
        m[metricKey('bienChe', 'duocGiao', kind)] = giao;
        m[metricKey('bienChe', 'coMat', kind)] = coMat;
      }
      return m;
    },
    rowName: (s) => STAFF_KINDS.find((o) => slug(o) === s) ?? s.replace(/-/g, ' '),
    indicatorName: (what, header) => (header(what) ?? what).toLocaleLowerCase('vi'),
  },
  section: { tag: 'cchc:bienche', title: 'Biên chế, số lượng người làm việc', write },
  consolidation: {
    by: 'sum',
    rowKey: (r) => [looseName(r.label), optionKey(r.text.loai, STAFF_KINDS), foldText(r.text.tuyen ?? '').replace(/^tuyen\s+/, '')].join('|'),
  },
  lists: [
    { column: 'loai', sheetColumn: 2, title: 'Loại', items: STAFF_KINDS },
    { column: 'tuyen', sheetColumn: 3, title: 'Tuyến', items: 'tuyen' },
  ],
  facts: (t, _report, add) => {
    // Staff by kind (công chức, viên chức, hợp đồng) and by unit.
    const kinds = new Map<string, { giao: number; coMat: number }>();
    for (const r of t?.rows ?? []) {
      const subject = subjectOfLabel(r.text.loai ?? '') ?? null;
      const giao = r.values.duocGiao;
      const coMat = r.values.coMat;
      if (subject && giao != null && coMat != null) {
        const k = kinds.get(subject) ?? { giao: 0, coMat: 0 };
        k.giao += giao;
        k.coMat += coMat;
        kinds.set(subject, k);
      }
      const row = foldText(r.label);
      if (giao != null) add({ family: 'nguoi', status: 'assigned', subject, row, value: giao }, `biên chế được giao của ${r.label}`);
      if (coMat != null) add({ family: 'nguoi', status: 'present', subject, row, value: coMat }, `số có mặt của ${r.label}`);
    }
    for (const [subject, k] of kinds) {
      add({ family: 'nguoi', status: 'assigned', subject, row: null, value: k.giao }, `biên chế ${subject} được giao`);
      add({ family: 'nguoi', status: 'present', subject, row: null, value: k.coMat }, `số ${subject} có mặt`);
      if (k.giao >= k.coMat) add({ family: 'nguoi', status: 'short', subject, row: null, value: k.giao - k.coMat }, `số ${subject} còn thiếu`);
    }
  },
  samples: {
    // Kon Tum Q3/2022: 50/54 công chức.
    clean: {
      rows: [
        { donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 30, coMat: 28 },
        { donVi: 'Chi cục Dân số – Kế hoạch hóa gia đình', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 12, coMat: 11 },
        { donVi: 'Chi cục An toàn vệ sinh thực phẩm', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 12, coMat: 11 },
        { donVi: 'Đơn vị sự nghiệp tuyến tỉnh', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: 1020, coMat: 968 },
        { donVi: 'Trung tâm Y tế các huyện, thành phố', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 860, coMat: 816 },
        { donVi: 'Lao động hợp đồng theo Nghị định 68/2000/NĐ-CP', loai: 'Hợp đồng', tuyen: 'Tỉnh', duocGiao: 100, coMat: 93 },
      ],
    },
    mistakes: {
      rows: [
        { donVi: 'Cơ quan Sở Y tế', loai: 'Công chức', tuyen: 'Tỉnh', duocGiao: 64, coMat: 61, thieu: 4 },
        { donVi: 'Các đơn vị sự nghiệp tuyến tỉnh', loai: 'Viên chức', tuyen: 'Tỉnh', duocGiao: 2244, coMat: 2128 },
        { donVi: 'Trung tâm Y tế các huyện, thành phố', loai: 'Viên chức', tuyen: 'Huyện', duocGiao: 3174, coMat: 2681 },
      ],
      totals: { coMat: 4876 },
    },
    planted: [
      { code: 'derived_mismatch', row: 0, column: 'thieu', note: 'Cơ quan Sở Y tế: "Thiếu" gõ tay 4 nhưng 64 − 61 = 3.' },
      { code: 'sum_mismatch', row: 'totals', column: 'coMat', note: 'Tổng có mặt ghi 4.876 nhưng tổng các dòng là 61 + 2.128 + 2.681 = 4.870.' },
    ],
  },
});
