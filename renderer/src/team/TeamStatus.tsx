// The sidebar's line for a shared library: its sync state at a glance, and the way to the
// Team library dialog. A library that is not shared shows nothing here.
import type { TeamLink } from '../../../electron/api.ts';
import { syncStateText } from './sync-state-text.ts';
import './team.css';

export function TeamStatus({ link, onOpen }: { link: TeamLink | null | undefined; onOpen(): void }) {
  if (!link) return null;
  const { label, detail, tone } = syncStateText(link.status);
  const waiting = link.pending > 0 && link.status.state !== 'syncing' ? ` · ${link.pending.toLocaleString()} waiting` : '';
  return (
    <button type="button" className={`team-status tone-${tone}`} onClick={onOpen} title={detail} aria-label={`Team library: ${label}. ${detail}`}>
      <span className="team-dot" aria-hidden="true" />
      <span className="team-status-label">
        Team library · {label}
        {waiting}
      </span>
      {link.status.state === 'syncing' && link.status.total > 0 && (
        <span className="team-status-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (100 * link.status.done) / link.status.total)}%` }} />
        </span>
      )}
    </button>
  );
}
