// What an import looks like: the overlay while dragging, the progress bar, the summary, and
// the first-run empty state.
import { useMemo } from 'react';
import { formatSeconds, plural } from '../common/format.ts';
import { JobProgressBar } from '../common/JobProgressBar.tsx';
import { OutcomeFailed, OutcomeSection, Stat, SummarySheet, SummaryStats } from '../common/SummarySheet.tsx';
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
  const status = view.cancelling
    ? 'Cancelling…'
    : view.uploading && view.done === 0
      ? `Reading ${plural(view.total, 'file')}…`
      : `Importing ${view.done.toLocaleString()} of ${view.total.toLocaleString()}${view.scanning ? '+' : ''}`;
  return (
    <JobProgressBar
      label="Import"
      status={status}
      eta={view.cancelling ? '' : view.etaSeconds !== null ? formatSeconds(view.etaSeconds) : view.done > 0 ? 'estimating…' : ''}
      done={view.done}
      total={view.total}
      counts={`${view.added} added · ${view.duplicates} duplicates · ${view.failed} failed`}
      current={view.currentFile}
      cancelling={view.cancelling}
      onCancel={onCancel}
    />
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
    <SummarySheet title={summary.cancelled ? 'Import cancelled' : 'Import finished'} onClose={onClose}>
      <SummaryStats label="Import summary" elapsedMs={summary.elapsedMs}>
        <Stat n={summary.added} label="added" tone="good" />
        <Stat n={summary.duplicates} label={summary.duplicates === 1 ? 'duplicate' : 'duplicates'} tone="plain" />
        <Stat n={summary.failed} label="failed" tone={summary.failed ? 'bad' : 'plain'} />
      </SummaryStats>
      {failed.length > 0 && (
        <OutcomeSection heading="Could not import" label="Failed files">
          {failed.map((o, i) => (
            <OutcomeFailed key={`f${i}`} name={o.file} file={o.file} reason={o.reason} />
          ))}
        </OutcomeSection>
      )}
      {added.length > 0 && (
        <OutcomeSection heading="Added" label="Added files">
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
        </OutcomeSection>
      )}
      {dupes.length > 0 && (
        <OutcomeSection heading="Already in the library" label="Duplicate files">
          {dupes.slice(0, 100).map((o, i) => (
            <li key={`d${i}`} className="outcome">
              <span className="outcome-title">{o.title ?? o.file}</span>
              <span className="outcome-file" title={o.file}>{o.file}</span>
            </li>
          ))}
        </OutcomeSection>
      )}
    </SummarySheet>
  );
}

export function EmptyLibrary({ onSamples, onImport, onJoinTeam, busy }: { onSamples(): void; onImport(): void; onJoinTeam(): void; busy: boolean }) {
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
      <p className="empty-hint">
        Everything stays on this computer. Nothing is fetched from the web. Working with a desk?{' '}
        <button type="button" className="link-button" onClick={onJoinTeam} disabled={busy}>
          Join a team library…
        </button>
      </p>
    </div>
  );
}
