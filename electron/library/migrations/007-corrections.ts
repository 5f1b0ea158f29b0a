// Migration 7: what a person corrected, kept apart from what the import extracted, and the
// corrections remembered per site.
//
// clip_corrections: one row per corrected field of a clip. `value` is what the person set,
// `extracted` what the import had. The clips columns keep holding the effective value (the
// list, search and facets read those), so this table only says which fields a person owns:
// re-extraction applies newly extracted values to every field except the ones listed here.
// Setting a field back to exactly what was extracted removes its row. A soft-deleted clip keeps
// its rows (an undo brings them back with it); the purge of deleted clips removes them.
//
// site_rules: corrections applied to new imports of a site (see electron/library/site-rules.ts):
// replace an extracted value X by Y, drop an extracted value X, or set a field to Y.
import type { Migration } from './index.ts';

export const corrections: Migration = {
  version: 7,
  name: 'corrections kept apart from extraction, and site rules',
  up: `
    CREATE TABLE clip_corrections (
      clip_id      INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      field        TEXT NOT NULL CHECK (field IN ('title','author','source','published_at','url')),
      value        TEXT,
      extracted    TEXT,
      corrected_at TEXT NOT NULL,
      PRIMARY KEY (clip_id, field)
    );

    CREATE TABLE site_rules (
      id         INTEGER PRIMARY KEY,
      site       TEXT NOT NULL COLLATE NOCASE,
      field      TEXT NOT NULL CHECK (field IN ('title','author','source','published_at','url')),
      action     TEXT NOT NULL CHECK (action IN ('replace','drop','set')),
      match      TEXT,            -- the extracted value a replace or drop applies to
      value      TEXT,            -- what replace and set put in its place
      created_at TEXT NOT NULL,
      CHECK ((action = 'set') = (match IS NULL)),
      CHECK ((action = 'drop') = (value IS NULL))
    );
    -- One rule per site, field and extracted value (one 'set' per site and field).
    CREATE UNIQUE INDEX site_rules_one ON site_rules(site, field, coalesce(match, '') COLLATE NOCASE);
  `,
};
