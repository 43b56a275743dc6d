import { Utf8Chunks } from '../../src/xlsx/package';

/**
 * The reader decodes a sheet's XML chunk by chunk as it inflates (src/xlsx/package.ts): whatever
 * the cuts, the text must be what decoding the whole part at once gives.
 */
const encode = (s: string) => new TextEncoder().encode(s);

function inPieces(bytes: Uint8Array, cuts: number[]): string {
  const d = new Utf8Chunks();
  let out = '';
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    out += d.decode(bytes.subarray(from, c));
    from = c;
  }
  return out + d.end();
}

describe('Utf8Chunks', () => {
  // Two-, three- and four-byte characters: "Đơn vị" (Đ is 2 bytes, ơ 2, ị 3) and an emoji (4).
  const text = '<c><v>Đơn vị hành chính 😀 Sở Y tế</v></c>';
  const bytes = encode(text);

  it('gives the whole text for a cut at every byte', () => {
    for (let i = 0; i <= bytes.length; i++) expect(inPieces(bytes, [i])).toBe(text);
  });

  it('gives the whole text for one-byte pieces (a character over several chunks)', () => {
    expect(inPieces(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))).toBe(text);
  });

  it('drops a byte-order mark at the start of the part only, as TextDecoder does', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const withBoms = new Uint8Array([...bom, ...encode('ab'), ...bom, ...encode('c')]);
    const whole = new TextDecoder().decode(withBoms);
    expect(whole).toBe('ab\ufeffc');
    expect(inPieces(withBoms, [5])).toBe(whole); // the second mark starts a chunk
    expect(inPieces(withBoms, [1, 6])).toBe(whole);
  });

  it('reads malformed bytes as TextDecoder does (U+FFFD), wherever the cut', () => {
    // A lead byte with no continuation, a stray continuation, and a sequence cut by the end.
    const bad = new Uint8Array([0x61, 0xe1, 0x62, 0x80, 0x63, 0xe0, 0x80, 0x64, 0xe1, 0x80]);
    const whole = new TextDecoder().decode(bad);
    expect(whole).toBe('a\ufffdb\ufffdc\ufffd\ufffdd\ufffd');
    for (let i = 0; i <= bad.length; i++) expect(inPieces(bad, [i])).toBe(whole);
  });
});
