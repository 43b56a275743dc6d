import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { fillDocx, fillDocxDetailed } from '../../src/docx/fill';
import { expectedIndices } from '../helpers/surveys';
import { missingTool } from '../helpers/tools';
import { controlTexts, parse, part, surveyReport, templateBytes, W } from './helpers';

/**
 * The survey chart in the filled report, read back as Word would: one PNG and one SVG part, their
 * relationships and content types, the drawing inside the survey place, and bars whose lengths
 * are the section rates computed here from the generated answers (helpers/surveys.ts), not by
 * the code under test.
 */

const { shape, forms, report, narrative, chart, record } = surveyReport(400, 29);
const want = expectedIndices(shape, forms);

const NS = {
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  asvg: 'http://schemas.microsoft.com/office/drawing/2016/SVG/main',
  svg: 'http://www.w3.org/2000/svg',
};
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const SECTIONS = ['A', 'B', 'C', 'D', 'E'] as const;
const pct = (x: number) => `${x.toFixed(2).replace('.', ',')}%`;

function surveyPlace(xml: string): Element {
  const sdts = parse(xml).getElementsByTagNameNS(W, 'sdt');
  for (let i = 0; i < sdts.length; i++) {
    const tag = sdts.item(i)!.getElementsByTagNameNS(W, 'tag').item(0);
    if (tag?.getAttributeNS(W, 'val') === 'cchc:hailong') return sdts.item(i)!;
  }
  throw new Error('no survey place');
}

const all = (el: Document | Element, ns: string, name: string) => {
  const list = el.getElementsByTagNameNS(ns, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
};

async function media(docx: Uint8Array): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(docx)).files).filter((n) => n.startsWith('word/media/'));
}

test('the workbook has the figures the chart draws', () => {
  expect(report.summary.errors).toBe(0);
  for (const c of SECTIONS) expect(want.sections[c]).not.toBeNull();
});

describe('the filled report carries the chart', () => {
  let out: Uint8Array;
  beforeAll(async () => {
    const r = await fillDocxDetailed(templateBytes(), narrative, record, { chart });
    expect(r.chart).toBe(true);
    out = r.bytes;
  });

  test('one PNG part and one SVG part, each related from the document as an image, with content types', async () => {
    expect((await media(templateBytes())).length).toBe(0);
    expect((await media(out)).sort()).toEqual(['word/media/cchc-hailong.png', 'word/media/cchc-hailong.svg']);
    const rels = all(parse(await part(out, 'word/_rels/document.xml.rels')), NS.rels, 'Relationship');
    const toMedia = rels.filter((r) => r.getAttribute('Target')!.startsWith('media/'));
    expect(toMedia.map((r) => [r.getAttribute('Target'), r.getAttribute('Type')]).sort()).toEqual([
      ['media/cchc-hailong.png', IMAGE],
      ['media/cchc-hailong.svg', IMAGE],
    ]);
    expect(new Set(rels.map((r) => r.getAttribute('Id'))).size).toBe(rels.length);
    const defaults = all(parse(await part(out, '[Content_Types].xml')), NS.ct, 'Default').map((d) => [d.getAttribute('Extension')!.toLowerCase(), d.getAttribute('ContentType')]);
    expect(defaults.filter(([e]) => e === 'png')).toEqual([['png', 'image/png']]);
    expect(defaults.filter(([e]) => e === 'svg')).toEqual([['svg', 'image/svg+xml']]);

    // The blip points at the PNG, its SVG extension at the SVG.
    const doc = await part(out, 'word/document.xml');
    const byId = new Map(rels.map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
    const blip = all(surveyPlace(doc), NS.a, 'blip');
    expect(blip.length).toBe(1);
    expect(byId.get(blip[0]!.getAttributeNS(NS.r, 'embed'))).toBe('media/cchc-hailong.png');
    expect(byId.get(all(blip[0]!, NS.asvg, 'svgBlip')[0]!.getAttributeNS(NS.r, 'embed'))).toBe('media/cchc-hailong.svg');
  });

  test('the drawing is inline in the survey place, after its paragraphs, 15 cm wide, with a unique id and the figures as alt text', async () => {
    const doc = await part(out, 'word/document.xml');
    const inlines = all(parse(doc), NS.wp, 'inline');
    expect(inlines.length).toBe(1);
    const place = surveyPlace(doc);
    expect(all(place, NS.wp, 'inline').length).toBe(1);
    // The narrative's own lines are there, and the picture's paragraph comes last.
    const texts = controlTexts(doc, 'cchc:hailong')[0]!;
    expect(texts.slice(0, -1)).toEqual(narrative.sections['cchc:hailong']);
    // …and they carry the same figures as words (the picture is never the only place a figure is).
    expect(texts.join(' ')).toContain('Tỷ lệ hài lòng theo từng khía cạnh: khả năng tiếp cận ');
    expect(texts[texts.length - 1]).toBe('');
    const extent = all(place, NS.wp, 'extent')[0]!;
    const cm = Number(extent.getAttribute('cx')) / 360000;
    expect(cm).toBeGreaterThan(14.9);
    expect(cm).toBeLessThan(15.1);
    const ids = all(parse(doc), NS.wp, 'docPr').map((d) => d.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    // The picture's paragraph sets its own line spacing: the template's 1,3 lines (w:line="312")
    // made LibreOffice clip the picture to one line's height.
    const para = all(place, W, 'p').find((p) => all(p, NS.wp, 'inline').length)!;
    const spacing = all(para, W, 'spacing')[0]!;
    expect([spacing.getAttributeNS(W, 'line'), spacing.getAttributeNS(W, 'lineRule')]).toEqual(['240', 'auto']);
    expect(all(para, W, 'jc')[0]!.getAttributeNS(W, 'val')).toBe('center');
    const descr = all(place, NS.wp, 'docPr')[0]!.getAttribute('descr')!;
    for (const c of SECTIONS) expect(descr).toContain(pct(want.sections[c]!));
  });

  test('the PNG decodes (pngjs checks every CRC) at 3 pixels per logical pixel, and its bars are the section rates', async () => {
    const bytes = await (await JSZip.loadAsync(out)).file('word/media/cchc-hailong.png')!.async('nodebuffer');
    const png = PNG.sync.read(bytes, { checkCRC: true } as never);
    expect(png.width).toBe(567 * 3);
    expect(png.height).toBe(Math.round((chart.heightEmu / 9525) * 3));
    // The brand blue #0f6cbd, and per pixel row the longest run of it: one run per bar.
    const blue = (x: number, y: number) => {
      const i = (y * png.width + x) * 4;
      return png.data[i] === 0x0f && png.data[i + 1] === 0x6c && png.data[i + 2] === 0xbd;
    };
    const runs: number[] = [];
    let last = -1;
    for (let y = 0; y < png.height; y++) {
      let n = 0;
      for (let x = 0; x < png.width; x++) if (blue(x, y)) n++;
      if (n > 0 && n !== last) runs.push(n);
      last = n;
    }
    // Track: the width less 2 × 10 px margins and the 96 px figure column, times 3.
    const track = (567 - 20 - 96) * 3;
    expect(runs.length).toBe(5);
    runs.forEach((n, i) => expect(Math.abs(n - (want.sections[SECTIONS[i]!]! / 100) * track)).toBeLessThanOrEqual(1));
  });

  test('the SVG: one bar per section as long as its rate, the figures as text', async () => {
    const svg = parse(await (await JSZip.loadAsync(out)).file('word/media/cchc-hailong.svg')!.async('string'));
    const rects = all(svg, NS.svg, 'rect');
    const tracks = rects.filter((r) => r.getAttribute('fill') === '#e0e0e0').map((r) => Number(r.getAttribute('width')));
    const bars = rects.filter((r) => r.getAttribute('fill') === '#0f6cbd').map((r) => Number(r.getAttribute('width')));
    expect(tracks).toEqual([451, 451, 451, 451, 451]);
    bars.forEach((w, i) => expect(Math.abs(w - (want.sections[SECTIONS[i]!]! / 100) * 451)).toBeLessThanOrEqual(0.01));
    const texts = all(svg, NS.svg, 'text').map((t) => t.textContent);
    expect(texts).toContain(`Người bệnh nội trú: hài lòng chung ${pct(want.haiLongChung!)}`);
    for (const c of SECTIONS) expect(texts).toContain(pct(want.sections[c]!));
  });

  test('refilling gives the same bytes, with no second part or relationship', async () => {
    const again = await fillDocx(out, narrative, record, { chart });
    expect(Buffer.from(again).equals(Buffer.from(out))).toBe(true);
  });

  test('a refill without the chart takes the picture, its parts and relationships away', async () => {
    const plain = await fillDocx(templateBytes(), narrative, record);
    const cleaned = await fillDocx(out, narrative, record, { chart: null });
    expect(await media(cleaned)).toEqual([]);
    expect(await part(cleaned, 'word/document.xml')).toBe(await part(plain, 'word/document.xml'));
    expect(await part(cleaned, 'word/_rels/document.xml.rels')).toBe(await part(templateBytes(), 'word/_rels/document.xml.rels'));
  });

  test('parts other than the document, its relationships, the content types and the record are untouched', async () => {
    const a = await JSZip.loadAsync(templateBytes());
    const b = await JSZip.loadAsync(out);
    const own = ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', 'docProps/custom.xml'];
    for (const name of Object.keys(a.files).filter((f) => !a.files[f]!.dir && !own.includes(f))) {
      expect({ name, same: Buffer.from(await b.file(name)!.async('uint8array')).equals(Buffer.from(await a.file(name)!.async('uint8array'))) }).toEqual({ name, same: true });
    }
  });

  test('a template saved by LibreOffice (its survey place now inside a paragraph): no chart, said why, no part left', async () => {
    const lo = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', 'mau-libreoffice-mat-the.docx')));
    const r = await fillDocxDetailed(lo, narrative, record, { chart });
    expect([r.chart, r.chartSkipped, r.byTitle.includes('cchc:hailong')]).toEqual([false, 'inline_place', true]);
    expect(await media(r.bytes)).toEqual([]);
    expect(await part(r.bytes, 'word/document.xml')).not.toContain('<w:drawing>');
    // The figures are still written in the place, as words.
    expect(await part(r.bytes, 'word/document.xml')).toContain('Tỷ lệ hài lòng theo từng khía cạnh');
  });

  test('a document without a survey place: no chart, said why', async () => {
    const xml = await part(templateBytes(), 'word/document.xml');
    const zip = await JSZip.loadAsync(templateBytes());
    zip.file('word/document.xml', xml.replace(/w:val="cchc:hailong"/g, 'w:val="khac"').replace(/w:val="Khảo sát sự hài lòng"/g, 'w:val="Khác"'));
    const r = await fillDocxDetailed(await zip.generateAsync({ type: 'uint8array' }), narrative, record, { chart });
    expect([r.chart, r.chartSkipped, r.missing]).toEqual([false, 'no_place', ['cchc:hailong']]);
    expect(await media(r.bytes)).toEqual([]);
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));
  if (!soffice) {
    missingTool('LibreOffice (soffice)', 'the PDF conversion of the report with its chart');
  } else {
    test('LibreOffice converts the report with its chart to PDF, the picture in it', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chart-pdf-'));
      const file = path.join(dir, 'bao-cao.docx');
      fs.writeFileSync(file, out);
      execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120000, stdio: 'pipe' });
      const pdf = fs.readFileSync(path.join(dir, 'bao-cao.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The picture is an image XObject of the PNG's size, drawn 15 cm (425,25 pt) wide and as high as the chart.
      const text = pdf.toString('latin1');
      expect(text).toMatch(/\/Subtype\s*\/Image/);
      expect(text).toContain(`/Width ${567 * 3}`);
      const draws: string[] = [];
      for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
        const start = text.indexOf('\n', at) + 1;
        const end = text.indexOf('endstream', start);
        try {
          draws.push(...(inflateSync(pdf.subarray(start, end)).toString('latin1').match(/[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ cm\s*\/Im\d+ Do/g) ?? []));
        } catch {
          // not a deflated stream (the image itself is decoded by pngjs above)
        }
        if (end < 0) break;
        at = end;
      }
      expect(draws.map((d) => d.split(' ').slice(0, 4).map(Number))).toEqual([[425.25, 0, 0, (chart.heightEmu / 9525) * 0.75]]);
      fs.rmSync(dir, { recursive: true, force: true });
    }, 150000);
  }
});
