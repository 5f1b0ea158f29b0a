// Migration 8: highlights, and notes in the full-text index.
//
// highlights: passages a person marked in a clip, anchored the way the W3C Web Annotation
//   model anchors a text span: a text-quote selector (`exact` with its `prefix` and `suffix`)
//   and a text-position selector (`start`/`end`, UTF-16 offsets into clips.body_text). When a
//   re-extraction changes the body, the quote finds the passage again (library/highlight-
//   anchors.ts); a quote that no longer fits keeps its row with start/end NULL ("detached"),
//   so nothing a person marked is ever dropped. The rows belong to the person, never to
//   extraction, and follow the clip through delete and undo (a soft delete keeps them).
// highlights_fts: the quotes and their notes, indexed like the clips, so a search hit inside a
//   highlight can be shown as one (search/highlight-hits.ts).
// clips.annotations_text: the clip's note and its highlights' notes, kept by triggers like
//   tags_text, and a sixth column of clips_fts, so a word of a note finds the clip. Adding a
//   column to an FTS5 table means building it again: the index is rebuilt once here.
import type { Migration } from './index.ts';
import { RANK_FUNCTION } from '../../search/ranking.ts';
import { addClipWords, removeClipWords } from '../../search/vocabulary.ts';

/** The colours as this step allows them. */
const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'];

const ANNOTATIONS = (clipId: string) => `
  trim(coalesce((SELECT note FROM clips WHERE id = ${clipId}), '') || ' ' ||
       coalesce((SELECT group_concat(note, ' ') FROM highlights WHERE clip_id = ${clipId} AND note <> ''), ''))`;

export const highlights: Migration = {
  version: 8,
  name: 'highlights, and notes in the search index',
  up: (db) => {
    db.exec(`
      CREATE TABLE highlights (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        clip_id    INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
        colour     TEXT NOT NULL CHECK (colour IN (${COLOURS.map((c) => `'${c}'`).join(', ')})),
        note       TEXT NOT NULL DEFAULT '',
        exact      TEXT NOT NULL CHECK (length(exact) > 0),
        prefix     TEXT NOT NULL DEFAULT '',
        suffix     TEXT NOT NULL DEFAULT '',
        start      INTEGER,
        "end"      INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((start IS NULL) = ("end" IS NULL)),
        CHECK (start IS NULL OR "end" > start)
      );
      CREATE INDEX highlights_clip ON highlights(clip_id, start);

      CREATE VIRTUAL TABLE highlights_fts USING fts5(
        exact, note, content='highlights', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER highlights_fts_ai AFTER INSERT ON highlights BEGIN
        INSERT INTO highlights_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
      END;
      CREATE TRIGGER highlights_fts_ad AFTER DELETE ON highlights BEGIN
        INSERT INTO highlights_fts(highlights_fts, rowid, exact, note) VALUES ('delete', old.id, old.exact, old.note);
      END;
      CREATE TRIGGER highlights_fts_au AFTER UPDATE OF exact, note ON highlights BEGIN
        INSERT INTO highlights_fts(highlights_fts, rowid, exact, note) VALUES ('delete', old.id, old.exact, old.note);
        INSERT INTO highlights_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
      END;

      ALTER TABLE clips ADD COLUMN annotations_text TEXT NOT NULL DEFAULT '';
      UPDATE clips SET annotations_text = trim(note) WHERE note <> '';
      -- has:note reads this, not the rows (a scan of every clip would read every body).
      CREATE INDEX clips_noted ON clips(id) WHERE annotations_text <> '';

      -- A clip that arrives with a note (a restored export). SQLite runs the AFTER INSERT triggers
      -- of a table newest first: clips_ai, made below, indexes the row before this one's UPDATE
      -- re-indexes it with the note.
      CREATE TRIGGER annotations_clip_insert AFTER INSERT ON clips WHEN length(new.note) > 0 BEGIN
        UPDATE clips SET annotations_text = trim(new.note) WHERE id = new.id;
      END;
      CREATE TRIGGER annotations_clip_note AFTER UPDATE OF note ON clips BEGIN
        UPDATE clips SET annotations_text = ${ANNOTATIONS('new.id')} WHERE id = new.id;
      END;
      CREATE TRIGGER annotations_highlight_ai AFTER INSERT ON highlights WHEN length(new.note) > 0 BEGIN
        UPDATE clips SET annotations_text = ${ANNOTATIONS('new.clip_id')} WHERE id = new.clip_id;
      END;
      CREATE TRIGGER annotations_highlight_ad AFTER DELETE ON highlights WHEN length(old.note) > 0 BEGIN
        UPDATE clips SET annotations_text = ${ANNOTATIONS('old.clip_id')} WHERE id = old.clip_id;
      END;
      CREATE TRIGGER annotations_highlight_au AFTER UPDATE OF note ON highlights BEGIN
        UPDATE clips SET annotations_text = ${ANNOTATIONS('new.clip_id')} WHERE id = new.clip_id;
      END;

      DROP TRIGGER clips_ai;
      DROP TRIGGER clips_ad;
      DROP TRIGGER clips_au_reindex;
      DROP VIEW clips_fts_source;
      DROP TABLE clips_fts;

      CREATE VIRTUAL TABLE clips_fts USING fts5(
        title, author, source, tags, body, notes,
        content='clips_fts_source', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE VIEW clips_fts_source AS
        SELECT id, title, coalesce(author, '') AS author, coalesce(source, '') AS source,
               tags_text AS tags, body_text AS body, annotations_text AS notes
        FROM clips;
      CREATE TRIGGER clips_ai AFTER INSERT ON clips WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO clips_fts(rowid, title, author, source, tags, body, notes)
        VALUES (new.id, new.title, coalesce(new.author, ''), coalesce(new.source, ''), new.tags_text, new.body_text, new.annotations_text);
      END;
      CREATE TRIGGER clips_ad AFTER DELETE ON clips WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO clips_fts(clips_fts, rowid, title, author, source, tags, body, notes)
        VALUES ('delete', old.id, old.title, coalesce(old.author, ''), coalesce(old.source, ''), old.tags_text, old.body_text, old.annotations_text);
      END;
      CREATE TRIGGER clips_au_reindex AFTER UPDATE OF title, author, source, tags_text, body_text, annotations_text, deleted_at ON clips BEGIN
        INSERT INTO clips_fts(clips_fts, rowid, title, author, source, tags, body, notes)
          SELECT 'delete', old.id, old.title, coalesce(old.author, ''), coalesce(old.source, ''), old.tags_text, old.body_text, old.annotations_text
          WHERE old.deleted_at IS NULL;
        INSERT INTO clips_fts(rowid, title, author, source, tags, body, notes)
          SELECT new.id, new.title, coalesce(new.author, ''), coalesce(new.source, ''), new.tags_text, new.body_text, new.annotations_text
          WHERE new.deleted_at IS NULL;
      END;
      INSERT INTO clips_fts(rowid, title, author, source, tags, body, notes)
        SELECT id, title, coalesce(author, ''), coalesce(source, ''), tags_text, body_text, annotations_text
        FROM clips WHERE deleted_at IS NULL;
    `);
    db.prepare(`INSERT INTO clips_fts(clips_fts, rank) VALUES ('rank', ?)`).run(RANK_FUNCTION);
    // The typo vocabulary learns the words of the notes too: each clip with a note is counted
    // again, once without its note and once with it.
    const noted = db.prepare(`SELECT id FROM clips WHERE annotations_text <> '' AND deleted_at IS NULL`).pluck().all() as number[];
    removeClipWords(db, noted, false);
    addClipWords(db, noted);
  },
};
