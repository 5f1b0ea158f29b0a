// The originals table: the files members imported, stored once per SHA-256 of their bytes, so
// the same PDF imported by ten members is kept once and every desktop can fetch it.
import crypto from 'node:crypto';
import type pg from 'pg';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The hashes of this list the hub does not hold yet. */
export async function missingOriginals(db: pg.Pool, hashes: string[]): Promise<string[]> {
  if (!hashes.length) return [];
  const { rows } = await db.query<{ sha256: string }>(
    `SELECT h AS sha256 FROM unnest($1::text[]) AS h WHERE NOT EXISTS (SELECT 1 FROM originals o WHERE o.sha256 = h)`,
    [hashes],
  );
  return rows.map((r) => r.sha256);
}

export class WrongHash extends Error {}

/** Stores the bytes under their hash; a second upload of the same file changes nothing. */
export async function storeOriginal(db: pg.Pool, sha256: string, bytes: Buffer, member: string): Promise<'stored' | 'already'> {
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    throw new WrongHash(`the bytes sent hash to ${actual}, not to ${sha256}: the file was changed or cut short on the way`);
  }
  const { rowCount } = await db.query(
    'INSERT INTO originals (sha256, bytes, size, member) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
    [sha256, bytes, bytes.length, member],
  );
  return rowCount ? 'stored' : 'already';
}

export async function originalExists(db: pg.Pool, sha256: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM originals WHERE sha256 = $1', [sha256]);
  return rows.length > 0;
}

export async function readOriginal(db: pg.Pool, sha256: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ bytes: Buffer }>('SELECT bytes FROM originals WHERE sha256 = $1', [sha256]);
  return rows[0]?.bytes ?? null;
}
