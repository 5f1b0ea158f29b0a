// Files streamed to the browser (originals, the interface's own files): a read error is an
// answer or a cut download, never an unhandled 'error' event that ends the server's process.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendStream } from '../../../electron/http/send-file.ts';
import { insertClip } from '../../../electron/library/clips.ts';
import { rawRequest, startTestServer, type TestServer } from './test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** A clip whose stored original is `originals/<name>` in the library folder (created by `make`). */
function clipWithOriginal(name: string, make: (file: string) => void): number {
  const rel = path.join('originals', name);
  fs.mkdirSync(path.join(t.lib.dir, 'originals'), { recursive: true });
  make(path.join(t.lib.dir, rel));
  return insertClip(t.lib.db, {
    title: `Original ${name}`, bodyText: 'Text.', bodyHtml: '<p>Text.</p>', contentHash: `hash-${name}`,
    originalName: name, originalPath: rel,
  });
}

const download = (id: number) => rawRequest(t.server.port, { path: `/api/original/${id}?token=${encodeURIComponent(t.server.token)}` });

async function stillServing(): Promise<void> {
  const res = await fetch(`${t.base}/api/libraryInfo`, { headers: t.auth });
  expect(res.status).toBe(200);
}

describe('streamed originals', () => {
  it('downloads a readable original whole', async () => {
    const bytes = Buffer.alloc(300_000, 'n');
    const id = clipWithOriginal('whole.txt', (f) => fs.writeFileSync(f, bytes));
    const answer = await download(id);
    expect(answer.status).toBe(200);
    expect(answer.aborted).toBe(false);
    expect(answer.body.length).toBe(bytes.length);
  });

  it('answers a read error (the stored copy is a directory: it opens, then every read fails) with 500 and a sentence, and keeps serving', async () => {
    const id = clipWithOriginal('a-directory.txt', (f) => fs.mkdirSync(f));
    const answer = await download(id);
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'internal', message: 'The original file of this clip could not be read (EISDIR).' } });
    await stillServing();
    // And again: the failed stream left nothing open or broken behind.
    expect((await download(id)).status).toBe(500);
    await stillServing();
  });

  it('answers 404 with a sentence when the stored copy is gone', async () => {
    const id = clipWithOriginal('gone.txt', (f) => fs.writeFileSync(f, 'x'));
    fs.rmSync(path.join(t.lib.dir, 'originals', 'gone.txt'));
    const answer = await download(id);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.message).toBe('The original file of this clip is missing from the library folder.');
    await stillServing();
  });

  it('survives a client that leaves in the middle of a download', async () => {
    const id = clipWithOriginal('large.bin', (f) => fs.writeFileSync(f, Buffer.alloc(32 * 1024 * 1024, 1)));
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: t.server.port, path: `/api/original/${id}?token=${encodeURIComponent(t.server.token)}`, agent: false });
      req.on('response', (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', reject);
    });
    await stillServing();
  });
});

describe('sendStream (electron/http/send-file.ts)', () => {
  /** A server that answers every request with sendStream of a fresh `source()`; records what sendStream did. */
  async function serve(source: () => Readable, run: (port: number) => Promise<void>): Promise<string[]> {
    const outcomes: string[] = [];
    const server = http.createServer((_req, res) => {
      sendStream(res, source(), { 'content-type': 'text/plain' }).then(
        () => outcomes.push('resolved'),
        (e: Error) => {
          outcomes.push(`rejected: ${e.message}`);
          res.writeHead(500).end(e.message);
        },
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await run((server.address() as AddressInfo).port);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    return outcomes;
  }

  it('cuts the body when a read fails after the headers are out, so the client sees an aborted download', async () => {
    // The first chunk is read and sent, the second read fails.
    const failingAfterOne = () => {
      let reads = 0;
      return new Readable({
        read() {
          if (reads++ === 0) this.push(Buffer.alloc(1000, 'a'));
          else this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
        },
      });
    };
    // Whether the 200 and the first chunk reach the client before the cut depends on timing:
    // either way the client must see a failed download, never a complete one.
    const seen = (port: number) =>
      rawRequest(port, { path: '/' }).then(
        (a) => (a.aborted ? `aborted after ${a.status}` : `complete ${a.status}`),
        (e: NodeJS.ErrnoException) => `cut before the headers (${e.code})`,
      );
    const outcomes = await serve(failingAfterOne, async (port) => {
      expect(await seen(port)).toMatch(/^aborted after 200$|^cut before the headers \(ECONNRESET\)$/);
      // The same server answers the next request (and fails it the same way, without crashing).
      expect(await seen(port)).toMatch(/^aborted after 200$|^cut before the headers \(ECONNRESET\)$/);
    });
    expect(outcomes).toEqual(['resolved', 'resolved']);
  });

  it('rejects, before any header is written, when the very first read fails', async () => {
    const failingAtOnce = () => new Readable({ read() { this.destroy(new Error('nothing to read')); } });
    const outcomes = await serve(failingAtOnce, async (port) => {
      const answer = await rawRequest(port, { path: '/' });
      expect(answer.status).toBe(500);
      expect(answer.body).toBe('nothing to read');
    });
    expect(outcomes).toEqual(['rejected: nothing to read']);
  });

  it('sends an empty source as an empty 200', async () => {
    const outcomes = await serve(() => Readable.from([]), async (port) => {
      const answer = await rawRequest(port, { path: '/' });
      expect(answer).toMatchObject({ status: 200, body: '', aborted: false });
    });
    expect(outcomes).toEqual(['resolved']);
  });
});
