// Reading one file's bytes safely: regular files only (a FIFO or /dev/zero would never end),
// opened without blocking, refused by size before any byte is read.
import fs from 'node:fs';
import { describeFsError } from './walk-paths.ts';

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

export type ReadOutcome = { ok: true; bytes: Uint8Array; mtimeMs: number } | { ok: false; reason: string };

export function readSourceFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { ok: false, reason: 'this is a folder, not a file' };
    if (!st.isFile()) return { ok: false, reason: 'not a regular file (a device, pipe or socket): not imported' };
    if (st.size === 0) return { ok: false, reason: 'file is empty' };
    if (st.size > maxBytes) {
      return { ok: false, reason: `file too large (${formatBytes(st.size)}; the limit is ${formatBytes(maxBytes)}, see the max file size setting)` };
    }
    const bytes = new Uint8Array(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, bytes, off, st.size - off, off);
      if (n === 0) break; // the file shrank while reading
      off += n;
    }
    return { ok: true, bytes: off === st.size ? bytes : bytes.subarray(0, off), mtimeMs: st.mtimeMs };
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** File names as shown in messages: control characters and bidi overrides made visible. */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
