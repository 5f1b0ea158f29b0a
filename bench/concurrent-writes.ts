// bench:writes — how long a write from another process (the window, browser mode, the CLI) waits
// while a 1,000-file import runs into the same library, ours (every write transaction takes the
// write lock up front: BEGIN IMMEDIATE, electron/library/write-transaction.ts) against the naive
// way (deferred transactions, better-sqlite3's default) in the same run.
//
// Each variant: a fresh library with 30 clips; a writer process tags, stars and annotates them
// in turn (a pause of 20 ms between writes), first alone, then while an importer process imports
// 1,000 real saved pages. The importer is the real import in both variants; only the writer's
// transactions differ. A write's wait is its whole time, lock wait included.
//
//   npm run bench:writes                 (BENCH_WRITES_FILES=N for another import size)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { writeUniquePages } from '../tests/helpers/unique-pages.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const FILES = Number(process.env.BENCH_WRITES_FILES ?? 1000);
const SEED_CLIPS = 30;
const IDLE_WRITES = 150;
const PAUSE_MS = 20;

interface WriterResult {
  idle: number[];
  during: number[];
  failed: number;
  errors: string[];
}

interface ImporterResult {
  seconds: number;
  added: number;
  duplicates: number;
  failed: number;
  storeFailures: string[];
  holds: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function seed(libDir: string, folder: string) {
  const { openLibrary } = await import('../electron/library/open-library.ts');
  const { ImportJob } = await import('../electron/import/import-job.ts');
  const lib = openLibrary(libDir);
  await new ImportJob(lib).runPaths([folder]);
  lib.close();
}

/** How long each write transaction holds the lock: BEGIN IMMEDIATE to COMMIT or ROLLBACK, timed
 * on better-sqlite3's statements (the transaction statements are statements too). */
function timeLockHolds(db: import('better-sqlite3').Database): number[] {
  const holds: number[] = [];
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as { run: (...a: unknown[]) => unknown; source: string };
  const run = proto.run;
  let since = 0;
  proto.run = function (this: { source: string }, ...args: unknown[]) {
    const r = run.apply(this, args);
    if (this.source === 'BEGIN IMMEDIATE') since = performance.now();
    else if ((this.source === 'COMMIT' || this.source === 'ROLLBACK') && since) {
      holds.push(performance.now() - since);
      since = 0;
    }
    return r;
  };
  return holds;
}

async function runImporter(libDir: string, folder: string): Promise<ImporterResult> {
  const { openLibrary } = await import('../electron/library/open-library.ts');
  const { ImportJob } = await import('../electron/import/import-job.ts');
  const lib = openLibrary(libDir);
  const holds = timeLockHolds(lib.db);
  const t0 = performance.now();
  const s = await new ImportJob(lib).runPaths([folder]);
  const seconds = (performance.now() - t0) / 1000;
  lib.close();
  const storeFailures = s.outcomes.filter((o) => o.status === 'failed' && /could not be saved|locked|busy/i.test(o.reason ?? '')).map((o) => o.reason!);
  return { seconds, added: s.added, duplicates: s.duplicates, failed: s.failed, storeFailures, holds };
}

async function runWriter(libDir: string, variant: 'ours' | 'naive', stopFile: string): Promise<WriterResult> {
  const { openLibrary } = await import('../electron/library/open-library.ts');
  const { createHandlers } = await import('../electron/handlers/handler-table.ts');
  const { EventBus } = await import('../electron/handlers/event-bus.ts');
  const { tagClips } = await import('../electron/library/tags.ts');
  const { updateClip } = await import('../electron/library/clips.ts');
  const lib = openLibrary(libDir);
  const db = lib.db;
  // The naive way as it was, with the busy timeout it had.
  if (variant === 'naive') db.pragma('busy_timeout = 5000');
  const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: root });
  const ids = db.prepare('SELECT id FROM clips ORDER BY id').pluck().all() as number[];
  // The same three writes, as the handler table makes them now (ours) and as it made them before
  // (naive: db.transaction(fn)() is a deferred transaction, and updateClip ran without one).
  const write = async (i: number) => {
    const id = ids[i % ids.length];
    const op = i % 3;
    if (variant === 'ours') {
      if (op === 0) await handlers.api.tagClips({ ids: [id], tags: [`t${i % 7}`] });
      else if (op === 1) await handlers.api.updateClip({ id, patch: { starred: i % 2 === 0 } });
      else await handlers.api.updateClip({ id, patch: { note: `note ${i}` } });
    } else {
      if (op === 0) db.transaction(() => tagClips(db, [id], [`t${i % 7}`]))();
      else if (op === 1) updateClip(db, id, { starred: i % 2 === 0 });
      else updateClip(db, id, { note: `note ${i}` });
    }
  };
  const result: WriterResult = { idle: [], during: [], failed: 0, errors: [] };
  let i = 0;
  const one = async (into: number[]) => {
    const t0 = performance.now();
    try {
      await write(i++);
      into.push(performance.now() - t0);
    } catch (e) {
      result.failed++;
      if (result.errors.length < 3) result.errors.push(`${(e as Error).message} after ${(performance.now() - t0).toFixed(1)} ms`);
    }
    await sleep(PAUSE_MS);
  };
  for (let n = 0; n < IDLE_WRITES; n++) await one(result.idle);
  process.stdout.write('idle-done\n');
  while (!fs.existsSync(stopFile)) await one(result.during);
  await handlers.dispose();
  lib.close();
  return result;
}

function child(args: string[]) {
  return spawn(process.execPath, [path.join(root, 'bin', 'run-ts.mjs'), fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function lastJson(text: string) {
  return JSON.parse(text.trim().split('\n').pop()!);
}

async function runVariant(work: string, variant: 'ours' | 'naive', folder: string, seedFolder: string) {
  const libDir = path.join(work, `lib-${variant}`);
  const stopFile = path.join(work, `stop-${variant}`);
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'run-ts.mjs'), fileURLToPath(import.meta.url), '--seed', libDir, seedFolder], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('seeding failed');
  const writer = child(['--writer', libDir, variant, stopFile]);
  let writerOut = '';
  const idleDone = new Promise<void>((resolve) =>
    writer.stdout.on('data', (d: Buffer) => {
      writerOut += d.toString();
      if (writerOut.includes('idle-done')) resolve();
    }),
  );
  const writerExit = new Promise<void>((resolve) => writer.on('exit', () => resolve()));
  await idleDone;
  const importer = child(['--importer', libDir, folder]);
  let importerOut = '';
  importer.stdout.on('data', (d: Buffer) => (importerOut += d.toString()));
  await new Promise<void>((resolve) => importer.on('exit', () => resolve()));
  fs.writeFileSync(stopFile, '');
  await writerExit;
  return { writer: lastJson(writerOut) as WriterResult, importer: lastJson(importerOut) as ImporterResult };
}

const mode = process.argv[2];
if (mode === '--seed') {
  await seed(process.argv[3], process.argv[4]);
  process.exit(0);
} else if (mode === '--importer') {
  process.stdout.write(JSON.stringify(await runImporter(process.argv[3], process.argv[4])) + '\n');
  process.exit(0);
} else if (mode === '--writer') {
  process.stdout.write(JSON.stringify(await runWriter(process.argv[3], process.argv[4] as 'ours' | 'naive', process.argv[5])) + '\n');
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-bench-writes-'));
try {
  const folder = path.join(work, 'pages');
  const seedFolder = path.join(work, 'seed');
  writeUniquePages(folder, FILES, 'w');
  writeUniquePages(seedFolder, SEED_CLIPS, 's', 5000);
  console.log(`bench:writes — tag/star/note writes in one process while another imports ${FILES} real saved pages; ${os.cpus().length} cores, Node ${process.version}\n`);
  const results = { ours: await runVariant(work, 'ours', folder, seedFolder), naive: await runVariant(work, 'naive', folder, seedFolder) };
  const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1)).padStart(8);
  console.log(`${'variant'.padEnd(34)} ${'writes'.padStart(7)} ${'failed'.padStart(7)} ${'idle p95'.padStart(9)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}   import files/s  import store failures`);
  for (const [label, key] of [['ours (BEGIN IMMEDIATE, waits)', 'ours'], ['naive (deferred transactions)', 'naive']] as const) {
    const { writer, importer } = results[key];
    const idle = [...writer.idle].sort((a, b) => a - b);
    const during = [...writer.during].sort((a, b) => a - b);
    const total = writer.idle.length + writer.during.length + writer.failed;
    console.log(
      `${label.padEnd(34)} ${String(total).padStart(7)} ${String(writer.failed).padStart(7)} ${ms(quantile(idle, 0.95)).padStart(9)} ${ms(quantile(during, 0.5))} ${ms(quantile(during, 0.95))} ${ms(during[during.length - 1] ?? NaN)}   ${(FILES / importer.seconds).toFixed(1).padStart(14)}  ${String(importer.storeFailures.length).padStart(21)}`,
    );
    for (const e of writer.errors) console.log(`    e.g. ${e}`);
  }
  const ours = [...results.ours.writer.during].sort((a, b) => a - b);
  const naive = [...results.naive.writer.during].sort((a, b) => a - b);
  const idleOurs = [...results.ours.writer.idle].sort((a, b) => a - b);
  const holds = [...results.ours.importer.holds].sort((a, b) => a - b);
  console.log(`\nthe import held the write lock ${holds.length} times: p50 ${quantile(holds, 0.5).toFixed(0)} ms, p95 ${quantile(holds, 0.95).toFixed(0)} ms, longest ${holds[holds.length - 1]?.toFixed(0)} ms`);
  console.log(`times in ms, during the import unless marked idle; a failed write is not timed`);
  console.log(`extra wait of a write during an import (p95 during − p95 idle), ours: ${(quantile(ours, 0.95) - quantile(idleOurs, 0.95)).toFixed(0)} ms   (target: well under 1,000 ms, no failures)`);
  console.log(`p95 ours / naive: ${(quantile(ours, 0.95) / quantile(naive, 0.95)).toFixed(1)}×, the naive way being quicker only because ${results.naive.writer.failed} of its writes failed at once instead of waiting`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
