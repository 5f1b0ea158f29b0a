// The sync_link row (migration 10) as the sync modules read and write it. The token is read
// here and sent only to the hub it belongs to.
import type Database from 'better-sqlite3';
import type { MemberRole } from './protocol.ts';

export interface LinkRow {
  hubUrl: string;
  token: string;
  member: string;
  role: MemberRole;
  hubId: string | null;
  privateNotes: boolean;
  node: string;
  lastSeq: number;
  lastSyncAt: string | null;
  clock: string;
}

const hasTable = new WeakMap<Database.Database, boolean>();
function hasLinkTable(db: Database.Database): boolean {
  let known = hasTable.get(db);
  if (!known) {
    known = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_link'").get() !== undefined;
    if (known) hasTable.set(db, known);
  }
  return known;
}

export function readLink(db: Database.Database): LinkRow | null {
  if (!hasLinkTable(db)) return null;
  const r = db
    .prepare(
      `SELECT hub_url AS hubUrl, token, member, role, hub_id AS hubId, private_notes AS privateNotes, node,
              last_seq AS lastSeq, last_sync_at AS lastSyncAt, clock FROM sync_link WHERE id = 1`,
    )
    .get() as (Omit<LinkRow, 'privateNotes'> & { privateNotes: number }) | undefined;
  return r ? { ...r, privateNotes: r.privateNotes === 1 } : null;
}

export function writeLink(db: Database.Database, link: LinkRow): void {
  db.prepare('DELETE FROM sync_link').run();
  db.prepare(
    `INSERT INTO sync_link (id, hub_url, token, member, role, hub_id, private_notes, node, last_seq, last_sync_at, clock)
     VALUES (1, @hubUrl, @token, @member, @role, @hubId, @privateNotes, @node, @lastSeq, @lastSyncAt, @clock)`,
  ).run({ ...link, privateNotes: link.privateNotes ? 1 : 0 });
}

export function updateLink(db: Database.Database, patch: Partial<Pick<LinkRow, 'lastSeq' | 'lastSyncAt' | 'clock' | 'privateNotes' | 'role' | 'hubId'>>): void {
  const columns: Record<string, string> = { lastSeq: 'last_seq', lastSyncAt: 'last_sync_at', clock: 'clock', privateNotes: 'private_notes', role: 'role', hubId: 'hub_id' };
  const sets: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    sets.push(`${columns[k]} = @${k}`);
    params[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  if (sets.length) db.prepare(`UPDATE sync_link SET ${sets.join(', ')} WHERE id = 1`).run(params);
}
