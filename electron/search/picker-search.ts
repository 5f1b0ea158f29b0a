// The quick pickers over tags, outlets and authors: a few thousand short strings, which
// fuse.js ranks well and fast ("guardain" → The Guardian, "nunez" → José Núñez). The renderer
// may run the same thing over the lists it already holds; this is the library-side version
// (CLI, browser mode) and the one the tests pin down.
import Fuse from 'fuse.js';
import type Database from 'better-sqlite3';
import type { FacetCount } from '../api.ts';
import { foldWord } from './word-forms.ts';

export type PickerKind = 'tags' | 'sources' | 'authors';

/** The values of a picker with how many live clips carry each, most used first. */
export function pickerItems(db: Database.Database, kind: PickerKind): FacetCount[] {
  const sql: Record<PickerKind, string> = {
    tags: `SELECT t.name AS value, count(c.id) AS count FROM tags t
           LEFT JOIN clip_tags ct ON ct.tag_id = t.id LEFT JOIN clips c ON c.id = ct.clip_id AND c.deleted_at IS NULL
           GROUP BY t.id ORDER BY count DESC, t.name COLLATE NOCASE`,
    sources: `SELECT min(source) AS value, count(*) AS count FROM clips WHERE deleted_at IS NULL AND coalesce(source, '') <> ''
              GROUP BY source COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE`,
    authors: `SELECT min(author) AS value, count(*) AS count FROM clips WHERE deleted_at IS NULL AND coalesce(author, '') <> ''
              GROUP BY author COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE`,
  };
  return db.prepare(sql[kind]).all() as FacetCount[];
}

export interface Picker {
  /** Best matches first; an empty query lists the items as given (most used first). */
  search(q: string, limit?: number): FacetCount[];
}

/** Builds the fuse.js index once; search it on every keystroke. */
export function createPicker(items: FacetCount[]): Picker {
  // Matched on a folded copy, so "sao" finds "São Paulo" and "NUNEZ" finds "Núñez".
  const docs = items.map((item) => ({ item, folded: foldWord(item.value) }));
  const fuse = new Fuse(docs, { keys: ['folded'], threshold: 0.4, ignoreLocation: true, includeScore: true });
  return {
    search(q, limit = 20) {
      const query = foldWord(q.trim());
      if (!query) return items.slice(0, limit);
      return fuse
        .search(query, { limit: limit * 2 })
        // Equal scores: the more used value first.
        .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.item.item.count - a.item.item.count)
        .slice(0, limit)
        .map((r) => r.item.item);
    },
  };
}

/** One-shot: pick from the library's tags, sources or authors. */
export function pickerSearch(db: Database.Database, kind: PickerKind, q: string, limit = 20): FacetCount[] {
  return createPicker(pickerItems(db, kind)).search(q, limit);
}
