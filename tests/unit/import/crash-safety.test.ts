// An import killed outright (SIGKILL: no handler runs, nothing is closed) at 20 moments of one
// 1,000-file import, chosen by a seeded generator (CUTTINGS_KILL_SEED; the same seed gives the
// same moments). After each kill the library is opened as the next Cuttings would open it, and
// must be whole: SQLite's and FTS5's integrity checks clean, every clip with its body, its tags
// and its original, and nothing left of the killed import (no .tmp file, no copy no clip uses,
// no marker). Then the import is resumed with the files not yet in, until the next kill.
//
// One import, resumed: each run after a kill takes only the files still missing, so the 20
// kills cost about one import's extraction rather than twenty. A last run of the whole folder
// completes the set and must add nothing twice.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rng } from '../../../bench/deterministic-random.ts';
import type { ExportDocument, ImportOutcome } from '../../../electron/api.ts';
import { markersDir } from '../../../electron/library/import-markers.ts';
import { openLibrary } from '../../../electron/library/open-library.ts';
import { runCli, stopAll, waitFor } from '../../helpers/cli-process.ts';
import { tempDir } from '../../helpers/temp-library.ts';
import { writeUniquePages } from '../../helpers/unique-pages.ts';

const SEED = Number(process.env.CUTTINGS_KILL_SEED ?? 20251203);
const KILLS = 20;
const PAGES = 999; // and one Cuttings export of tagged clips: 1,000 files
const EXPORT_CLIPS = 40;

const work = tempDir('cuttings-crash-');
const libDir = path.join(work, 'library');
const folder = path.join(work, 'files');
afterAll(async () => {
  await stopAll();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A Cuttings export of clips with tags (it is stored one clip per transaction, with its tags). */
function writeExport(file: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  const doc: ExportDocument = {
    cuttings: { format: 'cuttings-export', version: 1, exportedAt: '2026-01-01T00:00:00Z' },
    tags: [{ name: 'crash', colour: '#dc2626' }],
    clips: Array.from({ length: EXPORT_CLIPS }, (_, i) => {
      const uid = `crash-test-${i}`;
      tags.set(uid, ['crash', `group-${i % 3}`, `clip-${i}`].sort());
      return {
        uid, title: `Exported clip ${i}`, standfirst: null, author: null, source: 'The Export', site: null, url: null,
        publishedAt: '2020-01-01', modifiedAt: null, savedAt: null, importedAt: '2026-01-01T00:00:00Z', language: 'en',
        bodyText: `The body of exported clip number ${i}, with words of its own: kw${i}x${i * 7919}.`,
        bodyHtml: `<p>The body of exported clip number ${i}.</p>`, captions: [], wordCount: 12, contentHash: '',
        starred: i % 2 === 0, note: '', tags: tags.get(uid)!, original: { name: null, format: null, size: null },
      } as unknown as ExportDocument['clips'][number];
    }),
  };
  fs.writeFileSync(file, JSON.stringify(doc));
  return tags;
}

/** Every file under originals/, relative to the library (as clips name them). */
function storedFiles(): string[] {
  const dir = path.join(libDir, 'originals');
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => path.join('originals', f));
}

interface Check {
  leftovers: { temps: number; unused: number; markers: number };
  clips: number;
}

/** Opens the library as the next Cuttings would, and checks it whole. */
function reopenAndCheck(exportTags: Map<string, string[]>): Check {
  // What the killed import left, seen before the open cleans it up.
  const before = storedFiles();
  const markers = fs.readdirSync(markersDir(libDir)).length;
  const lib = openLibrary(libDir);
  try {
    const db = lib.db;
    const used = new Set(db.prepare('SELECT original_path FROM clips').pluck().all() as string[]);
    const leftovers = {
      temps: before.filter((f) => f.endsWith('.tmp')).length,
      unused: before.filter((f) => !f.endsWith('.tmp') && !used.has(f)).length,
      markers,
    };
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check; rank 1 also compares the index with the clips it indexes.
    db.prepare("INSERT INTO clips_fts(clips_fts, rank) VALUES ('integrity-check', 1)").run();
    const clips = db.prepare('SELECT id, uid, body_text, original_path FROM clips').all() as { id: number; uid: string; body_text: string; original_path: string | null }[];
    for (const c of clips) {
      expect(c.body_text.trim(), `clip ${c.id} has its body`).not.toBe('');
      expect(c.original_path, `clip ${c.id} has an original`).not.toBeNull();
      const bytes = fs.readFileSync(path.join(libDir, c.original_path!));
      // Whole, not torn: the copy's name is the hash of its bytes.
      expect(path.basename(c.original_path!).slice(0, 64)).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      if (exportTags.has(c.uid)) {
        const tags = db.prepare('SELECT t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = ? ORDER BY t.name').pluck().all(c.id);
        expect(tags, `clip ${c.uid} has its tags`).toEqual(exportTags.get(c.uid));
      }
    }
    expect(db.prepare('SELECT count(DISTINCT content_hash) FROM clips').pluck().get()).toBe(clips.length);
    // Nothing of the killed import is left: the open cleaned it up.
    const after = storedFiles();
    expect(after.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(after.filter((f) => !used.has(f))).toEqual([]);
    expect(fs.readdirSync(markersDir(libDir))).toEqual([]);
    return { leftovers, clips: clips.length };
  } finally {
    lib.close();
  }
}

/** The files of the folder with nothing in the library yet (the export: until all its clips are). */
function filesNotIn(all: string[]): string[] {
  const lib = openLibrary(libDir, { readonly: true });
  try {
    const names = new Set(lib.db.prepare('SELECT original_name FROM clips').pluck().all() as string[]);
    const exported = lib.db.prepare("SELECT count(*) FROM clips WHERE uid LIKE 'crash-test-%'").pluck().get() as number;
    return all.filter((f) => (path.basename(f) === 'export.json' ? exported < EXPORT_CLIPS : !names.has(path.basename(f))));
  } finally {
    lib.close();
  }
}

describe('an import killed at 20 moments', () => {
  it('leaves a whole library each time, cleaned up at the next open, and completes without duplicates', async () => {
    const files = writeUniquePages(folder, PAGES, 'k');
    const exportFile = path.join(folder, 'export.json');
    const exportTags = writeExport(exportFile);
    files.splice(500, 0, exportFile); // in the middle of the import, not at an end
    fs.mkdirSync(libDir);
    openLibrary(libDir).close();

    // The moments: kill i comes once the library holds `target` clips (spread over the import,
    // each placed at random in its twentieth) and `delay` milliseconds more have passed, which
    // lands it anywhere in what follows: extracting, writing copies, storing a batch.
    const random = rng(SEED);
    const moments = Array.from({ length: KILLS }, (_, i) => ({ target: Math.floor(((i + random()) * 800) / KILLS), delay: Math.floor(random() * 600) }));

    const seen: Check['leftovers'][] = [];
    let kills = 0;
    for (const { target, delay } of moments) {
      const remaining = filesNotIn(files);
      expect(remaining.length).toBeGreaterThan(0);
      const run = runCli(['import', '--library', libDir, '--no-progress', ...remaining]);
      const reader = openLibrary(libDir, { readonly: true });
      try {
        const started = () => fs.existsSync(markersDir(libDir)) && fs.readdirSync(markersDir(libDir)).some((m) => m.startsWith(`${run.child.pid}-`));
        const count = () => reader.db.prepare('SELECT count(*) FROM clips').pluck().get() as number;
        let ended = false;
        void run.exited.then(() => (ended = true));
        await waitFor(() => ended || (started() && count() >= target), `kill moment ${target}`, 300_000, 5);
        if (!ended) await new Promise((r) => setTimeout(r, delay));
      } finally {
        reader.close();
      }
      const killed = run.child.kill('SIGKILL');
      const exit = await run.exited;
      if (killed && exit.signal === 'SIGKILL') kills++;
      seen.push(reopenAndCheck(exportTags).leftovers);
    }
    // Every moment came before the import could finish, and some left something to clean up.
    expect(kills).toBe(KILLS);
    expect(seen.some((l) => l.unused > 0 || l.temps > 0)).toBe(true);
    // Each killed import left its marker, which the open removed (reopenAndCheck).
    expect(seen.every((l) => l.markers === 1)).toBe(true);

    // The whole folder once more: what is in is found a duplicate, the rest is added.
    const last = runCli(['import', '--json', '--library', libDir, '--no-progress', folder]);
    await last.exited;
    const outcomes = last.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as ImportOutcome);
    expect(outcomes.length).toBe(PAGES + EXPORT_CLIPS);
    expect(outcomes.filter((o) => o.status === 'failed' && !/no text to keep|no article text/.test(o.reason ?? ''))).toEqual([]);
    const check = reopenAndCheck(exportTags);
    const lib = openLibrary(libDir, { readonly: true });
    try {
      const db = lib.db;
      // No file is in twice (an exported clip has the export's name: counted apart).
      const pageClips = db.prepare("SELECT original_name FROM clips WHERE uid NOT LIKE 'crash-test-%'").pluck().all() as string[];
      expect(new Set(pageClips).size).toBe(pageClips.length);
      expect(db.prepare("SELECT count(*) FROM clips WHERE uid LIKE 'crash-test-%'").pluck().get()).toBe(EXPORT_CLIPS);
      expect(check.clips).toBe(pageClips.length + EXPORT_CLIPS);
      // Every page with an article is in, as itself or as the same text as another page.
      const names = new Set(pageClips);
      const pages = outcomes.filter((o) => !o.file.includes('export.json') && o.status !== 'failed');
      for (const o of pages) if (!names.has(path.basename(o.file))) expect(o.status, o.file).toBe('duplicate');
      expect(pages.filter((o) => names.has(path.basename(o.file))).length).toBe(pageClips.length);
    } finally {
      lib.close();
    }
  }, 900_000);
});
