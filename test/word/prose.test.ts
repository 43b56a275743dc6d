/**
 * "Kiểm tra số liệu trong văn bản" on the fake Word host: the same paragraphs and findings as the
 * .docx reader for the same document, reading in one round trip, select-on-click, and marks that
 * come off exactly (a highlight the officer had before comes back; one set since is kept).
 */
import { checkDocument } from '../../src/core/prose';
import { readDocxParagraphs } from '../../src/docx/text';
import { FakeWord, fakeWordFromDocx, installFakeWord } from '../../src/fake-office/word';
import { createWordActions } from '../../src/word';
import { MARK_SETTING, joinNote } from '../../src/word/prose';
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

describe('footnotes, where Word has Body.footnotes (WordApi 1.5)', () => {
  async function withNotes(name: string, apiSets: Record<string, string> = { WordApi: '1.5' }) {
    const entry = corpusEntries().find((e) => e.document === name)!;
    const docx = await fixtureToDocx(entryFixture(entry));
    const fake = await fakeWordFromDocx(docx, { apiSets });
    undo = installFakeWord(fake);
    return { fake, docx, actions: createWordActions() };
  }

  test('reads the body, then each footnote\'s paragraphs, in two round trips; the texts are the .docx reader\'s', async () => {
    const { fake, docx, actions } = await withNotes('kon-tum-q3-2022-cai-loi');
    fake.resetCounters();
    const ps = await actions.readParagraphs!();
    expect(fake.roundTrips).toBe(2);
    const fromFile = await readDocxParagraphs(docx);
    // Word's own texts hold each reference mark as U+0002 (office-js #2749), the fake's alike; what
    // the pane reads has none, as the file's reader.
    expect(fake.snapshot().paragraphs.some((p) => p.text.includes('\u0002'))).toBe(true);
    expect(ps.some((p) => p.text.includes('\u0002'))).toBe(false);
    const notes = ps.filter((p) => p.kind === 'note');
    expect(notes.length).toBeGreaterThanOrEqual(19);
    expect(ps.map((p) => [p.kind === 'note', p.text])).toEqual(fromFile.map((p) => [p.kind === 'note', p.text]));
    // Notes come after the body, numbered as Word shows them.
    expect(ps.findIndex((p) => p.kind === 'note')).toBe(ps.length - notes.length);
    expect(notes.map((n) => n.noteId)).toEqual(notes.map((_, k) => String(k + 1)));
  });

  test('if reading the footnotes fails, the body is read again alone rather than nothing', async () => {
    const { fake, actions } = await withNotes('kon-tum-q3-2022-cai-loi');
    // The first batch (body and footnotes) fails; the second, the body alone, passes.
    fake.failNextSync('GeneralException');
    const ps = await actions.readParagraphs!();
    expect(ps.length).toBeGreaterThan(10);
    expect(ps.some((p) => p.kind === 'note')).toBe(false);
    // The note paragraphs failing (the second batch) also leaves the body.
    fake.failNextSync('GeneralException', 'An internal error has occurred.', 1);
    expect((await actions.readParagraphs!()).map((p) => p.text)).toEqual(ps.map((p) => p.text));
  });

  test('an older Word reads the body alone, in one round trip', async () => {
    const { fake, actions } = await withNotes('kon-tum-q3-2022-cai-loi', { WordApi: '1.3' });
    fake.resetCounters();
    const ps = await actions.readParagraphs!();
    expect(fake.roundTrips).toBe(1);
    expect(ps.some((p) => p.kind === 'note')).toBe(false);
  });

  test('finds what cchc doc finds, but for reading a note as the breakdown of the figure it annotates', async () => {
    const { docx, actions } = await withNotes('kon-tum-q3-2022-cai-loi');
    const key = (i: { code: string; paragraph: number; start: number; end: number }) => `${i.code} ${i.paragraph}:${i.start}-${i.end}`;
    const pane = checkDocument(await actions.readParagraphs!()).issues.map(key);
    const fromFile = await readDocxParagraphs(docx);
    // Without the reference marks' places, as the pane reads: the same findings, notes included.
    const cli = checkDocument(fromFile.map(({ noteRefs: _refs, ...p }) => p)).issues.map(key);
    expect(pane).toEqual(cli);
    const noteIndices = new Set(fromFile.flatMap((p, i) => (p.kind === 'note' ? [i] : [])));
    expect(checkDocument(await actions.readParagraphs!()).issues.some((i) => noteIndices.has(i.paragraph))).toBe(true);
  });

  test('selects and marks a figure inside a footnote, and clears the mark', async () => {
    const { fake, actions } = await withNotes('kon-tum-q3-2022-cai-loi');
    const ps = await actions.readParagraphs!();
    const i = ps.findIndex((p) => p.kind === 'note' && /\d/.test(p.text));
    const m = /\d+/.exec(ps[i]!.text)!;
    const span = { paragraph: i, start: m.index, end: m.index + m[0].length };
    await actions.selectText!(span);
    const sel = fake.snapshot().selection!;
    const noteParagraph = fake.snapshot().notes!.flat().find((p) => p.id === sel.paragraphId)!;
    expect(noteParagraph.text.slice(sel.start, sel.end)).toBe(m[0]);
    await actions.markText!([span]);
    // Offsets in Word's own text, which holds the note's reference mark (U+0002) the pane's reading drops.
    expect(fake.highlights).toEqual([{ paragraphId: sel.paragraphId, start: sel.start, end: sel.end, color: '#FFFF00' }]);
    await actions.clearTextMarks!();
    expect(fake.highlights).toEqual([]);
  });

  test('a footnote of several paragraphs is one text, as cchc doc reads it; its figures are found in their own paragraph', async () => {
    const fake = new FakeWord(['Số đơn vị sự nghiệp y tế là 16 đơn vị.'], { apiSets: { WordApi: '1.5' }, footnotes: [['  Gồm: 15 đơn vị cấp tỉnh', 'và 02 đơn vị cấp huyện.']] });
    undo = installFakeWord(fake);
    const actions = createWordActions();
    const ps = await actions.readParagraphs!();
    expect(ps.map((p) => p.text)).toEqual(['Số đơn vị sự nghiệp y tế là 16 đơn vị.', 'Gồm: 15 đơn vị cấp tỉnh và 02 đơn vị cấp huyện.']);
    const start = ps[1]!.text.indexOf('02');
    await actions.selectText!({ paragraph: 1, start, end: start + 2 });
    const sel = fake.snapshot().selection!;
    const second = fake.snapshot().notes![0]![1]!;
    expect(sel.paragraphId).toBe(second.id);
    expect(second.text.slice(sel.start, sel.end)).toBe('02');
  });
});

test('joinNote: paragraphs joined by a space and trimmed, each paragraph\'s start in the joined text', () => {
  const { text, parts } = joinNote(['  Gồm: 15', 'và 02 ']);
  expect(text).toBe('Gồm: 15 và 02');
  // The second paragraph starts after "Gồm: 15 " (the two leading spaces are trimmed away).
  expect(parts).toEqual([{ start: -2, length: 9 }, { start: 8, length: 6 }]);
  expect(text.slice(parts[1]!.start, parts[1]!.start + 5)).toBe('và 02');
});
