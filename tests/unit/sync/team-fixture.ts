// A team for the sync tests: a real throwaway PostgreSQL, two real hubs on one database of it,
// members, and desktop libraries (real SQLite folders) with the Api handlers over them.
import { addMember } from '../../../electron/hub/hub-admin.ts';
import { startHub, type RunningHub } from '../../../electron/hub/hub-server.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { clipIdOfKey } from '../../../electron/sync/clip-keys.ts';
import type { MemberRole } from '../../../electron/sync/protocol.ts';
import { syncOnce } from '../../../electron/sync/sync-once.ts';
import { connectHub } from '../../../electron/sync/team-link.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { SEED, tempLibrary } from '../../helpers/temp-library.ts';

export interface Desktop {
  lib: ReturnType<typeof tempLibrary>;
  handlers: Handlers;
}

export interface Team {
  pg: TestPostgres;
  databaseUrl: string;
  hubs: RunningHub[];
  token(name: string, role?: MemberRole): Promise<string>;
  desktop(): Desktop;
  /** A desktop holding the seed article, imported by the real pipeline; answers its clip id. */
  seeded(): Promise<Desktop & { id: number }>;
  close(): Promise<void>;
}

let databases = 0;

export async function startTeam(pg?: TestPostgres): Promise<Team> {
  const cluster = pg ?? (await startPostgres());
  const databaseUrl = cluster.createDatabase(`team_${process.pid}_${++databases}`);
  const hubs = [await startHub({ databaseUrl }), await startHub({ databaseUrl })];
  const desktops: Desktop[] = [];
  const desktop = (): Desktop => {
    const lib = tempLibrary();
    const d = { lib, handlers: createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' }) };
    desktops.push(d);
    return d;
  };
  return {
    pg: cluster,
    databaseUrl,
    hubs,
    token: (name, role = 'editor') => addMember(databaseUrl, name, role),
    desktop,
    async seeded() {
      const d = desktop();
      const summary = await d.handlers.waitForImport((await d.handlers.api.importPaths({ paths: [SEED] })).jobId);
      return { ...d, id: summary.outcomes[0].clipId! };
    },
    async close() {
      for (const d of desktops) {
        await d.handlers.dispose();
        d.lib.cleanup();
      }
      for (const h of hubs) await h.close().catch(() => undefined);
      if (!pg) cluster.remove();
    },
  };
}

/** A clip's title, tags and note as a person sees them in the library. */
export async function seen(d: Desktop, id: number) {
  const c = await d.handlers.api.getClip({ id });
  return { title: c.title, author: c.author, note: c.note, starred: c.starred, tags: c.tags.map((t) => t.name).sort() };
}

/** Lets the wall clock move on, so the next edit's clock is later than the last one's. */
export const tick = () => new Promise((r) => setTimeout(r, 3));

/** Alice shares the seed through the first hub; Bob joins through the second and receives it. */
export async function twoDesktops(team: Team) {
  const a = await team.seeded();
  await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
  await syncOnce(a.lib);
  const b = team.desktop();
  await connectHub(b.lib, { hubUrl: team.hubs[1].url, token: await team.token('bob') });
  await syncOnce(b.lib);
  const key = a.lib.db.prepare('SELECT key FROM sync_clip_keys WHERE clip_id = ?').pluck().get(a.id) as string;
  return { a, b, bId: clipIdOfKey(b.lib.db, key)!, key };
}
