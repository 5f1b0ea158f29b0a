// `cuttings sync` and `cuttings history` as real processes: connecting, a one-line summary,
// exit 0 only when both sides agree, an unreachable hub named, a sync killed halfway resumed,
// and edits made by another process of the same library sent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertClip } from '../../../electron/library/clips.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { onClipsAdded } from '../../../electron/search/index-hooks.ts';
import { syncOnce } from '../../../electron/sync/sync-once.ts';
import { connectHub } from '../../../electron/sync/team-link.ts';
import { freePort, startPostgres, type TestPostgres } from '../../helpers/postgres.ts';
import { runCli, stopAll, waitFor } from '../../helpers/cli-process.ts';
import { tempDir } from '../../helpers/temp-library.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { seen, startTeam, twoDesktops } from './team-fixture.ts';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.remove());
afterEach(stopAll);

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const freshDir = () => {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'library');
};

describe('cuttings sync', () => {
  it('connects, syncs, prints one summary line, and exits 0 when both sides agree', async () => {
    const team = await startTeam(pg);
    try {
      const a = await team.seeded();
      await a.handlers.api.tagClips({ ids: [a.id], tags: ['Desk'] });
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      await syncOnce(a.lib);
      const dir = freshDir();
      const token = await team.token('bob');
      const first = runCli(['sync', '--library', dir, '--hub', team.hubs[1].url, '--token', token]);
      expect(await first.exited).toMatchObject({ code: 0 });
      const summary = first.stdout().trim().split('\n');
      expect(summary).toHaveLength(1);
      expect(summary[0]).toMatch(/^Synced with http:\/\/127\.0\.0\.1:\d+: .* received/);
      const status = runCli(['sync', '--library', dir, '--status']);
      expect(await status.exited).toMatchObject({ code: 0 });
      expect(status.stdout()).toContain('as bob (editor)');
      const tagged = runCli(['search', '--library', dir, 'tag:desk', '--json']);
      expect(await tagged.exited).toMatchObject({ code: 0 });
      expect((JSON.parse(tagged.stdout()) as { total: number }).total).toBe(1);
      // An edit from another process of the library goes out with the next sync.
      const id = (JSON.parse(tagged.stdout()) as { hits: { id: number }[] }).hits[0].id;
      expect(await runCli(['tag', '--library', dir, String(id), 'From the terminal']).exited).toMatchObject({ code: 0 });
      const again = runCli(['sync', '--library', dir]);
      expect(await again.exited).toMatchObject({ code: 0 });
      await syncOnce(a.lib);
      expect((await seen(a, a.id)).tags).toEqual(['Desk', 'From the terminal']);
    } finally {
      await team.close();
    }
  });

  it('an unreachable hub: exit 1, naming the hub', async () => {
    const dir = freshDir();
    const url = `http://127.0.0.1:${await freePort()}/`;
    const run = runCli(['sync', '--library', dir, '--hub', url, '--token', 'cut_whatever']);
    expect(await run.exited).toMatchObject({ code: 1 });
    expect(run.stderr()).toContain(url.replace(/\/$/, ''));
  });

  it('a sync killed halfway completes the next time, without duplicates', async () => {
    const team = await startTeam(pg);
    try {
      const a = team.desktop();
      writeTransaction(a.lib.db, () => {
        const ids: number[] = [];
        for (let i = 0; i < 5000; i++) ids.push(insertClip(a.lib.db, { title: `Council minutes ${i}`, bodyText: `minutes ${i} of the harbour council`, bodyHtml: '', contentHash: `m-${i}` }));
        onClipsAdded(a.lib.db, ids);
      });
      await connectHub(a.lib, { hubUrl: team.hubs[0].url, token: await team.token('alice') });
      expect((await syncOnce(a.lib)).agreed).toBe(true);
      const dir = freshDir();
      const token = await team.token('bob');
      const killed = runCli(['sync', '--library', dir, '--hub', team.hubs[1].url, '--token', token]);
      await waitFor(() => /pull: \d+/.test(killed.stderr()), 'the pull to start');
      killed.child.kill('SIGKILL');
      expect(await killed.exited).toMatchObject({ signal: 'SIGKILL' });
      const resumed = runCli(['sync', '--library', dir]);
      expect(await resumed.exited).toMatchObject({ code: 0 });
      const lib = openLibrary(dir);
      try {
        expect(lib.db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(5000);
        expect(lib.db.prepare('SELECT count(DISTINCT content_hash) FROM clips').pluck().get()).toBe(5000);
        expect(lib.db.prepare('SELECT count(*) FROM sync_applying').pluck().get()).toBe(0);
      } finally {
        lib.close();
      }
    } finally {
      await team.close();
    }
  });

  it('history lists a lost value and --restore brings it back', async () => {
    const team = await startTeam(pg);
    try {
      const { a, b, bId } = await twoDesktops(team);
      await a.handlers.api.updateClip({ id: a.id, patch: { note: 'first thoughts' } });
      await syncOnce(a.lib);
      await syncOnce(b.lib);
      await b.handlers.api.updateClip({ id: bId, patch: { note: 'second thoughts' } });
      await syncOnce(b.lib);
      await syncOnce(a.lib);
      await a.handlers.dispose();
      const list = runCli(['history', '--library', a.lib.dir, String(a.id), '--json']);
      expect(await list.exited).toMatchObject({ code: 0 });
      const entries = JSON.parse(list.stdout()) as { id: number; field: string; value: unknown; by: string }[];
      const first = entries.find((e) => e.field === 'note' && e.value === 'first thoughts');
      expect(first).toMatchObject({ by: 'alice' });
      const restore = runCli(['history', '--library', a.lib.dir, String(a.id), '--restore', String(first!.id)]);
      expect(await restore.exited).toMatchObject({ code: 0 });
      expect(await runCli(['sync', '--library', a.lib.dir]).exited).toMatchObject({ code: 0 });
      await syncOnce(b.lib);
      expect((await seen(b, bId)).note).toBe('first thoughts');
    } finally {
      await team.close();
    }
  });
});
