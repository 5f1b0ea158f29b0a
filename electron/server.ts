// Browser mode: the same Api over HTTP on 127.0.0.1, guarded by a random session token.
//   POST /api/<method>            JSON body = the method's arguments
//   GET  /api/<method>?k=v&k=v    the same, arguments from the query string
//                                 (every method but importPaths: see NOT_OVER_HTTP)
//   GET  /api/events?token=…      Server-Sent Events (import progress, library changes)
//   GET  /api/original/<id>       download a clip's original file
//   anything else                 the built renderer (static files)
// Every /api request needs the token (Authorization: Bearer TOKEN, or ?token=TOKEN).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiErrorBody, ApiMethod } from './api.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { ApiCallError, dispatch, toApiError } from './handlers/dispatch.ts';
import type { EventBus } from './handlers/event-bus.ts';
import type { Handlers } from './handlers/handler-table.ts';
import { getClipRow } from './library/clips.ts';
import type { Library } from './library/open-library.ts';
import { downloadExtension, nameWithExtension } from './library/original-extension.ts';

export interface ServerOptions {
  handlers: Handlers;
  events: EventBus;
  library: Library;
  /** Folder of the built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (uploads arrive base64 in JSON). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Api methods not offered over HTTP, with the reason given instead. A page can only hand the
 * server files the user dropped or chose (importUploads); reading paths from this machine is
 * for the person at its terminal (the CLI) or the desktop app's main process.
 */
const NOT_OVER_HTTP: Partial<Record<ApiMethod, string>> = {
  importPaths: 'Browser mode imports files you drop or choose in the window; it does not read paths from this machine.',
};

const STATUS: Record<ApiErrorBody['error']['code'], number> = {
  'bad-request': 400, 'not-found': 404, unauthorized: 401, conflict: 409, internal: 500,
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, e: ApiCallError): void {
  sendJson(res, STATUS[e.code], { error: { code: e.code, message: e.message } } satisfies ApiErrorBody);
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Query string → arguments: repeated keys become lists; JSON-looking values stay text (validators coerce). */
function queryArgs(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    if (key === 'token') continue;
    const values = url.searchParams.getAll(key);
    out[key] = values.length > 1 || key === 'tags' || key === 'ids' ? values : values[0];
  }
  return out;
}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new ApiCallError('bad-request', `The request is too large (over ${Math.round(max / 1024 / 1024)} MB).`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 512 * 1024 * 1024;
  const staticRoot = path.resolve(opts.staticDir);
  let port = opts.port ?? 0;

  const server = http.createServer(async (req, res) => {
    try {
      // Only this machine's loopback name: a web page elsewhere that rebinds its DNS to
      // 127.0.0.1 still sends its own Host header and is turned away.
      const host = req.headers.host ?? '';
      if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
        res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
      if (url.pathname.startsWith('/api/') || url.pathname === '/api') {
        await handleApi(req, res, url);
        return;
      }
      serveStatic(res, url);
    } catch (e) {
      if (!res.headersSent) sendError(res, toApiError(e));
      else res.end();
    }
  });

  const authorised = (req: http.IncomingMessage, url: URL): boolean => {
    const header = req.headers.authorization ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const given = bearer ?? url.searchParams.get('token');
    return !!given && tokensEqual(given, token);
  };

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!authorised(req, url)) {
      sendError(res, new ApiCallError('unauthorized', 'Missing or wrong session token. Open the URL that `cuttings serve` printed.'));
      return;
    }
    const route = url.pathname.slice('/api/'.length);
    if (route === 'events' && req.method === 'GET') return streamEvents(req, res);
    const original = /^original\/(\d+)$/.exec(route);
    if (original && req.method === 'GET') return sendOriginal(res, Number(original[1]));
    if (Object.hasOwn(NOT_OVER_HTTP, route)) throw new ApiCallError('bad-request', NOT_OVER_HTTP[route as ApiMethod]!);
    let args: unknown;
    if (req.method === 'GET') args = queryArgs(url);
    else if (req.method === 'POST') {
      const body = await readBody(req, maxBody);
      try {
        args = body.trim() ? JSON.parse(body) : {};
      } catch {
        throw new ApiCallError('bad-request', 'The request body is not valid JSON.');
      }
    } else {
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    const result = await dispatch(opts.handlers.api, route, args);
    sendJson(res, 200, result);
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = opts.events.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  function sendOriginal(res: http.ServerResponse, id: number): void {
    const row = getClipRow(opts.library.db, id);
    const file = row.original_path ? path.join(opts.library.dir, row.original_path) : null;
    if (!file || !fs.existsSync(file)) throw new ApiCallError('not-found', 'The original file of this clip is missing from the library folder.');
    // The saved file is opened by its extension later: the sniffed format's, never the name's
    // (a text file named news.bat downloads as news.txt).
    const name = nameWithExtension(row.original_name, downloadExtension(row.original_path!), `clip-${id}`);
    // Always a download, never rendered here: the original may be a hostile page.
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': attachmentDisposition(name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    fs.createReadStream(file).pipe(res);
  }

  function serveStatic(res: http.ServerResponse, url: URL): void {
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = '/';
    }
    let file = path.resolve(staticRoot, '.' + path.posix.normalize(rel));
    if (!file.startsWith(staticRoot)) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Cuttings interface has not been built yet. Run `npm run build:renderer`, then reload.');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${port}/?token=${encodeURIComponent(token)}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
