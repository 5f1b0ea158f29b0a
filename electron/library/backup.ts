// Back Up Library: a complete, openable copy of a library folder made while it is in use.
// The database is copied with SQLite's online backup (a consistent snapshot even while an
// import writes), then the originals. The copy is assembled under a ".partial" name and renamed
// at the end, so a backup that was interrupted is never mistaken for a whole one.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Library } from './open-library.ts';

export interface BackupResult {
  folder: string;
  clips: number;
  originals: number;
}

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

export async function backUpLibrary(library: Library, parentDir: string, now = new Date()): Promise<BackupResult> {
  const folder = freeName(parentDir, backupFolderName(now));
  const partial = `${folder}.partial`;
  await fsp.mkdir(partial, { recursive: true });
  try {
    await library.db.backup(path.join(partial, 'library.sqlite'));
    let originals = 0;
    await fsp.cp(library.originalsDir, path.join(partial, 'originals'), {
      recursive: true,
      // A copy still being written by an import is not part of any clip yet.
      filter: (src) => {
        if (src.endsWith('.tmp')) return false;
        if (path.dirname(src) !== library.originalsDir && path.dirname(path.dirname(src)) === library.originalsDir) originals++;
        return true;
      },
    });
    const clips = library.db.prepare('SELECT count(*) FROM clips WHERE deleted_at IS NULL').pluck().get() as number;
    await fsp.rename(partial, folder);
    return { folder, clips, originals };
  } catch (e) {
    await fsp.rm(partial, { recursive: true, force: true });
    throw e;
  }
}
