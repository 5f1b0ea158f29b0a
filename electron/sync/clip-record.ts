// A clip's `record` field: what extraction produced (protocol.ts ClipRecord), read from the
// library to push, and written back when pulled — a new clip the way a restore from a JSON
// export makes one (import/export-document.ts), an existing one the way re-extraction rewrites
// it (library/reextract.ts), so corrections, highlights, the index and the vocabulary follow.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ExportEntityMention } from '../api.ts';
import { countWords, insertClip, type ClipRow } from '../library/clips.ts';

import { entityMentionsOfClips, mentionsFromExport, writeClipEntities } from '../library/entities.ts';
import { resolveOutlet } from '../library/outlets.ts';
import { correctionsOf, planReextraction, writeReextraction, type ExtractedFields } from '../library/reextract.ts';
import { simhash } from '../import/fingerprints.ts';
import { onClipsAdded, onClipsRemoved } from '../search/index-hooks.ts';
import type { ClipRecord, Json } from './protocol.ts';
import { stmt } from './statements.ts';

const SHA = /^([0-9a-f]{64})/;

/** The SHA-256 that names a stored original (originals/ab/<sha256><ext>). */
export function originalSha(relativePath: string | null): string | null {
  return relativePath ? (SHA.exec(path.basename(relativePath))?.[1] ?? null) : null;
}

export function recordOfClip(db: Database.Database, clipId: number): ClipRecord | null {
  const row = stmt(db, 'SELECT * FROM clips WHERE id = ?').get(clipId) as ClipRow | undefined;
  if (!row) return null;
  // A corrected field's record value is what extraction had, kept beside the correction.
  const extracted = new Map(
    (stmt(db, 'SELECT field, extracted FROM clip_corrections WHERE clip_id = ?').all(clipId) as { field: string; extracted: string | null }[]).map((c) => [c.field, c.extracted]),
  );
  const pick = (column: string, value: string | null) => (extracted.has(column) ? extracted.get(column)! : value);
  const entities = entityMentionsOfClips(db, [clipId]).get(clipId);
  return {
    uid: row.uid,
    title: pick('title', row.title) ?? '',
    standfirst: row.standfirst,
    author: pick('author', row.author),
    source: pick('source', row.source),
    site: row.site,
    url: pick('url', row.url),
    publishedAt: pick('published_at', row.published_at),
    modifiedAt: row.modified_at,
    savedAt: row.saved_at,
    importedAt: row.imported_at,
    language: row.language,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    captions: JSON.parse(row.captions) as string[],
    contentHash: row.content_hash,
    original: { name: row.original_name, format: row.original_format, size: row.original_size, sha256: originalSha(row.original_path) },
    ...(entities?.length ? { entities: entities as unknown as Json } : {}),
  };
}

/** A record as it arrives: every field checked, so a hand-made change cannot break a clip. */
export function asRecord(value: Json): ClipRecord | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, Json>;
  const str = (x: Json | undefined): string | null => (typeof x === 'string' ? x : null);
  const original = (v.original && typeof v.original === 'object' && !Array.isArray(v.original) ? v.original : {}) as Record<string, Json>;
  const bodyText = str(v.bodyText) ?? '';
  const contentHash = str(v.contentHash);
  if (!contentHash) return null;
  return {
    uid: str(v.uid) ?? '',
    title: str(v.title)?.trim() || 'Untitled clipping',
    standfirst: str(v.standfirst),
    author: str(v.author),
    source: str(v.source),
    site: str(v.site),
    url: str(v.url),
    publishedAt: str(v.publishedAt),
    modifiedAt: str(v.modifiedAt),
    savedAt: str(v.savedAt),
    importedAt: str(v.importedAt) ?? new Date().toISOString(),
    language: str(v.language),
    bodyText,
    bodyHtml: str(v.bodyHtml) ?? '',
    captions: Array.isArray(v.captions) ? v.captions.filter((c): c is string => typeof c === 'string') : [],
    contentHash,
    original: {
      name: str(original.name),
      format: str(original.format),
      size: typeof original.size === 'number' ? original.size : null,
      sha256: str(original.sha256) && SHA.test(str(original.sha256)!) ? str(original.sha256) : null,
    },
    ...(Array.isArray(v.entities) ? { entities: v.entities } : {}),
  };
}

/** The stored copy of these bytes, if this library has it already (under whatever extension). */
export function storedOriginalPath(libraryDir: string, sha: string | null): string | null {
  if (!sha) return null;
  const folder = path.join('originals', sha.slice(0, 2));
  try {
    const name = fs.readdirSync(path.join(libraryDir, folder)).find((n) => n.startsWith(sha) && !n.endsWith('.tmp'));
    return name ? path.join(folder, name) : null;
  } catch {
    return null;
  }
}

/** What extraction recorded, as the library keeps it: the outlet under this library's own name for it. */
function extractedOf(db: Database.Database, r: ClipRecord) {
  return {
    title: r.title,
    standfirst: r.standfirst,
    author: r.author,
    source: resolveOutlet(db, { name: r.source, site: r.site, url: r.url }),
    site: r.site,
    url: r.url,
    publishedAt: r.publishedAt,
    modifiedAt: r.modifiedAt,
    savedAt: r.savedAt,
    language: r.language,
    captions: r.captions,
    bodyText: r.bodyText,
    bodyHtml: r.bodyHtml,
    contentHash: r.contentHash,
    simhash: simhash(r.bodyText),
  };
}

/**
 * Makes a clip from a pulled record; the caller runs it inside the write transaction that applies
 * the page. `countVocabulary` false leaves the typo vocabulary to the caller, which counts a whole
 * page's new clips at once (onClipsAdded): common words are then updated once, not per clip.
 */
export function insertClipFromRecord(db: Database.Database, libraryDir: string, r: ClipRecord, countVocabulary = true): number {
  const uidTaken = r.uid && stmt(db, 'SELECT 1 FROM clips WHERE uid = ?').get(r.uid);
  const id = insertClip(db, {
    ...extractedOf(db, r),
    uid: r.uid && !uidTaken ? r.uid : undefined,
    importedAt: r.importedAt,
    originalName: r.original.name,
    originalFormat: r.original.format,
    originalPath: storedOriginalPath(libraryDir, r.original.sha256),
    originalSize: r.original.size,
  });
  if (countVocabulary) onClipsAdded(db, [id]);
  if (Array.isArray(r.entities)) writeClipEntities(db, id, mentionsFromExport(r.entities as unknown as ExportEntityMention[]));
  return id;
}

/** Rewrites an existing clip's extracted fields from a pulled record; a person's corrections stay. */
export function applyRecord(db: Database.Database, clipId: number, r: ClipRecord): void {
  const row = stmt(db, 'SELECT * FROM clips WHERE id = ?').get(clipId) as ClipRow | undefined;
  if (!row) return;
  const fresh: ExtractedFields = { ...extractedOf(db, r), wordCount: countWords(r.bodyText) };
  const plan = planReextraction(row, fresh, correctionsOf(db, [clipId]).get(clipId));
  const live = row.deleted_at === null && plan.indexedTextChanged;
  if (live) onClipsRemoved(db, [clipId]);
  writeReextraction(db, plan);
  if (live) onClipsAdded(db, [clipId]);
  if (Array.isArray(r.entities)) writeClipEntities(db, clipId, mentionsFromExport(r.entities as unknown as ExportEntityMention[]));
}

