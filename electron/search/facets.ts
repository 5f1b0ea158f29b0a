// Counts by tag, source, author and year over the clips a search matched, so the UI can
// offer "narrow to…". Computed in SQL over the same FROM/WHERE as the search.
//
// Cost grows with the number of matches (each needs its clip's row), so above FACET_LIMIT
// matches the counts are taken over the FACET_LIMIT best-ranked... no: over the first
// FACET_LIMIT matches in index order (rowid), which is cheap, and `partial` says so.
import type Database from 'better-sqlite3';
import type { FacetCount, SearchResult } from '../api.ts';

export type Facets = SearchResult['facets'];

export const FACET_LIMIT = 5000;
/** Values listed per facet (years: all of them). */
export const FACET_VALUES = 20;

export interface Scope {
  /** FROM clause yielding alias `c` (clips) for each matching clip. */
  from: string;
  where: string[];
  params: Record<string, unknown>;
}

export const NO_FACETS: Facets = { tags: [], sources: [], authors: [], years: [] };

export function computeFacets(db: Database.Database, scope: Scope, total: number): { facets: Facets; partial: boolean } {
  if (total === 0) return { facets: NO_FACETS, partial: false };
  const partial = total > FACET_LIMIT;
  const cap = partial ? `LIMIT ${FACET_LIMIT}` : '';
  // The matching ids once, in a CTE each facet reads (SQLite materialises it per statement).
  const hits = `hits AS MATERIALIZED (SELECT c.id AS id FROM ${scope.from} WHERE ${scope.where.join(' AND ')} ${cap})`;
  const run = (sql: string) => db.prepare(`WITH ${hits} ${sql}`).all(scope.params) as FacetCount[];
  const facets: Facets = {
    years: run(
      `SELECT substr(c.published_at, 1, 4) AS value, count(*) AS count FROM hits JOIN clips c ON c.id = hits.id
       WHERE c.published_at IS NOT NULL GROUP BY value ORDER BY value DESC`,
    ),
    sources: run(
      `SELECT min(c.source) AS value, count(*) AS count FROM hits JOIN clips c ON c.id = hits.id
       WHERE coalesce(c.source, '') <> '' GROUP BY c.source COLLATE NOCASE ORDER BY count DESC, value LIMIT ${FACET_VALUES}`,
    ),
    authors: run(
      `SELECT min(c.author) AS value, count(*) AS count FROM hits JOIN clips c ON c.id = hits.id
       WHERE coalesce(c.author, '') <> '' GROUP BY c.author COLLATE NOCASE ORDER BY count DESC, value LIMIT ${FACET_VALUES}`,
    ),
    tags: run(
      `SELECT t.name AS value, count(*) AS count FROM hits JOIN clip_tags ct ON ct.clip_id = hits.id JOIN tags t ON t.id = ct.tag_id
       GROUP BY t.id ORDER BY count DESC, t.name COLLATE NOCASE LIMIT ${FACET_VALUES}`,
    ),
  };
  return { facets, partial };
}
