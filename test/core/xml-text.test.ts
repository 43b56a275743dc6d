import { escapeXml, newXmlDrops, spreadsheetText, xmlAllowedText, xmlDropsNote } from '../../src/core/xml-text';

test('markup is escaped and replacement patterns stay as typed', () => {
  expect(escapeXml(`A & B <c> "d" 'e' $& $\` $$`)).toBe('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; $&amp; $` $$');
});

test('characters XML 1.0 forbids are dropped and counted; tab, line breaks and real pairs kept', () => {
  const drops = newXmlDrops();
  // 7 forbidden: NUL, ESC, VT, U+FFFE, U+FFFF, a lone high and a lone low surrogate.
  const text = 'a\u0000b\u001Bc\u000Bd\uFFFEe\uFFFFf\uD800g\uDC00h\t\n\r\uD83D\uDE00';
  expect(xmlAllowedText(text, drops)).toBe('abcdefgh\t\n\r\uD83D\uDE00');
  // The same text again is not a second change; another text is.
  xmlAllowedText(text, drops);
  xmlAllowedText('x\uFFFF', drops);
  expect([...drops.changed]).toEqual([text, 'x\uFFFF']);
  expect(xmlDropsNote(drops)).toMatch(/^Đã bỏ ký tự không được phép .* khỏi 2 đoạn chữ .* ví dụ «abcdefgh\t\n\r\uD83D\uDE00», «x»/s);
  expect(xmlDropsNote(newXmlDrops())).toBeNull();
});

test('a literal _xHHHH_ is protected for spreadsheets, other underscores are not touched', () => {
  expect(spreadsheetText('_x0041_ a_b _x12_ _xFFFF_')).toBe('_x005F_x0041_ a_b _x12_ _x005F_xFFFF_');
});
