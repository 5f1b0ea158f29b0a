// The list's results: a pager for the question the list's key asks, the pager on screen (the
// previous one, until the new question answers), and what a search says of its results (its
// corrections, its facets).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Api, SearchResult } from '../../../electron/api.ts';
import { ClipPager } from './clip-pager.ts';
import { parseListKey } from './list-key.ts';
import { rowFromHit, rowFromSummary, rowFromVersion } from './rows.ts';

export function useClipList(api: Api, key: string) {
  const [searchMeta, setSearchMeta] = useState<{ key: string; result: SearchResult } | null>(null);
  // The pager is made from the key parsed back, which also drops the unset filters.
  const pager = useMemo(() => {
    const { q: text, sort: order, asYouType: typing, ...filters } = parseListKey(key);
    return new ClipPager(key, async (offset, limit) => {
      if (text) {
        // Facets describe the whole result: asked for with the first page only, and not
        // while a word is being typed (they cost as much as the search; see the effect below).
        const r = await api.search({ ...filters, q: text, sort: order, limit, offset, asYouType: typing, facets: offset === 0 && !typing });
        if (offset === 0) setSearchMeta({ key, result: r });
        return { total: r.total, rows: r.hits.map(rowFromHit), folded: r.folded };
      }
      const p = await api.listClips({ ...filters, sort: order, limit, offset });
      return { total: p.total, rows: p.clips.map(rowFromSummary), folded: p.folded };
    }, async (row) => {
      // An opened story's other versions (renderer/src/stories/).
      const story = await api.storyOf({ id: row.id });
      return story ? story.versions.map((v, i) => rowFromVersion(v, row.id, story.kind, i + 1, story.versions.length)) : [];
    });
  }, [api, key]);
  // Until the new query answers, the previous results stay on screen (no flash while typing).
  const [shown, setShown] = useState<ClipPager>(pager);
  useEffect(() => {
    if (pager.loaded) {
      setShown(pager);
      return;
    }
    return pager.subscribe(() => pager.loaded && setShown(pager));
  }, [pager]);

  const meta = searchMeta && searchMeta.key === shown.key ? searchMeta.result : null;

  // While typing, the results come without facets; once the typing pauses, the facets of
  // what is on screen are asked for on their own (limit 0: facets and total, no rows).
  const [typedFacets, setTypedFacets] = useState<{ key: string; facets: SearchResult['facets']; partial: boolean } | null>(null);
  useEffect(() => {
    const { q: text, sort: order, asYouType: typing, ...filters } = parseListKey(key);
    if (!text || !typing) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.search({ ...filters, q: text, sort: order, limit: 0, offset: 0, asYouType: typing, facets: true }).then(
        (r) => live && setTypedFacets({ key, facets: r.facets, partial: r.facetsPartial ?? false }),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, key]);
  const asYouType = parseListKey(key).asYouType;
  const facets = meta && asYouType ? (typedFacets?.key === shown.key ? typedFacets.facets : null) : (meta?.facets ?? null);
  // Above ~10,000 matches the library counts a sample of them (see electron/search/facets.ts).
  const facetsPartial = meta && asYouType ? (typedFacets?.key === shown.key && typedFacets.partial) : (meta?.facetsPartial ?? false);

  // The pagers of the latest render: a reload asked for later reaches the ones then current.
  const pagers = useRef({ pager, shown });
  pagers.current = { pager, shown };
  /** Asks the library again, for the question being asked and for the results on screen. */
  const reload = useCallback(() => {
    const { pager: p, shown: s } = pagers.current;
    p.refresh();
    if (s !== p) s.refresh();
  }, []);

  return { pager, shown, meta, facets, facetsPartial, reload };
}
