// The sync that runs while a window has a connected library open: a long poll that brings in
// what other members change as it happens, and a push soon after every local edit (the outbox
// is watched, whichever process made the edit), so a change reaches another desktop within
// about a second. The state it reports is what Settings → Team library shows.
import type { SyncState } from '../api.ts';
import type { Library } from '../library/open-library.ts';
import { HubClient } from './hub-client.ts';
import { readLink } from './link-row.ts';
import { hasPending } from './outbox.ts';
import { pullChanges } from './pull-changes.ts';
import { SyncAttentionError, SyncOfflineError } from './sync-errors.ts';
import { syncOnce } from './sync-once.ts';

/** How often the outbox is looked at for edits to push. */
const WATCH_MS = 300;
/** A long poll's wait; the hub answers at once when a change arrives. */
const LONG_POLL_SECONDS = 25;
/** Retries of an unreachable hub back off to this. */
const MAX_BACKOFF_MS = 30_000;
/** A hub that refused this member is asked again after this (or when a person says so). */
const ATTENTION_RETRY_MS = 60_000;

export interface BackgroundSync {
  stop(): Promise<void>;
  syncNow(): void;
  state(): SyncState;
}

export function startBackgroundSync(library: Library, onState: (s: SyncState) => void): BackgroundSync {
  const { db } = library;
  const stopping = new AbortController();
  let current: SyncState = { state: 'syncing', phase: 'pull', done: 0, total: 0 };
  let poll: AbortController | null = null;
  let wakeSleep: (() => void) | null = null;
  let wanted = true;

  const set = (s: SyncState) => {
    current = s;
    onState(s);
  };
  const wake = () => {
    wanted = true;
    poll?.abort();
    wakeSleep?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleep = null;
        resolve();
      }
      wakeSleep = done;
    });

  // Edits made here or by another process (the CLI, browser mode) wait in the outbox, and each
  // one moves the library's clock: a moved clock with something waiting is an edit to push.
  let lastClock: string | null = null;
  const watcher = setInterval(() => {
    if (!poll) return;
    try {
      const clock = readLink(db)?.clock ?? null;
      if (clock !== lastClock && hasPending(db)) wake();
      lastClock = clock;
    } catch {
      // The library is closing.
    }
  }, WATCH_MS);

  const run = async () => {
    let backoff = 1000;
    let offlineSince: string | null = null;
    while (!stopping.signal.aborted) {
      if (!readLink(db)) {
        set({ state: 'off' });
        return;
      }
      try {
        if (wanted || hasPending(db)) {
          wanted = false;
          let reported = false;
          const report = await syncOnce(library, {
            signal: stopping.signal,
            onProgress: (s) => {
              reported = true;
              set(s);
            },
          });
          if (reported || current.state !== 'synced' || report.pulled || report.pushed) set({ state: 'synced', at: new Date().toISOString() });
          backoff = 1000;
          offlineSince = null;
        }
        const link = readLink(db);
        if (!link) continue;
        poll = new AbortController();
        const client = new HubClient(link.hubUrl, link.token, AbortSignal.any([stopping.signal, poll.signal]));
        let reported = false;
        const pulled = await pullChanges(client, library, {
          wait: LONG_POLL_SECONDS,
          progress: (done, seq) => {
            reported = true;
            set({ state: 'syncing', phase: 'pull', done, total: Math.max(done, seq - link.lastSeq) });
          },
        }).finally(() => (poll = null));
        if (reported || pulled.pulled) {
          wanted = true; // originals of what came in, and anything it queued
          set({ state: 'synced', at: new Date().toISOString() });
        }
      } catch (e) {
        poll = null;
        if (stopping.signal.aborted) return;
        if ((e as Error).name === 'AbortError') continue; // the long poll gave way to a push
        wanted = true;
        if (e instanceof SyncOfflineError) {
          offlineSince ??= new Date().toISOString();
          set({ state: 'offline', since: offlineSince, reason: e.message });
          await sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        } else if (e instanceof SyncAttentionError) {
          set({ state: 'attention', reason: e.reason });
          await sleep(ATTENTION_RETRY_MS);
        } else {
          set({ state: 'attention', reason: (e as Error).message });
          await sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
      }
    }
  };
  const running = run().catch((e: unknown) => set({ state: 'attention', reason: (e as Error).message }));

  return {
    async stop() {
      stopping.abort();
      poll?.abort();
      wakeSleep?.();
      clearInterval(watcher);
      await running;
    },
    syncNow: wake,
    state: () => current,
  };
}
