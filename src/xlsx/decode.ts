/**
 * The text of an HTML file, in NFC: the byte-order mark decides, else the page's declared charset,
 * else UTF-8 (what the one-stop systems write) when the bytes are valid UTF-8, else Windows-1258.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const decode = (label: string, from = 0) => {
    try {
      return new TextDecoder(label).decode(bytes.subarray(from));
    } catch {
      return new TextDecoder('utf-8').decode(bytes.subarray(from));
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', 3).normalize('NFC');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', 2).normalize('NFC');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', 2).normalize('NFC');
  // "<" followed by a zero byte: UTF-16 without a mark.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return decode('utf-16le').normalize('NFC');
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return decode('utf-16be').normalize('NFC');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (m) return decode(m[1]!.toLowerCase()).normalize('NFC');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    // Not UTF-8 and no charset declared: older Vietnamese systems wrote Windows-1258, whose tone
    // marks are combining characters (hence NFC).
    return decode('windows-1258').normalize('NFC');
  }
}
