// Request bodies: at most 64 MB, refused with 413 and a sentence — before reading when the
// length is declared, at the limit when it is not — and the server keeps serving afterwards.
// Bodies are read into one buffer and dropped once parsed (electron/http/request-body.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody, readJsonBody } from '../../../electron/http/request-body.ts';
import { MAX_REQUEST_BYTES, MAX_UPLOAD_FILE_BYTES, tooLargeMessage } from '../../../electron/http/request-limits.ts';
import { rawRequest, startTestServer, type RawAnswer, type TestServer } from './test-server.ts';

const MB = 1024 * 1024;
const SENTENCE = tooLargeMessage(MAX_REQUEST_BYTES);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

function expect413(answer: RawAnswer): void {
  expect(answer.status).toBe(413);
  expect(answer.headers.connection).toBe('close');
  expect(JSON.parse(answer.body)).toEqual({ error: { code: 'bad-request', message: SENTENCE } });
}

/** The server still answers an ordinary call. */
async function stillServing(server: TestServer): Promise<void> {
  const res = await fetch(`${server.base}/api/libraryInfo`, { headers: server.auth });
  expect(res.status).toBe(200);
}

/**
 * Sends `total` bytes of a JSON string, 1 MB at a time, until the server answers: chunked (no
 * Content-Length), or with the length declared up front as a browser's fetch does.
 */
function upload(server: TestServer, total: number, declare = false): Promise<RawAnswer> {
  return rawRequest(server.server.port, {
    method: 'POST',
    path: '/api/libraryInfo',
    headers: { ...server.auth, 'content-type': 'application/json', ...(declare ? { 'content-length': String(total + 2) } : {}) },
    write: (req) => {
      const chunk = Buffer.alloc(MB, 'A');
      let sent = 0;
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', () => {}); // the server may close while this is still sending
      const next = () => {
        // Bounded: at most `total` bytes, and no more once the answer has come.
        while (!answered && !req.destroyed && sent < total) {
          const part = sent === 0 ? Buffer.concat([Buffer.from('{"pad":"'), chunk.subarray(8)]) : chunk.subarray(0, Math.min(MB, total - sent));
          sent += part.length;
          if (!req.write(part)) return void req.once('drain', next);
        }
        if (!answered && !req.destroyed) req.end('"}');
      };
      next();
    },
  });
}

describe('the request body limit', () => {
  it('is 64 MB, which holds one upload batch of a file up to about 48 MB', () => {
    expect(MAX_REQUEST_BYTES).toBe(64 * MB);
    expect(SENTENCE).toMatch(/^The request is too large: at most 64 MB at a time\. /);
    // The largest single file, base64-encoded in its JSON, fits.
    expect(Math.ceil(MAX_UPLOAD_FILE_BYTES / 3) * 4 + 64 * 1024).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('answers 413 to a declared Content-Length over the limit before any of the body is sent', async () => {
    const answer = await rawRequest(t.server.port, {
      method: 'POST',
      path: '/api/importUploads',
      headers: { ...t.auth, 'content-type': 'application/json', 'content-length': String(MAX_REQUEST_BYTES + 1) },
      // Headers only: the answer must come without the server waiting for a single body byte.
      write: (req) => req.flushHeaders(),
    });
    expect413(answer);
    await stillServing(t);
  });

  it('answers 413 to a chunked body as soon as it passes the limit, on the same connection, then keeps serving', async () => {
    const answer = await upload(t, MAX_REQUEST_BYTES + 8 * MB);
    expect413(answer);
    await stillServing(t);
  });

  it('answers 413 that a client still busy sending its declared body can read (the close lingers instead of resetting)', async () => {
    const answer = await upload(t, MAX_REQUEST_BYTES + 8 * MB, true);
    expect413(answer);
    await stillServing(t);
  });

  it('with `Expect: 100-continue`, refuses a declared body over the limit without asking for it', async () => {
    let continued = false;
    const answer = await rawRequest(t.server.port, {
      method: 'POST',
      path: '/api/importUploads',
      headers: { ...t.auth, 'content-type': 'application/json', 'content-length': String(MAX_REQUEST_BYTES + 1), expect: '100-continue' },
      write: (req) => {
        req.on('continue', () => (continued = true));
        req.flushHeaders();
      },
    });
    expect413(answer);
    expect(continued).toBe(false);
  });

  it('reads a body under the limit in full (a 40 MB argument is parsed, then refused for its name, not its size)', async () => {
    const body = JSON.stringify({ pad: 'A'.repeat(40 * MB) });
    const res = await fetch(`${t.base}/api/libraryInfo`, { method: 'POST', headers: t.auth, body });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('pad is not a known argument');
  });

  it('takes exactly the limit and refuses one byte more, declared or chunked (a server with a 1 KB limit)', async () => {
    const small = await startTestServer({ maxBodyBytes: 1024 });
    try {
      const exactly = (n: number) => JSON.stringify({ pad: 'A'.repeat(n - 10) }); // {"pad":""} is 10 bytes
      const ok = await fetch(`${small.base}/api/libraryInfo`, { method: 'POST', headers: small.auth, body: exactly(1024) });
      expect(ok.status).toBe(400); // read and parsed: refused for the unknown argument
      const declared = await fetch(`${small.base}/api/libraryInfo`, { method: 'POST', headers: small.auth, body: exactly(1025) });
      expect(declared.status).toBe(413);
      expect((await declared.json()).error.message).toMatch(/^The request is too large: at most 1 KB at a time\. /);
      const chunked = await rawRequest(small.server.port, {
        method: 'POST',
        path: '/api/libraryInfo',
        headers: small.auth,
        write: (req) => {
          req.on('error', () => {});
          req.write(exactly(1025).slice(0, 600));
          req.end(exactly(1025).slice(600));
        },
      });
      expect(chunked.status).toBe(413);
      await stillServing(small);
    } finally {
      await small.stop();
    }
  });
});

describe('reading a body (electron/http/request-body.ts)', () => {
  /** A server whose only job is to hand each request to `read` and answer with what it gives. */
  async function withReader<T>(read: (req: http.IncomingMessage) => Promise<T>, send: (port: number) => Promise<unknown>): Promise<T[]> {
    const results: T[] = [];
    const server = http.createServer((req, res) => {
      read(req).then(
        (v) => (results.push(v), res.end('ok')),
        (e: Error) => res.writeHead(400, { connection: 'close' }).end(e.message),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await send((server.address() as AddressInfo).port);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    return results;
  }

  it('copies a declared body into one buffer of exactly that length: no list of chunks, no concatenated second copy', async () => {
    const sent = Buffer.alloc(3 * MB + 123, 'x');
    const [body] = await withReader(
      (req) => readBody(req, 8 * MB),
      (port) => rawRequest(port, { method: 'POST', path: '/', headers: { 'content-length': String(sent.length) }, write: (req) => req.end(sent) }),
    );
    expect(body.equals(sent)).toBe(true);
    // A buffer of its own (not a slice of a pool or of a larger concatenation), sized by the header.
    expect(body.byteOffset).toBe(0);
    expect(body.buffer.byteLength).toBe(sent.length);
  });

  it('assembles a chunked body once, in order', async () => {
    const parts = ['{"a":', '"b', 'c"}'];
    const [body] = await withReader(
      (req) => readBody(req, 1024),
      (port) => rawRequest(port, { method: 'POST', path: '/', write: (req) => { for (const p of parts) req.write(p); req.end(); } }),
    );
    expect(body.toString()).toBe('{"a":"bc"}');
  });

  it('parses JSON, takes an empty body as {}, and refuses what is not JSON with a sentence', async () => {
    const answers: RawAnswer[] = [];
    const parsed = await withReader(
      (req) => readJsonBody(req, 1024),
      async (port) => {
        for (const body of ['{"id": 7}', '', '  \n', '{"id":']) {
          answers.push(await rawRequest(port, { method: 'POST', path: '/', headers: { 'content-length': String(Buffer.byteLength(body)) }, write: (req) => req.end(body) }));
        }
      },
    );
    expect(parsed).toEqual([{ id: 7 }, {}, {}]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 400]);
    expect(answers[3].body).toBe('The request body is not valid JSON.');
  });
});
