// Byte-level helpers shared by the readers. A "binary string" holds one byte per UTF-16
// code unit (latin1), which lets MIME and zip code use string search on raw bytes without
// committing to a character set too early.

export function toBinaryString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

export function fromBinaryString(s: string): Uint8Array {
  const b = Buffer.from(s, 'latin1');
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export function startsWithBytes(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** Index of an ASCII needle in the first `limit` bytes, or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, limit = bytes.length): number {
  const end = Math.min(limit, bytes.length) - needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function concatChunks(chunks: Uint8Array[], total?: number): Uint8Array {
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
