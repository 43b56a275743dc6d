/** Pieces of bytes joined into one array, in order (`size`, where the caller already knows it, saves the count). */
export function concatBytes(pieces: readonly Uint8Array[], size = pieces.reduce((n, p) => n + p.length, 0)): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
