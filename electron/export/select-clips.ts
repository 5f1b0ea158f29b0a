// Which clips an export holds, and in what order: the ids given, or every clip a search query
// matches (the same parse, typo correction and filters as the search box, but all of them,
// not one page), or the whole library. Newest first, as the list shows them by default.
import type { ExportRequest } from '../api.ts';
import { SORT_SQL } from '../library/clips.ts';
import type { Library } from '../library/open-library.ts';
import { searchConditions } from '../search/search-clips.ts';

export function selectClipIds(library: Library, request: ExportRequest): number[] {
  const db = library.db;
  const where = ['c.deleted_at IS NULL'];
  let params: Record<string, unknown> = {};
  if (request.ids) {
    // Unknown and deleted ids drop out here; the order is the library's, not the click order
    // in which a selection was made.
    where.push('c.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(request.ids.filter((id) => Number.isSafeInteger(id)));
  }
  if (request.query?.trim()) {
    // searchConditions is the search's own reading of the query: the set is the one
    // searchClips counts. Its relevance order is not kept: ranking every match of a broad
    // query costs far more than the export's readers gain from it.
    const conditions = searchConditions(db, request.query);
    where.push(...conditions.where);
    params = { ...params, ...conditions.params };
  }
  return db.prepare(`SELECT c.id FROM clips c WHERE ${where.join(' AND ')} ORDER BY ${SORT_SQL.newest}`).pluck().all(params) as number[];
}
