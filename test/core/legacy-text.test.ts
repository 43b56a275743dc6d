/**
 * TCVN3 (ABC) and VNI text as Excel holds it (the Windows-1252 reading of the font's bytes) back to
 * Unicode. The 8-bit forms are written here byte by byte from the encodings' tables as published
 * (TCVN 5712:1993 for ABC: ở = 0xEB, ế = 0xD5, ồ = 0xE5, ơ = 0xAC, đ = 0xAE, Đ = 0xA7; VNI: a vowel
 * followed by its mark byte, ơ = 0xF4, ở = 0xF4 + 0xFB ("Sôû Y teá")…), not produced by the code.
 */
import { checkWorkbook } from '../../src/core/check';
import { decodeLegacy, detectLegacyText, fontEncoding, looksVietnamese } from '../../src/core/legacy-text';
import type { WorkbookModel } from '../../src/core/model';

const bytes = (...b: (number | string)[]) => b.map((x) => (typeof x === 'string' ? x : String.fromCharCode(x))).join('');

describe('TCVN3 (ABC)', () => {
  it('"Sở Y tế", "Hồ sơ", "Đơn vị" from their ABC bytes', () => {
    expect(decodeLegacy(bytes('S', 0xeb, ' Y t', 0xd5), 'tcvn3')).toBe('Sở Y tế');
    expect(decodeLegacy(bytes('H', 0xe5, ' s', 0xac), 'tcvn3')).toBe('Hồ sơ');
    expect(decodeLegacy(bytes(0xa7, 0xac, 'n v', 0xde), 'tcvn3')).toBe('Đơn vị');
  });
  it('a ".VnTimeH" font shows capitals: the text is upper-cased', () => {
    expect(fontEncoding('.VnTimeH')).toEqual({ encoding: 'tcvn3', upper: true });
    expect(decodeLegacy(bytes('s', 0xeb, ' y t', 0xd5), 'tcvn3', true)).toBe('SỞ Y TẾ');
  });
});

describe('VNI', () => {
  it('"Sở Y tế" and "Đơn vị" from their VNI bytes', () => {
    expect(decodeLegacy(bytes('S', 0xf4, 0xfb, ' Y te', 0xe1), 'vni')).toBe('Sở Y tế');
    expect(decodeLegacy(bytes(0xd1, 0xf4, 'n v', 0xf2), 'vni')).toBe('Đơn vị');
    expect(fontEncoding('VNI-Times')).toEqual({ encoding: 'vni', upper: false });
  });
});

describe('by the text alone (no font known)', () => {
  it('tells TCVN3 and VNI apart, and leaves Unicode and foreign names alone', () => {
    expect(detectLegacyText(bytes('S', 0xeb, ' Y t', 0xd5, ' t', 0xb8, 'nh H', 0xb5, ' Giang'))).toBe('tcvn3');
    expect(detectLegacyText(bytes('So', 0xf4, 0xfb, ' Y te', 0xe1, ' tỉnh'))).toBeNull(); // a Unicode letter: already Unicode
    expect(detectLegacyText(bytes('S', 0xf4, 0xfb, ' Y te', 0xe1))).toBe('vni');
    expect(detectLegacyText('Sở Y tế')).toBeNull();
    expect(detectLegacyText('Müller')).toBeNull();
    expect(looksVietnamese('Sở Y tế tỉnh Hà Giang')).toBe(true);
  });
});

it('the checker says how many cells of a sheet were converted', () => {
  const model: WorkbookModel = { format: 'xls', sheets: [{ name: 'Biểu 06', rows: [] }], tables: [], names: [], conversions: [{ sheet: 'Biểu 06', encoding: 'tcvn3', cells: 42 }] };
  const info = checkWorkbook(model).issues.find((f) => f.code === 'text_converted');
  expect(info?.severity).toBe('info');
  expect(info?.message).toContain('Đã chuyển mã TCVN3 sang Unicode ở 42 ô');
});
