// Connecting a library to a team hub, and what the window shows of that connection.
// Connecting checks the member's token with the hub, keeps the link (sync_link, migration 10),
// and puts the whole library in the outbox, so the first sync shares it.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { TeamLink } from '../api.ts';
import type { Library } from '../library/open-library.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { assignClipKeys } from './clip-keys.ts';
import { formatHlc } from './hlc.ts';
import { HubClient } from './hub-client.ts';
import { readLink, updateLink, writeLink } from './link-row.ts';
import { pendingCount } from './outbox.ts';
import { HUB_PATHS, type MemberInfo } from './protocol.ts';

export function teamLink(db: Database.Database): Omit<TeamLink, 'status'> | null {
  const link = readLink(db);
  if (!link) return null;
  return { hubUrl: link.hubUrl, member: link.member, role: link.role, privateNotes: link.privateNotes, lastSyncAt: link.lastSyncAt, pending: pendingCount(db) };
}

/** A hub's address as it is kept: http(s) only, no trailing slash. */
export function normaliseHubUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`"${url}" is not a hub address like http://hub.example:8080/`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`A hub is reached over http or https, not ${parsed.protocol}`);
  return parsed.href.replace(/\/+$/, '');
}

export async function connectHub(library: Library, opts: { hubUrl: string; token: string; privateNotes?: boolean }): Promise<Omit<TeamLink, 'status'>> {
  const hubUrl = normaliseHubUrl(opts.hubUrl);
  const token = opts.token.trim();
  const me = await new HubClient(hubUrl, token).json<MemberInfo>('GET', HUB_PATHS.whoami);
  const { db } = library;
  writeTransaction(db, () => {
    const before = readLink(db);
    const sameHub = before !== null && before.hubId === me.hub && before.member === me.member;
    if (sameHub) {
      db.prepare('UPDATE sync_link SET hub_url = ?, token = ?, role = ? WHERE id = 1').run(hubUrl, token, me.role);
      if (opts.privateNotes !== undefined) setPrivateNotes(db, opts.privateNotes);
      return;
    }
    // Another hub, or another member: what was said to the last one does not count here.
    for (const table of ['sync_outbox', 'sync_fields', 'sync_pending', 'sync_originals_wanted']) db.prepare(`DELETE FROM ${table}`).run();
    const node = before?.node ?? crypto.randomBytes(8).toString('hex');
    writeLink(db, {
      hubUrl, token, member: me.member, role: me.role, hubId: me.hub, privateNotes: opts.privateNotes ?? false,
      node, lastSeq: 0, lastSyncAt: null, clock: before?.clock ?? formatHlc({ physical: 0, counter: 0, node }),
    });
    // A reader shares nothing; the keys let what others share meet the same articles here.
    if (me.role === 'editor') shareWholeLibrary(db);
    else assignClipKeys(db);
  });
  return teamLink(db)!;
}

/** Every shared thing of the library into the outbox, each field stamped by the triggers' clock. */
function shareWholeLibrary(db: Database.Database): void {
  assignClipKeys(db);
  db.exec(`
    INSERT INTO sync_capture (kind, key, field) SELECT 'clip', k.key, 'record' FROM sync_clip_keys k JOIN clips c ON c.id = k.clip_id ORDER BY c.id;
    INSERT INTO sync_capture (kind, key, field)
      SELECT 'clip', k.key, CASE cc.field WHEN 'published_at' THEN 'publishedAt' ELSE cc.field END
      FROM clip_corrections cc JOIN sync_clip_keys k ON k.clip_id = cc.clip_id;
    INSERT INTO sync_capture (kind, key, field) SELECT 'clip', k.key, 'starred' FROM sync_clip_keys k JOIN clips c ON c.id = k.clip_id WHERE c.starred = 1;
    INSERT INTO sync_capture (kind, key, field) SELECT 'clip', k.key, 'note' FROM sync_clip_keys k JOIN clips c ON c.id = k.clip_id WHERE c.note <> '';
    INSERT INTO sync_capture (kind, key, field) SELECT 'clip', k.key, 'deleted' FROM sync_clip_keys k JOIN clips c ON c.id = k.clip_id WHERE c.deleted_at IS NOT NULL;
    INSERT INTO sync_capture (kind, key, field)
      SELECT 'clip', k.key, 'tag:' || lower(t.name) FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id JOIN sync_clip_keys k ON k.clip_id = ct.clip_id;
    INSERT INTO sync_capture (kind, key, field) SELECT 'tag', lower(name), 'name' FROM tags;
    INSERT INTO sync_capture (kind, key, field) SELECT 'tag', lower(name), 'colour' FROM tags;
    INSERT INTO sync_capture (kind, key, field)
      SELECT 'highlight', h.uid, f.field FROM highlights h JOIN clips c ON c.id = h.clip_id,
        (SELECT 'clip' AS field UNION ALL SELECT 'anchor' UNION ALL SELECT 'colour' UNION ALL SELECT 'note') f
      WHERE c.deleted_at IS NULL AND (f.field <> 'note' OR h.note <> '');
    INSERT INTO sync_capture (kind, key, field) SELECT 'saved_search', lower(name), 'name' FROM saved_searches;
    INSERT INTO sync_capture (kind, key, field) SELECT 'saved_search', lower(name), 'query' FROM saved_searches;
    INSERT INTO sync_capture (kind, key, field)
      SELECT 'outlet', n.value, 'name' FROM outlets o JOIN outlet_names n ON n.outlet_id = o.id WHERE o.named_by = 'person' AND n.kind = 'site';
    INSERT INTO sync_capture (kind, key, field) SELECT 'entity_rule', type || ':' || key, 'rule' FROM entity_rules;
  `);
}

/** Leaves the hub: edits not yet sent stay here only. The clip keys and the history stay. */
export function disconnectHub(db: Database.Database): void {
  writeTransaction(db, () => {
    for (const table of ['sync_link', 'sync_outbox', 'sync_fields', 'sync_pending', 'sync_originals_wanted']) db.prepare(`DELETE FROM ${table}`).run();
  });
}

/** Keeps this member's clip notes to themselves (or shares them); every note is sent again with its new privacy. */
export function setPrivateNotes(db: Database.Database, on: boolean): void {
  writeTransaction(db, () => {
    const link = readLink(db);
    if (!link || link.privateNotes === on) return;
    updateLink(db, { privateNotes: on });
    db.exec(`INSERT INTO sync_capture (kind, key, field) SELECT 'clip', k.key, 'note' FROM sync_clip_keys k JOIN clips c ON c.id = k.clip_id WHERE c.note <> '' AND c.deleted_at IS NULL`);
  });
}
