// The PostgreSQL advisory locks hub processes take, so that several of them can share one
// database. The numbers only need to be the same in every hub and unlike anyone else's.

/** Held while migrating: two hubs starting at once on an empty database migrate once. */
export const MIGRATE_LOCK = 7_367_201_701;

/**
 * Held by every transaction that hands out sequence numbers (a push, the purge), until it
 * commits: numbers then become visible in the order they were given, so a puller that has
 * seen N never later meets a smaller number it skipped.
 */
export const WRITE_LOCK = 7_367_201_702;
