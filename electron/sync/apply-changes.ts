// Applying pulled changes to the library: one page and the new cursor in one write
// transaction, so a sync killed halfway loses nothing and applies nothing twice. Each change
// goes through the library's own functions (clip-record.ts, clip-field-writes.ts, tags.ts,
// highlights.ts, saved-searches.ts, outlets.ts, entities.ts), with sync_applying set so the
// triggers do not send it back.
//
// Conflicts, field by field: an edit waiting in the outbox with a later clock wins, and the
// pulled value goes to the history; otherwise the pulled value is applied, the value it
// replaced goes to the history, and the outbox row is dropped.
import type Database from 'better-sqlite3';
import type { ExportEntityRule, HighlightColour } from '../api.ts';
import { HIGHLIGHT_COLOURS } from '../api.ts';
import { restoreEntityRules } from '../library/entities.ts';
import { deleteHighlight, restoreHighlights, updateHighlight } from '../library/highlights.ts';
import { renameOutlet } from '../library/outlets.ts';
import { deleteSavedSearch, saveSearch } from '../library/saved-searches.ts';
import { ensureTagId, recolourTag, renameTag } from '../library/tags.ts';
import type { Library } from '../library/open-library.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { onClipsAdded } from '../search/index-hooks.ts';
import { clipIdOfKey, setClipKey, unsharedClipWithHash } from './clip-keys.ts';
import { applyRecord, asRecord, insertClipFromRecord, originalSha, storedOriginalPath } from './clip-record.ts';
import { currentAuthor, recordSuperseded } from './clip-history.ts';
import { isDeleted, writeClipField } from './clip-field-writes.ts';
import { readField } from './field-values.ts';
import { HlcClock } from './hlc.ts';
import { readLink, updateLink, type LinkRow } from './link-row.ts';
import type { ClipRecord, Json, ObjectKind, StoredChange } from './protocol.ts';
import { sameJson } from './json-equal.ts';
import { dropPending, flushClipPending, pendingOf, putPending, type PendingField } from './pending-fields.ts';
import { stmt } from './statements.ts';

export interface AppliedPage {
  applied: number;
  /** Conflicts this page settled: a pulled value that lost to a local edit, or a local edit that lost. */
  superseded: number;
}

/** Kinds in the order a page is applied: a tag's name before the clips that carry it, a clip before its highlights. */
const KIND_ORDER: Record<ObjectKind, number> = { tag: 0, outlet: 1, entity_rule: 2, clip: 3, highlight: 4, saved_search: 5 };

export function applyPage(library: Library, changes: StoredChange[], next: number): AppliedPage {
  const { db } = library;
  return writeTransaction(db, () => {
    const link = readLink(db);
    if (!link) return { applied: 0, superseded: 0 };
    stmt(db, 'INSERT OR IGNORE INTO sync_applying (one) VALUES (1)').run();
    const clock = new HlcClock(link.node, link.clock);
    const out: AppliedPage = { applied: 0, superseded: 0 };
    const ordered = changes
      .map((c, i) => ({ c, i }))
      .sort((a, b) => KIND_ORDER[a.c.kind] - KIND_ORDER[b.c.kind] || Number(b.c.field === 'record') - Number(a.c.field === 'record') || a.i - b.i)
      .map((x) => x.c);
    const applier = new Applier(library, link, out);
    for (const c of ordered) {
      clock.observe(c.hlc);
      applier.apply(c);
    }
    applier.countNewWords();
    updateLink(db, { lastSeq: Math.max(next, link.lastSeq), clock: laterOf(clock.latest, currentClock(db)) });
    stmt(db, 'DELETE FROM sync_applying').run();
    return out;
  });
}

/** A value not worth a line in the history: no value, an empty text, a tag not set. */
const isBlank = (v: Json): boolean => v === null || v === '' || v === false;

const currentClock = (db: Database.Database): string => stmt(db, 'SELECT clock FROM sync_link').pluck().get() as string;
const laterOf = (a: string, b: string): string => (a > b ? a : b);

class Applier {
  private readonly db: Database.Database;
  /** Clips made from records on this page whose words the typo vocabulary has yet to count. */
  private uncounted: number[] = [];

  constructor(private readonly library: Library, private readonly link: LinkRow, private readonly out: AppliedPage) {
    this.db = library.db;
  }

  /** Counts the new clips' words in; before any other change, which may recount a clip's words itself. */
  countNewWords(): void {
    if (!this.uncounted.length) return;
    onClipsAdded(this.db, this.uncounted);
    this.uncounted = [];
  }

  apply(c: StoredChange): void {
    if (!(c.kind === 'clip' && c.field === 'record')) this.countNewWords();
    const { db } = this;
    if (c.kind === 'clip' && c.field === 'note' && !c.private && this.link.privateNotes && c.member !== this.link.member) {
      this.keepTeammateNote(c);
      return;
    }
    // A page fetched before another process of this library applied a later value of the field.
    const known = stmt(db, 'SELECT hlc FROM sync_fields WHERE kind = ? AND key = ? AND field = ?').pluck().get(c.kind, c.key, c.field) as string | undefined;
    if (known !== undefined && known > c.hlc) return;
    const local = stmt(db, 'SELECT hlc FROM sync_outbox WHERE kind = ? AND key = ? AND field = ?').pluck().get(c.kind, c.key, c.field) as string | undefined;
    if (local !== undefined && local >= c.hlc) {
      if (local === c.hlc) {
        // This library's own edit, back from the hub.
        this.settle(c);
        return;
      }
      // The edit waiting here is later: it wins, and the pulled value is kept in the history.
      const current = readField(db, this.link, c.kind, c.key, c.field);
      if (!current || !sameJson(current.value, c.value)) {
        if (c.kind === 'clip' && c.field !== 'record' && !isBlank(c.value)) {
          recordSuperseded(db, { kind: c.kind, key: c.key, field: c.field, value: c.value, hlc: c.hlc, member: c.member, supersededBy: local });
        }
        this.out.superseded++;
      }
      return;
    }
    const current = readField(db, this.link, c.kind, c.key, c.field);
    if (current && sameJson(current.value, c.value)) {
      this.settle(c);
      return;
    }
    if (current && c.kind === 'clip' && c.field !== 'record' && !isBlank(current.value)) {
      const author = currentAuthor(db, c.kind, c.key, c.field, this.link.member);
      recordSuperseded(db, {
        kind: c.kind, key: c.key, field: c.field, value: current.value,
        hlc: author?.hlc ?? c.hlc, member: author?.member ?? this.link.member, supersededBy: c.hlc,
      });
      if (local !== undefined) this.out.superseded++;
    }
    this.write(c);
    this.settle(c);
    this.out.applied++;
  }

  /**
   * A member who keeps notes private reads their own note on every clip. A teammate's shared note
   * goes to the clip's history, where it can be read and taken over, rather than in its place.
   */
  private keepTeammateNote(c: StoredChange): void {
    if (isBlank(c.value)) return;
    const kept = stmt(this.db, `SELECT 1 FROM sync_history WHERE kind = 'clip' AND key = ? AND field = 'note' AND hlc = ?`).get(c.key, c.hlc);
    if (!kept) recordSuperseded(this.db, { kind: c.kind, key: c.key, field: c.field, value: c.value, hlc: c.hlc, member: c.member, supersededBy: c.hlc });
  }

  /** The field holds the pulled value: no edit of it waits to be sent, and its author is known. */
  private settle(c: StoredChange): void {
    stmt(this.db, 'DELETE FROM sync_outbox WHERE kind = ? AND key = ? AND field = ? AND hlc <= ?').run(c.kind, c.key, c.field, c.hlc);
    stmt(this.db, 'INSERT INTO sync_fields (kind, key, field, hlc, member) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET hlc = excluded.hlc, member = excluded.member')
      .run(c.kind, c.key, c.field, c.hlc, c.member);
  }

  private write(c: StoredChange): void {
    switch (c.kind) {
      case 'clip':
        return this.writeClip(c);
      case 'tag':
        return this.writeTag(c);
      case 'highlight':
        return this.writeHighlight(c);
      case 'saved_search':
        return this.writeSavedSearch(c);
      case 'outlet':
        return this.writeOutlet(c);
      case 'entity_rule':
        return this.writeEntityRule(c);
    }
  }

  private writeClip(c: StoredChange): void {
    const { db } = this;
    let id = clipIdOfKey(db, c.key);
    if (c.field === 'record') {
      const record = asRecord(c.value);
      if (!record) return;
      if (id === null) {
        // The same article imported here before this library was connected: one clip.
        id = unsharedClipWithHash(db, record.contentHash);
        if (id !== null) setClipKey(db, id, c.key);
      }
      if (id === null) {
        id = insertClipFromRecord(db, this.library.dir, record, false);
        this.uncounted.push(id);
        setClipKey(db, id, c.key);
        this.wantOriginal(id, record);
        // Fields or highlights that arrived before the clip (a note, a highlight's note) recount
        // its words as they land: its own words must be counted first.
        const waiting = stmt(db, `SELECT 1 FROM sync_pending WHERE (kind = 'clip' AND key = ?) OR (kind = 'highlight' AND field = 'clip' AND value = ?) LIMIT 1`)
          .get(c.key, JSON.stringify(c.key));
        if (waiting) {
          this.countNewWords();
          flushClipPending(db, c.key, id);
          this.flushHighlightsOf(c.key);
        }
        return;
      }
      applyRecord(db, id, record);
      this.wantOriginal(id, record);
      return;
    }
    if (id === null) {
      this.putPending(c);
      return;
    }
    this.writeClipFieldByRule(id, c);
  }

  /** A deletion wins over an edit only when it came later (protocol.ts DELETION_RULE). */
  private writeClipFieldByRule(id: number, c: Pick<StoredChange, 'key' | 'field' | 'value' | 'hlc'>): void {
    const { db } = this;
    if (c.field === 'deleted' && c.value === true) {
      const later = stmt(db, `SELECT max(hlc) FROM sync_outbox WHERE kind = 'clip' AND key = ? AND field <> 'deleted'`).pluck().get(c.key) as string | null;
      if (later && later > c.hlc) {
        // An edit here came after the deletion: the clip stays, and says so at that edit's clock.
        this.queue('clip', c.key, 'deleted', later);
        return;
      }
    } else if (c.field !== 'deleted' && isDeleted(db, id)) {
      const deletedAt = currentAuthor(db, 'clip', c.key, 'deleted', this.link.member)?.hlc ?? '';
      if (c.hlc <= deletedAt) {
        // Kept for the day the clip is restored.
        putPending(db, { ...c, kind: 'clip', member: '' });
        return;
      }
      writeClipField(db, id, 'deleted', false, c.hlc);
      this.queue('clip', c.key, 'deleted', c.hlc);
      flushClipPending(db, c.key, id);
    }
    writeClipField(db, id, c.field, c.value, `sync:${c.hlc}`);
    if (c.field === 'deleted' && c.value === false) flushClipPending(db, c.key, id);
  }

  /** An outbox row at a given clock (never earlier than one already there). */
  private queue(kind: ObjectKind, key: string, field: string, hlc: string): void {
    stmt(this.db, 'INSERT INTO sync_outbox (kind, key, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (kind, key, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)')
      .run(kind, key, field, hlc);
  }

  private wantOriginal(id: number, record: ClipRecord): void {
    const sha = record.original.sha256;
    if (!sha) return;
    const have = stmt(this.db, 'SELECT original_path FROM clips WHERE id = ?').pluck().get(id) as string | null;
    if (have && originalSha(have) === sha && storedOriginalPath(this.library.dir, sha)) return;
    const stored = storedOriginalPath(this.library.dir, sha);
    if (stored) {
      stmt(this.db, 'UPDATE clips SET original_path = ? WHERE id = ?').run(stored, id);
      return;
    }
    stmt(this.db, 'INSERT INTO sync_originals_wanted (clip_id, sha256, format) VALUES (?, ?, ?) ON CONFLICT (clip_id) DO UPDATE SET sha256 = excluded.sha256, format = excluded.format')
      .run(id, sha, record.original.format);
  }

  private putPending(c: StoredChange): void {
    putPending(this.db, c);
  }

  private pending(kind: ObjectKind, key: string): Map<string, PendingField> {
    return pendingOf(this.db, kind, key);
  }

  private dropPending(kind: ObjectKind, key: string): void {
    dropPending(this.db, kind, key);
  }

  private writeTag(c: StoredChange): void {
    const { db } = this;
    const tag = stmt(db, 'SELECT id, name FROM tags WHERE lower(name) = ?').get(c.key) as { id: number; name: string } | undefined;
    if (c.field === 'name' && typeof c.value === 'string') {
      if (!tag) {
        const colour = this.pending('tag', c.key).get('colour')?.value;
        this.dropPending('tag', c.key);
        ensureTagId(db, c.value, typeof colour === 'string' ? colour : undefined);
      } else if (tag.name !== c.value && c.value.toLowerCase() === tag.name.toLowerCase()) renameTag(db, tag.id, c.value);
    } else if (c.field === 'colour' && typeof c.value === 'string') {
      if (tag) recolourTag(db, tag.id, c.value);
      else this.putPending(c);
    }
  }

  private writeHighlight(c: StoredChange): void {
    const { db } = this;
    const row = stmt(db, 'SELECT id FROM highlights WHERE uid = ?').pluck().get(c.key) as number | undefined;
    if (row === undefined) {
      if (c.field === 'deleted' && c.value === true) {
        this.dropPending('highlight', c.key);
        return;
      }
      this.putPending(c);
      this.tryCreateHighlight(c.key);
      return;
    }
    if (c.field === 'colour' && HIGHLIGHT_COLOURS.includes(c.value as HighlightColour)) updateHighlight(db, row, { colour: c.value as HighlightColour });
    else if (c.field === 'note' && typeof c.value === 'string') updateHighlight(db, row, { note: c.value });
    else if (c.field === 'deleted' && c.value === true) deleteHighlight(db, row);
  }

  private flushHighlightsOf(clipKey: string): void {
    const uids = stmt(this.db, `SELECT key FROM sync_pending WHERE kind = 'highlight' AND field = 'clip' AND value = ?`)
      .pluck()
      .all(JSON.stringify(clipKey)) as string[];
    for (const uid of uids) this.tryCreateHighlight(uid);
  }

  /** A highlight is made once its clip is here and its anchor has arrived. */
  private tryCreateHighlight(uid: string): void {
    const p = this.pending('highlight', uid);
    const clipKey = p.get('clip')?.value;
    const anchor = p.get('anchor')?.value as { exact?: Json; prefix?: Json; suffix?: Json; start?: Json } | undefined;
    if (typeof clipKey !== 'string' || !anchor || typeof anchor !== 'object') return;
    const clipId = clipIdOfKey(this.db, clipKey);
    if (clipId === null || isDeleted(this.db, clipId)) return;
    if (p.get('deleted')?.value === true) {
      this.dropPending('highlight', uid);
      return;
    }
    this.dropPending('highlight', uid);
    restoreHighlights(this.db, clipId, [
      {
        uid,
        quote: { exact: anchor.exact, prefix: anchor.prefix ?? '', suffix: anchor.suffix ?? '' },
        position: typeof anchor.start === 'number' ? { start: anchor.start } : null,
        colour: p.get('colour')?.value,
        note: p.get('note')?.value ?? '',
      },
    ]);
    if ([...p.values()].some((f) => f.private)) stmt(this.db, 'UPDATE highlights SET private = 1 WHERE uid = ?').run(uid);
  }

  private writeSavedSearch(c: StoredChange): void {
    const { db } = this;
    const row = stmt(db, 'SELECT id, name FROM saved_searches WHERE lower(name) = ?').get(c.key) as { id: number; name: string } | undefined;
    if (c.field === 'deleted') {
      if (c.value === true && row) deleteSavedSearch(db, row.id);
      return;
    }
    if (c.field === 'name') {
      if (!row) this.putPending(c);
      return;
    }
    if (c.field === 'query' && typeof c.value === 'string') {
      const name = row?.name ?? this.pending('saved_search', c.key).get('name')?.value;
      this.dropPending('saved_search', c.key);
      saveSearch(db, typeof name === 'string' ? name : c.key, c.value);
    }
  }

  private writeOutlet(c: StoredChange): void {
    if (c.field !== 'name' || typeof c.value !== 'string') return;
    try {
      renameOutlet(this.db, c.key, c.value);
    } catch {
      // No outlet of that site here, or the name is another outlet's: each library keeps its own.
    }
  }

  private writeEntityRule(c: StoredChange): void {
    if (c.field !== 'rule' || !c.value || typeof c.value !== 'object' || Array.isArray(c.value)) return;
    restoreEntityRules(this.db, [c.value as unknown as ExportEntityRule]);
  }
}
