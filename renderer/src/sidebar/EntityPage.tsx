// An entity's page: when it was named (clips per month, months without any shown as gaps),
// the outlets that name it most, the entities named beside it (each opens its own page), and
// its newest clips; "Show its clips" filters the list by it.
import { useEffect, useState } from 'react';
import type { EntityKind, EntityPage as Page } from '../../../electron/api.ts';
import { getBridge } from '../api/bridge.ts';
import { periodLabel, plural } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import './entity-page.css';

const KIND_LABEL: Record<EntityKind, string> = { person: 'Person', place: 'Place', org: 'Organisation' };

/** Every month from the first to the last, those without clips at 0: the bars keep time's proportions. */
export function monthRun(months: Page['months']): { month: string; clips: number }[] {
  if (!months.length) return [];
  const byMonth = new Map(months.map((m) => [m.month, m.clips]));
  const out: { month: string; clips: number }[] = [];
  let [y, mo] = months[0].month.split('-').map(Number);
  const last = months[months.length - 1].month;
  // At most 50 years of months: a stray date far off does not make thousands of bars.
  for (let i = 0; i < 600; i++) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    out.push({ month: key, clips: byMonth.get(key) ?? 0 });
    if (key >= last) break;
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

export function EntityPageDialog(props: { id: number; onClose(): void; onShowClips(kind: EntityKind, name: string): void }) {
  const api = getBridge().api;
  const [id, setId] = useState(props.id);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .entityPage({ id })
      .then((p) => live && (setPage(p), setError(null)))
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [api, id]);

  const title = page ? page.entity.name : 'Entity';
  const run = page ? monthRun(page.months) : [];
  const peak = Math.max(1, ...run.map((m) => m.clips));
  return (
    <Modal title={title} onClose={props.onClose} wide className="entity-page">
      {error && <p className="modal-text" role="alert">{error}</p>}
      {page && (
        <>
          <p className="modal-text entity-page-lead">
            {KIND_LABEL[page.entity.kind]} · {plural(page.entity.clips, 'clip')} · {plural(page.entity.mentions, 'mention')}
            {page.entity.names.length > 0 && <> · also {page.entity.names.join(', ')}</>}
          </p>
          <section aria-label="Clips by month">
            <h3>By month</h3>
            {run.length > 0 ? (
              <div className="entity-months" role="list">
                {run.map((m) => (
                  <div key={m.month} role="listitem" className="entity-month" title={`${periodLabel(m.month)}: ${plural(m.clips, 'clip')}`} aria-label={`${periodLabel(m.month)}: ${plural(m.clips, 'clip')}`}>
                    <span className="entity-bar" style={{ height: `${(m.clips / peak) * 100}%` }} />
                  </div>
                ))}
              </div>
            ) : (
              <p className="modal-text">None of its clips is dated to a month.</p>
            )}
            {run.length > 0 && (
              <p className="entity-months-axis">
                <span>{periodLabel(run[0].month)}</span>
                {run.length > 1 && <span>{periodLabel(run[run.length - 1].month)}</span>}
              </p>
            )}
            {page.undated > 0 && <p className="modal-text">{plural(page.undated, 'clip')} without a month.</p>}
          </section>
          <div className="entity-page-columns">
            <section aria-label="Outlets naming it most">
              <h3>Outlets</h3>
              <ul>
                {page.outlets.map((o) => (
                  <li key={o.value}>
                    {o.value} <span className="side-count">{o.count}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label="Named with it most">
              <h3>Named with</h3>
              <ul>
                {page.related.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="link-button" onClick={() => setId(r.id)}>
                      {r.value}
                    </button>{' '}
                    <span className="side-count">{r.count}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section aria-label="Its clips">
            <h3>Clips</h3>
            <ul className="entity-clips">
              {page.clips.map((c) => (
                <li key={c.id}>
                  <span className="entity-clip-title">{c.title}</span>
                  <span className="entity-clip-meta">
                    {[c.source, c.publishedAt ? periodLabel(c.publishedAt.slice(0, 10)) : null].filter(Boolean).join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <div className="modal-actions">
            <button type="button" className="btn" onClick={props.onClose}>
              Close
            </button>
            <button type="button" className="btn primary" onClick={() => props.onShowClips(page.entity.kind, page.entity.name)}>
              Show its clips
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
