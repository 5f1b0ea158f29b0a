// Pushing the outbox: in batches, each batch's new originals first, then its changes; a row
// leaves the outbox only if it was not edited again while it travelled.
import type { Library } from '../library/open-library.ts';
import type { HubClient } from './hub-client.ts';
import type { LinkRow } from './link-row.ts';
import { changesOf, pendingCount, readOutbox, settleOutbox } from './outbox.ts';
import { pushOriginals } from './originals-transfer.ts';
import { HUB_PATHS, type PushRequest, type PushResponse } from './protocol.ts';

export const PUSH_BATCH = 500;

export interface PushResult {
  pushed: number;
  superseded: number;
  originalsUp: number;
  /** The hub's newest sequence number, when anything was pushed. */
  seq: number | null;
}

export async function pushOutbox(
  client: HubClient, library: Library, link: LinkRow, progress?: (phase: 'push' | 'originals', done: number, total: number) => void,
): Promise<PushResult> {
  const { db } = library;
  const out: PushResult = { pushed: 0, superseded: 0, originalsUp: 0, seq: null };
  const total = pendingCount(db);
  // Edits made while this runs wait for the next round rather than keep it going for ever.
  for (let round = 0; round <= Math.ceil(total / PUSH_BATCH); round++) {
    const rows = readOutbox(db, PUSH_BATCH);
    if (!rows.length) break;
    const { changes, sent, empty } = changesOf(db, link, rows);
    if (changes.length) {
      out.originalsUp += await pushOriginals(client, library, changes, () => progress?.('originals', out.originalsUp + 1, 0));
      const body: PushRequest = { library: link.node, changes };
      const res = await client.json<PushResponse>('POST', HUB_PATHS.changes, body);
      out.superseded += res.superseded;
      out.seq = res.seq;
    }
    settleOutbox(db, link.member, sent, empty);
    out.pushed += changes.length;
    progress?.('push', Math.min(out.pushed, total), total);
  }
  return out;
}
