/** The prose reader's text helpers: folding that keeps offsets, phrases found by words. Expected values written by hand. */
import { foldKeep, parenDepths, parenMatches, PhraseIndex, withinSteps } from '../../../src/core/prose/text';
import { isSpace, statusWords } from '../../../src/core/prose/statements';

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
    // A byte-order mark is a space like any odd space; a reversed one is no letter and stays.
    ['\ufeffA\ufffeB', ' a\ufffeb'],
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

describe('PhraseIndex: every whole-word occurrence of every phrase', () => {
  const index = new PhraseIndex(['tiep nhan moi', 'tiep nhan', 'truc tuyen', 'cac so, nganh', 'han']);
  const found = (text: string) => {
    const out: [string, number][] = [];
    index.each(text.split(' '), (k, i) => out.push([index.phrases[k]!, i]));
    return out;
  };

  it('finds a phrase and the shorter one it starts with, at the word they start at', () => {
    expect(found('da tiep nhan moi 85 ho so truc tuyen')).toEqual([
      ['tiep nhan moi', 1],
      ['tiep nhan', 1],
      ['truc tuyen', 7],
    ]);
  });

  it('matches whole words only: a comma belongs to its word', () => {
    expect(found('dung han tiep nhanh cac so, nganh va cac so nganh')).toEqual([
      ['han', 1],
      ['cac so, nganh', 4],
    ]);
  });

  it('finds every occurrence, up to the last word', () => {
    expect(found('han tiep nhan han tiep nhan')).toEqual([
      ['han', 0],
      ['tiep nhan', 1],
      ['han', 3],
      ['tiep nhan', 4],
    ]);
    expect(found('tiep')).toEqual([]);
  });
});

describe('statusWords: the words status phrases are matched on', () => {
  it.each([
    ['da duoc giai quyet', ['da', 'giai', 'quyet']],
    ['tiep nhan: 12 (truc tuyen)', ['tiep', 'nhan', '12', 'truc', 'tuyen']],
    // "duoc" goes only as a word of its own: beside a letter or "_" it is part of another word.
    ['duocx duoc_ a/duoc,b', ['duocx', 'duoc_', 'a', ',b']],
    ['truoc/dung han', ['truoc', 'dung', 'han']],
    ['so–luong+1=2', ['so', 'luong', '1', '2']],
    ['a\u00a0\u3000b', ['a', 'b']],
    ['', ['']],
    [' “ ” ', ['']],
  ])('%j', (words, expected) => {
    expect(statusWords(words)).toEqual(expected);
  });

  it('reads white space as a regular expression does', () => {
    expect([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x2003, 0x2028, 0x3000, 0xfeff].every(isSpace)).toBe(true);
    expect([0x41, 0x5f, 0x200b, 0x180e, 0x85].some(isSpace)).toBe(false);
  });
});

describe('parenMatches and withinSteps: how far back a rate looks, deeper parentheses jumped over', () => {
  it('matches each closing parenthesis with its opening one, stray ones with none', () => {
    // positions: a=0 (=1 b=2 (=3 c=4 )=5 )=6 )=7 (stray)
    expect(Array.from(parenMatches('a(b(c)))'))).toEqual([-1, -1, -1, -1, -1, 3, 1, -1]);
  });
  it('counts a whole deeper parenthesis as one piece', () => {
    const text = '12 (very long note) x'; // from 2 to 21: " ", the note (one piece), " ", "x" = 4 pieces
    const d = parenDepths(text);
    const m = parenMatches(text);
    expect(withinSteps(text, d, m, 2, text.length, 0, 4)).toBe(true);
    expect(withinSteps(text, d, m, 2, text.length, 0, 3)).toBe(false);
  });
  it('counts the parentheses of the rate\'s own level one by one', () => {
    // "12 ((((x" at level 4: " " and four "(" and "x": 6 pieces after "12".
    const text = '12 ((((x';
    expect(withinSteps(text, parenDepths(text), parenMatches(text), 2, text.length, 4, 6)).toBe(true);
    expect(withinSteps(text, parenDepths(text), parenMatches(text), 2, text.length, 4, 5)).toBe(false);
  });
});
