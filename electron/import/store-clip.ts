// Writing one extracted article into the library: duplicate check, the original's copy,
// the clip row, near-duplicate links and the search hooks, all in one transaction, so a
// failure leaves nothing half-written.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportOutcome } from '../api.ts';
import { insertClip } from '../library/clips.ts';
import { storeOriginal } from '../library/originals.ts';
import { tagClips } from '../library/tags.ts';
import { onClipsAdded } from '../search/index-hooks.ts';
import type { FileExtraction } from './extract-file.ts';
import { contentHash, simhash, similarityFromDistance, SimhashIndex } from './fingerprints.ts';
import { inlineAttachments } from './inline-attachments.ts';

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

function findDuplicate(db: Database.Database, hash: string, url: string | null, title: string): { id: number; title: string } | undefined {
  const byText = db.prepare('SELECT id, title FROM clips WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1').get(hash) as { id: number; title: string } | undefined;
  if (byText) return byText;
  if (!url) return undefined;
  return db
    .prepare('SELECT id, title FROM clips WHERE url = ? AND title = ? AND deleted_at IS NULL LIMIT 1')
    .get(url, title) as { id: number; title: string } | undefined;
}

/** A title for a file whose article has none: its name, without the extension. */
function fallbackTitle(name: string): string {
  const base = path.basename(name).replace(/\.[a-z0-9]{1,10}$/i, '').replace(/[_]+/g, ' ').trim();
  return base || 'Untitled clipping';
}

export interface Original {
  name: string;
  bytes: Uint8Array;
}

export function storeExtraction(ctx: StoreContext, display: string, original: Original, ex: FileExtraction, extra?: { tags?: string[] }): ImportOutcome {
  const title = ex.title?.trim() || fallbackTitle(original.name);
  if (!ex.bodyText.trim() && !ex.title) {
    return { file: display, status: 'failed', reason: 'no article text was found in this file' };
  }
  // Same text = same clip (a clip with no body is known by its title alone).
  const hash = contentHash(ex.bodyText.trim() ? ex.bodyText : title);
  const dup = findDuplicate(ctx.db, hash, ex.url, title);
  if (dup) return { file: display, status: 'duplicate', duplicateOf: dup.id, title: dup.title, reason: `already in the library as "${dup.title}"` };

  const fingerprint = simhash(ex.bodyText);
  let written: string | null = null;
  try {
    const stored = storeOriginal(ctx.libraryDir, original.bytes, original.name);
    written = stored.created ? stored.relativePath : null;
    const { id, near } = ctx.db.transaction(() => {
      const id = insertClip(ctx.db, {
        title,
        standfirst: ex.standfirst,
        author: ex.author,
        source: ex.source,
        site: ex.site,
        url: ex.url,
        publishedAt: ex.publishedAt,
        modifiedAt: ex.modifiedAt,
        savedAt: ex.savedAt,
        language: ex.language,
        bodyText: ex.bodyText,
        bodyHtml: inlineAttachments(ex.bodyHtml, ex.attachments),
        captions: ex.captions,
        contentHash: hash,
        simhash: fingerprint,
        originalName: original.name,
        originalFormat: ex.format,
        originalPath: stored.relativePath,
        originalSize: original.bytes.byteLength,
      });
      const near = fingerprint ? ctx.simhashes.near(fingerprint) : [];
      const link = ctx.db.prepare('INSERT OR IGNORE INTO near_duplicates (clip_id, other_id, similarity) VALUES (?, ?, ?)');
      for (const n of near) {
        const sim = similarityFromDistance(n.distance);
        link.run(id, n.id, sim);
        link.run(n.id, id, sim);
      }
      if (extra?.tags?.length) tagClips(ctx.db, [id], extra.tags);
      onClipsAdded(ctx.db, [id]);
      return { id, near };
    })();
    if (fingerprint) ctx.simhashes.add(id, fingerprint);
    return {
      file: display,
      status: 'added',
      clipId: id,
      title,
      nearDuplicates: near.length ? near.map((n) => n.id) : undefined,
      warnings: ex.warnings.length ? ex.warnings : undefined,
    };
  } catch (e) {
    // The row did not make it: the copy of the original must not stay behind either,
    // unless another clip already uses the same bytes.
    if (written) {
      const used = ctx.db.prepare('SELECT 1 FROM clips WHERE original_path = ?').get(written);
      if (!used) fs.rmSync(path.join(ctx.libraryDir, written), { force: true });
    }
    return { file: display, status: 'failed', reason: `could not be saved in the library (${(e as Error).message})` };
  }
}
