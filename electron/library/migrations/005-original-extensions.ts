// Migration 5: stored originals named by their sniffed format. Copies used to keep the
// extension of the imported file's name (originals/ab/<hash>.bat for a text file named
// news.bat), and a system picks the program for a file by its extension. Each copy is renamed
// to its format's extension (original-extension.ts) and the rows that use it follow.
//
// Safe to interrupt: the copy is renamed first, then its rows, inside this step's transaction.
// Stopped after a rename, the step rolls back and runs again at the next open, finds the copy
// already under its new name (renamedBefore) and renames the rows to it. A missing copy is
// tolerated (its rows are renamed all the same), and so is one that cannot be moved (a locked
// file): its rows keep the old name, which Cuttings then only ever shows in its folder
// (openableExtension).
import fs from 'node:fs';
import path from 'node:path';
import { sniffText } from '../../import/formats/sniff.ts';
import { OPAQUE_EXTENSION, openableExtension, storedExtension } from '../original-extension.ts';
import type { Migration } from './index.ts';

/** originals/ab/<sha-256><ext>: what Cuttings has written; anything else is left alone. */
const STORED_NAME = /^([0-9a-f]{64})(\.[a-z0-9]{1,10})?$/;

/** The first bytes of a stored copy; 'missing' when there is none, 'unreadable' when it cannot be read. */
function readHead(file: string, max = 4096): Uint8Array | 'missing' | 'unreadable' {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return 'unreadable';
    const head = new Uint8Array(max);
    return head.subarray(0, fs.readSync(fd, head, 0, max, 0));
  } catch {
    return 'unreadable';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What the stored copy is. A clip restored from an export document has the document itself as
 * its stored copy, while its format column says what the document claims: those are found by
 * the bytes. Every other clip's format column is what the import sniffed from these very bytes.
 */
function storedFormat(head: Uint8Array | null, formats: string[]): string | null {
  if (head && sniffText(Buffer.from(head).toString('latin1').replace(/^\xef\xbb\xbf/, ''), '') === 'cuttings-json') return 'cuttings-json';
  return formats.length === 1 ? formats[0] : null;
}

/**
 * The copy of these bytes already under a name this step gives (a run stopped after its
 * renames, or the same bytes imported under another name), when the rows' copy is missing.
 */
function renamedBefore(folder: string, hash: string): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return null;
  }
  return names.find((n) => STORED_NAME.exec(n)?.[1] === hash && (openableExtension(n) !== null || path.extname(n) === OPAQUE_EXTENSION)) ?? null;
}

export const originalExtensions: Migration = {
  version: 5,
  name: 'stored originals named by their sniffed format',
  up: (db, { libraryDir }) => {
    const originals = path.resolve(libraryDir, 'originals') + path.sep;
    // Deleted clips too: the purge at the next open removes their copies by these paths.
    const stored = db
      .prepare(`SELECT original_path AS rel, json_group_array(DISTINCT original_format) FILTER (WHERE original_format IS NOT NULL) AS formats
                FROM clips WHERE original_path IS NOT NULL GROUP BY original_path`)
      .all() as { rel: string; formats: string }[];
    const rename = db.prepare('UPDATE clips SET original_path = ? WHERE original_path = ?');
    for (const { rel, formats } of stored) {
      const from = path.resolve(libraryDir, rel);
      const name = STORED_NAME.exec(path.basename(rel));
      if (!name || !from.startsWith(originals)) continue;
      const hash = name[1];
      const head = readHead(from);
      if (head === 'unreadable') continue;
      const known = JSON.parse(formats) as string[];
      const newName = head === 'missing'
        ? renamedBefore(path.dirname(from), hash) ?? hash + storedExtension(storedFormat(null, known))
        : hash + storedExtension(storedFormat(head, known), head);
      const target = path.join(path.dirname(rel), newName);
      if (target === rel) continue;
      if (head !== 'missing') {
        const to = path.resolve(libraryDir, target);
        try {
          // Same name stem, same hash, same bytes: a copy already under the new name serves.
          if (fs.existsSync(to)) fs.rmSync(from, { force: true });
          else fs.renameSync(from, to);
        } catch {
          continue;
        }
      }
      rename.run(target, rel);
    }
  },
};
