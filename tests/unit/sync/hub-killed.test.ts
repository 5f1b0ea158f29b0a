// The hub process killed (SIGKILL, no goodbye) in the middle of a sync, once while a desktop
// pushes its library and once while another pulls it. The hub is a real `cuttings hub`
// process on a real PostgreSQL; after it is started again, the next sync completes and both
// sides hold every clip exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../../electron/hub/hub-admin.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { onClipsAdded } from '../../../electron/search/index-hooks.ts';
import { SyncOfflineError } from '../../../electron/sync/sync-errors.ts';
import { syncOnce } from '../../../electron/sync/sync-once.ts';
import { connectHub } from '../../../electron/sync/team-link.ts';
import { freePort, startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { PROJECT_ROOT, tempLibrary } from '../../helpers/temp-library.ts';

const CLIPS = 4000;

let pg: TestPostgres;
let databaseUrl = '';
let port = 0;
let hub: ChildProcess | null = null;

async function startHubProcess(): Promise<void> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/cuttings.mjs'), 'hub', '--database', databaseUrl, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`Cuttings hub at http://127.0.0.1:${port}/`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}): ${err}`)));
  });
  hub = child;
}

function killHub(): void {
  hub?.kill('SIGKILL');
  hub = null;
}

beforeAll(async () => {
  pg = await startPostgres();
  databaseUrl = pg.createDatabase('hub_killed');
  port = await freePort();
  await startHubProcess();
});
afterAll(() => {
  killHub();
  pg?.remove();
});

const liveClips = (db: import('better-sqlite3').Database) =>
  db.prepare('SELECT count(*) AS n, count(DISTINCT content_hash) AS distinct_hashes FROM clips WHERE deleted_at IS NULL').get() as { n: number; distinct_hashes: number };

describe('the hub killed in the middle of a sync', () => {
  it('while a desktop pushes, and while another pulls: the next sync completes, every clip once', async () => {
    const hubUrl = `http://127.0.0.1:${port}/`;
    const a = tempLibrary();
    const b = tempLibrary();
    try {
      writeTransaction(a.db, () => {
        const ids: number[] = [];
        for (let i = 0; i < CLIPS; i++) {
          ids.push(insertClip(a.db, { title: `Harbour story ${i}`, bodyText: `Harbour council report number ${i}, about the ferry and the new quay.`, bodyHtml: '', contentHash: `harbour-${i}` }));
        }
        onClipsAdded(a.db, ids);
      });
      await connectHub(a, { hubUrl, token: await addMember(databaseUrl, 'Ana', 'editor') });
      let killed = false;
      const pushing = await syncOnce(a, {
        onProgress: (p) => {
          // A few batches are on the hub, the rest still to go.
          if (!killed && p.phase === 'push' && p.done >= 1000) {
            killed = true;
            killHub();
          }
        },
      }).catch((e: unknown) => e);
      expect(killed).toBe(true);
      expect(pushing).toBeInstanceOf(SyncOfflineError);

      await startHubProcess();
      const pushed = await syncOnce(a);
      expect(pushed.agreed).toBe(true);

      await connectHub(b, { hubUrl, token: await addMember(databaseUrl, 'Ben', 'editor') });
      killed = false;
      const pulling = await syncOnce(b, {
        onProgress: (p) => {
          if (!killed && p.phase === 'pull' && p.done >= 1000 && p.done < CLIPS) {
            killed = true;
            killHub();
          }
        },
      }).catch((e: unknown) => e);
      expect(killed).toBe(true);
      expect(pulling).toBeInstanceOf(SyncOfflineError);
      // What was pulled before the kill is whole: some clips, none twice.
      const partial = liveClips(b.db);
      expect(partial.n).toBe(partial.distinct_hashes);
      expect(partial.n).toBeLessThan(CLIPS);

      await startHubProcess();
      const pulled = await syncOnce(b);
      expect(pulled.agreed).toBe(true);
      expect(liveClips(b.db)).toEqual({ n: CLIPS, distinct_hashes: CLIPS });
      expect(liveClips(a.db)).toEqual({ n: CLIPS, distinct_hashes: CLIPS });
      // The second desktop's search index holds the last story too.
      const found = b.db.prepare("SELECT count(*) FROM clips_fts WHERE clips_fts MATCH 'title:\"Harbour story 3999\"'").pluck().get();
      expect(found).toBe(1);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
