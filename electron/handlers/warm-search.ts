// Keeps the first search of a session, and the first after each change, from paying for
// loading: the library file is read into the operating system's cache, then the in-memory
// facet table (~150 ms at 100,000 clips) is loaded, and loaded again a moment after each
// change to the library, while nobody is waiting on it.
import type { Library } from '../library/open-library.ts';
import { warmLibraryCache } from '../library/warm-cache.ts';
import { warmFacets } from '../search/facets.ts';
import type { EventBus } from './event-bus.ts';

/** Quiet time after a change before the table is reloaded (imports change it many times). */
const AFTER_CHANGE_MS = 1500;

export function keepSearchWarm(library: Library, events: EventBus): () => void {
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const warm = () => {
    if (closed || !library.db.open) return;
    try {
      warmFacets(library.db);
    } catch {
      // Only a speed-up: the next search loads the table itself.
    }
  };
  void warmLibraryCache(library.dir).then(warm);
  const unsubscribe = events.subscribe((event) => {
    if (event !== 'library-changed') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(warm, AFTER_CHANGE_MS);
    timer.unref();
  });
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
