// Faults: a hub that cannot be reached, a stopped PostgreSQL, a sync stopped halfway, a library
// restored from an old backup, a read-only member.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClip } from '../../../electron/library/clips.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { startHub } from '../../../electron/hub/hub-server.ts';
import { SyncAttentionError, SyncOfflineError } from '../../../electron/sync/sync-errors.ts';
import { syncOnce, type SyncProgress } from '../../../electron/sync/sync-once.ts';
import { connectHub, teamLink } from '../../../electron/sync/team-link.ts';
import { onClipsAdded } from '../../../electron/search/index-hooks.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { tempDir } from '../../helpers/temp-library.ts';
import { seen, startTeam, twoDesktops } from './team-fixture.ts';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.remove());


/** Many small clips, as a busy desk's library holds. */
function addClips(db: import('better-sqlite3').Database, n: number, prefix: string): void {
  writeTransaction(db, () => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(insertClip(db, { title: `${prefix} story ${i}`, bodyText: `${prefix} body number ${i} about the harbour council`, bodyHtml: '', contentHash: `${prefix}-${i}` }));
    }
    onClipsAdded(db, ids);
  });
}

describe('faults', () => {
  it('a hub that cannot be reached: the sync says which, the edits wait, and go when it is back', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      const port = team.hubs[0].port;
      await team.hubs[0].close();
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['Offline work'] });
      const failed = await syncOnce(a.lib).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(SyncOfflineError);
      expect((failed as Error).message).toContain(team.hubs[0].url.replace(/\/$/, ''));
      expect(teamLink(a.lib.db)!.pending).toBeGreaterThan(0);
      team.hubs[0] = await startHub({ databaseUrl: team.databaseUrl, port });
      const report = await syncOnce(a.lib);
      expect(report.agreed).toBe(true);
      await syncOnce(b.lib);
      expect((await seen(b, bId)).tags).toEqual(['Offline work']);
    } finally {
      await team.close();
    }
  });

  it('PostgreSQL stopped: the hub answers but cannot serve, the desktop waits as offline, then completes', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      await a.handlers.api.updateClip({ id: a.id, patch: { note: 'written while the database was down' } });
      pg.stop();
      try {
        await expect(syncOnce(a.lib)).rejects.toBeInstanceOf(SyncOfflineError);
      } finally {
        pg.start();
      }
      expect((await syncOnce(a.lib)).agreed).toBe(true);
      await syncOnce(b.lib);
      expect((await seen(b, bId)).note).toBe('written while the database was down');
    } finally {
      await team.close();
    }
  });

  it('a sync stopped halfway through a large pull loses nothing and duplicates nothing the next time', async () => {
    const team = await startTeam(pg);
    try {
      const a = team.desktop();
      addClips(a.lib.db, 2600, 'harbour');
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      expect((await syncOnce(a.lib)).agreed).toBe(true);
      const b = team.desktop();
      await connectHub(b.lib, { hubUrl: team.hubs[1].url, token: await team.token('bob') });
      const stop = new AbortController();
      const seenProgress: SyncProgress[] = [];
      const halfway = await syncOnce(b.lib, {
        signal: stop.signal,
        onProgress: (s) => {
          seenProgress.push(s);
          if (s.phase === 'pull') stop.abort();
        },
      }).catch((e: unknown) => e);
      expect(halfway).toBeInstanceOf(Error);
      const partial = b.lib.db.prepare('SELECT count(*) FROM clips').pluck().get() as number;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(2600);
      expect(seenProgress[0]).toMatchObject({ state: 'syncing', phase: 'pull' });
      const rest = await syncOnce(b.lib);
      expect(rest.agreed).toBe(true);
      expect(b.lib.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(2600);
      expect(b.lib.db.prepare('SELECT count(DISTINCT content_hash) FROM clips').pluck().get()).toBe(2600);
      expect((await b.handlers.api.search({ q: 'harbour council' })).total).toBe(2600);
    } finally {
      await team.close();
    }
  });

  it('a library restored from an old backup catches up without duplicates', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b } = await twoDesktops(team);
      const backupDir = tempDir();
      b.lib.db.exec(`VACUUM INTO '${path.join(backupDir, 'library.sqlite').replace(/'/g, "''")}'`);
      fs.cpSync(b.lib.originalsDir, path.join(backupDir, 'originals'), { recursive: true });
      addClips(a.lib.db, 30, 'later');
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['After the backup'] });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      const restored = openLibrary(backupDir);
      try {
        const before = restored.db.prepare('SELECT count(*) FROM clips').pluck().get();
        expect(before).toBe(1);
        expect((await syncOnce(restored)).agreed).toBe(true);
        const count = (db: typeof restored.db) => db.prepare('SELECT count(*) FROM clips WHERE deleted_at IS NULL').pluck().get();
        expect(count(restored.db)).toBe(count(b.lib.db));
        expect(count(restored.db)).toBe(31);
        const tags = restored.db.prepare('SELECT name FROM tags').pluck().all();
        expect(tags).toEqual(['After the backup']);
      } finally {
        restored.close();
        fs.rmSync(backupDir, { recursive: true, force: true });
      }
    } finally {
      await team.close();
    }
  });

  it('a read-only member gets every change but cannot push, and is told why', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      await syncOnce(a.lib);
      const c = team.desktop();
      const link = await connectHub(c.lib, { hubUrl: team.hubs[1].url, token: await team.token('carol', 'reader') });
      expect(link.role).toBe('reader');
      expect((await syncOnce(c.lib)).agreed).toBe(true);
      const id = (await c.handlers.api.listClips({})).clips[0].id;
      await c.handlers.api.tagClips({ ids: [id], tags: ['Mine'] });
      const refused = await syncOnce(c.lib).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SyncAttentionError);
      expect((refused as Error).message).toMatch(/carol is a read-only member/);
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['From Alice'] });
      await syncOnce(a.lib);
      await syncOnce(c.lib).catch(() => undefined);
      expect((await seen(c, id)).tags).toEqual(['From Alice', 'Mine']);
      expect((await seen(a, a.id)).tags).toEqual(['From Alice']);
    } finally {
      await team.close();
    }
  });
});
