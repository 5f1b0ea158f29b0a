// Daily backups, made by the desktop app while it runs: at most one a calendar day, into a
// folder beside the library (never inside it, so a backup never holds older backups and
// losing the library folder does not lose them), keeping the newest N. Each backup carries a
// small marker file naming it as ours; rotation and clean-up touch only folders with that
// marker, whatever else someone keeps in the backups folder.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { backUpInto, backupFolderName, type BackupResult } from './backup.ts';
import type { Library } from './open-library.ts';

export interface AutoBackupOptions {
  enabled: boolean;
  /** How many complete backups to keep (at least 1). */
  keep: number;
  /** Where they go; autoBackupFolder(library) when absent. */
  folder?: string;
}

export const DEFAULT_AUTO_BACKUP: AutoBackupOptions = { enabled: true, keep: 7 };

/** The file inside each automatic backup that says Cuttings made it, and when. */
export const AUTO_BACKUP_MARKER = 'cuttings-auto-backup.json';

/** A .partial this old was abandoned (the app quit or crashed mid-backup); a younger one may still be being written. */
const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

interface Marker {
  format: 'cuttings-auto-backup';
  madeAt: string;
  library: string;
}

/** "<parent>/<library folder name> backups": beside the library, never inside it. */
export function autoBackupFolder(libraryDir: string): string {
  const dir = path.resolve(libraryDir);
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error(`A library at the root of a drive (${dir}) has no folder beside it for backups: choose a backup folder.`);
  return path.join(parent, `${path.basename(dir)} backups`);
}

function readMarker(folder: string): Marker | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(folder, AUTO_BACKUP_MARKER), 'utf8')) as Marker;
    return m?.format === 'cuttings-auto-backup' && typeof m.madeAt === 'string' && !Number.isNaN(Date.parse(m.madeAt)) ? m : null;
  } catch {
    return null;
  }
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);

interface Found {
  path: string;
  madeAt: Date;
}

/** Our complete backups in `folder` (newest first), and our abandoned partial ones. */
function survey(folder: string): { complete: Found[]; partial: { path: string; mtimeMs: number; marked: boolean }[] } {
  const complete: Found[] = [];
  const partial: { path: string; mtimeMs: number; marked: boolean }[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('Cuttings backup ')) continue;
    const full = path.join(folder, entry.name);
    const marker = readMarker(full);
    if (entry.name.endsWith('.partial')) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        continue;
      }
      partial.push({ path: full, mtimeMs: stat.mtimeMs, marked: !!marker });
    } else if (marker) complete.push({ path: full, madeAt: new Date(marker.madeAt) });
  }
  complete.sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime() || b.path.localeCompare(a.path));
  return { complete, partial };
}

/**
 * Today's backup, if none was made today: returns it, or null when backups are off or one
 * exists already. Then keeps the newest `keep` and removes our abandoned partial backups.
 */
export async function backUpIfDue(library: Library, options: AutoBackupOptions, now = new Date()): Promise<BackupResult | null> {
  if (!options.enabled) return null;
  const folder = path.resolve(options.folder ?? autoBackupFolder(library.dir));
  const libraryDir = path.resolve(library.dir);
  if (inside(folder, libraryDir)) throw new Error(`Backups cannot go inside the library folder (${folder}): choose a folder beside it.`);
  await fsp.mkdir(folder, { recursive: true });
  const keep = Math.max(1, Math.floor(options.keep) || 1);

  const before = survey(folder);
  for (const p of before.partial) {
    // Marked by us, or still empty (we stopped before writing the marker). Anything else is not ours.
    const ours = p.marked || fs.readdirSync(p.path).length === 0;
    if (ours && now.getTime() - p.mtimeMs > STALE_PARTIAL_MS) await fsp.rm(p.path, { recursive: true, force: true });
  }
  if (before.complete.some((b) => sameDay(b.madeAt, now))) return null;

  const marker: Marker = { format: 'cuttings-auto-backup', madeAt: now.toISOString(), library: libraryDir };
  let target = path.join(folder, backupFolderName(now));
  for (let i = 2; fs.existsSync(target) || fs.existsSync(`${target}.partial`); i++) target = path.join(folder, `${backupFolderName(now)} (${i})`);
  const result = await backUpInto(library, target, (partial) => fsp.writeFile(path.join(partial, AUTO_BACKUP_MARKER), `${JSON.stringify(marker, null, 2)}\n`));

  for (const old of survey(folder).complete.slice(keep)) await fsp.rm(old.path, { recursive: true, force: true });
  return result;
}
