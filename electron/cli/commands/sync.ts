// `cuttings sync`: connect a library to a team hub and sync it once (push, pull, until both
// sides agree), or show or end the connection. `cuttings history ID`: a clip's replaced values,
// and `--restore ENTRY` to make one current again.
import { clipHistory, restoreHistoryEntry } from '../../sync/clip-history.ts';
import { SyncAttentionError, SyncOfflineError } from '../../sync/sync-errors.ts';
import { syncOnce } from '../../sync/sync-once.ts';
import { connectHub, disconnectHub, normaliseHubUrl, setPrivateNotes, teamLink } from '../../sync/team-link.ts';
import { getClipRow } from '../../library/clips.ts';
import { UsageError, plural, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

export const syncCommand: LibraryCommand = {
  name: 'sync',
  args: '',
  summary: 'Sync the library with its team hub once (connecting it first with --hub and --token)',
  library: 'open',
  flags: [
    { name: 'hub', kind: 'value', value: 'URL', help: 'The team hub to connect to (http://host:port/)' },
    { name: 'token', kind: 'value', value: 'TOKEN', help: 'Your member token, from `cuttings hub add-member` (default: $CUTTINGS_HUB_TOKEN)' },
    { name: 'private-notes', kind: 'switch', help: 'Keep your clip notes to yourself' },
    { name: 'status', kind: 'switch', help: 'Show the connection and what waits to be sent; sync nothing' },
    { name: 'disconnect', kind: 'switch', help: 'Leave the hub (the clips stay in this library)' },
  ],
  async run({ io, input, library }) {
    const { db } = library;
    if (input.has('status')) {
      const link = teamLink(db);
      if (input.json) printJson(io, link);
      else if (!link) io.out('Not connected to a team hub.');
      else {
        io.out(`Connected to ${link.hubUrl} as ${link.member} (${link.role === 'reader' ? 'read-only' : 'editor'}${link.privateNotes ? ', notes private' : ''}).`);
        io.out(`Last sync: ${link.lastSyncAt ?? 'never'}; ${plural(link.pending, 'edit')} waiting to be sent.`);
      }
      return 0;
    }
    if (input.has('disconnect')) {
      const link = teamLink(db);
      disconnectHub(db);
      io.out(link ? `Disconnected from ${link.hubUrl}.` : 'Not connected to a team hub.');
      return 0;
    }
    const hub = input.value('hub');
    // From the environment, a token stays out of the process list and the shell's history.
    const token = input.value('token') ?? (process.env.CUTTINGS_HUB_TOKEN || undefined);
    let link = teamLink(db);
    try {
      if (hub !== undefined) {
        const wanted = normaliseHubUrl(hub);
        if (!link || link.hubUrl !== wanted || token !== undefined) {
          if (!token) throw new UsageError(`connecting to ${wanted} needs your member token: --token TOKEN`, 'sync');
          io.err(`Connecting to ${wanted}…`);
          link = await connectHub(library, { hubUrl: wanted, token, privateNotes: input.has('private-notes') ? true : undefined });
        }
      } else if (!link) {
        throw new UsageError('this library is not connected to a team hub: give --hub URL --token TOKEN', 'sync');
      }
      if (input.has('private-notes') && link && !link.privateNotes) setPrivateNotes(db, true);
      const hubUrl = link!.hubUrl;
      let lastPhase = '';
      const report = await syncOnce(library, {
        onProgress: (s) => {
          const line = `${s.phase}: ${s.done}${s.total ? `/${s.total}` : ''}`;
          if (io.isTTY) io.err(`\r${line}`);
          else if (s.phase !== lastPhase) io.err(line);
          lastPhase = s.phase;
        },
      });
      if (input.json) printJson(io, report);
      else {
        io.out(
          `${report.agreed ? 'Synced' : 'Partly synced'} with ${hubUrl}: ${plural(report.pushed, 'change')} sent, ${plural(report.pulled, 'change')} received, ` +
            `${plural(report.superseded, 'conflict')} settled, originals ${report.originalsUp} up and ${report.originalsDown} down (hub at #${report.seq}).`,
        );
      }
      if (!report.agreed) io.err('Edits were still arriving: run `cuttings sync` again to finish.');
      return report.agreed ? 0 : 1;
    } catch (e) {
      if (e instanceof SyncOfflineError || e instanceof SyncAttentionError) {
        io.err(`cuttings sync: ${e.message}`);
        return 1;
      }
      if (e instanceof UsageError) throw e;
      io.err(`cuttings sync: ${(e as Error).message}`);
      return 1;
    }
  },
};

export const historyCommand: LibraryCommand = {
  name: 'history',
  args: 'ID',
  summary: "A clip's replaced values (from team sync); --restore ENTRY makes one current again",
  library: 'open',
  flags: [{ name: 'restore', kind: 'value', value: 'ENTRY', whole: true, help: 'The history entry to restore' }],
  async run({ io, input, library }) {
    const id = Number(input.positional[0]);
    if (!Number.isInteger(id) || id <= 0 || input.positional.length !== 1) throw new UsageError('history needs one clip id', 'history');
    getClipRow(library.db, id);
    const restore = input.value('restore');
    if (restore !== undefined) {
      restoreHistoryEntry(library.db, Number(restore));
      io.out(`Restored entry ${restore} of clip ${id}; it is sent to the team at the next sync.`);
      return 0;
    }
    const entries = clipHistory(library.db, id);
    if (input.json) printJson(io, entries);
    else if (!entries.length) io.out(`Clip ${id} has no replaced values.`);
    else {
      for (const e of entries) {
        io.out(`${String(e.id).padStart(5)}  ${e.field}: ${terminalSafe(JSON.stringify(e.value))}  by ${terminalSafe(e.by)} at ${e.at}, replaced ${e.replacedAt}`);
      }
    }
    return 0;
  },
};
