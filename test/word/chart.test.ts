/**
 * i13: the survey chart through the Word adapter on the fake host: a PNG picture in the survey
 * place, after its text, at 15 cm, with the figures as alternative text; a refill replaces it, a
 * fill without it removes it, and the fill still costs two round trips.
 */
import { PNG } from 'pngjs';
import { SECTION_TAGS } from '../../src/core/narrative/tags';
import { FakeWord, fakeWordFromDocx, installFakeWord } from '../../src/fake-office/word';
import type { PlacePicture } from '../../src/host/actions';
import { chartPictures } from '../../src/taskpane/word/workbook';
import { createWordActions } from '../../src/word';
import { sampleTexts, templateBytes } from './fixtures';

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

async function hosted(fake?: FakeWord) {
  const f = fake ?? (await fakeWordFromDocx(templateBytes()));
  undo = installFakeWord(f);
  return { fake: f, actions: createWordActions() };
}

const sections = { A: 81.25, B: 90, C: 62.5, D: 97.5, E: 75 };
const metrics = Object.fromEntries(Object.entries(sections).map(([c, v]) => [`haiLong.nguoi-benh-noi-tru.haiLong${c}`, v]));

async function withChart() {
  const sample = await sampleTexts();
  const report = { ...sample.report, metrics: { ...sample.report.metrics, ...metrics, 'haiLong.nguoi-benh-noi-tru.haiLongChung': 85 } };
  return { ...sample, pictures: await chartPictures(report) };
}

test('chartPictures: a PNG for the survey place, 15 cm wide in points, the figures as alternative text; nothing without answer sheets', async () => {
  const { pictures, report } = await withChart();
  expect(Object.keys(pictures)).toEqual([SECTION_TAGS.hailong]);
  const pic = pictures[SECTION_TAGS.hailong]!;
  const png = PNG.sync.read(Buffer.from(pic.base64, 'base64'));
  // 15 cm = 425,2 pt; the PNG holds 3 pixels per point × 4/3.
  expect(pic.width).toBeCloseTo((15 / 2.54) * 72, 0);
  expect(png.width).toBe(Math.round((pic.width / 72) * 288));
  expect(png.height / png.width).toBeCloseTo(pic.height / pic.width, 2);
  expect(pic.description).toContain('A. Khả năng tiếp cận: 81,25%; B. Sự minh bạch thông tin và thủ tục: 90,00%; C. Cơ sở vật chất và phương tiện phục vụ: 62,50%');
  expect(await chartPictures({ ...report, metrics: {} })).toEqual({});
});

test('fill puts the picture last in the survey place, centred, sized, with its alt text; two round trips', async () => {
  const { fake, actions } = await hosted();
  const { texts, record, pictures } = await withChart();
  const want = pictures[SECTION_TAGS.hailong]!;
  const filled = await actions.fill(texts, record, pictures);
  expect(fake.roundTrips).toBe(2);
  expect(filled).toContain(SECTION_TAGS.hailong);
  const pics = fake.picturesOf(SECTION_TAGS.hailong);
  expect(pics).toHaveLength(1);
  const { picture, paragraph } = pics[0]!;
  expect(picture).toMatchObject({ format: 'png', broken: false, width: want.width, height: want.height, altTextTitle: want.title, altTextDescription: want.description, base64: want.base64 });
  expect(paragraph.alignment).toBe('Centered');
  const own = fake.paragraphs.filter((p) => p.block?.tag === SECTION_TAGS.hailong);
  expect(own[own.length - 1]).toBe(paragraph);
  // The text before it is the section's, unchanged.
  expect(own.slice(0, -1).map((p) => p.segments.map((s) => s.text).join(''))).toEqual(texts[SECTION_TAGS.hailong]!.length ? texts[SECTION_TAGS.hailong] : ['']);
  // No other place got a picture.
  expect(fake.paragraphs.filter((p) => p.pictures?.length && p.block?.tag !== SECTION_TAGS.hailong)).toEqual([]);
});

test('a refill replaces the picture; a fill without it removes it', async () => {
  const { fake, actions } = await hosted();
  const { texts, record, pictures } = await withChart();
  await actions.fill(texts, record, pictures);
  const count = fake.paragraphs.length;
  await actions.fill(texts, record, pictures);
  expect(fake.picturesOf(SECTION_TAGS.hailong)).toHaveLength(1);
  expect(fake.paragraphs.length).toBe(count);
  await actions.fill(texts, record);
  expect(fake.picturesOf(SECTION_TAGS.hailong)).toHaveLength(0);
  expect(fake.paragraphs.length).toBe(count - 1);
});

test('a section with no text but a chart gets the chart; an inline place never gets a picture', async () => {
  const fake = new FakeWord([{ tag: 'cchc:hailong', text: ['số cũ 90%'] }, { inline: [{ tag: 'cchc:donvi', text: 'Sở Y tế' }] }]);
  const { actions } = await hosted(fake);
  const { record, pictures } = await withChart();
  const pic = pictures[SECTION_TAGS.hailong]!;
  const filled = await actions.fill({ 'cchc:hailong': [], 'cchc:donvi': ['Sở Y tế tỉnh Kon Tum'] }, record, { ...pictures, 'cchc:donvi': pic });
  expect([...filled]).toEqual(['cchc:hailong', 'cchc:donvi']);
  expect(filled.picturesSkipped).toEqual(['cchc:donvi']);
  // The picture takes the place's one paragraph: no empty paragraph before it.
  expect(fake.textsOf('cchc:hailong')).toEqual(['']);
  expect(fake.picturesOf('cchc:hailong')).toHaveLength(1);
  expect(fake.paragraphs.filter((p) => p.pictures?.length)).toHaveLength(1);
});

test('a survey place inside a paragraph (LibreOffice) gets its text but no picture, and the fill says which place', async () => {
  const fake = new FakeWord([{ inline: ['Kết quả khảo sát: ', { tag: 'cchc:hailong', text: 'số cũ' }] }]);
  const { actions } = await hosted(fake);
  const { record, pictures } = await withChart();
  const filled = await actions.fill({ 'cchc:hailong': ['Tỷ lệ hài lòng chung 85%.'] }, record, pictures);
  expect([...filled]).toEqual(['cchc:hailong']);
  expect(filled.picturesSkipped).toEqual(['cchc:hailong']);
  expect(fake.textsOf('cchc:hailong')).toEqual(['Tỷ lệ hài lòng chung 85%.']);
  expect(fake.picturesOf('cchc:hailong')).toHaveLength(0);
  // Without a picture asked for, nothing is said to be skipped.
  expect((await actions.fill({ 'cchc:hailong': ['x'] }, record)).picturesSkipped).toBeUndefined();
});

describe('the fake as documented', () => {
  const picture = (base64: string): PlacePicture => ({ base64, width: 100, height: 50, title: 't', description: 'd' });

  test('an SVG is inserted as a broken picture, as Word does (OfficeDev/office-js#3018)', async () => {
    const fake = new FakeWord([{ tag: 'cchc:hailong', text: ['x'] }]);
    const { actions } = await hosted(fake);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    await actions.fill({ 'cchc:hailong': ['y'] }, { fileName: 'a', unit: '', period: '', fingerprint: 'f', filledAt: '2023-01-01T00:00:00Z' }, { 'cchc:hailong': picture(svg) });
    expect(fake.picturesOf('cchc:hailong').map((p) => [p.picture.format, p.picture.broken])).toEqual([['other', true]]);
  });

  test('malformed base64 fails the batch (InvalidArgument) at the picture: the text before it stays, as in Word, and the message says the place is not filled', async () => {
    const fake = new FakeWord([{ tag: 'cchc:hailong', title: 'Khảo sát hài lòng', text: ['x'] }]);
    const { actions } = await hosted(fake);
    const err = await actions.fill({ 'cchc:hailong': ['y'] }, { fileName: 'a', unit: '', period: '', fingerprint: 'f', filledAt: '2023-01-01T00:00:00Z' }, { 'cchc:hailong': picture('không phải base64') }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Word dừng trước khi điền xong vị trí nào; chưa điền «Khảo sát hài lòng»\./);
    expect(fake.textsOf('cchc:hailong')[0]!.startsWith('y')).toBe(true);
    expect(fake.customProperties).toEqual({});
  });
});

test('a forced fill: the highlighted note first, then the text, then the picture', async () => {
  const { NOTE_PREFIX } = await import('../../src/core/narrative/marks');
  const fake = new FakeWord([{ tag: 'cchc:hailong', text: ['cũ'] }]);
  const { actions } = await hosted(fake);
  const { record, pictures } = await withChart();
  const note = `${NOTE_PREFIX} 1 lỗi ở bảng Khảo sát.`;
  await actions.fill({ 'cchc:hailong': [note, 'Dòng một.', 'Dòng hai.'] }, record, pictures);
  const own = fake.paragraphs.filter((p) => p.block?.tag === 'cchc:hailong');
  expect(own.map((p) => [p.segments.map((s) => s.text).join(''), p.pictures?.length ?? 0])).toEqual([
    [note, 0],
    ['Dòng một.', 0],
    ['Dòng hai.', 0],
    ['', 1],
  ]);
});
