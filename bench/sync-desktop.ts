// The desktop side of bench:sync: a team library of N clips (a share with their original files)
// pushed to a hub on a real PostgreSQL, then the first sync of an empty desktop library from it,
// and how long an edit on one desktop takes to show on another while both run their background
// sync. Each beside the naive way, in the same run: one HTTP request per clip.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addMember } from '../electron/hub/hub-admin.ts';
import { insertClip } from '../electron/library/clips.ts';
import { openLibrary, type Library } from '../electron/library/open-library.ts';
import { storeOriginal } from '../electron/library/originals.ts';
import { tagClips } from '../electron/library/tags.ts';
import { writeTransaction } from '../electron/library/write-transaction.ts';
import { onClipsAdded } from '../electron/search/index-hooks.ts';
import { startBackgroundSync } from '../electron/sync/background-sync.ts';
import { insertClipFromRecord, asRecord } from '../electron/sync/clip-record.ts';
import { HUB_PATHS, type StoredChange } from '../electron/sync/protocol.ts';
import { syncOnce } from '../electron/sync/sync-once.ts';
import { connectHub } from '../electron/sync/team-link.ts';
import { startPostgres, type TestPostgres } from '../tests/helpers/postgres.ts';
import { rng } from './deterministic-random.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

export interface DesktopBenchOptions {
  clips: number;
  /** Share of clips that carry an original file (a saved page of ~40 KB). */
  originalsShare: number;
  /** Clips fetched the naive way (the rest is extrapolated, and said so). */
  naiveSample: number;
  /** Edits timed from one desktop to the other. */
  edits: number;
}

const WORDS = (
  'the of and to in a is that for on was with he it as at by from his an were are which this be has had not government minister ' +
  'president election council report police court market prices workers city country people year week said says told official ' +
  'spokesman parliament vote budget energy climate health school hospital bank company shares trade talks border army ministry ' +
  'agency statement protest strike union oil gas pipeline sanctions caracas moscow kremlin venezuela russia visit summit deal'
).split(' ');

function buildTeamLibrary(dir: string, n: number, originalsShare: number): { originals: number; bytes: number } {
  const random = rng(171717);
  const word = () => WORDS[Math.floor(Math.pow(random(), 1.6) * WORDS.length)]!;
  const sentence = (k: number) => {
    const ws = Array.from({ length: k }, word);
    ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1);
    return `${ws.join(' ')}.`;
  };
  const lib = openLibrary(dir);
  let originals = 0;
  let bytes = 0;
  const BATCH = 2000;
  for (let done = 0; done < n; done += BATCH) {
    writeTransaction(lib.db, () => {
      const ids: number[] = [];
      const tagged: number[] = [];
      for (let i = done; i < Math.min(n, done + BATCH); i++) {
        // About 550 words: a news article's length, as text and as the stored HTML.
        const paragraphs = Array.from({ length: 8 }, () => Array.from({ length: 5 }, () => sentence(10 + Math.floor(random() * 8))).join(' '));
        const bodyText = paragraphs.join('\n\n');
        const bodyHtml = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
        const title = sentence(8).slice(0, -1);
        let original: { originalPath: string; originalSize: number; originalFormat: string; originalName: string } | null = null;
        if (random() < originalsShare) {
          const page = Buffer.from(`<!doctype html><html><head><title>${title}</title><style>${'x'.repeat(24_000)}</style></head><body><article>${bodyHtml}</article></body></html>`);
          const stored = storeOriginal(dir, page, 'html');
          original = { originalPath: stored.relativePath, originalSize: page.byteLength, originalFormat: 'html', originalName: `clip-${i}.html` };
          originals++;
          bytes += page.byteLength;
        }
        const id = insertClip(lib.db, {
          title,
          bodyText,
          bodyHtml,
          source: `The ${['Daily', 'Evening', 'Morning'][i % 3]} ${['Post', 'Herald', 'Courier', 'Gazette'][i % 4]}`,
          author: random() < 0.8 ? `${word()} ${word()}` : null,
          publishedAt: new Date(Date.UTC(2015, 0, 1) + random() * 86_400_000 * 3650).toISOString().slice(0, 10),
          contentHash: crypto.createHash('sha256').update(`team:${i}`).digest('hex'),
          starred: random() < 0.03,
          ...original,
        });
        ids.push(id);
        if (random() < 0.3) tagged.push(id);
      }
      tagClips(lib.db, tagged, ['follow-up']);
      onClipsAdded(lib.db, ids);
    });
    process.stdout.write(`\r  building the team library: ${Math.min(n, done + BATCH).toLocaleString('en')} clips`);
  }
  process.stdout.write('\n');
  lib.close();
  return { originals, bytes };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** The naive first sync: a request per clip for its fields, and a write per clip. */
async function naiveFirstSync(hubUrl: string, token: string, keys: string[], dir: string): Promise<number> {
  const lib = openLibrary(dir);
  const t0 = performance.now();
  for (const key of keys) {
    const res = await fetch(new URL(`${HUB_PATHS.object}?kind=clip&key=${encodeURIComponent(key)}`, hubUrl), { headers: { authorization: `Bearer ${token}` } });
    const fields = (await res.json()) as StoredChange[];
    const record = asRecord(fields.find((f) => f.field === 'record')?.value ?? null);
    if (record) writeTransaction(lib.db, () => insertClipFromRecord(lib.db, dir, record));
  }
  const ms = performance.now() - t0;
  lib.close();
  return ms;
}

async function timedEdits(a: Library, b: Library, edits: number): Promise<number[]> {
  const states: string[] = [];
  const loopA = startBackgroundSync(a, (s) => states.push(`a ${s.state}`));
  const loopB = startBackgroundSync(b, (s) => states.push(`b ${s.state}`));
  const idsA = (a.db.prepare('SELECT id, content_hash AS hash FROM clips ORDER BY id LIMIT ?').all(edits) as { id: number; hash: string }[]);
  const lags: number[] = [];
  try {
    // Both loops settle first (the first pull of each).
    await new Promise((r) => setTimeout(r, 3000));
    for (const [i, clip] of idsA.entries()) {
      const title = `Edited on desktop A, round ${i} ${crypto.randomBytes(3).toString('hex')}`;
      const t0 = performance.now();
      writeTransaction(a.db, () => a.db.prepare('UPDATE clips SET starred = 1 - starred, note = ? WHERE id = ?').run(title, clip.id));
      const seen = b.db.prepare('SELECT 1 FROM clips WHERE content_hash = ? AND note = ?');
      while (!seen.get(clip.hash, title)) {
        if (performance.now() - t0 > 30_000) throw new Error(`an edit did not reach the other desktop in 30 s (${states.slice(-6).join(', ')})`);
        await new Promise((r) => setTimeout(r, 5));
      }
      lags.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    await loopA.stop();
    await loopB.stop();
  }
  return lags.sort((x, y) => x - y);
}

async function hubProcess(databaseUrl: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(PROJECT, 'bin/cuttings.mjs'), 'hub', '--database', databaseUrl, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Cuttings hub at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function runDesktopBench(opts: DesktopBenchOptions, pg?: TestPostgres): Promise<void> {
  const ownPg = !pg;
  pg ??= await startPostgres();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-bench-sync-'));
  const databaseUrl = pg.createDatabase(`bench_desktop_${Date.now() % 1_000_000}`);
  // The hub in a process of its own, as a newsroom runs it: the desktop's writes and the hub's
  // answers do not take turns on one thread.
  const hub = await hubProcess(databaseUrl);
  try {
    console.log(`\nFirst sync of a ${opts.clips.toLocaleString('en')}-clip team library (${Math.round(opts.originalsShare * 100)} % with their originals)`);
    const sourceDir = path.join(work, 'source');
    let t0 = performance.now();
    const built = buildTeamLibrary(sourceDir, opts.clips, opts.originalsShare);
    console.log(`  built in ${seconds(performance.now() - t0)}: ${built.originals.toLocaleString('en')} originals, ${(built.bytes / 1e6).toFixed(0)} MB`);

    const tokenA = await addMember(databaseUrl, 'Desk A', 'editor');
    const tokenB = await addMember(databaseUrl, 'Desk B', 'editor');
    const source = openLibrary(sourceDir);
    t0 = performance.now();
    await connectHub(source, { hubUrl: hub.url, token: tokenA });
    const shared = await syncOnce(source);
    const pushMs = performance.now() - t0;
    console.log(`  sharing it (first push): ${seconds(pushMs)} — ${shared.pushed.toLocaleString('en')} changes, ${shared.originalsUp.toLocaleString('en')} originals`);

    const emptyDir = path.join(work, 'desktop-b');
    const desk = openLibrary(emptyDir);
    t0 = performance.now();
    await connectHub(desk, { hubUrl: hub.url, token: tokenB });
    const first = await syncOnce(desk);
    const firstMs = performance.now() - t0;
    const count = (desk.db.prepare('SELECT count(*) AS n FROM clips WHERE deleted_at IS NULL').get() as { n: number }).n;
    console.log(
      `  first sync into an empty library: ${seconds(firstMs)} — ${count.toLocaleString('en')} clips, ${first.pulled.toLocaleString('en')} changes, ${first.originalsDown.toLocaleString('en')} originals (goal: under 5 min at 100,000)`,
    );

    const keys = (source.db.prepare('SELECT key FROM sync_clip_keys ORDER BY clip_id LIMIT ?').all(opts.naiveSample) as { key: string }[]).map((r) => r.key);
    const naiveMs = await naiveFirstSync(hub.url, tokenB, keys, path.join(work, 'naive'));
    const naiveAll = (naiveMs / keys.length) * opts.clips;
    console.log(
      `  naive (one request per clip, ${keys.length.toLocaleString('en')} measured, scaled to ${opts.clips.toLocaleString('en')}, originals not included): ${seconds(naiveAll)} → Cuttings is ${(naiveAll / firstMs).toFixed(1)}× faster`,
    );

    console.log(`\nAn edit on one desktop shown on another (${opts.edits} edits, both online, background sync)`);
    const lags = await timedEdits(source, desk, opts.edits);
    console.log(`  p50 ${quantile(lags, 0.5).toFixed(0)} ms, p95 ${quantile(lags, 0.95).toFixed(0)} ms, max ${lags.at(-1)!.toFixed(0)} ms (goal: p95 under 2 s)`);
    const perRequest = naiveMs / keys.length;
    console.log(
      `  naive (polling each clip with a request of its own): one round over ${opts.clips.toLocaleString('en')} clips takes ${seconds(perRequest * opts.clips)}, so an edit waits half of that on average → ${((perRequest * opts.clips) / 2 / quantile(lags, 0.5)).toFixed(0)}× slower`,
    );
    source.close();
    desk.close();
  } finally {
    hub.stop();
    if (ownPg) pg.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
