// Libraries Cuttings must not write: read-only ones (file, folder or disk) open read-only and
// refuse every change with one sentence; a newer one and a damaged one are refused before a
// byte is written, and left exactly as they were.
//
// Read-only is tested for real, in processes of their own: as root (who may write anything)
// the library is read by the unprivileged user "nobody"; as anyone else it is made read-only
// with chmod. A read-only disk is a read-only bind mount in a mount namespace of its own
// (unshare), where this machine allows one.
import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../../electron/handlers/handler-table.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { DamagedLibraryError, NewerLibraryError, ReadOnlyLibraryError } from '../../../electron/library/library-errors.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { tagClips } from '../../../electron/library/tags.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { runCli, stopAll } from '../../helpers/cli-process.ts';
import type { ProbeResult } from '../../helpers/read-only-probe.ts';
import { PROJECT_ROOT, SEED, tempDir } from '../../helpers/temp-library.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** How the processes that must not be able to write are started. */
const reader: Pick<SpawnSyncOptions, 'uid' | 'gid'> = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
/** As root, "nobody" must be able to run the project (it cannot where it lives in root's home). */
const readerCanRun =
  !asRoot ||
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'package.json'))})`], reader).status === 0;
function needsReader(ctx: { skip(): void }): void {
  if (readerCanRun) return;
  console.log(`Skipped: the user "nobody" cannot read ${PROJECT_ROOT}, so no process can be started that cannot write the library.`);
  ctx.skip();
}
const READ_ONLY = /^This library is read-only \(its file, folder or disk cannot be written\), so it can be searched and read but not changed\.$/;

const work = tempDir('cuttings-refused-');
// Others may enter (not write): as root, "nobody" reads the libraries in here.
fs.chmodSync(work, 0o755);
afterAll(async () => {
  await stopAll();
  spawnSync('chmod', ['-R', 'u+w', work]);
  fs.rmSync(work, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Every file of a folder with its size and hash: what "unchanged" means. */
function snapshot(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile())
    .map((f) => `${path.relative(dir, f)} ${sha(f)}`)
    .sort();
}

/** A library of 7 clips, one tagged, closed cleanly (no -wal, no -shm). */
async function makeLibrary(dir: string): Promise<void> {
  const lib = openLibrary(dir);
  const summary = await new ImportJob(lib).runPaths([SEED, ...writeUniquePages(path.join(work, `pages-${path.basename(dir)}`), 6, path.basename(dir))]);
  expect(summary.added).toBe(7);
  writeTransaction(lib.db, () => tagClips(lib.db, [1], ['venezuela']));
  lib.close();
}

/** The folder (and all in it) can no longer be written by `reader`. */
function makeReadOnly(dir: string): void {
  if (asRoot) spawnSync('chmod', ['-R', 'go+rX,go-w', dir]); // root's files: others read only
  else spawnSync('chmod', ['-R', 'a-w', dir]);
}

function probe(dir: string, extra: SpawnSyncOptions = {}, command?: string[]): ProbeResult {
  const args = [path.join(PROJECT_ROOT, 'bin', 'run-ts.mjs'), path.join(PROJECT_ROOT, 'tests', 'helpers', 'read-only-probe.ts'), dir, 'maduro'];
  const [file, argv] = command ? [command[0], [...command.slice(1), process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(file, argv, { cwd: PROJECT_ROOT, encoding: 'utf8', ...reader, ...extra });
  const line = (r.stdout as string).trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`the probe printed no result (status ${r.status}): ${r.stderr}`);
  return JSON.parse(line) as ProbeResult;
}

function expectReadOnlyButReadable(r: ProbeResult): void {
  expect(r.error).toBeUndefined();
  expect(r).toMatchObject({ opened: true, readOnly: true, listed: 7, found: 1, years: expect.any(Number), exported: 7 });
  expect(r.shown).toBeTruthy();
  // Every write refused, each with the one sentence (HTTP 409 in browser mode).
  for (const w of r.writes!) expect(w, w.method).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(READ_ONLY) });
}

describe('a read-only library', () => {
  it('on a read-only folder, closed cleanly: the CLI lists, searches, shows, exports and draws the timeline; every write is refused', async (ctx) => {
    needsReader(ctx);
    const dir = path.join(work, 'closed');
    await makeLibrary(dir);
    makeReadOnly(dir);
    const before = snapshot(dir);
    const cli = async (...args: string[]) => {
      const run = runCli([...args, '--library', dir], reader);
      const { code } = await run.exited;
      return { code, out: run.stdout(), err: run.stderr() };
    };
    const list = await cli('list', '--json');
    expect(list.err).toBe('');
    expect(JSON.parse(list.out).total).toBe(7);
    const search = await cli('search', 'madurro', '--json');
    expect(JSON.parse(search.out).total).toBe(1);
    const show = await cli('show', '1', '--json');
    expect(JSON.parse(show.out).tags.map((t: { name: string }) => t.name)).toEqual(['venezuela']);
    const timeline = await cli('timeline', '--json');
    expect(timeline.code).toBe(0);
    const exported = await cli('export');
    expect(JSON.parse(exported.out).clips).toHaveLength(7);
    for (const write of [['tag', '1', 'more'], ['import', SEED], ['api', 'updateClip', '{"id": 1, "patch": {"starred": true}}']]) {
      const r = await cli(...write);
      expect(r.code, write.join(' ')).toBe(1);
      expect(r.err.trim(), write.join(' ')).toMatch(/^cuttings: This library is read-only \(its file, folder or disk cannot be written\), so it can be searched and read but not changed\.$/);
    }
    // Nothing was written: not the file, not beside it (no -wal or -shm), not in originals/.
    expect(snapshot(dir)).toEqual(before);
  }, 180_000);

  it('copied while in use (its -wal and -shm beside it) onto a read-only folder: its last changes are read too', async (ctx) => {
    needsReader(ctx);
    const live = path.join(work, 'live');
    await makeLibrary(live);
    const lib = openLibrary(live);
    // Changes that stay in the WAL: the copy is taken with them not yet in the file.
    lib.db.pragma('wal_autocheckpoint = 0');
    writeTransaction(lib.db, () => tagClips(lib.db, [2], ['in-the-wal']));
    const dir = path.join(work, 'copied-live');
    fs.cpSync(live, dir, { recursive: true });
    lib.close();
    expect(fs.existsSync(path.join(dir, 'library.sqlite-shm'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'library.sqlite-wal')).size).toBeGreaterThan(32);
    makeReadOnly(dir);
    const before = snapshot(dir);
    const r = probe(dir);
    expectReadOnlyButReadable(r);
    expect(r.tags).toEqual(['in-the-wal', 'venezuela']);
    expect(snapshot(dir)).toEqual(before);
    // Without its -shm a WAL that holds changes cannot be read there: refused, saying what to do.
    const noShm = path.join(work, 'copied-live-no-shm');
    fs.cpSync(dir, noShm, { recursive: true });
    fs.rmSync(path.join(noShm, 'library.sqlite-shm'));
    makeReadOnly(noShm);
    const refused = probe(noShm);
    expect(refused.opened).toBe(false);
    expect(refused.error).toMatch(/was not closed properly and its folder cannot be written.*Copy the folder somewhere you can write to/);
  }, 180_000);

  it('a read-only file in a folder that can be written: read-only, and the file untouched', async (ctx) => {
    needsReader(ctx);
    const dir = path.join(work, 'file-only');
    await makeLibrary(dir);
    if (asRoot) {
      // The folder is nobody's, the file (and originals) root's.
      fs.chownSync(dir, NOBODY, NOBODY);
      spawnSync('chmod', ['-R', 'go+rX,go-w', path.join(dir, 'library.sqlite'), path.join(dir, 'originals')]);
    } else fs.chmodSync(path.join(dir, 'library.sqlite'), 0o444);
    const before = sha(path.join(dir, 'library.sqlite'));
    expectReadOnlyButReadable(probe(dir));
    expect(sha(path.join(dir, 'library.sqlite'))).toBe(before);
  }, 180_000);

  it('on a read-only disk (a read-only mount)', async (ctx) => {
    // A mount namespace of the test's own: as root, or mapped to root in a user namespace.
    const unshare = [['unshare', '--mount'], ['unshare', '--user', '--map-root-user', '--mount']].find((u) => spawnSync(u[0], [...u.slice(1), 'true']).status === 0);
    if (!unshare) {
      console.log('Skipped: this machine allows no mount namespace (unshare), so no read-only mount can be made.');
      ctx.skip();
      return;
    }
    const dir = path.join(work, 'on-read-only-disk');
    await makeLibrary(dir);
    const before = snapshot(dir);
    const mountReadOnly = `mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"`;
    // The probe runs as root here (so only the mount stops it writing): the sh -c script takes
    // the folder as $0 and the probe's command line as the rest.
    const r = probe(dir, { uid: undefined, gid: undefined }, [...unshare, 'sh', '-c', mountReadOnly, dir]);
    expectReadOnlyButReadable(r);
    expect(snapshot(dir)).toEqual(before);
  }, 180_000);

  it('refuses every write through the Api with that sentence, in-process too (code "conflict")', async () => {
    const dir = path.join(work, 'forced');
    await makeLibrary(dir);
    const lib = openLibrary(dir, { readonly: true });
    try {
      expect(lib.readOnly).toBe(true);
      const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: dir });
      expect(((await dispatch(handlers.api, 'listClips', {})) as { total: number }).total).toBe(7);
      await expect(dispatch(handlers.api, 'renameTag', { id: 1, name: 'x' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(READ_ONLY) });
      await expect(dispatch(handlers.api, 'importUploads', { files: [{ name: 'a.txt', dataBase64: 'aGVsbG8=', lastModified: 0 }] })).rejects.toMatchObject({ code: 'conflict' });
      expect(() => writeTransaction(lib.db, () => 1)).toThrow(ReadOnlyLibraryError);
      await handlers.dispose();
    } finally {
      lib.close();
    }
  });
});

describe('a library from a newer Cuttings', () => {
  it('in DELETE journal mode with user_version 999: refused before anything is written, its bytes unchanged', async () => {
    const dir = path.join(work, 'newer');
    await makeLibrary(dir);
    const db = new Database(path.join(dir, 'library.sqlite'));
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 999');
    db.close();
    const before = snapshot(dir);
    expect(() => openLibrary(dir)).toThrow(NewerLibraryError);
    expect(() => openLibrary(dir)).toThrow(/written by a newer version of Cuttings \(schema 999, this version knows \d+\)\. Update Cuttings to open it\./);
    // Still DELETE mode, still 999, no -wal or -shm made: not a byte of the folder changed.
    expect(snapshot(dir)).toEqual(before);
    const run = runCli(['list', '--library', dir]);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toMatch(/newer version of Cuttings/);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('whose newer schema is still in its WAL (the file says otherwise): refused, file and WAL unchanged', async () => {
    const live = path.join(work, 'newer-live');
    await makeLibrary(live);
    const db = new Database(path.join(live, 'library.sqlite'));
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('user_version = 999');
    const dir = path.join(work, 'newer-in-wal');
    fs.mkdirSync(dir);
    for (const f of ['library.sqlite', 'library.sqlite-wal']) fs.copyFileSync(path.join(live, f), path.join(dir, f));
    db.close();
    const before = snapshot(dir);
    expect(() => openLibrary(dir)).toThrow(NewerLibraryError);
    // (SQLite's read-only look made the WAL's index, -shm; the library's own files are as they were.)
    expect(snapshot(dir).filter((f) => !f.startsWith('library.sqlite-shm'))).toEqual(before);
  });
});

describe('a damaged library', () => {
  const damaged = /^The library at .+ is damaged \(.+\), so Cuttings will not open or change it\. Restore it from a backup: File → Back Up Library makes them, and `cuttings restore BACKUP --library NEW-FOLDER` brings one back\.$/;
  let good: string;
  beforeAll(async () => {
    good = path.join(work, 'good');
    await makeLibrary(good);
  });

  /** A copy of the good library, damaged by `harm`. */
  function damagedCopy(name: string, harm: (file: string) => void): string {
    const dir = path.join(work, name);
    fs.cpSync(good, dir, { recursive: true });
    harm(path.join(dir, 'library.sqlite'));
    return dir;
  }

  const cases: [string, (file: string) => void, RegExp][] = [
    ['not a database at all', (f) => fs.writeFileSync(f, 'this is not sqlite at all, just text '.repeat(200)), /not a SQLite database/],
    ['a header with an impossible page size', (f) => patch(f, 16, [0x00, 0x03]), /header is damaged/],
    ['cut short (half of it)', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2 / 4096) * 4096), /cut short/],
    ['its schema overwritten', (f) => patch(f, 100, new Array(400).fill(0x5a)), /SQLite (reports|does not recognise)/],
  ];
  for (const [what, harm, why] of cases) {
    it(`${what}: refused with what to do, and never written`, () => {
      const dir = damagedCopy(what.replace(/\W+/g, '-'), harm);
      const before = snapshot(dir);
      for (let i = 0; i < 2; i++) {
        let error: unknown;
        try {
          openLibrary(dir).close();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DamagedLibraryError);
        expect((error as Error).message).toMatch(damaged);
        expect((error as Error).message).toMatch(why);
      }
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('another program\'s database (tables, but no Cuttings schema): refused, untouched', () => {
    const dir = path.join(work, 'foreign');
    fs.mkdirSync(dir);
    const db = new Database(path.join(dir, 'library.sqlite'));
    db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)');
    db.close();
    const before = snapshot(dir);
    expect(() => openLibrary(dir)).toThrow(/a database of another program, not a Cuttings library/);
    expect(snapshot(dir)).toEqual(before);
  });
});

function patch(file: string, at: number, bytes: number[]): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from(bytes), 0, bytes.length, at);
  fs.closeSync(fd);
}
