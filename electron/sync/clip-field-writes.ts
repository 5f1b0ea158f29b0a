// Writes one shared field of a clip the way the Api writes a person's edit of it: record fields
// as corrections (library/corrections.ts), the star and note through clips.ts, tags through
// tags.ts, deletion as a soft delete, each with the typo vocabulary told (search/index-hooks.ts).
// Used to apply a pulled edit and to restore a value from the clip's history. Inside a write
// transaction; answers whether anything changed.
import type Database from 'better-sqlite3';
import type { RecordField } from '../api.ts';
import { softDeleteClips, updateClip } from '../library/clips.ts';
import { correctClips } from '../library/corrections.ts';
import { ensureTagId, findTag, tagClips, untagClips } from '../library/tags.ts';
import { onClipsAdded, onClipsRemoved, recountingWords } from '../search/index-hooks.ts';
import { DISPLAYED_COLUMNS } from './field-values.ts';
import { TAG_FIELD_PREFIX, type Json } from './protocol.ts';
import { stmt } from './statements.ts';

const INDEXED = new Set(['title', 'author', 'source']);

export function isDeleted(db: Database.Database, clipId: number): boolean {
  return (stmt(db, 'SELECT deleted_at IS NOT NULL FROM clips WHERE id = ?').pluck().get(clipId) as number | undefined) === 1;
}

export function writeClipField(db: Database.Database, clipId: number, field: string, value: Json, stamp: string): boolean {
  if (field === 'deleted') return value === true ? deleteClip(db, clipId, stamp) : undeleteClip(db, clipId);
  if (isDeleted(db, clipId)) return false;
  if (Object.hasOwn(DISPLAYED_COLUMNS, field)) {
    if (value !== null && typeof value !== 'string') return false;
    if (field === 'title' && !value?.trim()) return false;
    const run = () => correctClips(db, [clipId], { [field as RecordField]: value }, stamp).snapshot.clips.length > 0;
    return INDEXED.has(field) ? recountingWords(db, [clipId], run) : run();
  }
  if (field === 'starred') {
    if (typeof value !== 'boolean') return false;
    updateClip(db, clipId, { starred: value });
    return true;
  }
  if (field === 'note') {
    if (typeof value !== 'string') return false;
    recountingWords(db, [clipId], () => updateClip(db, clipId, { note: value }));
    return true;
  }
  if (field.startsWith(TAG_FIELD_PREFIX)) {
    const lower = field.slice(TAG_FIELD_PREFIX.length);
    const tag = (stmt(db, 'SELECT name FROM tags WHERE lower(name) = ?').pluck().get(lower) as string | undefined) ?? null;
    if (value === true) {
      const name = tag ?? lower;
      ensureTagId(db, name);
      return tagClips(db, [clipId], [name]) > 0;
    }
    return tag !== null && findTag(db, tag) !== undefined && untagClips(db, [clipId], [tag]) > 0;
  }
  return false;
}

function deleteClip(db: Database.Database, clipId: number, stamp: string): boolean {
  if (isDeleted(db, clipId)) return false;
  // The vocabulary reads the clip's text, so it is told before the clip leaves the index.
  onClipsRemoved(db, [clipId]);
  return softDeleteClips(db, [clipId], stamp) > 0;
}

/** One clip back (clips.ts restores by an undo stamp, which other clips deleted with it share). */
function undeleteClip(db: Database.Database, clipId: number): boolean {
  if (!isDeleted(db, clipId)) return false;
  stmt(db, 'UPDATE clips SET deleted_at = NULL WHERE id = ?').run(clipId);
  onClipsAdded(db, [clipId]);
  return true;
}
