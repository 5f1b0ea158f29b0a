// The clips an export writes, read from the library in the order selectClipIds chose, a batch
// at a time: an export of 100,000 clips never holds them all in memory, and the event loop
// gets a turn between batches (the desktop app's main process keeps answering the window).
import type Database from 'better-sqlite3';
import { tagsOfClips, type ClipRow } from '../library/clips.ts';

export interface ExportClip {
  id: number;
  uid: string;
  title: string;
  standfirst: string | null;
  author: string | null;
  source: string | null;
  site: string | null;
  url: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  savedAt: string | null;
  importedAt: string;
  language: string | null;
  bodyText: string;
  /** Sanitized when stored, but every output sanitizes (or escapes) it again. */
  bodyHtml: string;
  captions: string[];
  wordCount: number;
  contentHash: string;
  starred: boolean;
  note: string;
  tags: string[];
  original: { name: string | null; format: string | null; size: number | null };
}

// 50 clips of HTML to sanitize take about 50 ms: the longest the event loop waits between turns.
const BATCH = 50;

function captionsOf(raw: string): string[] {
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** A clip's row as every export writes it (the JSON document drops the id). */
export function toExportClip(r: ClipRow, tags: string[]): ExportClip {
  return {
    id: r.id,
    uid: r.uid,
    title: r.title,
    standfirst: r.standfirst,
    author: r.author,
    source: r.source,
    site: r.site,
    url: r.url,
    publishedAt: r.published_at,
    modifiedAt: r.modified_at,
    savedAt: r.saved_at,
    importedAt: r.imported_at,
    language: r.language,
    bodyText: r.body_text,
    bodyHtml: r.body_html,
    captions: captionsOf(r.captions),
    wordCount: r.word_count,
    contentHash: r.content_hash,
    starred: r.starred === 1,
    note: r.note,
    tags,
    original: { name: r.original_name, format: r.original_format, size: r.original_size },
  };
}

/** Gives the event loop a turn (I/O, IPC) between batches. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The clips of `ids`, in that order, in batches. A clip deleted since the ids were chosen is
 * skipped rather than failing the whole export.
 */
export async function* clipBatches(db: Database.Database, ids: readonly number[]): AsyncGenerator<ExportClip[]> {
  const read = db.prepare('SELECT * FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < ids.length; i += BATCH) {
    const slice = ids.slice(i, i + BATCH);
    const rows = new Map((read.all(JSON.stringify(slice)) as ClipRow[]).map((r) => [r.id, r]));
    const tags = tagsOfClips(db, [...rows.keys()]);
    const batch: ExportClip[] = [];
    for (const id of slice) {
      const r = rows.get(id);
      if (r) batch.push(toExportClip(r, (tags.get(id) ?? []).map((t) => t.name)));
    }
    yield batch;
    await yieldToEventLoop();
  }
}
