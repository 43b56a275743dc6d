/**
 * Checks over the rows of one table: repeated rows and indicators, options of enum columns,
 * tuyến and levels of the regime in force, the HTXSNV caps, and the carry-over from the previous
 * period (T5).
 */
import { RATING_SUBJECTS } from '../contract';
import { allColumns } from '../tables';
import { capLimit } from '../calculators';
import { extractTable, headerOf, type Row } from '../extract';
import { locateAll } from '../locate';
import { toA1, type WorkbookModel } from '../model';
import type { RuleSet } from '../regimes';
import { foldText, normalizeText } from '../text';
import { baseAt, relatedCells, usable, type Push, type TableInput } from './context';
import { looseName, matchOption } from '../labels';
import { normaliseRows } from './rows';

/**
 * The same row twice: a warning; with `conflicts` (a table of indicators, where a row is one
 * indicator), an error when the same indicator carries two values.
 */
export function checkDuplicates({ lt, ex }: TableInput, keyOf: (r: Row) => string, push: Push, conflicts = false): void {
  const seen = new Map<string, Row>();
  const figureKeys = allColumns(lt.spec).map((c) => c.key).filter((k) => k !== lt.spec.labelKey && lt.col[k] !== undefined);
  for (const r of ex.rows) {
    // Case and spacing are ignored; labels typed with and without diacritics are different rows.
    const k = normalizeText(keyOf(r));
    if (onlyBars(k)) continue;
    const first = seen.get(k);
    if (!first) {
      seen.set(k, r);
      continue;
    }
    const key = lt.spec.labelKey;
    const differs = figureKeys.find((f) => r.values[f] !== undefined && first.values[f] !== undefined && r.values[f] != null && first.values[f] != null && r.values[f] !== first.values[f]);
    if (differs && conflicts) {
      push({ code: 'conflicting_values', ...baseAt(lt, r, differs), header: headerOf(lt.spec, differs), firstCell: first.cell(differs)!, expected: first.values[differs]!, actual: r.values[differs]!, related: [first.cell(differs)!] });
    } else {
      push({ code: 'duplicate_row', ...baseAt(lt, r, key), header: headerOf(lt.spec, key), firstCell: first.cell(key)! });
    }
  }
}

/** A key of nothing but its separators ("||"): a row with no label at all. */
function onlyBars(k: string): boolean {
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== 0x7c) return false;
  return true;
}

export function checkOptions({ lt, ex }: TableInput, key: string, options: readonly string[], push: Push): void {
  if (lt.col[key] === undefined) return;
  for (const r of ex.rows) {
    const t = r.text[key];
    if (!t || matchOption(t, options)) continue;
    push({ code: 'invalid_option', ...baseAt(lt, r, key), header: headerOf(lt.spec, key), actual: t, options: [...options] });
  }
}

const ALL_TUYEN = ['Tỉnh', 'Huyện', 'Xã'];

/**
 * The tuyến a period's rows may name: those of the rules in force at its end and, for a period that
 * began under other rules (Quý III/2025, 9 tháng and năm 2025 straddle the end of cấp huyện on
 * 01/7/2025), those in force at its start too, since part of its figures belong to before.
 */
function levelsOf(rules: RuleSet, atStart: RuleSet | undefined): string[] {
  return [...new Set([...rules.tuyen.options, ...(atStart?.tuyen.options ?? [])])];
}

export function checkTuyen({ lt, ex }: TableInput, rules: RuleSet, push: Push, atStart?: RuleSet): void {
  if (lt.col.tuyen === undefined) return;
  const allowed = levelsOf(rules, atStart);
  for (const r of ex.rows) {
    const t = r.text.tuyen;
    if (!t) continue;
    const f = foldText(t).replace(/^tuyen\s+/, '');
    if (allowed.some((o) => foldText(o) === f)) continue;
    const base = { ...baseAt(lt, r, 'tuyen'), actual: t, options: rules.tuyen.options };
    if (ALL_TUYEN.some((o) => foldText(o) === f)) push({ code: 'tuyen_not_in_regime', ...base, basis: rules.tuyen.basis.text });
    else push({ code: 'invalid_option', ...base, header: headerOf(lt.spec, 'tuyen') });
  }
}

/**
 * From 01/7/2025 there is no cấp huyện: a catalogue that still counts TTHC there is out of date,
 * unless the period began before (see levelsOf).
 */
export function checkLevels({ lt, ex }: TableInput, rules: RuleSet, push: Push, atStart?: RuleSet): void {
  if (lt.col.capHuyen === undefined || levelsOf(rules, atStart).includes('Huyện')) return;
  for (const r of ex.rows) {
    const v = r.values.capHuyen;
    if (v == null || v <= 0 || !usable(r, 'capHuyen')) continue;
    push({ code: 'level_not_in_regime', ...baseAt(lt, r, 'capHuyen'), header: headerOf(lt.spec, 'capHuyen'), actual: v, basis: rules.tuyen.basis.text });
  }
}

export function checkCaps({ lt, ex }: TableInput, rules: RuleSet, push: Push): void {
  const unitRow = ex.rows.find((r) => matchOption(r.text.doiTuong ?? '', RATING_SUBJECTS) === 'Cơ quan, đơn vị');
  const unitExcellent = !!unitRow && unitRow.values.tongSo === 1 && unitRow.values.htxs === 1;
  for (const r of ex.rows) {
    const subject = matchOption(r.text.doiTuong ?? '', RATING_SUBJECTS);
    const cap = rules.caps.find((c) => c.subject === subject);
    if (!cap || !usable(r, 'htxs') || !usable(r, 'htt')) continue;
    const htxs = r.values.htxs;
    const htt = r.values.htt;
    if (htxs == null || htt == null) continue;
    if (subject === 'Cơ quan, đơn vị' && (r.values.tongSo ?? 0) <= 1) continue;
    const pct = unitExcellent && cap.capPercentIfUnitExcellent ? cap.capPercentIfUnitExcellent : cap.capPercent;
    const limit = capLimit(htt, pct);
    if (htxs > limit) {
      push({ code: 'cap_exceeded', ...baseAt(lt, r, 'htxs'), subject: subject!, capPercent: pct, limit, base: htt, expected: limit, actual: htxs, related: relatedCells(r, ['htt']), rule: 'cap.htxs', basis: cap.basis.text });
    }
  }
}


/**
 * T5: carried over this period = pending at the end of the previous one. Lĩnh vực rows are
 * matched by their loose names; where none match, the totals rows are compared. Says why when it
 * cannot run.
 */
export function checkCarryOver({ lt, ex }: TableInput, previous: WorkbookModel, push: Push): void {
  const at = { sheet: lt.sheet.name, cell: toA1({ row: lt.headerRow, col: lt.col[lt.spec.labelKey] ?? 0 }), table: lt.spec.name };
  if (lt.col.tuKyTruoc === undefined) {
    push({ code: 'carry_over_skipped', ...at, reason: 'bảng kỳ này không có cột "Từ kỳ trước"' });
    return;
  }
  const prevLt = locateAll(previous).get(lt.spec);
  if (!prevLt) {
    push({ code: 'carry_over_skipped', ...at, reason: 'không tìm thấy bảng kết quả giải quyết TTHC trong tệp kỳ trước' });
    return;
  }
  const prev = extractTable(prevLt, () => undefined);
  normaliseRows(prevLt.spec, prev);
  const pending = new Map<string, number | null | undefined>();
  for (const r of prev.rows) pending.set(looseName(r.label), r.values.dangGiaiQuyet);
  const pairs: [Row, number | null | undefined][] = [];
  for (const r of ex.rows) if (pending.has(looseName(r.label))) pairs.push([r, pending.get(looseName(r.label))]);
  const prevTotal = prev.total?.values.dangGiaiQuyet ?? (prev.rows.length ? prev.rows.reduce((a, r) => a + (r.values.dangGiaiQuyet ?? 0), 0) : null);
  if (ex.total && prevTotal != null) pairs.push([ex.total, prevTotal]);
  if (pairs.length === 0) {
    push({ code: 'carry_over_skipped', ...at, reason: 'không ghép được lĩnh vực nào giữa hai kỳ và không có dòng tổng cộng để so' });
    return;
  }
  for (const [r, expected] of pairs) {
    const actual = r.values.tuKyTruoc;
    if (expected == null || actual == null || !usable(r, 'tuKyTruoc') || expected === actual || !r.has('tuKyTruoc')) continue;
    push({ code: 'carry_over_mismatch', ...baseAt(lt, r, 'tuKyTruoc'), rule: 'T5', expected, actual });
  }
}
