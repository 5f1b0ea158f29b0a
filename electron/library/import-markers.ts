// Which imports are running on a library, in whichever process: one marker file per running
// import in <library>/.imports/, named <pid>-<random>, its modification time refreshed as the
// import stores its batches. An import writes the copy of each original before it commits the
// clip that uses it, so while one runs, a copy no clip uses yet may be one it is about to use:
// crash-leftovers.ts removes unused copies only when no marker is live.
//
// Markers are made, and looked at by the clean-up, under the library's write lock
// (writeTransaction): a clean-up that finds none live knows that no import can start writing
// copies until it has finished.
//
// A marker is stale when its process is gone (a killed import never removes its own) or when
// it has not been refreshed for an hour (its process id was reused by another program, or the
// import hangs). One library is used from one machine (SQLite's WAL needs shared memory), so a
// process id names a process here.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MARKERS = '.imports';
const MARKER_NAME = /^(\d+)-[0-9a-f]{8}$/;
export const STALE_AFTER_MS = 60 * 60 * 1000;

export interface ImportMarker {
  /** Keeps the marker live (called as the import stores each batch). */
  refresh(): void;
  remove(): void;
}

export function markersDir(libraryDir: string): string {
  return path.join(libraryDir, MARKERS);
}

/** Whether a process with this id runs on this machine (signal 0 only asks). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Call under the write lock (see above). */
export function markImportRunning(libraryDir: string): ImportMarker {
  const dir = markersDir(libraryDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.writeFileSync(file, '');
  return {
    refresh() {
      const now = new Date();
      try {
        fs.utimesSync(file, now, now);
      } catch {
        // Taken for stale and removed while this import hung: it runs again, so it is marked again.
        try {
          fs.writeFileSync(file, '');
        } catch {
          /* the library folder went away; the import's own writes will say so */
        }
      }
    },
    remove() {
      fs.rmSync(file, { force: true });
    },
  };
}

export interface MarkerSurvey {
  /** The marker folder exists (an import has been run by a Cuttings that keeps markers). */
  known: boolean;
  live: number;
  /** Markers whose import is gone without removing them: a crash happened. */
  stale: string[];
}

export function surveyMarkers(libraryDir: string, now = Date.now()): MarkerSurvey {
  const dir = markersDir(libraryDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return { known: false, live: 0, stale: [] };
  }
  const survey: MarkerSurvey = { known: true, live: 0, stale: [] };
  for (const name of names) {
    const m = MARKER_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      continue; // removed meanwhile: that import has ended
    }
    if (processAlive(Number(m[1])) && now - mtimeMs < STALE_AFTER_MS) survey.live++;
    else survey.stale.push(file);
  }
  return survey;
}

/** Marks the library as known to keep markers (see MarkerSurvey.known). */
export function ensureMarkersDir(libraryDir: string): void {
  fs.mkdirSync(markersDir(libraryDir), { recursive: true });
}
