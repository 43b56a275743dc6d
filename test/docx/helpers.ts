import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { findControls } from '../../src/docx/sdt';
import { checkWorkbook } from '../../src/core/check';
import { surveyChartImage } from '../../src/core/chart';
import { buildNarrative } from '../../src/core/narrative';
import type { FillRecord } from '../../src/host/actions';
import { buildModel, infoFor } from '../helpers/model';
import { generateForms, SHAPES, uploadSheet } from '../helpers/surveys';

export const TEMPLATE = path.join(__dirname, '..', '..', 'assets', 'templates', 'bao-cao-cchc.docx');
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function templateBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(TEMPLATE));
}

export async function part(docx: Uint8Array, name: string): Promise<string> {
  const f = (await JSZip.loadAsync(docx)).file(name);
  if (!f) throw new Error(`no ${name}`);
  return f.async('string');
}

export function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) } }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(errors.join('\n'));
  return doc;
}

/** The part with the inside of every tagged control's w:sdtContent cut out. */
export function withoutControlContent(xml: string): string {
  let out = '';
  let at = 0;
  for (const c of findControls(xml).filter((c) => c.tag.startsWith('cchc:'))) {
    if (c.contentStart == null || c.contentEnd == null || c.contentStart < at) continue;
    out += xml.slice(at, c.contentStart) + '<!--cut-->';
    at = c.contentEnd;
  }
  return out + xml.slice(at);
}

/**
 * The part with the one change the filler makes to a place outside its content besides the
 * placeholder flag: a plain-text place (w:text) becomes a rich-text one (src/docx/fill.ts says why).
 */
export function withoutPlacesPlainText(xml: string): string {
  const cuts = findControls(xml)
    .filter((c) => c.tag.startsWith('cchc:') && c.plainText)
    .map((c) => c.plainText!)
    .sort((a, b) => b.start - a.start);
  let out = xml;
  for (const c of cuts) out = out.slice(0, c.start) + out.slice(c.end);
  return out;
}

/** Paragraph texts inside each control with the tag, via the DOM. */
export function controlTexts(xml: string, tag: string): string[][] {
  const doc = parse(xml);
  const out: string[][] = [];
  const sdts = doc.getElementsByTagNameNS(W, 'sdt');
  for (let i = 0; i < sdts.length; i++) {
    const sdt = sdts.item(i)!;
    const tagEl = sdt.getElementsByTagNameNS(W, 'tag').item(0);
    if (tagEl?.getAttributeNS(W, 'val') !== tag) continue;
    const content = sdt.getElementsByTagNameNS(W, 'sdtContent').item(0)!;
    const ps = content.getElementsByTagNameNS(W, 'p');
    if (ps.length === 0) {
      out.push([textOf(content)]);
      continue;
    }
    const texts: string[] = [];
    for (let j = 0; j < ps.length; j++) texts.push(textOf(ps.item(j)!));
    out.push(texts);
  }
  return out;
}

function textOf(node: Element): string {
  const ts = node.getElementsByTagNameNS(W, 't');
  let s = '';
  for (let i = 0; i < ts.length; i++) s += ts.item(i)!.textContent ?? '';
  return s;
}

/** A document made by hand, as Word writes one an officer has worked on: comments and tracked changes around two controls. */
export async function handMadeDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
  );
  zip.file(
    'word/comments.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Chuyên viên TCHC" w:date="2023-03-10T09:00:00Z" w:initials="TC"><w:p><w:r><w:t>Kiểm tra lại số liệu quý trước &amp; đối chiếu.</w:t></w:r></w:p></w:comment></w:comments>',
  );
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
  <w:body>
    <w:p w14:paraId="1A2B3C4D"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">BÁO CÁO kết quả CCHC </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="Kỳ báo cáo"/><w:tag w:val="cchc:ky"/><w:id w:val="-1234"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:b/><w:color w:val="1F3864"/></w:rPr><w:t>quý … năm …</w:t></w:r></w:sdtContent></w:sdt></w:p>
    <w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Đoạn do cán bộ viết, có </w:t></w:r><w:del w:id="11" w:author="Lãnh đạo" w:date="2023-03-11T08:00:00Z"><w:r><w:delText>chữ bị xóa</w:delText></w:r></w:del><w:ins w:id="12" w:author="Lãnh đạo" w:date="2023-03-11T08:00:00Z"><w:r><w:t>chữ được chèn</w:t></w:r></w:ins><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>
    <w:sdt>
      <w:sdtPr><w:alias w:val="TTHC"/><w:tag w:val="cchc:tthc"/><w:id w:val="99"/></w:sdtPr>
      <w:sdtContent>
        <w:p><w:pPr><w:spacing w:after="60"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="26"/></w:rPr><w:t>Nội dung cũ</w:t></w:r></w:p>
        <w:p><w:r><w:t>Đoạn cũ thứ hai</w:t></w:r></w:p>
      </w:sdtContent>
    </w:sdt>
    <w:p><w:ins w:id="13" w:author="Lãnh đạo" w:date="2023-03-11T08:05:00Z"><w:r><w:t>Câu chèn sau vùng số liệu &lt;giữ nguyên&gt;.</w:t></w:r></w:ins></w:p>
    <w:sdt><w:sdtPr><w:tag w:val="khac:khong-lien-quan"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Vùng của người khác</w:t></w:r></w:p></w:sdtContent></w:sdt>
    <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
  </w:body>
</w:document>`;
  zip.file('word/document.xml', doc);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A quarter's workbook with `n` generated QĐ 56 inpatient forms (seed `seed`), checked, its
 * narrative and survey chart, and the record a fill writes: the filled report with a chart.
 */
export function surveyReport(n: number, seed: number) {
  const shape = SHAPES['qd56-noi-tru'];
  const forms = generateForms(shape, n, seed, { notUsed: 0.05 });
  const model = buildModel({ info: infoFor('Quý I', 2023, '2022-12-15', '2023-03-14'), tables: [{ name: 'KhaoSatHaiLong', rows: [['Người bệnh nội trú', forms.length]] }] });
  model.sheets.push(uploadSheet('Phiếu nội trú', shape, forms));
  const report = checkWorkbook(model);
  const narrative = buildNarrative(report);
  const chart = surveyChartImage(report.metrics)!;
  const record: FillRecord = { fileName: 'phieu.xlsx', unit: 'Sở Y tế tỉnh Kon Tum', period: 'quý I năm 2023', fingerprint: narrative.fingerprint, filledAt: '2023-03-20T08:00:00.000Z' };
  return { shape, forms, report, narrative, chart, record };
}
