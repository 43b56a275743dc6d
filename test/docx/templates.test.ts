import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildNarrative } from '../../src/core/narrative';
import { ALL_TAGS } from '../../src/core/narrative/tags';
import { TAG_TITLES } from '../../src/core/narrative/places';
import { fillDocxDetailed, readFillRecord } from '../../src/docx/fill';
import { runReport } from '../../src/cli/report';
import { allSections, konTumQ3 } from '../narrative/fixtures';
import { body, docxWith } from './hostile';
import { controlTexts, parse, part, templateBytes } from './helpers';

const n = buildNarrative(allSections());
const record = { fileName: 'so-lieu.xlsx', unit: 'Sở Y tế tỉnh Sơn La', period: 'quý I năm 2023', fingerprint: n.fingerprint, filledAt: '2023-03-14T08:30:00.000Z' };
const DOC_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const DOTX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const DOTM_MAIN = 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml';

/** The shipped template with some parts rewritten, as JSZip writes it without adding folder entries. */
async function edited(edit: (files: Map<string, string>) => void, bytes = templateBytes()): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) files.set(name, await zip.file(name)!.async('string'));
  const before = new Map(files);
  edit(files);
  for (const name of before.keys()) if (!files.has(name)) zip.remove(name);
  for (const [name, text] of files) if (before.get(name) !== text) zip.file(name, text, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const names = async (docx: Uint8Array) => Object.keys((await JSZip.loadAsync(docx)).files).sort();

describe('.dotx, .dotm and .docm templates give a plain .docx', () => {
  test('a .dotx: the main part becomes a document, nothing else in [Content_Types].xml changes', async () => {
    const dotx = await edited((f) => f.set('[Content_Types].xml', f.get('[Content_Types].xml')!.replace(DOC_MAIN, DOTX_MAIN)));
    const ctBefore = await part(dotx, '[Content_Types].xml');
    expect(ctBefore).toContain(DOTX_MAIN);
    const r = await fillDocxDetailed(dotx, n, record);
    expect(r.conversion).toEqual({ from: 'dotx', dropped: [] });
    expect(await part(r.bytes, '[Content_Types].xml')).toBe(ctBefore.replace(DOTX_MAIN, DOC_MAIN));
    expect(r.filled.length).toBeGreaterThan(5);
  });

  test('a .dotm: the VBA project, its data part, their relationships and content types are dropped', async () => {
    const dotm = await edited((f) => {
      f.set(
        '[Content_Types].xml',
        f
          .get('[Content_Types].xml')!
          .replace(DOC_MAIN, DOTM_MAIN)
          .replace('<Default ContentType="image/png"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ContentType="image/png"')
          .replace('</Types>', '<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/></Types>'),
      );
      f.set(
        'word/_rels/document.xml.rels',
        f.get('word/_rels/document.xml.rels')!.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
      );
      f.set('word/vbaProject.bin', 'VBA giả lập: Sub AutoOpen()');
      f.set(
        'word/_rels/vbaProject.bin.rels',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/wordVbaData" Target="vbaData.xml"/></Relationships>',
      );
      f.set('word/vbaData.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>');
    });
    const r = await fillDocxDetailed(dotm, n, record);
    expect(r.conversion.from).toBe('dotm');
    expect(r.conversion.dropped.sort()).toEqual(['word/_rels/vbaProject.bin.rels', 'word/vbaData.xml', 'word/vbaProject.bin']);
    const after = await names(r.bytes);
    for (const gone of r.conversion.dropped) expect(after).not.toContain(gone);
    const ct = await part(r.bytes, '[Content_Types].xml');
    expect(ct).toBe(await part(templateBytes(), '[Content_Types].xml'));
    expect(await part(r.bytes, 'word/_rels/document.xml.rels')).toBe(await part(templateBytes(), 'word/_rels/document.xml.rels'));
  });

  test('a .docm becomes a .docx too', async () => {
    const docm = await edited((f) => f.set('[Content_Types].xml', f.get('[Content_Types].xml')!.replace(DOC_MAIN, 'application/vnd.ms-word.document.macroEnabled.main+xml')));
    const r = await fillDocxDetailed(docm, n, record);
    expect(r.conversion.from).toBe('docm');
    expect(await part(r.bytes, '[Content_Types].xml')).toBe(await part(templateBytes(), '[Content_Types].xml'));
  });

  test('a .dotx really saved by LibreOffice 7.4 (fixture): a document, filled by title, custom properties added', async () => {
    const dotx = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', 'mau-libreoffice.dotx')));
    const ct = await part(dotx, '[Content_Types].xml');
    expect(ct).toContain(DOTX_MAIN);
    const r = await fillDocxDetailed(dotx, n, record);
    expect(r.conversion).toEqual({ from: 'dotx', dropped: [] });
    expect([...r.byTitle].sort()).toEqual([...ALL_TAGS].sort());
    expect(await part(r.bytes, '[Content_Types].xml')).toBe(
      ct.replace(DOTX_MAIN, DOC_MAIN).replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'),
    );
    expect(await names(r.bytes)).toEqual([...(await names(dotx)), 'docProps/custom.xml'].sort());
    expect(await readFillRecord(r.bytes)).toEqual(record);
  });

  test('cchc report says a .dotx was converted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-dotx-'));
    try {
      const tpl = path.join(dir, 'mau.dotx');
      fs.writeFileSync(tpl, await edited((f) => f.set('[Content_Types].xml', f.get('[Content_Types].xml')!.replace(DOC_MAIN, DOTX_MAIN))));
      const out: string[] = [];
      const xlsx = path.join(__dirname, '..', '..', 'assets', 'samples', 'mau-sach.xlsx');
      expect(await runReport({ file: xlsx, template: tpl, out: path.join(dir, 'bao-cao.docx'), io: { out: (s) => out.push(s), err: (s) => out.push(s) } })).toBe(0);
      expect(out.join('')).toContain('Mẫu là mẫu Word (.dotx): kết quả được ghi thành văn bản Word thường (.docx)');
      expect(await part(new Uint8Array(fs.readFileSync(path.join(dir, 'bao-cao.docx'))), '[Content_Types].xml')).toContain(DOC_MAIN);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('templates that lost their tags, or never had ours', () => {
  const dropTags = (xml: string) => xml.replace(/<w:tag w:val="cchc:[a-z]+"\/>/g, '');

  test('saved by LibreOffice (every w:tag dropped, titles kept): filled by title, and the CLI says so', async () => {
    const lo = await edited((f) => f.set('word/document.xml', dropTags(f.get('word/document.xml')!)));
    expect(await part(lo, 'word/document.xml')).not.toContain('w:tag');
    const r = await fillDocxDetailed(lo, n, record);
    expect([...r.byTitle].sort()).toEqual([...ALL_TAGS].sort());
    const xml = await part(r.bytes, 'word/document.xml');
    // The same text lands in the same places as with the tags.
    const tagged = await part((await fillDocxDetailed(templateBytes(), n, record)).bytes, 'word/document.xml');
    expect(xml).toBe(dropTags(tagged));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-lo-'));
    try {
      fs.writeFileSync(path.join(dir, 'mau.docx'), lo);
      const out: string[] = [];
      const xlsx = path.join(__dirname, '..', '..', 'assets', 'samples', 'mau-sach.xlsx');
      expect(await runReport({ file: xlsx, template: path.join(dir, 'mau.docx'), out: path.join(dir, 'kq.docx'), io: { out: (s) => out.push(s), err: (s) => out.push(s) } })).toBe(0);
      expect(out.join('')).toMatch(/LibreOffice xoá thẻ khi lưu\) nên đã điền theo tiêu đề vùng: .*Kết quả giải quyết TTHC; /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the template really saved by LibreOffice 7.4 (fixture) is filled by title in every place', async () => {
    const lo = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', 'mau-libreoffice-mat-the.docx')));
    expect(await part(lo, 'word/document.xml')).not.toContain('<w:tag ');
    const r = await fillDocxDetailed(lo, n, record);
    expect([...r.byTitle].sort()).toEqual([...ALL_TAGS].sort());
    expect(r.missing).toEqual([]);
    const xml = await part(r.bytes, 'word/document.xml');
    parse(xml);
    expect(xml).toContain('tiếp nhận');
    expect(xml).not.toContain('quý … năm …');
  });

  test('tags dropped and titles changed: nothing to fill is refused with the LibreOffice explanation (CLI exit 2, no output file)', async () => {
    const lo = await edited((f) => f.set('word/document.xml', dropTags(f.get('word/document.xml')!).replace(/<w:alias w:val="[^"]*"\/>/g, '<w:alias w:val="Vùng"/>')));
    await expect(fillDocxDetailed(lo, n, record)).rejects.toMatchObject({ reason: 'tags_lost', message: expect.stringContaining('LibreOffice xoá thẻ của vùng điền: hãy lưu mẫu bằng Word, hoặc dùng mẫu gốc') });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-lo-'));
    try {
      fs.writeFileSync(path.join(dir, 'mau.docx'), lo);
      const err: string[] = [];
      const xlsx = path.join(__dirname, '..', '..', 'assets', 'samples', 'mau-sach.xlsx');
      expect(await runReport({ file: xlsx, template: path.join(dir, 'mau.docx'), out: path.join(dir, 'kq.docx'), io: { out: () => {}, err: (s) => err.push(s) } })).toBe(2);
      expect(err.join('')).toContain('Không dùng được mẫu báo cáo');
      expect(fs.existsSync(path.join(dir, 'kq.docx'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('controls with other tags only: refused, naming every expected tag', async () => {
    const other = await edited((f) => f.set('word/document.xml', f.get('word/document.xml')!.replace(/w:val="cchc:([a-z]+)"/g, 'w:val="bao-cao:$1"')));
    const e = await fillDocxDetailed(other, n, record).catch((x: Error & { reason: string }) => x);
    expect((e as { reason: string }).reason).toBe('no_cchc_tags');
    for (const t of ALL_TAGS) expect((e as Error).message).toContain(`${t} (${TAG_TITLES[t]})`);
  });

  test('no control at all: refused with how to add one', async () => {
    await expect(fillDocxDetailed(await docxWith(body('<w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p>')), n, record)).rejects.toMatchObject({
      reason: 'no_controls',
      message: expect.stringContaining('không có vùng nội dung (content control) nào'),
    });
  });
});

describe('placeholders and empty places', () => {
  const plc = (tag: string, content: string, sdtRPr = '') =>
    `<w:sdt><w:sdtPr>${sdtRPr}<w:alias w:val="x"/><w:tag w:val="${tag}"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;

  test('a filled placeholder loses w:showingPlcHdr and the PlaceholderText style; the control’s own run formatting is used', async () => {
    const doc = body(
      `<w:p><w:r><w:t xml:space="preserve">Kỳ: </w:t></w:r>${plc('cchc:ky', '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:b/></w:rPr><w:t>Bấm để nhập kỳ</w:t></w:r>', '<w:rPr><w:b/><w:color w:val="1F3864"/></w:rPr>')}</w:p>` +
        plc('cchc:tthc', '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:sz w:val="26"/></w:rPr><w:t>Bấm để nhập văn bản.</w:t></w:r></w:p>'),
    );
    const r = await fillDocxDetailed(await docxWith(doc), n, record);
    const xml = await part(r.bytes, 'word/document.xml');
    expect(xml).not.toContain('showingPlcHdr');
    expect(xml).not.toContain('PlaceholderText');
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:color w:val="1F3864"/></w:rPr><w:t xml:space="preserve">quý I năm 2023</w:t></w:r>');
    expect(xml).toContain(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${n.sections['cchc:tthc'][0]}`);
    // Everything but the flag and the plain-text mark (src/docx/fill.ts: LibreOffice) is kept in the control's properties.
    expect(xml).toContain('<w:sdtPr><w:rPr><w:b/><w:color w:val="1F3864"/></w:rPr><w:alias w:val="x"/><w:tag w:val="cchc:ky"/></w:sdtPr>');
  });

  test('a field with nothing to write keeps its placeholder untouched', async () => {
    const doc = body(`<w:p>${plc('cchc:coquan', '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>UBND TỈNH …</w:t></w:r>')}</w:p>${plc('cchc:tthc', '<w:p/>')}`);
    const noBody = buildNarrative({ ...allSections(), data: { ...allSections().data, unit: 'Bệnh viện A' } });
    expect(noBody.fields.coQuan).toBe('');
    const r = await fillDocxDetailed(await docxWith(doc), noBody, record);
    const xml = await part(r.bytes, 'word/document.xml');
    expect(xml).toContain(plc('cchc:coquan', '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>UBND TỈNH …</w:t></w:r>'));
    expect(r.filled).toContain('cchc:tthc');
  });

  test('an empty <w:sdtContent/> and a missing one are filled, inline and block', async () => {
    const doc = body(
      '<w:p><w:sdt><w:sdtPr><w:tag w:val="cchc:ky"/></w:sdtPr><w:sdtContent/></w:sdt></w:p>' +
        '<w:sdt><w:sdtPr><w:tag w:val="cchc:tthc"/></w:sdtPr><w:sdtContent /></w:sdt>' +
        '<w:sdt><w:sdtPr><w:tag w:val="cchc:bienche"/></w:sdtPr></w:sdt>' +
        '<w:sectPr/>',
    );
    const r = await fillDocxDetailed(await docxWith(doc), n, record);
    expect(r.filled.sort()).toEqual(['cchc:bienche', 'cchc:ky', 'cchc:tthc']);
    const xml = await part(r.bytes, 'word/document.xml');
    parse(xml);
    expect(controlTexts(xml, 'cchc:ky')).toEqual([['quý I năm 2023']]);
    expect(controlTexts(xml, 'cchc:tthc')).toEqual([n.sections['cchc:tthc']]);
    expect(controlTexts(xml, 'cchc:bienche')).toEqual([n.sections['cchc:bienche']]);
    expect(xml).toContain('<w:p><w:sdt><w:sdtPr><w:tag w:val="cchc:ky"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">quý I năm 2023</w:t></w:r></w:sdtContent></w:sdt></w:p>');
  });
});

describe('parts the filler does not own are copied byte for byte', () => {
  test('foreign custom properties keep their entity references; ours are appended; filling twice is stable', async () => {
    const foreign =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Người soạn"><vt:lpwstr>Nguy&#7877;n V&#x103;n A &amp; B &lt;TCHC&gt;</vt:lpwstr></property>\r\n' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="7" name="Số hiệu"><vt:i4>42</vt:i4></property></Properties>';
    const tpl = await edited((f) => f.set('docProps/custom.xml', foreign));
    const once = (await fillDocxDetailed(tpl, n, record)).bytes;
    const xml = await part(once, 'docProps/custom.xml');
    const head = foreign.slice(0, foreign.lastIndexOf('</Properties>'));
    expect(xml.startsWith(head)).toBe(true);
    expect(xml.endsWith('</Properties>')).toBe(true);
    expect(xml.slice(head.length)).toMatch(/^(<property [^>]*pid="(8|9|10|11|12)"[^>]*><vt:lpwstr>[^<]*<\/vt:lpwstr><\/property>){5}<\/Properties>$/);
    expect(await readFillRecord(once)).toEqual(record);
    const twice = (await fillDocxDetailed(once, n, { ...record, filledAt: '2023-03-15T00:00:00.000Z' })).bytes;
    const xml2 = await part(twice, 'docProps/custom.xml');
    expect(xml2.startsWith(head)).toBe(true);
    expect(xml2.match(/CCHC\.DauVanTay/g)).toHaveLength(1);
    expect(await readFillRecord(twice)).toMatchObject({ filledAt: '2023-03-15T00:00:00.000Z' });
  });

  test('a prefixed custom.xml gets properties in its own prefix and stays well-formed', async () => {
    const prefixed =
      '<?xml version="1.0" encoding="UTF-8"?><op:Properties xmlns:op="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><op:property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="X"><t:lpwstr xmlns:t="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">a</t:lpwstr></op:property></op:Properties>';
    const out = (await fillDocxDetailed(await edited((f) => f.set('docProps/custom.xml', prefixed)), n, record)).bytes;
    const xml = await part(out, 'docProps/custom.xml');
    parse(xml);
    expect(xml).toContain('<op:property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="CCHC.TepSoLieu">');
    expect(await readFillRecord(out)).toEqual(record);
  });

  test('the output gains no zip entry the template lacked (no folder entries), and every part not filled is identical', async () => {
    // A template without custom properties at all: the part, its content type and its relationship gone.
    const tpl = await edited((f) => {
      f.delete('docProps/custom.xml');
      f.set('[Content_Types].xml', f.get('[Content_Types].xml')!.replace(/<Override [^>]*PartName="\/docProps\/custom.xml"\/>/, ''));
      f.set('_rels/.rels', f.get('_rels/.rels')!.replace(/<Relationship [^>]*custom-properties[^>]*\/>/, ''));
    });
    expect(await part(tpl, '[Content_Types].xml')).not.toContain('custom');
    const before = await names(tpl);
    expect(before.some((x) => x.endsWith('/'))).toBe(false);
    const r = await fillDocxDetailed(tpl, buildNarrative(konTumQ3()), record);
    const after = await names(r.bytes);
    expect(after).toEqual([...before, 'docProps/custom.xml'].sort());
    const a = await JSZip.loadAsync(tpl);
    const b = await JSZip.loadAsync(r.bytes);
    for (const name of before.filter((x) => !['word/document.xml', '[Content_Types].xml', '_rels/.rels'].includes(x))) {
      expect({ name, same: Buffer.from(await b.file(name)!.async('uint8array')).equals(Buffer.from(await a.file(name)!.async('uint8array'))) }).toEqual({ name, same: true });
    }
    // The registrations of the new part are spliced in: the rest of each part is unchanged.
    const ct = await part(tpl, '[Content_Types].xml');
    expect(await part(r.bytes, '[Content_Types].xml')).toBe(ct.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
    const rels = await part(tpl, '_rels/.rels');
    expect(await part(r.bytes, '_rels/.rels')).toBe(
      rels.replace('</Relationships>', '<Relationship Id="rIdCchcCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'),
    );
  });
});
