/**
 * Writes the hostile report templates of docs/reliability.md into a folder, so each measurement
 * there can be repeated: `npx tsx bench/hostile-docx.ts /tmp/hostile`, then the commands listed
 * in the document (`/usr/bin/time -v node dist/cli.js report …`).
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { body, deflatedEntry, docxWith, MINIMAL_CT, nestedControls as nested, zipOf } from '../test/docx/hostile';
import { DOCX_LIMITS } from '../src/docx/package';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The shipped template with some parts rewritten (JSZip, no folder entries added). */
async function edit(docx: Uint8Array, parts: Record<string, (x: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  for (const [name, f] of Object.entries(parts)) zip.file(name, f((await zip.file(name)?.async('string')) ?? ''), { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function main() {
  const dir = process.argv[2] ?? 'hostile';
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, bytes: Uint8Array) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    process.stdout.write(`${name}: ${bytes.length} byte\n`);
  };
  const ct = await deflatedEntry('[Content_Types].xml', MINIMAL_CT, ' ', 0, '');
  const head = `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`;
  const tail = '</w:t></w:r></w:p></w:body></w:document>';
  write('bom-400mb.docx', zipOf([ct, await deflatedEntry('word/document.xml', head, 'a', 400 * 2 ** 20, tail)]));
  const lying = await deflatedEntry('word/document.xml', head, 'b', 100 * 2 ** 20, tail);
  write('khai-sai-kich-thuoc.docx', zipOf([ct, { ...lying, size: 1024 }]));
  write('long-1000-cap.docx', await docxWith(nested(1000)));
  write('long-124-cap.docx', await docxWith(nested(124)));
  write('long-40000-cap.docx', await docxWith(nested(40_000)));
  // The largest template the limits let through: 58 MB of Vietnamese paragraphs, 990 000 elements.
  const sentence = 'Một đoạn văn bản tiếng Việt khá dài để đo tốc độ và bộ nhớ của bộ điền mẫu báo cáo CCHC. '.repeat(3);
  const place = '<w:sdt><w:sdtPr><w:tag w:val="cchc:tthc"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>';
  const large = await deflatedEntry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${place}`, `<w:p><w:r><w:t>${sentence}</w:t></w:r></w:p>`, 58 * 2 ** 20, '</w:body></w:document>');
  write('lon-hop-le-58mb.docx', zipOf([ct, large]));
  write('qua-nhieu-phan-tu.docx', await docxWith(body('<w:p/>'.repeat(DOCX_LIMITS.maxXmlElements + 1))));
  const shipped = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'assets', 'templates', 'bao-cao-cchc.docx')));
  const DOC = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  write(
    'mau-dotm.dotm',
    await edit(shipped, {
      '[Content_Types].xml': (x) =>
        x
          .replace(DOC, 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml')
          .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
      'word/_rels/document.xml.rels': (x) => x.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
      'word/vbaProject.bin': () => 'Sub AutoOpen()',
    }),
  );
  const dropTags = (x: string) => x.replace(/<w:tag w:val="cchc:[a-z]+"\/>/g, '');
  write('libreoffice-mat-the.docx', await edit(shipped, { 'word/document.xml': dropTags }));
  write('libreoffice-mat-the-doi-tieu-de.docx', await edit(shipped, { 'word/document.xml': (x) => dropTags(x).replace(/<w:alias w:val="[^"]*"\/>/g, '<w:alias w:val="Vùng"/>') }));
  write('the-khac.docx', await edit(shipped, { 'word/document.xml': (x) => x.replace(/w:val="cchc:/g, 'w:val="khac:') }));
  const big = path.join(dir, 'qua-lon-120mb.docx');
  fs.writeFileSync(big, 'PK');
  fs.truncateSync(big, 120 * 2 ** 20);
  process.stdout.write(`qua-lon-120mb.docx: ${120 * 2 ** 20} byte (thưa)\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
