import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildNarrative, SECTION_TAG_LIST } from '../../src/core/narrative';
import { escapeXml, fillDocx, fillDocxDetailed, listTags, readFillRecord } from '../../src/docx/fill';
import type { FillRecord } from '../../src/host/actions';
import { allSections, konTumQ3, onlyTthc } from '../narrative/fixtures';
import { findControls } from '../../src/docx/sdt';
import { controlTexts, handMadeDocx, parse, part, templateBytes, withoutControlContent, withoutPlacesPlainText } from './helpers';
import { missingTool } from '../helpers/tools';

const record = (fingerprint: string): FillRecord => ({
  fileName: 'so-lieu-q3-2022.xlsx',
  unit: 'Sở Y tế tỉnh Kon Tum',
  period: 'quý III năm 2022',
  fingerprint,
  filledAt: '2022-09-14T08:30:00.000Z',
});

describe('fillDocx', () => {
  test('outside the controls the template stays byte-for-byte identical; the text equals the narrative', async () => {
    const tpl = templateBytes();
    const n = buildNarrative(allSections());
    const out = await fillDocx(tpl, n, record(n.fingerprint));
    const before = await part(tpl, 'word/document.xml');
    const after = await part(out, 'word/document.xml');
    expect(after).not.toBe(before);
    expect(withoutControlContent(after)).toBe(withoutControlContent(withoutPlacesPlainText(before)));
    // A section with nothing to say leaves one empty paragraph (danh mục, phản ánh are empty here).
    for (const tag of SECTION_TAG_LIST) expect(controlTexts(after, tag)).toEqual([n.sections[tag].length ? n.sections[tag] : ['']]);
    expect(n.sections['cchc:danhmuc']).toEqual([]);
    expect(controlTexts(after, 'cchc:ky')).toEqual([['quý I năm 2023'], ['quý I năm 2023']]);
    expect(controlTexts(after, 'cchc:donvi')).toEqual([['Sở Y tế tỉnh Sơn La']]);
    expect(controlTexts(after, 'cchc:thoigian')).toEqual([['từ ngày 15/12/2022 đến ngày 14/3/2023']]);
    // Every other part of the package is untouched.
    const a = await JSZip.loadAsync(tpl);
    const b = await JSZip.loadAsync(out);
    for (const name of Object.keys(a.files).filter((f) => !a.files[f]!.dir && !['word/document.xml', 'docProps/custom.xml'].includes(f))) {
      expect({ name, same: Buffer.from(await b.file(name)!.async('uint8array')).equals(Buffer.from(await a.file(name)!.async('uint8array'))) }).toEqual({ name, same: true });
    }
  });

  test('filled paragraphs keep the formatting of the control’s first paragraph', async () => {
    const doc = await handMadeDocx();
    const n = buildNarrative(konTumQ3());
    const after = await part(await fillDocx(doc, n, record(n.fingerprint)), 'word/document.xml');
    const tthc = after.slice(after.indexOf('w:val="cchc:tthc"'));
    const pPr = '<w:pPr><w:spacing w:after="60"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>';
    const rPr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="26"/></w:rPr>';
    // The first paragraph's runs in an inline rich-text control of their own (src/docx/fill.ts: LibreOffice), the others bare.
    expect(tthc.split(`<w:p>${pPr}<w:sdt><w:sdtPr/><w:sdtContent><w:r>${rPr}<w:t xml:space="preserve">`).length - 1).toBe(1);
    expect(tthc.split(`<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">`).length - 1).toBe(n.sections['cchc:tthc'].length - 1);
    expect(after).toContain('<w:r><w:rPr><w:b/><w:color w:val="1F3864"/></w:rPr><w:t xml:space="preserve">quý III năm 2022</w:t></w:r>');
  });

  test('comments and tracked changes outside the controls are kept byte for byte', async () => {
    const doc = await handMadeDocx();
    const n = buildNarrative(konTumQ3());
    const out = await fillDocx(doc, n, record(n.fingerprint));
    const before = await part(doc, 'word/document.xml');
    const after = await part(out, 'word/document.xml');
    expect(withoutControlContent(after)).toBe(withoutControlContent(withoutPlacesPlainText(before)));
    // Another's control keeps its w:text: only the places are made rich-text.
    expect(after.split('<w:text/>').length).toBe(before.split('<w:text/>').length - findControls(before).filter((c) => c.tag.startsWith('cchc:') && c.plainText).length);
    for (const s of ['<w:commentRangeStart w:id="0"/>', '<w:delText>chữ bị xóa</w:delText>', '<w:ins w:id="12"', 'Vùng của người khác', '&lt;giữ nguyên&gt;', 'w14:paraId="1A2B3C4D"', '\r\n']) expect(after).toContain(s);
    expect(after).not.toContain('Nội dung cũ');
    expect(after).not.toContain('Đoạn cũ thứ hai');
    expect(await part(out, 'word/comments.xml')).toBe(await part(doc, 'word/comments.xml'));
    // The result is well-formed XML and a package the reader opens.
    parse(after);
    expect(await listTags(out)).toEqual(['cchc:ky', 'cchc:tthc', 'khac:khong-lien-quan']);
  });

  test('filling twice gives the same bytes as filling once', async () => {
    for (const doc of [templateBytes(), await handMadeDocx()]) {
      const n = buildNarrative(konTumQ3());
      const once = await fillDocx(doc, n, record(n.fingerprint));
      const twice = await fillDocx(once, n, record(n.fingerprint));
      expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
    }
  });

  test('the record is written to docProps/custom.xml and read back', async () => {
    const doc = await handMadeDocx();
    expect(await readFillRecord(doc)).toBeNull();
    const n = buildNarrative(konTumQ3());
    const out = await fillDocx(doc, n, record(n.fingerprint));
    expect(await readFillRecord(out)).toEqual(record(n.fingerprint));
    expect(await part(out, '[Content_Types].xml')).toContain('PartName="/docProps/custom.xml"');
    expect(await part(out, '_rels/.rels')).toContain('Target="docProps/custom.xml"');
    // A newer fill replaces the record; the document's own custom properties survive.
    const zip = await JSZip.loadAsync(out);
    const custom = (await zip.file('docProps/custom.xml')!.async('string')).replace(
      '<property ',
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="NguoiSoan"><vt:lpwstr>Nguyễn Văn A</vt:lpwstr></property><property ',
    );
    zip.file('docProps/custom.xml', custom);
    const edited = await zip.generateAsync({ type: 'uint8array' });
    const later = { ...record('0123456789abcdef'), filledAt: '2022-10-01T00:00:00.000Z' };
    const again = await fillDocx(edited, n, later);
    expect(await readFillRecord(again)).toEqual(later);
    const xml = await part(again, 'docProps/custom.xml');
    expect(xml).toContain('Nguyễn Văn A');
    expect(xml.match(/name="CCHC\.DauVanTay"/g)).toHaveLength(1);
    parse(xml);
  });

  test('missing tags are skipped and reported; an empty table writes no sentence', async () => {
    const doc = await handMadeDocx();
    const n = buildNarrative(onlyTthc());
    const r = await fillDocxDetailed(doc, n, record(n.fingerprint));
    expect(r.filled).toEqual(['cchc:ky', 'cchc:tthc']);
    expect(r.missing.sort()).toEqual(['cchc:coquan', 'cchc:donvi', 'cchc:ngay', 'cchc:thoigian']);
    const t = await fillDocxDetailed(templateBytes(), n, record(n.fingerprint));
    expect(t.missing).toEqual([]);
    expect(t.emptied.sort()).toEqual(SECTION_TAG_LIST.filter((x) => x !== 'cchc:tthc').sort());
    const after = await part(t.bytes, 'word/document.xml');
    for (const tag of t.emptied) expect(controlTexts(after, tag)).toEqual([['']]);
    // No placeholder or invented sentence is left in the emptied places.
    expect(after).not.toContain('được điền tự động');
    expect(after).not.toContain('không phát sinh');
  });

  test('text is escaped', async () => {
    expect(escapeXml('A & B <c> "d"\u0001')).toBe('A &amp; B &lt;c&gt; &quot;d&quot;');
    const n = buildNarrative({ ...konTumQ3(), data: { ...konTumQ3().data, unit: 'Sở Y tế <Tỉnh> & "X"' } });
    const after = await part(await fillDocx(templateBytes(), n, record(n.fingerprint)), 'word/document.xml');
    expect(controlTexts(after, 'cchc:donvi')).toEqual([['Sở Y tế <Tỉnh> & "X"']]);
  });

  test('characters XML forbids in a unit name are dropped from the document, and the result says so', async () => {
    const n = buildNarrative({ ...konTumQ3(), data: { ...konTumQ3().data, unit: 'Sở Y tế\uFFFF $& tỉnh\uD800 X' } });
    const result = await fillDocxDetailed(templateBytes(), n, record(n.fingerprint));
    const after = await part(result.bytes, 'word/document.xml');
    expect(controlTexts(after, 'cchc:donvi')).toEqual([['Sở Y tế $& tỉnh X']]);
    expect(after).not.toMatch(/[\uFFFF\uD800]/);
    expect(result.droppedNote).toMatch(/^Đã bỏ ký tự không được phép/);
    const clean = await fillDocxDetailed(templateBytes(), buildNarrative(konTumQ3()), record(n.fingerprint));
    expect(clean.droppedNote).toBeUndefined();
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));
  if (!soffice) {
    missingTool('LibreOffice (soffice)', 'the PDF conversion of the filled template');
  } else {
    test('LibreOffice converts the filled template to PDF', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-pdf-'));
      const n = buildNarrative(allSections());
      const file = path.join(dir, 'bao-cao.docx');
      fs.writeFileSync(file, await fillDocx(templateBytes(), n, record(n.fingerprint)));
      execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120000, stdio: 'pipe' });
      const pdf = fs.readFileSync(path.join(dir, 'bao-cao.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10000);
      fs.rmSync(dir, { recursive: true, force: true });
    }, 150000);
  }
});
