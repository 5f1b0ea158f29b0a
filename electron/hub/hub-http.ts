// The hub's HTTP plumbing: request bodies read within a limit (gzip accepted), JSON answers
// (gzip when the client takes it), and errors as HubError bodies with a sentence a person
// understands.
import type http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { HubError } from '../sync/protocol.ts';

const gzip = promisify(zlib.gzip);

/** An answer other than 200, with the sentence its body carries. */
export class HubHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The request's body, decompressed when it says Content-Encoding: gzip; more than `limit`
 * bytes (after decompression, so a small bomb cannot fill the memory) is refused with 413.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    return Promise.reject(new HubHttpError(415, `the hub accepts request bodies plain or gzip-compressed, not "${encoding}"`));
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (encoding === 'identity' && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const source: NodeJS.ReadableStream = encoding === 'gzip' ? req.pipe(zlib.createGunzip()) : req;
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe();
      req.resume();
      reject(e);
    };
    source.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) fail(tooLarge(limit));
      else chunks.push(chunk);
    });
    source.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    source.on('error', (e: Error) =>
      fail(encoding === 'gzip' ? new HubHttpError(400, `the request body is not valid gzip (${e.message})`) : new HubHttpError(400, `the request body could not be read (${e.message})`)),
    );
    req.on('aborted', () => fail(new HubHttpError(400, 'the request was cut off before its body arrived')));
  });
}

function tooLarge(limit: number): HubHttpError {
  return new HubHttpError(413, `the request body is larger than the ${formatBytes(limit)} the hub takes at once`);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

export async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type && !type.startsWith('application/json')) throw new HubHttpError(415, `the hub takes JSON here (Content-Type: application/json), not "${type}"`);
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new HubHttpError(400, `the request body is not valid JSON (${(e as Error).message})`);
  }
}

function acceptsGzip(req: http.IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return String(header)
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return (name === 'gzip' || name === '*') && (!q || Number(q.slice(2)) > 0);
    });
}

/** Small answers are not worth compressing. */
const GZIP_FROM_BYTES = 1024;

/** Sends bytes, gzip-compressed when the client accepts it and it is worth it. */
export async function sendBody(req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: Buffer): Promise<void> {
  const headers: http.OutgoingHttpHeaders = { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
  let out = body;
  if (body.length >= GZIP_FROM_BYTES && acceptsGzip(req)) {
    out = await gzip(body, { level: 4 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = out.length;
  res.writeHead(status, headers);
  res.end(out);
}

/** Sends JSON given as a value or as text already written. */
export function sendJson(req: http.IncomingMessage, res: http.ServerResponse, status: number, value: unknown, asText?: string): Promise<void> {
  return sendBody(req, res, status, 'application/json; charset=utf-8', Buffer.from(asText ?? JSON.stringify(value), 'utf8'));
}

export function sendError(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string): Promise<void> {
  const body: HubError = { error: message };
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="cuttings-hub"');
  return sendJson(req, res, status, body);
}
