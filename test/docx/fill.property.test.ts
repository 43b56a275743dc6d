import fc from 'fast-check';
import { buildNarrative } from '../../src/core/narrative';
import { ALL_TAGS } from '../../src/core/narrative/tags';
import { TAG_TITLES } from '../../src/core/narrative/places';
import { fillDocxDetailed } from '../../src/docx/fill';
import { allSections } from '../narrative/fixtures';
import { body, docxWith } from './hostile';
import { parse, part } from './helpers';

/**
 * Random templates: paragraphs with comments and tracked changes, tables, controls nested in
 * controls, repeated tags, foreign and untagged controls. The generator knows where it put the
 * inside of every outermost place (a control tagged cchc:… or untagged with one of our titles), so
 * the bytes that must survive are known without asking the code under test.
 */

type Inline = { k: 'r' | 'ins' | 'del' | 'comment'; text: string } | { k: 'isdt'; ctl: Ctl; text: string };
type Block = { k: 'p'; runs: Inline[] } | { k: 'sdt'; ctl: Ctl; children: Block[] } | { k: 'tbl'; children: Block[] };
/** A control's identity: one of ours by tag, one of ours by title only, someone else's, or untagged and untitled. */
type Ctl = { tag: string; alias: string; place: boolean };

const word = fc.constantFrom('Báo cáo', 'số liệu', 'quý I', 'A & B', '<giữ>', 'Nguyễn', '“trích”', '  hai  khoảng  ', 'đ', '100%');
const text = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));
const ctl: fc.Arbitrary<Ctl> = fc.oneof(
  fc.constantFrom(...ALL_TAGS).map((t) => ({ tag: t, alias: TAG_TITLES[t], place: true })),
  fc.constantFrom(...ALL_TAGS).map((t) => ({ tag: '', alias: TAG_TITLES[t], place: true })),
  fc.constantFrom('khac:ghi-chu', 'bao-cao:ky').map((t) => ({ tag: t, alias: 'Kỳ báo cáo', place: false })),
  fc.constant({ tag: '', alias: 'Ghi chú riêng', place: false }),
);
const inline: fc.Arbitrary<Inline> = fc.oneof(
  fc.record({ k: fc.constantFrom('r' as const, 'ins' as const, 'del' as const, 'comment' as const), text }),
  fc.record({ k: fc.constant('isdt' as const), ctl, text }),
);
const { block } = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'block' },
    fc.record({ k: fc.constant('p' as const), runs: fc.array(inline, { maxLength: 4 }) }),
    fc.record({ k: fc.constant('sdt' as const), ctl, children: fc.array(tie('block'), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('tbl' as const), children: fc.array(tie('block'), { maxLength: 3 }) }),
  ),
}));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/đ/g, '&#273;');
const sdtPr = (c: Ctl) => `<w:sdtPr><w:alias w:val="${esc(c.alias)}"/>${c.tag ? `<w:tag w:val="${c.tag}"/>` : ''}<w:id w:val="7"/></w:sdtPr>`;

/** Renders blocks; `ranges` receives the inside of each outermost place's w:sdtContent. */
class Doc {
  xml = '';
  ranges: [number, number][] = [];
  private id = 0;

  control(c: Ctl, inPlace: boolean, inner: () => void) {
    this.xml += `<w:sdt>${sdtPr(c)}<w:sdtContent>`;
    const start = this.xml.length;
    inner();
    if (c.place && !inPlace) this.ranges.push([start, this.xml.length]);
    this.xml += '</w:sdtContent></w:sdt>';
  }

  inline(r: Inline, inPlace: boolean) {
    const run = (t: string, el = 'w:t') => `<w:r><w:rPr><w:i/></w:rPr><${el} xml:space="preserve">${esc(t)}</${el}></w:r>`;
    const id = this.id++;
    if (r.k === 'r') this.xml += run(r.text);
    else if (r.k === 'ins') this.xml += `<w:ins w:id="${id}" w:author="Lãnh đạo" w:date="2023-03-11T08:00:00Z">${run(r.text)}</w:ins>`;
    else if (r.k === 'del') this.xml += `<w:del w:id="${id}" w:author="Lãnh đạo" w:date="2023-03-11T08:00:00Z">${run(r.text, 'w:delText')}</w:del>`;
    else if (r.k === 'comment') this.xml += `<w:commentRangeStart w:id="${id}"/>${run(r.text)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    else if (r.k === 'isdt') this.control(r.ctl, inPlace, () => (this.xml += run(r.text)));
  }

  block(b: Block, inPlace: boolean) {
    if (b.k === 'p') {
      this.xml += '<w:p><w:pPr><w:jc w:val="both"/></w:pPr>';
      for (const r of b.runs) this.inline(r, inPlace);
      this.xml += '</w:p>\r\n';
    } else if (b.k === 'tbl') {
      this.xml += '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc><w:tcPr/>';
      for (const c of b.children) this.block(c, inPlace);
      this.xml += '<w:p/></w:tc></w:tr></w:tbl>';
    } else {
      this.control(b.ctl, inPlace, () => {
        for (const c of b.children) this.block(c, inPlace || b.ctl.place);
      });
    }
  }
}

const n = buildNarrative(allSections(), { reportDate: '2023-03-14' });
const record = { fileName: 'a.xlsx', unit: 'Sở Y tế tỉnh Sơn La', period: 'quý I năm 2023', fingerprint: n.fingerprint, filledAt: '2023-03-14T08:30:00.000Z' };

/**
 * The output is the template's fixed pieces in order with the places' insides replaced. A filled
 * inside holds only paragraphs or runs (no control), so it ends at the first w:sdtContent end tag.
 */
function keptOutside(before: string, ranges: [number, number][], after: string): boolean {
  let at = 0;
  let prev = 0;
  for (const [s, e] of ranges) {
    let fixed = before.slice(prev, s);
    // The place's own w:sdtPr may lose its w:text: a filled place is a rich-text control (src/docx/fill.ts).
    const pr = fixed.lastIndexOf('<w:sdtPr>');
    if (pr >= 0) fixed = fixed.slice(0, pr) + fixed.slice(pr).replace(/<w:text(?:\s[^>]*)?\/>/, '');
    if (after.slice(at, at + fixed.length) !== fixed) return false;
    at += fixed.length;
    // Every place is written: the narrative used has text or an empty paragraph for every tag. The
    // only control written inside is the untagged inline one around a block place's first paragraph.
    let depth = 0;
    let end = -1;
    for (const m of after.slice(at).matchAll(/<(\/?)w:sdtContent>|<w:sdt>(<w:sdtPr\/>)?/g)) {
      if (m[0].startsWith('<w:sdt>')) {
        if (!m[2]) return false;
        continue;
      }
      if (!m[1]) depth++;
      else if (depth-- === 0) {
        end = at + m.index!;
        break;
      }
    }
    if (end < 0) return false;
    at = end;
    prev = e;
  }
  return after.slice(at) === before.slice(prev);
}

describe('random templates (fast-check, fixed seed)', () => {
  test('every byte outside the places is kept; the result is well-formed; a second fill changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), fc.constantFrom(...ALL_TAGS), async (blocks, first) => {
        const doc = new Doc();
        // At least one place, or the template is (rightly) refused.
        doc.block({ k: 'p', runs: [{ k: 'isdt', ctl: { tag: first, alias: TAG_TITLES[first], place: true }, text: 'chỗ điền' }] }, false);
        for (const b of blocks) doc.block(b, false);
        const prefix = body('').indexOf('<w:body>') + '<w:body>'.length;
        const xml = body(doc.xml + '<w:sectPr/>');
        const ranges = doc.ranges.map(([s, e]) => [s + prefix, e + prefix] as [number, number]);
        const once = (await fillDocxDetailed(await docxWith(xml), n, record)).bytes;
        const after = await part(once, 'word/document.xml');
        parse(after);
        expect(keptOutside(xml, ranges, after)).toBe(true);
        const twice = (await fillDocxDetailed(once, n, record)).bytes;
        expect(await part(twice, 'word/document.xml')).toBe(after);
      }),
      { seed: 8082026, numRuns: 80 },
    );
  }, 120_000);

  test('the checker itself notices a changed byte outside a place', () => {
    const before = '<a><w:sdtContent>x</w:sdtContent><b/></a>';
    const ranges: [number, number][] = [[before.indexOf('x'), before.indexOf('x') + 1]];
    expect(keptOutside(before, ranges, '<a><w:sdtContent>NEW</w:sdtContent><b/></a>')).toBe(true);

    expect(keptOutside(before, ranges, '<a><w:sdtContent>NEW</w:sdtContent><c/></a>')).toBe(false);
    expect(keptOutside(before, ranges, '<A><w:sdtContent>NEW</w:sdtContent><b/></a>')).toBe(false);
  });
});
