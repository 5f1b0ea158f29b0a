// Writing one extracted article into the library: duplicate check, the clip row,
// near-duplicate links and the search hooks, in one transaction, so a failure leaves
// nothing half-written. (The original's copy was written by the import job just before: see import-job.ts.)
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportOutcome } from '../api.ts';
import { insertClip, originalsInUse } from '../library/clips.ts';
import { writeClipEntities } from '../library/entities.ts';
import { originalExists } from '../library/originals.ts';
import { resolveOutlet } from '../library/outlets.ts';
import { applySiteRules } from '../library/site-rules.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { wordDiff } from '../library/word-diff.ts';
import { onClipsAdded, onClipsImported } from '../search/index-hooks.ts';
import type { FileExtraction } from './extract-file.ts';
import {
  isNearDuplicate, NEAR_DUPLICATE_SURE_DISTANCE, shingles, similarityFromDistance, SimhashIndex, textOverlap,
} from './fingerprints.ts';
import type { PreparedClip } from './prepare-clip.ts';

export interface StoreContext {
  db: Database.Database;
  libraryDir: string;
  simhashes: SimhashIndex;
}

export function loadSimhashIndex(db: Database.Database): SimhashIndex {
  const index = new SimhashIndex();
  const rows = db.prepare('SELECT id, simhash FROM clips WHERE simhash IS NOT NULL AND deleted_at IS NULL').all() as { id: number; simhash: string }[];
  for (const r of rows) index.add(r.id, r.simhash);
  return index;
}

/**
 * Words that may differ between two saves of a page whose article did not change (a comment
 * counter, a clock the extraction kept): more, and the page changed, and the save is a version.
 */
const UNCHANGED_PAGE_WORDS = 3;

export function findDuplicate(db: Database.Database, hash: string, url: string | null, title: string, bodyText?: string): { id: number; title: string } | undefined {
  const byText = db.prepare('SELECT id, title FROM clips WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1').get(hash) as { id: number; title: string } | undefined;
  if (byText || !url) return byText;
  // The same page saved twice with a changed header or comment count: same URL, same title.
  // An article edited since is a new version of the page (kept, and linked: see storeOne).
  const saves = db.prepare('SELECT id, title, body_text FROM clips WHERE url = ? AND title = ? AND deleted_at IS NULL').all(url, title) as { id: number; title: string; body_text: string }[];
  const same = saves.find((c) => {
    if (bodyText === undefined) return true;
    const d = wordDiff(c.body_text, bodyText);
    return !d.truncated && d.added + d.removed <= UNCHANGED_PAGE_WORDS * 2;
  });
  return same && { id: same.id, title: same.title };
}

/**
 * The fingerprint candidates that really are the same story: very close fingerprints count
 * as they are; the others are confirmed by comparing word shingles with the stored text.
 */
export function confirmedNear(ctx: StoreContext, body: string, candidates: { id: number; distance: number }[]): { id: number; similarity: number }[] {
  if (!candidates.length) return [];
  const bodyOf = ctx.db.prepare('SELECT body_text FROM clips WHERE id = ?').pluck();
  let mine: Set<string> | null = null;
  const out: { id: number; similarity: number }[] = [];
  for (const c of candidates) {
    if (c.distance <= NEAR_DUPLICATE_SURE_DISTANCE) {
      out.push({ id: c.id, similarity: similarityFromDistance(c.distance) });
      continue;
    }
    const other = bodyOf.get(c.id) as string | undefined;
    if (!other) continue;
    mine ??= shingles(body);
    const overlap = textOverlap(mine, shingles(other));
    if (isNearDuplicate(overlap)) out.push({ id: c.id, similarity: Math.round(Math.max(overlap.jaccard, overlap.containment) * 100) / 100 });
  }
  return out;
}

/**
 * Removes a copy the import wrote for a clip that was not stored, unless a stored clip uses it.
 * Under the write lock, as every removal of a copy is (see crash-leftovers.ts): an import in
 * another process that found this copy there may be about to commit a clip that uses it.
 */
export function discardOriginal(ctx: StoreContext, prepared: PreparedClip): void {
  const rel = prepared.copyCreated ? prepared.copyTo : null;
  if (!rel) return;
  try {
    writeTransaction(ctx.db, () => {
      if (!originalsInUse(ctx.db, [rel]).size) fs.rmSync(path.join(ctx.libraryDir, rel), { force: true });
    });
  } catch {
    // The lock could not be had: the unused copy stays, which costs only its space.
  }
}

/** Why a clip could not be written, in words. */
function storeProblem(e: unknown): string {
  // Every write waits its turn for the lock; this is what remains when it waited BUSY_TIMEOUT_MS.
  if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return 'the library was kept busy by another Cuttings window or command for too long; import it again';
  return (e as Error).message;
}

/**
 * `hooks: false` when the caller tells the search hooks about a whole batch at once. Holds the
 * write lock from the duplicate check to the insert (in a batch, as a savepoint of its
 * transaction), so two processes importing the same article cannot both find it new.
 */
export function storeExtraction(ctx: StoreContext, display: string, name: string, ex: FileExtraction, prepared: PreparedClip, options: { hooks?: boolean } = {}): ImportOutcome {
  try {
    return writeTransaction(ctx.db, () => storeOne(ctx, display, name, ex, prepared, options));
  } catch (e) {
    // The row did not make it: the copy of the original must not stay behind either.
    discardOriginal(ctx, prepared);
    return { file: display, status: 'failed', reason: `could not be saved in the library (${storeProblem(e)})` };
  }
}

function storeOne(ctx: StoreContext, display: string, name: string, ex: FileExtraction, prepared: PreparedClip, options: { hooks?: boolean }): ImportOutcome {
  if (!ex.bodyText.trim() && !ex.title) {
    discardOriginal(ctx, prepared);
    return { file: display, status: 'failed', reason: 'no article text was found in this file' };
  }
  const title = prepared.title;
  const dup = findDuplicate(ctx.db, prepared.contentHash, ex.url, title, ex.bodyText);
  if (dup) {
    discardOriginal(ctx, prepared);
    return { file: display, status: 'duplicate', duplicateOf: dup.id, title: dup.title, reason: `already in the library as "${dup.title}"` };
  }
  // The copy was there when the import looked; a clean-up in another process may have removed it
  // since (only possible if it took this import for a crashed one). Checked under the lock the
  // clean-up also holds, so a clip never points at a missing copy.
  if (prepared.copyTo && !originalExists(ctx.libraryDir, prepared.copyTo)) {
    return { file: display, status: 'failed', reason: 'its copy in the library was removed while it waited to be saved; import it again' };
  }
  // Corrections the person asked to remember for this site (site-rules.ts).
  const ruled = applySiteRules(ctx.db, ex.site, { author: ex.author, source: ex.source, url: ex.url });
  const id = insertClip(ctx.db, {
    title,
    standfirst: ex.standfirst,
    author: ruled.author,
    // One name per outlet (outlets.ts); a name a site rule set is a person's, and decides.
    source: resolveOutlet(ctx.db, { name: ruled.source, site: ex.site, url: ex.url }, { person: ruled.source !== ex.source }),
    site: ex.site,
    url: ex.url,
    publishedAt: ex.publishedAt,
    modifiedAt: ex.modifiedAt,
    savedAt: ex.savedAt,
    language: ex.language,
    bodyText: ex.bodyText,
    bodyHtml: ex.bodyHtml,
    captions: ex.captions,
    contentHash: prepared.contentHash,
    simhash: prepared.simhash,
    wordCount: prepared.wordCount,
    originalName: name,
    originalFormat: ex.format,
    originalPath: prepared.copyTo,
    originalSize: prepared.size,
  });
  if (prepared.entities) writeClipEntities(ctx.db, id, prepared.entities);
  const near = prepared.simhash ? confirmedNear(ctx, ex.bodyText, ctx.simhashes.near(prepared.simhash)) : [];
  const link = ctx.db.prepare('INSERT OR IGNORE INTO near_duplicates (clip_id, other_id, similarity) VALUES (?, ?, ?)');
  // Another save of the same page is a version of it however much it was rewritten: a story.
  if (ex.url) {
    const saves = ctx.db.prepare('SELECT id, body_text FROM clips WHERE url = ? AND id <> ? AND deleted_at IS NULL').all(ex.url, id) as { id: number; body_text: string }[];
    let mine: Set<string> | null = null;
    for (const c of saves) {
      if (near.some((n) => n.id === c.id)) continue;
      mine ??= shingles(ex.bodyText);
      const o = textOverlap(mine, shingles(c.body_text));
      near.push({ id: c.id, similarity: Math.round(Math.max(o.jaccard, o.containment) * 100) / 100 });
    }
  }
  for (const n of near) {
    link.run(id, n.id, n.similarity);
    link.run(n.id, id, n.similarity);
  }
  if (options.hooks !== false) onClipsAdded(ctx.db, [id]);
  // Last, so a failure above leaves the in-memory index as the rolled-back rows.
  if (prepared.simhash) ctx.simhashes.add(id, prepared.simhash);
  return {
    file: display,
    status: 'added',
    clipId: id,
    title,
    nearDuplicates: near.length ? near.map((n) => n.id) : undefined,
    warnings: ex.warnings.length ? ex.warnings : undefined,
  };
}

export interface PendingStore {
  display: string;
  name: string;
  ex: FileExtraction;
  prepared: PreparedClip;
}

/**
 * Stores several extractions in one transaction, each in a savepoint of its own (one bad
 * file rolls back alone), and tells the search hooks once for the batch: the vocabulary
 * then updates each shared word once per batch rather than once per clip.
 */
export function storeBatch(ctx: StoreContext, items: PendingStore[]): ImportOutcome[] {
  let outcomes: ImportOutcome[] = [];
  try {
    writeTransaction(ctx.db, () => {
      outcomes = items.map((it) => storeExtraction(ctx, it.display, it.name, it.ex, it.prepared, { hooks: false }));
      onClipsImported(ctx.db, items.filter((_, i) => outcomes[i].status === 'added').map((it) => it.prepared.words));
    });
    return outcomes;
  } catch (e) {
    // The whole batch rolled back: nothing of it may stay, on disk or in memory.
    ctx.simhashes = loadSimhashIndex(ctx.db);
    items.forEach((it) => discardOriginal(ctx, it.prepared));
    const reason = `could not be saved in the library (${storeProblem(e)})`;
    return items.map((it) => ({ file: it.display, status: 'failed', reason }));
  }
}
