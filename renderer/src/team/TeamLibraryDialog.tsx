// File ▸ Team Library… (browser mode: the ⋯ menu; the sidebar's sync line): share this library
// through a team hub, see how the sync stands, keep notes private, bring back clips deleted on
// the hub, or stop sharing (after a confirmation; the clips stay).
import { useEffect, useState } from 'react';
import type { Api, HubDeletedClip, TeamLink } from '../../../electron/api.ts';
import { formatDate } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import type { ShowToast } from '../common/toasts.tsx';
import { syncStateText } from './sync-state-text.ts';
import './team.css';

interface Props {
  api: Api;
  link: TeamLink | null | undefined;
  toast: ShowToast;
  onLink(link: TeamLink | null): void;
  onChanged(): void;
  onClose(): void;
}

export function TeamLibraryDialog({ api, link, toast, onLink, onChanged, onClose }: Props) {
  return (
    <Modal title="Team library" onClose={onClose} className="team-modal">
      {link ? (
        <Connected api={api} link={link} toast={toast} onLink={onLink} onChanged={onChanged} onClose={onClose} />
      ) : (
        <ConnectForm api={api} onLink={onLink} onClose={onClose} />
      )}
    </Modal>
  );
}

function ConnectForm({ api, onLink, onClose }: Pick<Props, 'api' | 'onLink' | 'onClose'>) {
  const [hubUrl, setHubUrl] = useState('');
  const [token, setToken] = useState('');
  const [privateNotes, setPrivateNotes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connect = async () => {
    setBusy(true);
    setError(null);
    try {
      onLink(await api.connectTeamLibrary({ hubUrl: hubUrl.trim(), token: token.trim(), privateNotes }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void connect();
      }}
    >
      <p className="modal-text">
        Share this library with your desk through a Cuttings hub. Every member keeps a full copy on their own computer: search stays
        instant, and work done offline is sent when the hub can be reached again.
      </p>
      <div className="team-form">
        <label className="field">
          Hub address
          <input data-autofocus type="url" required placeholder="https://hub.example.org/" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} />
        </label>
        <label className="field">
          Member token
          <input type="password" required autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
          <span className="team-hint">The hub's administrator makes one with `cuttings hub add-member`.</span>
        </label>
        <label className="team-check">
          <input type="checkbox" checked={privateNotes} onChange={(e) => setPrivateNotes(e.target.checked)} />
          Keep my notes on clips private (highlights can be made private one by one)
        </label>
      </div>
      {error && (
        <p className="record-error team-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy || !hubUrl.trim() || !token.trim()}>
          {busy ? 'Connecting…' : 'Connect and Share'}
        </button>
      </div>
    </form>
  );
}

function Connected({ api, link, toast, onLink, onChanged, onClose }: Props & { link: TeamLink }) {
  const [deleted, setDeleted] = useState<HubDeletedClip[] | null>(null);
  const [deletedError, setDeletedError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { label, detail, tone } = syncStateText(link.status);

  useEffect(() => {
    api.listHubDeleted({}).then(setDeleted, (e: Error) => setDeletedError(e.message));
  }, [api, link.lastSyncAt]);

  const run = async (what: () => Promise<unknown>) => {
    try {
      await what();
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
    }
  };

  if (confirming) {
    return (
      <>
        <p className="modal-text">
          Stop sharing this library with the hub at {link.hubUrl}? Every clip stays in this library, and the team keeps its copy on the
          hub. Edits you make from now on stay on this computer.
        </p>
        {link.pending > 0 && (
          <p className="record-error team-error" role="alert">
            {link.pending.toLocaleString()} change{link.pending === 1 ? ' has' : 's have'} not reached the hub yet and will not be sent.
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" data-autofocus onClick={() => setConfirming(false)}>
            Keep Sharing
          </button>
          <button
            type="button"
            className="btn danger"
            onClick={() =>
              void run(async () => {
                await api.disconnectTeamLibrary({});
                onLink(null);
                onClose();
                toast({ message: `This library is no longer shared with ${link.hubUrl}.` });
              })
            }
          >
            Stop Sharing
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <dl className="team-facts">
        <dt>Hub</dt>
        <dd>{link.hubUrl}</dd>
        <dt>You are</dt>
        <dd>
          {link.member} · {link.role === 'editor' ? 'can edit' : 'read only'}
        </dd>
        <dt>State</dt>
        <dd>
          <span className={`team-state tone-${tone}`}>
            <span className="team-dot" aria-hidden="true" /> {label}
          </span>
          <span className="team-detail" role="status">
            {detail}
            {link.pending > 0 && link.status.state !== 'syncing' ? ` ${link.pending.toLocaleString()} of your changes wait to be sent.` : ''}
          </span>
        </dd>
      </dl>
      <label className="team-check">
        <input
          type="checkbox"
          checked={link.privateNotes}
          onChange={(e) => {
            const on = e.target.checked;
            void run(async () => onLink(await api.setPrivateNotes({ on })));
          }}
        />
        Keep my notes on clips private
      </label>

      <h3 className="team-section">Deleted on the hub</h3>
      {deletedError && <p className="team-hint">{deletedError}</p>}
      {deleted && deleted.length === 0 && <p className="team-hint">No clip was deleted in the last 30 days.</p>}
      {deleted && deleted.length > 0 && (
        <ul className="team-deleted" aria-label="Clips deleted on the hub">
          {deleted.map((d) => (
            <li key={d.key}>
              <div className="team-deleted-text">
                <span className="team-deleted-title">{d.title}</span>
                <span className="team-hint">
                  Deleted by {d.deletedBy} on {formatDate(d.deletedAt)} · restorable until {formatDate(d.restorableUntil)}
                </span>
              </div>
              <button
                type="button"
                className="btn small"
                onClick={() =>
                  void run(async () => {
                    await api.restoreHubDeleted({ key: d.key });
                    setDeleted((list) => list?.filter((x) => x.key !== d.key) ?? null);
                    onChanged();
                    toast({ message: `Restored “${d.title}” for the whole team.` });
                  })
                }
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="modal-actions team-actions">
        <button type="button" className="btn danger" onClick={() => setConfirming(true)}>
          Stop Sharing…
        </button>
        <span className="team-spacer" />
        <button type="button" className="btn" disabled={link.status.state === 'syncing'} onClick={() => void run(() => api.syncNow({}))}>
          Sync Now
        </button>
        <button type="button" className="btn primary" data-autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}
