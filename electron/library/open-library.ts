// Opening a library folder: the SQLite file (WAL, foreign keys, migrations) and originals/.
//
// In this order, so that a library Cuttings refuses is left exactly as it was:
// 1. The file's header is read with plain file reads (database-header.ts). Not a database, a
//    damaged header, a file cut short: refused as damaged. A newer schema: refused.
// 2. A library that cannot be written (its file, its folder or its disk) opens read-only.
// 3. SQLite opens it and first only reads (user_version, the schema), so damage only SQLite can
//    see is refused before any write. Then WAL mode, migrations, the purge of deleted clips, and
//    the clean-up after a crashed import (crash-leftovers.ts).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasDeletedClips, originalsInUse, purgeDeletedClips } from './clips.ts';
import { removeCrashLeftovers } from './crash-leftovers.ts';
import { readDatabaseHeader, walHasFrames, type DatabaseHeader } from './database-header.ts';
import { DamagedLibraryError, LibraryError, NewerLibraryError } from './library-errors.ts';
import { migrations, type Migration } from './migrations/index.ts';
import { writeTransaction } from './write-transaction.ts';

export { LibraryError } from './library-errors.ts';

// better-sqlite3 is built with SQLite's URI file names off; this switch, read when its native
// module loads (at the first `new Database`), turns them on. openReadOnly needs `?immutable=1`.
process.env.SQLITE_USE_URI ??= '1';

/**
 * How long a write waits for another process's write to finish before it gives up. An import
 * holds the lock one batch at a time: in bench:writes a batch held it 0.4 s (p50) and 0.7 s at
 * most, 1.8 s on a machine loaded four times over, and a write made during a 1,000-file import
 * waited 6 ms at p95 and 0.64 s at most. Thirty seconds leaves room for a slow disk and for two
 * imports and the window writing at once: no write fails for being kept waiting.
 */
export const BUSY_TIMEOUT_MS = 30_000;

export interface Library {
  dir: string;
  db: Database.Database;
  originalsDir: string;
  /** Opened read-only: its file, folder or disk cannot be written. Every write is refused (ReadOnlyLibraryError). */
  readOnly: boolean;
  close(): void;
}

export interface OpenOptions {
  /** Path of a better-sqlite3 native binding built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Apply migrations only up to this version (used by migration tests). */
  targetVersion?: number;
  /** Open read-only even if the library could be written. */
  readonly?: boolean;
}

const LATEST = migrations[migrations.length - 1].version;

/** `libraryDir` defaults to the database file's folder. */
export function migrate(db: Database.Database, list: Migration[] = migrations, target?: number, libraryDir = path.dirname(db.name)): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length ? list[list.length - 1].version : 0;
  if (current > latest) throw new NewerLibraryError(current, latest);
  for (const m of list) {
    if (m.version <= current) continue;
    if (target !== undefined && m.version > target) break;
    // One transaction per step: a failure leaves the library at the previous version. It takes
    // the write lock up front, so two processes opening an old library take turns, and the
    // second finds the step done rather than repeating it.
    writeTransaction(db, () => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db, { libraryDir });
      db.pragma(`user_version = ${m.version}`);
    });
  }
}

export function openLibrary(dir: string, options: OpenOptions = {}): Library {
  const file = path.join(dir, 'library.sqlite');
  const header = readHeader(file);
  if (header?.damage) throw new DamagedLibraryError(file, header.damage);
  if (header && header.userVersion > LATEST) throw new NewerLibraryError(header.userVersion, LATEST);
  if (options.readonly || !canWrite(dir, file)) return openReadOnly(dir, file, header, options);
  // null: the file system said it could be written, SQLite found otherwise (a network share, an ACL).
  return openForWriting(dir, file, header, options) ?? openReadOnly(dir, file, header, options);
}

function readHeader(file: string): DatabaseHeader | null {
  try {
    return readDatabaseHeader(file);
  } catch (e) {
    throw new LibraryError(`Cannot open the library at ${file}: ${(e as Error).message}`);
  }
}

function openForWriting(dir: string, file: string, header: DatabaseHeader | null, options: OpenOptions): Library | null {
  const originalsDir = path.join(dir, 'originals');
  const makeFolder = (folder: string) => {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (e) {
      throw new LibraryError(`Cannot open the library at ${dir}: ${(e as Error).message}`);
    }
  };
  if (!header) makeFolder(dir); // a new library
  // Page 1 in a WAL file may be newer than the header read above. A read-only connection looks
  // first: a read-write one would, on closing, copy the WAL into the file it is refusing.
  if (header?.wal && walHasFrames(file)) {
    const probe = connect(file, { readonly: true, nativeBinding: options.nativeBinding });
    try {
      checkContents(probe, file);
    } catch (e) {
      throw asLibraryError(e, file);
    } finally {
      probe.close();
    }
  }
  const db = connect(file, { readonly: false, nativeBinding: options.nativeBinding });
  try {
    checkContents(db, file);
    makeFolder(originalsDir);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations, options.targetVersion, dir);
    if (options.targetVersion === undefined) {
      purgeExpiredDeletes(db, dir);
      removeCrashLeftovers(db, dir);
    }
  } catch (e) {
    db.close();
    if (header && ((e as { code?: string }).code ?? '').startsWith('SQLITE_READONLY')) return null;
    throw asLibraryError(e, file);
  }
  return { dir, db, originalsDir, readOnly: false, close: () => db.close() };
}

/**
 * A library on a read-only folder or disk, or whose file is read-only. What SQLite needs to read
 * a WAL library without writing: its -shm file (the index of the WAL), which it makes when the
 * folder can be written and otherwise uses if one is there (left by a process that has the
 * library open, or was killed). With neither, `immutable=1` reads the file alone, without locks:
 * sound only because nothing can change it (a writer would have to make the WAL beside it), and
 * only when the WAL holds nothing. A WAL that holds changes, with no -shm, on a read-only disk
 * cannot be read: that library is refused with what to do. No migrations run (a library from an
 * older Cuttings must be opened once where it can be written), no purge, no clean-up.
 */
function openReadOnly(dir: string, file: string, header: DatabaseHeader | null, options: OpenOptions): Library {
  if (!header) throw new LibraryError(`There is no library at ${dir}, and one cannot be made there: the folder cannot be written.`);
  let name = file;
  if (header.wal && !exists(`${file}-shm`) && !writableNow(dir)) {
    if (walHasFrames(file)) {
      throw new LibraryError(
        `The library at ${dir} was not closed properly and its folder cannot be written, so its last changes cannot be read. ` +
          'Copy the folder somewhere you can write to, and open the copy.',
      );
    }
    name = `${pathToFileURL(file).href}?immutable=1`;
  }
  const db = connect(name, { readonly: true, nativeBinding: options.nativeBinding });
  try {
    const version = checkContents(db, file);
    if (version < LATEST) {
      throw new LibraryError(
        `The library at ${dir} was made by an older version of Cuttings and must be upgraded, which needs it to be writable: ` +
          'open it once from a folder you can write to.',
      );
    }
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw asLibraryError(e, file);
  }
  return { dir, db, originalsDir: path.join(dir, 'originals'), readOnly: true, close: () => db.close() };
}

function connect(name: string, o: { readonly: boolean; nativeBinding?: string }): Database.Database {
  try {
    return new Database(name, { readonly: o.readonly, fileMustExist: o.readonly, nativeBinding: o.nativeBinding, timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new LibraryError(`Cannot open the library at ${name}: ${(e as Error).message}`);
  }
}

/** Reads only. Answers user_version; refuses a newer or foreign database (SQLite's own errors pass through). */
function checkContents(db: Database.Database, file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  if (version > LATEST) throw new NewerLibraryError(version, LATEST);
  // Migration 1 makes its tables and sets user_version 1 in one transaction: tables at version 0
  // belong to another program, whose database Cuttings must not write its own into.
  if (version === 0 && objects > 0) {
    throw new LibraryError(`The file ${file} is a database of another program, not a Cuttings library; Cuttings will not change it.`);
  }
  return version;
}

function asLibraryError(e: unknown, file: string): LibraryError {
  if (e instanceof LibraryError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new DamagedLibraryError(file, 'SQLite does not recognise it as a database');
  if (code.startsWith('SQLITE_CORRUPT')) return new DamagedLibraryError(file, `SQLite reports: ${(e as Error).message}`);
  return new LibraryError(`Cannot open the library at ${file}: ${(e as Error).message}`);
}

/** Every part SQLite and an import write: the folder (the WAL and its index are made there), the file, originals/. */
function canWrite(dir: string, file: string): boolean {
  if (!exists(dir)) return true; // a new library: made below, or refused with the reason
  return [dir, file, `${file}-wal`, `${file}-shm`, path.join(dir, 'originals')].every((p) => !exists(p) || writableNow(p));
}

function writableNow(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  return fs.existsSync(p);
}

/**
 * Deleted clips are kept for undo during one session; they go for good at the next open, with
 * the copies of their originals that no remaining clip uses. The copies are removed under the
 * write lock: an import elsewhere that found one there and is about to use it checks, under the
 * same lock, that it still is (store-clip.ts).
 */
function purgeExpiredDeletes(db: Database.Database, libraryDir: string): void {
  if (!hasDeletedClips(db)) return;
  writeTransaction(db, () => {
    const paths = purgeDeletedClips(db);
    const stillUsed = paths.length ? originalsInUse(db, paths) : new Set<string>();
    const originals = path.resolve(libraryDir, 'originals') + path.sep;
    for (const rel of paths) {
      if (stillUsed.has(rel)) continue;
      const full = path.resolve(libraryDir, rel);
      // Only ever inside this library's originals folder.
      if (full.startsWith(originals)) fs.rmSync(full, { force: true });
    }
  });
}
