// The hub's connection to PostgreSQL: a pool for requests, and the words for what goes wrong
// with it. pg.Pool makes new connections as needed, so a hub outlives a database restart on
// its own; an idle connection the server closed is only reported, never fatal.
import pg from 'pg';

/** A database URL a person can be told about: the password left out. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** Refuses what is not a postgres:// URL, before any connection is tried. */
export function checkDatabaseUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a database URL: give one like postgres://user:password@host:5432/cuttings`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`"${redactDatabaseUrl(url)}" is not a PostgreSQL URL: give one like postgres://user:password@host:5432/cuttings`);
  }
}

export function createPool(databaseUrl: string, max = 10): pg.Pool {
  checkDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    // A request fails with 503 rather than waiting on a database that does not answer.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'cuttings-hub',
    // A connection cut without a word (a network drop) is noticed, not waited on forever.
    keepAlive: true,
  });
  // An idle connection closed by the server (a restart, an outage) is discarded by the pool;
  // without a listener Node would treat the event as an uncaught error.
  pool.on('error', () => undefined);
  return pool;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * True when the error says the database could not be reached or went away (as opposed to a
 * query it refused): connection errors, the server shutting down or starting up (SQLSTATE
 * classes 08 and 57P), and pg's own words for a connection it lost or could not make in time.
 */
export function isDatabaseUnreachable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(e.message);
}

/** The reason in a few words, for "the hub's database is unreachable (…)". */
export function unreachableReason(e: unknown): string {
  const err = e as Error & { code?: string; errors?: Error[] };
  // Node reports a refused localhost as an AggregateError (IPv4 and IPv6) with no message.
  const message = (err?.message || err?.errors?.[0]?.message || String(err?.code ?? e)).split('\n')[0].trim();
  return message || 'no answer';
}
