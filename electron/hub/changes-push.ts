// A push: a batch of field edits merged into the objects table in one transaction.
//
// Each field is last-writer-wins by hybrid logical clock. The value that loses, whichever side
// it is on, goes to history. When the incoming edit loses, the winner is given a new sequence
// number, so the member who pushed the loser pulls the winner and their copy comes right. The
// same field, clock and value again is a retried push and changes nothing.
//
// Clips follow the deletion rule of protocol.ts: a deletion holds only while it is later than
// every other shared field of the clip; an edit later than it brings the clip back, which the
// hub writes as `deleted` = false at that edit's clock (the deletion going to history). Both
// orders of arrival end in the same state.
//
// The batch is decided in memory after a few reads and written with a few set-based statements,
// so a batch of thousands costs about as many round trips as a batch of one.
import type pg from 'pg';
import { compareHlc } from '../sync/hlc.ts';
import { RESTORE_DAYS, type Change, type Json, type PushRequest, type PushResponse } from '../sync/protocol.ts';
import { WRITE_LOCK } from './advisory-locks.ts';
import type { Member } from './members.ts';

/** The channel a push announces its newest sequence number on (long polls wake on it). */
export const CHANGES_CHANNEL = 'cuttings_hub_changes';

interface Slot {
  kind: string;
  key: string;
  field: string;
  owner: string;
  exists: boolean;
  hlc: string;
  member: string;
  /** The value, when this push set it (a stored value stays in the database). */
  value?: Json;
  /** For a clip's `deleted` slot: whether it holds true. */
  isTrue: boolean;
  /** The stored row has been replaced in this push (its value is already in history). */
  storedReplaced: boolean;
  write: 'none' | 'value' | 'restamp';
}

interface HistoryRow {
  kind: string;
  key: string;
  field: string;
  owner: string;
  value: Json;
  hlc: string;
  member: string;
  superseded_by: string;
}

const slotId = (kind: string, key: string, field: string, owner: string) => JSON.stringify([kind, key, field, owner]);
const sameJson = (a: Json | undefined, b: Json) => JSON.stringify(a) === JSON.stringify(b);

export async function pushChanges(pool: pg.Pool, member: Member, request: PushRequest): Promise<PushResponse> {
  const client = await pool.connect();
  let broken = false;
  try {
    // One round trip each: the lock is held from here to COMMIT, so time spent waiting on the
    // network is time every other push waits too.
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    const result = await mergeBatch(client, member, request.changes);
    // NOTIFY is delivered when the transaction commits, to every hub process listening.
    await client.query(result.numbered ? `SELECT pg_notify('${CHANGES_CHANNEL}', '${result.seq}'); COMMIT` : 'COMMIT');
    return { accepted: result.accepted, superseded: result.superseded, repeated: result.repeated, seq: result.seq };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw e;
  } finally {
    client.release(broken);
  }
}

async function mergeBatch(client: pg.PoolClient, member: Member, changes: Change[]): Promise<PushResponse & { numbered: boolean }> {
  const ownerOf = (c: Change) => (c.private ? member.id : '');
  // The slots this batch touches, with each clip's `deleted` slot (the deletion rule reads it).
  const lookups: { i: number; kind: string; key: string; field: string; owner: string; value: Json; hlc: string | null }[] = [];
  changes.forEach((c, i) => lookups.push({ i, kind: c.kind, key: c.key, field: c.field, owner: ownerOf(c), value: c.value, hlc: c.hlc }));
  const clipKeys = [...new Set(changes.filter((c) => c.kind === 'clip').map((c) => c.key))];
  clipKeys.forEach((key, n) => lookups.push({ i: changes.length + n, kind: 'clip', key, field: 'deleted', owner: '', value: null, hlc: null }));

  const found = await client.query<{
    i: number; hlc: string | null; member: string | null; is_true: boolean | null; same_value: boolean | null; in_history: boolean;
    edited: string | null; purged: boolean | null;
  }>(
    // For a clip's `deleted` slot (no clock of its own here), the latest edit of the clip's
    // other shared fields comes along, as "CLOCK MEMBER" (a clock holds no space).
    `SELECT b.i, o.hlc, o.member, o.value = 'true'::jsonb AS is_true,
            CASE WHEN b.hlc IS NULL THEN (
              SELECT e.hlc || ' ' || e.member FROM objects e
              WHERE e.kind = 'clip' AND e.key = b.key AND e.owner = '' AND e.field <> 'deleted'
              ORDER BY e.hlc DESC LIMIT 1) END AS edited,
            b.hlc IS NULL AND o.value = 'true'::jsonb AND o.written_at <= now() - make_interval(days => ${RESTORE_DAYS}) AS purged,
            o.value = coalesce(b.value, 'null'::jsonb) AS same_value,
            b.hlc IS NOT NULL AND EXISTS (
              SELECT 1 FROM history h
              WHERE h.kind = b.kind AND h.key = b.key AND h.field = b.field AND h.owner = b.owner
                AND h.hlc = b.hlc AND h.value = coalesce(b.value, 'null'::jsonb)) AS in_history
     FROM jsonb_to_recordset($1::jsonb) AS b(i int, kind text, key text, field text, owner text, value jsonb, hlc text)
     LEFT JOIN objects o ON o.kind = b.kind AND o.key = b.key AND o.field = b.field AND o.owner = b.owner`,
    [JSON.stringify(lookups)],
  );
  const slots = new Map<string, Slot>();
  const stored = new Map<number, (typeof found.rows)[number]>();
  for (const r of found.rows) stored.set(r.i, r);
  for (const l of lookups) {
    const id = slotId(l.kind, l.key, l.field, l.owner);
    if (slots.has(id)) continue;
    const r = stored.get(l.i);
    slots.set(id, {
      kind: l.kind, key: l.key, field: l.field, owner: l.owner,
      exists: !!r?.hlc, hlc: r?.hlc ?? '', member: r?.member ?? '', isTrue: !!r?.is_true,
      storedReplaced: false, write: 'none',
    });
  }
  // Clips deleted longer ago than they can be restored: only their tombstone is left (see
  // deleted-clips.ts), so a late edit cannot bring them back; it is refused as superseded and
  // the tombstone numbered again, so the editor's desktop learns of the deletion.
  const purged = new Set(clipKeys.filter((_, n) => stored.get(changes.length + n)?.purged));
  // The latest edit of each clip's other shared fields, as stored.
  const edited = new Map<string, { hlc: string; member: string }>();
  clipKeys.forEach((key, n) => {
    const latest = stored.get(changes.length + n)?.edited;
    const space = latest ? latest.indexOf(' ') : -1;
    if (latest && space > 0) edited.set(key, { hlc: latest.slice(0, space), member: latest.slice(space + 1) });
  });

  const fromBatch: HistoryRow[] = [];
  const fromStore: { kind: string; key: string; field: string; owner: string; superseded_by: string }[] = [];
  /** The slots this push writes or re-stamps. */
  const touched = new Set<Slot>();
  const touch = (s: Slot, write: 'value' | 'restamp') => {
    if (write === 'value' || s.write === 'none') s.write = write;
    touched.add(s);
  };
  /** Values this push sent to history: the same again later in the batch is a repeat. */
  const lost = new Set<string>();
  const lostKey = (kind: string, key: string, field: string, owner: string, hlc: string, value: Json) => JSON.stringify([kind, key, field, owner, hlc, value]);
  /** Moves what the slot holds to history, replaced by a value at `by`. */
  const retire = (s: Slot, by: string) => {
    if (!s.exists) return;
    if (s.value === undefined && !s.storedReplaced) {
      fromStore.push({ kind: s.kind, key: s.key, field: s.field, owner: s.owner, superseded_by: by });
      s.storedReplaced = true;
    } else if (s.value !== undefined) {
      fromBatch.push({ kind: s.kind, key: s.key, field: s.field, owner: s.owner, value: s.value, hlc: s.hlc, member: s.member, superseded_by: by });
      lost.add(lostKey(s.kind, s.key, s.field, s.owner, s.hlc, s.value));
    }
  };
  const set = (s: Slot, value: Json, hlc: string, by: string) => {
    retire(s, hlc);
    Object.assign(s, { exists: true, value, hlc, member: by, isTrue: value === true });
    touch(s, 'value');
  };

  let accepted = 0;
  let superseded = 0;
  let repeated = 0;
  changes.forEach((c, i) => {
    const owner = ownerOf(c);
    const s = slots.get(slotId(c.kind, c.key, c.field, owner))!;
    const row = stored.get(i);
    const storedNow = s.value === undefined && !s.storedReplaced;
    const sameAsHeld = s.exists && s.hlc === c.hlc && (storedNow ? !!row?.same_value : sameJson(s.value, c.value));
    const seenBefore = !!row?.in_history || lost.has(lostKey(c.kind, c.key, c.field, owner, c.hlc, c.value));
    if (sameAsHeld || seenBefore) {
      repeated++;
      return;
    }
    if (c.kind === 'clip' && purged.has(c.key) && !(c.field === 'deleted' && c.value === true)) {
      touch(slots.get(slotId('clip', c.key, 'deleted', ''))!, 'restamp');
      superseded++;
      return;
    }
    // A clock equal to the held one with another value cannot come from a correct client (a
    // clock is one edit of one node); the held value stays.
    if (!s.exists || compareHlc(c.hlc, s.hlc) > 0) {
      set(s, c.value, c.hlc, member.id);
      accepted++;
    } else {
      fromBatch.push({ kind: c.kind, key: c.key, field: c.field, owner, value: c.value, hlc: c.hlc, member: member.id, superseded_by: s.hlc });
      lost.add(lostKey(c.kind, c.key, c.field, owner, c.hlc, c.value));
      touch(s, 'restamp');
      superseded++;
    }
    if (c.kind !== 'clip' || owner !== '') return;
    // The deletion rule.
    const deleted = slots.get(slotId('clip', c.key, 'deleted', ''))!;
    if (c.field !== 'deleted') {
      const latest = edited.get(c.key);
      if (!latest || compareHlc(s.hlc, latest.hlc) > 0) edited.set(c.key, { hlc: s.hlc, member: s.member });
    }
    const latestEdit = edited.get(c.key);
    // Written in the name of the edit's author, whichever arrived first.
    if (deleted.exists && deleted.isTrue && latestEdit && compareHlc(latestEdit.hlc, deleted.hlc) > 0) {
      const deletionJustTaken = c.field === 'deleted' && deleted.hlc === c.hlc && c.value === true;
      if (deletionJustTaken) {
        accepted--;
        superseded++;
      }
      set(deleted, false, latestEdit.hlc, latestEdit.member);
    }
  });

  const order = [...touched];
  const values = order.filter((s) => s.write === 'value').map((s) => ({ kind: s.kind, key: s.key, field: s.field, owner: s.owner, value: s.value, hlc: s.hlc, member: s.member }));
  const restamps = order.filter((s) => s.write === 'restamp').map((s) => ({ kind: s.kind, key: s.key, field: s.field, owner: s.owner }));
  if (!order.length && !fromBatch.length) return { accepted, superseded, repeated, seq: await newestSeq(client), numbered: false };
  const parts: string[] = [];
  const params: string[] = [];
  const param = (rows: object[]) => {
    params.push(JSON.stringify(rows));
    return `$${params.length}::jsonb`;
  };
  // Only the parts this push needs: a join of an empty list with objects could still be
  // planned as a scan of the whole table.
  if (fromStore.length) {
    parts.push(`from_store AS (
       INSERT INTO history (kind, key, field, owner, value, hlc, member, superseded_by)
       SELECT o.kind, o.key, o.field, o.owner, o.value, o.hlc, o.member, s.superseded_by
       FROM jsonb_to_recordset(${param(fromStore)}) AS s(kind text, key text, field text, owner text, superseded_by text)
       JOIN objects o ON o.kind = s.kind AND o.key = s.key AND o.field = s.field AND o.owner = s.owner)`);
  }
  if (fromBatch.length) {
    parts.push(`from_batch AS (
       INSERT INTO history (kind, key, field, owner, value, hlc, member, superseded_by)
       SELECT h.kind, h.key, h.field, h.owner, coalesce(h.value, 'null'::jsonb), h.hlc, h.member, h.superseded_by
       FROM jsonb_to_recordset(${param(fromBatch)}) AS h(kind text, key text, field text, owner text, value jsonb, hlc text, member text, superseded_by text))`);
  }
  parts.push(values.length
    ? `written AS (
       INSERT INTO objects (kind, key, field, owner, value, hlc, member, seq)
       SELECT u.kind, u.key, u.field, u.owner, coalesce(u.value, 'null'::jsonb), u.hlc, u.member, nextval('objects_seq')
       FROM jsonb_to_recordset(${param(values)}) AS u(kind text, key text, field text, owner text, value jsonb, hlc text, member text)
       ON CONFLICT (kind, key, field, owner) DO UPDATE
         SET value = excluded.value, hlc = excluded.hlc, member = excluded.member, seq = excluded.seq, written_at = now()
       RETURNING seq)`
    : 'written AS (SELECT NULL::bigint AS seq)');
  parts.push(restamps.length
    ? `restamped AS (
       UPDATE objects o SET seq = nextval('objects_seq')
       FROM jsonb_to_recordset(${param(restamps)}) AS r(kind text, key text, field text, owner text)
       WHERE o.kind = r.kind AND o.key = r.key AND o.field = r.field AND o.owner = r.owner
       RETURNING o.seq)`
    : 'restamped AS (SELECT NULL::bigint AS seq)');
  // One statement: every part of it reads the objects as they were before it, so the values
  // moved to history are the ones the new values replace. Numbers come from objects_seq as
  // rows are written; all of them become visible together at COMMIT.
  // One statement: every part of it reads the objects as they were before it, so the values
  // moved to history are the ones the new values replace. Numbers come from objects_seq as
  // rows are written; all of them become visible together at COMMIT.
  const { rows } = await client.query<{ newest: string | null }>(
    `WITH ${parts.join(',\n')}
     SELECT greatest((SELECT max(seq) FROM written), (SELECT max(seq) FROM restamped)) AS newest`,
    params,
  );
  const numbered = rows[0]?.newest != null;
  const newest = numbered ? Number(rows[0].newest) : await newestSeq(client);
  return { accepted, superseded, repeated, seq: newest, numbered };
}

/** The newest sequence number the objects hold (0 for an empty hub). */
export async function newestSeq(db: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM objects');
  return Number(rows[0]?.seq ?? 0);
}
