// Files streamed as a response body. A read stream's error must never reach the process as an
// unhandled 'error' event (`createReadStream(file).pipe(res)` has no handler: one unreadable
// original took the whole server down). Here every error of the source or of the response ends
// in a rejected promise or a cut connection, never in a throw nobody catches.
import fs from 'node:fs';
import type http from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Answers 200 with `headers` and the bytes of `source`. The headers are written only once the
 * first chunk has been read (or the source has turned out empty), so a source that cannot be
 * opened or read at all rejects with its error while the caller can still answer with an
 * error status and a sentence. A read error after that can only cut the body short: the
 * response is destroyed, and the client sees an aborted download, never a truncated file
 * presented as whole. Resolves once the body is sent or abandoned.
 */
export async function sendStream(res: http.ServerResponse, source: Readable, headers: http.OutgoingHttpHeaders): Promise<void> {
  const chunks = source[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer>;
  try {
    first = (await chunks.next()) as IteratorResult<Buffer>;
  } catch (e) {
    source.destroy();
    throw e;
  }
  res.writeHead(200, headers);
  try {
    // pipeline handles backpressure and, on any error (a later read, or the client leaving),
    // destroys the response and ends this generator, whose `finally` closes the file.
    await pipeline(async function* () {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer;
      } finally {
        source.destroy();
      }
    }, res);
  } catch {
    // Headers are out: nothing to answer. The connection is cut so the body reads as incomplete.
    source.destroy();
    res.destroy();
  }
}

/** sendStream of a file on disk. Rejects with the fs error (ENOENT, EISDIR, EACCES…) when it cannot be read at all. */
export function sendFile(res: http.ServerResponse, file: string, headers: http.OutgoingHttpHeaders): Promise<void> {
  return sendStream(res, fs.createReadStream(file), headers);
}

/** True for the errors that mean the file is not there (as opposed to there and unreadable). */
export function isMissingFileError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
