// The members table: who may use the hub, with which role. A member's token is shown once when
// the member is added; the hub keeps only its SHA-256, so a copy of the database (a pg_dump)
// lets nobody in.
import crypto from 'node:crypto';
import type pg from 'pg';
import type { MemberRole } from '../sync/protocol.ts';

export interface Member {
  id: string;
  role: MemberRole;
  createdAt: string;
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export class MemberError extends Error {}

/** Adds a member and returns their token (print it once; it cannot be read back). */
export async function insertMember(db: pg.Pool | pg.PoolClient, name: string, role: MemberRole): Promise<string> {
  const id = name.trim();
  if (!id || id.length > 100 || /[\u0000-\u001f\u007f]/.test(id)) {
    throw new MemberError('a member name must be 1 to 100 characters, without control characters');
  }
  const token = `cut_${crypto.randomBytes(32).toString('base64url')}`;
  try {
    await db.query('INSERT INTO members (id, role, token_sha256) VALUES ($1, $2, $3)', [id, role, tokenHash(token)]);
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new MemberError(`there is already a member called "${id}"`);
    throw e;
  }
  return token;
}

/**
 * Takes a member off the hub: their token stops working at once. What they shared stays the
 * team's; what they kept private goes with them, so a later member of the same name never reads it.
 */
export async function deleteMember(pool: pg.Pool, name: string): Promise<{ id: string; privateValues: number } | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>('DELETE FROM members WHERE lower(id) = lower($1) RETURNING id', [name.trim()]);
    const id = rows[0]?.id;
    if (!id) {
      await client.query('ROLLBACK');
      return null;
    }
    const objects = await client.query('DELETE FROM objects WHERE owner = $1', [id]);
    await client.query('DELETE FROM history WHERE owner = $1', [id]);
    await client.query('COMMIT');
    return { id, privateValues: objects.rowCount ?? 0 };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export async function memberByToken(db: pg.Pool, token: string): Promise<Member | null> {
  const { rows } = await db.query<{ id: string; role: MemberRole; created_at: Date }>(
    'SELECT id, role, created_at FROM members WHERE token_sha256 = $1',
    [tokenHash(token)],
  );
  const r = rows[0];
  return r ? { id: r.id, role: r.role, createdAt: r.created_at.toISOString() } : null;
}

export async function listMembers(db: pg.Pool): Promise<Member[]> {
  const { rows } = await db.query<{ id: string; role: MemberRole; created_at: Date }>('SELECT id, role, created_at FROM members ORDER BY lower(id)');
  return rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.created_at.toISOString() }));
}
