// person:, place: and org: — filters on the entities a clip names (migration 9). The value is
// looked up among the library's names before the query is built, typo-tolerant like the words
// of the query (library/entities.ts entityIdsFor), so the SQL only reads clip_entities.
import type Database from 'better-sqlite3';
import { entityIdsFor, hasEntityTables, KIND_TYPE } from '../library/entities.ts';
import type { FilterClause, ParsedQuery } from './query-parser.ts';

const ENTITY_FIELDS = new Set(['person', 'place', 'org']);

/** Fills in the entities each person:/place:/org: filter of the query names. */
export function resolveEntityFilters(db: Database.Database, parsed: ParsedQuery): ParsedQuery {
  const filters = parsed.groups.flat().filter((c): c is FilterClause => c.kind === 'filter' && ENTITY_FIELDS.has(c.field));
  if (!filters.length) return parsed;
  const ready = hasEntityTables(db);
  for (const f of filters) f.entityIds = ready ? entityIdsFor(db, KIND_TYPE[f.field as 'person' | 'place' | 'org'], f.value) : [];
  return parsed;
}

/** The condition on alias `c`; `add` names a parameter. */
export function entityFilterSql(f: FilterClause, p: { add(value: unknown): string }): string {
  // Unresolved (a caller that built the query without the library): nothing matches, rather than a guess.
  const ids = f.entityIds ?? [];
  if (!ids.length) return '0';
  return `c.id IN (SELECT clip_id FROM clip_entities WHERE entity_id IN (SELECT value FROM json_each(${p.add(JSON.stringify(ids))})))`;
}
