// The numbered migrations, in order. Each runs in its own transaction and bumps
// PRAGMA user_version, so a library opened by a newer Cuttings upgrades step by step.
import { core } from './001-core.ts';
import { search } from './002-search.ts';
import { listOrder } from './003-list-order.ts';
import { filterCover } from './004-filter-cover.ts';

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for steps that need code (backfills). */
  up: string | ((db: import('better-sqlite3').Database) => void);
}

export const migrations: Migration[] = [core, search, listOrder, filterCover];
