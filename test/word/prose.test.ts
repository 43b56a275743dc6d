/**
 * "Kiểm tra số liệu trong văn bản" on the fake Word host: the same paragraphs and findings as the
 * .docx reader for the same document, reading in one round trip, select-on-click, and marks that
 * come off exactly (a highlight the officer had before comes back; one set since is kept).
 */
import { checkDocument } from '../../src/core/prose';
import { readDocxParagraphs } from '../../src/docx/text';
import { fakeWordFromDocx, installFakeWord, type FakeWord } from '../../src/fake-office/word';
import { createWordActions } from '../../src/word';
import { MARK_SETTING } from '../../src/word/prose';
import { corpusEntries, entryFixture } from '../../scripts/corpus/eval';
import { fixtureToDocx } from '../../scripts/corpus/docx';

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

async function hosted(name: string) {
  const entry = corpusEntries().find((e) => e.document === name)!;
  const docx = await fixtureToDocx(entryFixture(entry));
  const fake = await fakeWordFromDocx(docx);
  undo = installFakeWord(fake);
  return { fake, docx, actions: createWordActions() };
}

const body = <T extends { kind: string }>(ps: T[]) => ps.filter((p) => p.kind !== 'note');
const span = (i: { paragraph: number; start: number; end: number }) => ({ paragraph: i.paragraph, start: i.start, end: i.end });

test('reads the document in one round trip, with the texts the .docx reader gives', async () => {
  const { fake, docx, actions } = await hosted('bac-ninh-q1-2022-cai-loi');
  fake.resetCounters();
  const ps = await actions.readParagraphs!();
  expect(fake.roundTrips).toBe(1);
  const fromFile = body(await readDocxParagraphs(docx));
  expect(ps.map((p) => p.text)).toEqual(fromFile.map((p) => p.text));
});

test('gives the same findings as cchc doc on the same document (notes aside)', async () => {
  const { docx, actions } = await hosted('bac-ninh-q1-2022-cai-loi');
  const pane = checkDocument(await actions.readParagraphs!()).issues;
  const cli = checkDocument(await readDocxParagraphs(docx)).issues;
  const key = (i: { code: string; paragraph: number; start: number; end: number; message: string }) => `${i.code} ${i.paragraph}:${i.start}-${i.end} ${i.message}`;
  expect(pane.map(key)).toEqual(cli.map(key));
  expect(pane.length).toBe(5);
});

test('selects the figure of a finding', async () => {
  const { fake, actions } = await hosted('bac-ninh-q1-2022-cai-loi');
  const issues = checkDocument(await actions.readParagraphs!()).issues;
  const pct = issues.find((i) => i.code === 'percent_mismatch' && i.actual === '1,33%')!;
  await actions.selectText!(span(pct));
  const sel = fake.snapshot().selection!;
  const p = fake.snapshot().paragraphs.find((x) => x.id === sel.paragraphId)!;
  expect(p.text.slice(sel.start, sel.end)).toBe('1,33%');
});

test('picks the right occurrence when the figure text repeats in the paragraph', async () => {
  const { fake, actions } = await hosted('bac-ninh-q1-2022-cai-loi');
  const ps = await actions.readParagraphs!();
  const i = ps.findIndex((p) => p.text.includes('quá hạn 05 hồ sơ; đang giải quyết 05 hồ sơ'));
  const second = ps[i]!.text.lastIndexOf('05 hồ sơ');
  await actions.selectText!({ paragraph: i, start: second, end: second + 8 });
  expect(fake.snapshot().selection!.start).toBe(second);
});

function highlights(fake: FakeWord) {
  return fake.highlights.map((h) => ({ ...h })).sort((a, b) => a.paragraphId - b.paragraphId || a.start - b.start);
}

test('marks the findings and clears them exactly, keeping the officer\'s own highlights', async () => {
  const { fake, actions } = await hosted('bac-ninh-q1-2022-cai-loi');
  const ps = await actions.readParagraphs!();
  const issues = checkDocument(ps).issues;
  const snap = fake.snapshot();
  // The officer had highlighted one figure green before the check.
  const pctIssue = issues.find((i) => i.actual === '1,33%')!;
  const pid = snap.paragraphs[pctIssue.paragraph]!.id;
  fake.setHighlight({ paragraphId: pid, start: pctIssue.start, end: pctIssue.end }, '#00FF00');
  const before = highlights(fake);
  const textBefore = fake.snapshot().paragraphs.map((p) => p.text);

  await actions.markText!(issues.map(span));
  expect(fake.highlights.filter((h) => h.color === '#FFFF00')).toHaveLength(issues.length);
  expect(fake.snapshot().settings[MARK_SETTING]).toHaveLength(issues.length);
  expect(fake.snapshot().paragraphs.map((p) => p.text)).toEqual(textBefore);

  // Since the check, the officer re-coloured another marked figure by hand: that one stays.
  const other = issues.find((i) => i.code === 'date_after_report')!;
  const otherPid = snap.paragraphs[other.paragraph]!.id;
  fake.setHighlight({ paragraphId: otherPid, start: other.start, end: other.end }, '#00FFFF');

  await actions.clearTextMarks!();
  expect(highlights(fake)).toEqual([...before, { paragraphId: otherPid, start: other.start, end: other.end, color: '#00FFFF' }].sort((a, b) => a.paragraphId - b.paragraphId || a.start - b.start));
  expect(fake.snapshot().settings[MARK_SETTING]).toBeUndefined();
  expect(fake.snapshot().paragraphs.map((p) => p.text)).toEqual(textBefore);
});
