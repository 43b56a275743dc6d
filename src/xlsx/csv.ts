/**
 * CSV files (a sheet saved as "CSV", or a system's export) → WorkbookModel: one sheet named after
 * the file, as Excel opens it.
 *
 * - Encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else UTF-16 without a mark when
 *   every other byte is zero; else UTF-8 when the bytes are valid UTF-8; else Windows-1258, what
 *   Vietnamese Windows writes for "CSV" (TextDecoder; text put in NFC, since 1258 writes tone
 *   marks as combining characters).
 * - Separator: Excel's "sep=;" first line when present; else whichever of "," ";" and tab splits
 *   the first lines into the same number of fields (more than one), ";" where Vietnamese Excel's
 *   regional settings put it.
 * - Numbers: as Excel reads them, in the file's own convention. A field is a number only when it
 *   reads as one without doubt: the convention (decimal "," and grouping "." as Vietnamese
 *   settings write, or the English "." and ",") is the one the file's unambiguous numbers show
 *   ("97.87", "1.234.567", "92,03"); "1.500" then reads in that convention. Percentages become
 *   fractions with a % format, as Excel stores them. Dates and everything else stay text, which the
 *   checks read the Vietnamese way; a number with leading zeros (a code) stays text too.
 * - Old encodings: no fonts in a CSV, so TCVN3 / VNI text is recognised by its letters alone, only
 *   when unambiguous (legacy-cells.ts).
 *
 * The split itself (RFC 4180: fields in double quotes may hold separators, line breaks and "")
 * is written here: it is a few lines, it must count cells and rows against LIMITS as it goes, and
 * the CSV libraries at hand are Node-stream based (fast-csv) where this reader also runs in pages.
 */
import type { Cell, SheetGrid, WorkbookModel } from '../core/model';
import { refuse } from './errors';
import { LIMITS } from './package';
import { sheetNameFor } from './html';
import { ConversionTally } from './legacy-cells';


/** The text of a CSV file, and the encoding it was read in. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  const dec = (label: string, from = 0) => new TextDecoder(label).decode(bytes.subarray(from));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: dec('utf-8', 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: dec('utf-16le', 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: dec('utf-16be', 2), encoding: 'utf-16be' };
  // UTF-16 without a mark: text whose every other byte is zero.
  const probe = bytes.subarray(0, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2) oddZero++;
    else evenZero++;
  }
  const half = probe.length / 2;
  if (half >= 2 && oddZero > half * 0.4 && evenZero === 0) return { text: dec('utf-16le'), encoding: 'utf-16le' };
  if (half >= 2 && evenZero > half * 0.4 && oddZero === 0) return { text: dec('utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: dec('windows-1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

/**
 * True when the bytes can be a CSV file: text without the control bytes binary files are full of.
 * The sniffer asks before handing a file without a signature to this reader.
 */
export function looksLikeCsv(bytes: Uint8Array, fileName?: string): boolean {
  if (!bytes.length) return false;
  const { text, encoding } = decodeCsv(bytes.subarray(0, 65536));
  // A control character other than tab, line feed, carriage return (and form feed) is not text.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text.replace(/\u0000+$/, ''))) return false;
  if (encoding === 'windows-1258' && /\ufffd/.test(text)) return false;
  if (/\.(csv|tsv)$/i.test(fileName ?? '')) return true;
  // Without the extension, only a file whose first lines split alike into several fields.
  const sep = detectSeparator(text);
  return sep !== null;
}

const SEPARATORS = [';', ',', '\t'] as const;

/** Fields per line of the first lines, quotes respected. */
function fieldCounts(text: string, sep: string, maxLines = 30): number[] {
  const counts: number[] = [];
  let n = 1;
  let quoted = false;
  let lineHasText = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      lineHasText = true;
    } else if (ch === sep) n++;
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (lineHasText || n > 1) counts.push(n);
      n = 1;
      lineHasText = false;
    } else if (ch !== ' ') lineHasText = true;
  }
  if (counts.length < maxLines && (lineHasText || n > 1)) counts.push(n);
  return counts;
}

/** The separator that splits the first lines alike into several fields, or null. */
export function detectSeparator(text: string): string | null {
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) return hint[1]!;
  let best: { sep: string; score: number } | null = null;
  for (const sep of SEPARATORS) {
    const counts = fieldCounts(text, sep);
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1;
    let modeN = 0;
    for (const [c, k] of freq) if (k > modeN || (k === modeN && c > mode)) [mode, modeN] = [c, k];
    if (mode < 2) continue;
    // Lines that split like most do, weighted by how many fields they give.
    const score = modeN * 1000 + mode;
    if (!best || score > best.score) best = { sep, score };
  }
  return best?.sep ?? null;
}

type Convention = 'vi' | 'en';

const EN_ONLY = [/^[-+]?\d+\.(\d{1,2}|\d{4,})%?$/, /^[-+]?0\.\d+%?$/, /^[-+]?\d{1,3}(,\d{3}){2,}%?$/, /^[-+]?\d{1,3}(,\d{3})+\.\d+%?$/];
const VI_ONLY = [/^[-+]?\d+,(\d{1,2}|\d{4,})%?$/, /^[-+]?0,\d+%?$/, /^[-+]?\d{1,3}(\.\d{3}){2,}%?$/, /^[-+]?\d{1,3}(\.\d{3})+,\d+%?$/];

function convention(fields: Iterable<string>, sep: string): Convention {
  let en = 0;
  let vi = 0;
  for (const raw of fields) {
    const f = raw.trim();
    if (!f || f.length > 30 || !/^[-+\d]/.test(f)) continue;
    if (EN_ONLY.some((r) => r.test(f))) en++;
    else if (VI_ONLY.some((r) => r.test(f))) vi++;
  }
  if (en !== vi) return en > vi ? 'en' : 'vi';
  return sep === ',' ? 'en' : 'vi';
}

/** A field as Excel would store it: a number (with the format it implies), or null to keep the text. */
export function csvNumber(raw: string, conv: Convention): Cell | null {
  const f = raw.trim();
  if (!f || f.length > 30) return null;
  const [dec, grp] = conv === 'vi' ? [',', '.'] : ['.', ','];
  const m = /^([-+]?)(\d[\d.,]*)(%?)$/.exec(f);
  if (!m) return null;
  const [intPart, frac, extra] = m[2]!.split(dec);
  if (extra !== undefined) return null;
  const groups = intPart!.split(grp);
  const grouped = groups.length > 1;
  if (grouped && !(/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))) return null;
  const digits = groups.join('');
  if (!/^\d+$/.test(digits) || (frac !== undefined && !/^\d+$/.test(frac))) return null;
  // "0123" is a code (a phone number, an ID), kept as text.
  if (!grouped && digits.length > 1 && digits.startsWith('0')) return null;
  let v = Number(`${m[1] === '-' ? '-' : ''}${digits}${frac ? `.${frac}` : ''}`);
  if (!Number.isFinite(v)) return null;
  const decimals = frac?.length ?? 0;
  const zeros = decimals ? `.${'0'.repeat(decimals)}` : '';
  if (m[3]) {
    v = Number((v / 100).toPrecision(15));
    return { v, z: `0${zeros}%` };
  }
  return grouped ? { v, z: `#,##0${zeros}` } : { v };
}

/** Splits the text into rows of fields, counting cells and rows against the limits as it goes. */
function split(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let cells = 0;
  const endField = () => {
    row.push(field);
    field = '';
    if (++cells > LIMITS.maxCells) {
      throw refuse('csv_too_many_cells', { limit: LIMITS.maxCells });
    }
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > LIMITS.maxRows) {
      throw refuse('csv_too_many_rows', { limit: LIMITS.maxRows });
    }
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        field += text.slice(start, i);
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          start = i + 1;
        } else {
          quoted = false;
          start = i + 1;
        }
      }
      continue;
    }
    if (ch === '"' && field === '' && text.slice(start, i).trim() === '') {
      quoted = true;
      start = i + 1;
    } else if (ch === sep) {
      field += text.slice(start, i);
      endField();
      start = i + 1;
    } else if (ch === '\n' || ch === '\r') {
      field += text.slice(start, i);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      start = i + 1;
    }
  }
  field += text.slice(start);
  if (field !== '' || row.length) endRow();
  return rows;
}

export function readCsv(bytes: Uint8Array, fileName?: string): WorkbookModel {
  let { text } = decodeCsv(bytes);
  text = text.replace(/^\uFEFF/, '');
  const sep = detectSeparator(text) ?? ',';
  if (/^sep=.\r?\n/i.test(text)) text = text.replace(/^sep=.\r?\n/i, '');
  const fields = split(text, sep);
  const conv = convention(
    (function* () {
      for (const r of fields) yield* r;
    })(),
    sep,
  );
  const name = sheetNameFor(fileName);
  const tally = new ConversionTally();
  const rows: (Cell | undefined)[][] = fields.map((r) => {
    const out: (Cell | undefined)[] = [];
    r.forEach((f, c) => {
      if (f.trim() === '') return;
      const asNumber = csvNumber(f, conv);
      out[c] = asNumber ?? { v: tally.byText(name, f.normalize('NFC')) };
    });
    return out;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  if (!rows.length) throw refuse('csv_empty', {});
  const grid: SheetGrid = { name, rows };
  const model: WorkbookModel = { format: 'csv', sheets: [grid], tables: [], names: [] };
  const conversions = tally.result();
  if (conversions) model.conversions = conversions;
  if (fileName !== undefined) model.fileName = fileName;
  return model;
}
