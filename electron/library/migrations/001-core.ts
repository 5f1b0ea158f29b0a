// Migration 1: clips, tags, the full-text index and the triggers that keep it in step.
import type { Migration } from './index.ts';

export const core: Migration = {
  version: 1,
  name: 'core tables and full-text index',
  up: `
    CREATE TABLE clips (
      id             INTEGER PRIMARY KEY,
      uid            TEXT NOT NULL UNIQUE,
      title          TEXT NOT NULL,
      standfirst     TEXT,
      author         TEXT,
      source         TEXT,
      site           TEXT,
      url            TEXT,
      published_at   TEXT,            -- ISO 8601; a day-only date stays "YYYY-MM-DD"
      modified_at    TEXT,
      saved_at       TEXT,
      imported_at    TEXT NOT NULL,
      language       TEXT,
      body_text      TEXT NOT NULL DEFAULT '',
      body_html      TEXT NOT NULL DEFAULT '',
      captions       TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
      word_count     INTEGER NOT NULL DEFAULT 0,
      content_hash   TEXT NOT NULL,
      simhash        TEXT,                          -- 64-bit hex fingerprint for near-duplicates
      original_name  TEXT,
      original_format TEXT,
      original_path  TEXT,                          -- relative to the library folder
      original_size  INTEGER,
      starred        INTEGER NOT NULL DEFAULT 0,
      note           TEXT NOT NULL DEFAULT '',
      tags_text      TEXT NOT NULL DEFAULT '',      -- tag names, kept by triggers, for the index
      deleted_at     TEXT                           -- soft delete, so a delete can be undone
    );
    CREATE INDEX clips_published ON clips(published_at) WHERE deleted_at IS NULL;
    CREATE INDEX clips_imported ON clips(imported_at);
    CREATE INDEX clips_hash ON clips(content_hash);
    CREATE INDEX clips_url ON clips(url);
    CREATE INDEX clips_source ON clips(source COLLATE NOCASE);
    CREATE INDEX clips_author ON clips(author COLLATE NOCASE);

    CREATE TABLE tags (
      id      INTEGER PRIMARY KEY,
      name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
      colour  TEXT NOT NULL DEFAULT '#64748b',
      created_at TEXT NOT NULL
    );

    CREATE TABLE clip_tags (
      clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (clip_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX clip_tags_tag ON clip_tags(tag_id);

    CREATE TABLE near_duplicates (
      clip_id  INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      other_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      similarity REAL NOT NULL,
      PRIMARY KEY (clip_id, other_id)
    ) WITHOUT ROWID;

    CREATE TABLE saved_searches (
      id      INTEGER PRIMARY KEY,
      name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
      query   TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    -- External-content index over the clips table itself: no second copy of the bodies,
    -- and snippet()/highlight() read the text back from clips.
    CREATE VIRTUAL TABLE clips_fts USING fts5(
      title, author, source, tags, body,
      content='clips_fts_source', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE VIEW clips_fts_source AS
      SELECT id, title, coalesce(author, '') AS author, coalesce(source, '') AS source,
             tags_text AS tags, body_text AS body
      FROM clips;

    CREATE TRIGGER clips_ai AFTER INSERT ON clips WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO clips_fts(rowid, title, author, source, tags, body)
      VALUES (new.id, new.title, coalesce(new.author, ''), coalesce(new.source, ''), new.tags_text, new.body_text);
    END;
    CREATE TRIGGER clips_ad AFTER DELETE ON clips WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO clips_fts(clips_fts, rowid, title, author, source, tags, body)
      VALUES ('delete', old.id, old.title, coalesce(old.author, ''), coalesce(old.source, ''), old.tags_text, old.body_text);
    END;
    -- (Migration 2 replaces these two update triggers by one that runs in order.)
    CREATE TRIGGER clips_au_remove AFTER UPDATE OF title, author, source, tags_text, body_text, deleted_at ON clips
      WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO clips_fts(clips_fts, rowid, title, author, source, tags, body)
      VALUES ('delete', old.id, old.title, coalesce(old.author, ''), coalesce(old.source, ''), old.tags_text, old.body_text);
    END;
    CREATE TRIGGER clips_au_add AFTER UPDATE OF title, author, source, tags_text, body_text, deleted_at ON clips
      WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO clips_fts(rowid, title, author, source, tags, body)
      VALUES (new.id, new.title, coalesce(new.author, ''), coalesce(new.source, ''), new.tags_text, new.body_text);
    END;

    -- Tag names are denormalised into clips.tags_text so the index can hold them; any change
    -- to a clip's tags or a tag's name rewrites that text, which the triggers above re-index.
    CREATE TRIGGER clip_tags_ai AFTER INSERT ON clip_tags BEGIN
      UPDATE clips SET tags_text = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.clip_id = new.clip_id) WHERE id = new.clip_id;
    END;
    CREATE TRIGGER clip_tags_ad AFTER DELETE ON clip_tags BEGIN
      UPDATE clips SET tags_text = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.clip_id = old.clip_id) WHERE id = old.clip_id;
    END;
    CREATE TRIGGER tags_au_name AFTER UPDATE OF name ON tags BEGIN
      UPDATE clips SET tags_text = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.clip_id = clips.id)
      WHERE id IN (SELECT clip_id FROM clip_tags WHERE tag_id = new.id);
    END;
  `,
};
