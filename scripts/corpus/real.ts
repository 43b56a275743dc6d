/**
 * The score of `cchc doc` on the held-out corpus of real report texts (test/fixtures/doc-real):
 * each text was judged by hand before the checker met it; its `.json` lists every checkable
 * statement with a verdict. Scoring (the corpus README): a slip is found when an error or warning
 * overlaps its figure; every other error or warning is a false alarm. Reported per half, so the
 * development half (looked at while tuning) and the test half (only measured) stay apart.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/prose';
import type { DocFinding, DocParagraph } from '../../src/core/prose/types';
import { readDocxParagraphs } from '../../src/docx/text';
import { fixtureToDocx } from './docx';
import { parseFixture } from './fixture';

const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'doc-real');

export interface RealStatement {
  in: string;
  at: string;
  kind: string;
  verdict: 'ok' | 'slip' | 'unclear';
  note?: string;
}

export interface RealText {
  id: string;
  half: 'dev' | 'test';
  province: string;
  year: number;
  url: string;
  /** Gathering round (1 when absent): each batch was judged and split before any tuning on it. */
  batch?: number;
  statements: RealStatement[];
}

export function realTexts(): RealText[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RealText);
}

interface Spot {
  statement: RealStatement;
  paragraph: number;
  start: number;
  end: number;
}

function spot(paragraphs: DocParagraph[], s: RealStatement, id: string): Spot {
  // A quoted list item may keep its "- " / "+ " mark, which the .docx shows as numbering.
  const quoted = s.in.replace(/^[-+] /, '');
  const paragraph = paragraphs.findIndex((p) => p.text.includes(quoted));
  if (paragraph < 0) throw new Error(`${id}: statement not found: "${s.in}"`);
  const text = paragraphs[paragraph]!.text;
  const from = text.indexOf(quoted);
  // The figure is looked for inside the quoted words first, then anywhere in the paragraph.
  let start = text.indexOf(s.at, from);
  if (start < 0 || start > from + quoted.length) start = text.indexOf(s.at);
  if (start < 0) throw new Error(`${id}: figure "${s.at}" not in the paragraph of "${s.in}"`);
  return { statement: s, paragraph, start, end: start + s.at.length };
}

export interface RealEval {
  text: RealText;
  slips: number;
  found: Spot[];
  missed: Spot[];
  right: DocFinding[];
  falseAlarms: DocFinding[];
  paragraphs: DocParagraph[];
  figuresRead: number;
  figuresChecked: number;
}

const overlaps = (f: DocFinding, s: Spot) => f.paragraph === s.paragraph && f.start < s.end && f.end > s.start;

export async function evaluateReal(t: RealText): Promise<RealEval> {
  const fixture = parseFixture(readFileSync(join(DIR, `${t.id}.txt`), 'utf8'));
  const paragraphs = await readDocxParagraphs(await fixtureToDocx(fixture));
  const report = checkDocument(paragraphs);
  const flags = report.issues.filter((i) => i.severity !== 'info');
  const slips = t.statements.filter((s) => s.verdict === 'slip').map((s) => spot(paragraphs, s, t.id));
  const found = slips.filter((s) => flags.some((f) => overlaps(f, s)));
  const right = flags.filter((f) => slips.some((s) => overlaps(f, s)));
  return {
    text: t,
    slips: slips.length,
    found,
    missed: slips.filter((s) => !found.includes(s)),
    right,
    falseAlarms: flags.filter((f) => !right.includes(f)),
    paragraphs,
    figuresRead: report.summary.figuresRead,
    figuresChecked: report.summary.figuresChecked,
  };
}

export interface HalfScore {
  half: 'dev' | 'test';
  texts: number;
  slips: number;
  found: number;
  flags: number;
  right: number;
  precision: number | null;
  recall: number | null;
}

export function score(half: 'dev' | 'test', evals: RealEval[], batch?: number): HalfScore {
  const mine = evals.filter((e) => e.text.half === half && (batch === undefined || (e.text.batch ?? 1) === batch));
  const slips = mine.reduce((n, e) => n + e.slips, 0);
  const found = mine.reduce((n, e) => n + e.found.length, 0);
  const right = mine.reduce((n, e) => n + e.right.length, 0);
  const flags = right + mine.reduce((n, e) => n + e.falseAlarms.length, 0);
  return { half, texts: mine.length, slips, found, flags, right, precision: flags ? right / flags : null, recall: slips ? found / slips : null };
}
