import type { TableName } from '../contract';
import type { CheckReport, DataRow, TableData } from '../report';
import { percentOf, soDuocDanhGia, staffGap, tyLeDungHan, tyLeQuaHan, tyLeTrucTuyen, KHONG_PHAT_SINH } from '../calculators';
import { formatNumber } from '../numbers';
import { formatDateNarrative } from '../periods';
import { foldText, slug } from '../text';
import { SECTION_CODES, SECTION_TITLES } from '../surveys/forms';
import { subjectOf } from '../surveys/read';
import { FIELD_TAGS, SECTION_TAGS, SECTION_TAG_LIST, type SectionTag, type Tag } from './tags';
import { figuresFingerprint } from './fingerprint';

/**
 * The data-driven paragraphs of the CCHC report (domain.md 4), built from a CheckReport only.
 * Rules kept here: every figure printed comes from the report (a value, a sum of values or a
 * ratio of them); a table the officer left empty yields no paragraph; a rate of nothing is
 * "không phát sinh"; a percentage is rounded once from the unrounded ratio, with one number of
 * decimals per paragraph (a paragraph is built through one `Para`, which holds that number).
 */

export interface NarrativeFields {
  /** "Sở Y tế tỉnh Kon Tum"; "" when the workbook names no unit. */
  donVi: string;
  /** "quý III năm 2022". */
  kyBaoCao: string;
  /** "15/6/2022". */
  tuNgay: string;
  denNgay: string;
  /** "ngày 05 tháng 02 năm 2023", only when `reportDate` was given. */
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
}

export interface NarrativeOptions {
  /** Decimals of every percentage (default 2), or per place; one value per paragraph in any case. */
  decimals?: number | Partial<Record<SectionTag, number>>;
  /** Subject of the sentences ("Sở Y tế"); defaults to the workbook's unit, then "Đơn vị". */
  subject?: string;
  /** Build prose even though the report has errors (the user confirmed). Otherwise it throws. */
  allowErrors?: boolean;
  /** ISO date of the report, for `fields.ngayBaoCao`. */
  reportDate?: string;
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
  return {
    sections: {
      [SECTION_TAGS.tthc]: tthc(ctx),
      [SECTION_TAGS.danhmuc]: danhMuc(ctx),
      [SECTION_TAGS.phananh]: phanAnh(ctx),
      [SECTION_TAGS.bienche]: bienChe(ctx),
      [SECTION_TAGS.xeploai]: xepLoai(ctx),
      [SECTION_TAGS.chitieu]: chiTieu(ctx),
      [SECTION_TAGS.hailong]: haiLong(ctx),
    },
    fields: fields(report, options),
    fingerprint: figuresFingerprint(report),
    builtDespiteErrors: errors > 0,
  };
}

/** Text per tag, block places and inline fields alike: what a filler writes. */
export function placeTexts(n: Narrative): Record<Tag, string[]> {
  const out = { ...n.sections } as Record<Tag, string[]>;
  out[FIELD_TAGS.donvi] = n.fields.donVi ? [n.fields.donVi] : [];
  out[FIELD_TAGS.ky] = n.fields.kyBaoCao ? [n.fields.kyBaoCao] : [];
  out[FIELD_TAGS.thoigian] = n.fields.tuNgay && n.fields.denNgay ? [`từ ngày ${n.fields.tuNgay} đến ngày ${n.fields.denNgay}`] : [];
  out[FIELD_TAGS.coquan] = n.fields.coQuan ? [n.fields.coQuan] : [];
  // Without a date the officer's own placeholder stays; a place alone makes no date line.
  out[FIELD_TAGS.ngay] = n.fields.ngayBaoCao ? [`${n.fields.diaDanh || '……………'}, ${n.fields.ngayBaoCao}`] : [];
  return out;
}

/** "quý III năm 2022", "6 tháng đầu năm 2022", "9 tháng năm 2022", "năm 2022". */
export function periodPhrase(kind: string, year: number): string {
  const k = kind.trim();
  if (/^quý/i.test(k)) return `quý ${k.replace(/^quý\s*/i, '')} năm ${year}`;
  if (/năm$/i.test(k)) return `${lowerFirst(k)} ${year}`;
  return `${lowerFirst(k)} năm ${year}`;
}

function fields(report: CheckReport, options: NarrativeOptions): NarrativeFields {
  const p = report.period;
  const f: NarrativeFields = {
    donVi: report.data.unit ?? '',
    kyBaoCao: p ? periodPhrase(p.kind, p.year) : '',
    tuNgay: p ? formatDateNarrative(p.from) : '',
    denNgay: p ? formatDateNarrative(p.to) : '',
    ...province(report.data.unit ?? ''),
  };
  if (options.reportDate) {
    const [y, m, d] = options.reportDate.split('-').map(Number) as [number, number, number];
    f.ngayBaoCao = `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
  }
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
    this.window = p ? `Từ ngày ${formatDateNarrative(p.from)} đến ngày ${formatDateNarrative(p.to)}` : 'Trong kỳ báo cáo';
    this.asOf = p ? ` tính đến ngày ${formatDateNarrative(p.to)}` : '';
  }
  /** The table, or undefined when absent or without data rows (the officer left it empty). */
  table(name: TableName): TableData | undefined {
    const t = this.report.data.tables[name];
    return t && t.rows.length > 0 ? t : undefined;
  }
  para(tag: SectionTag): Para {
    const d = this.options.decimals;
    return new Para(typeof d === 'number' ? d : (d?.[tag] ?? 2));
  }
}

/** One paragraph's number printer: every percentage it prints has the same decimals. */
export class Para {
  constructor(readonly decimals: number) {}
  /** A ratio in percent, rounded once; null (→ caller writes "không phát sinh") when nothing happened. */
  pct(percent: number | null): string | null {
    return percent == null ? null : `${formatNumber(percent, this.decimals)}%`;
  }
  ratio(num: number | null | undefined, den: number | null | undefined): string | null {
    return this.pct(percentOf(num, den));
  }
}

/** Counts as these reports write them: "02", "297", "1.877"; 0 stays "0". */
export function count(v: number): string {
  if (Number.isInteger(v) && v > 0 && v < 10) return `0${v}`;
  return formatNumber(v, Number.isInteger(v) ? 0 : undefined);
}

function lowerFirst(s: string): string {
  // Keep acronyms ("TTHC", "UBND") as typed.
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && s[1] !== s[1]!.toLowerCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

// ---------------------------------------------------------------------------------------------

function tthc(ctx: Ctx): string[] {
  const t = ctx.table('KetQuaGiaiQuyet');
  if (!t) return [];
  const f = Object.fromEntries(t.columns.map((k) => [k, fig(t, k)])) as Record<string, number | null>;
  const tongSo = f.tongSo ?? null;
  if (tongSo == null) return [];
  if (tongSo === 0) return [`${ctx.window}, ${ctx.subject} không phát sinh hồ sơ giải quyết thủ tục hành chính.`];
  const p = ctx.para(SECTION_TAGS.tthc);
  const parts = (pairs: [string, number | null | undefined][]) =>
    pairs.filter(([, x]) => x != null).map(([name, x]) => `${name} ${count(x!)} hồ sơ`);

  let s = `${ctx.window}, ${ctx.subject} tiếp nhận ${count(tongSo)} hồ sơ thủ tục hành chính`;
  const recv = parts([
    ['trực tuyến', f.trucTuyen],
    ['trực tiếp và qua dịch vụ bưu chính công ích', f.trucTiepBuuChinh],
    ['từ kỳ trước chuyển sang', f.tuKyTruoc],
  ]);
  if (recv.length) s += ` (trong đó ${recv.join(', ')})`;
  if (f.daGiaiQuyet != null) {
    s += `; đã giải quyết ${count(f.daGiaiQuyet)} hồ sơ (${p.ratio(f.daGiaiQuyet, tongSo)})`;
    const done = parts([
      ['trước hạn', f.truocHan],
      ['đúng hạn', f.dungHan],
      ['quá hạn', f.quaHan],
    ]);
    if (done.length && f.daGiaiQuyet > 0) s += `, trong đó ${done.join(', ')}`;
  }
  if (f.dangGiaiQuyet != null) {
    s += `; đang giải quyết ${count(f.dangGiaiQuyet)} hồ sơ (${p.ratio(f.dangGiaiQuyet, tongSo)})`;
    const pending = parts([
      ['trong hạn', f.dangTrongHan],
      ['quá hạn', f.dangQuaHan],
    ]);
    if (pending.length && f.dangGiaiQuyet > 0) s += `, trong đó ${pending.join(', ')}`;
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
  rate('tỷ lệ hồ sơ giải quyết quá hạn', 'là', tyLeQuaHan(f), f.daGiaiQuyet != null && f.quaHan != null);
  rate('tỷ lệ hồ sơ tiếp nhận trực tuyến', 'đạt', tyLeTrucTuyen(f), f.trucTuyen != null && f.trucTiepBuuChinh != null);
  if (rates.length) s += ` ${upperFirst(rates.join('; '))}.`;
  const out = [s];

  const byField = t.rows.filter((r) => (v(r, 'tongSo') ?? 0) > 0);
  if (t.rows.length > 1 && byField.length) {
    out.push(`Số hồ sơ tiếp nhận theo lĩnh vực: ${byField.map((r) => `${label(r, 'linhVuc')} ${count(v(r, 'tongSo')!)} hồ sơ`).join('; ')}.`);
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
  if (kinds.length) s += ` (gồm ${kinds.join('; ')})`; // "; " since labels hold commas ("phản ánh, kiến nghị")
  const done = fig(t, 'daGiaiQuyet');
  const pending = fig(t, 'dangGiaiQuyet');
  if (done != null) s += `; đã giải quyết ${count(done)} đơn (${p.ratio(done, tong)})`;
  if (pending != null) s += `${done != null ? ',' : ';'} đang giải quyết ${count(pending)} đơn (${p.ratio(pending, tong)})`;
  return [`${s}.`];
}

const STAFF_GROUPS = [
  { key: 'cong chuc', name: 'Biên chế công chức', noun: 'công chức' },
  { key: 'vien chuc', name: 'Số lượng người làm việc là viên chức', noun: 'viên chức' },
  { key: 'hop dong', name: 'Lao động hợp đồng', noun: 'hợp đồng lao động' },
] as const;

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
    const clauses: string[] = [];
    if (giao != null) clauses.push(`được giao ${count(giao)} chỉ tiêu`);
    if (coMat != null) {
      let c = `có mặt ${count(coMat)} người`;
      if (giao != null) {
        const r = p.ratio(coMat, giao);
        c += r == null ? ` (tỷ lệ sử dụng: ${KHONG_PHAT_SINH})` : ` (đạt ${r} chỉ tiêu được giao)`;
      }
      clauses.push(c);
    }
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
        const name = tuyens.length > 1 ? `${label(r, 'donVi')} (tuyến ${lowerFirst(label(r, 'tuyen'))})` : label(r, 'donVi');
        const bits = [v(r, 'duocGiao') != null ? `được giao ${count(v(r, 'duocGiao')!)}` : null, v(r, 'coMat') != null ? `có mặt ${count(v(r, 'coMat')!)}` : null].filter(Boolean);
        return bits.length ? `${name}: ${bits.join(', ')}` : null;
      });
      if (detail.some(Boolean)) s += ` Cụ thể: ${detail.filter(Boolean).join('; ')}.`;
    }
    // A per-tuyến summary only says something new when a tuyến has several units.
    if (tuyens.length > 1 && tuyens.length < g.rows.length) {
      const byTuyen = tuyens.map((tu) => {
        const rows = g.rows.filter((r) => label(r, 'tuyen') === tu);
        const gi = sumAll(rows, 'duocGiao');
        const cm = sumAll(rows, 'coMat');
        const bits = [gi != null ? `được giao ${count(gi)}` : null, cm != null ? `có mặt ${count(cm)}` : null].filter(Boolean);
        return `tuyến ${lowerFirst(tu)} ${bits.join(', ')}`;
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
    out.push(`Tổng số người làm việc (viên chức và hợp đồng lao động) là ${count(vcN + hdN)} người, trong đó viên chức ${count(vcN)} người, hợp đồng lao động ${count(hdN)} người.`);
  }
  return out;
}

const LEVELS = [
  ['htxs', 'hoàn thành xuất sắc nhiệm vụ'],
  ['htt', 'hoàn thành tốt nhiệm vụ'],
  ['ht', 'hoàn thành nhiệm vụ'],
  ['kht', 'không hoàn thành nhiệm vụ'],
] as const;

function xepLoai(ctx: Ctx): string[] {
  const t = ctx.table('XepLoai');
  if (!t) return [];
  const out: string[] = [];
  for (const r of t.rows) {
    const subject = label(r, 'doiTuong');
    const unit = foldText(subject).includes('co quan') || foldText(subject).includes('don vi') ? 'đơn vị' : 'người';
    const figs = { tongSo: v(r, 'tongSo'), htxs: v(r, 'htxs'), htt: v(r, 'htt'), ht: v(r, 'ht'), kht: v(r, 'kht'), khongDanhGia: v(r, 'khongDanhGia') };
    const rated = soDuocDanhGia(figs);
    if (figs.tongSo == null && rated == null) continue;
    const p = ctx.para(SECTION_TAGS.xeploai);
    let s = `Kết quả đánh giá, xếp loại chất lượng ${lowerFirst(subject)}:`;
    const head: string[] = [];
    if (figs.tongSo != null) head.push(` tổng số ${count(figs.tongSo)} ${unit}`);
    if (rated === 0 || rated == null) {
      head.push(` đánh giá, xếp loại: ${KHONG_PHAT_SINH}`);
      s += head.join(';') + '.';
      out.push(s);
      continue;
    }
    head.push(` đã đánh giá, xếp loại ${count(rated)} ${unit}`);
    s += head.join(';');
    const levels = LEVELS.map(([k, name]) => {
      const x = figs[k];
      if (x == null) return null;
      return x === 0 ? `${name}: không có` : `${name} ${count(x)} ${unit} (${p.ratio(x, rated)})`;
    }).filter(Boolean);
    s += `, trong đó ${levels.join(', ')}`;
    if (figs.khongDanhGia != null && figs.khongDanhGia > 0) s += `; không đánh giá ${count(figs.khongDanhGia)} ${unit}`;
    out.push(`${s}.`);
  }
  return out;
}

function chiTieu(ctx: Ctx): string[] {
  const t = ctx.table('ChiTieuKhac');
  if (!t) return [];
  const out: string[] = [];
  for (const r of t.rows) {
    const name = label(r, 'chiTieu');
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
    if (key.includes('chuyen doi vi tri')) out.push(`Đã chuyển đổi vị trí công tác ${frac} trường hợp, đạt ${pct}.`);
    else if (key.includes('tinh gian bien che')) out.push(`Tinh giản biên chế: được phê duyệt ${frac} trường hợp đề nghị, đạt ${pct}.`);
    else out.push(`${upperFirst(name)}: thực hiện ${frac}, đạt ${pct}.`);
  }
  return out;
}

function haiLong(ctx: Ctx): string[] {
  const t = ctx.table('KhaoSatHaiLong');
  if (!t) return [];
  const out: string[] = [];
  for (const r of t.rows) {
    const who = lowerFirst(label(r, 'doiTuong'));
    const phieu = v(r, 'soPhieu');
    if (phieu == null) continue;
    if (phieu === 0) {
      out.push(`Khảo sát sự hài lòng của ${who}: ${KHONG_PHAT_SINH} phiếu khảo sát.`);
      continue;
    }
    const p = ctx.para(SECTION_TAGS.hailong);
    const rates = (
      [
        ['tỷ lệ hài lòng chung', 'haiLongChung'],
        ['chỉ số hài lòng toàn diện', 'toanDien'],
        ['tỷ lệ hài lòng so với mong đợi', 'soVoiMongDoi'],
        ['tỷ lệ người được khảo sát sẽ quay lại hoặc giới thiệu cho người khác', 'quayLai'],
      ] as const
    )
      .filter(([, k]) => v(r, k) != null)
      .map(([name, k]) => `${name} đạt ${p.pct(v(r, k))}`);
    out.push(`Khảo sát sự hài lòng của ${who}: ${count(phieu)} phiếu${rates.length ? `; ${rates.join('; ')}` : ''}.${bySection(ctx, r, p)}`);
  }
  return out;
}

/**
 * i13: where the answer sheets were read, the per-section rates computed from them
 * (metrics "haiLong.<đối tượng>.haiLongA"…), in the same paragraph and so with its decimals.
 */
function bySection(ctx: Ctx, r: DataRow, p: Para): string {
  const label = r.text.doiTuong ?? r.label;
  const key = `haiLong.${slug(subjectOf(label) ?? label)}`;
  const parts = SECTION_CODES.filter((c) => ctx.report.metrics[`${key}.haiLong${c}`] !== undefined).map((c) => {
    const v = ctx.report.metrics[`${key}.haiLong${c}`] ?? null;
    return `${lowerFirst(SECTION_TITLES[c])} ${p.pct(v) ?? KHONG_PHAT_SINH}`;
  });
  return parts.length ? ` Tỷ lệ hài lòng theo từng khía cạnh: ${parts.join('; ')}.` : '';
}

/** All place tags in the order of the report. */
export const SECTION_ORDER: readonly SectionTag[] = SECTION_TAG_LIST;
