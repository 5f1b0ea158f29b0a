// Migration 2: search's own tables (the typo vocabulary, see electron/search/vocabulary.ts)
// and the BM25 column weights of the full-text index.
import type { Migration } from './index.ts';
import { rebuildVocabulary } from '../../search/vocabulary.ts';

/** The weights as this step set them (title, author, source, tags, body); migration 8 sets today's. */
const RANK_FUNCTION_V2 = 'bm25(8.0, 4.0, 4.0, 5.0, 1.0)';

export const search: Migration = {
  version: 2,
  name: 'search vocabulary and ranking weights',
  up: (db) => {
    db.exec(`
      CREATE TABLE search_vocab (
        id    INTEGER PRIMARY KEY,
        word  TEXT NOT NULL UNIQUE,          -- folded: lower case, no diacritics
        docs  INTEGER NOT NULL DEFAULT 0     -- live clips holding it (0: kept, never suggested)
      );
      -- Symmetric-delete index: hash of (word | word minus one letter) → word.
      CREATE TABLE search_deletes (
        h       INTEGER NOT NULL,
        word_id INTEGER NOT NULL REFERENCES search_vocab(id) ON DELETE CASCADE,
        PRIMARY KEY (h, word_id)
      ) WITHOUT ROWID;

      -- Bumped by any change facets read (clip dates, outlets, authors, tags, deletes), so the
      -- in-memory facet table (electron/search/facets.ts) knows when to reload.
      CREATE TABLE search_state (version INTEGER NOT NULL);
      INSERT INTO search_state (version) VALUES (0);
      CREATE TRIGGER search_state_clip_ai AFTER INSERT ON clips BEGIN UPDATE search_state SET version = version + 1; END;
      CREATE TRIGGER search_state_clip_ad AFTER DELETE ON clips BEGIN UPDATE search_state SET version = version + 1; END;
      CREATE TRIGGER search_state_clip_au AFTER UPDATE OF published_at, source, author, deleted_at ON clips
        BEGIN UPDATE search_state SET version = version + 1; END;
      CREATE TRIGGER search_state_tag_ai AFTER INSERT ON clip_tags BEGIN UPDATE search_state SET version = version + 1; END;
      CREATE TRIGGER search_state_tag_ad AFTER DELETE ON clip_tags BEGIN UPDATE search_state SET version = version + 1; END;
      CREATE TRIGGER search_state_tags_au AFTER UPDATE OF name ON tags BEGIN UPDATE search_state SET version = version + 1; END;

      -- Covering index for loading that table: a scan of a few MB instead of every clip row
      -- (bodies make each row a page or more).
      CREATE INDEX search_clip_facets ON clips(published_at, source, author);
    `);
    // Stored in the index's config, so ORDER BY rank uses these weights and snippet() runs
    // only on the rows returned (ORDER BY bm25(...) computes it for every match first).
    db.prepare(`INSERT INTO clips_fts(clips_fts, rank) VALUES ('rank', ?)`).run(RANK_FUNCTION_V2);
    // Migration 001's two AFTER UPDATE triggers fire newest-first, so the new text was added
    // before the old was deleted, and the delete then removed the clip's shared terms: a
    // tagged or edited clip vanished from the index. One trigger, delete then add, in order;
    // then the index is rebuilt from the live clips to repair libraries indexed by the old pair.
    db.exec(`
      DROP TRIGGER IF EXISTS clips_au_remove;
      DROP TRIGGER IF EXISTS clips_au_add;
      CREATE TRIGGER clips_au_reindex AFTER UPDATE OF title, author, source, tags_text, body_text, deleted_at ON clips BEGIN
        INSERT INTO clips_fts(clips_fts, rowid, title, author, source, tags, body)
          SELECT 'delete', old.id, old.title, coalesce(old.author, ''), coalesce(old.source, ''), old.tags_text, old.body_text
          WHERE old.deleted_at IS NULL;
        INSERT INTO clips_fts(rowid, title, author, source, tags, body)
          SELECT new.id, new.title, coalesce(new.author, ''), coalesce(new.source, ''), new.tags_text, new.body_text
          WHERE new.deleted_at IS NULL;
      END;
      INSERT INTO clips_fts(clips_fts) VALUES ('delete-all');
      INSERT INTO clips_fts(rowid, title, author, source, tags, body)
        SELECT id, title, coalesce(author, ''), coalesce(source, ''), tags_text, body_text FROM clips WHERE deleted_at IS NULL;
    `);
    rebuildVocabulary(db, false);
  },
};
