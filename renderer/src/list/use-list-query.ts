// What the list is asked to show: the view, the filters, the search and the sort, as the
// person sets them, and the list's key made of them (see list-key.ts). The chips above the
// list come from here too: the filters in force, each with its way out, and the facets of the
// results, each a filter to add.
import { useMemo, useState } from 'react';
import type { Period, SearchResult, SortOrder } from '../../../electron/api.ts';
import { periodLabel } from '../common/format.ts';
import { useStoredFlag } from '../common/use-stored-flag.ts';
import { useSearchInput } from '../search/use-search-input.ts';
import type { View } from '../sidebar/Sidebar.tsx';

export interface FilterChip {
  label: string;
  remove(): void;
}

export interface FacetChip {
  label: string;
  count: number;
  apply(): void;
}

export function useListQuery() {
  const [view, setView] = useState<View>('all');
  const [filterTags, setFilterTags] = useState<string[]>([]);
  const [source, setSource] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period | null>(null);
  const search = useSearchInput();
  const q = search.query;
  const [listSort, setListSort] = useState<SortOrder>('newest');
  const [searchSort, setSearchSort] = useState<SortOrder>('relevance');
  const sort = q ? searchSort : listSort;

  const listArgs = useMemo(
    () => ({
      tags: filterTags.length ? filterTags : undefined,
      source: source ?? undefined,
      starred: view === 'starred' ? true : undefined,
      importedWithinDays: view === 'recent' ? 7 : undefined,
      from: period?.from,
      to: period?.to,
      undated: period?.undated ? true : undefined,
    }),
    [filterTags, source, view, period],
  );
  const asYouType = search.typing;
  // Each story once (one row, "8 outlets", opening to its versions): off until the person turns
  // it on, then remembered. The list is an archive of the files they kept: right after an import
  // every file they dropped is a row and the count is theirs, and what counts as one story is a
  // guess from similar text (the same article saved as a page and as a PDF is one), which should
  // not hide rows unasked. Off, the reader still names a clip's other versions and compares them.
  const [collapseStories, setCollapseStories] = useStoredFlag('cuttings.collapseStories', false);
  const key = JSON.stringify({ q, sort, asYouType, ...listArgs, collapseStories: collapseStories || undefined });

  const clearFilters = () => {
    setFilterTags([]);
    setSource(null);
    setPeriod(null);
    search.clear();
  };

  const chooseView = (v: View) => {
    setView(v);
    if (v === 'all') clearFilters();
    if (v === 'recent') setListSort('imported');
    else if (listSort === 'imported') setListSort('newest');
  };

  /** A click on a tag shows its clips alone (again: all clips); an additive click adds or removes it. */
  const toggleTag = (name: string, additive: boolean) => {
    setFilterTags((ts) => {
      const has = ts.some((t) => t.toLowerCase() === name.toLowerCase());
      if (additive) return has ? ts.filter((t) => t.toLowerCase() !== name.toLowerCase()) : [...ts, name];
      return has && ts.length === 1 ? [] : [name];
    });
  };

  /** The sort of a search and the sort of the plain list are remembered apart. */
  const setSort = (order: SortOrder) => (q ? setSearchSort : setListSort)(order);

  const chips: FilterChip[] = [];
  if (view === 'starred') chips.push({ label: 'Starred', remove: () => setView('all') });
  if (view === 'recent') chips.push({ label: 'Imported this week', remove: () => setView('all') });
  for (const t of filterTags) chips.push({ label: `Tag: ${t}`, remove: () => setFilterTags((ts) => ts.filter((x) => x !== t)) });
  if (source) chips.push({ label: `Source: ${source}`, remove: () => setSource(null) });
  if (period?.undated) chips.push({ label: 'Undated', remove: () => setPeriod(null) });
  else if (period?.from)
    chips.push({
      label: period.to && period.to !== period.from ? `${periodLabel(period.from)} – ${periodLabel(period.to)}` : periodLabel(period.from),
      remove: () => setPeriod(null),
    });

  /** The most frequent tags, sources and years of the results, less the filters already set. */
  const facetChips = (facets: SearchResult['facets'] | null): FacetChip[] => {
    const out: FacetChip[] = [];
    if (facets) {
      for (const f of facets.tags.slice(0, 4))
        if (!filterTags.some((t) => t.toLowerCase() === f.value.toLowerCase()))
          out.push({ label: `#${f.value}`, count: f.count, apply: () => setFilterTags((ts) => [...ts, f.value]) });
      for (const f of facets.sources.slice(0, 4))
        if (source?.toLowerCase() !== f.value.toLowerCase()) out.push({ label: f.value, count: f.count, apply: () => setSource(f.value) });
      for (const f of facets.years.slice(0, 4)) out.push({ label: f.value, count: f.count, apply: () => setPeriod({ from: f.value, to: f.value }) });
    }
    return out;
  };

  return {
    view,
    filterTags,
    setFilterTags,
    source,
    setSource,
    period,
    setPeriod,
    search,
    q,
    sort,
    asYouType,
    key,
    collapseStories,
    setCollapseStories,
    chips,
    clearFilters,
    chooseView,
    toggleTag,
    setSort,
    facetChips,
  };
}

export type ListQuery = ReturnType<typeof useListQuery>;
