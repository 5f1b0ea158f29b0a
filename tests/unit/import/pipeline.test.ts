// The import pipeline end to end under Node: real files, real worker threads, a real library.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../electron/api.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { WorkerPool } from '../../../electron/import/worker-pool.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { sha256 } from '../../../electron/library/originals.ts';
import { CORPUS, SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';

let lib: ReturnType<typeof tempLibrary>;
let work: string;
beforeEach(() => {
  lib = tempLibrary();
  work = tempDir('cuttings-import-');
});
afterEach(() => {
  lib.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

const count = (sql: string) => (lib.db.prepare(sql).get() as { n: number }).n;
const clipCount = () => count('SELECT count(*) AS n FROM clips WHERE deleted_at IS NULL');
const originalsCount = (dir = lib.dir) => {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else n++;
    }
  };
  walk(path.join(dir, 'originals'));
  return n;
};

/** Real saved pages from the extraction corpus, un-gzipped into a folder. */
function realPages(n: number, dir = path.join(work, 'pages'), dataset = 'aeb'): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const src = path.join(CORPUS, 'extraction', 'dev', dataset, 'html');
  const names = fs.readdirSync(src).filter((f) => f.endsWith('.html.gz')).sort().slice(0, n);
  return names.map((f) => {
    const out = path.join(dir, f.replace(/\.gz$/, ''));
    fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(path.join(src, f))));
    return out;
  });
}

describe('importing files and folders', () => {
  it('imports a folder of real pages: one outcome per file, progress to the end, originals kept', async () => {
    const files = realPages(8);
    fs.copyFileSync(SEED, path.join(work, 'pages', 'seed.txt'));
    const events: ImportProgress[] = [];
    const job = new ImportJob(lib, { onProgress: (p) => events.push(p), progressIntervalMs: 0 });
    const summary = await job.runPaths([path.join(work, 'pages')]);
    expect(summary.outcomes).toHaveLength(files.length + 1);
    expect(summary.failed).toBe(0);
    expect(summary.added + summary.duplicates).toBe(files.length + 1);
    expect(clipCount()).toBe(summary.added);
    expect(originalsCount()).toBe(summary.added);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ done: files.length + 1, total: files.length + 1, scanning: false, currentFile: null });
    // done never goes backwards and never passes total
    for (let i = 1; i < events.length; i++) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
    expect(events.every((e) => e.done <= e.total)).toBe(true);
    expect(events.some((e) => e.currentFile !== null)).toBe(true);
    // every clip is findable at once
    expect(count("SELECT count(*) AS n FROM clips_fts WHERE clips_fts MATCH 'maduro'")).toBe(1);
  });

  it('reports each stored batch in full: the progress never shows fewer clips than the library holds', async () => {
    // More pages than one store batch (128), so the clips arrive in at least two batches.
    const files = [...realPages(114), ...realPages(40, path.join(work, 'pages'), 'htmldate')];
    const seen: { done: number; added: number; inLibrary: number; eta: number | null }[] = [];
    // The default interval between events, as the window gets them.
    const job = new ImportJob(lib, { onProgress: (p) => seen.push({ done: p.done, added: p.added, inLibrary: clipCount(), eta: p.etaSeconds }) });
    const summary = await job.runPaths([path.join(work, 'pages')]);
    expect(summary.outcomes).toHaveLength(files.length);
    for (const s of seen) expect(s.added).toBe(s.inLibrary);
    // A batch was shown before the end (the first is stored after a second or at 128 clips,
    // whichever comes first), and the end was shown.
    expect(seen.some((s) => s.done > 0 && s.done < files.length)).toBe(true);
    expect(seen.at(-1)!.done).toBe(files.length);
    // No time left is guessed from the first batch alone (its second includes the workers'
    // start), and at the end none is left.
    expect(seen.find((s) => s.done > 0)!.eta).toBeNull();
    expect(seen.at(-1)!.eta).toBe(0);
  });

  it('keeps the typo vocabulary exactly as a full recount would (words listed by the workers)', async () => {
    realPages(6);
    fs.copyFileSync(SEED, path.join(work, 'pages', 'seed.txt'));
    await new ImportJob(lib).runPaths([path.join(work, 'pages')]);
    const snapshot = () => lib.db.prepare('SELECT word, docs FROM search_vocab WHERE docs > 0 ORDER BY word').all();
    const imported = snapshot();
    expect(imported.length).toBeGreaterThan(500);
    const { rebuildVocabulary } = await import('../../../electron/search/vocabulary.ts');
    rebuildVocabulary(lib.db);
    expect(snapshot()).toEqual(imported);
  });

  it('reports a file imported twice in one batch as a duplicate and stores it once', async () => {
    fs.copyFileSync(SEED, path.join(work, 'a.txt'));
    fs.copyFileSync(SEED, path.join(work, 'b copy.txt'));
    const summary = await new ImportJob(lib).runPaths([work]);
    expect(summary.outcomes.map((o) => o.status).sort()).toEqual(['added', 'duplicate']);
    const dup = summary.outcomes.find((o) => o.status === 'duplicate')!;
    expect(dup.reason).toMatch(/already in the library as "Kremlin says/);
    expect(clipCount()).toBe(1);
    expect(originalsCount()).toBe(1);
  });

  it('links near-duplicates (one wire story, two outlets) instead of merging or losing them', async () => {
    const body = fs.readFileSync(SEED, 'utf8');
    fs.copyFileSync(SEED, path.join(work, 'outlet-one.txt'));
    // Another outlet's copy: its own header and footer, a re-written last paragraph.
    const other = body
      .replace('To guardian.ng', 'To dailypost.example')
      .replace('0 Comments', 'Share this story')
      .replace('Caracas acquiring Russian arms worth billions of dollars.', 'Caracas buying Russian weapons worth billions.');
    fs.writeFileSync(path.join(work, 'outlet-two.txt'), other);
    const summary = await new ImportJob(lib).runPaths([work]);
    expect(summary.added).toBe(2);
    const [a, b] = summary.outcomes.map((o) => o.clipId!);
    const links = lib.db.prepare('SELECT clip_id, other_id FROM near_duplicates ORDER BY clip_id').all();
    expect(links).toEqual([{ clip_id: a < b ? a : b, other_id: a < b ? b : a }, { clip_id: a < b ? b : a, other_id: a < b ? a : b }]);
  });

  it('links a copy whose whole last paragraph was rewritten, and not a different story', async () => {
    const body = fs.readFileSync(SEED, 'utf8');
    fs.copyFileSync(SEED, path.join(work, 'original.txt'));
    const lastPara = 'Russia is the second-largest lender to Caracas after China, with Moscow heavily investing in Venezuela’s oil resources and Caracas acquiring Russian arms worth billions of dollars.';
    expect(body).toContain(lastPara);
    fs.writeFileSync(
      path.join(work, 'rewritten.txt'),
      body.replace('To guardian.ng', 'To vanguardngr.example').replace(lastPara, 'Moscow has lent Caracas more money than any capital except Beijing, and the Venezuelan military buys most of its weapons from Russian factories, analysts say.'),
    );
    fs.writeFileSync(
      path.join(work, 'other-story.txt'),
      'Harbour cranes arrive in Rotterdam\n\nBy Jan de Vries\n\n' +
        'Three new ship-to-shore cranes arrived in the port of Rotterdam on Tuesday, the port authority said, ahead of the opening of a container terminal that is expected to double capacity on the Maasvlakte within two years. '.repeat(3) +
        '\n\nThe cranes, built in China, travelled for seven weeks aboard a heavy-lift vessel and will be commissioned over the summer, when dockworkers will be trained to operate them remotely from a control room.\n',
    );
    const summary = await new ImportJob(lib).runPaths([work]);
    expect(summary.added).toBe(3);
    const id = (f: string) => summary.outcomes.find((o) => o.file.endsWith(f))!.clipId!;
    const links = lib.db.prepare('SELECT clip_id AS a, other_id AS b FROM near_duplicates').all() as { a: number; b: number }[];
    expect(links).toContainEqual({ a: id('rewritten.txt'), b: id('original.txt') });
    expect(links.some((l) => l.a === id('other-story.txt') || l.b === id('other-story.txt'))).toBe(false);
  });

  it('fails bad files with a reason naming them, and leaves nothing of them behind', async () => {
    fs.copyFileSync(SEED, path.join(work, 'good.txt'));
    fs.writeFileSync(path.join(work, 'empty.html'), '');
    fs.writeFileSync(path.join(work, 'random.html'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    fs.writeFileSync(path.join(work, 'line\nbreak.html'), '');
    fs.symlinkSync('loop-b', path.join(work, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(work, 'loop-b'));
    fs.symlinkSync('.', path.join(work, 'dir-cycle'));
    fs.symlinkSync('/dev/zero', path.join(work, 'dev-zero.html'));
    fs.mkdirSync(path.join(work, '.hidden'));
    fs.copyFileSync(SEED, path.join(work, '.hidden', 'secret.txt'));
    const summary = await new ImportJob(lib).runPaths([work]);
    const byFile = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]));
    expect(byFile['good.txt'].status).toBe('added');
    expect(byFile['empty.html']).toMatchObject({ status: 'failed', reason: 'file is empty' });
    expect(byFile['random.html'].status).toBe('failed');
    expect(byFile['random.html'].reason).not.toMatch(/undefined|Error:|at /);
    expect(byFile['line\\nbreak.html']).toMatchObject({ status: 'failed', reason: 'file is empty' });
    expect(byFile['loop-a'].reason).toMatch(/ELOOP/);
    expect(byFile['dev-zero.html'].reason).toMatch(/not a regular file/);
    expect(summary.outcomes.some((o) => o.file.includes('.hidden'))).toBe(false);
    expect(clipCount()).toBe(1);
    expect(originalsCount()).toBe(1);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = path.join(work, 'huge.html');
    fs.writeFileSync(big, '<html><body><p>start');
    fs.truncateSync(big, 2 * 1024 ** 3);
    const summary = await new ImportJob(lib).runPaths([big]);
    expect(summary.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(summary.outcomes[0].reason).toMatch(/file too large \(2\.0 GB; the limit is 200 MB/);
  });

  it('can be cancelled: what finished stays whole, the rest is not started', async () => {
    realPages(40);
    // Cancel as the third file comes back from the workers. Every file is handed to the
    // workers up front (each queues two dozen), so this checks that the queued ones are dropped.
    const pool = new WorkerPool({ size: 2 });
    const extract = pool.extract.bind(pool);
    let returned = 0;
    const job: ImportJob = new ImportJob(lib, { pool });
    pool.extract = async (...args) => {
      const res = await extract(...args);
      if (++returned === 3) job.cancel();
      return res;
    };
    const summary = await job.runPaths([path.join(work, 'pages')]);
    await pool.close();
    expect(summary.cancelled).toBe(true);
    // The three, the file each worker was reading when the cancel came, and at most one more
    // each that a worker had begun before it saw the cancel.
    expect(summary.outcomes.length).toBeGreaterThanOrEqual(3);
    expect(summary.outcomes.length).toBeLessThanOrEqual(3 + 2 * pool.size);
    expect(summary.outcomes.every((o) => o.status === 'added')).toBe(true);
    expect(clipCount()).toBe(summary.added);
    expect(originalsCount()).toBe(summary.added);
    // every stored clip is complete: it is in the index
    expect(count('SELECT count(*) AS n FROM clips_fts')).toBe(summary.added);
  });

  it('fails a file that takes too long on its own: the files queued behind it still import', async () => {
    const dir = path.join(work, 'pages');
    realPages(3, dir);
    // Half a million elements, about two seconds' work: longer than the limit below. Named
    // to be read first.
    fs.writeFileSync(path.join(dir, '0-enormous.html'), `<html><body>${'<div><p>word word word word word.</p></div>'.repeat(300_000)}</body></html>`);
    const pool = new WorkerPool({ size: 1, timeoutMs: 800 });
    const summary = await new ImportJob(lib, { pool }).runPaths([dir]);
    await pool.close();
    const byFile = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]));
    expect(byFile['0-enormous.html']).toMatchObject({ status: 'failed' });
    expect(byFile['0-enormous.html'].reason).toMatch(/took longer than/);
    expect(summary.added).toBe(3);
    expect(clipCount()).toBe(3);
  });

  it("fails a file whose original cannot be copied into the library, and stores nothing of it", async () => {
    const [page, other] = realPages(2);
    // The folder the page's copy belongs in is taken by a file: the copy cannot be written.
    const hash = sha256(fs.readFileSync(page));
    fs.mkdirSync(path.join(lib.dir, 'originals'), { recursive: true });
    fs.writeFileSync(path.join(lib.dir, 'originals', hash.slice(0, 2)), 'in the way');
    const summary = await new ImportJob(lib).runPaths([page, other]);
    const byFile = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]));
    expect(byFile[path.basename(page)]).toMatchObject({ status: 'failed' });
    expect(byFile[path.basename(page)].reason).toMatch(/could not keep a copy of the original in the library \(something else is in the way/);
    expect(byFile[path.basename(other)]).toMatchObject({ status: 'added' });
    expect(clipCount()).toBe(1);
  });

  it('opens a .zip of clippings and imports each article inside, one outcome each', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const note = 'Port strike ends\n\nBy Jane Doe\n\nDockworkers in the harbour returned to work on Monday after a three-week strike over pay and shift patterns.\n';
    const zip = zipSync({
      'clippings/guardian.txt': new Uint8Array(fs.readFileSync(SEED)),
      'clippings/more/port.txt': strToU8(note),
      'clippings/empty.txt': new Uint8Array(0),
      '__MACOSX/clippings/._guardian.txt': strToU8('resource fork'),
      'clippings/.DS_Store': strToU8('junk'),
    });
    fs.writeFileSync(path.join(work, 'archive.zip'), zip);
    const summary = await new ImportJob(lib).runPaths([path.join(work, 'archive.zip')]);
    const byFile = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file.split(' › ')[0]) + ' › ' + o.file.split(' › ')[1], o.status]));
    expect(byFile).toEqual({
      'archive.zip › clippings/guardian.txt': 'added',
      'archive.zip › clippings/more/port.txt': 'added',
      'archive.zip › clippings/empty.txt': 'failed',
    });
    expect(clipCount()).toBe(2);
  });

  it('keeps the images of a "Webpage, complete" save with the clip, and does not import its _files folder', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    fs.mkdirSync(path.join(work, 'Story_files'));
    fs.writeFileSync(path.join(work, 'Story_files', 'photo.png'), png);
    fs.writeFileSync(path.join(work, 'Story_files', 'script.js'), 'alert(1)');
    const para = 'The harbour authority said the new cranes would double the port capacity within two years. '.repeat(6);
    fs.writeFileSync(
      path.join(work, 'Story.html'),
      `<!doctype html><html><head><title>Cranes arrive in the harbour</title></head><body><article><h1>Cranes arrive in the harbour</h1>
       <p>${para}</p><figure><img src="Story_files/photo.png" alt="A crane"><figcaption>The first crane.</figcaption></figure><p>${para}</p></article></body></html>`,
    );
    const summary = await new ImportJob(lib).runPaths([work]);
    expect(summary.outcomes).toHaveLength(1);
    expect(summary.outcomes[0].status).toBe('added');
    const html = (lib.db.prepare('SELECT body_html FROM clips').get() as { body_html: string }).body_html;
    expect(html).toMatch(/src="data:image\/png;base64,/);
  });
});

describe('through the Api handlers', () => {
  let handlers: Handlers;
  let events: EventBus;
  beforeEach(() => {
    events = new EventBus();
    handlers = createHandlers({ library: lib, events, shell: 'browser', samplesDir: '/nonexistent' });
  });
  afterEach(async () => handlers.dispose());

  it('imports uploaded bytes (browser mode) and emits progress and a finished summary', async () => {
    const seen: string[] = [];
    events.subscribe((e) => seen.push(e));
    const { jobId } = await handlers.api.importUploads({
      files: [{ name: 'folder/guardian.txt', dataBase64: fs.readFileSync(SEED).toString('base64') }, { name: '../../etc/evil.txt', dataBase64: '' }],
    });
    const summary = await handlers.waitForImport(jobId);
    expect(summary.added).toBe(1);
    expect(summary.outcomes.find((o) => o.status === 'failed')).toMatchObject({ file: '../../etc/evil.txt', reason: 'file is empty' });
    expect(seen).toContain('import-progress');
    expect(seen).toContain('import-finished');
    expect(seen).toContain('library-changed');
    const clip = await handlers.api.getClip({ id: summary.outcomes.find((o) => o.status === 'added')!.clipId! });
    expect(clip.original).toMatchObject({ name: 'guardian.txt', available: true });
  });

  it("deletes with undo: the clip leaves the list and search, and comes back", async () => {
    const { jobId } = await handlers.api.importPaths({ paths: [SEED] });
    const { outcomes } = await handlers.waitForImport(jobId);
    const id = outcomes[0].clipId!;
    const del = await handlers.api.deleteClips({ ids: [id] });
    expect(del.deleted).toBe(1);
    expect((await handlers.api.listClips({})).total).toBe(0);
    expect((await handlers.api.search({ q: 'maduro' })).total).toBe(0);
    await handlers.api.undoDelete({ undoToken: del.undoToken });
    expect((await handlers.api.search({ q: 'maduro' })).total).toBe(1);
  });

  it('exports and re-imports losslessly into another library', async () => {
    const { jobId } = await handlers.api.importPaths({ paths: [SEED] });
    const id = (await handlers.waitForImport(jobId)).outcomes[0].clipId!;
    await handlers.api.tagClips({ ids: [id], tags: ['Venezuela'] });
    const tag = (await handlers.api.listTags({}))[0];
    await handlers.api.recolourTag({ id: tag.id, colour: '#123456' });
    await handlers.api.updateClip({ id, patch: { note: 'Check the Peskov quote.', starred: true } });
    const before = await handlers.api.getClip({ id });
    const file = path.join(work, 'export.json');
    fs.writeFileSync(file, JSON.stringify(await handlers.api.exportClips({})));

    const otherDir = tempDir('cuttings-other-');
    const other = openLibrary(otherDir);
    const otherHandlers = createHandlers({ library: other, events: new EventBus(), shell: 'cli', samplesDir: '/nonexistent' });
    try {
      const r = await otherHandlers.waitForImport((await otherHandlers.api.importPaths({ paths: [file] })).jobId);
      expect(r.added).toBe(1);
      const after = await otherHandlers.api.getClip({ id: r.outcomes[0].clipId! });
      for (const key of ['uid', 'title', 'author', 'source', 'publishedAt', 'savedAt', 'bodyText', 'bodyHtml', 'captions', 'note', 'starred', 'standfirst', 'language', 'contentHash'] as const) {
        expect(after[key], key).toEqual(before[key]);
      }
      expect(after.tags.map((t) => [t.name, t.colour])).toEqual([['Venezuela', '#123456']]);
      // and importing the export again is a duplicate, not a second copy
      const again = await otherHandlers.waitForImport((await otherHandlers.api.importPaths({ paths: [file] })).jobId);
      expect(again.outcomes[0].status).toBe('duplicate');
    } finally {
      await otherHandlers.dispose();
      other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
