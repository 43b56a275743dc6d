import type { Draft } from '../findings';
import { toA1 } from '../model';
import { parseDateText } from '../periods';
import { serialToIso } from '../format';
import type { Certainty } from '../regimes';
import { describeCodes, itemCertainty, severityFor, type FormVersion } from './forms';
import { isEmptyForm } from './indicators';
import type { AnswerColumn, AnswerSheet } from './read';

/**
 * Findings on the raw answers, each at its cell: answers off the form's scale (a warning while the
 * form's details rest on secondary copies, see forms.ts), duplicate form ids, forms dated outside
 * the report window, empty forms, and what was recognised (version, missing or unknown columns).
 * Duplicates and late forms are still counted: the id may be mistyped and the date is the
 * officer's to judge; an empty form is not a respondent.
 */

export interface ValidateContext {
  /** The report window (ISO dates); null when the period is unknown. */
  window: { from: string; to: string } | null;
}

interface Rule {
  allowed: string;
  certainty: Certainty;
  ok: (x: number) => boolean;
}

function ruleFor(v: FormVersion, c: AnswerColumn): Rule {
  const int = Number.isInteger;
  switch (c.kind) {
    case 'likert': {
      const { min, max } = v.scale;
      const nu = v.notUsed?.code;
      return {
        allowed: `${min}–${max}${nu !== undefined ? `; ${nu} = không sử dụng` : ''}`,
        certainty: worst(v.scale.certainty, itemCertainty(v, c.item)),
        ok: (x) => (int(x) && x >= min && x <= max) || x === nu,
      };
    }
    case 'cost': {
      const { codes, other } = v.cost!;
      return { allowed: `${describeCodes(codes)}; ${other} = khác`, certainty: v.cost!.certainty, ok: (x) => int(x) && (codes.includes(x) || x === other) };
    }
    case 'expectation': {
      const e = v.expectation!;
      return { allowed: `${e.min}–${e.max} (%)`, certainty: e.certainty, ok: (x) => x >= e.min && x <= e.max };
    }
    case 'return': {
      const r = v.returnItem!;
      return {
        allowed: `${describeCodes(r.options)}${r.other !== null ? `; ${r.other} = khác` : ''}`,
        certainty: r.certainty,
        ok: (x) => int(x) && (r.options.includes(x) || x === r.other),
      };
    }
  }
}

const RANK: Record<Certainty, number> = { C: 0, C2: 1, U: 2 };
function worst(...cs: Certainty[]): Certainty {
  return cs.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'C' as Certainty);
}

function firstCol(s: AnswerSheet): number {
  return Math.min(...s.columns.map((c) => c.col), s.idCol ?? Infinity, s.dateCol ?? Infinity);
}

/** The form's own cell for form-level findings: its id, else its first answer. */
function formCell(s: AnswerSheet, f: number): string {
  return toA1({ row: s.rows[f]!, col: s.idCol ?? firstCol(s) });
}

function formIdOf(s: AnswerSheet, f: number): { formId?: string } {
  const id = s.ids[f];
  return id ? { formId: id } : {};
}

function dateOf(raw: number | string): string | null {
  return typeof raw === 'number' ? serialToIso(raw) : parseDateText(raw);
}

/**
 * Cell findings of one kind per sheet beyond which only a count is reported: a hospital tool that
 * codes "không sử dụng" as 9 would otherwise paint a whole column, thousands of cells, in Excel.
 */
export const MAX_CELL_FINDINGS = 200;

export function validateAnswerSheets(sheets: readonly AnswerSheet[], ctx: ValidateContext, pushAll: (d: Draft) => void): void {
  // Form ids are unique per survey (subject), across the sheets it is spread over.
  const seen = new Map<string, Map<string, string>>();
  for (const s of sheets) {
    const counts = new Map<string, number>();
    const push = (d: Draft) => {
      if (d.code === 'survey_sheet_read' || d.code === 'survey_items_missing' || d.code === 'survey_items_unknown') return pushAll(d);
      const k = counts.get(d.code) ?? 0;
      counts.set(d.code, k + 1);
      if (k < MAX_CELL_FINDINGS) pushAll(d);
    };
    const v = s.version;
    const head = toA1({ row: s.headerRow, col: firstCol(s) });
    push({ code: 'survey_sheet_read', sheet: s.sheet, cell: head, version: v.name, basis: v.basis.text, forms: s.count, source: s.versionSource, ...(s.table ? { table: s.table } : {}) });
    if (s.missingItems.length) push({ code: 'survey_items_missing', sheet: s.sheet, cell: head, version: v.name, items: s.missingItems });
    if (s.unknownItems.length) push({ code: 'survey_items_unknown', sheet: s.sheet, cell: toA1({ row: s.headerRow, col: s.columns.find((c) => c.item === s.unknownItems[0])?.col ?? firstCol(s) }), version: v.name, items: s.unknownItems });

    const n = s.columns.length;
    const rules = s.columns.map((c) => ruleFor(v, c));
    const severities = rules.map((r) => severityFor(r.certainty));
    const likert = s.columns.map((c) => c.kind === 'likert');
    const ids = seen.get(v.subject ?? s.sheet) ?? new Map<string, string>();
    seen.set(v.subject ?? s.sheet, ids);
    for (let f = 0; f < s.count; f++) {
      const base = f * n;
      const row = s.rows[f]!;
      if (isEmptyForm(s, f)) {
        push({ code: 'survey_form_empty', sheet: s.sheet, cell: formCell(s, f), ...formIdOf(s, f) });
      } else {
        let blanks: string[] | null = null;
        for (let j = 0; j < n; j++) {
          const x = s.values[base + j]!;
          if (Number.isNaN(x)) {
            const text = s.odd.get(base + j);
            if (text !== undefined) {
              push({ code: 'survey_answer_out_of_scale', severity: severities[j]!, sheet: s.sheet, cell: toA1({ row, col: s.columns[j]!.col }), item: s.columns[j]!.item, allowed: rules[j]!.allowed, actual: text, ...formIdOf(s, f) });
            } else if (v.blanks === 'flagged' && likert[j]) (blanks ??= []).push(s.columns[j]!.item);
            continue;
          }
          if (!rules[j]!.ok(x)) {
            push({ code: 'survey_answer_out_of_scale', severity: severities[j]!, sheet: s.sheet, cell: toA1({ row, col: s.columns[j]!.col }), item: s.columns[j]!.item, allowed: rules[j]!.allowed, actual: x, ...formIdOf(s, f) });
          }
        }
        if (blanks) {
          const first = s.columns.find((c) => c.item === blanks![0])!;
          push({ code: 'survey_answer_blank', sheet: s.sheet, cell: toA1({ row, col: first.col }), items: blanks, ...formIdOf(s, f) });
        }
      }
      const id = s.ids[f];
      if (id) {
        // Ids are codes ("P00012"): case and spacing are ignored, nothing more.
        const key = id.trim().toLowerCase();
        const first = ids.get(key);
        const here = formCell(s, f);
        if (first) push({ code: 'survey_duplicate_form', sheet: s.sheet, cell: here, formId: id, firstCell: first, actual: id });
        else ids.set(key, sheets.length > 1 ? `${s.sheet}!${here}` : here);
      }
      const raw = s.dates[f];
      if (raw != null && s.dateCol !== null) {
        const cell = toA1({ row, col: s.dateCol });
        const iso = dateOf(raw);
        if (!iso) push({ code: 'invalid_date', severity: 'warning', sheet: s.sheet, cell, label: 'Ngày điền phiếu', actual: String(raw) });
        else if (ctx.window && (iso < ctx.window.from || iso > ctx.window.to)) {
          push({ code: 'survey_form_outside_window', sheet: s.sheet, cell, from: ctx.window.from, to: ctx.window.to, actual: iso, ...formIdOf(s, f) });
        }
      }
    }
    for (const [code, k] of counts) {
      if (k > MAX_CELL_FINDINGS) pushAll({ code: 'survey_findings_capped', sheet: s.sheet, cell: head, of: code, shown: MAX_CELL_FINDINGS, more: k - MAX_CELL_FINDINGS });
    }
  }
}
