import { cellText, normalizeCell } from '../cells';
import { RAW_SURVEYS, SURVEY_SUBJECTS } from '../contract';
import { findSheet, parseRange, type Cell, type SheetGrid, type WorkbookModel } from '../model';
import { foldText } from '../text';
import { FORM_VERSIONS, likertItems, sectionOf, type FormVersion, type SectionCode } from './forms';

/**
 * Raw survey answers, one row per form, from the contract's tables (PhieuNoiTru / PhieuNgoaiTru on
 * "Phiếu nội trú" / "Phiếu ngoại trú") or from the layout of the hospitals' upload files
 * (MA_SO_PHIEU, NGAY_DIEN_PHIEU, GIOI_TINH, TUOI, … then A1 … G4) on any sheet. The form version
 * comes from what the sheet states (a title "Mẫu 1 … QĐ 3869", "phiếu v2 nội trú", the sheet or
 * table name), else from the item columns present, else from the decision in force for the period.
 *
 * Pure: reads the WorkbookModel only. Answers are kept in one Float64Array per sheet (forms ×
 * items) because an upload file holds tens of thousands of forms of forty-odd answers each.
 */

export type ItemKind = 'likert' | 'cost' | 'expectation' | 'return';

export type VersionSource = 'stated' | 'columns' | 'regime';

export interface AnswerColumn {
  item: string;
  kind: ItemKind;
  section: SectionCode | null;
  /** 0-based sheet column. */
  col: number;
}

export interface AnswerSheet {
  sheet: string;
  /** Excel table the answers were read from, when there is one. */
  table?: string;
  /** 0-based sheet row of the header. */
  headerRow: number;
  version: FormVersion;
  versionSource: VersionSource;
  columns: AnswerColumn[];
  /** Likert items of the version with no column on the sheet (closed lists only). */
  missingItems: string[];
  /** A–E item columns that are not on the version's list (read as Likert items all the same). */
  unknownItems: string[];
  idCol: number | null;
  dateCol: number | null;
  /** Number of forms (rows holding anything). */
  count: number;
  /** 0-based sheet row of each form. */
  rows: Int32Array;
  ids: (string | null)[];
  /** As typed: an Excel serial, a text, or null. */
  dates: (number | string | null)[];
  /** count × columns.length answers; NaN = blank, or a text kept in `odd`. */
  values: Float64Array;
  /** Flat index → text of an answer cell that is not a number (and not "không sử dụng"). */
  odd: Map<number, string>;
}

export interface ReadOptions {
  /** The decision in force for the report period, for sheets that say nothing and whose columns fit both. */
  defaultDecision?: '3869' | '56';
  versions?: readonly FormVersion[];
}

const MAX_HEADER_SCAN = 40;
const MAX_STATED_SCAN = 10;
const MAX_BLANK_RUN = 3;

/**
 * Header → item code: "A1", "a 1", "A1. Các sơ đồ…", "C10", "F", "G", "G2"; "E7_KHAC" → "E7#khac".
 * "E7.1", "E5.1", "G2.1" are the national upload template's columns for the text of a "khác"
 * answer, so a sub-number reads as "khác" too, never as its item.
 */
export function itemCode(header: string): string | null {
  const s = foldText(header).replace(/_/g, ' ').trim();
  const other = /^([a-g])\.?\s?(\d{1,2})\s*[-.:]?\s*(khac|other)\b/.exec(s) ?? /^([a-g])\.?\s?(\d{1,2})\s?[.,]\s?\d{1,2}(?:$|[\s:)-])/.exec(s);
  if (other) return `${other[1]!.toUpperCase()}${Number(other[2])}#khac`;
  const m = /^([a-g])\.?\s?(\d{1,2})(?:$|[\s.:)-])/.exec(s);
  if (m) return `${m[1]!.toUpperCase()}${Number(m[2])}`;
  const fg = /^([fg])\.?$/.exec(s);
  return fg ? fg[1]!.toUpperCase() : null;
}

type Meta = 'id' | 'date';
const META: [RegExp, Meta][] = [
  [/^(ma so phieu|ma phieu|so phieu|ma so|id phieu|stt phieu)$/, 'id'],
  [/^(ngay dien phieu|ngay khao sat|ngay dien|ngay)$/, 'date'],
];

function metaOf(header: string): Meta | null {
  // "MA_SO _PHIEU", as the national upload template spells it, is MA_SO_PHIEU.
  const s = foldText(header).replace(/[_\s]+/g, ' ').trim();
  for (const [re, m] of META) if (re.test(s)) return m;
  return null;
}

interface Region {
  sheet: SheetGrid;
  table?: string;
  headerRow: number;
  lastRow: number;
  /** Subject named by the contract table or sheet ("Người bệnh nội trú"). */
  subject?: string;
}

function isHeaderRow(cells: (Cell | undefined)[] | undefined): boolean {
  if (!cells) return false;
  let items = 0;
  let meta = false;
  for (const c of cells) {
    if (!c || typeof c.v !== 'string') continue;
    const code = itemCode(c.v);
    if (code && sectionOf(code)) items++;
    else if (metaOf(c.v) === 'id') meta = true;
  }
  return items >= 3 || (meta && items >= 1);
}

/** The answer regions of a workbook: contract tables by name, then any sheet with an answer header row. */
export function locateAnswerRegions(model: WorkbookModel): Region[] {
  const out: Region[] = [];
  const taken = new Set<string>();
  for (const raw of RAW_SURVEYS) {
    const t = model.tables.find((x) => x.name.toLowerCase() === raw.table.toLowerCase());
    const sheet = t && findSheet(model, t.sheet);
    if (!t || !sheet) continue;
    const r = parseRange(t.ref);
    const headerRow = t.headerRow ? r.start.row : r.start.row - 1;
    out.push({ sheet, table: t.name, headerRow, lastRow: t.totalsRow ? r.end.row - 1 : r.end.row, subject: raw.subject });
    taken.add(sheet.name);
  }
  for (const sheet of model.sheets) {
    if (taken.has(sheet.name)) continue;
    const limit = Math.min(sheet.rows.length, MAX_HEADER_SCAN);
    for (let r = 0; r < limit; r++) {
      if (!isHeaderRow(sheet.rows[r])) continue;
      const raw = RAW_SURVEYS.find((x) => foldText(x.sheet) === foldText(sheet.name));
      out.push({ sheet, headerRow: r, lastRow: sheet.rows.length - 1, ...(raw ? { subject: raw.subject } : {}) });
      break;
    }
  }
  return out;
}

export interface StatedHints {
  decision?: '3869' | '56';
  formNo?: number;
  subject?: string;
  /** The text that stated the decision or form number. */
  text?: string;
}

const SUBJECT_PATTERNS: [RegExp, string][] = [
  [/noi ?tru/, 'Người bệnh nội trú'],
  [/ngoai ?tru/, 'Người bệnh ngoại trú'],
  [/nhan vien y te|\bnvyt\b/, 'Nhân viên y tế'],
  [/me sinh con|nguoi me/, 'Người mẹ sinh con'],
];

/** The survey subject a label names ("Người bệnh nội trú", "Nội trú", "BN ngoại trú"), or null. */
export function subjectOf(label: string): string | null {
  const s = foldText(label);
  if (!s) return null;
  return SURVEY_SUBJECTS.find((x) => foldText(x) === s) ?? SUBJECT_PATTERNS.find(([re]) => re.test(s))?.[1] ?? null;
}

/** What titles and names say about the form: "Mẫu số 01 … QĐ 3869/QĐ-BYT", "Phiếu v2 ngoại trú". */
export function statedHints(texts: readonly string[]): StatedHints {
  const h: StatedHints = {};
  for (const t of texts) {
    const s = foldText(t);
    if (!s) continue;
    let said = false;
    if (!h.decision && /3869/.test(s)) {
      h.decision = '3869';
      said = true;
    } else if (!h.decision && /\b56\s*\/\s*qd|qd\s*(so\s*)?56\b|quyet dinh (so )?56\b|\bv2\b|phien ban 2/.test(s)) {
      h.decision = '56';
      said = true;
    }
    const no = /\bmau\s*(?:so\s*)?0?([1-5])\b/.exec(s);
    if (!h.formNo && no) {
      h.formNo = Number(no[1]);
      said = true;
    }
    if (!h.subject) h.subject = SUBJECT_PATTERNS.find(([re]) => re.test(s))?.[1];
    if (said && !h.text) h.text = t;
  }
  return h;
}

function regionTexts(region: Region): string[] {
  const texts = [region.sheet.name];
  if (region.table) texts.push(region.table.replace(/([a-z])([A-Z])/g, '$1 $2'));
  for (let r = Math.max(0, region.headerRow - MAX_STATED_SCAN); r < region.headerRow; r++) {
    for (const c of region.sheet.rows[r] ?? []) if (c && typeof c.v === 'string') texts.push(c.v);
  }
  return texts;
}

function specialItems(v: FormVersion): string[] {
  return [v.cost?.item, v.expectation?.item, v.returnItem?.item].filter((x): x is string => !!x);
}

/** Items a version knows; G3, G4… (free-text questions of the upload files) are ignored by every version. */
function knows(v: FormVersion, item: string): boolean {
  if (v.openItems && sectionOf(item)) return true;
  return likertItems(v).includes(item) || specialItems(v).includes(item);
}

const IGNORED = /^G([3-9]|\d\d)$|#khac$/;

interface Fit {
  v: FormVersion;
  unknown: string[];
  missing: string[];
}

function fit(v: FormVersion, present: readonly string[]): Fit {
  const unknown = present.filter((p) => !IGNORED.test(p) && !knows(v, p));
  const missing = v.openItems ? [] : [...likertItems(v), ...specialItems(v)].filter((i) => !present.includes(i));
  return { v, unknown, missing };
}

/** Picks the form version of a region: stated, else by its columns, else by the decision in force. */
export function detectVersion(present: readonly string[], hints: StatedHints, options: ReadOptions = {}): { version: FormVersion; source: VersionSource } {
  const all = options.versions ?? FORM_VERSIONS;
  let cands = all.filter(
    (v) => (!hints.decision || v.decision === hints.decision) && (!hints.formNo || v.formNo === hints.formNo) && (!hints.subject || v.subject === hints.subject),
  );
  if (cands.length === 0) cands = all.filter((v) => !hints.subject || v.subject === hints.subject);
  if (cands.length === 0) cands = [...all];
  const statedEnough = !!(hints.decision && (hints.formNo || hints.subject)) || !!hints.formNo;
  if (statedEnough && cands.length === 1) return { version: cands[0]!, source: 'stated' };
  // Open lists accept any column, so they are chosen only when a sheet names them.
  const closed = cands.filter((v) => !v.openItems);
  const pool = closed.length ? closed : cands;
  const fits = pool.map((v) => fit(v, present));
  const compatible = fits.filter((f) => f.unknown.length === 0);
  const complete = compatible.filter((f) => f.missing.length === 0);
  if (complete.length === 1) return { version: complete[0]!.v, source: 'columns' };
  if (compatible.length === 1) return { version: compatible[0]!.v, source: 'columns' };
  // The decision in force decides only for the forms it made: QĐ 56/2024 replaced the two patient
  // forms, so the staff and new-mother forms of QĐ 3869 stay in force beside it.
  const inForce = (v: FormVersion) => v.decision === options.defaultDecision || !all.some((w) => w.decision === options.defaultDecision && w.subject === v.subject);
  const ranked = (compatible.length ? compatible : fits).sort(
    (a, b) =>
      a.unknown.length - b.unknown.length ||
      Number(inForce(b.v)) - Number(inForce(a.v)) ||
      a.missing.length - b.missing.length,
  );
  const best = ranked[0]!;
  const decided = compatible.length === 0 && ranked.length > 1 && ranked[1]!.unknown.length > best.unknown.length;
  return { version: best.v, source: decided ? 'columns' : 'regime' };
}

const NOT_USED_TEXT = new Set(['khong su dung', 'ksd', 'k su dung', 'khong dung']);

function readRegion(region: Region, options: ReadOptions): AnswerSheet | null {
  const { sheet, headerRow } = region;
  const header = sheet.rows[headerRow] ?? [];
  const present: { item: string; col: number }[] = [];
  let idCol: number | null = null;
  let dateCol: number | null = null;
  header.forEach((c, col) => {
    const t = cellText(c);
    if (!t) return;
    const code = itemCode(t);
    if (code) {
      if (!present.some((p) => p.item === code)) present.push({ item: code, col });
      return;
    }
    const m = metaOf(t);
    if (m === 'id' && idCol === null) idCol = col;
    if (m === 'date' && dateCol === null) dateCol = col;
  });
  if (!present.some((p) => sectionOf(p.item))) return null;
  const hints = statedHints(regionTexts(region));
  // Mẫu 5 of QĐ 3869 is no satisfaction form: its answers are not read as one (see notSatisfactionForm).
  if (hints.formNo === NOT_SATISFACTION_FORM && hints.decision !== '56') return null;
  if (!hints.subject && region.subject) hints.subject = region.subject;
  const { version, source } = detectVersion(
    present.map((p) => p.item),
    hints,
    options,
  );
  const f = fit(version, present.map((p) => p.item));
  const columns: AnswerColumn[] = [];
  for (const p of present) {
    if (IGNORED.test(p.item)) continue;
    let kind: ItemKind | null = null;
    if (version.cost?.item === p.item) kind = 'cost';
    else if (version.expectation?.item === p.item) kind = 'expectation';
    else if (version.returnItem?.item === p.item) kind = 'return';
    else if (sectionOf(p.item)) kind = 'likert';
    if (kind) columns.push({ item: p.item, kind, section: kind === 'likert' ? sectionOf(p.item) : null, col: p.col });
  }

  const n = columns.length;
  const cap = Math.max(0, region.lastRow - headerRow);
  let values = new Float64Array(cap * n);
  const rows = new Int32Array(cap);
  const ids: (string | null)[] = [];
  const dates: (number | string | null)[] = [];
  const odd = new Map<number, string>();
  const notUsed = version.notUsed?.code ?? null;
  let count = 0;
  let blankRun = 0;
  for (let r = headerRow + 1; r <= region.lastRow; r++) {
    const cells = sheet.rows[r];
    // A sheet found by its header ends at a run of blank lines (notes and signatures follow).
    if (!cells || cells.length === 0) {
      if (!region.table && ++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    const base = count * n;
    let nums = 0;
    let texts = 0;
    for (let j = 0; j < n; j++) {
      const cell = cells[columns[j]!.col];
      // Fast path: what answer sheets are made of.
      if (cell !== undefined && typeof cell.v === 'number' && !cell.e) {
        values[base + j] = cell.v;
        nums++;
        continue;
      }
      values[base + j] = NaN;
      if (!cell) continue;
      const norm = normalizeCell(cell);
      if (norm.t === 'blank') continue;
      if (norm.t === 'num' && norm.text !== undefined && !/^[-\u2013\u2014]$/.test(norm.text)) {
        values[base + j] = norm.value;
        nums++;
      } else if (norm.t === 'text' && notUsed !== null && NOT_USED_TEXT.has(foldText(norm.text))) {
        values[base + j] = notUsed;
        nums++;
      } else {
        odd.set(base + j, norm.t === 'error' ? norm.error : norm.t === 'text' ? norm.text : cellText(cell));
        texts++;
      }
    }
    const idCell = idCol === null ? undefined : cells[idCol];
    const dateCell = dateCol === null ? undefined : cells[dateCol];
    const id = idCell ? cellText(idCell) : '';
    const date = dateCell && dateCell.v != null && dateCell.v !== '' ? (typeof dateCell.v === 'number' ? dateCell.v : cellText(dateCell)) : null;
    // A line without a numeric answer is a form only if it looks like one (a date, or an id with
    // a digit): "Người lập biểu … Thủ trưởng đơn vị" under the data is a signature, not a form.
    if (nums === 0 && date === null && !/\d/.test(id)) {
      if (texts) for (let j = 0; j < n; j++) odd.delete(base + j);
      if (!id && !texts && !region.table && ++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    rows[count] = r;
    ids.push(id || null);
    dates.push(date);
    count++;
  }
  if (count * n < values.length) values = values.slice(0, count * n);
  return {
    sheet: sheet.name,
    ...(region.table ? { table: region.table } : {}),
    headerRow,
    version,
    versionSource: source,
    columns,
    missingItems: f.missing.filter((i) => sectionOf(i)),
    unknownItems: f.unknown,
    idCol,
    dateCol,
    count,
    rows: rows.slice(0, count),
    ids,
    dates,
    values,
    odd,
  };
}

const NOT_SATISFACTION_FORM = 5;

/**
 * Answer-like sheets that state a form of QĐ 3869 other than the satisfaction forms (Mẫu 5): named
 * by the check as not read rather than measured as satisfaction.
 */
export function notSatisfactionForms(model: WorkbookModel): { sheet: string; text: string }[] {
  const out: { sheet: string; text: string }[] = [];
  for (const region of locateAnswerRegions(model)) {
    const hints = statedHints(regionTexts(region));
    if (hints.formNo === NOT_SATISFACTION_FORM && hints.decision !== '56') out.push({ sheet: region.sheet.name, text: hints.text ?? region.sheet.name });
  }
  return out;
}

/** Every answer sheet of the workbook, each with its form version. */
export function readAnswerSheets(model: WorkbookModel, options: ReadOptions = {}): AnswerSheet[] {
  const out: AnswerSheet[] = [];
  for (const region of locateAnswerRegions(model)) {
    const s = readRegion(region, options);
    if (s) out.push(s);
  }
  return out;
}
