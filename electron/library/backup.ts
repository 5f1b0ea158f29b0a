// Back Up Library: a complete, openable copy of a library folder made while it is in use.
// The database is copied with SQLite's online backup (a consistent snapshot even while an
// import writes), then the originals. The copy is assembled under a ".partial" name and renamed
// at the end, so a backup that was interrupted is never mistaken for a whole one.
// Restore is the way back: a backup (or any library folder) copied into a new or empty folder,
// checked first and assembled the same way, so it never leaves half a library.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { migrations } from './migrations/index.ts';
import { openLibrary, type Library } from './open-library.ts';

export interface BackupResult {
  folder: string;
  clips: number;
  originals: number;
}

/** A restore that cannot be done, for a reason the person can act on. */
export class RestoreError extends Error {}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Cuttings backup 2026-12-03 14.05": sorts by date, and has no character any system forbids. */
export function backupFolderName(now: Date): string {
  return `Cuttings backup ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}`;
}

function freeName(parentDir: string, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} (${i})`;
    if (!fs.existsSync(path.join(parentDir, name)) && !fs.existsSync(path.join(parentDir, `${name}.partial`))) return path.join(parentDir, name);
  }
}

/** Copies originals/ (a copy still being written by an import, *.tmp, is not part of any clip yet); answers how many files. */
async function copyOriginals(fromDir: string, toDir: string): Promise<number> {
  if (!fs.existsSync(fromDir)) {
    await fsp.mkdir(toDir, { recursive: true });
    return 0;
  }
  let originals = 0;
  await fsp.cp(fromDir, toDir, {
    recursive: true,
    filter: (src) => {
      if (src.endsWith('.tmp')) return false;
      if (path.dirname(src) !== fromDir && path.dirname(path.dirname(src)) === fromDir) originals++;
      return true;
    },
  });
  return originals;
}

export async function backUpLibrary(library: Library, parentDir: string, now = new Date()): Promise<BackupResult> {
  return backUpInto(library, freeName(parentDir, backupFolderName(now)));
}

/**
 * The backup at `folder`, assembled in `folder.partial`. `prepare` writes into the partial
 * folder before anything else (the automatic backups' mark of their own making).
 */
export async function backUpInto(library: Library, folder: string, prepare?: (partial: string) => Promise<void>): Promise<BackupResult> {
  const partial = `${folder}.partial`;
  await fsp.mkdir(partial, { recursive: true });
  try {
    await prepare?.(partial);
    await library.db.backup(path.join(partial, 'library.sqlite'));
    const originals = await copyOriginals(library.originalsDir, path.join(partial, 'originals'));
    const clips = library.db.prepare('SELECT count(*) FROM clips WHERE deleted_at IS NULL').pluck().get() as number;
    await fsp.rename(partial, folder);
    return { folder, clips, originals };
  } catch (e) {
    await fsp.rm(partial, { recursive: true, force: true });
    throw e;
  }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** Checks, read-only, that `file` is a whole Cuttings library this version can open. */
function checkLibraryDatabase(file: string, source: string, nativeBinding?: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (e) {
    throw new RestoreError(`The backup's database in ${source} cannot be opened (${(e as Error).message}); nothing was restored.`);
  }
  try {
    const isCuttings = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clips'").get();
    const version = db.pragma('user_version', { simple: true }) as number;
    if (!isCuttings || version < 1) throw new RestoreError(`${source} holds an SQLite database, but not a Cuttings library; nothing was restored.`);
    const latest = migrations[migrations.length - 1].version;
    if (version > latest) throw new RestoreError(`The backup in ${source} was made by a newer version of Cuttings (schema ${version}, this version knows ${latest}). Update Cuttings to restore it.`);
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') throw new RestoreError(`The backup's database in ${source} is damaged (SQLite's integrity check says: ${check}); nothing was restored.`);
  } catch (e) {
    if (e instanceof RestoreError) throw e;
    throw new RestoreError(`The backup in ${source} cannot be read (${(e as Error).message}); nothing was restored.`);
  } finally {
    db.close();
  }
}

/**
 * A library some program has open (its write-ahead log is there): SQLite's backup, from a
 * read-only connection, copies one consistent state of it, whatever that program writes
 * meanwhile. (The log and its index already exist, so the source folder gains nothing.)
 */
async function snapshotLiveDatabase(database: string, copy: string, source: string, nativeBinding?: string): Promise<void> {
  let db: Database.Database;
  try {
    db = new Database(database, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (e) {
    throw new RestoreError(`The backup's database in ${source} cannot be opened (${(e as Error).message}); nothing was restored.`);
  }
  try {
    db.pragma('busy_timeout = 30000');
    await db.backup(copy);
  } catch (e) {
    throw new RestoreError(`The backup in ${source} cannot be read (${(e as Error).message}); nothing was restored.`);
  } finally {
    db.close();
  }
}

/**
 * Brings a backup (a folder Back Up Library or the daily backups made, or another library
 * folder) back as the library at `targetDir`, which must be new or empty. The backup is only
 * read: its database file is copied as it is (a library in use is copied with SQLite's backup
 * instead), and the copy is what gets checked, read-only (a Cuttings library, a schema this
 * version knows, SQLite's integrity check), then opened once (brought up to this version's
 * schema) and renamed into place. Opening a backup that nothing has open, even read-only,
 * would leave SQLite's -shm and -wal files in it.
 */
export async function restoreLibrary(backupDir: string, targetDir: string, options: { nativeBinding?: string } = {}): Promise<{ clips: number; originals: number }> {
  const source = path.resolve(backupDir);
  const target = path.resolve(targetDir);
  if (source.endsWith('.partial')) throw new RestoreError(`${source} is a backup that was interrupted before it finished: restore a complete one.`);
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) throw new RestoreError(`There is no backup folder at ${source}.`);
  const database = path.join(source, 'library.sqlite');
  if (!fs.existsSync(database)) throw new RestoreError(`${source} is not a Cuttings backup or library: it has no library.sqlite.`);
  if (inside(target, source) || inside(source, target)) throw new RestoreError('Restore into a folder outside the backup (and not around it).');
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) throw new RestoreError(`${target} is a file: restore into a new or empty folder.`);
    if (fs.readdirSync(target).length) throw new RestoreError(`The folder ${target} is not empty: Cuttings restores only into a new or empty folder, so nothing there is overwritten.`);
  }
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const partial = await fsp.mkdtemp(`${target}.partial-`);
  try {
    const copy = path.join(partial, 'library.sqlite');
    if (fs.existsSync(`${database}-wal`)) await snapshotLiveDatabase(database, copy, source, options.nativeBinding);
    else await fsp.copyFile(database, copy);
    checkLibraryDatabase(copy, source, options.nativeBinding);
    const originals = await copyOriginals(path.join(source, 'originals'), path.join(partial, 'originals'));
    const restored = openLibrary(partial, { nativeBinding: options.nativeBinding });
    let clips: number;
    try {
      clips = restored.db.prepare('SELECT count(*) FROM clips WHERE deleted_at IS NULL').pluck().get() as number;
    } finally {
      restored.close();
    }
    // The empty folder the person named gives way to the finished library; rmdir fails (and
    // the restore with it) if anything appeared in it meanwhile.
    if (fs.existsSync(target)) await fsp.rmdir(target);
    await fsp.rename(partial, target);
    return { clips, originals };
  } catch (e) {
    await fsp.rm(partial, { recursive: true, force: true });
    throw e;
  }
}
