// One sync: push the outbox, pull what is new, and again until both sides agree (nothing
// waits in the outbox, and the pull reached the hub's newest change); then the originals of
// pulled clips. Every local write is a transaction of its own page, so stopping anywhere
// (a kill, a lost connection, an abort) leaves the library whole, and the next sync goes on.
import type { SyncState } from '../api.ts';
import type { Library } from '../library/open-library.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { HubClient } from './hub-client.ts';
import { readLink, updateLink } from './link-row.ts';
import { downloadOriginals } from './originals-transfer.ts';
import { pendingCount } from './outbox.ts';
import { HUB_PATHS, type MemberInfo } from './protocol.ts';
import { pullChanges } from './pull-changes.ts';
import { pushOutbox } from './push-changes.ts';
import { NotLinkedError, SyncAttentionError } from './sync-errors.ts';

export interface SyncReport {
  /** Changes sent. */
  pushed: number;
  /** Changes received. */
  pulled: number;
  /** Conflicts settled by the later clock, lost here or on the hub (each loser is in a history). */
  superseded: number;
  originalsUp: number;
  originalsDown: number;
  /** The hub's sequence number this library has pulled up to. */
  seq: number;
  /** Both sides agree: nothing waits to be sent, and the pull reached the hub's newest change. */
  agreed: boolean;
}

export type SyncProgress = Extract<SyncState, { state: 'syncing' }>;

/** Rounds of push and pull before a sync gives the rest to the next one (edits keep arriving). */
const MAX_ROUNDS = 5;

export async function syncOnce(library: Library, opts: { signal?: AbortSignal; onProgress?: (s: SyncProgress) => void; wait?: number } = {}): Promise<SyncReport> {
  const { db } = library;
  const link = readLink(db);
  if (!link) throw new NotLinkedError();
  const client = new HubClient(link.hubUrl, link.token, opts.signal);
  const progress = opts.onProgress ?? (() => {});
  const report: SyncReport = { pushed: 0, pulled: 0, superseded: 0, originalsUp: 0, originalsDown: 0, seq: link.lastSeq, agreed: false };
  const me = await client.json<MemberInfo>('GET', HUB_PATHS.whoami);
  if (me.role !== link.role) writeTransaction(db, () => updateLink(db, { role: me.role }));
  let hubSeq = me.seq;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (pendingCount(db) && me.role === 'editor') {
      const pushed = await pushOutbox(client, library, { ...link, role: me.role }, (phase, done, total) => progress({ state: 'syncing', phase, done, total }));
      report.pushed += pushed.pushed;
      report.superseded += pushed.superseded;
      report.originalsUp += pushed.originalsUp;
      if (pushed.seq !== null) hubSeq = Math.max(hubSeq, pushed.seq);
    }
    const from = readLink(db)?.lastSeq ?? 0;
    const pulled = await pullChanges(client, library, {
      wait: round === 0 ? opts.wait : undefined,
      progress: (done, seq) => progress({ state: 'syncing', phase: 'pull', done: Math.max(0, seq - from), total: Math.max(hubSeq - from, seq - from, done) }),
    });
    report.pulled += pulled.pulled;
    report.superseded += pulled.superseded;
    report.seq = pulled.seq;
    report.agreed = pendingCount(db) === 0 && pulled.seq >= hubSeq;
    if (report.agreed) break;
    if (me.role !== 'editor') {
      // A reader still gets every change; their own edits stay here, and they are told why.
      const n = pendingCount(db);
      throw new SyncAttentionError(
        `${me.member} is a read-only member of the hub at ${link.hubUrl}: ${n} edit${n === 1 ? '' : 's'} made here cannot be shared. Ask the hub's keeper to make ${me.member} an editor.`,
        403,
      );
    }
    opts.signal?.throwIfAborted();
  }
  report.originalsDown = await downloadOriginals(client, library, (done, total) => progress({ state: 'syncing', phase: 'originals', done, total }));
  writeTransaction(db, () => updateLink(db, { lastSyncAt: new Date().toISOString() }));
  return report;
}
