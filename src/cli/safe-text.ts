/**
 * Text from a workbook (cell values, sheet names, file names) printed to a terminal. Control
 * characters would be obeyed, not shown: ESC sequences (Excel stores them as `_x001B_`, which
 * ExcelJS decodes) can clear the screen, move the cursor or recolour; CR rewrites a line; bidi
 * overrides reorder what is shown. Each is replaced by a visible stand-in, so the officer sees that
 * the cell holds something odd and nothing is hidden.
 */

// C0 controls but tab and newline, DEL, C1 controls, bidi marks/embeddings/overrides/isolates, BOM.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function standIn(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x09) return ' ';
  // Unicode's "control pictures": ␛ for ESC, ␍ for CR, ␀ for NUL…
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** One line of output: every control character, newlines included, made visible. */
export function terminalSafe(s: string): string {
  return s.replace(UNSAFE_IN_LINE, standIn);
}

/** Several lines of output: line breaks kept, every other control character made visible. */
export function terminalSafeLines(s: string): string {
  return s.replace(UNSAFE, standIn);
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but leaves DEL, C1 and bidi
 * controls raw; written as \u escapes they mean the same to any JSON reader.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
