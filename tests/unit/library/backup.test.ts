import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../../electron/handlers/handler-table.ts';
import { backUpLibrary, backupFolderName } from '../../../electron/library/backup.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { PROJECT_ROOT, SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

describe('Back Up Library', () => {
  const lib = tempLibrary();
  const dest = tempDir('cuttings-backup-dest-');
  const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it('makes a folder that opens as the same library, originals included, and a second one beside it', async () => {
    await handlers.waitForImport((await handlers.api.importPaths({ paths: [SEED] })).jobId);
    await handlers.waitForImport((await handlers.api.loadSamples({})).jobId);
    await handlers.api.tagClips({ ids: [1], tags: ['venezuela'] });
    // A copy an interrupted import left half-written is not part of the backup.
    fs.writeFileSync(path.join(lib.originalsDir, 'leftover.1.tmp'), 'x');
    const now = new Date(2026, 11, 3, 14, 5);

    const first = await backUpLibrary(lib, dest, now);
    expect(path.basename(first.folder)).toBe('Cuttings backup 2026-12-03 14.05');
    expect(first.clips).toBe(9);
    expect(first.originals).toBe(9);
    const copy = openLibrary(first.folder, { readonly: true });
    try {
      const titles = copy.db.prepare('SELECT title FROM clips ORDER BY id').pluck().all() as string[];
      expect(titles[0]).toMatch(/Maduro/);
      expect(titles).toHaveLength(9);
      expect(copy.db.prepare("SELECT count(*) FROM clip_tags").pluck().get()).toBe(1);
      for (const rel of copy.db.prepare('SELECT original_path FROM clips').pluck().all() as string[]) expect(fs.existsSync(path.join(first.folder, rel))).toBe(true);
    } finally {
      copy.close();
    }
    expect(fs.readdirSync(path.join(first.folder, 'originals'), { recursive: true }).some((f) => String(f).endsWith('.tmp'))).toBe(false);

    const second = await backUpLibrary(lib, dest, now);
    expect(path.basename(second.folder)).toBe('Cuttings backup 2026-12-03 14.05 (2)');
    expect(fs.readdirSync(dest).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('leaves no half backup behind when it cannot finish', async () => {
    const blocked = path.join(dest, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    await expect(backUpLibrary(lib, blocked)).rejects.toThrow();
    expect(fs.readdirSync(dest).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('names backups by date, without characters a file system forbids', () => {
    expect(backupFolderName(new Date(2019, 8, 20, 15, 17))).toBe('Cuttings backup 2019-09-20 15.17');
  });
});
