// Pulled fields this library cannot apply yet (sync_pending, migration 10): a clip's tag before
// its record arrives, an edit of a clip deleted here that a restore will bring back, a highlight
// waiting for its clip and anchor. They are applied when their object can take them.
import type Database from 'better-sqlite3';
import { writeClipField } from './clip-field-writes.ts';
import type { Json, ObjectKind, StoredChange } from './protocol.ts';
import { stmt } from './statements.ts';

export interface PendingField {
  value: Json;
  hlc: string;
  private: boolean;
}

export function putPending(db: Database.Database, c: Pick<StoredChange, 'kind' | 'key' | 'field' | 'value' | 'hlc' | 'member' | 'private'>): void {
  stmt(db, 
    `INSERT INTO sync_pending (kind, key, field, value, hlc, member, private) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET value = excluded.value, hlc = excluded.hlc, member = excluded.member, private = excluded.private WHERE excluded.hlc > sync_pending.hlc`,
  ).run(c.kind, c.key, c.field, JSON.stringify(c.value), c.hlc, c.member, c.private ? 1 : 0);
}

export function pendingOf(db: Database.Database, kind: ObjectKind, key: string): Map<string, PendingField> {
  const rows = stmt(db, 'SELECT field, value, hlc, private FROM sync_pending WHERE kind = ? AND key = ? ORDER BY hlc').all(kind, key) as {
    field: string; value: string; hlc: string; private: number;
  }[];
  return new Map(rows.map((r) => [r.field, { value: JSON.parse(r.value) as Json, hlc: r.hlc, private: r.private === 1 }]));
}

export function dropPending(db: Database.Database, kind: ObjectKind, key: string): void {
  stmt(db, 'DELETE FROM sync_pending WHERE kind = ? AND key = ?').run(kind, key);
}

/** Applies what waited for this clip (now here, or back from deletion); its deletion last. */
export function flushClipPending(db: Database.Database, key: string, clipId: number): void {
  const fields = [...pendingOf(db, 'clip', key)].sort(([a], [b]) => Number(a === 'deleted') - Number(b === 'deleted'));
  dropPending(db, 'clip', key);
  for (const [field, p] of fields) writeClipField(db, clipId, field, p.value, `sync:${p.hlc}`);
}
