// The Api's team-library methods, and the background sync of the process that serves a window
// (the desktop app, browser mode). The CLI's one-off commands sync only when asked
// (`cuttings sync`), so they never leave a loop running behind a command that has finished.
import type { Api, SyncState, TeamLink } from '../api.ts';
import { getClipRow } from '../library/clips.ts';
import type { Library } from '../library/open-library.ts';
import { startBackgroundSync } from '../sync/background-sync.ts';
import { clipHistory, restoreHistoryEntry } from '../sync/clip-history.ts';
import { listHubDeleted, restoreHubDeleted } from '../sync/hub-deleted.ts';
import { syncOnce } from '../sync/sync-once.ts';
import { connectHub, disconnectHub, setPrivateNotes, teamLink } from '../sync/team-link.ts';
import { ApiCallError } from './dispatch.ts';
import type { EventBus } from './event-bus.ts';

type TeamMethods = Pick<
  Api,
  'teamLibrary' | 'connectTeamLibrary' | 'disconnectTeamLibrary' | 'setPrivateNotes' | 'syncNow' | 'clipHistory' | 'restoreClipHistory' | 'listHubDeleted' | 'restoreHubDeleted'
>;

export interface TeamSync {
  api: Omit<TeamMethods, 'restoreClipHistory'> & { restoreClipHistory(args: { id: number; entryId: number }): Promise<void> };
  dispose(): Promise<void>;
}

/** A hub's refusal or an unreachable hub, told as what it is rather than as an internal error. */
async function askingHub<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiCallError) throw e;
    throw new ApiCallError('bad-request', `${what}: ${(e as Error).message}`);
  }
}

export function createTeamSync(library: Library, events: EventBus, background: boolean): TeamSync {
  const { db } = library;
  let loop: ReturnType<typeof startBackgroundSync> | null = null;
  let state: SyncState = { state: 'off' };
  const publish = (s: SyncState) => {
    const finished = state.state === 'syncing' && s.state !== 'syncing';
    state = s;
    events.emit('sync-state', s);
    // What a sync brought in shows in every view, as an import's clips do.
    if (finished) events.emit('library-changed', { reason: 'sync' });
  };
  const startLoop = () => {
    if (!background || loop || library.readOnly || !teamLink(db)) return;
    loop = startBackgroundSync(library, publish);
  };
  const stopLoop = async () => {
    const running = loop;
    loop = null;
    await running?.stop();
  };
  startLoop();

  const link = (): TeamLink | null => {
    const l = teamLink(db);
    if (!l) return null;
    if (loop) return { ...l, status: loop.state() };
    // No loop in this process (a CLI command): what the library itself records.
    const status: SyncState =
      l.pending === 0 && l.lastSyncAt
        ? { state: 'synced', at: l.lastSyncAt }
        : { state: 'attention', reason: `${l.pending} change${l.pending === 1 ? '' : 's'} not sent yet: run \`cuttings sync\` or open the app.` };
    return { ...l, status };
  };
  const linked = (): TeamLink => {
    const l = link();
    if (!l) throw new ApiCallError('bad-request', 'This library is not connected to a team hub.');
    return l;
  };

  return {
    api: {
      async teamLibrary() {
        return link();
      },
      async connectTeamLibrary({ hubUrl, token, privateNotes }) {
        await stopLoop();
        await askingHub(`Could not connect to the hub at ${hubUrl}`, () => connectHub(library, { hubUrl, token, privateNotes }));
        state = { state: 'syncing', phase: 'push', done: 0, total: 0 };
        startLoop();
        loop?.syncNow();
        return linked();
      },
      async disconnectTeamLibrary() {
        const was = !!teamLink(db);
        await stopLoop();
        if (was) disconnectHub(db);
        publish({ state: 'off' });
        return { disconnected: was };
      },
      async setPrivateNotes({ on }) {
        linked();
        setPrivateNotes(db, on);
        return linked();
      },
      async syncNow() {
        linked();
        startLoop();
        if (loop) {
          loop.syncNow();
          return loop.state();
        }
        // No background loop in this process (`cuttings api syncNow`): one whole sync, here.
        const report = await askingHub('The sync did not finish', () => syncOnce(library));
        if (report.pulled) events.emit('library-changed', { reason: 'sync' });
        return report.agreed ? { state: 'synced', at: new Date().toISOString() } : { state: 'attention', reason: 'Changes kept arriving: sync again to finish.' };
      },
      async clipHistory({ id }) {
        getClipRow(db, id);
        return clipHistory(db, id);
      },
      async restoreClipHistory({ id, entryId }) {
        getClipRow(db, id);
        restoreHistoryEntry(db, entryId);
        loop?.syncNow();
      },
      async listHubDeleted() {
        linked();
        return askingHub('The hub could not list its deleted clips', () => listHubDeleted(library));
      },
      async restoreHubDeleted({ key }) {
        linked();
        await askingHub('The hub could not restore that clip', () => restoreHubDeleted(library, key));
        loop?.syncNow();
        return { restored: true };
      },
    },
    dispose: stopLoop,
  };
}
