/**
 * The fake Word host enforces what the real one does: properties only after load + sync, writes
 * only at sync, failed batches change nothing, every sync counted.
 */
import { ALL_TAGS } from '../../src/core/narrative/tags';
import { TAG_TITLES } from '../../src/core/narrative/places';
import { FakeWord, fakeWordFromDocx, installFakeWord } from '../../src/fake-office/word';
import { templateBytes } from './fixtures';

const doc = () =>
  new FakeWord([
    'Mở đầu',
    { tag: 'a', title: 'Mục A', text: ['cũ 1', 'cũ 2'] },
    { inline: ['Đơn vị: ', { tag: 'f', title: 'Trường', text: 'chưa có' }, '.'] },
    'Kết thúc',
  ]);

let undo: () => void;
afterEach(() => undo?.());

test('a property cannot be read before load, nor after load before sync', async () => {
  const fake = doc();
  undo = installFakeWord(fake);
  await Word.run(async (context) => {
    const ccs = context.document.contentControls;
    expect(() => ccs.items).toThrow(/not available/);
    ccs.load('items/tag');
    expect(() => ccs.items).toThrow(/not available/);
    await context.sync();
    expect(ccs.items.map((c) => c.tag)).toEqual(['a', 'f']);
    // Only what was loaded is readable.
    expect(() => ccs.items[0]!.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
  expect(fake.roundTrips).toBe(1);
});

test('writes land at sync, not before', async () => {
  const fake = doc();
  undo = installFakeWord(fake);
  await Word.run(async (context) => {
    const cc = context.document.contentControls.getByTag('a').getFirst();
    cc.insertText('mới', 'Replace');
    cc.insertParagraph('thêm', 'End');
    expect(fake.textsOf('a')).toEqual(['cũ 1\ncũ 2']);
    await context.sync();
    expect(fake.textsOf('a')).toEqual(['mới\nthêm']);
  });
  expect(fake.snapshot().paragraphs.map((p) => p.text)).toEqual(['Mở đầu', 'mới', 'thêm', 'Đơn vị: chưa có.', 'Kết thúc']);
});

test('Word.run sends what is still queued at the end, as one more round trip', async () => {
  const fake = doc();
  undo = installFakeWord(fake);
  await Word.run(async (context) => {
    context.document.contentControls.getByTag('f').getFirst().insertText('Sở Y tế', 'Replace');
  });
  expect(fake.roundTrips).toBe(1);
  expect(fake.textsOf('f')).toEqual(['Sở Y tế']);
});

test('a failed batch stops at the failing operation, the ones before it stay applied (no rollback, as in Word), and reports an Office error', async () => {
  const fake = doc();
  undo = installFakeWord(fake);
  const before = fake.snapshot();
  await expect(
    Word.run(async (context) => {
      context.document.contentControls.getByTag('a').getFirst().insertText('mới', 'Replace');
      context.document.contentControls.getByTag('không-có').getFirst().insertText('x', 'Replace');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ItemNotFound' });
  expect(fake.textsOf('a')).toEqual(['mới']);
  expect(fake.snapshot().paragraphs.filter((p) => p.block === null)).toEqual(before.paragraphs.filter((p) => p.block === null));
  fake.failNextSync('GeneralException');
  await expect(Word.run(async (context) => context.sync())).rejects.toMatchObject({ code: 'GeneralException' });
  expect(fake.roundTrips).toBe(2);
});

test('inline controls refuse paragraph breaks; custom properties need WordApi 1.3', async () => {
  const fake = new FakeWord([{ inline: [{ tag: 'f', text: '' }] }], { apiSets: { WordApi: '1.2' } });
  undo = installFakeWord(fake);
  await expect(Word.run(async (c) => void c.document.contentControls.getByTag('f').getFirst().insertParagraph('x', 'End'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  await expect(Word.run(async (c) => void c.document.properties.customProperties.add('k', 'v'))).rejects.toMatchObject({ code: 'ApiNotFound' });
  expect(Office.context.requirements.isSetSupported('WordApi', '1.3')).toBe(false);
  expect(Office.context.requirements.isSetSupported('WordApi', '1.2')).toBe(true);
});

test('built from the report template, the fake carries its places with their titles', async () => {
  const fake = await fakeWordFromDocx(templateBytes());
  const controls = fake.snapshot().controls;
  expect(new Set(controls.map((c) => c.tag))).toEqual(new Set(ALL_TAGS));
  for (const c of controls) expect(c.title).toBe(TAG_TITLES[c.tag as keyof typeof TAG_TITLES]);
  // Fields sit inline in the heading paragraphs; sections are blocks of their own.
  expect(controls.filter((c) => !c.block).map((c) => c.tag)).toEqual(['cchc:coquan', 'cchc:ngay', 'cchc:ky', 'cchc:donvi', 'cchc:ky', 'cchc:thoigian']);
  const texts = fake.snapshot().paragraphs.map((p) => p.text);
  expect(texts).toContain('II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');
  expect(texts.find((t) => t.startsWith('Sở Y tế báo cáo'))).toMatch(/\(số liệu từ ngày … đến ngày …\) như sau:$/);
});
