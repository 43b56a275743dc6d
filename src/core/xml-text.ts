/**
 * The one way text from a workbook, a file name or the officer reaches any XML we write (the
 * consolidated workbook, the findings .xlsx, the Word report, the survey chart's SVG).
 *
 * XML 1.0 allows only tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and the
 * supplementary planes written as surrogate pairs (https://www.w3.org/TR/xml/#charsets). Anything
 * else (C0 controls, U+FFFE, U+FFFF, a surrogate without its partner) makes the whole part
 * ill-formed: Excel calls the file corrupt and LibreOffice drops the text. Such characters cannot be
 * escaped (`&#xFFFF;` is just as forbidden), so they are dropped, and the caller is told how many
 * (`XmlDrops`) so the officer can be told the text was changed.
 *
 * Escaping goes through a function replacement on purpose: a string replacement interprets `$&`,
 * `` $` ``, `$'` and `$$`, which unit and sheet names may contain.
 */

/** Characters XML 1.0 forbids, lone surrogates included (a well-formed pair is kept). */
// eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * What was dropped across many texts (one per written file): the distinct texts changed, since the
 * same unit name is written on every line of a trace and counting its characters each time would
 * tell the officer nothing.
 */
export interface XmlDrops {
  /** The distinct texts that lost characters, as they were before. */
  changed: Set<string>;
  /** Up to three of them as written (after dropping), for the message. */
  samples: string[];
}

export const newXmlDrops = (): XmlDrops => ({ changed: new Set(), samples: [] });

/** `s` without the characters XML 1.0 forbids; a text that lost any is noted in `drops`. */
export function xmlAllowedText(s: string, drops?: XmlDrops): string {
  FORBIDDEN.lastIndex = 0;
  if (!FORBIDDEN.test(s)) return s;
  const out = s.replace(FORBIDDEN, () => '');
  if (drops && !drops.changed.has(s)) {
    drops.changed.add(s);
    if (drops.samples.length < 3 && out.length <= 80 && !drops.samples.includes(out)) drops.samples.push(out);
  }
  return out;
}

/** `s` as XML character data or an attribute value (either quote): forbidden characters dropped, markup escaped. */
export function escapeXml(s: string, drops?: XmlDrops): string {
  return xmlAllowedText(s, drops).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * `s` for a spreadsheet's text (SpreadsheetML shared or inline strings): forbidden characters
 * dropped as above, and a literal `_xHHHH_` protected. Spreadsheet readers, ours included
 * (src/xlsx/stream-read.ts), decode `_xHHHH_` as the character HHHH (ECMA-376 Part 1, 22.9.2.19
 * ST_Xstring), so a unit named "_x0041_" would come back as "A"; the standard's escape for the
 * underscore, `_x005F_`, keeps it. Markup is not escaped here: the writer (ExcelJS, or escapeXml)
 * does that.
 */
export function spreadsheetText(s: string, drops?: XmlDrops): string {
  const allowed = xmlAllowedText(s, drops);
  return allowed.includes('_x') ? allowed.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, () => '_x005F_') : allowed;
}

/** The Vietnamese sentence that tells the officer text was changed; null when nothing was dropped. */
export function xmlDropsNote(drops: XmlDrops): string | null {
  const n = drops.changed.size;
  if (!n) return null;
  const where = drops.samples.map((t) => `«${t}»`).join(', ');
  return `Đã bỏ ký tự không được phép trong tệp Excel/Word (ký tự điều khiển, U+FFFE, U+FFFF hoặc nửa cặp thay thế) khỏi ${n} đoạn chữ lấy từ các tệp${where ? `, ví dụ ${where}` : ''}: hãy xem lại tên đơn vị, tên sheet, tên tệp hoặc tên dòng ở tệp gốc.`;
}
