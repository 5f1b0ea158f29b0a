// Deletion against edits, restoring from the hub, and one article imported by two members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipIdOfKey } from '../../../electron/sync/clip-keys.ts';
import { listHubDeleted, restoreHubDeleted } from '../../../electron/sync/hub-deleted.ts';
import { syncOnce } from '../../../electron/sync/sync-once.ts';
import { connectHub } from '../../../electron/sync/team-link.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { seen, startTeam, tick, twoDesktops } from './team-fixture.ts';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.remove());


const live = async (d: { handlers: { api: { listClips(a: object): Promise<{ total: number }> } } }) => (await d.handlers.api.listClips({})).total;

describe('deletions', () => {
  it('an edit made after a deletion brings the clip back on both desktops', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      await a.handlers.api.deleteClips({ ids: [a.id] });
      await tick();
      await b.handlers.api.updateClip({ id: bId, patch: { note: 'still needed for the Friday piece' } });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      expect(await live(a)).toBe(1);
      expect(await live(b)).toBe(1);
      expect((await seen(a, a.id)).note).toBe('still needed for the Friday piece');
    } finally {
      await team.close();
    }
  });

  it('a deletion made after an edit wins, and the clip can be restored from the hub', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId, key } = await twoDesktops(team);
      await b.handlers.api.updateClip({ id: bId, patch: { note: 'an early note' } });
      await tick();
      await a.handlers.api.deleteClips({ ids: [a.id] });
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      expect(await live(a)).toBe(0);
      expect(await live(b)).toBe(0);
      const deleted = await listHubDeleted(b.lib);
      expect(deleted).toHaveLength(1);
      expect(deleted[0]).toMatchObject({ key, deletedBy: 'alice' });
      expect(deleted[0].title).toContain('Maduro');
      await restoreHubDeleted(b.lib, key);
      await syncOnce(a.lib);
      expect(await live(b)).toBe(1);
      expect(await live(a)).toBe(1);
      expect((await seen(a, a.id)).note).toBe('an early note');
      expect(await listHubDeleted(a.lib)).toHaveLength(0);
    } finally {
      await team.close();
    }
  });

  it('a clip purged here (the library reopened after the deletion) comes back whole when restored from the hub', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, key } = await twoDesktops(team);
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['Archive'] });
      await a.handlers.api.deleteClips({ ids: [a.id] });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      // Reopening purges deleted clips for good.
      await b.handlers.dispose();
      b.lib.close();
      const reopened = openLibrary(b.lib.dir);
      expect(reopened.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(0);
      await restoreHubDeleted(reopened, key);
      const id = clipIdOfKey(reopened.db, key)!;
      expect(id).not.toBeNull();
      const row = reopened.db.prepare('SELECT title, deleted_at FROM clips WHERE id = ?').get(id) as { title: string; deleted_at: string | null };
      expect(row.deleted_at).toBeNull();
      expect(row.title).toContain('Maduro');
      const tags = reopened.db.prepare('SELECT t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = ?').pluck().all(id);
      expect(tags).toEqual(['Archive']);
      reopened.close();
    } finally {
      await team.close();
    }
  });
});

describe('the same article imported by two members', () => {
  it('is one clip on both desktops, with both members’ tags', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      const b = await team.seeded();
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['Russia'] });
      await b.handlers.api.tagClips({ ids: [b.id], tags: ['Venezuela'] });
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      await connectHub(b.lib, { hubUrl: team.hubs[1].url, token: await team.token('bob') });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      expect(await live(a)).toBe(1);
      expect(await live(b)).toBe(1);
      expect((await seen(a, a.id)).tags).toEqual(['Russia', 'Venezuela']);
      expect((await seen(b, b.id)).tags).toEqual(['Russia', 'Venezuela']);
      expect((await b.handlers.api.search({ q: 'tag:russia' })).total).toBe(1);
    } finally {
      await team.close();
    }
  });
});
