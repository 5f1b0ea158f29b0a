// The Api's record edits (updateClip's record fields, updateClips, undoEdit): each one write
// transaction that keeps the person's values as corrections (library/corrections.ts), tells the
// typo vocabulary, remembers how to undo it, and answers the site rules it suggests.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClipPatch, RecordEdit } from '../api.ts';
import { correctClips, RECORD_FIELDS, restoreEdit, type EditSnapshot, type RecordValues } from '../library/corrections.ts';
import { suggestSiteRules } from '../library/site-rules.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { onClipsAdded, onClipsRemoved } from '../search/index-hooks.ts';
import { BadRequestError } from './validate.ts';

/** Edits that can still be undone: the newest ones (an undo is offered for a few seconds). */
const KEPT_EDITS = 200;

/** The record fields of a patch; the rest (note, star) is not a correction. */
export function recordValues(patch: ClipPatch): RecordValues {
  const out: RecordValues = {};
  for (const f of RECORD_FIELDS) if (patch[f] !== undefined) out[f] = patch[f];
  return out;
}

/** Fields whose words are in the full-text index and the typo vocabulary. */
const INDEXED = new Set(['title', 'author', 'source']);

const liveIds = (db: Database.Database, ids: number[]): number[] =>
  db.prepare('SELECT id FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[];

export class RecordEdits {
  private readonly undo = new Map<string, EditSnapshot>();

  constructor(private readonly db: Database.Database) {}

  /** Sets the values on the clips, as corrections; call with what the validator let through. */
  apply(ids: number[], values: RecordValues): RecordEdit {
    if (values.title !== undefined && !values.title?.trim()) throw new BadRequestError('A clip needs a headline.');
    const fields = Object.keys(values);
    if (!fields.length) return { changed: 0, undoToken: null, suggestions: [] };
    const db = this.db;
    const stamp = new Date().toISOString();
    const reindex = fields.some((f) => INDEXED.has(f));
    const { snapshot, suggestions, outlet } = writeTransaction(db, () => {
      // The vocabulary counts each clip's words: out with the old text, in with the new.
      const live = reindex ? liveIds(db, ids) : [];
      onClipsRemoved(db, live);
      const edit = correctClips(db, ids, values, stamp);
      onClipsAdded(db, live);
      return { ...edit, suggestions: suggestSiteRules(db, edit.changed) };
    });
    const named = outlet !== undefined ? { outlet } : {};
    if (!snapshot.clips.length) return { changed: 0, undoToken: null, suggestions: [], ...named };
    const undoToken = `edit-${stamp}-${crypto.randomBytes(4).toString('hex')}`;
    this.undo.set(undoToken, snapshot);
    while (this.undo.size > KEPT_EDITS) this.undo.delete(this.undo.keys().next().value!);
    return { changed: snapshot.clips.length, undoToken, suggestions, ...named };
  }

  /** Puts back what the edit changed; null when the token is unknown (too old, or another process's). */
  revert(undoToken: string): number | null {
    const snapshot = this.undo.get(undoToken);
    if (!snapshot) return null;
    const db = this.db;
    const restored = writeTransaction(db, () => {
      const live = liveIds(db, snapshot.clips.map((c) => c.id));
      onClipsRemoved(db, live);
      const n = restoreEdit(db, snapshot);
      onClipsAdded(db, live);
      return n;
    });
    this.undo.delete(undoToken);
    return restored;
  }
}
