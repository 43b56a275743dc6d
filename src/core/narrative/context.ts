import type { TableName } from '../contract';
import { formatDate } from '../format';
import type { CheckReport, DataRow, TableData } from '../report';
import { DEFAULT_DECIMALS, Para } from './style';
import type { SectionTag } from './tags';

/**
 * What every table's paragraph is written from (src/core/tables/<table>.ts, `section.write`): the
 * report, the subject and the window of its sentences, the decimals asked for each place.
 */

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

export class NarrativeCtx {
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
export function fig(t: TableData, key: string): number | null {
  return t.total?.values[key] ?? t.sums[key] ?? null;
}

/** Sum of a column over rows, or null if any row lacks it (a partial sum would be a made-up figure). */
export function sumAll(rows: readonly DataRow[], key: string): number | null {
  let s = 0;
  for (const r of rows) {
    const v = r.values[key];
    if (v == null) return null;
    s += v;
  }
  return rows.length ? s : null;
}

export const v = (r: DataRow, key: string) => r.values[key] ?? null;
export const label = (r: DataRow, key: string) => (r.text[key] ?? r.label).trim();
