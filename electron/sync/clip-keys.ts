// Each clip's key on the hub (sync_clip_keys, migration 10): its content hash when it was first
// shared, so the same article imported by two members is one clip.
import type Database from 'better-sqlite3';
import { stmt } from './statements.ts';

export function clipIdOfKey(db: Database.Database, key: string): number | null {
  return (stmt(db, 'SELECT clip_id FROM sync_clip_keys WHERE key = ?').pluck().get(key) as number | undefined) ?? null;
}

export function keyOfClip(db: Database.Database, clipId: number): string | null {
  return (stmt(db, 'SELECT key FROM sync_clip_keys WHERE clip_id = ?').pluck().get(clipId) as string | undefined) ?? null;
}

export function setClipKey(db: Database.Database, clipId: number, key: string): void {
  stmt(db, 'INSERT INTO sync_clip_keys (clip_id, key) VALUES (?, ?) ON CONFLICT (clip_id) DO UPDATE SET key = excluded.key').run(clipId, key);
}

/** A live clip of this content not yet shared under any key: the same article, imported here too. */
export function unsharedClipWithHash(db: Database.Database, contentHash: string): number | null {
  return (
    (stmt(db, `SELECT id FROM clips c WHERE content_hash = ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_clip_keys k WHERE k.clip_id = c.id) LIMIT 1`)
      .pluck()
      .get(contentHash) as number | undefined) ?? null
  );
}

/** Gives every clip without a key one (a library connected for the first time): its content hash, or its uid when that is taken. */
export function assignClipKeys(db: Database.Database): number {
  const rows = stmt(db, 'SELECT id, uid, content_hash FROM clips c WHERE NOT EXISTS (SELECT 1 FROM sync_clip_keys k WHERE k.clip_id = c.id) ORDER BY deleted_at IS NOT NULL, id').all() as {
    id: number; uid: string; content_hash: string;
  }[];
  const taken = stmt(db, 'SELECT 1 FROM sync_clip_keys WHERE key = ?');
  const put = stmt(db, 'INSERT INTO sync_clip_keys (clip_id, key) VALUES (?, ?)');
  for (const r of rows) put.run(r.id, taken.get(r.content_hash) ? r.uid : r.content_hash);
  return rows.length;
}
