// Restore: a backup comes back as a library in a new or empty folder, with the same clips,
// tags and originals; anything else is refused with a sentence and changes nothing.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../../electron/handlers/handler-table.ts';
import { backUpLibrary, restoreLibrary, RestoreError, type BackupResult } from '../../../electron/library/backup.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { PROJECT_ROOT, SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

/** Every file under `dir` with its size: what "unchanged" means for a folder. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => `${f}:${fs.statSync(path.join(dir, f)).isDirectory() ? 'dir' : fs.statSync(path.join(dir, f)).size}`)
    .sort();
}

describe('restoreLibrary', () => {
  const lib = tempLibrary();
  const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
  const work = tempDir('cuttings-restore-');
  let backup: BackupResult;
  let titles: string[];
  beforeAll(async () => {
    await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId);
    await handlers.waitForImport((await handlers.api.loadSamples({})).jobId);
    await handlers.api.tagClips({ ids: [1, 2], tags: ['venezuela'] });
    await handlers.api.updateClip({ id: 1, patch: { note: 'restored?', starred: true } });
    backup = await backUpLibrary(lib, path.join(work, 'backups'));
    titles = lib.db.prepare('SELECT title FROM clips ORDER BY id').pluck().all() as string[];
  });
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('refuses a folder that is not empty, and leaves it as it was', async () => {
    const target = path.join(work, 'busy');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const err = await restoreLibrary(backup.folder, target).catch((e: Error) => e);
    expect(err).toBeInstanceOf(RestoreError);
    expect((err as Error).message).toBe(`The folder ${target} is not empty: Cuttings restores only into a new or empty folder, so nothing there is overwritten.`);
    expect(listing(target)).toEqual(['notes.txt:4']);
    expect(fs.readdirSync(work).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('refuses what is not a whole Cuttings backup', async () => {
    const target = path.join(work, 'never');
    const notLibrary = path.join(work, 'not-a-library');
    fs.mkdirSync(notLibrary);
    await expect(restoreLibrary(notLibrary, target)).rejects.toThrow(`${notLibrary} is not a Cuttings backup or library: it has no library.sqlite.`);
    const otherDb = path.join(work, 'other-sqlite');
    fs.mkdirSync(otherDb);
    new Database(path.join(otherDb, 'library.sqlite')).exec('CREATE TABLE notes (x)').close();
    await expect(restoreLibrary(otherDb, target)).rejects.toThrow('holds an SQLite database, but not a Cuttings library');
    const garbage = path.join(work, 'garbage');
    fs.mkdirSync(garbage);
    fs.writeFileSync(path.join(garbage, 'library.sqlite'), 'this is not a database at all, just some text that is long enough');
    await expect(restoreLibrary(garbage, target)).rejects.toBeInstanceOf(RestoreError);
    await expect(restoreLibrary(`${backup.folder}.partial`, target)).rejects.toThrow('interrupted');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('restores into an empty folder: the same clips, tags, notes and originals, and the backup untouched', async () => {
    const before = listing(backup.folder);
    const target = path.join(work, 'restored');
    fs.mkdirSync(target);
    const result = await restoreLibrary(backup.folder, target);
    expect(result).toEqual({ clips: 9, originals: 9 });
    expect(listing(backup.folder)).toEqual(before);
    const restored = openLibrary(target);
    const restoredHandlers = createHandlers({ library: restored, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    try {
      expect(restored.db.prepare('SELECT title FROM clips ORDER BY id').pluck().all()).toEqual(titles);
      const seed = await restoredHandlers.api.getClip({ id: 1 });
      expect(seed).toMatchObject({ note: 'restored?', starred: true, original: { available: true } });
      expect(seed.tags.map((t) => t.name)).toEqual(['venezuela']);
      expect((await restoredHandlers.api.search({ q: 'madurro' })).total).toBe(1);
      for (const rel of restored.db.prepare('SELECT original_path FROM clips').pluck().all() as string[]) expect(fs.existsSync(path.join(target, rel)), rel).toBe(true);
    } finally {
      await restoredHandlers.dispose();
      restored.close();
    }
    // A folder that does not exist yet is made.
    expect((await restoreLibrary(backup.folder, path.join(work, 'new', 'library'))).clips).toBe(9);
    expect(fs.readdirSync(work).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('copies a library that is open and being written, as one consistent state', async () => {
    expect(fs.existsSync(path.join(lib.dir, 'library.sqlite-wal'))).toBe(true);
    lib.db.prepare("UPDATE clips SET note = 'written while open' WHERE id = 2").run();
    const target = path.join(work, 'copy-of-live');
    expect(await restoreLibrary(lib.dir, target)).toEqual({ clips: 9, originals: 9 });
    const copy = openLibrary(target, { readonly: true });
    try {
      expect(copy.db.prepare('SELECT note FROM clips WHERE id = 2').pluck().get()).toBe('written while open');
      expect(copy.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(9);
    } finally {
      copy.close();
    }
    // The library in use carries on.
    expect(lib.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(9);
  });
});
