// The team hub: the HTTP server desktops sync with, on a PostgreSQL database that holds
// everything. A hub process keeps nothing of its own, so any number of them may serve one
// database (behind one address or several); they learn of each other's pushes through
// LISTEN/NOTIFY.
import http from 'node:http';
import type net from 'node:net';
import { ChangeFeed } from './change-feed.ts';
import { purgeDeletedClips } from './deleted-clips.ts';
import { createPool, isDatabaseUnreachable, redactDatabaseUrl, unreachableReason } from './hub-database.ts';
import { HubHttpError, sendError } from './hub-http.ts';
import { migrateHub } from './hub-migrate.ts';
import { memberByToken } from './members.ts';
import { route, type HubContext } from './hub-routes.ts';

export interface HubOptions {
  databaseUrl: string;
  /** 127.0.0.1 unless told otherwise: TLS and the outside world belong to a reverse proxy. */
  host?: string;
  /** 0 takes any free port. */
  port?: number;
  /** The largest JSON request (a push), after decompression. */
  maxJsonBytes?: number;
  /** The largest original file the hub keeps. */
  maxOriginalBytes?: number;
  /** Connections to the database this process may hold. */
  poolSize?: number;
}

export interface RunningHub {
  /** http://HOST:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** What went wrong reaching the database at start, said so that a person can fix it. */
export function startupError(databaseUrl: string, e: unknown): Error {
  const code = (e as { code?: string }).code;
  const where = redactDatabaseUrl(databaseUrl);
  if (isDatabaseUnreachable(e)) return new Error(`cannot reach the hub's database at ${where} (${unreachableReason(e)})`);
  if (code === '28P01' || code === '28000') return new Error(`the database at ${where} refused the login (${unreachableReason(e)})`);
  if (code === '3D000') return new Error(`${unreachableReason(e)}: create it first (createdb), or give another --database`);
  return new Error(`the hub's database at ${where} could not be prepared: ${unreachableReason(e)}`);
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { databaseUrl, host = '127.0.0.1', port = 0 } = options;
  const pool = createPool(databaseUrl, options.poolSize ?? 10);
  const feed = new ChangeFeed(databaseUrl);
  let hubId: string;
  try {
    await migrateHub(pool);
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM hub_info');
    hubId = rows[0].id;
    await feed.start();
  } catch (e) {
    await feed.close();
    await pool.end().catch(() => undefined);
    throw startupError(databaseUrl, e);
  }

  let closing = false;
  const ctx: HubContext = {
    pool, feed, hubId,
    maxJsonBytes: options.maxJsonBytes ?? 64 * 1024 * 1024,
    maxOriginalBytes: options.maxOriginalBytes ?? 200 * 1024 * 1024,
    closing: () => closing,
  };

  const server = http.createServer((req, res) => {
    handle(ctx, req, res).catch(() => res.destroy());
  });
  // Long polls hold a request for up to PULL_WAIT_MAX_SECONDS.
  server.requestTimeout = 10 * 60 * 1000;
  server.headersTimeout = 60 * 1000;
  // A request Node's parser could not read (malformed, headers too large, too slow) still gets a
  // HubError body rather than Node's bare status line.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: net.Socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return socket.destroy();
    const [status, text, message] =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'the request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'the request headers are too large']
      : [400, 'Bad Request', 'the request is not well-formed HTTP'];
    const body = JSON.stringify({ error: message });
    socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as net.AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  const purge = () => purgeDeletedClips(pool).catch(() => undefined);
  void purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();

  return {
    url: `http://${shownHost}:${bound}/`,
    port: bound,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(purgeTimer);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Waiting long polls answer now (empty); idle keep-alive connections are let go.
      await feed.close();
      server.closeIdleConnections();
      const grace = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, 2_000);
      await stopped;
      clearTimeout(grace);
      await pool.end().catch(() => undefined);
    },
  };
}

async function handle(ctx: HubContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Cuttings hub. Desktops connect to this address with a member token.\n');
      return;
    }
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
    if (!token) throw new HubHttpError(401, 'this request carries no member token: send "Authorization: Bearer TOKEN" with the token `cuttings hub add-member` printed');
    const member = await memberByToken(ctx.pool, token);
    if (!member) throw new HubHttpError(401, 'the member token is not one this hub knows: check it was copied whole, or ask for a new one (cuttings hub add-member)');
    if (!(await route(ctx, { req, res, url, member }))) {
      throw new HubHttpError(404, `the hub has no ${req.method} ${url.pathname}`);
    }
  } catch (e) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e instanceof HubHttpError) return sendError(req, res, e.status, e.message);
    if (e instanceof URIError) return sendError(req, res, 400, 'the address is not valid percent-encoding');
    if (isDatabaseUnreachable(e)) return sendError(req, res, 503, `the hub's database is unreachable (${unreachableReason(e)})`);
    process.stderr.write(`cuttings hub: ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}\n`);
    return sendError(req, res, 500, `the hub failed on this request: ${unreachableReason(e)}`);
  }
}
