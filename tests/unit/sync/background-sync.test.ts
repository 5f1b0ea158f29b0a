// The background sync of two open desktops: a change made on one shows on the other while both
// are online, and the state says synced, offline (naming the hub) or needs attention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncState } from '../../../electron/api.ts';
import { startBackgroundSync } from '../../../electron/sync/background-sync.ts';
import { syncOnce } from '../../../electron/sync/sync-once.ts';
import { connectHub } from '../../../electron/sync/team-link.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { seen, startTeam, twoDesktops } from './team-fixture.ts';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.remove());

async function until(what: string, check: () => boolean | Promise<boolean>, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('background sync', () => {
  it('an edit on one open desktop shows on the other, both ways, without anyone asking', async () => {
    const team = await startTeam(pg);
    const states: SyncState[] = [];
    try {
      const { a, b, bId } = await twoDesktops(team);
      const loopA = startBackgroundSync(a.lib, (s) => states.push(s));
      const loopB = startBackgroundSync(b.lib, () => {});
      try {
        await until('both loops synced', () => loopA.state().state === 'synced' && loopB.state().state === 'synced');
        await a.handlers.api.tagClips({ ids: [a.id], tags: ['Breaking'] });
        await until('the tag reaches the other desktop', async () => (await seen(b, bId)).tags.includes('Breaking'));
        await b.handlers.api.updateClip({ id: bId, patch: { starred: true } });
        await until('the star comes back', async () => (await seen(a, a.id)).starred);
        expect(states.some((s) => s.state === 'synced')).toBe(true);
      } finally {
        await loopA.stop();
        await loopB.stop();
      }
    } finally {
      await team.close();
    }
  });

  it('says offline, naming the hub, while the hub is down, and synced again once it is back', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      await syncOnce(a.lib);
      const loop = startBackgroundSync(a.lib, () => {});
      try {
        await until('synced', () => loop.state().state === 'synced');
        const port = team.hubs[0].port;
        await team.hubs[0].close();
        await a.handlers.api.tagClips({ ids: [a.id], tags: ['Queued'] });
        await until('offline', () => loop.state().state === 'offline');
        const offline = loop.state() as Extract<SyncState, { state: 'offline' }>;
        expect(offline.reason).toContain(`127.0.0.1:${port}`);
        const { startHub } = await import('../../../electron/hub/hub-server.ts');
        team.hubs[0] = await startHub({ databaseUrl: team.databaseUrl, port });
        loop.syncNow();
        await until('synced after the outage', () => loop.state().state === 'synced' && a.lib.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() === 0);
      } finally {
        await loop.stop();
      }
    } finally {
      await team.close();
    }
  });

  it('needs attention, with the hub’s reason, when the member’s token is refused', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      a.lib.db.prepare(`UPDATE sync_link SET token = 'cut_revoked'`).run();
      const loop = startBackgroundSync(a.lib, () => {});
      try {
        await until('attention', () => loop.state().state === 'attention');
        expect((loop.state() as { reason: string }).reason.length).toBeGreaterThan(0);
      } finally {
        await loop.stop();
      }
    } finally {
      await team.close();
    }
  });
});
