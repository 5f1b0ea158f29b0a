// Browser mode: the same Api over HTTP on 127.0.0.1, guarded by a random session token.
//   POST /api/<method>            JSON body = the method's arguments
//   GET  /api/<method>?k=v&k=v    the same, arguments from the query string
//                                 (every method but importPaths: see NOT_OVER_HTTP)
//   GET  /api/events?token=…      Server-Sent Events (import progress, library changes)
//   GET  /api/original/<id>?token=…  download a clip's original file
//   GET  /api/export?format=…&token=…  download an export (ids=… or query=… chooses the clips)
//   GET  /api/review/<jobId>?token=…   download a press review the window compiled (compileReview)
//   anything else                 the built renderer (static files)
// Every /api request needs the token: in the Authorization header (Bearer TOKEN), or as
// ?token=TOKEN only on the GET routes a browser opens without a header (http/session-token.ts).
// Limits: a request body of 64 MB at most (413), a cap on open connections and on event
// streams (503); see http/request-limits.ts.
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
import { int } from './handlers/validate.ts';
import { capConnections, Slots } from './http/capacity.ts';
import { lingerAfterAnswer } from './http/lingering-close.ts';
import { declaredTooLarge, readJsonBody, RequestTooLargeError } from './http/request-body.ts';
import {
  MAX_CONNECTIONS, MAX_EVENT_STREAMS, MAX_REQUEST_BYTES, tooManyConnectionsMessage, tooManyEventStreamsMessage,
} from './http/request-limits.ts';
import { isMissingFileError, sendFile } from './http/send-file.ts';
import { checkToken, takesQueryToken } from './http/session-token.ts';
import { getClipRow } from './library/clips.ts';
import type { Library } from './library/open-library.ts';
import { exportForDownload, exportRequestFromQuery } from './export/index.ts';
import { downloadExtension, nameWithExtension } from './library/original-extension.ts';

export interface ServerOptions {
  handlers: Handlers;
  events: EventBus;
  library: Library;
  /** Folder of the built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (uploads arrive base64 in JSON). Default MAX_REQUEST_BYTES. */
  maxBodyBytes?: number;
  /** Open connections before new ones are answered 503. Default MAX_CONNECTIONS. */
  maxConnections?: number;
  /** Open event streams before new ones are answered 503. Default MAX_EVENT_STREAMS. */
  maxEventStreams?: number;
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

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, e: ApiCallError, status = STATUS[e.code], extraHeaders: http.OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { error: { code: e.code, message: e.message } } satisfies ApiErrorBody, extraHeaders);
}

/**
 * An error answer after which this connection closes (a body too large, a connection over the
 * cap): the client may still be sending, so the close lingers until the answer can be read.
 */
function sendErrorAndClose(req: http.IncomingMessage, res: http.ServerResponse, e: ApiCallError, status: number): void {
  lingerAfterAnswer(req.socket);
  sendError(res, e, status, { connection: 'close' });
}

/**
 * Query string → arguments: repeated keys become lists; JSON-looking values stay text
 * (validators coerce). Built with no prototype, so that `?__proto__=…` is an own key like any
 * other (and refused as unknown) instead of setting this object's prototype.
 */
function queryArgs(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of new Set(url.searchParams.keys())) {
    if (key === 'token') continue;
    const values = url.searchParams.getAll(key);
    out[key] = values.length > 1 || key === 'tags' || key === 'ids' ? values : values[0];
  }
  return out;
}

const MISSING_ORIGINAL = 'The original file of this clip is missing from the library folder.';

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? MAX_REQUEST_BYTES;
  const maxConnections = opts.maxConnections ?? MAX_CONNECTIONS;
  const eventStreams = new Slots(opts.maxEventStreams ?? MAX_EVENT_STREAMS);
  const staticRoot = path.resolve(opts.staticDir);
  let port = opts.port ?? 0;

  // handle() answers every error itself; should answering fail too, the connection is cut
  // rather than the rejection left unhandled (which would end the process).
  const respond = (req: http.IncomingMessage, res: http.ServerResponse) => void handle(req, res).catch(() => res.destroy());
  const server = http.createServer(respond);
  // `Expect: 100-continue` (curl sends it for large bodies): a body declared too large is
  // refused before the client sends it; handle() answers the 413.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!declaredTooLarge(req, maxBody)) res.writeContinue();
    respond(req, res);
  });
  const connections = capConnections(server, maxConnections);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      if (connections.isOverCap(req.socket)) {
        sendErrorAndClose(req, res, new ApiCallError('internal', tooManyConnectionsMessage(maxConnections)), 503);
        return;
      }
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
      await serveStatic(res, url);
    } catch (e) {
      // Headers already out (a failure mid-answer): cut the connection so the body reads as
      // incomplete rather than ending it as if it were whole.
      if (res.headersSent) res.destroy();
      // An answer, not a reset: the client may still be sending the rest of its body.
      else if (e instanceof RequestTooLargeError) sendErrorAndClose(req, res, new ApiCallError('bad-request', e.message), 413);
      else sendError(res, toApiError(e));
    }
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice('/api/'.length);
    const check = checkToken(req, url, token, takesQueryToken(req.method, route));
    if (check !== 'ok') {
      const message = check === 'query-not-accepted'
        ? 'Api calls take the session token in the Authorization header (Bearer …), not in the address; only event streams and downloads take ?token=.'
        : 'Missing or wrong session token. Open the URL that `cuttings serve` printed.';
      sendError(res, new ApiCallError('unauthorized', message));
      return;
    }
    if (req.method === 'GET') {
      if (route === 'events') return streamEvents(res);
      if (route.startsWith('original/')) return sendOriginal(res, route.slice('original/'.length));
      if (route === 'export') return sendExport(res, url);
      if (route.startsWith('review/')) return sendReview(res, route.slice('review/'.length));
    }
    if (Object.hasOwn(NOT_OVER_HTTP, route)) throw new ApiCallError('bad-request', NOT_OVER_HTTP[route as ApiMethod]!);
    let args: unknown;
    if (req.method === 'GET') args = queryArgs(url);
    else if (req.method === 'POST') args = await readJsonBody(req, maxBody);
    else {
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    const result = await dispatch(opts.handlers.api, route, args);
    sendJson(res, 200, result);
  }

  function streamEvents(res: http.ServerResponse): void {
    if (!eventStreams.take()) {
      sendError(res, new ApiCallError('internal', tooManyEventStreamsMessage(eventStreams.max)), 503);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = opts.events.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    // The response's 'close' is the connection's: the window closed or reloaded, or the server stops.
    res.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      eventStreams.release();
    });
  }

  async function sendOriginal(res: http.ServerResponse, rawId: string): Promise<void> {
    // The same whole-number check as the Api's ids: 1.5, 1e3, -1, 0 and ids past 2^53 are 400.
    const id = int(1)(rawId, 'The clip id');
    const row = getClipRow(opts.library.db, id);
    if (!row.original_path) throw new ApiCallError('not-found', MISSING_ORIGINAL);
    const file = path.join(opts.library.dir, row.original_path);
    // The saved file is opened by its extension later: the sniffed format's, never the name's
    // (a text file named news.bat downloads as news.txt).
    const name = nameWithExtension(row.original_name, downloadExtension(row.original_path), `clip-${id}`);
    try {
      // Always a download, never rendered here: the original may be a hostile page.
      await sendFile(res, file, {
        'content-type': 'application/octet-stream',
        'content-disposition': attachmentDisposition(name),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    } catch (e) {
      if (isMissingFileError(e)) throw new ApiCallError('not-found', MISSING_ORIGINAL);
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new ApiCallError('internal', `The original file of this clip could not be read (${code}).`);
    }
  }

  /** GET /api/export?format=…&ids=…&query=…: the export as one file, always an attachment. */
  async function sendExport(res: http.ServerResponse, url: URL): Promise<void> {
    const file = await exportForDownload(opts.library, exportRequestFromQuery(url.searchParams));
    res.writeHead(200, {
      'content-type': file.mimeType,
      'content-length': file.bytes.byteLength,
      'content-disposition': attachmentDisposition(file.fileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    res.end(file.bytes);
  }

  /** GET /api/review/<jobId>: a finished press review, always an attachment. */
  async function sendReview(res: http.ServerResponse, jobId: string): Promise<void> {
    const review = opts.handlers.reviewDownload(decodeURIComponent(jobId).slice(0, 100));
    await sendFile(res, review.file, {
      'content-type': review.mimeType,
      'content-disposition': attachmentDisposition(review.fileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  }

  async function serveStatic(res: http.ServerResponse, url: URL): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = '/';
    }
    let file = path.resolve(staticRoot, '.' + path.posix.normalize(rel));
    // Inside the folder, not merely beginning with its name (a sibling "renderer-old" would).
    if (!file.startsWith(staticRoot + path.sep)) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Cuttings interface has not been built yet. Run `npm run build:renderer`, then reload.');
      return;
    }
    await sendFile(res, file, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=3600',
    });
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
