// Originals travel beside the changes: before a batch of new clips is pushed, the hub is asked
// which of their originals it lacks and is sent those; after a pull, the originals of pulled
// clips are fetched into originals/ (library/originals.ts) and the clips point at them.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Library } from '../library/open-library.ts';
import { sha256, storeOriginal } from '../library/originals.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import type { FormatName } from '../import/types.ts';
import type { HubClient } from './hub-client.ts';
import { HUB_PATHS, type Change, type OriginalsMissingRequest, type OriginalsMissingResponse } from './protocol.ts';
import { stmt } from './statements.ts';

/** The originals these changes' records name, with where this library keeps each. */
function originalsOf(db: Database.Database, changes: Change[]): Map<string, string> {
  const out = new Map<string, string>();
  const pathOf = stmt(db, 'SELECT original_path FROM clips c JOIN sync_clip_keys k ON k.clip_id = c.id WHERE k.key = ?').pluck();
  for (const c of changes) {
    if (c.kind !== 'clip' || c.field !== 'record') continue;
    const sha = (c.value as { original?: { sha256?: string | null } } | null)?.original?.sha256;
    const rel = pathOf.get(c.key) as string | null | undefined;
    if (sha && rel) out.set(sha, rel);
  }
  return out;
}

/** Sends the hub the originals it lacks of these changes' clips; answers how many went up. */
export async function pushOriginals(client: HubClient, library: Library, changes: Change[], onEach?: () => void): Promise<number> {
  const wanted = originalsOf(library.db, changes);
  if (!wanted.size) return 0;
  const body: OriginalsMissingRequest = { hashes: [...wanted.keys()] };
  const { missing } = await client.json<OriginalsMissingResponse>('POST', HUB_PATHS.originalsMissing, body);
  let sent = 0;
  for (const sha of missing) {
    const rel = wanted.get(sha);
    if (!rel) continue;
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(path.join(library.dir, rel));
    } catch {
      continue; // the copy is gone here (removed by hand): the clip travels without it
    }
    if (sha256(bytes) !== sha) continue;
    await client.putBytes(HUB_PATHS.original(sha), bytes);
    sent++;
    onEach?.();
  }
  return sent;
}

export function originalsWanted(db: Database.Database): number {
  return stmt(db, 'SELECT count(*) FROM sync_originals_wanted').pluck().get() as number;
}

/** Fetches the originals of pulled clips; one the hub does not have is asked for again next time. Answers how many came. */
export async function downloadOriginals(client: HubClient, library: Library, onEach?: (done: number, total: number) => void): Promise<number> {
  const { db } = library;
  const rows = stmt(db, 'SELECT clip_id, sha256, format FROM sync_originals_wanted ORDER BY clip_id').all() as { clip_id: number; sha256: string; format: string | null }[];
  const bySha = new Map<string, { format: string | null; clips: number[] }>();
  for (const r of rows) {
    const e = bySha.get(r.sha256) ?? { format: r.format, clips: [] };
    e.clips.push(r.clip_id);
    bySha.set(r.sha256, e);
  }
  let done = 0;
  let got = 0;
  for (const [sha, want] of bySha) {
    const bytes = await client.bytes(HUB_PATHS.original(sha));
    done++;
    onEach?.(done, bySha.size);
    if (!bytes || sha256(bytes) !== sha) continue;
    got++;
    const stored = storeOriginal(library.dir, bytes, (want.format ?? 'txt') as FormatName);
    writeTransaction(db, () => {
      const set = stmt(db, 'UPDATE clips SET original_path = ?, original_size = coalesce(original_size, ?) WHERE id = ?');
      const drop = stmt(db, 'DELETE FROM sync_originals_wanted WHERE clip_id = ? AND sha256 = ?');
      for (const id of want.clips) {
        set.run(stored.relativePath, bytes.byteLength, id);
        drop.run(id, sha);
      }
    });
  }
  return got;
}
