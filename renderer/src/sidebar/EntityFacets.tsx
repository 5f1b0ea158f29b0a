// People, Places and Organisations in the sidebar: the entities the current result names most,
// with counts (a search's facets; with no search, the whole library's), each a filter to click
// (person:"…" in the search), and a ⋯ menu to merge one into another or split a name off it,
// with Undo. What a person merges stays merged when clips are re-extracted.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityFacetCount, EntityKind, EntitySummary, Period, SearchResult } from '../../../electron/api.ts';
import { getBridge } from '../api/bridge.ts';
import { plural } from '../common/format.ts';
import { MergeIntoDialog } from '../common/MergeIntoDialog.tsx';
import { popoverMenuKeys, usePopoverMenu } from '../common/popover-menu.ts';
import { OutletNotices } from './OutletActions.tsx';
import { hasEntityFilter, toggleEntityFilter } from './entity-filter-text.ts';
import { EntityPageDialog } from './EntityPage.tsx';
import { entityQuery } from './EntityTimeline.tsx';

const SECTIONS: { kind: EntityKind; heading: string; facet: 'people' | 'places' | 'organisations' }[] = [
  { kind: 'person', heading: 'People', facet: 'people' },
  { kind: 'place', heading: 'Places', facet: 'places' },
  { kind: 'org', heading: 'Organisations', facet: 'organisations' },
];
/** Rows shown per section. */
const SHOWN = 8;

interface Notice {
  id: number;
  message: string;
  error?: boolean;
  action?: { label: string; run(): void };
}

interface Props {
  /** The current search's facets; null with no search (the library's own counts are shown). */
  facets: SearchResult['facets'] | null;
  query: string;
  /** Moves when the library changes: the library's counts are asked for again. */
  revision: number;
  onQuery(q: string): void;
  /** The list's period (an entity page's timeline sets it with the entity's filter). */
  onPeriod(p: Period | null): void;
}

export function EntityFacets({ facets: given, query, revision, onQuery, onPeriod }: Props) {
  const api = getBridge().api;
  // While a search is being typed its facets wait for a pause: the last ones stay meanwhile.
  const [lastFacets, setLastFacets] = useState<SearchResult['facets'] | null>(null);
  if (given && given !== lastFacets) setLastFacets(given);
  const facets = given ?? (query ? lastFacets : null);
  const [library, setLibrary] = useState<Record<EntityKind, EntityFacetCount[]> | null>(null);
  const [menuFor, setMenuFor] = useState<number | null>(null);
  const [merging, setMerging] = useState<{ entity: EntityFacetCount; kind: EntityKind; others: EntitySummary[] } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [pageOf, setPageOf] = useState<number | null>(null);
  const next = useRef(1);

  useEffect(() => {
    if (facets) return;
    let live = true;
    Promise.all(SECTIONS.map((s) => api.listEntities({ kind: s.kind, limit: SHOWN })))
      .then(([person, place, org]) => {
        const counts = (list: EntitySummary[]) => list.map((e) => ({ id: e.id, value: e.name, count: e.clips }));
        if (live) setLibrary({ person: counts(person), place: counts(place), org: counts(org) });
      })
      .catch(() => live && setLibrary(null));
    return () => {
      live = false;
    };
  }, [api, facets, revision]);

  const dismiss = useCallback((id: number) => setNotices((ns) => ns.filter((n) => n.id !== id)), []);
  const show = (n: Omit<Notice, 'id'>) => {
    const id = next.current++;
    setNotices((ns) => [...ns.slice(-1), { ...n, id }]);
    window.setTimeout(() => dismiss(id), n.action || n.error ? 15_000 : 6_000);
  };
  const failed = (e: unknown) => show({ message: (e as Error).message, error: true });
  const undo = (undoToken: string, message: string) => ({
    label: 'Undo',
    run: () => {
      api.undoEntityChange({ undoToken }).then(() => show({ message })).catch(failed);
    },
  });

  const startMerge = (entity: EntityFacetCount, kind: EntityKind) => {
    setMenuFor(null);
    api
      .listEntities({ kind, limit: 500 })
      .then((all) => setMerging({ entity, kind, others: all.filter((e) => e.id !== entity.id) }))
      .catch(failed);
  };
  const merge = (from: EntityFacetCount, into: EntitySummary) => {
    setMerging(null);
    api
      .mergeEntities({ from: [from.id], into: into.id })
      .then(({ entity, undoToken }) => {
        // A filter on the merged entity goes on showing its clips, under the name they now share.
        if (hasEntityFilter(query, into.kind, from.value)) onQuery(toggleEntityFilter(toggleEntityFilter(query, into.kind, from.value), into.kind, entity.name));
        show({ message: `Merged “${from.value}” into “${entity.name}”.`, action: undo(undoToken, `“${from.value}” is apart again.`) });
      })
      .catch(failed);
  };
  const split = (entity: EntityFacetCount, name: string) => {
    setMenuFor(null);
    api
      .splitEntity({ id: entity.id, name })
      .then(({ undoToken }) => show({ message: `“${name}” is apart from “${entity.value}”.`, action: undo(undoToken, `“${name}” is with “${entity.value}” again.`) }))
      .catch(failed);
  };

  const lists = SECTIONS.map((s) => ({ ...s, items: (facets ? facets[s.facet] : library?.[s.kind]) ?? [] })).filter((s) => s.items.length > 0);
  return (
    <>
      {lists.map((s) => (
        <div className="side-section entity-facets" key={s.kind} aria-label={s.heading} role="group">
          <h2 className="side-heading">{s.heading}</h2>
          {s.items.slice(0, SHOWN).map((e) => {
            const on = hasEntityFilter(query, s.kind, e.value);
            return (
              <div className="side-row-wrap" key={e.id}>
                <button
                  type="button"
                  className={`side-item${on ? ' current' : ''}`}
                  aria-pressed={on}
                  title={on ? `Show clips naming anyone` : `Only clips naming ${e.value}`}
                  onClick={() => onQuery(toggleEntityFilter(query, s.kind, e.value))}
                  onContextMenu={(ev) => {
                    ev.preventDefault();
                    setMenuFor(e.id);
                  }}
                >
                  <span className="side-label">{e.value}</span>
                  <span
                    className="side-count"
                    title={
                      facets
                        ? // With stories grouped a search counts a story once, as its list shows it (search/facets.ts).
                          `${plural(e.count, 'result')} of this search name ${e.value}`
                        : `${plural(e.count, 'clip')} in the library name ${e.value} (each version of a story counted)`
                    }
                  >
                    {e.count.toLocaleString()}
                  </span>
                </button>
                <button
                  type="button"
                  className={`row-action${menuFor === e.id ? ' open' : ''}`}
                  aria-label={`Actions for ${e.value}`}
                  aria-haspopup="menu"
                  aria-expanded={menuFor === e.id}
                  onClick={() => setMenuFor(menuFor === e.id ? null : e.id)}
                >
                  ⋯
                </button>
                {menuFor === e.id && (
                  <EntityMenu
                    entity={e}
                    kind={s.kind}
                    onClose={() => setMenuFor(null)}
                    onOpen={() => {
                      setMenuFor(null);
                      setPageOf(e.id);
                    }}
                    onMerge={() => startMerge(e, s.kind)}
                    onSplit={(name) => split(e, name)}
                  />
                )}
              </div>
            );
          })}
        </div>
      ))}
      {merging && (
        <EntityMergeDialog
          entity={merging.entity}
          others={merging.others}
          onClose={() => setMerging(null)}
          onMerge={(into) => merge(merging.entity, into)}
        />
      )}
      {pageOf !== null && (
        <EntityPageDialog
          id={pageOf}
          onClose={() => setPageOf(null)}
          onShowClips={(kind, name) => {
            setPageOf(null);
            if (!hasEntityFilter(query, kind, name)) onQuery(toggleEntityFilter(query, kind, name));
          }}
          onShowPeriod={(kind, name, period) => {
            // Its clips of that period: the bar counted the entity's clips alone, so the list does too.
            onQuery(entityQuery({ kind, name }));
            onPeriod(period);
          }}
        />
      )}
      <OutletNotices notices={notices} dismiss={dismiss} />
    </>
  );
}

/** Merge into…, and one "Split off" per other name the entity was seen under (loaded when opened). */
function EntityMenu(props: { entity: EntityFacetCount; kind: EntityKind; onClose(): void; onOpen(): void; onMerge(): void; onSplit(name: string): void }) {
  const ref = usePopoverMenu(props.onClose);
  const api = getBridge().api;
  const [names, setNames] = useState<string[]>([]);
  const { entity, kind } = props;
  useEffect(() => {
    let live = true;
    api
      .listEntities({ kind, limit: 10_000 })
      .then((all) => live && setNames(all.find((e) => e.id === entity.id)?.names ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, entity.id, kind]);
  return (
    <div ref={ref} className="popover tag-menu" role="menu" aria-label={`Entity ${entity.value}`} onKeyDown={popoverMenuKeys(props.onClose)}>
      <button type="button" role="menuitem" className="menu-item" onClick={props.onOpen}>
        Open page…
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={props.onMerge}>
        Merge into…
      </button>
      {names.map((n) => (
        <button type="button" role="menuitem" className="menu-item" key={n} onClick={() => props.onSplit(n)}>
          Split off “{n}”
        </button>
      ))}
    </div>
  );
}

function EntityMergeDialog(props: { entity: EntityFacetCount; others: EntitySummary[]; onClose(): void; onMerge(into: EntitySummary): void }) {
  const { entity } = props;
  return (
    <MergeIntoDialog
      name={entity.value}
      text={`“${entity.value}” and its other names become names of the one you choose, which keeps its name; their clips count for it. Re-extracting clips keeps this. You can undo it.`}
      choices={props.others}
      keyOf={(o) => o.id}
      labelOf={(o) => `${o.name} (${o.clips})`}
      onClose={props.onClose}
      onMerge={props.onMerge}
    />
  );
}
