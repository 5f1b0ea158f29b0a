// A clip's history: values its fields held until a later edit replaced them, here or by another
// member (sync_history, migration 10). A value is restored by making it again as a person's
// edit, so it goes out through the outbox with a fresh clock and the value it replaces is kept.
import type Database from 'better-sqlite3';
import type { ClipHistoryEntry } from '../api.ts';
import { NotFoundError } from '../library/clips.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { keyOfClip, clipIdOfKey } from './clip-keys.ts';
import { writeClipField } from './clip-field-writes.ts';
import { readField } from './field-values.ts';
import { parseHlc } from './hlc.ts';
import { readLink } from './link-row.ts';
import type { HistoryEntry, Json, ObjectKind } from './protocol.ts';
import { stmt } from './statements.ts';

/** A value replaced here, as the hub's history holds one (the time is when it is recorded). */
export type Superseded = Omit<HistoryEntry, 'recordedAt'>;

export function recordSuperseded(db: Database.Database, s: Superseded): void {
  stmt(db, 
    `INSERT INTO sync_history (kind, key, field, value, hlc, member, superseded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.kind, s.key, s.field, JSON.stringify(s.value ?? null), s.hlc, s.member, s.supersededBy, new Date().toISOString());
}

/** The clock and author of the value a field holds here now: its pending edit, or what the last sync said. */
export function currentAuthor(db: Database.Database, kind: ObjectKind, key: string, field: string, me: string): { hlc: string; member: string } | null {
  const pending = stmt(db, 'SELECT hlc FROM sync_outbox WHERE kind = ? AND key = ? AND field = ?').pluck().get(kind, key, field) as string | undefined;
  if (pending) return { hlc: pending, member: me };
  const synced = stmt(db, 'SELECT hlc, member FROM sync_fields WHERE kind = ? AND key = ? AND field = ?').get(kind, key, field) as { hlc: string; member: string } | undefined;
  if (synced) return synced;
  // A headline, outlet, author, date or link nobody has edited is the record's: whoever shared the clip.
  if (kind === 'clip' && RECORD_FIELDS.has(field)) return currentAuthor(db, kind, key, 'record', me);
  return null;
}

const RECORD_FIELDS = new Set(['title', 'source', 'author', 'publishedAt', 'url']);

const isoOf = (hlc: string): string => {
  const h = parseHlc(hlc);
  return new Date(h ? h.physical : 0).toISOString();
};

const shown = (value: string): string | boolean | null => {
  const v = JSON.parse(value) as Json;
  return v === null || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);
};

export function clipHistory(db: Database.Database, clipId: number): ClipHistoryEntry[] {
  const key = keyOfClip(db, clipId);
  if (key === null) return [];
  const rows = stmt(db, `SELECT id, field, value, hlc, member, superseded_by FROM sync_history WHERE kind = 'clip' AND key = ? ORDER BY superseded_by DESC, id DESC`)
    .all(key) as { id: number; field: string; value: string; hlc: string; member: string; superseded_by: string }[];
  return rows.map((r) => ({ id: r.id, field: r.field, value: shown(r.value), by: r.member, at: isoOf(r.hlc), replacedAt: isoOf(r.superseded_by) }));
}

export function restoreHistoryEntry(db: Database.Database, entryId: number): void {
  const entry = stmt(db, `SELECT kind, key, field, value FROM sync_history WHERE id = ? AND kind = 'clip'`).get(entryId) as
    | { kind: ObjectKind; key: string; field: string; value: string }
    | undefined;
  if (!entry) throw new NotFoundError(`There is no history entry ${entryId}.`);
  const link = readLink(db);
  writeTransaction(db, () => {
    const clipId = clipIdOfKey(db, entry.key);
    if (clipId === null) throw new NotFoundError('That clip is no longer in this library.');
    const me = link?.member ?? 'me';
    const before = readField(db, link ?? { privateNotes: false }, 'clip', entry.key, entry.field);
    const author = currentAuthor(db, 'clip', entry.key, entry.field, me);
    const value = JSON.parse(entry.value) as Json;
    if (!writeClipField(db, clipId, entry.field, value, new Date().toISOString())) return;
    const now = stmt(db, 'SELECT hlc FROM sync_outbox WHERE kind = ? AND key = ? AND field = ?').pluck().get('clip', entry.key, entry.field) as string | undefined;
    if (before && now) {
      recordSuperseded(db, { kind: 'clip', key: entry.key, field: entry.field, value: before.value, hlc: author?.hlc ?? now, member: author?.member ?? me, supersededBy: now });
    }
  });
}
