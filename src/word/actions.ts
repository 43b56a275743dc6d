import { isFieldTag } from '../core/narrative/tags';
import { isForcedNote } from '../core/narrative/marks';
import { HostError, type FillRecord, type FilledPlaces, type WordActions } from '../host/actions';
import { copyToClipboard } from '../host/clipboard';
import { toHostError, type Doing } from './errors';
import { clearTextMarks, markText, readParagraphs, selectText } from './prose';
import { RECORD_PROPS, RECORD_SETTING, clip, placeProperty, placeStamp, recordFromProperties, recordFromSetting } from './record';

/**
 * WordActions on the global Office / Word (the real host or src/fake-office/word.ts).
 * Round trips: listPlaces 1; fill 2 whatever the number of places (one load, one batch of writes
 * with the record); markPlace 2; readRecord 1. Where custom properties are missing (WordApi < 1.3)
 * the record goes to the document settings, which costs one saveAsync more.
 */
export function createWordActions(): WordActions {
  const customProps = () => Office.context.requirements.isSetSupported('WordApi', '1.3');

  async function run<T>(doing: Doing, batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Word.run(batch);
    } catch (e) {
      throw toHostError(e, doing);
    }
  }

  return {
    host: 'word',

    listPlaces: () =>
      run('đọc các vị trí trong văn bản', async (context) => {
        const ccs = context.document.contentControls;
        ccs.load('items/tag');
        await context.sync();
        // Every place, duplicates included: a tag placed twice receives the same paragraphs twice,
        // and the pane must show it to be fixed.
        return ccs.items.map((c) => c.tag).filter(Boolean);
      }),

    fill: (sections, record, pictures = {}) =>
      run('điền báo cáo', async (context) => {
        const ccs = context.document.contentControls;
        const withSubtype = customProps();
        ccs.load(withSubtype ? 'items/tag,items/title,items/type,items/subtype,items/cannotEdit' : 'items/tag,items/title,items/type,items/cannotEdit');
        // With Track Changes on, every write becomes a revision and a place's text still holds the
        // deleted words (Paragraph.text includes them, https://github.com/OfficeDev/office-js/issues/1267): the fill would
        // stack its text on top of what the officer is reviewing. Refused, with how to go on.
        const tracking = Office.context.requirements.isSetSupported('WordApi', '1.4') ? context.document.load('changeTrackingMode') : null;
        await context.sync();
        if (tracking && tracking.changeTrackingMode !== 'Off') {
          throw new HostError('Văn bản đang bật «Theo dõi thay đổi» (thẻ Xem lại). Khi đang theo dõi, mỗi lần điền sẽ thành các thay đổi chờ duyệt chồng lên chữ cũ. Hãy chấp nhận hoặc từ chối các thay đổi trong các vị trí cần điền, tắt «Theo dõi thay đổi», rồi bấm «Điền vào báo cáo» lại.');
        }

        const targets = ccs.items.filter((c) => Object.prototype.hasOwnProperty.call(sections, c.tag));
        const locked = targets.find((c) => c.cannotEdit);
        if (locked) {
          throw new HostError(`Vị trí «${locked.title || locked.tag}» đang bị khóa sửa (Thuộc tính của ô nội dung › «Không thể sửa nội dung»). Hãy bỏ khóa rồi điền lại.`);
        }
        const filled = new Set<string>();
        const picturesSkipped: string[] = [];
        for (const cc of targets) {
          const paras = (sections[cc.tag] ?? []).map((p) => p.replace(/[\r\n\v]+/g, ' '));
          const inline = withSubtype ? !cc.subtype.startsWith('RichTextParagraphs') && !cc.subtype.startsWith('RichTextTable') : cc.type === 'PlainText' || isFieldTag(cc.tag);
          const picture = inline ? undefined : pictures[cc.tag];
          if (inline && pictures[cc.tag] && !picturesSkipped.includes(cc.tag)) picturesSkipped.push(cc.tag);
          if (!paras.length && !picture) {
            // As the Node filler does: an empty section empties its block so no stale figures stay;
            // an inline field with nothing to say keeps its placeholder.
            if (!inline) cc.clear();
            continue;
          }
          if (inline) {
            cc.insertText(paras.join(' '), 'Replace');
          } else {
            // A forced report's note opens the place, highlighted (docs/style.md 8); the highlight is
            // taken off the place first, so a clean refill writes plain text again.
            const note = paras[0] != null && isForcedNote(paras[0]) ? paras[0] : null;
            const body = note ? paras.slice(1) : paras;
            cc.font.highlightColor = null as unknown as string;
            // Replace keeps the first paragraph's formatting; the others are added after it.
            cc.insertText(body[0] ?? '', 'Replace');
            for (const p of body.slice(1)) cc.insertParagraph(p, 'End');
            // i13: the survey chart after the text, centred, in a paragraph of its own (WordApi 1.1),
            // or in the place's one emptied paragraph when there is no text (getFirst: WordApi 1.3);
            // the 'Replace' above took away the one a previous fill put there.
            if (picture) {
              const para = body.length || !withSubtype ? cc.insertParagraph('', 'End') : cc.paragraphs.getFirst();
              para.alignment = 'Centered';
              const pic = para.insertInlinePictureFromBase64(picture.base64, 'Start');
              pic.width = picture.width;
              pic.height = picture.height;
              pic.altTextTitle = picture.title;
              pic.altTextDescription = picture.description;
            }
            if (note) cc.insertParagraph(note, 'Start').font.highlightColor = 'Yellow';
          }
          // Right after the place's own writes, in the same batch: if Word stops later in the
          // batch, this place is known to hold this fill (partialFill).
          if (withSubtype) context.document.properties.customProperties.add(placeProperty(cc.tag), placeStamp(record));
          filled.add(cc.tag);
        }
        const outcome = (tags: string[]): FilledPlaces => (picturesSkipped.length ? Object.assign(tags, { picturesSkipped }) : tags);
        if (!filled.size) return outcome([]);
        if (withSubtype) {
          const props = context.document.properties.customProperties;
          for (const [key, name] of RECORD_PROPS) props.add(name, clip(record[key]));
        }
        try {
          await context.sync();
        } catch (e) {
          // Word keeps what ran before the failure: say which places hold the new text.
          throw await partialFill(e, targets, record, withSubtype);
        }
        if (!withSubtype) await saveSetting(record);
        return outcome([...filled]);
      }),

    markPlace: (tag, title) =>
      run('đánh dấu vị trí', async (context) => {
        const existing = context.document.contentControls.getByTag(tag);
        existing.load('items/id');
        const sel = context.document.getSelection();
        const paras = sel.paragraphs;
        paras.load('items/text');
        sel.load('text');
        const parent = customProps() ? sel.parentContentControlOrNullObject : null;
        parent?.load('tag,title');
        const body = customProps() ? sel.parentBody : null;
        body?.load('type');
        // A table cell's body reports "TableCell" (the NĐ 30 header is a table); the body around
        // it says whether that table is in the document's text or in a page header or footer.
        const outer = body ? body.parentBodyOrNullObject : null;
        outer?.load('type');
        try {
          await context.sync();
        } catch (e) {
          // No cursor in the document: never put the place at an end the officer did not choose.
          if ((e as { code?: string }).code === 'ItemNotFound') throw new HostError(NO_CURSOR);
          throw e;
        }
        if (existing.items.length) {
          throw new HostError(`Văn bản đã có vị trí «${title}». Mỗi mục chỉ đánh dấu một lần (hai vị trí cùng mục sẽ nhận cùng các đoạn văn); hãy dùng vị trí đã có.`);
        }
        const inText = (b: Word.Body) => b.type === 'MainDoc' || (b.type === 'TableCell' && !!outer && !outer.isNullObject && (outer.type === 'MainDoc' || outer.type === 'TableCell'));
        if (body && !inText(body)) {
          throw new HostError('Con trỏ đang ở đầu trang, chân trang, chú thích hoặc hộp văn bản. Hãy bấm vào một đoạn trong phần nội dung chính của văn bản rồi đánh dấu lại.');
        }
        if (parent && !parent.isNullObject) {
          throw new HostError(`Con trỏ đang nằm trong vị trí «${parent.title || parent.tag || 'ô nội dung'}». Hãy đặt con trỏ ở một đoạn bên ngoài rồi đánh dấu lại.`);
        }
        let cc: Word.ContentControl;
        if (isFieldTag(tag)) {
          if (paras.items.length > 1) throw new HostError('Hãy chọn một cụm chữ trong cùng một đoạn (ví dụ tên đơn vị) để đánh dấu vị trí này.');
          cc = sel.insertContentControl();
          if (!sel.text) cc.insertText(title, 'Replace');
        } else {
          const first = paras.items[0];
          if (!first) throw new HostError('Không xác định được đoạn văn đang chọn. Hãy bấm vào một đoạn trong văn bản rồi thử lại.');
          // An empty paragraph becomes the place; otherwise the officer's text stays and the place goes after it.
          const target = first.text.trim() === '' && paras.items.length === 1 ? first : paras.items[paras.items.length - 1]!.insertParagraph('', 'After');
          cc = target.insertContentControl();
          cc.insertText(`[${title}: đoạn này sẽ được điền tự động từ bảng số liệu.]`, 'Replace');
        }
        cc.tag = tag;
        cc.title = title;
        cc.appearance = 'BoundingBox';
        await context.sync();
      }),

    goToPlace: (tag) =>
      run('đến vị trí', async (context) => {
        context.document.contentControls.getByTag(tag).getFirst().select();
        await context.sync();
      }),

    readRecord: () =>
      run('đọc thông tin lần điền trước', async (context) => {
        if (customProps()) {
          const props = context.document.properties.customProperties;
          props.load('items/key,items/value');
          await context.sync();
          const rec = recordFromProperties(new Map(props.items.map((p) => [p.key, String(p.value ?? '')])));
          if (rec) return rec;
        }
        return recordFromSetting(Office.context.document.settings.get(RECORD_SETTING));
      }),

    copyText: copyToClipboard,
    readParagraphs,
    selectText,
    markText,
    clearTextMarks,
  };
}

/**
 * Word batches are not transactions: when one operation fails, the ones before it stay applied
 * (learn.microsoft.com/javascript/api/office/officeextension.error). A fill stopped part-way has
 * rewritten some places and not others; each place's property says which fill it holds, read
 * here in a fresh batch to tell the officer, and a second "Điền" writes every place again.
 */
async function partialFill(e: unknown, targets: readonly Word.ContentControl[], record: FillRecord, withProps: boolean): Promise<unknown> {
  const err = toHostError(e, 'điền báo cáo');
  if (!(err instanceof HostError)) return err;
  const name = (c: Word.ContentControl) => `«${c.title || c.tag}»`;
  const list = (cs: readonly Word.ContentControl[]) => [...new Set(cs.map(name))].join(', ');
  if (!withProps) return new HostError(`${err.message} Một số vị trí có thể đã được điền, số khác chưa; hãy bấm «Điền vào báo cáo» lại để điền đủ.`);
  let stamps: Map<string, string>;
  try {
    stamps = await Word.run(async (context) => {
      const props = context.document.properties.customProperties;
      props.load('items/key,items/value');
      await context.sync();
      return new Map(props.items.map((p) => [p.key.toLowerCase(), String(p.value ?? '')]));
    });
  } catch {
    return new HostError(`${err.message} Một số vị trí có thể đã được điền, số khác chưa; hãy bấm «Điền vào báo cáo» lại để điền đủ.`);
  }
  const stamp = placeStamp(record);
  const done = targets.filter((c) => stamps.get(placeProperty(c.tag).toLowerCase()) === stamp);
  const left = targets.filter((c) => !done.includes(c));
  const head = done.length ? `Word dừng giữa chừng: đã điền ${list(done)}; chưa điền ${list(left)}.` : `Word dừng trước khi điền xong vị trí nào; chưa điền ${list(left)}.`;
  return new HostError(`${head} ${err.message} Phần văn bản ngoài các vị trí không bị thay đổi. Hãy bấm «Điền vào báo cáo» lại để điền nốt (các vị trí được ghi lại toàn bộ).`);
}

const NO_CURSOR = 'Chưa có con trỏ trong văn bản. Hãy bấm vào chỗ cần đánh dấu trong phần nội dung văn bản (một đoạn trống, hoặc chọn cụm chữ cho tên đơn vị, kỳ, thời gian) rồi bấm lại «Đánh dấu vị trí».';

function saveSetting(record: FillRecord): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(RECORD_SETTING, { ...record });
  return new Promise((resolve, reject) => {
    settings.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new HostError(`Đã điền báo cáo nhưng Word không lưu được thông tin lần điền (${r.error?.message ?? 'lỗi không rõ'}). Hãy lưu văn bản rồi điền lại.`));
    });
  });
}
