// Opening a library folder: the SQLite file (WAL, foreign keys, migrations) and originals/.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations, type Migration } from './migrations/index.ts';

export interface Library {
  dir: string;
  db: Database.Database;
  originalsDir: string;
  close(): void;
}

export interface OpenOptions {
  /** Path of a better-sqlite3 native binding built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Apply migrations only up to this version (used by migration tests). */
  targetVersion?: number;
  readonly?: boolean;
}

export class LibraryError extends Error {}

/** `libraryDir` defaults to the database file's folder. */
export function migrate(db: Database.Database, list: Migration[] = migrations, target?: number, libraryDir = path.dirname(db.name)): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length ? list[list.length - 1].version : 0;
  if (current > latest) {
    throw new LibraryError(
      `This library was written by a newer version of Cuttings (schema ${current}, this version knows ${latest}). Update Cuttings to open it.`,
    );
  }
  for (const m of list) {
    if (m.version <= current) continue;
    if (target !== undefined && m.version > target) break;
    // One transaction per step: a failure leaves the library at the previous version. It takes
    // the write lock up front, so two processes opening an old library take turns, and the
    // second finds the step done rather than repeating it.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db, { libraryDir });
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

export function openLibrary(dir: string, options: OpenOptions = {}): Library {
  fs.mkdirSync(dir, { recursive: true });
  const originalsDir = path.join(dir, 'originals');
  fs.mkdirSync(originalsDir, { recursive: true });
  const file = path.join(dir, 'library.sqlite');
  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
  } catch (e) {
    throw new LibraryError(`Cannot open the library at ${file}: ${(e as Error).message}`);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, migrations, options.targetVersion, dir);
    if (!options.readonly && options.targetVersion === undefined) purgeExpiredDeletes(db, dir);
  } catch (e) {
    db.close();
    if (e instanceof LibraryError) throw e;
    throw new LibraryError(`Cannot open the library at ${file}: ${(e as Error).message}`);
  }
  return { dir, db, originalsDir, close: () => db.close() };
}

/**
 * Deleted clips are kept for undo during one session; they go for good at the next open,
 * with the copies of their originals that no remaining clip uses.
 */
function purgeExpiredDeletes(db: Database.Database, libraryDir: string): void {
  const paths = db.prepare('SELECT DISTINCT original_path FROM clips WHERE deleted_at IS NOT NULL AND original_path IS NOT NULL').pluck().all() as string[];
  db.prepare('DELETE FROM clips WHERE deleted_at IS NOT NULL').run();
  const stillUsed = db.prepare('SELECT 1 FROM clips WHERE original_path = ? LIMIT 1').pluck();
  for (const rel of paths) {
    if (stillUsed.get(rel)) continue;
    const full = path.resolve(libraryDir, rel);
    // Only ever inside this library's originals folder.
    if (full.startsWith(path.resolve(libraryDir, 'originals') + path.sep)) fs.rmSync(full, { force: true });
  }
}
