// What a killed import leaves behind in originals/: the temporary files it was writing
// (<copy>.<pid>.<random>.tmp, see originals.ts), and the copies it wrote for clips it never
// committed (a copy is written before its clip, so that no clip ever points at a missing file).
// Both are removed when a library is opened for writing and when an import starts, if there is
// a sign of a crash: an import marker whose process is gone (import-markers.ts), or no marker
// folder at all (the library was last written by a Cuttings that kept none, and may hold
// leftovers from before). Without a sign nothing is listed, so opening a large library costs
// one read of the marker folder.
//
// Other processes may be importing into this library right now:
// - a .tmp file is removed only when the process named in its name is gone (or it is over an
//   hour old: its process id was reused), so a copy being written is never touched;
// - an unused copy is removed only under the write lock, when no import marker is live: no
//   import is then between writing a copy and committing its clip, and none can start until
//   the lock is released. It is checked once more under the lock (unused, and still there).
// An import that finds a copy already there uses it rather than writing it again; store-clip.ts
// checks, under the write lock, that it is still there when the clip is committed.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { originalPathsInUse, originalsInUse } from './clips.ts';
import { ensureMarkersDir, processAlive, STALE_AFTER_MS, surveyMarkers } from './import-markers.ts';
import { writeTransaction } from './write-transaction.ts';

/** A copy Cuttings wrote: originals/ab/<sha-256><ext>. */
const STORED_NAME = /^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/;
/** Its temporary name while being written: <copy>.<pid>.<8 hex>.tmp. */
const TEMP_NAME = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export interface LeftoversRemoved {
  temps: number;
  originals: number;
}

/**
 * `force`: look even without a sign of a crash. Never throws: leftovers cost only disk space,
 * and must not keep a library from opening or an import from running (a clean-up that could not
 * finish leaves the sign of the crash, so the next one tries again).
 */
export function removeCrashLeftovers(db: Database.Database, libraryDir: string, options: { force?: boolean } = {}): LeftoversRemoved {
  const removed: LeftoversRemoved = { temps: 0, originals: 0 };
  if (db.readonly) return removed;
  try {
    removeLeftovers(db, libraryDir, options.force ?? false, removed);
  } catch {
    // See above.
  }
  return removed;
}

function removeLeftovers(db: Database.Database, libraryDir: string, force: boolean, removed: LeftoversRemoved): void {
  const survey = surveyMarkers(libraryDir);
  if (!force && survey.known && survey.stale.length === 0) return;

  const originalsDir = path.join(libraryDir, 'originals');
  const now = Date.now();
  const unused: string[] = [];
  const inUse = originalPathsInUse(db);
  for (const folder of listDir(originalsDir)) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    for (const name of listDir(path.join(originalsDir, folder))) {
      const full = path.join(originalsDir, folder, name);
      const temp = TEMP_NAME.exec(name);
      if (temp) {
        if (!processAlive(Number(temp[1])) || now - mtimeOf(full) > STALE_AFTER_MS) removed.temps += remove(full);
      } else if (STORED_NAME.test(name) && !inUse.has(path.join('originals', folder, name))) {
        unused.push(path.join('originals', folder, name));
      }
    }
  }

  writeTransaction(db, () => {
    const markers = surveyMarkers(libraryDir);
    if (markers.live > 0) return; // an import is running: its copies may be among these; next time
    // An import that ended since the listing above may have committed clips that use some.
    const usedNow = unused.length ? originalsInUse(db, unused) : new Set<string>();
    for (const rel of unused) if (!usedNow.has(rel)) removed.originals += remove(path.join(libraryDir, rel));
    // The crash is dealt with: its markers go, and the folder says this library keeps them.
    for (const file of markers.stale) fs.rmSync(file, { force: true });
    ensureMarkersDir(libraryDir);
  });
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function remove(file: string): number {
  try {
    fs.rmSync(file);
    return 1;
  } catch {
    return 0; // gone already, or not ours to remove
  }
}
