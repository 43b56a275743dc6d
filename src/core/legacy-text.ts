/**
 * Vietnamese text typed in the 8-bit encodings that came before Unicode, still found in officers'
 * old workbooks: TCVN3 (ABC, TCVN 5712:1993, fonts ".VnTime", ".VnArial"…) and VNI (fonts
 * "VNI-Times"…). Excel stores such a cell as the Windows-1252 reading of its bytes ("Së Y tÕ" for
 * "Sở Y tế"), and only the font makes it look Vietnamese. Readers convert it here and say so.
 *
 * The byte tables are those of xvnkb (https://github.com/lamdao/xvnkb, tcvn.h and vni.h, the
 * converter of the VISC input method), checked by hand on words whose TCVN3 and VNI forms are
 * known ("Së Y tÕ", "Hå s¬", "Hµ Néi"; "Sôû Y teá"); the Unicode side is each letter's code point.
 * Where xvnkb gives an upper-case TCVN3 letter the code of its lower-case one (Ú, Ụ, Ư…, Y…: the
 * ABC fonts have no separate glyph), the code decodes to the lower-case letter.
 *
 * Detection: by the cell's font when the reader knows it (precise: the officer saw Vietnamese);
 * else by the text alone, only when exactly one of the two readings gives Vietnamese syllables
 * and the text as it stands does not (precision first: a name such as "Müller" stays as it is).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Vowel families in xvnkb's order, each as [no mark, sắc, huyền, hỏi, ngã, nặng]; then Đ. */
const FAMILIES = ['aáàảãạ', 'âấầẩẫậ', 'ăắằẳẵặ', 'eéèẻẽẹ', 'êếềểễệ', 'oóòỏõọ', 'ôốồổỗộ', 'ơớờởỡợ', 'uúùủũụ', 'ưứừửữự', 'iíìỉĩị', 'yýỳỷỹỵ'];

/** TCVN3 byte of each letter of FAMILIES (lower case), then đ. */
const TCVN3_LOWER = [
  [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
];
const TCVN3_LOWER_D = 0xae;
/** Upper case; 0 where the code is the lower-case letter's (see above). */
const TCVN3_UPPER = [
  [0x41, 0x83, 0x80, 0x81, 0x82, 0x84],
  [0xa2, 0xc4, 0xc1, 0xc2, 0xc3, 0x86],
  [0xa1, 0xc0, 0xaf, 0xba, 0xbf, 0x85],
  [0x45, 0x8a, 0x87, 0x88, 0x89, 0x8b],
  [0xa3, 0xda, 0xc5, 0xcd, 0xd9, 0x8c],
  [0x4f, 0x95, 0x92, 0x93, 0x94, 0x96],
  [0xa4, 0xff, 0xdb, 0xe0, 0xf0, 0x97],
  [0xa5, 0x9b, 0x98, 0x99, 0x9a, 0x9c],
  [0x55, 0, 0x9d, 0x9e, 0x9f, 0],
  [0xa6, 0, 0, 0, 0, 0],
  [0x49, 0x90, 0x8d, 0x8e, 0x8f, 0x91],
  [0x59, 0, 0, 0, 0, 0],
];
const TCVN3_UPPER_D = 0xa7;

/** VNI: the marks typed after a vowel (Windows-1252 bytes, lower case; upper case is 0x20 less). */
const VNI_TONES = [0, 0xf9, 0xf8, 0xfb, 0xf5, 0xef];
/** Circumflex (â ê ô) with each tone, and breve (ă) with each tone. */
const VNI_HAT = [0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4];
const VNI_BREVE = [0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb];
/** Single bytes: ơ ư đ, and i, y with their marks (VNI writes those as one byte). */
const VNI_O_HORN = 0xf4;
const VNI_U_HORN = 0xf6;
const VNI_D = 0xf1;
const VNI_I = [0x69, 0xed, 0xec, 0xe6, 0xf3, 0xf2];
const VNI_Y_DOT = 0xee;

/** The character Excel holds for a byte typed in an 8-bit font: its Windows-1252 reading. */
const CP1252_80 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const byteChar = (b: number) => (b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80]! : String.fromCharCode(b));

const TCVN3 = new Map<string, string>();
const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLE = new Map<string, string>();

function build(): void {
  const put = (b: number, u: string) => {
    if (b < 0x80 && b !== 0) return; // ASCII stays ASCII
    TCVN3.set(byteChar(b), u);
    // A tool that read the bytes as Latin-1 leaves 0x80–0x9F as C1 controls: the same letters.
    if (b >= 0x80 && b < 0xa0) TCVN3.set(String.fromCharCode(b), u);
  };
  FAMILIES.forEach((fam, f) => {
    const letters = Array.from(fam);
    letters.forEach((u, t) => {
      put(TCVN3_LOWER[f]![t]!, u);
      const up = TCVN3_UPPER[f]![t]!;
      if (up) put(up, u.toUpperCase());
    });
  });
  put(TCVN3_LOWER_D, 'đ');
  put(TCVN3_UPPER_D, 'Đ');

  const pair = (base: string, mark: number, u: string) => {
    VNI_PAIRS.set(base + byteChar(mark), u);
    VNI_PAIRS.set(base.toUpperCase() + byteChar(mark - 0x20), u.toUpperCase());
  };
  FAMILIES.forEach((fam) => {
    const letters = Array.from(fam);
    const base = letters[0]!;
    letters.forEach((u, t) => {
      if ('aeouy'.includes(base)) {
        if (t) pair(base, VNI_TONES[t]!, u);
      } else if ('âêô'.includes(base)) pair(base === 'â' ? 'a' : base === 'ê' ? 'e' : 'o', VNI_HAT[t]!, u);
      else if (base === 'ă') pair('a', VNI_BREVE[t]!, u);
      else if (base === 'ơ' || base === 'ư') {
        const b = byteChar(base === 'ơ' ? VNI_O_HORN : VNI_U_HORN);
        if (t === 0) {
          VNI_SINGLE.set(b, u);
          VNI_SINGLE.set(b.toUpperCase(), u.toUpperCase());
        } else {
          VNI_PAIRS.set(b + byteChar(VNI_TONES[t]!), u);
          VNI_PAIRS.set(b.toUpperCase() + byteChar(VNI_TONES[t]! - 0x20), u.toUpperCase());
        }
      } else if (base === 'i' && t) {
        VNI_SINGLE.set(byteChar(VNI_I[t]!), u);
        VNI_SINGLE.set(byteChar(VNI_I[t]! - 0x20), u.toUpperCase());
      }
    });
  });
  // ỵ is one byte in VNI; the other marks on y follow the vowel like a, e…
  VNI_PAIRS.delete(`y${byteChar(VNI_TONES[5]!)}`);
  VNI_PAIRS.delete(`Y${byteChar(VNI_TONES[5]! - 0x20)}`);
  VNI_SINGLE.set(byteChar(VNI_Y_DOT), 'ỵ');
  VNI_SINGLE.set(byteChar(VNI_Y_DOT - 0x20), 'Ỵ');
  VNI_SINGLE.set(byteChar(VNI_D), 'đ');
  VNI_SINGLE.set(byteChar(VNI_D - 0x20), 'Đ');
}
build();

/** Text in TCVN3 (as Excel holds it) → Unicode. */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return out;
}

/** Text in VNI (as Excel holds it) → Unicode: a vowel and the mark after it make one letter. */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const two = VNI_PAIRS.get(text.slice(i, i + 2));
    if (two) {
      out += two;
      i++;
      continue;
    }
    const ch = text[i]!;
    out += VNI_SINGLE.get(ch) ?? ch;
  }
  return out;
}

/**
 * Text in `encoding` → Unicode (NFC), in capitals for a font that shows only capitals; the text
 * itself when nothing in it is of the encoding.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding, upper = false): string {
  const raw = encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
  const s = raw === text ? text : raw.normalize('NFC');
  return upper ? s.toUpperCase() : s;
}

/**
 * The encoding a font implies. TCVN3 fonts are named ".Vn…" (".VnTime", ".VnArial Narrow"); those
 * ending in "H" (".VnTimeH", ".VnArialH") show every letter in capitals, so their text is upper
 * case. VNI fonts are named "VNI-…" ("VNI-Times", "VNI-Helve").
 */
export function fontEncoding(fontName: string | undefined | null): { encoding: LegacyEncoding; upper: boolean } | null {
  if (!fontName) return null;
  const name = fontName.trim().replace(/^['"]|['"]$/g, '');
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', upper: /H$/.test(name) };
  if (/^vni[-\s]/i.test(name)) return { encoding: 'vni', upper: false };
  return null;
}

/** Letters of Unicode Vietnamese that no 8-bit reading produces: a text holding one is Unicode already. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
/** Anything an 8-bit font could have put in the cell (Latin-1 above ASCII, Windows-1252's extras). */
const EIGHT_BIT = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;
// eslint-disable-next-line no-control-regex -- the range starts at U+0000: everything an 8-bit font can hold
const BEYOND_8_BIT = /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/** Marks a Vietnamese letter may carry after NFD: tones (grave, acute, tilde, hook, dot) and shapes (circumflex, breve, horn). */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHAPE_OR_TONE = /^[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]$/;
/**
 * A Vietnamese syllable without its tone: initial consonants, one of the language's vowel groups,
 * a final ("k" for the Central Highlands' names: Đăk, Lăk).
 */
const VOWELS = 'iêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y';
const SYLLABLE = new RegExp(`^(ngh|ng|nh|gh|gi|kh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?(${VOWELS})(ch|ng|nh|[cmnptk])?$`);

/**
 * True when every word that carries a Vietnamese mark is a Vietnamese syllable with at most one
 * tone, and no character is left that Vietnamese text does not use. Words in plain ASCII ("TTHC",
 * "06/VPCP", "(%)") are not judged.
 */
export function looksVietnamese(text: string): boolean {
  const words = text.normalize('NFC').split(/[^\p{L}\p{M}]+/u);
  for (const w of words) {
    if (!w || /^[A-Za-z]+$/.test(w)) continue;
    // A capital after a small letter inside a word ("liƯu") is no way of writing Vietnamese.
    if (/\p{Ll}\p{Lu}/u.test(w)) return false;
    const d = w.normalize('NFD');
    let bare = '';
    for (const ch of d) {
      if (/[A-Za-zĐđ]/.test(ch)) bare += ch;
      else if (!SHAPE_OR_TONE.test(ch)) return false;
    }
    if ((d.match(TONES) ?? []).length > 1) return false;
    const shaped = d.replace(TONES, '').normalize('NFC').toLowerCase();
    if (!SYLLABLE.test(shaped)) return false;
    if (!bare) return false;
  }
  // Anything but letters, digits, spaces and common punctuation left over is a sign of a wrong reading.
  return !/[^\p{L}\p{M}\p{N}\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/u.test(text);
}

/**
 * The encoding of a text whose font is unknown (a CSV file), or null when it is Unicode or when
 * the text cannot tell. Both readings are tried: exactly one must give Vietnamese.
 */
export function detectLegacyText(text: string): LegacyEncoding | null {
  if (!EIGHT_BIT.test(text) || UNICODE_VIETNAMESE.test(text) || BEYOND_8_BIT.test(text)) return null;
  if (looksVietnamese(text)) return null;
  const t = decodeTcvn3(text).normalize('NFC');
  const v = decodeVni(text).normalize('NFC');
  const okT = t !== text && looksVietnamese(t);
  const okV = v !== text && looksVietnamese(v);
  if (okT === okV) return null;
  return okT ? 'tcvn3' : 'vni';
}
