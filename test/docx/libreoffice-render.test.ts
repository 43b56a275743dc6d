/**
 * The filled report as LibreOffice shows it (the README sends LibreOffice and WPS users to the
 * standalone page, whose reports they open there). `cchc report` fills the template from the clean
 * sample and, with --force, from the error sample; LibreOffice converts each to PDF (kept in
 * test-results/libreoffice/ for review) and to its own flat document (.fodt): what LibreOffice
 * made of the file, with its formatting as automatic styles and, where its layout broke pages, a
 * text:soft-page-break. The checks read that document: the title's period is bold, the forced
 * notes and the date's blanks are highlighted, the signature block is on one page.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { cliRunner, ROOT } from '../helpers/cli';
import { findTool, missingTool } from '../helpers/tools';

const run = cliRunner(120000);
const soffice = findTool(['/usr/bin/soffice', '/usr/local/bin/soffice']);
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
      convert(dir, 'fodt', [sach, loi, ...paddedFiles]);
      convert(dir, 'pdf', [sach, loi]);
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

    test('the signature block is on one page, wherever the text before it ends', () => {
      for (const doc of [clean, forced]) expect(new Set(signaturePages(doc.segments)).size).toBe(1);
      // The signature row may not break: LibreOffice keeps it together.
      const rowStyles = [...clean.rowKeepTogether.entries()];
      expect(rowStyles.some(([, v]) => v === 'always')).toBe(true);
      for (const n of pads) {
        const doc = readFodt(readFileSync(join(dir, `bao-cao-mau-sach-them-${n}.fodt`), 'utf8'));
        expect([n, new Set(signaturePages(doc.segments)).size]).toEqual([n, 1]);
      }
    });
  });
}
