// Several processes writing one library at once, as people do: browser mode open (`cuttings
// serve`) while `cuttings import` runs twice from a terminal. Every write waits its turn for the
// write lock (write-transaction.ts); none may fail, none may be lost or made twice, and no one
// may read "database is locked".
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../electron/api.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { markersDir } from '../../../electron/library/import-markers.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { runCli, stopAll, waitFor, type CliRun } from '../../helpers/cli-process.ts';
import { tempDir } from '../../helpers/temp-library.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';

const IMPORT_FILES = 1000;
const SECOND_IMPORT_FILES = 150;
const SEED_CLIPS = 20;
const WRITES = 500;

const work = tempDir('cuttings-two-writers-');
const libDir = path.join(work, 'library');
afterAll(async () => {
  await stopAll();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The write plan: clip (by its place among the seeded clips) and what is done to it. */
function plannedWrite(i: number): { clip: number; method: 'tagClips' | 'updateClip'; args: (id: number) => unknown } {
  const clip = i % SEED_CLIPS;
  if (i % 3 === 0) return { clip, method: 'tagClips', args: (id) => ({ ids: [id], tags: [`t${i % 5}`] }) };
  if (i % 3 === 1) return { clip, method: 'updateClip', args: (id) => ({ id, patch: { starred: i % 2 === 0 } }) };
  return { clip, method: 'updateClip', args: (id) => ({ id, patch: { note: `note ${i}` } }) };
}

function outcomesOf(run: CliRun): ImportOutcome[] {
  return run.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as ImportOutcome);
}

describe('two processes writing one library', () => {
  it(`${WRITES} tag, star and note writes through browser mode while two imports run: all succeed, counts exact`, async () => {
    // A library with clips to write to, made the ordinary way.
    const seedLib = openLibrary(libDir);
    // (A few more pages than clips written to: a page of the corpus may hold no article.)
    const seeded = await new ImportJob(seedLib).runPaths(writeUniquePages(path.join(work, 'seed'), SEED_CLIPS + 5, 's', 5000));
    expect(seeded.added).toBeGreaterThanOrEqual(SEED_CLIPS);
    const ids = seedLib.db.prepare('SELECT id FROM clips ORDER BY id').pluck().all() as number[];
    const seedCount = ids.length;
    seedLib.close();
    const folderA = path.join(work, 'a');
    const folderC = path.join(work, 'c');
    writeUniquePages(folderA, IMPORT_FILES, 'a');
    writeUniquePages(folderC, SECOND_IMPORT_FILES, 'c', IMPORT_FILES);

    const server = runCli(['serve', '--library', libDir]);
    await waitFor(() => /serving at (\S+)/.test(server.stdout()), 'the server to start', 60_000);
    const url = new URL(/serving at (\S+)/.exec(server.stdout())![1]);
    const token = url.searchParams.get('token')!;

    const importA = runCli(['import', '--json', '--library', libDir, folderA]);
    const importC = runCli(['import', '--json', '--library', libDir, folderC]);
    // The writes begin once an import is storing clips, so they meet its transactions.
    const reader = () => new Database(path.join(libDir, 'library.sqlite'), { readonly: true });
    await waitFor(() => {
      const db = reader();
      try {
        return (db.prepare('SELECT count(*) FROM clips').pluck().get() as number) > seedCount;
      } finally {
        db.close();
      }
    }, 'the first imported clips', 120_000, 100);

    const answers: { status: number; body: string }[] = [];
    for (let i = 0; i < WRITES; i++) {
      const w = plannedWrite(i);
      const res = await fetch(new URL(`/api/${w.method}`, url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(w.args(ids[w.clip])),
      });
      answers.push({ status: res.status, body: await res.text() });
    }
    const importsStillRunning = fs.readdirSync(markersDir(libDir)).length;

    const [a, c] = [await importA.exited, await importC.exited];
    server.child.kill('SIGTERM');
    await server.exited;

    // Every write answered 200, with no word of a lock.
    expect(answers.filter((r) => r.status !== 200)).toEqual([]);
    // (The writes overlapped the imports: they had not both finished when the writes did.)
    expect(importsStillRunning).toBeGreaterThan(0);
    const everything = [server, importA, importC].map((r) => r.stdout() + r.stderr()).join('\n') + answers.map((r) => r.body).join('\n');
    // SQLite's own words: the clips' text in the answers may say "blocked" or "unlocked".
    expect(everything).not.toMatch(/database is locked|SQLITE_BUSY/i);

    // Each import: one outcome per file, no file failed for the library's sake (a page with
    // no article text fails on its own merits, alone or not).
    const outA = outcomesOf(importA);
    const outC = outcomesOf(importC);
    expect(outA).toHaveLength(IMPORT_FILES);
    expect(outC).toHaveLength(SECOND_IMPORT_FILES);
    const storeFailures = [...outA, ...outC].filter((o) => o.status === 'failed' && !/no text to keep|no article text/.test(o.reason ?? ''));
    expect(storeFailures).toEqual([]);
    expect(a.code === 0 || a.code === 1).toBe(true);
    expect(c.code === 0 || c.code === 1).toBe(true);
    const added = (out: ImportOutcome[]) => out.filter((o) => o.status === 'added').length;
    expect(added(outA)).toBeGreaterThan(IMPORT_FILES * 0.95);

    const db = reader();
    try {
      // Exactly the clips the outcomes say were added: none lost, none stored twice.
      expect(db.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(seedCount + added(outA) + added(outC));
      expect(db.prepare('SELECT count(DISTINCT content_hash) FROM clips').pluck().get()).toBe(seedCount + added(outA) + added(outC));
      // Exactly the writes' result, clip by clip.
      for (let k = 0; k < SEED_CLIPS; k++) {
        const expectedTags = new Set<string>();
        let starred = false;
        let note = '';
        for (let i = 0; i < WRITES; i++) {
          const w = plannedWrite(i);
          if (w.clip !== k) continue;
          const args = w.args(0) as { tags?: string[]; patch?: { starred?: boolean; note?: string } };
          args.tags?.forEach((t) => expectedTags.add(t));
          if (args.patch?.starred !== undefined) starred = args.patch.starred;
          if (args.patch?.note !== undefined) note = args.patch.note;
        }
        const row = db.prepare('SELECT starred, note FROM clips WHERE id = ?').get(ids[k]) as { starred: number; note: string };
        const tags = db.prepare('SELECT t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = ? ORDER BY t.name').pluck().all(ids[k]);
        expect({ k, starred: row.starred === 1, note: row.note, tags }).toEqual({ k, starred, note, tags: [...expectedTags].sort() });
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 600_000);
});
