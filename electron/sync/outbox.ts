// The outbox (sync_outbox, migration 10): fields edited here and not yet pushed. A row names
// the field and the clock of its latest edit; the value is read when it is pushed.
import type Database from 'better-sqlite3';
import { writeTransaction } from '../library/write-transaction.ts';
import { readField } from './field-values.ts';
import type { LinkRow } from './link-row.ts';
import type { Change, ObjectKind } from './protocol.ts';
import { stmt } from './statements.ts';

export interface OutboxRow {
  id: number;
  kind: ObjectKind;
  key: string;
  field: string;
  hlc: string;
}

export function pendingCount(db: Database.Database): number {
  return stmt(db, 'SELECT count(*) FROM sync_outbox').pluck().get() as number;
}

/** Whether anything waits to be sent (cheap enough to ask every few hundred milliseconds). */
export function hasPending(db: Database.Database): boolean {
  return stmt(db, 'SELECT EXISTS (SELECT 1 FROM sync_outbox)').pluck().get() === 1;
}

/** The oldest rows first (by rowid: no sort, however long the outbox of a first sync). */
export function readOutbox(db: Database.Database, limit: number): OutboxRow[] {
  return stmt(db, 'SELECT id, kind, key, field, hlc FROM sync_outbox ORDER BY id LIMIT ?').all(limit) as OutboxRow[];
}

/** The changes to push for these rows; `empty` are rows with nothing to say (an object gone since). */
export function changesOf(db: Database.Database, link: LinkRow, rows: OutboxRow[]): { changes: Change[]; sent: OutboxRow[]; empty: OutboxRow[] } {
  const changes: Change[] = [];
  const sent: OutboxRow[] = [];
  const empty: OutboxRow[] = [];
  // Each value is read as it is now; one edited meanwhile keeps its row (a later clock) for the next push.
  for (const r of rows) {
    const v = readField(db, link, r.kind, r.key, r.field);
    if (!v) {
      empty.push(r);
      continue;
    }
    changes.push({ kind: r.kind, key: r.key, field: r.field, value: v.value, hlc: r.hlc, ...(v.private ? { private: true } : {}) });
    sent.push(r);
  }
  return { changes, sent, empty };
}

/** After a push: each row goes only if no edit came since it was read (its clock is unchanged). */
export function settleOutbox(db: Database.Database, member: string, sent: OutboxRow[], empty: OutboxRow[]): void {
  writeTransaction(db, () => {
    const remove = stmt(db, 'DELETE FROM sync_outbox WHERE id = ? AND hlc = ?');
    const author = stmt(db, 
      `INSERT INTO sync_fields (kind, key, field, hlc, member) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET hlc = excluded.hlc, member = excluded.member WHERE excluded.hlc > sync_fields.hlc`,
    );
    for (const r of sent) {
      if (remove.run(r.id, r.hlc).changes) author.run(r.kind, r.key, r.field, r.hlc, member);
    }
    for (const r of empty) remove.run(r.id, r.hlc);
  });
}
