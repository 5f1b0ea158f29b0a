// Brings a hub database up to the newest schema (migrations/). Every step runs in its own
// transaction and is recorded in hub_schema; an advisory lock makes a second hub starting at
// the same moment wait, then find nothing left to do.
import type pg from 'pg';
import { MIGRATE_LOCK } from './advisory-locks.ts';
import { hubMigrations } from './migrations/index.ts';

/** Applies the steps not applied yet; returns the versions it applied. */
export async function migrateHub(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS hub_schema (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM hub_schema');
    const current = rows[0]?.version ?? 0;
    const newest = hubMigrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new Error(`the hub database is at schema ${current}, newer than this Cuttings knows (${newest}): update Cuttings`);
    }
    for (const step of hubMigrations) {
      if (step.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO hub_schema (version, name) VALUES ($1, $2)', [step.version, step.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
      applied.push(step.version);
    }
  } finally {
    // Closing the connection would release the lock too; unlocking keeps the pooled one clean.
    const unlocked = await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).then(() => true, () => false);
    // A connection that could not unlock is dropped, which releases the lock with it.
    client.release(!unlocked);
  }
  return applied;
}
