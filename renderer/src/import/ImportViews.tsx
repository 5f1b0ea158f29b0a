// What an import looks like: the overlay while dragging, the progress bar, the summary, and
// the first-run empty state.
import { useMemo } from 'react';
import { formatSeconds, plural } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import type { ImportView, MergedSummary } from './import-runs.ts';

export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
          <path d="M24 8v22M15 21l9 9 9-9M10 34v4a2 2 0 0 0 2 2h24a2 2 0 0 0 2-2v-4" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div className="drop-title">Drop to add to your library</div>
        <div className="drop-sub">Saved pages, text, PDF, e-mail, Word files — or whole folders</div>
      </div>
    </div>
  );
}

export function ImportBar({ view, onCancel }: { view: ImportView; onCancel(): void }) {
  const pct = view.total > 0 ? Math.min(100, (view.done / view.total) * 100) : 0;
  const status = view.cancelling
    ? 'Cancelling…'
    : view.uploading && view.done === 0
      ? `Reading ${plural(view.total, 'file')}…`
      : `Importing ${view.done.toLocaleString()} of ${view.total.toLocaleString()}${view.scanning ? '+' : ''}`;
  return (
    <div className="import-bar" role="region" aria-label="Import progress">
      <div className="import-bar-text">
        <span className="import-status">{status}</span>
        <span className="import-eta">{view.cancelling ? '' : view.etaSeconds !== null ? formatSeconds(view.etaSeconds) : view.done > 0 ? 'estimating…' : ''}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import"
        aria-valuemin={0}
        aria-valuemax={view.total || undefined}
        aria-valuenow={view.total ? view.done : undefined}
        aria-valuetext={status}
      >
        <div className={`progress-fill${view.total === 0 ? ' indeterminate' : ''}`} style={{ width: view.total ? `${pct}%` : undefined }} />
      </div>
      <div className="import-bar-foot">
        <span className="import-file" title={view.currentFile ?? ''}>
          {view.added} added · {view.duplicates} duplicates · {view.failed} failed
        </span>
        <button type="button" className="link-button" onClick={onCancel} disabled={view.cancelling}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** File names as a person sorts them: "page 2" before "page 10", case aside. */
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function ImportSummarySheet({ summary, onClose, onShow }: { summary: MergedSummary; onClose(): void; onShow(id: number): void }) {
  // Outcomes arrive in the order files finished; listed by name, a file is where one looks for it.
  const { failed, added, dupes } = useMemo(() => {
    const sorted = [...summary.outcomes].sort((a, b) => byName.compare(a.file, b.file));
    return {
      failed: sorted.filter((o) => o.status === 'failed'),
      added: sorted.filter((o) => o.status === 'added'),
      dupes: sorted.filter((o) => o.status === 'duplicate'),
    };
  }, [summary.outcomes]);
  return (
    <Modal title={summary.cancelled ? 'Import cancelled' : 'Import finished'} onClose={onClose} wide>
      <div className="summary-stats" aria-label="Import summary">
        <Stat n={summary.added} label="added" tone="good" />
        <Stat n={summary.duplicates} label={summary.duplicates === 1 ? 'duplicate' : 'duplicates'} tone="plain" />
        <Stat n={summary.failed} label="failed" tone={summary.failed ? 'bad' : 'plain'} />
        <span className="summary-time">{(summary.elapsedMs / 1000).toFixed(1)} s</span>
      </div>
      {failed.length > 0 && (
        <section className="summary-section">
          <h3>Could not import</h3>
          <ul className="outcomes" aria-label="Failed files">
            {failed.map((o, i) => (
              <li key={`f${i}`} className="outcome failed">
                <span className="outcome-file" title={o.file}>{o.file}</span>
                <span className="outcome-reason">{o.reason ?? 'Unknown reason.'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {added.length > 0 && (
        <section className="summary-section">
          <h3>Added</h3>
          <ul className="outcomes" aria-label="Added files">
            {added.slice(0, 200).map((o, i) => (
              <li key={`a${i}`} className="outcome">
                {o.clipId ? (
                  <button type="button" className="link-button outcome-title" onClick={() => onShow(o.clipId!)}>
                    {o.title ?? o.file}
                  </button>
                ) : (
                  <span className="outcome-title">{o.title ?? o.file}</span>
                )}
                <span className="outcome-file" title={o.file}>{o.file}</span>
                {o.warnings && o.warnings.length > 0 && <span className="outcome-warn">{o.warnings.join(' ')}</span>}
              </li>
            ))}
            {added.length > 200 && <li className="outcome more">and {plural(added.length - 200, 'more file')}</li>}
          </ul>
        </section>
      )}
      {dupes.length > 0 && (
        <section className="summary-section">
          <h3>Already in the library</h3>
          <ul className="outcomes" aria-label="Duplicate files">
            {dupes.slice(0, 100).map((o, i) => (
              <li key={`d${i}`} className="outcome">
                <span className="outcome-title">{o.title ?? o.file}</span>
                <span className="outcome-file" title={o.file}>{o.file}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="modal-actions">
        <button type="button" className="btn primary" data-autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}

function Stat({ n, label, tone }: { n: number; label: string; tone: 'good' | 'bad' | 'plain' }) {
  return (
    <span className={`stat ${tone}`}>
      <span className="stat-n">{n.toLocaleString()}</span> {label}
    </span>
  );
}

export function EmptyLibrary({ onSamples, onImport, busy }: { onSamples(): void; onImport(): void; busy: boolean }) {
  return (
    <div className="empty-state" role="region" aria-label="Welcome">
      <div className="empty-art" aria-hidden="true">
        <div className="sheet s1" />
        <div className="sheet s2" />
        <div className="sheet s3">
          <span />
          <span />
          <span />
          <span />
        </div>
      </div>
      <h1>Your clippings, all in one place</h1>
      <p>
        Drag saved articles onto this window — web pages saved as HTML or text, PDFs, newsletters, Word files, or whole
        folders of them. Cuttings pulls out each article’s headline, outlet, byline and date, and keeps a copy of the original.
      </p>
      <div className="empty-actions">
        <button type="button" className="btn primary" onClick={onImport} disabled={busy}>
          Import files…
        </button>
        <button type="button" className="btn" onClick={onSamples} disabled={busy}>
          Load sample clippings
        </button>
      </div>
      <p className="empty-hint">Everything stays on this computer. Nothing is fetched from the web.</p>
    </div>
  );
}
