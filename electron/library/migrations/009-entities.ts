// Migration 9: the people, places and organisations clips name (issue #16).
//
// entities: one row per person, place or organisation, its name as shown and its folded key
//   (library/entity-names.ts: case, diacritics, punctuation and titles folded away), and the
//   key's last word (a surname finds its full name by it).
// entity_aliases: every name seen for an entity, by folded key ("nicolas maduro", "maduro"),
//   each pointing at the entity it stands for now. A key is one alias per type in the library.
// clip_entity_names: what extraction found in a clip, per alias: mentions and the first
//   one's offset in the body. Re-extraction replaces a clip's rows here and nothing else.
// clip_entities: the same per entity (aliases summed), what facets, filters and listings read;
//   worked out again from clip_entity_names whenever an alias changes entity (library/entities.ts).
// entity_rules: what a person decided — this name belongs with that entity (a merge), or is
//   an entity of its own (a split) — by keys, not ids, kept apart from extraction so that
//   re-extraction, and a restore from an export, apply it again.
// entity_undo: what a merge or split changed, for its Undo.
//
// A clip soft-deleted keeps its rows (Undo brings them back); every count reads live clips only.
// Clips stored before this step have no entities until they are re-extracted: running the
// recogniser over a whole library inside a migration would hold the library for minutes.
import type { Migration } from './index.ts';

const TYPE = `CHECK (type IN ('PER', 'LOC', 'ORG'))`;
const BUMP = 'UPDATE search_state SET version = version + 1;';

export const entities: Migration = {
  version: 9,
  name: 'people, places and organisations',
  up: `
    CREATE TABLE entities (
      id         INTEGER PRIMARY KEY,
      type       TEXT NOT NULL ${TYPE},
      name       TEXT NOT NULL CHECK (length(name) > 0),
      key        TEXT NOT NULL CHECK (length(key) > 0),
      -- The key's last word: a surname alone finds its full name by an index, not a scan.
      last_word  TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (type, key)
    );
    CREATE INDEX entities_last_word ON entities(type, last_word);
    CREATE TABLE entity_aliases (
      id        INTEGER PRIMARY KEY,
      entity_id INTEGER NOT NULL REFERENCES entities(id),
      type      TEXT NOT NULL ${TYPE},
      key       TEXT NOT NULL CHECK (length(key) > 0),
      name      TEXT NOT NULL,
      UNIQUE (type, key)
    );
    CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
    CREATE TABLE clip_entity_names (
      clip_id      INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      alias_id     INTEGER NOT NULL REFERENCES entity_aliases(id),
      mentions     INTEGER NOT NULL CHECK (mentions > 0),
      first_offset INTEGER,
      PRIMARY KEY (clip_id, alias_id)
    ) WITHOUT ROWID;
    CREATE INDEX clip_entity_names_alias ON clip_entity_names(alias_id, clip_id);
    CREATE TABLE clip_entities (
      clip_id      INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      entity_id    INTEGER NOT NULL REFERENCES entities(id),
      mentions     INTEGER NOT NULL CHECK (mentions > 0),
      first_offset INTEGER,
      PRIMARY KEY (clip_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX clip_entities_entity ON clip_entities(entity_id, clip_id);
    CREATE TABLE entity_rules (
      id         INTEGER PRIMARY KEY,
      type       TEXT NOT NULL ${TYPE},
      key        TEXT NOT NULL,
      name       TEXT NOT NULL,
      -- The entity's key it goes with; NULL: an entity of its own.
      into_key   TEXT,
      into_name  TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (type, key)
    );
    CREATE TABLE entity_undo (token TEXT PRIMARY KEY, payload TEXT NOT NULL, created_at TEXT NOT NULL);

    -- The in-memory facet table (search/facets.ts) reloads when the version moves.
    CREATE TRIGGER search_state_clip_entities_ai AFTER INSERT ON clip_entities BEGIN ${BUMP} END;
    CREATE TRIGGER search_state_clip_entities_ad AFTER DELETE ON clip_entities BEGIN ${BUMP} END;
    CREATE TRIGGER search_state_entities_au AFTER UPDATE OF name ON entities BEGIN ${BUMP} END;
    -- So does the index of names the person:/place:/org: filters read (library/entities.ts).
    CREATE TRIGGER search_state_entity_aliases_ai AFTER INSERT ON entity_aliases BEGIN ${BUMP} END;
    CREATE TRIGGER search_state_entity_aliases_au AFTER UPDATE OF entity_id ON entity_aliases BEGIN ${BUMP} END;
  `,
};
