// The one way anything writes to a library. The window, browser mode and the CLI may have the
// same library open at once, each in its own process, so every write transaction begins with
// BEGIN IMMEDIATE: it takes SQLite's write lock before its first read, and when another process
// holds the lock it waits (busy_timeout, see open-library.ts) for its turn.
//
// A deferred transaction (a plain BEGIN, better-sqlite3's default) reads first and asks for the
// write lock at its first write. If another process is writing by then, SQLite does not wait:
// what the transaction has read may be out of date once that writer commits, so it answers
// "database is locked" at once, busy_timeout or not. That is how 15 of 50 tag requests failed
// within a few milliseconds while an import ran, and how two imports lost 203 files.
//
// tests/unit/library/write-lock-guard.test.ts fails if a write takes any other way.
import type Database from 'better-sqlite3';
import { ReadOnlyLibraryError } from './library-errors.ts';

/**
 * Runs `fn` in a write transaction that holds the write lock from its start. Inside another
 * write transaction it becomes a savepoint of that one (better-sqlite3 nests them), so a
 * library function may take one without knowing whether its caller already has.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  if (db.readonly) throw new ReadOnlyLibraryError();
  return db.transaction(fn).immediate();
}
