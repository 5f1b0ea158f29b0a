// How the team library's sync state reads in the sidebar and the Team library dialog.
import type { SyncState } from '../../../electron/api.ts';

export type SyncTone = 'ok' | 'busy' | 'offline' | 'attention';

export function syncStateText(s: SyncState, now = Date.now()): { label: string; detail: string; tone: SyncTone } {
  switch (s.state) {
    case 'off':
      return { label: 'Not shared', detail: 'This library is on this computer only.', tone: 'ok' };
    case 'synced':
      return { label: 'Synced', detail: `In step with the team hub ${ago(s.at, now)}.`, tone: 'ok' };
    case 'syncing': {
      const what = s.phase === 'push' ? 'Sending changes' : s.phase === 'pull' ? 'Receiving changes' : 'Copying original files';
      const share = s.total > 0 ? ` ${Math.min(100, Math.round((100 * s.done) / s.total))} %` : '';
      return { label: `Syncing${share}`, detail: s.total > 0 ? `${what}: ${s.done.toLocaleString()} of ${s.total.toLocaleString()}.` : `${what}…`, tone: 'busy' };
    }
    case 'offline':
      return { label: 'Offline', detail: `The hub cannot be reached (${s.reason}). Your edits are kept and sent when it can.`, tone: 'offline' };
    case 'attention':
      return { label: 'Needs attention', detail: s.reason, tone: 'attention' };
    default:
      return s satisfies never;
  }
}

function ago(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds) || seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `on ${new Date(iso).toLocaleDateString()}`;
}
