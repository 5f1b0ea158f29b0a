// What a person corrected in a clip's record (headline, author, outlet, date, link), kept apart
// from what the import extracted (clip_corrections, migration 7). The clips columns hold the
// effective value, so the list, search and facets read one place; a row here says the field is
// the person's, and what the import had. Re-extraction leaves such fields alone
// (reextract.ts); setting a field back to exactly what was extracted removes its row.
//
// Every function that writes expects to run inside writeTransaction.
import type Database from 'better-sqlite3';
import type { FieldCorrection, RecordField } from '../api.ts';
import { resolveOutlet } from './outlets.ts';

/** clip_corrections.field and the clips column, for each record field as the Api names it. */
export const CORRECTION_COLUMNS = {
  title: 'title',
  author: 'author',
  source: 'source',
  publishedAt: 'published_at',
  url: 'url',
} as const satisfies Record<RecordField, string>;
export type CorrectionColumn = (typeof CORRECTION_COLUMNS)[RecordField];

export const RECORD_FIELDS = Object.keys(CORRECTION_COLUMNS) as RecordField[];

const FIELD_OF = Object.fromEntries(Object.entries(CORRECTION_COLUMNS).map(([f, c]) => [c, f])) as Record<CorrectionColumn, RecordField>;

export function recordFieldOf(column: string): RecordField | null {
  return Object.hasOwn(FIELD_OF, column) ? FIELD_OF[column as CorrectionColumn] : null;
}

/** Record values to set: a field left out is left alone. */
export type RecordValues = Partial<Record<RecordField, string | null>>;

interface CorrectionRow {
  clip_id: number;
  field: CorrectionColumn;
  value: string | null;
  extracted: string | null;
  corrected_at: string;
}

/** What an edit changed, enough to put it back exactly (corrections included). */
export interface EditSnapshot {
  clips: { id: number; before: Partial<Record<CorrectionColumn, string | null>>; corrections: CorrectionRow[] }[];
}

/** One field of one clip an edit changed: what the suggestions of site rules look at. */
export interface ChangedField {
  clipId: number;
  site: string | null;
  field: RecordField;
  extracted: string | null;
  value: string | null;
}

// A library opened read-only before it was migrated (see open-library.ts) has no such table.
const hasTable = new WeakMap<Database.Database, boolean>();
export function hasCorrectionsTable(db: Database.Database): boolean {
  let known = hasTable.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clip_corrections'").get() !== undefined;
    // Only a yes is kept: the table appears when the library is migrated.
    if (known) hasTable.set(db, known);
  }
  return known;
}

/** A host name as rules know sites: lower case, without "www.". */
export function siteKey(site: string | null | undefined, url?: string | null): string | null {
  let host = site?.trim() || null;
  if (!host && url) {
    try {
      host = new URL(url).hostname || null;
    } catch {
      host = null;
    }
  }
  return host ? host.toLowerCase().replace(/^www\d?\./, '') : null;
}

/**
 * A value as it is stored: spaces trimmed and runs of them made one (a title or a name typed
 * with a stray space is the same), an empty author, outlet, link or date stored as none.
 * A title is never empty (the caller refuses one).
 */
export function normaliseRecordValue(field: RecordField, value: string | null): string | null {
  if (value === null) return field === 'title' ? '' : null;
  const flat = field === 'url' || field === 'publishedAt' ? value.trim() : value.replace(/\s+/g, ' ').trim();
  return flat === '' && field !== 'title' ? null : flat;
}

export function correctionsOfClip(db: Database.Database, id: number): FieldCorrection[] {
  if (!hasCorrectionsTable(db)) return [];
  const rows = db.prepare('SELECT field, extracted, corrected_at FROM clip_corrections WHERE clip_id = ? ORDER BY field').all(id) as Pick<CorrectionRow, 'field' | 'extracted' | 'corrected_at'>[];
  const out: FieldCorrection[] = [];
  for (const r of rows) {
    const field = recordFieldOf(r.field);
    if (field) out.push({ field, extracted: r.extracted, correctedAt: r.corrected_at });
  }
  return out;
}

/**
 * Sets record fields of clips, each kept as a correction of what the import had. A field set
 * to the value it already has changes nothing; set back to exactly what was extracted, its
 * correction goes. Deleted clips and unknown ids are skipped. Answers how to undo it and what
 * changed.
 */
export function correctClips(
  db: Database.Database,
  ids: number[],
  values: RecordValues,
  stamp: string,
): { snapshot: EditSnapshot; changed: ChangedField[]; outlet?: string | null } {
  const fields = RECORD_FIELDS.filter((f) => values[f] !== undefined);
  const snapshot: EditSnapshot = { clips: [] };
  const changed: ChangedField[] = [];
  if (!fields.length || !ids.length) return { snapshot, changed };
  // An outlet a person names is the outlet of that name, shown under its one name (outlets.ts):
  // "latimes" typed for a clip of the Los Angeles Times is the Los Angeles Times.
  const wanted: RecordValues = { ...values };
  if (typeof values.source === 'string') wanted.source = resolveOutlet(db, { name: normaliseRecordValue('source', values.source) }, { person: true });
  const columns = fields.map((f) => CORRECTION_COLUMNS[f]);
  const rows = db
    .prepare(`SELECT id, site, url, ${columns.join(', ')} FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify([...new Set(ids)])) as (Record<CorrectionColumn, string | null> & { id: number; site: string | null })[];
  const correctionsOf = db.prepare('SELECT * FROM clip_corrections WHERE clip_id = ?');
  const remove = db.prepare('DELETE FROM clip_corrections WHERE clip_id = ? AND field = ?');
  const keep = db.prepare(
    `INSERT INTO clip_corrections (clip_id, field, value, extracted, corrected_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (clip_id, field) DO UPDATE SET value = excluded.value, corrected_at = excluded.corrected_at`,
  );
  for (const row of rows) {
    const existing = new Map((correctionsOf.all(row.id) as CorrectionRow[]).map((c) => [c.field, c]));
    const before: EditSnapshot['clips'][number]['before'] = {};
    const previous: CorrectionRow[] = [];
    const sets: string[] = [];
    const params: Record<string, unknown> = { id: row.id };
    for (const field of fields) {
      const column = CORRECTION_COLUMNS[field];
      const value = normaliseRecordValue(field, wanted[field]!);
      const current = row[column];
      if (value === current) continue;
      const correction = existing.get(column);
      const extracted = correction ? correction.extracted : current;
      before[column] = current;
      if (correction) previous.push(correction);
      if (value === extracted) remove.run(row.id, column);
      else keep.run(row.id, column, value, extracted, stamp);
      sets.push(`${column} = @${column}`);
      params[column] = value;
      changed.push({ clipId: row.id, site: siteKey(row.site, row.url), field, extracted, value });
    }
    if (!sets.length) continue;
    db.prepare(`UPDATE clips SET ${sets.join(', ')} WHERE id = @id`).run(params);
    snapshot.clips.push({ id: row.id, before, corrections: previous });
  }
  return { snapshot, changed, ...(values.source !== undefined ? { outlet: wanted.source ?? null } : {}) };
}

/** Puts back what an edit changed: the fields' values and their corrections as they were. */
export function restoreEdit(db: Database.Database, snapshot: EditSnapshot): number {
  const remove = db.prepare('DELETE FROM clip_corrections WHERE clip_id = ? AND field = ?');
  const put = db.prepare('INSERT INTO clip_corrections (clip_id, field, value, extracted, corrected_at) VALUES (@clip_id, @field, @value, @extracted, @corrected_at)');
  let restored = 0;
  for (const clip of snapshot.clips) {
    const columns = Object.keys(clip.before) as CorrectionColumn[];
    if (!columns.length) continue;
    // A clip removed for good since has nothing to restore.
    const n = db.prepare(`UPDATE clips SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...clip.before, id: clip.id }).changes;
    if (!n) continue;
    for (const c of columns) remove.run(clip.id, c);
    for (const row of clip.corrections) put.run(row);
    restored++;
  }
  return restored;
}
