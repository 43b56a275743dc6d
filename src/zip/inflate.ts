/**
 * Inflating one part of a zip package with a running byte count, for the .xlsx reader and the
 * .docx filler alike. The sizes a zip directory declares can lie (a 2 MB file inflating to 2 GB),
 * so each reader counts what really comes out and stops the inflater as soon as `count` throws.
 */
import type JSZip from 'jszip';

interface JSZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', cb: (e: Error) => void): JSZipStream;
  on(event: 'end', cb: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

/**
 * The part's bytes. `count` is told the size of each chunk before it is kept and throws (with the
 * reader's own Vietnamese error) to stop at a limit; `corrupt` turns an inflate failure into it.
 */
export async function inflateCounted(file: JSZip.JSZipObject, count: (bytes: number) => void, corrupt: (e: Error) => unknown): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  await inflateEach(file, count, corrupt, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  if (chunks.length === 1) return chunks[0]!;
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
 * held whole. `count` is told each chunk's size first, as above; if either throws, inflating stops.
 */
export function inflateEach(file: JSZip.JSZipObject, count: (bytes: number) => void, corrupt: (e: Error) => unknown, take: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // internalStream is JSZip's public streaming API, missing from its typings.
    const stream = (file as unknown as { internalStream(t: 'uint8array'): JSZipStream }).internalStream('uint8array');
    let done = false;
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        try {
          count(chunk.length);
          take(chunk);
        } catch (e) {
          fail(e);
        }
      })
      .on('error', (e: Error) => fail(corrupt(e)))
      .on('end', () => {
        if (done) return;
        done = true;
        resolve();
      })
      .resume();
  });
}
