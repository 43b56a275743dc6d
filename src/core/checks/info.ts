/**
 * The report's own information (unit, period, window) and the period it implies. Read from the
 * template's defined names; in officers' own sheets from a label and the value beside it, from
 * "Label: value" in one cell, from a title line ("BÁO CÁO … QUÝ I NĂM 2023") or the header block
 * ("SỞ Y TẾ TỈNH KON TUM"), on any sheet. What cannot be read is said once, at a cell that exists.
 */
import { CONTRACT_VERSION, INFO_NAMES, PERIOD_KINDS, SHEET_INFO, type InfoName, type NameSpec, type PeriodKind } from '../contract';
import { cellText, normalizeCell } from '../cells';
import { findSheet, getCell, parseA1, toA1, type Cell, type WorkbookModel } from '../model';
import { parseDateText, parsePeriodKind, reportingWindow, type WindowKind } from '../periods';
import { formatDate, serialToIso } from '../format';
import type { PeriodInfo } from '../report';
import { foldText, headerKey } from '../text';
import { baseName, periodWords } from '../periodWords';
import type { Push } from './context';

/** Where a value was read: see InfoRecognition in report.ts; `sheet` and `file` are the names of the sheet and the file. */
export type InfoSource = 'name' | 'label' | 'inline' | 'title' | 'header' | 'sheet' | 'file';

export interface NameValue {
  name: InfoName;
  label: string;
  sheet: string;
  cell: string;
  value: Cell | undefined;
  source: InfoSource;
  /** The sheet or file name the value was read from (sources `sheet` and `file`). */
  from?: string;
}

export interface Info {
  unit: string | null;
  recipient: string | null;
  values: Partial<Record<InfoName, NameValue>>;
}

const SCAN_ROWS = 60;
const SCAN_COLS = 30;

function labelKeys(spec: NameSpec): Set<string> {
  return new Set([spec.label, ...(spec.aliases ?? [])].map(headerKey));
}

/** The sheet a missing item is reported on: "Thông tin" if there is one, else the first sheet. */
export function infoAnchor(model: WorkbookModel): { sheet: string; cell: string } {
  const s = findSheet(model, SHEET_INFO) ?? model.sheets[0];
  return { sheet: s?.name ?? SHEET_INFO, cell: 'A1' };
}

/** "Thông tin" first, hidden sheets last: a label kept on last period's hidden sheet must not win over the visible one. */
function sheetsInfoFirst(model: WorkbookModel) {
  const rank = (s: WorkbookModel['sheets'][number]) => (s.hidden ? 2 : 0) + (s.name === SHEET_INFO ? 0 : 1);
  return [...model.sheets].sort((a, b) => rank(a) - rank(b));
}

/** A field name of a report tool or database ("TU_THANG", "loai_bv"), never a value an officer writes. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/;

/** A label cell with its value in the next non-empty cell to the right, or "Label: value" in one cell. */
function findByLabel(model: WorkbookModel, spec: NameSpec): Omit<NameValue, 'name' | 'label'> | null {
  const keys = labelKeys(spec);
  for (const sheet of sheetsInfoFirst(model)) {
    const limit = Math.min(sheet.rows.length, SCAN_ROWS);
    for (let r = 0; r < limit; r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < Math.min(cells.length, SCAN_COLS); c++) {
        const cell = cells[c];
        if (!cell || typeof cell.v !== 'string') continue;
        const text = cellText(cell);
        if (keys.has(headerKey(text))) {
          for (let k = c + 1; k < cells.length; k++) {
            if (normalizeCell(cells[k]).t === 'blank') continue;
            // A row of field names ("ma_tinh | NAM | TU_THANG | DEN_THANG", a report tool's
            // parameters): the label is a column header and its value is the cell below it.
            if (FIELD_NAME.test(cellText(cells[k]))) {
              const below = sheet.rows[r + 1]?.[c];
              if (normalizeCell(below).t === 'blank') break;
              return { sheet: sheet.name, cell: toA1({ row: r + 1, col: c }), value: below, source: 'label' };
            }
            return { sheet: sheet.name, cell: toA1({ row: r, col: k }), value: cells[k], source: 'label' };
          }
          // The label is there and its value left blank: missing inside what is there.
          return { sheet: sheet.name, cell: toA1({ row: r, col: c + 1 }), value: undefined, source: 'label' };
        }
        const colon = text.indexOf(':');
        if (colon > 0 && keys.has(headerKey(text.slice(0, colon)))) {
          const value = text.slice(colon + 1).trim();
          if (value) return { sheet: sheet.name, cell: toA1({ row: r, col: c }), value: { v: value }, source: 'inline' };
        }
      }
    }
  }
  return null;
}

export interface TitlePeriod {
  kind: string;
  year: number;
  sheet: string;
  cell: string;
}

/** "QUÝ I NĂM 2023", "6 THÁNG ĐẦU NĂM 2023", "9 tháng năm 2022", "báo cáo năm 2021" in a title line. */
export function periodFromText(text: string): { kind: string; year: number } | null {
  const p = periodWords(text, 'title');
  return p && p.year !== null ? { kind: p.kind, year: p.year } : null;
}

/**
 * The period a sheet's or the file's name gives ("Quý III-2023", "BC_TTHC_Quy_III_2023_SYT.xlsx"),
 * for workbooks whose sheets say nothing: sheet names first, in the order the check reads them,
 * then the file name.
 */
export function periodFromNames(model: WorkbookModel): { kind: string; year: number; source: 'sheet' | 'file'; name: string; sheet: string } | null {
  for (const sheet of sheetsInfoFirst(model)) {
    const p = periodWords(sheet.name, 'name');
    if (p && p.year !== null) return { kind: p.kind, year: p.year, source: 'sheet', name: sheet.name, sheet: sheet.name };
  }
  if (model.fileName) {
    const p = periodWords(baseName(model.fileName), 'name');
    if (p && p.year !== null) return { kind: p.kind, year: p.year, source: 'file', name: model.fileName, sheet: infoAnchor(model).sheet };
  }
  return null;
}

/** The first text cell in the top rows of any sheet ("Thông tin" first) that `read` makes sense of. */
function firstInTopRows<T>(model: WorkbookModel, rows: number, read: (text: string) => T | null): (T & { sheet: string; cell: string }) | null {
  for (const sheet of sheetsInfoFirst(model)) {
    const limit = Math.min(sheet.rows.length, rows);
    for (let r = 0; r < limit; r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < Math.min(cells.length, SCAN_COLS); c++) {
        const cell = cells[c];
        if (!cell || typeof cell.v !== 'string') continue;
        const got = read(cell.v);
        if (got) return { ...got, sheet: sheet.name, cell: toA1({ row: r, col: c }) };
      }
    }
  }
  return null;
}

function findTitlePeriod(model: WorkbookModel): TitlePeriod | null {
  return firstInTopRows(model, 15, (t) => (t.length < 8 ? null : periodFromText(t)));
}

const WINDOW_TEXT = /\btu (?:ngay )?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}) (?:den|toi) (?:ngay )?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/;

/** "Kỳ báo cáo: Quý I năm 2023 (Từ ngày 15/12/2022 đến ngày 14/03/2022)", "Thời gian lấy số liệu: từ … đến …". */
function findWindowText(model: WorkbookModel): { sheet: string; cell: string; from: string; to: string } | null {
  return firstInTopRows(model, 15, (t) => {
    const m = WINDOW_TEXT.exec(foldText(t));
    return m ? { from: m[1]!, to: m[2]! } : null;
  });
}

/** The issuing body at the top of an NĐ 30/2020 page: "SỞ Y TẾ TỈNH KON TUM", "BỆNH VIỆN ĐA KHOA …". */
const UNIT_LINE = /^(so y te|benh vien|trung tam y te|trung tam kiem soat benh tat|chi cuc|ban quan ly|trung tam)\b/;

function findHeaderUnit(model: WorkbookModel): Omit<NameValue, 'name' | 'label'> | null {
  for (const sheet of sheetsInfoFirst(model)) {
    const limit = Math.min(sheet.rows.length, 8);
    for (let r = 0; r < limit; r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < Math.min(cells.length, 6); c++) {
        const cell = cells[c];
        if (!cell || typeof cell.v !== 'string') continue;
        const text = cellText(cell);
        // "UBND TỈNH X\nSỞ Y TẾ" arrives as one cell with a line break, folded to a space.
        const lines = String(cell.v).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        const hit = lines.find((l) => UNIT_LINE.test(foldText(l)));
        if (hit && text.length < 120) {
          // "SỞ Y TẾ" alone under "UBND TỈNH KON TUM" names the province through the line above.
          const province = lines.find((l) => /^(ubnd|uy ban nhan dan) tinh\b/.test(foldText(l)));
          const f = foldText(hit);
          const value = titleCase(f === 'so y te' && province ? `${hit} ${province.replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, '')}` : hit);
          return { sheet: sheet.name, cell: toA1({ row: r, col: c }), value: { v: value }, source: 'header' };
        }
      }
    }
  }
  return null;
}

/** "SỞ Y TẾ TỈNH KON TUM" → "Sở Y tế tỉnh Kon Tum". */
function titleCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const m = /^(sở y tế|bệnh viện|trung tâm y tế|trung tâm kiểm soát bệnh tật|chi cục|ban quản lý|trung tâm)(.*)$/.exec(lower);
  if (!m) return s;
  const head = m[1]!.charAt(0).toLocaleUpperCase('vi') + m[1]!.slice(1).replace('y tế', 'Y tế');
  const rest = m[2]!.replace(/(^| )(?!(tỉnh|thành phố|huyện|thị xã|quận|đa khoa|chuyên khoa)\b)(\p{Ll})/gu, (_x, sp: string, _k, ch: string) => sp + ch.toLocaleUpperCase('vi'));
  return head + rest;
}

export function readInfo(model: WorkbookModel, push: Push): Info {
  const values: Info['values'] = {};
  for (const spec of INFO_NAMES) {
    const ref = model.names.find((n) => n.name.toLowerCase() === spec.name.toLowerCase());
    if (ref) {
      const sheet = findSheet(model, ref.sheet);
      values[spec.name] = { name: spec.name, label: spec.label, sheet: ref.sheet, cell: ref.cell, value: sheet ? getCell(sheet, parseA1(ref.cell)) : undefined, source: 'name' };
      continue;
    }
    const found = findByLabel(model, spec);
    if (found) values[spec.name] = { name: spec.name, label: spec.label, ...found };
  }
  if (!values.TuNgay && !values.DenNgay) {
    const w = findWindowText(model);
    if (w) {
      values.TuNgay = { name: 'TuNgay', label: 'Từ ngày', sheet: w.sheet, cell: w.cell, value: { v: w.from }, source: 'inline' };
      values.DenNgay = { name: 'DenNgay', label: 'Đến ngày', sheet: w.sheet, cell: w.cell, value: { v: w.to }, source: 'inline' };
    }
  }
  if (!values.DonViBaoCao) {
    const h = findHeaderUnit(model);
    if (h) values.DonViBaoCao = { name: 'DonViBaoCao', label: 'Đơn vị báo cáo', ...h };
  }
  const text = (n: InfoName) => {
    const v = values[n];
    const t = v ? cellText(v.value) : '';
    return t === '' ? null : t;
  };
  const version = values.PhienBanMau;
  if (version && text('PhienBanMau') && text('PhienBanMau') !== CONTRACT_VERSION) {
    push({ code: 'unknown_contract', sheet: version.sheet, cell: version.cell, expected: CONTRACT_VERSION, actual: text('PhienBanMau') ?? '' });
  }
  const unit = values.DonViBaoCao;
  if (unit && text('DonViBaoCao') === null) {
    push({ code: 'missing_value', sheet: unit.sheet, cell: unit.cell, header: unit.label });
  } else if (!unit) {
    push({ code: 'missing_name', ...infoAnchor(model), name: 'DonViBaoCao', label: 'Đơn vị báo cáo' });
  }
  return { unit: text('DonViBaoCao'), recipient: text('DonViNhan'), values };
}

/** "Không" (or No, 0, FALSE) in KiemTraT4 switches T4 off; anything else, or nothing, leaves it on. */
export function t4FromWorkbook(info: Info): boolean {
  const v = info.values.KiemTraT4;
  const t = v ? foldText(cellText(v.value)) : '';
  return !['khong', 'k', 'no', 'false', '0', 'tat'].includes(t);
}

function readDate(v: NameValue | undefined, push: Push): string | null {
  if (!v) return null;
  const n = normalizeCell(v.value);
  if (n.t === 'blank') return null;
  let iso: string | null = null;
  if (n.t === 'num' && n.text === undefined) iso = serialToIso(n.value);
  else if (v.value && typeof v.value.v === 'string') iso = parseDateText(v.value.v);
  if (!iso && typeof v.value?.v === 'number') {
    // A number no date can be: its text would be "NaN" (the reader gives NaN for a serial no
    // Date can hold) or "1e+308", so the message says what it is instead.
    const x = v.value.v;
    push({ code: 'invalid_date', sheet: v.sheet, cell: v.cell, label: v.label, outOfRange: true, ...(Number.isFinite(x) ? { actual: x } : {}) });
  } else if (!iso) push({ code: 'invalid_date', sheet: v.sheet, cell: v.cell, label: v.label, actual: cellText(v.value) || (n.t === 'error' ? n.error : '') });
  return iso;
}

/** "Quý I năm 2023", "Năm 2022", "Cả năm 2022" typed as the period kind give the year too. */
function splitKind(text: string): { kind: string | null; year: number | null } {
  const k = parsePeriodKind(text);
  if (k) return { kind: k, year: null };
  const p = periodWords(text, 'value');
  if (p) return { kind: p.kind, year: p.year };
  return { kind: null, year: null };
}

/** The kind and year "Kỳ báo cáo" and "Năm báo cáo" state, when both are read; nothing is reported. */
export function statedPeriod(info: Info): { kind: PeriodKind; year: number } | null {
  const kv = info.values.KyBaoCao;
  const split = kv ? splitKind(cellText(kv.value)) : { kind: null, year: null };
  const year = statedYear(info);
  return split.kind && year ? { kind: split.kind as PeriodKind, year } : null;
}

/** The year "Năm báo cáo" states, else the one written in "Kỳ báo cáo" ("Quý II năm 2023"). */
export function statedYear(info: Info): number | null {
  const yv = info.values.NamBaoCao;
  const n = yv ? normalizeCell(yv.value) : null;
  if (n && n.t === 'num' && Number.isInteger(n.value) && n.value >= 2000 && n.value <= 2100) return n.value;
  const kv = info.values.KyBaoCao;
  return kv ? splitKind(cellText(kv.value)).year : null;
}

export function resolvePeriod(model: WorkbookModel, info: Info, windowKind: WindowKind, push: Push): Omit<PeriodInfo, 'regime'> | null {
  const kv = info.values.KyBaoCao;
  const kindText = kv ? cellText(kv.value) : '';
  const split = kindText ? splitKind(kindText) : { kind: null, year: null };
  let kind = split.kind as (typeof PERIOD_KINDS)[number] | null;
  if (kv && !kind) {
    if (kindText === '') push({ code: 'missing_value', sheet: kv.sheet, cell: kv.cell, header: kv.label });
    else push({ code: 'invalid_period_kind', sheet: kv.sheet, cell: kv.cell, actual: kindText, options: [...PERIOD_KINDS] });
  }
  const yv = info.values.NamBaoCao;
  let year: number | null = split.year;
  if (yv) {
    const n = normalizeCell(yv.value);
    if (n.t === 'num' && Number.isInteger(n.value) && n.value >= 2000 && n.value <= 2100) year = n.value;
    else if (n.t === 'blank') {
      if (year === null) push({ code: 'missing_value', sheet: yv.sheet, cell: yv.cell, header: yv.label });
    } else if (n.t === 'num' && n.text === undefined) {
      // A number kept as a number, so the message formats it (never "1e+308" or "NaN").
      push({ code: 'invalid_year', sheet: yv.sheet, cell: yv.cell, ...(Number.isFinite(n.value) ? { actual: n.value } : { actual: 'không phải số' }) });
    } else push({ code: 'invalid_year', sheet: yv.sheet, cell: yv.cell, actual: cellText(yv.value) });
  }
  if (!kv && !kind) {
    const t = findTitlePeriod(model);
    if (t) {
      kind = t.kind as (typeof PERIOD_KINDS)[number];
      year ??= t.year;
      info.values.KyBaoCao = { name: 'KyBaoCao', label: 'Kỳ báo cáo', sheet: t.sheet, cell: t.cell, value: { v: t.kind }, source: 'title' };
      if (!info.values.NamBaoCao) info.values.NamBaoCao = { name: 'NamBaoCao', label: 'Năm báo cáo', sheet: t.sheet, cell: t.cell, value: { v: t.year }, source: 'title' };
    }
  }
  const from = readDate(info.values.TuNgay, push);
  const to = readDate(info.values.DenNgay, push);
  if ((!kind || !year) && from && to && from <= to) {
    // Only the window is written ("Từ ngày 15/06/2022 đến ngày 14/09/2022", as the one-stop
    // exports print it): the period is the one whose NĐ 09/2019 or calendar window it is.
    const y = Number(to.slice(0, 4));
    let k0: (typeof PERIOD_KINDS)[number] | null = null;
    for (const k of PERIOD_KINDS) {
      const wk = [reportingWindow(k, y, 'nd09'), reportingWindow(k, y, 'calendar')];
      if ((!kind || kind === k) && wk.some((w) => w.from === from && w.to === to)) {
        k0 = k;
        break;
      }
    }
    if (k0) {
      const calendarMatch = reportingWindow(k0, y, 'calendar');
      return { kind: k0, year: y, from, to, source: calendarMatch.from === from && calendarMatch.to === to ? 'calendar' : 'workbook' };
    }
  }
  if (!kind || !year) {
    // Nothing inside the sheets says the period (or its year): the sheet names, then the file's.
    const named = periodFromNames(model);
    const titled = kind && !year ? findTitlePeriod(model) : null;
    if (titled) year = titled.year;
    else if (named && (!kind || kind === named.kind)) {
      const at = { sheet: named.sheet, cell: 'A1', source: named.source, from: named.name };
      if (!kind) {
        kind = named.kind as (typeof PERIOD_KINDS)[number];
        info.values.KyBaoCao = { name: 'KyBaoCao', label: 'Kỳ báo cáo', ...at, value: { v: named.kind } };
      }
      year ??= named.year;
      if (!info.values.NamBaoCao || cellText(info.values.NamBaoCao.value) === '') info.values.NamBaoCao = { name: 'NamBaoCao', label: 'Năm báo cáo', ...at, value: { v: named.year } };
    }
  }
  const official = kind && year ? reportingWindow(kind, year, windowKind) : null;
  const calendar = kind && year ? reportingWindow(kind, year, 'calendar') : null;

  if (from && to && from > to) {
    const dv = info.values.DenNgay!;
    push({ code: 'window_reversed', sheet: dv.sheet, cell: dv.cell, from, to, related: [info.values.TuNgay!.cell], actual: to });
  } else if (from && to && official && calendar) {
    const matches = (w: { from: string; to: string }) => w.from === from && w.to === to;
    if (!matches(official) && !matches(calendar)) {
      for (const [iso, nv, expected] of [
        [from, info.values.TuNgay!, official.from],
        [to, info.values.DenNgay!, official.to],
      ] as const) {
        if (iso !== expected) {
          push({ code: 'window_differs', sheet: nv.sheet, cell: nv.cell, label: nv.label, from: official.from, to: official.to, actual: formatDate(iso), expected: formatDate(expected) });
        }
      }
    }
  }
  if (!kind || !year) {
    if (!kv || !yv) {
      // Nothing says which period this is: the rules in force today apply, and the officer is told.
      if (!(kv && !kind) && !(yv && year === null && cellText(yv.value) !== '')) push({ code: 'missing_period', ...infoAnchor(model) });
    }
    // i10: the period shown everywhere is the one the workbook states, even a reversed one (its own
    // error says so); the NĐ 09 window fills in only what the workbook leaves out.
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
