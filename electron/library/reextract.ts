// Re-extraction's writes: a clip's extracted fields replaced by what the current extractor reads
// from its stored original, and everything a person did kept — tags, star and note live in
// columns and tables re-extraction never touches, and a corrected field (clip_corrections,
// migration 7) keeps the person's value while its `extracted` column takes the new reading.
//
// The job that reads the originals on the worker pool and calls this in batches is
// electron/import/reextract-job.ts.
import type Database from 'better-sqlite3';
import type { RecordField, ReextractField } from '../api.ts';
import type { PreparedClip } from '../import/prepare-clip.ts';
import type { Extracted } from '../import/types.ts';
import type { ClipRow } from './clips.ts';
import { CORRECTION_COLUMNS, hasCorrectionsTable, recordFieldOf } from './corrections.ts';
import { reanchorHighlights, type ReanchorCount } from './highlights.ts';
import { resolveOutlet } from './outlets.ts';
import { applySiteRules } from './site-rules.ts';

/** What extraction gives for a clip: the columns re-extraction replaces. The extractor's record
 * (its warnings aside), with the title, word count and fingerprints an import stores. */
export type ExtractedFields = Omit<Extracted, 'title' | 'warnings'> & Pick<PreparedClip, 'title' | 'wordCount' | 'contentHash' | 'simhash'>;

/** Each field a person sees, its column, and how its values compare. */
const FIELDS: { field: ReextractField; column: keyof ClipRow; get(f: ExtractedFields): string | null }[] = [
  { field: 'title', column: 'title', get: (f) => f.title },
  { field: 'standfirst', column: 'standfirst', get: (f) => f.standfirst },
  { field: 'author', column: 'author', get: (f) => f.author },
  { field: 'source', column: 'source', get: (f) => f.source },
  { field: 'site', column: 'site', get: (f) => f.site },
  { field: 'url', column: 'url', get: (f) => f.url },
  { field: 'publishedAt', column: 'published_at', get: (f) => f.publishedAt },
  { field: 'modifiedAt', column: 'modified_at', get: (f) => f.modifiedAt },
  { field: 'savedAt', column: 'saved_at', get: (f) => f.savedAt },
  { field: 'language', column: 'language', get: (f) => f.language },
  { field: 'bodyText', column: 'body_text', get: (f) => f.bodyText },
  { field: 'bodyHtml', column: 'body_html', get: (f) => f.bodyHtml },
  { field: 'captions', column: 'captions', get: (f) => JSON.stringify(f.captions) },
];

/** The corrected fields of each of these clips (none in a library from before migration 7). */
export function correctionsOf(db: Database.Database, ids: number[]): Map<number, Set<RecordField>> {
  const out = new Map<number, Set<RecordField>>();
  if (!ids.length || !hasCorrectionsTable(db)) return out;
  const rows = db
    .prepare('SELECT clip_id AS id, field FROM clip_corrections WHERE clip_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; field: string }[];
  for (const r of rows) {
    const field = recordFieldOf(r.field);
    if (!field) continue;
    const set = out.get(r.id) ?? new Set<RecordField>();
    set.add(field);
    out.set(r.id, set);
  }
  return out;
}

/**
 * Per-site remembered corrections (site-rules.ts) and one name per outlet (outlets.ts), applied
 * to a clip's newly extracted fields exactly as an import applies them (store-clip.ts). THE one
 * place re-extraction calls them; inside the write transaction (an outlet may be learnt).
 */
export function applyLearnedRules(db: Database.Database, fields: ExtractedFields): ExtractedFields {
  const ruled = applySiteRules(db, fields.site, { author: fields.author, source: fields.source, url: fields.url });
  return {
    ...fields,
    author: ruled.author ?? null,
    // A name a site rule set is a person's, and decides.
    source: resolveOutlet(db, { name: ruled.source, site: fields.site, url: fields.url }, { person: ruled.source !== fields.source }),
  };
}

export interface ReextractPlan {
  id: number;
  /** What the clip's extracted columns become (corrected fields keep the person's value). */
  next: ExtractedFields;
  /** Fields whose stored value changes, as the Api's Clip names them. */
  changed: ReextractField[];
  /** Fields a person corrected, left as they are; their corrections note `extracted`. */
  kept: RecordField[];
  /** What extraction now says for each corrected field (clip_corrections.extracted). */
  extracted: Partial<Record<RecordField, string | null>>;
  /** The row is rewritten (also when only a fingerprint changes, which nobody sees). */
  written: boolean;
  /** The near-duplicate fingerprint changes: the clip's links need working out again. */
  simhashChanged: boolean;
  /** The title, author, source or body change: the full-text index and the typo vocabulary follow. */
  indexedTextChanged: boolean;
}

/** What re-extraction would do to `row` given `fresh` (nothing is written). */
export function planReextraction(row: ClipRow, fresh: ExtractedFields, corrected: ReadonlySet<RecordField> = new Set()): ReextractPlan {
  const next: ExtractedFields = { ...fresh, captions: [...fresh.captions] };
  const kept: RecordField[] = [];
  const extracted: ReextractPlan['extracted'] = {};
  for (const field of corrected) {
    extracted[field] = fresh[field];
    // The person's value stays: the clip's column holds it.
    (next as unknown as Record<string, unknown>)[field] = row[CORRECTION_COLUMNS[field]];
    kept.push(field);
  }
  // A date the file showed only by its modification time (the file as the person had it) is
  // not in the stored copy, whose own time is the import's: the stored day is kept.
  next.savedAt ??= row.saved_at;
  const changed = FIELDS.filter((f) => (f.get(next) ?? null) !== (row[f.column] ?? null)).map((f) => f.field);
  const simhashChanged = (next.simhash ?? null) !== (row.simhash ?? null);
  return {
    id: row.id,
    next,
    changed,
    kept,
    extracted,
    written: changed.length > 0 || simhashChanged || next.wordCount !== row.word_count || next.contentHash !== row.content_hash,
    simhashChanged,
    indexedTextChanged: changed.some((f) => f === 'title' || f === 'author' || f === 'source' || f === 'bodyText'),
  };
}

/**
 * Carries out a plan: the clip's extracted columns, and what extraction now says in its
 * corrections, and the clip's highlights anchored again in a new body. Call inside a write transaction. The full-text index follows by its triggers;
 * the typo vocabulary is the caller's to tell, before and after (see reextract-job.ts).
 */
export function writeReextraction(db: Database.Database, plan: ReextractPlan): ReanchorCount | null {
  if (plan.kept.length) {
    const note = db.prepare('UPDATE clip_corrections SET extracted = ? WHERE clip_id = ? AND field = ?');
    for (const field of plan.kept) note.run(plan.extracted[field] ?? null, plan.id, CORRECTION_COLUMNS[field]);
  }
  if (!plan.written) return null;
  db.prepare(
    `UPDATE clips SET title = @title, standfirst = @standfirst, author = @author, source = @source, site = @site,
       url = @url, published_at = @publishedAt, modified_at = @modifiedAt, saved_at = @savedAt, language = @language,
       body_text = @bodyText, body_html = @bodyHtml, captions = @captions, word_count = @wordCount,
       content_hash = @contentHash, simhash = @simhash
     WHERE id = @id`,
  ).run({ ...plan.next, captions: JSON.stringify(plan.next.captions), id: plan.id });
  // A person's highlights follow their words into the new text (or wait, detached).
  return plan.changed.includes('bodyText') ? reanchorHighlights(db, plan.id, plan.next.bodyText) : null;
}
