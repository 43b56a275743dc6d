/**
 * The filled report's zip, as the writer (src/zip/write.ts, fflate) makes it, read back by another
 * library (JSZip, checking every entry's CRC-32) and opened by LibreOffice. The template here has a
 * picture the source stored rather than deflated, its own relationship and a "png" default content
 * type; the fill adds the survey chart (a PNG and an SVG part, their relationships, the "svg"
 * default), then a refill without it takes them away. After each: the parts not written are the
 * template's bytes, the stored picture is still stored, every part has a content type, every
 * Override and every internal relationship names a part that is there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { fillDocxDetailed } from '../../src/docx/fill';
import { findTool, missingTool } from '../helpers/tools';
import { parse, surveyReport, templateBytes } from './helpers';

const { narrative, chart, record } = surveyReport(200, 7);

const LOGO = 'word/media/logo-so.png';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A 40 × 20 PNG of one colour, made by pngjs (not by the code under test). */
function logo(): Uint8Array {
  const png = new PNG({ width: 40, height: 20 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 30, 30, 255], i);
  return new Uint8Array(PNG.sync.write(png));
}

/** The shipped template with a stored picture, related from the document, and a "png" default. */
async function templateWithStoredPicture(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(templateBytes());
  zip.file(LOGO, logo(), { compression: 'STORE', createFolders: false });
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', ct.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>'), { createFolders: false });
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdLogoSo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo-so.png"/></Relationships>'), { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Every entry's bytes, read by JSZip with its CRC-32 checked, and whether it is stored. */
async function entries(docx: Uint8Array): Promise<Map<string, { bytes: Buffer; stored: boolean }>> {
  const zip = await JSZip.loadAsync(docx, { checkCRC32: true });
  const out = new Map<string, { bytes: Buffer; stored: boolean }>();
  for (const f of Object.values(zip.files)) {
    // JSZip keeps each loaded entry's method in its (untyped) compressed object: 0x0000 stored, 0x0008 deflated.
    const magic = (f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic;
    out.set(f.name, { bytes: Buffer.from(await f.async('uint8array')), stored: magic === '\x00\x00' });
  }
  return out;
}

/** Resolves a relationship's target against the folder of the part it belongs to. */
function resolve(source: string, target: string): string {
  const segs = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segs.pop();
    else if (s && s !== '.') segs.push(s);
  }
  return segs.join('/');
}

/** What is wrong with the package's content types and relationships (nothing, for a sound package). */
function inconsistencies(parts: Map<string, { bytes: Buffer }>): string[] {
  const problems: string[] = [];
  const names = [...parts.keys()];
  const ct = parse(parts.get('[Content_Types].xml')!.bytes.toString('utf8'));
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  const defs = ct.getElementsByTagNameNS(CT_NS, 'Default');
  for (let i = 0; i < defs.length; i++) defaults.add(defs.item(i)!.getAttribute('Extension')!.toLowerCase());
  const ovs = ct.getElementsByTagNameNS(CT_NS, 'Override');
  for (let i = 0; i < ovs.length; i++) overrides.add(ovs.item(i)!.getAttribute('PartName')!.toLowerCase());
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name}`.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type: ${name}`);
  }
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const o of overrides) if (!lower.has(o.slice(1))) problems.push(`override of a missing part: ${o}`);
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    // "word/_rels/document.xml.rels" belongs to "word/document.xml"; "_rels/.rels" to the package.
    const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
    if (source && !parts.has(source)) problems.push(`relationships of a missing part: ${name}`);
    const rels = parse(parts.get(name)!.bytes.toString('utf8')).getElementsByTagNameNS(RELS_NS, 'Relationship');
    for (let i = 0; i < rels.length; i++) {
      const r = rels.item(i)!;
      if (r.getAttribute('TargetMode') === 'External') continue;
      const target = resolve(source || '_', r.getAttribute('Target')!);
      if (!parts.has(target)) problems.push(`${name} ${r.getAttribute('Id')} → missing ${target}`);
    }
  }
  return problems;
}

describe('the filled report\'s zip', () => {
  let template: Map<string, { bytes: Buffer; stored: boolean }>;
  let withChart: Uint8Array;
  let filled: Map<string, { bytes: Buffer; stored: boolean }>;
  let refilled: Map<string, { bytes: Buffer; stored: boolean }>;

  beforeAll(async () => {
    const tpl = await templateWithStoredPicture();
    template = await entries(tpl);
    const r = await fillDocxDetailed(tpl, narrative, record, { chart });
    expect(r.chart).toBe(true);
    withChart = r.bytes;
    filled = await entries(withChart);
    refilled = await entries((await fillDocxDetailed(withChart, narrative, record, { chart: null })).bytes);
  });

  test('the template itself is sound, and has the stored picture', () => {
    expect(inconsistencies(template)).toEqual([]);
    expect(template.get(LOGO)!.stored).toBe(true);
  });

  test('every part the fill does not write keeps its bytes, and the stored picture stays stored', () => {
    // The fill writes the document, the custom properties, and for the chart the document's
    // relationships and the content types; the chart's two parts are new.
    const written = ['word/document.xml', 'docProps/custom.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'];
    expect([...filled.keys()].sort()).toEqual([...template.keys(), 'word/media/cchc-hailong.png', 'word/media/cchc-hailong.svg'].sort());
    for (const [name, e] of template) {
      if (written.includes(name)) continue;
      expect({ name, same: filled.get(name)!.bytes.equals(e.bytes) }).toEqual({ name, same: true });
    }
    expect(filled.get(LOGO)!.stored).toBe(true);
    // Everything else is deflated, the chart's PNG included.
    expect([...filled].filter(([name, e]) => name !== LOGO && e.stored).map(([name]) => name)).toEqual([]);
  });

  test('content types and relationships agree with the parts, with the chart and after it is taken away', () => {
    expect(inconsistencies(filled)).toEqual([]);
    expect(inconsistencies(refilled)).toEqual([]);
    expect([...refilled.keys()].sort()).toEqual([...template.keys()].sort());
    // The chart's parts and relationships are gone; the template's own picture keeps its relationship.
    expect(refilled.get('word/_rels/document.xml.rels')!.bytes.toString('utf8')).toContain('Target="media/logo-so.png"');
    expect(refilled.get('word/_rels/document.xml.rels')!.bytes.toString('utf8')).not.toContain('cchc-hailong');
    expect(refilled.get(LOGO)!.stored).toBe(true);
  });

  const soffice = findTool(['/usr/bin/soffice', '/usr/local/bin/soffice']);
  if (!soffice) {
    missingTool('LibreOffice (soffice)', 'that LibreOffice opens the filled report');
  } else {
    test('LibreOffice opens the filled report: its text and both pictures are there', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cchc-zip-lo-'));
      try {
        const file = join(dir, 'bao-cao.docx');
        writeFileSync(file, withChart);
        execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', dir, file], { timeout: 240000, stdio: 'pipe' });
        const fodt = readFileSync(join(dir, 'bao-cao.fodt'), 'utf8');
        const doc = parse(fodt);
        // The period filled into the title (the workbook's: quý I of 2023) reaches LibreOffice's text.
        expect(doc.getElementsByTagName('office:text').length).toBe(1);
        expect(doc.getElementsByTagName('office:text').item(0)!.textContent).toContain('quý I năm 2023');
        // LibreOffice embeds each picture it could read as binary data: the chart (PNG, with its
        // SVG) is drawn in the survey place.
        expect(doc.getElementsByTagName('draw:image').length).toBeGreaterThan(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 300000);
  }
});
