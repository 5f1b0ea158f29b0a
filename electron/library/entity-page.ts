// An entity's page (issue #16): its clips per month, the outlets that name it most, the
// entities named beside it most, and its newest clips. Read from clip_entities and the clips'
// own columns; live clips only. The outlets and the entities beside it are the facets of its
// clips (search/facets.ts, in memory): the same counts in SQL, a join of each of its clips'
// entity rows, took 75–110 ms for a name in 10,000 of 100,000 clips, the facets 2–3 ms.
import type Database from 'better-sqlite3';
import type { EntityKind, EntityPage } from '../api.ts';
import { facetsOf } from '../search/facets.ts';
import { getEntity } from './entities.ts';

/** Rows listed per part of the page. */
const TOP = 10;
const CLIPS = 50;

export function entityPage(db: Database.Database, id: number): EntityPage {
  const entity = getEntity(db, id);
  // clips_filter_cover (migration 4) holds what these read of a clip (deleted_at, published_at,
  // source): each of an entity's clips is not read whole, bodies and all (0.5 s → ms for a name
  // in 10,000 of 100,000 clips).
  const LIVE = 'FROM clip_entities ce JOIN clips c INDEXED BY clips_filter_cover ON c.id = ce.clip_id AND c.deleted_at IS NULL WHERE ce.entity_id = @id';
  // A date known to the month or the day has a month; one known only to the year does not.
  const months = db
    .prepare(
      `SELECT substr(c.published_at, 1, 7) AS month, count(*) AS clips, sum(ce.mentions) AS mentions ${LIVE}
         AND length(c.published_at) >= 7
       GROUP BY month ORDER BY month`,
    )
    .all({ id }) as EntityPage['months'];
  const undated = db.prepare(`SELECT count(*) ${LIVE} AND (c.published_at IS NULL OR length(c.published_at) < 7)`).pluck().get({ id }) as number;
  const facets = facetsOf(db, db.prepare(`SELECT ce.clip_id ${LIVE}`).pluck().all({ id }) as number[]);
  // Ties by name whatever its case, as the outlets are listed elsewhere.
  const fold = (v: string) => v.toLowerCase();
  const outlets = facets.sources
    .sort((a, b) => b.count - a.count || (fold(a.value) < fold(b.value) ? -1 : fold(a.value) > fold(b.value) ? 1 : 0))
    .slice(0, TOP);
  const beside = (list: typeof facets.people, kind: EntityKind) => (list ?? []).filter((e) => e.id !== id).map((e) => ({ ...e, kind }));
  const related = [...beside(facets.people, 'person'), ...beside(facets.places, 'place'), ...beside(facets.organisations, 'org')]
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, TOP);
  // The newest found on the index, then only those clips' titles read.
  const clips = db
    .prepare(
      `SELECT c.id, c.title, c.source, c.published_at AS publishedAt, n.mentions
       FROM (SELECT ce.clip_id, ce.mentions, c.published_at AS at ${LIVE} ORDER BY c.published_at IS NULL, c.published_at DESC, c.id DESC LIMIT ${CLIPS}) n
       JOIN clips c ON c.id = n.clip_id
       ORDER BY n.at IS NULL, n.at DESC, c.id DESC`,
    )
    .all({ id }) as EntityPage['clips'];
  return { entity, months, undated, outlets, related, clips };
}
