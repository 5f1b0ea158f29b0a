// Pulling: pages of winning field values numbered after the last one seen, each page applied
// with its cursor in one write transaction (apply-changes.ts).
import type { Library } from '../library/open-library.ts';
import { applyPage } from './apply-changes.ts';
import type { HubClient } from './hub-client.ts';
import { readLink } from './link-row.ts';
import { HUB_PATHS, PULL_PAGE, type ObjectResponse, type PullResponse } from './protocol.ts';

export interface PullResult {
  pulled: number;
  superseded: number;
  seq: number;
}

/**
 * Pulls until the hub has nothing newer. `wait` (seconds): the first request waits that long
 * for a change to arrive (a long poll), for the background sync.
 */
export async function pullChanges(
  client: HubClient, library: Library, options: { wait?: number; limit?: number; progress?: (done: number, seq: number) => void } = {},
): Promise<PullResult> {
  const out: PullResult = { pulled: 0, superseded: 0, seq: readLink(library.db)?.lastSeq ?? 0 };
  let wait = options.wait;
  for (;;) {
    const since = readLink(library.db)?.lastSeq ?? 0;
    const query = `?since=${since}&limit=${options.limit ?? PULL_PAGE}${wait ? `&wait=${wait}` : ''}`;
    const page = await client.json<PullResponse>('GET', HUB_PATHS.changes + query, undefined, (wait ?? 0) * 1000);
    wait = undefined;
    const applied = applyPage(library, page.changes, page.next);
    out.pulled += page.changes.length;
    out.superseded += applied.superseded;
    out.seq = Math.max(out.seq, page.next);
    if (page.changes.length) options.progress?.(out.pulled, out.seq);
    if (!page.more) break;
  }
  out.pulled += await fetchMissingClips(client, library);
  return out;
}

/**
 * Clips this library has fields of but no record (one it purged that a member brought back,
 * one it never had): their whole object, from the hub.
 */
async function fetchMissingClips(client: HubClient, library: Library): Promise<number> {
  const { db } = library;
  const keys = db
    .prepare(
      `SELECT DISTINCT p.key FROM sync_pending p WHERE p.kind = 'clip'
       AND NOT EXISTS (SELECT 1 FROM sync_clip_keys k WHERE k.key = p.key)
       AND NOT EXISTS (SELECT 1 FROM sync_pending d WHERE d.kind = 'clip' AND d.key = p.key AND d.field = 'deleted' AND d.value = 'true')`,
    )
    .pluck()
    .all() as string[];
  let pulled = 0;
  for (const key of keys) {
    const object = await client.json<ObjectResponse>('GET', `${HUB_PATHS.object}?kind=clip&key=${encodeURIComponent(key)}`).catch((e: unknown) => {
      if (e instanceof Error && /refused GET/.test(e.message)) return null; // not on the hub (any more)
      throw e;
    });
    if (!object?.some((f) => f.field === 'record')) continue;
    const seq = readLink(db)?.lastSeq ?? 0;
    // Applied as a page at the cursor already reached: fields pulled later than these win in the page's own rules.
    applyPage(library, object, seq);
    pulled += object.length;
  }
  return pulled;
}
