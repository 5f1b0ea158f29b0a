// Migration 3: indexes that serve the clip list's sort orders directly, so the first page of
// a 100,000-clip library is read from an index instead of sorting every row.
import type { Migration } from './index.ts';

export const listOrder: Migration = {
  version: 3,
  name: 'indexes for the list sort orders',
  up: `
    DROP INDEX IF EXISTS clips_published;
    -- newest first: published_at DESC puts undated clips (NULL) last by itself
    CREATE INDEX clips_newest ON clips(published_at, id) WHERE deleted_at IS NULL;
    -- oldest first, undated still last
    CREATE INDEX clips_oldest ON clips(published_at IS NULL, published_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX clips_title ON clips(title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
    CREATE INDEX clips_imported_live ON clips(imported_at, id) WHERE deleted_at IS NULL;
  `,
};
