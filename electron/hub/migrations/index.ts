// The hub's numbered migrations, in order. Each runs in its own transaction and records its
// version in hub_schema (hub-migrate.ts), as the local library's bump PRAGMA user_version.
import { core } from './001-core.ts';

export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

export const hubMigrations: HubMigration[] = [core];
