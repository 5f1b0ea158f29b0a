// Deleted clips: the list a person restores from, and the purge of those past RESTORE_DAYS.
// A purged clip keeps its `deleted` field (true) as a tombstone, so a desktop that was away for
// months still learns of the deletion; everything else of it, history included, goes.
import type pg from 'pg';
import { RESTORE_DAYS, type DeletedClip } from '../sync/protocol.ts';
import { WRITE_LOCK } from './advisory-locks.ts';

/** Clips whose deletion holds and is still restorable, newest deletion first. */
export async function deletedClips(db: pg.Pool): Promise<DeletedClip[]> {
  const { rows } = await db.query<{ key: string; member: string; written_at: Date; until: Date; title: string | null }>(
    `SELECT d.key, d.member, d.written_at, d.written_at + make_interval(days => $1) AS until,
            coalesce(t.value #>> '{}', r.value ->> 'title') AS title
     FROM objects d
     LEFT JOIN objects t ON t.kind = 'clip' AND t.key = d.key AND t.field = 'title' AND t.owner = ''
     LEFT JOIN objects r ON r.kind = 'clip' AND r.key = d.key AND r.field = 'record' AND r.owner = ''
     WHERE d.kind = 'clip' AND d.field = 'deleted' AND d.owner = '' AND d.value = 'true'::jsonb
       AND d.written_at > now() - make_interval(days => $1)
     ORDER BY d.written_at DESC, d.key`,
    [RESTORE_DAYS],
  );
  return rows.map((r) => ({
    key: r.key,
    title: r.title ?? '',
    deletedBy: r.member,
    deletedAt: r.written_at.toISOString(),
    restorableUntil: r.until.toISOString().slice(0, 10),
  }));
}

/** Removes what clips deleted longer than RESTORE_DAYS ago still hold; returns how many clips. */
export async function purgeDeletedClips(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    // A push deciding on one of these clips at the same moment sees it whole or purged, not half.
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const { rows } = await client.query<{ key: string }>(
      `SELECT key FROM objects
       WHERE kind = 'clip' AND field = 'deleted' AND owner = '' AND value = 'true'::jsonb
         AND written_at <= now() - make_interval(days => $1)
         AND EXISTS (SELECT 1 FROM objects o WHERE o.kind = 'clip' AND o.key = objects.key AND o.field <> 'deleted')`,
      [RESTORE_DAYS],
    );
    const keys = rows.map((r) => r.key);
    if (keys.length) {
      await client.query(`DELETE FROM objects WHERE kind = 'clip' AND key = ANY($1::text[]) AND field <> 'deleted'`, [keys]);
      await client.query(`DELETE FROM history WHERE kind = 'clip' AND key = ANY($1::text[])`, [keys]);
    }
    await client.query('COMMIT');
    return keys.length;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw e;
  } finally {
    client.release(broken);
  }
}
