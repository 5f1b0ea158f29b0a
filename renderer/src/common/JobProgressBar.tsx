// The bar in the sidebar while a job over many files or clips runs (an import, a
// re-extraction): what it is doing, the time left, a bar, its counts so far and a Cancel button.
import type { ReactNode } from 'react';

interface Props {
  /** What the job is called ("Import"), which names the region and the bar. */
  label: string;
  status: string;
  eta: string;
  /** The time left in full, where `eta` is short. */
  etaTitle?: string;
  done: number;
  /** 0 while not known: the bar then moves without saying how far. */
  total: number;
  counts: ReactNode;
  /** What is being read now, shown on hovering the counts. */
  current: string | null;
  cancelling: boolean;
  onCancel(): void;
}

export function JobProgressBar({ label, status, eta, etaTitle, done, total, counts, current, cancelling, onCancel }: Props) {
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div className="import-bar" role="region" aria-label={`${label} progress`}>
      <div className="import-bar-text">
        <span className="import-status">{status}</span>
        <span className="import-eta" title={etaTitle}>{eta}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={total ? done : undefined}
        aria-valuetext={status}
      >
        <div className={`progress-fill${total === 0 ? ' indeterminate' : ''}`} style={{ width: total ? `${pct}%` : undefined }} />
      </div>
      <div className="import-bar-foot">
        <span className="import-file" title={current ?? ''}>
          {counts}
        </span>
        <button type="button" className="link-button" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
    </div>
  );
}
