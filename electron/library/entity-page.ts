// An entity's page (issue #16): its clips per month, the outlets that name it most, the
// entities named beside it most, and its newest clips. Read from clip_entities and the clips'
// own columns; live clips only.
import type Database from 'better-sqlite3';
import type { EntityPage } from '../api.ts';
import { getEntity, TYPE_KIND } from './entities.ts';
import type { EntityType } from './entity-names.ts';

/** Rows listed per part of the page. */
const TOP = 10;
const CLIPS = 50;

export function entityPage(db: Database.Database, id: number): EntityPage {
  const entity = getEntity(db, id);
  const LIVE = 'FROM clip_entities ce JOIN clips c ON c.id = ce.clip_id AND c.deleted_at IS NULL WHERE ce.entity_id = @id';
  // A date known to the month or the day has a month; one known only to the year does not.
  const months = db
    .prepare(
      `SELECT substr(c.published_at, 1, 7) AS month, count(*) AS clips, sum(ce.mentions) AS mentions ${LIVE}
         AND length(c.published_at) >= 7
       GROUP BY month ORDER BY month`,
    )
    .all({ id }) as EntityPage['months'];
  const undated = db.prepare(`SELECT count(*) ${LIVE} AND (c.published_at IS NULL OR length(c.published_at) < 7)`).pluck().get({ id }) as number;
  const outlets = db
    .prepare(
      `SELECT c.source AS value, count(*) AS count ${LIVE} AND c.source IS NOT NULL
       GROUP BY c.source COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE LIMIT ${TOP}`,
    )
    .all({ id }) as EntityPage['outlets'];
  const related = (
    db
      .prepare(
        `SELECT e.id, e.type, e.name AS value, count(*) AS count ${LIVE.replace('WHERE', 'JOIN clip_entities o ON o.clip_id = ce.clip_id AND o.entity_id <> ce.entity_id JOIN entities e ON e.id = o.entity_id WHERE')}
         GROUP BY e.id ORDER BY count DESC, value LIMIT ${TOP}`,
      )
      .all({ id }) as { id: number; type: EntityType; value: string; count: number }[]
  ).map(({ type, ...r }) => ({ ...r, kind: TYPE_KIND[type] }));
  const clips = db
    .prepare(
      `SELECT c.id, c.title, c.source, c.published_at AS publishedAt, ce.mentions ${LIVE}
       ORDER BY c.published_at IS NULL, c.published_at DESC, c.id DESC LIMIT ${CLIPS}`,
    )
    .all({ id }) as EntityPage['clips'];
  return { entity, months, undated, outlets, related, clips };
}
