// Reads of the objects and history tables, each limited to what the member may see: what the
// team shares (owner '') and what the member keeps private. Another member's private values
// are never read out, not even as a count.
import type pg from 'pg';
import type { HistoryEntry, ObjectKind } from '../sync/protocol.ts';

interface ObjectRow {
  kind: ObjectKind;
  key: string;
  field: string;
  owner: string;
  value_json: string;
  hlc: string;
  member: string;
  seq: string;
}

/** A stored change as JSON text; the value is spliced in as PostgreSQL wrote it, never re-parsed. */
function changeJson(r: ObjectRow): string {
  const privacy = r.owner ? ',"private":true' : '';
  return `{"kind":${JSON.stringify(r.kind)},"key":${JSON.stringify(r.key)},"field":${JSON.stringify(r.field)},"value":${r.value_json},"hlc":${JSON.stringify(r.hlc)}${privacy},"seq":${Number(r.seq)},"member":${JSON.stringify(r.member)}}`;
}

const PAGE_BYTES = 48 * 1024 * 1024;

const COLUMNS = 'kind, key, field, owner, value::text AS value_json, hlc, member, seq';

/**
 * The winning values numbered above `since` that the member may see, in order: a PullResponse
 * as JSON text, plus how many changes it holds.
 */
export async function pullPage(db: pg.Pool, member: string, since: number, limit: number): Promise<{ json: string; count: number; next: number }> {
  const { rows } = await db.query<ObjectRow>(
    `SELECT ${COLUMNS} FROM objects WHERE seq > $1 AND (owner = '' OR owner = $2) ORDER BY seq LIMIT $3`,
    [since, member, limit + 1],
  );
  // A page also ends at about PAGE_BYTES of JSON (always after at least one change), so a run
  // of large records never makes one answer too big to hold.
  const parts: string[] = [];
  let bytes = 0;
  for (const r of rows.slice(0, limit)) {
    if (parts.length && bytes + r.value_json.length > PAGE_BYTES) break;
    const json = changeJson(r);
    parts.push(json);
    bytes += json.length;
  }
  const more = rows.length > parts.length;
  const next = parts.length ? Number(rows[parts.length - 1].seq) : since;
  return { json: `{"changes":[${parts.join(',')}],"next":${next},"more":${more}}`, count: parts.length, next };
}

/** The object's current fields, as StoredChange[] JSON text (their numbers included). */
export async function objectFields(db: pg.Pool, member: string, kind: ObjectKind, key: string): Promise<string> {
  const { rows } = await db.query<ObjectRow>(
    `SELECT ${COLUMNS} FROM objects WHERE kind = $1 AND key = $2 AND (owner = '' OR owner = $3) ORDER BY field, owner`,
    [kind, key, member],
  );
  return `[${rows.map(changeJson).join(',')}]`;
}

/** The values the object's fields held before, oldest replacement first. */
export async function objectHistory(db: pg.Pool, member: string, kind: ObjectKind, key: string): Promise<HistoryEntry[]> {
  const { rows } = await db.query<{ field: string; value: HistoryEntry['value']; hlc: string; member: string; superseded_by: string; recorded_at: Date }>(
    `SELECT field, value, hlc, member, superseded_by, recorded_at FROM history
     WHERE kind = $1 AND key = $2 AND (owner = '' OR owner = $3) ORDER BY recorded_at, id`,
    [kind, key, member],
  );
  return rows.map((r) => ({ kind, key, field: r.field, value: r.value, hlc: r.hlc, member: r.member, supersededBy: r.superseded_by, recordedAt: r.recorded_at.toISOString() }));
}
