import type { PeriodKind } from './contract';
import { foldText } from './text';

/**
 * The period as officers write it, wherever they write it: the value after "Kỳ báo cáo:" ("Năm
 * 2022", "Cả năm 2022", "06 tháng", "Quý 3/2023"), a title line ("BÁO CÁO … QUÝ III NĂM 2023"),
 * a sheet name ("Q3-2023", "Quý III.2023") or a file name ("BC_TTHC_Quy_III_2023_SYT.xlsx").
 *
 * How sure the words must be depends on where they are: a value after its label is a period by
 * position, so "năm 2022" alone is the year's report; in a title line "năm 2022" is the annual
 * report only beside words of a report ("báo cáo", "kết quả"…), since every title carries a year;
 * in a name "Năm 2022" must start the name or follow "cả", "BC", "báo cáo", "TTHC", "CCHC", since
 * "Quảng Nam 2023" and "Hà Nam" are provinces.
 */
export type PeriodTextMode = 'value' | 'title' | 'name';

export interface PeriodWords {
  kind: PeriodKind;
  /** Null when the words give the kind only ("06 tháng", "Quý III"): the year is written elsewhere. */
  year: number | null;
}

const QUARTERS: Record<string, PeriodKind> = { i: 'Quý I', ii: 'Quý II', iii: 'Quý III', iv: 'Quý IV', '1': 'Quý I', '2': 'Quý II', '3': 'Quý III', '4': 'Quý IV' };

/** Folded, with the separators of names and dates ("_", "-", ".", "/") read as spaces. */
function plain(text: string): string {
  return foldText(text)
    .replace(/[_\-–—./\\,;:()[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YEAR = '((?:19|20)\\d{2})';

export function periodWords(text: string, mode: PeriodTextMode): PeriodWords | null {
  const f = plain(text);
  if (!f) return null;
  const yearOf = (m: RegExpExecArray, i: number) => (m[i] ? Number(m[i]) : null);
  const needYear = mode !== 'value';

  // "Quý III năm 2023", "Quý 3/2023", "quy_III_2023", with a few words between the quarter and its
  // year ("Quý III (từ 15/6 đến 14/9) năm 2023"); "Q3-2023", "QIII.2023" only with the year right
  // after, since "Q.1" is also a district (quận).
  let m = new RegExp(`(?:^| )quy ?(iv|iii|ii|i|[1-4])(?= |$)(?:(?: \\S+){0,8}? (?:nam )?${YEAR}(?= |$))?`).exec(f);
  if (m && (m[2] || !needYear)) return { kind: QUARTERS[m[1]!]!, year: yearOf(m, 2) };
  m = new RegExp(`(?:^| )q ?(iv|iii|ii|i|[1-4])(?: (?:nam )?${YEAR})?(?= |$)`).exec(f);
  if (m && (m[2] || !needYear)) return { kind: QUARTERS[m[1]!]!, year: yearOf(m, 2) };

  // "6 tháng đầu năm 2023", "06 tháng", "Sáu tháng", "6T/2023", "6 tháng cuối năm".
  m = new RegExp(`(?:^| )(?:0?6|sau) ?(?:thang|t)(?= |$)(?: (dau|cuoi))?(?: nam)?(?: ${YEAR}(?= |$))?`).exec(f);
  if (m && (m[2] || !needYear)) return { kind: m[1] === 'cuoi' ? '6 tháng cuối năm' : '6 tháng đầu năm', year: yearOf(m, 2) };

  // "9 tháng năm 2023", "9 tháng đầu năm 2023", "09 tháng".
  m = new RegExp(`(?:^| )(?:0?9|chin) ?(?:thang|t)(?= |$)(?: dau)?(?: nam)?(?: ${YEAR}(?= |$))?`).exec(f);
  if (m && (m[1] || !needYear)) return { kind: '9 tháng', year: yearOf(m, 1) };

  // The year's report.
  if (mode === 'value') {
    m = new RegExp(`^(?:ca )?nam(?: ${YEAR})?$|(?:^| )(?:ca )?nam ${YEAR}(?= |$)`).exec(f);
    if (m) return { kind: 'Năm', year: yearOf(m, 1) ?? yearOf(m, 2) };
    return null;
  }
  if (mode === 'title') {
    m = new RegExp(`(?:^| )ca nam ${YEAR}(?= |$)`).exec(f);
    if (m) return { kind: 'Năm', year: Number(m[1]) };
    m = new RegExp(`(?:^| )nam ${YEAR}(?= |$)`).exec(f);
    if (m && /(?:^| )(bao cao|ket qua|tinh hinh|so lieu|bieu)(?= |$)/.test(f)) return { kind: 'Năm', year: Number(m[1]) };
    return null;
  }
  m = new RegExp(`(?:^|(?:^| )(?:ca|bc|bao cao|tthc|cchc|ky|so lieu|ket qua) )nam ${YEAR}(?= |$)`).exec(f);
  if (m) return { kind: 'Năm', year: Number(m[1]) };
  return null;
}

/** A file name without its folder and extension: "C:\\BC\\BC_Quy_III_2023.xlsx" → "BC_Quy_III_2023". */
export function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(xlsx|xlsm|xls|ods|csv|htm|html|xml)$/i, '');
}
