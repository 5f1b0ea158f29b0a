// An entity's page: its own timeline (clips by publication date, zoomable as the library's;
// a click on a period shows its clips of that period in the list), the outlets that name it
// most, the entities named beside it (each opens its own page), and its newest clips; "Show its
// clips" filters the list by it.
import { useEffect, useState } from 'react';
import type { EntityKind, EntityPage as Page, Period } from '../../../electron/api.ts';
import { getBridge } from '../api/bridge.ts';
import { periodLabel, plural } from '../common/format.ts';
import { Modal } from '../common/Modal.tsx';
import { EntityTimeline } from './EntityTimeline.tsx';
import './entity-page.css';

const KIND_LABEL: Record<EntityKind, string> = { person: 'Person', place: 'Place', org: 'Organisation' };

/** What the list shows after a period was chosen on the timeline, in words. */
function periodText(p: Period): string {
  if (p.undated) return 'without a date';
  if (!p.from) return '';
  return p.to && p.to !== p.from ? `from ${periodLabel(p.from)} to ${periodLabel(p.to)}` : `of ${periodLabel(p.from)}`;
}

interface Props {
  id: number;
  onClose(): void;
  onShowClips(kind: EntityKind, name: string): void;
  /** A period chosen on its timeline: the list shows its clips of that period (null: all of them). */
  onShowPeriod(kind: EntityKind, name: string, period: Period | null): void;
}

export function EntityPageDialog(props: Props) {
  const api = getBridge().api;
  const [id, setId] = useState(props.id);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The period chosen on this entity's timeline, which the list now shows. */
  const [chosen, setChosen] = useState<Period | null>(null);
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
  return (
    <Modal title={title} onClose={props.onClose} wide className="entity-page">
      {error && <p className="modal-text" role="alert">{error}</p>}
      {page && (
        <>
          <p className="modal-text entity-page-lead">
            {KIND_LABEL[page.entity.kind]} · {plural(page.entity.clips, 'clip')} · {plural(page.entity.mentions, 'mention')}
            {page.entity.names.length > 0 && <> · also {page.entity.names.join(', ')}</>}
          </p>
          <EntityTimeline
            key={page.entity.id}
            entity={page.entity}
            months={page.months}
            period={chosen}
            onPeriod={(p) => {
              setChosen(p);
              props.onShowPeriod(page.entity.kind, page.entity.name, p);
            }}
          />
          <p className="entity-timeline-note" role="status">
            {chosen ? `The list shows its clips ${periodText(chosen)}.` : 'Click a period to show its clips of that time in the list; drag across bars for a range.'}
          </p>
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
                    <button type="button" className="link-button" onClick={() => (setId(r.id), setChosen(null))}>
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
            {chosen ? (
              // The list already shows them: the button only takes the person there.
              <button type="button" className="btn primary" onClick={props.onClose}>
                Show these clips
              </button>
            ) : (
              <button type="button" className="btn primary" onClick={() => props.onShowClips(page.entity.kind, page.entity.name)}>
                Show its clips
              </button>
            )}
          </div>
        </>
      )}
    </Modal>
  );
}
