import type { TableName } from '../contract';
import type { CheckReport, DataRow, TableData } from '../report';
import { soDuocDanhGia, staffGap, tyLeDungHan, tyLeQuaHan, tyLeTrucTuyen, KHONG_PHAT_SINH } from '../calculators';
import { formatDate } from '../periods';
import { foldText, slug } from '../text';
import { SECTION_CODES, SECTION_TITLES } from '../surveys/forms';
import { subjectOf } from '../surveys/read';
import { FIELD_TAGS, REPORT_ORDER, SECTION_TAGS, SECTION_TAG_LIST, type SectionTag, type Tag } from './tags';
import { figuresFingerprint } from './fingerprint';
import { periodPhrase } from '../periodText';
import { DEFAULT_DECIMALS, Para, count, lowerFirst, ownDecimals, part, proseLabel, upperFirst } from './style';
import { forcedNotes } from './marks';
import { comparison } from './compare';

export { Para, count } from './style';

/**
 * The data-driven paragraphs of the CCHC report (docs/style.md), built from a CheckReport only and
 * written by the rules of docs/style.md: every figure printed comes from the report (a value, a
 * sum of values or a ratio of them); a table the officer left empty yields no paragraph; a rate of
 * nothing is "không phát sinh"; the files received are the new files of the period (online + in
 * person), the files carried over are named apart; a percentage is rounded once from the
 * unrounded ratio, whole ones without decimals, the others with one number of decimals per
 * paragraph (a paragraph, or a lead line with its "+" list, is built through one `Para`).
 */

export interface NarrativeFields {
  /** "Sở Y tế tỉnh Kon Tum"; "" when the workbook names no unit. */
  donVi: string;
  /** "quý III năm 2022". */
  kyBaoCao: string;
  /** "15/6/2022": the window the workbook states (NĐ 30/2020 numeric date). */
  tuNgay: string;
  denNgay: string;
  /** "ngày 05 tháng 02 năm 2023", only when a report date is known. */
  ngayBaoCao?: string;
  /** "UBND TỈNH KON TUM", from a unit named "… tỉnh Kon Tum"; "" when the unit names no province. */
  coQuan: string;
  /** "Kon Tum": the place of the date line; "" when unknown. */
  diaDanh: string;
}

export interface Narrative {
  /** Paragraphs per block place; an empty array means "write nothing there". */
  sections: Record<SectionTag, string[]>;
  fields: NarrativeFields;
  /** figuresFingerprint(report): recorded in the document to tell later whether it is stale. */
  fingerprint: string;
  /** True when the report had errors and the caller passed allowErrors. */
  builtDespiteErrors: boolean;
  /**
   * Built despite errors: per place, the highlighted note that opens it (the errors that touch its
   * figures). Empty for a clean report. `placeTexts` puts each note first in its place.
   */
  notes: Partial<Record<SectionTag, string>>;
  /** Why no comparison with the previous period was written, when one was given. */
  comparisonSkipped?: string;
}

export interface NarrativeOptions {
  /** Decimals of computed percentages (default 1), or per place; one value per paragraph in any case. */
  decimals?: number | Partial<Record<SectionTag, number>>;
  /** Subject of the sentences ("Sở Y tế"); defaults to the workbook's unit, then "Đơn vị". */
  subject?: string;
  /** Build prose even though the report has errors (the user confirmed). Otherwise it throws. */
  allowErrors?: boolean;
  /**
   * ISO date of the report, for the place-and-date line. Defaults to the workbook's own report
   * date (NgayBaoCao); without either the line is left for the officer, as a placeholder.
   */
  reportDate?: string;
  /** The previous period's report: "so với kỳ trước / cùng kỳ" sentences (never across a change of rules). */
  previous?: CheckReport;
}

/** Thrown by buildNarrative when the figures have errors and allowErrors was not given. */
export class NarrativeBlockedError extends Error {
  readonly code = 'narrative_blocked';
  constructor(readonly errorCount: number) {
    super(`Bảng số liệu còn ${errorCount} lỗi: cần sửa trước khi viết báo cáo (hoặc xác nhận vẫn viết).`);
    this.name = 'NarrativeBlockedError';
  }
}

export function errorCount(report: CheckReport): number {
  return Math.max(report.summary.errors, report.issues.filter((i) => i.severity === 'error').length);
}

export function hasBlockingErrors(report: CheckReport): boolean {
  return errorCount(report) > 0;
}

export function buildNarrative(report: CheckReport, options: NarrativeOptions = {}): Narrative {
  const errors = errorCount(report);
  if (errors > 0 && !options.allowErrors) throw new NarrativeBlockedError(errors);
  const ctx = new Ctx(report, options);
  const sections: Record<SectionTag, string[]> = {
    [SECTION_TAGS.tthc]: tthc(ctx),
    [SECTION_TAGS.danhmuc]: danhMuc(ctx),
    [SECTION_TAGS.phananh]: phanAnh(ctx),
    [SECTION_TAGS.bienche]: bienChe(ctx),
    [SECTION_TAGS.xeploai]: xepLoai(ctx),
    [SECTION_TAGS.chitieu]: chiTieu(ctx),
    [SECTION_TAGS.hailong]: haiLong(ctx),
  };
  let comparisonSkipped: string | undefined;
  if (options.previous) {
    const c = comparison(report, options.previous, ctx.para(SECTION_TAGS.tthc).decimals);
    if ('skipped' in c) comparisonSkipped = c.skipped;
    else for (const [tag, p] of Object.entries(c.sentences) as [SectionTag, string][]) if (sections[tag].length) sections[tag].push(p);
  }
  return {
    sections,
    fields: fields(report, options),
    fingerprint: figuresFingerprint(report),
    builtDespiteErrors: errors > 0,
    notes: errors > 0 ? forcedNotes(report, sections) : {},
    ...(comparisonSkipped ? { comparisonSkipped } : {}),
  };
}

/** The place-and-date line left for the officer: the blanks are highlighted by the fillers. */
export const DATE_PLACEHOLDER = 'ngày …… tháng …… năm ……';

/** Text per tag, block places and inline fields alike: what a filler writes. */
export function placeTexts(n: Narrative): Record<Tag, string[]> {
  const out = {} as Record<Tag, string[]>;
  for (const t of SECTION_TAG_LIST) {
    const note = n.notes?.[t];
    out[t] = note && n.sections[t].length ? [note, ...n.sections[t]] : [...n.sections[t]];
  }
  out[FIELD_TAGS.donvi] = n.fields.donVi ? [n.fields.donVi] : [];
  out[FIELD_TAGS.ky] = n.fields.kyBaoCao ? [n.fields.kyBaoCao] : [];
  out[FIELD_TAGS.thoigian] = n.fields.tuNgay && n.fields.denNgay ? [`từ ngày ${n.fields.tuNgay} đến ngày ${n.fields.denNgay}`] : [];
  out[FIELD_TAGS.coquan] = n.fields.coQuan ? [n.fields.coQuan] : [];
  // Without a report date the day is the officer's to write, as the seeds leave it ("Lai Châu,
  // ngày     tháng 9 năm 2020"); the place is still known from the unit.
  out[FIELD_TAGS.ngay] = n.fields.ngayBaoCao
    ? [`${n.fields.diaDanh || '……………'}, ${n.fields.ngayBaoCao}`]
    : n.fields.diaDanh
      ? [`${n.fields.diaDanh}, ${DATE_PLACEHOLDER}`]
      : [];
  return out;
}


function fields(report: CheckReport, options: NarrativeOptions): NarrativeFields {
  const p = report.period;
  const f: NarrativeFields = {
    donVi: report.data.unit ?? '',
    kyBaoCao: p ? periodPhrase(p.kind, p.year) : '',
    tuNgay: p ? formatDate(p.from) : '',
    denNgay: p ? formatDate(p.to) : '',
    ...province(report.data.unit ?? ''),
  };
  const date = options.reportDate ?? report.data.reportDate;
  if (date) f.ngayBaoCao = formatDate(date, 'formal');
  return f;
}

/**
 * "Sở Y tế tỉnh Kon Tum" → UBND TỈNH KON TUM / Kon Tum; "Sở Y tế thành phố Hà Nội" → UBND THÀNH
 * PHỐ HÀ NỘI / Hà Nội. The header of a Sở's document names the provincial People's Committee.
 */
export function province(unit: string): { coQuan: string; diaDanh: string } {
  const m = /(?:^|\s)(tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(unit.normalize('NFC').trim());
  if (!m) return { coQuan: '', diaDanh: '' };
  const kind = /^t(ỉ|i)nh$/iu.test(m[1]!) ? 'tỉnh' : 'thành phố';
  const place = m[2]!.trim();
  return { coQuan: `UBND ${kind} ${place}`.toLocaleUpperCase('vi'), diaDanh: place };
}

// ---------------------------------------------------------------------------------------------

class Ctx {
  readonly subject: string;
  /** "Từ ngày 15/6/2022 đến ngày 14/9/2022" or "Trong kỳ báo cáo". */
  readonly window: string;
  readonly asOf: string;
  constructor(
    readonly report: CheckReport,
    private readonly options: NarrativeOptions,
  ) {
    this.subject = options.subject ?? report.data.unit ?? 'Đơn vị';
    const p = report.period;
    this.window = p ? `Từ ngày ${formatDate(p.from)} đến ngày ${formatDate(p.to)}` : 'Trong kỳ báo cáo';
    this.asOf = p ? ` tính đến ngày ${formatDate(p.to)}` : '';
  }
  /** The table, or undefined when absent or without data rows (the officer left it empty). */
  table(name: TableName): TableData | undefined {
    const t = this.report.data.tables[name];
    return t && t.rows.length > 0 ? t : undefined;
  }
  /** Decimals asked for this place, if any. */
  asked(tag: SectionTag): number | undefined {
    const d = this.options.decimals;
    return typeof d === 'number' ? d : d?.[tag];
  }
  para(tag: SectionTag): Para {
    return new Para(this.asked(tag) ?? DEFAULT_DECIMALS);
  }
}

/** The stated total when there is one, else the sum of the rows. */
function fig(t: TableData, key: string): number | null {
  return t.total?.values[key] ?? t.sums[key] ?? null;
}

/** Sum of a column over rows, or null if any row lacks it (a partial sum would be a made-up figure). */
function sumAll(rows: readonly DataRow[], key: string): number | null {
  let s = 0;
  for (const r of rows) {
    const v = r.values[key];
    if (v == null) return null;
    s += v;
  }
  return rows.length ? s : null;
}

const v = (r: DataRow, key: string) => r.values[key] ?? null;
const label = (r: DataRow, key: string) => (r.text[key] ?? r.label).trim();

/** New files of the period (online + in person), or null when the workbook does not say. */
export function receivedNew(f: Record<string, number | null | undefined>): number | null {
  if (f.trucTuyen != null && f.trucTiepBuuChinh != null) return f.trucTuyen + f.trucTiepBuuChinh;
  if (f.tongSo != null && f.tuKyTruoc != null) return f.tongSo - f.tuKyTruoc;
  return null;
}

// ---------------------------------------------------------------------------------------------

function tthc(ctx: Ctx): string[] {
  const t = ctx.table('KetQuaGiaiQuyet');
  if (!t) return [];
  const f = Object.fromEntries(t.columns.map((k) => [k, fig(t, k)])) as Record<string, number | null>;
  const tongSo = f.tongSo ?? null;
  if (tongSo == null) return [];
  if (tongSo === 0) return [`${ctx.window}, ${ctx.subject} không phát sinh hồ sơ giải quyết thủ tục hành chính.`];
  const p = ctx.para(SECTION_TAGS.tthc);
  const moi = receivedNew(f);

  let s = `${ctx.window}, ${ctx.subject}`;
  if (moi == null) s += ` có ${count(tongSo)} hồ sơ thủ tục hành chính phải giải quyết`;
  else if (moi === 0) s += ' không tiếp nhận hồ sơ thủ tục hành chính mới';
  else {
    s += ` tiếp nhận ${count(moi)} hồ sơ thủ tục hành chính`;
    const how: [string, number][] = [];
    if (f.trucTuyen != null && f.trucTuyen > 0) how.push(['trực tuyến', f.trucTuyen]);
    if (f.trucTiepBuuChinh != null && f.trucTiepBuuChinh > 0) how.push(['trực tiếp và qua dịch vụ bưu chính công ích', f.trucTiepBuuChinh]);
    if (how.length === 2) s += ` (trong đó ${how.map(([n, x]) => `${n} ${count(x)} hồ sơ`).join(', ')})`;
    else if (how.length === 1 && f.trucTuyen != null && f.trucTiepBuuChinh != null) s += `, tất cả ${how[0]![0]}`;
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
  rate('tỷ lệ hồ sơ tiếp nhận trực tuyến', 'đạt', tyLeTrucTuyen(f), f.trucTuyen != null && f.trucTiepBuuChinh != null);
  if (rates.length) s += ` ${upperFirst(rates.join('; '))}.`;
  const out = [s];

  const byField = t.rows.filter((r) => (receivedNew(r.values) ?? v(r, 'tongSo') ?? 0) > 0);
  if (t.rows.length > 1 && byField.length) {
    const noun = moi != null ? 'Số hồ sơ tiếp nhận theo lĩnh vực' : 'Số hồ sơ phải giải quyết theo lĩnh vực';
    out.push(`${noun}: ${byField.map((r) => `${label(r, 'linhVuc')} ${count(receivedNew(r.values) ?? v(r, 'tongSo')!)} hồ sơ`).join('; ')}.`);
  }
  return out;
}

function danhMuc(ctx: Ctx): string[] {
  const t = ctx.table('DanhMucTTHC');
  if (!t) return [];
  const so = fig(t, 'soTTHC');
  if (so == null) return [];
  if (so === 0) return [`Số thủ tục hành chính thuộc phạm vi giải quyết${ctx.asOf}: ${KHONG_PHAT_SINH}.`];
  const p = ctx.para(SECTION_TAGS.danhmuc);
  const levels: string[] = [];
  const level = (name: string, key: string) => {
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
  const kind = (name: string, key: string) => {
    const x = t.columns.includes(key) ? fig(t, key) : null;
    if (x != null) kinds.push(`${name} ${count(x)} TTHC (${p.ratio(x, so)})`);
  };
  kind('thực hiện theo cơ chế một cửa, một cửa liên thông', 'motCua');
  kind('cung cấp dịch vụ công trực tuyến', 'dvcTrucTuyen');
  kind('có quy trình nội bộ giải quyết', 'quyTrinhNoiBo');
  if (kinds.length) s += ` Số TTHC ${kinds.join('; ')}.`;
  return [s];
}

function phanAnh(ctx: Ctx): string[] {
  const t = ctx.table('PhanAnhKienNghi');
  if (!t) return [];
  const tong = fig(t, 'tiepNhan');
  if (tong == null) return [];
  if (tong === 0) return [`${ctx.window}, không phát sinh đơn phản ánh, kiến nghị, khiếu nại, tố cáo.`];
  const p = ctx.para(SECTION_TAGS.phananh);
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

function bienChe(ctx: Ctx): string[] {
  const t = ctx.table('BienChe');
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
    const p = ctx.para(SECTION_TAGS.bienche);
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

const LEVELS = [
  ['htxs', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['htt', 'Hoàn thành tốt nhiệm vụ'],
  ['ht', 'Hoàn thành nhiệm vụ'],
  ['kht', 'Không hoàn thành nhiệm vụ'],
] as const;

/** Ratings as the seeds list figures: a lead line, then one "+" line per level. */
function xepLoai(ctx: Ctx): string[] {
  const t = ctx.table('XepLoai');
  if (!t) return [];
  const out: string[] = [];
  for (const r of t.rows) {
    const subject = proseLabel(label(r, 'doiTuong'));
    const unit = foldText(subject).includes('co quan') || foldText(subject).includes('don vi') ? 'đơn vị' : 'người';
    const figs = { tongSo: v(r, 'tongSo'), htxs: v(r, 'htxs'), htt: v(r, 'htt'), ht: v(r, 'ht'), kht: v(r, 'kht'), khongDanhGia: v(r, 'khongDanhGia') };
    const rated = soDuocDanhGia(figs);
    if (figs.tongSo == null && rated == null) continue;
    const p = ctx.para(SECTION_TAGS.xeploai);
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

function chiTieu(ctx: Ctx): string[] {
  const t = ctx.table('ChiTieuKhac');
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
    const p = ctx.para(SECTION_TAGS.chitieu);
    const frac = `${count(done)}/${count(due)}`;
    const pct = p.ratio(done, due)!;
    const key = foldText(name);
    if (key.includes('chuyen doi vi tri')) out.push(`Đã chuyển đổi vị trí công tác ${frac} trường hợp, đạt tỷ lệ ${pct}.`);
    else if (key.includes('tinh gian bien che')) out.push(`Tinh giản biên chế: được phê duyệt ${frac} trường hợp đề nghị, đạt tỷ lệ ${pct}.`);
    else out.push(`${upperFirst(name)}: thực hiện ${frac}, đạt tỷ lệ ${pct}.`);
  }
  return out;
}

/** Survey subjects as prose: the workbook's "(TTHC)" is a column note, not words. */
function surveyWho(labelText: string): string {
  const k = foldText(labelText);
  if (k.includes('nguoi dan') && k.includes('tthc')) return 'người dân, tổ chức đối với việc giải quyết thủ tục hành chính';
  return lowerFirst(proseLabel(labelText));
}

/** Surveys as the seeds list figures: a lead line with the number of forms, then one "+" line per rate. */
function haiLong(ctx: Ctx): string[] {
  const t = ctx.table('KhaoSatHaiLong');
  if (!t) return [];
  const out: string[] = [];
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
    // The workbook's own rates: printed with the decimals they carry (at most two), one rule for the list.
    const p = new Para(ctx.asked(SECTION_TAGS.hailong) ?? ownDecimals(present.map(([, k]) => v(r, k))));
    if (!present.length && !sections.length) {
      out.push(`Khảo sát sự hài lòng của ${who}: ${count(phieu)} phiếu.`);
      continue;
    }
    out.push(`Khảo sát sự hài lòng của ${who} (${count(phieu)} phiếu):`);
    const items = present.map(([name, k]) => `${name}: ${p.pct(v(r, k))}`);
    if (sections.length) items.push(`Tỷ lệ hài lòng theo từng khía cạnh: ${sections.map(([name, x]) => `${name} ${p.pct(x) ?? KHONG_PHAT_SINH}`).join('; ')}`); // "; ": titles hold commas
    items.forEach((it, i) => out.push(`+ ${it}${i === items.length - 1 ? '.' : ';'}`));
  }
  return out;
}

/**
 * i13: where the answer sheets were read, the per-section rates computed from them (metrics
 * "haiLong.<đối tượng>.haiLongA"…), as one more "+" line of the survey's list, with its decimals.
 */
function bySection(ctx: Ctx, r: DataRow): [string, number | null][] {
  const label = r.text.doiTuong ?? r.label;
  const key = `haiLong.${slug(subjectOf(label) ?? label)}`;
  return SECTION_CODES.filter((c) => ctx.report.metrics[`${key}.haiLong${c}`] !== undefined).map((c) => [lowerFirst(SECTION_TITLES[c]), ctx.report.metrics[`${key}.haiLong${c}`] ?? null]);
}

/** All place tags in the order of the report template. */
export const SECTION_ORDER: readonly SectionTag[] = REPORT_ORDER;
