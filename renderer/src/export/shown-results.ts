// "The clips in the list", for the Export dialog: what is on screen, as its query when the
// query alone says it, otherwise as the ids the list's own calls return.
import type { Api } from '../../../electron/api.ts';
import type { ClipPager } from '../list/clip-pager.ts';
import { parseListKey } from '../list/list-key.ts';
import type { ExportResults } from './ExportDialog.tsx';
import { collectIds } from './result-ids.ts';

/** `narrowing`: what the person set to narrow the list (the filter chips' labels). */
export function shownResults(api: Api, shown: ClipPager, narrowing: string[]): ExportResults | null {
  // A collapsed story stands for all its versions: an export holds every one of them.
  const { q: shownQ = '', sort: shownSort, asYouType: _typing, collapseStories: _folded, ...filters } = parseListKey(shown.key);
  const narrowedBy = Object.values(filters).some((v) => v !== undefined && v !== null);
  if ((!shownQ && !narrowedBy) || shown.total === null) return null;
  return {
    total: shown.total,
    description: [shownQ ? `“${shownQ}”` : '', ...narrowing].filter(Boolean).join(' · '),
    resolve: async () => {
      if (!narrowedBy) return { query: shownQ };
      const ids = await collectIds(async (offset, limit) => {
        if (shownQ) {
          const r = await api.search({ ...filters, q: shownQ, sort: shownSort, limit, offset, facets: false });
          return { total: r.total, ids: r.hits.map((h) => h.id) };
        }
        const p = await api.listClips({ ...filters, sort: shownSort, limit, offset });
        return { total: p.total, ids: p.clips.map((c) => c.id) };
      });
      return { ids };
    },
  };
}
