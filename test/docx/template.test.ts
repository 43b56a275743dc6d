import { ALL_TAGS, FIELD_TAG_LIST, SECTION_TAG_LIST } from '../../src/core/narrative';
import { findControls } from '../../src/docx/sdt';
import { parse, part, templateBytes, W } from './helpers';

describe('assets/templates/bao-cao-cchc.docx (NĐ 30/2020 layout)', () => {
  let doc: Document;
  let styles: Document;
  let xml: string;
  beforeAll(async () => {
    xml = await part(templateBytes(), 'word/document.xml');
    doc = parse(xml) as unknown as Document;
    styles = parse(await part(templateBytes(), 'word/styles.xml')) as unknown as Document;
  });
  const first = (d: Document, name: string) => d.getElementsByTagNameNS(W, name).item(0)!;
  const attr = (el: Element, name: string) => el.getAttributeNS(W, name);

  test('A4 with margins top/bottom 20 mm, left 30 mm, right 15 mm', () => {
    const sz = first(doc, 'pgSz');
    expect([attr(sz, 'w'), attr(sz, 'h')]).toEqual(['11906', '16838']);
    const mar = first(doc, 'pgMar');
    const mm = (twips: string | null) => Math.round((Number(twips) / 1440) * 25.4);
    expect({ top: mm(attr(mar, 'top')), bottom: mm(attr(mar, 'bottom')), left: mm(attr(mar, 'left')), right: mm(attr(mar, 'right')) }).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
  });

  test('body text: Times New Roman 14 pt, justified, first line 1,27 cm, 6 pt after, line spacing 1,15–1,5', () => {
    const defaults = first(styles, 'docDefaults');
    const fonts = defaults.getElementsByTagNameNS(W, 'rFonts').item(0)!;
    expect(attr(fonts, 'ascii')).toBe('Times New Roman');
    expect(attr(fonts, 'hAnsi')).toBe('Times New Roman');
    expect(attr(defaults.getElementsByTagNameNS(W, 'sz').item(0)!, 'val')).toBe('28');
    expect(attr(defaults.getElementsByTagNameNS(W, 'jc').item(0)!, 'val')).toBe('both');
    const ind = defaults.getElementsByTagNameNS(W, 'ind').item(0)!;
    expect(Math.round((Number(attr(ind, 'firstLine')) / 1440) * 2.54 * 100) / 100).toBe(1.27);
    const spacing = defaults.getElementsByTagNameNS(W, 'spacing').item(0)!;
    expect(Number(attr(spacing, 'after')) / 20).toBeGreaterThanOrEqual(6);
    const line = Number(attr(spacing, 'line')) / 240;
    expect(line).toBeGreaterThanOrEqual(1.15);
    expect(line).toBeLessThanOrEqual(1.5);
  });

  test('every line spacing says it counts in lines (w:lineRule="auto"), the header\'s and the title\'s single', () => {
    // Without the rule LibreOffice 7.4 takes w:line for an exact height in twips: 312 would be
    // 15,6 pt for 14 pt text, 240 would be 12 pt for the header's 13 pt lines, which then touch.
    const spacings = [...Array.from(doc.getElementsByTagNameNS(W, 'spacing')), ...Array.from(styles.getElementsByTagNameNS(W, 'spacing'))].filter((s) => attr(s, 'line'));
    expect(spacings.length).toBeGreaterThan(10);
    for (const s of spacings) expect([attr(s, 'line'), attr(s, 'lineRule')]).toEqual([attr(s, 'line'), 'auto']);
    const paragraphOf = (text: string) => Array.from(doc.getElementsByTagNameNS(W, 'p')).find((p) => p.textContent === text)!;
    for (const text of ['SỞ Y TẾ', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO']) {
      const spacing = paragraphOf(text).getElementsByTagNameNS(W, 'spacing').item(0)!;
      expect([text, attr(spacing, 'line'), attr(spacing, 'lineRule')]).toEqual([text, '240', 'auto']);
    }
  });

  test('every tag is a content control with tag and alias; sections are rich-text blocks, fields plain-text inline', () => {
    const controls = findControls(xml);
    expect(new Set(controls.map((c) => c.tag))).toEqual(new Set(ALL_TAGS));
    for (const c of controls) {
      const sdt = xml.slice(c.start, c.end);
      expect(sdt).toMatch(/<w:alias w:val="[^"]+"\/>/);
      if ((SECTION_TAG_LIST as readonly string[]).includes(c.tag)) {
        expect(c.kind).toBe('block');
        expect(sdt).not.toContain('<w:text/>');
      } else {
        expect((FIELD_TAG_LIST as readonly string[]).includes(c.tag)).toBe(true);
        expect(c.kind).toBe('inline');
        expect(sdt).toContain('<w:text/>');
      }
    }
  });

  test('header block, title and the usual outline', () => {
    const text = xml.replace(/<[^>]+>/g, '');
    const tables = doc.getElementsByTagNameNS(W, 'tbl');
    const header = tables.item(0)!;
    expect(header.textContent).toContain('SỞ Y TẾ');
    expect(header.textContent).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header.textContent).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(attr(header.getElementsByTagNameNS(W, 'top').item(0)!, 'val')).toBe('none');
    const order = [
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Cải cách thể chế',
      '2. Cải cách thủ tục hành chính',
      '3. Cải cách tổ chức bộ máy',
      '4. Cải cách chế độ công vụ',
      '5. Cải cách tài chính công',
      '6. Xây dựng chính quyền điện tử, chính quyền số',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
    ].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Data places sit in their parts of the outline.
    const at = (tag: string) => xml.indexOf(`w:val="${tag}"`);
    const pos = (h: string) => xml.indexOf(h);
    expect(at('cchc:tthc')).toBeGreaterThan(pos('2. Cải cách thủ tục hành chính'));
    expect(at('cchc:tthc')).toBeLessThan(pos('3. Cải cách tổ chức bộ máy'));
    expect(at('cchc:bienche')).toBeGreaterThan(pos('3. Cải cách tổ chức bộ máy'));
    expect(at('cchc:xeploai')).toBeGreaterThan(pos('4. Cải cách chế độ công vụ'));
    expect(at('cchc:chitieu')).toBeLessThan(pos('5. Cải cách tài chính công'));
  });
});
