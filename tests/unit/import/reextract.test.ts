// Re-extraction end to end under Node: real corpus pages imported into a real library, the
// clips' stored readings turned into what an older extractor might have said, then read again
// from their stored originals on real worker threads.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEventName, ReextractProgress } from '../../../electron/api.ts';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers, type Handlers } from '../../../electron/handlers/handler-table.ts';
import { ImportJob } from '../../../electron/import/import-job.ts';
import { ReextractJob } from '../../../electron/import/reextract-job.ts';
import { WorkerPool } from '../../../electron/import/worker-pool.ts';
import type { ClipRow } from '../../../electron/library/clips.ts';
import { createSiteRule } from '../../../electron/library/site-rules.ts';
import { writeTransaction } from '../../../electron/library/write-transaction.ts';
import { firstCorpusPages } from '../../helpers/corpus-pages.ts';
import { PROJECT_ROOT, SEED, tempDir, tempLibrary } from '../../helpers/temp-library.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';

let pool: WorkerPool;
beforeAll(() => {
  pool = new WorkerPool({ size: 2 });
});
afterAll(async () => pool.close());

let lib: ReturnType<typeof tempLibrary>;
let work: string;
let events: EventBus;
let handlers: Handlers;
beforeEach(() => {
  lib = tempLibrary();
  work = tempDir('cuttings-reextract-');
  events = new EventBus();
  handlers = createHandlers({ library: lib, events, shell: 'cli', samplesDir: '/nonexistent' });
});
afterEach(async () => {
  await handlers.dispose();
  lib.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Real saved pages from the extraction corpus, un-gzipped into this test's folder. */
const corpusPages = (dataset: string, n: number) => firstCorpusPages(path.join(work, 'pages', dataset), n, dataset);

async function importFiles(paths: string[]): Promise<void> {
  const summary = await new ImportJob(lib, { pool }).runPaths(paths);
  expect(summary.failed).toBe(0);
}

const rows = () => lib.db.prepare('SELECT * FROM clips WHERE deleted_at IS NULL ORDER BY id').all() as ClipRow[];
const row = (id: number) => lib.db.prepare('SELECT * FROM clips WHERE id = ?').get(id) as ClipRow;
const idOf = (name: string) => lib.db.prepare('SELECT id FROM clips WHERE original_name = ?').pluck().get(name) as number;

/** What an older extractor might have stored: a worse headline, no byline, a cut body. */
function tamper(id: number): void {
  writeTransaction(lib.db, () =>
    lib.db.prepare(
      `UPDATE clips SET title = 'Untitled page', author = NULL, standfirst = NULL, published_at = NULL, language = NULL,
         body_text = 'Share this article. Subscribe to our newsletter.', body_html = '<p>Share this article.</p>',
         word_count = 7, captions = '[]' WHERE id = ?`,
    ).run(id),
  );
}

/** The fields extraction gives, as the import stored them. */
const extracted = (r: ClipRow) => ({
  title: r.title, standfirst: r.standfirst, author: r.author, source: r.source, site: r.site, url: r.url,
  published_at: r.published_at, language: r.language, body_text: r.body_text, body_html: r.body_html,
  captions: r.captions, word_count: r.word_count, content_hash: r.content_hash,
});

async function reextract(args: { ids: number[] } | { all: true }) {
  const { jobId, total } = await handlers.api.reextractClips(args);
  const summary = await handlers.waitForReextract(jobId);
  return { total, summary };
}

describe('re-extracting clips from their stored originals', () => {
  it("replaces an older extractor's reading with the current one, and keeps tags, star and note", async () => {
    await importFiles([SEED, ...corpusPages('aeb', 3)]);
    const fresh = new Map(rows().map((r) => [r.id, extracted(r)]));
    const seed = idOf('guardian-ng-maduro-russia.txt');
    const page = rows().find((r) => r.id !== seed)!.id;
    tamper(seed);
    tamper(page);
    await handlers.api.tagClips({ ids: [seed], tags: ['venezuela'] });
    await handlers.api.updateClip({ id: seed, patch: { note: 'Check the date line', starred: true } });
    // The cut body is what the index holds now: Maduro is not found.
    expect((await handlers.api.search({ q: 'maduro' })).total).toBe(0);

    const seen: ApiEventName[] = [];
    const progress: ReextractProgress[] = [];
    events.subscribe((e, p) => {
      seen.push(e);
      if (e === 'reextract-progress') progress.push(p as ReextractProgress);
    });
    const { total, summary } = await reextract({ all: true });

    expect(total).toBe(4);
    expect(summary).toMatchObject({ changed: 2, unchanged: 2, failed: 0, cancelled: false, notReached: 0 });
    expect(summary.outcomes.map((o) => o.clipId).sort()).toEqual([seed, page].sort());
    expect(summary.outcomes.find((o) => o.clipId === seed)?.fields).toEqual(expect.arrayContaining(['title', 'author', 'bodyText']));
    for (const r of rows()) expect(extracted(r)).toEqual(fresh.get(r.id));
    // What the person did is theirs.
    const clip = await handlers.api.getClip({ id: seed });
    expect(clip.tags.map((t) => t.name)).toEqual(['venezuela']);
    expect(clip.note).toBe('Check the date line');
    expect(clip.starred).toBe(true);
    // The search index follows: the headline and the body are found again, by a misspelling too.
    expect((await handlers.api.search({ q: 'maduro' })).hits.map((h) => h.id)).toEqual([seed]);
    expect((await handlers.api.search({ q: 'madurro russia' })).hits.map((h) => h.id)).toEqual([seed]);
    expect((await handlers.api.search({ q: 'newsletter subscribe' })).total).toBe(0);
    // Progress reached the end, the window was told the library changed, and how it ended.
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4, changed: 2, unchanged: 2 });
    expect(seen).toContain('library-changed');
    expect(seen.at(-1) === 'reextract-finished' || seen.includes('reextract-finished')).toBe(true);
  });

  it('leaves a corrected field as the person set it, and notes what extraction now says', async () => {
    await importFiles(corpusPages('aeb', 2));
    const [a, b] = rows();
    tamper(a.id); // the body and the other fields as an older extractor read them
    tamper(b.id);
    // Then a person corrected the headline and the byline.
    await handlers.api.updateClip({ id: a.id, patch: { title: 'My own headline', author: 'A. Correspondent' } });
    expect((lib.db.prepare('SELECT count(*) FROM clip_corrections WHERE clip_id = ?').pluck().get(a.id))).toBe(2);

    const { summary } = await reextract({ ids: [a.id, b.id] });
    expect(summary).toMatchObject({ changed: 2, failed: 0 });
    const after = row(a.id);
    expect(after.title).toBe('My own headline');
    expect(after.body_text).toBe(a.body_text);
    expect(after.published_at).toBe(a.published_at);
    expect(after.author).toBe('A. Correspondent');
    expect(summary.outcomes.find((o) => o.clipId === a.id)?.kept?.sort()).toEqual(['author', 'title']);
    const corrections = Object.fromEntries(
      (lib.db.prepare('SELECT field, value, extracted FROM clip_corrections WHERE clip_id = ?').all(a.id) as { field: string; value: string; extracted: string }[]).map((c) => [c.field, c]),
    );
    // What extraction says now is noted beside each correction.
    expect(corrections.title).toEqual({ field: 'title', value: 'My own headline', extracted: a.title });
    expect(corrections.author).toEqual({ field: 'author', value: 'A. Correspondent', extracted: a.author });
    expect(extracted(row(b.id))).toEqual(extracted(b));
  });

  it("applies a site's remembered corrections to what is read again", async () => {
    await importFiles(corpusPages('trafilatura', 4));
    const withSite = rows().find((r) => r.site);
    expect(withSite).toBeDefined();
    writeTransaction(lib.db, () => createSiteRule(lib.db, { site: withSite!.site!, field: 'author', action: 'set', match: null, value: 'The Newsdesk' }, '2026-12-01T10:00:00Z'));
    const { summary } = await reextract({ ids: [withSite!.id] });
    expect(summary.changed).toBe(withSite!.author === 'The Newsdesk' ? 0 : 1);
    expect(row(withSite!.id).author).toBe('The Newsdesk');
  });

  it('reports a missing original by its name and reason, and still does the others', async () => {
    await importFiles([SEED, ...corpusPages('aeb', 3)]);
    const all = rows();
    const [gone, broken, ...rest] = all;
    for (const r of all) tamper(r.id);
    fs.rmSync(path.join(lib.dir, gone.original_path!));
    // A copy that is no longer a file (a folder in its place) cannot be read.
    fs.rmSync(path.join(lib.dir, broken.original_path!));
    fs.mkdirSync(path.join(lib.dir, broken.original_path!));

    const { summary } = await reextract({ all: true });
    expect(summary).toMatchObject({ changed: rest.length, failed: 2 });
    const failed = summary.outcomes.filter((o) => o.status === 'failed');
    expect(failed).toContainEqual(expect.objectContaining({ clipId: gone.id, file: gone.original_name, reason: 'its original file is missing from the library folder' }));
    expect(failed).toContainEqual(expect.objectContaining({ clipId: broken.id, file: broken.original_name, reason: expect.stringMatching(/could not be read \(this is a folder/) }));
    for (const r of rest) expect(row(r.id).body_text).toBe(r.body_text);
    // The failed ones are left as they were.
    expect(row(gone.id).body_text).toBe('Share this article. Subscribe to our newsletter.');
  });

  it('answers for clips that are not there, and refuses a second run while one goes on', async () => {
    await importFiles([SEED]);
    const [only] = rows();
    const { jobId } = await handlers.api.reextractClips({ ids: [only.id, 9999] });
    await expect(handlers.api.reextractClips({ all: true })).rejects.toThrow(/already running/);
    const summary = await handlers.waitForReextract(jobId);
    expect(summary.outcomes).toEqual([expect.objectContaining({ clipId: 9999, status: 'failed', reason: 'there is no clip 9999 in this library' })]);
    expect(summary.unchanged).toBe(1);
    expect(await handlers.api.reextractResult({ jobId })).toEqual(summary);
    await expect(handlers.api.reextractClips({})).rejects.toThrow(/ids, or all/);
  });

  it('works out near-duplicate links again from the text read again', async () => {
    // The same story saved twice (each copy with words of its own): linked, not lost.
    const [page] = writeUniquePages(path.join(work, 'one'), 1, 'first');
    const [copy] = writeUniquePages(path.join(work, 'two'), 1, 'second');
    await importFiles([page, copy]);
    const [a, b] = rows();
    const links = () => lib.db.prepare('SELECT clip_id, other_id FROM near_duplicates ORDER BY clip_id').all();
    expect(links()).toEqual([{ clip_id: a.id, other_id: b.id }, { clip_id: b.id, other_id: a.id }]);
    // An older reading of the copy that shared nothing with the first.
    tamper(b.id);
    writeTransaction(lib.db, () => {
      lib.db.prepare("UPDATE clips SET simhash = 'ffffffffffffffff' WHERE id = ?").run(b.id);
      lib.db.prepare('DELETE FROM near_duplicates').run();
    });
    const { summary } = await reextract({ ids: [b.id] });
    expect(summary.changed).toBe(1);
    expect(links()).toEqual([{ clip_id: a.id, other_id: b.id }, { clip_id: b.id, other_id: a.id }]);
    expect((await handlers.api.getClip({ id: a.id })).nearDuplicates.map((n) => n.id)).toEqual([b.id]);
  });

  it('says so for a clip restored from a Cuttings export, which keeps no page to read again', async () => {
    await importFiles([SEED]);
    const doc = await handlers.api.exportClips({});
    doc.clips[0].uid = 'restored-copy';
    doc.clips[0].bodyText += ' (restored)';
    fs.writeFileSync(path.join(work, 'export.json'), JSON.stringify(doc));
    await importFiles([path.join(work, 'export.json')]);
    const restored = rows().find((r) => r.uid === 'restored-copy')!;
    const { summary } = await reextract({ ids: [restored.id] });
    expect(summary.outcomes).toEqual([expect.objectContaining({ clipId: restored.id, status: 'failed', reason: 'it came from a Cuttings export, which keeps no original page to read again' })]);
    expect(row(restored.id).body_text).toBe(restored.body_text);
  });

  it('keeps the images a "Webpage, complete" save had in its folder', async () => {
    const [page] = corpusPages('aeb', 1);
    const png = fs.readFileSync(path.join(PROJECT_ROOT, 'resources', 'icons', '16x16.png'));
    const dir = path.join(work, 'complete');
    fs.mkdirSync(path.join(dir, 'Story_files'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'Story_files', 'photo.png'), png);
    // A picture in a paragraph in the middle of the page (the article's), saved beside the page.
    const original = fs.readFileSync(page, 'latin1');
    const paragraphs = [...original.matchAll(/<p\b[^>]*>/gi)];
    const at = paragraphs[Math.floor(paragraphs.length / 2)];
    const cut = at.index + at[0].length;
    const html = `${original.slice(0, cut)}<img src="Story_files/photo.png" alt="The scene">${original.slice(cut)}`;
    fs.writeFileSync(path.join(dir, 'Story.html'), html, 'latin1');
    await importFiles([path.join(dir, 'Story.html')]);
    const [imported] = rows();
    const image = `<img src="data:image/png;base64,${png.toString('base64')}" alt="The scene">`;
    expect(imported.body_html).toContain(image);
    // An older extractor kept less of the text, and the picture.
    tamper(imported.id);
    writeTransaction(lib.db, () => lib.db.prepare('UPDATE clips SET body_html = ? WHERE id = ?').run(`<p>Share this article.</p><p>${image}</p>`, imported.id));

    const { summary } = await reextract({ ids: [imported.id] });
    expect(summary.changed).toBe(1);
    expect(row(imported.id).body_html).toBe(imported.body_html);
    // Read again with nothing to restore, it is unchanged.
    expect((await reextract({ ids: [imported.id] })).summary.unchanged).toBe(1);
  });

  it('a cancel keeps the clips finished before it and leaves the rest as they were', async () => {
    await importFiles(writeUniquePages(path.join(work, 'many'), 60, 'rx'));
    const before = new Map(rows().map((r) => [r.id, r]));
    for (const id of before.keys()) tamper(id);
    let job: ReextractJob | null = null;
    job = new ReextractJob(lib, { all: true }, {
      pool,
      batchSize: 2,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.done >= 2) job?.cancel();
      },
    });
    const summary = await job.run();
    expect(summary.cancelled).toBe(true);
    expect(summary.changed).toBeGreaterThanOrEqual(2);
    expect(summary.notReached).toBeGreaterThan(0);
    expect(summary.changed + summary.notReached).toBe(60);
    const changed = new Set(summary.outcomes.filter((o) => o.status === 'changed').map((o) => o.clipId));
    for (const r of rows()) {
      if (changed.has(r.id)) expect(extracted(r)).toEqual(extracted(before.get(r.id)!));
      else expect(r.title).toBe('Untitled page');
    }
  });
});
