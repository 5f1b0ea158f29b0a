// What the sidebar lists of the library: its counts, tags, sources and saved searches.
import { useCallback, useEffect, useState } from 'react';
import type { Api, FacetCount, LibraryInfo, SavedSearch, Tag } from '../../../electron/api.ts';

export function useLibraryMeta(api: Api, onError: (message: string) => void) {
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [sources, setSources] = useState<FacetCount[]>([]);
  const [saved, setSaved] = useState<SavedSearch[]>([]);

  const loadMeta = useCallback(async () => {
    const [i, t, s, ss] = await Promise.all([
      api.libraryInfo({}),
      api.listTags({}),
      api.listSources({}),
      api.listSavedSearches({}).catch(() => [] as SavedSearch[]),
    ]);
    setInfo(i);
    setTags(t);
    setSources(s);
    setSaved(ss);
  }, [api]);

  useEffect(() => {
    loadMeta().catch((e: Error) => onError(e.message));
  }, [loadMeta, onError]);

  return { info, tags, sources, saved, loadMeta };
}
