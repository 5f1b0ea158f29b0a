// Migration 4: a covering index for the columns search filters test (date, outlet, author,
// star, import time), so "source:Reuters government" checks 30,000 matches against a compact
// index instead of seeking 30,000 full clip rows (4 ms against 19 ms at 100,000 clips).
import type { Migration } from './index.ts';

export const filterCover: Migration = {
  version: 4,
  name: 'covering index for search filters',
  up: `CREATE INDEX clips_filter_cover ON clips(id, deleted_at, published_at, source, author, starred, imported_at);`,
};
