// A request's JSON body, read with a size limit and as few copies in memory as JSON.parse allows.
//
// Uploads arrive as base64 inside JSON, so a body of N bytes becomes, in turn: the bytes, the
// text, and the parsed arguments (whose base64 strings are most of N), which the import then
// decodes to about 3/4 N of file bytes. Reading used to keep every received chunk for the whole
// request, concatenate them into a second copy, keep the text while the arguments were in use,
// and so hold 3-4 N at its peak. Here:
//   - a body with a Content-Length is copied, chunk by chunk, into one buffer of that length
//     (chunks are released as they are copied; nothing is concatenated);
//   - a chunked body (no declared length) is kept as chunks, concatenated once at the end;
//   - the bytes are dropped as soon as they are text, and the text as soon as it is parsed,
//     so at most two of them (bytes + text, or text + arguments) exist at a time: about 2 N.
// JSON.parse needs the whole text; a streaming parser would save the text's copy, but the
// import still needs every file's base64 string at once, so its peak would be the same.
import type http from 'node:http';
import { BadRequestError } from '../handlers/validate.ts';
import { tooLargeMessage } from './request-limits.ts';

/** Refused before (declared length) or while (chunked body) reading: the answer is 413. */
export class RequestTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(tooLargeMessage(limit));
  }
}

/** The body length the client declared, or null for a chunked body. */
export function declaredLength(req: http.IncomingMessage): number | null {
  const value = req.headers['content-length'];
  if (value === undefined) return null;
  // Node's parser has already refused a malformed or repeated Content-Length.
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** True when the declared length alone says the body is over the limit (nothing needs reading). */
export function declaredTooLarge(req: http.IncomingMessage, max: number): boolean {
  const n = declaredLength(req);
  return n !== null && n > max;
}

/**
 * The whole body as one Buffer. Over `max`, rejects with RequestTooLargeError: at once for a
 * declared length, at the limit for a chunked body — then what was read is dropped and the
 * rest of the body is let through unkept, so the caller can still answer 413 on this socket.
 */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > max) return Promise.reject(new RequestTooLargeError(max));
  return new Promise((resolve, reject) => {
    // allocUnsafeSlow: a buffer of its own, not a slice of Node's shared pool; every byte of it
    // is written before it is handed out (the parser delivers exactly the declared length).
    const whole = declared !== null ? Buffer.allocUnsafeSlow(declared) : null;
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (err) {
        chunks = [];
        // Keep the request flowing with nobody keeping its bytes: the 413 is written while
        // the client may still be sending, and the socket closes once it is.
        req.resume();
        reject(err);
      } else resolve(body!);
    };
    const onData = (chunk: Buffer) => {
      if (whole) {
        if (size + chunk.length > whole.length) return finish(new RequestTooLargeError(max));
        chunk.copy(whole, size);
      } else {
        if (size + chunk.length > max) return finish(new RequestTooLargeError(max));
        chunks.push(chunk);
      }
      size += chunk.length;
    };
    const onEnd = () => {
      const body = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size);
      chunks = [];
      finish(null, body);
    };
    const onError = (e: Error) => finish(e);
    const onClose = () => finish(new BadRequestError('The request was cut off before its end.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * The body parsed as JSON ({} when empty). The bytes and then the text are referenced only
 * from this frame and dropped as soon as the next form exists (see the top of this file).
 */
export async function readJsonBody(req: http.IncomingMessage, max: number): Promise<unknown> {
  let text: string | null = (await readBody(req, max)).toString('utf8');
  if (/^\s*$/.test(text)) return {};
  try {
    const value: unknown = JSON.parse(text);
    text = null;
    return value;
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
}
