/**
 * The Word adapter on the fake host: real narrative of the shipped samples into the real template.
 */
import { NOTE_PREFIX } from '../../src/core/narrative/marks';
import { FIELD_TAGS, SECTION_TAGS } from '../../src/core/narrative/tags';
import { TAG_TITLES } from '../../src/core/narrative/places';
import { fillDocx } from '../../src/docx/fill';
import { buildNarrative } from '../../src/core/narrative';
import { FakeWord, fakeWordFromDocx, installFakeWord, type WordSnapshot } from '../../src/fake-office/word';
import { HostError } from '../../src/host/actions';
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

/** Paragraph texts outside every control, with their ids: what a fill must not touch. */
function outside(s: WordSnapshot) {
  return s.paragraphs.filter((p) => p.block === null).map((p) => ({ id: p.id, segments: p.segments.filter((x) => x.control === null) }));
}

test('listPlaces gives the template tags in document order, every one (the period twice), in one round trip', async () => {
  const { fake, actions } = await hosted();
  expect(await actions.listPlaces()).toEqual(['cchc:coquan', 'cchc:ngay', 'cchc:ky', 'cchc:donvi', 'cchc:ky', 'cchc:thoigian', 'cchc:danhmuc', 'cchc:tthc', 'cchc:phananh', 'cchc:hailong', 'cchc:bienche', 'cchc:xeploai', 'cchc:chitieu']);
  expect(fake.roundTrips).toBe(1);
});

test('fill writes exactly the sections into the tagged places and nothing else', async () => {
  const { fake, actions } = await hosted();
  const { texts, record } = await sampleTexts();
  const before = fake.snapshot();
  const filled = await actions.fill(texts, record);

  const withText = Object.keys(texts).filter((t) => texts[t]!.length > 0);
  expect(new Set(filled)).toEqual(new Set(withText));
  expect(withText.length).toBeGreaterThan(5);
  const after = fake.snapshot();
  for (const c of after.controls) {
    const want = texts[c.tag]!;
    if (c.block) expect(c.paragraphs).toEqual(want.length ? want : ['']);
    else expect(c.paragraphs).toEqual(want.length ? [want.join(' ')] : before.controls.find((b) => b.id === c.id)!.paragraphs);
  }
  // Both "Kỳ báo cáo" places got the period.
  expect(fake.textsOf(FIELD_TAGS.ky)).toEqual([texts[FIELD_TAGS.ky]![0], texts[FIELD_TAGS.ky]![0]]);
  expect(outside(after)).toEqual(outside(before));
  expect(after.paragraphs.find((p) => p.text.endsWith('như sau:'))!.text).toBe(
    `${texts[FIELD_TAGS.donvi]![0]} báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) ${texts[FIELD_TAGS.ky]![0]} (số liệu ${texts[FIELD_TAGS.thoigian]![0]}) như sau:`,
  );
});

test('filling twice gives the same document as filling once', async () => {
  const { texts, record } = await sampleTexts();
  const once = await hosted();
  await once.actions.fill(texts, record);
  const a = once.fake.snapshot();
  undo!();
  const twice = await hosted();
  await twice.actions.fill(texts, record);
  await twice.actions.fill(texts, record);
  const b = twice.fake.snapshot();
  const strip = (s: WordSnapshot) => ({ texts: s.paragraphs.map((p) => [p.block, p.segments]), controls: s.controls, props: s.customProperties });
  // Paragraph ids differ (new paragraphs get new ids); the content and structure must not.
  const norm = (s: WordSnapshot) => JSON.stringify(strip(s)).replace(/"id":\d+|"block":\d+|"control":\d+/g, '');
  expect(norm(b)).toBe(norm(a));
  expect(b.paragraphs.length).toBe(a.paragraphs.length);
});

test('fill costs two round trips however many places the document has', async () => {
  const { texts, record } = await sampleTexts();
  const tpl = await hosted();
  await tpl.actions.fill(texts, record);
  expect(tpl.fake.roundTrips).toBe(2);
  undo!();

  // Fifty block places and fifty inline ones: still one load and one write.
  const many = new FakeWord(
    Array.from({ length: 50 }, (_, i) => [`Đoạn ${i}`, { tag: SECTION_TAGS.tthc, title: 'x', text: 'cũ' }, { inline: ['Kỳ: ', { tag: FIELD_TAGS.ky, text: '…' }] }]).flat(),
  );
  const big = await hosted(many);
  const filled = await big.actions.fill(texts, record);
  expect(filled).toEqual([SECTION_TAGS.tthc, FIELD_TAGS.ky]);
  expect(big.fake.roundTrips).toBe(2);
  expect(new Set(big.fake.textsOf(SECTION_TAGS.tthc))).toEqual(new Set([texts[SECTION_TAGS.tthc]!.join('\n')]));
});

test('an empty section empties its block; an empty field keeps its placeholder; absent tags are untouched', async () => {
  const fake = new FakeWord([{ tag: 'cchc:hailong', text: ['số cũ 90%'] }, { inline: [{ tag: 'cchc:donvi', text: 'Sở Y tế' }] }, { tag: 'khac', text: 'giữ nguyên' }]);
  const { actions } = await hosted(fake);
  const rec = { fileName: 'a.xlsx', unit: '', period: 'quý I năm 2023', fingerprint: '0123456789abcdef', filledAt: '2023-03-20T08:00:00Z' };
  expect(await actions.fill({ 'cchc:hailong': [], 'cchc:donvi': [], 'cchc:tthc': ['Từ ngày…'] }, rec)).toEqual([]);
  // Nothing had text: nothing filled, so no record either; but the stale block was emptied.
  expect(fake.textsOf('cchc:hailong')).toEqual(['']);
  expect(fake.textsOf('cchc:donvi')).toEqual(['Sở Y tế']);
  expect(fake.textsOf('khac')).toEqual(['giữ nguyên']);
  expect(await actions.readRecord()).toBeNull();
});

test('the record round-trips through custom properties, named as the Node filler names them', async () => {
  const { texts, record } = await sampleTexts();
  const { fake, actions } = await hosted();
  expect(await actions.readRecord()).toBeNull();
  await actions.fill(texts, record);
  expect(await actions.readRecord()).toEqual(record);
  expect(fake.customProperties['CCHC.DauVanTay']).toBe(record.fingerprint);
  undo!();

  // A report filled by `cchc report` (src/docx) is recognised by the add-in.
  const { report } = await sampleTexts();
  const docx = await fillDocx(templateBytes(), buildNarrative(report, { allowErrors: true }), record);
  const cli = await hosted(await fakeWordFromDocx(docx));
  expect(await cli.actions.readRecord()).toEqual(record);
});

test('without WordApi 1.3 the record goes to the document settings', async () => {
  const { texts, record } = await sampleTexts();
  const fake = await fakeWordFromDocx(templateBytes(), { apiSets: { WordApi: '1.1' } });
  const { actions } = await hosted(fake);
  await actions.fill(texts, record);
  expect(fake.settingsSaves).toBe(1);
  expect(fake.roundTrips).toBe(2);
  expect(await actions.readRecord()).toEqual(record);
  // Block places are still filled paragraph by paragraph without the subtype property.
  expect(fake.textsOf(SECTION_TAGS.tthc)).toEqual([texts[SECTION_TAGS.tthc]!.join('\n')]);
});

test('markPlace turns an empty paragraph into a block place, or adds one after a written paragraph', async () => {
  const fake = new FakeWord(['Tiêu đề', '', 'Nội dung nhập tay']);
  const { actions } = await hosted(fake);
  const [, empty, written] = fake.snapshot().paragraphs;
  fake.select(empty!.id);
  await actions.markPlace(SECTION_TAGS.bienche, TAG_TITLES[SECTION_TAGS.bienche]);
  expect(fake.roundTrips).toBe(2);
  fake.select(written!.id, 3);
  await actions.markPlace(SECTION_TAGS.xeploai, TAG_TITLES[SECTION_TAGS.xeploai]);

  const s = fake.snapshot();
  expect(s.controls.map((c) => [c.tag, c.title, c.block])).toEqual([
    [SECTION_TAGS.bienche, TAG_TITLES[SECTION_TAGS.bienche], true],
    [SECTION_TAGS.xeploai, TAG_TITLES[SECTION_TAGS.xeploai], true],
  ]);
  expect(s.paragraphs.map((p) => p.text).filter((t) => !t.startsWith('['))).toEqual(['Tiêu đề', 'Nội dung nhập tay']);
  expect(await actions.listPlaces()).toEqual([SECTION_TAGS.bienche, SECTION_TAGS.xeploai]);

  const { texts, record } = await sampleTexts();
  await actions.fill(texts, record);
  expect(fake.textsOf(SECTION_TAGS.bienche)).toEqual([texts[SECTION_TAGS.bienche]!.join('\n')]);
  expect(fake.snapshot().paragraphs.map((p) => p.text).slice(0, 1)).toEqual(['Tiêu đề']);
});

test('markPlace wraps the selected words in an inline field place, and refuses inside another place', async () => {
  const fake = new FakeWord(['Sở Y tế tỉnh Sơn La báo cáo như sau:', { tag: 'cchc:tthc', text: 'cũ' }]);
  const { actions } = await hosted(fake);
  const [p, inBlock] = fake.snapshot().paragraphs;
  fake.select(p!.id, 0, 'Sở Y tế tỉnh Sơn La'.length);
  await actions.markPlace(FIELD_TAGS.donvi, TAG_TITLES[FIELD_TAGS.donvi]);
  expect(fake.snapshot().paragraphs[0]!.segments).toEqual([
    { text: 'Sở Y tế tỉnh Sơn La', control: expect.any(Number) },
    { text: ' báo cáo như sau:', control: null },
  ]);
  const { texts, record } = await sampleTexts();
  await actions.fill(texts, record);
  expect(fake.snapshot().paragraphs[0]!.text).toBe(`${texts[FIELD_TAGS.donvi]![0]} báo cáo như sau:`);

  fake.select(inBlock!.id, 1);
  const err = await actions.markPlace(SECTION_TAGS.hailong, 'x').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).message).toMatch(/Con trỏ đang nằm trong vị trí/);
});

test('host failures become HostError with Vietnamese messages and leave the document as it was', async () => {
  const { texts, record } = await sampleTexts();
  const { fake, actions } = await hosted();
  const before = fake.snapshot();

  fake.failNextSync('AccessDenied');
  const denied = await actions.listPlaces().catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(HostError);
  expect((denied as HostError).message).toMatch(/^Word không cho phép đọc các vị trí trong văn bản/);

  fake.pendingFailures.push(Object.assign(new Error('x'), { code: 'ApiNotFound' }));
  await expect(actions.readRecord()).rejects.toMatchObject({ name: 'HostError', kind: 'unsupported' });

  // The write batch fails before its first operation: nothing written, no record; one more
  // round trip reads which places hold the fill, and the message says none does.
  fake.resetCounters();
  fake.failNextSync('GeneralException', 'An internal error has occurred.', 1);
  const e = await actions.fill(texts, record).catch((x: unknown) => x);
  expect(fake.roundTrips).toBe(3);
  expect(e).toBeInstanceOf(HostError);
  expect((e as HostError).message).toMatch(/^Word dừng trước khi điền xong vị trí nào; chưa điền «.*»\. Word báo lỗi khi điền báo cáo \(mã lỗi: GeneralException\)/);
  expect(fake.snapshot().paragraphs).toEqual(before.paragraphs);
  expect(fake.customProperties).toEqual({});

  // A locked place: refused before anything is written, naming the place.
  const locked = new FakeWord([{ tag: SECTION_TAGS.tthc, title: 'Kết quả giải quyết TTHC', text: 'cũ' }]);
  locked.controls()[0]!.cannotEdit = true;
  undo!();
  const l = await hosted(locked);
  await expect(l.actions.fill(texts, record)).rejects.toThrow(/Vị trí «Kết quả giải quyết TTHC» đang bị khóa sửa/);
  expect(locked.textsOf(SECTION_TAGS.tthc)).toEqual(['cũ']);
});

test('a fill Word stops half-way: the message names the places filled and those not, nothing outside them changes, and a re-run completes it', async () => {
  const { texts, record } = await sampleTexts();
  const { fake, actions } = await hosted();
  const before = fake.snapshot();
  const places = await actions.listPlaces();
  // Stop the write batch after about half of its operations (the load batch has far fewer).
  fake.resetCounters();
  const full = await hosted(await fakeWordFromDocx(templateBytes()));
  await full.actions.fill(texts, record);
  const ops = full.fake.syncLog[1]!.operations;
  undo!();
  undo = installFakeWord(fake);
  fake.failPartWay(Math.floor(ops / 2));
  const err = await actions.fill(texts, record).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HostError);
  // Which places hold the new text, seen in the document itself.
  const wanted = (tag: string) => (texts[tag] ?? []).join(' ');
  const holds = (tag: string) => fake.textsOf(tag).every((t) => t.replace(/\n/g, ' ').includes(wanted(tag)));
  const tags = [...new Set(places)].filter((t) => texts[t]?.length);
  const done = tags.filter(holds);
  const left = tags.filter((t) => !holds(t));
  expect(done.length).toBeGreaterThan(0);
  expect(left.length).toBeGreaterThan(0);
  const m = /^Word dừng giữa chừng: đã điền (.*); chưa điền (.*?)\./.exec((err as HostError).message)!;
  expect(m).not.toBeNull();
  const titles = (ts: string[]) => ts.map((t) => fake.controls().find((c) => c.tag === t)!.title);
  for (const t of titles(done)) expect(m[1]).toContain(`«${t}»`);
  for (const t of titles(left)) expect(m[2]).toContain(`«${t}»`);
  // The final record is not written until every place is; the text outside the places is untouched.
  expect(fake.customProperties['CCHC.DauVanTay']).toBeUndefined();
  expect(outside(fake.snapshot())).toEqual(outside(before));

  // The re-run completes it: every place as a full fill writes it, and the record.
  await actions.fill(texts, record);
  expect(fake.snapshot().paragraphs.map((p) => p.text)).toEqual(full.fake.snapshot().paragraphs.map((p) => p.text));
  expect(fake.customProperties['CCHC.DauVanTay']).toBe(record.fingerprint);
  expect(outside(fake.snapshot())).toEqual(outside(before));
});

test('markPlace needs a cursor in the document and refuses a tag already placed; goToPlace selects the existing one', async () => {
  const fake = new FakeWord(['Tiêu đề', '', { tag: SECTION_TAGS.tthc, text: 'cũ' }]);
  const { actions } = await hosted(fake);
  // No cursor yet: nothing is inserted at an end the officer did not choose.
  const none = await actions.markPlace(SECTION_TAGS.bienche, TAG_TITLES[SECTION_TAGS.bienche]).catch((e: unknown) => e);
  expect(none).toBeInstanceOf(HostError);
  expect((none as HostError).message).toMatch(/Chưa có con trỏ trong văn bản/);
  expect(fake.snapshot().controls).toHaveLength(1);

  const [, empty] = fake.snapshot().paragraphs;
  fake.select(empty!.id);
  const dup = await actions.markPlace(SECTION_TAGS.tthc, TAG_TITLES[SECTION_TAGS.tthc]).catch((e: unknown) => e);
  expect((dup as HostError).message).toMatch(/Văn bản đã có vị trí «Kết quả giải quyết TTHC»/);
  expect(fake.snapshot().controls.map((c) => c.tag)).toEqual([SECTION_TAGS.tthc]);

  await actions.goToPlace!(SECTION_TAGS.tthc);
  const s = fake.snapshot();
  expect(s.paragraphs.find((p) => p.id === s.selection!.paragraphId)!.block).toBe(s.controls[0]!.id);
});

test('"Đánh dấu vị trí" in a table cell of the document (the NĐ 30 header is a table): the unit\'s name selected in the cell becomes the place, as an empty cell does for a section', async () => {
  const fake = new FakeWord([{ cell: 'SỞ Y TẾ TỈNH KON TUM' }, { cell: '' }, 'Nội dung']);
  const { actions } = await hosted(fake);
  const [unitCell, emptyCell] = fake.snapshot().paragraphs;
  fake.select(unitCell!.id, 0, 'SỞ Y TẾ TỈNH KON TUM'.length);
  await actions.markPlace(FIELD_TAGS.coquan, TAG_TITLES[FIELD_TAGS.coquan]);
  fake.select(emptyCell!.id);
  await actions.markPlace(SECTION_TAGS.tthc, TAG_TITLES[SECTION_TAGS.tthc]);
  const s = fake.snapshot();
  expect(s.controls.map((c) => [c.tag, c.block, c.text])).toEqual([
    [FIELD_TAGS.coquan, false, 'SỞ Y TẾ TỈNH KON TUM'],
    [SECTION_TAGS.tthc, true, `[${TAG_TITLES[SECTION_TAGS.tthc]}: đoạn này sẽ được điền tự động từ bảng số liệu.]`],
  ]);
  // Both are inside the cells: the paragraphs are still the table's, nothing added outside.
  expect(s.paragraphs.map((p) => p.id)).toEqual([unitCell!.id, emptyCell!.id, s.paragraphs[2]!.id]);
});

test('listPlaces shows a duplicate place already in a document', async () => {
  const fake = new FakeWord([{ tag: SECTION_TAGS.tthc, text: 'a' }, 'giữa', { tag: SECTION_TAGS.tthc, text: 'b' }]);
  const { actions } = await hosted(fake);
  expect(await actions.listPlaces()).toEqual([SECTION_TAGS.tthc, SECTION_TAGS.tthc]);
});

test('a forced fill opens the place with the highlighted note; a clean refill removes note and highlight', async () => {
  const { fake, actions } = await hosted();
  const { texts, record } = await sampleTexts();
  const note = `${NOTE_PREFIX}, số liệu dưới đây có thể sai. ô TTHC!B7: …. Hãy sửa bảng số liệu rồi điền lại báo cáo.]`;
  const forced = { ...texts, [SECTION_TAGS.tthc]: [note, ...texts[SECTION_TAGS.tthc]!] };
  await actions.fill(forced, { ...record, forcedErrors: '1' });
  expect(fake.roundTrips).toBe(2);
  const place = () => {
    const s = fake.snapshot();
    const c = s.controls.find((x) => x.tag === SECTION_TAGS.tthc)!;
    const lit = (id: number) => (s.highlights ?? []).some((h) => h.paragraphId === id && h.color === '#FFFF00');
    return s.paragraphs.filter((p) => p.block === c.id).map((p) => ({ text: p.text, highlight: lit(p.id) }));
  };
  expect(place()[0]).toEqual({ text: note, highlight: true });
  expect(place().slice(1).map((p) => p.text)).toEqual(texts[SECTION_TAGS.tthc]);
  expect(place().slice(1).some((p) => p.highlight)).toBe(false);
  expect((await actions.readRecord())?.forcedErrors).toBe('1');

  await actions.fill(texts, record);
  expect(place().map((p) => p.text)).toEqual(texts[SECTION_TAGS.tthc]);
  expect(place().some((p) => p.highlight)).toBe(false);
  expect(await actions.readRecord()).not.toHaveProperty('forcedErrors');
});

test('with Track Changes on (WordApi 1.4), the fill is refused before anything is written, saying how to go on; below 1.4 it cannot tell and fills', async () => {
  const { texts, record } = await sampleTexts();
  const tracked = new FakeWord([{ tag: SECTION_TAGS.tthc, title: 'Kết quả giải quyết TTHC', text: 'cũ' }], { apiSets: { WordApi: '1.4' }, changeTrackingMode: 'TrackAll' });
  const { actions } = await hosted(tracked);
  await expect(actions.fill(texts, record)).rejects.toThrow(/^Văn bản đang bật «Theo dõi thay đổi» \(thẻ Xem lại\)\..*tắt «Theo dõi thay đổi», rồi bấm «Điền vào báo cáo» lại\.$/);
  expect(tracked.textsOf(SECTION_TAGS.tthc)).toEqual(['cũ']);
  expect(tracked.customProperties).toEqual({});
  undo!();

  const off = new FakeWord([{ tag: SECTION_TAGS.tthc, title: 'Kết quả giải quyết TTHC', text: 'cũ' }], { apiSets: { WordApi: '1.4' } });
  const o = await hosted(off);
  await o.actions.fill(texts, record);
  expect(off.textsOf(SECTION_TAGS.tthc)).toEqual([texts[SECTION_TAGS.tthc]!.join('\n')]);
});
