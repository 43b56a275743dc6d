/**
 * Kết quả giải quyết TTHC (Biểu 06/VPCP/KSTT): the files of administrative procedures received,
 * resolved and pending in the period, by lĩnh vực. Columns and their aliases, the identities
 * T1–T4 (docs/rules.md), its indicators, its paragraph of the report, its consolidation, the facts
 * a report's text restates, and its rows in the samples.
 */
import { SHEET_TTHC, type ColumnSpec } from '../contract';
import { KHONG_PHAT_SINH, shareOfReceived, tyLeDungHan, tyLeQuaHan, tyLeTrucTuyen } from '../calculators';
import { looseName } from '../labels';
import { metricKey } from '../metric-key';
import { count, part, upperFirst } from '../narrative/style';
import { fig as figOf, label, v, type NarrativeCtx } from '../narrative/context';
import { STATUS_NAME, type Status } from '../prose/lexicon';
import { foldText } from '../text';
import { defineTable, type SampleCell, type Values } from './types';

const NAME = 'KetQuaGiaiQuyet';

const COLUMNS = [
  { key: 'linhVuc', header: 'Lĩnh vực, công việc giải quyết', kind: 'text', formCol: 2, required: true, width: 34, aliases: ['Lĩnh vực, công việc giải quyết theo cấp', 'Lĩnh vực', 'Tên lĩnh vực', 'Lĩnh vực giải quyết', 'Lĩnh vực, công việc', 'Tên đơn vị', 'Đơn vị', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị', 'Tên thủ tục hành chính', 'Tên TTHC', 'Mức độ', 'Mức độ dịch vụ công'] },
  { key: 'tongSo', header: 'Tổng số hồ sơ nhận giải quyết', kind: 'count', formCol: 3, required: true, width: 14, aliases: ['nhận giải quyết > Tổng số', 'tiếp nhận > Tổng số', 'nhận giải quyết > Tổng', 'tiếp nhận > Tổng', 'Tổng số hồ sơ tiếp nhận', 'Tổng số hồ sơ', 'Tổng hồ sơ tiếp nhận', 'Tổng số tiếp nhận', 'Tổng tiếp nhận', 'Tổng số nhận giải quyết', 'Nhận giải quyết', '^Tổng', '^Tổng số', '^Tổng hồ sơ'] },
  { key: 'trucTuyen', header: 'Trực tuyến', kind: 'count', formCol: 4, required: true, width: 11, aliases: ['trực tuyến > Tổng', 'trực tuyến > Tổng số', 'Số mới tiếp nhận trực tuyến', 'Mới tiếp nhận trực tuyến', 'Tiếp nhận trực tuyến', 'Nhận trực tuyến', 'Qua mạng', 'Trực tuyến (qua mạng)', 'Nộp trực tuyến', 'Qua dịch vụ công trực tuyến'] },
  { key: 'trucTiepBuuChinh', header: 'Trực tiếp, dịch vụ bưu chính', kind: 'count', formCol: 5, required: true, width: 14, aliases: ['Số mới tiếp nhận (trực tiếp hoặc dịch vụ bưu chính)', 'Mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính', 'Số mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính', 'Trực tiếp hoặc dịch vụ bưu chính', 'Trực tiếp hoặc qua dịch vụ bưu chính công ích', 'Trực tiếp, dịch vụ bưu chính công ích', 'Trực tiếp, bưu chính', 'Trực tiếp và bưu chính', 'Trực tiếp hoặc bưu chính', 'Trực tiếp, BCCI', 'Trực tiếp hoặc qua BCCI'] },
  { key: 'tuKyTruoc', header: 'Từ kỳ trước', kind: 'count', formCol: 6, required: true, width: 11, aliases: ['Số kỳ trước chuyển qua', 'Kỳ trước chuyển qua', 'Kỳ trước chuyển sang', 'Kỳ trước', 'Tồn kỳ trước', 'Từ kỳ trước chuyển sang', 'Tồn đầu kỳ'] },
  { key: 'daGiaiQuyet', header: 'Đã giải quyết', kind: 'count', formCol: 7, required: true, width: 11, aliases: ['đã giải quyết > Tổng số', 'đã giải quyết > Tổng', 'Số hồ sơ đã giải quyết', 'Đã xử lý', 'đã xử lý > Tổng số', 'đã xử lý > Tổng', 'Đã giải quyết xong', 'Tổng số đã giải quyết'] },
  { key: 'truocHan', header: 'Trước hạn', kind: 'count', formCol: 8, required: true, width: 10, aliases: ['Trả trước hạn', 'Giải quyết trước hạn', 'Trả kết quả trước hạn', 'Đã giải quyết trước hạn'] },
  { key: 'dungHan', header: 'Đúng hạn', kind: 'count', formCol: 9, required: true, width: 10, aliases: ['Trả đúng hạn', 'Trả đúng thời hạn', 'Đúng thời hạn', 'Giải quyết đúng hạn', 'Trả kết quả đúng hạn', 'Đã giải quyết đúng hạn'] },
  { key: 'quaHan', header: 'Quá hạn', kind: 'count', formCol: 10, required: true, width: 10, aliases: ['đã giải quyết > Quá hạn', 'đã xử lý > Quá hạn', 'Trả quá hạn', 'Giải quyết quá hạn', 'Trả kết quả quá hạn', 'Đã giải quyết quá hạn'] },
  { key: 'dangGiaiQuyet', header: 'Đang giải quyết', kind: 'count', formCol: 11, required: true, width: 12, aliases: ['đang giải quyết > Tổng số', 'đang giải quyết > Tổng', 'Số hồ sơ đang giải quyết', 'Đang xử lý', 'đang xử lý > Tổng số', 'đang xử lý > Tổng', 'Tổng số đang giải quyết', 'Chưa xử lý', 'chưa xử lý > Tổng số', 'chưa xử lý > Tổng', 'Chưa giải quyết'] },
  { key: 'dangTrongHan', header: 'Trong hạn', kind: 'count', formCol: 12, required: true, width: 10, aliases: ['đang giải quyết > Trong hạn', 'đang xử lý > Trong hạn', 'Chưa đến hạn', 'Chưa quá hạn', 'Trong thời hạn', 'Đang giải quyết trong hạn', 'Đang giải quyết chưa đến hạn'] },
  { key: 'dangQuaHan', header: 'Quá hạn (đang giải quyết)', kind: 'count', formCol: 13, required: true, width: 14, aliases: ['đang giải quyết > Quá hạn', 'đang xử lý > Quá hạn', 'Đang giải quyết quá hạn', 'Đã quá hạn'] },
  { key: 'tyLeDungHan', header: 'Tỷ lệ trước hạn và đúng hạn (%)', kind: 'derivedRate', width: 14, aliases: ['Tỷ lệ trước hạn, đúng hạn', 'Tỷ lệ giải quyết trước hạn và đúng hạn', 'Tỷ lệ giải quyết trước hạn, đúng hạn', 'Tỷ lệ đúng hạn', 'Tỷ lệ giải quyết đúng hạn', 'Tỷ lệ trước hạn và đúng hạn', 'Tỷ lệ đúng hạn và trước hạn'] },
] as const satisfies readonly ColumnSpec[];
// Local Biểu 06 variants (15 and 21 columns) and the one-stop systems' exports (docs/workbook-files.md).
const EXTRA_COLUMNS = [
  { key: 'moiTiepNhan', header: 'Mới tiếp nhận trong kỳ', kind: 'count', optional: true, aliases: ['Trong kỳ', 'Tiếp nhận trong kỳ', 'Mới tiếp nhận', 'Số mới tiếp nhận', 'Nhận mới trong kỳ'] },
  { key: 'trucTiep', header: 'Trực tiếp', kind: 'count', optional: true, aliases: ['Nộp trực tiếp', 'Tiếp nhận trực tiếp', 'Mới tiếp nhận trực tiếp'] },
  { key: 'quaBCCI', header: 'Qua dịch vụ bưu chính công ích', kind: 'count', optional: true, aliases: ['Qua BCCI', 'BCCI', 'Bưu chính công ích', 'Qua bưu chính', 'Dịch vụ bưu chính', 'Qua dịch vụ bưu chính', 'Số mới tiếp nhận qua BCCI', 'Mới tiếp nhận qua BCCI', 'Tiếp nhận qua BCCI', 'Nộp qua BCCI'] },
  { key: 'toanTrinh', header: 'Trực tuyến toàn trình', kind: 'count', optional: true, aliases: ['trực tuyến > Toàn trình', 'Toàn trình', 'Dịch vụ công trực tuyến toàn trình'] },
  { key: 'motPhan', header: 'Trực tuyến một phần', kind: 'count', optional: true, aliases: ['trực tuyến > Một phần', 'Một phần', 'Dịch vụ công trực tuyến một phần'] },
  { key: 'traLaiRut', header: 'Hồ sơ trả lại hoặc rút', kind: 'count', optional: true, aliases: ['Trả lại/ Rút HS', 'Trả lại, rút hồ sơ', 'Trả lại hoặc rút', 'Trả lại, rút', 'Hồ sơ trả lại, rút', 'Trả lại', 'Hồ sơ trả lại'] },
  // Withdrawn files in a column of their own, beside or without "Trả lại": T4 counts them too.
  { key: 'rut', header: 'Hồ sơ rút', kind: 'count', optional: true, aliases: ['Số hồ sơ rút', 'Rút hồ sơ', 'Rút', 'Đã rút', 'Hồ sơ xin rút', 'Xin rút', 'Công dân rút hồ sơ', 'Rút hồ sơ theo yêu cầu'] },
  { key: 'choBoSung', header: 'Chờ bổ sung', kind: 'count', optional: true, aliases: ['Bổ sung', 'Chờ bổ sung, hoàn thiện', 'Yêu cầu bổ sung', 'Hồ sơ chờ bổ sung', 'Bổ sung hồ sơ'] },
  { key: 'soHoa', header: 'Số hóa hồ sơ', kind: 'count', optional: true, aliases: ['Số hóa', 'Số hồ sơ được số hóa', 'Hồ sơ được số hóa', 'Đã số hóa', 'Số hóa kết quả'] },
] as const satisfies readonly ColumnSpec[];
type Key = (typeof COLUMNS)[number]['key'] | (typeof EXTRA_COLUMNS)[number]['key'];

/** New files of the period (online + in person), or null when the workbook does not say. */
export function receivedNew(f: Record<string, number | null | undefined>): number | null {
  if (f.trucTuyen != null && f.trucTiepBuuChinh != null) return f.trucTuyen + f.trucTiepBuuChinh;
  if (f.tongSo != null && f.tuKyTruoc != null) return f.tongSo - f.tuKyTruoc;
  return null;
}

/**
 * New files received online and not online (in person or by post), from the columns the sheet
 * has. Of the new files of the period (the "trong kỳ" column, else total minus carried over),
 * online and not online are each the rest of the other where only one is given: a sheet with a
 * plain "Trực tiếp" column and no "Trực tuyến" one still tells its online files. Without a column
 * for postal files, "Trực tiếp" is taken as every file not received online, as such sheets count
 * them. Null where the columns do not tell (`missing` says which), or where the rest would be
 * negative (the figures disagree, and the row identities say so).
 */
export function onlineSplit(f: Record<string, number | null | undefined>): { online: number | null; offline: number | null; derived: boolean; missing: 'online' | 'offline' | null } {
  let offline = f.trucTiepBuuChinh ?? (f.trucTiep != null || f.quaBCCI != null ? (f.trucTiep ?? 0) + (f.quaBCCI ?? 0) : null);
  let online = f.trucTuyen ?? null;
  const fresh = f.moiTiepNhan ?? (f.tongSo != null && f.tuKyTruoc != null ? f.tongSo - f.tuKyTruoc : null);
  let derived = false;
  if (online == null && offline != null && fresh != null && fresh >= offline) [online, derived] = [fresh - offline, true];
  else if (offline == null && online != null && fresh != null && fresh >= online) [offline, derived] = [fresh - online, true];
  return { online, offline, derived, missing: online == null ? 'online' : offline == null ? 'offline' : null };
}

/** Why the online rate has no value although the table has files: a column the sheet lacks. */
const ONLINE_UNKNOWN = { online: 'không tính được: thiếu cột trực tuyến', offline: 'không tính được: thiếu cột trực tiếp, dịch vụ bưu chính' } as const;

function write(ctx: NarrativeCtx): string[] {
  const t = ctx.table(NAME);
  if (!t) return [];
  const f = Object.fromEntries(t.columns.map((k) => [k, figOf(t, k)])) as Record<string, number | null>;
  const tongSo = f.tongSo ?? null;
  if (tongSo == null) return [];
  if (tongSo === 0) return [`${ctx.window}, ${ctx.subject} không phát sinh hồ sơ giải quyết thủ tục hành chính.`];
  const p = ctx.para('cchc:tthc');
  // Online and not online from the columns the sheet has (onlineSplit), for the clause and the rate.
  const split = onlineSplit(f);
  const moi = receivedNew({ ...f, trucTuyen: split.online, trucTiepBuuChinh: split.offline });

  let s = `${ctx.window}, ${ctx.subject}`;
  if (moi == null) s += ` có ${count(tongSo)} hồ sơ thủ tục hành chính phải giải quyết`;
  else if (moi === 0) s += ' không tiếp nhận hồ sơ thủ tục hành chính mới';
  else {
    s += ` tiếp nhận ${count(moi)} hồ sơ thủ tục hành chính`;
    const how: [string, number][] = [];
    if (split.online != null && split.online > 0) how.push(['trực tuyến', split.online]);
    if (split.offline != null && split.offline > 0) how.push(['trực tiếp và qua dịch vụ bưu chính công ích', split.offline]);
    if (how.length === 2) s += ` (trong đó ${how.map(([n, x]) => `${n} ${count(x)} hồ sơ`).join(', ')})`;
    else if (how.length === 1 && split.online != null && split.offline != null) s += `, tất cả ${how[0]![0]}`;
  }
  if (moi != null && f.tuKyTruoc != null && f.tuKyTruoc > 0) s += `; kỳ trước chuyển sang ${count(f.tuKyTruoc)} hồ sơ`;
  // The resolved and pending shares are of all the files to handle: written as a fraction, as the
  // seeds write "10 hồ sơ/297 hồ sơ", so the total appears only where it is the denominator.
  const ofTotal = moi != null && moi !== tongSo;
  if (f.daGiaiQuyet === 0) s += '; chưa có hồ sơ giải quyết xong';
  else if (f.daGiaiQuyet != null) {
    const r = p.ratio(f.daGiaiQuyet, tongSo);
    s += `; đã giải quyết ${ofTotal ? `${count(f.daGiaiQuyet)}/${count(tongSo)}` : count(f.daGiaiQuyet)} hồ sơ${r ? ` (${r})` : ''}`;
    const done = [
      ['trước hạn', f.truocHan],
      ['đúng hạn', f.dungHan],
      ['quá hạn', f.quaHan],
    ].filter((x): x is [string, number] => x[1] != null);
    if (done.length && f.daGiaiQuyet > 0) s += `, trong đó ${done.map(([n, x]) => part(n, x, 'hồ sơ')).join(', ')}`;
  }
  if (f.dangGiaiQuyet != null) {
    if (f.dangGiaiQuyet === 0) s += '; không còn hồ sơ đang giải quyết';
    else {
      s += `; đang giải quyết ${ofTotal ? `${count(f.dangGiaiQuyet)}/${count(tongSo)}` : count(f.dangGiaiQuyet)} hồ sơ (${p.ratio(f.dangGiaiQuyet, tongSo)})`;
      const pending = [
        ['trong hạn', f.dangTrongHan],
        ['quá hạn', f.dangQuaHan],
      ].filter((x): x is [string, number] => x[1] != null);
      if (pending.length) s += `, trong đó ${pending.map(([n, x]) => part(n, x, 'hồ sơ')).join(', ')}`;
    }
  }
  s += '.';

  const rates: string[] = [];
  // "đạt" for a rate one wants high, "là" for the late-files rate.
  const rate = (name: string, verb: string, value: number | null, known: boolean) => {
    if (!known) return;
    const x = p.pct(value);
    rates.push(x == null ? `${name}: ${KHONG_PHAT_SINH}` : `${name} ${verb} ${x}`);
  };
  rate('tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn', 'đạt', tyLeDungHan(f), f.daGiaiQuyet != null && (f.truocHan != null || f.dungHan != null));
  // A late rate of nothing late says nothing the clause "không có hồ sơ quá hạn" did not.
  if (f.quaHan !== 0) rate('tỷ lệ hồ sơ giải quyết quá hạn', 'là', tyLeQuaHan(f), f.daGiaiQuyet != null && f.quaHan != null);
  // Not computable (a column missing): left out of the paragraph rather than called "không phát sinh".
  rate('tỷ lệ hồ sơ tiếp nhận trực tuyến', 'đạt', tyLeTrucTuyen({ trucTuyen: split.online, trucTiepBuuChinh: split.offline }), split.missing == null);
  if (rates.length) s += ` ${upperFirst(rates.join('; '))}.`;
  const out = [s];

  const byField = t.rows.filter((r) => (receivedNew(r.values) ?? v(r, 'tongSo') ?? 0) > 0);
  if (t.rows.length > 1 && byField.length) {
    const noun = moi != null ? 'Số hồ sơ tiếp nhận theo lĩnh vực' : 'Số hồ sơ phải giải quyết theo lĩnh vực';
    out.push(`${noun}: ${byField.map((r) => `${label(r, 'linhVuc')} ${count(receivedNew(r.values) ?? v(r, 'tongSo')!)} hồ sơ`).join('; ')}.`);
  }
  return out;
}

/** The files' figures a report restates, by column, and their state in the statement model. */
const HOSO: readonly (readonly [Key, Status])[] = [
  ['tongSo', 'total'],
  ['trucTuyen', 'online'],
  ['trucTiepBuuChinh', 'direct'],
  ['tuKyTruoc', 'carried'],
  ['daGiaiQuyet', 'resolved'],
  ['truocHan', 'early'],
  ['dungHan', 'onTime'],
  ['quaHan', 'late'],
  ['dangGiaiQuyet', 'pending'],
  ['dangTrongHan', 'pendingInTime'],
  ['dangQuaHan', 'pendingLate'],
];

type N3 = [number, number, number];
type SampleRow = Partial<Record<Key, SampleCell>>;
const sampleRow = (linhVuc: string, [trucTuyen, trucTiepBuuChinh, tuKyTruoc]: N3, [truocHan, dungHan, quaHan]: N3, [dangTrongHan, dangQuaHan]: [number, number], over: SampleRow = {}): SampleRow => {
  const tongSo = trucTuyen + trucTiepBuuChinh + tuKyTruoc;
  const daGiaiQuyet = truocHan + dungHan + quaHan;
  const dangGiaiQuyet = dangTrongHan + dangQuaHan;
  return { linhVuc, tongSo, trucTuyen, trucTiepBuuChinh, tuKyTruoc, daGiaiQuyet, truocHan, dungHan, quaHan, dangGiaiQuyet, dangTrongHan, dangQuaHan, ...over };
};

const mistakeRows: SampleRow[] = [
  sampleRow('Khám bệnh, chữa bệnh', [50, 60, 10], [70, 29, 1], [18, 2]),
  // T2 broken: 50 + 25 + 2 = 77 but 80 stated; T1 (95 = 30 + 55 + 10) and T4 (95 = 80 + 15) hold.
  sampleRow('Dược phẩm', [30, 55, 10], [50, 25, 2], [15, 0], { daGiaiQuyet: 80 }),
  // T1 broken by a part: 10 + 15 + 3 = 28 but 30 stated; T4 (30 = 25 + 5) holds.
  sampleRow('Mỹ phẩm', [10, 15, 3], [15, 10, 0], [5, 0], { tongSo: 30 }),
  // Rate typed: (30 + 9) / 40 = 97,5%, 95 written.
  sampleRow('An toàn thực phẩm', [20, 22, 4], [30, 9, 1], [6, 0], { tyLeDungHan: 95 }),
  sampleRow('Y tế dự phòng', [4, 12, 2], [10, 5, 0], [3, 0], { trucTuyen: 'không rõ' }),
  sampleRow('Trang thiết bị y tế', [8, 14, 3], [15, 7, 0], [3, 0]),
];
const mistakeInTime = mistakeRows.reduce((s, r) => s + (typeof r.dangTrongHan === 'number' ? r.dangTrongHan : 0), 0);

export const KetQuaGiaiQuyet = defineTable({
  name: 'KetQuaGiaiQuyet',
  sheet: SHEET_TTHC,
  title: 'Tình hình, kết quả giải quyết TTHC (Biểu số 06/VPCP/KSTT)',
  required: true,
  labelKey: 'linhVuc',
  totals: ['tongSo', 'trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc', 'daGiaiQuyet', 'truocHan', 'dungHan', 'quaHan', 'dangGiaiQuyet', 'dangTrongHan', 'dangQuaHan'],
  recognise: { minFigures: 3 },
  columns: COLUMNS,
  extraColumns: EXTRA_COLUMNS,
  identities: [
    { id: 'T1d', total: 'trucTiepBuuChinh', parts: ['trucTiep', 'quaBCCI'], derive: true },
    { id: 'T1e', total: 'trucTuyen', parts: ['toanTrinh', 'motPhan'], derive: true },
    { id: 'T1c', total: 'moiTiepNhan', parts: ['trucTuyen', 'trucTiepBuuChinh'], solve: true },
    { id: 'T1', total: 'tongSo', parts: ['trucTuyen', 'trucTiepBuuChinh', 'tuKyTruoc'] },
    { id: 'T1b', total: 'tongSo', parts: ['moiTiepNhan', 'tuKyTruoc'] },
    { id: 'T2', total: 'daGiaiQuyet', parts: ['truocHan', 'dungHan', 'quaHan'], derive: true },
    { id: 'T3', total: 'dangGiaiQuyet', parts: ['dangTrongHan', 'dangQuaHan'], derive: true },
    // Returned and withdrawn files, and files waiting for documents, are counted beside (7) and (11)
    // where a local form has columns for them: (3) = (7) + (11) + trả lại + rút + chờ bổ sung.
    { id: 'T4', total: 'tongSo', parts: ['daGiaiQuyet', 'dangGiaiQuyet', 'traLaiRut', 'rut', 'choBoSung'], optionalParts: ['traLaiRut', 'rut', 'choBoSung'], option: 't4' },
  ],
  bounds: [{ id: 'SH1', part: 'soHoa', bound: 'tongSo' }],
  derivedRates: [
    {
      key: 'tyLeDungHan',
      numerator: (v: Values) => (v.truocHan == null || v.dungHan == null ? null : v.truocHan + v.dungHan),
      denominator: (v: Values) => v.daGiaiQuyet ?? null,
      value: (v: Values) => tyLeDungHan(v),
      parts: ['truocHan', 'dungHan', 'daGiaiQuyet'],
      excel: (a) => `IF(N(${a('daGiaiQuyet')})=0,"",ROUND((${a('truocHan')}+${a('dungHan')})/${a('daGiaiQuyet')}*100,2))`,
    },
  ],
  checks: [{ kind: 'duplicates' }, { kind: 'carryOver' }],
  metrics: {
    prefix: 'tthc', title: 'Giải quyết TTHC', labels: { tyLeDungHan: 'Tỷ lệ giải quyết trước hạn và đúng hạn', tyLeQuaHan: 'Tỷ lệ giải quyết quá hạn', tyLeTrucTuyen: 'Tỷ lệ hồ sơ trực tuyến', tyLeDaGiaiQuyet: 'Tỷ lệ đã giải quyết / tổng số nhận', tyLeDangGiaiQuyet: 'Tỷ lệ đang giải quyết / tổng số nhận', truocHan: 'Giải quyết trước hạn', dungHan: 'Giải quyết đúng hạn', quaHan: 'Giải quyết quá hạn', dangTrongHan: 'Đang giải quyết trong hạn', dangQuaHan: 'Đang giải quyết quá hạn' },
    main: ['tyLeDungHan', 'tyLeQuaHan', 'tyLeTrucTuyen'],
    unknown: (indicator, t) => {
      if (indicator !== 'tyLeTrucTuyen' || !t?.rows.length) return null;
      const missing = onlineSplit(t.sums).missing;
      return missing ? ONLINE_UNKNOWN[missing] : null;
    },
    compute: (t) => {
      const m: Record<string, number | null> = {};
      if (!t.rows.length) return m;
      const s = t.sums;
      for (const [k, x] of Object.entries(s)) m[metricKey('tthc', k)] = x;
      const split = onlineSplit(s);
      // The online files a sheet without a "Trực tuyến" column tells as the rest of its new files.
      if (s.trucTuyen == null && split.online != null) m[metricKey('tthc', 'trucTuyen')] = split.online;
      m[metricKey('tthc', 'tyLeDungHan')] = tyLeDungHan(s);
      m[metricKey('tthc', 'tyLeQuaHan')] = tyLeQuaHan(s);
      m[metricKey('tthc', 'tyLeTrucTuyen')] = tyLeTrucTuyen({ trucTuyen: split.online, trucTiepBuuChinh: split.offline });
      m[metricKey('tthc', 'tyLeDaGiaiQuyet')] = shareOfReceived(s.daGiaiQuyet, s);
      m[metricKey('tthc', 'tyLeDangGiaiQuyet')] = shareOfReceived(s.dangGiaiQuyet, s);
      return m;
    },
  },
  section: {
    tag: 'cchc:tthc',
    title: 'Kết quả giải quyết TTHC',
    write,
    compare: (cur, prev, change) => {
      const bits: string[] = [];
      const recv = newFiles(cur);
      const recvPrev = newFiles(prev);
      if (recv != null && recvPrev != null) bits.push(`số hồ sơ tiếp nhận ${change(recv, recvPrev, 'hồ sơ')}`);
      const done = stated(cur, 'daGiaiQuyet');
      const donePrev = stated(prev, 'daGiaiQuyet');
      if (done != null && donePrev != null) bits.push(`số hồ sơ đã giải quyết ${change(done, donePrev, 'hồ sơ')}`);
      return bits.length ? bits.join('; ') : null;
    },
  },
  consolidation: {
    by: 'sum',
    rowKey: (r) => looseName(r.label),
    flow: (s) => ({
      received: s.trucTuyen != null || s.trucTiepBuuChinh != null ? (s.trucTuyen ?? 0) + (s.trucTiepBuuChinh ?? 0) : null,
      carried: s.tuKyTruoc ?? null,
      pending: s.dangGiaiQuyet ?? null,
    }),
  },
  facts: (t, report, add) => {
    const values = (get: (k: Key) => number | null | undefined, row: string | null, name: string) => {
      for (const [k, status] of HOSO) {
        const x = get(k);
        if (x != null) add({ family: 'hoso', status, subject: null, row, value: x }, `số hồ sơ ${STATUS_NAME[status]}${name}`);
      }
      const online = get('trucTuyen');
      const direct = get('trucTiepBuuChinh');
      if (online != null && direct != null) add({ family: 'hoso', status: 'new', subject: null, row, value: online + direct }, `số hồ sơ tiếp nhận mới${name}`);
      const early = get('truocHan');
      const onTime = get('dungHan');
      if (early != null && onTime != null) add({ family: 'hoso', status: 'earlyOrOnTime', subject: null, row, value: early + onTime }, `số hồ sơ trước hạn và đúng hạn${name}`);
    };
    const m = report.metrics;
    values((k) => m[metricKey('tthc', k)], null, '');
    // The workbook's own rates of files (computed by the check from the same columns).
    const rates: [string, Status, string][] = [['tyLeDungHan', 'earlyOrOnTime', 'tỷ lệ giải quyết trước hạn và đúng hạn'], ['tyLeQuaHan', 'late', 'tỷ lệ giải quyết quá hạn'], ['tyLeTrucTuyen', 'online', 'tỷ lệ hồ sơ tiếp nhận trực tuyến'], ['tyLeDaGiaiQuyet', 'resolved', 'tỷ lệ hồ sơ đã giải quyết'], ['tyLeDangGiaiQuyet', 'pending', 'tỷ lệ hồ sơ đang giải quyết']];
    for (const [k, status, what] of rates) {
      const x = m[metricKey('tthc', k)];
      if (x != null) add({ family: 'hoso', status, subject: null, row: null, value: x, percent: true }, what);
    }
    for (const r of t?.rows ?? []) values((k) => r.values[k], foldText(r.label), ` của lĩnh vực ${r.label}`);
  },
  samples: {
    // Sở Y tế tỉnh Kon Tum, Quý III/2022: 297 hồ sơ received in the quarter.
    clean: {
      rows: [
        sampleRow('Khám bệnh, chữa bệnh', [40, 62, 12], [60, 38, 0], [16, 0]),
        sampleRow('Dược phẩm', [35, 58, 9], [55, 35, 0], [12, 0]),
        sampleRow('Mỹ phẩm', [4, 6, 1], [6, 4, 0], [1, 0]),
        sampleRow('An toàn thực phẩm', [18, 30, 5], [30, 16, 1], [6, 0]),
        sampleRow('Y tế dự phòng', [5, 9, 2], [8, 6, 0], [2, 0]),
        sampleRow('Trang thiết bị y tế', [12, 18, 3], [20, 9, 0], [4, 0]),
      ],
    },
    mistakes: { rows: mistakeRows, totals: { dangTrongHan: mistakeInTime + 2 } },
    planted: [
      { code: 'sum_mismatch', row: 1, column: 'daGiaiQuyet', note: 'Dược phẩm: đã giải quyết ghi 80 nhưng trước hạn + đúng hạn + quá hạn = 50 + 25 + 2 = 77 (T2).' },
      { code: 'sum_mismatch', row: 2, column: 'tongSo', note: 'Mỹ phẩm: tổng số hồ sơ ghi 30 nhưng trực tuyến + trực tiếp + từ kỳ trước = 10 + 15 + 3 = 28 (T1).' },
      { code: 'rate_mismatch', row: 3, column: 'tyLeDungHan', note: 'An toàn thực phẩm: tỷ lệ đúng hạn gõ tay 95 nhưng (30 + 9) / 40 = 97,50%.' },
      { code: 'not_a_number', row: 4, column: 'trucTuyen', note: 'Y tế dự phòng: ô "Trực tuyến" ghi chữ "không rõ" thay cho số.' },
      { code: 'sum_mismatch', row: 'totals', column: 'dangTrongHan', note: `Dòng tổng cộng: "Trong hạn" gõ tay ${mistakeInTime + 2} nhưng tổng các dòng là ${mistakeInTime} (T6).` },
    ],
  },
});

/** A figure of the table for the comparison: the stated total, else the sum; null without rows. */
function stated(t: Parameters<typeof figOf>[0] | undefined, key: Key): number | null {
  return t && t.rows.length ? figOf(t, key) : null;
}

function newFiles(t: Parameters<typeof figOf>[0] | undefined): number | null {
  const on = stated(t, 'trucTuyen');
  const off = stated(t, 'trucTiepBuuChinh');
  if (on != null && off != null) return on + off;
  const all = stated(t, 'tongSo');
  const carried = stated(t, 'tuKyTruoc');
  return all != null && carried != null ? all - carried : null;
}
