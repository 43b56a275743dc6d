/**
 * Inflating one part of a zip package (src/zip/archive.ts) with a running byte count, for the
 * .xlsx and .ods readers and the .docx filler alike. The sizes a zip directory declares can lie (a
 * 2 MB file inflating to 2 GB), so each reader counts what really comes out and inflating stops as
 * soon as `count` throws. fflate's streaming inflater is fed the compressed bytes a slice at a
 * time: one slice can inflate to at most about a thousand times its size (DEFLATE's longest
 * match is 258 bytes for a code of a few bits), so nothing much past a limit is ever held.
 */
import { Inflate, inflateSync } from 'fflate';
import type { ZipEntry } from './archive';

/** Bytes of a stored part handed on at a time. */
const STEP = 1 << 15;

/**
 * Compressed bytes fed to the inflater at a time are chosen so that each step inflates to about
 * OUT_PER_STEP, from what the last step gave: office XML inflates 5 to 20 times, so steps of a
 * few KB; a bomb of one repeated byte a thousand times, so steps of 64 bytes. fflate's inflater
 * allocates a buffer of at least 160 KB per step and copies what it gives out: with fixed steps
 * of 32 KB (33 MB out of a bomb each) a 2 MB workbook inflating to 2 GB peaked at 460 MB before
 * its limit stopped it, 150 MB with steps out of 1 MB, 108 MB with these (JSZip's inflater: 78
 * MB); a large workbook and one just under the limits read in the same time and memory as with
 * JSZip (`node dist/cli.js check` under GNU time, docs/reliability.md).
 */
const OUT_PER_STEP = 1 << 16;
const FIRST_STEP = 1 << 12;
const SMALLEST_STEP = 1 << 6;
const LARGEST_STEP = 1 << 16;

/**
 * The most bytes one compressed byte can inflate to, with room to spare: DEFLATE's longest copy
 * (258 bytes) takes at least two bits, one for its length code and one for its distance code, so
 * no stream inflates to more than 1 032 times its size, plus a block's last few bytes.
 */
const MOST_PER_BYTE = 1100;

/** The most a part inflated in one call may come to (its buffer grows by doubling to hold it): parts of up to 7 KB compressed. */
const ONE_CALL = 8 << 20;

/**
 * The part's bytes. `count` is told the size of each chunk before it is kept and throws (with the
 * reader's own Vietnamese error) to stop at a limit; `corrupt` turns an inflate failure into it.
 * `room` is what the reader's limit still allows: a small part that cannot inflate past it (nor
 * past ONE_CALL) whatever it holds is inflated in one call, then counted: the streaming
 * inflater's buffers cost several times the output on the small parts that make up most of a
 * package.
 */
export async function inflateCounted(entry: ZipEntry, count: (bytes: number) => void, corrupt: (e: Error) => unknown, room = 0): Promise<Uint8Array> {
  const compressed = entry.raw.reduce((n, piece) => n + piece.length, 0);
  if (entry.compression === 8 && compressed * MOST_PER_BYTE < Math.min(room, ONE_CALL)) {
    const bytes = inflateInOneCall(entry, compressed, corrupt);
    if (bytes.length) count(bytes.length);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  await inflateEach(entry, count, corrupt, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  return chunks.length === 1 ? chunks[0]! : joined(chunks, size);
}

/**
 * A small part inflated in one call, into a buffer of the size the directory declares: left to
 * size its own, fflate's inflateSync grows its buffer to at least 128 KB whatever the part holds,
 * and a merge of 50 small workbooks then held 30 MB of such buffers at a time against 5 MB with
 * JSZip. The declared size is only a guess: when the part fills the buffer (it declared too
 * little, or nothing), it is inflated again without one.
 */
function inflateInOneCall(entry: ZipEntry, compressed: number, corrupt: (e: Error) => unknown): Uint8Array {
  const data = entry.raw.length === 1 ? entry.raw[0]! : joined(entry.raw, compressed);
  try {
    const guess = Math.min(entry.declaredSize, ONE_CALL) + 1;
    const bytes = inflateSync(data, { out: new Uint8Array(guess) });
    return bytes.length < guess ? bytes : inflateSync(data);
  } catch (e) {
    throw corrupt(e instanceof Error ? e : new Error(String(e)));
  }
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * The part's bytes handed to `take` chunk by chunk as they are inflated, none kept: for a reader
 * that parses as it inflates (the .xlsx streaming reader), so a sheet of 100 MB of XML is never
 * held whole. `count` is told each chunk's size first, as above; if either throws, inflating stops
 * and that error is thrown. In a page, the browser gets a turn every few tens of milliseconds, so
 * that a large workbook read does not freeze it.
 */
export async function inflateEach(entry: ZipEntry, count: (bytes: number) => void, corrupt: (e: Error) => unknown, take: (chunk: Uint8Array) => void): Promise<void> {
  const hand = (chunk: Uint8Array) => {
    if (!chunk.length) return;
    count(chunk.length);
    take(chunk);
  };
  let turn = now();
  const pause = async () => {
    if (!IN_PAGE || now() - turn < TURN_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    turn = now();
  };
  // A part too small to inflate past ONE_CALL is handed on whole, as inflateCounted does.
  const compressed = entry.raw.reduce((n, piece) => n + piece.length, 0);
  if (entry.compression === 8 && compressed * MOST_PER_BYTE < ONE_CALL) {
    hand(inflateInOneCall(entry, compressed, corrupt));
    return;
  }
  if (entry.compression === 0) {
    for (const piece of entry.raw) {
      for (let at = 0; at < piece.length; at += STEP) {
        hand(piece.subarray(at, at + STEP));
        await pause();
      }
    }
    return;
  }
  // What `count` or `take` threw, told apart from the inflater's own failures.
  let stopped: { error: unknown } | null = null;
  let out = 0;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
    try {
      hand(chunk);
    } catch (e) {
      stopped = { error: e };
      throw e;
    }
  });
  const push = (slice: Uint8Array, final: boolean) => {
    try {
      inflater.push(slice, final);
    } catch (e) {
      if (stopped) throw stopped.error;
      throw corrupt(e instanceof Error ? e : new Error(String(e)));
    }
  };
  // The compressed bytes as one run of pieces, cut into steps sized from the last step's ratio;
  // the last step goes in as final, so that a stream cut short fails ("unexpected EOF") rather
  // than ending quietly at a block boundary.
  const total = compressed;
  let piece = 0;
  let at = 0;
  let fed = 0;
  let step = FIRST_STEP;
  do {
    while (piece < entry.raw.length && at >= entry.raw[piece]!.length) {
      piece++;
      at = 0;
    }
    const from = entry.raw[piece] ?? new Uint8Array(0);
    const slice = from.subarray(at, at + step);
    at += slice.length;
    fed += slice.length;
    const before = out;
    push(slice, fed >= total);
    const ratio = (out - before) / Math.max(slice.length, 1);
    step = Math.min(LARGEST_STEP, Math.max(SMALLEST_STEP, Math.floor(OUT_PER_STEP / Math.max(ratio, 1))));
    await pause();
  } while (fed < total);
}

const IN_PAGE = typeof window !== 'undefined';
const TURN_MS = 50;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
