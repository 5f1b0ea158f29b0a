// originals/: a content-addressed copy of every imported file, so a clip never depends on
// the user's Downloads folder staying as it was. Path: originals/ab/abcdef…<ext>, where <ext>
// is the sniffed format's (original-extension.ts), never the extension of the file's name.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FormatName } from '../import/types.ts';
import { storedExtension } from './original-extension.ts';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Where the copy of `bytes`, sniffed as `format`, is kept (the format, not a file name, names its extension). */
export function originalRelativePath(bytes: Uint8Array, format: FormatName, hash = sha256(bytes)): string {
  return path.join('originals', hash.slice(0, 2), hash + storedExtension(format, bytes));
}

/** A temporary name beside `full`, for writing it whole and renaming it into place. */
function tempBeside(full: string): string {
  return `${full}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
}

/** Writes the copy (atomically: temp file + rename) unless it is already there. */
export function storeOriginal(libraryDir: string, bytes: Uint8Array, format: FormatName): { relativePath: string; hash: string; created: boolean } {
  const hash = sha256(bytes);
  const relativePath = originalRelativePath(bytes, format, hash);
  const full = path.join(libraryDir, relativePath);
  const created = !fs.existsSync(full);
  if (created) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = tempBeside(full);
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, full);
  }
  return { relativePath, hash, created };
}

/**
 * storeOriginal's write, off the calling thread (the import's main thread hands the file
 * system work to libuv's pool, so a slow create or rename never stalls it). `relativePath`
 * is originalRelativePath of the bytes.
 */
export async function writeOriginal(libraryDir: string, bytes: Uint8Array, relativePath: string): Promise<{ created: boolean }> {
  const full = path.join(libraryDir, relativePath);
  try {
    await fsp.access(full);
    return { created: false };
  } catch {
    // not there yet
  }
  await fsp.mkdir(path.dirname(full), { recursive: true });
  const tmp = tempBeside(full);
  try {
    await fsp.writeFile(tmp, bytes);
    await fsp.rename(tmp, full);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  return { created: true };
}

export function originalExists(libraryDir: string, relativePath: string | null): boolean {
  return !!relativePath && fs.existsSync(path.join(libraryDir, relativePath));
}
