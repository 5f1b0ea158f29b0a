// Hub migration 1: the team library's tables.
//
// hub_info: one row, the hub's own id. Every hub process on this database reads the same one,
//   so a desktop can tell "the same hub behind another address" from "a different hub".
// members: who may use the hub. The id is the name people know the member by (it signs every
//   change and shows in history); only the SHA-256 of a member's token is kept.
// objects: the winning value of every field of every shared object. owner is '' for what the
//   team shares and the member's id for what a member keeps private (their notes, private
//   highlights), so one field may hold a shared value and private ones side by side. seq is
//   the number a puller asks beyond; objects_seq hands them out, one per winning write.
// history: every value a later clock replaced, with that clock and when it happened, so no
//   edit is lost and a person can restore one.
// originals: the imported files, once per SHA-256 of their bytes.
import type { HubMigration } from './index.ts';

export const core: HubMigration = {
  version: 1,
  name: 'objects, history, members, originals',
  sql: `
    CREATE TABLE hub_info (
      one        boolean PRIMARY KEY DEFAULT true CHECK (one),
      id         text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO hub_info (id) VALUES (replace(gen_random_uuid()::text, '-', ''));

    CREATE TABLE members (
      id           text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
      role         text NOT NULL CHECK (role IN ('editor', 'reader')),
      token_sha256 text NOT NULL UNIQUE,
      created_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX members_id_folded ON members (lower(id));

    CREATE SEQUENCE objects_seq AS bigint;
    CREATE TABLE objects (
      kind       text NOT NULL,
      key        text NOT NULL,
      field      text NOT NULL,
      owner      text NOT NULL DEFAULT '',
      value      jsonb NOT NULL,
      hlc        text COLLATE "C" NOT NULL,
      member     text NOT NULL,
      seq        bigint NOT NULL,
      -- When the hub took this value (a re-stamp for a puller leaves it as it was).
      written_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, key, field, owner)
    );
    CREATE UNIQUE INDEX objects_by_seq ON objects (seq);
    -- GET /v1/deleted and the purge look only at clips whose deletion holds.
    CREATE INDEX objects_deleted_clips ON objects (written_at)
      WHERE kind = 'clip' AND field = 'deleted' AND owner = '' AND value = 'true'::jsonb;

    CREATE TABLE history (
      id            bigserial PRIMARY KEY,
      kind          text NOT NULL,
      key           text NOT NULL,
      field         text NOT NULL,
      owner         text NOT NULL DEFAULT '',
      value         jsonb NOT NULL,
      hlc           text COLLATE "C" NOT NULL,
      member        text NOT NULL,
      superseded_by text COLLATE "C" NOT NULL,
      recorded_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX history_by_object ON history (kind, key, field, owner, hlc);

    CREATE TABLE originals (
      sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes      bytea NOT NULL,
      size       bigint NOT NULL,
      member     text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
