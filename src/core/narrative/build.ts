import type { CheckReport } from '../report';
import { formatDate, periodPhrase } from '../format';
import { FIELD_TAGS, REPORT_ORDER, SECTION_TAGS, SECTION_TAG_LIST, type SectionTag, type Tag } from './tags';
import { figuresFingerprint } from './fingerprint';
import { forcedNotes } from './marks';
import { comparison } from './compare';
import { NarrativeCtx, type NarrativeOptions } from './context';
import { TABLES } from '../tables';

export { Para, count } from './style';
export type { NarrativeOptions } from './context';

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
  const ctx = new NarrativeCtx(report, options);
  // Every place written by its tables (src/core/tables/<table>.ts, `section.write`), in the order of TABLES.
  const sections = Object.fromEntries(SECTION_TAG_LIST.map((tag) => [tag, TABLES.filter((t) => t.section.tag === tag).flatMap((t) => t.section.write(ctx))])) as Record<SectionTag, string[]>;
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

/** All place tags in the order of the report template. */
export const SECTION_ORDER: readonly SectionTag[] = REPORT_ORDER;
