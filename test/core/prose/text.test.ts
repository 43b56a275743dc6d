/** The prose reader's text helpers: folding that keeps offsets. Expected strings written by hand. */
import { foldKeep } from '../../../src/core/prose/text';

describe('foldKeep: lower case, no diacritics, one unit per unit', () => {
  it.each([
    ['Đã tiếp nhận 1.205 Hồ Sơ', 'da tiep nhan 1.205 ho so'],
    ['ĐÚNG HẠN: 98,5%', 'dung han: 98,5%'],
    ['Quý III năm 2022 (từ 15/6 đến 14/9)', 'quy iii nam 2022 (tu 15/6 den 14/9)'],
    // Non-breaking, em and ideographic spaces read as spaces; tabs and line breaks stay.
    ['1.784\u00a0người\u2003và\u3000\t02\nđơn', '1.784 nguoi va \t02\ndon'],
    // Quotes and dashes are not letters: kept as they are.
    ['“Trực tuyến” – mức độ 4', '“truc tuyen” – muc do 4'],
    // A letter outside the BMP lower-cases as its two units.
    ['A\u{10400}b', 'a\u{10428}b'],
    // A lone surrogate (text cut inside a pair) stays.
    ['x\ud801y', 'x\ud801y'],
    ['', ''],
  ])('%j', (text, folded) => {
    expect(foldKeep(text)).toBe(folded);
    expect(foldKeep(text)).toHaveLength(text.length);
  });

  it('folds a paragraph longer than any buffer the same way throughout', () => {
    const unit = 'Tiếp nhận 297 hồ sơ, trực tuyến 85 hồ sơ; ';
    const text = unit.repeat(5000);
    expect(foldKeep(text)).toBe('tiep nhan 297 ho so, truc tuyen 85 ho so; '.repeat(5000));
  });
});
