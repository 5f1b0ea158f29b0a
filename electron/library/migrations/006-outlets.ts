// Migration 6: one name per outlet. The same paper arrived as "Los Angeles Times" (its pages),
// "latimes" (a Word file) and "latimes.com" (a web clipping), and the Sources list showed three.
//
// outlets: one row per newspaper, site or agency; `name` is the name shown, and every clip of
//   the outlet carries it in clips.source (which the list, search, the index and the facets
//   already read). `named_by` is 'person' once someone renamed it: no import renames it again.
// outlet_names: every name and site the outlet was seen under, each with its folded key, so a
//   later import, a `source:` filter or a person's correction under any of them finds it.
//   kind 'name': a name as seen ("Los Angeles Times"), key folded ("losangelestimes");
//   kind 'site': a site ("latimes.com"), key the same; a site belongs to one outlet;
//   kind 'stem': the site without its public suffix ("latimes"), key folded like a name.
// outlet_merges: what a merge of outlets changed, so it can be undone (see outlets.ts).
//
// The outlets of an existing library are built from its clips (outlets.ts, outletsFromClips),
// and clips whose outlet is now named otherwise get that name.
import { outletsFromClips } from '../outlets.ts';
import type { Migration } from './index.ts';

export const outlets: Migration = {
  version: 6,
  name: 'one name per outlet',
  up: (db) => {
    db.exec(`
      CREATE TABLE outlets (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        named_by   TEXT NOT NULL DEFAULT 'extraction' CHECK (named_by IN ('extraction', 'person')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE outlet_names (
        outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
        kind      TEXT NOT NULL CHECK (kind IN ('name', 'site', 'stem')),
        value     TEXT NOT NULL,
        key       TEXT NOT NULL,
        PRIMARY KEY (outlet_id, kind, key)
      ) WITHOUT ROWID;
      CREATE INDEX outlet_names_key ON outlet_names(key);
      CREATE UNIQUE INDEX outlet_sites ON outlet_names(key) WHERE kind = 'site';
      CREATE TABLE outlet_merges (
        token      TEXT PRIMARY KEY,
        payload    TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
    outletsFromClips(db);
  },
};
