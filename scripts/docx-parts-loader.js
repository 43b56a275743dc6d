/**
 * webpack loader: a .docx imported by a page becomes the list of its parts, in the zip's order,
 * their text unpacked (src/standalone/template.ts packs them again with the filler's own zip
 * writer). Carried as a data: URL the template was its deflated bytes in base64, which gzip cannot
 * shrink (11,1 KB of the single-file script); as text the page's gzip takes it to about 6,6 KB
 * (to keep the single-file page small). The filler inflates and deflates every part anyway (src/docx/package.ts bytes()),
 * so a report filled from the repacked template is the same bytes as one filled from the file.
 * A part that is not UTF-8 text is carried in base64.
 */
const { unzipSync } = require('fflate');

module.exports = function docxPartsLoader(source) {
  const methods = new Map();
  const files = unzipSync(new Uint8Array(source), {
    filter(file) {
      methods.set(file.name, file.compression);
      return true;
    },
  });
  const parts = Object.keys(files).map((name) => {
    const stored = methods.get(name) === 0;
    let text = null;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(files[name]);
    } catch {
      // not text: carried in base64 below
    }
    return text !== null ? { name, text, stored } : { name, base64: Buffer.from(files[name]).toString('base64'), stored };
  });
  return `export default ${JSON.stringify(parts)};`;
};
module.exports.raw = true;
