// Daily automatic backups: one a calendar day, in a folder beside the library, the newest N
// kept, and nothing touched that the automatic backups did not make.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../../electron/handlers/handler-table.ts';
import { AUTO_BACKUP_MARKER, autoBackupFolder, backUpIfDue, DEFAULT_AUTO_BACKUP } from '../../../electron/library/auto-backup.ts';
import { openLibrary, type Library } from '../../../electron/library/open-library.ts';
import { PROJECT_ROOT, tempDir } from '../../helpers/temp-library.ts';

const day = (d: number, hour = 9) => new Date(2026, 0, d, hour, 30);

describe('automatic backups', () => {
  const home = tempDir('cuttings-auto-');
  const libraryDir = path.join(home, 'library');
  let lib: Library;
  const folder = () => autoBackupFolder(libraryDir);
  const ours = () => fs.readdirSync(folder()).filter((f) => !f.endsWith('.partial') && fs.existsSync(path.join(folder(), f, AUTO_BACKUP_MARKER))).sort();

  beforeAll(async () => {
    lib = openLibrary(libraryDir);
    const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
    await handlers.waitForImport((await handlers.api.loadSamples({})).jobId);
    await handlers.dispose();
  });
  afterAll(() => {
    lib.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('go in a folder beside the library, never inside it', async () => {
    expect(DEFAULT_AUTO_BACKUP).toEqual({ enabled: true, keep: 7 });
    expect(folder()).toBe(path.join(home, 'library backups'));
    expect(autoBackupFolder(`${libraryDir}${path.sep}`)).toBe(path.join(home, 'library backups'));
    await expect(backUpIfDue(lib, { enabled: true, keep: 3, folder: path.join(libraryDir, 'backups') }, day(1))).rejects.toThrow(/inside the library folder/);
    await expect(backUpIfDue(lib, { enabled: true, keep: 3, folder: libraryDir }, day(1))).rejects.toThrow(/inside the library folder/);
    expect(fs.existsSync(path.join(libraryDir, 'backups'))).toBe(false);
    expect(await backUpIfDue(lib, { enabled: false, keep: 3 }, day(1))).toBeNull();
    expect(fs.existsSync(folder())).toBe(false);
  });

  it('make one backup a day, however often they are asked for', async () => {
    const first = await backUpIfDue(lib, { enabled: true, keep: 3 }, day(1, 8));
    expect(first).toMatchObject({ folder: path.join(folder(), 'Cuttings backup 2026-01-01 08.30'), clips: 8, originals: 8 });
    expect(await backUpIfDue(lib, { enabled: true, keep: 3 }, day(1, 13))).toBeNull();
    expect(await backUpIfDue(lib, { enabled: true, keep: 3 }, day(1, 23))).toBeNull();
    expect(ours()).toEqual(['Cuttings backup 2026-01-01 08.30']);
    // Each one opens as the library it copies.
    const copy = openLibrary(first!.folder, { readonly: true });
    try {
      expect(copy.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(8);
    } finally {
      copy.close();
    }
  });

  it('keep the newest N, and leave alone what they did not make', async () => {
    // Someone's own things in the backups folder, one of them named like a backup.
    const foreign = path.join(folder(), 'Cuttings backup 2025-12-01 10.00');
    fs.mkdirSync(path.join(foreign, 'originals'), { recursive: true });
    fs.writeFileSync(path.join(foreign, 'library.sqlite'), 'a backup made by hand');
    fs.mkdirSync(path.join(folder(), 'My old exports'));
    fs.writeFileSync(path.join(folder(), 'notes.txt'), 'keep me');
    const foreignPartial = path.join(folder(), 'Cuttings backup 2025-11-30 10.00.partial');
    fs.mkdirSync(foreignPartial);
    fs.writeFileSync(path.join(foreignPartial, 'something.txt'), 'not ours');
    fs.utimesSync(foreignPartial, new Date(2025, 10, 30), new Date(2025, 10, 30));

    for (let d = 2; d <= 10; d++) expect(await backUpIfDue(lib, { enabled: true, keep: 3 }, day(d))).not.toBeNull();
    expect(ours()).toEqual(['Cuttings backup 2026-01-08 09.30', 'Cuttings backup 2026-01-09 09.30', 'Cuttings backup 2026-01-10 09.30']);
    expect(fs.readFileSync(path.join(foreign, 'library.sqlite'), 'utf8')).toBe('a backup made by hand');
    expect(fs.existsSync(path.join(folder(), 'My old exports'))).toBe(true);
    expect(fs.readFileSync(path.join(folder(), 'notes.txt'), 'utf8')).toBe('keep me');
    expect(fs.readFileSync(path.join(foreignPartial, 'something.txt'), 'utf8')).toBe('not ours');
  });

  it('clean up their own abandoned partial backups once they are a day old', async () => {
    const stale = path.join(folder(), 'Cuttings backup 2026-01-10 23.59.partial');
    const fresh = path.join(folder(), 'Cuttings backup 2026-01-11 08.00.partial');
    for (const p of [stale, fresh]) {
      fs.mkdirSync(p);
      fs.writeFileSync(path.join(p, AUTO_BACKUP_MARKER), JSON.stringify({ format: 'cuttings-auto-backup', madeAt: new Date().toISOString(), library: libraryDir }));
    }
    const now = day(11, 9);
    fs.utimesSync(stale, new Date(now.getTime() - 30 * 3600_000), new Date(now.getTime() - 30 * 3600_000));
    fs.utimesSync(fresh, new Date(now.getTime() - 3600_000), new Date(now.getTime() - 3600_000));
    expect(await backUpIfDue(lib, { enabled: true, keep: 3 }, now)).not.toBeNull();
    expect(fs.existsSync(stale)).toBe(false);
    // Younger than a day: another process may still be writing it.
    expect(fs.existsSync(fresh)).toBe(true);
    expect(ours()).toEqual(['Cuttings backup 2026-01-09 09.30', 'Cuttings backup 2026-01-10 09.30', 'Cuttings backup 2026-01-11 09.30']);
  });
});
