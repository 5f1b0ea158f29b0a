// The sheet that says how a job over many files or clips ended (an import, a re-extraction):
// its counts and time, then a list for each kind of outcome.
import type { ReactNode } from 'react';
import { Modal } from './Modal.tsx';

export function SummarySheet({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  return (
    <Modal title={title} onClose={onClose} wide>
      {children}
      <div className="modal-actions">
        <button type="button" className="btn primary" data-autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}

/** The counts (Stat), then how long the job took. */
export function SummaryStats({ label, elapsedMs, children }: { label?: string; elapsedMs: number; children: ReactNode }) {
  return (
    <div className="summary-stats" aria-label={label}>
      {children}
      <span className="summary-time">{(elapsedMs / 1000).toFixed(1)} s</span>
    </div>
  );
}

export function Stat({ n, label, tone }: { n: number; label: string; tone: 'good' | 'bad' | 'plain' }) {
  return (
    <span className={`stat ${tone}`}>
      <span className="stat-n">{n.toLocaleString()}</span> {label}
    </span>
  );
}

/** One kind of outcome: a heading and its list (OutcomeFailed or the caller's own items). */
export function OutcomeSection({ heading, label, children }: { heading: string; label: string; children: ReactNode }) {
  return (
    <section className="summary-section">
      <h3>{heading}</h3>
      <ul className="outcomes" aria-label={label}>
        {children}
      </ul>
    </section>
  );
}

/** A file or clip that failed, and why. */
export function OutcomeFailed({ name, file, reason }: { name: string; file: string; reason?: string }) {
  return (
    <li className="outcome failed">
      <span className="outcome-file" title={file}>
        {name}
      </span>
      <span className="outcome-reason">{reason ?? 'Unknown reason.'}</span>
    </li>
  );
}
