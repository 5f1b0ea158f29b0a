// What a shared field holds in this library now, as the protocol carries it (protocol.ts):
// read when an outbox row is pushed, and when a pulled edit replaces a value (for the history).
import type Database from 'better-sqlite3';
import { TYPE_KIND } from '../library/entities.ts';
import { clipIdOfKey } from './clip-keys.ts';
import { recordOfClip } from './clip-record.ts';
import type { LinkRow } from './link-row.ts';
import { TAG_FIELD_PREFIX, type Json, type ObjectKind } from './protocol.ts';
import { stmt } from './statements.ts';

export interface FieldValue {
  value: Json;
  private?: boolean;
}

/** The clips column of each record field as people see it. */
export const DISPLAYED_COLUMNS: Record<string, string> = { title: 'title', source: 'source', author: 'author', publishedAt: 'published_at', url: 'url' };

/** null: the object is gone here and the field has nothing to say (its deletion is another field). */
export function readField(db: Database.Database, link: Pick<LinkRow, 'privateNotes'>, kind: ObjectKind, key: string, field: string): FieldValue | null {
  switch (kind) {
    case 'clip':
      return clipField(db, link, key, field);
    case 'tag': {
      const t = stmt(db, 'SELECT name, colour FROM tags WHERE lower(name) = ?').get(key) as { name: string; colour: string } | undefined;
      if (!t) return null;
      return field === 'name' ? { value: t.name } : field === 'colour' ? { value: t.colour } : null;
    }
    case 'highlight': {
      const h = stmt(db, 'SELECT * FROM highlights WHERE uid = ?').get(key) as
        | { clip_id: number; colour: string; note: string; exact: string; prefix: string; suffix: string; start: number | null; end: number | null; private: number }
        | undefined;
      if (!h) return field === 'deleted' ? { value: true } : null;
      const priv = h.private === 1;
      if (field === 'clip') {
        const clipKey = stmt(db, 'SELECT key FROM sync_clip_keys WHERE clip_id = ?').pluck().get(h.clip_id) as string | undefined;
        return clipKey ? { value: clipKey, private: priv } : null;
      }
      if (field === 'anchor') return { value: { exact: h.exact, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end }, private: priv };
      if (field === 'colour') return { value: h.colour, private: priv };
      if (field === 'note') return { value: h.note, private: priv };
      if (field === 'deleted') return { value: false, private: priv };
      return null;
    }
    case 'saved_search': {
      const s = stmt(db, 'SELECT name, query FROM saved_searches WHERE lower(name) = ?').get(key) as { name: string; query: string } | undefined;
      if (field === 'deleted') return { value: !s };
      if (!s) return null;
      return field === 'name' ? { value: s.name } : field === 'query' ? { value: s.query } : null;
    }
    case 'outlet': {
      const name = stmt(db, `SELECT o.name FROM outlets o JOIN outlet_names n ON n.outlet_id = o.id WHERE n.kind = 'site' AND n.value = ?`)
        .pluck()
        .get(key) as string | undefined;
      return name !== undefined && field === 'name' ? { value: name } : null;
    }
    case 'entity_rule': {
      const [type, ...rest] = key.split(':');
      const r = stmt(db, 'SELECT type, name, into_key, into_name FROM entity_rules WHERE type = ? AND key = ?').get(type, rest.join(':')) as
        | { type: keyof typeof TYPE_KIND; name: string; into_key: string | null; into_name: string | null }
        | undefined;
      if (field === 'deleted') return { value: !r };
      if (!r || field !== 'rule') return null;
      return { value: { kind: TYPE_KIND[r.type], name: r.name, into: r.into_key === null ? null : (r.into_name ?? r.into_key) } };
    }
  }
}

function clipField(db: Database.Database, link: Pick<LinkRow, 'privateNotes'>, key: string, field: string): FieldValue | null {
  const id = clipIdOfKey(db, key);
  if (id === null) return field === 'deleted' ? { value: true } : null;
  const row = stmt(db, 'SELECT * FROM clips WHERE id = ?').get(id) as Record<string, unknown>;
  if (field === 'record') {
    const record = recordOfClip(db, id);
    return record ? { value: record as unknown as Json } : null;
  }
  if (Object.hasOwn(DISPLAYED_COLUMNS, field)) return { value: (row[DISPLAYED_COLUMNS[field]] as string | null) ?? null };
  if (field === 'starred') return { value: row.starred === 1 };
  if (field === 'note') return { value: row.note as string, private: link.privateNotes };
  if (field === 'deleted') return { value: row.deleted_at !== null };
  if (field.startsWith(TAG_FIELD_PREFIX)) {
    const tag = field.slice(TAG_FIELD_PREFIX.length);
    const has = stmt(db, 'SELECT 1 FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = ? AND lower(t.name) = ?').get(id, tag);
    return { value: !!has };
  }
  return null;
}
