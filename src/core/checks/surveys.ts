/**
 * The satisfaction table: rates within 0–100, chỉ số toàn diện never above hài lòng chung, and the
 * summary row against the raw answer sheets where the workbook has them.
 */
import { RAW_SURVEYS } from '../contract';
import { roundNoise, surveyIndicators, type SurveyResponse } from '../calculators';
import { cellText, normalizeCell, readRate, type Norm, type RateReading } from '../cells';
import { headerOf, markInvalid, type Extracted } from '../extract';
import type { LocatedTable } from '../locate';
import { findSheet, parseRange, type WorkbookModel } from '../model';
import { roundTo } from '../numbers';
import { foldText } from '../text';
import { baseAt, rateMatches, relatedCells, usable, type Push } from './context';

export const RATE_KEYS = ['haiLongChung', 'soVoiMongDoi', 'quayLai', 'toanDien'] as const;

function surveyPercent(n: Norm | undefined): { reading: RateReading; percent: number } | null {
  const r = n ? readRate(n) : null;
  if (!r) return null;
  return { reading: r, percent: r.maybeFraction ? roundNoise(r.percent * 100) : r.percent };
}

export function checkSurveys(model: WorkbookModel, lt: LocatedTable, ex: Extracted, returnSet: number[], push: Push): void {
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
