import {
  CONTRACT_VERSION,
  FEEDBACK_KINDS,
  INFO_NAMES,
  PERIOD_KINDS,
  RATING_SUBJECTS,
  RAW_SURVEYS,
  SHEET_INFO,
  STAFF_KINDS,
  SURVEY_SUBJECTS,
  TABLES,
  type InfoName,
  type TableName,
  type TableSpec,
} from './contract';
import {
  capLimit,
  percentOf,
  ratingShare,
  roundNoise,
  shareOfReceived,
  soDuocDanhGia,
  surveyIndicators,
  tyLeDungHan,
  tyLeQuaHan,
  tyLeSuDungBienChe,
  tyLeTrucTuyen,
  type SurveyResponse,
} from './calculators';
import { cellText, normalizeCell, readRate, type Norm, type RateReading } from './cells';
import { extractTable, headerOf, markInvalid, type Extracted, type Row } from './extract';
import { sortFindings, summarize, type Draft } from './findings';
import { locateTable, type LocatedTable } from './locate';
import { withMessage } from './messages';
import { findSheet, getCell, parseA1, parseRange, toA1, type Cell, type WorkbookModel } from './model';
import { roundTo } from './numbers';
import { formatDate, parseDateText, parsePeriodKind, reportingWindow, serialToIso, type WindowKind } from './periods';
import { ruleSetFor, type RuleSet } from './regimes';
import { readReportDate } from './reportDate';
import { partsOf, rateParts, rowPartsOf } from './findingParts';
import type { CheckReport, DataRow, ExtractedData, PeriodInfo, TableData } from './report';
import { DERIVED_COUNTS, DERIVED_RATES, IDENTITIES, derivedRateValue } from './rules';
import { foldText, headerKey, normalizeText, slug } from './text';

export interface CheckOptions {
  /** The previous period's workbook, for T5 (carried over = previous pending). */
  previous?: WorkbookModel;
  /** T4 (3) = (7) + (11) holds only where returned files are counted in (7) or (11); overrides the workbook's KiemTraT4. */
  t4?: boolean;
  /** Which window the period kind implies: NĐ 09 (default) or calendar periods. */
  windowKind?: WindowKind;
  /** G2 answers that count as "would return" (default from the rule set: {4, 5}). */
  returnSet?: number[];
}

/** Checks a workbook against the contract and the rules of its period. Never throws on bad data. */
export function checkWorkbook(model: WorkbookModel, options: CheckOptions = {}): CheckReport {
  const drafts: Draft[] = [];
  const push = (d: Draft) => drafts.push(d);

  const info = readInfo(model, push);
  const t4 = options.t4 ?? t4FromWorkbook(info);
  const period = resolvePeriod(info, options.windowKind ?? 'nd09', push);
  const rules = ruleSetFor(period?.to ?? todayIso());

  const data: ExtractedData = { unit: info.unit, recipient: info.recipient, tables: {} };
  const reportDate = readReportDate(model); // i10: the report's own date, for the date line
  if (reportDate) data.reportDate = reportDate;
  const extracted: Partial<Record<TableName, { lt: LocatedTable; ex: Extracted }>> = {};
  for (const spec of TABLES) {
    const lt = locateTable(model, spec);
    if (!lt) {
      push({
        code: 'missing_table',
        severity: spec.required ? 'error' : 'info',
        sheet: spec.sheet,
        cell: 'A1',
        tableName: spec.name,
        table: spec.name,
      });
      continue;
    }
    if (lt.byHeaders) {
      push({ code: 'table_found_by_headers', severity: 'info', sheet: lt.sheet.name, cell: toA1({ row: lt.headerRow, col: firstCol(lt) }), tableName: spec.name, table: spec.name });
    }
    for (const header of lt.missing) {
      push({ code: 'missing_column', severity: 'error', sheet: lt.sheet.name, cell: toA1({ row: lt.headerRow, col: firstCol(lt) }), tableName: spec.name, table: spec.name, header });
    }
    const ex = extractTable(lt, push);
    extracted[spec.name] = { lt, ex };
    checkRows(spec, lt, ex, t4, push);
    checkTotals(spec, lt, ex, push);
    data.tables[spec.name] = toTableData(spec, lt, ex);
  }

  const kq = extracted.KetQuaGiaiQuyet;
  if (kq) {
    checkDuplicates(kq.lt, kq.ex, (r) => r.label, push);
    if (options.previous) checkCarryOver(kq.lt, kq.ex, options.previous, push);
  }
  const dm = extracted.DanhMucTTHC;
  if (dm) checkDuplicates(dm.lt, dm.ex, (r) => r.label, push);
  const pa = extracted.PhanAnhKienNghi;
  if (pa) checkOptions(pa.lt, pa.ex, 'loai', FEEDBACK_KINDS, push);
  const bc = extracted.BienChe;
  if (bc) {
    checkOptions(bc.lt, bc.ex, 'loai', STAFF_KINDS, push);
    checkTuyen(bc.lt, bc.ex, rules, push);
    checkDuplicates(bc.lt, bc.ex, (r) => [r.label, r.text.loai ?? '', r.text.tuyen ?? ''].join('|'), push);
  }
  const xl = extracted.XepLoai;
  if (xl) {
    checkOptions(xl.lt, xl.ex, 'doiTuong', RATING_SUBJECTS, push);
    checkCaps(xl.lt, xl.ex, rules, push);
  }
  const ks = extracted.KhaoSatHaiLong;
  if (ks) {
    checkOptions(ks.lt, ks.ex, 'doiTuong', SURVEY_SUBJECTS, push);
    checkSurveys(model, ks.lt, ks.ex, options.returnSet ?? rules.satisfaction.returnSet, push);
  }

  const issues = sortFindings(drafts.map(withMessage), model.sheets.map((s) => s.name));
  const report: CheckReport = {
    contract: CONTRACT_VERSION,
    summary: summarize(issues),
    issues,
    metrics: computeMetrics(data),
    data,
  };
  if (model.fileName) report.file = model.fileName;
  if (period) report.period = { ...period, regime: rules.id };
  return report;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Leftmost column found, where table-level findings point (A when no header matched). */
function firstCol(lt: LocatedTable): number {
  const cols = Object.values(lt.col);
  return cols.length ? Math.min(...cols) : 0;
}

// ---------------------------------------------------------------- the "Thông tin" sheet

interface NameValue {
  name: InfoName;
  label: string;
  sheet: string;
  cell: string;
  value: Cell | undefined;
}

interface Info {
  unit: string | null;
  recipient: string | null;
  values: Partial<Record<InfoName, NameValue>>;
}

function readInfo(model: WorkbookModel, push: (d: Draft) => void): Info {
  const values: Info['values'] = {};
  for (const spec of INFO_NAMES) {
    const ref = model.names.find((n) => n.name.toLowerCase() === spec.name.toLowerCase());
    if (ref) {
      const sheet = findSheet(model, ref.sheet);
      values[spec.name] = { name: spec.name, label: spec.label, sheet: ref.sheet, cell: ref.cell, value: sheet ? getCell(sheet, parseA1(ref.cell)) : undefined };
      continue;
    }
    const byLabel = findByLabel(model, spec.label);
    if (byLabel) {
      values[spec.name] = { name: spec.name, label: spec.label, ...byLabel };
      push({ code: 'missing_name', severity: 'info', sheet: byLabel.sheet, cell: byLabel.cell, name: spec.name, label: spec.label });
    } else if (spec.required) {
      push({ code: 'missing_name', severity: 'error', sheet: SHEET_INFO, cell: 'A1', name: spec.name, label: spec.label });
    }
  }
  const text = (n: InfoName) => {
    const v = values[n];
    const t = v ? cellText(v.value) : '';
    return t === '' ? null : t;
  };
  const version = values.PhienBanMau;
  if (version && text('PhienBanMau') !== CONTRACT_VERSION) {
    push({ code: 'unknown_contract', severity: 'warning', sheet: version.sheet, cell: version.cell, expected: CONTRACT_VERSION, actual: text('PhienBanMau') ?? '' });
  }
  const unit = values.DonViBaoCao;
  if (unit && text('DonViBaoCao') === null) {
    push({ code: 'missing_value', severity: 'error', sheet: unit.sheet, cell: unit.cell, header: unit.label });
  }
  return { unit: text('DonViBaoCao'), recipient: text('DonViNhan'), values };
}

/** A label cell ("Kỳ báo cáo", "Kỳ báo cáo:") with its value in the next non-empty cell to the right. */
function findByLabel(model: WorkbookModel, label: string): { sheet: string; cell: string; value: Cell | undefined } | null {
  const key = headerKey(label);
  const sheets = [...model.sheets].sort((a, b) => Number(b.name === SHEET_INFO) - Number(a.name === SHEET_INFO));
  for (const sheet of sheets) {
    const limit = Math.min(sheet.rows.length, 60);
    for (let r = 0; r < limit; r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < Math.min(cells.length, 20); c++) {
        if (headerKey(cellText(cells[c])) !== key) continue;
        for (let k = c + 1; k < cells.length; k++) {
          if (normalizeCell(cells[k]).t !== 'blank') return { sheet: sheet.name, cell: toA1({ row: r, col: k }), value: cells[k] };
        }
        return { sheet: sheet.name, cell: toA1({ row: r, col: c + 1 }), value: undefined };
      }
    }
  }
  return null;
}

/** "Không" (or No, 0, FALSE) in KiemTraT4 switches T4 off; anything else, or nothing, leaves it on. */
function t4FromWorkbook(info: Info): boolean {
  const v = info.values.KiemTraT4;
  const t = v ? foldText(cellText(v.value)) : '';
  return !['khong', 'k', 'no', 'false', '0', 'tat'].includes(t);
}

function readDate(v: NameValue | undefined, push: (d: Draft) => void): string | null {
  if (!v) return null;
  const n = normalizeCell(v.value);
  if (n.t === 'blank') return null;
  let iso: string | null = null;
  if (n.t === 'num' && n.text === undefined) iso = serialToIso(n.value);
  else if (v.value && typeof v.value.v === 'string') iso = parseDateText(v.value.v);
  if (!iso) push({ code: 'invalid_date', severity: 'error', sheet: v.sheet, cell: v.cell, label: v.label, actual: cellText(v.value) || (n.t === 'error' ? n.error : '') });
  return iso;
}

function resolvePeriod(info: Info, windowKind: WindowKind, push: (d: Draft) => void): Omit<PeriodInfo, 'regime'> | null {
  const kv = info.values.KyBaoCao;
  const kindText = kv ? cellText(kv.value) : '';
  const kind = parsePeriodKind(kindText);
  if (kv && !kind) {
    if (kindText === '') push({ code: 'missing_value', severity: 'error', sheet: kv.sheet, cell: kv.cell, header: kv.label });
    else push({ code: 'invalid_period_kind', severity: 'error', sheet: kv.sheet, cell: kv.cell, actual: kindText, options: [...PERIOD_KINDS] });
  }
  const yv = info.values.NamBaoCao;
  let year: number | null = null;
  if (yv) {
    const n = normalizeCell(yv.value);
    if (n.t === 'num' && Number.isInteger(n.value) && n.value >= 2000 && n.value <= 2100) year = n.value;
    else if (n.t === 'blank') push({ code: 'missing_value', severity: 'error', sheet: yv.sheet, cell: yv.cell, header: yv.label });
    else push({ code: 'invalid_year', severity: 'error', sheet: yv.sheet, cell: yv.cell, actual: cellText(yv.value) });
  }
  const from = readDate(info.values.TuNgay, push);
  const to = readDate(info.values.DenNgay, push);
  const official = kind && year ? reportingWindow(kind, year, windowKind) : null;
  const calendar = kind && year ? reportingWindow(kind, year, 'calendar') : null;

  if (from && to && from > to) {
    const dv = info.values.DenNgay!;
    push({ code: 'window_reversed', severity: 'error', sheet: dv.sheet, cell: dv.cell, from, to, related: [info.values.TuNgay!.cell], actual: to });
  } else if (from && to && official && calendar) {
    const matches = (w: { from: string; to: string }) => w.from === from && w.to === to;
    if (!matches(official) && !matches(calendar)) {
      for (const [iso, nv, expected] of [
        [from, info.values.TuNgay!, official.from],
        [to, info.values.DenNgay!, official.to],
      ] as const) {
        if (iso !== expected) {
          push({ code: 'window_differs', severity: 'warning', sheet: nv.sheet, cell: nv.cell, label: nv.label, from: official.from, to: official.to, actual: formatDate(iso), expected: formatDate(expected) });
        }
      }
    }
  }
  // i10: the period shown everywhere is the one the workbook states, even a reversed one (its own
  // error says so); the NĐ 09 window fills in only what the workbook leaves out.
  if (!kind || !year) {
    if (from && to) return { kind: kind ?? kindText, year: year ?? Number(to.slice(0, 4)), from, to, source: 'workbook' };
    return null;
  }
  if (from || to) {
    const w = { from: from ?? official!.from, to: to ?? official!.to };
    const source = calendar && calendar.from === w.from && calendar.to === w.to ? 'calendar' : 'workbook';
    return { kind, year, ...w, source };
  }
  return { kind, year, from: official!.from, to: official!.to, source: windowKind === 'calendar' ? 'calendar' : 'nd09' };
}

// ---------------------------------------------------------------- rows, identities, derived figures

function baseAt(lt: LocatedTable, row: Row, key: string) {
  return {
    sheet: lt.sheet.name,
    cell: row.cell(key)!,
    table: lt.spec.name,
    column: key,
    ...(row.label ? { rowLabel: row.label } : {}),
  };
}

function usable(row: Row, key: string): boolean {
  return !row.invalid.has(key);
}

/** Is the stated reading of a rate the true ratio, rounded to the decimals it was typed with? */
export function rateMatches(stated: RateReading, expected: number): boolean {
  const at = (s: number, d: number) => (d > 6 ? Math.abs(s - expected) < 1e-6 : Math.abs(roundTo(expected, d) - s) < 1e-9 * Math.max(1, Math.abs(s)));
  if (at(stated.percent, stated.decimals)) return true;
  return stated.maybeFraction && at(roundNoise(stated.percent * 100), Math.max(0, stated.decimals - 2));
}

function checkRows(spec: TableSpec, lt: LocatedTable, ex: Extracted, t4: boolean, push: (d: Draft) => void): void {
  for (const row of ex.rows) {
    for (const id of IDENTITIES) {
      if (id.table !== spec.name || (id.option === 't4' && !t4)) continue;
      checkIdentity(spec, lt, row, id.id, id.total, id.parts, push);
    }
    for (const d of DERIVED_COUNTS) {
      if (d.table !== spec.name || row.cell(d.key) === undefined) continue;
      const expected = d.compute(row.values);
      const n = row.norm[d.key]!;
      if (expected != null && n.t === 'num' && usable(row, d.key) && n.value !== expected) {
        push({ code: 'derived_mismatch', severity: 'error', ...baseAt(lt, row, d.key), header: headerOf(spec, d.key), formula: d.formula, expected, actual: n.value, related: relatedCells(row, ['duocGiao', 'coMat']), parts: partsOf(spec, row, ['duocGiao', 'coMat']) });
      }
      row.stated ??= {};
      row.stated[d.key] = n.t === 'num' && usable(row, d.key) ? n.value : expected;
      row.values[d.key] = expected;
    }
    for (const r of DERIVED_RATES) {
      if (r.table !== spec.name || row.cell(r.key) === undefined) continue;
      const expected = derivedRateValue(r, row.values);
      checkRateCell(spec, lt, row, r.key, row.norm[r.key]!, expected, r.numerator(row.values), r.denominator(row.values), push);
      row.values[r.key] = expected;
    }
  }
}

function relatedCells(row: Row, keys: string[]): string[] {
  return keys.map((k) => row.cell(k)).filter((c): c is string => c !== undefined);
}

function checkIdentity(spec: TableSpec, lt: LocatedTable, row: Row, id: string, total: string, parts: string[], push: (d: Draft) => void): void {
  if (row.cell(total) === undefined || !usable(row, total)) return;
  const stated = row.values[total];
  if (stated == null) return;
  let s = 0;
  const present: string[] = [];
  for (const p of parts) {
    if (row.cell(p) === undefined) continue; // optional column absent (cấp huyện after 2025)
    if (!usable(row, p)) return;
    const col = spec.columns.find((c) => c.key === p);
    const v = row.values[p];
    if (v == null && col?.required) return;
    s += v ?? 0;
    present.push(p);
  }
  s = roundNoise(s);
  if (s !== stated) {
    push({
      code: 'sum_mismatch',
      severity: 'error',
      ...baseAt(lt, row, total),
      rule: id,
      expected: s,
      actual: stated,
      related: relatedCells(row, present),
      totalLabel: headerOf(spec, total),
      partLabels: present.map((p) => headerOf(spec, p)),
      parts: partsOf(spec, row, present),
    });
  }
}

function checkRateCell(
  spec: TableSpec,
  lt: LocatedTable,
  row: Row,
  key: string,
  n: Norm,
  expected: number | null,
  numerator: number | null,
  denominator: number | null,
  push: (d: Draft) => void,
): void {
  if (!usable(row, key)) return;
  const stated = readRate(n);
  if (!stated) return; // blank, or "không phát sinh" typed
  const related = relatedCells(row, key === 'tyLeDungHan' ? ['truocHan', 'dungHan', 'daGiaiQuyet'] : ['thucHien', 'keHoach']);
  if (expected == null) {
    if (denominator === 0 && stated.percent !== 0) {
      push({ code: 'rate_mismatch', severity: 'error', ...baseAt(lt, row, key), header: headerOf(spec, key), numerator: numerator ?? 0, denominator: 0, decimals: stated.decimals, expected: 'không phát sinh', actual: stated.percent, related, ...rateParts(spec, row, key) });
    }
    return;
  }
  if (!rateMatches(stated, expected)) {
    const decimals = stated.decimals > 6 ? 2 : Math.max(stated.decimals, 2);
    push({ code: 'rate_mismatch', severity: 'error', ...baseAt(lt, row, key), header: headerOf(spec, key), numerator: numerator ?? 0, denominator: denominator ?? 0, decimals, expected: roundTo(expected, decimals), actual: roundNoise(stated.percent), related, ...rateParts(spec, row, key) });
  }
}

function checkTotals(spec: TableSpec, lt: LocatedTable, ex: Extracted, push: (d: Draft) => void): void {
  const total = ex.total;
  if (!total) return;
  for (const key of spec.totals) {
    if (total.cell(key) === undefined || !usable(total, key)) continue;
    const n = total.norm[key]!;
    if (n.t !== 'num') continue;
    if (ex.rows.some((r) => !usable(r, key))) continue;
    const s = roundNoise(ex.rows.reduce((acc, r) => acc + (r.stated?.[key] ?? r.values[key] ?? 0), 0));
    if (s !== n.value) {
      const cells = ex.rows.map((r) => r.cell(key)).filter((c): c is string => !!c);
      push({
        code: 'sum_mismatch',
        severity: 'error',
        ...baseAt(lt, total, key),
        rule: 'T6',
        expected: s,
        actual: n.value,
        related: cells.length > 12 ? [`${cells[0]}:${cells[cells.length - 1]}`] : cells,
        totalLabel: headerOf(spec, key),
        partLabels: [],
        ...(rowPartsOf(ex.rows, key) ? { parts: rowPartsOf(ex.rows, key)! } : {}),
      });
    }
  }
  // A rate in the totals row follows the totals row's own figures.
  for (const r of DERIVED_RATES) {
    if (r.table !== spec.name || total.cell(r.key) === undefined) continue;
    const expected = derivedRateValue(r, total.values);
    checkRateCell(spec, lt, total, r.key, total.norm[r.key]!, expected, r.numerator(total.values), r.denominator(total.values), push);
  }
}


function checkDuplicates(lt: LocatedTable, ex: Extracted, keyOf: (r: Row) => string, push: (d: Draft) => void): void {
  const seen = new Map<string, Row>();
  for (const r of ex.rows) {
    // Case and spacing are ignored; labels typed with and without diacritics are different rows.
    const k = normalizeText(keyOf(r));
    if (!k.replace(/\|/g, '')) continue;
    const first = seen.get(k);
    if (first) {
      const key = lt.spec.labelKey;
      push({ code: 'duplicate_row', severity: 'warning', ...baseAt(lt, r, key), header: headerOf(lt.spec, key), firstCell: first.cell(key)! });
    } else seen.set(k, r);
  }
}

/** Accepts an option by its folded start ("Hợp đồng 68" is "Hợp đồng", "HĐ" too). */
function matchOption(text: string, options: readonly string[]): string | null {
  const f = foldText(text);
  for (const o of options) {
    const fo = foldText(o);
    if (f === fo || f.startsWith(fo)) return o;
  }
  if (options.includes('Hợp đồng') && /^hd\b|^hop dong/.test(f)) return 'Hợp đồng';
  if (options.includes('Phản ánh, kiến nghị') && /(phan anh|kien nghi|don thu)/.test(f)) return 'Phản ánh, kiến nghị';
  if (options.includes('Cơ quan, đơn vị') && /^(co quan|don vi|tap the)/.test(f)) return 'Cơ quan, đơn vị';
  if (options.includes('Người dân, tổ chức (TTHC)') && /(nguoi dan|to chuc|tthc)/.test(f)) return 'Người dân, tổ chức (TTHC)';
  return null;
}

function checkOptions(lt: LocatedTable, ex: Extracted, key: string, options: readonly string[], push: (d: Draft) => void): void {
  if (lt.col[key] === undefined) return;
  for (const r of ex.rows) {
    const t = r.text[key];
    if (!t || matchOption(t, options)) continue;
    push({ code: 'invalid_option', severity: 'warning', ...baseAt(lt, r, key), header: headerOf(lt.spec, key), actual: t, options: [...options] });
  }
}

const ALL_TUYEN = ['Tỉnh', 'Huyện', 'Xã'];

function checkTuyen(lt: LocatedTable, ex: Extracted, rules: RuleSet, push: (d: Draft) => void): void {
  if (lt.col.tuyen === undefined) return;
  for (const r of ex.rows) {
    const t = r.text.tuyen;
    if (!t) continue;
    const f = foldText(t).replace(/^tuyen\s+/, '');
    if (rules.tuyen.options.some((o) => foldText(o) === f)) continue;
    const base = { ...baseAt(lt, r, 'tuyen'), actual: t, options: rules.tuyen.options };
    if (ALL_TUYEN.some((o) => foldText(o) === f)) push({ code: 'tuyen_not_in_regime', severity: 'warning', ...base, basis: rules.tuyen.basis.text });
    else push({ code: 'invalid_option', severity: 'warning', ...base, header: headerOf(lt.spec, 'tuyen') });
  }
}

function checkCaps(lt: LocatedTable, ex: Extracted, rules: RuleSet, push: (d: Draft) => void): void {
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
      push({ code: 'cap_exceeded', severity: 'warning', ...baseAt(lt, r, 'htxs'), subject: subject!, capPercent: pct, limit, base: htt, expected: limit, actual: htxs, related: relatedCells(r, ['htt']), rule: 'cap.htxs', basis: cap.basis.text });
    }
  }
}

function checkCarryOver(lt: LocatedTable, ex: Extracted, previous: WorkbookModel, push: (d: Draft) => void): void {
  const spec = lt.spec;
  const prevLt = locateTable(previous, spec);
  if (!prevLt || lt.col.tuKyTruoc === undefined) return;
  const prev = extractTable(prevLt, () => undefined);
  const pending = new Map(prev.rows.map((r) => [foldText(r.label), r.values.dangGiaiQuyet] as const));
  const pairs: [Row, number | null | undefined][] = ex.rows.map((r) => [r, pending.get(foldText(r.label))]);
  if (ex.total && prev.total) pairs.push([ex.total, prev.total.values.dangGiaiQuyet]);
  for (const [r, expected] of pairs) {
    const actual = r.values.tuKyTruoc;
    if (expected == null || actual == null || !usable(r, 'tuKyTruoc') || expected === actual) continue;
    push({ code: 'carry_over_mismatch', severity: 'warning', ...baseAt(lt, r, 'tuKyTruoc'), rule: 'T5', expected, actual });
  }
}

// ---------------------------------------------------------------- satisfaction

const RATE_KEYS = ['haiLongChung', 'soVoiMongDoi', 'quayLai', 'toanDien'] as const;

function surveyPercent(n: Norm | undefined): { reading: RateReading; percent: number } | null {
  const r = n ? readRate(n) : null;
  if (!r) return null;
  return { reading: r, percent: r.maybeFraction ? roundNoise(r.percent * 100) : r.percent };
}

function checkSurveys(model: WorkbookModel, lt: LocatedTable, ex: Extracted, returnSet: number[], push: (d: Draft) => void): void {
  const spec = lt.spec;
  for (const r of ex.rows) {
    const pct: Partial<Record<(typeof RATE_KEYS)[number], number>> = {};
    for (const key of RATE_KEYS) {
      if (r.cell(key) === undefined || !usable(r, key)) continue;
      const p = surveyPercent(r.norm[key]);
      if (!p) continue;
      if (p.percent < 0 || p.percent > 100) {
        push({ code: 'rate_out_of_range', severity: 'error', ...baseAt(lt, r, key), header: headerOf(spec, key), actual: p.percent });
        markInvalid(r, key);
        continue;
      }
      pct[key] = p.percent;
      r.values[key] = p.percent;
    }
    if (pct.toanDien != null && pct.haiLongChung != null && pct.toanDien > pct.haiLongChung + 1e-9) {
      push({ code: 'satisfaction_inconsistent', severity: 'error', ...baseAt(lt, r, 'toanDien'), expected: pct.haiLongChung, actual: pct.toanDien, related: relatedCells(r, ['haiLongChung']) });
    }
  }
  for (const raw of RAW_SURVEYS) {
    const responses = readResponses(model, raw.table, raw.sheet);
    if (!responses) continue;
    const row = ex.rows.find((r) => foldText(r.text.doiTuong ?? '') === foldText(raw.subject));
    if (!row) continue;
    const ind = surveyIndicators(responses, returnSet);
    if (row.cell('soPhieu') && usable(row, 'soPhieu') && row.values.soPhieu != null && row.values.soPhieu !== ind.respondents) {
      push({ code: 'survey_summary_mismatch', severity: 'error', ...baseAt(lt, row, 'soPhieu'), header: headerOf(spec, 'soPhieu'), respondents: ind.respondents, expected: ind.respondents, actual: row.values.soPhieu });
    }
    for (const key of RATE_KEYS) {
      const expected = ind[key];
      if (expected == null || row.cell(key) === undefined || !usable(row, key)) continue;
      const p = surveyPercent(row.norm[key]);
      if (!p) continue;
      const reading = p.reading.maybeFraction ? { ...p.reading, percent: p.percent, maybeFraction: false, decimals: Math.max(0, p.reading.decimals - 2) } : p.reading;
      if (!rateMatches(reading, expected)) {
        push({ code: 'survey_summary_mismatch', severity: 'error', ...baseAt(lt, row, key), header: headerOf(spec, key), respondents: ind.respondents, expected: roundTo(expected, 2), actual: p.percent });
      }
    }
  }
}

const ITEM = /^([a-e]\d{1,2}|g[12])$/i;

/** One row per respondent, one column per item (A1…E7, G1, G2), by table name or sheet name. */
function readResponses(model: WorkbookModel, tableName: string, sheetName: string): SurveyResponse[] | null {
  const t = model.tables.find((x) => x.name.toLowerCase() === tableName.toLowerCase());
  const sheet = t ? findSheet(model, t.sheet) : model.sheets.find((s) => foldText(s.name) === foldText(sheetName));
  if (!sheet) return null;
  let headerRow: number;
  let lastRow: number;
  if (t) {
    const r = parseRange(t.ref);
    headerRow = r.start.row;
    lastRow = t.totalsRow ? r.end.row - 1 : r.end.row;
  } else {
    headerRow = sheet.rows.findIndex((cells) => (cells ?? []).some((c) => ITEM.test(cellText(c))));
    if (headerRow < 0) return null;
    lastRow = sheet.rows.length - 1;
  }
  const items: [number, string][] = [];
  (sheet.rows[headerRow] ?? []).forEach((c, i) => {
    const h = cellText(c).toUpperCase();
    if (ITEM.test(h)) items.push([i, h]);
  });
  if (items.length === 0) return null;
  const out: SurveyResponse[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    const resp: SurveyResponse = {};
    let any = false;
    for (const [i, item] of items) {
      const n = normalizeCell(cells[i]);
      resp[item] = n.t === 'num' ? n.value : null;
      if (n.t !== 'blank') any = true;
    }
    if (any) out.push(resp);
  }
  return out;
}

// ---------------------------------------------------------------- data and metrics

function toTableData(spec: TableSpec, lt: LocatedTable, ex: Extracted): TableData {
  // The checker's rows are DataRows already (addresses computed on demand): no copies.
  const plain = (r: Row): DataRow => r;
  const sums: Record<string, number | null> = {};
  for (const c of spec.columns) {
    if (c.kind === 'text' || c.kind === 'enum' || lt.col[c.key] === undefined) continue;
    if (c.kind === 'rate' || c.kind === 'derivedRate') continue;
    let s = 0;
    let any = false;
    for (const r of ex.rows) {
      const v = r.values[c.key];
      if (v != null && !r.invalid.has(c.key)) {
        s += v;
        any = true;
      }
    }
    sums[c.key] = any ? roundNoise(s) : null;
  }
  const out: TableData = { name: spec.name, sheet: lt.sheet.name, rows: ex.rows.map(plain), sums, columns: Object.keys(lt.col) };
  if (ex.total) out.total = plain(ex.total);
  return out;
}

function computeMetrics(data: ExtractedData): Record<string, number | null> {
  const m: Record<string, number | null> = {};
  const kq = data.tables.KetQuaGiaiQuyet;
  if (kq && kq.rows.length) {
    const s = kq.sums;
    for (const [k, v] of Object.entries(s)) m[`tthc.${k}`] = v;
    m['tthc.tyLeDungHan'] = tyLeDungHan(s);
    m['tthc.tyLeQuaHan'] = tyLeQuaHan(s);
    m['tthc.tyLeTrucTuyen'] = tyLeTrucTuyen(s);
    m['tthc.tyLeDaGiaiQuyet'] = shareOfReceived(s.daGiaiQuyet, s);
    m['tthc.tyLeDangGiaiQuyet'] = shareOfReceived(s.dangGiaiQuyet, s);
  }
  const dm = data.tables.DanhMucTTHC;
  if (dm && dm.rows.length) for (const [k, v] of Object.entries(dm.sums)) m[`danhMuc.${k}`] = v;
  const pa = data.tables.PhanAnhKienNghi;
  if (pa && pa.rows.length) {
    for (const [k, v] of Object.entries(pa.sums)) m[`phanAnh.${k}`] = v;
    m['phanAnh.tyLeDaGiaiQuyet'] = percentOf(pa.sums.daGiaiQuyet, pa.sums.tiepNhan);
  }
  const bc = data.tables.BienChe;
  if (bc && bc.rows.length) {
    for (const [k, v] of Object.entries(bc.sums)) m[`bienChe.${k}`] = v;
    m['bienChe.tyLeSuDung'] = tyLeSuDungBienChe(bc.sums.duocGiao, bc.sums.coMat);
    for (const kind of STAFF_KINDS) {
      const rows = bc.rows.filter((r) => matchOption(r.text.loai ?? '', STAFF_KINDS) === kind);
      if (!rows.length) continue;
      const giao = roundNoise(rows.reduce((a, r) => a + (r.values.duocGiao ?? 0), 0));
      const coMat = roundNoise(rows.reduce((a, r) => a + (r.values.coMat ?? 0), 0));
      m[`bienChe.${slug(kind)}.duocGiao`] = giao;
      m[`bienChe.${slug(kind)}.coMat`] = coMat;
    }
  }
  const xl = data.tables.XepLoai;
  if (xl) {
    for (const r of xl.rows) {
      const k = `xepLoai.${slug(r.text.doiTuong ?? r.label)}`;
      m[`${k}.soDuocDanhGia`] = soDuocDanhGia(r.values);
      m[`${k}.tyLeHtxs`] = ratingShare(r.values.htxs, r.values);
      m[`${k}.tyLeHtt`] = ratingShare(r.values.htt, r.values);
      m[`${k}.tyLeHt`] = ratingShare(r.values.ht, r.values);
      m[`${k}.tyLeKht`] = ratingShare(r.values.kht, r.values);
    }
  }
  const ct = data.tables.ChiTieuKhac;
  if (ct) for (const r of ct.rows) m[`chiTieu.${slug(r.label)}.tyLe`] = r.values.tyLe ?? null;
  const ks = data.tables.KhaoSatHaiLong;
  if (ks) {
    for (const r of ks.rows) {
      const k = `haiLong.${slug(r.text.doiTuong ?? r.label)}`;
      m[`${k}.soPhieu`] = r.values.soPhieu ?? null;
      for (const key of RATE_KEYS) m[`${k}.${key}`] = r.values[key] ?? null;
    }
  }
  return m;
}
