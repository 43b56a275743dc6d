import type { CheckReport } from '../report';
import { TABLES } from '../tables';
import { ruleSetById } from '../regimes';
import { identityOf, previousKind, sameUnit } from '../pairing';
import { periodPhrase } from '../format';
import type { SectionTag } from './tags';
import { Para, count } from './style';

/**
 * "So với cùng kỳ / kỳ trước" sentences for the main figures, when the previous period's workbook
 * is given. Never across a change of the rules these figures depend on (regimes.ts): the levels
 * of government (tuyến, the catalogue's cấp huyện) and the TTHC report form. A change of the
 * survey method or of the rating caps alone does not touch files and procedures.
 */

function comparable(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = ruleSetById(a);
  const rb = ruleSetById(b);
  if (!ra || !rb) return false;
  return ra.tuyen.options.join('|') === rb.tuyen.options.join('|') && ra.tthcForm.text === rb.tthcForm.text;
}

type Result = { sentences: Partial<Record<SectionTag, string>> } | { skipped: string };

/** "quý II năm 2022" or "cùng kỳ năm 2021", from the two periods. */
export function previousName(cur: NonNullable<CheckReport['period']>, prev: NonNullable<CheckReport['period']>): string {
  const kind = previousKind(cur, prev);
  if (kind === 'sameLastYear') return `cùng kỳ năm ${prev.year}`;
  const phrase = periodPhrase(prev.kind, prev.year);
  // Used only when the officer insisted (--force): the text says it is not the period before.
  return kind === 'immediate' ? `kỳ trước (${phrase})` : `${phrase} (không phải kỳ liền trước)`;
}

/** "tăng 12 hồ sơ (4,2%)", "giảm 03 hồ sơ (1,1%)", "không thay đổi"; the share is of the previous figure. */
export function change(cur: number, prev: number, noun: string, p: Para): string {
  const d = cur - prev;
  if (d === 0) return 'không thay đổi';
  const share = prev === 0 ? '' : ` (${p.pct((Math.abs(d) / prev) * 100)})`;
  return `${d > 0 ? 'tăng' : 'giảm'} ${count(Math.abs(d))} ${noun}${share}`;
}

export function comparison(report: CheckReport, previous: CheckReport, decimals: number): Result {
  const cur = report.period;
  const prev = previous.period;
  if (!cur || !prev) return { skipped: 'Không so sánh với kỳ trước: một trong hai bảng số liệu không xác định được kỳ báo cáo.' };
  if (prev.to >= cur.to) return { skipped: 'Không so sánh với kỳ trước: bảng số liệu kỳ trước không thuộc một kỳ trước kỳ này.' };
  if (!comparable(prev.regime, cur.regime)) {
    return { skipped: 'Không so sánh với kỳ trước: hai kỳ thuộc hai quy định khác nhau (tuyến, biểu mẫu, cách xếp loại), số liệu không cùng nội dung.' };
  }
  const p = new Para(decimals);
  let name = previousName(cur, prev);
  // Another unit's workbook, used only because the officer insisted: the text says whose figures
  // these are, as it says when the period is not the one right before.
  const prevId = identityOf(previous);
  if (sameUnit(identityOf(report), prevId) === false) {
    const when = previousKind(cur, prev) === 'sameLastYear' ? `cùng kỳ năm ${prev.year}` : periodPhrase(prev.kind, prev.year);
    name = `số liệu ${when} của ${prevId.unit ?? 'đơn vị khác'} (không phải của đơn vị này)`;
  }
  const sentences: Partial<Record<SectionTag, string>> = {};
  // Each table says what of its figures compares (src/core/tables/<table>.ts, `section.compare`).
  for (const t of TABLES) {
    const said = t.section.compare?.(report.data.tables[t.name], previous.data.tables[t.name], (a, b, noun) => change(a, b, noun, p));
    if (said) sentences[t.section.tag] = `So với ${name}, ${said}.`;
  }
  return { sentences };
}
