/**
 * The evaluation of `cchc doc` on the corpus in test/fixtures/doc/*.json: each entry names a base
 * text (a seed report, or the product's own narrative), edits that plant slips, the statements
 * that must be flagged (planted and real) and correct, checkable statements that must not be.
 * A listed slip counts as found when an error or warning overlaps its figure; a correct statement
 * counts against precision when an error or warning overlaps it. Findings elsewhere are counted
 * and shown, not scored. Used by `npm run eval` and by test/prose/eval.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/prose';
import type { DocFinding, DocParagraph, DocReport } from '../../src/core/prose/types';
import type { CheckReport } from '../../src/core/report';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbook } from '../../src/xlsx/read';
import { readDocxParagraphs } from '../../src/docx/text';
import { fixtureToDocx } from './docx';
import { parseFixture, type Fixture } from './fixture';

export const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface Statement {
  in: string;
  at: string;
  code?: string;
  note?: string;
  real?: boolean;
}

export interface CorpusEntry {
  document: string;
  about: string;
  base: string;
  workbook?: string;
  edits: { find: string; replace: string }[];
  flag: Statement[];
  correct: Statement[];
}

export function corpusEntries(): CorpusEntry[] {
  return readdirSync(join(FIXTURES, 'doc'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURES, 'doc', f), 'utf8')) as CorpusEntry);
}

/** The entry's text with its edits applied; each edit must match exactly once. */
export function entryFixture(e: CorpusEntry): Fixture {
  let text = readFileSync(join(FIXTURES, e.base), 'utf8');
  for (const ed of e.edits) {
    const n = text.split(ed.find).length - 1;
    if (n !== 1) throw new Error(`${e.document}: edit "${ed.find.slice(0, 40)}" matches ${n} times`);
    text = text.replace(ed.find, ed.replace);
  }
  return parseFixture(text);
}

export interface Located {
  statement: Statement;
  paragraph: number;
  start: number;
  end: number;
}

export function locate(paragraphs: DocParagraph[], s: Statement): Located {
  const paragraph = paragraphs.findIndex((p) => p.text.includes(s.in));
  if (paragraph < 0) throw new Error(`statement not found: "${s.in}"`);
  const start = paragraphs[paragraph]!.text.indexOf(s.at);
  if (start < 0) throw new Error(`figure "${s.at}" not in the paragraph of "${s.in}"`);
  return { statement: s, paragraph, start, end: start + s.at.length };
}

const hits = (f: DocFinding, l: Located) => f.paragraph === l.paragraph && f.start < l.end && f.end > l.start;

export interface DocEval {
  document: string;
  report: DocReport;
  found: Located[];
  missed: Located[];
  falseAlarms: { statement: Located; finding: DocFinding }[];
  correctCount: number;
  /** Listed correct statements no check used: the list would then overstate precision. */
  unchecked: Located[];
  unlisted: DocFinding[];
  recall: number | null;
  precision: number | null;
}

async function workbookReport(path: string): Promise<CheckReport> {
  const bytes = readFileSync(join(ROOT, path));
  return checkWorkbook(await readWorkbook(bytes, path.split('/').pop()!));
}

/** Builds the entry's .docx, reads it back like `cchc doc` does, checks it and scores it. */
export async function evaluate(e: CorpusEntry): Promise<DocEval> {
  const docx = await fixtureToDocx(entryFixture(e));
  const paragraphs = await readDocxParagraphs(docx);
  const report = checkDocument(paragraphs, e.workbook ? { workbook: await workbookReport(e.workbook) } : {});
  const serious = report.issues.filter((i) => i.severity !== 'info');
  const flags = e.flag.map((s) => locate(paragraphs, s));
  const correct = e.correct.map((s) => locate(paragraphs, s));
  const found = flags.filter((l) => serious.some((f) => hits(f, l)));
  const missed = flags.filter((l) => !found.includes(l));
  const falseAlarms = correct.flatMap((l) => serious.filter((f) => hits(f, l)).map((finding) => ({ statement: l, finding })));
  const unlisted = serious.filter((f) => !flags.some((l) => hits(f, l)) && !correct.some((l) => hits(f, l)));
  const unchecked = correct.filter((l) => !report.checked.some((c) => c.paragraph === l.paragraph && c.start < l.end && c.end > l.start));
  const fpStatements = new Set(falseAlarms.map((x) => x.statement)).size;
  return {
    document: e.document,
    report,
    found,
    missed,
    falseAlarms,
    correctCount: correct.length,
    unchecked,
    unlisted,
    recall: flags.length ? found.length / flags.length : null,
    precision: found.length + fpStatements ? found.length / (found.length + fpStatements) : null,
  };
}
