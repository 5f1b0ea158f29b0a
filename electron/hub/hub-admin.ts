// What the `cuttings hub` command does besides serving: add a member, list them. Each opens its
// own short connection and migrates first, so the very first command on an empty database works.
import type { Member } from './members.ts';
import { deleteMember, insertMember, listMembers } from './members.ts';
import { createPool } from './hub-database.ts';
import { migrateHub } from './hub-migrate.ts';
import type { MemberRole } from '../sync/protocol.ts';

async function withHubDatabase<T>(databaseUrl: string, work: (pool: import('pg').Pool) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl, 2);
  try {
    await migrateHub(pool);
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** Adds a member to the hub on this database; returns their token, which is shown only now. */
export function addMember(databaseUrl: string, name: string, role: MemberRole): Promise<string> {
  return withHubDatabase(databaseUrl, (pool) => insertMember(pool, name, role));
}

/** Removes a member; null when the hub has no member of that name. */
export function removeMember(databaseUrl: string, name: string): Promise<{ id: string; privateValues: number } | null> {
  return withHubDatabase(databaseUrl, (pool) => deleteMember(pool, name));
}

export function hubMembers(databaseUrl: string): Promise<Member[]> {
  return withHubDatabase(databaseUrl, (pool) => listMembers(pool));
}
