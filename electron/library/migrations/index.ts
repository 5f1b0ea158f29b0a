// The numbered migrations, in order. Each runs in its own transaction and bumps
// PRAGMA user_version, so a library opened by a newer Cuttings upgrades step by step.
import { core } from './001-core.ts';
import { search } from './002-search.ts';
import { listOrder } from './003-list-order.ts';
import { filterCover } from './004-filter-cover.ts';
import { originalExtensions } from './005-original-extensions.ts';
import { outlets } from './006-outlets.ts';
import { corrections } from './007-corrections.ts';
import { highlights } from './008-highlights.ts';
import { entities } from './009-entities.ts';
import { sync } from './010-sync.ts';

/** What a step that needs code may reach besides the database. */
export interface MigrationContext {
  /** The library folder (originals/ lives in it). */
  libraryDir: string;
}

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for steps that need code (backfills, files in the library folder). */
  up: string | ((db: import('better-sqlite3').Database, context: MigrationContext) => void);
}

export const migrations: Migration[] = [core, search, listOrder, filterCover, originalExtensions, outlets, corrections, highlights, entities, sync];
