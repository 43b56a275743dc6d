import { foldText } from '../text';
import { SUBJECT_LIST, SUBJECT_PHRASES, type Family, type Status } from './lexicon';

/**
 * A figure of the checked workbook as a report's text may restate it: what it counts (family), in
 * what state, about whom, for which row. Each table module says which of its figures are facts
 * (src/core/tables/<table>.ts, `facts`); prose/workbook.ts matches statements against them.
 */
export interface Fact {
  /** null: any family (the other indicators count cases, tasks, people). */
  family: Family | null;
  status: Status;
  subject: string | null;
  /** Folded label of the row the fact is of; null for the unit's total. */
  row: string | null;
  value: number;
  percent?: true;
  /** How the message names it: "số hồ sơ đã giải quyết của lĩnh vực Dược phẩm". */
  what: string;
}

export type AddFact = (f: Omit<Fact, 'what'>, what: string) => void;

/** The subject a workbook label names ("Người bệnh nội trú" → the inpatient survey). */
export function subjectOfLabel(label: string): string | null {
  const f = ` ${foldText(label)} `;
  for (const phrase of SUBJECT_LIST) if (f.includes(` ${phrase} `)) return SUBJECT_PHRASES[phrase]!;
  return null;
}
