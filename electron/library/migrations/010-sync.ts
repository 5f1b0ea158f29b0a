// Migration 10: the desktop side of a team library (issue #17; electron/sync/).
//
// sync_link: at most one row, the hub this library is connected to (its URL and the member's
//   token, which never leaves the library), this library's node id for hybrid logical clocks,
//   the last sequence number pulled, and `clock`, the latest clock stamp made or seen here. The
//   triggers below stamp edits from it in SQL, so an edit from any process (the window, browser
//   mode, the CLI) gets a clock later than every one before it.
// sync_outbox: one row per field edited here and not yet pushed. The value is read from the
//   library when it is pushed, so ten edits of a note are one change. A push deletes a row only
//   if its clock is still the one it read (an edit in between keeps it for the next push).
// sync_clip_keys: each clip's key on the hub (its content hash when first shared).
// sync_fields: the clock and member of the value each field holds now, as far as this library
//   knows (who wrote a value that a later edit replaces, for the clip's history).
// sync_history: values replaced here, by a pulled edit or by losing to a local one.
// sync_pending: pulled fields of objects this library cannot make yet (a tag of a clip whose
//   record has not arrived, a highlight waiting for its clip and anchor).
// sync_originals_wanted: originals of pulled clips still to download.
// sync_applying: holds a row while pulled changes are applied, inside that write transaction
//   only, so the triggers do not send them back.
// highlights.private: a highlight only its member sees.
//
// Only while linked and not applying do the triggers write anything (sync_capture's WHEN).
import type { Migration } from './index.ts';

/** The current wall clock in milliseconds, as SQLite reads it. */
const NOW_MS = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;

/** The next stamp of the persisted clock: printf('%015d-%05d-%s', physical, counter, node), as hlc.ts writes it. */
const NEXT_CLOCK = `(
  SELECT printf('%015d-%05d-%s', CASE WHEN c > 99999 THEN p + 1 ELSE p END, CASE WHEN c > 99999 THEN 0 ELSE c END, node)
  FROM (SELECT p, CASE WHEN p = lp THEN lc + 1 ELSE 0 END AS c, node
        FROM (SELECT max(${NOW_MS}, lp) AS p, lp, lc, node
              FROM (SELECT CAST(substr(clock, 1, 15) AS INTEGER) AS lp, CAST(substr(clock, 17, 5) AS INTEGER) AS lc, node FROM sync_link))))`;

const CLIP_KEY = (id: string) => `(SELECT key FROM sync_clip_keys WHERE clip_id = ${id})`;
/** A clip that is shared and live: edits of deleted clips (and the purge's cascades) send nothing. */
const LIVE_CLIP = (id: string) => `EXISTS (SELECT 1 FROM clips WHERE id = ${id} AND deleted_at IS NULL)`;

const capture = (kind: string, key: string, field: string, when = '1') =>
  `INSERT INTO sync_capture (kind, key, field) SELECT ${kind}, ${key}, ${field} WHERE ${when};`;

const clipField = (id: string, field: string) => capture(`'clip'`, CLIP_KEY(id), field, LIVE_CLIP(id));

const RECORD_COLUMNS = ['title', 'standfirst', 'author', 'source', 'site', 'url', 'published_at', 'modified_at', 'saved_at', 'language', 'body_text', 'body_html', 'captions', 'content_hash'];

export const sync: Migration = {
  version: 10,
  name: 'team library: link, outbox, keys, history',
  up: `
    CREATE TABLE sync_link (
      id            INTEGER PRIMARY KEY CHECK (id = 1),
      hub_url       TEXT NOT NULL,
      token         TEXT NOT NULL,
      member        TEXT NOT NULL,
      role          TEXT NOT NULL CHECK (role IN ('editor', 'reader')),
      hub_id        TEXT,
      private_notes INTEGER NOT NULL DEFAULT 0,
      node          TEXT NOT NULL,
      last_seq      INTEGER NOT NULL DEFAULT 0,
      last_sync_at  TEXT,
      clock         TEXT NOT NULL
    );
    CREATE TABLE sync_outbox (
      id    INTEGER PRIMARY KEY,
      kind  TEXT NOT NULL,
      key   TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc   TEXT NOT NULL,
      UNIQUE (kind, key, field)
    );
    CREATE TABLE sync_clip_keys (
      clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
      key     TEXT NOT NULL UNIQUE
    );
    CREATE TABLE sync_fields (
      kind   TEXT NOT NULL,
      key    TEXT NOT NULL,
      field  TEXT NOT NULL,
      hlc    TEXT NOT NULL,
      member TEXT NOT NULL,
      PRIMARY KEY (kind, key, field)
    ) WITHOUT ROWID;
    CREATE TABLE sync_history (
      id            INTEGER PRIMARY KEY,
      kind          TEXT NOT NULL,
      key           TEXT NOT NULL,
      field         TEXT NOT NULL,
      value         TEXT NOT NULL,   -- JSON
      hlc           TEXT NOT NULL,
      member        TEXT NOT NULL,
      superseded_by TEXT NOT NULL,
      recorded_at   TEXT NOT NULL
    );
    CREATE INDEX sync_history_object ON sync_history(kind, key);
    CREATE TABLE sync_pending (
      kind   TEXT NOT NULL,
      key    TEXT NOT NULL,
      field  TEXT NOT NULL,
      value  TEXT NOT NULL,          -- JSON
      hlc    TEXT NOT NULL,
      member TEXT NOT NULL,
      private INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (kind, key, field)
    ) WITHOUT ROWID;
    CREATE TABLE sync_originals_wanted (
      clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
      sha256  TEXT NOT NULL,
      format  TEXT
    );
    CREATE TABLE sync_applying (one INTEGER PRIMARY KEY CHECK (one = 1));

    ALTER TABLE highlights ADD COLUMN private INTEGER NOT NULL DEFAULT 0;

    -- Every capture goes through this view: stamp the clock, then keep the field in the outbox.
    CREATE VIEW sync_capture AS SELECT kind, key, field FROM sync_outbox WHERE 0;
    CREATE TRIGGER sync_capture_insert INSTEAD OF INSERT ON sync_capture
      WHEN new.key IS NOT NULL AND new.field IS NOT NULL AND EXISTS (SELECT 1 FROM sync_link) AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
      UPDATE sync_link SET clock = ${NEXT_CLOCK};
      INSERT INTO sync_outbox (kind, key, field, hlc) VALUES (new.kind, new.key, new.field, (SELECT clock FROM sync_link))
        ON CONFLICT (kind, key, field) DO UPDATE SET hlc = excluded.hlc;
    END;

    -- Clips: a new one is shared under its content hash (or its uid, should that hash be taken).
    CREATE TRIGGER sync_clip_insert AFTER INSERT ON clips
      WHEN EXISTS (SELECT 1 FROM sync_link) AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
      INSERT OR IGNORE INTO sync_clip_keys (clip_id, key) VALUES (new.id,
        CASE WHEN EXISTS (SELECT 1 FROM sync_clip_keys WHERE key = new.content_hash) THEN new.uid ELSE new.content_hash END);
      ${clipField('new.id', `'record'`)}
      ${capture(`'clip'`, CLIP_KEY('new.id'), `'starred'`, 'new.starred = 1')}
      ${capture(`'clip'`, CLIP_KEY('new.id'), `'note'`, `new.note <> ''`)}
    END;
    -- Re-extraction rewrites the extracted columns (a person's edits never touch these together).
    CREATE TRIGGER sync_clip_record AFTER UPDATE OF body_text, body_html, standfirst, site, modified_at, saved_at, language, captions, content_hash ON clips
      WHEN ${RECORD_COLUMNS.map((c) => `new.${c} IS NOT old.${c}`).join(' OR ')} BEGIN
      ${clipField('new.id', `'record'`)}
    END;
    CREATE TRIGGER sync_clip_starred AFTER UPDATE OF starred ON clips WHEN new.starred IS NOT old.starred BEGIN
      ${clipField('new.id', `'starred'`)}
    END;
    CREATE TRIGGER sync_clip_note AFTER UPDATE OF note ON clips WHEN new.note IS NOT old.note BEGIN
      ${clipField('new.id', `'note'`)}
    END;
    CREATE TRIGGER sync_clip_deleted AFTER UPDATE OF deleted_at ON clips WHEN (new.deleted_at IS NULL) <> (old.deleted_at IS NULL) BEGIN
      ${capture(`'clip'`, CLIP_KEY('new.id'), `'deleted'`)}
    END;

    -- The record as people see it: a correction made, changed or taken back is the field's edit.
    CREATE TRIGGER sync_correction_insert AFTER INSERT ON clip_corrections BEGIN
      ${clipField('new.clip_id', `CASE new.field WHEN 'published_at' THEN 'publishedAt' ELSE new.field END`)}
    END;
    CREATE TRIGGER sync_correction_value AFTER UPDATE OF value ON clip_corrections WHEN new.value IS NOT old.value BEGIN
      ${clipField('new.clip_id', `CASE new.field WHEN 'published_at' THEN 'publishedAt' ELSE new.field END`)}
    END;
    CREATE TRIGGER sync_correction_delete AFTER DELETE ON clip_corrections BEGIN
      ${clipField('old.clip_id', `CASE old.field WHEN 'published_at' THEN 'publishedAt' ELSE old.field END`)}
    END;
    -- Re-extraction of a corrected field changes the record, not what people see.
    CREATE TRIGGER sync_correction_extracted AFTER UPDATE OF extracted ON clip_corrections WHEN new.extracted IS NOT old.extracted BEGIN
      ${clipField('new.clip_id', `'record'`)}
    END;

    -- Tags: one field per tag of a clip, so tags merge as sets.
    CREATE TRIGGER sync_clip_tag_add AFTER INSERT ON clip_tags BEGIN
      ${clipField('new.clip_id', `'tag:' || lower((SELECT name FROM tags WHERE id = new.tag_id))`)}
    END;
    CREATE TRIGGER sync_clip_tag_remove AFTER DELETE ON clip_tags BEGIN
      ${clipField('old.clip_id', `'tag:' || lower((SELECT name FROM tags WHERE id = old.tag_id))`)}
    END;
    CREATE TRIGGER sync_tag_insert AFTER INSERT ON tags BEGIN
      ${capture(`'tag'`, 'lower(new.name)', `'name'`)}
      ${capture(`'tag'`, 'lower(new.name)', `'colour'`)}
    END;
    CREATE TRIGGER sync_tag_colour AFTER UPDATE OF colour ON tags WHEN new.colour IS NOT old.colour BEGIN
      ${capture(`'tag'`, 'lower(new.name)', `'colour'`)}
    END;
    -- A renamed tag: its clips lose the old name's field and gain the new one's.
    CREATE TRIGGER sync_tag_rename AFTER UPDATE OF name ON tags WHEN new.name IS NOT old.name BEGIN
      ${capture(`'tag'`, 'lower(new.name)', `'name'`)}
      ${capture(`'tag'`, 'lower(new.name)', `'colour'`)}
      INSERT INTO sync_capture (kind, key, field)
        SELECT 'clip', k.key, 'tag:' || lower(old.name) FROM clip_tags ct JOIN sync_clip_keys k ON k.clip_id = ct.clip_id
        JOIN clips c ON c.id = ct.clip_id WHERE ct.tag_id = new.id AND c.deleted_at IS NULL AND lower(old.name) <> lower(new.name);
      INSERT INTO sync_capture (kind, key, field)
        SELECT 'clip', k.key, 'tag:' || lower(new.name) FROM clip_tags ct JOIN sync_clip_keys k ON k.clip_id = ct.clip_id
        JOIN clips c ON c.id = ct.clip_id WHERE ct.tag_id = new.id AND c.deleted_at IS NULL AND lower(old.name) <> lower(new.name);
    END;

    -- Highlights (their anchor is sent once: each library anchors it again in its own text).
    CREATE TRIGGER sync_highlight_insert AFTER INSERT ON highlights WHEN ${LIVE_CLIP('new.clip_id')} AND ${CLIP_KEY('new.clip_id')} IS NOT NULL BEGIN
      ${capture(`'highlight'`, 'new.uid', `'clip'`)}
      ${capture(`'highlight'`, 'new.uid', `'anchor'`)}
      ${capture(`'highlight'`, 'new.uid', `'colour'`)}
      ${capture(`'highlight'`, 'new.uid', `'note'`, `new.note <> ''`)}
    END;
    CREATE TRIGGER sync_highlight_colour AFTER UPDATE OF colour ON highlights WHEN new.colour IS NOT old.colour AND ${LIVE_CLIP('new.clip_id')} BEGIN
      ${capture(`'highlight'`, 'new.uid', `'colour'`)}
    END;
    CREATE TRIGGER sync_highlight_note AFTER UPDATE OF note ON highlights WHEN new.note IS NOT old.note AND ${LIVE_CLIP('new.clip_id')} BEGIN
      ${capture(`'highlight'`, 'new.uid', `'note'`)}
    END;
    CREATE TRIGGER sync_highlight_private AFTER UPDATE OF private ON highlights WHEN new.private IS NOT old.private AND ${LIVE_CLIP('new.clip_id')} BEGIN
      ${capture(`'highlight'`, 'new.uid', `'clip'`)}
      ${capture(`'highlight'`, 'new.uid', `'anchor'`)}
      ${capture(`'highlight'`, 'new.uid', `'colour'`)}
      ${capture(`'highlight'`, 'new.uid', `'note'`)}
    END;
    CREATE TRIGGER sync_highlight_delete AFTER DELETE ON highlights WHEN ${LIVE_CLIP('old.clip_id')} BEGIN
      ${capture(`'highlight'`, 'old.uid', `'deleted'`)}
    END;

    -- Outlets a person named, by their site.
    CREATE TRIGGER sync_outlet_name AFTER UPDATE OF name ON outlets WHEN new.name IS NOT old.name AND new.named_by = 'person' BEGIN
      ${capture(`'outlet'`, `(SELECT value FROM outlet_names WHERE outlet_id = new.id AND kind = 'site' ORDER BY value LIMIT 1)`, `'name'`)}
    END;

    -- Saved searches, by their name.
    CREATE TRIGGER sync_saved_search_insert AFTER INSERT ON saved_searches BEGIN
      ${capture(`'saved_search'`, 'lower(new.name)', `'name'`)}
      ${capture(`'saved_search'`, 'lower(new.name)', `'query'`)}
      ${capture(`'saved_search'`, 'lower(new.name)', `'deleted'`)}
    END;
    CREATE TRIGGER sync_saved_search_update AFTER UPDATE OF name, query ON saved_searches BEGIN
      ${capture(`'saved_search'`, 'lower(new.name)', `'name'`)}
      ${capture(`'saved_search'`, 'lower(new.name)', `'query'`)}
      ${capture(`'saved_search'`, 'lower(old.name)', `'deleted'`, 'lower(old.name) <> lower(new.name)')}
    END;
    CREATE TRIGGER sync_saved_search_delete AFTER DELETE ON saved_searches BEGIN
      ${capture(`'saved_search'`, 'lower(old.name)', `'deleted'`)}
    END;

    -- A person's merges and splits of entities.
    CREATE TRIGGER sync_entity_rule_insert AFTER INSERT ON entity_rules BEGIN
      ${capture(`'entity_rule'`, `new.type || ':' || new.key`, `'rule'`)}
    END;
    CREATE TRIGGER sync_entity_rule_update AFTER UPDATE OF name, into_key, into_name ON entity_rules BEGIN
      ${capture(`'entity_rule'`, `new.type || ':' || new.key`, `'rule'`)}
    END;
    CREATE TRIGGER sync_entity_rule_delete AFTER DELETE ON entity_rules BEGIN
      ${capture(`'entity_rule'`, `old.type || ':' || old.key`, `'deleted'`)}
    END;
  `,
};
