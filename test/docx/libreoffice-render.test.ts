/**
 * The filled report as LibreOffice shows it (the README sends LibreOffice and WPS users to the
 * standalone page, whose reports they open there). `cchc report` fills the template from the clean
 * sample and, with --force, from the error sample; LibreOffice converts each to PDF and to its own
 * flat document (.fodt): what LibreOffice made of the file, with its formatting as automatic
 * styles and, where its layout broke pages, a text:soft-page-break. The first checks read that
 * document: the title's period is bold, the forced notes and the date's blanks are highlighted,
 * the signature block is on one page. Then PDF.js in Chromium draws each PDF page as a picture
 * (test/helpers/pdf-pages.ts), and the last checks look at what an officer sees there: the
 * highlights where the notes and blanks are and nowhere else, the title drawn bold, the signature
 * block on one page (also with lines added before it, which move it across a page end), clear
 * space between the header's lines and under "BÁO CÁO". The two reports' PDFs and pictures are
 * kept in test-results/libreoffice/ for review.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { cliRunner, ROOT } from '../helpers/cli';
import { findTool, missingTool } from '../helpers/tools';
import { CHROMIUM_PATH, openBrowser } from '../e2e/web';
import { countPixels, darkness, isDrawn, isYellow, openPdfReader, rowsWith, runsAlongRow, type Box, type PdfLine, type PdfPage } from '../helpers/pdf-pages';

const run = cliRunner(120000);
const soffice = findTool(['/usr/bin/soffice', '/usr/local/bin/soffice']);
const chromium = findTool([CHROMIUM_PATH]);
const TEMPLATE = join(ROOT, 'assets/templates/bao-cao-cchc.docx');
const RESULTS = join(ROOT, 'test-results', 'libreoffice');

interface Segment {
  text: string;
  /** The paragraph's whole text, to tell which paragraph a segment is in. */
  paragraph: string;
  bold: boolean;
  italic: boolean;
  highlight: boolean;
  /** 1-based page, from the soft page breaks LibreOffice wrote before it. */
  page: number;
}

type Props = { bold?: boolean; italic?: boolean; highlight?: boolean };

/** LibreOffice's flat document read back: every text node with the formatting LibreOffice gives it and its page. */
function readFodt(xml: string): { segments: Segment[]; inputFields: number; rowKeepTogether: Map<string, string> } {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const styles = new Map<string, Props & { parent?: string }>();
  const rowKeepTogether = new Map<string, string>();
  const all = doc.getElementsByTagName('style:style');
  for (let i = 0; i < all.length; i++) {
    const s = all.item(i)!;
    const name = s.getAttribute('style:name')!;
    const t = s.getElementsByTagName('style:text-properties').item(0);
    const p: Props & { parent?: string } = {};
    if (s.getAttribute('style:parent-style-name')) p.parent = s.getAttribute('style:parent-style-name')!;
    if (t?.getAttribute('fo:font-weight')) p.bold = t.getAttribute('fo:font-weight') === 'bold';
    if (t?.getAttribute('fo:font-style')) p.italic = t.getAttribute('fo:font-style') === 'italic';
    if (t?.getAttribute('fo:background-color')) p.highlight = /^#ffff00$/i.test(t.getAttribute('fo:background-color')!);
    styles.set(name, p);
    const row = s.getElementsByTagName('style:table-row-properties').item(0);
    if (row?.getAttribute('fo:keep-together')) rowKeepTogether.set(name, row.getAttribute('fo:keep-together')!);
  }
  const resolve = (name: string | null, key: keyof Props): boolean | undefined => {
    for (let n = name, guard = 0; n && guard < 20; guard++) {
      const s = styles.get(n);
      if (s?.[key] !== undefined) return s[key];
      n = s?.parent ?? null;
    }
    return undefined;
  };
  const segments: Segment[] = [];
  let page = 1;
  let inputFields = 0;
  const body = doc.getElementsByTagName('office:text').item(0)!;
  const walk = (node: Node, spans: string[], paragraph: { style: string | null; text: string; segs: Segment[] } | null): void => {
    if (node.nodeType === 3 && paragraph) {
      const text = node.nodeValue ?? '';
      if (!text) return;
      const prop = (key: keyof Props) => {
        for (const s of [...spans].reverse()) {
          const v = resolve(s, key);
          if (v !== undefined) return v;
        }
        return resolve(paragraph.style, key) ?? false;
      };
      const seg: Segment = { text, paragraph: '', bold: prop('bold'), italic: prop('italic'), highlight: prop('highlight'), page };
      paragraph.segs.push(seg);
      paragraph.text += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.nodeName === 'text:soft-page-break') page++;
    if (el.nodeName === 'text:text-input') inputFields++;
    if (el.nodeName === 'text:p' || el.nodeName === 'text:h') {
      const p = { style: el.getAttribute('text:style-name'), text: '', segs: [] as Segment[] };
      for (let c = el.firstChild; c; c = c.nextSibling) walk(c, [], p);
      for (const s of p.segs) segments.push({ ...s, paragraph: p.text });
      return;
    }
    const inner = el.nodeName === 'text:span' && el.getAttribute('text:style-name') ? [...spans, el.getAttribute('text:style-name')!] : spans;
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, inner, paragraph);
  };
  walk(body, [], null);
  return { segments, inputFields, rowKeepTogether };
}

/** Every file converted by one LibreOffice start, into `dir`. */
function convert(dir: string, to: string, files: string[]): void {
  execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, ...files], { timeout: 240000, stdio: 'pipe' });
}

const SIGNATURE = ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT, TCHC.', 'GIÁM ĐỐC', '(Ký, ghi rõ họ tên)'];

function signaturePages(segments: Segment[]): number[] {
  return SIGNATURE.map((line) => {
    const s = segments.filter((x) => x.paragraph === line);
    expect([line, s.length]).toEqual([line, 1]);
    return s[0]!.page;
  });
}

/** The same report with `lines` plain paragraphs more before the signature, which moves it down the page. */
async function padded(docx: Uint8Array, lines: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const at = xml.lastIndexOf('<w:tbl>');
  zip.file('word/document.xml', xml.slice(0, at) + '<w:p><w:r><w:t>Dòng thêm.</w:t></w:r></w:p>'.repeat(lines) + xml.slice(at));
  return zip.generateAsync({ type: 'uint8array' });
}

/** Pixels per PDF point in the pictures: 144 dots per inch. */
const SCALE = 2;

/** The box of a line's letters: from the top of its capitals (0,8 of the size above the baseline) to below its descenders. */
const letters = (l: PdfLine): Box => ({ left: l.left, right: l.right, top: l.baseline - 0.8 * l.size, bottom: l.baseline + 0.2 * l.size });

/** The lines of every page, each with its page (0-based) and whether it belongs to a forced report's note. */
function noteLines(pages: PdfPage[]): { page: number; line: PdfLine; note: boolean }[] {
  const out: { page: number; line: PdfLine; note: boolean }[] = [];
  let inNote = false;
  pages.forEach((p, page) => {
    for (const line of p.lines) {
      if (line.text.startsWith('[Lưu ý: báo cáo viết khi bảng số liệu còn lỗi')) inNote = true;
      out.push({ page, line, note: inNote });
      // A note is one bracket ("[Lưu ý: … rồi điền lại báo cáo.]", docs/style.md §8), with none inside.
      if (inNote && line.text.trimEnd().endsWith(']')) inNote = false;
    }
  });
  return out;
}

/**
 * The tallest band of rows with nothing drawn between two lines, one above the other, in pixels:
 * from below the upper line's baseline to the top of the lower line's capitals, across both
 * lines' width. The rows clear inside a line (between a dot below and its letter, an accent and
 * its capital) are a pixel or two; the space between two lines that do not touch is the tallest.
 */
function clearance(page: PdfPage, upper: PdfLine, lower: PdfLine): number {
  const rows = rowsWith(page, { left: Math.min(upper.left, lower.left), right: Math.max(upper.right, lower.right), top: upper.baseline + 1, bottom: lower.baseline - 0.66 * lower.size }, isDrawn);
  let best = 0;
  let run = 0;
  for (const drawn of rows) {
    run = drawn ? 0 : run + 1;
    best = Math.max(best, run);
  }
  return best;
}

if (!soffice) {
  missingTool('LibreOffice (soffice)', 'how LibreOffice shows the filled report');
} else {
  describe('the filled report in LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
    let clean: ReturnType<typeof readFodt>;
    let forced: ReturnType<typeof readFodt>;
    let forcedXml = '';
    let cleanXml = '';
    const pads = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12];

    beforeAll(async () => {
      const sach = join(dir, 'bao-cao-mau-sach.docx');
      const loi = join(dir, 'bao-cao-mau-co-loi-force.docx');
      expect(run('report', join(ROOT, 'assets/samples/mau-sach.xlsx'), '--template', TEMPLATE, '--out', sach).code).toBe(0);
      expect(run('report', join(ROOT, 'assets/samples/mau-co-loi.xlsx'), '--template', TEMPLATE, '--out', loi, '--force').code).toBe(0);
      cleanXml = await (await JSZip.loadAsync(readFileSync(sach))).file('word/document.xml')!.async('string');
      forcedXml = await (await JSZip.loadAsync(readFileSync(loi))).file('word/document.xml')!.async('string');
      const paddedFiles = [];
      for (const n of pads) {
        const f = join(dir, `bao-cao-mau-sach-them-${n}.docx`);
        writeFileSync(f, await padded(readFileSync(sach), n));
        paddedFiles.push(f);
      }
      convert(dir, 'fodt', [sach, loi]);
      convert(dir, 'pdf', [sach, loi, ...paddedFiles]);
      mkdirSync(RESULTS, { recursive: true });
      for (const f of ['bao-cao-mau-sach.pdf', 'bao-cao-mau-co-loi-force.pdf']) copyFileSync(join(dir, f), join(RESULTS, f));
      clean = readFodt(readFileSync(join(dir, 'bao-cao-mau-sach.fodt'), 'utf8'));
      forced = readFodt(readFileSync(join(dir, 'bao-cao-mau-co-loi-force.fodt'), 'utf8'));
    }, 300000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('the PDFs are written for review', () => {
      for (const f of ['bao-cao-mau-sach.pdf', 'bao-cao-mau-co-loi-force.pdf']) expect(readFileSync(join(RESULTS, f)).subarray(0, 5).toString()).toBe('%PDF-');
    });

    test('no filled place becomes an input field (LibreOffice 7.4 reads a plain-text control, or a block control\'s first paragraph, as one and drops its formatting)', () => {
      expect(clean.inputFields).toBe(0);
      expect(forced.inputFields).toBe(0);
      // In the file: no plain-text control left, and each run of the title's period carries its bold.
      for (const xml of [cleanXml, forcedXml]) expect(xml).not.toContain('<w:text/>');
      const title = /Kết quả thực hiện công tác cải cách hành chính <\/w:t><\/w:r><w:sdt>.*?<w:sdtContent>(.*?)<\/w:sdtContent>/.exec(cleanXml)![1]!;
      expect(title).toBe('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">quý III năm 2022</w:t></w:r>');
    });

    test('the title\'s period is bold, as the words before it', () => {
      // The clean sample is Kon Tum's quý III/2022; the error sample Sơn La's quý I/2023.
      for (const [doc, period] of [[clean, 'quý III năm 2022'], [forced, 'quý I năm 2023']] as const) {
        const line = doc.segments.filter((s) => s.paragraph === `Kết quả thực hiện công tác cải cách hành chính ${period}`);
        expect(line.map((s) => [s.text, s.bold])).toEqual([
          ['Kết quả thực hiện công tác cải cách hành chính ', true],
          [period, true],
        ]);
      }
    });

    test('the date left blank is italic, and only its blanks are highlighted', () => {
      // Neither sample has a report date: "Kon Tum, ngày …… tháng …… năm ……".
      const line = clean.segments.filter((s) => s.paragraph === 'Kon Tum, ngày …… tháng …… năm ……');
      expect(line.map((s) => [s.text, s.italic, s.highlight])).toEqual([
        ['Kon Tum, ngày ', true, false],
        ['……', true, true],
        [' tháng ', true, false],
        ['……', true, true],
        [' năm ', true, false],
        ['……', true, true],
      ]);
    });

    test('every note of the forced report is highlighted, and the paragraphs after it are not', () => {
      const notes = forced.segments.filter((s) => s.paragraph.startsWith('[Lưu ý: báo cáo viết khi bảng số liệu còn lỗi'));
      // As many notes as the filled file holds.
      expect(new Set(notes.map((s) => s.paragraph)).size).toBe(forcedXml.split('[Lưu ý:').length - 1);
      expect(notes.length).toBeGreaterThan(0);
      for (const s of notes) expect([s.text.slice(0, 40), s.highlight]).toEqual([s.text.slice(0, 40), true]);
      const figures = forced.segments.filter((s) => s.paragraph.startsWith('Tổng số thủ tục hành chính (TTHC) thuộc phạm vi'));
      expect(figures.length).toBeGreaterThan(0);
      for (const s of figures) expect(s.highlight).toBe(false);
      // A clean fill has no note and nothing highlighted but the date's blanks.
      expect(clean.segments.filter((s) => s.highlight).map((s) => s.text)).toEqual(['……', '……', '……']);
    });

    test('the signature block is on one page, its row kept together', () => {
      for (const doc of [clean, forced]) expect(new Set(signaturePages(doc.segments)).size).toBe(1);
      // The signature row may not break: LibreOffice keeps it together.
      const rowStyles = [...clean.rowKeepTogether.entries()];
      expect(rowStyles.some(([, v]) => v === 'always')).toBe(true);
      // Where the text before it ends is tried on the printed pages (below): the flat document's
      // soft page breaks are not where the PDF breaks its pages (three pages against four here).
    });
    if (!chromium) {
      missingTool('Chromium', 'the pages of the report LibreOffice printed, as pictures');
    } else {
      describe('its pages as pictures', () => {
        const reports = [
          { name: 'bao-cao-mau-sach', place: 'Kon Tum', period: 'quý III năm 2022' },
          { name: 'bao-cao-mau-co-loi-force', place: 'Sơn La', period: 'quý I năm 2023' },
        ] as const;
        const pages = new Map<string, PdfPage[]>();
        const paddedLines = new Map<number, PdfLine[][]>();
        const first = (name: string) => pages.get(name)![0]!;
        /** The one line starting with `start`; a rule ("────") is matched whole, since the two columns' rules differ in length only. */
        const line = (page: PdfPage, start: string) => {
          const found = page.lines.filter((l) => (/^─+$/.test(start) ? l.text.trim() === start : l.text.startsWith(start)));
          expect([start, found.length]).toEqual([start, 1]);
          return found[0]!;
        };

        beforeAll(async () => {
          const { browser, close } = await openBrowser();
          try {
            const reader = await openPdfReader(browser);
            for (const r of reports) pages.set(r.name, await reader.draw(readFileSync(join(dir, `${r.name}.pdf`)), SCALE));
            // The signature block ends the report: the last two pages hold it, whole or split.
            for (const n of pads) paddedLines.set(n, await reader.lines(readFileSync(join(dir, `bao-cao-mau-sach-them-${n}.pdf`)), 2));
            await reader.close();
          } finally {
            await close();
          }
          // A picture left from an earlier, longer rendering would mislead whoever reviews them.
          for (const f of readdirSync(RESULTS)) if (f.endsWith('.png')) rmSync(join(RESULTS, f));
          for (const r of reports) pages.get(r.name)!.forEach((p, i) => writeFileSync(join(RESULTS, `${r.name}-trang-${i + 1}.png`), p.png));
        }, 120000);

        test('one A4 picture per page of the PDF, kept for review', () => {
          // A4 is 210 × 297 mm; at 144 dots per inch, 1190,6 × 1683,8 pixels, rounded up.
          for (const r of reports) {
            const drawn = pages.get(r.name)!;
            // The page objects LibreOffice wrote (it writes no object streams, so each is in the
            // clear). Not the flat document's soft page breaks: there LibreOffice left out the
            // break before the clean report's last page.
            const pdf = readFileSync(join(RESULTS, `${r.name}.pdf`)).toString('latin1');
            expect(drawn.length).toBe(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)!.length);
            expect(drawn.length).toBeGreaterThan(1);
            for (const p of drawn) expect([p.width, p.height]).toEqual([1191, 1684]);
            const kept = readdirSync(RESULTS).filter((f) => f.startsWith(`${r.name}-trang-`) && f.endsWith('.png'));
            expect(kept.length).toBe(drawn.length);
            for (const f of kept) expect(readFileSync(join(RESULTS, f)).subarray(1, 4).toString()).toBe('PNG');
          }
        });

        test('every line of every note is drawn on yellow, and no other line is', () => {
          const lines = noteLines(pages.get(reports[1].name)!);
          const starts = lines.filter((l) => l.line.text.startsWith('[Lưu ý:'));
          // As many notes as the filled file holds (counted in its XML, as above).
          expect(starts.length).toBe(forcedXml.split('[Lưu ý:').length - 1);
          expect(lines.filter((l) => l.note).length).toBeGreaterThan(starts.length);
          const pagesDrawn = pages.get(reports[1].name)!;
          for (const { page, line: l, note } of lines) {
            const p = pagesDrawn[page]!;
            if (l.text.startsWith(`${reports[1].place}, ngày`)) continue; // the date's blanks, below
            const box = letters(l);
            const yellow = countPixels(p, box, isYellow).hits;
            if (!note) {
              expect([l.text, yellow]).toEqual([l.text, 0]);
              continue;
            }
            // Under the letters the paper is yellow: of the pixels nothing is drawn on, nearly all.
            const paper = countPixels(p, box, (r, g, b) => !isDrawn(r, g, b)).hits;
            expect([l.text, yellow / paper > 0.9]).toEqual([l.text, true]);
          }
        });

        test('yellow shows on the pages with a note or the date\'s blanks, and on no other page', () => {
          for (const r of reports) {
            const drawn = pages.get(r.name)!;
            const withNote = new Set(noteLines(drawn).filter((l) => l.note).map((l) => l.page));
            drawn.forEach((p, i) => {
              const yellow = countPixels(p, { left: 0, right: p.width, top: 0, bottom: p.height }, isYellow).hits;
              expect([r.name, i + 1, yellow > 0]).toEqual([r.name, i + 1, i === 0 || withNote.has(i)]);
            });
            // The clean sample has no note: its only yellow is on the first page.
            if (r === reports[0]) expect(withNote.size).toBe(0);
          }
        });

        test('the date left blank shows three yellow blanks, between words on white', () => {
          for (const r of reports) {
            const p = first(r.name);
            const date = line(p, `${r.place}, ngày`);
            expect(date.text).toBe(`${r.place}, ngày …… tháng …… năm ……`);
            // Through the middle of the letters, above the dots of the blanks.
            const y = date.baseline - 0.35 * date.size;
            const runs = runsAlongRow(p, y, date.left - 4, date.right + 4, isYellow).filter(([a, b]) => b - a > 2);
            expect(runs.length).toBe(3);
            // The place and "ngày" come before the first blank, on white.
            expect(runs[0]![0]).toBeGreaterThan(date.left + (date.right - date.left) / 4);
          }
        });

        test('the title is drawn bold to its end, the period included', () => {
          for (const r of reports) {
            const p = first(r.name);
            const title = line(p, 'Kết quả thực hiện công tác cải cách hành chính');
            // Everything on the title's line, in the PDF (in one piece or in several, split where
            // the font changes): the title with its period, every piece in a bold face.
            const onLine = p.lines.filter((l) => Math.abs(l.baseline - title.baseline) < 1);
            expect(onLine.map((l) => l.text.trim()).join(' ')).toBe(`Kết quả thực hiện công tác cải cách hành chính ${r.period}`);
            for (const l of onLine) expect([l.text, l.font]).toEqual([l.text, expect.stringMatching(/-Bold$/)]);
            // On the picture: bold letters cover more of their line than regular ones (about
            // 1,6 times here, Liberation Serif 14 pt). The title's last fifth ("… năm 2022") and
            // its first three fifths against a regular line of the same size and kind.
            const body = p.lines.find((l) => l.text.includes('báo cáo kết quả thực hiện công tác'))!;
            expect(body.font).toMatch(/LiberationSerif$/);
            expect(Math.abs(body.size - title.size)).toBeLessThan(0.5);
            const ink = (l: PdfLine, from: number, to: number) => {
              const w = l.right - l.left;
              return darkness(p, { ...letters(l), left: l.left + from * w, right: l.left + to * w });
            };
            const whole = { ...title, left: Math.min(...onLine.map((l) => l.left)), right: Math.max(...onLine.map((l) => l.right)) };
            const regular = ink(body, 0, 1);
            expect(ink(whole, 0, 0.6) / regular).toBeGreaterThan(1.25);
            expect(ink(whole, 0.8, 1) / regular).toBeGreaterThan(1.25);
          }
        });

        test('the signature block is on one page of what LibreOffice printed, wherever the text before it ends', () => {
          const pagesOf = (doc: PdfLine[][]) =>
            SIGNATURE.map((text) => {
              const found = doc.flatMap((lines, i) => lines.filter((l) => l.text.trim() === text).map(() => i));
              expect([text, found.length]).toEqual([text, 1]);
              return found[0]!;
            });
          for (const r of reports) expect([r.name, new Set(pagesOf(pages.get(r.name)!.map((p) => p.lines))).size]).toEqual([r.name, 1]);
          for (const n of pads) expect([n, new Set(pagesOf(paddedLines.get(n)!)).size]).toEqual([n, 1]);
          // The lines added move the end of the text across a page end: the sweep tries the
          // signature at the foot of a page, not only in the middle of one.
          expect(new Set(pads.map((n) => paddedLines.get(n)!.length)).size).toBeGreaterThan(1);
        });

        test('the header\'s lines, "BÁO CÁO" and the title do not touch: at least 2 pt clear between them', () => {
          for (const r of reports) {
            const p = first(r.name);
            const columns = [
              ['UBND TỈNH', 'SỞ Y TẾ', '────────', 'Số:'],
              ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '──────────────────', `${r.place}, ngày`],
              ['BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính'],
            ];
            for (const column of columns) {
              for (let i = 1; i < column.length; i++) {
                const upper = line(p, column[i - 1]!);
                const lower = line(p, column[i]!);
                expect([column[i - 1], column[i], clearance(p, upper, lower) >= 2 * SCALE]).toEqual([column[i - 1], column[i], true]);
              }
            }
          }
        });
      });
    }
  });
}
